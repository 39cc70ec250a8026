//! Usage errors: exit status 2 and a message on standard error that names the mistake.
//! No DNS is needed; `--doh` points at a closed port, so a usage error that slipped
//! through to a lookup would show as a DNS error (exit 1), not pass.

use std::process::Command;

#[test]
fn usage_errors_exit_2_and_say_which_error() {
    // (arguments, what the first line of standard error must say)
    let table: [(&[&str], &str); 9] = [
        (
            &["spf", "eval", "--domain", "ok.cli.test"],
            "--ip is required",
        ),
        (
            &[
                "spf",
                "eval",
                "--ip",
                "not-an-ip",
                "--domain",
                "ok.cli.test",
            ],
            "`not-an-ip` is not an IPv4 or IPv6 address",
        ),
        (
            &["spf", "eval", "--ip", "198.51.100.7"],
            "give --sender, --helo or --domain",
        ),
        (&["spf", "frobnicate"], "unknown subcommand `frobnicate`"),
        (&["check"], "a DOMAIN is required"),
        (&["check", "exa mple.com"], "cannot contain spaces"),
        (
            &["check", "ok.cli.test", "--ip", "2001:db8::1"],
            "`2001:db8::1` is not an IPv4 address",
        ),
        (
            &["check", "ok.cli.test", "--method", "hve"],
            "--method must be client-submission, direct-send, relay-ip or relay-cert, not `hve`",
        ),
        (
            &["check", "ok.cli.test", "--timeout", "0"],
            "--timeout takes milliseconds from 1 to 60000, not `0`",
        ),
    ];
    for (args, says) in table {
        let out = Command::new(env!("CARGO_BIN_EXE_smarthost"))
            .args(args)
            .args(["--doh", "http://127.0.0.1:9/dns-query"])
            .output()
            .unwrap_or_else(|e| panic!("running smarthost: {e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or_default();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            first.contains(says),
            "{args:?}: {first:?} should say {says:?}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?}: no report on a usage error"
        );
    }
}

fn smarthost(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"))
}

/// The flags the overview (`smarthost help`) gives a command, from its synopsis.
fn overview_flags(overview: &str, command: &str) -> Vec<String> {
    let start = overview
        .find(&format!("\n  {command} "))
        .unwrap_or_else(|| panic!("{command} is not in the overview"));
    // The synopsis runs until the description line, which is indented by 21 spaces.
    let block = &overview[start + 1..];
    let end = block.find(&format!("\n{:21}", "")).unwrap_or(block.len());
    let mut flags: Vec<String> = block[..end]
        .split(|c: char| c.is_whitespace() || c == '[' || c == ']')
        .filter(|word| word.starts_with("--") && !word.starts_with("--<"))
        .map(str::to_owned)
        .collect();
    flags.dedup();
    flags
}

/// Each command's `--help` is its own: its usage line and every flag the overview gives
/// it, and not another command's flags; `help COMMAND` says the same.
#[test]
fn each_command_has_its_own_help_with_the_overviews_flags() {
    let overview = String::from_utf8_lossy(&smarthost(&["help"]).stdout).into_owned();
    let commands: [&[&str]; 7] = [
        &["methods"],
        &["plan"],
        &["card"],
        &["connector"],
        &["spf", "eval"],
        &["check"],
        &["build"],
    ];
    for command in commands {
        let name = command.join(" ");
        let out = smarthost(&[command, &["--help"]].concat());
        assert_eq!(out.status.code(), Some(0), "{name}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains(&format!("\nUsage: smarthost {name} ")),
            "{name}: {help}"
        );
        assert!(!help.contains("commands:"), "{name}: not the overview");
        let flags = overview_flags(&overview, &name);
        assert!(flags.len() >= 2, "{name}: {flags:?}");
        for flag in flags {
            let listed = help.lines().any(|line| {
                line.strip_prefix("      ")
                    .and_then(|line| line.strip_prefix(flag.as_str()))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            });
            assert!(listed, "{name}: --help lacks {flag}: {help}");
        }
        let short = smarthost(&[command, &["-h"]].concat());
        assert_eq!(short.stdout, out.stdout, "{name} -h");
        let mut help_command = vec!["help"];
        help_command.extend_from_slice(command);
        assert_eq!(smarthost(&help_command).stdout, out.stdout, "help {name}");
    }
    let check = String::from_utf8_lossy(&smarthost(&["check", "--help"]).stdout).into_owned();
    assert!(check.starts_with("MX, SPF and DMARC findings; exit 1 when one is an error\n"));
    assert!(
        check.contains("--ip <IPv4>") && !check.contains("--kind"),
        "{check}"
    );
    // plan's flags come from core's question table, each with its values.
    let plan = String::from_utf8_lossy(&smarthost(&["plan", "--help"]).stdout).into_owned();
    assert!(
        plan.contains("--tls <VALUE>")
            && plan.contains("[possible values: 1.2, legacy, none, unknown]"),
        "{plan}"
    );
    assert!(plan.contains("--reject-direct-send <VALUE>"), "{plan}");
}

#[test]
fn version_is_printed_on_stdout() {
    for flag in ["--version", "-V"] {
        let out = smarthost(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("smarthost {}\n", env!("CARGO_PKG_VERSION"))
        );
        assert!(out.stderr.is_empty());
    }
}

/// A bad value's message names the option, the value and the values it may take; an
/// unknown option or command is named, with a suggestion when one is close. All exit 2
/// with the overview after the message.
#[test]
fn usage_errors_name_the_allowed_values() {
    let table: [(&[&str], &str); 10] = [
        (
            &["methods", "--cloud", "mars"],
            "smarthost: --cloud must be one of worldwide, gcc, gcc-high, dod, 21vianet, not `mars`",
        ),
        (
            &["methods", "--lang", "fr"],
            "smarthost: --lang must be en or vi, not `fr`",
        ),
        (
            &["card", "--method", "smtp"],
            "smarthost: --method must be one of client-submission, direct-send, relay-ip, relay-cert, hve, acs, onprem-relay, graph-api, not `smtp`",
        ),
        (
            &["card", "--method", "hve", "--format", "pdf"],
            "smarthost: --format must be html, text or json, not `pdf`",
        ),
        (
            &["connector", "--kind", "bridge"],
            "smarthost: --kind must be relay-ip, relay-cert or partner, not `bridge`",
        ),
        (
            &["connector", "--ips", "203.0.113.10"],
            "smarthost: connector: --kind is required: one of relay-ip, relay-cert, partner",
        ),
        (
            &["check", "ok.cli.test", "--ipp", "203.0.113.10"],
            "smarthost: check: unknown option --ipp (did you mean --ip?); the options are: --ip, --method, --record, --cloud, --inventory, --lang, --doh, --doh-json, --timeout, --json",
        ),
        (&["methods", "--json=yes"], "smarthost: --json does not take a value"),
        (&["methods", "--cloud"], "smarthost: --cloud needs a value"),
        (&["frobnicate"], "smarthost: unknown command `frobnicate`"),
    ];
    for (args, says) in table {
        let out = smarthost(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().next(), Some(says), "{args:?}");
        assert!(
            stderr.contains("\n\nusage: smarthost <command> [options]\n"),
            "{args:?}: the overview follows"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// Exit 2 without the overview for a value that was understood but is not acceptable;
/// exit 1 for a failure; exit 0 with no command run for help.
#[test]
fn exit_codes_tell_usage_from_invalid_from_failure() {
    let invalid = smarthost(&["build", "--base-url", "it.contoso.com/guide"]);
    assert_eq!(invalid.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&invalid.stderr);
    assert!(
        stderr.starts_with("smarthost: --base-url must be an absolute http(s) URL"),
        "{stderr}"
    );
    assert!(!stderr.contains("usage:"), "{stderr}");

    let dir = std::env::temp_dir().join(format!("smarthost-usage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let failed = Command::new(env!("CARGO_BIN_EXE_smarthost"))
        .args(["build", "--guide", "nowhere", "--lang", "en"])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("running smarthost: {e}"));
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).starts_with("smarthost: error: "));
    std::fs::remove_dir_all(&dir).ok();

    // `build --help` runs no build: nothing is written where it runs.
    let help = smarthost(&["build", "--help", "--out", "/nonexistent/out"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(!std::path::Path::new("/nonexistent/out").exists());
}

/// A repeated option takes its last value, as before clap; a repeated `--ip` adds one.
#[test]
fn a_repeated_option_takes_its_last_value() {
    let out = smarthost(&[
        "methods",
        "--cloud",
        "dod",
        "--cloud",
        "worldwide",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("office365.us"), "{text}");
    assert!(text.contains("smtp.office365.com"), "{text}");
}

/// A free-text value may start with a hyphen (a device or connector named `-MFP`), as
/// before clap, instead of being read as an unknown option.
#[test]
fn a_free_text_value_may_start_with_a_hyphen() {
    let card = smarthost(&[
        "card",
        "--method",
        "hve",
        "--device",
        "-MFP",
        "--from",
        "scan@contoso.com",
    ]);
    assert_eq!(
        card.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&card.stderr)
    );
    assert!(String::from_utf8_lossy(&card.stdout).contains("-MFP"));
    let connector = smarthost(&[
        "connector",
        "--kind",
        "relay-ip",
        "--ips",
        "203.0.113.10",
        "--name",
        "-Relay",
    ]);
    assert_eq!(connector.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&connector.stdout).contains("-Name '-Relay'"));
}
