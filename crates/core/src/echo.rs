//! Putting user or network text into a message safely: control characters and
//! bidirectional formatting characters (which could reorder the message around them)
//! become U+FFFD, and long values are shortened.

/// How many characters of a value a message shows.
pub(crate) const SHOWN_MAX_CHARS: usize = 40;

/// `value` as it may appear in a message.
pub(crate) fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_MAX_CHARS {
            out.push('\u{2026}');
            break;
        }
        out.push(if is_unsafe_to_echo(c) { '\u{FFFD}' } else { c });
    }
    out
}

/// Whether a character must not be echoed as is.
pub(crate) fn is_unsafe_to_echo(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}
