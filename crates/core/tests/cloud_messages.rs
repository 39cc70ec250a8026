//! The messages about a device's cloud speak both languages: the import's refusal of an
//! unknown cloud, the notice naming the devices read as worldwide, and the lines the
//! card puts where a worldwide value would have been. Each renders in English and
//! Vietnamese with every placeholder filled, without unsafe characters, in Vietnamese
//! words, and with `Display` giving the English where the type has one.

use smarthost_core::cloud::{Availability, Cloud};
use smarthost_core::device_card::build_device_card;
use smarthost_core::i18n::Lang;
use smarthost_core::inventory::{Device, ImportError, Imported};

#[allow(dead_code)]
mod support;
use support::messages::{check_all, problems_with, Rules};

/// Words of the English templates that a Vietnamese message must not keep.
const ENGLISH_WORDS: [&str; 9] = [
    "device",
    "devices",
    "cloud",
    "read as",
    "choose",
    "more",
    "confirmed",
    "record",
    " host",
];

const RULES: Rules = Rules {
    english_words: &ENGLISH_WORDS,
    is_key: |message| message.contains("inventory.") || message.contains("card."),
    brace_escapes: &[],
    // Shown in a status line or a card cell.
    max_chars: Some(1200),
};

fn refused(document: &str) -> ImportError {
    match Imported::read(document) {
        Err(error) => error,
        Ok(imported) => panic!("accepted: {imported:?}"),
    }
}

#[test]
fn the_unknown_cloud_error_speaks_both_languages() {
    let long = "x".repeat(300);
    let samples = vec![
        refused(r#"{"version":1,"devices":[{"name":"Máy in tầng 2","cloud":"gcc-hi"}]}"#),
        refused(r#"{"version":1,"devices":[{"cloud":"GCC High"}]}"#),
        refused(&format!(
            r#"{{"version":1,"devices":[{{"name":"{long}","cloud":"{long}\u202e"}}]}}"#
        )),
        refused("version = 1\n[[devices]]\ncloud = \"\"\n"),
    ];
    check_all(
        &RULES,
        "ImportError",
        1,
        samples,
        |error| match error {
            ImportError::UnknownCloud { .. } => 0,
            _ => 1,
        },
        ImportError::message,
    );
}

#[test]
fn the_cloud_notice_speaks_both_languages() {
    let one = r#"{"version":1,"devices":[{"name":"Ricoh 2nd floor"}]}"#.to_owned();
    let unnamed = r#"{"version":1,"devices":[{},{"cloud":"dod"},{}]}"#.to_owned();
    let many = format!(
        r#"{{"version":1,"devices":[{}]}}"#,
        vec![r#"{"name":"Máy quét\u202e"}"#; 40].join(",")
    );
    let samples: Vec<_> = [one, unnamed, many]
        .iter()
        .map(|text| match Imported::read(text) {
            Ok(Imported {
                cloud_assumed: Some(notice),
                ..
            }) => notice,
            other => panic!("no notice for {text}: {other:?}"),
        })
        .collect();
    check_all(
        &RULES,
        "CloudAssumed",
        1,
        samples,
        |_| 0,
        |n, lang| n.message(lang),
    );
}

#[test]
fn what_a_card_says_in_place_of_a_worldwide_value_speaks_both_languages() {
    let device = |method: &str, cloud: Cloud, smart_host: &str, ip: &str| Device {
        name: "Ricoh 2nd floor".into(),
        method: method.into(),
        cloud,
        from: "scanner@contoso.com".into(),
        smart_host: smart_host.into(),
        ip: ip.into(),
        ..Device::default()
    };
    let mut failures = Vec::new();
    let check = |failures: &mut Vec<String>, what: &str, en: String, vi: String| {
        failures.extend(problems_with(&RULES, what, &en, &en, &vi));
    };
    let card = |device: &Device| build_device_card(device, "2026-12-02");
    for (what, device) in [
        ("HVE in GCC High", device("hve", Cloud::GccHigh, "", "")),
        (
            "ACS in 21Vianet",
            device("acs", Cloud::China21Vianet, "", ""),
        ),
        (
            "Direct Send with IP",
            device("direct-send", Cloud::Dod, "", "203.0.113.25"),
        ),
        (
            "Direct Send without IP",
            device("direct-send", Cloud::Dod, "", ""),
        ),
        (
            "client submission",
            device("client-submission", Cloud::GccHigh, "", ""),
        ),
    ] {
        match card(&device) {
            Ok(built) => {
                let (en, vi) = (built.card.lines(Lang::En), built.card.lines(Lang::Vi));
                if built.availability != Availability::Yes {
                    check(&mut failures, what, en.smart_host, vi.smart_host);
                }
                if en.test != vi.test || built.cloud == Cloud::GccHigh {
                    check(&mut failures, &format!("{what} test"), en.test, vi.test);
                }
                // Only the stand-in for an unknown IP is words; the rest is record syntax.
                if let (Some(en), Some(vi)) = (built.spf(Lang::En), built.spf(Lang::Vi)) {
                    if en.contains('<') {
                        check(&mut failures, &format!("{what} SPF"), en, vi);
                    }
                }
            }
            other => failures.push(format!("{what}: {other:?}")),
        }
    }
    let wrong_mx = device(
        "relay-ip",
        Cloud::GccHigh,
        "contoso-com.mail.protection.outlook.com",
        "203.0.113.25",
    );
    let message = |lang| {
        card(&wrong_mx)
            .err()
            .and_then(|errors| errors.first().map(|e| e.message(lang)))
            .unwrap_or_default()
    };
    check(
        &mut failures,
        "MX of another cloud",
        message(Lang::En),
        message(Lang::Vi),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
