//! HTML is written by maud templates, read from the crate's sources (the files the
//! layering test reads, without comments and tests): no tag is built by `format!`,
//! `write!` or `push_str`, where a value goes in unescaped unless someone remembers to
//! escape it, and raw HTML (`PreEscaped`) enters only at the places listed here, each
//! under a comment that says why it is safe.

use crate::layering_tests::{code, SOURCES};

/// The places raw HTML enters a template, per file: the Markdown stage's output
/// (templates, fragments, a heading's text in anchors), the fragment stylesheet, the
/// sitemap's XML declaration and the slot of `markup::around_slot`.
const RAW_HTML: [(&str, usize); 5] = [
    ("anchors", 1),
    ("fragments", 2),
    ("markup", 1),
    ("sitemap", 1),
    ("templates", 1),
];

/// The first string literal after each `needle` in `code` (the macro's or method's
/// first argument, maybe on the next line, or after `write!`'s destination).
fn literals_after<'a>(code: &'a str, needle: &str) -> Vec<&'a str> {
    code.match_indices(needle)
        .filter_map(|(at, _)| {
            let rest = code.get(at + needle.len()..)?;
            let open = rest.find('"')?;
            // `format!(x, "…")` is no literal of its own: only whitespace or the
            // destination of `write!` may come before it.
            let before = rest.get(..open)?;
            if needle == "format!(" || needle == "push_str(" {
                if !before.trim().is_empty() {
                    return None;
                }
            } else if before.contains(';') {
                return None;
            }
            let literal = rest.get(open + 1..)?;
            let mut escaped = false;
            let end = literal.char_indices().find_map(|(i, c)| {
                let done = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                done.then_some(i)
            })?;
            literal.get(..end)
        })
        .collect()
}

/// Whether `text` holds a tag: `<` then a letter, `/`, `!` or `?`.
fn has_tag(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        text.get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    })
}

/// The `(file, line)` of every tag built by string formatting in `sources`.
fn formatted_tags(sources: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (name, source) in sources {
        let code = code(source);
        for needle in ["format!(", "push_str(", "write!(", "writeln!("] {
            for literal in literals_after(&code, needle) {
                if has_tag(literal) {
                    found.push(((*name).to_owned(), format!("{needle}\"{literal}\"")));
                }
            }
        }
    }
    found
}

#[test]
fn no_tag_is_built_by_string_formatting() {
    assert_eq!(formatted_tags(&SOURCES), Vec::<(String, String)>::new());
}

#[test]
fn the_checker_finds_formatted_tags_and_passes_text() {
    let source = "fn f(x: &str) -> String {\n    let mut out = format!(\n        \"<p class=\\\"a\\\">{x}</p>\",\n    );\n    out.push_str(\"</div>\\n\");\n    out.push_str(&format!(\"{x} < 3 and \\\"quoted\\\"\"));\n    write!(out, \"<br>\");\n    format!(\"a <b>\")\n}\n";
    let found = formatted_tags(&[("x", source)]);
    let lines: Vec<&str> = found.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        lines,
        [
            "format!(\"<p class=\\\"a\\\">{x}</p>\"",
            "format!(\"a <b>\"",
            "push_str(\"</div>\\n\"",
            "write!(\"<br>\"",
        ]
    );
}

#[test]
fn raw_html_enters_only_at_the_listed_places_each_with_a_reason() {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (name, source) in SOURCES {
        let count = code(source).matches("PreEscaped(").count();
        if count > 0 {
            counts.push((name, count));
        }
        // Every use, in the source with its comments, has a comment just above it.
        let lines: Vec<&str> = code(source)
            .lines()
            .zip(source.lines())
            .map(|(_, original)| original)
            .collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.contains("PreEscaped(") || line.trim_start().starts_with("//") {
                continue;
            }
            let above = lines.get(i.saturating_sub(3)..i).unwrap_or_default();
            assert!(
                above.iter().any(|l| l.trim_start().starts_with("//")),
                "{name}.rs line {}: say in a comment why this HTML is safe to write as it is",
                i + 1
            );
        }
    }
    assert_eq!(
        counts, RAW_HTML,
        "raw HTML entered a template somewhere new: escape the value, or list the place \
         in RAW_HTML with the reason it is HTML already"
    );
}
