//! `smarthost check` and `smarthost spf eval` against a real DNS-over-HTTPS stack: Knot
//! DNS serving tests/zones behind dnsdist on loopback (tests/support/dns-stack-cli.mjs
//! starts it once per test process and stops it when this process exits).
//!
//! Without knotd or dnsdist on PATH each test says so in one line and passes without
//! running, so a first `cargo test` is not red; under CI (CI=true, which `cargo xtask
//! test` sets) they are mandatory and a missing tool fails them.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Output, Stdio};

mod support;
use std::sync::{Mutex, OnceLock};

struct Stack {
    doh_url: String,
    json_url: String,
    google_url: String,
    /// Wire format, answered after 3 seconds.
    slow_url: String,
    /// Broken resolvers by kind (tests/support/doh-proxy.mjs FAULTS).
    faults: Vec<(String, String)>,
    // Held so the stack lives as long as this process; closing stdin stops it.
    _stdin: Mutex<ChildStdin>,
    _child: Mutex<Child>,
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn start_stack() -> Result<Stack, String> {
    let script = workspace_root().join("tests/support/dns-stack-cli.mjs");
    let mut child = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("starting node {}: {e}", script.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let stdin = child.stdin.take().ok_or("no stdin")?;
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|e| format!("reading the stack's URL: {e}"))?;
    let value: Value = serde_json::from_str(&line)
        .map_err(|e| format!("the DoH stack did not start (is knot/dnsdist installed? run cargo xtask test): {e}: {line:?}"))?;
    let url = |key: &str| {
        value[key]
            .as_str()
            .map(str::to_owned)
            .ok_or(format!("no {key}"))
    };
    Ok(Stack {
        doh_url: url("dohUrl")?,
        json_url: url("jsonUrl")?,
        google_url: url("googleUrl")?,
        slow_url: url("slowUrl")?,
        faults: value["faults"]
            .as_object()
            .ok_or("no faults")?
            .iter()
            .filter_map(|(kind, url)| Some((kind.clone(), url.as_str()?.to_owned())))
            .collect(),
        _stdin: Mutex::new(stdin),
        _child: Mutex::new(child),
    })
}

/// The programs the stack needs that are not on PATH.
fn missing_tools() -> Vec<&'static str> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = |tool: &str| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file());
    ["knotd", "dnsdist", "node"]
        .into_iter()
        .filter(|tool| !on_path(tool))
        .collect()
}

/// Whether this test should return without running: the stack's tools are missing and
/// this is not CI. Says so once per test process, on the real standard error (the test
/// harness captures `eprintln!`), in one line. Under CI a missing tool panics.
fn skip_without_stack() -> bool {
    static SKIP: OnceLock<bool> = OnceLock::new();
    let missing = missing_tools();
    if missing.is_empty() {
        return false;
    }
    let line = format!(
        "dns_stack: {} not on PATH: these tests need Knot DNS (knotd), dnsdist and Node.js; `cargo xtask test` installs them",
        missing.join(", ")
    );
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{line} (CI=true: these tests are mandatory)");
    }
    *SKIP.get_or_init(|| {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{line}; skipping them");
        true
    })
}

/// Returns from the test when [`skip_without_stack`] says so.
macro_rules! require_stack {
    () => {
        if skip_without_stack() {
            return;
        }
    };
}

fn stack() -> &'static Stack {
    static STACK: OnceLock<Result<Stack, String>> = OnceLock::new();
    match STACK.get_or_init(start_stack) {
        Ok(stack) => stack,
        Err(e) => panic!("{e}"),
    }
}

fn doh() -> &'static str {
    &stack().doh_url
}

fn smarthost_raw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

fn smarthost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .args(["--doh", doh()])
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

fn check_json(domain: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let out = smarthost(&[&["check", domain, "--json"], extra].concat());
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{domain}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), value)
}

