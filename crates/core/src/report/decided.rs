//! The terms that decided the device IPs' results, found in the record of one include
//! tree node by the byte spans check_host kept, so a screen can mark the very term
//! (`ip4:198.51.100.0/24`, `-all`) and not only the node (review J4-8).

use super::IpCheck;
use crate::spf::eval::SpfResult;
use crate::spf::record::parse_record;
use std::ops::Range;

/// One term of a node's record that decided a result, with the IPs it decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedTerm {
    /// Bytes of the node's record text.
    pub span: Range<usize>,
    pub term: String,
    pub result: SpfResult,
    /// The IPs, in the order checked.
    pub ips: Vec<String>,
}

/// A piece of a node's record as shown: plain text, or the term at `decided[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPiece {
    pub text: String,
    pub decided: Option<usize>,
}

/// The terms of the record `text` of the tree node for `domain` at `depth` (0 for the
/// checked domain) that decided each IP's result, in record order. IPs decided by the
/// same term with the same result share one entry.
pub fn decided_terms(checks: &[IpCheck], domain: &str, depth: u32, text: &str) -> Vec<DecidedTerm> {
    let mut terms: Vec<DecidedTerm> = Vec::new();
    for check in checks {
        let Some(entry) = &check.decisive else {
            continue;
        };
        if entry.depth != depth || !entry.domain.eq_ignore_ascii_case(domain) {
            continue;
        }
        let Some(span) = span_in(text, &entry.term, entry.span.clone()) else {
            continue;
        };
        match terms
            .iter_mut()
            .find(|t| t.span == span && t.result == check.result)
        {
            Some(known) => known.ips.push(check.ip.clone()),
            None => terms.push(DecidedTerm {
                span,
                term: entry.term.clone(),
                result: check.result,
                ips: vec![check.ip.clone()],
            }),
        }
    }
    terms.sort_by_key(|t| t.span.start);
    terms
}

/// Where `term` stands in `text`: the span check_host kept when it still points at the
/// term, otherwise the first term of the record that reads the same (a span is only
/// trusted when it matches, so a record that changed between lookups marks nothing
/// wrong).
fn span_in(text: &str, term: &str, kept: Option<Range<usize>>) -> Option<Range<usize>> {
    if let Some(span) = kept.filter(|span| text.get(span.clone()) == Some(term)) {
        return Some(span);
    }
    let record = parse_record(text);
    record
        .terms
        .iter()
        .find(|t| record.term_text(t) == term)
        .map(|t| t.span.clone())
}

