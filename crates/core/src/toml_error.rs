//! The `toml` crate's parse errors as smarthost reports them (native builds): the first
//! one in the text, where it is, in the parser's words; or, where the parser stopped at
//! a raw control character, a sentence naming it, since the parser's own ("invalid basic
//! string") does not say which character is wrong.

use crate::echo::shown_up_to;

/// The first of `errors` in the text: its byte offset and what to say about it.
pub fn first_error(text: &str, errors: &[toml::de::Error]) -> Option<(usize, String)> {
    let start = |error: &toml::de::Error| error.span().map_or(0, |span| span.start);
    let first = errors.iter().min_by_key(|e| start(e))?;
    let offset = start(first);
    let control = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    let message = match control {
        Some(c) => format!(
            "a control character (U+{code:04X}) must be written as an escape, \\u{code:04X}",
            code = u32::from(c)
        ),
        None => shown_up_to(first.message(), 200),
    };
    Some((offset, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn first(text: &str) -> Option<(usize, String)> {
        first_error(text, &DeTable::parse_recoverable(text).1)
    }

    #[test]
    fn the_first_error_in_the_text_is_reported_with_a_control_character_named() {
        assert_eq!(first("a = 1\n"), None);
        // The parser reports the bad escape on line 2 after the missing `=` on line 3.
        let text = "a = 1\nb = \"\\q\"\nc \"x\"\n";
        let reported = DeTable::parse(text).err().and_then(|e| e.span());
        assert!(
            reported.as_ref().is_some_and(|span| span.start > 14),
            "{reported:?}"
        );
        let (offset, _) = first(text).unwrap_or_default();
        assert_eq!(offset, 12);
        assert_eq!(
            first("a = \"bell\u{7}\"\n"),
            Some((
                9,
                "a control character (U+0007) must be written as an escape, \\u0007".to_owned()
            ))
        );
    }
}
