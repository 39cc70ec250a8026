//! Echoing values safely: characters described by name, and the checks every field
//! shares (controls, invisible characters, non-ASCII digits).

use super::*;
use crate::echo::is_invisible_format;

/// A character for a message: printable ASCII as `'c'`, anything else also with its code
/// point so look-alikes (Cyrillic `а`, fullwidth `１`) can be told apart.
pub(super) fn describe_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("'{c}'")
    } else if is_unsafe_to_echo(c) || is_invisible(c) || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}

/// Invisible characters ([`is_invisible_format`]) make a value look like a different
/// value. The zero-width joiner is allowed: emoji sequences in a device name need it.
pub(super) fn is_invisible(c: char) -> bool {
    is_invisible_format(c) && c != '\u{200D}'
}

/// Refuses control characters, bidirectional formatting characters and line or paragraph
/// separators (everything [`shown`] would replace), then zero-width characters.
pub(super) fn reject_controls(trimmed: &str) -> Result<(), ValueError> {
    if trimmed.chars().any(is_unsafe_to_echo) {
        return Err(ValueError::ControlCharacter {
            value: shown(trimmed),
        });
    }
    if let Some(ch) = trimmed.chars().find(|c| is_invisible(*c)) {
        return Err(ValueError::InvisibleCharacter {
            value: shown(&trimmed.replace(is_invisible, "\u{FFFD}")),
            ch,
        });
    }
    Ok(())
}

/// Refuses an IPv4 address or range holding anything but ASCII, naming the first such
/// character: fullwidth or Arabic-Indic digits and fullwidth dots look right but are not.
pub(super) fn reject_non_ascii_ip(trimmed: &str) -> Result<(), ValueError> {
    match trimmed.chars().find(|c| !c.is_ascii()) {
        Some(ch) => Err(ValueError::NonAsciiIp {
            value: shown(trimmed),
            ch,
        }),
        None => Ok(()),
    }
}
