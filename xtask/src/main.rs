//! `cargo xtask`: the project's only set-up and check commands (matklad's xtask pattern).
//!
//! - `cargo xtask serve [--port N]`: install what is missing, build the site, serve dist/.
//! - `cargo xtask test`: install what is missing, then every check CI runs.
//! - `cargo xtask build`: install what is missing and build the site into dist/.
//! - `cargo xtask bench site`: the guide generator against mdBook (BENCHMARKS.md).
//! - `cargo xtask bench dns`: the DNS check's round trips against a slow resolver.
//! - `cargo xtask bench bundle`: each page's first-load size against the 200 KB budget.
//! - `cargo xtask bench load`: every screen's first paint, throttled, against its floor.
//! - `cargo xtask bench lighthouse`: Lighthouse scores for every screen and two guides.

mod bench;
mod bench_bundle;
mod bench_corpus;
mod bench_dns;
mod bench_lighthouse;
mod bench_load;
mod catalog_guard;
mod fuzz;
mod harden;
mod paired;
mod process;
mod site;
mod split;
mod summary;
mod test;
mod tools;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

fn main() {
    if let Err(error) = run() {
        eprintln!("xtask: error: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    std::env::set_current_dir(&root).context("entering the workspace root")?;
    tools::extend_path(&root)?;
    match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("test") => test::run_all(&root),
        Some("fuzz") => fuzz::run(&root, &args[1..]),
        Some("bench") => {
            tools::ensure_bench_tools(&root)?;
            bench::run(&root, &args[1..])
        }
        Some("build") => {
            tools::ensure_build_tools(&root)?;
            site::build(&root)
        }
        Some("help") | Some("--help") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   install missing tools, build the site into dist/, serve it (default port 8080)
  test               install missing tools, run every check (fmt, clippy, tests, browser tests)
  build              install missing tools, build the site into dist/
  fuzz [TARGET] [--seconds N]  run the fuzz targets (not part of test)
  bench site         the guide generator against mdBook on 1,000 pages; writes BENCHMARKS.md
  bench dns          the DNS check of a 3-level SPF tree with 100 ms per answer; writes BENCHMARKS.md
  bench bundle       each page's first load, raw and gzip; fails over 200 KB gzip; writes BENCHMARKS.md
  bench load         every screen's first paint with 4x CPU throttling against its static-HTML
                     floor; fails over 1.10 of the floor; writes BENCHMARKS.md
  bench lighthouse   Lighthouse 12.2.3 on every screen and two guide pages; fails under 99
                     performance or 100 elsewhere; writes BENCHMARKS.md";

fn serve(root: &Path, args: &[String]) -> Result<()> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value
            .parse::<u16>()
            .with_context(|| format!("--port expects a number from 1 to 65535, got `{value}`"))?,
        _ => bail!("usage: cargo xtask serve [--port N]"),
    };
    tools::ensure_build_tools(root)?;
    site::build(root)?;
    site::serve(root, port)
}

/// The directory holding the workspace Cargo.toml (xtask lives one level below it).
///
/// `cargo run` sets CARGO_MANIFEST_DIR for the process; that value is preferred over the
/// one compiled in, because two clones that share a target directory share this binary
/// too (cargo fingerprints workspace members by their path inside the workspace), and
/// the compiled-in path would then name the other clone.
fn workspace_root() -> Result<PathBuf> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .context("xtask must live in a subdirectory of the workspace")
}
