//! Putting user or network text into a message safely: control characters and
//! bidirectional formatting characters (which could reorder the message around them)
//! become U+FFFD, and long values are shortened.

/// How many characters of a value a message shows.
pub(crate) const SHOWN_MAX_CHARS: usize = 40;

/// `value` as it may appear in a message.
pub fn shown(value: &str) -> String {
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
pub fn is_unsafe_to_echo(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Whether a character shows as something: not white space, not a control character
/// and not an invisible format character such as U+200B ZERO WIDTH SPACE or a BOM.
pub fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}')
        || ('\u{202A}'..='\u{202E}').contains(&c))
}

/// For a name that should be plain ASCII (a key, an id): names its first other
/// character with its code point, since a look-alike (Cyrillic `а` in `nаme`) or an
/// invisible character would otherwise make the message quote what reads as a valid
/// name. Empty when the name is ASCII.
pub fn look_alike_note(name: &str) -> String {
    match name.chars().find(|c| !c.is_ascii()) {
        Some(c) if is_visible(c) && !is_unsafe_to_echo(c) => format!(
            " (it contains '{c}', U+{:04X}, which is not a plain ASCII letter)",
            u32::from(c)
        ),
        Some(c) => format!(
            " (it contains the invisible character U+{:04X})",
            u32::from(c)
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_and_invisible_characters_are_named() {
        assert_eq!(look_alike_note("name"), "");
        assert_eq!(
            look_alike_note("n\u{430}me"),
            " (it contains '\u{430}', U+0430, which is not a plain ASCII letter)"
        );
        assert_eq!(
            look_alike_note("name\u{200B}"),
            " (it contains the invisible character U+200B)"
        );
        assert_eq!(
            look_alike_note("na\u{202E}me"),
            " (it contains the invisible character U+202E)"
        );
    }
}
