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

mod parse;

use parse::*;

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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
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
        self.into()
    }

    /// The mechanism a (lowercased) term name is, as the record parser reads it.
    pub fn parse(name: &str) -> Option<MechanismKind> {
        name.parse().ok()
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

#[cfg(test)]
mod tests;
