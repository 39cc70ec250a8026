//! A TOML 1.0 reader for the subset a device inventory uses, producing a
//! [`serde_json::Value`] tree so the inventory's serde types read both formats, and the
//! string quoting the inventory writer needs.
//!
//! Floats, dates and times are refused by name rather than read: an inventory has none,
//! so one is a mistake the user should hear about (an unquoted `10.0.0.5` would
//! otherwise be a confusing float error, or worse, silently a number). It never panics and limits nesting to
//! [`MAX_DEPTH`].

use crate::echo::shown;
use crate::text_cursor::{TextCursor, TextError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ops::{Deref, DerefMut};

mod reader;
mod tables;
mod values;

use reader::*;
use tables::*;
use values::*;

/// The deepest nesting of tables, arrays and dotted keys the reader accepts.
pub const MAX_DEPTH: usize = 64;

/// Why a document was refused, and where.
pub type TomlError = TextError;

/// Reads a TOML document into an object tree: tables become objects, arrays of tables become arrays of objects, integers numbers.
pub fn parse(text: &str) -> Result<Value, TomlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        cursor: TextCursor::new(text),
    };
    let mut root = Table::new(Origin::Header);
    let mut current: Vec<String> = Vec::new();
    loop {
        reader.skip_blanks();
        match reader.peek() {
            None => break,
            Some(b'#' | b'\n' | b'\r') => {}
            Some(b'[') => current = reader.header(&mut root)?,
            Some(_) => {
                let at = reader.pos;
                let table = table_at(&mut root, &current).ok_or_else(|| {
                    reader.error_at(at, "the current table cannot be found again")
                })?;
                reader.key_value(table, current.len())?;
            }
        }
        reader.end_of_line()?;
    }
    Ok(root.into_value())
}

/// `text` as a TOML basic string: `"` and `\` escaped, control characters as short
/// escapes or `\uXXXX`, everything else (any language, emoji) as UTF-8. A basic string
/// is the one form that can hold every string, so the writer never has to choose.
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `name` as a key: bare when TOML allows it, else a basic string.
pub fn key(name: &str) -> String {
    if !name.is_empty() && name.bytes().all(is_bare_key_byte) {
        name.to_owned()
    } else {
        basic_string(name)
    }
}

fn is_bare_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// Control characters TOML forbids unescaped in strings and comments (tab is allowed).
fn is_forbidden_control(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t') || byte == 0x7f
}

#[cfg(test)]
mod tests;
