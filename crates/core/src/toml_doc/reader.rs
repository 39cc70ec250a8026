//! The reader: keys, strings, inline tables and arrays, line by line (TOML 1.1).

use super::*;

/// The line-by-line reader; the byte-level moves are [`TextCursor`]'s.
pub(super) struct Reader<'a> {
    pub(super) cursor: TextCursor<'a>,
}

impl<'a> Deref for Reader<'a> {
    type Target = TextCursor<'a>;
    fn deref(&self) -> &Self::Target {
        &self.cursor
    }
}

impl DerefMut for Reader<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.cursor
    }
}

impl Reader<'_> {
    pub(super) fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A line ends in LF or CRLF; a lone CR is not a line end (TOML 1.0, "Spec").
    pub(super) fn eat_newline(&mut self) -> Result<bool, TomlError> {
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            Some(b'\r') if self.peek_at(1) == Some(b'\n') => self.pos += 2,
            Some(b'\r') => {
                return Err(self.error("a carriage return must be followed by a line feed"))
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn comment(&mut self) -> Result<(), TomlError> {
        while let Some(byte) = self.peek() {
            if byte == b'\n' || (byte == b'\r' && self.peek_at(1) == Some(b'\n')) {
                break;
            }
            if is_forbidden_control(byte) {
                return Err(self.error("control characters are not allowed in a comment"));
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// After a key/value pair or a header only a comment may follow on the line.
    pub(super) fn end_of_line(&mut self) -> Result<(), TomlError> {
        self.skip_blanks();
        if self.eat(b'#') {
            self.comment()?;
        }
        if self.peek().is_none() || self.eat_newline()? {
            return Ok(());
        }
        Err(self.error("expected the end of the line (one key = value per line)"))
    }

    /// Blanks, newlines and comments, as allowed between array elements.
    fn skip_array_space(&mut self) -> Result<(), TomlError> {
        loop {
            self.skip_blanks();
            if self.eat(b'#') {
                self.comment()?;
            }
            if !self.eat_newline()? {
                return Ok(());
            }
        }
    }

    pub(super) fn header(&mut self, root: &mut Table) -> Result<Vec<String>, TomlError> {
        let at = self.pos;
        self.pos += 1;
        let array = self.eat(b'[');
        self.skip_blanks();
        let path = self.key_path()?;
        self.skip_blanks();
        let closed = self.eat(b']') && (!array || self.eat(b']'));
        if !closed {
            let close = if array { "]]" } else { "]" };
            return Err(self.error(format!("expected '{close}' to close the table header")));
        }
        define_table(root, &path, array).map_err(|message| self.error_at(at, message))?;
        Ok(path)
    }

    pub(super) fn key_value(&mut self, table: &mut Table, depth: usize) -> Result<(), TomlError> {
        let at = self.pos;
        let path = self.key_path()?;
        self.skip_blanks();
        if !self.eat(b'=') {
            return Err(self.error("expected '=' after the key"));
        }
        self.skip_blanks();
        let depth = depth + path.len();
        if depth > MAX_DEPTH {
            return Err(self.error_at(
                at,
                format!("tables are nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        let value = self.value(depth)?;
        insert_dotted(table, &path, value).map_err(|message| self.error_at(at, message))
    }

    fn key_path(&mut self) -> Result<Vec<String>, TomlError> {
        let mut path = vec![self.simple_key()?];
        loop {
            self.skip_blanks();
            if !self.eat(b'.') {
                return Ok(path);
            }
            self.skip_blanks();
            if path.len() >= MAX_DEPTH {
                return Err(self.error(format!("a key has more than {MAX_DEPTH} parts")));
            }
            path.push(self.simple_key()?);
        }
    }

    fn simple_key(&mut self) -> Result<String, TomlError> {
        match self.peek() {
            Some(b'"') if self.starts_with(b"\"\"\"") => {
                Err(self.error("a key cannot be a multi-line string"))
            }
            Some(b'"') => self.basic_string(),
            Some(b'\'') if self.starts_with(b"'''") => {
                Err(self.error("a key cannot be a multi-line string"))
            }
            Some(b'\'') => self.literal_string(),
            Some(byte) if is_bare_key_byte(byte) => {
                let start = self.pos;
                while self.peek().is_some_and(is_bare_key_byte) {
                    self.pos += 1;
                }
                self.slice(start, self.pos).map(str::to_owned)
            }
            _ => {
                Err(self.error("expected a key (letters, digits, '_' and '-', or a quoted string)"))
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, TomlError> {
        match self.peek() {
            Some(b'"') if self.starts_with(b"\"\"\"") => {
                self.multi_line_string(b'"').map(Value::String)
            }
            Some(b'"') => self.basic_string().map(Value::String),
            Some(b'\'') if self.starts_with(b"'''") => {
                self.multi_line_string(b'\'').map(Value::String)
            }
            Some(b'\'') => self.literal_string().map(Value::String),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.inline_table(depth + 1),
            _ => self.scalar(),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), TomlError> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!(
                "values are nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, TomlError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_array_space()?;
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth)?);
            self.skip_array_space()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("the document ends inside an array")),
                Some(_) => return Err(self.error("expected ',' or ']' in the array")),
            }
        }
    }

    /// `{ key = value, ... }`, over several lines and with a trailing comma if need be
    /// (TOML 1.1; blanks, line ends and comments between entries, as in an array).
    fn inline_table(&mut self, depth: usize) -> Result<Value, TomlError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut table = Table::new(Origin::Header);
        loop {
            self.skip_array_space()?;
            if self.eat(b'}') {
                return Ok(table.into_value());
            }
            self.key_value(&mut table, depth)?;
            self.skip_array_space()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(table.into_value());
                }
                None => return Err(self.error("the document ends inside an inline table")),
                Some(_) => return Err(self.error("expected ',' or '}' in the inline table")),
            }
        }
    }

    /// Integers and booleans, and the floats, dates and times that are refused by name.
    fn scalar(&mut self) -> Result<Value, TomlError> {
        let start = self.pos;
        while self.peek().is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':')
        }) {
            self.pos += 1;
        }
        let token = self.slice(start, self.pos)?;
        let refuse =
            |message: String| -> Result<Value, TomlError> { Err(self.error_at(start, message)) };
        match token {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            "" => refuse(
                "expected a value: a quoted string, an integer, true or false, an array or an inline table"
                    .to_owned(),
            ),
            _ if looks_like_date_or_time(token) => {
                refuse("dates and times are not used in smarthost files; quote the value to keep it as text".to_owned())
            }
            _ if looks_like_float(token) => {
                refuse("floating-point numbers (with a fraction, an exponent, inf or nan) are not used in smarthost files; write a whole number, or quote the value to keep it as text".to_owned())
            }
            _ => match integer(token) {
                Ok(value) => Ok(Value::Number(value.into())),
                Err(IntegerError::NotANumber) => refuse(format!(
                    "{} is not a value; text must be in quotes",
                    shown(token)
                )),
                Err(IntegerError::Invalid(why)) => refuse(why.to_owned()),
            },
        }
    }
}
