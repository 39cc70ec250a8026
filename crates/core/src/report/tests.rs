//! The joined report: one zone per finding code, and DNS failures never claim absence.

use super::*;
use crate::dns::InMemoryZone;
use crate::i18n::Lang;
use futures::executor::block_on;

const MS_MX: &str = "contoso-test.mail.protection.outlook.com";

fn base(domain: &str) -> InMemoryZone {
    with_dkim(InMemoryZone::new(), domain)
        .mx(domain, 0, MS_MX)
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt(&format!("_dmarc.{domain}"), "v=DMARC1; p=quarantine")
}

/// Microsoft 365's two selector CNAMEs (classic format) and a 2048-bit key behind
/// selector1; selector2's key is not published, as while selector1 is active.
pub(super) fn with_dkim(zone: InMemoryZone, domain: &str) -> InMemoryZone {
    let dashed = domain.replace('.', "-");
    let target = |n| format!("selector{n}-{dashed}._domainkey.contoso.onmicrosoft.com");
    zone.cname(&format!("selector1._domainkey.{domain}"), &target(1))
        .cname(&format!("selector2._domainkey.{domain}"), &target(2))
        .txt(
            &target(1),
            &format!("v=DKIM1; k=rsa; p={}", crate::dkim::test_keys::RSA_2048),
        )
}

