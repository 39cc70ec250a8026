//! SPF records as typed values (RFC 7208 section 4.6.1 and 12, the ABNF).
//!
//! Parsing never stops at the first problem: every term gets a byte span, every syntax
//! error is collected with its span, so a linter can show all of them at their position
//! while evaluation treats any error as `permerror` (RFC 7208 4.6). Printing writes the
//! record back byte for byte.

use super::macros::{parse_macro_string, MacroString};
use crate::echo::shown;
use crate::i18n::{format, Lang};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

/// `+`, `-`, `~` or `?` (RFC 7208 4.6.2); `+` when absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

impl Qualifier {
    fn from_char(c: char) -> Option<Qualifier> {
        match c {
            '+' => Some(Qualifier::Pass),
            '-' => Some(Qualifier::Fail),
            '~' => Some(Qualifier::SoftFail),
            '?' => Some(Qualifier::Neutral),
            _ => None,
        }
    }
}

/// A mechanism (RFC 7208 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mechanism {
    All,
    Include(MacroString),
    A {
        domain: Option<MacroString>,
        cidr4: Option<u8>,
        cidr6: Option<u8>,
    },
    Mx {
        domain: Option<MacroString>,
        cidr4: Option<u8>,
        cidr6: Option<u8>,
    },
    Ptr(Option<MacroString>),
    Ip4 {
        network: Ipv4Addr,
        prefix: u8,
    },
    Ip6 {
        network: Ipv6Addr,
        prefix: u8,
    },
    Exists(MacroString),
}

impl Mechanism {
    /// Whether evaluating it queries DNS, and so counts toward the limit of 10
    /// (RFC 7208 4.6.4): include, a, mx, ptr and exists.
    pub fn counts_lookup(&self) -> bool {
        matches!(
            self,
            Mechanism::Include(_)
                | Mechanism::A { .. }
                | Mechanism::Mx { .. }
                | Mechanism::Ptr(_)
                | Mechanism::Exists(_)
        )
    }

    pub fn kind(&self) -> MechanismKind {
        match self {
            Mechanism::All => MechanismKind::All,
            Mechanism::Include(_) => MechanismKind::Include,
            Mechanism::A { .. } => MechanismKind::A,
            Mechanism::Mx { .. } => MechanismKind::Mx,
            Mechanism::Ptr(_) => MechanismKind::Ptr,
            Mechanism::Ip4 { .. } => MechanismKind::Ip4,
            Mechanism::Ip6 { .. } => MechanismKind::Ip6,
            Mechanism::Exists(_) => MechanismKind::Exists,
        }
    }

    pub fn name(&self) -> &'static str {
        self.kind().name()
    }
}

/// Which mechanism a term is, without its arguments: what a trace entry records so
/// that a report can tell, for example, whether `all` decided a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MechanismKind {
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists,
}

impl MechanismKind {
    pub fn name(self) -> &'static str {
        match self {
            MechanismKind::All => "all",
            MechanismKind::Include => "include",
            MechanismKind::A => "a",
            MechanismKind::Mx => "mx",
            MechanismKind::Ptr => "ptr",
            MechanismKind::Ip4 => "ip4",
            MechanismKind::Ip6 => "ip6",
            MechanismKind::Exists => "exists",
        }
    }
}

/// A modifier (RFC 7208 6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modifier {
    Redirect(MacroString),
    Exp(MacroString),
    /// Unknown modifiers are ignored by evaluation (RFC 7208 6).
    Unknown {
        name: String,
        value: MacroString,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    Directive {
        qualifier: Qualifier,
        mechanism: Mechanism,
    },
    Modifier(Modifier),
}

/// One term with its byte span in the record text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub span: Range<usize>,
    pub kind: TermKind,
}

/// What is wrong at a position of the record: a catalog key (`spf.syntax.*`) and its
/// arguments, put into words by [`SyntaxError::message`]; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl SyntaxError {
    pub(crate) fn new(span: Range<usize>, (key, args): Why) -> SyntaxError {
        SyntaxError { span, key, args }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        format(lang, self.key, &args)
    }
}

crate::i18n::display_in_english!(SyntaxError);

/// The span and the English message, as before messages were kept unrendered.
impl serde::Serialize for SyntaxError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("SyntaxError", 2)?;
        out.serialize_field("span", &self.span)?;
        out.serialize_field("message", &self.to_string())?;
        out.end()
    }
}

/// A syntax error before its position is known: the catalog key and its arguments.
pub(crate) type Why = (&'static str, Vec<(&'static str, String)>);

