//! `check_host()` (RFC 7208 sections 4 and 5): the SPF result for one client IP and one
//! domain, with the limits of 4.6.4 and a trace of every term evaluated.
//!
//! Counting follows the RFC: include, a, mx, ptr, exists and redirect count toward the
//! 10-lookup limit across the whole evaluation (nested includes too); the address
//! lookups of an mx or ptr term and the exp lookup do not. Void lookups (NXDOMAIN or
//! an empty answer) are limited to 2.

use super::macros::{expand, is_toplabel, truncate_domain, MacroContext, MacroString};
use super::problem::{SpfProblem, TraceNote};
use super::record::{
    is_spf_record, parse_record, Mechanism, MechanismKind, Qualifier, SpfRecord, TermKind,
};
use crate::dns::{Cached, DomainName, Lookup, RecordData, RecordType, ResolveError, Resolver};
use crate::echo::shown;
use serde::Serialize;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

mod cidr;
mod expansion;
mod mechanisms;
mod prefetch;
mod ptr;
mod types;

// The parts of check_host share one namespace, as they did in one file.
pub(crate) use cidr::in_v4;
use cidr::*;
use expansion::*;
use mechanisms::*;
use prefetch::*;
use ptr::*;
pub use types::{SpfEvaluation, SpfQuery, SpfResult, TraceEntry, TraceOutcome};

/// RFC 7208 4.6.4 limits.
pub const MAX_DNS_TERMS: u32 = 10;
pub const MAX_VOID_LOOKUPS: u32 = 2;
pub const MAX_MX_OR_PTR_NAMES: usize = 10;

struct State<'r, R> {
    resolver: Cached<'r, R>,
    query: &'r SpfQuery,
    /// The client IP, IPv4-mapped IPv6 as IPv4 (RFC 7208 5), for matching and macros.
    ip: IpAddr,
    sender: String,
    /// The client's PTR names whose addresses give the IP back, found the first time a
    /// `%{p}` macro needs them (RFC 7208 7.3, 5.5).
    validated: Option<Vec<String>>,
    lookups: u32,
    voids: u32,
    trace: Vec<TraceEntry>,
}

/// Outcome of one check_host level: the result, the decisive trace entry, the reason.
struct Level {
    result: SpfResult,
    decisive: Option<usize>,
    problem: Option<SpfProblem>,
    explanation: Option<String>,
}

impl Level {
    fn of(result: SpfResult, problem: Option<SpfProblem>) -> Level {
        Level {
            result,
            decisive: None,
            problem,
            explanation: None,
        }
    }
}

/// Evaluates SPF for `query`. With `draft`, that text replaces the record published at
/// the top-level domain (everything it references is still looked up).
pub async fn check_host<R: Resolver>(
    resolver: &R,
    query: &SpfQuery,
    draft: Option<&str>,
) -> SpfEvaluation {
    let sender = if query.sender.trim().is_empty() {
        format!("postmaster@{}", query.helo)
    } else if query.sender.contains('@') {
        query.sender.clone()
    } else {
        format!("postmaster@{}", query.sender)
    };
    let mut state = State {
        resolver: Cached::new(resolver),
        query,
        ip: normalize(query.ip),
        sender,
        validated: None,
        lookups: 0,
        voids: 0,
        trace: Vec::new(),
    };
    let level = evaluate(
        &mut state,
        query.domain.clone(),
        0,
        draft.map(str::to_owned),
        false,
    )
    .await;
    SpfEvaluation {
        result: level.result,
        explanation: level.explanation,
        lookups: state.lookups,
        void_lookups: state.voids,
        trace: state.trace,
        decisive: level.decisive,
        problem: level.problem,
    }
}

type LevelFuture<'a> = Pin<Box<dyn Future<Output = Level> + 'a>>;

