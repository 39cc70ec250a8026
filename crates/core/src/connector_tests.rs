use super::*;

fn input(name: Option<&str>, ips: &[&str], cert: Option<&str>, domains: &[&str]) -> ConnectorInput {
    ConnectorInput {
        name: name.map(str::to_owned),
        ips: ips.iter().map(|s| (*s).to_owned()).collect(),
        cert_name: cert.map(str::to_owned),
        sender_domains: domains.iter().map(|s| (*s).to_owned()).collect(),
        cloud: Cloud::Worldwide,
        client: None,
    }
}

/// The steps for `input`, worded in English.
fn steps(kind: ConnectorKind, input: &ConnectorInput) -> ConnectorText {
    match connector_steps(kind, input) {
        Ok(steps) => steps.in_lang(Lang::En),
        Err(errors) => panic!("unexpected errors: {errors:?}"),
    }
}

#[test]
fn ip_connector_matches_the_documented_command() {
    let s = steps(
        ConnectorKind::RelayIp,
        &input(None, &["203.0.113.10"], None, &[]),
    );
    assert_eq!(
        s.powershell,
        ["New-InboundConnector -Name 'Relay - MFDs' -ConnectorType OnPremises -SenderDomains * -SenderIPAddresses '203.0.113.10' -RestrictDomainsToIPAddresses $true"]
    );
    assert!(s.eac.iter().any(|step| step.contains("203.0.113.10")));
    assert!(s.after.iter().any(
        |step| step.contains("ip4:203.0.113.10") && step.contains("spf.protection.outlook.com")
    ));
    // Documentation addresses are accepted with a warning.
    assert!(!s.warnings.is_empty());
}

#[test]
fn certificate_connector_requires_tls() {
    let s = steps(
        ConnectorKind::RelayCert,
        &input(Some("Printers"), &[], Some("Relay.Contoso.com"), &[]),
    );
    assert_eq!(
        s.powershell,
        ["New-InboundConnector -Name 'Printers' -ConnectorType OnPremises -SenderDomains * -TlsSenderCertificateName 'relay.contoso.com' -RequireTls $true"]
    );
}

#[test]
fn partner_connector_for_reject_direct_send() {
    let s = steps(
        ConnectorKind::Partner,
        &input(None, &["198.51.100.7"], None, &["contoso.com"]),
    );
    assert_eq!(
        s.powershell,
        ["New-InboundConnector -Name 'Relay - MFDs' -ConnectorType Partner -SenderDomains 'contoso.com' -SenderIPAddresses '198.51.100.7' -RestrictDomainsToIPAddresses $true -RequireTls $true"]
    );
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let result = connector_steps(
        ConnectorKind::Partner,
        &input(
            Some("ok"),
            &["10.0.0.5", "2001:db8::1", "203.0.113.0/16"],
            Some("*"),
            &["exa mple.com"],
        ),
    );
    let fields: Vec<&str> = match &result {
        Err(errors) => errors.iter().map(|e| e.field).collect(),
        Ok(_) => panic!("hostile input accepted"),
    };
    assert_eq!(fields, ["ips", "ips", "ips", "cert-name", "sender-domains"]);
}

#[test]
fn missing_values_are_named() {
    let ip = connector_steps(ConnectorKind::RelayIp, &input(None, &[], None, &[]));
    assert!(matches!(ip, Err(ref e) if e[0].field == "ips"));
    let cert = connector_steps(ConnectorKind::RelayCert, &input(None, &[], None, &[]));
    assert!(matches!(cert, Err(ref e) if e[0].field == "cert-name"));
    let partner = connector_steps(ConnectorKind::Partner, &input(None, &[], None, &[]));
    assert!(matches!(partner, Err(ref e) if e[0].field == "ips"));
    // Without sender domains the partner connector takes any, and the steps say so.
    let any = steps(
        ConnectorKind::Partner,
        &input(None, &["198.51.100.7"], None, &[]),
    );
    assert!(any.powershell[0]
        .contains("-ConnectorType Partner -SenderDomains * -SenderIPAddresses '198.51.100.7'"));
    assert!(any.after.iter().any(|a| a.contains("--sender-domains")));
}

