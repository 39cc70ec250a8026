use super::*;
use crate::echo::is_unsafe_to_echo;
use crate::test_rng::Rng;

fn base(policy: Policy) -> DmarcRecord {
    DmarcRecord {
        policy,
        subdomain_policy: None,
        pct: 100,
        adkim: Alignment::Relaxed,
        aspf: Alignment::Relaxed,
        rua: Vec::new(),
        ruf: Vec::new(),
        issues: Vec::new(),
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn tagged(tag: &str, value: &str) -> (String, String) {
    (tag.to_owned(), value.to_owned())
}

fn unknown(tag: &str) -> DmarcIssue {
    DmarcIssue::UnknownTag {
        tag: tag.to_owned(),
    }
}

fn bad_pct(value: &str) -> DmarcIssue {
    DmarcIssue::InvalidPct {
        value: value.to_owned(),
    }
}

fn bad_alignment(tag: &str, value: &str) -> DmarcIssue {
    let (tag, value) = tagged(tag, value);
    DmarcIssue::InvalidAlignment { tag, value }
}

fn not_mailto(tag: &str, uri: &str) -> DmarcIssue {
    let (tag, uri) = tagged(tag, uri);
    DmarcIssue::ReportUriNotMailto { tag, uri }
}

fn bad_uri(tag: &str, uri: &str) -> DmarcIssue {
    let (tag, uri) = tagged(tag, uri);
    DmarcIssue::InvalidReportUri { tag, uri }
}

const RUA: &str = "mailto:dmarc@contoso.com";

fn with_rua(policy: Policy, issues: Vec<DmarcIssue>) -> DmarcRecord {
    DmarcRecord {
        rua: strings(&[RUA]),
        issues,
        ..base(policy)
    }
}

fn cases() -> Vec<(String, Result<DmarcRecord, DmarcError>)> {
    let junk = "x".repeat(10_000);
    let forty_x = format!("{}…", "x".repeat(40));
    let forty_q = format!("{}…", "q".repeat(40));
    let owned = |s: &str| s.to_owned();
    vec![
        // The minimal record, spacing, case and trailing separators.
        (owned("v=DMARC1; p=none"), Ok(base(Policy::None))),
        (owned("v=DMARC1;p=reject"), Ok(base(Policy::Reject))),
        (
            owned("  v = DMARC1 ;  p = quarantine ;  "),
            Ok(base(Policy::Quarantine)),
        ),
        (owned("V=DMARC1; P=REJECT"), Ok(base(Policy::Reject))),
        (owned("v=DMARC1; p=Quarantine;;"), Ok(base(Policy::Quarantine))),
        (owned("v=DMARC1; p=none;"), Ok(base(Policy::None))),
        (owned("v=DMARC1\t;\tp=reject\r\n"), Ok(base(Policy::Reject))),
        // Missing or invalid p, with and without a valid rua (RFC 7489 6.6.3).
        (owned("v=DMARC1"), Err(DmarcError::MissingPolicy)),
        (owned("v=DMARC1;"), Err(DmarcError::MissingPolicy)),
        (
            format!("v=DMARC1; rua={RUA}"),
            Ok(with_rua(
                Policy::None,
                vec![DmarcIssue::PolicyMissingTreatedAsNone],
            )),
        ),
        (
            owned("v=DMARC1; rua=https://contoso.com/dmarc"),
            Err(DmarcError::MissingPolicy),
        ),
        (
            owned("v=DMARC1; rua=mailto:nobody"),
            Err(DmarcError::MissingPolicy),
        ),
        (
            owned("v=DMARC1; p=block"),
            Err(DmarcError::InvalidPolicy(owned("block"))),
        ),
        (
            owned("v=DMARC1; p="),
            Err(DmarcError::InvalidPolicy(String::new())),
        ),
        (
            format!("v=DMARC1; p=block; rua={RUA}"),
            Ok(with_rua(
                Policy::None,
                vec![DmarcIssue::InvalidPolicyTreatedAsNone {
                    value: owned("block"),
                }],
            )),
        ),
        // sp.
        (
            owned("v=DMARC1; p=reject; sp=quarantine"),
            Ok(DmarcRecord {
                subdomain_policy: Some(Policy::Quarantine),
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; sp=NONE"),
            Ok(DmarcRecord {
                subdomain_policy: Some(Policy::None),
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; sp=maybe"),
            Err(DmarcError::InvalidSubdomainPolicy(owned("maybe"))),
        ),
        (
            format!("v=DMARC1; p=reject; sp=maybe; rua={RUA}"),
            Ok(with_rua(
                Policy::None,
                vec![DmarcIssue::InvalidSubdomainPolicyTreatedAsNone {
                    value: owned("maybe"),
                }],
            )),
        ),
        // pct.
        (
            owned("v=DMARC1; p=reject; pct=0"),
            Ok(DmarcRecord {
                pct: 0,
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; pct=100"),
            Ok(base(Policy::Reject)),
        ),
        (
            owned("v=DMARC1; p=quarantine; pct= 25 "),
            Ok(DmarcRecord {
                pct: 25,
                ..base(Policy::Quarantine)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; pct=101"),
            Ok(DmarcRecord {
                issues: vec![bad_pct("101")],
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; pct=abc"),
            Ok(DmarcRecord {
                issues: vec![bad_pct("abc")],
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; pct=-5"),
            Ok(DmarcRecord {
                issues: vec![bad_pct("-5")],
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; pct=0050"),
            Ok(DmarcRecord {
                issues: vec![bad_pct("0050")],
                ..base(Policy::Reject)
            }),
        ),
        // adkim and aspf.
        (
            owned("v=DMARC1; p=reject; adkim=s; aspf=S"),
            Ok(DmarcRecord {
                adkim: Alignment::Strict,
                aspf: Alignment::Strict,
                ..base(Policy::Reject)
            }),
        ),
        (
            owned("v=DMARC1; p=reject; adkim=r; aspf=R"),
            Ok(base(Policy::Reject)),
        ),
        (
            owned("v=DMARC1; p=reject; adkim=x; aspf=strict"),
            Ok(DmarcRecord {
                issues: vec![
                    bad_alignment("adkim", "x"),
                    bad_alignment("aspf", "strict"),
                ],
                ..base(Policy::Reject)
            }),
        ),
        // rua and ruf.
        (
            owned(
                "v=DMARC1; p=none; rua=mailto:a@contoso.com, MAILTO:b@agg.example.net!10m ,https://report.example.net/dmarc",
            ),
            Ok(DmarcRecord {
                rua: strings(&[
                    "mailto:a@contoso.com",
                    "MAILTO:b@agg.example.net!10m",
                    "https://report.example.net/dmarc",
                ]),
                issues: vec![not_mailto("rua", "https://report.example.net/dmarc")],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; ruf=mailto:forensic@contoso.com; fo=1"),
            Ok(DmarcRecord {
                ruf: strings(&["mailto:forensic@contoso.com"]),
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; rua=mailto:,mailto:nobody,,mailto:a@b.com!10x"),
            Ok(DmarcRecord {
                rua: strings(&["mailto:", "mailto:nobody", "mailto:a@b.com!10x"]),
                issues: vec![
                    bad_uri("rua", "mailto:"),
                    bad_uri("rua", "mailto:nobody"),
                    bad_uri("rua", ""),
                    bad_uri("rua", "mailto:a@b.com!10x"),
                ],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; rua=mailto:dmarc@bücher.example"),
            Ok(DmarcRecord {
                rua: strings(&["mailto:dmarc@bücher.example"]),
                issues: vec![bad_uri("rua", "mailto:dmarc@bücher.example")],
                ..base(Policy::None)
            }),
        ),
        // fo, rf, ri.
        (
            owned("v=DMARC1; p=none; fo=0:1:D:s; rf=AFRF; ri=3600"),
            Ok(base(Policy::None)),
        ),
        (
            owned("v=DMARC1; p=none; fo=2; rf=iodef; ri=abc"),
            Ok(DmarcRecord {
                issues: vec![
                    DmarcIssue::InvalidFailureOptions { value: owned("2") },
                    DmarcIssue::InvalidReportFormat {
                        value: owned("iodef"),
                    },
                    DmarcIssue::InvalidReportInterval {
                        value: owned("abc"),
                    },
                ],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; ri=99999999999"),
            Ok(DmarcRecord {
                issues: vec![DmarcIssue::InvalidReportInterval {
                    value: owned("99999999999"),
                }],
                ..base(Policy::None)
            }),
        ),
        // Unknown, duplicate, misplaced and malformed tags.
        (
            owned("v=DMARC1; p=none; foo=bar; NP=reject"),
            Ok(DmarcRecord {
                issues: vec![unknown("foo"), unknown("np")],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; p=reject"),
            Ok(DmarcRecord {
                issues: vec![DmarcIssue::DuplicateTag { tag: owned("p") }],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v=DMARC1; p=none; V=DMARC1"),
            Ok(DmarcRecord {
                issues: vec![DmarcIssue::DuplicateTag { tag: owned("v") }],
                ..base(Policy::None)
            }),
        ),
        (
            format!("v=DMARC1; rua={RUA}; p=reject"),
            Ok(with_rua(Policy::Reject, vec![DmarcIssue::PolicyNotSecond])),
        ),
        (
            owned("v=DMARC1; p=none; badpart; =x"),
            Ok(DmarcRecord {
                issues: vec![
                    DmarcIssue::MalformedTag {
                        text: owned("badpart"),
                    },
                    DmarcIssue::MalformedTag { text: owned("=x") },
                ],
                ..base(Policy::None)
            }),
        ),
        // Not a DMARC record.
        (
            owned("p=reject; v=DMARC1"),
            Err(DmarcError::NotDmarc(owned("p=reject; v=DMARC1"))),
        ),
        (
            owned("v=dmarc1; p=none"),
            Err(DmarcError::NotDmarc(owned("v=dmarc1; p=none"))),
        ),
        (
            owned("v=DMARC2; p=none"),
            Err(DmarcError::NotDmarc(owned("v=DMARC2; p=none"))),
        ),
        (
            owned("v=DMARC1 p=none"),
            Err(DmarcError::NotDmarc(owned("v=DMARC1 p=none"))),
        ),
        (
            owned(";v=DMARC1; p=none"),
            Err(DmarcError::NotDmarc(owned(";v=DMARC1; p=none"))),
        ),
        (owned(""), Err(DmarcError::Empty)),
        (owned("   \t\r\n "), Err(DmarcError::Empty)),
        (junk.clone(), Err(DmarcError::NotDmarc(forty_x))),
        (
            format!("v=DMARC1; p=none; {}", "q".repeat(10_000)),
            Ok(DmarcRecord {
                issues: vec![DmarcIssue::MalformedTag { text: forty_q }],
                ..base(Policy::None)
            }),
        ),
        // Control and non-ASCII characters.
        (
            owned("v=DMARC1; p=none\u{0}"),
            Err(DmarcError::InvalidPolicy(owned("none\u{FFFD}"))),
        ),
        (
            owned("\u{1b}[31mv=DMARC1; p=none"),
            Err(DmarcError::NotDmarc(owned("\u{FFFD}[31mv=DMARC1; p=none"))),
        ),
        (
            owned("v=DMARC1; p=\u{202E}reject"),
            Err(DmarcError::InvalidPolicy(owned("\u{FFFD}reject"))),
        ),
        (
            owned("v=DMARC1; p=réject"),
            Err(DmarcError::InvalidPolicy(owned("réject"))),
        ),
        (owned("v=DMARC1; ｐ=reject"), Err(DmarcError::MissingPolicy)),
        (
            owned("v=DMARC1; p=none; 日本=1"),
            Ok(DmarcRecord {
                issues: vec![unknown("日本")],
                ..base(Policy::None)
            }),
        ),
        (
            owned("v\u{a0}=DMARC1; p=none"),
            Err(DmarcError::NotDmarc(owned("v\u{a0}=DMARC1; p=none"))),
        ),
        // A full record.
        (
            owned(
                "v=DMARC1; p=quarantine; sp=reject; pct=25; adkim=s; aspf=r; rua=mailto:dmarc@contoso.com; ruf=mailto:forensic@contoso.com; fo=1; rf=afrf; ri=86400",
            ),
            Ok(DmarcRecord {
                subdomain_policy: Some(Policy::Reject),
                pct: 25,
                adkim: Alignment::Strict,
                ruf: strings(&["mailto:forensic@contoso.com"]),
                ..with_rua(Policy::Quarantine, Vec::new())
            }),
        ),
    ]
}

#[test]
fn parses_the_record_table() {
    let cases = cases();
    assert!(cases.len() >= 35, "only {} cases", cases.len());
    for (record, expected) in cases {
        assert_eq!(parse_dmarc(&record), expected, "record {record:?}");
    }
}

#[test]
fn select_record_keeps_only_dmarc_records() {
    type Selected = Result<Option<&'static str>, DmarcError>;
    let cases: [(&[&str], Selected); 9] = [
        (&[], Ok(None)),
        (&["v=spf1 -all", "google-site-verification=abc"], Ok(None)),
        (&["v=DMARC1; p=none"], Ok(Some("v=DMARC1; p=none"))),
        (
            &["google-site-verification=abc", "v=DMARC1; p=reject"],
            Ok(Some("v=DMARC1; p=reject")),
        ),
        (&["  v=DMARC1; p=reject"], Ok(Some("  v=DMARC1; p=reject"))),
        (
            &[
                "v=dmarc1; p=none",
                "v=DMARC10; p=none",
                "v=DMARC1; p=reject",
            ],
            Ok(Some("v=DMARC1; p=reject")),
        ),
        (
            &["v=DMARC1; p=none", "v=DMARC1; p=reject"],
            Err(DmarcError::MultipleRecords(2)),
        ),
        (
            &[
                "v=DMARC1; p=none",
                "v=spf1 -all",
                "v=DMARC1; p=reject",
                "V = DMARC1",
            ],
            Err(DmarcError::MultipleRecords(3)),
        ),
        (&["", "   ", "p=reject; v=DMARC1"], Ok(None)),
    ];
    for (txts, expected) in cases {
        let expected = expected.map(|record| record.map(str::to_owned));
        assert_eq!(select_record(&strings(txts)), expected, "txts {txts:?}");
    }
}

#[test]
fn device_mail_meaning_follows_policy_and_pct() {
    let cases = [
        ("v=DMARC1; p=none", DeviceMailMeaning::Monitoring),
        ("v=DMARC1; p=none; pct=10", DeviceMailMeaning::Monitoring),
        ("v=DMARC1; p=quarantine", DeviceMailMeaning::Quarantine),
        (
            "v=DMARC1; p=quarantine; pct=30",
            DeviceMailMeaning::QuarantinePartial { pct: 30 },
        ),
        (
            "v=DMARC1; p=quarantine; pct=0",
            DeviceMailMeaning::Monitoring,
        ),
        ("v=DMARC1; p=reject", DeviceMailMeaning::Reject),
        ("v=DMARC1; p=reject; pct=abc", DeviceMailMeaning::Reject),
        (
            "v=DMARC1; p=reject; pct=99",
            DeviceMailMeaning::RejectPartial { pct: 99 },
        ),
        ("v=DMARC1; p=reject; pct=0", DeviceMailMeaning::Quarantine),
        (
            "v=DMARC1; p=bogus; rua=mailto:d@contoso.com",
            DeviceMailMeaning::Monitoring,
        ),
    ];
    for (text, expected) in cases {
        let record = parse_dmarc(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(device_mail_meaning(&record), expected, "{text}");
    }

    let keys = [
        (DeviceMailMeaning::Monitoring, "dmarc.meaning.none", false),
        (
            DeviceMailMeaning::Quarantine,
            "dmarc.meaning.quarantine",
            false,
        ),
        (
            DeviceMailMeaning::QuarantinePartial { pct: 30 },
            "dmarc.meaning.quarantine-partial",
            true,
        ),
        (DeviceMailMeaning::Reject, "dmarc.meaning.reject", false),
        (
            DeviceMailMeaning::RejectPartial { pct: 99 },
            "dmarc.meaning.reject-partial",
            true,
        ),
    ];
    for (meaning, key, partial) in keys {
        assert_eq!(meaning.key(), key);
        assert_eq!(meaning.is_partial(), partial, "{meaning:?}");
    }
}

#[test]
fn policy_and_alignment_names() {
    assert_eq!(Policy::None.as_str(), "none");
    assert_eq!(Policy::Quarantine.as_str(), "quarantine");
    assert_eq!(Policy::Reject.as_str(), "reject");
    assert_eq!(Alignment::Relaxed.as_str(), "relaxed");
    assert_eq!(Alignment::Strict.as_str(), "strict");
}

#[test]
fn serializes_with_lowercase_and_kebab_case_names() {
    let record =
        parse_dmarc("v=DMARC1; p=reject; sp=quarantine; adkim=s; foo=1").expect("record is valid");
    let json = serde_json::to_value(&record).expect("serializes");
    assert_eq!(json["policy"], "reject");
    assert_eq!(json["subdomain_policy"], "quarantine");
    assert_eq!(json["adkim"], "strict");
    assert_eq!(json["aspf"], "relaxed");
    assert_eq!(json["pct"], 100);
    assert_eq!(json["issues"][0]["kind"], "unknown-tag");
    assert_eq!(json["issues"][0]["tag"], "foo");

    let fallback = parse_dmarc("v=DMARC1; rua=mailto:d@contoso.com").expect("treated as none");
    let json = serde_json::to_value(&fallback).expect("serializes");
    assert_eq!(json["issues"][0]["kind"], "policy-missing-treated-as-none");

    let meaning =
        serde_json::to_value(DeviceMailMeaning::RejectPartial { pct: 40 }).expect("serializes");
    assert_eq!(meaning["kind"], "reject-partial");
    assert_eq!(meaning["pct"], 40);
}

#[test]
fn messages_are_lower_case_short_and_safe() {
    let errors = [
        parse_dmarc(""),
        parse_dmarc(&format!("\u{7}{}", "y".repeat(500))),
        parse_dmarc("v=DMARC1"),
        parse_dmarc("v=DMARC1; p=\u{1b}[2Jreject"),
        parse_dmarc("v=DMARC1; p=none; sp=all"),
        select_record(&strings(&["v=DMARC1; p=none", "v=DMARC1; p=none"]))
            .map(|_| base(Policy::None)),
    ];
    for result in errors {
        let error = result.expect_err("each input is rejected");
        let message = error.to_string();
        assert!(
            message.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()),
            "{message}"
        );
        assert!(!message.chars().any(is_unsafe_to_echo), "{message:?}");
        assert!(message.chars().count() < 300, "{message}");
    }
    let long = parse_dmarc(&"z".repeat(1000)).expect_err("not DMARC");
    assert!(long.to_string().contains(&format!("{}…", "z".repeat(40))));

    let record = parse_dmarc(
        "v=DMARC1; rua=ftp://x, mailto:bad, mailto:d@contoso.com; sp=\u{0}; pct=x; adkim=\u{202E}; \u{85}; w\u{7f}=1; p=none; p=none; fo=9; rf=x; ri=-",
    )
    .expect("treated as p=none");
    assert_eq!(record.policy, Policy::None);
    assert!(record.issues.len() >= 10, "{:?}", record.issues);
    for issue in &record.issues {
        let message = issue.to_string();
        assert!(!message.chars().any(is_unsafe_to_echo), "{message:?}");
        assert!(!message.is_empty());
    }
}

#[test]
fn sweep_of_generated_records_never_panics() {
    const ASCII: &str = "v=DMARC1;pqrsuaxi=,:@ .";
    const EXTRA: [char; 8] = ['é', 'ｐ', '日', '\u{0}', '\u{202E}', '\u{FEFF}', '\t', '!'];
    // Whole tokens now and then, so some strings are records with a valid policy.
    const TOKENS: [&str; 10] = [
        "p=none",
        "p=reject",
        ";p=quarantine;",
        "; rua=mailto:d@contoso.com;",
        "quarantine",
        "mailto:d@contoso.com",
        "rua=",
        "pct=",
        "adkim=s",
        "!10m",
    ];
    let alphabet: Vec<char> = ASCII.chars().chain(EXTRA).collect();
    let mut rng = Rng(0x5EED_D3A2_C001_0001);
    let mut parsed = 0;
    for i in 0..3_000 {
        let len = rng.below(60);
        let mut text = String::new();
        // Half the strings start like a record, so the tag parser gets exercised too.
        if i % 2 == 0 {
            text.push_str("v=DMARC1;");
        }
        for _ in 0..len {
            if rng.below(4) == 0 {
                let pick = rng.below(TOKENS.len());
                text.push_str(TOKENS.get(pick).copied().unwrap_or_default());
            } else {
                let pick = rng.below(alphabet.len());
                text.push(alphabet.get(pick).copied().unwrap_or('x'));
            }
        }

        match parse_dmarc(&text) {
            Ok(record) => {
                parsed += 1;
                assert!(record.pct <= 100, "{text:?}");
                assert!(device_mail_meaning(&record)
                    .key()
                    .starts_with("dmarc.meaning."));
                for issue in &record.issues {
                    let message = issue.to_string();
                    assert!(!message.chars().any(is_unsafe_to_echo), "{text:?}");
                }
            }
            Err(error) => {
                let message = error.to_string();
                assert!(!message.chars().any(is_unsafe_to_echo), "{text:?}");
            }
        }
        let selected = select_record(std::slice::from_ref(&text));
        assert!(
            matches!(selected, Ok(None) | Ok(Some(_))),
            "{text:?}: {selected:?}"
        );
        if let Ok(Some(_)) = selected {
            assert!(
                !matches!(parse_dmarc(&text), Err(DmarcError::NotDmarc(_))),
                "{text:?}"
            );
        }
    }
    assert!(parsed > 100, "only {parsed} generated records parsed");
}
