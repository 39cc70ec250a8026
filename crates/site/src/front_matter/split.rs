//! The TOML front matter at the top of a guide page, between `+++` lines:
//!
//! ```text
//! +++
//! title = "Direct Send"
//! summary = "One sentence for the meta description and the index."
//! order = 30
//! methods = ["direct-send"]
//! updated = 2026-11-28
//! +++
//! ```
//!
//! It is read with the `toml` crate into [`Keys`], whose derive refuses unknown keys
//! (`deny_unknown_fields`: a misspelt `summray` would otherwise vanish silently), then
//! each value is checked into [`FrontMatter`]. Every error names the line of the key at
//! fault, from the parser's spans. `updated` is a TOML date (`2026-11-28`, as Zola's
//! pages write it) or the same date in quotes. It never panics on any text (the fuzz
//! target `front_matter` calls it through the crate's public `front_matter` module).

use serde::Deserialize;
use smarthost_core::echo::{is_visible, look_alike_note, shown, shown_up_to};
use smarthost_core::method::MethodId;
use smarthost_core::text_pos::line_and_column;
use smarthost_core::toml_error::first_error;
use std::ops::Range;
use toml::de::{DeTable, Deserializer};
use toml::{Spanned, Value};

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

/// The front matter's keys as serde reads them: each value as given, with its span, so
/// the checks can name the key and its line; any other key is refused by the derive.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    title: Option<Spanned<Value>>,
    summary: Option<Spanned<Value>>,
    order: Option<Spanned<Value>>,
    methods: Option<Spanned<Value>>,
    updated: Option<Spanned<Value>>,
}

/// An error and its line, relative to the front matter (`None`: the whole block,
/// reported at the opening `+++`).
type Refused = (Option<usize>, String);

/// Reads the TOML between the delimiters.
fn parse(front_text: &str) -> Result<FrontMatter, Refused> {
    let line = |offset: usize| line_and_column(front_text, offset).0;
    // Every error of the text, so the first one in it is reported.
    let (table, errors) = DeTable::parse_recoverable(front_text);
    if let Some((offset, why)) = first_error(front_text, &errors) {
        let (line, column) = line_and_column(front_text, offset);
        return Err((Some(line), format!("front matter: {why} (column {column})")));
    }
    // The keys by their spans, for an error the derive gives by span alone.
    let spans: Vec<(String, Range<usize>, Range<usize>)> = (table.get_ref().iter())
        .map(|(key, value)| (key.get_ref().to_string(), key.span(), value.span()))
        .collect();
    let keys = Keys::deserialize(Deserializer::from(table)).map_err(|error| {
        let at = error.span().unwrap_or_default();
        if let Some((key, _, _)) = spans.iter().find(|(_, key, _)| *key == at) {
            // The derive refuses a key only when it is not one of `KEYS`.
            return (
                Some(line(at.start)),
                format!(
                    "front matter: unknown key `{}`; the keys are: {}",
                    shown(key),
                    KEYS.join(", ")
                ),
            );
        }
        // Otherwise a value `toml::Value` cannot hold (an integer past 64 bits).
        match spans.iter().find(|(_, _, value)| value.contains(&at.start)) {
            Some((key, _, value)) => (Some(line(value.start)), wrong_type(key)),
            None => (
                Some(line(at.start)),
                format!("front matter: {}", shown_up_to(error.message(), 200)),
            ),
        }
    })?;
    let wrong = |key: &str, value: &Spanned<Value>, why: String| {
        (
            Some(line(value.span().start)),
            format!("front matter: `{key}` must be {why}"),
        )
    };
    // Key by key, in this order: each is present, then of its type.
    let given = |key: &str, value: Option<Spanned<Value>>| {
        value.ok_or_else(|| (None, format!("front matter: `{key}` is missing")))
    };
    let title = given("title", keys.title)?;
    let title = one_line(&title).map_err(|why| wrong("title", &title, why))?;
    let summary = given("summary", keys.summary)?;
    let summary = one_line(&summary).map_err(|why| wrong("summary", &summary, why))?;
    let order = given("order", keys.order)?;
    let Value::Integer(order) = *order.get_ref() else {
        return Err(wrong("order", &order, "a whole number".to_owned()));
    };
    let methods = match &keys.methods {
        Some(methods) => method_ids(methods.get_ref())
            .map_err(|message| (Some(line(methods.span().start)), message))?,
        None => Vec::new(),
    };
    let updated = given("updated", keys.updated)?;
    let updated =
        date(updated.get_ref()).ok_or_else(|| wrong("updated", &updated, DATE.to_owned()))?;
    Ok(FrontMatter {
        title,
        summary,
        order,
        methods,
        updated,
    })
}

/// What `updated` must be.
const DATE: &str = "a date, YYYY-MM-DD, quoted or not";
/// What `title` and `summary` must be.
const TEXT: &str = "text in quotes";

/// The message for a value of the wrong type, by its key.
fn wrong_type(key: &str) -> String {
    let why = match key {
        "title" | "summary" => TEXT,
        "order" => "a whole number",
        "methods" => "a list of method ids, such as [\"direct-send\"]",
        _ => DATE,
    };
    format!("front matter: `{key}` must be {why}")
}

/// A title or summary: one line of visible text, trimmed.
fn one_line(value: &Spanned<Value>) -> Result<String, String> {
    let Value::String(text) = value.get_ref() else {
        return Err(TEXT.to_owned());
    };
    if !text.chars().any(is_visible) {
        return Err("non-empty text".to_owned());
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(format!(
            "one line of text without control characters (it has U+{:04X})",
            u32::from(c)
        ));
    }
    Ok(text.trim().to_owned())
}

/// `methods`: a list of method ids, each once.
fn method_ids(value: &Value) -> Result<Vec<MethodId>, String> {
    let Value::Array(items) = value else {
        return Err(wrong_type("methods"));
    };
    let mut methods = Vec::new();
    for item in items {
        let id = item
            .as_str()
            .and_then(MethodId::parse)
            .ok_or_else(|| not_a_method(item))?;
        if methods.contains(&id) {
            return Err(format!(
                "front matter: `{}` is listed twice in `methods`",
                id.as_str()
            ));
        }
        methods.push(id);
    }
    Ok(methods)
}

/// `updated` as YYYY-MM-DD: a TOML local date (`2026-11-28`) or that text in quotes; a
/// time, an offset or any other value is refused.
fn date(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Datetime(datetime) if datetime.time.is_none() && datetime.offset.is_none() => {
            let day = datetime.date?;
            format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
        }
        _ => return None,
    };
    is_date(&text).then_some(text)
}

fn method_list() -> String {
    MethodId::ALL.map(MethodId::as_str).join(", ")
}

/// The message for an entry of `methods` that is not a method id. A look-alike letter
/// (Cyrillic `і` in `dіrect-send`) is named with its code point, since the value would
/// otherwise read exactly like a valid id.
fn not_a_method(item: &Value) -> String {
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