/// The [`Why`] for `key` with `args`.
pub(crate) fn why(key: &'static str, args: &[(&'static str, &str)]) -> Why {
    (
        key,
        args.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
    )
}

/// A parsed record: the text, its terms and its syntax errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpfRecord {
    pub text: String,
    pub terms: Vec<Term>,
    pub errors: Vec<SyntaxError>,
}

impl fmt::Display for SpfRecord {
    /// The record exactly as it was published: each term is printed from its span, with
    /// the separators between them, so positions in errors match what the user sees.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl SpfRecord {
    /// The text of one term.
    pub fn term_text(&self, term: &Term) -> &str {
        self.text.get(term.span.clone()).unwrap_or_default()
    }

    pub fn redirect(&self) -> Option<&MacroString> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier(Modifier::Redirect(target)) => Some(target),
            _ => None,
        })
    }

    pub fn exp(&self) -> Option<&MacroString> {
        self.terms.iter().find_map(|t| match &t.kind {
            TermKind::Modifier(Modifier::Exp(target)) => Some(target),
            _ => None,
        })
    }

    /// DNS-querying terms of this record alone (RFC 7208 4.6.4): include, a, mx, ptr,
    /// exists and redirect.
    pub fn dns_term_count(&self) -> u32 {
        let count = self
            .terms
            .iter()
            .filter(|t| match &t.kind {
                TermKind::Directive { mechanism, .. } => mechanism.counts_lookup(),
                TermKind::Modifier(Modifier::Redirect(_)) => true,
                _ => false,
            })
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    pub fn has_all(&self) -> bool {
        self.terms.iter().any(|t| {
            matches!(
                t.kind,
                TermKind::Directive {
                    mechanism: Mechanism::All,
                    ..
                }
            )
        })
    }
}

/// Whether a TXT string is an SPF record: `v=spf1` then a space or the end, in any case
/// (RFC 7208 4.5).
pub fn is_spf_record(txt: &str) -> bool {
    let bytes = txt.as_bytes();
    bytes.len() >= 6
        && bytes[..6].eq_ignore_ascii_case(b"v=spf1")
        && (bytes.len() == 6 || bytes[6] == b' ')
}

/// Parses a record; problems are collected in `errors`, never raised.
pub fn parse_record(text: &str) -> SpfRecord {
    let mut record = SpfRecord {
        text: text.to_owned(),
        terms: Vec::new(),
        errors: Vec::new(),
    };
    if !is_spf_record(text) {
        // The first six bytes, widened to end on a character boundary.
        record.errors.push(SyntaxError::new(
            0..text.ceil_char_boundary(text.len().min(6)),
            why("spf.syntax.not-spf", &[]),
        ));
        return record;
    }
    let mut seen_redirect = false;
    let mut seen_exp = false;
    let mut pos = 6;
    while pos < text.len() {
        // Terms are separated by one or more spaces (RFC 7208 4.6.1); only SP counts.
        let rest = &text[pos..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        if spaces == 0 {
            let end = term_end(text, pos);
            record
                .errors
                .push(SyntaxError::new(pos..end, why("spf.syntax.no-space", &[])));
            pos = end;
            continue;
        }
        pos += spaces;
        if pos >= text.len() {
            break;
        }
        let end = term_end(text, pos);
        let term_text = &text[pos..end];
        match parse_term(term_text, pos) {
            Ok(kind) => {
                if let TermKind::Modifier(Modifier::Redirect(_)) = kind {
                    if seen_redirect {
                        record
                            .errors
                            .push(error(pos..end, "spf.syntax.redirect-twice"));
                    }
                    seen_redirect = true;
                }
                if let TermKind::Modifier(Modifier::Exp(_)) = kind {
                    if seen_exp {
                        record.errors.push(error(pos..end, "spf.syntax.exp-twice"));
                    }
                    seen_exp = true;
                }
                record.terms.push(Term {
                    span: pos..end,
                    kind,
                });
            }
            Err(e) => record.errors.push(e),
        }
        pos = end;
    }
    record
}

/// The end of the term starting at `start`: the next space or the end of the text.
fn term_end(text: &str, start: usize) -> usize {
    text[start..].find(' ').map_or(text.len(), |i| start + i)
}

fn error(span: Range<usize>, key: &'static str) -> SyntaxError {
    SyntaxError::new(span, why(key, &[]))
}

fn parse_term(term: &str, offset: usize) -> Result<TermKind, SyntaxError> {
    let span = offset..offset + term.len();
    if let Some(c) = term.chars().find(|c| !(c.is_ascii_graphic())) {
        return Err(SyntaxError::new(
            span,
            why("spf.syntax.character", &[("char", &format!("{c:?}"))]),
        ));
    }
    // A modifier is name=value where the name is ALPHA *(ALPHA / DIGIT / - / _ / .).
    let name_len = term
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_alphabetic() || (*i > 0 && (c.is_ascii_digit() || "-_.".contains(*c))))
        })
        .map_or(term.len(), |(i, _)| i);
    if name_len > 0 && term[name_len..].starts_with('=') {
        let name = &term[..name_len];
        let value_offset = offset + name_len + 1;
        let value = parse_macro_string(&term[name_len + 1..], value_offset)?;
        return Ok(TermKind::Modifier(
            match name.to_ascii_lowercase().as_str() {
                "redirect" => Modifier::Redirect(require_domain_spec(value, &span)?),
                "exp" => Modifier::Exp(require_domain_spec(value, &span)?),
                _ => Modifier::Unknown {
                    name: name.to_owned(),
                    value,
                },
            },
        ));
    }
    let (qualifier, body, body_offset) = match term.chars().next().and_then(Qualifier::from_char) {
        Some(q) => (q, &term[1..], offset + 1),
        None => (Qualifier::Pass, term, offset),
    };
    let mechanism =
        parse_mechanism(body, body_offset).map_err(|why| SyntaxError::new(span.clone(), why))?;
    Ok(TermKind::Directive {
        qualifier,
        mechanism,
    })
}

