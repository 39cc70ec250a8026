//! `smarthost check DOMAIN`: MX, SPF and DMARC for a domain and its devices' IPs, as
//! findings with stable codes. Exit 1 when a finding is an error.

use crate::args::parse;
use crate::output::{out, outln, StdoutClosed};
use crate::resolver::ResolverChoice;
use crate::{common, Usage};
use anyhow::Result;
use futures::executor::block_on;
use serde_json::json;
use smarthost_core::dns::DomainName;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, cloud_line, CheckRequest, Report, Section, Status};
use std::net::Ipv4Addr;

/// Exit status for a report with error findings.
pub struct Failed;

pub fn run(args: &[String]) -> Result<Option<Failed>> {
    let (opts, positional) = parse(args, |name| name != "json")?;
    let typed_domain = match positional.as_slice() {
        [domain] => domain,
        [] => return Err(Usage("check: a DOMAIN is required".to_owned()).into()),
        [_, extra, ..] => return Err(Usage(format!("check: unexpected argument `{extra}`")).into()),
    };
    let (mut ips, mut method, mut draft, mut cloud) = (Vec::new(), None, None, None);
    let (mut lang, mut json_out) = (Default::default(), false);
    let mut resolver = ResolverChoice::default();
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        if resolver.take(&opt.name, &value)? {
            continue;
        }
        match opt.name.as_str() {
            "ip" => ips.push(value.trim().parse::<Ipv4Addr>().map_err(|_| {
                Usage(format!("--ip: `{value}` is not an IPv4 address (connectors and this check take IPv4 only)"))
            })?),
            "method" => {
                method = Some(
                    MethodId::parse(&value)
                        .filter(|m| {
                            matches!(
                                m,
                                MethodId::ClientSubmission | MethodId::DirectSend | MethodId::RelayIp | MethodId::RelayCert
                            )
                        })
                        .ok_or_else(|| {
                            Usage(format!(
                                "--method must be client-submission, direct-send, relay-ip or relay-cert, not `{value}`"
                            ))
                        })?,
                )
            }
            "record" => draft = Some(value),
            "cloud" => cloud = Some(common::cloud(&value)?),
            "lang" => lang = common::lang(&value)?,
            "json" => json_out = true,
            other => return Err(Usage(format!("check: unknown option --{other}")).into()),
        }
    }
    // Read once --lang is known, so a bad name is explained in that language.
    let domain = DomainName::parse(typed_domain)
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
fn to_json(report: &Report, lang: Lang) -> serde_json::Value {
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
        "dmarc": {
            "status": report.status(Section::Dmarc).as_str(),
            "record": report.dmarc.record,
            "policy": report.dmarc.policy,
            "meaning": report.dmarc.meaning.as_ref().map(|m| m.render(lang)),
        },
        "findings": findings,
    })
}

/// The report for a terminal, in `lang`; record values and finding codes stay as they are.
fn to_text(report: &Report, lang: Lang) -> String {
    let line = |key: &str, args: &[(&str, &str)]| i18n::format(lang, key, args);
    // A section whose look-up failed says so, never "none found".
    let unknown = |section| report.status(section) == Status::CouldNotCheck;
    let mut out = format!("{}\n", report.domain);
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
    // A record that was read is shown even when a later look-up (an include) failed;
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
