//! The glossary (messages/glossary.txt) is the one list of terms smarthost uses for its
//! recurring concepts. These tests hold every catalog text, every guide page and the
//! guide's demo inventory (guide/devices.toml, whose names, places and notes the device
//! pages print in both languages) to it:
//! a variant the glossary rules out, an English console label without its Vietnamese
//! gloss, a term to explain without its explanation, an ISO date in running text, or a
//! USD amount written in the other language's order fails here with the file, the line
//! and the rule.

use smarthost_core::i18n::parse_catalog;
use smarthost_core::inventory::Imported;
use std::fs;
use std::path::{Path, PathBuf};

/// One rule block of the glossary.
#[derive(Debug, Default)]
struct Term {
    id: String,
    avoid_en: Vec<String>,
    avoid_vi: Vec<String>,
    /// (English label, Vietnamese gloss that must accompany it).
    gloss_vi: Vec<(String, String)>,
    /// The same, required only on a guide page's first line naming the label.
    gloss_first_vi: Vec<(String, String)>,
    /// Glosses given at most once per guide page.
    once_vi: Vec<String>,
    explain: bool,
}

/// A text the rules apply to: where it comes from, for the failure message, and what it says.
struct Text {
    place: String,
    body: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(" | ")
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

fn glossary() -> Vec<Term> {
    let source = read(&root().join("crates/core/messages/glossary.txt"));
    let mut terms: Vec<Term> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            panic!("glossary.txt:{}: not `key = value`: {line}", number + 1);
        };
        let value = value.trim();
        if key == "term" {
            terms.push(Term {
                id: value.to_owned(),
                ..Term::default()
            });
            continue;
        }
        let Some(term) = terms.last_mut() else {
            panic!(
                "glossary.txt:{}: `{key}` before the first `term =`",
                number + 1
            );
        };
        match key {
            "en" | "vi" => {}
            "en.avoid" => term.avoid_en.extend(split_list(value)),
            "vi.avoid" => term.avoid_vi.extend(split_list(value)),
            "vi.gloss" | "vi.gloss.first" => {
                let Some((label, gloss)) = value.split_once(" => ") else {
                    panic!(
                        "glossary.txt:{}: write `{key} = Label => gloss`",
                        number + 1
                    );
                };
                let pair = (label.trim().to_owned(), gloss.trim().to_owned());
                if key == "vi.gloss" {
                    term.gloss_vi.push(pair);
                } else {
                    term.gloss_first_vi.push(pair);
                }
            }
            "vi.once" => term.once_vi.push(value.to_owned()),
            "explain" => term.explain = value == "yes",
            other => panic!("glossary.txt:{}: unknown key `{other}`", number + 1),
        }
    }
    terms
}

/// The text with `inline code` removed: record syntax and commands are not prose.
fn without_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

fn catalog_texts(lang: &str) -> Vec<Text> {
    let path = root().join(format!("crates/core/messages/{lang}.txt"));
    let source = read(&path);
    parse_catalog(&source)
        .into_iter()
        .map(|(key, text)| Text {
            place: format!("messages/{lang}.txt `{key}`"),
            body: without_code(text),
        })
        .collect()
}

/// The guide pages of `lang`, one text per line: the front matter's title and summary,
/// and the body outside fenced code
/// (code is commands and output; their comments are checked through the catalog-like
/// prose lines around them).
fn guide_pages(lang: &str) -> Vec<(String, Vec<Text>)> {
    let dir = root().join(format!("guide/{lang}"));
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no guide pages in {}", dir.display());
    paths
        .into_iter()
        .map(|path| {
            let name = format!(
                "guide/{lang}/{}",
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            );
            let source = read(&path);
            let mut lines = Vec::new();
            let mut in_front = false;
            let mut fenced = false;
            for (number, line) in source.lines().enumerate() {
                if line.trim() == "+++" && (number == 0 || in_front) {
                    in_front = number == 0;
                    continue;
                }
                if in_front {
                    // The title and summary are read (the page's heading, the index's
                    // summaries, the meta description); the other keys are data.
                    let shown = ["title", "summary"].iter().any(|key| {
                        line.split_once('=')
                            .is_some_and(|(name, _)| name.trim() == *key)
                    });
                    if shown {
                        lines.push(Text {
                            place: format!("{name}:{}", number + 1),
                            body: without_code(line),
                        });
                    }
                    continue;
                }
                if line.trim_start().starts_with("```") {
                    fenced = !fenced;
                    continue;
                }
                if fenced {
                    continue;
                }
                lines.push(Text {
                    place: format!("{name}:{}", number + 1),
                    body: without_code(line),
                });
            }
            (name, lines)
        })
        .collect()
}

