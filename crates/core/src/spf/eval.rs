//! `check_host()` (RFC 7208 sections 4 and 5): the SPF result for one client IP and one
//! domain, with the limits of 4.6.4 and a trace of every term evaluated.
//!
//! Counting follows the RFC: include, a, mx, ptr, exists and redirect count toward the
//! 10-lookup limit across the whole evaluation (nested includes too); the address
//! look-ups of an mx or ptr term and the exp look-up do not. Void look-ups (NXDOMAIN or
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
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::pin::Pin;

/// RFC 7208 4.6.4 limits.
pub const MAX_DNS_TERMS: u32 = 10;
pub const MAX_VOID_LOOKUPS: u32 = 2;
pub const MAX_MX_OR_PTR_NAMES: usize = 10;

/// The seven results (RFC 7208 2.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

impl SpfResult {
    pub fn as_str(self) -> &'static str {
        match self {
            SpfResult::None => "none",
            SpfResult::Neutral => "neutral",
            SpfResult::Pass => "pass",
            SpfResult::Fail => "fail",
            SpfResult::SoftFail => "softfail",
            SpfResult::TempError => "temperror",
            SpfResult::PermError => "permerror",
        }
    }

    fn from_qualifier(q: Qualifier) -> SpfResult {
        match q {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

/// The question: who connected, and for which identity.
#[derive(Debug, Clone)]
pub struct SpfQuery {
    pub ip: IpAddr,
    /// MAIL FROM; may be empty (then `postmaster@<helo>` is used, RFC 7208 2.4).
    pub sender: String,
    pub helo: String,
    /// The domain to check (the sender's domain, or the HELO name).
    pub domain: String,
    /// For `%{r}` in explanations.
    pub receiver: String,
    pub timestamp: u64,
}

/// One evaluated term, in evaluation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceEntry {
    /// 0 for the checked domain, 1 inside its includes, and so on.
    pub depth: u32,
    pub domain: String,
    pub term: String,
    pub outcome: TraceOutcome,
    /// The mechanism the term is (None for `redirect=` and for a term that did not
    /// parse): a report tells from it whether `all` decided a result.
    #[serde(skip)]
    pub mechanism: Option<MechanismKind>,
    /// DNS-querying terms counted so far in the whole evaluation.
    pub lookups: u32,
    pub note: Option<TraceNote>,
}

/// What one evaluated term did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceOutcome {
    Match,
    NoMatch,
    /// `redirect=` handed the evaluation to another domain.
    Redirect,
    /// Evaluating the term gave this result (permerror, temperror) and ended it.
    Error(SpfResult),
}

impl TraceOutcome {
    /// "match", "no-match", "redirect", or the result ("permerror"): the trace's words
    /// in JSON and in the CLI, the same in every language.
    pub fn as_str(self) -> &'static str {
        match self {
            TraceOutcome::Match => "match",
            TraceOutcome::NoMatch => "no-match",
            TraceOutcome::Redirect => "redirect",
            TraceOutcome::Error(result) => result.as_str(),
        }
    }
}

impl Serialize for TraceOutcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Everything check_host found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfEvaluation {
    pub result: SpfResult,
    /// The expanded `exp=` text, for a fail result.
    pub explanation: Option<String>,
    pub lookups: u32,
    pub void_lookups: u32,
    pub trace: Vec<TraceEntry>,
    /// Index into `trace` of the term that decided the result.
    pub decisive: Option<usize>,
    /// Why the result is an error, when it is one.
    pub problem: Option<SpfProblem>,
}

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
/// The record look-up of an include or redirect target is a term's query, so an empty
/// answer there counts as a void look-up (`count_void`); the top-level one does not.
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
                return limit_error(state, depth, domain, &text);
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

