//! The RFC 7208 rules external conformance suites probe: each row names its section and
//! would fail on the engine before these rules were implemented.

use super::*;
use crate::dns::{InMemoryZone, RecordData};
use futures::executor::block_on;
use std::net::Ipv4Addr;

const CLIENT: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);

fn zone() -> InMemoryZone {
    InMemoryZone::new()
        // 5.3, 5.4, 7.1: ':' and '/' are macro-literals inside a domain-spec.
        .txt("colon.test", "v=spf1 a:foo:bar/baz.colon.test -all")
        .txt("colon-mx.test", "v=spf1 mx:foo:bar/baz.colon.test -all")
        .txt("colon-cidr.test", "v=spf1 a:foo:bar/baz.colon.test/24 -all")
        .txt(
            "colon-dual.test",
            "v=spf1 a:foo:bar/baz.colon.test/24//64 -all",
        )
        .a("foo:bar/baz.colon.test", Ipv4Addr::new(192, 0, 2, 10))
        .mx("foo:bar/baz.colon.test", 10, "mail.colon.test")
        .a("mail.colon.test", CLIENT)
        .txt("cidr-near.test", "v=spf1 a:near.colon.test/24 -all")
        .a("near.colon.test", Ipv4Addr::new(192, 0, 2, 200))
        // 5.5: ptr takes no CIDR length.
        .txt("ptr-cidr.test", "v=spf1 ptr/0 -all")
        .txt("ptr-cidr-domain.test", "v=spf1 ptr:ptr.test/24 -all")
        // 7.2, 7.3: c, r and t only in explanation text.
        .txt("exp-r.test", "v=spf1 -all exp=%{r}.example.com")
        .txt("exists-t.test", "v=spf1 exists:%{t}.example.com -all")
        .txt("redirect-c.test", "v=spf1 redirect=%{c}.example.com")
        .txt("exp-ok.test", "v=spf1 -all exp=why.exp-ok.test")
        .txt("why.exp-ok.test", "%{i} was refused by %{r} at %{t}")
        // 7.1: %%, %_ and %- are macro-expands in a domain-spec.
        .txt("escapes.test", "v=spf1 a:x%%y%_z%-w.escapes.test -all")
        .a("x%y z%20w.escapes.test", CLIENT)
        .txt("escape-end.test", "v=spf1 exists:ok.escape-end.test%% -all")
        // 7.3 and 5.5: %{p} is the validated PTR name, preferring the target domain.
        .with(
            "10.2.0.192.in-addr.arpa",
            RecordData::Ptr("other.example".into()),
        )
        .with(
            "10.2.0.192.in-addr.arpa",
            RecordData::Ptr("unvalidated.p.test".into()),
        )
        .with(
            "10.2.0.192.in-addr.arpa",
            RecordData::Ptr("mail.p.test".into()),
        )
        .a("other.example", CLIENT)
        .a("unvalidated.p.test", Ipv4Addr::new(198, 51, 100, 1))
        .a("mail.p.test", CLIENT)
        .txt("p.test", "v=spf1 exists:%{p}.allow.p.test -all")
        .a("mail.p.test.allow.p.test", Ipv4Addr::new(127, 0, 0, 2))
        .txt("p-any.test", "v=spf1 exists:%{p}.allow.p-any.test -all")
        .a(
            "other.example.allow.p-any.test",
            Ipv4Addr::new(127, 0, 0, 2),
        )
        .txt(
            "p-unknown.test",
            "v=spf1 exists:%{p}.allow.p-unknown.test -all",
        )
        .a("unknown.allow.p-unknown.test", Ipv4Addr::new(127, 0, 0, 2))
        // 4.6.4: void lookups through a:, mx: and exists: count, 2 at most.
        .txt(
            "void-a.test",
            "v=spf1 a:nx1.void.test a:nx2.void.test a:nx3.void.test -all",
        )
        .txt(
            "void-mx.test",
            "v=spf1 mx:nx1.void.test mx:nx2.void.test mx:nx3.void.test -all",
        )
        .txt(
            "void-exists.test",
            "v=spf1 exists:nx1.void.test exists:nx2.void.test exists:nx3.void.test -all",
        )
        .txt(
            "void-mixed.test",
            "v=spf1 a:nx1.void.test mx:nx2.void.test exists:nx3.void.test -all",
        )
        .txt(
            "void-two.test",
            "v=spf1 a:nx1.void.test exists:nx2.void.test ?all",
        )
}

