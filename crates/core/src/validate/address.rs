//! From addresses (RFC 5321 mailbox syntax, ASCII).

use super::*;

/// A validated From address: an ASCII dot-atom local part (case kept) and a lower-case
/// domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FromAddress {
    pub local: String,
    pub domain: String,
}

impl fmt::Display for FromAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// Characters RFC 5322 allows in an atom besides letters and digits.
pub(super) const ATEXT_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";

pub(super) fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || ATEXT_SPECIALS.contains(c)
}

/// Parses the address a device sends from.
///
/// Accepts only the RFC 5322 dot-atom form with an ASCII host-name domain. This is a
/// deliberate simplification: quoted local parts, address literals (`user@[192.0.2.1]`)
/// and internationalised (SMTPUTF8, RFC 6531) addresses are valid email but are rejected,
/// because printers, scanners and line-of-business apps sending through Exchange Online
/// need a plain ASCII address that any SMTP client can send. The domain is lower-cased;
/// the local part keeps its case.
pub fn parse_from_address(input: &str) -> Result<Checked<FromAddress>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::FromAddress));
    }
    reject_controls(trimmed)?;
    if let Some(address) = bracketed_address(trimmed) {
        return Err(ValueError::DisplayName {
            value: shown(trimmed),
            address: shown(address),
        });
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(ValueError::AddressContainsSpace {
            value: shown(trimmed),
        });
    }
    if let Some(ch) = trimmed.chars().find(|c| !c.is_ascii()) {
        return Err(ValueError::NonAsciiAddress {
            value: shown(trimmed),
            ch,
        });
    }
    let Some((local, domain)) = trimmed.split_once('@') else {
        return Err(ValueError::MissingAt {
            value: shown(trimmed),
        });
    };
    if domain.contains('@') {
        return Err(ValueError::MultipleAt {
            value: shown(trimmed),
        });
    }
    if local.is_empty() {
        return Err(ValueError::EmptyLocalPart {
            value: shown(trimmed),
        });
    }
    if local.len() > MAX_LOCAL_PART_LEN {
        return Err(ValueError::LocalPartTooLong { len: local.len() });
    }
    if let Some(ch) = local.chars().find(|c| !(is_atext(*c) || *c == '.')) {
        return Err(ValueError::InvalidLocalCharacter {
            value: shown(trimmed),
            ch,
        });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(ValueError::LocalPartDots {
            value: shown(trimmed),
        });
    }
    if domain.is_empty() {
        return Err(ValueError::EmptyDomain {
            value: shown(trimmed),
        });
    }
    let domain = domain.to_ascii_lowercase();
    check_domain(&domain).map_err(|problem| ValueError::InvalidDomain {
        domain: shown(&domain),
        problem,
    })?;
    if trimmed.len() > MAX_ADDRESS_LEN {
        return Err(ValueError::AddressTooLong { len: trimmed.len() });
    }
    Ok(Checked::clean(FromAddress {
        local: local.to_owned(),
        domain,
    }))
}

/// For `Name <user@domain>` (or `<user@domain>`), the trimmed text between the last `<`
/// and the `>` after it, when it contains an `@`.
pub(super) fn bracketed_address(text: &str) -> Option<&str> {
    let (_, after) = text.rsplit_once('<')?;
    let (inner, _) = after.split_once('>')?;
    let inner = inner.trim();
    inner.contains('@').then_some(inner)
}
