//! The DNS-over-HTTPS URL an admin types in Settings (or passes with `--doh`): checked
//! before any request, so a typo gets a message naming the problem instead of a string
//! of failed look-ups, and nothing that is not a plain http(s) URL is ever fetched.

use crate::echo::{is_unsafe_to_echo, shown};
use thiserror::Error;

/// What is wrong with a DoH URL; the URL is echoed shortened and made safe.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EndpointError {
    #[error("enter the DNS-over-HTTPS URL, for example https://cloudflare-dns.com/dns-query")]
    Empty,
    #[error("the DNS-over-HTTPS URL \"{0}\" is not an http:// or https:// URL; enter one such as https://cloudflare-dns.com/dns-query")]
    NotHttp(String),
    #[error("the DNS-over-HTTPS URL \"{0}\" contains a space, a control character or an invisible character; type the URL again")]
    Unprintable(String),
    #[error("the DNS-over-HTTPS URL \"{0}\" has no host name after the scheme, for example https://dns.contoso.com/dns-query")]
    NoHost(String),
    #[error("the DNS-over-HTTPS URL \"{0}\" has a user name or password before the host (an @); a DoH server needs none, so leave it out")]
    Credentials(String),
    #[error("the DNS-over-HTTPS URL \"{0}\" has the character {1} in its host name; use letters a-z, digits, hyphens and dots (an internationalised name in its xn-- form), an IPv4 address or an [IPv6] address")]
    BadHost(String, String),
    #[error("the DNS-over-HTTPS URL \"{0}\" has a port that is not a number from 1 to 65535")]
    BadPort(String),
    #[error("the DNS-over-HTTPS URL \"{0}\" has a #fragment, which is never sent to the server; remove it")]
    Fragment(String),
}

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
        return Err(EndpointError::Unprintable(shown(
            &url.replace(bad, "\u{FFFD}"),
        )));
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
