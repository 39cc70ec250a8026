//! Parsing and printing records (RFC 7208 4.6, 5, 6 and the ABNF of section 12).

use super::*;

fn parse_ok(text: &str) -> SpfRecord {
    let record = parse_record(text);
    assert!(record.errors.is_empty(), "{text}: {:?}", record.errors);
    record
}

#[test]
fn parses_the_classic_microsoft_example() {
    let text = "v=spf1 ip4:10.5.3.2 include:spf.protection.outlook.com ~all";
    let record = parse_ok(text);
    assert_eq!(record.terms.len(), 3);
    assert_eq!(record.to_string(), text);
    let spans: Vec<&str> = record.terms.iter().map(|t| record.term_text(t)).collect();
    assert_eq!(
        spans,
        ["ip4:10.5.3.2", "include:spf.protection.outlook.com", "~all"]
    );
    assert!(matches!(
        record.terms[2].kind,
        TermKind::Directive {
            qualifier: Qualifier::SoftFail,
            mechanism: Mechanism::All
        }
    ));
}

#[test]
fn every_mechanism_and_modifier() {
    let record = parse_ok(
        "v=spf1 +a -a:mail.example.com/24 ~a//64 ?a:example.com/24//64 mx mx:example.org/28 ptr ptr:example.net \
         ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.bl.example.com include:_spf.example.com \
         redirect=_spf.example.org exp=explain._spf.%{d} foo=bar-%{d} -all",
    );
    let names: Vec<String> = record
        .terms
        .iter()
        .map(|t| match &t.kind {
            TermKind::Directive { mechanism, .. } => mechanism.name().to_owned(),
            TermKind::Modifier(Modifier::Redirect(_)) => "redirect".to_owned(),
            TermKind::Modifier(Modifier::Exp(_)) => "exp".to_owned(),
            TermKind::Modifier(Modifier::Unknown { name, .. }) => name.clone(),
        })
        .collect();
    assert_eq!(
        names,
        [
            "a", "a", "a", "a", "mx", "mx", "ptr", "ptr", "ip4", "ip6", "exists", "include",
            "redirect", "exp", "foo", "all"
        ]
    );
    assert!(matches!(
        record.terms[3].kind,
        TermKind::Directive {
            mechanism: Mechanism::A {
                cidr4: Some(24),
                cidr6: Some(64),
                ..
            },
            ..
        }
    ));
    assert!(matches!(
        record.terms[2].kind,
        TermKind::Directive {
            mechanism: Mechanism::A {
                domain: None,
                cidr4: None,
                cidr6: Some(64)
            },
            ..
        }
    ));
}

#[test]
fn case_insensitive_names_and_extra_spaces() {
    let text = "V=SPF1   IP4:192.0.2.1  Include:example.com   -ALL  ";
    let record = parse_ok(text);
    assert_eq!(record.terms.len(), 3);
    assert_eq!(record.to_string(), text);
    assert_eq!(record.terms[0].span, 9..22);
}

#[test]
fn version_rules() {
    assert!(is_spf_record("v=spf1"));
    assert!(is_spf_record("v=spf1 -all"));
    assert!(is_spf_record("V=SpF1 -all"));
    assert!(!is_spf_record("v=spf10 -all"));
    assert!(!is_spf_record("v=spf1-all"));
    assert!(!is_spf_record(" v=spf1 -all"));
    assert!(!is_spf_record("spf2.0/pra -all"));
}

#[test]
fn syntax_errors_carry_their_span_and_all_are_reported() {
    let text = "v=spf1 ip4:300.1.1.1 include: a:example.com/33 foo -all ip6:zz redirect=a.com redirect=b.com";
    let record = parse_record(text);
    let located: Vec<&str> = record
        .errors
        .iter()
        .map(|e| &text[e.span.clone()])
        .collect();
    assert_eq!(
        located,
        [
            "ip4:300.1.1.1",
            "include:",
            "a:example.com/33",
            "foo",
            "ip6:zz",
            "redirect=b.com"
        ]
    );
    // The valid terms around them are still there for the linter.
    assert!(record.terms.iter().any(|t| record.term_text(t) == "-all"));
}

#[test]
fn bad_values_are_errors() {
    for bad in [
        "v=spf1 ip4:192.0.2.1/",
        "v=spf1 ip4:192.0.2.01",
        "v=spf1 ip4:192.0.2.1/024",
        "v=spf1 ip6:2001:db8::/129",
        "v=spf1 include:localhost",
        "v=spf1 exists",
        "v=spf1 all:example.com",
        "v=spf1 -",
        "v=spf1 redirect=",
        "v=spf1 exp=",
        "v=spf1 a:exa%mple.com",
        "v=spf1 mx:example.com/",
        "v=spf1 ipv4:192.0.2.1",
        "v=spf1 include:ex\u{e4}mple.com",
        "v=spf1 \tall",
    ] {
        assert!(
            !parse_record(bad).errors.is_empty(),
            "{bad:?} should have an error"
        );
    }
}

#[test]
fn arbitrary_input_never_panics_and_prints_back() {
    let alphabet: Vec<char> = "v=spf1 :/.%{}-+~?aimxpt4620includeredirectexp_ä\u{0}"
        .chars()
        .collect();
    let mut state: u32 = 0x9e37_79b9;
    for len in 0..3_000 {
        let text: String = (0..len % 60)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                alphabet[(state as usize) % alphabet.len()]
            })
            .collect();
        let text = format!("v=spf1 {text}");
        let record = parse_record(&text);
        assert_eq!(record.to_string(), text);
        for term in &record.terms {
            assert!(text.get(term.span.clone()).is_some());
        }
    }
}

#[test]
fn all_with_an_argument_says_what_all_takes() {
    for (record, shown) in [
        ("v=spf1 -all/24", "/24"),
        ("v=spf1 ~all:contoso.com", ":contoso.com"),
    ] {
        let errors = parse_record(record).errors;
        assert_eq!(errors.len(), 1, "{record}");
        assert_eq!(
            errors[0].to_string(),
            format!(
                "all takes no domain or CIDR length (\"{shown}\"); write -all, ~all, ?all or +all alone"
            )
        );
    }
}
