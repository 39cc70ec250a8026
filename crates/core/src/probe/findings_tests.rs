//! The probe's findings, one scenario per row: what the dialogue saw, and the codes.

use super::*;
use crate::date::Date;
use crate::i18n::{self, Lang};
use crate::report::Severity;

fn today() -> Date {
    Date::parse("2026-12-02").unwrap()
}

fn reply(code: u16, lines: &[&str]) -> Reply {
    Reply {
        code,
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
    }
}

fn target(text: &str) -> Target {
    target::parse(text).unwrap()
}

/// A Postfix-like relay on 25 that offers STARTTLS and a good certificate.
fn good(text: &str) -> Probe {
    let mut p = Probe::new(&target(text), 5000);
    p.connect = Connect::Connected;
    p.banner = Some(reply(220, &["mail.test ESMTP"]));
    p.ehlo = Some(reply(250, &["mail.test", "PIPELINING", "STARTTLS"]));
    p.starttls = StartTls::Accepted;
    p.starttls_reply = Some(reply(220, &["2.0.0 Ready to start TLS"]));
    p.tls = Some(Tls::Negotiated {
        version: TlsVersion::Tls13,
        cipher: "TLS13_AES_256_GCM_SHA384".to_owned(),
    });
    p.certificate = Some(Certificate {
        subject_cn: Some("mail.test".to_owned()),
        issuer: "CN=Public CA".to_owned(),
        names: vec!["mail.test".to_owned(), "*.mail.test".to_owned()],
        not_before: Date::parse("2026-06-01").unwrap(),
        not_after: Date::parse("2027-06-01").unwrap(),
        trust: Trust::Trusted,
    });
    p.ehlo_tls = Some(reply(250, &["mail.test", "PIPELINING"]));
    p
}

fn codes(probe: &Probe) -> Vec<&'static str> {
    findings(probe, today()).iter().map(|f| f.code).collect()
}

