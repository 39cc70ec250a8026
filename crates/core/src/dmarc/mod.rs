//! DMARC policy records (RFC 7489 sections 6.3, 6.4 and 6.6.3): parsing the TXT record
//! published at `_dmarc.<domain>`, choosing it among the TXT strings there, and saying what
//! the policy means for mail from a device that fails SPF alignment (for example Direct
//! Send from a dynamic IP address that is not in the domain's SPF record).
//!
//! The parser follows the RFC's receiver rules rather than being a strict validator:
//!
//! - `v=DMARC1` must be the first tag, with `DMARC1` exactly as written (the tag name `v`
//!   is case-insensitive, as all ABNF literals are); otherwise the text is not a DMARC
//!   record at all ([`DmarcError::NotDmarc`]).
//! - A missing or invalid `p`, or an invalid `sp`, makes receivers apply no DMARC at all,
//!   unless `rua` holds at least one valid report address: then they act as if the record
//!   said `p=none` (section 6.6.3). That case parses as [`Policy::None`] with an issue.
//! - Everything else that is wrong (a bad `pct`, `adkim`, `aspf`, `fo`, `rf`, `ri`, a
//!   report URI that is not `mailto:`, an unknown or repeated tag) falls back to the
//!   default and is listed in [`DmarcRecord::issues`].
//!
//! Nothing here panics on any input. Text taken from the record and echoed in an error or
//! an issue is shortened to 40 characters and control and bidirectional formatting
//! characters are replaced with U+FFFD, so a message can always be shown as it is.

use crate::echo::shown;
use crate::i18n::{format, Lang};
use serde::Serialize;
use std::fmt;

mod issue;
mod meaning;
mod tags;

pub use issue::*;
pub use meaning::*;
use strum::{EnumString, IntoStaticStr, VariantArray};
use tags::*;

/// The version tag value, which must match exactly (RFC 7489 6.3, `v`).
const VERSION: &str = "DMARC1";

/// What the domain owner asks receivers to do with mail that fails DMARC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[serde(into = "&'static str")]
pub enum Policy {
    None,
    Quarantine,
    Reject,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A `p` or `sp` value, compared case-insensitively.
    pub(crate) fn parse(value: &str) -> Option<Policy> {
        value.parse().ok()
    }
}

/// DKIM or SPF identifier alignment mode (`adkim`, `aspf`).
///
/// Its name is written out (`relaxed`); the record spells it with one letter (`r`), which
/// [`Alignment::parse`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
#[serde(into = "&'static str")]
pub enum Alignment {
    /// `r`: the organizational domains must match (the default).
    #[default]
    Relaxed,
    /// `s`: the domains must be identical.
    Strict,
}

impl Alignment {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub(crate) fn parse(value: &str) -> Option<Alignment> {
        if value.eq_ignore_ascii_case("r") {
            Some(Alignment::Relaxed)
        } else if value.eq_ignore_ascii_case("s") {
            Some(Alignment::Strict)
        } else {
            None
        }
    }
}

/// A parsed DMARC record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DmarcRecord {
    /// `p`, or [`Policy::None`] when the RFC 7489 6.6.3 fallback applied (see `issues`).
    pub policy: Policy,
    /// `sp`, when published and valid; subdomains otherwise follow `policy`.
    pub subdomain_policy: Option<Policy>,
    /// `pct`, 0 to 100 (default 100).
    pub pct: u8,
    /// `adkim` (default relaxed).
    pub adkim: Alignment,
    /// `aspf` (default relaxed).
    pub aspf: Alignment,
    /// `rua` URIs as published (trimmed), including ones listed as issues; empty entries
    /// are left out.
    pub rua: Vec<String>,
    /// `ruf` URIs, as for `rua`.
    pub ruf: Vec<String>,
    /// Everything receivers ignore, correct or fall back on, in record order, with the
    /// policy fallback (if any) last.
    pub issues: Vec<DmarcIssue>,
}

/// Why a text is not a DMARC record that receivers apply. [`DmarcError::message`] says
/// it in a language (texts `dmarc.error.*`); `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DmarcError {
    Empty,
    /// Holds the start of the record, shortened and made safe to show.
    NotDmarc(String),
    MissingPolicy,
    /// Holds the published value, shortened and made safe to show.
    InvalidPolicy(String),
    /// Holds the published value, shortened and made safe to show.
    InvalidSubdomainPolicy(String),
    /// Holds how many DMARC records were found.
    MultipleRecords(usize),
}

impl DmarcError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| format(lang, key, args);
        match self {
            DmarcError::Empty => f("dmarc.error.empty", &[]),
            DmarcError::NotDmarc(start) => f("dmarc.error.not-dmarc", &[("start", start)]),
            DmarcError::MissingPolicy => f("dmarc.error.missing-policy", &[]),
            DmarcError::InvalidPolicy(value) => {
                f("dmarc.error.invalid-policy", &[("value", value)])
            }
            DmarcError::InvalidSubdomainPolicy(value) => {
                f("dmarc.error.invalid-subdomain-policy", &[("value", value)])
            }
            DmarcError::MultipleRecords(count) => f(
                "dmarc.error.multiple-records",
                &[("count", &count.to_string())],
            ),
        }
    }
}

crate::i18n::display_in_english!(DmarcError);

impl std::error::Error for DmarcError {}

