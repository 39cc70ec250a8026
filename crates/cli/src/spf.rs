//! `smarthost spf eval`: check_host for one IP, sender and HELO, optionally with a draft
//! record in place of the published one.

use crate::args::parse;
use crate::output::outln;
use crate::resolver::ResolverChoice;
use crate::{common, Usage};
use anyhow::Result;
use futures::executor::block_on;
use serde_json::json;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::spf::eval::{check_host, SpfQuery};
use smarthost_core::spf::identity::{check_helo_then_mail_from, Identity};
use std::net::IpAddr;

pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("eval") => eval(&args[1..]),
        Some(other) => {
            Err(Usage(format!("spf: unknown subcommand `{other}`; try `spf eval`")).into())
        }
        None => Err(Usage("spf: a subcommand is required: spf eval --ip IP ...".to_owned()).into()),
    }
}

fn eval(args: &[String]) -> Result<()> {
    let (opts, positional) = parse(args, |name| name != "json")?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("spf eval: unexpected argument `{extra}`")).into());
    }
    let (mut ip, mut sender, mut helo, mut domain, mut record, mut json_out) =
        (None, String::new(), String::new(), None, None, false);
    let mut lang = Lang::default();
    let mut resolver = ResolverChoice::default();
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        if resolver.take(&opt.name, &value)? {
            continue;
        }
        match opt.name.as_str() {
            "ip" => {
                ip = Some(value.trim().parse::<IpAddr>().map_err(|_| {
                    Usage(format!("--ip: `{value}` is not an IPv4 or IPv6 address"))
                })?)
            }
            "sender" => sender = value,
            "helo" => helo = value,
            "domain" => domain = Some(value),
            "record" => record = Some(value),
            "lang" => lang = common::lang(&value)?,
            "json" => json_out = true,
            other => return Err(Usage(format!("spf eval: unknown option --{other}")).into()),
        }
    }
    let ip = ip.ok_or_else(|| Usage("spf eval: --ip is required".to_owned()))?;
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
