//! Why check_host ended in an error, and the notes of its trace, kept as data and put
//! into words in a language when shown (catalog texts `spf.problem.*`). `Display` and
//! serde give the English.

use super::eval::{MAX_DNS_TERMS, MAX_MX_OR_PTR_NAMES, MAX_VOID_LOOKUPS};
use super::record::SyntaxError;
use crate::dns::ResolveError;
use crate::i18n::{format, Lang};

/// Why an evaluation's result is none, temperror or permerror.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpfProblem {
    /// RFC 7208 4.3: the domain is malformed.
    InvalidDomain {
        domain: String,
    },
    /// RFC 7208 4.3: the domain has a single label.
    SingleLabel {
        domain: String,
    },
    NoRecord {
        domain: String,
    },
    /// The record's first syntax error.
    Syntax {
        domain: String,
        error: SyntaxError,
    },
    /// The TXT lookup of the record failed.
    RecordLookup {
        name: String,
        error: ResolveError,
    },
    MultipleRecords {
        name: String,
        count: usize,
    },
    TooManyVoidLookups {
        name: String,
    },
    TooManyLookups,
    /// A term's lookup failed.
    Lookup {
        name: String,
        error: ResolveError,
    },
    /// `term` is the redirect= term, shortened and made safe to show.
    RedirectNotExpanded {
        term: String,
    },
    RedirectNoRecord {
        target: String,
    },
    /// `spec` is the include's domain-spec, shortened and made safe to show.
    IncludeNotExpanded {
        spec: String,
    },
    IncludeNoRecord {
        target: String,
    },
    /// An a, mx or ptr term whose domain-spec does not expand.
    DomainNotExpanded {
        mechanism: &'static str,
    },
    /// `spec` is the exists domain-spec, shortened and made safe to show.
    ExistsNotExpanded {
        spec: String,
    },
    TooManyMxHosts {
        name: String,
        count: usize,
    },
    /// An included domain's error that came without a reason: the domain alone.
    Unexplained {
        domain: String,
    },
}

impl SpfProblem {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| format(lang, key, args);
        match self {
            SpfProblem::InvalidDomain { domain } => {
                f("spf.problem.invalid-domain", &[("domain", domain)])
            }
            SpfProblem::SingleLabel { domain } => {
                f("spf.problem.single-label", &[("domain", domain)])
            }
            SpfProblem::NoRecord { domain } => f("spf.problem.no-record", &[("domain", domain)]),
            SpfProblem::Syntax { domain, error } => f(
                "spf.problem.syntax",
                &[("domain", domain), ("error", &error.message(lang))],
            ),
            SpfProblem::RecordLookup { name, error } => f(
                "spf.problem.record-lookup",
                &[("name", name), ("error", &error.message(lang))],
            ),
            SpfProblem::MultipleRecords { name, count } => f(
                "spf.problem.multiple-records",
                &[("name", name), ("count", &count.to_string())],
            ),
            SpfProblem::TooManyVoidLookups { name } => f(
                "spf.problem.void-lookups",
                &[("max", &MAX_VOID_LOOKUPS.to_string()), ("name", name)],
            ),
            SpfProblem::TooManyLookups => f(
                "spf.problem.too-many-lookups",
                &[("max", &MAX_DNS_TERMS.to_string())],
            ),
            SpfProblem::Lookup { name, error } => f(
                "spf.problem.lookup",
                &[("name", name), ("error", &error.message(lang))],
            ),
            SpfProblem::RedirectNotExpanded { term } => {
                f("spf.problem.redirect-not-expanded", &[("term", term)])
            }
            SpfProblem::RedirectNoRecord { target } => {
                f("spf.problem.redirect-no-record", &[("target", target)])
            }
            SpfProblem::IncludeNotExpanded { spec } => {
                f("spf.problem.include-not-expanded", &[("spec", spec)])
            }
            SpfProblem::IncludeNoRecord { target } => {
                f("spf.problem.include-no-record", &[("target", target)])
            }
            SpfProblem::DomainNotExpanded { mechanism } => f(
                "spf.problem.domain-not-expanded",
                &[("mechanism", mechanism)],
            ),
            SpfProblem::ExistsNotExpanded { spec } => {
                f("spf.problem.exists-not-expanded", &[("spec", spec)])
            }
            SpfProblem::TooManyMxHosts { name, count } => f(
                "spf.problem.too-many-mx-hosts",
                &[
                    ("name", name),
                    ("count", &count.to_string()),
                    ("max", &MAX_MX_OR_PTR_NAMES.to_string()),
                ],
            ),
            SpfProblem::Unexplained { domain } => domain.clone(),
        }
    }
}

/// What a trace entry adds to its term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceNote {
    /// The name the term led to: an include or redirect target, the MX host or PTR name
    /// that matched.
    Name(String),
    /// The record's first syntax error, on the entry of the term at fault.
    Syntax(SyntaxError),
    /// Why the term gave an error.
    Problem(SpfProblem),
}

impl TraceNote {
    /// The note in `lang` (a name is the same in every language).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TraceNote::Name(name) => name.clone(),
            TraceNote::Syntax(error) => error.message(lang),
            TraceNote::Problem(problem) => problem.message(lang),
        }
    }
}

crate::i18n::display_in_english!(SpfProblem);

crate::i18n::display_in_english!(TraceNote);

/// The English text, as the JSON output always had it.
impl serde::Serialize for SpfProblem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The English text, as the JSON output always had it.
impl serde::Serialize for TraceNote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
