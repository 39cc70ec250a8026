//! `smarthost check DOMAIN`: MX, SPF, DKIM and DMARC for a domain and its devices' IPs,
//! as findings with stable codes. Exit 1 when a finding is an error. `--inventory FILE`
//! checks every device of an inventory instead (`check_inventory.rs`).

use crate::common::{self, Value};
use crate::output::{out, outln, StdoutClosed};
use crate::resolver::ResolverArgs;
use crate::Usage;
use anyhow::Result;
use futures::executor::block_on;
use serde_json::json;
use smarthost_core::cloud::Cloud;
use smarthost_core::dns::DomainName;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, cloud_line, CheckRequest, Report, Section, Status};
use std::net::Ipv4Addr;

/// Exit status for a report with error findings.
pub struct Failed;

#[derive(clap::Args)]
pub struct Args {
    /// The mail domain to check
    #[arg(value_name = "DOMAIN", required_unless_present = "inventory")]
    domain: Option<String>,
    /// A public IPv4 address a device sends from (repeat for several)
    #[arg(long, value_name = "IPv4", value_parser = Value::new(ipv4))]
    ip: Vec<Ipv4Addr>,
    /// The way the devices send, for the SPF advice
    #[arg(long, value_name = "M", value_parser = Value::one_of(method, methods))]
    method: Option<MethodId>,
    /// A draft SPF record to check instead of the published one
    #[arg(long, value_name = "RECORD", allow_hyphen_values = true)]
    record: Option<String>,
    /// The tenant's Microsoft 365 cloud [default: from the MX record]
    #[arg(long, value_name = "C", value_parser = common::CLOUD)]
    cloud: Option<Cloud>,
    /// Check every device of this inventory (devices.toml) instead of one domain
    #[arg(long, value_name = "FILE", conflicts_with_all = ["domain", "ip", "method", "record", "cloud"])]
    inventory: Option<std::path::PathBuf>,
    /// The language of the report [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    #[command(flatten)]
    resolver: ResolverArgs,
    /// The report as JSON
    #[arg(long)]
    json: bool,
}

/// The methods whose DNS this check can advise on.
pub(crate) const METHODS: [MethodId; 4] = [
    MethodId::ClientSubmission,
    MethodId::DirectSend,
    MethodId::RelayIp,
    MethodId::RelayCert,
];

pub(crate) fn methods() -> Vec<&'static str> {
    METHODS.map(MethodId::as_str).to_vec()
}

/// `--method M`: one of [`METHODS`].
pub(crate) fn method(value: &str) -> Result<MethodId, Usage> {
    MethodId::parse(value)
        .filter(|m| METHODS.contains(m))
        .ok_or_else(|| {
            Usage(format!(
                "--method must be {}, not `{value}`",
                common::either(&methods())
            ))
        })
}

/// `--ip IPv4`.
fn ipv4(value: &str) -> Result<Ipv4Addr, Usage> {
    value.trim().parse::<Ipv4Addr>().map_err(|_| {
        Usage(format!(
            "--ip: `{value}` is not an IPv4 address (connectors and this check take IPv4 only)"
        ))
    })
}

pub fn run(args: Args) -> Result<Option<Failed>> {
    let Args {
        domain: typed_domain,
        inventory,
        ip: ips,
        method,
        record: draft,
        cloud,
        lang,
        resolver,
        json: json_out,
    } = args;
    let lang = lang.unwrap_or_default();
    if let Some(path) = inventory {
        return crate::check_inventory::run(&path, lang, resolver, json_out);
    }
    let typed_domain = typed_domain.unwrap_or_default();
    // Read once --lang is known, so a bad name is explained in that language.
    let domain = DomainName::parse(&typed_domain)
        .map_err(|e| Usage(format!("check: {}", e.message(lang))))?;
    let request = CheckRequest {
        domain,
        ips,
        method,
        cloud,
        draft,
    };
    let resolver = resolver.build(lang)?;
    let report = block_on(check_domain(&resolver, &request));
    let written = if json_out {
        outln!("{}", serde_json::to_string_pretty(&to_json(&report, lang))?)
    } else {
        out!("{}", to_text(&report, lang))
    };
    // The exit status is the check's verdict, whether or not the reader took all of it
    // (`smarthost check … | head` in a pipeline with pipefail still sees the failure).
    if let Err(error) = written {
        if !error.is::<StdoutClosed>() {
            return Err(error);
        }
    }
    Ok(report.has_errors().then_some(Failed))
}

