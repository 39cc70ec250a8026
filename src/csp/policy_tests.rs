use super::*;

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://cloudflare-dns.com https://dns.google http://127.0.0.1:* http://localhost:*; object-src 'none'";
const PAGE: &str = "https://it.contoso.com/smarthost/check/";

#[test]
fn the_shipped_policy_allows_the_presets_and_loopback_only() {
    for (url, allowed) in [
        ("https://cloudflare-dns.com/dns-query", true),
        ("https://dns.google/resolve?name=x", true),
        ("https://dns.google:443/dns-query", true),
        ("https://dns.google:8443/dns-query", false),
        ("http://dns.google/dns-query", false),
        ("http://127.0.0.1:8053/dns-query", true),
        ("https://127.0.0.1:8053/dns-query", true),
        ("http://localhost/dns-query", true),
        ("https://it.contoso.com/doh", true),
        ("http://it.contoso.com/doh", false),
        ("https://doh.corp.example/dns-query", false),
        ("https://evil.dns.google.example/dns-query", false),
        ("ftp://dns.google/", false),
        ("not a url", false),
    ] {
        assert_eq!(allows_connect(POLICY, PAGE, url), allowed, "{url}");
    }
}

#[test]
fn source_forms() {
    let page = "http://intranet.example/";
    for (policy, url, allowed) in [
        ("connect-src *", "https://anything.example/", true),
        ("connect-src https:", "https://anything.example/", true),
        ("connect-src https:", "http://anything.example/", false),
        ("connect-src http:", "https://anything.example/", true),
        (
            "connect-src *.corp.example",
            "http://doh.corp.example/q",
            true,
        ),
        ("connect-src *.corp.example", "http://corp.example/q", false),
        (
            "connect-src doh.corp.example:8443",
            "http://doh.corp.example:8443/",
            true,
        ),
        (
            "connect-src https://doh.corp.example/dns/",
            "https://doh.corp.example/dns/query",
            true,
        ),
        (
            "connect-src https://doh.corp.example/dns",
            "https://doh.corp.example/dns/query",
            false,
        ),
        ("connect-src 'none'", "https://doh.corp.example/", false),
        (
            "default-src https://doh.corp.example",
            "https://doh.corp.example/",
            true,
        ),
        ("script-src 'self'", "https://anywhere.example/", true),
        (
            "connect-src http://[::1]:8053",
            "http://[::1]:8053/dns-query",
            true,
        ),
    ] {
        assert_eq!(
            allows_connect(policy, page, url),
            allowed,
            "{policy} / {url}"
        );
    }
}

#[test]
fn origins_are_printed_as_a_team_would_add_them() {
    let parts = UrlParts::parse("HTTPS://User@DoH.Corp.Example:8443/dns-query?x#y");
    assert_eq!(
        parts.as_ref().map(UrlParts::origin).as_deref(),
        Some("https://doh.corp.example:8443")
    );
    assert_eq!(
        UrlParts::parse("https://dns.google/x")
            .map(|p| p.origin())
            .as_deref(),
        Some("https://dns.google")
    );
    assert_eq!(UrlParts::parse("https://:80/"), None);
    assert_eq!(UrlParts::parse("https://host:99999/"), None);
}

#[test]
fn never_panics_on_odd_input() {
    // A fixed linear congruential sequence (Knuth's MMIX constants): the same inputs on
    // every run, without a dependency.
    let mut state = 7u64;
    let mut below = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n.max(1)
    };
    let mut pick = |alphabet: &str, max: usize| -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        let len = below(max);
        (0..len).map(|_| chars[below(chars.len())]).collect()
    };
    for _ in 0..3000 {
        let policy = pick("connect-src 'self' *:/.[]; https default-src", 40);
        let url = pick("https://[]:*./@?#abc0123", 30);
        let _ = allows_connect(&policy, PAGE, &url);
        let _ = UrlParts::parse(&url);
    }
}