/// Every look-up the record's terms may need, for [`Cached::prefetch`]. Fetching them all
/// at once costs one round trip for the whole level; evaluation still reads the answers
/// in record order and counts only the terms it reaches.
fn prefetch_list<R>(
    state: &State<'_, R>,
    record: &SpfRecord,
    domain: &str,
) -> Vec<(DomainName, RecordType)> {
    let address_type = address_type(state.ip);
    let target = |spec: Option<&MacroString>| match spec {
        None => Some(domain.to_owned()),
        Some(spec) => expand_domain(state, spec, domain),
    };
    let mut wanted = Vec::new();
    for term in &record.terms {
        let item = match &term.kind {
            TermKind::Directive { mechanism, .. } => match mechanism {
                Mechanism::Include(spec) => target(Some(spec)).map(|t| (t, RecordType::Txt)),
                Mechanism::A { domain: spec, .. } => {
                    target(spec.as_ref()).map(|t| (t, address_type))
                }
                Mechanism::Mx { domain: spec, .. } => {
                    target(spec.as_ref()).map(|t| (t, RecordType::Mx))
                }
                Mechanism::Exists(spec) => target(Some(spec)).map(|t| (t, RecordType::A)),
                Mechanism::Ptr(_) => Some((reverse_name(state.ip), RecordType::Ptr)),
                Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => None,
            },
            TermKind::Modifier(super::record::Modifier::Redirect(spec)) => {
                target(Some(spec)).map(|t| (t, RecordType::Txt))
            }
            TermKind::Modifier(_) => None,
        };
        if let Some((name, rtype)) = item {
            if let Ok(name) = DomainName::parse_lookup(&name) {
                wanted.push((name, rtype));
            }
        }
    }
    wanted
}

/// Fetches the include tree breadth first, one wave of concurrent look-ups per level
/// (with the a/mx/exists names of that level and the addresses of MX hosts found in the
/// previous wave), so evaluation afterwards reads from the cache.
async fn prefetch_tree<R: Resolver>(state: &State<'_, R>, root: &SpfRecord, domain: &str) {
    let address_type = address_type(state.ip);
    let mut frontier: Vec<(SpfRecord, String)> = vec![(root.clone(), domain.to_owned())];
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut mx_names: Vec<DomainName> = Vec::new();
    for _ in 0..=MAX_DNS_TERMS {
        let mut wanted = Vec::new();
        let mut records_next = Vec::new();
        for (record, record_domain) in &frontier {
            for (name, rtype) in prefetch_list(state, record, record_domain) {
                if rtype == RecordType::Txt && seen.insert(name.to_string()) {
                    records_next.push(name.clone());
                }
                if rtype == RecordType::Mx {
                    mx_names.push(name.clone());
                }
                wanted.push((name, rtype));
            }
        }
        // Addresses of MX hosts whose MX answer arrived in an earlier wave.
        for name in std::mem::take(&mut mx_names) {
            match state.resolver.cached(&name, RecordType::Mx) {
                Some(Ok(lookup)) => {
                    for record in lookup.records() {
                        if let RecordData::Mx { exchange, .. } = &record.data {
                            if let Ok(host) = DomainName::parse_lookup(exchange) {
                                wanted.push((host, address_type));
                            }
                        }
                    }
                }
                Some(Err(_)) => {}
                None => mx_names.push(name),
            }
        }
        if wanted.is_empty() {
            break;
        }
        state.resolver.prefetch(&wanted).await;
        frontier = records_next
            .into_iter()
            .filter_map(|name| {
                let lookup = state.resolver.cached(&name, RecordType::Txt)?.ok()?;
                let texts: Vec<String> = lookup
                    .records()
                    .iter()
                    .filter_map(|r| r.data.txt_joined())
                    .filter(|t| is_spf_record(t))
                    .collect();
                match texts.as_slice() {
                    [one] => Some((parse_record(one), name.to_string())),
                    _ => None,
                }
            })
            .collect();
    }
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

/// Expands a domain-spec for the current domain; None when it does not expand to a
/// usable name.
fn expand_domain<R>(state: &State<'_, R>, spec: &MacroString, domain: &str) -> Option<String> {
    let ctx = context(state, domain);
    let expanded = expand(spec, &ctx, false).ok()?;
    let name = truncate_domain(&expanded).to_owned();
    DomainName::parse_lookup(&name).ok().map(|n| n.to_string())
}

fn context<'s, R>(state: &'s State<'_, R>, domain: &'s str) -> MacroContext<'s> {
    MacroContext {
        sender: &state.sender,
        domain,
        ip: state.ip,
        helo: &state.query.helo,
        receiver: &state.query.receiver,
        timestamp: state.query.timestamp,
        validated: state
            .validated
            .as_deref()
            .and_then(|names| preferred_name(names, domain)),
    }
}

/// RFC 7208 7.3: of the validated names, the target domain itself, else a subdomain of
/// it, else any.
fn preferred_name<'n>(names: &'n [String], domain: &str) -> Option<&'n str> {
    let domain = domain.trim_end_matches('.');
    names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(domain))
        .or_else(|| names.iter().find(|n| is_subdomain(n, domain)))
        .or_else(|| names.first())
        .map(String::as_str)
}

