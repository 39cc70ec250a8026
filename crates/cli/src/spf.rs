//! `smarthost spf eval`: check_host for one IP, sender and HELO, optionally with a draft
//! record in place of the published one.

use crate::common::{self, Value};
use crate::output::outln;
use crate::resolver::ResolverArgs;
use crate::Usage;
use anyhow::Result;
use futures::executor::block_on;
use serde_json::json;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::spf::eval::{check_host, SpfQuery};
use smarthost_core::spf::identity::{check_helo_then_mail_from, Identity};
use std::net::IpAddr;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// The IPv4 or IPv6 address that sends
    #[arg(long, value_name = "IP", value_parser = Value::new(ip_address))]
    ip: IpAddr,
    /// The MAIL FROM address
    #[arg(long, value_name = "ADDR", allow_hyphen_values = true)]
    sender: Option<String>,
    /// The HELO/EHLO name (checked first, as a receiver does)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    helo: Option<String>,
    /// Check this one domain instead of the sender's and HELO's
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    domain: Option<String>,
    /// A draft SPF record to evaluate instead of the published one
    #[arg(long, value_name = "RECORD", allow_hyphen_values = true)]
    record: Option<String>,
    /// The language of the text [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    #[command(flatten)]
    resolver: ResolverArgs,
    /// The result and trace as JSON
    #[arg(long)]
    json: bool,
}

/// `--ip IP`.
fn ip_address(value: &str) -> Result<IpAddr, Usage> {
    value
        .trim()
        .parse::<IpAddr>()
        .map_err(|_| Usage(format!("--ip: `{value}` is not an IPv4 or IPv6 address")))
}

pub fn eval(args: EvalArgs) -> Result<()> {
    let EvalArgs {
        ip,
        sender,
        helo,
        domain,
        record,
        lang,
        resolver,
        json: json_out,
    } = args;
    let (sender, helo) = (sender.unwrap_or_default(), helo.unwrap_or_default());
    let lang = lang.unwrap_or_default();
    if domain.is_none() && sender.trim().is_empty() && helo.trim().is_empty() {
        return Err(Usage("spf eval: give --sender, --helo or --domain".to_owned()).into());
    }
    let resolver = resolver.build(lang)?;
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let received_by = ("smarthost", timestamp);
    // With --domain that one domain is checked; otherwise the identities are checked as
    // a receiver does (RFC 7208 2.3, 2.4): HELO first when given, then MAIL FROM.
    let (query, evaluation, identity, helo_check) = if domain.is_some() || record.is_some() {
        // One domain (--domain), or a draft, which stands for the record of the MAIL
        // FROM (or HELO) domain only.
        let mut query =
            SpfQuery::mail_from(ip, &sender, &helo).received_by(received_by.0, received_by.1);
        if let Some(domain) = &domain {
            query.domain = SpfQuery::helo(ip, domain).domain;
        }
        let evaluation = block_on(check_host(&resolver, &query, record.as_deref()));
        (query, evaluation, None, None)
    } else {
        let checks = block_on(check_helo_then_mail_from(
            &resolver,
            ip,
            &helo,
            &sender,
            received_by,
        ));
        let (query, evaluation, helo_check) = match checks.decided_by {
            Identity::MailFrom => (
                SpfQuery::mail_from(ip, &sender, &helo),
                checks.mail_from,
                checks.helo,
            ),
            Identity::Helo => (SpfQuery::helo(ip, &helo), checks.helo, None),
        };
        let evaluation =
            evaluation.ok_or_else(|| anyhow::anyhow!("spf eval: no identity was checked"))?;
        (query, evaluation, Some(checks.decided_by), helo_check)
    };
    if json_out {
        let value = json!({
            "identity": identity,
            "helo": helo_check.as_ref().map(|h| json!({
                "domain": SpfQuery::helo(ip, &helo).domain,
                "result": h.result.as_str(),
                "problem": h.problem,
            })),
            "domain": query.domain,
            "ip": ip.to_string(),
            "result": evaluation.result.as_str(),
            "explanation": evaluation.explanation,
            "lookups": evaluation.lookups,
            "void_lookups": evaluation.void_lookups,
            "decisive": evaluation.decisive,
            "problem": evaluation.problem,
            "trace": evaluation.trace,
        });
        outln!("{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    // The JSON above is a contract and stays English; the text is for a person.
    let line = |key: &str, args: &[(&str, &str)]| i18n::format(lang, key, args);
    let ip = ip.to_string();
    outln!(
        "{}",
        line(
            "cli.spf.headline",
            &[
                ("result", evaluation.result.as_str()),
                ("ip", &ip),
                ("domain", &query.domain)
            ]
        )
    )?;
    let helo_name = SpfQuery::helo(query.ip, &helo).domain;
    if identity == Some(Identity::Helo) && !sender.trim().is_empty() {
        outln!(
            "  {}",
            line("cli.spf.helo-decided", &[("helo", &helo_name)])
        )?;
    }
    if let Some(helo_check) = &helo_check {
        let helo_line = line(
            "cli.spf.helo-checked",
            &[("helo", &helo_name), ("result", helo_check.result.as_str())],
        );
        outln!("  {helo_line}")?;
    }
    if let Some(problem) = &evaluation.problem {
        let problem = problem.message(lang);
        outln!("  {}", line("cli.spf.why", &[("problem", &problem)]))?;
    }
    if let Some(explanation) = &evaluation.explanation {
        let explanation = line("cli.spf.explanation", &[("explanation", explanation)]);
        outln!("  {explanation}")?;
    }
    let counts = line(
        "cli.spf.counts",
        &[
            ("count", &evaluation.lookups.to_string()),
            ("voids", &evaluation.void_lookups.to_string()),
        ],
    );
    outln!("  {counts}")?;
    for (index, entry) in evaluation.trace.iter().enumerate() {
        let marker = if evaluation.decisive == Some(index) {
            "=>"
        } else {
            "  "
        };
        let indent = "  ".repeat(entry.depth as usize);
        let note = entry
            .note
            .as_ref()
            .map(|n| format!(" ({})", n.message(lang)))
            .unwrap_or_default();
        outln!(
            "  {marker} {indent}{} [{}] {}{note}",
            entry.domain,
            entry.outcome.as_str(),
            entry.term
        )?;
    }
    Ok(())
}
