//! The reader's strings: basic and literal, on one line or several, and their escapes.

use super::*;

impl Reader<'_> {
    pub(super) fn basic_string(&mut self) -> Result<String, TomlError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && !is_forbidden_control(b))
            {
                self.pos += 1;
            }
            out.push_str(self.slice(run, self.pos)?);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => out.push(self.escape()?),
                None | Some(b'\n' | b'\r') => {
                    return Err(self.error_at(open, "this string is not closed on its line"))
                }
                Some(_) => return Err(self.control_in_string()),
            }
        }
    }

    pub(super) fn literal_string(&mut self) -> Result<String, TomlError> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b != b'\'' && !is_forbidden_control(b))
        {
            self.pos += 1;
        }
        let text = self.slice(start, self.pos)?;
        match self.peek() {
            Some(b'\'') => {
                self.pos += 1;
                Ok(text.to_owned())
            }
            None | Some(b'\n' | b'\r') => {
                Err(self.error_at(open, "this string is not closed on its line"))
            }
            Some(_) => Err(self.control_in_string()),
        }
    }

    fn control_in_string(&self) -> TomlError {
        self.error("a control character in a string must be written as an escape such as \\u0001")
    }

    /// `"""..."""` (with escapes) or `'''...'''` (without). Line ends inside are kept as
    /// written (LF or CRLF), as the `toml` crate does, so the site generator and the app
    /// read the same text from one file.
    pub(super) fn multi_line_string(&mut self, quote: u8) -> Result<String, TomlError> {
        let open = self.pos;
        self.pos += 3;
        // A newline right after the opening quotes is not part of the string.
        self.eat_newline()?;
        let escapes = quote == b'"';
        let mut out = String::new();
        loop {
            let run = self.pos;
            while self.peek().is_some_and(|b| {
                b != quote && !(escapes && b == b'\\') && (b == b'\n' || !is_forbidden_control(b))
            }) {
                self.pos += 1;
            }
            out.push_str(self.slice(run, self.pos)?);
            match self.peek() {
                None => return Err(self.error_at(open, "this multi-line string is not closed")),
                Some(b'\\') => {
                    if !self.line_ending_backslash()? {
                        out.push(self.escape()?);
                    }
                }
                Some(b'\r') => {
                    self.eat_newline()?;
                    out.push_str("\r\n");
                }
                Some(b) if b == quote => {
                    if self.closing_quotes(quote, &mut out)? {
                        return Ok(out);
                    }
                }
                Some(_) => return Err(self.control_in_string()),
            }
        }
    }

    /// A run of quotes in a multi-line string: fewer than three are content; three to
    /// five close it, the extra ones being content just before the delimiter.
    fn closing_quotes(&mut self, quote: u8, out: &mut String) -> Result<bool, TomlError> {
        let start = self.pos;
        while self.peek() == Some(quote) {
            self.pos += 1;
        }
        let count = self.pos - start;
        if count > 5 {
            return Err(self.error_at(start, "too many quotes in a row in a multi-line string"));
        }
        let content = if count >= 3 { count - 3 } else { count };
        for _ in 0..content {
            out.push(char::from(quote));
        }
        Ok(count >= 3)
    }

    /// A `\` that ends a line in a `"""` string joins the lines, dropping the line end
    /// and the blanks and newlines after it.
    fn line_ending_backslash(&mut self) -> Result<bool, TomlError> {
        let mut ahead = 1;
        while matches!(self.peek_at(ahead), Some(b' ' | b'\t')) {
            ahead += 1;
        }
        let newline = matches!(
            (self.peek_at(ahead), self.peek_at(ahead + 1)),
            (Some(b'\n'), _) | (Some(b'\r'), Some(b'\n'))
        );
        if !newline {
            return Ok(false);
        }
        self.pos += ahead;
        loop {
            self.skip_blanks();
            if !self.eat_newline()? {
                return Ok(true);
            }
        }
    }

    fn escape(&mut self) -> Result<char, TomlError> {
        let at = self.pos;
        self.pos += 1;
        let byte = self.peek();
        self.pos += 1;
        Ok(match byte {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            // TOML 1.1: escape and a code point up to U+00FF by two hex digits.
            Some(b'e') => '\u{1b}',
            Some(b'x') => return self.unicode_escape(at, 2),
            Some(b'u') => return self.unicode_escape(at, 4),
            Some(b'U') => return self.unicode_escape(at, 8),
            _ => {
                self.pos = at;
                return Err(self.error("unknown escape; write a backslash as \\\\"));
            }
        })
    }

    fn unicode_escape(&mut self, at: usize, digits: usize) -> Result<char, TomlError> {
        let hex = self
            .bytes
            .get(self.pos..self.pos + digits)
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| {
                self.error_at(at, format!("expected {digits} hex digits after the escape"))
            })?;
        let code = hex.iter().fold(0u32, |acc, d| {
            acc.wrapping_mul(16) + char::from(*d).to_digit(16).unwrap_or(0)
        });
        self.pos += digits;
        char::from_u32(code)
            .ok_or_else(|| self.error_at(at, format!("U+{code:04X} is not a Unicode scalar value")))
    }
}
