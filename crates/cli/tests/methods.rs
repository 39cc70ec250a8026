//! The `methods` command as users and scripts run it.

use std::process::Command;

mod support;

fn smarthost(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

#[test]
fn json_lists_every_method_with_ports() {
    let out = smarthost(&["methods", "--json"]);
    assert!(out.status.success());
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    let ids: Vec<&str> = value["columns"]
        .as_array()
        .map(|cols| cols.iter().filter_map(|c| c[0].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        [
            "client-submission",
            "direct-send",
            "relay-ip",
            "relay-cert",
            "hve",
            "acs",
            "onprem-relay",
            "graph-api"
        ]
    );
    let ports = value["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["aspect"] == "ports"))
        .map(|r| r["cells"].clone())
        .unwrap_or_default();
    assert!(ports[0].as_str().is_some_and(|c| c.starts_with("587, 25")));
}

#[test]
fn text_output_names_each_method() {
    let out = smarthost(&["methods"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Direct Send (direct-send)"), "{text}");
    assert!(text.contains("smtp.office365.com"), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(smarthost(&["methods", "--yaml"]).status.code(), Some(2));
    assert_eq!(
        smarthost(&["methods", "--cloud", "mars"]).status.code(),
        Some(2)
    );
    assert_eq!(smarthost(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(smarthost(&[]).status.code(), Some(2));
}

#[test]
fn sovereign_cloud_and_vietnamese() {
    let out = smarthost(&["methods", "--cloud", "dod", "--json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("outlook-dod.office365.us"), "{text}");
    let vi = smarthost(&["methods", "--lang", "vi"]);
    assert!(vi.status.success());
}

#[test]
fn help_shows_the_overview_and_runs_nothing() {
    for args in [&["help"][..], &["--help"], &["-h"]] {
        let out = smarthost(args);
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("usage: smarthost <command> [options]\n\ncommands:\n"),
            "{args:?}: {stdout}"
        );
        assert!(stdout.contains("check DOMAIN"), "{args:?}");
        assert!(
            stdout.ends_with("  help               this text\n"),
            "{args:?}"
        );
    }
}

/// `smarthost … | head` closes the pipe before the output is written; the command must
/// stop quietly instead of panicking ("failed printing to stdout").
#[test]
fn a_closed_stdout_ends_quietly() {
    let commands: [&[&str]; 4] = [
        &["methods"],
        &["methods", "--json"],
        &[
            "card",
            "--method",
            "client-submission",
            "--device",
            "MFP",
            "--from",
            "scanner@contoso.com",
        ],
        &["--version"],
    ];
    for args in commands {
        let out = support::run_with_closed_stdout(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}
