//! `smarthost`: the command-line face of smarthost-core.
//!
//! Commands so far: `methods` (the comparison matrix), `plan` (ranks the methods for a
//! questionnaire's answers), `card` (a device's config card) and `connector` (connector
//! steps), `spf eval` (RFC 7208 check_host), `check` (MX, SPF, DMARC findings) and `build`
//! (the setup guides as a static site).

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod args;
mod build;
mod card;
mod check;
mod common;
mod connector;
mod http;
mod methods;
mod output;
mod plan;
mod resolver;
mod spf;

use output::{outln, StdoutClosed};
use std::process::ExitCode;

const USAGE: &str = "usage: smarthost <command> [options]

commands:
  methods [--cloud C] [--lang en|vi] [--today YYYY-MM-DD] [--json]
                     the ways to send through Microsoft 365, compared
  plan [--<question> <value> ...] [--answers FILE.json] [--lang en|vi]
       [--today YYYY-MM-DD] [--json]
                     rank the ways to send for your answers
  card --method ID --device NAME --from ADDR [--domain D] [--smart-host H] [--ip IP]
       [--location L] [--model M] [--username U] [--cloud C] [--client device|application]
       [--today YYYY-MM-DD] [--lang en|vi] [--format html|text|json]
                     one device's config card
  connector --kind relay-ip|relay-cert|partner [--ips IP,..] [--cert-name NAME]
       [--sender-domains D,..] [--name NAME] [--cloud C] [--client device|application]
       [--lang en|vi] [--json]
                     connector steps for the Exchange admin center and PowerShell
  spf eval --ip IP [--sender ADDR] [--helo NAME] [--domain D] [--record RECORD]
       [--lang en|vi] [--doh URL | --doh-json URL] [--timeout MS] [--json]
                     the SPF result (RFC 7208 check_host) with its trace
  check DOMAIN [--ip IPv4]... [--method M] [--record RECORD] [--cloud C] [--lang en|vi]
       [--doh URL | --doh-json URL] [--timeout MS] [--json]
                     MX, SPF and DMARC findings; exit 1 when one is an error
  build [--guide DIR] [--out DIR] [--base-url URL] [--lang en,vi] [--fragments]
       [--app-url URL] [--allow-html] [--today YYYY-MM-DD]
                     the setup guides as a static site (default: guide/ into guide-site/)
  help               this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `smarthost <command> --help` is what people type first: show the usage, run nothing.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        // A closed pipe while showing the usage is nothing to report.
        let _ = outln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let result = match args.first().map(String::as_str) {
        Some("methods") => methods::run(&args[1..]),
        Some("plan") => plan::run(&args[1..]),
        Some("card") => card::run(&args[1..]),
        Some("connector") => connector::run(&args[1..]),
        Some("spf") => spf::run(&args[1..]),
        Some("build") => build::run(&args[1..]),
        Some("check") => match check::run(&args[1..]) {
            Ok(Some(check::Failed)) => return ExitCode::from(1),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
        Some("help" | "--help" | "-h") => outln!("{USAGE}"),
        Some("--version" | "-V") => outln!("smarthost {}", env!("CARGO_PKG_VERSION")),
        Some(other) => Err(Usage(format!("unknown command `{other}`")).into()),
        None => Err(Usage("a command is required".to_owned()).into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is::<StdoutClosed>() => ExitCode::SUCCESS,
        Err(error) if error.is::<Usage>() => {
            eprintln!("smarthost: {error}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(error) if error.is::<Invalid>() => {
            eprintln!("smarthost: {error}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("smarthost: error: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// A command line that cannot be understood: exit status 2.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Values that the command understood but that are not valid (a private IP, a malformed
/// address): exit status 2, with one line per field and no usage text.
#[derive(Debug)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}
