use super::*;
use crate::card::CardLines;
use crate::method::methods;
use crate::plan::{for_sender, Client};

const DATE: &str = "2026-12-02";

/// What the facts file ("Sovereign clouds") gives each cloud: the SMTP AUTH host, the
/// SPF include and the MX suffix. Written out here, not read from `Cloud`, so a wrong
/// value there fails this table.
const FACTS: [(Cloud, &str, &str, &str); 5] = [
    (
        Cloud::Worldwide,
        "smtp.office365.com",
        "spf.protection.outlook.com",
        "mail.protection.outlook.com",
    ),
    (
        Cloud::Gcc,
        "smtp.office365.com",
        "spf.protection.outlook.com",
        "mail.protection.outlook.com",
    ),
    (
        Cloud::GccHigh,
        "outlook.office365.us",
        "spf.protection.office365.us",
        "mail.protection.office365.us",
    ),
    (
        Cloud::Dod,
        "outlook-dod.office365.us",
        "spf.protection.office365.us",
        "mail.protection.office365.us",
    ),
    (
        Cloud::China21Vianet,
        "smtp.partner.outlook.cn",
        "spf.protection.partner.outlook.cn",
        "mail.protection.partner.outlook.cn",
    ),
];

/// Endpoints our sources give for the worldwide cloud only.
const WORLDWIDE_ONLY: [&str; 2] = ["smtp-hve.office365.com", "smtp.azurecomm.net"];

fn facts(cloud: Cloud) -> (&'static str, &'static str, &'static str) {
    FACTS
        .iter()
        .find(|(c, ..)| *c == cloud)
        .map(|&(_, host, include, suffix)| (host, include, suffix))
        .unwrap_or_else(|| panic!("{cloud:?} has no row"))
}

/// A complete device for `method` in `cloud`; MX methods get an MX host of that cloud.
fn device(id: MethodId, cloud: Cloud) -> Device {
    let (_, _, suffix) = facts(cloud);
    let smart_host = match method(id).host {
        Host::TenantMx => format!("contoso-com.{suffix}"),
        Host::OwnServer => "relay.contoso.com".to_owned(),
        _ => String::new(),
    };
    Device {
        name: "Ricoh 2nd floor".into(),
        method: id.as_str().into(),
        cloud,
        from: "scanner@contoso.com".into(),
        domain: "contoso.com".into(),
        smart_host,
        ip: "203.0.113.25".into(),
        ..Device::default()
    }
}

/// A device's card and its lines worded in one language, as the tests read them.
struct Built {
    data: DeviceCard,
    lang: Lang,
    card: CardLines,
    spf: Option<String>,
    availability: Availability,
    spf_include: Option<&'static str>,
}

fn built(device: &Device, lang: Lang) -> Built {
    let data =
        build_device_card(device, DATE).unwrap_or_else(|e| panic!("{device:?} in {lang:?}: {e:?}"));
    Built {
        card: data.card.lines(lang),
        spf: data.spf(lang),
        availability: data.availability,
        spf_include: data.spf_include,
        lang,
        data,
    }
}

/// Every line of the card, as the app, the guide and the print show it.
fn shown(card: &Built, lang: Lang) -> String {
    assert_eq!(
        card.lang, lang,
        "the lines are worded in the card's language"
    );
    device_card_rows(&card.data, lang)
        .into_iter()
        .map(|(label, value)| format!("{label}: {value}\n"))
        .collect()
}

/// The hosts of every other cloud that this cloud does not share.
fn foreign_hosts(cloud: Cloud) -> Vec<&'static str> {
    let own = facts(cloud);
    let own = [own.0, own.1, own.2];
    FACTS
        .iter()
        .flat_map(|&(_, host, include, suffix)| [host, include, suffix])
        .filter(|host| !own.contains(host))
        .collect()
}

