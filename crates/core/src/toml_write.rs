//! The quoting the TOML inventory writer needs ([`crate::inventory::Inventory::to_toml`]):
//! strings and keys in the one form that holds every value, so both TOML readers (the
//! `toml` crate natively, core's own in the browser) read back what was written.

/// `text` as a TOML basic string: `"` and `\` escaped, control characters as short
/// escapes or `\uXXXX`, everything else (any language, emoji) as UTF-8. A basic string
/// is the one form that can hold every string, so the writer never has to choose.
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `name` as a key: bare when TOML allows it, else a basic string.
pub fn key(name: &str) -> String {
    if !name.is_empty() && name.bytes().all(is_bare_key_byte) {
        name.to_owned()
    } else {
        basic_string(name)
    }
}

pub(crate) fn is_bare_key_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_strings_escape_only_what_they_must() {
        assert_eq!(basic_string(""), "\"\"");
        assert_eq!(basic_string("Đà Nẵng 🖨️"), "\"Đà Nẵng 🖨️\"");
        assert_eq!(
            basic_string("a\"b\\c\u{8}\t\n\u{c}\r\u{0}\u{1f}\u{7f}"),
            "\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0000\\u001F\\u007F\""
        );
        assert_eq!(basic_string("\"\"\"'''"), "\"\\\"\\\"\\\"'''\"");
    }

    #[test]
    fn keys_are_bare_when_they_can_be() {
        assert_eq!(key("smart_host"), "smart_host");
        assert_eq!(key("a-1"), "a-1");
        assert_eq!(key(""), "\"\"");
        assert_eq!(key("a.b"), "\"a.b\"");
        assert_eq!(key("é"), "\"é\"");
    }
}
