//! `smarthost probe` against real servers on loopback: a Postfix started by the test
//! harness (tests/support/postfix.rs) with STARTTLS and a certificate made at start, one
//! without STARTTLS, one limited to TLS 1.0, one offering AUTH before TLS; a closed port;
//! a port whose accept queue is full (connections time out); a server that is not SMTP.
//!
//! Without Postfix (or without root) the Postfix tests say so in one line and pass
//! without running, so a first `cargo test` is not red; under CI (CI=true, which `cargo
//! xtask test` sets, after installing Postfix) they are mandatory.

#[path = "support/postfix.rs"]
mod postfix;

use postfix::postfix;
use serde_json::Value;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Duration;

fn smarthost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

/// `smarthost probe TARGET --json ARGS…`: the JSON and the exit code.
fn probe_json(target: &str, args: &[&str]) -> (Value, Option<i32>) {
    let mut all = vec!["probe", target, "--json", "--timeout", "5000"];
    all.extend_from_slice(args);
    let out = smarthost(&all);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code())
}

fn codes(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings: {json}"))
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn skip_without_postfix() -> bool {
    static SKIP: OnceLock<bool> = OnceLock::new();
    let Some(why) = postfix::missing() else {
        return false;
    };
    let line = format!("probe: {why}; `cargo xtask test` installs Postfix");
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{line} (CI=true: these tests are mandatory)");
    }
    *SKIP.get_or_init(|| {
        let _ = writeln!(std::io::stderr(), "{line}; skipping them");
        true
    })
}

macro_rules! require_postfix {
    () => {
        if skip_without_postfix() {
            return;
        }
    };
}

#[test]
fn starttls_certificate_and_auth_of_a_real_postfix() {
    require_postfix!();
    let pf = postfix();
    let (json, code) = probe_json(&format!("localhost:{}", pf.tls_auth), &[]);
    let log = || pf.log();
    assert_eq!(json["connect"], "connected", "{json}\n{}", log());
    assert_eq!(json["port_source"], "given");
    assert_eq!(json["banner"]["code"], 220);
    assert!(json["banner"]["text"]
        .as_str()
        .unwrap_or_default()
        .contains("mail.test ESMTP"));
    assert!(strings(&json["ehlo"]["extensions"]).contains(&"STARTTLS".to_owned()));
    assert_eq!(json["starttls"], "accepted");
    assert_eq!(json["tls"]["outcome"], "negotiated", "{json}");
    let version = json["tls"]["version"].as_str().unwrap_or_default();
    assert!(["TLS 1.2", "TLS 1.3"].contains(&version), "{version}");
    assert!(!json["tls"]["cipher"]
        .as_str()
        .unwrap_or_default()
        .is_empty());
    let cert = &json["certificate"];
    assert_eq!(strings(&cert["names"]), ["mail.test", "localhost"]);
    assert_eq!(cert["subject_cn"], "mail.test");
    assert_eq!(cert["names_host"], true);
    assert_eq!(cert["trust"], "unknown-issuer", "self-signed: {cert}");
    // AUTH only inside TLS (smtpd_tls_auth_only), with Cyrus SASL's password mechanisms.
    assert_eq!(strings(&json["auth"]["before_tls"]), Vec::<String>::new());
    let inside = strings(&json["auth"]["inside_tls"]);
    assert!(
        inside.contains(&"PLAIN".to_owned()) && inside.contains(&"LOGIN".to_owned()),
        "{inside:?}"
    );
    assert!(!inside.contains(&"XOAUTH2".to_owned()));
    assert_eq!(codes(&json), ["cert-untrusted", "auth-no-oauth"]);
    assert_eq!(code, Some(0), "warnings only");
}

