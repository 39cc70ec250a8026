//! Dated facts on the command line: `--today` decides how `plan`, `card`, `methods` and
//! `build` word them ("in 29 days" before the day, "has been … since" from it), and the
//! planner never recommends Basic SMTP AUTH to a sender with only a username and a
//! password. Applications are "the application" in every text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn smarthost(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

fn stdout(args: &[&str]) -> String {
    let out = smarthost(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

const USERNAME_PASSWORD_INTERNAL: [&str; 11] = [
    "plan",
    "--client",
    "device",
    "--auth",
    "basic",
    "--recipients",
    "internal",
    "--security-defaults",
    "off",
    "--json",
    "--today",
];

fn plan_on(day: &str, extra: &[&str]) -> serde_json::Value {
    let mut args: Vec<&str> = USERNAME_PASSWORD_INTERNAL.to_vec();
    args.push(day);
    args.extend_from_slice(extra);
    json(&args)
}

fn method<'a>(plan: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    plan["methods"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == id))
        .unwrap_or_else(|| panic!("no {id} in {plan}"))
}

#[test]
fn plan_counts_down_to_basic_auth_off_then_says_it_has_happened() {
    let before = plan_on("2026-12-02", &[]);
    assert_eq!(before["today"], "2026-12-02");
    let submission = method(&before, "client-submission");
    assert_eq!(submission["verdict"], "possible");
    let first = &submission["reasons"][0];
    assert_eq!(first["code"], "basic-auth-retiring");
    assert_eq!(first["effect"], "retiring");
    assert_eq!(first["milestone"]["key"], "smtp-basic-off");
    assert_eq!(first["milestone"]["date"], "2026-12-31");
    assert_eq!(first["milestone"]["days"], 29);
    assert_eq!(first["milestone"]["reached"], false);
    let text = first["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with(
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)"
        ),
        "{text}"
    );

    let after = plan_on("2027-01-15", &[]);
    let submission = method(&after, "client-submission");
    assert_eq!(submission["verdict"], "possible");
    let first = &submission["reasons"][0];
    assert_eq!(first["milestone"]["days"], -15);
    assert_eq!(first["milestone"]["reached"], true);
    let text = first["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with(
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026"
        ),
        "{text}"
    );
    let codes: Vec<&str> = submission["reasons"]
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(codes.contains(&"basic-auth-turn-back-on"), "{codes:?}");

    let vi = plan_on("2026-12-02", &["--lang", "vi"]);
    let text = method(&vi, "client-submission")["reasons"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(text.contains("(còn 29 ngày)"), "{text}");
}

#[test]
fn a_username_and_password_sender_gets_what_works_instead() {
    // Internal recipients: Direct Send or HVE, each with its reason.
    let internal = plan_on(
        "2026-12-02",
        &["--ports", "587,25", "--ip", "dynamic", "--cert", "no"],
    );
    assert_eq!(internal["recommended"], "direct-send");
    let hve = method(&internal, "hve");
    assert_eq!(hve["verdict"], "possible");
    assert!(hve["reasons"]
        .to_string()
        .contains("until September 2028 (668 days left)"));
    // Internal without port 25: HVE.
    let no_25 = plan_on("2026-12-02", &["--ports", "587"]);
    assert_eq!(no_25["recommended"], "hve");
    assert_eq!(
        method(&no_25, "hve")["reasons"][0]["code"],
        "hve-basic-until-2028"
    );
    // External recipients: Azure Communication Services over SMTP.
    let external = plan_on(
        "2026-12-02",
        &[
            "--recipients",
            "external",
            "--ip",
            "dynamic",
            "--cert",
            "no",
        ],
    );
    assert_eq!(external["recommended"], "acs");
    let acs = &method(&external, "acs")["reasons"][0];
    assert_eq!(acs["code"], "acs-username-password");
    let text = acs["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("about 40 characters") && text.contains("unconfirmed per device"),
        "{text}"
    );
    // A static IP: relay through an IP connector.
    let relay = plan_on(
        "2027-01-15",
        &[
            "--recipients",
            "external",
            "--ip",
            "static",
            "--port25-blocked",
            "no",
        ],
    );
    assert_eq!(relay["recommended"], "relay-ip");
    // Never Basic SMTP AUTH, before or after the switch.
    for plan in [&internal, &no_25, &external, &relay] {
        assert_ne!(plan["recommended"], "client-submission");
        assert_eq!(method(plan, "client-submission")["verdict"], "possible");
    }
}

