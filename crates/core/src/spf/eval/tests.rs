//! check_host against in-memory zones, one table row per RFC 7208 rule.

use super::*;
use crate::dns::{InMemoryZone, RecordData};
use futures::executor::block_on;
use std::net::Ipv4Addr;

fn zone() -> InMemoryZone {
    let mut z = InMemoryZone::new()
        .txt(
            "example.com",
            "v=spf1 ip4:192.0.2.0/24 include:_spf.partner.test ~all",
        )
        .txt("example.com", "google-site-verification=abc")
        .txt("_spf.partner.test", "v=spf1 ip4:198.51.100.0/24 -all")
        .txt("a.test", "v=spf1 a -all")
        .a("a.test", Ipv4Addr::new(203, 0, 113, 5))
        .txt("a-cidr.test", "v=spf1 a:a.test/24 -all")
        .txt("mx.test", "v=spf1 mx -all")
        .mx("mx.test", 10, "mail1.mx.test")
        .mx("mx.test", 20, "mail2.mx.test")
        .a("mail1.mx.test", Ipv4Addr::new(203, 0, 113, 25))
        .a("mail2.mx.test", Ipv4Addr::new(203, 0, 113, 26))
        .txt("redirect.test", "v=spf1 redirect=_spf.partner.test")
        .txt(
            "redirect-all.test",
            "v=spf1 ?all redirect=_spf.partner.test",
        )
        .txt("redirect-none.test", "v=spf1 redirect=nothing.test")
        .txt("include-none.test", "v=spf1 include:nothing.test -all")
        .txt("two.test", "v=spf1 -all")
        .txt("two.test", "v=spf1 +all")
        .txt("syntax.test", "v=spf1 ip4:192.0.2.1 ip4:bad -all")
        .txt("neutral.test", "v=spf1 ip4:192.0.2.1")
        .txt("exists.test", "v=spf1 exists:%{ir}.list.exists.test -all")
        .a("7.100.51.198.list.exists.test", Ipv4Addr::new(127, 0, 0, 2))
        .txt("exp.test", "v=spf1 -all exp=why.exp.test")
        .txt(
            "why.exp.test",
            "%{i} is not one of %{d}'s designated mail servers.",
        )
        .txt("void.test", "v=spf1 a:nx1.test a:nx2.test a:nx3.test -all")
        .txt(
            "void2.test",
            "v=spf1 a:nx1.test a:nx2.test ip4:198.51.100.7 -all",
        )
        .txt("exponly.test", "v=spf1 exists:%{c}.example.com -all")
        .txt("ptr.test", "v=spf1 ptr -all")
        .with(
            "7.100.51.198.in-addr.arpa",
            RecordData::Ptr("host.ptr.test".into()),
        )
        .a("host.ptr.test", Ipv4Addr::new(198, 51, 100, 7))
        .txt("ip6.test", "v=spf1 ip6:2001:db8::/32 -all")
        .txt(
            "macro-sender.test",
            "v=spf1 exists:%{l}.users.macro-sender.test -all",
        )
        .a(
            "postmaster.users.macro-sender.test",
            Ipv4Addr::new(127, 0, 0, 2),
        )
        .servfail("broken.test")
        .txt("include-broken.test", "v=spf1 include:broken.test -all");
    // A record with 11 DNS-querying terms through nested includes.
    for i in 0..10 {
        z = z.txt(
            &format!("n{i}.limit.test"),
            &format!("v=spf1 include:n{}.limit.test", i + 1),
        );
    }
    z = z.txt("n10.limit.test", "v=spf1 ip4:198.51.100.7 -all");
    z = z.txt("limit.test", "v=spf1 include:n0.limit.test -all");
    // Exactly ten: the chain starting at n1 has ten includes (n1..n10 records: 9 includes) plus one.
    z = z.txt("ten.test", "v=spf1 include:n1.limit.test -all");
    // An mx term with 11 hosts, and one with 10 (their address lookups are not counted).
    for i in 0..11 {
        let host = format!("h{i}.mx11.test");
        z = z
            .mx("mx11.test", 10, &host)
            .a(&host, Ipv4Addr::new(203, 0, 113, 100 + i));
        if i < 10 {
            z = z.mx("mx10.test", 10, &host);
        }
    }
    z.txt("mx11.test", "v=spf1 mx -all")
        .txt("mx10.test", "v=spf1 mx -all")
}

