//! "Explain this bounce" (issue #15; facts in `dkim-and-bounces.md`, "Area 2"): from a
//! pasted non-delivery report, a device's SMTP log line or the error a device shows, the
//! status codes found (RFC 5321 reply codes, RFC 3463 enhanced codes), the bounces
//! smarthost knows among them, and the values that fill in the links to the screens
//! that fix them. Results are data: what happened, why and what to change are catalog
//! keys (`bounce.<id>.what`, `.why`, `.fix`), worded by the front ends.
//!
//! Text it does not know gets no explanation, only the codes found: never a guess. Work
//! is bounded ([`MAX_READ`]) and no input panics.

mod known;
mod link;
mod scan;
mod values;
mod worded;

pub use known::{Known, Route, Rule, RULES};
pub use link::Link;
pub use scan::{Enhanced, FoundCode};
pub use worded::{Worded, WordedMatch};

use crate::method::MethodId;
use serde::Serialize;
use std::net::Ipv4Addr;

/// The most of a paste that is read, in bytes: an NDR with its headers is a few tens of
/// kilobytes; more is cut (at a character boundary) and the result says so.
pub const MAX_READ: usize = 256 * 1024;

/// How far after a code its phrase is looked for, in bytes (up to the next code).
const PHRASE_WINDOW: usize = 400;

/// What a paste says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Bytes read, and the paste's size when it was cut.
    pub read: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_from: Option<usize>,
    /// Every code found, in order.
    pub codes: Vec<FoundCode>,
    /// The known bounces among them, in the order first seen, once each.
    pub matches: Vec<Match>,
    /// Codes that no known bounce takes.
    pub unrecognised: Vec<FoundCode>,
    /// Runs that look like codes but use other digits (fullwidth, Arabic-Indic, a letter
    /// O): not read as codes.
    pub look_alikes: Vec<String>,
    /// IPv4 addresses in brackets, and the domains named.
    pub ips: Vec<Ipv4Addr>,
    pub domains: Vec<String>,
    /// The method the fixes are tailored to, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<MethodId>,
}

/// A known bounce found in the paste.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub id: Known,
    /// The code as found, e.g. `550 5.7.64`.
    pub code: String,
    /// The wording is observed rather than on a Microsoft page (the reader is told).
    pub unconfirmed: bool,
    /// The catalog keys of what happened, why and what to change (for the method in
    /// use when the bounce has a fix of its own for it).
    pub what: String,
    pub why: String,
    pub fix: String,
    pub links: Vec<Link>,
}

impl Explanation {
    /// Whether any known bounce was found.
    pub fn recognised(&self) -> bool {
        !self.matches.is_empty()
    }
}

/// Explains `text`, tailoring fixes to `method` when given.
pub fn explain(text: &str, method: Option<MethodId>) -> Explanation {
    explain_start(text, text.len(), method)
}

/// Explains `start`, the first part of a paste of `total` bytes (a reader that stops
/// early, as the CLI does on a huge input, still tells how much there was).
pub fn explain_start(start: &str, total: usize, method: Option<MethodId>) -> Explanation {
    let (read, _) = bounded(start);
    let cut_from = (total > read.len()).then_some(total);
    let codes = scan::codes(read);
    let ips = values::bracketed_ipv4(read);
    let domains = values::domains(read);
    let mut matches: Vec<Match> = Vec::new();
    let mut unrecognised = Vec::new();
    for (index, code) in codes.iter().enumerate() {
        let rule = code.enhanced.and_then(|enhanced| {
            let next = codes.get(index + 1).map_or(read.len(), |c| c.start);
            let after = phrase_window(read, code.end, next);
            RULES.iter().find(|rule| rule.takes(enhanced, &after))
        });
        match rule {
            Some(rule) if matches.iter().any(|m| m.id == rule.known) => {}
            Some(rule) => matches.push(matched(rule, code, method, &domains, &ips)),
            None => unrecognised.push(*code),
        }
    }
    Explanation {
        read: read.len(),
        cut_from,
        codes,
        matches,
        unrecognised,
        look_alikes: scan::look_alikes(read),
        ips,
        domains,
        method,
    }
}

/// The part of `text` that is read, and its full length when that is less than all.
fn bounded(text: &str) -> (&str, Option<usize>) {
    if text.len() <= MAX_READ {
        return (text, None);
    }
    let mut end = MAX_READ;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], Some(text.len()))
}

/// The lower-cased text after a code, up to the next code or the window's end.
fn phrase_window(text: &str, from: usize, next: usize) -> String {
    let mut end = next.min(from + PHRASE_WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(from..end).unwrap_or_default().to_lowercase()
}

fn matched(
    rule: &Rule,
    code: &FoundCode,
    method: Option<MethodId>,
    domains: &[String],
    ips: &[Ipv4Addr],
) -> Match {
    let known = rule.known;
    let tailored = method
        .and_then(Route::of)
        .filter(|route| known.routes().1.contains(route));
    let fix = match tailored {
        Some(route) => format!("{}.{}", known.key("fix"), route.id()),
        None => known.key("fix"),
    };
    Match {
        id: known,
        code: code.to_string(),
        unconfirmed: rule.unconfirmed,
        what: known.key("what"),
        why: known.key("why"),
        fix,
        links: link::links(
            known,
            method,
            domains.first().map(String::as_str),
            ips.first().copied(),
        ),
    }
}

#[cfg(test)]
mod facts_tests;
#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod worded_tests;
