//! Finding status codes in pasted text: SMTP reply codes (RFC 5321 4.2: three digits,
//! the first 2 to 5) and enhanced status codes (RFC 3463 2: `class.subject.detail`, the
//! class 2, 4 or 5, subject and detail one to three digits).
//!
//! Only ASCII digits are digits here. A code must stand apart from letters and digits of
//! any script, so `5.7.6４` (a fullwidth four) or `55O` (a letter O) are never read as
//! `5.7.6` or `55`; such look-alikes are reported separately ([`look_alikes`]) so the
//! reader learns why a code they can see was not read.

use serde::Serialize;
use std::fmt;

/// An enhanced status code (RFC 3463), e.g. `5.7.64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Enhanced {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl Enhanced {
    pub const fn new(class: u8, subject: u16, detail: u16) -> Enhanced {
        Enhanced {
            class,
            subject,
            detail,
        }
    }
}

impl fmt::Display for Enhanced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

impl Serialize for Enhanced {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One code found: the reply code when it stands just before the enhanced code (or
/// alone at the start of a line), and where in the text it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FoundCode {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enhanced: Option<Enhanced>,
    /// Byte offsets of the code in the text read: the phrases that explain it follow.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

impl fmt::Display for FoundCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.reply, self.enhanced) {
            (Some(reply), Some(enhanced)) => write!(f, "{reply} {enhanced}"),
            (Some(reply), None) => write!(f, "{reply}"),
            (None, Some(enhanced)) => write!(f, "{enhanced}"),
            (None, None) => Ok(()),
        }
    }
}

/// At most this many codes are kept: a paste with more is not an NDR.
pub const MAX_CODES: usize = 200;

/// The codes of `text`, in order.
pub fn codes(text: &str) -> Vec<FoundCode> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() && found.len() < MAX_CODES {
        if !bytes[at].is_ascii_digit() || !stands_apart_before(text, at) {
            at += 1;
            continue;
        }
        if let Some(code) = reply_then_enhanced(text, at) {
            at = code.end;
            found.push(code);
        } else if let Some((enhanced, end)) = enhanced_at(text, at) {
            found.push(FoundCode {
                reply: None,
                enhanced: Some(enhanced),
                start: at,
                end,
            });
            at = end;
        } else if let Some(reply) = line_start_reply(text, at) {
            found.push(reply);
            at = reply.end;
        } else {
            // Skip the rest of this run of digits and dots: no code starts inside it.
            while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b'.') {
                at += 1;
            }
        }
    }
    found
}

/// `550 5.7.64`, `421-4.7.0`: a reply code, one space or hyphen, an enhanced code.
fn reply_then_enhanced(text: &str, at: usize) -> Option<FoundCode> {
    let reply = reply_at(text, at)?;
    let sep = *text.as_bytes().get(at + 3)?;
    if sep != b' ' && sep != b'-' {
        return None;
    }
    let (enhanced, end) = enhanced_at(text, at + 4)?;
    Some(FoundCode {
        reply: Some(reply),
        enhanced: Some(enhanced),
        start: at,
        end,
    })
}

/// A reply code alone, as a log line or a bare server reply starts: only white space,
/// `#`, `>` or `<` before it on its line, a space, a hyphen or the end after it.
fn line_start_reply(text: &str, at: usize) -> Option<FoundCode> {
    let reply = reply_at(text, at)?;
    if !at_line_start(text, at) {
        return None;
    }
    match text.as_bytes().get(at + 3) {
        None | Some(b' ' | b'-' | b'\r' | b'\n') => Some(FoundCode {
            reply: Some(reply),
            enhanced: None,
            start: at,
            end: at + 3,
        }),
        _ => None,
    }
}

/// Only a few spaces or quoting characters between the line's start and `at` (a bounded
/// look back, so a long line of numbers stays linear).
fn at_line_start(text: &str, at: usize) -> bool {
    for (seen, c) in text[..at].chars().rev().enumerate() {
        if c == '\n' {
            return true;
        }
        if seen >= 8 || !(c.is_whitespace() || "#<>'\"".contains(c)) {
            return false;
        }
    }
    true
}