fn codes(value: &Value) -> Vec<String> {
    value["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|x| x["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_healthy_domain_passes_with_exit_0() {
    require_stack!();
    let (code, v) = check_json(
        "ok.cli.test",
        &["--ip", "198.51.100.7", "--method", "direct-send"],
    );
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["domain"], "ok.cli.test");
    assert_eq!(v["mx"]["kind"], "microsoft-365");
    assert_eq!(
        v["mx"]["hosts"][0],
        "cliok-test01b.mail.protection.outlook.com"
    );
    assert_eq!(
        v["mx"]["smart_host"],
        "cliok-test01b.mail.protection.outlook.com"
    );
    assert_eq!(
        v["spf"]["record"],
        "v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all"
    );
    assert_eq!(v["spf"]["lookups"], 1);
    assert_eq!(v["spf"]["includes_microsoft"], true);
    assert_eq!(v["spf"]["status"], "ok");
    assert_eq!(v["spf"]["result_for_ip"]["198.51.100.7"], "pass");
    assert_eq!(v["spf"]["suggested_record"], Value::Null);
    assert_eq!(v["dmarc"]["policy"], "quarantine");
    assert_eq!(codes(&v), Vec::<String>::new());
}

#[test]
fn each_zone_gives_its_finding_code() {
    require_stack!();
    let cases: &[(&str, &[&str], &str)] = &[
        ("nospf.cli.test", &[], "spf-missing"),
        ("twospf.cli.test", &[], "spf-multiple-records"),
        ("gateway.cli.test", &[], "mx-not-microsoft"),
        ("nomx.cli.test", &[], "mx-missing"),
        ("nullmx.cli.test", &[], "mx-null"),
        ("plusall.cli.test", &[], "spf-plus-all"),
        ("ptr.cli.test", &[], "spf-ptr"),
        ("syntax.cli.test", &[], "spf-syntax"),
        ("voids.cli.test", &[], "spf-void-lookups"),
        ("over.cli.test", &[], "spf-too-many-lookups"),
        (
            "ok.cli.test",
            &["--ip", "203.0.113.50", "--method", "relay-ip"],
            "spf-ip-not-authorized",
        ),
        ("ok.cli.test", &["--ip", "10.1.2.3"], "ip-not-public"),
        ("nospf.cli.test", &[], "dmarc-missing"),
        ("mx-classic.test", &[], "dmarc-policy-none"),
        ("noinclude.cli.test", &[], "spf-no-microsoft-include"),
        ("servfail.cli.test", &[], "dns-error"),
    ];
    let mut failures = Vec::new();
    for (domain, extra, code) in cases {
        let (_, v) = check_json(domain, extra);
        if !codes(&v).iter().any(|c| c == code) {
            failures.push(format!(
                "{domain} {extra:?}: expected {code}, got {:?}",
                codes(&v)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn error_findings_exit_1_and_warnings_exit_0() {
    require_stack!();
    assert_eq!(check_json("over.cli.test", &[]).0, Some(1));
    // A missing Microsoft include is a warning only.
    let (code, v) = check_json("noinclude.cli.test", &[]);
    assert!(
        codes(&v).contains(&"spf-no-microsoft-include".to_owned()),
        "{v:#}"
    );
    assert_eq!(code, Some(0), "{v:#}");
}

#[test]
fn a_dns_failure_never_claims_a_missing_record() {
    require_stack!();
    let (code, v) = check_json(
        "servfail.cli.test",
        &["--ip", "198.51.100.7", "--method", "direct-send"],
    );
    assert_eq!(code, Some(1));
    let found = codes(&v);
    for claim in ["spf-missing", "mx-missing", "spf-ip-not-authorized"] {
        assert!(
            !found.iter().any(|c| c == claim),
            "{claim} claimed after SERVFAIL: {found:?}"
        );
    }
    assert_eq!(v["mx"]["kind"], Value::Null);
    assert_eq!(v["spf"]["record"], Value::Null);
    // The resolver fails for the domain's own name (MX, SPF), not for _dmarc.
    for section in ["mx", "spf"] {
        assert_eq!(v[section]["status"], "could-not-check", "{section}");
    }
    // The text says so too, and never "none found".
    for (lang, unknown, none) in [
        ("en", "could not check", "none found"),
        ("vi", "không kiểm tra được", "không tìm thấy"),
    ] {
        let text = stdout_of(&smarthost(&["check", "servfail.cli.test", "--lang", lang]));
        for section in ["MX", "SPF"] {
            assert!(
                text.contains(&format!("\n  {section}: {unknown}\n")),
                "{lang} {section}: {text}"
            );
            assert!(
                !text.contains(&format!("{section}: ({none})")),
                "{lang}: {text}"
            );
        }
    }
}

#[test]
fn a_suggested_record_for_the_device() {
    require_stack!();
    let (_, v) = check_json(
        "ok.cli.test",
        &["--ip", "203.0.113.50", "--method", "direct-send"],
    );
    assert_eq!(
        v["spf"]["suggested_record"],
        "v=spf1 ip4:203.0.113.50 ip4:198.51.100.7 include:spf.protection.outlook.com -all"
    );
    let draft = v["spf"]["suggested_record"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (code, fixed) = check_json(
        "ok.cli.test",
        &[
            "--ip",
            "203.0.113.50",
            "--method",
            "direct-send",
            "--record",
            &draft,
        ],
    );
    assert_eq!(fixed["spf"]["result_for_ip"]["203.0.113.50"], "pass");
    assert_eq!(code, Some(0), "{fixed:#}");
}

#[test]
fn spf_eval_json_contract() {
    require_stack!();
    let out = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "203.0.113.9",
        "--sender",
        "scanner@exp.cli.test",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "fail");
    // Two TXT strings are joined without a space (RFC 7208 3.3), and the exp macros expand.
    assert_eq!(
        v["explanation"],
        "203.0.113.9 is not allowed to send for exp.cli.test."
    );
    assert_eq!(v["lookups"], 0);
    assert_eq!(v["void_lookups"], 0);
    assert!(v["trace"].as_array().is_some_and(|t| t.len() == 2));

    let pass = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "198.51.100.7",
        "--helo",
        "ok.cli.test",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&pass.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "pass");
    assert_eq!(v["explanation"], Value::Null);
}

#[test]
fn spf_eval_counts_lookups_and_reports_errors_as_results() {
    require_stack!();
    let over = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "198.51.100.7",
        "--domain",
        "over.cli.test",
        "--json",
    ]);
    assert_eq!(over.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&over.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "permerror");
    assert_eq!(v["lookups"], 11);

    let voids = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "198.51.100.7",
        "--domain",
        "avoids.cli.test",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&voids.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "permerror");
    assert_eq!(v["void_lookups"], 3);

    let servfail = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "198.51.100.7",
        "--domain",
        "servfail.cli.test",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&servfail.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "temperror");

    let draft = smarthost(&[
        "spf",
        "eval",
        "--ip",
        "203.0.113.9",
        "--domain",
        "ok.cli.test",
        "--record",
        "v=spf1 ip4:203.0.113.0/24 include:spf.protection.outlook.com -all",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&draft.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "pass");
}

fn stdout_of(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
}

#[test]
fn spf_eval_text_follows_lang_and_json_stays_english() {
    require_stack!();
    let eval = |lang: &str, json: bool| {
        let mut args = vec![
            "spf",
            "eval",
            "--ip",
            "198.51.100.7",
            "--domain",
            "over.cli.test",
            "--lang",
            lang,
        ];
        if json {
            args.push("--json");
        }
        smarthost(&args)
    };
    let en = stdout_of(&eval("en", false));
    let vi = stdout_of(&eval("vi", false));
    assert!(
        en.starts_with("permerror: SPF for 198.51.100.7 at over.cli.test\n  why: "),
        "{en}"
    );
    assert!(
        en.contains("  DNS-querying terms: 11, void lookups: 0\n"),
        "{en}"
    );
    assert!(
        vi.starts_with("permerror: SPF cho 198.51.100.7 tại over.cli.test\n  lý do: "),
        "{vi}"
    );
    assert!(
        vi.contains("  số thành phần cần tra cứu DNS: 11, số lượt tra cứu rỗng: 0\n"),
        "{vi}"
    );
    // The reason itself is translated, not only its label.
    let why = |text: &str| text.lines().nth(1).unwrap_or_default().to_owned();
    let (why_en, why_vi) = (why(&en), why(&vi));
    assert!(why_en.contains("10"), "{why_en}");
    assert_ne!(
        why_en.split_once(": ").map(|p| p.1),
        why_vi.split_once(": ").map(|p| p.1)
    );
    // The trace lines (terms, domains and results) are the same in both languages.
    let trace = |text: &str| {
        text.lines()
            .skip(3)
            .map(|l| l.split(" (").next().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(trace(&en), trace(&vi));
    assert!(!trace(&en).is_empty());
    assert_eq!(
        stdout_of(&eval("en", true)),
        stdout_of(&eval("vi", true)),
        "the JSON output is a contract and stays English"
    );
}

#[test]
fn check_text_follows_lang() {
    require_stack!();
    let check = |domain: &str, lang: &str, status: i32| {
        let out = smarthost(&["check", domain, "--lang", lang]);
        assert_eq!(out.status.code(), Some(status), "{domain} {lang}");
        stdout_of(&out)
    };
    // Per language: lines expected for a domain without SPF (a warning) and for one
    // over the 10-lookup limit (an error).
    let expected = [
        (
            "en",
            [
                "\n  SPF: (none found)\n",
                "\n  [warning] spf-missing: ",
                "\n    fix: ",
            ],
            ["\n  [error] spf-too-many-lookups: ", " DNS lookups)\n"],
        ),
        (
            "vi",
            [
                "\n  SPF: (không tìm thấy)\n",
                "\n  [cảnh báo] spf-missing: ",
                "\n    cách khắc phục: ",
            ],
            ["\n  [lỗi] spf-too-many-lookups: ", " lượt tra cứu DNS)\n"],
        ),
    ];
    for (lang, missing, over) in expected {
        let text = check("nospf.cli.test", lang, 0);
        assert!(text.starts_with("nospf.cli.test\n  MX: "), "{text}");
        for line in missing {
            assert!(text.contains(line), "{lang} {line:?}: {text}");
        }
        let text = check("over.cli.test", lang, 1);
        for line in over {
            assert!(text.contains(line), "{lang} {line:?}: {text}");
        }
    }
    let vi = check("nospf.cli.test", "vi", 0);
    assert!(!vi.contains("fix: ") && !vi.contains("none found"), "{vi}");
}

/// A reader that stops early does not change the verdict: exit 1 for error findings,
/// 0 otherwise, and no panic.
#[test]
fn check_keeps_its_exit_status_when_stdout_is_closed() {
    require_stack!();
    for (domain, status) in [("over.cli.test", 1), ("ok.cli.test", 0)] {
        let out = support::run_with_closed_stdout(&["check", domain, "--doh", doh()]);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{domain}");
        assert_eq!(out.status.code(), Some(status), "{domain}");
    }
}

#[test]
fn an_unreachable_resolver_is_a_dns_error_not_a_finding_about_records() {
    require_stack!();
    let out = Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args([
            "check",
            "ok.cli.test",
            "--json",
            "--doh",
            "http://127.0.0.1:9/dns-query",
            "--timeout",
            "2000",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let found = codes(&v);
    assert!(
        !found.is_empty() && found.iter().all(|c| c == "dns-error"),
        "{found:?}"
    );
}

#[test]
fn both_json_dialects_give_the_same_answers_as_wire_format() {
    require_stack!();
    let args = [
        "check",
        "exp.cli.test",
        "--ip",
        "203.0.113.9",
        "--method",
        "direct-send",
        "--json",
    ];
    let wire = smarthost(&args);
    let cloudflare = smarthost_raw(&[&args[..], &["--doh-json", &stack().json_url]].concat());
    let google = smarthost_raw(&[&args[..], &["--doh-json", &stack().google_url]].concat());
    let parse = |out: &Output| -> Value {
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
    };
    let (wire, cloudflare, google) = (parse(&wire), parse(&cloudflare), parse(&google));
    // Cloudflare quotes the two TXT strings, Google joins them: both must read the same record.
    assert_eq!(
        wire["spf"]["record"],
        "v=spf1 ip4:198.51.100.7 -all exp=why.exp.cli.test"
    );
    assert_eq!(cloudflare["spf"], wire["spf"]);
    assert_eq!(google["spf"], wire["spf"]);
    assert_eq!(cloudflare["findings"], wire["findings"]);

    let eval = smarthost_raw(&[
        "spf",
        "eval",
        "--ip",
        "203.0.113.9",
        "--domain",
        "exp.cli.test",
        "--json",
        "--doh-json",
        &stack().google_url,
    ]);
    let v = parse(&eval);
    assert_eq!(v["result"], "fail");
    assert_eq!(
        v["explanation"],
        "203.0.113.9 is not allowed to send for exp.cli.test."
    );
}

#[test]
fn a_slow_resolver_times_out_and_claims_nothing() {
    require_stack!();
    let out = smarthost_raw(&[
        "check",
        "ok.cli.test",
        "--json",
        "--ip",
        "198.51.100.7",
        "--method",
        "direct-send",
        "--doh",
        &stack().slow_url,
        "--timeout",
        "500",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let found = codes(&v);
    assert!(
        !found.is_empty() && found.iter().all(|c| c == "dns-error"),
        "{found:?}"
    );
    assert!(
        v["findings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("did not answer in time")),
        "{v:#}"
    );
    // With a timeout longer than the delay the same resolver answers.
    let patient = smarthost_raw(&[
        "spf",
        "eval",
        "--ip",
        "198.51.100.7",
        "--domain",
        "ok.cli.test",
        "--json",
        "--doh",
        &stack().slow_url,
        "--timeout",
        "10000",
    ]);
    let v: Value = serde_json::from_slice(&patient.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["result"], "pass");
}

/// Every kind of broken resolver ends as "could not check" (exit 1, only dns-error
/// findings), never as a claim that a record is missing or wrong.
#[test]
fn a_broken_resolver_never_yields_a_finding_about_the_records() {
    require_stack!();
    let faults = &stack().faults;
    assert_eq!(faults.len(), 6);
    for (kind, url) in faults {
        let flag = if kind == "json-types" {
            "--doh-json"
        } else {
            "--doh"
        };
        let out = smarthost_raw(&[
            "check",
            "ok.cli.test",
            flag,
            url,
            "--timeout",
            "3000",
            "--json",
        ]);
        assert_eq!(out.status.code(), Some(1), "{kind}: {out:?}");
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{kind}: not JSON ({e}): {out:?}"));
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .map(|f| f.iter().filter_map(|x| x["code"].as_str()).collect())
            .unwrap_or_default();
        assert!(!codes.is_empty(), "{kind}: no finding at all");
        assert!(
            codes.iter().all(|c| *c == "dns-error"),
            "{kind}: a finding other than dns-error: {codes:?}"
        );
    }
}

#[path = "dns_stack/spf_rules.rs"]
mod spf_rules;

#[path = "dns_stack/dkim.rs"]
mod dkim;

#[path = "dns_stack/inventory.rs"]
mod inventory;

#[path = "dns_stack/verdict.rs"]
mod verdict;
