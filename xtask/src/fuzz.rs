//! `cargo xtask fuzz [TARGET] [--seconds N]`: coverage-guided fuzzing of the parsers that
//! read untrusted input, with cargo-fuzz and libFuzzer. Not part of `cargo xtask test`.
//!
//! fuzz/ is a workspace of its own (the main one excludes it), so nothing else ever builds
//! libFuzzer. Each target runs on a temporary copy of its seed corpus in fuzz/corpus/, so
//! the committed seeds stay as they are; crash inputs land in fuzz/artifacts/<target>/.
//!
//! Toolchain: cargo-fuzz passes `-Z` flags to rustc, which only a nightly compiler accepts.
//! The machine has stable 1.95 only, and `RUSTC_BOOTSTRAP=1` makes it accept them; without
//! it the build stops with "the option `Z` is only accepted on the nightly compiler".
//!
//! Sanitizer: cargo-fuzz's default, AddressSanitizer (with LeakSanitizer). It builds and runs
//! here with stable + `RUSTC_BOOTSTRAP=1` on x86_64 Linux, so `-s none` is not needed.
//! smarthost-core is safe Rust, but its dependencies (serde_json, idna, memchr) use
//! `unsafe`, and ASan turns a memory error there into a report instead of silence. It
//! costs speed: user_values ran 0.46 M inputs in 10 s with ASan and 1.77 M with `-s none`
//! (2 cores), which minutes per target absorb; for a faster sweep, run cargo-fuzz by hand
//! with `-s none`. Builds are cargo-fuzz's default too: optimized, with debug assertions and
//! overflow checks, so an arithmetic overflow that would wrap silently in a release build
//! is found as a panic.

use crate::process::{display, output, spawn_merged};
use anyhow::{bail, Context, Result};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The targets in fuzz/fuzz_targets/, in the order `cargo xtask fuzz` runs them.
const TARGETS: [&str; 8] = [
    "spf_record",
    "dns_wire",
    "dns_json",
    "dmarc",
    "user_values",
    "inventory_import",
    "front_matter",
    "bounce",
];

const DEFAULT_SECONDS: u64 = 60;
const CARGO_FUZZ_VERSION_REQ: &str = "^0.13";
const USAGE: &str = "usage: cargo xtask fuzz [TARGET] [--seconds N]";

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let (targets, seconds) = parse_args(args)?;
    ensure_cargo_fuzz()?;
    let fuzz_dir = root.join("fuzz");
    let mut results = Vec::new();
    for target in targets {
        let result = run_target(&fuzz_dir, target, seconds)?;
        println!("xtask: fuzz {target}: {}", result.summary());
        results.push(result);
    }

    println!();
    println!("| target | seconds | runs | corpus files | crash |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for r in &results {
        println!(
            "| {} | {} | {} | {} | {} |",
            r.target,
            r.seconds,
            r.runs.map_or("?".to_owned(), |n| n.to_string()),
            r.corpus_files,
            r.crash_cell()
        );
    }
    let failed: Vec<String> = results
        .iter()
        .filter(|r| r.crashed || !r.exited_ok)
        .map(|r| {
            let panic = r
                .panic
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            match &r.artifact {
                Some(path) => format!("{} (input: {}{panic})", r.target, path.display()),
                None => format!("{} (no artifact; see its output above{panic})", r.target),
            }
        })
        .collect();
    if !failed.is_empty() {
        bail!("fuzzing failed: {}", failed.join(", "));
    }
    Ok(())
}

fn parse_args(args: &[String]) -> Result<(Vec<&'static str>, u64)> {
    let mut seconds = DEFAULT_SECONDS;
    let mut chosen: Option<&'static str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--seconds" {
            let value = rest.next().context(USAGE)?;
            seconds = value
                .parse::<u64>()
                .ok()
                .filter(|&n| n > 0)
                .with_context(|| format!("--seconds expects a positive number, got `{value}`"))?;
        } else if let Some(target) = TARGETS.iter().find(|t| **t == arg.as_str()) {
            if chosen.replace(target).is_some() {
                bail!("name at most one target\n{USAGE}");
            }
        } else {
            bail!(
                "unknown fuzz target or option `{arg}` (targets: {})\n{USAGE}",
                TARGETS.join(", ")
            );
        }
    }
    let targets = match chosen {
        Some(target) => vec![target],
        None => TARGETS.to_vec(),
    };
    Ok((targets, seconds))
}