fn check(domain: &str, ip: &str, draft: Option<&str>) -> SpfEvaluation {
    let query = SpfQuery {
        ip: ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}")),
        sender: format!("user@{domain}"),
        helo: "helo.example.net".into(),
        domain: domain.into(),
        receiver: "mx.receiver.test".into(),
        timestamp: 0,
    };
    block_on(check_host(&zone(), &query, draft))
}

#[test]
fn results_table() {
    use SpfResult::*;
    let cases: &[(&str, &str, SpfResult, &str)] = &[
        ("example.com", "192.0.2.44", Pass, "ip4 range"),
        ("example.com", "198.51.100.9", Pass, "through include"),
        ("example.com", "203.0.113.1", SoftFail, "~all"),
        ("a.test", "203.0.113.5", Pass, "a"),
        ("a.test", "203.0.113.6", Fail, "a, other address"),
        ("a-cidr.test", "203.0.113.200", Pass, "a with /24"),
        ("mx.test", "203.0.113.26", Pass, "mx second host"),
        ("mx.test", "203.0.113.27", Fail, "mx no host"),
        ("redirect.test", "198.51.100.1", Pass, "redirect"),
        ("redirect.test", "203.0.113.1", Fail, "redirect fail"),
        (
            "redirect-all.test",
            "198.51.100.1",
            Neutral,
            "redirect ignored with all",
        ),
        (
            "redirect-none.test",
            "198.51.100.1",
            PermError,
            "redirect to no record",
        ),
        (
            "include-none.test",
            "198.51.100.1",
            PermError,
            "include of no record",
        ),
        ("two.test", "198.51.100.1", PermError, "two records"),
        (
            "syntax.test",
            "192.0.2.1",
            PermError,
            "syntax error after the matching term",
        ),
        ("neutral.test", "198.51.100.1", Neutral, "nothing matched"),
        ("nothing.test", "198.51.100.1", None, "no record"),
        ("exists.test", "198.51.100.7", Pass, "exists with %{ir}"),
        ("exists.test", "198.51.100.8", Fail, "exists no"),
        ("limit.test", "198.51.100.7", PermError, "11 lookups"),
        ("ten.test", "198.51.100.7", Pass, "10 lookups"),
        ("mx11.test", "203.0.113.100", PermError, "11 MX hosts"),
        ("mx10.test", "203.0.113.109", Pass, "10 MX hosts"),
        ("void.test", "198.51.100.7", PermError, "3 void lookups"),
        ("void2.test", "198.51.100.7", Pass, "2 void lookups"),
        (
            "exponly.test",
            "198.51.100.7",
            PermError,
            "%{c} outside exp",
        ),
        ("ptr.test", "198.51.100.7", Pass, "ptr validated"),
        ("ptr.test", "198.51.100.8", Fail, "ptr without name"),
        ("ip6.test", "2001:db8::25", Pass, "ip6"),
        ("ip6.test", "2001:db9::25", Fail, "ip6 outside"),
        (
            "example.com",
            "::ffff:192.0.2.44",
            Pass,
            "IPv4-mapped IPv6 is IPv4",
        ),
        (
            "broken.test",
            "192.0.2.1",
            TempError,
            "SERVFAIL on the record",
        ),
        (
            "include-broken.test",
            "192.0.2.1",
            TempError,
            "SERVFAIL inside include",
        ),
        ("-bad-.test..", "192.0.2.1", None, "malformed domain"),
        ("localhost", "192.0.2.1", None, "single label"),
    ];
    let mut failures = Vec::new();
    for (domain, ip, expected, name) in cases {
        let got = check(domain, ip, Option::None);
        if got.result != *expected {
            failures.push(format!(
                "{name}: {domain} {ip} gave {:?} ({:?}), expected {expected:?}",
                got.result, got.problem
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lookups_are_counted_as_the_rfc_says() {
    // Includes count one each; the top-level record does not.
    assert_eq!(check("example.com", "198.51.100.9", None).lookups, 1);
    // An mx term counts one, however many hosts it resolves.
    assert_eq!(check("mx10.test", "203.0.113.109", None).lookups, 1);
    // Ten includes are allowed and counted.
    assert_eq!(check("ten.test", "198.51.100.7", None).lookups, 10);
    let over = check("limit.test", "198.51.100.7", None);
    assert_eq!(over.lookups, 11);
    assert!(over
        .problem
        .is_some_and(|p| p.to_string().contains("more than 10")));
    // exp does not count.
    assert_eq!(check("exp.test", "192.0.2.1", None).lookups, 0);
}

#[test]
fn void_lookups_are_counted_once_each() {
    let two = check("void2.test", "198.51.100.7", None);
    assert_eq!(two.void_lookups, 2);
    let three = check("void.test", "198.51.100.7", None);
    assert_eq!(three.void_lookups, 3);
}

#[test]
fn explanation_is_expanded_for_fail() {
    let result = check("exp.test", "192.0.2.1", None);
    assert_eq!(result.result, SpfResult::Fail);
    assert_eq!(
        result.explanation.as_deref(),
        Some("192.0.2.1 is not one of exp.test's designated mail servers.")
    );
}

#[test]
fn evaluation_stops_at_the_first_match_and_marks_it() {
    let result = check("example.com", "192.0.2.44", None);
    assert_eq!(result.trace.len(), 1);
    assert_eq!(result.decisive, Some(0));
    assert_eq!(result.trace[0].term, "ip4:192.0.2.0/24");
    assert_eq!(result.trace[0].outcome, TraceOutcome::Match);
    let via_include = check("example.com", "198.51.100.9", None);
    let terms: Vec<(u32, &str, &str)> = via_include
        .trace
        .iter()
        .map(|t| (t.depth, t.term.as_str(), t.outcome.as_str()))
        .collect();
    assert_eq!(
        terms,
        [
            (0, "ip4:192.0.2.0/24", "no-match"),
            (1, "ip4:198.51.100.0/24", "match"),
            (0, "include:_spf.partner.test", "match"),
        ]
    );
    assert_eq!(via_include.decisive, Some(2));
}

#[test]
fn a_draft_replaces_the_published_record() {
    let published = check("example.com", "203.0.113.1", None);
    assert_eq!(published.result, SpfResult::SoftFail);
    let draft = check(
        "example.com",
        "203.0.113.1",
        Some("v=spf1 ip4:203.0.113.1 include:_spf.partner.test -all"),
    );
    assert_eq!(draft.result, SpfResult::Pass);
    let broken_draft = check(
        "example.com",
        "203.0.113.1",
        Some("v=spf1 ip4:203.0.113.1/40 -all"),
    );
    assert_eq!(broken_draft.result, SpfResult::PermError);
}

#[test]
fn empty_sender_uses_postmaster_at_helo() {
    let query = SpfQuery {
        ip: "198.51.100.7"
            .parse()
            .unwrap_or(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST)),
        sender: String::new(),
        helo: "macro-sender.test".into(),
        domain: "macro-sender.test".into(),
        receiver: String::new(),
        timestamp: 0,
    };
    assert_eq!(
        block_on(check_host(&zone(), &query, None)).result,
        SpfResult::Pass
    );
}

/// Counts "waves": a wave starts when a lookup is sent while none is in flight. Every
/// lookup stays in flight for one poll, so lookups started together share a wave and
/// lookups awaited one after another each make their own.
struct Waves {
    zone: InMemoryZone,
    in_flight: std::cell::Cell<u32>,
    waves: std::cell::Cell<u32>,
    queries: std::cell::Cell<u32>,
}

struct YieldOnce(bool);

impl std::future::Future for YieldOnce {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            std::task::Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    }
}

impl Resolver for Waves {
    async fn lookup(
        &self,
        name: &DomainName,
        rtype: RecordType,
    ) -> Result<crate::dns::Lookup, crate::dns::ResolveError> {
        if self.in_flight.get() == 0 {
            self.waves.set(self.waves.get() + 1);
        }
        self.in_flight.set(self.in_flight.get() + 1);
        self.queries.set(self.queries.get() + 1);
        YieldOnce(false).await;
        self.in_flight.set(self.in_flight.get() - 1);
        self.zone.lookup(name, rtype).await
    }
}

/// root.test includes three records, each including two more: 10 records, 3 levels.
fn three_level_tree() -> Waves {
    let mut zone = InMemoryZone::new().txt(
        "root.test",
        "v=spf1 include:l1a.test include:l1b.test include:l1c.test -all",
    );
    for l1 in ["a", "b", "c"] {
        zone = zone.txt(
            &format!("l1{l1}.test"),
            &format!("v=spf1 include:l2{l1}1.test include:l2{l1}2.test"),
        );
        for l2 in 1..=2 {
            zone = zone.txt(&format!("l2{l1}{l2}.test"), "v=spf1 ip4:192.0.2.1");
        }
    }
    Waves {
        zone,
        in_flight: std::cell::Cell::new(0),
        waves: std::cell::Cell::new(0),
        queries: std::cell::Cell::new(0),
    }
}

#[test]
fn a_three_level_tree_costs_about_its_depth_in_round_trips() {
    let waves = three_level_tree();
    let query = SpfQuery {
        ip: "203.0.113.9"
            .parse()
            .unwrap_or(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST)),
        sender: "user@root.test".into(),
        helo: "helo.test".into(),
        domain: "root.test".into(),
        receiver: String::new(),
        timestamp: 0,
    };
    let result = block_on(check_host(&waves, &query, None));
    assert_eq!(result.result, SpfResult::Fail);
    // Counting still follows evaluation order: 3 + 6 includes.
    assert_eq!(result.lookups, 9);
    // 10 records, each asked once, in 3 waves (one per level) instead of 10.
    assert_eq!(waves.queries.get(), 10);
    assert_eq!(
        waves.waves.get(),
        3,
        "lookups were not started together per level"
    );
}

#[test]
fn walking_the_whole_tree_also_costs_one_round_trip_per_level() {
    let waves = three_level_tree();
    let root = DomainName::parse("root.test").unwrap_or_else(|e| panic!("{e}"));
    let tree = block_on(crate::spf::tree::walk_tree(&waves, &root, None));
    assert_eq!(tree.total_lookups, 9);
    assert_eq!(tree.walk().len(), 10);
    // Children of different parents on one level go out together: 3 waves, not 1 + 1 + 3.
    assert_eq!(waves.queries.get(), 10);
    assert_eq!(waves.waves.get(), 3);
    // Record order is kept.
    let names: Vec<&str> = tree.walk().iter().map(|(_, n)| n.domain.as_str()).collect();
    assert_eq!(
        names,
        [
            "root.test",
            "l1a.test",
            "l2a1.test",
            "l2a2.test",
            "l1b.test",
            "l2b1.test",
            "l2b2.test",
            "l1c.test",
            "l2c1.test",
            "l2c2.test"
        ]
    );
}

/// The trace records which mechanism each term is, so a report can tell whether `all`
/// decided a result without reading the term's text again.
#[test]
fn the_trace_records_each_terms_mechanism_and_outcome() {
    let zone = InMemoryZone::new().txt("m.test", "v=spf1 ip4:192.0.2.1 +ALL");
    let query = |ip: &str| {
        SpfQuery::mail_from(
            ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}")),
            "u@m.test",
            "",
        )
    };
    let by_ip4 = block_on(check_host(&zone, &query("192.0.2.1"), None));
    let by_all = block_on(check_host(&zone, &query("192.0.2.9"), None));
    let decisive = |e: &SpfEvaluation| {
        e.decisive
            .and_then(|i| e.trace.get(i))
            .map(|t| (t.mechanism, t.outcome))
    };
    assert_eq!(
        decisive(&by_ip4),
        Some((Some(MechanismKind::Ip4), TraceOutcome::Match))
    );
    assert_eq!(
        decisive(&by_all),
        Some((Some(MechanismKind::All), TraceOutcome::Match))
    );
    assert_eq!(
        by_all.trace.first().map(|t| t.outcome),
        Some(TraceOutcome::NoMatch)
    );
}
