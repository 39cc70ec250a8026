//! A TOML 1.1 reader for the subset a device inventory uses, producing a
//! [`serde_json::Value`] tree so the inventory's serde types read both formats. It is
//! the browser's reader alone (feature `browser-toml`): native builds read TOML with the
//! `toml` crate, and the writer's quoting is in [`crate::toml_write`].
//!
//! Floats, dates and times are refused by name rather than read: an inventory has none,
//! so one is a mistake the user should hear about (an unquoted `10.0.0.5` would
//! otherwise be a confusing float error, or worse, silently a number). It never panics and limits nesting to
//! [`MAX_DEPTH`].

use crate::echo::shown;
use crate::toml_write::{is_bare_key_byte, key};
use cursor::{TextCursor, TextError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ops::{Deref, DerefMut};

mod cursor;
mod reader;
mod strings;
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

/// Control characters TOML forbids unescaped in strings and comments (tab is allowed).
fn is_forbidden_control(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t') || byte == 0x7f
}

#[cfg(test)]
mod tests;
