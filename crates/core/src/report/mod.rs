//! One report for a domain and its devices: MX, SPF (tree, result per device IP, the
//! record to publish) and DMARC, joined into findings with stable codes.
//!
//! A failed look-up yields a `dns-error` finding and leaves the section unknown: a DNS
//! failure is never reported as a missing or wrong record.

use crate::cloud::Cloud;
use crate::dmarc::Policy;
use crate::dmarc::{device_mail_meaning, parse_dmarc, select_record};
use crate::dns::{Cached, DomainName, RecordType, Resolver};
use crate::i18n::{format, text, Lang, Phrase};
use crate::method::MethodId;
use crate::mx::{check_mx, MxHost, MxKind};
use crate::spf::eval::{
    check_host, in_v4, SpfQuery, SpfResult, TraceEntry, MAX_DNS_TERMS, MAX_VOID_LOOKUPS,
};
use crate::spf::fix::{suggest_record, Removal};
use crate::spf::problem::SpfProblem;
use crate::spf::record::{parse_record, Mechanism, MechanismKind, Qualifier, TermKind};
use crate::spf::tree::{walk_tree, NodeState, SpfNode};
use crate::spf::voids::{void_terms, VoidTerm};
use serde::Serialize;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

mod finding;

use finding::Findings;
pub use finding::{Arg, Finding, Section, Severity};

/// A section's verdict. `Unknown` when a look-up it needed failed: then nothing is
/// claimed about the records, good or bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Ok,
    Info,
    Warning,
    Error,
    CouldNotCheck,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Info => "info",
            Status::Warning => "warning",
            Status::Error => "error",
            Status::CouldNotCheck => "could-not-check",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MxSection {
    /// None when the look-up failed.
    pub kind: Option<MxKind>,
    pub hosts: Vec<MxHost>,
    pub smart_host: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfSection {
    pub record: Option<String>,
    /// DNS-querying terms across the whole include tree.
    pub lookups: u32,
    pub includes_microsoft: bool,
    /// check_host result per device IP.
    pub result_for_ip: BTreeMap<String, SpfResult>,
    pub suggested_record: Option<String>,
    pub suggestion_reasons: Vec<Phrase>,
    pub tree: Option<SpfNode>,
    /// check_host per device IP with the term that decided it, in the order given.
    pub ip_checks: Vec<IpCheck>,
}

/// One device IP's SPF evaluation, for showing which term decided it and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpCheck {
    pub ip: String,
    pub result: SpfResult,
    /// The trace entry of the deciding term (none when no term matched).
    pub decisive: Option<TraceEntry>,
    pub lookups: u32,
    pub void_lookups: u32,
    /// Why the result is an error, when it is one (shown with [`SpfProblem::message`]).
    pub problem: Option<SpfProblem>,
    /// The expanded `exp=` text of a fail.
    pub explanation: Option<String>,
}

/// A part of the report that is still being worked out while results stream in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Mx,
    Spf,
    Dmarc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DmarcSection {
    pub record: Option<String>,
    pub policy: Option<Policy>,
    /// What the policy means for device mail that fails, worded when shown.
    pub meaning: Option<Phrase>,
}

/// Where the report's cloud came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CloudSource {
    /// The user chose it.
    Chosen,
    /// No cloud was chosen and the MX host names one.
    Mx,
    /// Neither: worldwide is assumed.
    Assumed,
}

impl CloudSource {
    pub fn id(self) -> &'static str {
        match self {
            CloudSource::Chosen => "chosen",
            CloudSource::Mx => "mx",
            CloudSource::Assumed => "assumed",
        }
    }
}

