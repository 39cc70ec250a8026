//! Domain names as users type them, checked and converted before any query is sent.
//!
//! Public resolvers answer malformed names with HTTP errors (Google returns 400 for an
//! empty label or one over 63 octets), which a user would read as "DNS is broken".
//! Validating first gives a message about the name itself. Internationalised names are
//! converted to their A-label form with UTS #46 (IDNA 2008, RFC 5891).

use crate::i18n::{self, Lang};
use std::fmt;

/// RFC 1035 2.3.4: a label is at most 63 octets.
pub const MAX_LABEL_LEN: usize = 63;
/// RFC 1035 2.3.4: a name is at most 255 octets on the wire, 253 characters as text.
pub const MAX_NAME_LEN: usize = 253;

/// Converts an internationalised name to A-labels. Native builds carry the `idna` crate;
/// the browser build leaves its Unicode tables out of the download (tens of kilobytes)
/// and installs the browser's own UTS #46 conversion with [`install_idna`] instead.
#[cfg(feature = "idna")]
pub(crate) fn idna_to_ascii(name: &str) -> Option<String> {
    idna::domain_to_ascii(name).ok()
}

#[cfg(not(feature = "idna"))]
pub(crate) fn idna_to_ascii(name: &str) -> Option<String> {
    INSTALLED_IDNA.get().and_then(|convert| convert(name))
}

static INSTALLED_IDNA: std::sync::OnceLock<fn(&str) -> Option<String>> = std::sync::OnceLock::new();

/// Installs the conversion used for non-ASCII names when the `idna` feature is off (the
/// first call wins; with the feature on, the crate's own conversion is used). Without
/// one, such names are refused as invalid, never sent as typed.
pub fn install_idna(convert: fn(&str) -> Option<String>) {
    let _ = INSTALLED_IDNA.set(convert);
}

/// Why a name typed by a user cannot be queried. [`NameError::message`] says it in a
/// language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    Empty,
    ContainsSpace,
    LooksLikeEmail(String),
    EmptyLabel,
    LabelTooLong { label: String, len: usize },
    NameTooLong(usize),
    HyphenAtEdge(String),
    InvalidCharacter { label: String, ch: char },
    InvalidIdn(String),
    SingleLabel,
    AddressNotName(String),
}

impl NameError {
    /// The message in `lang` (texts `error.name.*` in the catalog; a label too long or
    /// with a hyphen at an edge shares the `error.domain.*` text of the From address
    /// check).
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| i18n::format(lang, key, args);
        match self {
            NameError::Empty => f("error.name.empty", &[]),
            NameError::ContainsSpace => f("error.name.contains-space", &[]),
            NameError::LooksLikeEmail(value) => {
                f("error.name.looks-like-email", &[("value", value)])
            }
            NameError::EmptyLabel => f("error.name.empty-label", &[]),
            NameError::LabelTooLong { label, len } => f(
                "error.domain.label-too-long",
                &[("label", label), ("len", &len.to_string())],
            ),
            NameError::NameTooLong(len) => {
                f("error.name.name-too-long", &[("len", &len.to_string())])
            }
            NameError::HyphenAtEdge(label) => f("error.domain.hyphen-at-edge", &[("label", label)]),
            // The character as Rust's `{:?}` writes it: quoted, escaped when unprintable.
            NameError::InvalidCharacter { label, ch } => f(
                "error.name.invalid-character",
                &[("char", &format!("{ch:?}")), ("label", label)],
            ),
            NameError::InvalidIdn(value) => f("error.name.invalid-idn", &[("value", value)]),
            NameError::SingleLabel => f("error.name.single-label", &[]),
            NameError::AddressNotName(value) => {
                f("error.name.address-not-name", &[("value", value)])
            }
        }
    }
}

crate::i18n::display_in_english!(NameError);

impl std::error::Error for NameError {}

/// A validated host name in lower-case ASCII (A-label) form, without a trailing dot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DomainName(String);

impl DomainName {
    /// Parses a host name a user typed: trims, drops one trailing dot, converts
    /// internationalised labels with IDNA and checks RFC 1035 host-name syntax.
    pub fn parse(input: &str) -> Result<DomainName, NameError> {
        let trimmed = input.trim();
        let without_root = trimmed.strip_suffix('.').unwrap_or(trimmed);
        if without_root.is_empty() {
            return Err(NameError::Empty);
        }
        if without_root.chars().any(char::is_whitespace) {
            return Err(NameError::ContainsSpace);
        }
        if without_root.contains('@') {
            return Err(NameError::LooksLikeEmail(crate::echo::shown(without_root)));
        }
        if without_root.split('.').any(str::is_empty) {
            return Err(NameError::EmptyLabel);
        }
        let ascii = if without_root.is_ascii() {
            without_root.to_ascii_lowercase()
        } else {
            idna_to_ascii(without_root)
                .ok_or_else(|| NameError::InvalidIdn(crate::echo::shown(without_root)))?
        };
        check_host_syntax(&ascii).map_err(|problem| name_error(&ascii, problem))?;
        Ok(DomainName(ascii))
    }