#[test]
fn certificate_dates_against_the_day_given() {
    require_postfix!();
    let pf = postfix();
    let target = format!("localhost:{}", pf.tls_auth);
    let (json, _) = probe_json(&target, &[]);
    let not_after = json["certificate"]["not_after"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let not_before = json["certificate"]["not_before"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // Valid 400 days: the first day of its last month, a day after its end and one before
    // its start, all computed from the dates Postfix's certificate carries.
    let year: i32 = not_after[..4].parse().unwrap();
    let late = format!("{}{}", year, &not_after[4..8]) + "01";
    let (json, _) = probe_json(&target, &["--today", &late]);
    assert!(
        codes(&json).contains(&"cert-expires-soon".to_owned()),
        "{late}: {json}"
    );
    let after = format!("{}-01-01", year + 1);
    let (json, code) = probe_json(&target, &["--today", &after]);
    assert!(codes(&json).contains(&"cert-expired".to_owned()), "{json}");
    assert_eq!(code, Some(1));
    let before = format!("{}-12-31", not_before[..4].parse::<i32>().unwrap() - 1);
    let (json, _) = probe_json(&target, &["--today", &before]);
    assert!(
        codes(&json).contains(&"cert-not-yet-valid".to_owned()),
        "{json}"
    );
}

#[test]
fn a_name_the_certificate_does_not_list() {
    require_postfix!();
    let (json, _) = probe_json(&format!("127.0.0.1:{}", postfix().tls_auth), &[]);
    assert_eq!(json["certificate"]["names_host"], false);
    assert_eq!(codes(&json)[0], "cert-name-mismatch");
}

#[test]
fn a_server_without_starttls() {
    require_postfix!();
    let (json, code) = probe_json(&format!("localhost:{}", postfix().no_tls), &[]);
    assert_eq!(json["starttls"], "not-offered", "{json}");
    assert!(json["tls"].is_null() && json["certificate"].is_null());
    assert_eq!(codes(&json), ["starttls-missing"]);
    assert_eq!(code, Some(1));
    let text = smarthost(&[
        "probe",
        &format!("localhost:{}", postfix().no_tls),
        "--lang",
        "vi",
    ]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("STARTTLS: không hỗ trợ"), "{text}");
    assert!(text.contains("Máy chủ không hỗ trợ STARTTLS"), "{text}");
}

#[test]
fn a_server_that_speaks_only_tls_1_0() {
    require_postfix!();
    let pf = postfix();
    let (json, code) = probe_json(&format!("localhost:{}", pf.tls10_only), &[]);
    assert_eq!(json["starttls"], "accepted", "{json}\n{}", pf.log());
    assert_eq!(json["tls"]["outcome"], "legacy-only", "{json}");
    assert_eq!(json["tls"]["server_version"], "TLS 1.0");
    assert_eq!(codes(&json), ["tls-legacy-only"]);
    assert_eq!(code, Some(1));
    let message = json["findings"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("handshake failed: the server offers no TLS 1.2 or 1.3"),
        "{message}"
    );
    assert!(
        message.contains("Microsoft 365 refuses TLS 1.0/1.1"),
        "{message}"
    );
}

#[test]
fn auth_offered_before_tls() {
    require_postfix!();
    let (json, _) = probe_json(&format!("localhost:{}", postfix().auth_before_tls), &[]);
    let before = strings(&json["auth"]["before_tls"]);
    assert!(before.contains(&"PLAIN".to_owned()), "{json}");
    assert!(codes(&json).contains(&"auth-before-tls".to_owned()));
}

#[test]
fn the_text_report_names_each_step() {
    require_postfix!();
    let out = smarthost(&["probe", &format!("localhost:{}", postfix().tls_auth)]);
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "connection: connected to 127.0.0.1:",
        "banner: 220 mail.test ESMTP",
        "STARTTLS: offered and accepted",
        "certificate: mail.test, localhost",
        "names localhost: yes",
        "trusted by public roots: no (self-signed or issued by a private authority)",
        "AUTH before TLS: (none)",
        "[warning] auth-no-oauth:",
        "smarthost did not sign in and sent no message",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
}

fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn a_closed_port_is_refused() {
    let port = closed_port();
    let (json, code) = probe_json(&format!("127.0.0.1:{port}"), &[]);
    assert_eq!(json["connect"], "refused", "{json}");
    assert!(json["banner"].is_null());
    assert_eq!(codes(&json), ["connect-refused"]);
    assert_eq!(code, Some(1));
}

#[test]
fn a_closed_port_25_reads_as_blocked() {
    // 127.0.0.2 is loopback too; a local MTA listens on 127.0.0.1 or on every address.
    if TcpStream::connect_timeout(&"127.0.0.2:25".parse().unwrap(), Duration::from_secs(2)).is_ok()
    {
        panic!("something listens on 127.0.0.2:25; this test needs that port closed");
    }
    let (json, _) = probe_json("127.0.0.2:25", &[]);
    assert_eq!(codes(&json), ["connect-refused", "port25-blocked"]);
    assert_eq!(
        json["findings"][1]["message"],
        "port 25 outbound looks blocked from this network: Direct Send and relay will not work from here."
    );
    let out = smarthost(&["probe", "127.0.0.2:25", "--lang", "vi"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("cổng 25 chiều ra có vẻ bị chặn từ mạng này"),
        "{text}"
    );
}

/// A listener that never accepts, its queue filled: the kernel drops further SYNs, as a
/// filtering firewall does, so a connection times out instead of being refused.
#[test]
fn a_port_that_drops_connections_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let mut held = Vec::new();
    let full =
        (0..4096).any(
            |_| match TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
                Ok(stream) => {
                    held.push(stream);
                    false
                }
                Err(_) => true,
            },
        );
    assert!(full, "the accept queue never filled");
    let (json, code) = probe_json(&address.to_string(), &["--timeout", "300"]);
    assert_eq!(json["connect"], "timed-out", "{json}");
    assert_eq!(codes(&json), ["connect-timeout"]);
    assert!(json["findings"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("within 300 ms"));
    assert_eq!(code, Some(1));
    drop(listener);
}

#[test]
fn a_server_that_is_not_smtp() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.write_all(b"SSH-2.0-OpenSSH_9.2\r\n");
        }
    });
    let (json, code) = probe_json(&address.to_string(), &[]);
    let _ = server.join();
    assert_eq!(json["interrupted"]["step"], "banner", "{json}");
    assert_eq!(json["interrupted"]["cause"]["kind"], "not-smtp");
    assert_eq!(codes(&json), ["dialogue-stopped"]);
    assert_eq!(code, Some(1));
}

#[test]
fn bad_targets_are_usage_errors() {
    for (target, expected) in [
        ("mail.test:99999", "`99999` is not a port (1 to 65535)"),
        (
            "mail test",
            "`mail test` is not a host name or an IP address",
        ),
        ("", "no host given"),
    ] {
        let out = smarthost(&["probe", target]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{target}: {stderr}");
        assert!(stderr.contains(expected), "{target}: {stderr}");
    }
}
