//! `cargo xtask bench bundle`: what each page's first load downloads (the boot script,
//! the JS glue, the wasm and the stylesheets it names), raw and gzip, against the 200 KB
//! gzip budget (issue #18). Fails when a page is over, so the budget is real.

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

const TITLE: &str = "## Bundle";
const BUDGET_GZIP: u64 = 200 * 1024;

/// The pages whose first load is measured: every screen, each its own binary.
const PAGES: [(&str, &str); 7] = [
    ("planner (/)", "index.html"),
    ("compare (compare/)", "compare/index.html"),
    ("cards (cards/)", "cards/index.html"),
    ("connector (connector/)", "connector/index.html"),
    ("DNS check (check/)", "check/index.html"),
    ("explain (explain/)", "explain/index.html"),
    ("settings (settings/)", "settings/index.html"),
];

pub fn bench_bundle(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    let dist = root.join("dist");
    let mut rows = String::new();
    let mut over = Vec::new();
    for (label, page) in PAGES {
        let html = read(&dist.join(page))?;
        let mut files = quoted_values(&html, "href=\"./", ".css\"");
        let boot = quoted_values(&html, "src=\"./", ".js\"");
        for script in &boot {
            let text = read(&dist.join(script))?;
            let named = boot_files(&text);
            if !named.iter().any(|file| file.ends_with(".wasm")) {
                bail!("dist/{script} names no .wasm: the bench would measure too little");
            }
            // The glue's own static imports load with it: the script that fetches a
            // split screen's later modules (xtask/src/split.rs), not the modules.
            for glue in named.iter().filter(|file| file.ends_with(".js")) {
                files.extend(static_imports(&read(&dist.join(glue))?));
            }
            files.extend(named);
        }
        files.extend(boot);
        let mut total_raw = 0;
        let mut total_gzip = 0;
        let mut parts = Vec::new();
        for file in &files {
            let bytes =
                std::fs::read(dist.join(file)).with_context(|| format!("reading dist/{file}"))?;
            let gzip = gzip_len(&bytes)?;
            total_raw += bytes.len() as u64;
            total_gzip += gzip;
            parts.push(format!("{file} {} / {}", kb(bytes.len() as u64), kb(gzip)));
        }
        if total_gzip > BUDGET_GZIP {
            over.push(format!("{label}: {} gzip", kb(total_gzip)));
        }
        rows.push_str(&format!(
            "| {label} | {} | **{}** | {} |\n",
            kb(total_raw),
            kb(total_gzip),
            parts.join("; ")
        ));
    }
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench bundle`: the files each page's first load fetches (boot \
         script, JS glue, wasm, stylesheets) in the release build (opt-level \"z\", LTO, \
         wasm-opt -Oz, Leptos with `--cfg erase_components`), raw and gzip -9. Budget: 200 KB gzip per page; the bench fails when \
         a page is over. The Vietnamese catalog (i18n/vi.txt) loads only when chosen.\n\n\
         | page | raw | gzip | files (raw / gzip) |\n|---|---:|---:|---|\n{rows}"
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    if !over.is_empty() {
        bail!("over the 200 KB gzip budget: {}", over.join(", "));
    }
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// The glue and the wasm a boot script loads, however its quotes were minified.
fn boot_files(text: &str) -> Vec<String> {
    quoted_files(text, &[""], &[".js", ".wasm"])
}

/// The scripts a module imports statically (`from "./x.js"`), however it was minified.
fn static_imports(text: &str) -> Vec<String> {
    quoted_files(text, &["from", "from "], &[".js"])
}

/// Every `<lead>'./<file><end>'` in `text`, in either quote.
fn quoted_files(text: &str, leads: &[&str], ends: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for quote in ['\'', '"'] {
        for lead in leads {
            for end in ends {
                files.extend(quoted_values(
                    text,
                    &format!("{lead}{quote}./"),
                    &format!("{end}{quote}"),
                ));
            }
        }
    }
    files
}

/// Values quoted as `prefix…suffix`, e.g. every `href="./x.css"` or `'./x.js'`, without
/// the quotes and the leading `./`.
fn quoted_values(text: &str, prefix: &str, suffix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(prefix) {
        let after = &rest[start + prefix.len()..];
        // The suffix ends with its closing quote; the value is everything before that quote.
        let quote = suffix.chars().last().unwrap_or('"');
        let Some(end) = after.find(quote) else { break };
        let value = &after[..end];
        if format!("{value}{quote}").ends_with(suffix) && !value.contains(['/', ' ']) {
            found.push(value.to_owned());
        }
        rest = &after[end..];
    }
    found
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_files_a_page_and_its_boot_script_name() {
        let html = r#"<script type="module" src="./boot-1.js"></script><link rel="stylesheet" href="./style-2.css" integrity="x"/><link href="./card-3.css"><link rel="icon" href="./favicon.svg">"#;
        assert_eq!(
            quoted_values(html, "href=\"./", ".css\""),
            ["style-2.css", "card-3.css"]
        );
        assert_eq!(quoted_values(html, "src=\"./", ".js\""), ["boot-1.js"]);
        let boot =
            "import init from './app-1.js';\nawait init({ module_or_path: './app-1_bg.wasm' });";
        assert_eq!(boot_files(boot), ["app-1.js", "app-1_bg.wasm"]);
        let minified = r#"import e from"./app-1.js";await e({module_or_path:"./app-1_bg.wasm"});"#;
        assert_eq!(boot_files(minified), ["app-1.js", "app-1_bg.wasm"]);
        let glue = r#"import*as t from"./app-1.split.js";import x from './y.js';const u=new URL("./a.wasm",import.meta.url);"#;
        assert_eq!(static_imports(glue), ["y.js", "app-1.split.js"]);
    }
}