/// The reader-facing words of the guide's inventory, guide/devices.toml, read as the
/// generator reads it: each device's name, customer, location, model and notes, which
/// its page and card print on the English and the Vietnamese site alike (one inventory
/// serves both, so its texts are held to the rules of both languages).
fn inventory_texts() -> Vec<Text> {
    let path = root().join("guide/devices.toml");
    let source = read(&path);
    let read = Imported::read_toml_with_lines(&source)
        .unwrap_or_else(|refusal| panic!("guide/devices.toml: {refusal:?}"));
    let mut texts = Vec::new();
    for (index, device) in read.imported.inventory.devices.iter().enumerate() {
        let line = read.device_lines.get(index).copied().unwrap_or(0);
        let fields = [
            ("name", &device.name),
            ("customer", &device.customer),
            ("location", &device.location),
            ("model", &device.model),
            ("notes", &device.notes),
        ];
        for (field, value) in fields {
            if value.trim().is_empty() {
                continue;
            }
            texts.push(Text {
                place: format!("guide/devices.toml:{line} device {} {field}", index + 1),
                body: without_code(value),
            });
        }
    }
    texts
}

/// The texts written in `lang`: its catalog and its guide pages.
fn all_texts(lang: &str) -> Vec<Text> {
    let mut texts = catalog_texts(lang);
    for (_, lines) in guide_pages(lang) {
        texts.extend(lines);
    }
    texts
}

/// What a reader of `lang` sees: the texts written in it, and the inventory.
fn shown_texts(lang: &str) -> Vec<Text> {
    let mut texts = all_texts(lang);
    texts.extend(inventory_texts());
    texts
}

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

fn report(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} glossary problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_glossary_parses_and_names_each_term_once() {
    let terms = glossary();
    assert!(terms.len() >= 20, "only {} terms", terms.len());
    let mut ids: Vec<&str> = terms.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "a term id is given twice");
}

#[test]
fn no_text_uses_a_variant_the_glossary_rules_out() {
    let terms = glossary();
    let mut problems = Vec::new();
    for (lang, texts) in [("en", shown_texts("en")), ("vi", shown_texts("vi"))] {
        for term in &terms {
            let avoid = if lang == "en" {
                &term.avoid_en
            } else {
                &term.avoid_vi
            };
            for text in &texts {
                // The explanation of a term may name the word it explains.
                if text.place.contains("`term.") {
                    continue;
                }
                for variant in avoid {
                    if contains_ci(&text.body, variant) {
                        problems.push(format!(
                            "{}: \"{variant}\" is ruled out by the glossary's `{}`",
                            text.place, term.id
                        ));
                    }
                }
            }
        }
    }
    report(problems);
}

#[test]
fn english_console_labels_in_vietnamese_texts_carry_their_gloss() {
    let terms = glossary();
    let mut problems = Vec::new();
    // Not the inventory: a gloss belongs to Vietnamese prose, and the inventory is the
    // admin's own words (English in the demo), printed as written.
    let texts = all_texts("vi");
    for term in &terms {
        for (label, gloss) in &term.gloss_vi {
            for text in &texts {
                // Case matters: "Mail flow" is the console label, not the words.
                if text.body.contains(label.as_str()) && !contains_ci(&text.body, gloss) {
                    problems.push(format!(
                        "{}: \"{label}\" without its gloss \"{gloss}\" (glossary `{}`)",
                        text.place, term.id
                    ));
                }
            }
        }
    }
    report(problems);
}

#[test]
fn each_guide_page_glosses_a_label_where_it_first_names_it_and_only_once() {
    let terms = glossary();
    let mut problems = Vec::new();
    for (page, lines) in guide_pages("vi") {
        for term in &terms {
            for (label, gloss) in &term.gloss_first_vi {
                let first = lines.iter().find(|l| l.body.contains(label.as_str()));
                if let Some(first) = first.filter(|l| !contains_ci(&l.body, gloss)) {
                    problems.push(format!(
                        "{}: the page's first \"{label}\" has no gloss \"{gloss}\" (glossary `{}`)",
                        first.place, term.id
                    ));
                }
            }
            for gloss in &term.once_vi {
                let count: usize = lines
                    .iter()
                    .map(|l| l.body.matches(gloss.as_str()).count())
                    .sum();
                if count > 1 {
                    problems.push(format!(
                        "{page}: \"{gloss}\" is given {count} times; once per page is enough (glossary `{}`)",
                        term.id
                    ));
                }
            }
        }
    }
    report(problems);
}

