//! Where a host name or an address may wrap: only after a dot, a hyphen or an `@`, so
//! a label such as `protection` is never cut in two on a card, in the DNS check or on
//! paper. Renderers put a break opportunity (`<wbr>`) between the pieces; CSS alone
//! cannot say "break here only", and `overflow-wrap: anywhere` breaks inside labels.

/// `text` cut after each `.`, `-` and `@` inside a word; joined again, the pieces are
/// `text`. Prose passes through too: its spaces still wrap as usual. Not cut: a
/// separator that starts a word (`-Port`) or ends the text, and one between two digits
/// (a date, an IP address, `5.7.1`), which reads best whole.
pub fn wrap_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b)).map(|&(_, c)| c);
        let after = chars.get(i + 1).map(|&(_, c)| c);
        let inside_word =
            before.is_some_and(|b| !b.is_whitespace()) && after.is_some_and(|a| !a.is_whitespace());
        let between_digits =
            before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit());
        if matches!(c, '.' | '-' | '@') && inside_word && !between_digits {
            let end = at + c.len_utf8();
            pieces.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::wrap_pieces;

    #[test]
    fn a_host_wraps_only_after_its_dots_and_hyphens() {
        assert_eq!(
            wrap_pieces("contoso-com.mail.protection.outlook.com"),
            [
                "contoso-",
                "com.",
                "mail.",
                "protection.",
                "outlook.",
                "com"
            ]
        );
    }

    #[test]
    fn an_address_wraps_after_its_at_sign() {
        assert_eq!(
            wrap_pieces("scanner@contoso.com"),
            ["scanner@", "contoso.", "com"]
        );
    }

    #[test]
    fn the_pieces_join_back_into_the_text() {
        for text in [
            "",
            "Smart host",
            "a.",
            "..--@@",
            "Văn phòng Đà Nẵng, tầng 2, phòng kế toán",
            "Test-NetConnection smtp.office365.us -Port 587.",
        ] {
            assert_eq!(wrap_pieces(text).concat(), text);
        }
        // A separator at the very end is no break opportunity: nothing follows it.
        assert_eq!(wrap_pieces("end."), ["end."]);
    }

    #[test]
    fn numbers_and_options_stay_whole() {
        assert_eq!(wrap_pieces("2026-12-02"), ["2026-12-02"]);
        assert_eq!(
            wrap_pieces("5.7.1 from 198.51.100.7"),
            ["5.7.1 from 198.51.100.7"]
        );
        assert_eq!(
            wrap_pieces("smtp.office365.com -Port 25"),
            ["smtp.", "office365.", "com -Port 25"]
        );
        assert_eq!(wrap_pieces(""), [""]);
    }
}
