//! Where a byte offset is in a text, as a person counts it: the line and column a parser's
//! error or span is reported at (core's TOML reader, and the `toml` crate's spans
//! natively).

/// A line and column (1-based, counting characters) for a byte offset, computed only
/// when an error is reported. Works on any offset, even inside a character or past the end.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let column = 1 + before
        .get(line_start..)
        .unwrap_or_default()
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count();
    (line, column)
}

/// The lines (1-based) of many offsets in one pass over the text when they come in
/// order, as the devices of a file do; an offset before the previous one starts again
/// from the top.
pub fn lines_at(text: &str, offsets: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (mut at, mut line) = (0, 1);
    let mut lines = Vec::new();
    for offset in offsets {
        let offset = offset.min(bytes.len());
        if offset < at {
            (at, line) = (0, 1);
        }
        let between = bytes.get(at..offset).unwrap_or_default();
        line += between.iter().filter(|b| **b == b'\n').count();
        at = offset;
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_many_offsets_match_one_by_one() {
        let text = "a\nbb\n\nccc\nđ";
        let offsets = [0, 2, 5, 6, 3, 11, 99];
        let one_by_one: Vec<usize> = offsets
            .iter()
            .map(|o| line_and_column(text, *o).0)
            .collect();
        assert_eq!(lines_at(text, offsets), one_by_one);
    }

    #[test]
    fn columns_count_characters_and_lines_count_newlines() {
        assert_eq!(line_and_column("ab\nđê x", 7), (2, 3));
        assert_eq!(line_and_column("ab\nđê x", 0), (1, 1));
        assert_eq!(line_and_column("ab\n", 3), (2, 1));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        assert_eq!(line_and_column("đ", 99), (1, 2));
        assert_eq!(line_and_column("đ", 1), (1, 2));
    }
}