/// Installs cargo-fuzz unless `cargo fuzz --version` already works.
fn ensure_cargo_fuzz() -> Result<()> {
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    println!("xtask: installing cargo-fuzz {CARGO_FUZZ_VERSION_REQ} (a few minutes on 2 cores)");
    crate::tools::cargo_install("cargo-fuzz", CARGO_FUZZ_VERSION_REQ)
}

#[derive(Debug, Default)]
struct TargetResult {
    target: &'static str,
    seconds: u64,
    runs: Option<u64>,
    corpus_files: usize,
    crashed: bool,
    exited_ok: bool,
    artifact: Option<PathBuf>,
    panic: Option<String>,
}

impl TargetResult {
    fn summary(&self) -> String {
        let runs = self.runs.map_or("?".to_owned(), |n| n.to_string());
        format!(
            "{runs} runs in {} s, corpus {} files, {}",
            self.seconds,
            self.corpus_files,
            self.crash_cell()
        )
    }

    fn crash_cell(&self) -> String {
        match (&self.artifact, self.crashed, self.exited_ok) {
            (Some(path), _, _) => format!("CRASH: {}", path.display()),
            (None, true, _) => "CRASH (no artifact path found)".to_owned(),
            (None, false, false) => "FAILED (cargo fuzz exited non-zero)".to_owned(),
            (None, false, true) => "none".to_owned(),
        }
    }
}

fn run_target(fuzz_dir: &Path, target: &'static str, seconds: u64) -> Result<TargetResult> {
    let corpus = seeded_corpus(fuzz_dir, target)?;
    let mut cmd = Command::new("cargo");
    cmd.current_dir(fuzz_dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", target])
        .arg(&corpus)
        .args(["--", &format!("-max_total_time={seconds}")]);
    println!("$ (cd fuzz && RUSTC_BOOTSTRAP=1 {})", display(&cmd));

    let (mut child, reader) = spawn_merged(&mut cmd)?;

    let mut scan = Scan::default();
    let mut fuzzing_since = None;
    let mut reader = BufReader::new(reader);
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if reader
            .read_until(b'\n', &mut raw)
            .context("reading cargo fuzz")?
            == 0
        {
            break;
        }
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim_end_matches(['\n', '\r']);
        println!("{line}");
        if fuzzing_since.is_none() && line.starts_with("INFO: Seed:") {
            fuzzing_since = Some(Instant::now());
        }
        scan.line(line);
    }
    let status = child.wait().context("waiting for cargo fuzz")?;

    let measured = fuzzing_since.map_or(0, |t| t.elapsed().as_secs());
    let corpus_files = count_files(&corpus);
    let _ = fs::remove_dir_all(&corpus);
    let artifact = scan.artifact.map(|p| {
        let path = PathBuf::from(p);
        if path.is_absolute() {
            path
        } else {
            fuzz_dir.join(path)
        }
    });
    if let Some(path) = &artifact {
        if let Ok(bytes) = fs::read(path) {
            println!("xtask: {target} crash input ({} bytes):", bytes.len());
            println!("xtask:   hex: {}", hex(&bytes));
            println!("xtask:   text: {:?}", String::from_utf8_lossy(&bytes));
        }
        if let Some(panic) = &scan.panic {
            println!("xtask:   panic: {panic}");
        }
    }
    Ok(TargetResult {
        target,
        seconds: scan.done_seconds.unwrap_or(measured),
        runs: scan.done_runs.or(scan.last_status_runs),
        corpus_files,
        crashed: artifact.is_some() || scan.deadly,
        exited_ok: status.success(),
        artifact,
        panic: scan.panic,
    })
}

/// A fresh directory under the system temp dir holding a copy of fuzz/corpus/<target>/.
fn seeded_corpus(fuzz_dir: &Path, target: &str) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("smarthost-fuzz-{target}-{}", std::process::id()));
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let seeds = fuzz_dir.join("corpus").join(target);
    if seeds.is_dir() {
        for entry in fs::read_dir(&seeds).with_context(|| format!("reading {}", seeds.display()))? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                fs::copy(entry.path(), dir.join(entry.file_name()))
                    .with_context(|| format!("copying {}", entry.path().display()))?;
            }
        }
    }
    Ok(dir)
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .count()
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the output of `cargo fuzz run` says about a run.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scan {
    /// From libFuzzer's last line, `Done 123456 runs in 60 second(s)`.
    done_runs: Option<u64>,
    done_seconds: Option<u64>,
    /// From the last status line (`#123456\tpulse  cov: ...`), for runs that end in a crash.
    last_status_runs: Option<u64>,
    /// `... Test unit written to fuzz/artifacts/<target>/crash-<sha1>`.
    artifact: Option<String>,
    /// libFuzzer's `==N== ERROR: libFuzzer: deadly signal` (or another ERROR).
    deadly: bool,
    /// `panicked at <place>:` and the message on the line after it.
    panic: Option<String>,
    expecting_panic_message: bool,
}

