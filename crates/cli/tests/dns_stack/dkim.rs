//! `smarthost check`'s DKIM section against Knot + dnsdist: tests/zones/dkim.test.zone,
//! with the targets in the stand-in onmicrosoft.com and dkim.mail.microsoft zones.

use super::*;

fn dkim_codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter(|x| x["section"] == "dkim")
                .filter_map(|x| x["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn each_dkim_zone_gives_its_finding_and_status() {
    require_stack!();
    let cases: &[(&str, &[&str], &[&str], &str)] = &[
        ("classic.dkim.test", &[], &[], "ok"),
        ("partitioned.dkim.test", &[], &[], "ok"),
        ("none.dkim.test", &[], &["dkim-missing"], "warning"),
        (
            "none.dkim.test",
            &["--method", "direct-send"],
            &["dkim-missing"],
            "info",
        ),
        ("txt.dkim.test", &[], &["dkim-txt-not-cname"], "warning"),
        ("onlys1.dkim.test", &[], &["dkim-selector2-missing"], "info"),
        (
            "weak.dkim.test",
            &[],
            &["dkim-weak-key", "dkim-no-key"],
            "error",
        ),
        ("short.dkim.test", &[], &["dkim-key-1024"], "info"),
        (
            "revoked.dkim.test",
            &[],
            &["dkim-key-revoked", "dkim-no-key"],
            "warning",
        ),
        (
            "invalid.dkim.test",
            &[],
            &["dkim-key-invalid", "dkim-no-key"],
            "error",
        ),
        (
            "gateway.dkim.test",
            &[],
            &["dkim-other-provider", "dkim-other-provider"],
            "info",
        ),
        (
            "malformed.dkim.test",
            &[],
            &["dkim-target-malformed"],
            "warning",
        ),
        (
            "tenants.dkim.test",
            &[],
            &["dkim-tenant-differs"],
            "warning",
        ),
        (
            "broken.dkim.test",
            &[],
            &["dns-error", "dns-error"],
            "could-not-check",
        ),
    ];
    let mut failures = Vec::new();
    for (domain, extra, expected, status) in cases {
        let (_, v) = check_json(domain, extra);
        let mut found = dkim_codes(&v);
        found.sort();
        let mut want: Vec<String> = expected.iter().map(|c| (*c).to_owned()).collect();
        want.sort();
        if found != want || v["dkim"]["status"] != *status {
            failures.push(format!(
                "{domain} {extra:?}: expected {want:?} ({status}), got {found:?} ({})",
                v["dkim"]["status"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_json_shows_what_is_published_and_the_rule_it_matches() {
    require_stack!();
    let (code, v) = check_json("partitioned.dkim.test", &[]);
    assert_eq!(code, Some(0), "{v:#}");
    let first = &v["dkim"]["selectors"][0];
    assert_eq!(first["selector"], "selector1");
    assert_eq!(first["name"], "selector1._domainkey.partitioned.dkim.test");
    assert_eq!(
        first["target"],
        "selector1-partitioned-dkim-test._domainkey.dkimtenant.r-v1.dkim.mail.microsoft"
    );
    assert_eq!(first["rule"], "microsoft-365-partitioned");
    assert_eq!(first["tenant"], "dkimtenant");
    assert_eq!(first["key"]["state"], "usable");
    assert_eq!(first["key"]["type"], "rsa");
    assert_eq!(first["key"]["bits"], 2048);
    // The 2048-bit key spans several TXT strings, joined with nothing between them.
    assert!(
        first["key"]["record"].as_str().is_some_and(|r| r
            .starts_with("v=DKIM1; k=rsa; p=MIIBIjAN")
            && r.split("p=")
                .nth(1)
                .is_some_and(|p| p.len() > 300 && !p.contains(' '))),
        "{first:#}"
    );
    let second = &v["dkim"]["selectors"][1];
    assert_eq!(second["key"]["state"], "not-published");
    assert!(v["dkim"]["not_in_dns"]
        .as_str()
        .is_some_and(|t| t.contains("Get-DkimSigningConfig -Identity partitioned.dkim.test")));
    // An error-level DKIM finding fails the check.
    assert_eq!(check_json("weak.dkim.test", &[]).0, Some(1));
}

#[test]
fn the_text_report_names_each_selector_in_both_languages() {
    require_stack!();
    for (lang, key_words, rule_words) in [
        ("en", "key: RSA, 2048 bits", "classic format"),
        ("vi", "khóa: RSA, 2048 bit", "định dạng cũ"),
    ] {
        let out = smarthost(&["check", "classic.dkim.test", "--lang", lang]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("DKIM selector1: "), "{lang}: {text}");
        assert!(text.contains(rule_words), "{lang}: {text}");
        assert!(
            text.contains("-> selector1-classic-dkim-test._domainkey.dkimtenant.onmicrosoft.com"),
            "{lang}: {text}"
        );
        assert!(text.contains(key_words), "{lang}: {text}");
        assert!(text.contains("Get-DkimSigningConfig"), "{lang}: {text}");
    }
}
