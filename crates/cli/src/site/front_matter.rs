//! Stage 2: each page starts with TOML front matter between `+++` lines:
//!
//! ```text
//! +++
//! title = "Direct Send"
//! summary = "One sentence for the meta description and the index."
//! order = 30
//! methods = ["direct-send"]
//! updated = "2026-11-28"
//! +++
//! ```
//!
//! It is read with the workspace's own TOML reader (`smarthost_core::toml_doc`), then
//! checked into [`FrontMatter`], which rejects unknown keys: a misspelt `summray` would
//! otherwise vanish silently. Every error names the line of the key at fault.

use super::error::{BuildError, SiteError};
use super::load::Source;
use super::strings::{t, Text};
use smarthost_core::i18n::Lang;
use smarthost_core::json::Json;
use smarthost_core::method::MethodId;
use smarthost_core::toml_doc;

pub const KEYS: [&str; 5] = ["title", "summary", "order", "methods", "updated"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    /// Position in the navigation; ties are broken by slug.
    pub order: i64,
    /// The methods the page explains (shown under the title); may be empty.
    pub methods: Vec<MethodId>,
    /// YYYY-MM-DD, checked as a calendar date.
    pub updated: String,
}

/// A page with its front matter checked and its Markdown body located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub lang: Lang,
    pub slug: String,
    /// As the user would type it, for errors.
    pub path: String,
    pub front: FrontMatter,
    pub text: String,
    /// Byte offset of the Markdown after the closing `+++`.
    pub body_start: usize,
    /// The file's line number of the body's first line.
    pub body_line: usize,
}

