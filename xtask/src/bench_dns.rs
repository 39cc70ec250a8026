//! `cargo xtask bench dns`: the DNS check of a 3-level, 8-include SPF tree against a
//! DoH server that adds 100 ms to every answer, in Chromium and with the CLI (both ask a
//! level's lookups together), against pyspf (one lookup at a time, over plain DNS with
//! the same delay per answer), written to BENCHMARKS.md. pyspf and dnspython are
//! installed with pip into a virtual environment under the target directory, for the
//! benchmark only; no test uses them. The CLI's `check` must take at most
//! [`TARGET_RATIO`] of pyspf's time (issue #15), or the bench fails after writing.

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
use std::path::{Path, PathBuf};
use std::process::Command;

const TITLE: &str = "## DNS check";

/// The CLI's `check` against pyspf's time in the same run, at most.
const TARGET_RATIO: f64 = 0.45;

/// The yardstick, pinned: pyspf's last release, and the dnspython major it runs on.
const PYSPF: [&str; 2] = ["pyspf==2.0.14", "dnspython>=2.9,<3"];

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the workspace), else
/// `target/`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// A virtual environment with pyspf in it (made once); returns its Python.
fn pyspf_python(root: &Path) -> Result<PathBuf> {
    let venv = target_dir(root).join("bench-pyspf");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import spf, dns.resolver"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !ready {
        run(Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .current_dir(root))
        .context("python3 -m venv (Debian: apt-get install python3-venv)")?;
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet"])
            .args(PYSPF)
            .current_dir(root))?;
    }
    Ok(python)
}

pub fn bench_dns(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    run(Command::new("cargo")
        .args(["build", "--release", "-p", "smarthost"])
        .current_dir(root))?;
    let python = pyspf_python(root)?;
    let smarthost = target_dir(root).join("release/smarthost");
    let output = Command::new("node")
        .arg("tests/bench/dns-check.mjs")
        .env("BENCH_PYTHON", &python)
        .env("BENCH_SMARTHOST", &smarthost)
        .current_dir(root)
        .output()
        .context("running node tests/bench/dns-check.mjs")?;
    if !output.status.success() {
        bail!(
            "tests/bench/dns-check.mjs failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let json = String::from_utf8_lossy(&output.stdout).into_owned();
    let number = |key: &str| json_number(&json, key);
    let after = |part: &str, key: &str| -> Result<u64> {
        let at = json
            .find(&format!("\"{part}\""))
            .with_context(|| format!("no {part}"))?;
        json_number(&json[at..], key)
    };
    let delay = number("delayMs")?;
    let browser = number("medianWallMs")?;
    let trips = number("sequentialRoundTrips")?;
    let lookups = number("lookups")?;
    let runs = number("runs")?;
    let cli = after("cliCheck", "medianWallMs")?;
    let cli_eval = after("cliSpfEval", "medianWallMs")?;
    let pyspf = after("pyspf", "medianWallMs")?;
    let pyspf_eval = after("pyspf", "medianEvalMs")?;
    let pyspf_queries = after("pyspf", "queries")?;
    let cold = json_number(&json, "cliColdStartMs")?;
    let ratio = |ours: u64, theirs: u64| ours as f64 / theirs.max(1) as f64;
    let check_ratio = ratio(cli, pyspf);
    let section = format!(
        "{TITLE}\n\n\
         `cargo xtask bench dns` (tests/bench/dns-check.mjs): `deep.web.test` in tests/zones/web.test \
         (SPF tree 3 levels deep, 8 includes, 12 lookups with MX and DMARC, 14 with the two DKIM selectors) and the device IP \
         203.0.113.9, which no range of the tree holds, so every include is read and the result \
         is `fail`. Every answer is delayed {delay} ms: for Chromium and the CLI by the test \
         stack's DoH proxy (`/delay/{delay}/`: wait, then one exchange with dnsdist), for pyspf \
         2.0.14 (dnspython 2, installed with pip in the bench only) by a plain-DNS forwarder \
         (tests/bench/delaying-dns.mjs: wait, then one UDP exchange with the same dnsdist). \
         Median of {runs} runs; Chromium from the first DoH request to the last section shown, \
         the others process start to exit, the CLI and pyspf taking turns in the same run.\n\n\
         | | what it does | wall time |\n\
         |---|---|---:|\n\
         | browser | MX, SPF tree, DKIM selectors, DMARC (no device IP): {lookups} lookups in {trips} sequential round trips (≈ {} ms of delay) | {browser} ms |\n\
         | CLI `smarthost check deep.web.test --ip 203.0.113.9` | MX, SPF tree, check_host for the IP, suggested record, DKIM selectors (alongside the tree), DMARC; each level's lookups together | {cli} ms |\n\
         | CLI `smarthost spf eval --ip 203.0.113.9 --sender postmaster@deep.web.test` | check_host only; each level's lookups together | {cli_eval} ms |\n\
         | pyspf `spf.check2` (same IP and sender) | check_host only, {pyspf_queries} lookups one at a time | {pyspf} ms, of which {pyspf_eval} ms in check2 (the rest is Python's start and imports) |\n\n\
         `smarthost check` takes **{check_ratio:.2}** of pyspf's time (target: at most \
         {TARGET_RATIO}), though it does more than check_host; against pyspf's check2 alone, \
         without the interpreter's start, {:.2}. `smarthost spf eval`, the like-for-like \
         command, takes {:.2} of pyspf's time.\n\n\
         CLI cold start: the same `smarthost check` against the same stack with no \
         added delay, process start to exit, median: {cold} ms.\n",
        trips * delay,
        ratio(cli, pyspf_eval),
        ratio(cli_eval, pyspf),
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    if check_ratio > TARGET_RATIO {
        bail!("smarthost check took {check_ratio:.2} of pyspf's time; the target is at most {TARGET_RATIO}");
    }
    Ok(())
}
