//! The DKIM section: one zone per finding code, the rule each record matches, and the
//! "could not check" rule.

use super::tests::with_dkim;
use super::*;
use crate::dkim::test_keys::{ED25519, RSA_1024, RSA_2048, RSA_512};
use crate::dns::InMemoryZone;
use crate::i18n::Lang;
use futures::executor::block_on;

const DOMAIN: &str = "d.test";
const S1: &str = "selector1._domainkey.d.test";
const S2: &str = "selector2._domainkey.d.test";
const T1: &str = "selector1-d-test._domainkey.contoso.onmicrosoft.com";
const T2: &str = "selector2-d-test._domainkey.contoso.onmicrosoft.com";

/// MX, SPF and DMARC all fine, and no DKIM record at all.
fn bare() -> InMemoryZone {
    InMemoryZone::new()
        .mx(DOMAIN, 0, "d-test.mail.protection.outlook.com")
        .txt(DOMAIN, "v=spf1 include:spf.protection.outlook.com -all")
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt("_dmarc.d.test", "v=DMARC1; p=reject")
}

fn key(p: &str) -> String {
    format!("v=DKIM1; k=rsa; p={p}")
}

fn check(zone: &InMemoryZone, method: Option<MethodId>, cloud: Cloud) -> Report {
    let request = CheckRequest {
        domain: DomainName::parse(DOMAIN).unwrap(),
        ips: Vec::new(),
        method,
        cloud: Some(cloud),
        draft: None,
    };
    block_on(check_domain(zone, &request))
}

fn dkim_codes(report: &Report) -> Vec<(&'static str, Severity)> {
    report
        .findings_in(Section::Dkim)
        .map(|f| (f.code, f.severity))
        .collect()
}

