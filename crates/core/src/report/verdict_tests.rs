//! The verdict per device: each case from a zone, the unknown rule, and every case worded
//! in both languages.

use super::tests::with_dkim;
use super::*;
use crate::dns::InMemoryZone;
use crate::i18n::Lang;
use futures::executor::block_on;
use strum::VariantArray;

const D: &str = "v.test";
const DEVICE: &str = "198.51.100.7";
const MS_MX: &str = "v-test.mail.protection.outlook.com";
const WITH_DEVICE: &str = "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all";
const MICROSOFT_ONLY: &str = "v=spf1 include:spf.protection.outlook.com -all";
const DEVICE_ONLY: &str = "v=spf1 ip4:198.51.100.7 -all";

fn zone(spf: &str, dmarc: Option<&str>, dkim: bool) -> InMemoryZone {
    let zone = InMemoryZone::new()
        .mx(D, 0, MS_MX)
        .txt(D, spf)
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all");
    let zone = match dmarc {
        Some(policy) => zone.txt("_dmarc.v.test", &format!("v=DMARC1; p={policy}")),
        None => zone,
    };
    if dkim {
        with_dkim(zone, D)
    } else {
        zone
    }
}

fn verdicts(zone: &InMemoryZone, method: Option<MethodId>, ips: &[&str]) -> Vec<DeviceVerdict> {
    let request = CheckRequest {
        domain: DomainName::parse(D).unwrap(),
        ips: ips.iter().map(|ip| ip.parse().unwrap()).collect(),
        method,
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    block_on(check_domain(zone, &request)).verdicts
}

#[test]
fn each_case_from_its_zone() {
    use MethodId::*;
    use Outcome::*;
    let gateway = InMemoryZone::new()
        .mx(D, 10, "mx1.gateway.test")
        .txt(D, WITH_DEVICE)
        .txt("spf.protection.outlook.com", "v=spf1 -all")
        .txt("_dmarc.v.test", "v=DMARC1; p=reject");
    type Row = (
        &'static str,
        InMemoryZone,
        Option<MethodId>,
        &'static [&'static str],
        Outcome,
        Case,
    );
    let cases: Vec<Row> = vec![
        (
            "DS pass",
            zone(WITH_DEVICE, Some("reject"), false),
            Some(DirectSend),
            &[DEVICE],
            Reaches,
            Case::DirectSendReaches,
        ),
        (
            "DS fail reject",
            zone(MICROSOFT_ONLY, Some("reject"), true),
            Some(DirectSend),
            &[DEVICE],
            Rejected,
            Case::DirectSendRejected,
        ),
        (
            "DS fail quarantine",
            zone(MICROSOFT_ONLY, Some("quarantine"), true),
            Some(DirectSend),
            &[DEVICE],
            Junk,
            Case::DirectSendJunk,
        ),
        (
            "DS fail, p=none",
            zone(MICROSOFT_ONLY, Some("none"), true),
            Some(DirectSend),
            &[DEVICE],
            AtRisk,
            Case::DirectSendAtRisk,
        ),
        (
            "DS fail, no DMARC",
            zone(MICROSOFT_ONLY, None, true),
            Some(DirectSend),
            &[DEVICE],
            AtRisk,
            Case::DirectSendAtRisk,
        ),
        // A softfail is not a pass: DMARC fails all the same.
        (
            "DS softfail",
            zone(
                "v=spf1 include:spf.protection.outlook.com ~all",
                Some("reject"),
                true,
            ),
            Some(DirectSend),
            &[DEVICE],
            Rejected,
            Case::DirectSendRejected,
        ),
        (
            "DS gateway MX",
            gateway.clone(),
            Some(DirectSend),
            &[DEVICE],
            AtRisk,
            Case::MxNotMicrosoft,
        ),
        (
            "relay pass",
            zone(WITH_DEVICE, Some("reject"), false),
            Some(RelayIp),
            &[DEVICE],
            Reaches,
            Case::RelayReaches,
        ),
        (
            "relay IP missing",
            zone(MICROSOFT_ONLY, Some("reject"), true),
            Some(RelayCert),
            &[DEVICE],
            AtRisk,
            Case::RelayIpNotInSpf,
        ),
        (
            "relay, no Microsoft include, DKIM",
            zone(DEVICE_ONLY, Some("reject"), true),
            Some(RelayIp),
            &[DEVICE],
            AtRisk,
            Case::ExternalNeedsDkim,
        ),
        (
            "relay, no include, no DKIM",
            zone(DEVICE_ONLY, Some("reject"), false),
            Some(RelayIp),
            &[DEVICE],
            Rejected,
            Case::ExternalRejected,
        ),
        (
            "submission",
            zone(MICROSOFT_ONLY, Some("reject"), false),
            Some(ClientSubmission),
            &[],
            Reaches,
            Case::SubmissionReaches,
        ),
        (
            "submission, no include, DKIM",
            zone("v=spf1 -all", Some("reject"), true),
            Some(ClientSubmission),
            &[],
            AtRisk,
            Case::ExternalNeedsDkim,
        ),
        (
            "submission, nothing, quarantine",
            zone("v=spf1 -all", Some("quarantine"), false),
            Some(ClientSubmission),
            &[],
            Junk,
            Case::ExternalJunk,
        ),
        (
            "submission, nothing, none",
            zone("v=spf1 -all", Some("none"), false),
            Some(ClientSubmission),
            &[],
            AtRisk,
            Case::ExternalAtRisk,
        ),
        (
            "no method, pass",
            zone(WITH_DEVICE, Some("reject"), false),
            None,
            &[DEVICE],
            Reaches,
            Case::SpfPasses,
        ),
        (
            "no method, quarantine",
            zone(MICROSOFT_ONLY, Some("quarantine"), false),
            None,
            &[DEVICE],
            Junk,
            Case::SpfFailsJunk,
        ),
        (
            "no method, reject",
            zone(MICROSOFT_ONLY, Some("reject"), false),
            None,
            &[DEVICE],
            Rejected,
            Case::SpfFailsRejected,
        ),
        (
            "no method, none",
            zone(MICROSOFT_ONLY, Some("none"), false),
            None,
            &[DEVICE],
            AtRisk,
            Case::SpfFailsAtRisk,
        ),
    ];
    let mut failures = Vec::new();
    for (name, zone, method, ips, outcome, case) in cases {
        let found = verdicts(&zone, method, ips);
        let got: Vec<_> = found.iter().map(|v| (v.outcome, v.case)).collect();
        if got != vec![(outcome, case)] {
            failures.push(format!(
                "{name}: expected {:?}, got {got:?}",
                (outcome, case)
            ));
        }
        for verdict in &found {
            if verdict.deciding.is_empty() {
                failures.push(format!("{name}: no deciding section"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_section_that_could_not_be_checked_makes_the_answer_unknown() {
    // DMARC failed: a passing Direct Send device is still known to reach the mailboxes
    // (DMARC passes with SPF), a failing one is not.
    let pass = zone(WITH_DEVICE, Some("reject"), true).servfail("_dmarc.v.test");
    let found = verdicts(&pass, Some(MethodId::DirectSend), &[DEVICE]);
    assert_eq!(found[0].outcome, Outcome::Reaches);
    let fail = zone(MICROSOFT_ONLY, Some("reject"), true).servfail("_dmarc.v.test");
    let found = verdicts(&fail, Some(MethodId::DirectSend), &[DEVICE]);
    assert_eq!(
        (found[0].outcome, found[0].unknown.clone()),
        (Outcome::Unknown, vec![Section::Dmarc])
    );
    let line = found[0].line(Lang::En);
    assert!(
        line.contains("unknown") && line.contains("DMARC could not be checked"),
        "{line}"
    );
    // SPF and MX failed: nothing is claimed.
    let down = InMemoryZone::new().servfail(D).servfail("_dmarc.v.test");
    let found = verdicts(&down, Some(MethodId::DirectSend), &[DEVICE]);
    assert_eq!(found[0].outcome, Outcome::Unknown);
    assert_eq!(found[0].unknown, vec![Section::Mx, Section::Spf]);
    // Client submission without a Microsoft include leans on DKIM: unknown when DKIM is.
    let dkim_down = zone("v=spf1 -all", Some("reject"), false)
        .servfail("selector1._domainkey.v.test")
        .servfail("selector2._domainkey.v.test");
    let found = verdicts(&dkim_down, Some(MethodId::ClientSubmission), &[]);
    assert_eq!(
        (found[0].outcome, found[0].unknown.clone()),
        (Outcome::Unknown, vec![Section::Dkim])
    );
    assert!(
        found[0]
            .line(Lang::En)
            .starts_with("Whether mail sent by SMTP AUTH client submission"),
        "{}",
        found[0].line(Lang::En)
    );
}

#[test]
fn one_verdict_per_device_ip_in_order() {
    let zone = zone(WITH_DEVICE, Some("quarantine"), true);
    let found = verdicts(&zone, Some(MethodId::DirectSend), &[DEVICE, "203.0.113.9"]);
    let got: Vec<_> = found.iter().map(|v| (v.ip.as_deref(), v.outcome)).collect();
    assert_eq!(
        got,
        vec![
            (Some(DEVICE), Outcome::Reaches),
            (Some("203.0.113.9"), Outcome::Junk)
        ]
    );
    // Without IPs or a method there is no device to speak of.
    assert!(verdicts(&zone, None, &[]).is_empty());
    assert!(verdicts(&zone, Some(MethodId::DirectSend), &[]).is_empty());
}

#[test]
fn the_issue_s_sentences_in_both_languages() {
    let zone_pass = InMemoryZone::new()
        .mx(D, 0, MS_MX)
        .txt(
            D,
            "v=spf1 ip4:203.0.113.25 include:spf.protection.outlook.com -all",
        )
        .txt("spf.protection.outlook.com", "v=spf1 -all");
    let found = verdicts(&zone_pass, Some(MethodId::DirectSend), &["203.0.113.25"]);
    assert_eq!(
        found[0].line(Lang::En),
        "Mail from 203.0.113.25 by Direct Send reaches your mailboxes: SPF passes for 203.0.113.25."
    );
    let junk = verdicts(
        &zone(MICROSOFT_ONLY, Some("quarantine"), false),
        None,
        &[DEVICE],
    );
    assert_eq!(
        junk[0].line(Lang::En),
        "SPF gives fail for 198.51.100.7 and DMARC says quarantine: mail from this device to external recipients will go to junk unless it is DKIM-signed."
    );
    assert!(
        junk[0].line(Lang::Vi).contains("vào thư rác"),
        "{}",
        junk[0].line(Lang::Vi)
    );
}

#[test]
fn every_case_and_outcome_is_worded() {
    for case in Case::VARIANTS {
        for (ip, method) in [
            (Some("192.0.2.1"), Some(MethodId::DirectSend)),
            (None, Some(MethodId::ClientSubmission)),
            (Some("192.0.2.1"), None),
        ] {
            let verdict = DeviceVerdict {
                ip: ip.map(str::to_owned),
                method,
                outcome: Outcome::Unknown,
                case: *case,
                spf: Some(crate::spf::eval::SpfResult::Fail),
                policy: None,
                deciding: Vec::new(),
                unknown: vec![Section::Spf],
            };
            for lang in [Lang::En, Lang::Vi] {
                let line = verdict.line(lang);
                assert!(
                    !line.starts_with("verdict.") && !line.contains('{'),
                    "{case:?} {lang:?}: {line}"
                );
            }
        }
    }
    for outcome in Outcome::VARIANTS {
        for lang in [Lang::En, Lang::Vi] {
            let key = format!("ui.verdict.outcome.{}", outcome.as_str());
            let text = crate::i18n::format(lang, &key, &[]);
            assert_ne!(text, key, "{lang:?}");
        }
    }
}