#[test]
fn terms_readers_may_not_know_are_explained_in_both_languages() {
    let terms = glossary();
    let mut problems = Vec::new();
    let mut marked: Vec<&str> = terms
        .iter()
        .filter(|t| t.explain)
        .map(|t| t.id.as_str())
        .collect();
    let mut listed = smarthost_core::terms::EXPLAINED.to_vec();
    marked.sort_unstable();
    listed.sort_unstable();
    assert_eq!(
        marked, listed,
        "glossary.txt's `explain = yes` and core's terms::EXPLAINED differ"
    );
    for lang in ["en", "vi"] {
        let source = read(&root().join(format!("crates/core/messages/{lang}.txt")));
        let keys: Vec<&str> = parse_catalog(&source).into_iter().map(|(k, _)| k).collect();
        for term in terms.iter().filter(|t| t.explain) {
            for part in ["name", "explain"] {
                let key = format!("term.{}.{part}", term.id);
                if !keys.contains(&key.as_str()) {
                    problems.push(format!("messages/{lang}.txt: `{key}` is missing"));
                }
            }
        }
        let index = read(&root().join(format!("guide/{lang}/index.md")));
        if !index.contains("{{ terms }}") {
            problems.push(format!(
                "guide/{lang}/index.md: no {{{{ terms }}}}, so the terms are not explained"
            ));
        }
    }
    report(problems);
}

/// `YYYY-MM-DD` at byte `at` of `text`.
fn iso_date_at(text: &[u8], at: usize) -> bool {
    let shape = b"dddd-dd-dd";
    text.len() >= at + shape.len()
        && shape.iter().enumerate().all(|(i, s)| match s {
            b'd' => text[at + i].is_ascii_digit(),
            c => text[at + i] == *c,
        })
        && (at == 0 || !text[at - 1].is_ascii_digit())
        && text
            .get(at + shape.len())
            .is_none_or(|c| !c.is_ascii_digit())
}

#[test]
fn running_text_has_no_iso_dates() {
    let mut problems = Vec::new();
    let texts = all_texts("en").into_iter().chain(all_texts("vi"));
    // The inventory once: it is the same text on both sites.
    for text in texts.chain(inventory_texts()) {
        let bytes = text.body.as_bytes();
        if (0..bytes.len()).any(|at| iso_date_at(bytes, at)) {
            problems.push(format!(
                "{}: an ISO date in running text; write it in the language's way",
                text.place
            ));
        }
    }
    report(problems);
}

#[test]
fn usd_amounts_follow_each_languages_order() {
    let mut problems = Vec::new();
    // Not the inventory: an amount printed on both sites can suit only one order.
    for text in all_texts("vi") {
        if let Some(at) = text.body.find("USD ") {
            if text.body[at + 4..].starts_with(|c: char| c.is_ascii_digit()) {
                problems.push(format!("{}: Vietnamese writes \"42 USD\"", text.place));
            }
        }
    }
    for text in all_texts("en") {
        let body = &text.body;
        if let Some(at) = body.find(" USD") {
            if body[..at].ends_with(|c: char| c.is_ascii_digit()) {
                problems.push(format!("{}: English writes \"USD 42\"", text.place));
            }
        }
    }
    report(problems);
}

#[test]
fn the_checks_see_the_texts_they_check() {
    // A path mistake must not make every rule pass on nothing.
    assert!(catalog_texts("vi").len() > 500);
    assert!(guide_pages("vi").len() >= 10);
    assert!(guide_pages("en").iter().all(|(_, lines)| lines.len() > 10));
    // The front matter's title (line 2 of a page) is read, its date is not.
    let vi_pages = guide_pages("vi");
    let vi_index = vi_pages
        .iter()
        .find(|(page, _)| page == "guide/vi/index.md")
        .map(|(_, lines)| lines);
    assert!(vi_index.is_some_and(|lines| lines.iter().any(|t| t.place.ends_with("index.md:2"))));
    assert!(vi_index.is_some_and(|lines| !lines.iter().any(|t| t.body.contains("updated"))));
    let inventory = inventory_texts();
    assert!(
        inventory
            .iter()
            .filter(|t| t.place.ends_with(" notes"))
            .count()
            >= 5,
        "the demo inventory's notes are not read"
    );
    assert!(inventory
        .iter()
        .any(|t| t.place.starts_with("guide/devices.toml:8 device 1 name")));
    assert!(iso_date_at(b"on 2026-11-28.", 3));
    assert!(!iso_date_at(b"12026-11-281", 1));
    assert_eq!(without_code("a `b` c"), "a    c");
}
