//! Putting user or network text into a message safely: control characters and
//! bidirectional formatting characters (which could reorder the message around them)
//! become U+FFFD, and long values are shortened.

/// How many characters of a value a message shows.
pub(crate) const SHOWN_MAX_CHARS: usize = 40;

/// `value` as it may appear in a message.
pub fn shown(value: &str) -> String {
    shown_up_to(value, SHOWN_MAX_CHARS)
}

/// [`shown`] with room for `max` characters, for a longer text such as a parser's
/// message that quotes the network.
pub fn shown_up_to(value: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == max {
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

/// Format characters that take no space and show nothing: the zero-width space,
/// non-joiner and joiner, the word joiner and invisible operators, the deprecated format
/// characters, the BOM and the soft hyphen. (Bidirectional marks, embeddings and
/// isolates are [`is_unsafe_to_echo`].) The one definition of "invisible" in smarthost.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Whether a character shows as something: not white space, not a control or
/// bidirectional character, not an invisible format character.
pub fn is_visible(c: char) -> bool {
    !(c.is_whitespace() || is_unsafe_to_echo(c) || is_invisible_format(c))
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

    /// One definition: what the validators refuse as invisible is what the echo rules
    /// call invisible (the joiner aside, which a device name's emoji may need).
    #[test]
    fn invisible_means_the_same_everywhere() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{2060}', '\u{2064}', '\u{206F}', '\u{FEFF}', '\u{00AD}',
        ] {
            assert!(
                is_invisible_format(c) && !is_visible(c),
                "U+{:04X}",
                u32::from(c)
            );
            let value = format!("Printer{c}1");
            assert!(
                matches!(
                    crate::validate::parse_device_name(&value),
                    Err(crate::validate::ValueError::InvisibleCharacter { .. })
                ),
                "U+{:04X} in a device name",
                u32::from(c)
            );
        }
        for c in ['a', 'đ', '🖨', '\u{FE0F}'] {
            assert!(!is_invisible_format(c) && is_visible(c), "{c:?}");
        }
        // The joiner is invisible, but emoji sequences in a device name need it.
        assert!(is_invisible_format('\u{200D}'));
        assert!(crate::validate::parse_device_name("Scanner \u{1F469}\u{200D}\u{1F4BB}").is_ok());
        // Bidirectional marks are not format characters here: they are unsafe to echo.
        assert!(!is_invisible_format('\u{200E}') && is_unsafe_to_echo('\u{200E}'));
    }

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
