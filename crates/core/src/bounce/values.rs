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

/// Domains the text names, the sender's first: after "sending domain", then a `From:`
/// header or `MAIL FROM:` command, then `[contoso.com] does not ...` (Microsoft's
/// wording), then the other e-mail addresses; lower case, once each. Server names in
/// brackets are not domains a device sends for, so other brackets are left out.
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
    for line in lower.lines() {
        let line = line.trim_start();
        let sender = line
            .strip_prefix("from:")
            .or_else(|| line.find("mail from:").map(|at| &line[at + 10..]));
        if let Some(domain) = sender.and_then(address_domains).and_then(|mut d| d.next()) {
            add(domain);
        }
    }
    for piece in lower.split('[').skip(1) {
        if let Some((inside, after)) = piece.split_once(']') {
            if after.starts_with(" does not") {
                add(inside);
            }
        }
    }
    if let Some(domains) = address_domains(text) {
        domains.for_each(add);
    }
    found
}

/// The domains of the e-mail addresses in `text`.
fn address_domains(text: &str) -> Option<impl Iterator<Item = &str>> {
    let words = text.split(|c: char| c.is_whitespace() || "<>()[]'\",;".contains(c));
    Some(words.filter_map(|word| {
        let (local, domain) = word.rsplit_once('@')?;
        (!local.is_empty()).then_some(domain)
    }))
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