/// Boxed for recursion (include and redirect evaluate another domain).
fn evaluate<'a, R: Resolver>(
    state: &'a mut State<'_, R>,
    domain: String,
    depth: u32,
    draft: Option<String>,
    count_void: bool,
) -> LevelFuture<'a> {
    Box::pin(async move {
        // RFC 7208 4.3: a malformed or single-label domain gives "none".
        let Ok(name) = DomainName::parse_lookup(&domain) else {
            return Level::of(SpfResult::None, Some(SpfProblem::InvalidDomain { domain }));
        };
        if !domain.contains('.') {
            return Level::of(SpfResult::None, Some(SpfProblem::SingleLabel { domain }));
        }
        if depth == 0 && !count_void && !is_checkable_domain(&domain) {
            return Level::of(SpfResult::None, Some(SpfProblem::InvalidDomain { domain }));
        }
        let text = match draft {
            Some(text) => text,
            None => match fetch_record(state, &name, count_void).await {
                Ok(Some(text)) => text,
                Ok(None) => {
                    return Level::of(SpfResult::None, Some(SpfProblem::NoRecord { domain }))
                }
                Err(level) => return level,
            },
        };
        let record = parse_record(&text);
        if depth == 0 && !count_void && record.errors.is_empty() {
            prefetch_tree(state, &record, &domain).await;
        }
        if let Some(first) = record.errors.first() {
            // The term at fault, not the whole record (which can be thousands of
            // characters long, and is shown with its errors marked elsewhere).
            let at_fault = text
                .get(first.span.clone())
                .filter(|t| !t.trim().is_empty())
                .unwrap_or(&text);
            state.trace.push(entry(
                depth,
                &domain,
                &crate::echo::shown(at_fault),
                TraceOutcome::Error(SpfResult::PermError),
                state.lookups,
                Some(TraceNote::Syntax(first.clone())),
            ));
            let at = state.trace.len() - 1;
            return Level {
                result: SpfResult::PermError,
                decisive: Some(at),
                problem: Some(SpfProblem::Syntax {
                    domain,
                    error: first.clone(),
                }),
                explanation: None,
            };
        }
        evaluate_record(state, &record, &domain, depth).await
    })
}

/// RFC 7208 4.4/4.5: the TXT records at `name` that are SPF records; more than one is
/// a permerror, a DNS failure a temperror.
/// The record lookup of an include or redirect target is a term's query, so an empty
/// answer there counts as a void lookup (`count_void`); the top-level one does not.
async fn fetch_record<R: Resolver>(
    state: &mut State<'_, R>,
    name: &DomainName,
    count_void: bool,
) -> Result<Option<String>, Level> {
    let lookup = state
        .resolver
        .lookup(name, RecordType::Txt)
        .await
        .map_err(|error| {
            Level::of(
                SpfResult::TempError,
                Some(SpfProblem::RecordLookup {
                    name: name.to_string(),
                    error,
                }),
            )
        })?;
    if count_void && lookup.records().is_empty() {
        state.voids += 1;
        if state.voids > MAX_VOID_LOOKUPS {
            return Err(Level::of(
                SpfResult::PermError,
                Some(SpfProblem::TooManyVoidLookups {
                    name: name.to_string(),
                }),
            ));
        }
    }
    let spf: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .filter(|t| is_spf_record(t))
        .collect();
    match spf.len() {
        0 => Ok(None),
        1 => Ok(spf.into_iter().next()),
        count => Err(Level::of(
            SpfResult::PermError,
            Some(SpfProblem::MultipleRecords {
                name: name.to_string(),
                count,
            }),
        )),
    }
}

fn entry(
    depth: u32,
    domain: &str,
    term: &str,
    outcome: TraceOutcome,
    lookups: u32,
    note: Option<TraceNote>,
) -> TraceEntry {
    TraceEntry {
        depth,
        domain: domain.to_owned(),
        term: term.to_owned(),
        outcome,
        mechanism: None,
        span: None,
        lookups,
        note,
    }
}

/// What one mechanism did, with the name it led to.
enum Matched {
    Yes(Option<String>),
    No(Option<String>),
    Error(SpfResult, SpfProblem),
}

