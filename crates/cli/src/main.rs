//! `smarthost`: the command-line face of smarthost-core.
//!
//! Commands so far: `methods` (the comparison matrix), `plan` (ranks the methods for a
//! questionnaire's answers), `card` (a device's config card) and `connector` (connector
//! steps), `spf eval` (RFC 7208 check_host), `check` (MX, SPF, DKIM, DMARC, a verdict per
//! device), `explain` (what a bounce means), `probe` (what a device meets at an SMTP
//! server) and `build` (the setup guides as a static site).

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod build;
mod card;
mod check;
mod check_inventory;
mod cli;
mod common;
mod connector;
mod explain;
mod http;
mod methods;
mod output;
mod plan;
mod probe;
mod resolver;
mod spf;
mod usage_error;

use cli::{Command, SpfCommand};
use output::{out, StdoutClosed};
use std::process::ExitCode;
use usage_error::Stop;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let command = match usage_error::parse(&args) {
        Ok(command) => command,
        Err(Stop::Show(text)) => {
            // `--help`, `help` and `--version`; a closed pipe meanwhile is nothing to report.
            let _ = out!("{}\n", text.trim_end());
            return ExitCode::SUCCESS;
        }
        Err(Stop::Usage(usage)) => return exit(Err(usage.into())),
        Err(Stop::Invalid(invalid)) => return exit(Err(invalid.into())),
    };
    let result = match command {
        Command::Methods(args) => methods::run(args),
        Command::Plan(args) => plan::run(args),
        Command::Card(args) => card::run(args),
        Command::Connector(args) => connector::run(args),
        Command::Spf {
            command: SpfCommand::Eval(args),
        } => spf::eval(args),
        Command::Build(args) => build::run(args),
        Command::Explain(args) => match explain::run(args) {
            Ok(Some(explain::NotRecognised)) => return ExitCode::from(3),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
        Command::Check(args) => match check::run(args) {
            Ok(Some(check::Failed)) => return ExitCode::from(1),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
        Command::Probe(args) => match probe::run(args) {
            Ok(Some(probe::Failed)) => return ExitCode::from(1),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        },
    };
    exit(result)
}

/// The exit status, with the error (if any) on standard error: 2 for a usage error (with
/// the overview) or an invalid value, 1 for a failure.
fn exit(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is::<StdoutClosed>() => ExitCode::SUCCESS,
        Err(error) if error.is::<Usage>() => {
            eprintln!("smarthost: {error}\n\n{}", cli::overview());
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