fn is_subdomain(name: &str, domain: &str) -> bool {
    name.len() > domain.len()
        && name.as_bytes()[..name.len() - domain.len()].ends_with(b".")
        // Bytes, not str slices: a PTR name from the network need not be ASCII.
        && name.as_bytes()[name.len() - domain.len()..].eq_ignore_ascii_case(domain.as_bytes())
}

/// RFC 7208 4.3: the domain to check must be a well-formed multi-label name whose last
/// label is a toplabel (so no domain literal such as `[192.0.2.1]` and no bare IP).
fn is_checkable_domain(domain: &str) -> bool {
    let name = domain.strip_suffix('.').unwrap_or(domain);
    !name.contains(['[', ']']) && name.rsplit('.').next().is_some_and(is_toplabel)
}

/// Expands a domain-spec, first finding the validated PTR names when it uses `%{p}`.
async fn expand_target<R: Resolver>(
    state: &mut State<'_, R>,
    spec: &MacroString,
    domain: &str,
) -> Option<String> {
    if spec.uses_validated_name() && state.validated.is_none() {
        let names = validated_names_for_macro(state).await;
        state.validated = Some(names);
    }
    expand_domain(state, spec, domain)
}

/// The names for `%{p}`: as for the ptr mechanism, at most 10 PTR names are tried, and
/// a DNS error means none validates. These look-ups belong to the macro, not to a
/// mechanism, so they count neither as DNS terms nor as void look-ups.
async fn validated_names_for_macro<R: Resolver>(state: &mut State<'_, R>) -> Vec<String> {
    let Ok(reverse) = DomainName::parse_lookup(&reverse_name(state.ip)) else {
        return Vec::new();
    };
    let Ok(lookup) = state.resolver.lookup(&reverse, RecordType::Ptr).await else {
        return Vec::new();
    };
    validate_ptr_names(state, &lookup).await
}

/// Looks a name up; counts void answers; errors become temperror (RFC 7208 5).
async fn lookup_counted<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    rtype: RecordType,
) -> Result<Lookup, Matched> {
    let Ok(parsed) = DomainName::parse_lookup(name) else {
        return Err(Matched::Error(
            SpfResult::PermError,
            SpfProblem::InvalidDomain {
                domain: name.to_owned(),
            },
        ));
    };
    let lookup = state
        .resolver
        .lookup(&parsed, rtype)
        .await
        .map_err(|error: ResolveError| {
            Matched::Error(
                SpfResult::TempError,
                SpfProblem::Lookup {
                    name: name.to_owned(),
                    error,
                },
            )
        })?;
    if lookup.records().is_empty() {
        state.voids += 1;
        if state.voids > MAX_VOID_LOOKUPS {
            return Err(Matched::Error(
                SpfResult::PermError,
                SpfProblem::TooManyVoidLookups {
                    name: name.to_owned(),
                },
            ));
        }
    }
    Ok(lookup)
}

