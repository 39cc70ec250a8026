use super::*;
use crate::dns::demo::{demo_zone, DEMO_DOMAIN};
use crate::dns::InMemoryZone;
use futures::executor::block_on;

fn hosts(list: &[(u16, &str)]) -> Vec<MxHost> {
    list.iter()
        .map(|(preference, host)| MxHost {
            preference: *preference,
            host: (*host).to_owned(),
        })
        .collect()
}

#[test]
fn classifies_each_microsoft_cloud() {
    let cases = [
        (
            "contoso-com.mail.protection.outlook.com",
            MxKind::Microsoft365,
        ),
        ("contoso-com.o-v1.mx.microsoft", MxKind::Microsoft365Dnssec),
        (
            "agency-gov.mail.protection.office365.us",
            MxKind::Microsoft365GccHigh,
        ),
        (
            "contoso-cn.mail.protection.partner.outlook.cn",
            MxKind::Microsoft365China,
        ),
        ("mx1.mimecast.com", MxKind::Other),
        ("v1.mx.microsoft", MxKind::Other),
        ("contoso.oo-v1.mx.microsoft", MxKind::Other),
    ];
    for (host, kind) in cases {
        assert_eq!(classify_host(host), kind, "{host}");
    }
}

#[test]
fn the_most_preferred_host_decides_and_is_kept_as_published() {
    let report = classify(hosts(&[
        (20, "backup.example.net"),
        (0, "octobot-io01b.mail.protection.outlook.com"),
    ]));
    assert_eq!(report.kind, MxKind::Microsoft365);
    assert_eq!(
        report.smart_host.as_deref(),
        Some("octobot-io01b.mail.protection.outlook.com")
    );
    assert_eq!(report.hosts[0].preference, 0);

    let gateway = classify(hosts(&[
        (10, "gw.example.net"),
        (20, "contoso-com.mail.protection.outlook.com"),
    ]));
    assert_eq!(gateway.kind, MxKind::Other);
    assert_eq!(gateway.smart_host, None);
}

#[test]
fn empty_and_null_mx() {
    assert_eq!(classify(Vec::new()).kind, MxKind::None);
    assert_eq!(classify(hosts(&[(0, "")])).kind, MxKind::Null);
}

#[test]
fn check_mx_reads_the_demo_zone() {
    let domain = DomainName::parse(DEMO_DOMAIN).unwrap_or_else(|e| panic!("{e}"));
    let report = block_on(check_mx(&demo_zone(), &domain)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.kind, MxKind::Microsoft365);
    assert_eq!(
        report.smart_host.as_deref(),
        Some("smarthost-demo-example.mail.protection.outlook.com")
    );
}

#[test]
fn a_failed_lookup_is_an_error_not_a_missing_mx() {
    let zone = InMemoryZone::new().servfail("broken.example");
    let domain = DomainName::parse("broken.example").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        block_on(check_mx(&zone, &domain)),
        Err(ResolveError::ServFail)
    );
    let missing = DomainName::parse("missing.example").unwrap_or_else(|e| panic!("{e}"));
    let report = block_on(check_mx(&InMemoryZone::new(), &missing));
    assert_eq!(report.map(|r| r.kind), Ok(MxKind::None));
}

#[test]
fn every_kind_has_a_label_in_both_languages() {
    use crate::i18n::{has, Lang};
    let kinds = [
        MxKind::Microsoft365,
        MxKind::Microsoft365Dnssec,
        MxKind::Microsoft365GccHigh,
        MxKind::Microsoft365China,
        MxKind::Other,
        MxKind::None,
        MxKind::Null,
    ];
    for kind in kinds {
        for lang in Lang::ALL {
            assert!(
                has(lang, &format!("mx.kind.{}", kind.as_str())),
                "{}",
                kind.as_str()
            );
        }
    }
}