/// Which cloud the report followed and why, in `lang`: the admin sees that a GCC High
/// MX made the check look for the GCC High include, or that worldwide was only assumed.
pub fn cloud_line(cloud: Cloud, source: CloudSource, lang: Lang) -> String {
    let name = text(lang, &format!("question.cloud.{}", cloud.id()));
    format(
        lang,
        &format!("check.cloud.{}", source.id()),
        &[("cloud", &name)],
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub domain: String,
    /// The cloud the SPF include, the smart host and the findings follow.
    pub cloud: Cloud,
    pub cloud_source: CloudSource,
    pub mx: MxSection,
    pub spf: SpfSection,
    pub dmarc: DmarcSection,
    pub findings: Vec<Finding>,
    /// Sections not finished yet; empty in a finished report.
    pub pending: Vec<Stage>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The findings of one section, errors first.
    pub fn findings_in(&self, section: Section) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.section == section)
    }

    /// The section's verdict: could-not-check wins over everything, then the worst
    /// severity among its findings.
    pub fn status(&self, section: Section) -> Status {
        let mut status = Status::Ok;
        for finding in self.findings_in(section) {
            if finding.code == "dns-error" {
                return Status::CouldNotCheck;
            }
            let this = match finding.severity {
                Severity::Error => Status::Error,
                Severity::Warning => Status::Warning,
                Severity::Info => Status::Info,
            };
            status = worse(status, this);
        }
        status
    }

    /// True when no resolver answered anything: the network blocks DNS-over-HTTPS,
    /// and pasting the records by hand is the way forward.
    pub fn nothing_answered(&self) -> bool {
        self.pending.is_empty()
            && [Section::Mx, Section::Spf, Section::Dmarc]
                .into_iter()
                .all(|section| self.status(section) == Status::CouldNotCheck)
    }
}

fn worse(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Ok => 0,
        Status::Info => 1,
        Status::Warning => 2,
        Status::Error => 3,
        Status::CouldNotCheck => 4,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub domain: DomainName,
    pub ips: Vec<Ipv4Addr>,
    pub method: Option<MethodId>,
    /// The cloud the user chose; None lets the MX decide (worldwide when it cannot).
    pub cloud: Option<Cloud>,
    /// A draft record to evaluate in place of the published one.
    pub draft: Option<String>,
}

/// Runs every check for the request.
pub async fn check_domain<R: Resolver>(resolver: &R, request: &CheckRequest) -> Report {
    check_domain_streaming(resolver, request, &mut |_| {}).await
}

fn partial(
    domain: &str,
    cloud: (Cloud, CloudSource),
    mx: &MxSection,
    spf: Option<&SpfSection>,
    findings: &Findings,
    pending: Vec<Stage>,
) -> Report {
    let mut list = findings.list.clone();
    list.sort_by_key(|f| f.severity);
    Report {
        domain: domain.to_owned(),
        cloud: cloud.0,
        cloud_source: cloud.1,
        mx: mx.clone(),
        spf: spf.cloned().unwrap_or_else(SpfSection::unknown),
        dmarc: DmarcSection {
            record: None,
            policy: None,
            meaning: None,
        },
        findings: list,
        pending,
    }
}

impl SpfSection {
    fn unknown() -> SpfSection {
        SpfSection {
            record: None,
            lookups: 0,
            includes_microsoft: false,
            result_for_ip: BTreeMap::new(),
            suggested_record: None,
            suggestion_reasons: Vec::new(),
            tree: None,
            ip_checks: Vec::new(),
        }
    }
}

