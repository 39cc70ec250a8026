//! `cargo xtask bench site`: smarthost's guide generator against mdBook on the same
//! 1,000-page Markdown corpus, written into BENCHMARKS.md ("Static-site generator"):
//! median and spread of the wall time over 7 runs each, the ratio to mdBook with its
//! defaults, and peak memory. The runs take turns (smarthost, mdBook, mdBook lean, then
//! again), so a machine that slows down slows all of them alike. The command FAILS
//! (after writing the section) when smarthost takes more than 0.15 of mdBook's time or
//! peaks above 64 MiB: the budgets of issue #18.
//!
//! The corpus is generated deterministically in target/bench-site/ (a fixed-seed
//! generator, no clock), so two runs measure the same bytes. Pages look like guides:
//! front matter, headings with `{#ids}`, paragraphs with inline code and emphasis,
//! links between pages and to their sections, lists, tables and code blocks. mdBook gets
//! the same files plus a SUMMARY.md; it shows the `+++` front matter as text, which
//! costs it nothing worth measuring.

use crate::process::{output, run as run_command};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::bench_corpus::PAGES;

const RUNS: usize = 7;
const SECTION_TITLE: &str = "## Static-site generator";
/// The budgets: at most this share of mdBook's (default) time, at most this peak.
const MAX_RATIO: f64 = 0.15;
const MAX_PEAK_MIB: f64 = 64.0;

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args {
        [what] if what == "site" => bench_site(root),
        // The corpus alone, to profile the generator on it by hand.
        [what] if what == "site-corpus" => {
            let dir = root.join("target/bench-site");
            crate::bench_corpus::generate_corpus(&dir)?;
            println!("xtask: corpus of {PAGES} pages in {}", dir.display());
            Ok(())
        }
        [what] if what == "dns" => crate::bench_dns::bench_dns(root),
        [what] if what == "bundle" => crate::bench_bundle::bench_bundle(root),
        [what] if what == "load" => crate::bench_load::bench_load(root),
        [what] if what == "lighthouse" => crate::bench_lighthouse::bench_lighthouse(root),
        _ => bail!("usage: cargo xtask bench site|site-corpus|dns|bundle|load|lighthouse"),
    }
}

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` when set (relative to the
/// repository, where cargo runs), else target/.
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// The 1-minute load average, as the machine's other load when the runs start.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn bench_site(root: &Path) -> Result<()> {
    let dir = root.join("target/bench-site");
    crate::bench_corpus::generate_corpus(&dir)?;
    println!("xtask: corpus of {PAGES} pages in {}", dir.display());

    run_command(
        Command::new("cargo")
            .args(["build", "--release", "-p", "smarthost"])
            .current_dir(root),
    )?;
    let target = target_dir(root);
    let smarthost = target.join("release/smarthost");
    let mdbook = ensure_mdbook(root, &target)?;

    let smarthost_out = dir.join("out-smarthost");
    let mdbook_out = dir.join("out-mdbook");
    let lean_out = dir.join("out-mdbook-lean");
    let smarthost_cmd = |out: &Path| {
        let mut cmd = Command::new(&smarthost);
        cmd.args(["build", "--guide", "guide", "--out"])
            .arg(out)
            .args(["--lang", "en"])
            .current_dir(&dir);
        cmd
    };
    let mdbook_cmd = |book: &str, out: &Path| {
        let mut cmd = Command::new(&mdbook);
        cmd.arg("build")
            .arg("-d")
            .arg(out)
            .arg(book)
            .current_dir(&dir);
        cmd
    };
    let load_before = load_average();
    // One untimed run each, so all start with a warm page cache.
    measure(&mut smarthost_cmd(&smarthost_out))?;
    measure(&mut mdbook_cmd("book", &mdbook_out))?;
    measure(&mut mdbook_cmd("book-lean", &lean_out))?;
    // Rebuilds over the previous output (the everyday case), then first builds into an
    // empty directory, each kind in turns.
    let [ours, theirs, lean] = rounds([
        ("smarthost", &|| smarthost_cmd(&smarthost_out), None),
        ("mdBook", &|| mdbook_cmd("book", &mdbook_out), None),
        (
            "mdBook without search and print",
            &|| mdbook_cmd("book-lean", &lean_out),
            None,
        ),
    ])?;
    let cold_ours_out = dir.join("out-smarthost-first");
    let cold_theirs_out = dir.join("out-mdbook-first");
    let [cold_ours, cold_theirs] = rounds([
        (
            "smarthost, first build",
            &|| smarthost_cmd(&cold_ours_out),
            Some(cold_ours_out.as_path()),
        ),
        (
            "mdBook, first build",
            &|| mdbook_cmd("book", &cold_theirs_out),
            Some(cold_theirs_out.as_path()),
        ),
    ])?;
    let load_after = load_average();
    println!(
        "xtask: medians: smarthost {:.3} s, mdBook {:.3} s, mdBook without search and print {:.3} s",
        ours.median().as_secs_f64(),
        theirs.median().as_secs_f64(),
        lean.median().as_secs_f64()
    );

    let measured = Measured {
        series: [&ours, &theirs, &lean, &cold_ours, &cold_theirs],
        load: [load_before, load_after],
    };
    let section = report(&smarthost, &mdbook, &measured, &dir);
    let existing = std::fs::read_to_string(root.join("BENCHMARKS.md")).unwrap_or_default();
    let section = with_kept_subsections(&existing, SECTION_TITLE, &section);
    write_section(root, SECTION_TITLE, &section)?;
    println!("xtask: wrote the \"Static-site generator\" section of BENCHMARKS.md");
    let verdict = Verdict::of(&ours, &theirs);
    if let Some(missed) = verdict.missed() {
        bail!("the generator misses its budget: {missed}");
    }
    Ok(())
}

/// Replaces (or appends) the section headed `title` in BENCHMARKS.md.
pub fn write_section(root: &Path, title: &str, section: &str) -> Result<()> {
    let path = root.join("BENCHMARKS.md");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, replace_titled_section(&existing, title, section))
        .with_context(|| format!("writing {}", path.display()))
}

/// mdBook from <target>/bench-tools, installed there from the registry when missing.
fn ensure_mdbook(root: &Path, target: &Path) -> Result<PathBuf> {
    let tools = target.join("bench-tools");
    let binary = tools.join("bin/mdbook");
    if !binary.exists() {
        run_command(
            Command::new("cargo")
                .args(["install", "mdbook", "--locked", "--root"])
                .arg(&tools)
                .current_dir(root),
        )?;
    }
    Ok(binary)
}

/// One timed run: wall time and peak resident memory in KiB (when it can be read).
#[derive(Debug, Clone, Copy)]
struct Run {
    wall: Duration,
    peak_kib: Option<u64>,
}

/// The timed runs of one command.
#[derive(Debug, Clone, Default)]
struct Series {
    runs: Vec<Run>,
}

impl Series {
    fn sorted(&self) -> Vec<Duration> {
        let mut walls: Vec<Duration> = self.runs.iter().map(|r| r.wall).collect();
        walls.sort();
        walls
    }

    /// The middle run (the upper middle of an even count).
    fn median(&self) -> Duration {
        let sorted = self.sorted();
        sorted.get(sorted.len() / 2).copied().unwrap_or_default()
    }

    fn min(&self) -> Duration {
        self.sorted().first().copied().unwrap_or_default()
    }

    fn max(&self) -> Duration {
        self.sorted().last().copied().unwrap_or_default()
    }

    fn peak_kib(&self) -> Option<u64> {
        self.runs.iter().filter_map(|r| r.peak_kib).max()
    }
}

/// smarthost against mdBook's defaults, judged against the budgets.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Verdict {
    /// Of the medians.
    ratio: f64,
    /// Of the runs of each round: smallest, median and largest.
    round_ratios: (f64, f64, f64),
    peak_mib: Option<f64>,
}

impl Verdict {
    fn of(ours: &Series, theirs: &Series) -> Verdict {
        let ratio = ours.median().as_secs_f64() / theirs.median().as_secs_f64().max(1e-9);
        let mut rounds: Vec<f64> = ours
            .runs
            .iter()
            .zip(&theirs.runs)
            .map(|(a, b)| a.wall.as_secs_f64() / b.wall.as_secs_f64().max(1e-9))
            .collect();
        rounds.sort_by(f64::total_cmp);
        let at = |i: usize| rounds.get(i).copied().unwrap_or(f64::NAN);
        Verdict {
            ratio,
            round_ratios: (
                at(0),
                at(rounds.len() / 2),
                at(rounds.len().saturating_sub(1)),
            ),
            peak_mib: ours.peak_kib().map(|k| k as f64 / 1024.0),
        }
    }

    /// What is over budget, if anything; a peak that could not be measured misses too.
    fn missed(&self) -> Option<String> {
        let mut missed = Vec::new();
        if self.ratio > MAX_RATIO {
            missed.push(format!(
                "{:.3} of mdBook's time, above {MAX_RATIO}",
                self.ratio
            ));
        }
        match self.peak_mib {
            Some(peak) if peak <= MAX_PEAK_MIB => {}
            Some(peak) => missed.push(format!("a peak of {peak:.1} MiB, above {MAX_PEAK_MIB} MiB")),
            None => missed.push("the peak memory could not be measured".to_owned()),
        }
        (!missed.is_empty()).then(|| missed.join("; "))
    }
}

type Make<'a> = &'a dyn Fn() -> Command;

/// `RUNS` rounds, each running every command once in order; a command with a directory
/// gets it emptied first (untimed), for a first build.
fn rounds<const N: usize>(commands: [(&str, Make, Option<&Path>); N]) -> Result<[Series; N]> {
    let mut series: [Series; N] = std::array::from_fn(|_| Series::default());
    for round in 1..=RUNS {
        for ((name, make, fresh), series) in commands.iter().zip(series.iter_mut()) {
            if let Some(out) = fresh {
                let _ = std::fs::remove_dir_all(out);
            }
            let run = measure(&mut make())?;
            println!("xtask: {name} run {round}: {:.3} s", run.wall.as_secs_f64());
            series.runs.push(run);
        }
    }
    Ok(series)
}

/// Runs `cmd` under GNU time for its peak memory when /usr/bin/time exists, else polls
/// the child's VmHWM in /proc, which misses at most the last few milliseconds.
fn measure(cmd: &mut Command) -> Result<Run> {
    let gnu_time = Path::new("/usr/bin/time");
    if gnu_time.exists() {
        let mut wrapped = Command::new(gnu_time);
        wrapped
            .arg("-v")
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(dir) = cmd.get_current_dir() {
            wrapped.current_dir(dir);
        }
        let started = Instant::now();
        let out = wrapped.output().context("running /usr/bin/time")?;
        let wall = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            bail!("`{}` failed:\n{stderr}", crate::process::display(cmd));
        }
        let peak_kib = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse().ok());
        return Ok(Run { wall, peak_kib });
    }
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting `{}`", crate::process::display(cmd)))?;
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = None;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        let hwm = std::fs::read_to_string(&status_path).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        });
        peak = peak.max(hwm);
        std::thread::sleep(Duration::from_millis(2));
    };
    let wall = started.elapsed();
    if !status.success() {
        bail!("`{}` failed with {status}", crate::process::display(cmd));
    }
    Ok(Run {
        wall,
        peak_kib: peak,
    })
}

/// Every series the report shows, and the load average before and after the runs.
struct Measured<'a> {
    /// smarthost, mdBook, mdBook lean (rebuilds); smarthost, mdBook (first builds).
    series: [&'a Series; 5],
    load: [Option<f64>; 2],
}

fn report(smarthost: &Path, mdbook: &Path, measured: &Measured, dir: &Path) -> String {
    let [ours, theirs, lean, cold_ours, cold_theirs] = measured.series;
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .and_then(|r| r.split_once(':'))
                    .map(|(_, v)| v.trim().to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or_else(String::new, |kib| {
            format!(", {:.0} GiB", kib as f64 / 1024.0 / 1024.0)
        });
    let version = |cmd: &mut Command| {
        output(cmd)
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned())
    };
    let rustc = version(Command::new("rustc").arg("--version"));
    let mdbook_version = version(Command::new(mdbook).arg("--version"));
    let smarthost_version = version(Command::new(smarthost).arg("--version"));
    let mib = |bytes: u64| bytes as f64 / 1024.0 / 1024.0;
    let corpus = mib(dir_size(&dir.join("guide/en")));
    let secs = |d: Duration| format!("{:.3}", d.as_secs_f64());
    let row = |name: &str, series: &Series, out: &str| {
        let runs: Vec<String> = series.runs.iter().map(|r| secs(r.wall)).collect();
        let peak = series.peak_kib().map_or_else(
            || "not measured".to_owned(),
            |k| format!("{:.1} MiB", k as f64 / 1024.0),
        );
        format!(
            "| {name} | {} | {}–{} | {} | {peak} | {:.1} MiB |\n",
            secs(series.median()),
            secs(series.min()),
            secs(series.max()),
            runs.join(", "),
            mib(dir_size(&dir.join(out)))
        )
    };
    let load = |l: Option<f64>| l.map_or_else(|| "unknown".to_owned(), |l| format!("{l:.2}"));
    let verdict = Verdict::of(ours, theirs);
    let cold = Verdict::of(cold_ours, cold_theirs);
    let lean_ratio = ours.median().as_secs_f64() / lean.median().as_secs_f64().max(1e-9);
    let peak = verdict
        .peak_mib
        .map_or_else(|| "not measured".to_owned(), |p| format!("{p:.1} MiB"));
    let judged = match verdict.missed() {
        None => format!("within both budgets (at most {MAX_RATIO} of mdBook's time, at most {MAX_PEAK_MIB} MiB)"),
        Some(missed) => format!("BUDGET MISSED: {missed} (the budgets: at most {MAX_RATIO} of mdBook's time, at most {MAX_PEAK_MIB} MiB)"),
    };
    let mut out = format!(
        "{SECTION_TITLE}\n\n\
`cargo xtask bench site` on {cpus} cores ({cpu}{memory}), {rustc}, {mdbook_version}; \
1-minute load average {} when the runs began and {} when they ended (a shared machine: other \
agents' builds and tests may run at the same time, so the spread is shown with the medians). The \
command generates a deterministic corpus of {PAGES} pages ({corpus:.1} MiB of Markdown: front \
matter, headings with ids, lists, tables, code blocks, links between pages and to their \
sections) in target/bench-site/, and builds it with the release `smarthost build --guide guide \
--out … --lang en` and with `mdbook build` on the same files (mdBook shows the front matter as \
text). After one untimed run each to warm the page cache, {RUNS} rounds run each command once \
in turn, so a slower spell of the machine falls on all of them: first rebuilds over the previous \
output (the budgets are judged on these), then first builds into an emptied directory. Times are \
wall clock including process start and replacing the previous output; peak memory is the largest \
maximum resident set size of the runs (GNU time `-v`). The command fails, after writing this \
section, when a budget is missed.\n\n\
| generator | median (s) | min–max (s) | runs in round order (s) | peak memory | output |\n\
| --- | ---: | ---: | --- | ---: | ---: |\n",
        load(measured.load[0]),
        load(measured.load[1]),
    );
    out.push_str(&row(
        &format!("{smarthost_version}, rebuild"),
        ours,
        "out-smarthost",
    ));
    out.push_str(&row(
        &format!("{mdbook_version}, default book.toml, rebuild"),
        theirs,
        "out-mdbook",
    ));
    out.push_str(&row(
        &format!("{mdbook_version}, search and print page off, rebuild"),
        lean,
        "out-mdbook-lean",
    ));
    out.push_str(&row(
        &format!("{smarthost_version}, first build"),
        cold_ours,
        "out-smarthost-first",
    ));
    out.push_str(&row(
        &format!("{mdbook_version}, default book.toml, first build"),
        cold_theirs,
        "out-mdbook-first",
    ));
    out.push_str(&format!(
        "\nsmarthost takes {:.3} of mdBook's time with its default configuration (median against \
median; round by round {:.3}–{:.3}, median {:.3}), with a peak of {peak}: {judged}. Against mdBook without \
its search index and print page, which smarthost does not make, it takes {lean_ratio:.3}. A \
first build, into an empty directory, takes {:.3} of mdBook's first build (round by round \
{:.3}–{:.3}, median {:.3}); the budgets are not judged on it.\n\n\
How: smarthost renders the pages on every core (`std::thread::scope`) and writes each to a \
temporary directory next to `--out` as soon as it is rendered, keeping only what the link check \
needs (each page's ids and internal links), so the rendered site is never all in memory; the \
navigation (every page is listed in every page, so the guides work without JavaScript) is \
rendered once per language and copied into each page with its current item marked. Once the \
check passes the other files follow and the directory is swapped into `--out`; a broken link \
or anchor fails the build as before and leaves the previous output untouched. A rebuild links \
each file whose bytes are unchanged from the previous build instead of writing it: creating a \
thousand new inodes (and freeing as many) was most of a rebuild's time on this ext4 file \
system. The generator's crates are built with opt-level 3 (the browser's stay at \"z\"). \
smarthost's output is larger than mdBook's although it has no search, for the navigation in \
every page; mdBook writes its table of contents once (toc.js) and builds the sidebar in the \
browser.\n",
        verdict.ratio,
        verdict.round_ratios.0,
        verdict.round_ratios.2,
        verdict.round_ratios.1,
        cold.ratio,
        cold.round_ratios.0,
        cold.round_ratios.2,
        cold.round_ratios.1,
    ));
    out
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                dir_size(&path)
            } else {
                e.metadata().map(|m| m.len()).unwrap_or(0)
            }
        })
        .sum()
}

/// Where the section headed `title` is in `existing`: from its title to the next `## `
/// title or the end.
fn section_span(existing: &str, title: &str) -> Option<(usize, usize)> {
    let start = existing.match_indices(title).map(|(i, _)| i).find(|&i| {
        (i == 0 || existing[..i].ends_with('\n'))
            && existing[i + title.len()..].starts_with(['\n', '\r'])
    })?;
    let after = start + title.len();
    let end = existing[after..]
        .find("\n## ")
        .map_or(existing.len(), |i| after + i + 1);
    Some((start, end))
}