fn run(zone: &InMemoryZone, domain: &str, ips: &[&str], method: Option<MethodId>) -> Report {
    let request = CheckRequest {
        domain: DomainName::parse(domain).unwrap_or_else(|e| panic!("{domain}: {e}")),
        ips: ips
            .iter()
            .map(|ip| ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}")))
            .collect(),
        method,
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    block_on(check_domain(zone, &request))
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_healthy_domain_has_no_findings() {
    let zone = base("ok.test").txt(
        "ok.test",
        "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all",
    );
    let report = run(
        &zone,
        "ok.test",
        &["198.51.100.7"],
        Some(MethodId::DirectSend),
    );
    assert_eq!(codes(&report), Vec::<&str>::new());
    assert_eq!(report.mx.smart_host.as_deref(), Some(MS_MX));
    assert_eq!(
        report
            .spf
            .result_for_ip
            .get("198.51.100.7")
            .map(|r| r.as_str()),
        Some("pass")
    );
    assert!(report.spf.includes_microsoft);
    assert_eq!(report.spf.lookups, 1);
    assert_eq!(report.spf.suggested_record, None);
    assert_eq!(report.dmarc.policy.map(|p| p.as_str()), Some("quarantine"));
    assert!(!report.has_errors());
}

#[test]
fn each_finding_code_from_its_zone() {
    let spf_ok = "v=spf1 include:spf.protection.outlook.com -all";
    type Case = (
        &'static str,
        InMemoryZone,
        Vec<&'static str>,
        Option<MethodId>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        ("no MX", InMemoryZone::new().txt("d.test", spf_ok), vec![], None, "mx-missing"),
        ("null MX", InMemoryZone::new().mx("d.test", 0, ".").txt("d.test", spf_ok), vec![], None, "mx-null"),
        ("gateway MX", InMemoryZone::new().mx("d.test", 10, "mx1.gateway.test").txt("d.test", spf_ok), vec![], None, "mx-not-microsoft"),
        ("no SPF", base("d.test"), vec![], None, "spf-missing"),
        ("two SPF", base("d.test").txt("d.test", spf_ok).txt("d.test", "v=spf1 -all"), vec![], None, "spf-multiple-records"),
        ("syntax", base("d.test").txt("d.test", "v=spf1 ip4:1.2.3 include:spf.protection.outlook.com -all"), vec![], None, "spf-syntax"),
        ("+all", base("d.test").txt("d.test", "v=spf1 include:spf.protection.outlook.com +all"), vec![], None, "spf-plus-all"),
        ("?all", base("d.test").txt("d.test", "v=spf1 include:spf.protection.outlook.com ?all"), vec![], None, "spf-neutral-all"),
        ("ptr", base("d.test").txt("d.test", "v=spf1 ptr include:spf.protection.outlook.com -all"), vec![], None, "spf-ptr"),
        ("after all", base("d.test").txt("d.test", "v=spf1 include:spf.protection.outlook.com -all ip4:192.0.2.1"), vec![], None, "spf-terms-after-all"),
        ("overlap", base("d.test").txt("d.test", "v=spf1 ip4:198.51.100.0/24 ip4:198.51.100.7 include:spf.protection.outlook.com -all"), vec![], None, "spf-duplicate-range"),
        ("no Microsoft include", base("d.test").txt("d.test", "v=spf1 ip4:198.51.100.7 -all"), vec![], None, "spf-no-microsoft-include"),
        ("IP not authorised", base("d.test").txt("d.test", spf_ok), vec!["198.51.100.7"], Some(MethodId::RelayIp), "spf-ip-not-authorized"),
        ("private IP", base("d.test").txt("d.test", spf_ok), vec!["192.168.1.20"], None, "ip-not-public"),
        ("no DMARC", InMemoryZone::new().mx("d.test", 0, MS_MX).txt("d.test", spf_ok).txt("spf.protection.outlook.com", "v=spf1 -all"), vec![], None, "dmarc-missing"),
        ("DMARC none", InMemoryZone::new().mx("d.test", 0, MS_MX).txt("d.test", spf_ok).txt("spf.protection.outlook.com", "v=spf1 -all").txt("_dmarc.d.test", "v=DMARC1; p=none"), vec![], None, "dmarc-policy-none"),
        ("SERVFAIL", InMemoryZone::new().servfail("d.test"), vec![], None, "dns-error"),
    ];
    let mut failures = Vec::new();
    for (name, zone, ips, method, code) in cases {
        let report = run(&zone, "d.test", &ips, method);
        if !codes(&report).contains(&code) {
            failures.push(format!("{name}: expected {code}, got {:?}", codes(&report)));
        }
        for finding in &report.findings {
            if finding.message(Lang::En).starts_with("finding.")
                || finding.fix(Lang::En).starts_with("finding.")
            {
                failures.push(format!("{name}: {} has no catalog text", finding.code));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Journey 3: after a site's IP changes, the finding for an IP connector says to update
/// the connector as well as SPF; Direct Send has no connector to update.
#[test]
fn an_unauthorised_ip_names_the_connector_only_for_an_ip_connector() {
    let zone = base("d.test").txt("d.test", "v=spf1 include:spf.protection.outlook.com -all");
    let fix = |method| {
        let report = run(&zone, "d.test", &["198.51.100.7"], Some(method));
        report
            .findings
            .iter()
            .find(|f| f.code == "spf-ip-not-authorized")
            .map(|f| f.fix(Lang::En))
            .unwrap_or_default()
    };
    let relay = fix(MethodId::RelayIp);
    assert!(relay.starts_with("Publish the suggested record"), "{relay}");
    assert!(
        relay.contains("also add 198.51.100.7 to the connector's sending IP addresses"),
        "{relay}"
    );
    assert!(relay.contains("550 5.7.64 TenantAttribution"), "{relay}");
    let direct = fix(MethodId::DirectSend);
    assert!(
        direct.starts_with("Publish the suggested record"),
        "{direct}"
    );
    assert!(!direct.contains("connector"), "{direct}");
}

/// An IP whose SPF path hits a failed lookup may already be authorised by what could
/// not be read: the suggestion adds only IPs whose failure is known.
#[test]
fn the_suggestion_leaves_out_ips_whose_result_is_unknown() {
    let zone = base("d.test")
        .txt(
            "d.test",
            "v=spf1 include:broken.d.test include:spf.protection.outlook.com -all",
        )
        .servfail("broken.d.test");
    let report = run(
        &zone,
        "d.test",
        &["198.51.100.7"],
        Some(MethodId::DirectSend),
    );
    assert_eq!(
        report.spf.result_for_ip["198.51.100.7"],
        SpfResult::TempError
    );
    assert!(!codes(&report).contains(&"spf-ip-not-authorized"));
    assert_eq!(report.spf.suggested_record, None, "{:?}", report.spf);

    // With the include readable and failing, the IP is added.
    let zone = base("d.test")
        .txt(
            "d.test",
            "v=spf1 include:other.d.test include:spf.protection.outlook.com -all",
        )
        .txt("other.d.test", "v=spf1 ip4:192.0.2.1 -all");
    let report = run(
        &zone,
        "d.test",
        &["198.51.100.7"],
        Some(MethodId::DirectSend),
    );
    assert!(report
        .spf
        .suggested_record
        .as_deref()
        .is_some_and(|r| r.contains("ip4:198.51.100.7")));
}

/// An IP an include already authorises is not added again "so the device passes"; an IP
/// that passes only by `+all` is, so the record still works once `+all` is replaced.
#[test]
fn the_suggestion_adds_only_ips_that_need_it() {
    let suggestion = |record: &str| {
        let zone = base("d.test")
            .txt("d.test", record)
            .txt("vendor.d.test", "v=spf1 ip4:198.51.100.0/24 -all");
        run(
            &zone,
            "d.test",
            &["198.51.100.7"],
            Some(MethodId::DirectSend),
        )
        .spf
        .suggested_record
    };
    // Authorised through the include: only the Microsoft include is missing.
    assert_eq!(
        suggestion("v=spf1 include:vendor.d.test -all").as_deref(),
        Some("v=spf1 include:spf.protection.outlook.com include:vendor.d.test -all")
    );
    assert_eq!(
        suggestion("v=spf1 include:vendor.d.test include:spf.protection.outlook.com -all"),
        None
    );
    // Passing only by +all: added.
    assert!(suggestion("v=spf1 include:spf.protection.outlook.com +all")
        .is_some_and(|r| r.contains("ip4:198.51.100.7")));
}

#[test]
fn too_many_lookups_and_voids_across_the_tree() {
    let mut zone = base("d.test").txt(
        "d.test",
        "v=spf1 include:a.test include:b.test include:spf.protection.outlook.com -all",
    );
    zone = zone.txt(
        "a.test",
        "v=spf1 include:a1.test include:a2.test include:a3.test include:a4.test -all",
    );
    zone = zone.txt(
        "b.test",
        "v=spf1 include:b1.test include:b2.test include:b3.test include:b4.test -all",
    );
    for leaf in ["a1", "a2", "a3", "a4", "b1", "b2"] {
        zone = zone.txt(&format!("{leaf}.test"), "v=spf1 -all");
    }
    let report = run(&zone, "d.test", &[], None);
    assert_eq!(report.spf.lookups, 11);
    let found = codes(&report);
    assert!(found.contains(&"spf-too-many-lookups"), "{found:?}");
    // b3 and b4 have no record: two voids are allowed.
    assert!(!found.contains(&"spf-void-lookups"), "{found:?}");
    let tree = report.spf.tree.as_ref().map(|t| t.walk().len());
    assert_eq!(tree, Some(12));
}

#[test]
fn a_dns_failure_never_claims_a_record_is_missing() {
    let zone = InMemoryZone::new()
        .servfail("d.test")
        .servfail("_dmarc.d.test")
        .servfail("selector1._domainkey.d.test")
        .servfail("selector2._domainkey.d.test");
    let report = run(
        &zone,
        "d.test",
        &["198.51.100.7"],
        Some(MethodId::DirectSend),
    );
    let found = codes(&report);
    assert!(found.iter().all(|c| *c == "dns-error"), "{found:?}");
    assert_eq!(report.mx.kind, None);
    assert_eq!(report.spf.record, None);
    assert_eq!(report.spf.suggested_record, None);
    assert!(report.has_errors());
}

#[test]
fn the_suggested_record_makes_the_device_pass() {
    let zone = base("d.test").txt("d.test", "v=spf1 include:spf.protection.outlook.com ~all");
    let report = run(
        &zone,
        "d.test",
        &["198.51.100.7"],
        Some(MethodId::DirectSend),
    );
    let Some(suggested) = report.spf.suggested_record.clone() else {
        panic!("a suggestion is expected: {report:?}");
    };
    assert_eq!(
        suggested,
        "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com ~all"
    );
    let request = CheckRequest {
        domain: DomainName::parse("d.test").unwrap_or_else(|e| panic!("{e}")),
        ips: vec!["198.51.100.7".parse().unwrap_or(Ipv4Addr::UNSPECIFIED)],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: Some(suggested),
    };
    let fixed = block_on(check_domain(&zone, &request));
    assert_eq!(
        fixed
            .spf
            .result_for_ip
            .get("198.51.100.7")
            .map(|r| r.as_str()),
        Some("pass")
    );
    assert!(!codes(&fixed).contains(&"spf-ip-not-authorized"));
}

#[test]
fn streaming_hands_over_each_section_as_it_is_done_and_ends_with_the_full_report() {
    let zone = base("stream.test").txt(
        "stream.test",
        "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all",
    );
    let request = CheckRequest {
        domain: DomainName::parse("stream.test").unwrap_or_else(|e| panic!("{e}")),
        ips: vec![
            Ipv4Addr::new(198, 51, 100, 7),
            Ipv4Addr::new(203, 0, 113, 9),
        ],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    let mut seen: Vec<(Vec<Stage>, bool, usize)> = Vec::new();
    let finished = block_on(check_domain_streaming(&zone, &request, &mut |partial| {
        seen.push((
            partial.pending.clone(),
            partial.mx.smart_host.is_some(),
            partial.spf.ip_checks.len(),
        ))
    }));
    assert_eq!(
        seen,
        vec![
            (vec![Stage::Spf, Stage::Dkim, Stage::Dmarc], true, 0),
            (vec![Stage::Dmarc], true, 2),
        ]
    );
    assert!(finished.pending.is_empty());
    assert_eq!(finished, block_on(check_domain(&zone, &request)));
    // Each IP says which term decided it.
    let first = &finished.spf.ip_checks[0];
    assert_eq!(
        (first.ip.as_str(), first.result.as_str()),
        ("198.51.100.7", "pass")
    );
    assert_eq!(
        first.decisive.as_ref().map(|t| t.term.as_str()),
        Some("ip4:198.51.100.7")
    );
    let second = &finished.spf.ip_checks[1];
    assert_eq!(second.result, SpfResult::Fail);
    assert_eq!(
        second.decisive.as_ref().map(|t| t.term.as_str()),
        Some("-all")
    );
}

#[test]
fn each_section_gets_its_own_status_and_a_failed_look_up_claims_nothing() {
    let zone = base("status.test")
        .txt("status.test", "v=spf1 +all")
        .servfail("_dmarc.status.test");
    let report = run(
        &zone,
        "status.test",
        &["10.0.0.5"],
        Some(MethodId::DirectSend),
    );
    assert_eq!(report.status(Section::Mx), Status::Ok);
    assert_eq!(report.status(Section::Spf), Status::Error);
    assert_eq!(report.status(Section::Dmarc), Status::CouldNotCheck);
    assert_eq!(report.status(Section::Devices), Status::Error);
    assert!(report
        .findings_in(Section::Dmarc)
        .all(|f| f.code == "dns-error"));
    assert!(!report.nothing_answered());

    let down = InMemoryZone::new()
        .servfail("down.test")
        .servfail("_dmarc.down.test")
        .servfail("selector1._domainkey.down.test")
        .servfail("selector2._domainkey.down.test");
    let report = run(&down, "down.test", &[], None);
    assert!(report.nothing_answered(), "{:?}", report.findings);
    // Every section failed the same way: the cause is stated once.
    let failed = report
        .findings
        .iter()
        .filter(|f| f.code == "dns-error")
        .count();
    assert!(failed >= 3, "{:?}", report.findings);
    assert_eq!(
        report.lookup_failures(),
        [&Arg::Resolve(crate::dns::ResolveError::ServFail)],
        "{:?}",
        report.findings
    );
}