#[test]
fn hostile_names_cannot_break_or_extend_the_command() {
    let hostile = [
        "O'Brien's scanner",
        "'; Remove-Mailbox -Identity * -Confirm:$false; '",
        "$(Get-Process)",
        "`$env:USERNAME",
        "Scanner \u{2018}x\u{2019}",
        "<script>alert(1)</script>",
        "🖨️ Printer",
    ];
    for name in hostile {
        let s = steps(
            ConnectorKind::RelayIp,
            &input(Some(name), &["198.51.100.7"], None, &[]),
        );
        let command = &s.powershell[0];
        let prefix = "New-InboundConnector -Name ";
        let Some(rest) = command.strip_prefix(prefix) else {
            panic!("{command}");
        };
        let literal = crate::powershell::quote(name);
        assert!(rest.starts_with(&literal), "{name}: {command}");
        assert_eq!(
            &rest[literal.len()..],
            " -ConnectorType OnPremises -SenderDomains * -SenderIPAddresses '198.51.100.7' -RestrictDomainsToIPAddresses $true",
            "{name}"
        );
    }
    let control = connector_steps(
        ConnectorKind::RelayIp,
        &input(Some("a\nb"), &["198.51.100.7"], None, &[]),
    );
    assert!(matches!(control, Err(ref e) if e[0].field == "name"));
}

#[test]
fn tenant_steps_quote_the_mailbox() {
    let step = enable_smtp_auth_for_mailbox("scan'ner@contoso.com");
    assert_eq!(
        step.powershell[0],
        "Set-CASMailbox -Identity 'scan''ner@contoso.com' -SmtpClientAuthenticationDisabled $false"
    );
    assert_eq!(
        allow_legacy_tls().powershell,
        ["Set-TransportConfig -AllowLegacyTLSClients $true"]
    );
    assert!(reject_direct_send().powershell[1].contains("-RejectDirectSend $true"));
}

/// The after-steps and the missing-IP error of every connector kind for `client`.
fn sender_texts(client: Option<Client>, lang: Lang) -> Vec<String> {
    let with = |ips: &[&str]| ConnectorInput {
        client,
        ..input(None, ips, None, &[])
    };
    let mut texts = Vec::new();
    for kind in [ConnectorKind::RelayIp, ConnectorKind::Partner] {
        match connector_steps(kind, &with(&["198.51.100.7"])) {
            Ok(steps) => texts.extend(steps.in_lang(lang).after),
            Err(errors) => panic!("unexpected errors: {errors:?}"),
        }
        match connector_steps(kind, &with(&[])) {
            Err(errors) => texts.extend(errors.into_iter().map(|e| e.message(lang))),
            Ok(_) => panic!("steps without an IP"),
        }
    }
    texts
}

#[test]
fn an_application_reads_the_application_in_every_step_and_error() {
    let english = sender_texts(Some(Client::Application), Lang::En);
    for needle in [
        "Point the application at your domain's MX host",
        "Add the public IP the application sends from to your SPF record",
        "send a test from the application:",
        "Enter the static public IPv4 address the application sends from",
    ] {
        assert!(
            english.iter().any(|t| t.contains(needle)),
            "{needle}: {english:#?}"
        );
    }
    let vietnamese = sender_texts(Some(Client::Application), Lang::Vi);
    for needle in [
        "Trỏ ứng dụng tới máy chủ MX",
        "Thêm IP công cộng mà ứng dụng dùng để gửi thư vào bản ghi SPF",
        "hãy gửi thử từ ứng dụng:",
        "Nhập địa chỉ IPv4 công cộng tĩnh mà ứng dụng dùng để gửi thư",
    ] {
        assert!(
            vietnamese.iter().any(|t| t.contains(needle)),
            "{needle}: {vietnamese:#?}"
        );
    }
    // Nothing the application reads calls it a device.
    assert!(
        english.iter().all(|t| !t.contains("device")),
        "{english:#?}"
    );
    assert!(
        vietnamese.iter().all(|t| !t.contains("thiết bị")),
        "{vietnamese:#?}"
    );
}