#[test]
fn an_application_is_the_application_in_the_plan_and_its_card() {
    let text = stdout(&[
        "plan",
        "--client",
        "application",
        "--auth",
        "basic",
        "--recipients",
        "external",
        "--ports",
        "25",
        "--tls",
        "none",
        "--today",
        "2026-12-02",
    ]);
    assert!(text.contains("which the application cannot use"), "{text}");
    assert!(!text.to_lowercase().contains("device"), "{text}");
    let vi = stdout(&[
        "plan",
        "--client",
        "application",
        "--auth",
        "basic",
        "--lang",
        "vi",
        "--today",
        "2026-12-02",
    ]);
    assert!(!vi.contains("thiết bị"), "{vi}");

    let card = stdout(&[
        "card",
        "--method",
        "client-submission",
        "--device",
        "Invoicing app",
        "--from",
        "billing@contoso.com",
        "--client",
        "application",
        "--today",
        "2026-12-02",
    ]);
    assert!(card.starts_with("Application    Invoicing app\n"), "{card}");
    assert!(card.contains("in the application's settings"), "{card}");
    assert!(!card.to_lowercase().contains("device"), "{card}");
}

#[test]
fn a_card_states_its_method_s_dated_fact_for_the_day() {
    let card = |day: &str| {
        stdout(&[
            "card",
            "--method",
            "client-submission",
            "--device",
            "Ricoh 2nd floor",
            "--from",
            "scanner@contoso.com",
            "--today",
            day,
        ])
    };
    let before = card("2026-12-02");
    assert!(
        before.contains("Date           2 December 2026"),
        "{before}"
    );
    assert!(
        before.contains(
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)"
        ),
        "{before}"
    );
    let after = card("2026-12-31");
    assert!(
        after.contains(
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026"
        ),
        "{after}"
    );
    assert!(before.contains("on the device"), "{before}");
}

#[test]
fn methods_word_the_status_row_for_the_day() {
    let on = |day: &str| stdout(&["methods", "--today", day]);
    assert!(on("2026-12-02").contains("(in 29 days)"));
    assert!(on("2028-10-01").contains("Basic auth for HVE accounts ended in September 2028"));
}

