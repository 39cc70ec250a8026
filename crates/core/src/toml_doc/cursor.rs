//! The byte cursor under the TOML reader: where the reader is, what comes next,
//! and an error located by line and column. TOML is ASCII-structured, so the
//! reader looks at bytes and takes whole characters only through [`TextCursor::slice`],
//! which refuses a cut inside a character instead of panicking.

use crate::text_pos::line_and_column;
use thiserror::Error;

/// Why a document was refused, and where (1-based; columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {message}")]
pub struct TextError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

pub(crate) struct TextCursor<'a> {
    pub(crate) text: &'a str,
    pub(crate) bytes: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> TextCursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        TextCursor {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos.saturating_add(ahead)).copied()
    }

    pub(crate) fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    /// Moves past `byte` when it comes next.
    pub(crate) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> TextError {
        self.error_at(self.pos, message)
    }

    pub(crate) fn error_at(&self, offset: usize, message: impl Into<String>) -> TextError {
        let (line, column) = line_and_column(self.text, offset);
        TextError {
            message: message.into(),
            line,
            column,
        }
    }

    pub(crate) fn slice(&self, start: usize, end: usize) -> Result<&'a str, TextError> {
        self.text
            .get(start..end)
            .ok_or_else(|| self.error_at(start, "the text is cut inside a character"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_count_newlines() {
        let cursor = TextCursor::new("ab\nđê x");
        let error = cursor.error_at(7, "here");
        assert_eq!((error.line, error.column), (2, 3));
        assert_eq!(error.to_string(), "line 2, column 3: here");
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        let cursor = TextCursor::new("đ");
        assert_eq!(cursor.error_at(99, "end").column, 2);
        assert_eq!(cursor.error_at(1, "inside").column, 2);
        assert!(cursor.slice(0, 1).is_err());
        assert_eq!(cursor.slice(0, 2), Ok("đ"));
    }

    #[test]
    fn eat_moves_only_on_a_match() {
        let mut cursor = TextCursor::new("[]");
        assert!(!cursor.eat(b']'));
        assert!(cursor.eat(b'['));
        assert!(cursor.starts_with(b"]"));
        assert_eq!(cursor.peek_at(1), None);
        assert!(cursor.eat(b']'));
        assert_eq!(cursor.peek(), None);
    }
}
