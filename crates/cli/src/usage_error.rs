//! Reading the command line with clap, and clap's errors in smarthost's words: one line
//! that names the command and the mistake (`check: unknown option --colour; ...`), and
//! for a value, its validator's own message, which lists the allowed values.

use crate::cli::{self, Command};
use crate::{common, Invalid, Usage};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::FromArgMatches;
use std::ffi::OsString;

/// Why the command line does not lead to a command.
#[derive(Debug)]
pub enum Stop {
    /// `--help`, `help` or `--version`: the text to print on standard output (exit 0).
    Show(String),
    /// A command line that cannot be understood: the message and the overview (exit 2).
    Usage(Usage),
    /// A value understood but not acceptable: the message alone (exit 2).
    Invalid(Invalid),
}

/// Reads `args` (without the program name).
pub fn parse(args: &[OsString]) -> Result<Command, Stop> {
    let mut root = cli::command();
    let argv = std::iter::once(OsString::from("smarthost")).chain(args.iter().cloned());
    let matches = root
        .try_get_matches_from_mut(argv)
        .map_err(|error| stop(&error, &root, args))?;
    cli::Cli::from_arg_matches(&matches)
        .map(|cli| cli.command)
        .map_err(|error| stop(&error, &root, args))
}

/// The command `args` name before their first option (`spf eval`), and its clap command.
fn command_path<'a>(root: &'a clap::Command, args: &[OsString]) -> (String, &'a clap::Command) {
    let mut names = Vec::new();
    let mut command = root;
    for name in args.iter().map_while(|a| a.to_str()) {
        match command.find_subcommand(name) {
            Some(sub) if name != "help" => {
                names.push(name);
                command = sub;
            }
            _ => break,
        }
    }
    (names.join(" "), command)
}

fn stop(error: &clap::Error, root: &clap::Command, args: &[OsString]) -> Stop {
    let (path, command) = command_path(root, args);
    let prefix = if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    };
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // `--out <DIR>` as clap names it: `--out`.
    let arg = text(ContextKind::InvalidArg);
    let flag = arg.split([' ', '=']).next().unwrap_or_default().to_owned();
    let value = text(ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Stop::Show(error.render().to_string())
        }
        // Our validators' messages, as they are.
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(source) => match source.downcast_ref::<Invalid>() {
                Some(invalid) => return Stop::Invalid(Invalid(invalid.0.clone())),
                None => source.to_string(),
            },
            None => format!("{flag}: `{value}` is not a valid value"),
        },
        ErrorKind::InvalidValue if value.is_empty() => format!("{flag} needs a value"),
        ErrorKind::InvalidValue => {
            let valid = strings(ContextKind::ValidValue);
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            format!("{flag} must be {}, not `{value}`", common::either(&valid))
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals if flag.starts_with('-') => {
            format!("{flag} does not take a value")
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            let suggested = strings(ContextKind::SuggestedArg);
            let hint = match suggested.first() {
                Some(suggested) => format!(" (did you mean {suggested}?)"),
                None => String::new(),
            };
            format!(
                "{prefix}unknown option {flag}{hint}; the options are: {}",
                options(command)
            )
        }
        ErrorKind::UnknownArgument => format!("{prefix}unexpected argument `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand);
            let hint = match strings(ContextKind::SuggestedSubcommand).first() {
                Some(suggested) => format!("; did you mean `{suggested}`?"),
                None => String::new(),
            };
            if path.is_empty() {
                format!("unknown command `{sub}`{hint}")
            } else {
                format!(
                    "{path}: unknown subcommand `{sub}`; try {}",
                    subcommands(&path, command)
                )
            }
        }
        // A command without its subcommand is an error, not a request for help.
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            if path.is_empty() =>
        {
            "a command is required".to_owned()
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!(
                "{path}: a subcommand is required: {}",
                subcommands(&path, command)
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = strings(ContextKind::InvalidArg)
                .iter()
                .map(|arg| required(arg, command))
                .collect();
            format!("{prefix}{}", missing.join("; "))
        }
        // Anything else clap finds: its own first line.
        _ => {
            let rendered = error.render().to_string();
            let line = rendered.lines().next().unwrap_or_default();
            format!("{prefix}{}", line.trim_start_matches("error: "))
        }
    };
    Stop::Usage(Usage(message))
}

/// `a DOMAIN is required`, `--ip is required`, and for a closed set, its values.
fn required(arg: &str, command: &clap::Command) -> String {
    if let Some(name) = arg.strip_prefix('<') {
        return format!("a {} is required", name.trim_end_matches('>'));
    }
    let flag = arg.split(' ').next().unwrap_or_default();
    let values: Vec<String> = command
        .get_arguments()
        .find(|a| a.get_long().is_some_and(|long| flag == format!("--{long}")))
        .map(|a| {
            a.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect()
        })
        .unwrap_or_default();
    if values.is_empty() {
        format!("{flag} is required")
    } else {
        format!("{flag} is required: one of {}", values.join(", "))
    }
}

/// The command's options, as a list for an unknown one.
fn options(command: &clap::Command) -> String {
    let names: Vec<String> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long())
        .filter(|long| !matches!(*long, "help" | "version"))
        .map(|long| format!("--{long}"))
        .collect();
    if names.is_empty() {
        "--help, --version".to_owned()
    } else {
        names.join(", ")
    }
}

/// `spf eval`, for a command with subcommands.
fn subcommands(path: &str, command: &clap::Command) -> String {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| format!("`{path} {}`", sub.get_name()))
        .collect();
    names.join(", ")
}
