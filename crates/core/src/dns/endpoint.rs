//! The DNS-over-HTTPS URL an admin types in Settings (or passes with `--doh`): checked
//! before any request, so a typo gets a message naming the problem instead of a string
//! of failed lookups, and nothing that is not a plain http(s) URL is ever fetched.

use crate::echo::{is_unsafe_to_echo, shown};
use crate::i18n::{format, Lang};

/// What is wrong with a DoH URL; the URL is echoed shortened and made safe.
/// [`EndpointError::message`] says it in a language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    Empty,
    NotHttp(String),
    Unprintable(String),
    NoHost(String),
    Credentials(String),
    /// The URL and the character: `'c'`, with its code point unless printable ASCII.
    BadHost(String, String),
    BadPort(String),
    Fragment(String),
}

impl EndpointError {
    /// The message in `lang` (texts `error.endpoint.*` in the catalog).
    pub fn message(&self, lang: Lang) -> String {
        let with_url = |key: &str, url: &str| format(lang, key, &[("url", url)]);
        match self {
            EndpointError::Empty => format(lang, "error.endpoint.empty", &[]),
            EndpointError::NotHttp(url) => with_url("error.endpoint.not-http", url),
            EndpointError::Unprintable(url) => with_url("error.endpoint.unprintable", url),
            EndpointError::NoHost(url) => with_url("error.endpoint.no-host", url),
            EndpointError::Credentials(url) => with_url("error.endpoint.credentials", url),
            EndpointError::BadHost(url, ch) => format(
                lang,
                "error.endpoint.bad-host",
                &[("url", url), ("char", ch)],
            ),
            EndpointError::BadPort(url) => with_url("error.endpoint.bad-port", url),
            EndpointError::Fragment(url) => with_url("error.endpoint.fragment", url),
        }
    }
}

crate::i18n::display_in_english!(EndpointError);

impl std::error::Error for EndpointError {}

/// Checks a DoH URL: `http://` or `https://` (any case), a host name, IPv4 or [IPv6]
/// address, an optional port, then any path and query. Returns it trimmed.
pub fn validate_endpoint(endpoint: &str) -> Result<String, EndpointError> {
    let url = endpoint.trim();
    if url.is_empty() {
        return Err(EndpointError::Empty);
    }
    let bad = |c: char| {
        c.is_whitespace()
            || is_unsafe_to_echo(c)
            || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
    };
    if url.chars().any(bad) {
        return Err(EndpointError::Unprintable(shown(&visible(url, bad))));
    }
    let lower = url.to_ascii_lowercase();
    let scheme_len = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return Err(EndpointError::NotHttp(shown(url)));
    };
    let rest = url.get(scheme_len..).unwrap_or_default();
    if rest.contains('#') {
        return Err(EndpointError::Fragment(shown(url)));
    }
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(EndpointError::Credentials(shown(url)));
    }
    if authority.is_empty() {
        return Err(EndpointError::NoHost(shown(url)));
    }
    let (host, port) = split_port(authority);
    if host.is_empty() {
        return Err(EndpointError::NoHost(shown(url)));
    }
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|n| (1..=65_535).contains(&n));
        if !valid {
            return Err(EndpointError::BadPort(shown(url)));
        }
    }
    check_host(host).map_err(|c| EndpointError::BadHost(shown(url), describe(c)))?;
    Ok(url.to_owned())
}

/// `url` with each character `bad` refuses made visible: a space stays a space (a
/// replacement character there reads as broken text), any other as its code point.
fn visible(url: &str, bad: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    for c in url.chars() {
        match c {
            ' ' => out.push(' '),
            c if bad(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// `host[:port]` or `[v6][:port]`; the port is `None` when there is no colon.
fn split_port(authority: &str) -> (&str, Option<&str>) {
    if let Some(inside) = authority.strip_prefix('[') {
        return match inside.split_once(']') {
            Some((v6, after)) => {
                let host = authority.get(..v6.len() + 2).unwrap_or(authority);
                (host, after.strip_prefix(':'))
            }
            None => (authority, None),
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

/// The first character a host may not hold: a bracketed IPv6 literal must parse, a
/// name or IPv4 address is letters, digits, hyphens and dots with no empty label.
fn check_host(host: &str) -> Result<(), char> {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return match v6.parse::<std::net::Ipv6Addr>() {
            Ok(_) => Ok(()),
            Err(_) => Err(v6
                .chars()
                .find(|c| !(c.is_ascii_hexdigit() || *c == ':' || *c == '.'))
                .unwrap_or('[')),
        };
    }
    if let Some(c) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(c);
    }
    // One trailing dot is a fully qualified name; other empty labels are typos.
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.split('.').any(str::is_empty) {
        return Err('.');
    }
    Ok(())
}

fn describe(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("'{c}'")
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}

#[cfg(test)]
#[path = "endpoint_tests.rs"]
mod tests;