/// The report as JSON, its words (findings, reasons, the DMARC meaning) in `lang`.
pub(crate) fn to_json(report: &Report, lang: Lang) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code,
                "severity": f.severity,
                "section": f.section,
                "message": f.message(lang),
                "fix": f.fix(lang),
            })
        })
        .collect();
    let reasons: Vec<String> = report
        .spf
        .suggestion_reasons
        .iter()
        .map(|r| r.render(lang))
        .collect();
    json!({
        "domain": report.domain,
        "cloud": report.cloud.id(),
        "cloud_source": report.cloud_source,
        "mx": {
            "status": report.status(Section::Mx).as_str(),
            "kind": report.mx.kind.map(|k| k.as_str()),
            "hosts": report.mx.hosts.iter().map(|h| h.host.as_str()).collect::<Vec<_>>(),
            "records": report.mx.hosts,
            "smart_host": report.mx.smart_host,
        },
        "spf": {
            "status": report.status(Section::Spf).as_str(),
            "record": report.spf.record,
            "lookups": report.spf.lookups,
            "includes_microsoft": report.spf.includes_microsoft,
            "result_for_ip": report.spf.result_for_ip,
            "suggested_record": report.spf.suggested_record,
            "suggestion_reasons": reasons,
            "tree": report.spf.tree,
        },
        "dkim": dkim_json(report, lang),
        "dmarc": {
            "status": report.status(Section::Dmarc).as_str(),
            "record": report.dmarc.record,
            "policy": report.dmarc.policy,
            "meaning": report.dmarc.meaning.as_ref().map(|m| m.render(lang)),
        },
        "findings": findings,
        "verdicts": verdicts_json(report, lang),
    })
}

/// One answer per device: its outcome and case as codes, the sentence in `lang`, and the
/// sections that decided it or could not be checked.
fn verdicts_json(report: &Report, lang: Lang) -> serde_json::Value {
    let verdicts: Vec<serde_json::Value> = report
        .verdicts
        .iter()
        .map(|v| {
            json!({
                "ip": v.ip,
                "method": v.method.map(MethodId::as_str),
                "outcome": v.outcome,
                "case": v.case.as_str(),
                "spf": v.spf.map(|r| r.as_str()),
                "dmarc_policy": v.policy,
                "deciding": v.deciding,
                "unknown": v.unknown,
                "text": v.line(lang),
            })
        })
        .collect();
    serde_json::Value::Array(verdicts)
}

/// The DKIM section as JSON: each selector's record, the rule it matches (as a code and
/// in words) and its key.
fn dkim_json(report: &Report, lang: Lang) -> serde_json::Value {
    let selectors: Vec<serde_json::Value> = report
        .dkim
        .selectors
        .iter()
        .map(|s| {
            let key = s.key_code().map(|state| {
                json!({
                    "state": state,
                    "type": s.key().map(|k| <&str>::from(&k.key_type)),
                    "bits": s.key().and_then(|k| k.bits),
                    "testing": s.key().is_some_and(|k| k.testing),
                    "record": s.key_record(),
                    "text": s.key_words(lang),
                })
            });
            json!({
                "selector": s.selector.host_label(),
                "name": s.name,
                "target": s.target(),
                "rule": s.rule_code(),
                "rule_text": s.rule(lang),
                "tenant": s.tenant(),
                "key": key,
            })
        })
        .collect();
    json!({
        "status": report.status(Section::Dkim).as_str(),
        "selectors": selectors,
        "meaning": report.dkim.meaning.as_ref().map(|m| m.render(lang)),
        "not_in_dns": i18n::format(lang, "dkim.not-in-dns", &[("domain", &report.domain)]),
    })
}