#[test]
fn a_device_or_an_unknown_sender_keeps_the_device_wording() {
    for client in [None, Some(Client::Device)] {
        let english = sender_texts(client, Lang::En);
        assert!(english
            .iter()
            .any(|t| t.starts_with("Point the device at your domain's MX host")));
        assert!(english
            .iter()
            .any(|t| t.starts_with("Add the device's public IP to your SPF record")));
        assert!(english
            .iter()
            .any(|t| t.contains("send a test from the device:")));
        assert!(english
            .iter()
            .any(|t| t.starts_with("Enter the device's static public IPv4 address")));
        assert!(english.iter().all(|t| !t.contains("application")));
        let vietnamese = sender_texts(client, Lang::Vi);
        assert!(vietnamese
            .iter()
            .any(|t| t.starts_with("Trỏ thiết bị tới máy chủ MX")));
        assert!(vietnamese.iter().all(|t| !t.contains("ứng dụng")));
    }
}

#[test]
fn an_applications_connector_is_not_named_after_printers() {
    let relay = |client| {
        steps(
            ConnectorKind::RelayIp,
            &ConnectorInput {
                client,
                ..input(None, &["198.51.100.7"], None, &[])
            },
        )
    };
    let application = relay(Some(Client::Application));
    assert_eq!(application.name, "Relay - Applications");
    assert!(application.powershell[0].starts_with(
        "New-InboundConnector -Name 'Relay - Applications' -ConnectorType OnPremises"
    ));
    assert_eq!(relay(Some(Client::Device)).name, "Relay - MFDs");
    assert_eq!(relay(None).name, "Relay - MFDs");
    // A name the admin gives is kept whoever sends.
    let named = steps(
        ConnectorKind::RelayIp,
        &ConnectorInput {
            client: Some(Client::Application),
            ..input(Some("Billing"), &["198.51.100.7"], None, &[])
        },
    );
    assert_eq!(named.name, "Billing");
}

#[test]
fn each_method_names_the_connector_it_needs() {
    use crate::method::MethodId;
    assert_eq!(
        ConnectorKind::for_method(MethodId::RelayIp),
        Some(ConnectorKind::RelayIp)
    );
    assert_eq!(
        ConnectorKind::for_method(MethodId::RelayCert),
        Some(ConnectorKind::RelayCert)
    );
    assert_eq!(
        ConnectorKind::for_method(MethodId::DirectSend),
        Some(ConnectorKind::Partner)
    );
    for method in MethodId::ALL {
        if !matches!(
            method,
            MethodId::RelayIp | MethodId::RelayCert | MethodId::DirectSend
        ) {
            assert_eq!(ConnectorKind::for_method(method), None, "{method:?}");
        }
    }
}

#[test]
fn each_kind_uses_only_its_own_values_and_ignores_the_others() {
    use ConnectorField::*;
    assert_eq!(ConnectorKind::RelayIp.fields(), [Name, Ips]);
    assert_eq!(ConnectorKind::RelayCert.fields(), [Name, CertName, Ips]);
    assert_eq!(
        ConnectorKind::Partner.fields(),
        [Name, Ips, CertName, SenderDomains]
    );
    // A bad certificate name and bad domains typed for the partner connector do not
    // block the IP connector's steps, nor show up in them.
    let ip = steps(
        ConnectorKind::RelayIp,
        &input(
            None,
            &["198.51.100.7"],
            Some("bad_name!"),
            &["contoso..com"],
        ),
    );
    assert!(!ip.powershell[0].contains("Tls"), "{:?}", ip.powershell);
    // Nor do IPs and domains left from another kind block the certificate connector,
    // except that its addresses still feed the SPF advice.
    let cert = steps(
        ConnectorKind::RelayCert,
        &input(
            None,
            &["198.51.100.7"],
            Some("relay.contoso.com"),
            &["contoso..com"],
        ),
    );
    assert!(cert.after.iter().any(|a| a.contains("ip4:198.51.100.7")));
    let cert_errors = connector_steps(
        ConnectorKind::RelayCert,
        &input(None, &["10.0.0.0/8"], Some("relay.contoso.com"), &[]),
    );
    assert!(matches!(cert_errors, Err(ref e) if e.iter().all(|e| e.field == Ips.as_str())));
    // Every field a kind names is one its errors can name.
    for field in <ConnectorField as strum::VariantArray>::VARIANTS {
        assert!(["name", "ips", "cert-name", "sender-domains"].contains(&field.as_str()));
    }
}
