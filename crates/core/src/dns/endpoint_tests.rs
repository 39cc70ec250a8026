//! DoH URLs as people type or paste them: each row is accepted (as the trimmed URL) or
//! refused with a message containing the given words; every message is short and
//! echoes no control, bidirectional or zero-width character.

use super::*;

enum Expect {
    Accept,
    Refuse(&'static str),
}
use Expect::*;

fn rows() -> Vec<(String, Expect)> {
    let long_path = format!("https://dns.contoso.com/{}", "q".repeat(100_000));
    let long_host = format!("https://{}.com/dns-query", "h".repeat(5_000));
    let table: Vec<(&str, Expect)> = vec![
        ("https://cloudflare-dns.com/dns-query", Accept),
        ("  https://dns.google/resolve  ", Accept),
        ("HTTPS://DNS.Google/resolve", Accept),
        ("http://127.0.0.1:8053/dns-query", Accept),
        ("http://[::1]:8053/dns-query", Accept),
        ("https://dns.contoso.com./dns-query", Accept),
        (
            "https://dns.contoso.com/dns-query?ct=application/dns-message",
            Accept,
        ),
        ("https://xn--bcher-kva.example/dns-query", Accept),
        ("", Refuse("enter the DNS-over-HTTPS URL")),
        ("   ", Refuse("enter the DNS-over-HTTPS URL")),
        ("\t\n", Refuse("enter the DNS-over-HTTPS URL")),
        (
            "cloudflare-dns.com/dns-query",
            Refuse("not an http:// or https:// URL"),
        ),
        (
            "ftp://dns.contoso.com/",
            Refuse("not an http:// or https:// URL"),
        ),
        (
            "javascript:alert(1)",
            Refuse("not an http:// or https:// URL"),
        ),
        (
            "data:text/html,<script>alert(1)</script>",
            Refuse("not an http:// or https:// URL"),
        ),
        (
            "https:/dns.contoso.com",
            Refuse("not an http:// or https:// URL"),
        ),
        ("https://", Refuse("no host name")),
        ("https:///dns-query", Refuse("no host name")),
        ("https://?dns=x", Refuse("no host name")),
        ("https://:443/dns-query", Refuse("no host name")),
        ("https://dns contoso.com/", Refuse("contains a space")),
        (
            "https://dns.contoso.com/dns-query\r\nX-Injected: 1",
            Refuse("control character"),
        ),
        ("https://dns.contoso.com/\u{0}", Refuse("control character")),
        (
            "https://dns.contoso.com/\u{1b}[31m",
            Refuse("control character"),
        ),
        (
            "https://dns.\u{202e}moc.osotnoc/",
            Refuse("control character"),
        ),
        (
            "https://dns\u{200b}.contoso.com/",
            Refuse("invisible character"),
        ),
        (
            "\u{feff}https://dns.contoso.com/",
            Refuse("invisible character"),
        ),
        (
            "https://user:pass@dns.contoso.com/",
            Refuse("user name or password"),
        ),
        (
            "https://dns.contoso.com@evil.example/",
            Refuse("user name or password"),
        ),
        ("https://dns.contoso.com:0/", Refuse("port")),
        ("https://dns.contoso.com:65536/", Refuse("port")),
        ("https://dns.contoso.com:/", Refuse("port")),
        ("https://dns.contoso.com:https/", Refuse("port")),
        ("https://dns.contoso.com:+443/", Refuse("port")),
        ("https://dns.c\u{43e}ntoso.com/", Refuse("U+043E")),
        ("https://ｄｎｓ.contoso.com/", Refuse("U+FF44")),
        ("https://dns_1.contoso.com/", Refuse("'_'")),
        ("https://<script>/", Refuse("'<'")),
        ("https://dns..contoso.com/", Refuse("'.'")),
        ("https://[::1/dns-query", Refuse("'['")),
        ("https://[fe80::1%25eth0]/", Refuse("'%'")),
        ("https://dns.contoso.com/#frag", Refuse("#fragment")),
        (
            "https://dns.contoso.com\\@evil/",
            Refuse("user name or password"),
        ),
    ];
    let mut rows: Vec<(String, Expect)> =
        table.into_iter().map(|(s, e)| (s.to_owned(), e)).collect();
    rows.push((long_path, Accept));
    rows.push((long_host, Accept));
    rows.push((
        "x".repeat(100_000),
        Refuse("not an http:// or https:// URL"),
    ));
    rows
}

#[test]
fn a_refused_character_is_shown_as_itself_or_its_code_point_never_as_a_replacement() {
    let spaced = validate_endpoint("not a url").unwrap_err().to_string();
    assert!(spaced.contains("\"not a url\""), "{spaced}");
    assert!(!spaced.contains('\u{FFFD}'), "{spaced}");
    let hidden = validate_endpoint("https://a\u{200b}b/\tx")
        .unwrap_err()
        .to_string();
    assert!(
        hidden.contains("\"https://a<U+200B>b/<U+0009>x\""),
        "{hidden}"
    );
}

#[test]
fn hostile_doh_urls_are_accepted_or_refused_with_a_clear_message() {
    let rows = rows();
    assert!(rows.len() >= 30);
    let mut wrong = Vec::new();
    for (input, expect) in &rows {
        let label: String = input.chars().take(50).collect();
        match (validate_endpoint(input), expect) {
            (Ok(url), Accept) if url == input.trim() => {}
            (Err(e), Refuse(words)) => {
                let message = e.to_string();
                let fine = message.contains(words)
                    && message.chars().count() < 300
                    && !message.chars().any(is_unsafe_to_echo)
                    && !message.contains('\u{200B}')
                    && !message.contains('\u{FEFF}')
                    && !message.contains(&"x".repeat(45));
                if !fine {
                    wrong.push(format!("{label:?}: {message}"));
                }
            }
            (result, _) => wrong.push(format!("{label:?}: {result:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows went wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