fn check(domain: &str, ip: IpAddr) -> SpfEvaluation {
    let query = SpfQuery::mail_from(ip, &format!("user@{domain}"), "helo.example.net")
        .received_by("mx.receiver.test", 1_700_000_000);
    block_on(check_host(&zone(), &query, None))
}

fn v4(ip: Ipv4Addr) -> IpAddr {
    IpAddr::V4(ip)
}

#[test]
fn rfc_7208_rules_table() {
    use SpfResult::*;
    let mapped = IpAddr::V6(CLIENT.to_ipv6_mapped());
    let elsewhere = v4(Ipv4Addr::new(203, 0, 113, 9));
    let cases: &[(&str, IpAddr, SpfResult, &str)] = &[
        (
            "colon.test",
            v4(CLIENT),
            Pass,
            "5.3: a: with ':' and '/' in the name",
        ),
        (
            "colon.test",
            mapped,
            Pass,
            "5.3 with an IPv4-mapped IPv6 client",
        ),
        ("colon.test", elsewhere, Fail, "5.3: other address"),
        (
            "colon-mx.test",
            v4(CLIENT),
            Pass,
            "5.4: mx: with ':' and '/'",
        ),
        (
            "colon-mx.test",
            mapped,
            Pass,
            "5.4 with an IPv4-mapped client",
        ),
        (
            "colon-cidr.test",
            v4(Ipv4Addr::new(192, 0, 2, 77)),
            Pass,
            "trailing /24",
        ),
        (
            "colon-dual.test",
            v4(Ipv4Addr::new(192, 0, 2, 77)),
            Pass,
            "trailing /24//64",
        ),
        ("cidr-near.test", v4(CLIENT), Pass, "a:name/24"),
        ("ptr-cidr.test", v4(CLIENT), PermError, "5.5: ptr/0"),
        (
            "ptr-cidr-domain.test",
            v4(CLIENT),
            PermError,
            "5.5: ptr:domain/24",
        ),
        ("exp-r.test", v4(CLIENT), PermError, "7.3: %{r} in exp="),
        (
            "exists-t.test",
            v4(CLIENT),
            PermError,
            "7.3: %{t} in a mechanism",
        ),
        (
            "redirect-c.test",
            v4(CLIENT),
            PermError,
            "7.3: %{c} in redirect=",
        ),
        (
            "escapes.test",
            v4(CLIENT),
            Pass,
            "7.1: %% %_ %- in a domain-spec",
        ),
        (
            "escape-end.test",
            v4(CLIENT),
            Fail,
            "7.1: a domain-spec may end in %%",
        ),
        (
            "p.test",
            v4(CLIENT),
            Pass,
            "7.3: %{p} prefers the target domain",
        ),
        (
            "p-any.test",
            v4(CLIENT),
            Pass,
            "7.3: %{p} is any validated name otherwise",
        ),
        (
            "p-unknown.test",
            elsewhere,
            Pass,
            "7.3: unknown when no name validates",
        ),
        ("void-a.test", v4(CLIENT), PermError, "4.6.4: 3 void a:"),
        ("void-mx.test", v4(CLIENT), PermError, "4.6.4: 3 void mx:"),
        (
            "void-exists.test",
            v4(CLIENT),
            PermError,
            "4.6.4: 3 void exists:",
        ),
        (
            "void-mixed.test",
            v4(CLIENT),
            PermError,
            "4.6.4: a:, mx:, exists: together",
        ),
        (
            "void-two.test",
            v4(CLIENT),
            Neutral,
            "4.6.4: 2 voids are allowed",
        ),
    ];
    let mut failed = Vec::new();
    for (domain, ip, expected, why) in cases {
        let evaluation = check(domain, *ip);
        if evaluation.result != *expected {
            failed.push(format!(
                "{why}: {domain} for {ip} gave {:?} ({:?}), expected {expected:?}",
                evaluation.result, evaluation.problem
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn exp_only_macros_are_syntax_errors_in_domain_specs() {
    for text in [
        "v=spf1 -all exp=%{r}.example.com",
        "v=spf1 exists:%{c}.example.com -all",
        "v=spf1 a:%{t}.example.com -all",
        "v=spf1 include:%{R}.example.com -all",
        "v=spf1 redirect=%{c}.example.com",
    ] {
        let record = parse_record(text);
        assert_eq!(
            record.errors.first().map(|e| e.key),
            Some("spf.syntax.macro-exp-only"),
            "{text}"
        );
    }
    assert!(parse_record("v=spf1 -all exp=%{d}.example.com")
        .errors
        .is_empty());
}

#[test]
fn ptr_with_a_cidr_length_is_a_syntax_error() {
    for text in [
        "v=spf1 ptr/0 -all",
        "v=spf1 ptr/24",
        "v=spf1 ptr:example.com/24 -all",
    ] {
        let record = parse_record(text);
        assert!(!record.errors.is_empty(), "{text} parsed");
    }
}

#[test]
fn only_a_trailing_dual_cidr_length_is_a_cidr() {
    let record = parse_record("v=spf1 a:foo:bar/baz.example.com/24//64 mx:a/b.example.com");
    assert!(record.errors.is_empty(), "{:?}", record.errors);
    let targets: Vec<(String, Option<u8>, Option<u8>)> = record
        .terms
        .iter()
        .filter_map(|t| match &t.kind {
            TermKind::Directive {
                mechanism:
                    Mechanism::A {
                        domain,
                        cidr4,
                        cidr6,
                    }
                    | Mechanism::Mx {
                        domain,
                        cidr4,
                        cidr6,
                    },
                ..
            } => Some((
                domain.as_ref().map(|d| d.text.clone()).unwrap_or_default(),
                *cidr4,
                *cidr6,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("foo:bar/baz.example.com".to_owned(), Some(24), Some(64)),
            ("a/b.example.com".to_owned(), None, None),
        ]
    );
    for bad in [
        "v=spf1 a/33",
        "v=spf1 a//129",
        "v=spf1 a:example.com/",
        "v=spf1 mx/024",
    ] {
        assert!(!parse_record(bad).errors.is_empty(), "{bad} parsed");
    }
}

#[test]
fn the_p_macro_names_the_validated_name_in_explanations() {
    let zone = zone()
        .txt("p-exp.test", "v=spf1 -all exp=why.p-exp.test")
        .txt("why.p-exp.test", "%{p} may not send");
    let query = SpfQuery::mail_from(v4(CLIENT), "user@p-exp.test", "helo.example.net");
    let evaluation = block_on(check_host(&zone, &query, None));
    assert_eq!(evaluation.result, SpfResult::Fail);
    // No validated name is in p-exp.test, so the first validated one is used.
    assert_eq!(
        evaluation.explanation.as_deref(),
        Some("other.example may not send")
    );
}

#[test]
fn the_p_macro_validates_at_most_ten_ptr_names() {
    let mut zone = zone().txt("p-many.test", "v=spf1 exists:%{p}.allow.p-many.test -all");
    let ip = Ipv4Addr::new(198, 51, 100, 50);
    for n in 0..11 {
        let name = format!("h{n}.p-many.test");
        zone = zone.with("50.100.51.198.in-addr.arpa", RecordData::Ptr(name.clone()));
        // Only the eleventh name gives the IP back; it is beyond the limit.
        let address = if n == 10 {
            ip
        } else {
            Ipv4Addr::new(192, 0, 2, 1)
        };
        zone = zone.a(&name, address);
    }
    // Were the eleventh name validated, %{p} would find this name and pass.
    zone = zone.a(
        "h10.p-many.test.allow.p-many.test",
        Ipv4Addr::new(127, 0, 0, 2),
    );
    let query = SpfQuery::mail_from(v4(ip), "user@p-many.test", "helo.example.net");
    let evaluation = block_on(check_host(&zone, &query, None));
    assert_eq!(evaluation.result, SpfResult::Fail);
    let looked_up: Vec<&str> = evaluation
        .trace
        .iter()
        .filter_map(|e| match &e.note {
            Some(TraceNote::Name(n)) => Some(n.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        looked_up.iter().all(|n| !n.starts_with("h10")),
        "{looked_up:?}"
    );
}

#[test]
fn a_ptr_name_that_is_not_ascii_is_compared_without_panicking() {
    let ip = Ipv4Addr::new(198, 51, 100, 60);
    let zone = zone()
        .txt("ptr-odd.test", "v=spf1 ptr:ptr-odd.test -all")
        .with(
            "60.100.51.198.in-addr.arpa",
            RecordData::Ptr("é€.test".into()),
        )
        .with(
            "60.100.51.198.in-addr.arpa",
            RecordData::Ptr("ok.ptr-odd.test".into()),
        )
        .a("ok.ptr-odd.test", ip);
    let query = SpfQuery::mail_from(v4(ip), "user@ptr-odd.test", "helo.example.net");
    let evaluation = block_on(check_host(&zone, &query, None));
    assert_eq!(evaluation.result, SpfResult::Pass);
}
