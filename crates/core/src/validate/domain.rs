//! DNS names, as the From address and the certificate name use them.

use super::*;

/// Checks lower-case host-name syntax: labels of 1..=63 letters, digits and hyphens, not
/// starting or ending with a hyphen, at least two labels, at most 253 characters, and a
/// last label that is not all digits.
pub(super) fn check_domain(name: &str) -> Result<(), DomainProblem> {
    let len = name.chars().count();
    if len > MAX_NAME_LEN {
        return Err(DomainProblem::TooLong { len });
    }
    let mut labels = 0usize;
    let mut last = "";
    for label in name.split('.') {
        labels += 1;
        last = label;
        if label.is_empty() {
            return Err(DomainProblem::EmptyLabel);
        }
        if let Some(ch) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(DomainProblem::InvalidCharacter { ch });
        }
        if label.len() > MAX_LABEL_LEN {
            return Err(DomainProblem::LabelTooLong {
                label: shown(label),
                len: label.len(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainProblem::HyphenAtEdge {
                label: shown(label),
            });
        }
    }
    if labels < 2 {
        return Err(DomainProblem::SingleLabel);
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DomainProblem::NumericTld);
    }
    Ok(())
}