async fn match_mechanism<R: Resolver>(
    state: &mut State<'_, R>,
    mechanism: &Mechanism,
    domain: &str,
    depth: u32,
) -> Matched {
    let ip = state.ip;
    match mechanism {
        Mechanism::All => Matched::Yes(None),
        Mechanism::Ip4 { network, prefix } => Matched::from(match ip {
            IpAddr::V4(v4) => in_v4(v4, *network, *prefix),
            IpAddr::V6(_) => false,
        }),
        Mechanism::Ip6 { network, prefix } => Matched::from(match ip {
            IpAddr::V6(v6) => in_v6(v6, *network, *prefix),
            IpAddr::V4(_) => false,
        }),
        Mechanism::Include(spec) => {
            let Some(target) = expand_target(state, spec, domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::IncludeNotExpanded {
                        spec: shown(&spec.text),
                    },
                );
            };
            let level = evaluate(state, target.clone(), depth + 1, None, true).await;
            // RFC 7208 5.2: pass matches; fail, softfail, neutral do not; none is permerror.
            match level.result {
                SpfResult::Pass => Matched::Yes(Some(target)),
                SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => {
                    Matched::No(Some(target))
                }
                SpfResult::TempError | SpfResult::PermError => Matched::Error(
                    level.result,
                    level
                        .problem
                        .unwrap_or(SpfProblem::Unexplained { domain: target }),
                ),
                SpfResult::None => {
                    Matched::Error(SpfResult::PermError, SpfProblem::IncludeNoRecord { target })
                }
            }
        }
        Mechanism::A {
            domain: spec,
            cidr4,
            cidr6,
        } => {
            let Some(name) = target_of(state, spec.as_ref(), domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::DomainNotExpanded { mechanism: "a" },
                );
            };
            match addresses_of(state, &name, ip).await {
                Ok(addrs) => Matched::from(addrs.iter().any(|a| in_cidr(ip, *a, *cidr4, *cidr6))),
                Err(e) => e,
            }
        }
        Mechanism::Mx {
            domain: spec,
            cidr4,
            cidr6,
        } => {
            let Some(name) = target_of(state, spec.as_ref(), domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::DomainNotExpanded { mechanism: "mx" },
                );
            };
            let lookup = match lookup_counted(state, &name, RecordType::Mx).await {
                Ok(lookup) => lookup,
                Err(e) => return e,
            };
            let hosts: Vec<String> = lookup
                .records()
                .iter()
                .filter_map(|r| match &r.data {
                    RecordData::Mx { exchange, .. } => Some(exchange.clone()),
                    _ => None,
                })
                .collect();
            if hosts.len() > MAX_MX_OR_PTR_NAMES {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::TooManyMxHosts {
                        name,
                        count: hosts.len(),
                    },
                );
            }
            let address_type = address_type(ip);
            let wanted: Vec<(DomainName, RecordType)> = hosts
                .iter()
                .filter_map(|h| DomainName::parse_lookup(h).ok().map(|n| (n, address_type)))
                .collect();
            state.resolver.prefetch(&wanted).await;
            for host in hosts {
                // Address look-ups of MX hosts are not counted as terms or voids.
                match addresses_uncounted(state, &host, ip).await {
                    Ok(addrs) if addrs.iter().any(|a| in_cidr(ip, *a, *cidr4, *cidr6)) => {
                        return Matched::Yes(Some(host))
                    }
                    Ok(_) => {}
                    Err(e) => return e,
                }
            }
            Matched::No(None)
        }
        Mechanism::Ptr(spec) => {
            let Some(name) = target_of(state, spec.as_ref(), domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::DomainNotExpanded { mechanism: "ptr" },
                );
            };
            match validated_names(state, ip).await {
                Ok(names) => {
                    let hit = names
                        .into_iter()
                        .find(|n| n.eq_ignore_ascii_case(&name) || is_subdomain(n, &name));
                    match hit {
                        Some(n) => Matched::Yes(Some(n)),
                        None => Matched::No(None),
                    }
                }
                Err(e) => e,
            }
        }
        Mechanism::Exists(spec) => {
            let Some(name) = expand_target(state, spec, domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::ExistsNotExpanded {
                        spec: shown(&spec.text),
                    },
                );
            };
            // RFC 7208 5.7: always an A query, whatever the client's IP version.
            match lookup_counted(state, &name, RecordType::A).await {
                Ok(lookup) => Matched::from(!lookup.records().is_empty()),
                Err(e) => e,
            }
        }
    }
}

impl From<bool> for Matched {
    fn from(hit: bool) -> Matched {
        if hit {
            Matched::Yes(None)
        } else {
            Matched::No(None)
        }
    }
}

/// A for an IPv4 client, AAAA for IPv6 (RFC 7208 5.3).
fn address_type(ip: IpAddr) -> RecordType {
    if ip.is_ipv4() {
        RecordType::A
    } else {
        RecordType::Aaaa
    }
}

/// A or AAAA records of `name` for the client's address family, counted as void.
async fn addresses_of<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    ip: IpAddr,
) -> Result<Vec<IpAddr>, Matched> {
    let rtype = address_type(ip);
    let lookup = lookup_counted(state, name, rtype).await?;
    Ok(addresses(&lookup))
}

async fn addresses_uncounted<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    ip: IpAddr,
) -> Result<Vec<IpAddr>, Matched> {
    let rtype = address_type(ip);
    let Ok(parsed) = DomainName::parse_lookup(name) else {
        return Ok(Vec::new());
    };
    match state.resolver.lookup(&parsed, rtype).await {
        Ok(lookup) => Ok(addresses(&lookup)),
        Err(error) => Err(Matched::Error(
            SpfResult::TempError,
            SpfProblem::Lookup {
                name: name.to_owned(),
                error,
            },
        )),
    }
}