/// redirect= and exp= take a domain-spec (RFC 7208 6.1, 6.2), where c, r and t are not
/// allowed (7.3): they exist only for the explanation text that exp= points to.
fn require_domain_spec(
    value: MacroString,
    span: &Range<usize>,
) -> Result<MacroString, SyntaxError> {
    if let Some(letter) = value.exp_only_letter() {
        return Err(SyntaxError::new(
            span.clone(),
            why(
                "spf.syntax.macro-exp-only",
                &[("macro", &format!("%{{{letter}}}"))],
            ),
        ));
    }
    if value.is_valid_domain_spec() {
        Ok(value)
    } else {
        Err(error(span.clone(), "spf.syntax.not-a-domain"))
    }
}

fn parse_mechanism(body: &str, offset: usize) -> Result<Mechanism, Why> {
    let name_end = body.find([':', '/']).unwrap_or(body.len());
    let name = body[..name_end].to_ascii_lowercase();
    let rest = &body[name_end..];
    let domain_arg = |rest: &str| -> Result<Option<MacroString>, Why> {
        match rest.strip_prefix(':') {
            None => Ok(None),
            Some(spec) => parse_domain_spec(spec, offset + name_end + 1, &name).map(Some),
        }
    };
    match name.as_str() {
        "all" if rest.is_empty() => Ok(Mechanism::All),
        "all" => Err(why("spf.syntax.all-argument", &[("value", &shown(rest))])),
        "include" | "exists" => {
            let domain = domain_arg(rest)?
                .ok_or_else(|| why("spf.syntax.needs-domain", &[("mechanism", &name)]))?;
            Ok(if name == "include" {
                Mechanism::Include(domain)
            } else {
                Mechanism::Exists(domain)
            })
        }
        "a" | "mx" => {
            // RFC 7208 5.3/5.4: [ ":" domain-spec ] [ dual-cidr-length ]. A domain-spec
            // may itself hold ':' and '/' (macro-literal is %x21-24 / %x26-7E), so only
            // a trailing, well-formed dual-cidr-length is a CIDR.
            let (domain_part, cidr4, cidr6) = split_trailing_cidr(rest)?;
            if !domain_part.is_empty() && !domain_part.starts_with(':') {
                return Err(why(
                    "spf.syntax.not-cidr",
                    &[("value", &shown(domain_part))],
                ));
            }
            let domain = domain_arg(domain_part)?;
            Ok(if name == "a" {
                Mechanism::A {
                    domain,
                    cidr4,
                    cidr6,
                }
            } else {
                Mechanism::Mx {
                    domain,
                    cidr4,
                    cidr6,
                }
            })
        }
        // RFC 7208 5.5: "ptr" [ ":" domain-spec ], with no CIDR length.
        "ptr" if rest.is_empty() || rest.starts_with(':') => Ok(Mechanism::Ptr(domain_arg(rest)?)),
        "ptr" => Err(why("spf.syntax.ptr-cidr", &[("value", &shown(rest))])),
        "ip4" => {
            let spec = rest
                .strip_prefix(':')
                .ok_or_else(|| why("spf.syntax.ip4-needs-address", &[]))?;
            let (addr, prefix) = split_prefix(spec);
            let network = parse_strict_ipv4(addr)
                .ok_or_else(|| why("spf.syntax.not-ipv4", &[("value", &shown(addr))]))?;
            let prefix = parse_cidr(prefix, 32)?.unwrap_or(32);
            Ok(Mechanism::Ip4 { network, prefix })
        }
        "ip6" => {
            let spec = rest
                .strip_prefix(':')
                .ok_or_else(|| why("spf.syntax.ip6-needs-address", &[]))?;
            let (addr, prefix) = split_prefix(spec);
            let network = addr
                .parse::<Ipv6Addr>()
                .map_err(|_| why("spf.syntax.not-ipv6", &[("value", &shown(addr))]))?;
            let prefix = parse_cidr(prefix, 128)?.unwrap_or(128);
            Ok(Mechanism::Ip6 { network, prefix })
        }
        "" => Err(why("spf.syntax.empty-term", &[])),
        other => Err(why(
            "spf.syntax.unknown-mechanism",
            &[("name", &shown(other))],
        )),
    }
}

