//! The DKIM section: what `selector1._domainkey` and `selector2._domainkey` publish, the
//! rule each target matches, the key behind it, and what that means for device mail.
//!
//! A DNS check cannot see whether signing is enabled in the tenant, nor which selector
//! is active (`dkim-and-bounces.md` 1.5), so nothing here claims either: a missing key
//! behind one selector is normal while the other is in use.

use super::finding::{Arg, Findings, Section};
use crate::cloud::Cloud;
use crate::dkim::{classify_target, parse_key, DkimKey, DkimTarget, KeyError, Selector};
use crate::dns::{Cached, DomainName, Lookup, Record, RecordData, RecordType, Resolver};
use crate::i18n::Phrase;
use crate::method::MethodId;
use strum::VariantArray;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimSection {
    /// selector1, then selector2.
    pub selectors: Vec<SelectorRecord>,
    /// What DKIM means for the devices' mail by their method, worded when shown.
    pub meaning: Option<Phrase>,
}

/// What one selector name publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorRecord {
    pub selector: Selector,
    /// `selector1._domainkey.<domain>`.
    pub name: String,
    pub published: Published,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// A lookup failed: nothing is claimed.
    Unknown,
    /// No CNAME and no TXT at the name.
    Nothing,
    /// A CNAME, the rule its target matches, and the key found there.
    Cname {
        target: String,
        shape: DkimTarget,
        key: KeyRecord,
    },
    /// A key published as TXT at the selector itself.
    Txt { key: KeyRecord },
}

/// The key record at the end of a selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRecord {
    /// The lookup failed.
    Unknown,
    /// No TXT there (Microsoft may publish only the active selector's key).
    NotPublished,
    Usable {
        record: String,
        key: DkimKey,
    },
    Invalid {
        record: String,
        error: KeyError,
    },
}

impl KeyRecord {
    /// A key receivers can verify with: readable, not revoked, at least 1024 bits.
    pub(super) fn verifies(&self) -> bool {
        matches!(self, KeyRecord::Usable { key, .. }
            if !key.revoked && !key.sha1_only && key.bits.is_none_or(|b| b >= super::dkim_findings::MIN_BITS))
    }
}

impl SelectorRecord {
    pub(super) fn key_state(&self) -> Option<&KeyRecord> {
        match &self.published {
            Published::Cname { key, .. } | Published::Txt { key } => Some(key),
            Published::Unknown | Published::Nothing => None,
        }
    }

    pub(super) fn microsoft_tenant(&self) -> Option<(&str, Selector)> {
        match &self.published {
            Published::Cname {
                shape:
                    DkimTarget::Microsoft365 {
                        tenant_prefix,
                        selector,
                        ..
                    },
                ..
            } => Some((tenant_prefix, *selector)),
            _ => None,
        }
    }
}

fn selector_name(domain: &DomainName, selector: Selector) -> DomainName {
    domain.child("_domainkey").child(selector.host_label())
}

pub(super) async fn check_dkim<R: Resolver>(
    resolver: &Cached<'_, R>,
    domain: &DomainName,
    method: Option<MethodId>,
    cloud: Cloud,
    findings: &mut Findings,
) -> DkimSection {
    // First the CNAMEs; then, in one wave, the TXT at each target (or at the selector
    // itself when it has no CNAME).
    let names: Vec<_> = Selector::VARIANTS
        .iter()
        .map(|s| (selector_name(domain, *s), RecordType::Cname))
        .collect();
    resolver.prefetch(&names).await;
    let mut cnames = Vec::new();
    for (selector, (name, _)) in Selector::VARIANTS.iter().zip(names) {
        let lookup = resolver.lookup(&name, RecordType::Cname).await;
        cnames.push((*selector, name, lookup));
    }
    let key_names: Vec<Option<DomainName>> = cnames
        .iter()
        .map(|(_, name, lookup)| match lookup {
            Ok(Lookup::Records(records)) => {
                cname_target(records).and_then(|t| DomainName::parse_lookup(t).ok())
            }
            Ok(Lookup::NoData) => Some(name.clone()),
            Ok(Lookup::NxDomain) | Err(_) => None,
        })
        .collect();
    let wave: Vec<_> = key_names
        .iter()
        .flatten()
        .map(|n| (n.clone(), RecordType::Txt))
        .collect();
    resolver.prefetch(&wave).await;

    let mut selectors = Vec::new();
    for ((selector, name, lookup), key_name) in cnames.into_iter().zip(key_names) {
        let published = match lookup {
            Err(error) => {
                findings.dns_error(Section::Dkim, "DKIM", Arg::Resolve(error));
                Published::Unknown
            }
            Ok(Lookup::NxDomain) => Published::Nothing,
            Ok(Lookup::Records(records)) => {
                let target = cname_target(&records).unwrap_or_default().to_owned();
                let key = match &key_name {
                    Some(at) => read_key(resolver, at, findings).await,
                    // A target that is not a host name has no key to look up.
                    None => KeyRecord::NotPublished,
                };
                Published::Cname {
                    shape: classify_target(&target),
                    target,
                    key,
                }
            }
            Ok(Lookup::NoData) => match read_key(resolver, &name, findings).await {
                KeyRecord::NotPublished => Published::Nothing,
                key => Published::Txt { key },
            },
        };
        selectors.push(SelectorRecord {
            selector,
            name: name.to_string(),
            published,
        });
    }
    super::dkim_findings::judge(domain, &selectors, method, cloud, findings);
    DkimSection {
        meaning: Some(meaning(method)),
        selectors,
    }
}

/// The target of the CNAME among a lookup's records.
fn cname_target(records: &[Record]) -> Option<&str> {
    records.iter().find_map(|r| match &r.data {
        RecordData::Cname(target) => Some(target.as_str()),
        _ => None,
    })
}

/// The key record at `name`: the TXT that reads as a key, else the first one's error.
async fn read_key<R: Resolver>(
    resolver: &R,
    name: &DomainName,
    findings: &mut Findings,
) -> KeyRecord {
    let lookup = match resolver.lookup(name, RecordType::Txt).await {
        Ok(lookup) => lookup,
        Err(error) => {
            findings.dns_error(Section::Dkim, "DKIM", Arg::Resolve(error));
            return KeyRecord::Unknown;
        }
    };
    let texts: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .collect();
    let mut first_error = None;
    for record in texts {
        match parse_key(&record) {
            Ok(key) => return KeyRecord::Usable { record, key },
            Err(error) => {
                first_error.get_or_insert(KeyRecord::Invalid { record, error });
            }
        }
    }
    first_error.unwrap_or(KeyRecord::NotPublished)
}

/// What DKIM means for the devices' mail, by the method they use (1.3).
fn meaning(method: Option<MethodId>) -> Phrase {
    let key = match method {
        Some(MethodId::DirectSend) => "dkim.meaning.direct-send",
        Some(MethodId::RelayIp | MethodId::RelayCert) => "dkim.meaning.relay",
        Some(MethodId::ClientSubmission) => "dkim.meaning.submission",
        _ => "dkim.meaning.any",
    };
    Phrase::new(key)
}
