//! `cargo xtask bench load`: navigation to the planner being interactive (first question
//! focusable) in Chromium with 4x CPU throttling, against a static HTML copy of the same
//! page as the floor; median of 7 runs, written to BENCHMARKS.md.

use crate::bench_dns::{json_number, node_script};
use anyhow::Result;
use std::path::Path;

const TITLE: &str = "## Load";

pub fn bench_load(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    let json = node_script(root, "tests/bench/load.mjs")?;
    let app = json_number(&json, "appMs")?;
    let floor = json_number(&json, "staticMs")?;
    let runs = json_number(&json, "runs")?;
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench load` (tests/bench/load.mjs): headless Chromium with \
         4x CPU throttling, a fresh browser context per run (nothing cached, service worker \
         off), from navigation until the planner's first choice exists and takes focus; \
         the floor is the same page saved as static HTML with its stylesheets and no \
         scripts. Median of {runs} runs, served from loopback.\n\n\
         | page | to interactive |\n|---|---:|\n\
         | planner (wasm app) | {app} ms |\n\
         | static HTML copy (floor) | {floor} ms |\n"
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    Ok(())
}