/// Three digits, the first 2 to 5 and the second 0 to 5 (RFC 5321 4.2.1), standing apart.
fn reply_at(text: &str, at: usize) -> Option<u16> {
    let digits = text.as_bytes().get(at..at + 3)?;
    if !digits.iter().all(u8::is_ascii_digit)
        || !(b'2'..=b'5').contains(&digits[0])
        || digits[1] > b'5'
        || !stands_apart_after(text, at + 3)
    {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
}

/// `class.subject.detail` starting at `at`, standing apart; the byte after it.
fn enhanced_at(text: &str, at: usize) -> Option<(Enhanced, usize)> {
    let bytes = text.as_bytes();
    let class = *bytes.get(at)?;
    if !matches!(class, b'2' | b'4' | b'5') || bytes.get(at + 1) != Some(&b'.') {
        return None;
    }
    let (subject, after_subject) = number(bytes, at + 2)?;
    if bytes.get(after_subject) != Some(&b'.') {
        return None;
    }
    let (detail, end) = number(bytes, after_subject + 1)?;
    // `5.7.64.1` is an address or a version, not a code.
    let dotted_on =
        bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    if dotted_on || !stands_apart_after(text, end) {
        return None;
    }
    Some((Enhanced::new(class - b'0', subject, detail), end))
}

/// One to three ASCII digits at `at` and the byte after them.
fn number(bytes: &[u8], at: usize) -> Option<(u16, usize)> {
    let len = bytes
        .get(at..)?
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len == 0 || len > 3 {
        return None;
    }
    let value = bytes[at..at + len]
        .iter()
        .fold(0, |n, d| n * 10 + u16::from(d - b'0'));
    Some((value, at + len))
}

/// Nothing letter- or digit-like (of any script) or a dot right before `at`.
fn stands_apart_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.' && !is_mark(c))
}

/// Nothing letter- or digit-like (of any script) right after `at`.
fn stands_apart_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|c| !c.is_alphanumeric() && !is_mark(c))
}

/// Combining marks and joiners that would glue a digit to what follows it visually.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}' | '\u{20e3}' | '\u{fe0f}'
    )
}

/// The longest look-alike reported, in characters.
const MAX_LOOK_ALIKE: usize = 24;
/// At most this many look-alikes are reported.
pub const MAX_LOOK_ALIKES: usize = 10;

/// Runs of text that would read as a status code if their fullwidth, Arabic-Indic or
/// other non-ASCII digits, or letters O, were ASCII digits: shown to the reader as "not
/// read as codes", never matched.
pub fn look_alikes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut run = String::new();
    let mut run_len = 0usize;
    let mut before_ok = true;
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' || is_odd_digit(c) {
            if run_len < MAX_LOOK_ALIKE + 1 {
                run.push(c);
            }
            run_len += 1;
            continue;
        }
        let after_ok = !c.is_alphanumeric();
        if before_ok && after_ok && run_len <= MAX_LOOK_ALIKE && looks_like_code(&run) {
            if found.len() == MAX_LOOK_ALIKES {
                break;
            }
            if !found.contains(&run) {
                found.push(run.clone());
            }
        }
        run.clear();
        run_len = 0;
        before_ok = !c.is_alphanumeric();
    }
    found
}

/// A digit that is not ASCII (fullwidth, Arabic-Indic, Devanagari...) or a letter O.
fn is_odd_digit(c: char) -> bool {
    (c.is_numeric() && !c.is_ascii()) || c == 'O' || c == 'o' || c == 'О' || c == 'Ο'
}

/// The shape of a reply or enhanced code with at least one odd digit and one real one
/// or odd one in each place.
fn looks_like_code(run: &str) -> bool {
    let run = run.trim_end_matches('.');
    if !run.chars().any(is_odd_digit)
        || !run
            .chars()
            .any(|c| c.is_ascii_digit() || (c.is_numeric() && !c.is_ascii()))
    {
        return false;
    }
    let parts: Vec<&str> = run.split('.').collect();
    let digitish = |part: &str, min: usize, max: usize| {
        let n = part.chars().count();
        (min..=max).contains(&n) && part.chars().all(|c| c.is_ascii_digit() || is_odd_digit(c))
    };
    match parts.as_slice() {
        [reply] => digitish(reply, 3, 3),
        [class, subject, detail] => {
            digitish(class, 1, 1) && digitish(subject, 1, 3) && digitish(detail, 1, 3)
        }
        _ => false,
    }
}
