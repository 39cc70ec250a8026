//! One report for a domain and its devices: MX, SPF (tree, result per device IP, the
//! record to publish), DKIM (the selectors and their keys) and DMARC, joined into findings with stable codes.
//!
//! A failed lookup yields a `dns-error` finding and leaves the section unknown: a DNS
//! failure is never reported as a missing or wrong record.

use crate::cloud::Cloud;
use crate::dmarc::Policy;
use crate::dns::{join2, Cached, DomainName, RecordType, Resolver};
use crate::i18n::Phrase;
use crate::method::MethodId;
use crate::mx::{check_mx, MxHost, MxKind};
use crate::spf::eval::{SpfResult, TraceEntry};
use crate::spf::problem::SpfProblem;
use crate::spf::tree::SpfNode;
use serde::Serialize;
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

mod cloud;
mod decided;
mod dkim_findings;
mod dkim_section;
mod dkim_words;
mod dmarc_section;
mod draft;
mod finding;
mod lint;
mod repair;
mod spf_section;
mod verdict;

use cloud::cloud_from_evidence;
pub use cloud::{cloud_line, CloudSource};
pub use decided::{decided_terms, record_pieces, DecidedTerm, RecordPiece};
pub use dkim_section::{DkimSection, KeyRecord, Published, SelectorRecord};
use dmarc_section::check_dmarc;
pub use draft::{advise, draft_from_link, DraftAdvice, DraftRejected, MAX_DRAFT_CHARS};
use finding::Findings;
pub use finding::{Arg, Finding, Section, Severity};
use spf_section::check_spf;
pub use verdict::{Case, DeviceVerdict, Outcome};

/// A section's verdict. `Unknown` when a lookup it needed failed: then nothing is
/// claimed about the records, good or bad.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Status {
    Ok,
    Info,
    Warning,
    Error,
    CouldNotCheck,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MxSection {
    /// None when the lookup failed.
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
    Dkim,
    Dmarc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DmarcSection {
    pub record: Option<String>,
    pub policy: Option<Policy>,
    /// What the policy means for device mail that fails, worded when shown.
    pub meaning: Option<Phrase>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub domain: String,
    /// The cloud the SPF include, the smart host and the findings follow.
    pub cloud: Cloud,
    pub cloud_source: CloudSource,
    pub mx: MxSection,
    pub spf: SpfSection,
    pub dkim: DkimSection,
    pub dmarc: DmarcSection,
    pub findings: Vec<Finding>,
    /// One answer per device IP and method, once every section is in.
    pub verdicts: Vec<DeviceVerdict>,
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

    /// Why the lookups failed, each distinct reason once: when nothing answered, the
    /// page states the cause in one place instead of under every section.
    pub fn lookup_failures(&self) -> Vec<&Arg> {
        let mut reasons: Vec<&Arg> = Vec::new();
        let failed = self.findings.iter().filter(|f| f.code == "dns-error");
        for reason in failed.filter_map(|f| f.arg("error")) {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        reasons
    }

    /// True when no resolver answered anything: the network blocks DNS-over-HTTPS,
    /// and pasting the records by hand is the way forward.
    pub fn nothing_answered(&self) -> bool {
        self.pending.is_empty()
            && [Section::Mx, Section::Spf, Section::Dkim, Section::Dmarc]
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
    dkim: Option<&DkimSection>,
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
        dkim: dkim.cloned().unwrap_or(DkimSection {
            selectors: Vec::new(),
            meaning: None,
        }),
        dmarc: DmarcSection {
            record: None,
            policy: None,
            meaning: None,
        },
        findings: list,
        verdicts: Vec::new(),
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
    let mx_method = request.method.is_some_and(MethodId::sends_to_tenant_mx);
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
        None,
        &findings,
        vec![Stage::Spf, Stage::Dkim, Stage::Dmarc],
    ));

    // SPF's include tree and the DKIM selectors are independent: their lookups go
    // out together, wave by wave.
    let mut dkim_findings = Findings::default();
    let (spf, dkim) = join2(
        check_spf(resolver, request, cloud.0, mx_method, strict, &mut findings),
        dkim_section::check_dkim(
            resolver,
            &request.domain,
            request.method,
            cloud.0,
            &mut dkim_findings,
        ),
    )
    .await;
    findings.list.extend(dkim_findings.list);
    progress(&partial(
        &domain,
        cloud,
        &mx,
        Some(&spf),
        Some(&dkim),
        &findings,
        vec![Stage::Dmarc],
    ));

    // DMARC
    let dmarc = check_dmarc(resolver, &request.domain, &mut findings).await;

    findings.list.sort_by_key(|f| f.severity);
    let mut report = Report {
        domain,
        cloud: cloud.0,
        cloud_source: cloud.1,
        mx,
        spf,
        dkim,
        dmarc,
        findings: findings.list,
        verdicts: Vec::new(),
        pending: Vec::new(),
    };
    report.verdicts = verdict::for_devices(&report, request.method, &request.ips);
    report
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

#[cfg(test)]
mod dkim_tests;

#[cfg(test)]
mod verdict_tests;
