//! `smarthost probe HOST[:PORT]`: run from the device's network, what a device would meet
//! at an SMTP server (reachability, banner, EHLO, STARTTLS, TLS version and cipher, the
//! certificate, the AUTH mechanisms), as findings. It never signs in and never sends a
//! message. The dialogue is in `dialogue.rs`; the result and its findings are core's
//! (`smarthost_core::probe`); this module reads the options and prints.

mod certificate;
mod connect;
mod dialogue;
mod render;
mod tls;
mod wire;

use crate::common::{self, Value};
use crate::output::{out, outln, StdoutClosed};
use crate::Usage;
use anyhow::Result;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::probe::{self, findings, target};
use smarthost_core::report::Severity;
use std::time::Duration;

/// The connection and each reply must come within this by default.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// Exit status for a probe with error findings.
pub struct Failed;

#[derive(clap::Args)]
pub struct Args {
    /// The server: a name or an address, with :PORT [default port: 587 for a
    /// submission host such as smtp.office365.com, else 25]
    #[arg(value_name = "HOST[:PORT]")]
    target: String,
    /// Milliseconds to wait for the connection and for each reply, 1 to 60000 [default: 5000]
    #[arg(long, value_name = "MS", value_parser = Value::new(crate::resolver::timeout))]
    timeout: Option<Duration>,
    /// The language of the report [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The day the certificate's dates are compared with [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::TODAY)]
    today: Option<Date>,
    /// The result as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<Option<Failed>> {
    let lang = args.lang.unwrap_or_default();
    let target =
        target::parse(&args.target).map_err(|e| Usage(format!("probe: {}", e.message(lang))))?;
    let timeout = args.timeout.unwrap_or(DEFAULT_TIMEOUT);
    let today = args.today.unwrap_or_else(common::today);
    let result = dialogue::probe(&target, timeout);
    let found = findings(&result, today);
    let written = if args.json {
        let json = render::json(&result, &found, today, lang);
        outln!("{}", serde_json::to_string_pretty(&json)?)
    } else {
        out!("{}", render::text(&result, &found, today, lang))
    };
    if let Err(error) = written {
        if !error.is::<StdoutClosed>() {
            return Err(error);
        }
    }
    let failed = found.iter().any(|f| f.severity == Severity::Error);
    Ok(failed.then_some(Failed))
}

/// Kept so the JSON's `findings` and the text agree on what a finding shows.
fn finding_json(finding: &probe::ProbeFinding, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message(lang),
        "fix": finding.fix(lang),
    })
}