/// `existing` with the section headed `title` replaced by `section`, or appended.
pub fn replace_titled_section(existing: &str, title: &str, section: &str) -> String {
    let Some((start, end)) = section_span(existing, title) else {
        let mut out = existing.trim_end().to_owned();
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(section);
        return out;
    };
    let mut out = existing[..start].to_owned();
    out.push_str(section);
    if end < existing.len() {
        out.push('\n');
        out.push_str(&existing[end..]);
    }
    out
}

/// `section` followed by the `### ` subsections the section headed `title` has in
/// `existing`: notes written by hand (an earlier change's measurements) that a new run
/// of the bench must not erase.
fn with_kept_subsections(existing: &str, title: &str, section: &str) -> String {
    let kept = section_span(existing, title).and_then(|(start, end)| {
        let old = &existing[start..end];
        old.find("\n### ").map(|at| old[at + 1..].trim_end())
    });
    match kept {
        Some(kept) => format!("{}\n\n{kept}\n", section.trim_end()),
        None => section.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_section_is_replaced_or_appended() {
        let section = "## Static-site generator\n\nnew\n";
        assert_eq!(
            replace_titled_section("# B\n\n## Fuzzing\n\nx\n", SECTION_TITLE, section),
            "# B\n\n## Fuzzing\n\nx\n\n## Static-site generator\n\nnew\n"
        );
        assert_eq!(
            replace_titled_section(
                "# B\n\n## Static-site generator\n\nold\n\n## Fuzzing\n\nx\n",
                SECTION_TITLE,
                section
            ),
            "# B\n\n## Static-site generator\n\nnew\n\n## Fuzzing\n\nx\n"
        );
        assert_eq!(
            replace_titled_section(
                "# B\n\n## Static-site generator\n\nold\n",
                SECTION_TITLE,
                section
            ),
            "# B\n\n## Static-site generator\n\nnew\n"
        );
        assert_eq!(replace_titled_section("", SECTION_TITLE, section), section);
    }

    #[test]
    fn hand_written_subsections_survive_a_new_run() {
        let existing = "# B\n\n## Static-site generator\n\nold figures\n\n### Templates\n\nnotes\n\n## Fuzzing\n\nx\n";
        let section =
            with_kept_subsections(existing, SECTION_TITLE, "## Static-site generator\n\nnew\n");
        assert_eq!(
            section,
            "## Static-site generator\n\nnew\n\n### Templates\n\nnotes\n"
        );
        assert_eq!(
            replace_titled_section(existing, SECTION_TITLE, &section),
            "# B\n\n## Static-site generator\n\nnew\n\n### Templates\n\nnotes\n\n## Fuzzing\n\nx\n"
        );
        assert_eq!(
            with_kept_subsections("## Static-site generator\n\nold\n", SECTION_TITLE, "new\n"),
            "new\n"
        );
    }

    fn series(walls: &[f64], peak_kib: u64) -> Series {
        Series {
            runs: walls
                .iter()
                .map(|&w| Run {
                    wall: Duration::from_secs_f64(w),
                    peak_kib: Some(peak_kib),
                })
                .collect(),
        }
    }

    #[test]
    fn the_budgets_are_judged_on_the_medians_and_the_peak() {
        let theirs = series(&[4.0, 4.2, 3.8, 4.0, 5.0], 500 * 1024);
        let fast = series(&[0.5, 0.9, 0.4, 0.55, 0.6], 45 * 1024);
        let verdict = Verdict::of(&fast, &theirs);
        assert_eq!(fast.median(), Duration::from_secs_f64(0.55));
        assert!((verdict.ratio - 0.55 / 4.0).abs() < 1e-9);
        assert!((verdict.round_ratios.0 - 0.4 / 3.8).abs() < 1e-9);
        assert!((verdict.round_ratios.1 - 0.5 / 4.0).abs() < 1e-9);
        assert!((verdict.round_ratios.2 - 0.9 / 4.2).abs() < 1e-9);
        assert_eq!(verdict.missed(), None);
        let slow = series(&[0.7, 0.6, 0.65, 0.62, 0.61], 45 * 1024);
        assert_eq!(
            Verdict::of(&slow, &theirs).missed().as_deref(),
            Some("0.155 of mdBook's time, above 0.15")
        );
        let big = series(&[0.5, 0.5, 0.5, 0.5, 0.5], 65 * 1024);
        assert_eq!(
            Verdict::of(&big, &theirs).missed().as_deref(),
            Some("a peak of 65.0 MiB, above 64 MiB")
        );
        let unmeasured = Series {
            runs: vec![Run {
                wall: Duration::from_secs_f64(0.1),
                peak_kib: None,
            }],
        };
        assert_eq!(
            Verdict::of(&unmeasured, &theirs).missed().as_deref(),
            Some("the peak memory could not be measured")
        );
    }
}
