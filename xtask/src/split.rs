//! Cutting a screen's later parts into WebAssembly modules of their own, fetched when
//! first used (src/later.rs; BENCHMARKS.md, "Bundle"). Trunk 0.21 has no wasm splitting,
//! so after Trunk has built a screen this step rebuilds its glue and wasm from the same
//! cargo output, the way `cargo leptos --split` does:
//!
//! 1. `wasm-split-cli` cuts the linked wasm (linked with `--emit-relocs`,
//!    .cargo/config.toml) at every `#[wasm_split(<module>)]` function: a main module and
//!    one module per name, with a small script that fetches them;
//! 2. wasm-bindgen makes the glue from the main module, under Trunk's file names, so the
//!    page Trunk wrote still loads it;
//! 3. wasm-opt -Oz optimises each module (the pages turn Trunk's own wasm-opt off:
//!    `data-wasm-opt="0"`).
//!
//! The later modules are named after Trunk's content-hashed name of the whole binary
//! (`smarthost-check-<hash>.check_results.wasm`), so they change name whenever any of
//! its code does. A binary with no split point gets its main module only.

use crate::process::run;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

/// The import module a split point leaves in the linked wasm until it is split.
const PLACEHOLDER: &[u8] = b"__wasm_split_placeholder__";
/// What wasm-split-cli names its fetching script, which the glue imports.
const LINK_SCRIPT: &str = "__wasm_split.js";

/// Rebuilds the glue and wasm of `binary`, which Trunk built into `folder`, from the
/// linked wasm, split at its split points when it has any. Every binary goes through
/// here: the relocations `--emit-relocs` leaves in a linked wasm keep wasm-opt from
/// optimising it (Trunk's own output grew from 0.5 to 1.5 MB), and wasm-split-cli's main
/// module carries none.
pub fn rebuild(root: &Path, folder: &Path, binary: &str) -> Result<()> {
    let linked = crate::bench::target_dir(root)
        .join("wasm32-unknown-unknown/release")
        .join(format!("{binary}.wasm"));
    let bytes = std::fs::read(&linked).with_context(|| format!("reading {}", linked.display()))?;
    let marked = bytes.windows(PLACEHOLDER.len()).any(|w| w == PLACEHOLDER);
    let trunk_wasm = crate::catalog_guard::wasm_in(folder, binary)?;
    let stem = trunk_wasm
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix("_bg.wasm"))
        .context("Trunk's wasm is not named <stem>_bg.wasm")?
        .to_owned();
    let work = folder.join(".split");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    run(Command::new("wasm-split-cli")
        .arg(&linked)
        .arg(&work)
        .args(["--out-name", &stem]))?;
    let mut bindgen = Command::new("wasm-bindgen");
    bindgen.args(["--target", "web", "--no-typescript", "--out-name", &stem]);
    if marked {
        // The later modules link to the main one's own exports.
        bindgen.args(["--keep-lld-exports", "--no-demangle"]);
    }
    run(bindgen
        .arg("--out-dir")
        .arg(folder)
        .arg(work.join(format!("{stem}.wasm"))))?;
    optimise(&trunk_wasm)?;
    if marked {
        ship_later_modules(folder, &work, &stem)?;
    }
    std::fs::remove_dir_all(&work)?;
    Ok(())
}

/// Moves the later modules and their fetching script from `work` into `folder` under
/// names of `stem`, optimised, and points the glue at the script.
fn ship_later_modules(folder: &Path, work: &Path, stem: &str) -> Result<()> {
    let link_name = format!("{stem}.split.js");
    let mut link = read(&work.join(LINK_SCRIPT))?;
    let mut modules = 0;
    for entry in std::fs::read_dir(work)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(module) = name
            .strip_prefix("split_")
            .and_then(|n| n.strip_suffix(".wasm"))
        else {
            continue;
        };
        let shipped = format!("{stem}.{module}.wasm");
        link = replace_once(&link, &format!("\"./{name}\""), &format!("\"./{shipped}\""))
            .with_context(|| format!("the split script does not fetch {name}"))?;
        let target = folder.join(&shipped);
        std::fs::rename(work.join(&name), &target)?;
        optimise(&target)?;
        modules += 1;
    }
    if modules == 0 {
        bail!("{stem} marks split points, but wasm-split-cli made no later module");
    }
    std::fs::write(folder.join(&link_name), link)?;
    let glue_path = folder.join(format!("{stem}.js"));
    let glue = read(&glue_path)?;
    // Only the import's specifier: the wasm still names its import module
    // "./__wasm_split.js", which the glue's imports object keys by.
    let glue = replace_once(
        &glue,
        &format!("from \"./{LINK_SCRIPT}\""),
        &format!("from \"./{link_name}\""),
    )
    .with_context(|| format!("{} does not import {LINK_SCRIPT}", glue_path.display()))?;
    std::fs::write(&glue_path, glue)?;
    Ok(())
}

fn optimise(wasm: &Path) -> Result<()> {
    run(Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// `text` with `from` replaced, which must occur exactly once.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => bail!("`{from}` occurs {n} times"),
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_is_replaced_only_when_it_is_there_once() {
        let text = r#"fetch(new URL("./split_a.wasm", import.meta.url))"#;
        assert_eq!(
            replace_once(text, "\"./split_a.wasm\"", "\"./x.a.wasm\"").unwrap(),
            r#"fetch(new URL("./x.a.wasm", import.meta.url))"#
        );
        assert!(replace_once(text, "\"./split_b.wasm\"", "\"./x.b.wasm\"").is_err());
        assert!(replace_once("\"a\" \"a\"", "\"a\"", "b").is_err());
    }
}
