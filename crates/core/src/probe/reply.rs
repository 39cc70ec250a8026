//! SMTP replies (RFC 5321 4.2): a three-digit code, then `-` on every line but the last
//! and a space (or nothing) on the last, then text. [`ReplyReader`] takes the lines one
//! at a time, as a socket gives them, and hands back the whole reply after its last line.

use serde::Serialize;

/// A server's whole reply: its code and the text of each line, without the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    pub code: u16,
    pub lines: Vec<String>,
}

impl Reply {
    /// 2yz: the command (or the greeting) was accepted (RFC 5321 4.2.1).
    pub fn is_positive(&self) -> bool {
        (200..300).contains(&self.code)
    }

    /// The reply as the server sent it, lines joined by a space: `220 mail.test ESMTP`.
    pub fn text(&self) -> String {
        let text = self.lines.join(" ");
        if text.is_empty() {
            self.code.to_string()
        } else {
            format!("{} {text}", self.code)
        }
    }
}

/// Why a line is not part of an SMTP reply.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    /// The line does not start with three digits and a separator; the start of the line
    /// is kept (at most 60 characters) to show.
    #[error("not an SMTP reply line: `{0}`")]
    Malformed(String),
    /// A continuation line carries another code than the first (RFC 5321 4.2.1: every
    /// line of a multiline reply has the same code).
    #[error("a reply line has code {found} after {first}")]
    MixedCodes { first: u16, found: u16 },
    /// More lines than any real reply has: the peer is not behaving as an SMTP server.
    #[error("the reply has more than {MAX_LINES} lines")]
    TooManyLines,
}

/// The most lines one reply may have (a long EHLO list has about 20).
pub const MAX_LINES: usize = 100;

/// Collects the lines of one reply.
#[derive(Debug, Default)]
pub struct ReplyReader {
    code: Option<u16>,
    lines: Vec<String>,
}

impl ReplyReader {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one line (without its CRLF). `Ok(Some(reply))` after the last line of the reply.
    pub fn push(&mut self, line: &str) -> Result<Option<Reply>, ReplyError> {
        let line = line.trim_end_matches(['\r', '\n']);
        let (code, last, text) = split_line(line)?;
        match self.code {
            Some(first) if first != code => {
                return Err(ReplyError::MixedCodes { first, found: code })
            }
            _ => self.code = Some(code),
        }
        if self.lines.len() >= MAX_LINES {
            return Err(ReplyError::TooManyLines);
        }
        self.lines.push(text.to_owned());
        if !last {
            return Ok(None);
        }
        let lines = std::mem::take(&mut self.lines);
        self.code = None;
        Ok(Some(Reply { code, lines }))
    }
}

/// `250-SIZE 1000` → (250, false, "SIZE 1000"); `250 OK` and a bare `250` end the reply.
fn split_line(line: &str) -> Result<(u16, bool, &str), ReplyError> {
    let malformed = || ReplyError::Malformed(line.chars().take(60).collect());
    let digits = line.get(..3).ok_or_else(malformed)?;
    // RFC 5321 4.2: the first digit is 2 to 5, the second 0 to 5, the third any digit.
    let bytes = digits.as_bytes();
    let valid = matches!(bytes, [b'2'..=b'5', b'0'..=b'5', b'0'..=b'9']);
    if !valid {
        return Err(malformed());
    }
    let code = digits.parse::<u16>().map_err(|_| malformed())?;
    match line.get(3..4) {
        None => Ok((code, true, "")),
        Some(" ") => Ok((code, true, line.get(4..).unwrap_or(""))),
        Some("-") => Ok((code, false, line.get(4..).unwrap_or(""))),
        Some(_) => Err(malformed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> Result<Vec<Reply>, ReplyError> {
        let mut reader = ReplyReader::new();
        let mut replies = Vec::new();
        for line in lines {
            if let Some(reply) = reader.push(line)? {
                replies.push(reply);
            }
        }
        Ok(replies)
    }

    #[test]
    fn single_and_multiline_replies() {
        let replies = read(&["220 mail.test ESMTP Postfix\r\n"]).unwrap();
        assert_eq!(replies[0].code, 220);
        assert_eq!(replies[0].text(), "220 mail.test ESMTP Postfix");
        let replies = read(&["250-mail.test", "250-PIPELINING", "250 STARTTLS"]).unwrap();
        assert_eq!(replies.len(), 1);
        assert_eq!(replies[0].lines, ["mail.test", "PIPELINING", "STARTTLS"]);
        // A bare code ends a reply too; the next reply starts afresh.
        let replies = read(&["221", "250-a", "250 b"]).unwrap();
        assert_eq!(replies.len(), 2);
        assert_eq!(replies[0].text(), "221");
        assert!(replies[1].is_positive());
    }

    #[test]
    fn lines_that_are_not_replies() {
        for line in [
            "",
            "22",
            "SSH-2.0-OpenSSH_9.2",
            "HTTP/1.1 400",
            "220x",
            "620 no",
            "2a0 x",
            "٢٢٠ x",
        ] {
            assert!(
                matches!(read(&[line]), Err(ReplyError::Malformed(_))),
                "{line:?}"
            );
        }
        assert_eq!(
            read(&["250-a", "550 b"]),
            Err(ReplyError::MixedCodes {
                first: 250,
                found: 550
            })
        );
        let endless = vec!["250-x"; MAX_LINES + 1];
        assert_eq!(read(&endless), Err(ReplyError::TooManyLines));
    }

    #[test]
    fn a_malformed_line_is_shown_shortened() {
        let long = "x".repeat(500);
        let Err(ReplyError::Malformed(shown)) = read(&[&long]) else {
            panic!("not malformed")
        };
        assert_eq!(shown.len(), 60);
    }
}
