//! The DKIM section's findings, from what each selector publishes: the joint verdicts
//! (nothing published, a selector missing, two tenants, no usable key) and each
//! record's own (its target's shape, its key).

use super::dkim_section::{KeyRecord, Published, SelectorRecord};
use super::finding::{Arg, Findings, Section, Severity};
use crate::cloud::Cloud;
use crate::dkim::{DkimTarget, Selector};
use crate::dns::DomainName;
use crate::method::MethodId;

/// RFC 8301 3.2: signers MUST use at least 1024 bits (and verifiers must not accept
/// less); they SHOULD use 2048.
pub(super) const MIN_BITS: u32 = 1024;
const RECOMMENDED_BITS: u32 = 2048;

/// The findings, from what each selector publishes.
pub(super) fn judge(
    domain: &DomainName,
    selectors: &[SelectorRecord],
    method: Option<MethodId>,
    cloud: Cloud,
    findings: &mut Findings,
) {
    if selectors.iter().any(|s| {
        matches!(s.published, Published::Unknown)
            || matches!(s.key_state(), Some(KeyRecord::Unknown))
    }) {
        // A failed lookup claims nothing: the rows show what was read, and the
        // dns-error finding says what could not be.
        return;
    }
    let nothing = |s: &SelectorRecord| matches!(s.published, Published::Nothing);
    if selectors.iter().all(nothing) {
        // Direct Send mail is internal and goes unsigned anyway (1.3).
        let severity = if method == Some(MethodId::DirectSend) {
            Severity::Info
        } else {
            Severity::Warning
        };
        findings.add(
            Section::Dkim,
            "dkim-missing",
            severity,
            &[("domain", domain.as_str())],
        );
        return;
    }
    per_selector(selectors, cloud, findings);
    let microsoft: Vec<_> = selectors
        .iter()
        .filter_map(|s| s.microsoft_tenant())
        .collect();
    if !microsoft.is_empty() {
        for (present, absent, code) in [
            (
                Selector::Selector1,
                Selector::Selector2,
                "dkim-selector2-missing",
            ),
            (
                Selector::Selector2,
                Selector::Selector1,
                "dkim-selector1-missing",
            ),
        ] {
            let find = |s: Selector| selectors.iter().find(|r| r.selector == s);
            if find(present).is_some_and(|r| r.microsoft_tenant().is_some())
                && find(absent).is_some_and(nothing)
            {
                findings.add(
                    Section::Dkim,
                    code,
                    Severity::Info,
                    &[("domain", domain.as_str())],
                );
            }
        }
        if let [(first, _), (second, _)] = microsoft.as_slice() {
            if first != second {
                findings.add(
                    Section::Dkim,
                    "dkim-tenant-differs",
                    Severity::Warning,
                    &[("first", first), ("second", second)],
                );
            }
        }
    }
    let has_key = selectors
        .iter()
        .any(|s| s.key_state().is_some_and(KeyRecord::verifies));
    if !has_key {
        findings.add(
            Section::Dkim,
            "dkim-no-key",
            Severity::Warning,
            &[("domain", domain.as_str())],
        );
    }
}

/// What each selector's own record says.
fn per_selector(selectors: &[SelectorRecord], cloud: Cloud, findings: &mut Findings) {
    for record in selectors {
        let name = record.name.as_str();
        match &record.published {
            Published::Unknown | Published::Nothing => continue,
            Published::Txt { .. } => findings.add(
                Section::Dkim,
                "dkim-txt-not-cname",
                Severity::Warning,
                &[("name", name)],
            ),
            Published::Cname { target, shape, .. } => match shape {
                DkimTarget::Microsoft365 { selector, .. } if *selector != record.selector => {
                    findings.add(
                        Section::Dkim,
                        "dkim-selector-swapped",
                        Severity::Warning,
                        &[("name", name), ("target", target)],
                    )
                }
                DkimTarget::Microsoft365 { .. } => {}
                DkimTarget::Other { host }
                    if looks_microsoft(host) && cloud_is_documented(cloud) =>
                {
                    findings.add(
                        Section::Dkim,
                        "dkim-target-malformed",
                        Severity::Warning,
                        &[("name", name), ("target", target)],
                    )
                }
                DkimTarget::Other { .. } if !cloud_is_documented(cloud) => findings.add(
                    Section::Dkim,
                    "dkim-target-unverified",
                    Severity::Info,
                    &[("name", name), ("target", target)],
                ),
                DkimTarget::Other { .. } => findings.add(
                    Section::Dkim,
                    "dkim-other-provider",
                    Severity::Info,
                    &[("name", name), ("target", target)],
                ),
            },
        }
        key_findings(record, findings);
    }
}

fn key_findings(record: &SelectorRecord, findings: &mut Findings) {
    let name = record.name.as_str();
    let Some(key) = record.key_state() else {
        return;
    };
    match key {
        KeyRecord::Unknown => {}
        // Only the active selector's key may be published (1.5): the row shows it, and
        // `dkim-no-key` speaks when no selector has a key.
        KeyRecord::NotPublished => {}
        KeyRecord::Invalid { error, .. } => findings.add_args(
            Section::Dkim,
            "dkim-key-invalid",
            Severity::Error,
            vec![
                ("name", Arg::from(name)),
                ("error", Arg::DkimKey(error.clone())),
            ],
        ),
        KeyRecord::Usable { key, .. } => {
            let bits = key.bits.map(|b| b.to_string()).unwrap_or_default();
            let plain = [("name", name), ("bits", bits.as_str())];
            if key.revoked {
                findings.add(
                    Section::Dkim,
                    "dkim-key-revoked",
                    Severity::Info,
                    &plain[..1],
                );
            } else if key.bits.is_some_and(|b| b < MIN_BITS) {
                findings.add(Section::Dkim, "dkim-weak-key", Severity::Error, &plain);
            } else if key.bits.is_some_and(|b| b < RECOMMENDED_BITS) {
                findings.add(Section::Dkim, "dkim-key-1024", Severity::Info, &plain);
            }
            if key.sha1_only {
                findings.add(
                    Section::Dkim,
                    "dkim-key-sha1-only",
                    Severity::Warning,
                    &plain[..1],
                );
            }
            if key.testing {
                findings.add(
                    Section::Dkim,
                    "dkim-key-testing",
                    Severity::Info,
                    &plain[..1],
                );
            }
        }
    }
}

/// A target that names Microsoft's DKIM zones but fits neither published shape: the
/// mistakes Learn lists (dots kept, `.onmicrosoft.com` kept in the prefix, the
/// partition letter missing).
pub(super) fn looks_microsoft(host: &str) -> bool {
    host.ends_with(".onmicrosoft.com")
        || host.ends_with("dkim.mail.microsoft")
        || host.contains(".onmicrosoft.com.")
}

/// The two target shapes are documented for the worldwide service (GCC shares it);
/// for GCC High, DoD and 21Vianet no stored source gives them (1.4), so a target
/// there is never called malformed.
fn cloud_is_documented(cloud: Cloud) -> bool {
    matches!(cloud, Cloud::Worldwide | Cloud::Gcc)
}
