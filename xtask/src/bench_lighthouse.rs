//! `cargo xtask bench lighthouse`: Lighthouse 12.2.3 (later versions need Node 22),
//! installed on first use into target/bench-tools/lighthouse, against the built site
//! served gzip-compressed on loopback with Debian's Chromium: the planner, a guide page
//! and a device card page. Scores go to BENCHMARKS.md.

use crate::bench_dns::{json_number, node_script};
use crate::process::run;
use anyhow::Result;
use std::path::Path;
use std::process::Command;

const TITLE: &str = "## Lighthouse";
const VERSION: &str = "12.2.3";

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
    for page in json.split("{\"name\":").skip(1) {
        let name = page.split('"').nth(1).unwrap_or("?");
        let path = page
            .split("\"path\":\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .unwrap_or("?");
        rows.push_str(&format!(
            "| {name} (`{path}`) | {} | {} | {} | {} | {} ms |\n",
            json_number(page, "performance")?,
            json_number(page, "accessibility")?,
            json_number(page, "bestPractices")?,
            json_number(page, "seo")?,
            json_number(page, "lcpMs")?,
        ));
    }
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench lighthouse` (tests/bench/lighthouse.mjs): Lighthouse \
         {VERSION}, default mobile settings (simulated slow 4G and CPU), categories \
         performance, accessibility, best practices and SEO, against `dist/` served on \
         loopback with gzip as a production host would. Goals: accessibility 100, the \
         others at least 95.\n\n\
         | page | performance | accessibility | best practices | SEO | LCP |\n\
         |---|---:|---:|---:|---:|---:|\n{rows}\n\
         The guide pages miss SEO 100 on one audit only: their `hreflang` links are relative, \
         because the build cannot know the address the guides will be published at. Build \
         with `smarthost build --base-url https://your.host/path/guide/` when you publish and \
         they become absolute.\n"
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    Ok(())
}