fn addresses(lookup: &Lookup) -> Vec<IpAddr> {
    lookup
        .records()
        .iter()
        .filter_map(|r| match r.data {
            RecordData::A(a) => Some(IpAddr::V4(a)),
            RecordData::Aaaa(a) => Some(IpAddr::V6(a)),
            _ => None,
        })
        .collect()
}

/// A mechanism's target: its domain-spec expanded, or the current domain.
async fn target_of<R: Resolver>(
    state: &mut State<'_, R>,
    spec: Option<&MacroString>,
    domain: &str,
) -> Option<String> {
    match spec {
        None => Some(domain.to_owned()),
        Some(spec) => expand_target(state, spec, domain).await,
    }
}

/// RFC 7208 5.5: the client's PTR names (at most 10) whose addresses include the IP.
/// A DNS error on the PTR query makes the mechanism not match.
async fn validated_names<R: Resolver>(
    state: &mut State<'_, R>,
    ip: IpAddr,
) -> Result<Vec<String>, Matched> {
    let reverse = reverse_name(ip);
    let lookup = match lookup_counted(state, &reverse, RecordType::Ptr).await {
        Ok(lookup) => lookup,
        Err(Matched::Error(SpfResult::TempError, _)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(validate_ptr_names(state, &lookup).await)
}

/// Of the first 10 PTR names in `lookup`, those whose A or AAAA records hold the client
/// IP; a name whose address look-up fails is skipped (RFC 7208 5.5).
async fn validate_ptr_names<R: Resolver>(state: &mut State<'_, R>, lookup: &Lookup) -> Vec<String> {
    let ip = state.ip;
    let names: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| match &r.data {
            RecordData::Ptr(n) => Some(n.trim_end_matches('.').to_owned()),
            _ => None,
        })
        .take(MAX_MX_OR_PTR_NAMES)
        .collect();
    let mut validated = Vec::new();
    for name in names {
        if let Ok(addrs) = addresses_uncounted(state, &name, ip).await {
            if addrs.contains(&ip) {
                validated.push(name);
            }
        }
    }
    validated
}

fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(v6) => {
            let nibbles: Vec<String> = v6
                .octets()
                .iter()
                .rev()
                .flat_map(|b| [b & 0x0f, b >> 4])
                .map(|n| format!("{n:x}"))
                .collect();
            format!("{}.ip6.arpa", nibbles.join("."))
        }
    }
}

/// RFC 7208 5: an IPv4-mapped IPv6 client is treated as IPv4.
fn normalize(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn in_cidr(ip: IpAddr, candidate: IpAddr, cidr4: Option<u8>, cidr6: Option<u8>) -> bool {
    match (ip, candidate) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => in_v4(ip, net, cidr4.unwrap_or(32)),
        (IpAddr::V6(ip), IpAddr::V6(net)) => in_v6(ip, net, cidr6.unwrap_or(128)),
        _ => false,
    }
}

/// Whether `ip` is in `network/prefix`.
pub(crate) fn in_v4(ip: Ipv4Addr, network: Ipv4Addr, prefix: u8) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix.min(32)))
    };
    (u32::from(ip) & mask) == (u32::from(network) & mask)
}

fn in_v6(ip: Ipv6Addr, network: Ipv6Addr, prefix: u8) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(prefix.min(128)))
    };
    (u128::from(ip) & mask) == (u128::from(network) & mask)
}

/// RFC 7208 6.2: the explanation for a fail, from the TXT record named by exp=. Any
/// problem means no explanation; this look-up is not counted.
async fn explain<R: Resolver>(
    state: &mut State<'_, R>,
    record: &SpfRecord,
    domain: &str,
) -> Option<String> {
    let spec = record.exp()?;
    let name = expand_target(state, spec, domain).await?;
    let parsed = DomainName::parse_lookup(&name).ok()?;
    let lookup = state.resolver.lookup(&parsed, RecordType::Txt).await.ok()?;
    let texts: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .collect();
    let [text] = texts.as_slice() else {
        return None;
    };
    let macro_string = super::macros::parse_explain_string(text).ok()?;
    if macro_string.uses_validated_name() && state.validated.is_none() {
        let names = validated_names_for_macro(state).await;
        state.validated = Some(names);
    }
    let ctx = context(state, domain);
    let explained = expand(&macro_string, &ctx, true).ok()?;
    explained.is_ascii().then_some(explained)
}

#[cfg(test)]
#[path = "eval_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "rfc_rules_tests.rs"]
mod rfc_rules_tests;
