//! `cargo xtask bench load`: every screen's first paint and time to interactive in
//! Chromium with 4x CPU throttling, against the static-HTML floor of the same screen in
//! the same run (tests/bench/load.mjs); medians written to BENCHMARKS.md. Fails when the
//! median of a screen's paired first-paint ratios (app over floor, run back to back) is
//! above 1.10 (issue #18).

use crate::bench_dns::node_script;
use anyhow::{bail, Context, Result};
use std::path::Path;

const TITLE: &str = "## Load";

/// First paint may be this much after the floor's (1.10: within 10%).
const PAINT_RATIO: f64 = 1.10;

pub fn bench_load(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    let json = node_script(root, "tests/bench/load.mjs")?;
    let report: serde_json::Value =
        serde_json::from_str(&json).with_context(|| format!("reading {json}"))?;
    let number = |value: &serde_json::Value, key: &str| {
        value[key]
            .as_f64()
            .with_context(|| format!("no {key} in {value}"))
    };
    let runs = number(&report, "runs")?;
    let mut rows = String::new();
    let mut over = Vec::new();
    for route in report["routes"].as_array().context("no routes")? {
        let name = route["route"]
            .as_str()
            .context("a route without its path")?;
        let (app, floor) = (number(route, "appPaint")?, number(route, "floorPaint")?);
        let ratio = number(route, "paintRatio")?;
        if ratio > PAINT_RATIO {
            over.push(format!("{name}: {ratio:.2} of the floor"));
        }
        rows.push_str(&format!(
            "| `{name}` | {app} ms | {floor} ms | {ratio:.2} | {} ms | {} ms | {} / {} |\n",
            number(route, "appInteractive")?,
            number(route, "floorInteractive")?,
            route["appPaintRuns"],
            route["floorPaintRuns"],
        ));
    }
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench load` (tests/bench/load.mjs): headless Chromium with \
         4x CPU throttling, a browser of its own for each screen, warmed up on both of its \
         pages, and a fresh context per run (nothing cached, service worker off), served \
         from loopback; nothing is evaluated in a page before its load event (a small init \
         script records interactive). First paint is the browser's first-contentful-paint; \
         interactive is when the app's own page has replaced the prerendered one and the \
         first control in `<main>` takes focus. The floor is the same screen as the app \
         renders it, saved as static HTML with its stylesheets and no scripts. {runs} pairs \
         of runs per screen, the app and its floor back to back in alternating order; the \
         first-paint and interactive columns are medians of each page's runs, the ratio is \
         the median of the {runs} pairs' ratios (app over floor), so that a slow moment of \
         the machine weighs on both pages of a pair. Goal: first paint within 10% of the \
         floor, a ratio of 1.10 at most (the bench fails otherwise).\n\n\
         | screen | first paint | floor | ratio (median of pairs) | interactive | floor interactive | first paint, all runs (app / floor, ms) |\n\
         |---|---:|---:|---:|---:|---:|---|\n{rows}"
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    if !over.is_empty() {
        bail!(
            "first paint more than 10% after the floor: {}",
            over.join(", ")
        );
    }
    Ok(())
}
