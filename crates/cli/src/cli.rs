//! The command line, read by clap (derive): the commands, each with its arguments in its
//! own module, and the overview that `smarthost help` shows. clap's errors are worded as
//! smarthost's in `usage_error.rs`.

use crate::{build, card, check, connector, explain, methods, plan, probe, spf};
use clap::{Parser, Subcommand};

/// A command's synopsis (its flags) and one-line description: the overview shows every
/// command's, the command's own `--help` its own.
pub struct Synopsis {
    pub usage: &'static str,
    pub about: &'static str,
}

pub const METHODS: Synopsis = Synopsis {
    usage: "methods [--cloud C] [--lang en|vi] [--today YYYY-MM-DD] [--json]",
    about: "the ways to send through Microsoft 365, compared",
};

pub const PLAN: Synopsis = Synopsis {
    usage: "plan [--<question> <value> ...] [--answers FILE.json] [--lang en|vi]
       [--today YYYY-MM-DD] [--json]",
    about: "rank the ways to send for your answers",
};

pub const CARD: Synopsis = Synopsis {
    usage: "card --method ID --device NAME --from ADDR [--domain D] [--smart-host H] [--ip IP]
       [--location L] [--model M] [--username U] [--cloud C] [--client device|application]
       [--today YYYY-MM-DD] [--lang en|vi] [--format html|text|json]",
    about: "one device's config card",
};

pub const CONNECTOR: Synopsis = Synopsis {
    usage: "connector --kind relay-ip|relay-cert|partner [--ips IP,..] [--cert-name NAME]
       [--sender-domains D,..] [--name NAME] [--cloud C] [--client device|application]
       [--lang en|vi] [--json]",
    about: "connector steps for the Exchange admin center and PowerShell",
};

pub const SPF_EVAL: Synopsis = Synopsis {
    usage: "spf eval --ip IP [--sender ADDR] [--helo NAME] [--domain D] [--record RECORD]
       [--lang en|vi] [--doh URL | --doh-json URL] [--timeout MS] [--json]",
    about: "the SPF result (RFC 7208 check_host) with its trace",
};

pub const CHECK: Synopsis = Synopsis {
    usage: "check DOMAIN [--ip IPv4]... [--method M] [--record RECORD] [--cloud C] [--lang en|vi]
       [--doh URL | --doh-json URL] [--timeout MS] [--json]
   or: check --inventory FILE [--lang en|vi] [--doh URL | --doh-json URL] [--timeout MS] [--json]",
    about: "MX, SPF and DMARC findings; exit 1 when one is an error",
};

pub const EXPLAIN: Synopsis = Synopsis {
    usage: "explain [FILE] [--method M] [--lang en|vi] [--json]",
    about: "what a bounce or SMTP error means, and what to change; exit 3 if not recognised",
};

pub const PROBE: Synopsis = Synopsis {
    usage: "probe HOST[:PORT] [--timeout MS] [--lang en|vi] [--today YYYY-MM-DD] [--json]",
    about: "what a device meets at an SMTP server, from this network; exit 1 on an error",
};

pub const BUILD: Synopsis = Synopsis {
    usage: "build [--guide DIR] [--out DIR] [--base-url URL] [--lang en,vi] [--fragments]
       [--app-url URL] [--allow-html] [--today YYYY-MM-DD]",
    about: "the setup guides as a static site (default: guide/ into guide-site/)",
};

/// The overview's order.
pub const COMMANDS: [&Synopsis; 9] = [
    &METHODS, &PLAN, &CARD, &CONNECTOR, &SPF_EVAL, &CHECK, &EXPLAIN, &PROBE, &BUILD,
];

/// `usage: smarthost <command> [options]` and every command's synopsis: `smarthost help`,
/// `smarthost --help`, and what follows a usage error.
pub fn overview() -> String {
    let mut text = "usage: smarthost <command> [options]\n\ncommands:\n".to_owned();
    for synopsis in COMMANDS {
        text.push_str(&format!(
            "  {}\n{:21}{}\n",
            synopsis.usage, "", synopsis.about
        ));
    }
    text.push_str("  help               this text");
    text
}

/// A command's own usage line, as its `--help` shows it after `Usage: `.
fn usage(synopsis: &Synopsis) -> String {
    format!("smarthost {}", synopsis.usage)
}

#[derive(Parser)]
#[command(
    name = "smarthost",
    version,
    about = "How printers, scanners and applications send mail through Microsoft 365",
    subcommand_required = true,
    // As before clap: a repeated option takes its last value (lists accumulate).
    args_override_self = true,
    disable_help_subcommand = false
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    #[command(override_usage = usage(&METHODS), about = METHODS.about)]
    Methods(methods::Args),
    #[command(override_usage = usage(&PLAN), about = PLAN.about)]
    Plan(plan::Args),
    #[command(override_usage = usage(&CARD), about = CARD.about)]
    Card(card::Args),
    #[command(override_usage = usage(&CONNECTOR), about = CONNECTOR.about)]
    Connector(connector::Args),
    #[command(about = SPF_EVAL.about, subcommand_required = true, disable_help_subcommand = true)]
    Spf {
        #[command(subcommand)]
        command: SpfCommand,
    },
    #[command(override_usage = usage(&CHECK), about = CHECK.about)]
    Check(check::Args),
    #[command(override_usage = usage(&EXPLAIN), about = EXPLAIN.about)]
    Explain(explain::Args),
    #[command(override_usage = usage(&PROBE), about = PROBE.about)]
    Probe(probe::Args),
    #[command(override_usage = usage(&BUILD), about = BUILD.about)]
    Build(build::Args),
}

#[derive(Subcommand)]
pub enum SpfCommand {
    #[command(override_usage = usage(&SPF_EVAL), about = SPF_EVAL.about)]
    Eval(spf::EvalArgs),
}

/// The clap command with the overview as the top-level help.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().override_help(overview())
}

#[cfg(test)]
mod tests {
    use super::*;
    use smarthost_core::plan::question;

    /// Each command's synopsis names every option it takes (the question flags of `plan`
    /// stand as `--<question> <value>`), so the overview cannot fall behind the parser.
    #[test]
    fn every_synopsis_names_every_option() {
        let root = command();
        let commands = root.get_subcommands().flat_map(|sub| {
            let nested: Vec<_> = sub.get_subcommands().cloned().collect();
            if nested.is_empty() {
                vec![(sub.get_name().to_owned(), sub.clone())]
            } else {
                let parent = sub.get_name().to_owned();
                nested
                    .into_iter()
                    .map(|n| (format!("{parent} {}", n.get_name()), n))
                    .collect()
            }
        });
        let mut seen = 0;
        for (name, sub) in commands {
            let synopsis = COMMANDS
                .iter()
                .find(|s| s.usage.starts_with(&format!("{name} ")))
                .unwrap_or_else(|| panic!("no synopsis for {name}"));
            for arg in sub.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                if long == "help" || (name == "plan" && question(long).is_some()) {
                    continue;
                }
                assert!(
                    synopsis.usage.contains(&format!("--{long}")),
                    "{name}: the synopsis lacks --{long}"
                );
            }
            seen += 1;
        }
        assert_eq!(seen, COMMANDS.len());
    }

    #[test]
    fn the_parser_is_well_formed() {
        command().debug_assert();
    }
}
