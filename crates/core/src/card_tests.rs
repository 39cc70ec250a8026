use super::*;
use crate::plan::Client;

fn input(method: MethodId) -> CardInput {
    CardInput {
        device: "Ricoh MFP 2nd floor".into(),
        location: Some("Da Nang office".into()),
        model: None,
        method: Some(method),
        from: "scanner@contoso.com".into(),
        domain: Some("contoso.com".into()),
        smart_host: None,
        ip: None,
        username: None,
        cloud: Cloud::Worldwide,
    }
}

fn built(input: &CardInput) -> Card {
    match build_card(input, "2026-11-28") {
        Ok(card) => card,
        Err(errors) => panic!("unexpected errors: {errors:?}"),
    }
}

/// The card's lines in English.
fn card(input: &CardInput) -> CardLines {
    built(input).lines(Lang::En)
}

fn errors(input: &CardInput) -> Vec<&'static str> {
    match build_card(input, "2026-11-28") {
        Ok(card) => panic!("accepted: {card:?}"),
        Err(errors) => errors.iter().map(|e| e.field).collect(),
    }
}

#[test]
fn direct_send_card_uses_the_published_mx_and_no_sign_in() {
    let mut i = input(MethodId::DirectSend);
    i.smart_host = Some("contoso-com.mail.protection.outlook.com".into());
    let c = card(&i);
    assert_eq!(c.smart_host, "contoso-com.mail.protection.outlook.com");
    assert!(c.smart_host_known);
    assert_eq!(c.port, Some(25));
    assert!(c.sign_in.starts_with("None"));
    assert_eq!(c.from, "scanner@contoso.com");
    assert!(c.recipients.starts_with("Internal only"));
    assert!(c.warnings.is_empty());
}

#[test]
fn without_a_host_the_card_says_to_read_the_mx_never_guesses() {
    let c = card(&input(MethodId::DirectSend));
    assert!(!c.smart_host_known);
    assert!(c.smart_host.contains("contoso.com"));
    assert!(!c.smart_host.contains("mail.protection.outlook.com"));
}

#[test]
fn client_submission_card_never_holds_a_password() {
    let c = card(&input(MethodId::ClientSubmission));
    assert_eq!(c.smart_host, "smtp.office365.com");
    assert_eq!(c.port, Some(587));
    assert!(c.sign_in.contains("scanner@contoso.com"));
    assert!(c.sign_in.contains("never written here"));
    let text = render_text(&built(&input(MethodId::ClientSubmission)), Lang::En);
    assert!(text.contains("smtp.office365.com") && text.contains("587"));
}

#[test]
fn sovereign_cloud_hosts_on_the_card() {
    let mut i = input(MethodId::ClientSubmission);
    i.cloud = Cloud::China21Vianet;
    assert_eq!(card(&i).smart_host, "smtp.partner.outlook.cn");
}

#[test]
fn relay_ip_needs_a_public_ip() {
    let mut i = input(MethodId::RelayIp);
    assert_eq!(errors(&i), ["ip"]);
    i.ip = Some("192.168.1.20".into());
    assert_eq!(errors(&i), ["ip"]);
    i.ip = Some("100.64.3.4".into());
    assert_eq!(errors(&i), ["ip"]);
    i.ip = Some("2001:db8::1".into());
    assert_eq!(errors(&i), ["ip"]);
    i.ip = Some("198.51.100.7".into());
    let c = card(&i);
    assert_eq!(c.ip.as_deref(), Some("198.51.100.7"));
    assert_eq!(
        c.warnings.len(),
        1,
        "documentation range warns: {:?}",
        c.warnings
    );
}

#[test]
fn every_bad_field_is_reported() {
    let i = CardInput {
        device: "\u{7}".into(),
        from: "Scanner <scan@contoso.com>".into(),
        domain: Some("exa mple.com".into()),
        smart_host: Some("-bad-.com".into()),
        ip: Some("10.0.0.1".into()),
        ..input(MethodId::DirectSend)
    };
    assert_eq!(errors(&i), ["device", "from", "domain", "ip", "smart-host"]);
    let no_method = CardInput {
        method: None,
        ..input(MethodId::DirectSend)
    };
    assert_eq!(errors(&no_method), ["method"]);
}

#[test]
fn warnings_for_a_foreign_from_domain_and_a_non_microsoft_mx() {
    let mut i = input(MethodId::DirectSend);
    i.from = "scanner@fabrikam.com".into();
    i.smart_host = Some("mx1.mimecast.com".into());
    let c = card(&i);
    assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
}

#[test]
fn vietnamese_card() {
    // One card, worded in each language.
    let built = built(&input(MethodId::ClientSubmission));
    let c = built.lines(Lang::Vi);
    let en = built.lines(Lang::En);
    assert_eq!(c.smart_host, en.smart_host);
    assert_ne!(c.sign_in, en.sign_in);
}

