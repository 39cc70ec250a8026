//! RFC 7208 7.4 examples, and the escapes and limits of section 7.

use super::*;
use std::net::IpAddr;

fn expand_with(spec: &str, ip: &str, in_exp: bool) -> Result<String, MacroError> {
    let parsed = if in_exp {
        parse_explain_string(spec)
    } else {
        parse_macro_string(spec, 0)
    };
    let ms = match parsed {
        Ok(ms) => ms,
        Err(e) => panic!("{spec}: {e}"),
    };
    let ip: IpAddr = ip.parse().unwrap_or_else(|e| panic!("{ip}: {e}"));
    let ctx = MacroContext {
        sender: "strong-bad@email.example.com",
        domain: "email.example.com",
        ip,
        helo: "mx.example.org",
        receiver: "receiver.example.net",
        timestamp: 1_700_000_000,
        validated: None,
    };
    expand(&ms, &ctx, in_exp)
}

#[test]
fn rfc_7208_section_7_4_examples() {
    let cases = [
        ("%{s}", "strong-bad@email.example.com"),
        ("%{o}", "email.example.com"),
        ("%{d}", "email.example.com"),
        ("%{d4}", "email.example.com"),
        ("%{d3}", "email.example.com"),
        ("%{d2}", "example.com"),
        ("%{d1}", "com"),
        ("%{dr}", "com.example.email"),
        ("%{d2r}", "example.email"),
        ("%{l}", "strong-bad"),
        ("%{l-}", "strong.bad"),
        ("%{lr}", "strong-bad"),
        ("%{lr-}", "bad.strong"),
        ("%{l1r-}", "strong"),
        (
            "%{ir}.%{v}._spf.%{d2}",
            "3.2.0.192.in-addr._spf.example.com",
        ),
        ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
        (
            "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
            "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        ),
        (
            "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
            "3.2.0.192.in-addr.strong.lp._spf.example.com",
        ),
        (
            "%{d2}.trusted-domains.example.net",
            "example.com.trusted-domains.example.net",
        ),
    ];
    for (spec, expected) in cases {
        assert_eq!(
            expand_with(spec, "192.0.2.3", false).as_deref(),
            Ok(expected),
            "{spec}"
        );
    }
    // RFC 7208 7.4 prints the nibbles in lower case, RFC 4408 8.2 in upper case; a DNS
    // name has no case, so the example holds either way.
    let ipv6 = expand_with("%{ir}.%{v}._spf.%{d2}", "2001:db8::cb01", false).unwrap_or_default();
    assert!(ipv6.eq_ignore_ascii_case(
        "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"
    ));
    // In explanation text, where case shows, the nibbles are upper case as the openspf
    // suite expects ("...E.B.A.B.E.F.A.C.ip6.arpa").
    assert_eq!(
        expand_with("%{c} is %{ir}.%{v}.arpa", "cafe:babe::1", true).as_deref(),
        Ok("cafe:babe::1 is 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.E.B.A.B.E.F.A.C.ip6.arpa")
    );
}

#[test]
fn escapes_and_url_encoding() {
    assert_eq!(
        expand_with("a%%b%_c%-d", "192.0.2.3", false).as_deref(),
        Ok("a%b c%20d")
    );
    assert_eq!(
        expand_with("%{S}", "192.0.2.3", false).as_deref(),
        Ok("strong-bad%40email.example.com")
    );
    assert_eq!(
        expand_with("%{h}", "192.0.2.3", false).as_deref(),
        Ok("mx.example.org")
    );
}

#[test]
fn exp_only_macros() {
    assert_eq!(
        expand_with("%{c}", "192.0.2.3", false),
        Err(MacroError::ExpOnly('c'))
    );
    assert_eq!(
        expand_with("%{r}", "192.0.2.3", false),
        Err(MacroError::ExpOnly('r'))
    );
    assert_eq!(
        expand_with("%{t}", "192.0.2.3", false),
        Err(MacroError::ExpOnly('t'))
    );
    assert_eq!(
        expand_with("%{c} %{r} %{t}", "192.0.2.3", true).as_deref(),
        Ok("192.0.2.3 receiver.example.net 1700000000")
    );
}

#[test]
fn malformed_macros_are_syntax_errors() {
    for bad in ["%{x}", "%{d0}", "%{d", "%", "%a", "%{}", "%{d2r!}", "a b"] {
        assert!(
            parse_macro_string(bad, 0).is_err(),
            "{bad:?} should not parse"
        );
    }
}

#[test]
fn long_expansions_lose_labels_from_the_left() {
    let long = format!("{}.example.com", ["abcdefghij"; 30].join("."));
    let cut = truncate_domain(&long);
    assert!(cut.len() <= 253);
    assert!(cut.ends_with(".example.com"));
    assert!(long.ends_with(cut));
}

#[test]
fn domain_spec_validity() {
    let valid = |s: &str| {
        parse_macro_string(s, 0)
            .map(|m| m.is_valid_domain_spec())
            .unwrap_or(false)
    };
    assert!(valid("example.com"));
    assert!(valid("_spf.example.com."));
    assert!(valid("%{d}"));
    assert!(valid("%{i}._spf.%{d}"));
    assert!(!valid("localhost"));
    assert!(!valid("example.123"));
    assert!(!valid("example.-com"));
}

#[test]
fn a_sender_without_local_part_is_postmaster() {
    let ms = parse_macro_string("%{l}.%{o}", 0).unwrap_or_else(|e| panic!("{e}"));
    let ctx = MacroContext {
        sender: "@example.com",
        domain: "example.com",
        ip: IpAddr::from([192, 0, 2, 3]),
        helo: "h.example.com",
        receiver: "",
        timestamp: 0,
        validated: None,
    };
    assert_eq!(
        expand(&ms, &ctx, false).as_deref(),
        Ok("postmaster.example.com")
    );
}