/// Runs every check for the request and hands `progress` the report so far after each
/// section (MX, then SPF, then DMARC), so a screen can show results as they arrive.
pub async fn check_domain_streaming<R: Resolver>(
    resolver: &R,
    request: &CheckRequest,
    progress: &mut dyn FnMut(&Report),
) -> Report {
    // One cache for the whole report: the tree walk, check_host for each IP, MX and DMARC
    // never ask the same question twice, and the first three questions go out together.
    let cached = Cached::new(resolver);
    let resolver = &cached;
    let domain = request.domain.to_string();
    resolver
        .prefetch(&[
            (request.domain.clone(), RecordType::Mx),
            (request.domain.clone(), RecordType::Txt),
            (request.domain.child("_dmarc"), RecordType::Txt),
        ])
        .await;
    let mut findings = Findings::default();
    let mx_method = matches!(
        request.method,
        Some(MethodId::DirectSend | MethodId::RelayIp | MethodId::RelayCert)
    );
    let strict = if mx_method {
        Severity::Error
    } else {
        Severity::Warning
    };

    for ip in &request.ips {
        if !is_public(*ip) {
            findings.add(
                Section::Devices,
                "ip-not-public",
                Severity::Error,
                &[("ip", &ip.to_string())],
            );
        }
    }

    // MX
    let mx = match check_mx(resolver, &request.domain).await {
        Ok(report) => {
            match report.kind {
                MxKind::None => findings.add(
                    Section::Mx,
                    "mx-missing",
                    Severity::Error,
                    &[("domain", &domain)],
                ),
                MxKind::Null => findings.add(
                    Section::Mx,
                    "mx-null",
                    Severity::Error,
                    &[("domain", &domain)],
                ),
                MxKind::Other => findings.add(
                    Section::Mx,
                    "mx-not-microsoft",
                    strict,
                    &[
                        ("domain", &domain),
                        ("host", report.hosts.first().map_or("", |h| h.host.as_str())),
                    ],
                ),
                _ => {}
            }
            MxSection {
                kind: Some(report.kind),
                hosts: report.hosts,
                smart_host: report.smart_host,
            }
        }
        Err(e) => {
            findings.dns_error(Section::Mx, "MX", Arg::Resolve(e));
            MxSection {
                kind: None,
                hosts: Vec::new(),
                smart_host: None,
            }
        }
    };

    let cloud = cloud_from_evidence(request.cloud, &mx, &mut findings);
    progress(&partial(
        &domain,
        cloud,
        &mx,
        None,
        &findings,
        vec![Stage::Spf, Stage::Dmarc],
    ));

    // SPF
    let tree = walk_tree(resolver, &request.domain, request.draft.as_deref()).await;
    let mut spf = SpfSection {
        record: tree.record().map(str::to_owned),
        lookups: tree.total_lookups,
        ..SpfSection::unknown()
    };
    let mut spf_known = true;
    match &tree.state {
        NodeState::DnsError { error } => {
            spf_known = false;
            findings.dns_error(Section::Spf, "SPF (TXT)", Arg::Resolve(error.clone()));
        }
        NodeState::NoRecord { .. } => {
            findings.add(Section::Spf, "spf-missing", strict, &[("domain", &domain)])
        }
        NodeState::Multiple { count } => findings.add(
            Section::Spf,
            "spf-multiple-records",
            Severity::Error,
            &[("domain", &domain), ("count", &count.to_string())],
        ),
        NodeState::Record { .. } | NodeState::NotWalked { .. } => {}
    }
    let void_terms = void_terms(resolver, &tree).await;
    lint_tree(&tree, cloud.0, &void_terms, &mut findings, &mut spf);
    // One finding per cause: a missing or broken record is said once, by its own
    // finding, not again for each device IP it fails.
    let record_explains_failure = matches!(tree.state, NodeState::NoRecord { .. })
        || findings.list.iter().any(|f| {
            matches!(
                f.code,
                "spf-void-lookups" | "spf-too-many-lookups" | "spf-syntax" | "spf-multiple-records"
            )
        });
    if spf_known {
        // The suggestion adds only IPs known to need it. Left out: IPs whose result could
        // not be determined (a look-up in their path failed, so what could not be read may
        // authorise them), and IPs a term other than `all` already authorises (through
        // an include, a:, mx:). An IP that passes only by `+all` is still added, so the
        // record keeps working once `+all` goes.
        let mut left_out: Vec<Ipv4Addr> = Vec::new();
        for ip in &request.ips {
            let query = SpfQuery {
                ip: IpAddr::V4(*ip),
                sender: format!("postmaster@{domain}"),
                helo: domain.clone(),
                domain: domain.clone(),
                receiver: String::new(),
                timestamp: 0,
            };
            let evaluation = check_host(resolver, &query, request.draft.as_deref()).await;
            let result = evaluation.result.as_str();
            spf.result_for_ip.insert(ip.to_string(), evaluation.result);
            let decisive = evaluation
                .decisive
                .and_then(|i| evaluation.trace.get(i))
                .cloned();
            let authorised_by_a_term = evaluation.result == SpfResult::Pass
                && decisive
                    .as_ref()
                    .is_some_and(|entry| entry.mechanism != Some(MechanismKind::All));
            if authorised_by_a_term {
                left_out.push(*ip);
            }
            spf.ip_checks.push(IpCheck {
                ip: ip.to_string(),
                result: evaluation.result,
                decisive,
                lookups: evaluation.lookups,
                void_lookups: evaluation.void_lookups,
                problem: evaluation.problem.clone(),
                explanation: evaluation.explanation.clone(),
            });
            if evaluation.result == SpfResult::TempError {
                left_out.push(*ip);
                let why = evaluation.problem.map_or_else(|| Arg::from(""), Arg::Spf);
                findings.dns_error(Section::Spf, "SPF", why);
            } else if mx_method
                && evaluation.result != SpfResult::Pass
                && !(record_explains_failure
                    && matches!(evaluation.result, SpfResult::None | SpfResult::PermError))
            {
                let ip = ip.to_string();
                findings.add(
                    Section::Spf,
                    "spf-ip-not-authorized",
                    Severity::Error,
                    &[("ip", &ip), ("result", result), ("domain", &domain)],
                );
                // A new IP (the classic: the site's public IP changed) must reach the
                // IP connector too, or relay fails with 550 5.7.64 whatever SPF says.
                if request.method == Some(MethodId::RelayIp) {
                    findings.append_to_fix("finding.spf-ip-not-authorized.fix-connector");
                }
            }
        }
        let device_ips: Vec<Ipv4Addr> = if mx_method {
            request
                .ips
                .iter()
                .filter(|ip| !left_out.contains(ip))
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        let readable = !spf
            .ip_checks
            .iter()
            .any(|c| c.result == SpfResult::TempError)
            && !tree
                .walk()
                .iter()
                .any(|(_, node)| matches!(node.state, NodeState::DnsError { .. }));
        let current = match &tree.state {
            NodeState::Record { text, .. } => Some(text.as_str()),
            NodeState::NoRecord { .. } => None,
            _ => Some(""),
        };
        if current != Some("") {
            // Void terms of the checked domain's own record are the admin's to remove.
            let removals: Vec<Removal> = if void_terms.len() > MAX_VOID_LOOKUPS as usize {
                void_terms
                    .iter()
                    .filter(|v| v.domain.eq_ignore_ascii_case(&domain))
                    .map(|v| Removal {
                        term: v.term.clone(),
                        name: v.name.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if let Some(fix) = suggest_record(
                current,
                &device_ips,
                cloud.0,
                spf.includes_microsoft,
                &removals,
            ) {
                // Verified when everything the record reaches could be read; when a
                // look-up failed (or in paste mode, a name was not pasted) the candidate
                // cannot be proven either way and is shown as before, without asking
                // for names the record itself does not reach.
                let verdict = if readable {
                    verify_fix(resolver, &request.domain, &fix.record, &device_ips, cloud.0).await
                } else {
                    Ok(())
                };
                match verdict {
                    Ok(()) => {
                        spf.suggested_record = Some(fix.record);
                        spf.suggestion_reasons = fix.reasons;
                    }
                    Err(unsafe_for) => findings.add_args(
                        Section::Spf,
                        "spf-no-safe-fix",
                        Severity::Warning,
                        vec![
                            ("sender", Arg::Plain(unsafe_for.sender)),
                            ("result", Arg::from(unsafe_for.result.as_str())),
                            (
                                "problem",
                                unsafe_for.problem.map_or_else(|| Arg::from(""), Arg::Spf),
                            ),
                        ],
                    ),
                }
            }
        }
    }
    spf.tree = Some(tree);
    progress(&partial(
        &domain,
        cloud,
        &mx,
        Some(&spf),
        &findings,
        vec![Stage::Dmarc],
    ));

    // DMARC
    let dmarc = check_dmarc(resolver, &request.domain, &mut findings).await;

    findings.list.sort_by_key(|f| f.severity);
    Report {
        domain,
        cloud: cloud.0,
        cloud_source: cloud.1,
        mx,
        spf,
        dmarc,
        findings: findings.list,
        pending: Vec::new(),
    }
}

/// A sender a candidate record does not let pass, and what it gives instead.
struct UnsafeFor {
    sender: String,
    result: crate::spf::SpfResult,
    problem: Option<SpfProblem>,
}

/// A suggested record is shown only if it works for every sender it must serve: each
/// device IP and Microsoft 365's own servers (an address inside the cloud's include)
/// pass, and no sender gets permerror or temperror. Otherwise it is not suggested.
async fn verify_fix<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
    candidate: &str,
    device_ips: &[Ipv4Addr],
    cloud: Cloud,
) -> Result<(), UnsafeFor> {
    let mut senders: Vec<Ipv4Addr> = device_ips.to_vec();
    if let Some(probe) = address_inside(resolver, cloud.spf_include()).await {
        senders.push(probe);
    }
    // A sender no term lists walks the whole record, so a limit broken after the terms
    // that match the others still shows; it may get any result but an error.
    let stranger = Ipv4Addr::new(203, 0, 113, 254);
    let checks = senders
        .into_iter()
        .map(|ip| (ip, true))
        .chain([(stranger, false)]);
    for (ip, must_pass) in checks {
        let query = SpfQuery::mail_from(IpAddr::V4(ip), &format!("postmaster@{domain}"), "");
        let evaluation = check_host(resolver, &query, Some(candidate)).await;
        let broken = matches!(
            evaluation.result,
            SpfResult::PermError | SpfResult::TempError
        );
        if broken || (must_pass && evaluation.result != SpfResult::Pass) {
            return Err(UnsafeFor {
                sender: ip.to_string(),
                result: evaluation.result,
                problem: evaluation.problem,
            });
        }
    }
    Ok(())
}

/// An IPv4 address that `include` authorises: the first ip4 network of its record, or of
/// the records it includes (three levels at most). None when none can be read.
async fn address_inside<R: Resolver>(resolver: &R, include: &str) -> Option<Ipv4Addr> {
    let mut names = vec![include.to_owned()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for name in &names {
            let parsed = DomainName::parse_lookup(name).ok()?;
            let crate::spf::tree::NodeState::Record { text, .. } =
                crate::spf::tree::fetch(resolver, &parsed).await
            else {
                continue;
            };
            for term in parse_record(&text).terms {
                match term.kind {
                    TermKind::Directive {
                        qualifier: Qualifier::Pass,
                        mechanism: Mechanism::Ip4 { network, .. },
                    } => return Some(network),
                    TermKind::Directive {
                        mechanism: Mechanism::Include(spec),
                        ..
                    } if !spec.has_macros() => next.push(spec.text),
                    _ => {}
                }
            }
        }
        names = next;
    }
    None
}

/// The cloud the report follows: the user's choice, else the one the MX host names, else
/// worldwide. A choice the MX contradicts is kept (the user may know better, for example
/// during a migration) and the disagreement is a finding.
fn cloud_from_evidence(
    chosen: Option<Cloud>,
    mx: &MxSection,
    findings: &mut Findings,
) -> (Cloud, CloudSource) {
    let from_mx = match mx.kind {
        Some(MxKind::Microsoft365GccHigh) => Some(Cloud::GccHigh),
        Some(MxKind::Microsoft365China) => Some(Cloud::China21Vianet),
        Some(MxKind::Microsoft365 | MxKind::Microsoft365Dnssec) => Some(Cloud::Worldwide),
        _ => None,
    };
    match (chosen, from_mx) {
        (Some(chosen), Some(mx_cloud)) => {
            // GCC shares the worldwide MX and include; DoD shares GCC High's.
            let same_family = chosen.spf_include() == mx_cloud.spf_include();
            if !same_family {
                let host = mx.hosts.first().map_or("", |h| h.host.as_str());
                findings.add(
                    Section::Mx,
                    "mx-cloud-mismatch",
                    Severity::Warning,
                    &[
                        ("chosen", chosen.id()),
                        ("found", mx_cloud.id()),
                        ("host", host),
                    ],
                );
            }
            (chosen, CloudSource::Chosen)
        }
        (Some(chosen), None) => (chosen, CloudSource::Chosen),
        (None, Some(mx_cloud)) => (mx_cloud, CloudSource::Mx),
        (None, None) => (Cloud::Worldwide, CloudSource::Assumed),
    }
}

fn lint_tree(
    tree: &SpfNode,
    cloud: Cloud,
    void_terms: &[VoidTerm],
    findings: &mut Findings,
    spf: &mut SpfSection,
) {
    let include = cloud.spf_include();
    for (depth, node) in tree.walk() {
        if node.domain.eq_ignore_ascii_case(include) && depth > 0 {
            spf.includes_microsoft = true;
        }
        match &node.state {
            NodeState::Multiple { count } if depth > 0 => findings.add(
                Section::Spf,
                "spf-multiple-records",
                Severity::Error,
                &[("domain", &node.domain), ("count", &count.to_string())],
            ),
            NodeState::Record {
                text,
                syntax_errors,
            } => {
                if let Some(first) = syntax_errors.first() {
                    findings.add_args(
                        Section::Spf,
                        "spf-syntax",
                        Severity::Error,
                        vec![
                            ("domain", Arg::from(node.domain.as_str())),
                            ("error", Arg::Syntax(first.clone())),
                        ],
                    );
                }
                // Only the checked domain's own record is the admin's to change.
                if depth == 0 {
                    lint_record(text, &node.domain, findings);
                }
            }
            _ => {}
        }
    }
    if tree.total_lookups > MAX_DNS_TERMS {
        findings.add(
            Section::Spf,
            "spf-too-many-lookups",
            Severity::Error,
            &[("count", &tree.total_lookups.to_string())],
        );
    }
    // RFC 7208 4.6.4: the third void look-up is the one that breaks the record.
    if let Some(breaking) = void_terms.get(MAX_VOID_LOOKUPS as usize) {
        let terms = void_terms
            .iter()
            .map(|v| v.term.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        findings.add(
            Section::Spf,
            "spf-void-lookups",
            Severity::Error,
            &[
                ("count", &void_terms.len().to_string()),
                ("terms", &terms),
                ("breaking", &breaking.term),
                ("where", &breaking.domain),
            ],
        );
    }
    if tree.record().is_some() && !spf.includes_microsoft {
        findings.add(
            Section::Spf,
            "spf-no-microsoft-include",
            Severity::Warning,
            &[("include", include)],
        );
    }
}

fn lint_record(text: &str, domain: &str, findings: &mut Findings) {
    let record = parse_record(text);
    let mut seen_all = false;
    let mut ranges: Vec<(Ipv4Addr, u8, String)> = Vec::new();
    for term in &record.terms {
        // A term is quoted, never a long stretch of the record.
        let term_text = crate::echo::shown(record.term_text(term));
        if seen_all {
            findings.add(
                Section::Spf,
                "spf-terms-after-all",
                Severity::Warning,
                &[("term", &term_text)],
            );
            break;
        }
        if let TermKind::Directive {
            qualifier,
            mechanism,
        } = &term.kind
        {
            match (qualifier, mechanism) {
                (Qualifier::Pass, Mechanism::All) => findings.add(
                    Section::Spf,
                    "spf-plus-all",
                    Severity::Error,
                    &[("domain", domain)],
                ),
                (Qualifier::Neutral, Mechanism::All) => findings.add(
                    Section::Spf,
                    "spf-neutral-all",
                    Severity::Warning,
                    &[("domain", domain)],
                ),
                (_, Mechanism::Ptr(_)) => findings.add(
                    Section::Spf,
                    "spf-ptr",
                    Severity::Warning,
                    &[("term", &term_text)],
                ),
                (_, Mechanism::Ip4 { network, prefix }) => {
                    if let Some((_, _, other)) = ranges
                        .iter()
                        .find(|(n, p, _)| in_v4(*network, *n, *p) || in_v4(*n, *network, *prefix))
                    {
                        findings.add(
                            Section::Spf,
                            "spf-duplicate-range",
                            Severity::Info,
                            &[("term", &term_text), ("other", other)],
                        );
                    }
                    ranges.push((*network, *prefix, term_text.clone()));
                }
                _ => {}
            }
            if matches!(mechanism, Mechanism::All) {
                seen_all = true;
            }
        }
    }
}

async fn check_dmarc<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
    findings: &mut Findings,
) -> DmarcSection {
    let name = domain.child("_dmarc");
    let mut section = DmarcSection {
        record: None,
        policy: None,
        meaning: None,
    };
    let lookup = match resolver.lookup(&name, RecordType::Txt).await {
        Ok(lookup) => lookup,
        Err(e) => {
            findings.dns_error(Section::Dmarc, "DMARC", Arg::Resolve(e));
            return section;
        }
    };
    let texts: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .collect();
    match select_record(&texts) {
        Ok(None) => findings.add(
            Section::Dmarc,
            "dmarc-missing",
            Severity::Warning,
            &[("domain", domain.as_str())],
        ),
        Ok(Some(text)) => {
            section.record = Some(text.clone());
            match parse_dmarc(&text) {
                Ok(record) => {
                    section.policy = Some(record.policy);
                    let meaning = device_mail_meaning(&record);
                    section.meaning =
                        Some(Phrase::new(meaning.key()).with("pct", record.pct.to_string()));
                    if record.policy == crate::dmarc::Policy::None {
                        findings.add(
                            Section::Dmarc,
                            "dmarc-policy-none",
                            Severity::Info,
                            &[("domain", domain.as_str())],
                        );
                    }
                }
                Err(e) => findings.add_args(
                    Section::Dmarc,
                    "dmarc-invalid",
                    Severity::Warning,
                    vec![("error", Arg::Dmarc(e))],
                ),
            }
        }
        Err(e) => findings.add_args(
            Section::Dmarc,
            "dmarc-invalid",
            Severity::Warning,
            vec![("error", Arg::Dmarc(e))],
        ),
    }
    section
}

/// Whether a device IP is one the internet can see (the validator's rules: documentation
/// ranges pass with a warning, private, loopback, link-local and CGNAT do not).
fn is_public(ip: Ipv4Addr) -> bool {
    crate::validate::parse_public_ipv4(&ip.to_string()).is_ok()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod repair_tests;
