//! RFC 7208 2.3, 2.4 and 4.3: which domain is checked, and HELO before MAIL FROM.

use super::*;
use crate::dns::{DomainName, InMemoryZone, Lookup, RecordType, ResolveError};
use futures::executor::block_on;
use std::cell::Cell;

/// Counts the questions asked, so "no lookup" can be asserted.
struct Counting {
    zone: InMemoryZone,
    asked: Cell<u32>,
}

impl Resolver for Counting {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        self.asked.set(self.asked.get() + 1);
        self.zone.lookup(name, rtype).await
    }
}

fn zone() -> Counting {
    Counting {
        zone: InMemoryZone::new()
            .txt("example.net", "v=spf1 +all")
            .txt("helo-none.test", "v=something-else")
            .txt("helo-neutral.test", "v=spf1 ?all")
            .txt("helo-softfail.test", "v=spf1 ~all")
            .txt("helo-fail.test", "v=spf1 -all")
            .txt("helo-pass.test", "v=spf1 ip4:192.0.2.1 -all")
            .txt("from-fail.test", "v=spf1 -all")
            .txt("from-pass.test", "v=spf1 ip4:192.0.2.1 -all")
            .txt("from-all.test", "v=spf1 +all"),
        asked: Cell::new(0),
    }
}

fn ip() -> IpAddr {
    IpAddr::from([192, 0, 2, 1])
}

#[test]
fn a_malformed_sender_domain_is_none_without_a_look_up() {
    let long_label = format!("user@{}.example.net", "a".repeat(64));
    for sender in [
        "user@example.net....",
        "user@example..net",
        "user@.example.net",
        long_label.as_str(),
        "user@[192.0.2.1]",
        "user@192.0.2.1",
        "user@localhost",
    ] {
        let resolver = zone();
        let query = SpfQuery::mail_from(ip(), sender, "mail.example.net");
        let evaluation = block_on(check_host(&resolver, &query, None));
        assert_eq!(evaluation.result, SpfResult::None, "{sender}");
        assert_eq!(resolver.asked.get(), 0, "{sender} asked DNS");
    }
}

#[test]
fn one_trailing_dot_is_the_root_and_is_dropped() {
    let resolver = zone();
    let query = SpfQuery::mail_from(ip(), "user@example.net.", "h.example.net");
    assert_eq!(query.domain, "example.net");
    let evaluation = block_on(check_host(&resolver, &query, None));
    assert_eq!(evaluation.result, SpfResult::Pass);
}

#[test]
fn a_null_reverse_path_checks_the_helo_name() {
    let query = SpfQuery::mail_from(ip(), "", "Helo-Pass.test.");
    assert_eq!(query.domain, "helo-pass.test");
    assert_eq!(query.sender, "");
    let evaluation = block_on(check_host(&zone(), &query, None));
    assert_eq!(evaluation.result, SpfResult::Pass);
}

#[test]
fn helo_is_checked_first_and_only_its_fail_is_final() {
    // (HELO, MAIL FROM, result, identity that decided)
    let table = [
        (
            "helo-none.test",
            "u@from-fail.test",
            SpfResult::Fail,
            Identity::MailFrom,
        ),
        (
            "helo-neutral.test",
            "u@from-fail.test",
            SpfResult::Fail,
            Identity::MailFrom,
        ),
        (
            "helo-softfail.test",
            "u@from-pass.test",
            SpfResult::Pass,
            Identity::MailFrom,
        ),
        (
            "helo-fail.test",
            "u@from-all.test",
            SpfResult::Fail,
            Identity::Helo,
        ),
        (
            "helo-pass.test",
            "u@from-fail.test",
            SpfResult::Fail,
            Identity::MailFrom,
        ),
        (
            "helo-pass.test",
            "u@from-pass.test",
            SpfResult::Pass,
            Identity::MailFrom,
        ),
        ("helo-neutral.test", "", SpfResult::Neutral, Identity::Helo),
        ("", "u@from-pass.test", SpfResult::Pass, Identity::MailFrom),
    ];
    let mut failed = Vec::new();
    for (helo, mail_from, result, by) in table {
        let checks = block_on(check_helo_then_mail_from(
            &zone(),
            ip(),
            helo,
            mail_from,
            ("mx.example.org", 0),
        ));
        if (checks.result, checks.decided_by) != (result, by) {
            failed.push(format!(
                "{helo} / {mail_from}: {:?} by {:?}, expected {result:?} by {by:?}",
                checks.result, checks.decided_by
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_helo_fail_spares_the_mail_from_look_ups() {
    let resolver = zone();
    let checks = block_on(check_helo_then_mail_from(
        &resolver,
        ip(),
        "helo-fail.test",
        "u@from-all.test",
        ("", 0),
    ));
    assert!(checks.mail_from.is_none());
    assert_eq!(resolver.asked.get(), 1);
}
