//! `cargo xtask test`: every check CI runs, in order from cheapest to slowest. All steps
//! run even when one fails, so one run shows every problem; the exit code is non-zero if
//! any failed, and the last line totals the tests of every runner.

use crate::process::{display, run_tallied};
use crate::summary::Tally;
use crate::{site, tools};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub fn run_all(root: &Path) -> Result<()> {
    let started = Instant::now();
    tools::ensure_test_tools(root)?;
    println!("xtask: tools ready after {:.0?}", started.elapsed());

    // This run's own folder: the DNS stacks its tests start live inside it and list their
    // process ids there, so clean-up stops exactly those and never another run's.
    let run_dir = RunDir::create()?;
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
    // The crates the browser runs, as it runs them: the web app and core with the
    // features the app ships (no `idna`, no `toml` crate). The generator and the CLI
    // never run in a browser, so they are not built for wasm32 at all; the native
    // clippy above already lints every crate's code that is not browser-only.
    steps.run(
        "clippy (wasm32, as shipped)",
        &mut cargo(&[
            "clippy",
            "-p",
            "smarthost-web",
            "-p",
            "smarthost-core",
            "--target",
            "wasm32-unknown-unknown",
            "--no-default-features",
            "--features",
            "smarthost-core/embedded-vi,smarthost-core/browser-toml",
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
    // The CLI's integration tests start the Knot + dnsdist stack too, and a Postfix for
    // `smarthost probe` (crates/cli/tests/support/postfix.rs). CI=true makes those tests
    // mandatory: without the tools they fail instead of skipping.
    steps.run(
        "native tests",
        run_dir.env(&mut cargo(&["test", "--workspace"])),
    )?;
    run_dir.stop_leftovers();
    steps.run(
        "DNS stack teardown (node --test)",
        run_dir.env(
            Command::new("node")
                .args(["--test", "tests/support/dns-stack.test.mjs"])
                .current_dir(root),
        ),
    )?;
    run_dir.stop_leftovers();
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
            // Core as the app ships it: IDNA through the browser's hook, not the crate,
            // and TOML through core's small reader.
            "--no-default-features",
            "--features",
            "embedded-vi browser-toml",
        ])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
    )?;

    println!("\n== release build of the site");
    site::build(root)?;

    steps.run(
        "end-to-end tests in Chromium",
        run_dir.env(
            Command::new("npx")
                .args(["playwright", "test"])
                .current_dir(root)
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        ),
    )?;
    run_dir.stop_leftovers();

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

/// A folder of this run's under the system's temporary folder. Each DNS stack started
/// with `SMARTHOST_RUN_DIR` pointing here makes its folder inside it and writes `pids`,
/// its process-group leaders (tests/support/dns-stack.mjs).
struct RunDir(PathBuf);

impl RunDir {
    fn create() -> Result<Self> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let path =
            std::env::temp_dir().join(format!("smarthost-run-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self(path))
    }

    /// `cmd` with this run's folder and CI=true, so the DNS-stack tests are mandatory.
    fn env<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.env("SMARTHOST_RUN_DIR", &self.0).env("CI", "true")
    }

    /// The test runners stop their stacks themselves; this catches one killed before it
    /// could. A listed process is signalled only while its command line still names this
    /// run's folder, so a reused pid is never hit.
    fn stop_leftovers(&self) {
        for group in self.leftover_groups() {
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{group}")])
                .status();
        }
    }

    fn leftover_groups(&self) -> Vec<u32> {
        let Ok(stacks) = std::fs::read_dir(&self.0) else {
            return Vec::new();
        };
        let marker = self.0.to_string_lossy().into_owned();
        stacks
            .flatten()
            .filter_map(|stack| std::fs::read_to_string(stack.path().join("pids")).ok())
            .flat_map(|pids| {
                pids.lines()
                    .filter_map(|line| line.trim().parse::<u32>().ok())
                    .collect::<Vec<_>>()
            })
            .filter(|pid| {
                std::fs::read(format!("/proc/{pid}/cmdline"))
                    .map(|cmdline| String::from_utf8_lossy(&cmdline).contains(&marker))
                    .unwrap_or(false)
            })
            .collect()
    }
}

impl Drop for RunDir {
    fn drop(&mut self) {
        self.stop_leftovers();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::RunDir;
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    use std::process::{Child, Command, Stdio};

    /// A process-group leader whose command line names `marker`, as a stack's do. It has
    /// started (its command line is its own, no longer the test's) once it says so.
    fn leader(marker: &str) -> Child {
        let mut child = Command::new("sh")
            .args(["-c", "echo started; sleep 60; true", marker])
            .stdout(Stdio::piped())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("sh: {e}"));
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        assert_eq!(line, "started\n");
        child
    }

    #[test]
    fn leftovers_are_this_runs_listed_processes_only() {
        let run = RunDir::create().unwrap_or_else(|e| panic!("{e}"));
        let stack = run.0.join("smarthost-e2e-test");
        std::fs::create_dir(&stack).unwrap_or_else(|e| panic!("{e}"));
        let ours = leader(&stack.join("knot.conf").to_string_lossy());
        // Listed, but its command line does not name this run: a pid reused by another
        // program, or another run's process.
        let mut other = leader("/tmp/smarthost-e2e-another-run/knot.conf");
        let pids = format!("{}\n{}\n", ours.id(), other.id());
        std::fs::write(stack.join("pids"), pids).unwrap_or_else(|e| panic!("{e}"));

        assert_eq!(run.leftover_groups(), vec![ours.id()]);
        drop(run);
        let mut ours = ours;
        let status = ours.wait().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status.signal(), Some(15), "SIGTERM to this run's group");
        assert!(
            other.try_wait().ok().flatten().is_none(),
            "the other process still runs"
        );
        let _ = other.kill();
        let _ = other.wait();
        assert!(!stack.exists(), "the run's folder is removed");
    }
}
