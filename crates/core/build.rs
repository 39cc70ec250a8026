//! The catalogs as compiled in.
//!
//! Natively (the CLI, the generator, the tests) every key is kept, and the `bounce.*`
//! texts follow the `bounce-texts` feature (on by default).
//!
//! A browser binary turns on `trim-catalog` and names its screens with `planner-texts`,
//! `check-texts` or `bounce-texts` (the web crate's `planner`, `check` and `explain`
//! features, which index.html, check.html and explain.html pass to Trunk). Then only the
//! shared keys and the keys of those screens are compiled in: each page's first load
//! carries the English it can show, not the other pages' (BENCHMARKS.md, "Bundle").
//! The command-line tools' own texts never reach the browser. Which prefix belongs to
//! which screens is listed below; a key not listed is shared.

use std::path::Path;

/// The lines that open and close a trimmed catalog (xtask/src/catalog_guard.rs).
const CATALOG_BEGIN: &str = "# smarthost-catalog-begin";
const CATALOG_END: &str = "# smarthost-catalog-end";
/// The same around the English texts of a screen's later module.
const LATER_BEGIN: &str = "# smarthost-later-catalog-begin";
const LATER_END: &str = "# smarthost-later-catalog-end";

/// Words only the native tools print.
const CLI_ONLY: &[&str] = &["cli.", "probe.", "site."];

/// Plan, Compare, Cards, Connector and Settings (the planner binary).
const PLANNER: &[&str] = &[
    "reason.",
    "milestone.",
    "card.",
    "connector.",
    "tenant.",
    "aspect.",
    "plan.",
    "inventory.",
    "ui.plan.",
    "term.",
    "ui.cards.",
    "ui.connector.",
    "ui.settings.",
    "ui.compare.",
    "ui.matrix.",
    "ui.effect.",
];

/// The DNS check (its own binary).
const CHECK: &[&str] = &[
    "finding.",
    "dkim.",
    "verdict.",
    "ui.check.",
    "ui.verdict.",
    "ui.mx.",
];

/// Shared keys the DNS check alone never shows: of a method it names only the name (the
/// method choice, the verdicts), and it states no dated fact and draws no QR code.
fn check_never_shows(key: &str) -> bool {
    (key.starts_with("method.")
        && !key
            .split(" = ")
            .next()
            .is_some_and(|k| k.ends_with(".name")))
        || key.starts_with("fact.")
        || key.starts_with("error.qr.")
}

/// Explain a bounce's screen (its own binary); its `bounce.*` texts follow
/// `bounce-texts` in every build.
const EXPLAIN: &[&str] = &["ui.explain."];

/// The key families messages/`file` lists for the one screen named by a `screen-*`
/// feature: in screens.txt those its catalog leaves out, in later.txt those only its
/// later module shows. None when the catalog is not trimmed or no single screen is named
/// (features add up, and two screens' drops together could leave out what one shows).
fn screen_list(
    file: &str,
    trim: bool,
    feature: &dyn Fn(&str) -> bool,
) -> Result<Vec<String>, String> {
    let path = Path::new("messages").join(file);
    println!("cargo::rerun-if-changed={}", path.display());
    if !trim {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("reading {}: {error}", path.display()))?;
    let mut named = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((screen, prefixes)) = line.split_once(':') else {
            return Err(format!(
                "{}: `{line}` is not `screen: prefixes`",
                path.display()
            ));
        };
        let flag = format!("SCREEN_{}", screen.trim().to_uppercase());
        if feature(&flag) {
            named.push(prefixes.split_whitespace().map(str::to_owned).collect());
        }
    }
    Ok(if named.len() == 1 {
        named.remove(0)
    } else {
        Vec::new()
    })
}

fn main() {
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let trim = feature("TRIM_CATALOG");
    let planner = feature("PLANNER_TEXTS");
    let check = feature("CHECK_TEXTS");
    let bounces = feature("BOUNCE_TEXTS");
    let lists = screen_list("screens.txt", trim, &feature)
        .and_then(|drops| Ok((drops, screen_list("later.txt", trim, &feature)?)));
    let (screen_drops, later) = match lists {
        Ok(lists) => lists,
        Err(error) => {
            println!("cargo::error={error}");
            return;
        }
    };
    let is_later = |key: &str| later.iter().any(|prefix| key.starts_with(prefix.as_str()));
    let keep = |key: &str| {
        let within = |set: &[&str]| set.iter().any(|prefix| key.starts_with(prefix));
        if screen_drops
            .iter()
            .any(|prefix| key.starts_with(prefix.as_str()))
        {
            return false;
        }
        if key.starts_with("bounce.") {
            return bounces;
        }
        if !trim {
            return true;
        }
        if within(CLI_ONLY) {
            false
        } else if within(PLANNER) {
            planner
        } else if within(CHECK) {
            check
        } else if within(EXPLAIN) {
            bounces
        } else if check && !planner && !bounces {
            !check_never_shows(key)
        } else {
            true
        }
    };
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        println!("cargo::error=OUT_DIR is not set");
        return;
    };
    for name in ["en.txt", "vi.txt"] {
        let source = Path::new("messages").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = match std::fs::read_to_string(&source) {
            Ok(text) => text,
            Err(error) => {
                println!("cargo::error=reading {}: {error}", source.display());
                return;
            }
        };
        let kept: Vec<&str> = text
            .lines()
            // Comments and blank lines stay in the source for translators, not in a
            // browser binary.
            .filter(|line| {
                let line = line.trim_start();
                !trim || !(line.is_empty() || line.starts_with('#'))
            })
            .filter(|line| keep(line.trim_start()))
            .collect();
        // English is split in two when the screen has a later module: its texts are
        // compiled into that module (i18n::install_later_texts), Vietnamese is fetched
        // whole when chosen.
        let english = name == "en.txt";
        let lines = |later_part: bool| -> String {
            kept.iter()
                .filter(|line| !english || is_later(line.trim_start()) == later_part)
                .flat_map(|line| [*line, "\n"])
                .collect()
        };
        // Comment lines the parser skips, around the texts: xtask's catalog guard leaves
        // what lies between them out of its search of the wasm (xtask/src/catalog_guard.rs).
        let first = if trim {
            format!("{CATALOG_BEGIN}\n{}{CATALOG_END}\n", lines(false))
        } else {
            lines(false)
        };
        if let Err(error) = std::fs::write(out.join(name), first) {
            println!("cargo::error=writing {name}: {error}");
        }
        if english {
            let later_texts = if later.is_empty() {
                String::new()
            } else {
                format!("{LATER_BEGIN}\n{}{LATER_END}\n", lines(true))
            };
            if let Err(error) = std::fs::write(out.join("en-later.txt"), later_texts) {
                println!("cargo::error=writing en-later.txt: {error}");
            }
        }
    }
}