/// A mechanism's target (RFC 7208 7.1 domain-spec). The c, r and t macros belong to
/// explanation text only (7.3), so a target that uses them is a syntax error.
fn parse_domain_spec(spec: &str, offset: usize, mechanism: &str) -> Result<MacroString, Why> {
    let parsed = parse_macro_string(spec, offset).map_err(|e| (e.key, e.args))?;
    if let Some(letter) = parsed.exp_only_letter() {
        return Err(why(
            "spf.syntax.macro-exp-only",
            &[("macro", &format!("%{{{letter}}}"))],
        ));
    }
    if parsed.is_valid_domain_spec() {
        Ok(parsed)
    } else {
        Err(why(
            "spf.syntax.invalid-domain",
            &[("mechanism", mechanism), ("value", &shown(spec))],
        ))
    }
}

/// ip4/ip6: everything after the last '/' is the prefix.
fn split_prefix(spec: &str) -> (&str, Option<&str>) {
    match spec.rfind('/') {
        Some(i) => (&spec[..i], Some(&spec[i + 1..])),
        None => (spec, None),
    }
}

/// a/mx: peels a trailing dual-cidr-length (`/n`, `//m` or `/n//m`, RFC 7208 5.6) off
/// the rest of the term, returning what is left (`:domain-spec` or nothing) and the
/// lengths. A '/' followed by anything but digits up to the end is part of the domain.
fn split_trailing_cidr(rest: &str) -> Result<(&str, Option<u8>, Option<u8>), Why> {
    let mut left = rest;
    let mut cidr6 = None;
    if let Some((before, digits)) = trailing_digits_after(left, "//") {
        cidr6 = parse_cidr(Some(digits), 128)?;
        left = before;
    }
    let mut cidr4 = None;
    if let Some((before, digits)) = trailing_digits_after(left, "/") {
        // "a//64" was taken above; a single '/' here is the IPv4 length.
        if !before.ends_with('/') {
            cidr4 = parse_cidr(Some(digits), 32)?;
            left = before;
        }
    }
    if left.ends_with('/') && cidr4.is_none() && cidr6.is_none() {
        return Err(why("spf.syntax.not-cidr", &[("value", "/")]));
    }
    Ok((left, cidr4, cidr6))
}

/// When `text` ends with `sep` then one or more ASCII digits: what comes before `sep`,
/// and the digits.
fn trailing_digits_after<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let digits_start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits_start == text.len() {
        return None;
    }
    let before = text[..digits_start].strip_suffix(sep)?;
    Some((before, &text[digits_start..]))
}

/// A CIDR length: digits without a leading zero (except "0"), at most `max`.
fn parse_cidr(text: Option<&str>, max: u8) -> Result<Option<u8>, Why> {
    let Some(text) = text else {
        return Ok(None);
    };
    let valid_digits = !text.is_empty()
        && text.len() <= 3
        && text.chars().all(|c| c.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<u8>() {
        Ok(n) if valid_digits && n <= max => Ok(Some(n)),
        _ => Err(why(
            "spf.syntax.cidr-range",
            &[("value", &shown(text)), ("max", &max.to_string())],
        )),
    }
}

/// Dotted quad without leading zeros or other forms (RFC 7208 ip4-network).
fn parse_strict_ipv4(text: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut octets = [0u8; 4];
    for (slot, part) in octets.iter_mut().zip(&parts) {
        if part.is_empty() || part.len() > 3 || (part.len() > 1 && part.starts_with('0')) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    Some(Ipv4Addr::from(octets))
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