/// `text` cut into plain pieces and the decided terms (overlapping terms are marked
/// once), in order.
pub fn record_pieces(text: &str, decided: &[DecidedTerm]) -> Vec<RecordPiece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for (index, term) in decided.iter().enumerate() {
        let (start, end) = (term.span.start, term.span.end);
        if start < at {
            continue;
        }
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            pieces.push(RecordPiece {
                text: before.to_owned(),
                decided: None,
            });
        }
        pieces.push(RecordPiece {
            text: marked.to_owned(),
            decided: Some(index),
        });
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        pieces.push(RecordPiece {
            text: rest.to_owned(),
            decided: None,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::eval::{TraceEntry, TraceOutcome};

    fn check(
        ip: &str,
        result: SpfResult,
        domain: &str,
        depth: u32,
        term: &str,
        span: Option<Range<usize>>,
    ) -> IpCheck {
        IpCheck {
            ip: ip.to_owned(),
            result,
            decisive: Some(TraceEntry {
                depth,
                domain: domain.to_owned(),
                term: term.to_owned(),
                outcome: TraceOutcome::Match,
                mechanism: None,
                span,
                lookups: 0,
                note: None,
            }),
            lookups: 0,
            void_lookups: 0,
            problem: None,
            explanation: None,
        }
    }

    const ROOT: &str = "v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all";

    #[test]
    fn each_deciding_term_of_the_node_is_found_with_its_ips_and_result() {
        let checks = [
            check(
                "198.51.100.7",
                SpfResult::Fail,
                "contoso.com",
                0,
                "-all",
                Some(59..63),
            ),
            check(
                "203.0.113.10",
                SpfResult::Pass,
                "contoso.com",
                0,
                "ip4:203.0.113.10",
                Some(7..23),
            ),
            check(
                "198.51.100.8",
                SpfResult::Fail,
                "contoso.com",
                0,
                "-all",
                Some(59..63),
            ),
            // Decided elsewhere in the tree: not this node's.
            check(
                "192.0.2.1",
                SpfResult::Pass,
                "spf.protection.outlook.com",
                1,
                "ip4:192.0.2.0/24",
                Some(7..23),
            ),
        ];
        let terms = decided_terms(&checks, "Contoso.com", 0, ROOT);
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].term, "ip4:203.0.113.10");
        assert_eq!(terms[0].result, SpfResult::Pass);
        assert_eq!(terms[1].term, "-all");
        assert_eq!(terms[1].ips, ["198.51.100.7", "198.51.100.8"]);
        let pieces = record_pieces(ROOT, &terms);
        let marked: Vec<_> = pieces
            .iter()
            .filter(|p| p.decided.is_some())
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["ip4:203.0.113.10", "-all"]);
        assert_eq!(
            pieces.iter().map(|p| p.text.as_str()).collect::<String>(),
            ROOT
        );
    }

    #[test]
    fn a_span_that_no_longer_points_at_the_term_falls_back_to_the_term_itself() {
        let checks = [check(
            "198.51.100.7",
            SpfResult::SoftFail,
            "contoso.com",
            0,
            "~all",
            Some(0..4),
        )];
        let text = "v=spf1 mx ~all";
        let terms = decided_terms(&checks, "contoso.com", 0, text);
        assert_eq!(terms[0].span, 10..14);
        // A term the record does not hold marks nothing.
        let gone = [check(
            "198.51.100.7",
            SpfResult::Fail,
            "contoso.com",
            0,
            "-all",
            Some(99..103),
        )];
        assert!(decided_terms(&gone, "contoso.com", 0, text).is_empty());
        assert_eq!(
            record_pieces(text, &[]),
            [RecordPiece {
                text: text.to_owned(),
                decided: None
            }]
        );
    }

    #[test]
    fn check_host_keeps_the_span_of_the_deciding_term_and_of_a_redirect() {
        use crate::dns::demo::{demo_zone, DEMO_DOMAIN};
        use crate::dns::DomainName;
        use crate::report::{check_domain, CheckRequest};
        let zone = demo_zone()
            .txt(
                "redirected.example",
                "v=spf1 redirect=smarthost-demo.example",
            )
            .txt(
                "nowhere.example",
                "v=spf1 mx:x.example redirect=void.example",
            );
        let request = |domain: &str| CheckRequest {
            domain: DomainName::parse(domain).unwrap(),
            ips: vec![
                "203.0.113.10".parse().unwrap(),
                "198.51.100.7".parse().unwrap(),
            ],
            method: None,
            cloud: None,
            draft: None,
        };
        let report = futures::executor::block_on(check_domain(&zone, &request(DEMO_DOMAIN)));
        let root = "v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all";
        let spans: Vec<_> = report
            .spf
            .ip_checks
            .iter()
            .map(|c| c.decisive.as_ref().and_then(|d| d.span.clone()))
            .collect();
        assert_eq!(spans, [Some(7..23), Some(59..63)]);
        let terms = decided_terms(&report.spf.ip_checks, DEMO_DOMAIN, 0, root);
        assert_eq!(
            terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(),
            ["ip4:203.0.113.10", "-all"]
        );
        let redirected =
            futures::executor::block_on(check_domain(&zone, &request("redirected.example")));
        let decisive = redirected.spf.ip_checks[1].decisive.clone().unwrap();
        // The fail is decided inside the redirect's target, at the same depth.
        assert_eq!(
            (decisive.domain.as_str(), decisive.span),
            (DEMO_DOMAIN, Some(59..63))
        );
        // A redirect to a name without a record decides a permerror itself.
        let nowhere = futures::executor::block_on(check_domain(&zone, &request("nowhere.example")));
        let decisive = nowhere.spf.ip_checks[0].decisive.clone().unwrap();
        assert_eq!(
            (decisive.term.as_str(), decisive.span),
            ("redirect=void.example", Some(20..41))
        );
    }
}
