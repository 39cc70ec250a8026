//! The report's answers an admin acts on: void terms named, a suggested record that works
//! for every sender, one finding per cause, and the cloud the evidence shows.

use super::*;
use crate::dns::InMemoryZone;
use crate::i18n::Lang;
use crate::spf::eval::{check_host, SpfQuery};
use crate::spf::SpfResult;
use futures::executor::block_on;

const MS_MX: &str = "contoso-test.mail.protection.outlook.com";
const GCC_HIGH_MX: &str = "contoso-test.mail.protection.office365.us";
const DEVICE: &str = "198.51.100.7";

fn zone(domain: &str, mx: &str, spf: &str) -> InMemoryZone {
    super::tests::with_dkim(InMemoryZone::new(), domain)
        .mx(domain, 0, mx)
        .txt(domain, spf)
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt(
            "spf.protection.office365.us",
            "v=spf1 ip4:23.103.132.0/22 -all",
        )
        .txt(&format!("_dmarc.{domain}"), "v=DMARC1; p=quarantine")
}

fn run(zone: &InMemoryZone, ips: &[&str], method: MethodId, cloud: Option<Cloud>) -> Report {
    let request = CheckRequest {
        domain: DomainName::parse("d.test").unwrap_or_else(|e| panic!("{e}")),
        ips: ips
            .iter()
            .map(|ip| ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}")))
            .collect(),
        method: Some(method),
        cloud,
        draft: None,
    };
    block_on(check_domain(zone, &request))
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}

fn evaluate(zone: &InMemoryZone, record: &str, ip: &str) -> SpfResult {
    let ip = ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}"));
    let query = SpfQuery::mail_from(ip, "postmaster@d.test", "");
    block_on(check_host(zone, &query, Some(record))).result
}

#[test]
fn void_terms_of_a_mx_and_exists_are_named_with_the_one_that_broke_the_limit() {
    for spf in [
        "v=spf1 a:gone1.test a:gone2.test a:gone3.test include:spf.protection.outlook.com -all",
        "v=spf1 a:gone1.test mx:gone2.test exists:gone3.test include:spf.protection.outlook.com -all",
    ] {
        let report = run(&zone("d.test", MS_MX, spf), &[DEVICE], MethodId::DirectSend, None);
        let finding = report
            .findings
            .iter()
            .find(|f| f.code == "spf-void-lookups")
            .unwrap_or_else(|| panic!("{spf}: {:?}", codes(&report)));
        for term in spf.split(' ').filter(|t| t.contains("gone")) {
            assert!(finding.message(Lang::En).contains(term), "{spf}: {}", finding.message(Lang::En));
        }
        assert!(
            finding.message(Lang::En).contains("it breaks at the third, ")
                && finding.message(Lang::En).contains("gone3.test in the record of d.test"),
            "{}",
            finding.message(Lang::En)
        );
    }
}

#[test]
fn the_suggestion_repairs_a_record_broken_by_void_terms_for_every_sender() {
    let spf =
        "v=spf1 a:gone1.test a:gone2.test a:gone3.test include:spf.protection.outlook.com -all";
    let zone = zone("d.test", MS_MX, spf);
    let report = run(&zone, &[DEVICE], MethodId::DirectSend, None);
    let Some(suggested) = report.spf.suggested_record.clone() else {
        panic!("no suggestion: {:?}", codes(&report));
    };
    assert!(!suggested.contains("gone"), "{suggested}");
    for sender in [DEVICE, "40.92.1.1"] {
        assert_eq!(
            evaluate(&zone, &suggested, sender),
            SpfResult::Pass,
            "{sender}: {suggested}"
        );
    }
    // Before: the published record is permerror for Microsoft 365's own mail.
    assert_eq!(evaluate(&zone, spf, "40.92.1.1"), SpfResult::PermError);
}

#[test]
fn no_record_is_suggested_that_would_still_break() {
    // 11 DNS terms: nothing smarthost may remove, so any candidate stays permerror.
    let includes: Vec<String> = (1..=10).map(|i| format!("include:i{i}.test")).collect();
    let spf = format!("v=spf1 {} -all", includes.join(" "));
    let mut zone = zone("d.test", MS_MX, &spf);
    for i in 1..=10 {
        zone = zone.txt(&format!("i{i}.test"), "v=spf1 ip4:192.0.2.1 -all");
    }
    let report = run(&zone, &[DEVICE], MethodId::DirectSend, None);
    assert_eq!(report.spf.suggested_record, None);
    assert!(
        codes(&report).contains(&"spf-no-safe-fix"),
        "{:?}",
        codes(&report)
    );
}

