//! `smarthost explain [FILE]`: what a bounce, a device's SMTP log line or the error a
//! device shows means, from core's `bounce::explain`. Reads FILE, or standard input when
//! FILE is `-` or absent. Exit 0 when a known bounce is found, 3 when none is (the codes
//! found are still listed), 1 when the input cannot be read.

use crate::check;
use crate::common::{self, Value};
use crate::output::outln;
use anyhow::{Context, Result};
use smarthost_core::bounce::{self, Link, Worded};
use smarthost_core::i18n::{self, Lang};
use smarthost_core::method::MethodId;
use std::io::{self, Read};
use std::path::PathBuf;

/// Exit status when nothing in the input is a known bounce.
pub struct NotRecognised;

#[derive(clap::Args)]
pub struct Args {
    /// The text to explain: a file, or `-` (the default) for standard input
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// The way the device sends, to tailor the fix
    #[arg(long, value_name = "M", value_parser = Value::one_of(check::method, check::methods))]
    method: Option<MethodId>,
    /// The language of the explanation [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The explanation as JSON (stable ids and codes, words in the language)
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<Option<NotRecognised>> {
    let lang = args.lang.unwrap_or(Lang::En);
    let (start, total) = match args.file.as_deref() {
        None => read_start(io::stdin().lock()).context("reading standard input")?,
        Some(path) if path.as_os_str() == "-" => {
            read_start(io::stdin().lock()).context("reading standard input")?
        }
        Some(path) => {
            let unreadable = |error: &dyn std::fmt::Display| {
                let file = path.display().to_string();
                let error = error.to_string();
                i18n::format(
                    lang,
                    "cli.explain.unreadable",
                    &[("file", &file), ("error", &error)],
                )
            };
            let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!(unreadable(&e)))?;
            read_start(file).map_err(|e| anyhow::anyhow!(unreadable(&e)))?
        }
    };
    let explanation = bounce::explain_start(&start, total, args.method);
    let worded = explanation.in_lang(lang);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&worded)?)?;
    } else {
        print_text(&worded, lang)?;
    }
    Ok((!worded.recognised).then_some(NotRecognised))
}

/// The first [`bounce::MAX_READ`] bytes of `reader` as text (bytes that are not UTF-8
/// become U+FFFD) and the input's whole length; the rest is counted, not kept, so a huge
/// input costs no memory.
fn read_start(reader: impl Read) -> io::Result<(String, usize)> {
    let mut reader = reader;
    let mut start = Vec::new();
    let limit = u64::try_from(bounce::MAX_READ).unwrap_or(u64::MAX);
    (&mut reader).take(limit).read_to_end(&mut start)?;
    let rest = io::copy(&mut reader, &mut io::sink())?;
    let total = start.len() + usize::try_from(rest).unwrap_or(usize::MAX - start.len());
    Ok((String::from_utf8_lossy(&start).into_owned(), total))
}

fn print_text(worded: &Worded, lang: Lang) -> Result<()> {
    let t = |key: &str| i18n::text(lang, key);
    if !worded.codes.is_empty() {
        outln!(
            "{}",
            i18n::format(lang, "bounce.codes", &[("codes", &worded.codes.join(", "))])
        )?;
    }
    for found in &worded.matches {
        outln!()?;
        outln!("{} ({})", found.code, found.id)?;
        if let Some(note) = &found.unconfirmed {
            outln!("  {note}")?;
        }
        outln!("  {}: {}", t("bounce.what"), found.what)?;
        outln!("  {}: {}", t("bounce.why"), found.why)?;
        outln!("  {}: {}", t("bounce.fix"), found.fix)?;
        if let Some(tailored) = &found.tailored {
            outln!("  {tailored}")?;
        }
        for link in &found.links {
            outln!("  -> {}", command_for(link))?;
        }
    }
    if !worded.notes.is_empty() {
        outln!()?;
    }
    for note in &worded.notes {
        outln!("{note}")?;
    }
    Ok(())
}

/// The smarthost command that does what a link's screen does.
fn command_for(link: &Link) -> String {
    match link {
        Link::Check { domain, ip, method } => {
            let mut command = format!("smarthost check {}", domain.as_deref().unwrap_or("DOMAIN"));
            if let Some(ip) = ip {
                command.push_str(&format!(" --ip {ip}"));
            }
            if let Some(method) = method {
                command.push_str(&format!(" --method {}", method.as_str()));
            }
            command
        }
        Link::Connector { kind, ip, domain } => {
            let mut command = format!("smarthost connector --kind {kind}");
            if let Some(ip) = ip {
                command.push_str(&format!(" --ips {ip}"));
            }
            if let Some(domain) = domain {
                command.push_str(&format!(" --sender-domains {domain}"));
            }
            command
        }
        Link::Card { method, domain, ip } => {
            let mut command = format!("smarthost card --method {} --device NAME", method.as_str());
            let from = domain
                .as_deref()
                .map_or("ADDR".to_owned(), |d| format!("device@{d}"));
            command.push_str(&format!(" --from {from}"));
            if let Some(ip) = ip {
                command.push_str(&format!(" --ip {ip}"));
            }
            command
        }
    }
}
