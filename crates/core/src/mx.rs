//! What a domain's MX records say about where its mail goes, and so which host a device
//! using Direct Send or SMTP relay must point at.
//!
//! The smart host is always the MX host as published. It is never built from the domain
//! name: Microsoft strips hyphens and adds suffixes (`octo-bot.io` gets
//! `octobot-io01b.mail.protection.outlook.com`), and DNSSEC tenants get a partition letter.

use crate::dns::{DomainName, Lookup, RecordData, RecordType, ResolveError, Resolver};
use serde::Serialize;

/// The kind of mail service the MX set points at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum MxKind {
    /// `*.mail.protection.outlook.com`
    #[strum(serialize = "microsoft-365")]
    Microsoft365,
    /// `*.<letter>-v1.mx.microsoft` (DNSSEC/DANE)
    #[strum(serialize = "microsoft-365-dnssec")]
    Microsoft365Dnssec,
    /// `*.mail.protection.office365.us`
    #[strum(serialize = "microsoft-365-gcc-high")]
    Microsoft365GccHigh,
    /// `*.mail.protection.partner.outlook.cn`
    #[strum(serialize = "microsoft-365-21vianet")]
    Microsoft365China,
    /// Another provider, or a gateway in front of Microsoft 365.
    Other,
    /// No MX records.
    None,
    /// RFC 7505 null MX: the domain accepts no mail.
    Null,
}

impl MxKind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn is_microsoft(self) -> bool {
        matches!(
            self,
            MxKind::Microsoft365
                | MxKind::Microsoft365Dnssec
                | MxKind::Microsoft365GccHigh
                | MxKind::Microsoft365China
        )
    }
}

/// One MX record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MxHost {
    pub preference: u16,
    pub host: String,
}

/// The classified MX set of a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MxReport {
    pub kind: MxKind,
    /// Sorted by preference, then name.
    pub hosts: Vec<MxHost>,
    /// The host a Direct Send or relay device must use, when the MX is Microsoft 365.
    pub smart_host: Option<String>,
}

/// Classifies one host name.
pub fn classify_host(host: &str) -> MxKind {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.ends_with(".mail.protection.outlook.com") {
        MxKind::Microsoft365
    } else if host.ends_with(".mail.protection.office365.us") {
        MxKind::Microsoft365GccHigh
    } else if host.ends_with(".mail.protection.partner.outlook.cn") {
        MxKind::Microsoft365China
    } else if is_dnssec_mx(&host) {
        MxKind::Microsoft365Dnssec
    } else {
        MxKind::Other
    }
}

/// `<token>.<letter>-v1.mx.microsoft`
fn is_dnssec_mx(host: &str) -> bool {
    let Some(rest) = host.strip_suffix(".mx.microsoft") else {
        return false;
    };
    let mut labels = rest.rsplit('.');
    let partition = labels.next().unwrap_or_default();
    let has_token = labels.next().is_some_and(|t| !t.is_empty());
    let mut chars = partition.chars();
    let letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    has_token && letter && chars.as_str() == "-v1"
}

/// Classifies a set of MX records (in any order).
pub fn classify(mut hosts: Vec<MxHost>) -> MxReport {
    hosts.sort_by(|a, b| a.preference.cmp(&b.preference).then(a.host.cmp(&b.host)));
    if hosts.is_empty() {
        return MxReport {
            kind: MxKind::None,
            hosts,
            smart_host: None,
        };
    }
    if hosts.len() == 1 && hosts[0].host.is_empty() {
        return MxReport {
            kind: MxKind::Null,
            hosts,
            smart_host: None,
        };
    }
    // The most preferred host decides: a gateway listed first receives the mail even if a
    // Microsoft host appears as a backup.
    let kind = classify_host(&hosts[0].host);
    let smart_host = kind.is_microsoft().then(|| hosts[0].host.clone());
    MxReport {
        kind,
        hosts,
        smart_host,
    }
}

/// Looks up and classifies the MX set of `domain`. A failed lookup is an error, never
/// reported as "no MX".
pub async fn check_mx<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
) -> Result<MxReport, ResolveError> {
    let hosts = match resolver.lookup(domain, RecordType::Mx).await? {
        Lookup::Records(records) => records
            .into_iter()
            .filter_map(|r| match r.data {
                RecordData::Mx {
                    preference,
                    exchange,
                } => Some(MxHost {
                    preference,
                    host: exchange,
                }),
                _ => None,
            })
            .collect(),
        Lookup::NoData | Lookup::NxDomain => Vec::new(),
    };
    Ok(classify(hosts))
}

#[cfg(test)]
#[path = "mx_tests.rs"]
mod tests;