#[test]
fn a_bad_today_is_a_usage_error_naming_the_problem() {
    for command in ["plan", "methods", "card", "build"] {
        let out = smarthost(&[command, "--today", "2026-13-01"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("--today: `2026-13-01` is not a date: month 13 does not exist"),
            "{command}: {stderr}"
        );
    }
    let out = smarthost(&["plan", "--today", "02/12/2026"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("write it as YYYY-MM-DD"));
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("dated-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn build_guide_on(day: &str) -> PathBuf {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guide");
    let out = scratch(day).join("out");
    stdout(&[
        "build",
        "--guide",
        &guide.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--today",
        day,
    ]);
    out
}

fn page(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_guides_word_dated_facts_for_the_build_day() {
    let before = build_guide_on("2026-12-02");
    let after = build_guide_on("2028-10-01");
    let en = page(&before, "en/client-submission.html");
    assert!(
        en.contains(
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)"
        ),
        "en/client-submission.html"
    );
    let en_after = page(&after, "en/client-submission.html");
    assert!(en_after.contains(
        "Basic auth for SMTP AUTH has been off by default since the end of December 2026"
    ));
    assert!(!en_after.contains("(in 29 days)"));
    let vi = page(&before, "vi/client-submission.html");
    assert!(vi.contains("(còn 29 ngày)"));
    let hve = page(&before, "en/high-volume-email.html");
    assert!(hve.contains("until September 2028 (668 days left)"));
    // The device pages' cards are dated with the build day and word their note for it.
    let card = page(&before, "en/devices/reception-mfp.html");
    assert!(
        card.contains("<dt>Date</dt><dd>2 December 2026</dd>"),
        "{card}"
    );
    assert!(
        card.contains("from the end of December 2026 (in 29 days)"),
        "{card}"
    );
    let card_after = page(&after, "en/devices/reception-mfp.html");
    assert!(card_after.contains("<dt>Date</dt><dd>1 October 2028</dd>"));
    assert!(card_after.contains("has been off by default since the end of December 2026"));
    let hve_after = page(&after, "en/high-volume-email.html");
    assert!(hve_after.contains("Basic auth for HVE accounts ended in September 2028"));
}

/// The text of a rendered page without its tags, so a sentence split by markup (a link,
/// bold) reads whole.
fn words(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'").replace("&quot;", "\"")
}

#[test]
fn guide_sentences_state_milestones_for_the_build_day() {
    let before = build_guide_on("2026-12-03");
    let between = build_guide_on("2027-01-15");
    let after = build_guide_on("2028-10-02");
    let text = |out: &Path, path: &str| words(&page(out, path));
    // (page, on 2026-12-03, on 2027-01-15, on 2028-10-02)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "en/client-submission.html",
            "Basic authentication (username and password) is on its way out: Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 28 days). A device that cannot do OAuth needs another plan.",
            "Basic authentication (username and password) is on its way out: Basic auth for SMTP AUTH has been off by default since the end of December 2026. A device that cannot do OAuth needs another plan.",
            "has been off by default since the end of December 2026. Once it is off, a device on Basic auth stops sending",
        ),
        (
            "en/choosing-a-method.html",
            "HVE accounts may use Basic auth until September 2028 (667 days left).",
            "HVE accounts may use Basic auth until September 2028 (624 days left).",
            "Basic auth for HVE accounts ended in September 2028: they need OAuth now.",
        ),
        (
            "en/choosing-a-method.html",
            "Admins of existing tenants can turn it back on until the final removal; the final removal date will be announced in the second half of 2027.",
            "Admins of existing tenants can turn it back on until the final removal; the final removal date will be announced in the second half of 2027.",
            "until the final removal; the final removal date was to be announced in the second half of 2027: look for it on the Exchange Team blog.",
        ),
        (
            "en/high-volume-email.html",
            "Sign-in: HVE accounts may use Basic auth until September 2028 (667 days left).",
            "Sign-in: HVE accounts may use Basic auth until September 2028 (624 days left).",
            "Sign-in: Basic auth for HVE accounts ended in September 2028: they need OAuth now.",
        ),
        (
            "en/old-devices.html",
            "(timeline). Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 28 days).",
            "(timeline). Basic auth for SMTP AUTH has been off by default since the end of December 2026.",
            "(timeline). Basic auth for SMTP AUTH has been off by default since the end of December 2026.",
        ),
        (
            "en/sovereign-clouds.html",
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 28 days) for existing tenants.",
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026 for existing tenants.",
            "Basic auth for SMTP AUTH has been off by default since the end of December 2026 for existing tenants.",
        ),
        (
            "vi/client-submission.html",
            "Xác thực Basic cho SMTP AUTH sẽ mặc định bị tắt từ cuối tháng 12/2026 (còn 28 ngày). Thiết bị không hỗ trợ OAuth cần có phương án khác.",
            "Xác thực Basic cho SMTP AUTH đã mặc định bị tắt từ cuối tháng 12/2026. Thiết bị không hỗ trợ OAuth cần có phương án khác.",
            "Xác thực Basic cho SMTP AUTH đã mặc định bị tắt từ cuối tháng 12/2026. Thiết bị không hỗ trợ OAuth cần có phương án khác.",
        ),
        (
            "vi/high-volume-email.html",
            "Đăng nhập: Tài khoản HVE được dùng xác thực Basic đến hết tháng 9/2028 (còn 667 ngày).",
            "Đăng nhập: Tài khoản HVE được dùng xác thực Basic đến hết tháng 9/2028 (còn 624 ngày).",
            "Đăng nhập: Xác thực Basic cho tài khoản HVE đã kết thúc vào tháng 9/2028: giờ đây tài khoản HVE phải dùng OAuth.",
        ),
    ];
    for (path, on_before, on_between, on_after) in cases {
        for (out, expected) in [
            (&before, on_before),
            (&between, on_between),
            (&after, on_after),
        ] {
            let words = text(out, path);
            assert!(
                words.contains(expected),
                "{path} in {}: no `{expected}`",
                out.display()
            );
        }
    }
    // Milestones already passed read as done on every build day; no shortcode is left.
    for out in [&before, &after] {
        let direct = text(out, "en/direct-send.html");
        assert!(direct.contains("and new accepted domains have had it by default since July 2026."));
        let index = text(out, "vi/index.html");
        assert!(index.contains("Kể từ tháng 9/2025, tenant có thể từ chối Direct Send bằng một thiết lập mặc định bị tắt."));
        for lang in ["en", "vi"] {
            for entry in std::fs::read_dir(out.join(lang))
                .unwrap_or_else(|e| panic!("{e}"))
                .flatten()
            {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "html") {
                    let html = std::fs::read_to_string(&path).unwrap_or_default();
                    assert!(!html.contains("{{ milestone"), "{}", path.display());
                }
            }
        }
    }
    // The static parts of the guide say no day count.
    let old = text(&before, "en/high-volume-email.html");
    assert!(!old.contains("Status as of November 2026"));
}

#[test]
fn an_unknown_milestone_fails_the_build_with_file_and_line() {
    let dir = scratch("bad-milestone");
    let guide = dir.join("guide");
    std::fs::create_dir_all(guide.join("en")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        guide.join("en/index.md"),
        "+++\ntitle = \"Home\"\nsummary = \"Home.\"\norder = 0\nupdated = \"2026-11-28\"\n+++\n\nIntro.\n\nBasic auth: {{ milestone key=\"smtp-basic\" }}.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join("out");
    let result = smarthost(&[
        "build",
        "--guide",
        &guide.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(&format!(
            "{}/en/index.md:10: shortcode `milestone`: key=\"smtp-basic\" is not a milestone; the milestones are: smtp-basic-off, smtp-basic-removal-date, hve-billing,",
            guide.to_string_lossy()
        )),
        "{stderr}"
    );
    assert!(!out.exists());
}