/// Chooses the DMARC record among the TXT strings at `_dmarc.<domain>` (each already
/// joined from its character-strings). Strings whose first tag is not `v=DMARC1` are
/// discarded (RFC 7489 6.6.3); leading whitespace is allowed. Returns `Ok(None)` when no
/// record remains and [`DmarcError::MultipleRecords`] when more than one does, since
/// receivers then apply no DMARC. The chosen string is returned unchanged.
pub fn select_record(txts: &[String]) -> Result<Option<String>, DmarcError> {
    let mut records = txts.iter().filter(|txt| starts_with_version(txt));
    let Some(first) = records.next() else {
        return Ok(None);
    };
    let others = records.count();
    if others > 0 {
        return Err(DmarcError::MultipleRecords(others.saturating_add(1)));
    }
    Ok(Some(first.clone()))
}

/// Parses a DMARC record (the TXT text at `_dmarc.<domain>`, already joined).
pub fn parse_dmarc(record: &str) -> Result<DmarcRecord, DmarcError> {
    let trimmed = trim_ws(record);
    if trimmed.is_empty() {
        return Err(DmarcError::Empty);
    }
    if !starts_with_version(trimmed) {
        return Err(DmarcError::NotDmarc(shown(trimmed)));
    }

    let mut seen = Seen::default();
    let mut issues = Vec::new();
    let mut p: Option<&str> = None;
    let mut sp: Option<&str> = None;
    let mut pct = 100u8;
    let mut adkim = Alignment::Relaxed;
    let mut aspf = Alignment::Relaxed;
    let mut rua = Vec::new();
    let mut ruf = Vec::new();

    // The first part is the version tag, checked above.
    for (position, part) in trimmed
        .split(';')
        .skip(1)
        .map(trim_ws)
        .filter(|part| !part.is_empty())
        .enumerate()
    {
        let Some((name, value)) = part.split_once('=') else {
            issues.push(DmarcIssue::MalformedTag { text: shown(part) });
            continue;
        };
        let name = trim_ws(name).to_ascii_lowercase();
        let value = trim_ws(value);
        let Some(tag) = Tag::parse(&name) else {
            if name.is_empty() {
                issues.push(DmarcIssue::MalformedTag { text: shown(part) });
            } else {
                issues.push(DmarcIssue::UnknownTag { tag: shown(&name) });
            }
            continue;
        };
        if !seen.first_time(tag) {
            issues.push(DmarcIssue::DuplicateTag { tag: name });
            continue;
        }
        match tag {
            // Only reachable as a duplicate, handled above.
            Tag::V => {}
            Tag::P => {
                if position != 0 {
                    issues.push(DmarcIssue::PolicyNotSecond);
                }
                p = Some(value);
            }
            Tag::Sp => sp = Some(value),
            Tag::Pct => match parse_pct(value) {
                Some(n) => pct = n,
                None => issues.push(DmarcIssue::InvalidPct {
                    value: shown(value),
                }),
            },
            Tag::Adkim | Tag::Aspf => match Alignment::parse(value) {
                Some(mode) if tag == Tag::Adkim => adkim = mode,
                Some(mode) => aspf = mode,
                None => issues.push(DmarcIssue::InvalidAlignment {
                    tag: name,
                    value: shown(value),
                }),
            },
            Tag::Rua | Tag::Ruf => {
                let list = parse_uri_list(&name, value, &mut issues);
                if tag == Tag::Rua {
                    rua = list;
                } else {
                    ruf = list;
                }
            }
            Tag::Fo => {
                if !colon_list_all(value, |item| {
                    ["0", "1", "d", "s"]
                        .iter()
                        .any(|option| item.eq_ignore_ascii_case(option))
                }) {
                    issues.push(DmarcIssue::InvalidFailureOptions {
                        value: shown(value),
                    });
                }
            }
            Tag::Rf => {
                if !colon_list_all(value, |item| item.eq_ignore_ascii_case("afrf")) {
                    issues.push(DmarcIssue::InvalidReportFormat {
                        value: shown(value),
                    });
                }
            }
            Tag::Ri => {
                if !is_digits(value) || value.parse::<u32>().is_err() {
                    issues.push(DmarcIssue::InvalidReportInterval {
                        value: shown(value),
                    });
                }
            }
        }
    }

    let policy = p.map(|value| Policy::parse(value).ok_or(value));
    let subdomain_policy = match sp {
        None => Ok(None),
        Some(value) => Policy::parse(value).map(Some).ok_or(value),
    };
    let (policy, subdomain_policy) = match (policy, subdomain_policy) {
        (Some(Ok(policy)), Ok(subdomain_policy)) => (policy, subdomain_policy),
        (policy, subdomain_policy) => {
            // RFC 7489 6.6.3: with a valid rua, act as if the record were `p=none`;
            // without one, apply no DMARC at all.
            let has_report_address = rua.iter().any(|uri| is_valid_mailto(uri));
            match policy {
                None if has_report_address => issues.push(DmarcIssue::PolicyMissingTreatedAsNone),
                None => return Err(DmarcError::MissingPolicy),
                Some(Err(value)) if has_report_address => {
                    issues.push(DmarcIssue::InvalidPolicyTreatedAsNone {
                        value: shown(value),
                    })
                }
                Some(Err(value)) => return Err(DmarcError::InvalidPolicy(shown(value))),
                Some(Ok(_)) => {}
            }
            match subdomain_policy {
                Err(value) if has_report_address => {
                    issues.push(DmarcIssue::InvalidSubdomainPolicyTreatedAsNone {
                        value: shown(value),
                    })
                }
                Err(value) => return Err(DmarcError::InvalidSubdomainPolicy(shown(value))),
                Ok(_) => {}
            }
            (Policy::None, None)
        }
    };

    Ok(DmarcRecord {
        policy,
        subdomain_policy,
        pct,
        adkim,
        aspf,
        rua,
        ruf,
        issues,
    })
}

#[cfg(test)]
mod tests;
