//! Values a bounce names that fill in the links: the sending IPv4 address Microsoft puts
//! in brackets (`banned sending IP [203.0.113.25]`, `Client host [203.0.113.25]`) and the
//! domains (`sending domain [contoso.com]`, and those of the addresses in the text).

use std::net::Ipv4Addr;

/// At most this many of each are kept.
const MAX_VALUES: usize = 5;

/// IPv4 addresses written in square brackets, in order, once each.
pub fn bracketed_ipv4(text: &str) -> Vec<Ipv4Addr> {
    let mut found = Vec::new();
    for piece in text.split('[').skip(1) {
        let Some((inside, _)) = piece.split_once(']') else {
            continue;
        };
        if let Ok(ip) = inside.trim().parse::<Ipv4Addr>() {
            if !found.contains(&ip) {
                found.push(ip);
            }
        }
        if found.len() == MAX_VALUES {
            break;
        }
    }
    found
}

/// Domains the text names: after "sending domain" or in brackets first (the domain the
/// bounce is about), then those of the e-mail addresses, lower case, once each.
pub fn domains(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut add = |candidate: &str| {
        let candidate = candidate
            .trim_matches(|c: char| "[]<>()'\",;:.".contains(c))
            .to_ascii_lowercase();
        if found.len() < MAX_VALUES && is_domain(&candidate) && !found.contains(&candidate) {
            found.push(candidate);
        }
    };
    let lower = text.to_ascii_lowercase();
    for piece in lower.split("sending domain").skip(1) {
        if let Some(word) = piece.split_whitespace().next() {
            add(word);
        }
    }
    for piece in text.split('[').skip(1) {
        if let Some((inside, _)) = piece.split_once(']') {
            add(inside);
        }
    }
    for word in text.split(|c: char| c.is_whitespace() || "<>()[]'\",;".contains(c)) {
        if let Some((local, domain)) = word.rsplit_once('@') {
            if !local.is_empty() {
                add(domain);
            }
        }
    }
    found
}

/// An ASCII host name of two or more labels whose last label is letters: enough to fill
/// in a form, which checks the name again.
fn is_domain(name: &str) -> bool {
    if name.len() > 253 || !name.contains('.') {
        return false;
    }
    let labels: Vec<&str> = name.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    labels.iter().all(label_ok)
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}
