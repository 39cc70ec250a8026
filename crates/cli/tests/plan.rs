//! The `smarthost plan` contract: flags, answers files, JSON shape and exit codes.

use std::process::{Command, Output};

fn smarthost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = smarthost(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

#[test]
fn internal_scanner_without_tls_gets_direct_send() {
    let v = json(&[
        "plan",
        "--client",
        "device",
        "--recipients",
        "internal",
        "--auth",
        "none",
        "--tls",
        "none",
        "--ports",
        "25",
        "--json",
    ]);
    assert_eq!(v["recommended"], "direct-send");
    let methods = v["methods"].as_array().cloned().unwrap_or_default();
    assert_eq!(methods.len(), 8);
    assert_eq!(methods[0]["id"], "direct-send");
    assert_eq!(methods[0]["verdict"], "recommended");
    let reasons = methods[0]["reasons"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    // Without this, missing reasons would pass the check below vacuously.
    assert!(!reasons.is_empty(), "the recommendation gives its reasons");
    assert!(reasons
        .iter()
        .all(|r| r["code"].is_string() && r["text"].is_string()));
    let verdicts: Vec<&str> = methods
        .iter()
        .filter_map(|m| m["verdict"].as_str())
        .collect();
    // Best first: recommended, then possible, then not possible.
    let order = |v: &str| {
        ["recommended", "possible", "not-possible"]
            .iter()
            .position(|x| *x == v)
    };
    assert!(
        verdicts.windows(2).all(|w| order(w[0]) <= order(w[1])),
        "{verdicts:?}"
    );
}

#[test]
fn external_with_oauth_gets_client_submission_and_ports_take_a_list() {
    let v = json(&[
        "plan",
        "--recipients",
        "external",
        "--auth",
        "oauth",
        "--ports=587,25",
        "--json",
    ]);
    assert_eq!(v["recommended"], "client-submission");
}

#[test]
fn answers_file_and_flags_combine_and_flags_win() {
    let dir = std::env::temp_dir().join(format!("smarthost-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("answers.json");
    std::fs::write(
        &file,
        r#"{"client": "device", "recipients": "external", "auth": "none", "ip": "static", "ports": [25], "hosting": "third-party-cloud"}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let path = file.to_string_lossy().into_owned();
    let from_file = json(&["plan", "--answers", &path, "--json"]);
    assert_ne!(from_file["recommended"], "relay-ip");
    let overridden = json(&[
        "plan",
        "--hosting",
        "on-premises",
        "--answers",
        &path,
        "--json",
    ]);
    assert_eq!(overridden["recommended"], "relay-ip");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn vietnamese_reasons() {
    let en = json(&["plan", "--recipients", "internal", "--json"]);
    let vi = json(&["plan", "--recipients", "internal", "--lang", "vi", "--json"]);
    assert_eq!(en["recommended"], vi["recommended"]);
    assert_ne!(
        en["methods"][0]["reasons"][0]["text"],
        vi["methods"][0]["reasons"][0]["text"]
    );
}

#[test]
fn human_output_explains_each_method() {
    let out = smarthost(&["plan", "--recipients", "external"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("1. "), "{text}");
    assert!(
        text.contains("Direct Send [direct-send]: Not possible"),
        "{text}"
    );
}

#[test]
fn unknown_questions_and_values_exit_2_naming_allowed_values() {
    let bad_value = smarthost(&["plan", "--tls", "1.3"]);
    assert_eq!(bad_value.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad_value.stderr);
    assert!(
        stderr.contains("allowed: 1.2, legacy, none, unknown"),
        "{stderr}"
    );

    let bad_question = smarthost(&["plan", "--colour", "blue"]);
    assert_eq!(bad_question.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_question.stderr).contains("--reject-direct-send"));

    assert_eq!(
        smarthost(&["plan", "--ports", "587,2525"]).status.code(),
        Some(2)
    );
    assert_eq!(smarthost(&["plan", "--recipients"]).status.code(), Some(2));
    assert_eq!(smarthost(&["plan", "--lang", "fr"]).status.code(), Some(2));
    assert_eq!(
        smarthost(&["plan", "--answers", "/nonexistent/answers.json"])
            .status
            .code(),
        Some(2)
    );
}
