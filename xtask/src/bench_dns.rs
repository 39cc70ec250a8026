//! `cargo xtask bench dns`: the DNS check of a 3-level, 8-include SPF tree against a
//! DoH server that adds 100 ms to every answer, in Chromium (look-ups of a level go out
//! together) and with the CLI (one look-up at a time), written to BENCHMARKS.md.

use crate::process::run;
use anyhow::{bail, Context, Result};

/// Runs a benchmark script of tests/bench and returns the JSON line it prints.
pub fn node_script(root: &Path, script: &str) -> Result<String> {
    let output = Command::new("node")
        .arg(script)
        .current_dir(root)
        .output()
        .with_context(|| format!("running node {script}"))?;
    if !output.status.success() {
        bail!(
            "{script} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The first whole number after `"key":` in a flat JSON line.
pub fn json_number(json: &str, key: &str) -> Result<u64> {
    let pattern = format!("\"{key}\":");
    let at = json
        .find(&pattern)
        .with_context(|| format!("no {key} in {json}"))?;
    let digits: String = json[at + pattern.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().with_context(|| format!("{key} in {json}"))
}
use std::path::Path;
use std::process::Command;

const TITLE: &str = "## DNS check";

pub fn bench_dns(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    run(Command::new("cargo")
        .args(["build", "--release", "-p", "smarthost"])
        .current_dir(root))?;
    let json = node_script(root, "tests/bench/dns-check.mjs")?;
    let number = |key: &str| json_number(&json, key);
    let delay = number("delayMs")?;
    let browser = number("medianWallMs")?;
    let trips = number("sequentialRoundTrips")?;
    let lookups = number("lookups")?;
    let runs = number("runs")?;
    let cli_at = json.find("cliSequential").context("no CLI result")?;
    let cli = json_number(&json[cli_at..], "medianWallMs")?;
    let cold = json_number(&json, "cliColdStartMs")?;
    let section = format!(
        "{TITLE}\n\n\
         `cargo xtask bench dns` (tests/bench/dns-check.mjs): `deep.web.test` in tests/zones/web.test \
         (SPF tree 3 levels deep, 8 includes, 12 look-ups with MX and DMARC) against the test \
         stack's DoH proxy adding {delay} ms to every answer; median of {runs} runs, Chromium \
         from the first DoH request to the last section shown.\n\n\
         | | wall time | sequential round trips | look-ups |\n\
         |---|---:|---:|---:|\n\
         | browser (each level's look-ups together) | {browser} ms | {trips} (≈ {} ms of delay) | {lookups} |\n\
         | CLI (blocking HTTP, one look-up at a time; includes process start) | {cli} ms | {lookups} | {lookups} |\n\n\
         CLI cold start: `smarthost check deep.web.test --json` against the same stack with no \
         added delay, process start to exit, median: {cold} ms.\n",
        trips * delay
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    Ok(())
}
