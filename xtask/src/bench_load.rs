//! `cargo xtask bench load`: every screen's first paint and time to interactive in
//! Chromium with 4x CPU throttling, against the static-HTML floor of the same screen in
//! the same run (tests/bench/load.mjs); medians written to BENCHMARKS.md. Fails when a
//! screen's first paint is more than 10% after its floor's (issue #18).

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
        let ratio = app / floor.max(1.0);
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
         4x CPU throttling, a fresh browser context per run (nothing cached, service worker \
         off), served from loopback. First paint is the browser's first-contentful-paint; \
         interactive is when the app's own page has replaced the prerendered one and the \
         first control in `<main>` takes focus. The floor is the same screen as the app \
         renders it, saved as static HTML with its stylesheets and no scripts, measured in \
         turn with the app. Median of {runs} runs each; goal: first paint within 10% of the \
         floor (the bench fails otherwise).\n\n\
         | screen | first paint | floor | ratio | interactive | floor interactive | first paint, all runs (app / floor, ms) |\n\
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
