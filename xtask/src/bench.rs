//! `cargo xtask bench site`: smarthost's guide generator against mdBook on the same
//! 1,000-page Markdown corpus, median wall time of 5 runs each and peak memory, written
//! into BENCHMARKS.md ("Static-site generator").
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

const RUNS: usize = 5;
const SECTION_TITLE: &str = "## Static-site generator";

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
        _ => bail!("usage: cargo xtask bench site|dns|bundle|load|lighthouse"),
    }
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
    let smarthost = root.join("target/release/smarthost");
    let mdbook = ensure_mdbook(root)?;

    let smarthost_out = dir.join("out-smarthost");
    let mdbook_out = dir.join("out-mdbook");
    let lean_out = dir.join("out-mdbook-lean");
    let smarthost_cmd = || {
        let mut cmd = Command::new(&smarthost);
        cmd.args(["build", "--guide", "guide", "--out"])
            .arg(&smarthost_out)
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
    // One untimed run each, so all start with a warm page cache.
    measure(&mut smarthost_cmd())?;
    measure(&mut mdbook_cmd("book", &mdbook_out))?;
    measure(&mut mdbook_cmd("book-lean", &lean_out))?;
    let ours = series("smarthost", smarthost_cmd)?;
    let theirs = series("mdBook", || mdbook_cmd("book", &mdbook_out))?;
    let lean = series("mdBook without search and print", || {
        mdbook_cmd("book-lean", &lean_out)
    })?;
    println!(
        "xtask: medians: smarthost {:.3} s, mdBook {:.3} s, mdBook without search and print {:.3} s",
        ours.median.as_secs_f64(),
        theirs.median.as_secs_f64(),
        lean.median.as_secs_f64()
    );

    let section = report(&smarthost, &mdbook, [&ours, &theirs, &lean], &dir);
    write_section(root, SECTION_TITLE, &section)?;
    println!("xtask: wrote the \"Static-site generator\" section of BENCHMARKS.md");
    Ok(())
}

/// Replaces (or appends) the section headed `title` in BENCHMARKS.md.
pub fn write_section(root: &Path, title: &str, section: &str) -> Result<()> {
    let path = root.join("BENCHMARKS.md");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, replace_titled_section(&existing, title, section))
        .with_context(|| format!("writing {}", path.display()))
}

/// mdBook from target/bench-tools, installed there from the registry when missing.
fn ensure_mdbook(root: &Path) -> Result<PathBuf> {
    let tools = root.join("target/bench-tools");
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
struct Run {
    wall: Duration,
    peak_kib: Option<u64>,
}

struct Series {
    median: Duration,
    runs: Vec<Duration>,
    peak_kib: Option<u64>,
}

fn series(name: &str, make: impl Fn() -> Command) -> Result<Series> {
    let mut runs = Vec::new();
    let mut peak = None;
    for i in 1..=RUNS {
        let run = measure(&mut make())?;
        println!("xtask: {name} run {i}: {:.3} s", run.wall.as_secs_f64());
        runs.push(run.wall);
        peak = peak.max(run.peak_kib);
    }
    let mut sorted = runs.clone();
    sorted.sort();
    Ok(Series {
        median: sorted[RUNS / 2],
        runs,
        peak_kib: peak,
    })
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

fn report(
    smarthost: &Path,
    mdbook: &Path,
    [ours, theirs, lean]: [&Series; 3],
    dir: &Path,
) -> String {
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
    let secs = |d: &Duration| format!("{:.3}", d.as_secs_f64());
    let row = |name: &str, series: &Series, out: &str| {
        let runs: Vec<String> = series.runs.iter().map(secs).collect();
        let peak = series.peak_kib.map_or_else(
            || "not measured".to_owned(),
            |k| format!("{:.1} MiB", k as f64 / 1024.0),
        );
        format!(
            "| {name} | {} | {} | {peak} | {:.1} MiB |\n",
            secs(&series.median),
            runs.join(", "),
            mib(dir_size(&dir.join(out)))
        )
    };
    let ratio = |other: &Series| ours.median.as_secs_f64() / other.median.as_secs_f64();
    let verdict = if ratio(theirs) < 0.5 {
        "under half, the goal"
    } else {
        "NOT under half: the goal is missed"
    };
    let mut out = format!(
        "{SECTION_TITLE}\n\n\
`cargo xtask bench site` on {cpus} cores ({cpu}{memory}), {rustc}, {mdbook_version}. The command \
generates a deterministic corpus of {PAGES} pages ({corpus:.1} MiB of Markdown: front matter, \
headings with ids, lists, tables, code blocks, links between pages and to their sections) in \
target/bench-site/, and builds it with the release `smarthost build --guide guide --out … --lang en` \
and with `mdbook build` on the same files (mdBook shows the front matter as text), once each untimed \
to warm the page cache, then {RUNS} timed runs each. Times are wall clock including process start \
and replacing the previous output; peak memory is the largest maximum resident set size of the \
runs (GNU time `-v`).\n\n\
| generator | median (s) | runs (s) | peak memory | output |\n\
| --- | ---: | --- | ---: | ---: |\n"
    );
    out.push_str(&row(&smarthost_version, ours, "out-smarthost"));
    out.push_str(&row(
        &format!("{mdbook_version}, default book.toml"),
        theirs,
        "out-mdbook",
    ));
    out.push_str(&row(
        &format!("{mdbook_version}, search and print page off"),
        lean,
        "out-mdbook-lean",
    ));
    out.push_str(&format!(
        "\nsmarthost takes {:.2} of mdBook's time with its default configuration ({:.1}× faster): \
{verdict}. Against mdBook without its search index and print page, which smarthost does not \
make, it takes {:.2} ({:.1}× faster). smarthost's output is larger although it has no search: \
it writes the whole navigation into every page so the guides work without JavaScript, while \
mdBook writes its table of contents once (toc.js) and builds the sidebar in the browser. \
smarthost renders and writes pages on every core (`std::thread::scope`) and keeps the whole \
site in memory until it is checked, then writes it to a temporary directory and swaps it in.\n",
        ratio(theirs),
        1.0 / ratio(theirs),
        ratio(lean),
        1.0 / ratio(lean),
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

/// `existing` with the section headed `title` replaced by `section`, or appended.
pub fn replace_titled_section(existing: &str, title: &str, section: &str) -> String {
    let Some(start) = existing.match_indices(title).map(|(i, _)| i).find(|&i| {
        (i == 0 || existing[..i].ends_with('\n'))
            && existing[i + title.len()..].starts_with(['\n', '\r'])
    }) else {
        let mut out = existing.trim_end().to_owned();
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(section);
        return out;
    };
    let after = start + title.len();
    let end = existing[after..]
        .find("\n## ")
        .map_or(existing.len(), |i| after + i + 1);
    let mut out = existing[..start].to_owned();
    out.push_str(section);
    if end < existing.len() {
        out.push('\n');
        out.push_str(&existing[end..]);
    }
    out
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
}