impl Scan {
    fn line(&mut self, line: &str) {
        let trimmed = line.trim();
        if self.expecting_panic_message {
            self.expecting_panic_message = false;
            if let Some(panic) = &mut self.panic {
                panic.push(' ');
                panic.push_str(trimmed);
            }
        }
        if let Some(rest) = trimmed.strip_prefix("Done ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [runs, "runs", "in", seconds, ..] = words.as_slice() {
                self.done_runs = runs.parse().ok();
                self.done_seconds = seconds.parse().ok();
            }
        } else if let Some(rest) = trimmed.strip_prefix('#') {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse() {
                self.last_status_runs = Some(n);
            }
        }
        if let Some((_, path)) = trimmed.split_once("Test unit written to ") {
            self.artifact = Some(path.trim().to_owned());
        }
        if trimmed.contains("ERROR: libFuzzer:") || trimmed.contains("ERROR: AddressSanitizer") {
            self.deadly = true;
        }
        if self.panic.is_none() {
            if let Some(index) = trimmed.find(" panicked at ") {
                self.panic = Some(trimmed[index + 1..].to_owned());
                // Since Rust 1.73 the message follows on the next line.
                self.expecting_panic_message = trimmed.ends_with(':');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments() {
        assert_eq!(parse_args(&[]).unwrap(), (TARGETS.to_vec(), 60));
        assert_eq!(
            parse_args(&args(&["dns_wire", "--seconds", "5"])).unwrap(),
            (vec!["dns_wire"], 5)
        );
        assert_eq!(
            parse_args(&args(&["--seconds", "180"])).unwrap(),
            (TARGETS.to_vec(), 180)
        );
        assert!(parse_args(&args(&["nope"])).is_err());
        assert!(parse_args(&args(&["--seconds"])).is_err());
        assert!(parse_args(&args(&["--seconds", "0"])).is_err());
        assert!(parse_args(&args(&["dmarc", "dns_json"])).is_err());
    }

    #[test]
    fn a_clean_run() {
        let mut scan = Scan::default();
        for line in [
            "#5\tINITED cov: 161 ft: 286 corp: 4/438b exec/s: 0 rss: 35Mb",
            "#650000\tpulse  cov: 230 ft: 700 corp: 244/9Kb lim: 4096 exec/s: 59090 rss: 400Mb",
            "Done 650687 runs in 11 second(s)",
        ] {
            scan.line(line);
        }
        assert_eq!(scan.done_runs, Some(650687));
        assert_eq!(scan.done_seconds, Some(11));
        assert_eq!(scan.last_status_runs, Some(650000));
        assert!(!scan.deadly);
        assert_eq!(scan.artifact, None);
    }

    #[test]
    fn a_crash() {
        let mut scan = Scan::default();
        for line in [
            "#1024\tNEW    cov: 200 ft: 300 corp: 20/1Kb",
            "thread '<unnamed>' panicked at crates/core/src/dns/wire.rs:120:9:",
            "index out of bounds: the len is 3 but the index is 3",
            "==1234== ERROR: libFuzzer: deadly signal",
            "artifact_prefix='/w/fuzz/artifacts/dns_wire/'; \
             Test unit written to /w/fuzz/artifacts/dns_wire/crash-da39a3ee",
        ] {
            scan.line(line);
        }
        assert!(scan.deadly);
        assert_eq!(scan.done_runs, None);
        assert_eq!(scan.last_status_runs, Some(1024));
        assert_eq!(
            scan.artifact.as_deref(),
            Some("/w/fuzz/artifacts/dns_wire/crash-da39a3ee")
        );
        assert_eq!(
            scan.panic.as_deref(),
            Some(
                "panicked at crates/core/src/dns/wire.rs:120:9: \
                 index out of bounds: the len is 3 but the index is 3"
            )
        );
    }
}
