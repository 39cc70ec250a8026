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

const PAGES: usize = 1000;
const RUNS: usize = 5;
/// Sections every page has, so links to `#section-N` below this always resolve.
const MIN_SECTIONS: usize = 4;
const SECTION_TITLE: &str = "## Static-site generator";

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args {
        [what] if what == "site" => bench_site(root),
        [what] if what == "dns" => crate::bench_dns::bench_dns(root),
        [what] if what == "bundle" => crate::bench_bundle::bench_bundle(root),
        [what] if what == "load" => crate::bench_load::bench_load(root),
        [what] if what == "lighthouse" => crate::bench_lighthouse::bench_lighthouse(root),
        _ => bail!("usage: cargo xtask bench site|dns|bundle|load|lighthouse"),
    }
}

fn bench_site(root: &Path) -> Result<()> {
    let dir = root.join("target/bench-site");
    generate_corpus(&dir)?;
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

/// A small deterministic generator (xorshift64*), so the corpus is the same bytes on
/// every machine and run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 48] = [
    "printer",
    "scanner",
    "connector",
    "mailbox",
    "tenant",
    "relay",
    "certificate",
    "domain",
    "record",
    "address",
    "port",
    "sign-in",
    "policy",
    "message",
    "header",
    "envelope",
    "recipient",
    "sender",
    "device",
    "firmware",
    "network",
    "firewall",
    "gateway",
    "server",
    "application",
    "service",
    "limit",
    "quota",
    "report",
    "trace",
    "queue",
    "route",
    "setting",
    "option",
    "endpoint",
    "token",
    "secret",
    "license",
    "account",
    "group",
    "rule",
    "filter",
    "spam",
    "junk",
    "delivery",
    "bounce",
    "status",
    "check",
];
const VERBS: [&str; 12] = [
    "sends", "checks", "accepts", "rejects", "routes", "signs", "relays", "lists", "blocks",
    "allows", "retries", "logs",
];

fn page_name(i: usize) -> String {
    if i == 0 {
        "index".to_owned()
    } else {
        format!("page-{i:04}")
    }
}

fn sentence(rng: &mut Rng, pages: usize) -> String {
    let mut words = Vec::new();
    let len = 8 + rng.below(10);
    for w in 0..len {
        let word = rng.pick(&WORDS);
        let word = match rng.below(14) {
            0 => format!("`{word}`"),
            1 => format!("**{word}**"),
            2 => format!("*{word}*"),
            3 if w > 0 => {
                let target = rng.below(pages);
                let section = 1 + rng.below(MIN_SECTIONS);
                format!("[{word}]({}.md#section-{section})", page_name(target))
            }
            4 if w > 0 => format!("[{word}]({}.md)", page_name(rng.below(pages))),
            5 => rng.pick(&VERBS).to_owned(),
            _ => word.to_owned(),
        };
        words.push(word);
    }
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        let upper = first.to_ascii_uppercase();
        text.replace_range(..1, &upper);
    }
    text.push('.');
    text
}

