//! The smallest SPF change that makes a device's mail pass: add the device's `ip4:` terms
//! and the Microsoft include for the tenant's cloud, keep every existing term, and stay
//! within 10 DNS-querying terms. Each change comes with its reason.

use super::record::{parse_record, Mechanism, Modifier, TermKind};
use crate::cloud::Cloud;
use crate::i18n::Phrase;
use serde::Serialize;
use std::net::Ipv4Addr;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfFix {
    pub record: String,
    /// Why each change is made, worded when shown.
    pub reasons: Vec<Phrase>,
}

/// A term of the published record to take out, and the name it points at in vain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub term: String,
    pub name: String,
}

/// Builds the corrected record. `current` is the published record, if any; `ips` are the
/// device addresses that must pass (empty for client submission, whose mail leaves from
/// Microsoft's servers); `included_deeper` says the Microsoft include is already reached
/// through another include; `remove` are terms of the record that only cost void
/// lookups (they match nothing, and more than 2 break the record for every sender).
/// None when nothing needs to change.
///
/// The result is a candidate: the report evaluates it for every sender before showing it.
pub fn suggest_record(
    current: Option<&str>,
    ips: &[Ipv4Addr],
    cloud: Cloud,
    included_deeper: bool,
    remove: &[Removal],
) -> Option<SpfFix> {
    let include = format!("include:{}", cloud.spf_include());
    let mut reasons = Vec::new();
    let Some(current) = current else {
        let mut terms: Vec<String> = ips.iter().map(|ip| format!("ip4:{ip}")).collect();
        terms.push(include.clone());
        reasons.push(Phrase::new("fix.new-record").with("include", cloud.spf_include()));
        for ip in ips {
            reasons.push(Phrase::new("fix.add-ip").with("ip", ip.to_string()));
        }
        return Some(SpfFix {
            record: format!("v=spf1 {} -all", terms.join(" ")),
            reasons,
        });
    };
    let parsed = parse_record(current);
    if !parsed.errors.is_empty() {
        // A record with syntax errors is not patched blindly; the linter shows where.
        return None;
    }
    let covered = |ip: &Ipv4Addr| {
        parsed.terms.iter().any(|t| match &t.kind {
            TermKind::Directive {
                mechanism: Mechanism::Ip4 { network, prefix },
                qualifier,
            } => {
                *qualifier == super::record::Qualifier::Pass
                    && super::eval::in_v4(*ip, *network, *prefix)
            }
            _ => false,
        })
    };
    let has_include = included_deeper
        || parsed.terms.iter().any(|t| {
            matches!(&t.kind, TermKind::Directive { mechanism: Mechanism::Include(spec), .. }
            if spec.text.eq_ignore_ascii_case(cloud.spf_include()))
        })
        || parsed.terms.iter().any(|t| {
            matches!(&t.kind, TermKind::Modifier(Modifier::Redirect(spec))
            if spec.text.eq_ignore_ascii_case(cloud.spf_include()))
        });
    let missing_ips: Vec<&Ipv4Addr> = ips.iter().filter(|ip| !covered(ip)).collect();
    let removed = |text: &str| remove.iter().any(|r| r.term == text);
    let removing = parsed.terms.iter().any(|t| removed(parsed.term_text(t)));
    if missing_ips.is_empty() && has_include && !removing {
        return None;
    }
    for removal in remove {
        reasons.push(
            Phrase::new("fix.remove-void")
                .with("term", removal.term.as_str())
                .with("name", removal.name.as_str()),
        );
    }
    // New terms go right after "v=spf1", before any term that could match first.
    let mut additions: Vec<String> = missing_ips.iter().map(|ip| format!("ip4:{ip}")).collect();
    for ip in &missing_ips {
        reasons.push(Phrase::new("fix.add-ip").with("ip", ip.to_string()));
    }
    if !has_include {
        additions.push(include);
        reasons.push(Phrase::new("fix.add-include").with("include", cloud.spf_include()));
        let lookups = parsed.dns_term_count();
        let lookups = lookups.saturating_sub(u32::try_from(remove.len()).unwrap_or(u32::MAX));
        if lookups + 1 > super::eval::MAX_DNS_TERMS {
            reasons.push(Phrase::new("fix.over-limit").with("count", (lookups + 1).to_string()));
        }
    }
    // The record after "v=spf1" as published, less the terms removed.
    let kept: Vec<&str> = parsed
        .terms
        .iter()
        .map(|t| parsed.term_text(t))
        .filter(|text| !removed(text))
        .collect();
    let rest = if removing {
        kept.join(" ")
    } else {
        current
            .get(6..)
            .unwrap_or_default()
            .trim_start_matches(' ')
            .to_owned()
    };
    let record = std::iter::once("v=spf1".to_owned())
        .chain(additions)
        .chain((!rest.is_empty()).then_some(rest))
        .collect::<Vec<_>>()
        .join(" ");
    Some(SpfFix {
        record: record.trim_end().to_owned(),
        reasons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Ipv4Addr {
        s.parse().unwrap_or(Ipv4Addr::UNSPECIFIED)
    }

    #[test]
    fn new_record_for_a_domain_without_spf() {
        let fix = suggest_record(None, &[ip("198.51.100.7")], Cloud::Worldwide, false, &[]);
        assert_eq!(
            fix.map(|f| f.record).as_deref(),
            Some("v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all")
        );
    }

    #[test]
    fn adds_the_ip_first_and_keeps_everything_else() {
        let fix = suggest_record(
            Some("v=spf1 include:spf.protection.outlook.com include:_spf.vendor.test ~all"),
            &[ip("198.51.100.7")],
            Cloud::Worldwide,
            false,
            &[],
        );
        let Some(fix) = fix else {
            panic!("a fix is needed")
        };
        assert_eq!(
            fix.record,
            "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com include:_spf.vendor.test ~all"
        );
        assert_eq!(fix.reasons.len(), 1);
    }

    #[test]
    fn adds_the_include_for_the_cloud() {
        let fix = suggest_record(
            Some("v=spf1 ip4:198.51.100.7 -all"),
            &[ip("198.51.100.7")],
            Cloud::GccHigh,
            false,
            &[],
        );
        assert_eq!(
            fix.map(|f| f.record).as_deref(),
            Some("v=spf1 include:spf.protection.office365.us ip4:198.51.100.7 -all")
        );
    }

    #[test]
    fn nothing_to_do_when_covered() {
        let current = "v=spf1 ip4:198.51.100.0/24 include:spf.protection.outlook.com -all";
        assert_eq!(
            suggest_record(
                Some(current),
                &[ip("198.51.100.7")],
                Cloud::Worldwide,
                false,
                &[]
            ),
            None
        );
    }

    #[test]
    fn an_include_reached_deeper_is_not_added_again() {
        let current = "v=spf1 include:_spf.vendor.test -all";
        assert_eq!(
            suggest_record(Some(current), &[], Cloud::Worldwide, true, &[]),
            None
        );
    }

    #[test]
    fn says_when_the_include_breaks_the_limit() {
        let current = format!(
            "v=spf1 {} -all",
            (0..10)
                .map(|i| format!("include:i{i}.test"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let fix = suggest_record(Some(&current), &[], Cloud::Worldwide, false, &[]);
        assert!(fix
            .is_some_and(|f| f.reasons.iter().any(
                |r| r.key == "fix.over-limit" && r.render(crate::i18n::Lang::En).contains("11")
            )));
    }
}