/// The report for a terminal, in `lang`; record values and finding codes stay as they are.
fn to_text(report: &Report, lang: Lang) -> String {
    let line = |key: &str, args: &[(&str, &str)]| i18n::format(lang, key, args);
    // A section whose lookup failed says so, never "none found".
    let unknown = |section| report.status(section) == Status::CouldNotCheck;
    let mut out = format!("{}\n", report.domain);
    if !report.verdicts.is_empty() {
        out.push_str(&format!("  {}\n", line("cli.check.verdicts", &[])));
        for verdict in &report.verdicts {
            let outcome = line(
                &format!("ui.verdict.outcome.{}", verdict.outcome.as_str()),
                &[],
            );
            out.push_str(&format!("    [{outcome}] {}\n", verdict.line(lang)));
        }
    }
    let mx = match (&report.mx.kind, &report.mx.smart_host) {
        (Some(kind), Some(host)) => line(
            "cli.check.mx-smart-host",
            &[("kind", kind.as_str()), ("host", host)],
        ),
        (Some(kind), None) => line("cli.check.mx", &[("kind", kind.as_str())]),
        (None, _) => line("cli.check.mx-unknown", &[]),
    };
    out.push_str(&format!("  {mx}\n"));
    out.push_str(&format!(
        "  {}\n",
        cloud_line(report.cloud, report.cloud_source, lang)
    ));
    // A record that was read is shown even when a later lookup (an include) failed;
    // the dns-error finding below says which.
    let spf = match &report.spf.record {
        Some(record) => i18n::format_count(
            lang,
            "cli.check.spf",
            report.spf.lookups as usize,
            &[("record", record)],
        ),
        None if unknown(Section::Spf) => line("cli.check.spf-unknown", &[]),
        None => line("cli.check.spf-none", &[]),
    };
    out.push_str(&format!("  {spf}\n"));
    for (ip, result) in &report.spf.result_for_ip {
        out.push_str(&format!("    {ip}: {}\n", result.as_str()));
    }
    if let Some(suggested) = &report.spf.suggested_record {
        let heading = line("cli.check.suggested", &[("record", suggested)]);
        out.push_str(&format!("  {heading}\n"));
        for reason in &report.spf.suggestion_reasons {
            out.push_str(&format!("    - {}\n", reason.render(lang)));
        }
    }
    for selector in &report.dkim.selectors {
        let rule = line(
            "cli.check.dkim",
            &[
                ("selector", selector.selector.host_label()),
                ("rule", &selector.rule(lang)),
            ],
        );
        out.push_str(&format!("  {rule}\n"));
        if let Some(target) = selector.target() {
            let target = line("cli.check.dkim-target", &[("target", target)]);
            out.push_str(&format!("    {target}\n"));
        }
        if let Some(key) = selector.key_words(lang) {
            let key = line("cli.check.dkim-key", &[("key", &key)]);
            out.push_str(&format!("    {key}\n"));
        }
    }
    if let Some(meaning) = &report.dkim.meaning {
        out.push_str(&format!("    {}\n", meaning.render(lang)));
        let where_to_look = line("dkim.not-in-dns", &[("domain", &report.domain)]);
        out.push_str(&format!("    {where_to_look}\n"));
    }
    let dmarc = match &report.dmarc.record {
        Some(record) => line("cli.check.dmarc", &[("record", record)]),
        None if unknown(Section::Dmarc) => line("cli.check.dmarc-unknown", &[]),
        None => line("cli.check.dmarc-none", &[]),
    };
    out.push_str(&format!("  {dmarc}\n"));
    if let (Some(_), Some(meaning)) = (&report.dmarc.record, &report.dmarc.meaning) {
        out.push_str(&format!("    {}\n", meaning.render(lang)));
    }
    for finding in &report.findings {
        let severity = finding.severity.as_str();
        let severity = line(&format!("cli.check.severity.{severity}"), &[]);
        let fix = line("cli.check.fix", &[("fix", &finding.fix(lang))]);
        out.push_str(&format!(
            "  [{severity}] {}: {}\n    {fix}\n",
            finding.code,
            finding.message(lang)
        ));
    }
    out
}
