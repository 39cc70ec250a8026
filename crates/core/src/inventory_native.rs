//! The TOML inventory natively: the `toml` crate parses the text once into a tree that
//! keeps every key's and value's span, the schema of `inventory_file.rs` is read from
//! that tree by serde, and the spans say on which line each device starts, so a
//! refusal about a device can point at it (the guide generator's `devices.toml:8: …`).
//!
//! What the browser's reader ([`crate::toml_doc`]) refuses as a syntax error is refused
//! here the same way, at the same place: floats, dates and times (an inventory holds
//! none, and an unquoted `10.5` or `2026-01-01` is a mistake to point at), integers that
//! do not fit in 64 bits, and nesting deeper than [`MAX_DEPTH`].

use super::file::Top;
use super::read::{check_size, from_top};
use super::{Format, ImportError, Imported, Refusal, MAX_DEVICES};
use crate::echo::shown;
use crate::i18n::Lang;
use crate::text_pos::{line_and_column, lines_at};
use crate::toml_error::first_error;
use serde::Deserialize;
use toml::de::{DeTable, DeValue, Deserializer};
use toml::Spanned;

/// The deepest nesting of tables and arrays accepted, as in the browser's reader.
pub const MAX_DEPTH: usize = 64;

/// A TOML inventory as the `toml` crate read it, with the line (from 1) each device
/// starts on: its `[[devices]]` header, or its `{` in an inline list. In file order, one
/// per device read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlImport {
    pub imported: Imported,
    pub device_lines: Vec<usize>,
}

/// A refused TOML inventory, with the line the refusal is about when it has one: where
/// the text is not TOML, the device's own line for a device's refusal, the key's for a
/// refused top-level key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlRefusal {
    pub error: ImportError,
    pub line: Option<usize>,
    /// For text that is not TOML, what is wrong with it as the `toml` crate words it (in
    /// English, safe to show), for the guide generator's English build errors.
    pub parser_message: Option<String>,
}

impl Imported {
    /// Reads a TOML inventory with the `toml` crate under the rules of
    /// [`Imported::read_json`], keeping each device's line.
    pub fn read_toml_with_lines(text: &str) -> Result<TomlImport, TomlRefusal> {
        check_size(text).map_err(|error| TomlRefusal {
            error,
            line: None,
            parser_message: None,
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let syntax = |offset: usize, why: Option<&str>| {
            let (line, column) = line_and_column(text, offset);
            TomlRefusal {
                error: ImportError::Syntax {
                    format: Format::Toml,
                    line,
                    column,
                },
                line: Some(line),
                parser_message: why.map(str::to_owned),
            }
        };
        // All the text's errors, so the first in the text is the one reported, as a
        // line-by-line reader would (the parser finds a bad escape after a missing `=`).
        let (table, errors) = DeTable::parse_recoverable(text);
        if let Some((offset, why)) = first_error(text, &errors) {
            return Err(syntax(offset, Some(&why)));
        }
        if let Some((offset, why)) = first_refused_value(table.get_ref()) {
            return Err(syntax(offset, Some(why)));
        }
        // One pass for the lines of the devices read (past the limit the file is refused).
        let device_lines = match top_value(table.get_ref(), "devices") {
            Some(DeValue::Array(devices)) => {
                let starts = devices.iter().take(MAX_DEVICES).map(|d| d.span().start);
                lines_at(text, starts)
            }
            _ => Vec::new(),
        };
        let key_starts: Vec<(String, usize)> = (table.get_ref().keys())
            .map(|key| (key.get_ref().to_string(), key.span().start))
            .collect();
        // Every refusal of the schema is data; an error here is one of the text.
        let top = Top::deserialize(Deserializer::from(table)).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            syntax(offset, Some(&shown(e.message())))
        })?;
        match from_top(top) {
            Ok(imported) => Ok(TomlImport {
                imported,
                device_lines,
            }),
            Err(error) => {
                let line = match error.device_number() {
                    Some(number) => number
                        .checked_sub(1)
                        .and_then(|index| device_lines.get(index).copied()),
                    None => top_key(&error).and_then(|name| {
                        let found = key_starts.iter().find(|(key, _)| key == name);
                        found.map(|(_, start)| line_and_column(text, *start).0)
                    }),
                };
                Err(TomlRefusal {
                    error,
                    line,
                    parser_message: None,
                })
            }
        }
    }
}

impl TomlRefusal {
    /// What is said after the file's `path:line: `: for text that is not TOML, the
    /// parser's own words (English) and the column; otherwise the refusal in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (&self.error, &self.parser_message) {
            (ImportError::Syntax { column, .. }, Some(why)) => format!("{why} (column {column})"),
            (error, _) => error.message(lang),
        }
    }

    /// `path:line: message`, or `path: message` for a refusal about no line (a file
    /// too large, no devices list), as the guide generator and the CLI show it.
    pub fn located(&self, path: &str, lang: Lang) -> String {
        match self.line {
            Some(line) => format!("{path}:{line}: {}", self.message(lang)),
            None => format!("{path}: {}", self.message(lang)),
        }
    }
}

/// The top-level key a refusal that names no device is about.
fn top_key(error: &ImportError) -> Option<&str> {
    match error {
        ImportError::Version(_) | ImportError::NotInventory(Refusal::VersionNotNumber) => {
            Some("version")
        }
        ImportError::TooMany(_) | ImportError::NotInventory(Refusal::DevicesNotList) => {
            Some("devices")
        }
        ImportError::NotInventory(Refusal::UnknownField {
            device: None,
            field,
        }) => Some(&field.name),
        _ => None,
    }
}

fn top_value<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t DeValue<'i>> {
    table
        .iter()
        .find(|(key, _)| key.get_ref() == name)
        .map(|(_, value)| value.get_ref())
}

/// The offset of the first value (in the text's order) the browser's reader refuses as
/// a syntax error, and why: a float, a date or time, an integer past 64 bits, or a value
/// nested deeper than [`MAX_DEPTH`]. Walks with its own stack, so no depth overflows it.
fn first_refused_value(root: &DeTable<'_>) -> Option<(usize, &'static str)> {
    let mut first: Option<(usize, &'static str)> = None;
    let mut stack: Vec<(&Spanned<DeValue<'_>>, usize)> = root.values().map(|v| (v, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        let nested = |depth: usize| (depth > MAX_DEPTH).then_some("values are nested too deep");
        let refused = match value.get_ref() {
            DeValue::Float(_) => Some(
                "floating-point numbers are not used in smarthost files; write a whole \
                 number, or quote the value to keep it as text",
            ),
            DeValue::Datetime(_) => Some(
                "dates and times are not used in smarthost files; quote the value to keep \
                 it as text",
            ),
            DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix())
                .is_err()
                .then_some("the integer does not fit in 64 bits"),
            DeValue::String(_) | DeValue::Boolean(_) => None,
            DeValue::Array(items) => {
                stack.extend(items.iter().map(|item| (item, depth + 1)));
                nested(depth)
            }
            DeValue::Table(table) => {
                stack.extend(table.values().map(|item| (item, depth + 1)));
                nested(depth)
            }
        };
        let offset = value.span().start;
        if let Some(why) = refused.filter(|_| first.is_none_or(|(at, _)| offset < at)) {
            first = Some((offset, why));
        }
    }
    first
}