fn built_on(input: &CardInput, client: Option<Client>, date: &str) -> Card {
    build_card_for(input, client, date).unwrap_or_else(|e| panic!("{e:?}"))
}

fn card_on(input: &CardInput, client: Option<Client>, date: &str, lang: Lang) -> CardLines {
    built_on(input, client, date).lines(lang)
}

#[test]
fn a_client_submission_card_counts_down_to_basic_auth_off_then_says_it_is() {
    let i = input(MethodId::ClientSubmission);
    let before = card_on(&i, None, "2026-12-02", Lang::En);
    assert_eq!(
        before.warnings,
        ["Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days): sign in with OAuth where the device offers it."]
    );
    let after = card_on(&i, None, "2027-01-04", Lang::En);
    assert_eq!(
        after.warnings,
        ["Basic auth for SMTP AUTH has been off by default since the end of December 2026: sign in with OAuth where the device offers it."]
    );
    let vi = card_on(&i, None, "2026-12-02", Lang::Vi);
    assert!(
        vi.warnings[0].contains("(còn 29 ngày)"),
        "{:?}",
        vi.warnings
    );
    let hve = card_on(&input(MethodId::Hve), None, "2026-12-02", Lang::En);
    assert_eq!(
        hve.warnings,
        ["HVE accounts may use Basic auth until September 2028 (668 days left)."]
    );
    // Methods with no dated fact about their sign-in get no note.
    let mut direct = input(MethodId::DirectSend);
    direct.smart_host = Some("contoso-com.mail.protection.outlook.com".into());
    assert!(card_on(&direct, None, "2026-12-02", Lang::En)
        .warnings
        .is_empty());
    // The rows show it under "Note".
    let rows = card_rows(&built_on(&i, None, "2026-12-02"), Lang::En);
    assert!(rows
        .iter()
        .any(|(label, value)| label == "Note" && value.contains("(in 29 days)")));
}

#[test]
fn an_application_card_says_the_application() {
    for id in [MethodId::ClientSubmission, MethodId::Hve, MethodId::Acs] {
        for lang in Lang::ALL {
            let c = built_on(&input(id), Some(Client::Application), "2026-12-02");
            let all: Vec<String> = card_rows(&c, lang)
                .into_iter()
                .flat_map(|(label, value)| [label, value])
                .collect();
            let device = if lang == Lang::En {
                "device"
            } else {
                "thiết bị"
            };
            // The name the admin typed may say anything; the card's own words may not.
            for text in all.iter().filter(|t| **t != c.device) {
                assert!(
                    !text.to_lowercase().contains(device),
                    "{} in {}: {text}",
                    id.as_str(),
                    lang.code()
                );
            }
        }
    }
    let app = built_on(
        &input(MethodId::ClientSubmission),
        Some(Client::Application),
        "2026-12-02",
    );
    assert!(app
        .sign_in(Lang::En)
        .contains("in the application's settings"));
    assert_eq!(card_rows(&app, Lang::En)[0].0, "Application");
    let device = built(&input(MethodId::ClientSubmission));
    assert!(device
        .sign_in(Lang::En)
        .contains("enter the password on the device"));
    assert_eq!(card_rows(&device, Lang::En)[0].0, "Device");
    // Graph sendMail is only for applications.
    let graph = card(&input(MethodId::GraphApi));
    assert_eq!(graph.client, Some(Client::Application));
    let mut relay = input(MethodId::RelayIp);
    relay.ip = None;
    let errors = build_card_for(&relay, Some(Client::Application), "2026-12-02")
        .err()
        .unwrap_or_default();
    assert_eq!(
        errors.first().map(|e| e.message(Lang::En)).as_deref(),
        Some("An IP connector needs the static public IPv4 address the application sends from.")
    );
}

#[test]
fn the_acs_card_warns_of_the_secret_length() {
    let c = card(&input(MethodId::Acs));
    assert!(c.sign_in.contains("about 40 characters"), "{}", c.sign_in);
}

#[test]
fn the_direct_send_test_names_the_smart_host_once_it_is_known() {
    let mut i = input(MethodId::DirectSend);
    for lang in [Lang::En, Lang::Vi] {
        let unknown = built(&i).lines(lang).test;
        assert!(!unknown.contains("mail.protection"), "{unknown}");
    }
    i.smart_host = Some("contoso-com.mail.protection.outlook.com".into());
    for lang in [Lang::En, Lang::Vi] {
        let test = built(&i).lines(lang).test;
        assert!(
            test.contains("Test-NetConnection contoso-com.mail.protection.outlook.com -Port 25"),
            "{test}"
        );
        assert!(!test.contains('<'), "{test}");
    }
}
