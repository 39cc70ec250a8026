//! A record cut into the pieces a screen shows: the text between errors as it is, and
//! each stretch a syntax error points at, with that error. Errors whose stretch overlaps
//! one already marked are listed but not marked twice; an empty stretch marks the one
//! character where it starts, so the reader can see where.

use super::record::SyntaxError;

/// One piece of the record as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The error this stretch is marked with; None for plain text.
    pub error: Option<SyntaxError>,
}

/// The record's pieces, in order, and its errors by position (for the list beside the
/// marks, which a screen reader can reach).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedRecord {
    pub pieces: Vec<Piece>,
    pub errors: Vec<SyntaxError>,
}

pub fn mark_errors(text: &str, errors: &[SyntaxError]) -> MarkedRecord {
    let mut sorted = errors.to_vec();
    sorted.sort_by_key(|e| e.span.start);
    let mut pieces = Vec::new();
    let mut at = 0;
    for error in &sorted {
        let start = error.span.start;
        if start < at {
            continue;
        }
        let end = error.span.end.max(start + 1).min(text.len());
        // A span that does not fall on character boundaries is listed, not marked.
        let (Some(before), Some(bad)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            pieces.push(Piece {
                text: before.to_owned(),
                error: None,
            });
        }
        pieces.push(Piece {
            text: bad.to_owned(),
            error: Some(error.clone()),
        });
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        pieces.push(Piece {
            text: rest.to_owned(),
            error: None,
        });
    }
    MarkedRecord {
        pieces,
        errors: sorted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::record::parse_record;

    fn marked(text: &str) -> MarkedRecord {
        mark_errors(text, &parse_record(text).errors)
    }

    fn joined(record: &MarkedRecord) -> String {
        record.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn the_pieces_give_the_record_back_with_each_error_marked_once() {
        let text = "v=spf1 ip4:198.51.100.300 include:spf.protection.outlook.com ip4:1.2.3 -all";
        let record = marked(text);
        assert_eq!(joined(&record), text);
        let marked: Vec<&str> = record
            .pieces
            .iter()
            .filter(|p| p.error.is_some())
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked.len(), record.errors.len());
        assert!(marked.len() >= 2, "{marked:?}");
        assert!(marked.iter().all(|m| text.contains(m)));
        assert!(record
            .errors
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn a_clean_record_is_one_plain_piece() {
        let text = "v=spf1 include:spf.protection.outlook.com -all";
        let record = marked(text);
        assert_eq!(
            record.pieces,
            vec![Piece {
                text: text.to_owned(),
                error: None
            }]
        );
        assert!(record.errors.is_empty());
    }

    #[test]
    fn odd_spans_never_panic_and_never_lose_text() {
        let base = parse_record("v=spf1 ip4:x -all").errors;
        let Some(error) = base.first().cloned() else {
            panic!("ip4:x is an error")
        };
        for (start, end) in [(0, 0), (3, 2), (17, 40), (40, 50), (5, 5)] {
            let mut odd = error.clone();
            odd.span = start..end;
            let text = "v=spf1 ip4:x -all";
            let record = mark_errors(text, &[odd, error.clone()]);
            assert_eq!(joined(&record), text, "{start}..{end}");
        }
        // A span inside a multi-byte character is listed but not marked.
        let text = "v=spf1 a:đ -all";
        let mut inside = error;
        inside.span = 10..11;
        let record = mark_errors(text, &[inside]);
        assert_eq!(joined(&record), text);
        assert_eq!(record.errors.len(), 1);
    }
}