#[test]
fn one_finding_per_cause() {
    let no_spf = InMemoryZone::new()
        .mx("d.test", 0, MS_MX)
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all");
    let report = run(&no_spf, &[DEVICE], MethodId::DirectSend, None);
    assert!(codes(&report).contains(&"spf-missing"));
    assert!(
        !codes(&report).contains(&"spf-ip-not-authorized"),
        "{:?}",
        codes(&report)
    );
    let voids = zone(
        "d.test",
        MS_MX,
        "v=spf1 a:gone1.test a:gone2.test a:gone3.test include:spf.protection.outlook.com -all",
    );
    let report = run(&voids, &[DEVICE], MethodId::DirectSend, None);
    assert!(
        !codes(&report).contains(&"spf-ip-not-authorized"),
        "{:?}",
        codes(&report)
    );
    // A readable record that does not list the device still says so.
    let plain = zone(
        "d.test",
        MS_MX,
        "v=spf1 include:spf.protection.outlook.com -all",
    );
    let report = run(&plain, &[DEVICE], MethodId::DirectSend, None);
    assert!(codes(&report).contains(&"spf-ip-not-authorized"));
}

#[test]
fn the_cloud_follows_the_mx_when_none_is_chosen() {
    let gcc_high = zone(
        "d.test",
        GCC_HIGH_MX,
        &format!("v=spf1 ip4:{DEVICE} include:spf.protection.office365.us -all"),
    );
    let report = run(&gcc_high, &[DEVICE], MethodId::DirectSend, None);
    assert_eq!(
        (report.cloud, report.cloud_source),
        (Cloud::GccHigh, CloudSource::Mx)
    );
    assert_eq!(codes(&report), Vec::<&str>::new());
    // DoD shares GCC High's MX suffix and include: no disagreement.
    let report = run(&gcc_high, &[DEVICE], MethodId::DirectSend, Some(Cloud::Dod));
    assert_eq!(codes(&report), Vec::<&str>::new());
    // A chosen cloud the MX contradicts is kept, and the disagreement is said.
    let report = run(
        &gcc_high,
        &[DEVICE],
        MethodId::DirectSend,
        Some(Cloud::Worldwide),
    );
    assert_eq!(report.cloud_source, CloudSource::Chosen);
    assert!(
        codes(&report).contains(&"mx-cloud-mismatch"),
        "{:?}",
        codes(&report)
    );
    // A GCC High domain without its include gets the GCC High include suggested.
    let missing = zone("d.test", GCC_HIGH_MX, &format!("v=spf1 ip4:{DEVICE} -all"));
    let report = run(&missing, &[DEVICE], MethodId::DirectSend, None);
    assert!(codes(&report).contains(&"spf-no-microsoft-include"));
    assert!(report
        .spf
        .suggested_record
        .is_some_and(|r| r.contains("include:spf.protection.office365.us")));
    // No MX evidence and no choice: worldwide, and the report says it was assumed.
    let no_mx = InMemoryZone::new().txt("d.test", "v=spf1 -all");
    let report = run(&no_mx, &[], MethodId::ClientSubmission, None);
    assert_eq!(
        (report.cloud, report.cloud_source),
        (Cloud::Worldwide, CloudSource::Assumed)
    );
}

/// The line that says which cloud the report followed names the cloud and the reason,
/// differently for each reason, in both languages.
#[test]
fn the_cloud_line_says_which_cloud_and_why() {
    use crate::report::cloud_line;
    let sources = [CloudSource::Chosen, CloudSource::Mx, CloudSource::Assumed];
    for lang in [Lang::En, Lang::Vi] {
        let lines: Vec<String> = sources
            .iter()
            .map(|&source| cloud_line(Cloud::GccHigh, source, lang))
            .collect();
        for line in &lines {
            assert!(line.contains("GCC High"), "{line}");
        }
        assert!(lines[0] != lines[1] && lines[1] != lines[2], "{lines:?}");
    }
    assert_eq!(
        cloud_line(Cloud::Worldwide, CloudSource::Mx, Lang::En),
        "Cloud: Worldwide (commercial), from the MX host (no cloud was chosen). The SPF include and the smart host follow it."
    );
    assert!(cloud_line(Cloud::GccHigh, CloudSource::Mx, Lang::Vi).contains("suy ra từ máy chủ MX"));
}
