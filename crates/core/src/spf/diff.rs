//! A term-by-term comparison of two SPF records, to show what the suggested record
//! changes: SPF terms are order-sensitive words, so a word diff reads better than a
//! character diff and never splits `ip4:203.0.113.7` in the middle.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Keep,
    Add,
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: DiffOp,
    pub term: String,
}

/// Records longer than this many terms are compared as wholes (remove all, add all):
/// the table below is quadratic and SPF records are far shorter in practice.
const MAX_TERMS: usize = 512;

/// The terms of `current` and `suggested` as kept, added and removed, in reading order
/// (a removal comes before the addition that replaces it).
pub fn term_diff(current: &str, suggested: &str) -> Vec<DiffPart> {
    let old: Vec<&str> = current.split_whitespace().collect();
    let new: Vec<&str> = suggested.split_whitespace().collect();
    let part = |op, term: &str| DiffPart {
        op,
        term: term.to_owned(),
    };
    if old.len() > MAX_TERMS || new.len() > MAX_TERMS {
        return old
            .iter()
            .map(|t| part(DiffOp::Remove, t))
            .chain(new.iter().map(|t| part(DiffOp::Add, t)))
            .collect();
    }
    // Longest common subsequence lengths of the suffixes, then one walk forward.
    let mut lcs = vec![vec![0_u16; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            out.push(part(DiffOp::Keep, old[i]));
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(part(DiffOp::Remove, old[i]));
            i += 1;
        } else {
            out.push(part(DiffOp::Add, new[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(parts: &[DiffPart]) -> String {
        parts
            .iter()
            .map(|p| match p.op {
                DiffOp::Keep => p.term.clone(),
                DiffOp::Add => format!("+{}", p.term),
                DiffOp::Remove => format!("-{}", p.term),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn shows_added_and_removed_terms_in_place() {
        for (current, suggested, expected) in [
            (
                "v=spf1 include:spf.protection.outlook.com -all",
                "v=spf1 ip4:203.0.113.7 include:spf.protection.outlook.com -all",
                "v=spf1 +ip4:203.0.113.7 include:spf.protection.outlook.com -all",
            ),
            (
                "v=spf1 ip4:198.51.100.7 ~all",
                "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all",
                "v=spf1 ip4:198.51.100.7 -~all +include:spf.protection.outlook.com +-all",
            ),
            ("v=spf1 -all", "v=spf1 -all", "v=spf1 -all"),
            ("", "v=spf1 -all", "+v=spf1 +-all"),
            ("v=spf1  a   mx -all", "", "-v=spf1 -a -mx --all"),
        ] {
            assert_eq!(show(&term_diff(current, suggested)), expected, "{current}");
        }
    }

    #[test]
    fn every_term_of_both_records_appears_once() {
        let current = "v=spf1 a mx include:a.test include:b.test ip4:1.2.3.4 ~all";
        let suggested = "v=spf1 mx include:b.test ip4:1.2.3.4 ip4:5.6.7.8 include:c.test -all";
        let parts = term_diff(current, suggested);
        let old: Vec<&str> = parts
            .iter()
            .filter(|p| p.op != DiffOp::Add)
            .map(|p| p.term.as_str())
            .collect();
        let new: Vec<&str> = parts
            .iter()
            .filter(|p| p.op != DiffOp::Remove)
            .map(|p| p.term.as_str())
            .collect();
        assert_eq!(old.join(" "), current);
        assert_eq!(new.join(" "), suggested);
    }

    #[test]
    fn huge_records_do_not_take_quadratic_time() {
        let big = "ip4:1.2.3.4 ".repeat(5_000);
        let parts = term_diff(&big, "v=spf1 -all");
        assert_eq!(parts.len(), 5_002);
    }
}
