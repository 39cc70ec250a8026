//! Safe quoting of values placed in generated Exchange Online PowerShell commands.
//!
//! Every value is emitted as a single-quoted string literal. Inside one, PowerShell
//! expands nothing: `$`, `$(...)`, backticks and double quotes are literal. The only
//! special characters are the single quotes, and PowerShell recognises five of them:
//! the ASCII apostrophe `'` and the typographic U+2018 `‘`, U+2019 `’`, U+201A `‚` and
//! U+201B `‛`. Any of them ends the literal unless the next character is also one of
//! them, in which case the pair stands for the second character. Doubling every quote
//! character therefore keeps it literal, so no value can end the string early and inject
//! a command (`'; Remove-Mailbox ... ; '`).

/// The characters PowerShell treats as a single quote.
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

fn is_single_quote(c: char) -> bool {
    SINGLE_QUOTES.contains(&c)
}

/// Characters that must not appear raw in a command an admin copies and pastes.
///
/// A line break inside a literal is valid PowerShell, but on paste into a console each
/// line is sent on its own: a newline would end (or submit) the command early and turn
/// the rest of the value into a second command line. Other control characters (NUL,
/// ESC, BEL, backspace, ...) can be invisible, drive the terminal (escape sequences) or be
/// dropped by the clipboard, so the command would not be what the admin reviewed. The
/// Unicode line and paragraph separators are replaced as well because some editors and
/// terminals show them as line breaks.
fn must_replace(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Returns `value` as a PowerShell single-quoted string literal, for example
/// `O'Brien` → `'O''Brien'`. Each of the five single-quote characters is doubled; every
/// control character (including CR, LF, NUL and ESC) and the Unicode line and paragraph
/// separators become a space: a raw line break would end the command when it is pasted
/// into a console. The result always starts and ends with `'`.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if must_replace(c) {
            out.push(' ');
        } else if is_single_quote(c) {
            out.push(c);
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Returns the values as comma-separated quoted literals (`'a','b'`), the array syntax
/// for parameters such as `-SenderIPAddresses`. An empty slice gives an empty string;
/// callers should not emit the parameter at all in that case.
pub fn quote_list(values: &[&str]) -> String {
    let mut out = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PowerShell's rules for a single-quoted literal, as its tokenizer applies them:
    /// the literal opens with any of the five quote characters; inside it, a quote
    /// character followed by another quote character stands for the second one, and a
    /// lone quote character ends the literal. Returns `None` unless the whole input is
    /// exactly one such literal (an early end would leave text after it).
    fn unquote(literal: &str) -> Option<String> {
        let mut chars = literal.chars().peekable();
        if !is_single_quote(chars.next()?) {
            return None;
        }
        let mut out = String::new();
        loop {
            let c = chars.next()?;
            if is_single_quote(c) {
                match chars.peek() {
                    Some(&next) if is_single_quote(next) => {
                        out.push(next);
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                out.push(c);
            }
        }
        if chars.next().is_some() {
            return None;
        }
        Some(out)
    }

    fn expected_content(value: &str) -> String {
        value
            .chars()
            .map(|c| if must_replace(c) { ' ' } else { c })
            .collect()
    }

    fn assert_safe(value: &str) {
        let literal = quote(value);
        assert!(
            literal.starts_with('\'') && literal.ends_with('\'') && literal.len() >= 2,
            "quote({value:?}) = {literal:?} does not start and end with '"
        );
        assert!(
            !literal.chars().any(must_replace),
            "quote({value:?}) = {literal:?} contains a control character"
        );
        assert_eq!(
            unquote(&literal),
            Some(expected_content(value)),
            "quote({value:?}) = {literal:?} is not one literal that round-trips"
        );
    }

    #[test]
    fn the_test_parser_detects_an_early_end() {
        assert_eq!(unquote("'a'"), Some("a".to_owned()));
        assert_eq!(unquote("'O''Brien'"), Some("O'Brien".to_owned()));
        assert_eq!(unquote("'a’’b'"), Some("a’b".to_owned()));
        // A pair of different quote characters keeps the second one.
        assert_eq!(unquote("'a’'b'"), Some("a'b".to_owned()));
        assert_eq!(unquote("'a'; Remove-Mailbox; 'b'"), None);
        assert_eq!(unquote("'a’; Remove-Mailbox"), None);
        assert_eq!(unquote("'unterminated"), None);
        assert_eq!(unquote("no quotes"), None);
        assert_eq!(unquote(""), None);
    }

    #[test]
    fn quotes_ordinary_values() {
        let cases = [
            ("", "''"),
            ("Reception printer", "'Reception printer'"),
            ("203.0.113.25", "'203.0.113.25'"),
            ("O'Brien", "'O''Brien'"),
            ("$env:USERNAME", "'$env:USERNAME'"),
            (
                "a\u{2018}b\u{2019}c\u{201A}d\u{201B}e",
                "'a\u{2018}\u{2018}b\u{2019}\u{2019}c\u{201A}\u{201A}d\u{201B}\u{201B}e'",
            ),
            ("line1\nline2", "'line1 line2'"),
            ("a\r\nb", "'a  b'"),
            ("nul\0esc\u{1b}[31m", "'nul esc [31m'"),
        ];
        for (value, literal) in cases {
            assert_eq!(quote(value), literal, "quote({value:?})");
        }
    }

    #[test]
    fn hostile_values_stay_one_literal() {
        let long = "x'".repeat(2_500);
        let hostile = [
            "O'Brien's scanner",
            "'; Remove-Mailbox -Identity * -Confirm:$false; '",
            "$(Get-Process)",
            "`$env:USERNAME",
            "Scanner ‘quoted’ ’",
            "‚low‛ reversed‛",
            "''''",
            "'",
            "’",
            "'’‘‚‛",
            "ends with a quote'",
            "ends with a typographic quote’",
            "first\nsecond",
            "first\r\nsecond",
            "nul\0inside",
            "'\n; Remove-Mailbox -Identity *\n'",
            "tab\there\u{7}bell\u{1b}[2J",
            "\u{85}next line\u{2028}separator\u{2029}",
            "🖨️ Printer",
            "<script>alert(1)</script>",
            "\"double\" quotes and `backticks`",
            "@'\nhere-string\n'@",
            long.as_str(),
        ];
        for value in hostile {
            assert_safe(value);
        }
        let five_thousand = "n".repeat(5_000);
        assert_safe(&five_thousand);
        assert_eq!(quote(&five_thousand).chars().count(), 5_002);
    }

    #[test]
    fn every_pair_of_quote_characters_round_trips() {
        for a in SINGLE_QUOTES {
            for b in SINGLE_QUOTES {
                assert_safe(&format!("{a}{b}"));
                assert_safe(&format!("x{a}y{b}z"));
            }
        }
    }

    #[test]
    fn pseudo_random_quote_heavy_values_round_trip() {
        const PIECES: [&str; 16] = [
            "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "''", "a", " ", ";", "$(", "`",
            "\"", "\n", "\r\n", "\0", "\u{1b}",
        ];
        // xorshift64: deterministic, so a failure reproduces.
        let mut state: u64 = 0x0DDB_1A5E_5BAD_5EED;
        for _ in 0..2_000 {
            let mut value = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut bits = state;
            for _ in 0..(bits % 12) {
                bits = bits.rotate_right(4);
                let index = usize::try_from(bits % 16).unwrap_or(0);
                value.push_str(PIECES.get(index).copied().unwrap_or(""));
            }
            assert_safe(&value);
        }
    }

    #[test]
    fn quotes_lists() {
        assert_eq!(quote_list(&[]), "");
        assert_eq!(quote_list(&["a"]), "'a'");
        assert_eq!(quote_list(&["a", "b"]), "'a','b'");
        assert_eq!(
            quote_list(&["203.0.113.25", "198.51.100.0/24"]),
            "'203.0.113.25','198.51.100.0/24'"
        );
        assert_eq!(quote_list(&["it's", "x\ny"]), "'it''s','x y'");
    }

    #[test]
    fn each_list_item_is_one_literal() {
        let values = ["a','b", "’,'", "'; Remove-Mailbox; '", "\n"];
        let list = quote_list(&values);
        let mut rest = list.as_str();
        for (i, value) in values.iter().enumerate() {
            let literal = quote(value);
            assert_eq!(unquote(&literal), Some(expected_content(value)));
            rest = match rest.strip_prefix(literal.as_str()) {
                Some(r) => r,
                None => panic!("item {i} of {list:?} is not {literal:?}"),
            };
            if i + 1 < values.len() {
                rest = match rest.strip_prefix(',') {
                    Some(r) => r,
                    None => panic!("no comma after item {i} of {list:?}"),
                };
            }
        }
        assert_eq!(rest, "");
    }
}
