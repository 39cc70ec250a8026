//! The TOML front matter at the top of a guide page, between `+++` lines:
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
//! It is read with the workspace's own TOML reader ([`smarthost_core::toml_doc`]), then checked
//! into [`FrontMatter`], which rejects unknown keys: a misspelt `summray` would otherwise
//! vanish silently. Every error names the line of the key at fault. It never panics on
//! any text (the fuzz target `front_matter` calls it through the crate's public
//! `front_matter` module).

use serde_json::Value as Json;
use smarthost_core::echo::{is_visible, look_alike_note, shown};
use smarthost_core::method::MethodId;
use smarthost_core::toml_doc;

pub(crate) const KEYS: [&str; 5] = ["title", "summary", "order", "methods", "updated"];

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
                if !text.chars().any(is_visible) {
                    return wrong("non-empty text");
                }
                if let Some(c) = text.chars().find(|c| c.is_control()) {
                    return wrong(&format!(
                        "one line of text without control characters (it has U+{:04X})",
                        u32::from(c)
                    ));
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
                    let id = item
                        .as_str()
                        .and_then(MethodId::parse)
                        .ok_or_else(|| (at(key), not_a_method(item)))?;
                    if methods.contains(&id) {
                        return Err((
                            at(key),
                            format!(
                                "front matter: `{}` is listed twice in `methods`",
                                id.as_str()
                            ),
                        ));
                    }
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
                        "front matter: unknown key `{}`; the keys are: {}",
                        shown(key),
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

/// The message for an entry of `methods` that is not a method id. A look-alike letter
/// (Cyrillic `і` in `dіrect-send`) is named with its code point, since the value would
/// otherwise read exactly like a valid id.
fn not_a_method(item: &Json) -> String {
    let Some(text) = item.as_str() else {
        return format!(
            "front matter: `methods` holds a value that is not text; the methods are: {}",
            method_list()
        );
    };
    let look_alike = look_alike_note(text);
    format!(
        "front matter: `{}` in `methods` is not a method{look_alike}; the methods are: {}",
        shown(text),
        method_list()
    )
}

/// The line (1-based, within the front matter) where `key` is set: `key =`, `"key" =`,
/// a dotted `key.x =` or a `[key]` header. The TOML tree keeps no positions, and a
/// front matter block is a handful of lines, so a scan is enough.
pub(crate) fn key_line(front_text: &str, key: &str) -> Option<usize> {
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
#[path = "split_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "split_hostile_tests.rs"]
mod hostile_tests;