impl Page {
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// `en/direct-send.html`: where the page lands, relative to the site root.
    pub fn output_path(&self) -> String {
        format!("{}/{}.html", self.lang.code(), self.slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangSite {
    pub lang: Lang,
    /// In navigation order: by `order`, then slug.
    pub pages: Vec<Page>,
}

impl LangSite {
    pub fn page(&self, slug: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.slug == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub langs: Vec<LangSite>,
    /// Things worth telling the user (an index page generated).
    pub notes: Vec<String>,
}

impl Site {
    pub fn langs(&self) -> Vec<Lang> {
        self.langs.iter().map(|l| l.lang).collect()
    }
}

/// Checks the front matter of every page, reporting every bad page at once.
pub fn read_site(source: &Source) -> Result<Site, BuildError> {
    let mut errors = Vec::new();
    let mut langs = Vec::new();
    let mut notes = Vec::new();
    for lang_source in &source.langs {
        let mut pages = Vec::new();
        for file in &lang_source.pages {
            match split(&file.file.text) {
                Ok(split) => pages.push(Page {
                    lang: lang_source.lang,
                    slug: file.slug.clone(),
                    path: file.file.path.clone(),
                    front: split.front,
                    text: file.file.text.clone(),
                    body_start: split.body_start,
                    body_line: split.body_line,
                }),
                Err((line, message)) => errors.push(SiteError::at(&file.file.path, line, message)),
            }
        }
        if !pages.is_empty() && !pages.iter().any(|p| p.slug == INDEX) {
            let index = generated_index(lang_source.lang, &pages, &source.root);
            notes.push(format!(
                "{} is missing; generated one that lists the pages",
                index.path
            ));
            pages.push(index);
        }
        pages.sort_by(|a, b| (a.front.order, &a.slug).cmp(&(b.front.order, &b.slug)));
        langs.push(LangSite {
            lang: lang_source.lang,
            pages,
        });
    }
    BuildError::check(errors)?;
    Ok(Site { langs, notes })
}

/// The slug of a language's home page, which the chooser and every header link to.
pub const INDEX: &str = "index";

/// A home page for a language that has pages but no `index.md` yet (a translation in
/// progress): the pages' titles and summaries as a list, so every link to the
/// language's index still lands somewhere.
fn generated_index(lang: Lang, pages: &[Page], root: &str) -> Page {
    let mut sorted: Vec<&Page> = pages.iter().collect();
    sorted.sort_by(|a, b| (a.front.order, &a.slug).cmp(&(b.front.order, &b.slug)));
    let mut text = String::new();
    for page in &sorted {
        text.push_str(&format!(
            "- [{}]({}.md): {}\n",
            markdown_text(&page.front.title),
            page.slug,
            markdown_text(&page.front.summary)
        ));
    }
    let updated = pages
        .iter()
        .map(|p| p.front.updated.as_str())
        .max()
        .unwrap_or(smarthost_core::method::FACTS_CHECKED)
        .to_owned();
    Page {
        lang,
        slug: INDEX.to_owned(),
        path: format!("{root}/{}/{INDEX}.md", lang.code()),
        front: FrontMatter {
            title: t(lang, Text::SiteName).to_owned(),
            summary: t(lang, Text::GeneratedIndexSummary).to_owned(),
            order: i64::MIN,
            methods: Vec::new(),
            updated,
        },
        text,
        body_start: 0,
        body_line: 1,
    }
}

/// `text` with Markdown's punctuation escaped, so a title shows as written.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The checked front matter and where the body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub front: FrontMatter,
    pub body_start: usize,
    pub body_line: usize,
}

const DELIMITER: &str = "+++";

/// Splits a page into front matter and body; an error is `(line, message)`.
pub fn split(text: &str) -> Result<Split, (usize, String)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[bom..].split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != DELIMITER {
        return Err((
            1,
            "a page must start with front matter between `+++` lines (title, summary, order, methods, updated)"
                .to_owned(),
        ));
    }
    let front_start = bom + first.len();
    let mut offset = front_start;
    let mut line = 1;
    let mut closing = None;
    for text_line in lines {
        line += 1;
        if text_line.trim_end() == DELIMITER {
            closing = Some((offset, offset + text_line.len(), line));
            break;
        }
        offset += text_line.len();
    }
    let Some((front_end, body_start, closing_line)) = closing else {
        return Err((
            1,
            "the front matter is not closed by a `+++` line".to_owned(),
        ));
    };
    let front_text = &text[front_start..front_end];
    let front = parse(front_text).map_err(|(front_line, message)| {
        // Line 1 of the front matter is line 2 of the file.
        (front_line.map_or(1, |l| l + 1), message)
    })?;
    Ok(Split {
        front,
        body_start,
        body_line: closing_line + 1,
    })
}

/// Reads the TOML between the delimiters; the error line is relative to `front_text`
/// (`None`: the whole block, reported at the opening `+++`).
fn parse(front_text: &str) -> Result<FrontMatter, (Option<usize>, String)> {
    let tree = toml_doc::parse(front_text).map_err(|e| {
        (
            Some(e.line),
            format!("front matter: {} (column {})", e.message, e.column),
        )
    })?;
    let Json::Object(members) = tree else {
        return Err((None, "front matter: expected key = value lines".to_owned()));
    };
    let at = |key: &str| key_line(front_text, key);
    let mut title = None;
    let mut summary = None;
    let mut order = None;
    let mut methods = Vec::new();
    let mut updated = None;
    for (key, value) in &members {
        let wrong = |what: &str| Err((at(key), format!("front matter: `{key}` must be {what}")));
        match key.as_str() {
            "title" | "summary" => {
                let Json::String(text) = value else {
                    return wrong("text in quotes");
                };
                if text.trim().is_empty() {
                    return wrong("non-empty text");
                }
                let slot = if key == "title" {
                    &mut title
                } else {
                    &mut summary
                };
                *slot = Some(text.trim().to_owned());
            }
            "order" => {
                let number = match value {
                    Json::Number(n) => n.as_i64(),
                    _ => None,
                };
                let Some(number) = number else {
                    return wrong("a whole number");
                };
                order = Some(number);
            }
            "methods" => {
                let Json::Array(items) = value else {
                    return wrong("a list of method ids, such as [\"direct-send\"]");
                };
                for item in items {
                    let id = item.as_str().and_then(MethodId::parse).ok_or_else(|| {
                        let shown = item.as_str().map_or_else(|| "a value that is not text".to_owned(), |s| format!("`{s}`"));
                        (
                            at(key),
                            format!(
                                "front matter: {shown} in `methods` is not a method; the methods are: {}",
                                method_list()
                            ),
                        )
                    })?;
                    methods.push(id);
                }
            }
            "updated" => {
                let Some(date) = value.as_str().filter(|d| is_date(d)) else {
                    return wrong("a date in quotes, \"YYYY-MM-DD\"");
                };
                updated = Some(date.to_owned());
            }
            _ => {
                return Err((
                    at(key),
                    format!(
                        "front matter: unknown key `{key}`; the keys are: {}",
                        KEYS.join(", ")
                    ),
                ))
            }
        }
    }
    let missing = |key: &str| (None, format!("front matter: `{key}` is missing"));
    Ok(FrontMatter {
        title: title.ok_or_else(|| missing("title"))?,
        summary: summary.ok_or_else(|| missing("summary"))?,
        order: order.ok_or_else(|| missing("order"))?,
        methods,
        updated: updated.ok_or_else(|| missing("updated"))?,
    })
}

fn method_list() -> String {
    MethodId::ALL.map(MethodId::as_str).join(", ")
}

/// The line (1-based, within the front matter) where `key` is set: `key =`, `"key" =`,
/// a dotted `key.x =` or a `[key]` header. The TOML tree keeps no positions, and a
/// front matter block is a handful of lines, so a scan is enough.
pub fn key_line(front_text: &str, key: &str) -> Option<usize> {
    front_text
        .lines()
        .position(|line| {
            let line = line.trim_start();
            let line = line
                .strip_prefix("[[")
                .or_else(|| line.strip_prefix('['))
                .unwrap_or(line);
            let rest = line
                .strip_prefix(key)
                .or_else(|| {
                    line.strip_prefix('"')
                        .and_then(|l| l.strip_prefix(key))
                        .and_then(|l| l.strip_prefix('"'))
                })
                .or_else(|| {
                    line.strip_prefix('\'')
                        .and_then(|l| l.strip_prefix(key))
                        .and_then(|l| l.strip_prefix('\''))
                });
            rest.is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with(['=', '.', ']'])
            })
        })
        .map(|i| i + 1)
}

/// YYYY-MM-DD on the proleptic Gregorian calendar.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
#[path = "front_matter_tests.rs"]
mod tests;
