use super::*;

/// One host-name check: a label that is both too long and holds an underscore is
/// the same problem in the DNS check and in the From address (the check used to run
/// in a different order in each, so the two fields said different things).
#[test]
fn the_dns_check_and_the_from_address_find_the_same_problem() {
    use crate::validate::{parse_from_address, DomainProblem, ValueError};
    let name = format!("{}_x.contoso.com", "a".repeat(70));
    assert!(
        matches!(
            DomainName::parse(&name),
            Err(NameError::InvalidCharacter { ch: '_', .. })
        ),
        "{:?}",
        DomainName::parse(&name)
    );
    let from = parse_from_address(&format!("scanner@{name}"));
    assert!(
        matches!(
            from,
            Err(ValueError::InvalidDomain {
                problem: DomainProblem::InvalidCharacter { ch: '_' },
                ..
            })
        ),
        "{from:?}"
    );
    for (input, expect) in [
        ("a..b", HostSyntax::EmptyLabel),
        ("localhost", HostSyntax::SingleLabel),
        ("10.0.0.1", HostSyntax::NumericTld),
        ("-a.com", HostSyntax::HyphenAtEdge("-a".to_owned())),
    ] {
        assert_eq!(check_host_syntax(input), Err(expect), "{input}");
    }
}

fn ok(input: &str) -> String {
    match DomainName::parse(input) {
        Ok(name) => name.as_str().to_owned(),
        Err(e) => panic!("{input:?} should parse, got {e}"),
    }
}

fn err(input: &str) -> NameError {
    match DomainName::parse(input) {
        Ok(name) => panic!("{input:?} should fail, got {name}"),
        Err(e) => e,
    }
}

#[test]
fn accepts_and_normalises_ordinary_names() {
    assert_eq!(ok("Contoso.COM"), "contoso.com");
    assert_eq!(ok("  contoso.com.  "), "contoso.com");
    assert_eq!(ok("octo-bot.io"), "octo-bot.io");
    assert_eq!(ok("a.b.c.d.example"), "a.b.c.d.example");
}

#[test]
fn converts_internationalised_names_with_idna() {
    assert_eq!(ok("例子.测试"), "xn--fsqu00a.xn--0zwm56d");
    assert_eq!(ok("Bücher.example"), "xn--bcher-kva.example");
    assert_eq!(ok("công-ty.vn"), "xn--cng-ty-ixa.vn");
}

#[test]
fn rejects_malformed_names_with_specific_messages() {
    assert_eq!(err(""), NameError::Empty);
    assert_eq!(err("   "), NameError::Empty);
    assert_eq!(err("exa mple.com"), NameError::ContainsSpace);
    assert_eq!(err("-bad-.com"), NameError::HyphenAtEdge("-bad-".into()));
    assert_eq!(err("a..com"), NameError::EmptyLabel);
    assert_eq!(err(".com"), NameError::EmptyLabel);
    assert_eq!(
        err("203.0.113.5"),
        NameError::AddressNotName("203.0.113.5".to_owned())
    );
    // Fullwidth digits and dots become ASCII through IDNA, then are an address.
    assert_eq!(
        err("２０３．０．１１３．５"),
        NameError::AddressNotName("203.0.113.5".to_owned())
    );
    assert!(DomainName::parse("contoso.c0m").is_ok());
    assert_eq!(err("localhost"), NameError::SingleLabel);
    assert!(matches!(
        err("user@contoso.com"),
        NameError::LooksLikeEmail(_)
    ));
    assert!(matches!(
        err("bad_name.com"),
        NameError::InvalidCharacter { ch: '_', .. }
    ));
    let long_label = "a".repeat(64);
    assert_eq!(
        err(&format!("{long_label}.com")),
        NameError::LabelTooLong {
            label: format!("{}…", "a".repeat(20)),
            len: 64
        }
    );
    let long_name = ["abcdefghij"; 25].join(".");
    assert_eq!(err(&long_name), NameError::NameTooLong(long_name.len()));
}

#[test]
fn label_of_exactly_63_is_fine() {
    let label = "b".repeat(63);
    assert_eq!(ok(&format!("{label}.com")), format!("{label}.com"));
}

#[test]
fn messages_name_the_problem() {
    let message = err(&format!("{}.com", "x".repeat(64))).to_string();
    assert!(message.contains("64 characters"), "{message}");
    assert!(err("-bad-.com").to_string().contains("-bad-"));
}

#[test]
fn child_names_allow_underscores() {
    let domain = DomainName::parse("contoso.com").map_err(|e| e.to_string());
    assert_eq!(
        domain.map(|d| d.child("_dmarc").to_string()),
        Ok("_dmarc.contoso.com".to_owned())
    );
}

/// Hostile and odd names: each is either a clean A-label name or refused with a
/// message that is short, says something, and never echoes a control or
/// bidirectional character raw (it would garble or reorder the page around it).
#[test]
fn hostile_names_get_a_clear_message_or_a_clean_a_label() {
    let long_label = "a".repeat(64);
    let long_name = format!("{}.com", "abcdefghij.".repeat(30));
    let inputs: Vec<String> = [
        "",
        " ",
        "\t\n",
        ".",
        "..",
        "contoso",
        "contoso..com",
        ".contoso.com",
        "-contoso.com",
        "contoso-.com",
        "con toso.com",
        "contoso.com\u{0}",
        "contoso\u{7}.com",
        "contoso.com\r\nX-Header: 1",
        "conto\u{202e}moc.com",
        "contoso\u{200b}.com",
        "\u{feff}contoso.com",
        "<script>alert(1)</script>.com",
        "\"quoted\".com",
        "'single'.com",
        "scanner@contoso.com",
        "http://contoso.com/",
        "contoso.com:25",
        "contoso.com/path",
        "%63ontoso.com",
        "\u{430}\u{440}\u{440}\u{435}.com",
        "ＣＯＮＴＯＳＯ．ＣＯＭ",
        "例子.测试",
        "🖨️.example",
        "xn--.com",
        "xn--zz.com",
        "a_b.com",
        "*.contoso.com",
        "192.0.2.1",
        "[2001:db8::1]",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([long_label.clone() + ".com", long_name])
    .collect();
    assert!(inputs.len() >= 30);
    for input in &inputs {
        match DomainName::parse(input) {
            Ok(name) => {
                let text = name.as_str();
                assert!(
                    text.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
                    "{input:?} became {text:?}"
                );
            }
            Err(error) => {
                let message = error.to_string();
                assert!(!message.trim().is_empty(), "{input:?}");
                assert!(message.chars().count() < 200, "{input:?}: {message}");
                assert!(
                    !message.chars().any(crate::echo::is_unsafe_to_echo),
                    "{input:?}: the message echoes an unsafe character: {message:?}"
                );
            }
        }
    }
}
