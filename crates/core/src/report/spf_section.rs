//! The SPF section: the include tree, the result for each device IP with the term that
//! decided it, the findings, and the record to publish.

use super::finding::{Arg, Findings, Section, Severity};
use super::lint::lint_tree;
use super::repair::verify_fix;
use super::{IpCheck, SpfSection};
use crate::cloud::Cloud;
use crate::dns::Resolver;
use crate::method::MethodId;
use crate::spf::eval::{check_host, SpfQuery, SpfResult, MAX_VOID_LOOKUPS};
use crate::spf::fix::{suggest_record, Removal};
use crate::spf::record::MechanismKind;
use crate::spf::tree::{walk_tree, NodeState};
use crate::spf::voids::void_terms;
use std::net::{IpAddr, Ipv4Addr};

use super::CheckRequest;

/// Everything SPF for the request, asked through the report's one cache.
pub(super) async fn check_spf<R: Resolver>(
    resolver: &R,
    request: &CheckRequest,
    cloud: Cloud,
    mx_method: bool,
    strict: Severity,
    findings: &mut Findings,
) -> SpfSection {
    let domain = request.domain.to_string();
    let tree = walk_tree(resolver, &request.domain, request.draft.as_deref()).await;
    let mut spf = SpfSection {
        record: tree.record().map(str::to_owned),
        lookups: tree.total_lookups,
        ..SpfSection::unknown()
    };
    let mut spf_known = true;
    match &tree.state {
        NodeState::DnsError { error } => {
            spf_known = false;
            findings.dns_error(Section::Spf, "SPF (TXT)", Arg::Resolve(error.clone()));
        }
        NodeState::NoRecord { .. } => {
            findings.add(Section::Spf, "spf-missing", strict, &[("domain", &domain)])
        }
        NodeState::Multiple { count } => findings.add(
            Section::Spf,
            "spf-multiple-records",
            Severity::Error,
            &[("domain", &domain), ("count", &count.to_string())],
        ),
        NodeState::Record { .. } | NodeState::NotWalked { .. } => {}
    }
    let void_terms = void_terms(resolver, &tree).await;
    lint_tree(&tree, cloud, &void_terms, findings, &mut spf);
    // One finding per cause: a missing or broken record is said once, by its own
    // finding, not again for each device IP it fails.
    let record_explains_failure = matches!(tree.state, NodeState::NoRecord { .. })
        || findings.list.iter().any(|f| {
            matches!(
                f.code,
                "spf-void-lookups" | "spf-too-many-lookups" | "spf-syntax" | "spf-multiple-records"
            )
        });
    if spf_known {
        // The suggestion adds only IPs known to need it. Left out: IPs whose result could
        // not be determined (a lookup in their path failed, so what could not be read may
        // authorise them), and IPs a term other than `all` already authorises (through
        // an include, a:, mx:). An IP that passes only by `+all` is still added, so the
        // record keeps working once `+all` goes.
        let mut left_out: Vec<Ipv4Addr> = Vec::new();
        for ip in &request.ips {
            let query = SpfQuery {
                ip: IpAddr::V4(*ip),
                sender: format!("postmaster@{domain}"),
                helo: domain.clone(),
                domain: domain.clone(),
                receiver: String::new(),
                timestamp: 0,
            };
            let evaluation = check_host(resolver, &query, request.draft.as_deref()).await;
            let result = evaluation.result.as_str();
            spf.result_for_ip.insert(ip.to_string(), evaluation.result);
            let decisive = evaluation
                .decisive
                .and_then(|i| evaluation.trace.get(i))
                .cloned();
            let authorised_by_a_term = evaluation.result == SpfResult::Pass
                && decisive
                    .as_ref()
                    .is_some_and(|entry| entry.mechanism != Some(MechanismKind::All));
            if authorised_by_a_term {
                left_out.push(*ip);
            }
            spf.ip_checks.push(IpCheck {
                ip: ip.to_string(),
                result: evaluation.result,
                decisive,
                lookups: evaluation.lookups,
                void_lookups: evaluation.void_lookups,
                problem: evaluation.problem.clone(),
                explanation: evaluation.explanation.clone(),
            });
            if evaluation.result == SpfResult::TempError {
                left_out.push(*ip);
                let why = evaluation.problem.map_or_else(|| Arg::from(""), Arg::Spf);
                findings.dns_error(Section::Spf, "SPF", why);
            } else if mx_method
                && evaluation.result != SpfResult::Pass
                && !(record_explains_failure
                    && matches!(evaluation.result, SpfResult::None | SpfResult::PermError))
            {
                let ip = ip.to_string();
                findings.add(
                    Section::Spf,
                    "spf-ip-not-authorized",
                    Severity::Error,
                    &[("ip", &ip), ("result", result), ("domain", &domain)],
                );
                // A new IP (the classic: the site's public IP changed) must reach the
                // IP connector too, or relay fails with 550 5.7.64 whatever SPF says.
                if request.method == Some(MethodId::RelayIp) {
                    findings.append_to_fix("finding.spf-ip-not-authorized.fix-connector");
                }
            }
        }
        let device_ips: Vec<Ipv4Addr> = if mx_method {
            request
                .ips
                .iter()
                .filter(|ip| !left_out.contains(ip))
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        let readable = !spf
            .ip_checks
            .iter()
            .any(|c| c.result == SpfResult::TempError)
            && !tree
                .walk()
                .iter()
                .any(|(_, node)| matches!(node.state, NodeState::DnsError { .. }));
        let current = match &tree.state {
            NodeState::Record { text, .. } => Some(text.as_str()),
            NodeState::NoRecord { .. } => None,
            _ => Some(""),
        };
        if current != Some("") {
            // Void terms of the checked domain's own record are the admin's to remove.
            let removals: Vec<Removal> = if void_terms.len() > MAX_VOID_LOOKUPS as usize {
                void_terms
                    .iter()
                    .filter(|v| v.domain.eq_ignore_ascii_case(&domain))
                    .map(|v| Removal {
                        term: v.term.clone(),
                        name: v.name.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if let Some(fix) = suggest_record(
                current,
                &device_ips,
                cloud,
                spf.includes_microsoft,
                &removals,
            ) {
                // Verified when everything the record reaches could be read; when a
                // lookup failed (or in paste mode, a name was not pasted) the candidate
                // cannot be proven either way and is shown as before, without asking
                // for names the record itself does not reach.
                let verdict = if readable {
                    verify_fix(resolver, &request.domain, &fix.record, &device_ips, cloud).await
                } else {
                    Ok(())
                };
                match verdict {
                    Ok(()) => {
                        spf.suggested_record = Some(fix.record);
                        spf.suggestion_reasons = fix.reasons;
                    }
                    Err(unsafe_for) => findings.add_args(
                        Section::Spf,
                        "spf-no-safe-fix",
                        Severity::Warning,
                        vec![
                            ("sender", Arg::Plain(unsafe_for.sender)),
                            ("result", Arg::from(unsafe_for.result.as_str())),
                            (
                                "problem",
                                unsafe_for.problem.map_or_else(|| Arg::from(""), Arg::Spf),
                            ),
                        ],
                    ),
                }
            }
        }
    }
    spf.tree = Some(tree);
    spf
}
