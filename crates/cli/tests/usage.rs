//! Usage errors: exit status 2 and a message on standard error that names the mistake.
//! No DNS is needed; `--doh` points at a closed port, so a usage error that slipped
//! through to a look-up would show as a DNS error (exit 1), not pass.

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
