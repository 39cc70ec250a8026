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
    // RFC 7208 2.3/2.4: the MAIL FROM's domain, or the HELO name when MAIL FROM is empty.
    let domain = domain
        .or_else(|| sender.rsplit_once('@').map(|(_, d)| d.to_owned()))
        .or_else(|| (!sender.trim().is_empty() && !sender.contains('@')).then(|| sender.clone()))
        .or_else(|| (!helo.trim().is_empty()).then(|| helo.clone()))
        .ok_or_else(|| Usage("spf eval: give --sender, --helo or --domain".to_owned()))?;
    let resolver = resolver.build(lang)?;
    let query = SpfQuery {
        ip,
        sender,
        helo,
        domain: domain.trim().trim_end_matches('.').to_ascii_lowercase(),
        receiver: "smarthost".to_owned(),
        timestamp: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    };
    let evaluation = block_on(check_host(&resolver, &query, record.as_deref()));
    if json_out {
        let value = json!({
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
            entry.outcome,
            entry.term
        )?;
    }
    Ok(())
}
