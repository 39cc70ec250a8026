//! JSON (RFC 8259) for the inventory export and the DNS JSON APIs: a strict reader and a
//! writer whose output can be embedded in HTML or a script. It replaces the serde JSON crate in
//! the browser build, where every kilobyte of WebAssembly is downloaded by each visitor.
//!
//! The reader never panics and stops at [`MAX_DEPTH`] levels of nesting, so a hostile
//! file cannot overflow the stack. Objects keep their members in document order and
//! refuse duplicate keys, which RFC 8259 section 4 leaves open: a file that says two
//! things about one field is a mistake worth reporting.

use crate::echo::shown;
use crate::text_cursor::{TextCursor, TextError};
use std::collections::BTreeSet;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// The deepest nesting of arrays and objects the reader accepts (RFC 8259 section 9
/// allows a limit); an inventory needs three.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Objects are member lists in document order, without duplicate keys
/// when they come from [`parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A number as written in the document, so integers of any size and decimals survive a
/// round trip exactly, and `1` and `1.0` stay distinguishable, as in serde's JSON values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// `text` when it is one JSON number (RFC 8259 section 6) within the range of `f64`.
    pub fn parse(text: &str) -> Option<Number> {
        let mut parser = Parser::new(text);
        match parser.number() {
            Ok(Json::Number(number)) if parser.at_end() => Some(number),
            _ => None,
        }
    }

    /// A finite float in the shortest form that reads back to the same value.
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then(|| Number(format!("{value}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when it is written as a non-negative integer that fits, like serde's
    /// `Value::as_u64` (which also refuses `1.0`, `1e2` and `-0`).
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The value when it is written as an integer that fits; `-0` is a float there too.
    pub fn as_i64(&self) -> Option<i64> {
        if self.0 == "-0" {
            return None;
        }
        self.0.parse().ok()
    }

    /// The nearest `f64` (always finite: larger numbers are refused by the reader).
    pub fn as_f64(&self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }
}

impl From<u32> for Number {
    fn from(value: u32) -> Self {
        Number(value.to_string())
    }
}

impl From<u64> for Number {
    fn from(value: u64) -> Self {
        Number(value.to_string())
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        Number(value.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Json {
    /// The member `key` of an object; `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Why a document was refused, and where.
pub type JsonError = TextError;

/// Reads one JSON document. A leading byte order mark is skipped (RFC 8259 section 8.1
/// allows it), since Windows editors write one.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::new(text);
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if !parser.at_end() {
        return Err(parser.error("unexpected text after the end of the document"));
    }
    Ok(value)
}

/// `value` indented by two spaces per level, in the layout of serde's JSON
/// `to_string_pretty`.
pub fn to_pretty(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some(0));
    out
}

/// `value` on one line, without spaces.
pub fn to_compact(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None);
    out
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_string(&mut out, text);
    out
}

/// The recursive-descent reader; the byte-level moves are [`TextCursor`]'s.
struct Parser<'a> {
    cursor: TextCursor<'a>,
}

impl<'a> Deref for Parser<'a> {
    type Target = TextCursor<'a>;
    fn deref(&self) -> &Self::Target {
        &self.cursor
    }
}

impl DerefMut for Parser<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.cursor
    }
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            cursor: TextCursor::new(text),
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.error("the document ends where a value was expected")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b']' | b'}') => Err(self.error("expected a value")),
            Some(_) => Err(self.error(
                "expected a value (text must be in double quotes; comments are not allowed)",
            )),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        let found = self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if !found {
            return Err(self.error(format!("expected a value (did you mean {word}?)")));
        }
        self.pos += word.len();
        Ok(value)
    }

    fn enter(&self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!(
                "arrays and objects are nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b']') => return Err(self.error("a trailing comma is not allowed before ']'")),
                None => return Err(self.error("the document ends inside an array")),
                Some(_) => items.push(self.value(depth)?),
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("the document ends inside an array")),
                Some(_) => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        // A set beside the list, so a hostile object with many keys stays linear-ish.
        let mut seen = BTreeSet::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            let key_at = self.pos;
            let key = self.member_key()?;
            if !seen.insert(key.clone()) {
                let message = format!("the key \"{}\" appears twice", shown(&key));
                return Err(self.error_at(key_at, message));
            }
            self.skip_whitespace();
            if !self.eat(b':') {
                return Err(self.error("expected ':' after the key"));
            }
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("the document ends inside an object")),
                Some(_) => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn member_key(&mut self) -> Result<String, JsonError> {
        match self.peek() {
            Some(b'"') => self.string(),
            Some(b'}') => Err(self.error("a trailing comma is not allowed before '}'")),
            None => Err(self.error("the document ends inside an object")),
            Some(_) => Err(self.error("expected a key in double quotes")),
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(self.slice(run, self.pos)?);
            match self.peek() {
                None => return Err(self.error_at(open, "this string is not closed")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self.error("a control character in a string must be escaped"))
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let at = self.pos;
        self.pos += 1;
        let byte = self.peek();
        self.pos += 1;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at),
            _ => return Err(self.error_at(at, "unknown escape sequence in a string")),
        })
    }

    /// `\uXXXX`, where characters beyond the Basic Multilingual Plane come as a UTF-16
    /// surrogate pair (RFC 8259 section 7); a lone surrogate is no character at all.
    fn unicode_escape(&mut self, at: usize) -> Result<char, JsonError> {
        let first = self.hex4(at)?;
        let code = match first {
            0xD800..=0xDBFF => {
                let paired = self
                    .bytes
                    .get(self.pos..)
                    .is_some_and(|r| r.starts_with(b"\\u"));
                if !paired {
                    return Err(self.lone_surrogate(at, first));
                }
                let second_at = self.pos;
                self.pos += 2;
                let second = self.hex4(second_at)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.lone_surrogate(at, first));
                }
                0x10000 + ((first - 0xD800) << 10 | (second - 0xDC00))
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(at, first)),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.lone_surrogate(at, first))
    }

    fn lone_surrogate(&self, at: usize, code: u32) -> JsonError {
        self.error_at(
            at,
            format!("\\u{code:04X} is half of a surrogate pair without the other half"),
        )
    }

    fn hex4(&mut self, at: usize) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error_at(at, "\\u must be followed by four hex digits"))?;
        let value = digits.iter().fold(0, |acc, d| {
            acc * 16 + char::from(*d).to_digit(16).unwrap_or(0)
        });
        self.pos += 4;
        Ok(value)
    }

    fn skip_digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_at(start, "a number cannot have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => {
                self.skip_digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.eat(b'.') && !self.skip_digits() {
            return Err(self.error("expected a digit after the decimal point"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.skip_digits() {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = self.slice(start, self.pos)?;
        // Past f64 the value cannot be used, and the serde JSON crate refuses it too.
        if !text.parse::<f64>().is_ok_and(f64::is_finite) {
            return Err(self.error_at(start, "the number is out of range"));
        }
        Ok(Json::Number(Number(text.to_owned())))
    }
}

fn write_value(out: &mut String, value: &Json, indent: Option<usize>) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(number) => out.push_str(number.as_str()),
        Json::String(text) => write_string(out, text),
        Json::Array(items) => write_list(out, ('[', ']'), items, indent, |out, item, inner| {
            write_value(out, item, inner)
        }),
        Json::Object(members) => write_list(
            out,
            ('{', '}'),
            members,
            indent,
            |out, (key, item), inner| {
                write_string(out, key);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                write_value(out, item, inner);
            },
        ),
    }
}

/// Brackets around items, one per line when `indent` is set; empty lists stay `[]`.
fn write_list<T>(
    out: &mut String,
    (open, close): (char, char),
    items: &[T],
    indent: Option<usize>,
    mut write_item: impl FnMut(&mut String, &T, Option<usize>),
) {
    out.push(open);
    let inner = indent.map(|level| level + 1);
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        new_line(out, inner);
        write_item(out, item, inner);
    }
    if !items.is_empty() {
        new_line(out, indent);
    }
    out.push(close);
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(level) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }
}

/// Besides what JSON requires, `<`, `>` and `&` are escaped so the output cannot close a
/// `<script>` element or start markup, and U+2028/U+2029 because older JavaScript
/// engines read them as line ends inside string literals.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' | '\u{7f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