fn page(i: usize, rng: &mut Rng) -> String {
    let title = format!("{} {} {}", rng.pick(&WORDS), rng.pick(&WORDS), i);
    let mut out = format!(
        "+++\ntitle = \"Guide {i}: {title}\"\nsummary = \"How the {} {} the {} in guide {i}.\"\norder = {i}\nmethods = []\nupdated = \"2026-11-28\"\n+++\n\n",
        rng.pick(&WORDS),
        rng.pick(&VERBS),
        rng.pick(&WORDS)
    );
    for _ in 0..2 {
        out.push_str(
            &(0..3)
                .map(|_| sentence(rng, PAGES))
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.push_str("\n\n");
    }
    let sections = MIN_SECTIONS + rng.below(4);
    for s in 1..=sections {
        out.push_str(&format!(
            "## {} {} {{#section-{s}}}\n\n",
            rng.pick(&WORDS),
            rng.pick(&WORDS)
        ));
        out.push_str(
            &(0..4)
                .map(|_| sentence(rng, PAGES))
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.push_str("\n\n");
        match rng.below(4) {
            0 => {
                for n in 1..=4 + rng.below(4) {
                    out.push_str(&format!("{n}. {}\n", sentence(rng, PAGES)));
                }
            }
            1 => {
                out.push_str("| Setting | Value | Note |\n|---|---|---|\n");
                for _ in 0..4 + rng.below(5) {
                    out.push_str(&format!(
                        "| {} | `{}` | {} {} |\n",
                        rng.pick(&WORDS),
                        rng.pick(&WORDS),
                        rng.pick(&VERBS),
                        rng.pick(&WORDS)
                    ));
                }
            }
            2 => {
                out.push_str("```powershell\n");
                for _ in 0..3 + rng.below(5) {
                    out.push_str(&format!(
                        "Set-{}Config -Identity '{}@contoso.com' -{} $true\n",
                        rng.pick(&WORDS).replace('-', ""),
                        rng.pick(&WORDS),
                        rng.pick(&WORDS).replace('-', "")
                    ));
                }
                out.push_str("```\n");
            }
            _ => {
                for _ in 0..3 + rng.below(4) {
                    out.push_str(&format!("- {}\n", sentence(rng, PAGES)));
                }
            }
        }
        out.push('\n');
        out.push_str(
            &(0..3)
                .map(|_| sentence(rng, PAGES))
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.push_str("\n\n");
    }
    out
}

/// Writes the corpus twice over: guide/en/ for smarthost, book/src/ (+ SUMMARY.md and
/// book.toml) for mdBook. Same seed, same bytes, every time.
fn generate_corpus(dir: &Path) -> Result<()> {
    let guide = dir.join("guide/en");
    let book = dir.join("book");
    for stale in [dir.join("guide"), book.clone(), dir.join("book-lean")] {
        let _ = std::fs::remove_dir_all(stale);
    }
    std::fs::create_dir_all(&guide).with_context(|| format!("creating {}", guide.display()))?;
    std::fs::create_dir_all(book.join("src"))
        .with_context(|| format!("creating {}", book.display()))?;
    let mut rng = Rng(0x005e_ed0f_5a7e_2026);
    let mut summary = String::from("# Summary\n\n");
    for i in 0..PAGES {
        let text = page(i, &mut rng);
        let name = format!("{}.md", page_name(i));
        let title = text
            .lines()
            .find_map(|l| l.strip_prefix("title = \""))
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or("Page")
            .to_owned();
        if i == 0 {
            summary.push_str(&format!("[{title}]({name})\n\n"));
        } else {
            summary.push_str(&format!("- [{title}]({name})\n"));
        }
        for target in [guide.join(&name), book.join("src").join(&name)] {
            std::fs::write(&target, &text)
                .with_context(|| format!("writing {}", target.display()))?;
        }
    }
    std::fs::write(book.join("src/SUMMARY.md"), summary).context("writing SUMMARY.md")?;
    std::fs::write(
        book.join("book.toml"),
        "[book]\ntitle = \"smarthost bench corpus\"\nlanguage = \"en\"\nsrc = \"src\"\n",
    )
    .context("writing book.toml")?;
    // The same book without the search index and print page, the two outputs smarthost
    // does not make, for a like-for-like line in the report.
    let lean = dir.join("book-lean");
    std::fs::create_dir_all(&lean).with_context(|| format!("creating {}", lean.display()))?;
    std::fs::write(
        lean.join("book.toml"),
        "[book]\ntitle = \"smarthost bench corpus\"\nlanguage = \"en\"\nsrc = \"../book/src\"\n\n\
[output.html.search]\nenable = false\n\n[output.html.print]\nenable = false\n",
    )
    .context("writing book-lean/book.toml")?;
    Ok(())
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
    fn the_corpus_is_deterministic_and_links_resolve() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        let (first, second) = (page(3, &mut a), page(3, &mut b));
        assert_eq!(first, second);
        assert!(first.starts_with("+++\ntitle = \"Guide 3: "));
        for (i, _) in first.match_indices("#section-") {
            let n: String = first[i + 9..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            assert!(
                n.parse::<usize>().is_ok_and(|n| (1..=7).contains(&n)),
                "{n}"
            );
        }
    }
}