    /// Parses a name that a DNS record or an SPF macro produced, for looking up: unlike
    /// host names these may hold underscores (`_spf.contoso.com`) and other printable
    /// ASCII, and the space an SPF `%_` expands to (RFC 7208 7.1: a DNS label is any
    /// octets), but labels must be 1 to 63 octets and the name at most 253.
    pub fn parse_lookup(input: &str) -> Result<DomainName, NameError> {
        let name = input.strip_suffix('.').unwrap_or(input);
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.len() > MAX_NAME_LEN {
            return Err(NameError::NameTooLong(name.len()));
        }
        for label in name.split('.') {
            if label.is_empty() {
                return Err(NameError::EmptyLabel);
            }
            if label.len() > MAX_LABEL_LEN {
                return Err(NameError::LabelTooLong {
                    label: crate::echo::shown(&shorten(label)),
                    len: label.len(),
                });
            }
            if let Some(ch) = label.chars().find(|c| !(c.is_ascii_graphic() || *c == ' ')) {
                return Err(NameError::InvalidCharacter {
                    label: crate::echo::shown(&shorten(label)),
                    ch,
                });
            }
        }
        Ok(DomainName(name.to_ascii_lowercase()))
    }

    /// Builds a name from trusted parts (for example `_dmarc` + a validated domain)
    /// without host-name rules, which do not apply to underscore labels.
    pub fn child(&self, label: &str) -> DomainName {
        DomainName(format!("{label}.{}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The labels from left to right.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with a host name's syntax. The one host-name check in smarthost: the
/// DNS check ([`DomainName::parse`]) and the From address and certificate name
/// validators word it their own way, from the same finding, in the same order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostSyntax {
    /// Longer than 253 characters (the length).
    TooLong(usize),
    EmptyLabel,
    /// A character other than a letter, a digit or a hyphen, in the label.
    InvalidCharacter {
        label: String,
        ch: char,
    },
    LabelTooLong {
        label: String,
        len: usize,
    },
    HyphenAtEdge(String),
    SingleLabel,
    /// The last label is all digits (RFC 3696 2): an address, not a name.
    NumericTld,
}

/// Checks lower-case ASCII host-name syntax (RFC 1035 2.3.1 and 1123 2.1): at most 253
/// characters; labels of 1 to 63 letters, digits and hyphens, not starting or ending
/// with a hyphen; at least two labels; a last label that is not all digits.
pub fn check_host_syntax(ascii: &str) -> Result<(), HostSyntax> {
    let len = ascii.chars().count();
    if len > MAX_NAME_LEN {
        return Err(HostSyntax::TooLong(len));
    }
    let mut labels = 0;
    for label in ascii.split('.') {
        labels += 1;
        if label.is_empty() {
            return Err(HostSyntax::EmptyLabel);
        }
        if let Some(ch) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(HostSyntax::InvalidCharacter {
                label: label.to_owned(),
                ch,
            });
        }
        if label.len() > MAX_LABEL_LEN {
            return Err(HostSyntax::LabelTooLong {
                label: label.to_owned(),
                len: label.len(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(HostSyntax::HyphenAtEdge(label.to_owned()));
        }
    }
    if labels < 2 {
        return Err(HostSyntax::SingleLabel);
    }
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(HostSyntax::NumericTld);
    }
    Ok(())
}

/// The DNS check's words for a host-name problem.
fn name_error(ascii: &str, problem: HostSyntax) -> NameError {
    let shown = |label: &str| crate::echo::shown(&shorten(label));
    match problem {
        HostSyntax::TooLong(len) => NameError::NameTooLong(len),
        HostSyntax::EmptyLabel => NameError::EmptyLabel,
        HostSyntax::InvalidCharacter { label, ch } => NameError::InvalidCharacter {
            label: shown(&label),
            ch,
        },
        HostSyntax::LabelTooLong { label, len } => NameError::LabelTooLong {
            label: shown(&label),
            len,
        },
        HostSyntax::HyphenAtEdge(label) => NameError::HyphenAtEdge(crate::echo::shown(&label)),
        HostSyntax::SingleLabel => NameError::SingleLabel,
        // Perhaps typed with look-alike digits that IDNA mapped to ASCII.
        HostSyntax::NumericTld => NameError::AddressNotName(crate::echo::shown(ascii)),
    }
}

/// Keeps error messages readable when a label is very long.
fn shorten(label: &str) -> String {
    const KEEP: usize = 20;
    if label.chars().count() <= KEEP + 3 {
        label.to_owned()
    } else {
        let head: String = label.chars().take(KEEP).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
#[path = "name_tests.rs"]
mod tests;
