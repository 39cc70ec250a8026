//! `cargo xtask test`: every check CI runs, in order from cheapest to slowest. All steps
//! run even when one fails, so one run shows every problem; the exit code is non-zero if
//! any failed, and the last line totals the tests of every runner.

use crate::process::{display, run_tallied};
use crate::summary::Tally;
use crate::{site, tools};
use anyhow::{bail, Result};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub fn run_all(root: &Path) -> Result<()> {
    let started = Instant::now();
    tools::ensure_test_tools(root)?;
    println!("xtask: tools ready after {:.0?}", started.elapsed());

    let mut steps = Steps::default();
    steps.run("format", &mut cargo(&["fmt", "--all", "--check"]))?;
    steps.run(
        "clippy",
        &mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    steps.run(
        "clippy (wasm32)",
        &mut cargo(&[
            "clippy",
            "--workspace",
            "--exclude",
            "xtask",
            "--exclude",
            "smarthost",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // cargo deny reads the manifest of every package in Cargo.lock, for every platform,
    // while the builds above download only what this machine compiles; on a fresh
    // machine the offline check then fails on a crate it never saw (tokio, cast).
    steps.run(
        "cargo fetch (every crate Cargo.lock names, for cargo deny)",
        &mut cargo(&["fetch", "--locked"]),
    )?;
    steps.run(
        "cargo deny (licences, bans, sources; deny.toml)",
        &mut cargo(&["deny", "--offline", "check", "licenses", "bans", "sources"]),
    )?;
    // The CLI's integration tests start the Knot + dnsdist stack too.
    steps.run("native tests", &mut cargo(&["test", "--workspace"]))?;
    leave_no_service_behind();
    steps.run(
        "wasm tests in headless Chromium",
        cargo(&[
            "test",
            "-p",
            "smarthost-core",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "wasm",
        ])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
    )?;

    println!("\n== release build of the site");
    site::build(root)?;

    steps.run(
        "end-to-end tests in Chromium",
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(root)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    leave_no_service_behind();

    println!("\nxtask: finished in {:.0?}", started.elapsed());
    steps.finish()
}

/// The steps run so far: the tests they counted and the ones that failed.
#[derive(Default)]
struct Steps {
    tally: Tally,
    failed: Vec<String>,
}

impl Steps {
    fn run(&mut self, name: &str, cmd: &mut Command) -> Result<()> {
        println!("\n== {name}");
        let started = Instant::now();
        let ok = run_tallied(cmd, &mut self.tally)?;
        let verdict = if ok { "ok" } else { "FAILED" };
        println!("== {name}: {verdict} in {:.1?}", started.elapsed());
        if !ok {
            self.failed.push(format!("{name} (`{}`)", display(cmd)));
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if !self.failed.is_empty() {
            println!("failed steps:\n  {}", self.failed.join("\n  "));
        }
        let Tally {
            passed,
            failed,
            skipped,
        } = self.tally;
        println!("total: {passed} passed, {failed} failed, {skipped} skipped");
        if !self.failed.is_empty() {
            bail!("{} step(s) failed", self.failed.len());
        }
        Ok(())
    }
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args);
    cmd
}

/// The browser tests stop their services in teardown; this catches a runner that was
/// killed before it could. Their command lines carry this marker (the temp folder name).
fn leave_no_service_behind() {
    let _ = Command::new("pkill")
        .args(["-f", "smarthost-e2e-"])
        .status();
}
