//! `smarthost`: the command-line face of smarthost-core.
//!
//! Commands so far: `methods` prints the comparison matrix (as text or JSON). The plan,
//! card, connector, check, spf and build commands follow the project's issues.

mod methods;

use std::process::ExitCode;

const USAGE: &str = "usage: smarthost <command> [options]

commands:
  methods [--json]   the ways to send through Microsoft 365, compared
  help               this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("methods") => methods::run(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("--version" | "-V") => {
            println!("smarthost {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(Usage(format!("unknown command `{other}`")).into()),
        None => Err(Usage("a command is required".to_owned()).into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is::<Usage>() => {
            eprintln!("smarthost: {error}\n\n{USAGE}");
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