async fn evaluate_record<R: Resolver>(
    state: &mut State<'_, R>,
    record: &SpfRecord,
    domain: &str,
    depth: u32,
) -> Level {
    let wanted = prefetch_list(state, record, domain);
    state.resolver.prefetch(&wanted).await;
    for term in &record.terms {
        let TermKind::Directive {
            qualifier,
            mechanism,
        } = &term.kind
        else {
            continue;
        };
        let text = record.term_text(term).to_owned();
        if mechanism.counts_lookup() {
            state.lookups += 1;
            if state.lookups > MAX_DNS_TERMS {
                let level = limit_error(state, depth, domain, &text);
                if let Some(over) = state.trace.last_mut() {
                    over.span = Some(term.span.clone());
                }
                return level;
            }
        }
        let matched = match_mechanism(state, mechanism, domain, depth).await;
        let (outcome, note) = match &matched {
            Matched::Yes(name) => (TraceOutcome::Match, name.clone().map(TraceNote::Name)),
            Matched::No(name) => (TraceOutcome::NoMatch, name.clone().map(TraceNote::Name)),
            Matched::Error(result, why) => (
                TraceOutcome::Error(*result),
                Some(TraceNote::Problem(why.clone())),
            ),
        };
        let mut traced = entry(depth, domain, &text, outcome, state.lookups, note);
        traced.mechanism = Some(mechanism.kind());
        traced.span = Some(term.span.clone());
        state.trace.push(traced);
        let at = state.trace.len() - 1;
        match matched {
            Matched::Yes(_) => {
                let result = SpfResult::from_qualifier(*qualifier);
                let explanation = if result == SpfResult::Fail {
                    explain(state, record, domain).await
                } else {
                    None
                };
                return Level {
                    result,
                    decisive: Some(at),
                    problem: None,
                    explanation,
                };
            }
            Matched::No(_) => {}
            Matched::Error(result, why) => {
                return Level {
                    result,
                    decisive: Some(at),
                    problem: Some(why),
                    explanation: None,
                }
            }
        }
    }
    // RFC 7208 6.1: redirect applies only when no mechanism matched and there is no "all".
    if let (Some(target), false) = (record.redirect(), record.has_all()) {
        let text = format!("redirect={}", target.text);
        state.lookups += 1;
        if state.lookups > MAX_DNS_TERMS {
            return limit_error(state, depth, domain, &text);
        }
        let Some(target) = expand_target(state, target, domain).await else {
            state.trace.push(entry(
                depth,
                domain,
                &text,
                TraceOutcome::Error(SpfResult::PermError),
                state.lookups,
                None,
            ));
            return Level::of(
                SpfResult::PermError,
                Some(SpfProblem::RedirectNotExpanded { term: shown(&text) }),
            );
        };
        state.trace.push(entry(
            depth,
            domain,
            &text,
            TraceOutcome::Redirect,
            state.lookups,
            Some(TraceNote::Name(target.clone())),
        ));
        if let Some(redirected) = state.trace.last_mut() {
            redirected.span = redirect_span(record);
        }
        let at = state.trace.len() - 1;
        let level = evaluate(state, target.clone(), depth, None, true).await;
        if level.result == SpfResult::None {
            // A redirect to a domain without a record is a permerror (RFC 7208 6.1).
            return Level {
                result: SpfResult::PermError,
                decisive: Some(at),
                problem: Some(SpfProblem::RedirectNoRecord { target }),
                explanation: None,
            };
        }
        return level;
    }
    Level::of(SpfResult::Neutral, None)
}

/// The byte span of the record's `redirect=` term.
fn redirect_span(record: &SpfRecord) -> Option<std::ops::Range<usize>> {
    record.terms.iter().find_map(|t| match t.kind {
        TermKind::Modifier(crate::spf::record::Modifier::Redirect(_)) => Some(t.span.clone()),
        _ => None,
    })
}

fn limit_error<R>(state: &mut State<'_, R>, depth: u32, domain: &str, text: &str) -> Level {
    let why = SpfProblem::TooManyLookups;
    state.trace.push(entry(
        depth,
        domain,
        text,
        TraceOutcome::Error(SpfResult::PermError),
        state.lookups,
        Some(TraceNote::Problem(why.clone())),
    ));
    Level {
        result: SpfResult::PermError,
        decisive: Some(state.trace.len() - 1),
        problem: Some(why),
        explanation: None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod rfc_rules_tests;