#[test]
fn scenarios() {
    let rows: Vec<(&str, Probe, Vec<&str>)> = vec![
        (
            "a relay with everything right",
            good("mail.test"),
            vec!["auth-none"],
        ),
        (
            "port 25 times out",
            {
                let mut p = Probe::new(&target("contoso-com.mail.protection.outlook.com"), 3000);
                p.connect = Connect::TimedOut;
                p
            },
            vec!["connect-timeout", "port25-blocked"],
        ),
        (
            "port 25 refused",
            {
                let mut p = Probe::new(&target("127.0.0.1:25"), 3000);
                p.connect = Connect::Refused;
                p
            },
            vec!["connect-refused", "port25-blocked"],
        ),
        (
            "587 refused is not the port 25 block",
            {
                let mut p = Probe::new(&target("smtp.office365.com"), 3000);
                p.connect = Connect::Refused;
                p
            },
            vec!["connect-refused"],
        ),
        (
            "no address",
            {
                let mut p = Probe::new(&target("nowhere.test"), 3000);
                p.connect = Connect::NoAddress;
                p
            },
            vec!["host-not-found"],
        ),
        (
            "no route",
            {
                let mut p = Probe::new(&target("nowhere.test"), 3000);
                p.connect = Connect::Unreachable;
                p
            },
            vec!["connect-unreachable"],
        ),
        (
            "a 554 greeting",
            {
                let mut p = Probe::new(&target("mail.test"), 3000);
                p.connect = Connect::Connected;
                p.banner = Some(reply(554, &["5.7.1 go away"]));
                p
            },
            vec!["banner-refused"],
        ),
        (
            "EHLO refused",
            {
                let mut p = good("mail.test");
                p.ehlo = Some(reply(502, &["5.5.2 no"]));
                p.starttls = StartTls::NotReached;
                p.tls = None;
                p.certificate = None;
                p.ehlo_tls = None;
                p
            },
            vec!["ehlo-refused"],
        ),
        (
            "no STARTTLS, AUTH in the clear",
            {
                let mut p = good("mail.test:2525");
                p.ehlo = Some(reply(250, &["mail.test", "AUTH PLAIN LOGIN"]));
                p.starttls = StartTls::NotOffered;
                p.starttls_reply = None;
                p.tls = None;
                p.certificate = None;
                p.ehlo_tls = None;
                p
            },
            vec!["starttls-missing", "auth-before-tls"],
        ),
        (
            "STARTTLS refused",
            {
                let mut p = good("mail.test");
                p.starttls = StartTls::Refused;
                p.starttls_reply = Some(reply(454, &["4.7.0 TLS not available"]));
                p.tls = None;
                p.certificate = None;
                p.ehlo_tls = None;
                p
            },
            vec!["starttls-refused"],
        ),
        (
            "TLS 1.0 only",
            {
                let mut p = good("mail.test");
                p.tls = Some(Tls::LegacyOnly {
                    server_version: TlsVersion::Tls10,
                });
                p.certificate = None;
                p.ehlo_tls = None;
                p
            },
            vec!["tls-legacy-only"],
        ),
        (
            "another handshake failure",
            {
                let mut p = good("mail.test");
                p.tls = Some(Tls::Failed {
                    cause: "received fatal alert: HandshakeFailure".to_owned(),
                    server_version: Some(TlsVersion::Tls12),
                });
                p.certificate = None;
                p.ehlo_tls = None;
                p
            },
            vec!["tls-failed"],
        ),
        (
            "self-signed, another name, ending soon",
            {
                let mut p = good("relay.contoso.test");
                if let Some(c) = p.certificate.as_mut() {
                    c.trust = Trust::UnknownIssuer;
                    c.not_after = Date::parse("2026-12-20").unwrap();
                }
                p
            },
            vec![
                "cert-name-mismatch",
                "cert-expires-soon",
                "cert-untrusted",
                "auth-none",
            ],
        ),
        (
            "expired",
            {
                let mut p = good("mail.test");
                if let Some(c) = p.certificate.as_mut() {
                    c.trust = Trust::Expired;
                    c.not_after = Date::parse("2026-12-01").unwrap();
                }
                p
            },
            vec!["cert-expired", "auth-none"],
        ),
        (
            "not yet valid",
            {
                let mut p = good("a.mail.test");
                if let Some(c) = p.certificate.as_mut() {
                    c.trust = Trust::NotYetValid;
                    c.not_before = Date::parse("2026-12-03").unwrap();
                }
                p
            },
            vec!["cert-not-yet-valid", "auth-none"],
        ),
        (
            "submission with passwords only",
            {
                let mut p = good("mail.test:587");
                p.ehlo_tls = Some(reply(250, &["mail.test", "AUTH LOGIN PLAIN"]));
                p
            },
            vec!["auth-no-oauth"],
        ),
        (
            "submission with OAuth",
            {
                let mut p = good("mail.test:587");
                p.ehlo_tls = Some(reply(250, &["mail.test", "AUTH LOGIN XOAUTH2"]));
                p
            },
            vec!["auth-oauth"],
        ),
        (
            "the dialogue stops at the banner",
            {
                let mut p = Probe::new(&target("mail.test"), 3000);
                p.connect = Connect::Connected;
                p.interrupted = Some(Interruption {
                    step: Step::Banner,
                    cause: Cause::TimedOut,
                });
                p
            },
            vec!["dialogue-stopped"],
        ),
    ];
    let mut failures = Vec::new();
    for (name, probe, expected) in rows {
        let got = codes(&probe);
        if got != expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_sign_in_matters_on_a_submission_host_only() {
    let severity = |text| {
        findings(&good(text), today())
            .into_iter()
            .find(|f| f.code == "auth-none")
            .map(|f| f.severity)
    };
    assert_eq!(severity("mail.test"), Some(Severity::Info));
    assert_eq!(severity("mail.test:587"), Some(Severity::Warning));
}

/// Every finding and every key a finding names has words in both languages, with the
/// values filled in (no `{placeholder}` left).
#[test]
fn every_finding_is_worded_in_both_languages() {
    let mut all = Vec::new();
    let mut legacy = good("relay.other.test:587");
    legacy.ehlo = Some(reply(250, &["x", "AUTH LOGIN", "STARTTLS"]));
    legacy.tls = Some(Tls::LegacyOnly {
        server_version: TlsVersion::Tls11,
    });
    if let Some(c) = legacy.certificate.as_mut() {
        c.trust = Trust::Other;
        c.not_after = Date::parse("2026-12-10").unwrap();
    }
    all.extend(findings(&legacy, today()));
    for connect in [
        Connect::TimedOut,
        Connect::Refused,
        Connect::NoAddress,
        Connect::Unreachable,
        Connect::Failed,
    ] {
        let mut p = Probe::new(&target("mx.test"), 1000);
        p.connect = connect;
        all.extend(findings(&p, today()));
    }
    for cause in [
        Cause::TimedOut,
        Cause::Closed,
        Cause::NotSmtp("SSH-2.0".into()),
        Cause::Io("reset".into()),
    ] {
        for step in [
            Step::Banner,
            Step::Ehlo,
            Step::Starttls,
            Step::Handshake,
            Step::EhloTls,
        ] {
            let mut p = Probe::new(&target("mx.test"), 1000);
            p.connect = Connect::Connected;
            p.interrupted = Some(Interruption {
                step,
                cause: cause.clone(),
            });
            all.extend(findings(&p, today()));
        }
    }
    let mut p = good("mail.test");
    p.banner = Some(reply(421, &["busy"]));
    p.ehlo = Some(reply(500, &[]));
    p.starttls = StartTls::Refused;
    p.tls = Some(Tls::Failed {
        cause: "x".into(),
        server_version: None,
    });
    p.certificate.as_mut().unwrap().not_after = Date::parse("2020-01-01").unwrap();
    all.extend(findings(&p, today()));
    p.certificate.as_mut().unwrap().not_before = Date::parse("2027-01-01").unwrap();
    p.certificate.as_mut().unwrap().not_after = Date::parse("2028-01-01").unwrap();
    p.ehlo_tls = Some(reply(250, &["x", "AUTH XOAUTH2"]));
    all.extend(findings(&p, today()));
    let mut missing_tls = good("mail.test");
    missing_tls.starttls = StartTls::NotOffered;
    all.extend(findings(&missing_tls, today()));
    let mut passwords = good("mail.test:587");
    passwords.ehlo_tls = Some(reply(250, &["x", "AUTH LOGIN"]));
    all.extend(findings(&passwords, today()));
    let mut seen: Vec<&str> = all.iter().map(|f| f.code).collect();
    seen.sort_unstable();
    seen.dedup();
    let mut codes = CODES.to_vec();
    codes.sort_unstable();
    assert_eq!(seen, codes, "every code is exercised");
    for trust in ["unknown-issuer", "revoked", "other"] {
        for lang in Lang::ALL {
            assert!(
                i18n::has(lang, &format!("probe.trust.{trust}")),
                "{trust} {lang:?}"
            );
        }
    }
    for finding in &all {
        for lang in Lang::ALL {
            for text in [finding.message(lang), finding.fix(lang)] {
                assert!(
                    !text.is_empty() && !text.contains('{') && !text.contains("probe."),
                    "{} in {lang:?}: {text}",
                    finding.code
                );
            }
        }
    }
}

#[test]
fn port_25_block_is_said_in_words() {
    let mut p = Probe::new(&target("contoso-com.mail.protection.outlook.com"), 3000);
    p.connect = Connect::TimedOut;
    let words: Vec<String> = findings(&p, today())
        .iter()
        .map(|f| f.message(Lang::En))
        .collect();
    assert!(words.iter().any(|w| w.contains(
        "port 25 outbound looks blocked from this network: Direct Send and relay will not work from here"
    )), "{words:?}");
}