#[test]
fn no_card_names_a_host_of_another_cloud() {
    let mut failures = Vec::new();
    for (cloud, ..) in FACTS {
        for m in methods() {
            for lang in Lang::ALL {
                let card = built(&device(m.id, cloud), lang);
                let text = shown(&card, lang);
                let mut wrong = foreign_hosts(cloud);
                if cloud != Cloud::Worldwide {
                    wrong.extend(WORLDWIDE_ONLY);
                }
                for host in wrong {
                    if text.contains(host) {
                        failures.push(format!("{cloud:?} {:?} {lang:?} shows {host}", m.id));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn client_submission_points_at_the_cloud_s_host_in_the_card_and_its_test() {
    for (cloud, host, include, _) in FACTS {
        for lang in Lang::ALL {
            let card = built(&device(MethodId::ClientSubmission, cloud), lang);
            assert_eq!(card.card.smart_host, host, "{cloud:?}");
            assert!(card.card.smart_host_known);
            assert!(
                card.card
                    .test
                    .contains(&format!("Test-NetConnection {host} -Port 587")),
                "{cloud:?} {lang:?}: {}",
                card.card.test
            );
            assert_eq!(card.spf_include, Some(include), "{cloud:?}");
            let spf = card.spf.clone().unwrap_or_default();
            assert!(spf.contains(&format!("include:{include}")), "{spf}");
            assert!(
                !spf.contains("ip4:"),
                "client submission needs no device IP: {spf}"
            );
        }
    }
}

#[test]
fn gcc_high_says_its_submission_host_is_disputed() {
    let note = text(Lang::En, "cloud.gcc-high.host-disagreement");
    let gcc_high = built(
        &device(MethodId::ClientSubmission, Cloud::GccHigh),
        Lang::En,
    );
    assert!(
        gcc_high.card.warnings.contains(&note),
        "{:?}",
        gcc_high.card.warnings
    );
    for cloud in [Cloud::Worldwide, Cloud::Dod, Cloud::China21Vianet] {
        let card = built(&device(MethodId::ClientSubmission, cloud), Lang::En);
        assert!(!card.card.warnings.contains(&note), "{cloud:?}");
    }
}

#[test]
fn newer_services_outside_worldwide_say_they_are_unconfirmed_instead_of_a_host() {
    for id in [MethodId::Hve, MethodId::Acs, MethodId::GraphApi] {
        let worldwide = built(&device(id, Cloud::Worldwide), Lang::En);
        assert_eq!(worldwide.availability, Availability::Yes);
        assert!(!worldwide.card.smart_host.starts_with("Not confirmed"));
        for cloud in [Cloud::Gcc, Cloud::GccHigh, Cloud::Dod, Cloud::China21Vianet] {
            for lang in Lang::ALL {
                let card = built(&device(id, cloud), lang);
                // Graph's card is an application's (see `build_card`).
                let expected = crate::i18n::format(
                    lang,
                    &for_sender("card.cloud.unconfirmed", card.card.client),
                    &[
                        ("method", &card.card.method_name),
                        ("cloud", &cloud.name(lang)),
                    ],
                );
                assert_eq!(card.card.smart_host, expected, "{id:?} {cloud:?} {lang:?}");
                assert!(!card.card.smart_host_known);
                assert_eq!(card.spf, None, "no SPF advice for an unconfirmed method");
            }
        }
    }
    let hve = built(&device(MethodId::Hve, Cloud::GccHigh), Lang::En);
    assert!(
        hve.card
            .smart_host
            .starts_with("Not confirmed in GCC High: "),
        "{}",
        hve.card.smart_host
    );
}

#[test]
fn a_method_missing_from_a_cloud_is_called_unavailable() {
    for lang in Lang::ALL {
        let host = |availability, method, cloud| {
            let card = Card {
                smart_host: SmartHost::NotInCloud {
                    availability,
                    cloud,
                },
                ..built(&device(method, Cloud::Worldwide), lang).data.card
            };
            card.smart_host_text(lang)
        };
        let unavailable = host(Availability::No, MethodId::RelayIp, Cloud::Dod);
        let unconfirmed = host(Availability::Unconfirmed, MethodId::RelayIp, Cloud::Dod);
        assert_ne!(unavailable, unconfirmed);
        let relay = text(lang, &MethodId::RelayIp.key("name"));
        assert!(unavailable.contains("DoD") && unavailable.contains(&relay));
        if lang == Lang::En {
            assert!(host(Availability::No, MethodId::Hve, Cloud::Gcc)
                .starts_with("Not available in GCC"));
        }
    }
}

#[test]
fn mx_methods_never_guess_the_host_in_any_cloud() {
    for (cloud, ..) in FACTS {
        for id in [MethodId::DirectSend, MethodId::RelayIp, MethodId::RelayCert] {
            let mut device = device(id, cloud);
            device.smart_host.clear();
            let card = built(&device, Lang::En);
            assert!(!card.card.smart_host_known, "{cloud:?} {id:?}");
            let text = shown(&card, Lang::En);
            assert!(
                !text.contains("mail.protection"),
                "{cloud:?} {id:?}: {text}"
            );
            assert!(!text.contains("mx.microsoft"), "{cloud:?} {id:?}: {text}");
        }
    }
}

#[test]
fn an_mx_host_of_another_cloud_is_refused_on_the_smart_host_field() {
    // (device's cloud, typed MX host, refused)
    let table = [
        (
            Cloud::GccHigh,
            "contoso-com.mail.protection.outlook.com",
            true,
        ),
        (Cloud::GccHigh, "contoso-com.o-v1.mx.microsoft", true),
        (
            Cloud::GccHigh,
            "contoso.mail.protection.partner.outlook.cn",
            true,
        ),
        (
            Cloud::GccHigh,
            "contoso.mail.protection.office365.us",
            false,
        ),
        (Cloud::Dod, "contoso.mail.protection.office365.us.", false),
        (
            Cloud::Worldwide,
            "contoso.mail.protection.office365.us",
            true,
        ),
        (Cloud::Worldwide, "CONTOSO-COM.o-v1.MX.MICROSOFT", false),
        (Cloud::Gcc, "contoso-com.mail.protection.outlook.com", false),
        (
            Cloud::Gcc,
            "contoso.mail.protection.partner.outlook.cn",
            true,
        ),
        (
            Cloud::China21Vianet,
            "contoso.mail.protection.partner.outlook.cn",
            false,
        ),
        (
            Cloud::China21Vianet,
            "contoso-com.mail.protection.outlook.com",
            true,
        ),
        // Another provider or a gateway: core's card warns, the cloud cannot tell.
        (Cloud::GccHigh, "mx.gateway.example.net", false),
    ];
    let mut failures = Vec::new();
    for (cloud, host, refused) in table {
        let device = Device {
            smart_host: host.into(),
            ..device(MethodId::DirectSend, cloud)
        };
        let result = build_device_card(&device, DATE);
        let error = result
            .as_ref()
            .err()
            .and_then(|errors| errors.iter().find(|e| e.field == "smart-host").cloned());
        if error.is_some() != refused {
            failures.push(format!("{cloud:?} {host}: {result:?}"));
        }
        if let Some(error) = error {
            let (_, _, suffix) = facts(cloud);
            let message = error.message(Lang::En);
            if !(message.contains(suffix) && message.contains(&cloud.name(Lang::En))) {
                failures.push(format!("{cloud:?} {host}: {message}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let vi = build_device_card(
        &Device {
            smart_host: "contoso-com.mail.protection.outlook.com".into(),
            ..device(MethodId::RelayIp, Cloud::GccHigh)
        },
        DATE,
    );
    let message = vi
        .err()
        .and_then(|e| e.first().map(|e| e.message(Lang::Vi)));
    assert!(
        message
            .as_deref()
            .is_some_and(|m| m.contains("không phải là máy chủ MX của GCC High")),
        "{message:?}"
    );
}

#[test]
fn the_cloud_error_comes_with_the_other_field_errors() {
    let both_wrong = Device {
        smart_host: "contoso-com.mail.protection.outlook.com".into(),
        from: "not an address".into(),
        ..device(MethodId::DirectSend, Cloud::GccHigh)
    };
    let fields: Vec<&str> = build_device_card(&both_wrong, DATE)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["from", "smart-host"]);
    // A host that is not even a name is core's error alone, not also the cloud's.
    let bad_name = Device {
        smart_host: "bad host!.mail.protection.outlook.com".into(),
        ..device(MethodId::DirectSend, Cloud::GccHigh)
    };
    let errors = build_device_card(&bad_name, DATE).err().unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn spf_lines_follow_the_method_and_the_cloud() {
    let include = "spf.protection.office365.us";
    let table: [(MethodId, bool, Option<String>); 9] = [
        (
            MethodId::DirectSend,
            true,
            Some(format!("ip4:203.0.113.25 include:{include}")),
        ),
        (
            MethodId::DirectSend,
            false,
            Some(format!("ip4:<the device's public IP> include:{include}")),
        ),
        (
            MethodId::RelayIp,
            true,
            Some(format!("ip4:203.0.113.25 include:{include}")),
        ),
        (
            MethodId::RelayCert,
            false,
            Some(format!("ip4:<the device's public IP> include:{include}")),
        ),
        (
            MethodId::ClientSubmission,
            true,
            Some(format!("include:{include}")),
        ),
        (MethodId::OnpremRelay, true, None),
        // Unconfirmed in GCC High: no advice rather than worldwide advice.
        (MethodId::Hve, true, None),
        (MethodId::Acs, true, None),
        (MethodId::GraphApi, true, None),
    ];
    for (id, with_ip, expected) in table {
        let mut device = device(id, Cloud::GccHigh);
        if !with_ip {
            device.ip.clear();
        }
        let card = built(&device, Lang::En);
        assert_eq!(card.spf, expected, "{id:?} with IP {with_ip}");
        assert_eq!(card.spf_include.is_some(), card.spf.is_some(), "{id:?}");
    }
    let acs = built(&device(MethodId::Acs, Cloud::Worldwide), Lang::En);
    assert_eq!(acs.spf, None, "ACS sends from Azure, not Microsoft 365");
    let hve = built(&device(MethodId::Hve, Cloud::Worldwide), Lang::En);
    assert_eq!(hve.spf_include, Some("spf.protection.outlook.com"));
}

#[test]
fn rows_carry_the_cloud_after_the_method_and_spf_before_the_test() {
    for lang in Lang::ALL {
        let card = built(&device(MethodId::RelayIp, Cloud::Dod), lang);
        let rows = device_card_rows(&card.data, lang);
        let label = |key: &str| text(lang, &format!("card.label.{key}"));
        let at = |key: &str| rows.iter().position(|(l, _)| *l == label(key));
        assert_eq!(at("cloud"), at("method").map(|i| i + 1), "{rows:?}");
        assert_eq!(at("spf"), at("test").map(|i| i - 1), "{rows:?}");
        assert_eq!(
            rows[at("cloud").unwrap_or_default()].1,
            Cloud::Dod.name(lang)
        );
        // Every row of core's card is still there, in its order.
        let core: Vec<(String, String)> = card_rows(&card.data.card, lang);
        let kept: Vec<(String, String)> = rows
            .iter()
            .filter(|(l, _)| *l != label("cloud") && *l != label("spf"))
            .cloned()
            .collect();
        assert_eq!(kept, core);
    }
}

#[test]
fn a_worldwide_card_keeps_core_s_lines() {
    // Worldwide changes nothing core wrote; it only gains the cloud and SPF rows.
    for m in methods() {
        let device = device(m.id, Cloud::Worldwide);
        let card = built(&device, Lang::En);
        let core = crate::card::build_card(&device.card_input(), DATE);
        assert_eq!(Ok(card.data.card), core, "{:?}", m.id);
    }
}

/// `device(id, cloud)` as an application.
fn application(id: MethodId, cloud: Cloud) -> Device {
    Device {
        name: "Billing app".into(),
        client: Client::Application,
        ..device(id, cloud)
    }
}

#[test]
fn an_applications_card_says_the_application_in_every_line() {
    let mut failures = Vec::new();
    for (cloud, ..) in FACTS {
        for m in methods() {
            for (lang, word) in [(Lang::En, "device"), (Lang::Vi, "thiết bị")] {
                for mut sender in [application(m.id, cloud)] {
                    // Without an IP the SPF line names the application's IP.
                    sender.ip.clear();
                    let Ok(card) = build_device_card(&sender, DATE) else {
                        continue;
                    };
                    let text = device_card_rows(&card, lang)
                        .into_iter()
                        .map(|(label, value)| format!("{label}: {value}\n"))
                        .collect::<String>()
                        .to_lowercase();
                    if text.contains(word) {
                        failures.push(format!("{cloud:?} {:?} {lang:?}:\n{text}", m.id));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_applications_card_names_it_and_its_settings() {
    let mut submission = application(MethodId::ClientSubmission, Cloud::Worldwide);
    submission.username = "billing@contoso.com".into();
    let english = shown(&built(&submission, Lang::En), Lang::En);
    assert!(
        english.starts_with("Application: Billing app\n"),
        "{english}"
    );
    assert!(
        english.contains("enter the password in the application's settings"),
        "{english}"
    );
    let vietnamese = shown(&built(&submission, Lang::Vi), Lang::Vi);
    assert!(
        vietnamese.starts_with("Ứng dụng: Billing app\n"),
        "{vietnamese}"
    );
    assert!(
        vietnamese.contains("nhập mật khẩu trong phần cấu hình của ứng dụng"),
        "{vietnamese}"
    );
    // The texts of this module: the SPF placeholder, the unconfirmed host, the MX error.
    let mut direct = application(MethodId::DirectSend, Cloud::Worldwide);
    direct.ip.clear();
    let spf = built(&direct, Lang::En).spf;
    assert_eq!(
        spf.as_deref(),
        Some("ip4:<the public IP the application sends from> include:spf.protection.outlook.com")
    );
    let hve = built(&application(MethodId::Hve, Cloud::GccHigh), Lang::En);
    assert!(
        hve.card
            .smart_host
            .ends_with("before you set up the application."),
        "{}",
        hve.card.smart_host
    );
    let mut foreign = application(MethodId::DirectSend, Cloud::GccHigh);
    foreign.smart_host = "contoso-com.mail.protection.outlook.com".into();
    let errors = build_device_card(&foreign, DATE).err().unwrap_or_default();
    assert!(
        errors.iter().any(|e| e
            .message(Lang::Vi)
            .ends_with("chọn đúng môi trường đám mây cho ứng dụng.")),
        "{errors:?}"
    );
    // The same device as a device keeps the device's words.
    let as_device = Device {
        client: Client::Device,
        ..submission
    };
    let english = shown(&built(&as_device, Lang::En), Lang::En);
    assert!(english.starts_with("Device: Billing app\n"), "{english}");
    assert!(
        english.contains("enter the password on the device"),
        "{english}"
    );
}

fn contoso_printer(customer: &str) -> Device {
    Device {
        name: "Ricoh 2nd floor".into(),
        customer: customer.into(),
        method: "client-submission".into(),
        from: "scanner@contoso.com".into(),
        ..Device::default()
    }
}

#[test]
fn the_card_carries_the_customer_trimmed_or_none() {
    let card = build_device_card(&contoso_printer("  Contoso Đà Nẵng "), DATE);
    assert_eq!(
        card.map(|c| c.customer),
        Ok(Some("Contoso Đà Nẵng".to_owned()))
    );
    let card = build_device_card(&contoso_printer("   "), DATE);
    assert_eq!(card.map(|c| c.customer), Ok(None));
}

#[test]
fn a_customer_too_long_or_with_a_control_character_is_the_customer_fields_error() {
    for (customer, en, vi) in [
        (
            "c".repeat(81),
            "the customer name is 81 characters long; use at most 80",
            "tên khách hàng dài 81 ký tự; hãy dùng tối đa 80 ký tự",
        ),
        (
            "Contoso\u{7}".to_owned(),
            "contains a control character",
            "chứa một ký tự điều khiển",
        ),
    ] {
        let errors = build_device_card(&contoso_printer(&customer), DATE).err();
        let errors = errors.unwrap_or_default();
        assert_eq!(errors.len(), 1, "{customer:?}");
        assert_eq!(errors[0].field, "customer");
        assert!(
            errors[0].message(Lang::En).contains(en),
            "{}",
            errors[0].message(Lang::En)
        );
        assert!(
            errors[0].message(Lang::Vi).contains(vi),
            "{}",
            errors[0].message(Lang::Vi)
        );
    }
    // Listed with the card's own errors, not in place of them.
    let mut device = contoso_printer(&"c".repeat(81));
    device.from = String::new();
    let errors = build_device_card(&device, DATE).err().unwrap_or_default();
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["from", "customer"]);
}
