//! `smarthost explain` as users and scripts run it: a file, `-` or standard input; text
//! and JSON in both languages; the exit status for known, unknown and unreadable input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const NDR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/explain/ndr-tenant-attribution.txt"
);
const DOTNET: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/explain/dotnet-error.txt"
);

fn smarthost(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"));
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Written from a thread: a large input must not dead-lock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON: {e}: {}", text(&out.stdout)))
}

#[test]
fn a_file_ndr_is_explained_with_the_commands_that_fix_it() {
    let out = smarthost(&["explain", NDR, "--method", "relay-ip"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("550 5.7.64 (tenant-attribution)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "What happened: Microsoft 365 could not tie the message to your organization"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("-> smarthost connector --kind relay-ip --ips 203.0.113.25 --sender-domains contoso.com"), "{stdout}");
    assert!(
        stdout.contains("-> smarthost check contoso.com --ip 203.0.113.25 --method relay-ip"),
        "{stdout}"
    );
}

#[test]
fn standard_input_is_read_when_the_file_is_dash_or_absent() {
    let line = b"550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources";
    for args in [&["explain"][..], &["explain", "-"][..]] {
        let out = smarthost(args, line);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            text(&out.stdout).contains("(direct-send-rejected)"),
            "{args:?}"
        );
    }
}

#[test]
fn json_keeps_ids_and_codes_with_words_in_the_language() {
    let out = smarthost(&["explain", DOTNET, "--json", "--lang", "vi"], b"");
    assert_eq!(out.status.code(), Some(0));
    let value = json(&out);
    assert_eq!(value["codes"], serde_json::json!(["5.7.57", "535 5.7.139"]));
    let ids: Vec<&str> = value["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["client-not-authenticated", "smtp-auth-disabled-tenant"]
    );
    let tenant = &value["matches"][1];
    assert_eq!(tenant["what"], "SMTP AUTH đang bị tắt cho toàn bộ tenant.");
    assert!(tenant["unconfirmed"]
        .as_str()
        .is_some_and(|n| n.starts_with("(chưa xác nhận)")));
    assert_eq!(value["matches"][0]["links"][0]["screen"], "card");
}

#[test]
fn the_fix_follows_the_method() {
    let line = b"530 5.7.57 Client not authenticated to send mail.";
    let out = smarthost(&["explain", "--method", "direct-send"], line);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("What to change: Direct Send does not go to smtp.office365.com"),
        "{stdout}"
    );
    assert!(stdout.contains("The fix is for Direct Send."), "{stdout}");
    let plain = text(&smarthost(&["explain"], line).stdout);
    assert!(
        plain.contains("What to change: Enter the mailbox's credentials"),
        "{plain}"
    );
}

#[test]
fn text_not_recognised_exits_3_and_lists_the_codes_it_found() {
    let out = smarthost(
        &["explain"],
        b"421 4.3.2 Service not available, closing transmission channel\n",
    );
    assert_eq!(out.status.code(), Some(3));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Codes found: 421 4.3.2"), "{stdout}");
    assert!(stdout.contains("Not recognised"), "{stdout}");
    let none = smarthost(&["explain", "--json"], b"   \n\t");
    assert_eq!(none.status.code(), Some(3));
    assert_eq!(json(&none)["recognised"], false);
}

#[test]
fn an_unreadable_file_exits_1_naming_it() {
    let missing = smarthost(&["explain", "/nonexistent/ndr.txt"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("cannot read /nonexistent/ndr.txt"),
        "{}",
        text(&missing.stderr)
    );
    let dir = env!("CARGO_MANIFEST_DIR");
    let directory = smarthost(&["explain", dir, "--lang", "vi"], b"");
    assert_eq!(directory.status.code(), Some(1));
    assert!(
        text(&directory.stderr).contains(&format!("không đọc được {dir}")),
        "{}",
        text(&directory.stderr)
    );
}

#[test]
fn huge_and_binary_input_is_read_in_part_and_said_so() {
    let mut huge = b"550 5.7.64 TenantAttribution; Relay Access Denied\n".to_vec();
    huge.resize(10 * 1024 * 1024, b'7');
    let out = smarthost(&["explain"], &huge);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Only the first 256 KB of 10240 KB were read."),
        "{stdout}"
    );
    let binary: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    let out = smarthost(&["explain", "--json"], &binary);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(json(&out)["recognised"], false);
}