#[test]
fn each_dkim_finding_from_its_zone() {
    use Severity::*;
    let two = |zone: InMemoryZone| zone.cname(S1, T1).cname(S2, T2);
    let classic = || two(bare()).txt(T1, &key(RSA_2048));
    type Case = (
        &'static str,
        InMemoryZone,
        Option<MethodId>,
        Vec<(&'static str, Severity)>,
    );
    let cases: Vec<Case> = vec![
        ("healthy", classic(), None, vec![]),
        (
            "healthy, both keys",
            classic().txt(T2, &key(RSA_2048)),
            None,
            vec![],
        ),
        ("none", bare(), None, vec![("dkim-missing", Warning)]),
        (
            "none, relay",
            bare(),
            Some(MethodId::RelayIp),
            vec![("dkim-missing", Warning)],
        ),
        // Direct Send mail is internal and unsigned anyway.
        (
            "none, Direct Send",
            bare(),
            Some(MethodId::DirectSend),
            vec![("dkim-missing", Info)],
        ),
        (
            "TXT at the selector",
            bare().txt(S1, &key(RSA_2048)),
            None,
            vec![("dkim-txt-not-cname", Warning)],
        ),
        (
            "selector2 missing",
            bare().cname(S1, T1).txt(T1, &key(RSA_2048)),
            None,
            vec![("dkim-selector2-missing", Info)],
        ),
        (
            "selector1 missing",
            bare().cname(S2, T2).txt(T2, &key(RSA_2048)),
            None,
            vec![("dkim-selector1-missing", Info)],
        ),
        (
            "two tenants",
            bare()
                .cname(S1, T1)
                .cname(S2, "selector2-d-test._domainkey.fabrikam.onmicrosoft.com")
                .txt(T1, &key(RSA_2048)),
            None,
            vec![("dkim-tenant-differs", Warning)],
        ),
        (
            "swapped",
            bare().cname(S1, T2).cname(S2, T1).txt(T1, &key(RSA_2048)),
            None,
            vec![
                ("dkim-selector-swapped", Warning),
                ("dkim-selector-swapped", Warning),
            ],
        ),
        (
            "prefix keeps .onmicrosoft.com",
            bare()
                .cname(
                    S1,
                    "selector1-d-test._domainkey.contoso.onmicrosoft.com.r-v1.dkim.mail.microsoft",
                )
                .cname(S2, T2)
                .txt(T2, &key(RSA_2048)),
            None,
            vec![("dkim-target-malformed", Warning)],
        ),
        (
            "another provider",
            bare()
                .cname(S1, "s1.dkim.gateway.example")
                .cname(S2, "s2.dkim.gateway.example")
                .txt("s1.dkim.gateway.example", &key(RSA_2048)),
            None,
            vec![("dkim-other-provider", Info), ("dkim-other-provider", Info)],
        ),
        (
            "no key anywhere",
            two(bare()),
            None,
            vec![("dkim-no-key", Warning)],
        ),
        (
            "unusable key",
            two(bare()).txt(T1, "v=DKIM1; k=rsa; p=not*base64"),
            None,
            vec![("dkim-key-invalid", Error), ("dkim-no-key", Warning)],
        ),
        (
            "512-bit key",
            two(bare()).txt(T1, &key(RSA_512)),
            None,
            vec![("dkim-weak-key", Error), ("dkim-no-key", Warning)],
        ),
        (
            "1024-bit key",
            two(bare()).txt(T1, &key(RSA_1024)),
            None,
            vec![("dkim-key-1024", Info)],
        ),
        (
            "retired selector revoked",
            classic().txt(T2, "v=DKIM1; k=rsa; p="),
            None,
            vec![("dkim-key-revoked", Info)],
        ),
        (
            "only key revoked",
            two(bare()).txt(T1, "v=DKIM1; p="),
            None,
            vec![("dkim-key-revoked", Info), ("dkim-no-key", Warning)],
        ),
        (
            "SHA-1 only",
            two(bare()).txt(T1, &format!("v=DKIM1; h=sha1; p={RSA_2048}")),
            None,
            vec![("dkim-key-sha1-only", Warning), ("dkim-no-key", Warning)],
        ),
        (
            "testing",
            two(bare()).txt(T1, &format!("v=DKIM1; t=y; p={RSA_2048}")),
            None,
            vec![("dkim-key-testing", Info)],
        ),
        (
            "Ed25519 beside RSA",
            classic().txt(T2, &format!("v=DKIM1; k=ed25519; p={ED25519}")),
            None,
            vec![],
        ),
    ];
    let mut failures = Vec::new();
    for (name, zone, method, expected) in cases {
        let report = check(&zone, method, Cloud::Worldwide);
        let mut found = dkim_codes(&report);
        let mut want = expected.clone();
        found.sort();
        want.sort();
        if found != want {
            failures.push(format!("{name}: expected {want:?}, got {found:?}"));
        }
        for finding in report.findings_in(Section::Dkim) {
            for text in [
                finding.message(Lang::En),
                finding.fix(Lang::En),
                finding.message(Lang::Vi),
            ] {
                if text.starts_with("finding.") || text.contains('{') {
                    failures.push(format!("{name}: {} is not worded: {text}", finding.code));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_failed_look_up_leaves_dkim_unknown_and_claims_nothing() {
    for failing in [S1, S2, T1] {
        let zone = bare()
            .cname(S1, T1)
            .cname(S2, T2)
            .txt(T1, &key(RSA_2048))
            .servfail(failing);
        let report = check(&zone, None, Cloud::Worldwide);
        assert_eq!(
            report.status(Section::Dkim),
            Status::CouldNotCheck,
            "{failing}"
        );
        let codes: Vec<_> = report.findings_in(Section::Dkim).map(|f| f.code).collect();
        assert!(
            codes.iter().all(|c| !matches!(
                *c,
                "dkim-missing"
                    | "dkim-no-key"
                    | "dkim-selector1-missing"
                    | "dkim-selector2-missing"
            )),
            "{failing}: {codes:?}"
        );
    }
    // A lookup that fails is never "no record".
    let report = check(&bare().servfail(S1).servfail(S2), None, Cloud::Worldwide);
    assert_eq!(report.status(Section::Dkim), Status::CouldNotCheck);
    assert!(report
        .dkim
        .selectors
        .iter()
        .all(|s| s.published == Published::Unknown));
}

#[test]
fn each_record_says_the_rule_it_matches_and_its_key() {
    let partitioned = "selector1-d-test._domainkey.contoso.r-v1.dkim.mail.microsoft";
    let zone = bare()
        .cname(S1, partitioned)
        .cname(S2, T2)
        .txt(partitioned, &key(RSA_2048))
        .txt(T2, &key(RSA_1024));
    let report = check(&zone, None, Cloud::Worldwide);
    let rows: Vec<_> = report
        .dkim
        .selectors
        .iter()
        .map(|s| {
            (
                s.target().map(str::to_owned),
                s.rule(Lang::En),
                s.key_words(Lang::En),
            )
        })
        .collect();
    assert_eq!(rows[0].0.as_deref(), Some(partitioned));
    assert!(
        rows[0].1.contains("since May 2025") && rows[0].1.contains("tenant contoso"),
        "{rows:?}"
    );
    assert!(rows[0].1.contains("r-v1"), "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some("RSA, 2048 bits"));
    assert!(rows[1].1.contains("classic"), "{rows:?}");
    assert_eq!(rows[1].2.as_deref(), Some("RSA, 1024 bits"));
    // A Microsoft 365 tenant's own record is never rebuilt: what is shown is what is published.
    assert_eq!(report.dkim.selectors[1].target(), Some(T2));
    assert_eq!(
        report.dkim.selectors[0].key_record(),
        Some(key(RSA_2048).as_str())
    );
}

#[test]
fn the_meaning_follows_the_method() {
    let zone = with_dkim(bare(), DOMAIN);
    let meaning = |method| {
        check(&zone, method, Cloud::Worldwide)
            .dkim
            .meaning
            .map(|m| m.render(Lang::En))
    };
    let direct = meaning(Some(MethodId::DirectSend)).unwrap_or_default();
    assert!(direct.contains("does not need to be"), "{direct}");
    let relay = meaning(Some(MethodId::RelayCert)).unwrap_or_default();
    assert!(relay.contains("DKIM-Signature"), "{relay}");
    let submission = meaning(Some(MethodId::ClientSubmission)).unwrap_or_default();
    assert!(submission.contains("aligned DKIM"), "{submission}");
}

/// GCC High, DoD and 21Vianet targets are not documented: an unfamiliar one is never
/// called malformed there.
#[test]
fn sovereign_clouds_are_not_judged_by_the_worldwide_shapes() {
    let odd = "selector1-d-test._domainkey.contoso.onmicrosoft.us.dkim.mail.microsoft";
    let zone = bare().cname(S1, odd).cname(S2, T2).txt(odd, &key(RSA_2048));
    let worldwide = dkim_codes(&check(&zone, None, Cloud::Worldwide));
    assert!(
        worldwide.contains(&("dkim-target-malformed", Severity::Warning)),
        "{worldwide:?}"
    );
    let gcc_high = dkim_codes(&check(&zone, None, Cloud::GccHigh));
    assert_eq!(gcc_high, vec![("dkim-target-unverified", Severity::Info)]);
}
