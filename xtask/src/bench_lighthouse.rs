//! `cargo xtask bench lighthouse`: Lighthouse 12.2.3 (later versions need Node 22),
//! installed on first use into target/bench-tools/lighthouse, against the built site
//! served gzip-compressed on loopback with Debian's Chromium: every app screen, a guide page
//! and a device card page. Scores go to BENCHMARKS.md.

use crate::bench_dns::{json_number, node_script};
use crate::process::run;
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;

const TITLE: &str = "## Lighthouse";
const VERSION: &str = "12.2.3";

/// The goals, per category: (key in the script's JSON, name, least score).
const GOALS: [(&str, &str, u64); 4] = [
    ("performance", "performance", 99),
    ("accessibility", "accessibility", 100),
    ("bestPractices", "best practices", 100),
    ("seo", "SEO", 100),
];

pub fn bench_lighthouse(root: &Path) -> Result<()> {
    let tools = root.join("target/bench-tools/lighthouse");
    if !tools.join("node_modules/.bin/lighthouse").exists() {
        std::fs::create_dir_all(&tools)?;
        std::fs::write(tools.join("package.json"), "{\"private\": true}\n")?;
        println!(
            "xtask: installing lighthouse@{VERSION} into {}",
            tools.display()
        );
        run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&tools)
            .arg(format!("lighthouse@{VERSION}")))?;
    }
    crate::site::build(root)?;
    let json = node_script(root, "tests/bench/lighthouse.mjs")?;
    let mut rows = String::new();
    let mut misses = Vec::new();
    for page in json.split("{\"name\":").skip(1) {
        let name = page.split('"').nth(1).unwrap_or("?");
        let path = page
            .split("\"path\":\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .unwrap_or("?");
        let mut scores = Vec::new();
        for (key, label, goal) in GOALS {
            let score = json_number(page, key)?;
            if score < goal {
                misses.push(format!("{name}: {label} {score} (goal {goal})"));
            }
            scores.push(score.to_string());
        }
        rows.push_str(&format!(
            "| {name} (`{path}`) | {} | {} ms |\n",
            scores.join(" | "),
            json_number(page, "lcpMs")?,
        ));
    }
    let verdict = if misses.is_empty() {
        "Every page meets every goal.".to_owned()
    } else {
        format!("Missed: {}.", misses.join("; "))
    };
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench lighthouse` (tests/bench/lighthouse.mjs): Lighthouse \
         {VERSION}, default mobile settings (simulated slow 4G and CPU), categories \
         performance, accessibility, best practices and SEO, against `dist/` served on \
         loopback with gzip as a production host would. Goals (issue #18): performance \
         99 or more, the other categories 100; the bench fails when a page misses one.\n\n\
         | page | performance | accessibility | best practices | SEO | LCP |\n\
         |---|---:|---:|---:|---:|---:|\n{rows}\n{verdict} The guides are built without \
         `--base-url`, as `cargo xtask build` does, so they carry no `hreflang` alternates \
         (search engines take only absolute URLs there); built with one, they do.\n"
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    if !misses.is_empty() {
        bail!("Lighthouse goals missed: {}", misses.join("; "));
    }
    Ok(())
}
