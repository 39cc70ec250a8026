use super::*;

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

fn card(input: &CardInput) -> Card {
    match build_card(input, Lang::En, "2026-11-28") {
        Ok(card) => card,
        Err(errors) => panic!("unexpected errors: {errors:?}"),
    }
}

fn errors(input: &CardInput) -> Vec<&'static str> {
    match build_card(input, Lang::En, "2026-11-28") {
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
    let text = render_text(&c, Lang::En);
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
fn hostile_names_are_escaped_in_html() {
    let mut i = input(MethodId::ClientSubmission);
    i.device = "<script>alert('x')</script> & \"co\"".into();
    let html = render_html(&card(&i), Lang::En);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"));
}

#[test]
fn vietnamese_card() {
    let c = match build_card(&input(MethodId::ClientSubmission), Lang::Vi, "2026-11-28") {
        Ok(c) => c,
        Err(e) => panic!("{e:?}"),
    };
    let en = card(&input(MethodId::ClientSubmission));
    assert_eq!(c.smart_host, en.smart_host);
    assert_ne!(c.sign_in, en.sign_in);
}
