//! `smarthost card` and `smarthost connector` as users and scripts run them.

use std::process::{Command, Output};

fn smarthost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn card_in_three_formats() {
    let base = [
        "card",
        "--method",
        "direct-send",
        "--device",
        "Ricoh <MFP>",
        "--from",
        "scanner@contoso.com",
        "--smart-host",
        "octobot-io01b.mail.protection.outlook.com",
    ];
    let text = stdout(&smarthost(&base));
    assert!(
        text.contains("octobot-io01b.mail.protection.outlook.com"),
        "{text}"
    );
    assert!(text.contains("Port           25"), "{text}");

    let html = stdout(&smarthost(&[&base[..], &["--format", "html"]].concat()));
    assert!(html.contains("<h2>Ricoh &lt;MFP&gt;</h2>"), "{html}");

    let json = stdout(&smarthost(&[&base[..], &["--format", "json"]].concat()));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["method"], "direct-send");
    assert_eq!(value["port"], 25);
    assert_eq!(value["smart_host_known"], true);
}

#[test]
fn card_in_vietnamese() {
    let out = smarthost(&[
        "card",
        "--method",
        "client-submission",
        "--device",
        "Máy quét",
        "--from",
        "scan@congty.vn",
        "--lang",
        "vi",
    ]);
    let text = stdout(&out);
    assert!(text.contains("smtp.office365.com"), "{text}");
    assert!(text.contains("Thiết bị"), "{text}");
}

#[test]
fn card_rejects_bad_values_with_exit_2_and_one_line_per_field() {
    let out = smarthost(&[
        "card",
        "--method",
        "relay-ip",
        "--device",
        "Printer",
        "--from",
        "printer@contoso.com",
        "--ip",
        "192.168.1.10",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("smarthost: --ip: "), "{stderr}");
    assert!(!stderr.contains("usage:"), "{stderr}");
    assert_eq!(
        smarthost(&["card", "--device", "x", "--from", "a@b.com"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        smarthost(&["card", "--method", "smtp", "--device", "x"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        smarthost(&[
            "card", "--method", "hve", "--device", "x", "--from", "a@b.com", "--format", "pdf"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn connector_prints_steps_and_safe_powershell() {
    let out = smarthost(&[
        "connector",
        "--kind",
        "relay-ip",
        "--ips",
        "203.0.113.10",
        "--name",
        "Scanner'; Stop-Computer; '",
    ]);
    let text = stdout(&out);
    assert!(text.contains(
        "New-InboundConnector -Name 'Scanner''; Stop-Computer; ''' -ConnectorType OnPremises -SenderDomains * -SenderIPAddresses '203.0.113.10' -RestrictDomainsToIPAddresses $true"
    ), "{text}");
    assert!(text.contains("1. Open the Exchange admin center"), "{text}");
}

#[test]
fn connector_json_and_errors() {
    let json = stdout(&smarthost(&[
        "connector",
        "--kind",
        "relay-cert",
        "--cert-name",
        "relay.contoso.com",
        "--json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["kind"], "relay-cert");
    assert!(value["powershell"][0]
        .as_str()
        .is_some_and(|c| c.contains("-TlsSenderCertificateName 'relay.contoso.com'")));
    assert_eq!(
        smarthost(&["connector", "--kind", "relay-ip", "--ips", "10.1.2.3"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        smarthost(&["connector", "--kind", "relay-ip", "--ips", "203.0.113.0/16"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        smarthost(&["connector", "--kind", "bridge"]).status.code(),
        Some(2)
    );
    assert_eq!(
        smarthost(&["connector", "--ips", "203.0.113.10"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_card_in_another_cloud_never_names_a_worldwide_host() {
    for (method, worldwide) in [
        ("client-submission", "smtp.office365.com"),
        ("hve", "smtp-hve.office365.com"),
    ] {
        let out = smarthost(&[
            "card",
            "--method",
            method,
            "--device",
            "Scanner",
            "--from",
            "scanner@contoso.com",
            "--cloud",
            "gcc-high",
            "--today",
            "2026-12-02",
            "--format",
            "text",
        ]);
        let text = stdout(&out);
        assert!(!text.contains(worldwide), "{method}: {text}");
    }
}

#[test]
fn connector_for_an_application_says_the_application() {
    let relay = |extra: &[&str]| {
        let args = [
            &["connector", "--kind", "relay-ip", "--ips", "203.0.113.10"],
            extra,
        ]
        .concat();
        stdout(&smarthost(&args))
    };
    let application = relay(&["--client", "application"]);
    assert!(
        application.contains("- Point the application at your domain's MX host"),
        "{application}"
    );
    assert!(
        application.contains("- Add the public IP the application sends from to your SPF record"),
        "{application}"
    );
    assert!(
        application.contains("New-InboundConnector -Name 'Relay - Applications'"),
        "{application}"
    );
    // No step or warning calls it a device; the documentation-range warning about
    // 203.0.113.10 is there and speaks of the sender's address.
    let steps = |text: &str| -> Vec<String> { text.lines().map(str::to_owned).collect() };
    assert!(application.contains("203.0.113.0/24"), "{application}");
    assert!(
        steps(&application).iter().all(|l| !l.contains("device")),
        "{application}"
    );
    let vietnamese = relay(&["--client", "application", "--lang", "vi"]);
    assert!(
        vietnamese.contains("- Trỏ ứng dụng tới máy chủ MX"),
        "{vietnamese}"
    );
    assert!(
        steps(&vietnamese).iter().all(|l| !l.contains("thiết bị")),
        "{vietnamese}"
    );
    // A device, named or not, reads as before.
    for device in [relay(&[]), relay(&["--client", "device"])] {
        assert!(
            device.contains("- Point the device at your domain's MX host"),
            "{device}"
        );
        assert!(
            device.contains("New-InboundConnector -Name 'Relay - MFDs'"),
            "{device}"
        );
    }
    // The missing-IP error of a partner connector follows the sender too.
    let out = smarthost(&["connector", "--kind", "partner", "--client", "application"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "smarthost: --ips: Enter the static public IPv4 address the application sends from (or a range from /24 to /32).\n"
    );
}

#[test]
fn connector_refuses_an_unknown_client_with_exit_2() {
    let out = smarthost(&[
        "connector",
        "--kind",
        "relay-ip",
        "--ips",
        "203.0.113.10",
        "--client",
        "printer",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "smarthost: --client must be device or application, not `printer`\n\nusage:"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("[--client device|application]\n       [--lang en|vi] [--json]"),
        "{stderr}"
    );
}
