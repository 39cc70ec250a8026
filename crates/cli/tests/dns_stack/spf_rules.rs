//! `smarthost spf eval` against Knot + dnsdist for the RFC 7208 rules of
//! tests/zones/rfc.test.zone: the rows a conformance suite run through the CLI checks.

use super::*;

/// The JSON `smarthost <command> --json <args>` prints against the stack.
fn json_of(command: &[&str], args: &[&str]) -> Value {
    let out = smarthost(&[command, &["--json"], args].concat());
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{command:?} {args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn eval_json(args: &[&str]) -> Value {
    json_of(&["spf", "eval"], args)
}

fn check(args: &[&str]) -> Value {
    json_of(&["check"], args)
}

#[test]
fn spf_eval_follows_rfc_7208_against_the_stack() {
    require_stack!();
    // (sender, client IP, result, the rule)
    let table = [
        (
            "u@colon.rfc.test",
            "192.0.2.10",
            "pass",
            "5.3 a: with ':' and '/'",
        ),
        (
            "u@colon.rfc.test",
            "::ffff:192.0.2.10",
            "pass",
            "5.3, IPv4-mapped",
        ),
        (
            "u@colon.rfc.test",
            "203.0.113.9",
            "fail",
            "5.3, other address",
        ),
        (
            "u@colon-mx.rfc.test",
            "192.0.2.10",
            "pass",
            "5.4 mx: with ':' and '/'",
        ),
        (
            "u@colon-cidr.rfc.test",
            "192.0.2.99",
            "pass",
            "trailing /24",
        ),
        (
            "u@ptr-cidr.rfc.test",
            "192.0.2.10",
            "permerror",
            "5.5 ptr/0",
        ),
        (
            "u@exp-r.rfc.test",
            "192.0.2.10",
            "permerror",
            "7.3 %{r} in exp=",
        ),
        (
            "u@exists-t.rfc.test",
            "192.0.2.10",
            "permerror",
            "7.3 %{t} in exists:",
        ),
        ("u@escapes.rfc.test", "192.0.2.10", "pass", "7.1 %% and %_"),
        ("u@p.rfc.test", "192.0.2.10", "pass", "7.3 %{p} validated"),
        (
            "u@void-a.rfc.test",
            "192.0.2.10",
            "permerror",
            "4.6.4 three void a:",
        ),
        (
            "u@void-mixed.rfc.test",
            "192.0.2.10",
            "permerror",
            "4.6.4 a:, mx:, exists:",
        ),
        (
            "u@rfc.test....",
            "192.0.2.10",
            "none",
            "4.3 malformed domain",
        ),
        ("u@a..rfc.test", "192.0.2.10", "none", "4.3 empty label"),
    ];
    let mut failed = Vec::new();
    for (sender, ip, expected, rule) in table {
        let v = eval_json(&["--ip", ip, "--sender", sender]);
        if v["result"] != expected {
            failed.push(format!(
                "{rule}: {sender} from {ip} gave {} ({}), expected {expected}",
                v["result"], v["problem"]
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_malformed_sender_domain_asks_nothing() {
    require_stack!();
    let v = eval_json(&["--ip", "192.0.2.10", "--sender", "user@example.net...."]);
    assert_eq!(v["result"], "none");
    assert_eq!(v["lookups"], 0);
    assert_eq!(v["trace"].as_array().map(Vec::len), Some(0));
}

#[test]
fn helo_is_checked_before_mail_from() {
    require_stack!();
    let helo_fails = eval_json(&[
        "--ip",
        "192.0.2.10",
        "--helo",
        "helo-fail.rfc.test",
        "--sender",
        "u@from-all.rfc.test",
    ]);
    assert_eq!(helo_fails["result"], "fail");
    assert_eq!(helo_fails["identity"], "helo");
    assert_eq!(helo_fails["domain"], "helo-fail.rfc.test");
    let helo_passes = eval_json(&[
        "--ip",
        "192.0.2.10",
        "--helo",
        "helo-pass.rfc.test",
        "--sender",
        "u@from-fail.rfc.test",
    ]);
    assert_eq!(helo_passes["result"], "fail");
    assert_eq!(helo_passes["identity"], "mail-from");
    assert_eq!(helo_passes["helo"]["result"], "pass");
}

#[test]
fn void_terms_are_named_and_the_suggestion_repairs_the_record() {
    require_stack!();
    let v = check(&[
        "void-mixed.rfc.test",
        "--ip",
        "192.0.2.10",
        "--method",
        "direct-send",
    ]);
    let found = codes(&v);
    assert!(found.contains(&"spf-void-lookups".to_owned()), "{found:?}");
    assert!(
        !found.contains(&"spf-ip-not-authorized".to_owned()),
        "{found:?}"
    );
    let message = v["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["code"] == "spf-void-lookups"))
        .and_then(|f| f["message"].as_str())
        .unwrap_or_default()
        .to_owned();
    for term in ["a:nx1.rfc.test", "mx:nx2.rfc.test", "exists:nx3.rfc.test"] {
        assert!(message.contains(term), "{message}");
    }
    let suggested = v["spf"]["suggested_record"].as_str().unwrap_or_default();
    assert_eq!(
        suggested,
        "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all"
    );
}

#[test]
fn the_cloud_follows_the_mx_unless_one_is_chosen() {
    require_stack!();
    let v = check(&[
        "gcchigh.rfc.test",
        "--ip",
        "192.0.2.10",
        "--method",
        "direct-send",
    ]);
    assert_eq!(v["cloud"], "gcc-high");
    assert_eq!(v["cloud_source"], "mx");
    // DKIM has its own tests (dkim.rs); this domain publishes none.
    assert_eq!(codes(&v), vec!["dkim-missing".to_owned()]);
    let text = smarthost(&["check", "gcchigh.rfc.test", "--method", "direct-send"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Cloud: GCC High, from the MX host"), "{text}");
    let v = check(&[
        "gcchigh.rfc.test",
        "--ip",
        "192.0.2.10",
        "--method",
        "direct-send",
        "--cloud",
        "worldwide",
    ]);
    assert!(
        codes(&v).contains(&"mx-cloud-mismatch".to_owned()),
        "{:?}",
        codes(&v)
    );
}

#[test]
fn spf_eval_and_check_agree_on_every_zone_of_the_table() {
    require_stack!();
    for (domain, ip) in [
        ("ok.cli.test", "198.51.100.7"),
        ("avoids.cli.test", "198.51.100.7"),
        ("voids.cli.test", "198.51.100.7"),
        ("over.cli.test", "198.51.100.7"),
        ("colon.rfc.test", "192.0.2.10"),
        ("void-a.rfc.test", "192.0.2.10"),
        ("p.rfc.test", "192.0.2.10"),
        ("gcchigh.rfc.test", "192.0.2.10"),
    ] {
        let evaluated = eval_json(&["--domain", domain, "--ip", ip]);
        let checked = check(&[domain, "--ip", ip, "--method", "direct-send"]);
        assert_eq!(
            checked["spf"]["result_for_ip"][ip], evaluated["result"],
            "{domain} {ip}"
        );
    }
}
