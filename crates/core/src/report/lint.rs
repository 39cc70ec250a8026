//! The findings about the SPF records themselves: the tree's limits and includes, and the
//! checked domain's own record (`+all`, `?all`, `ptr`, terms after `all`, overlapping
//! ranges).

use super::finding::{Arg, Findings, Section, Severity};
use super::SpfSection;
use crate::cloud::Cloud;
use crate::spf::eval::{in_v4, MAX_DNS_TERMS, MAX_VOID_LOOKUPS};
use crate::spf::record::{parse_record, Mechanism, Qualifier, TermKind};
use crate::spf::tree::{NodeState, SpfNode};
use crate::spf::voids::VoidTerm;
use std::net::Ipv4Addr;

pub(super) fn lint_tree(
    tree: &SpfNode,
    cloud: Cloud,
    void_terms: &[VoidTerm],
    findings: &mut Findings,
    spf: &mut SpfSection,
) {
    let include = cloud.spf_include();
    for (depth, node) in tree.walk() {
        if node.domain.eq_ignore_ascii_case(include) && depth > 0 {
            spf.includes_microsoft = true;
        }
        match &node.state {
            NodeState::Multiple { count } if depth > 0 => findings.add(
                Section::Spf,
                "spf-multiple-records",
                Severity::Error,
                &[("domain", &node.domain), ("count", &count.to_string())],
            ),
            NodeState::Record {
                text,
                syntax_errors,
            } => {
                if let Some(first) = syntax_errors.first() {
                    findings.add_args(
                        Section::Spf,
                        "spf-syntax",
                        Severity::Error,
                        vec![
                            ("domain", Arg::from(node.domain.as_str())),
                            ("error", Arg::Syntax(first.clone())),
                        ],
                    );
                }
                // Only the checked domain's own record is the admin's to change.
                if depth == 0 {
                    lint_record(text, &node.domain, findings);
                }
            }
            _ => {}
        }
    }
    if tree.total_lookups > MAX_DNS_TERMS {
        findings.add(
            Section::Spf,
            "spf-too-many-lookups",
            Severity::Error,
            &[("count", &tree.total_lookups.to_string())],
        );
    }
    // RFC 7208 4.6.4: the third void lookup is the one that breaks the record.
    if let Some(breaking) = void_terms.get(MAX_VOID_LOOKUPS as usize) {
        let terms = void_terms
            .iter()
            .map(|v| v.term.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        findings.add(
            Section::Spf,
            "spf-void-lookups",
            Severity::Error,
            &[
                ("count", &void_terms.len().to_string()),
                ("terms", &terms),
                ("breaking", &breaking.term),
                ("where", &breaking.domain),
            ],
        );
    }
    if tree.record().is_some() && !spf.includes_microsoft {
        findings.add(
            Section::Spf,
            "spf-no-microsoft-include",
            Severity::Warning,
            &[("include", include)],
        );
    }
}

fn lint_record(text: &str, domain: &str, findings: &mut Findings) {
    let record = parse_record(text);
    let mut seen_all = false;
    let mut ranges: Vec<(Ipv4Addr, u8, String)> = Vec::new();
    for term in &record.terms {
        // A term is quoted, never a long stretch of the record.
        let term_text = crate::echo::shown(record.term_text(term));
        if seen_all {
            findings.add(
                Section::Spf,
                "spf-terms-after-all",
                Severity::Warning,
                &[("term", &term_text)],
            );
            break;
        }
        if let TermKind::Directive {
            qualifier,
            mechanism,
        } = &term.kind
        {
            match (qualifier, mechanism) {
                (Qualifier::Pass, Mechanism::All) => findings.add(
                    Section::Spf,
                    "spf-plus-all",
                    Severity::Error,
                    &[("domain", domain)],
                ),
                (Qualifier::Neutral, Mechanism::All) => findings.add(
                    Section::Spf,
                    "spf-neutral-all",
                    Severity::Warning,
                    &[("domain", domain)],
                ),
                (_, Mechanism::Ptr(_)) => findings.add(
                    Section::Spf,
                    "spf-ptr",
                    Severity::Warning,
                    &[("term", &term_text)],
                ),
                (_, Mechanism::Ip4 { network, prefix }) => {
                    if let Some((_, _, other)) = ranges
                        .iter()
                        .find(|(n, p, _)| in_v4(*network, *n, *p) || in_v4(*n, *network, *prefix))
                    {
                        findings.add(
                            Section::Spf,
                            "spf-duplicate-range",
                            Severity::Info,
                            &[("term", &term_text), ("other", other)],
                        );
                    }
                    ranges.push((*network, *prefix, term_text.clone()));
                }
                _ => {}
            }
            if matches!(mechanism, Mechanism::All) {
                seen_all = true;
            }
        }
    }
}
