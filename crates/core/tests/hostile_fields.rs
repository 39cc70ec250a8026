//! Hostile-input tables for the five values an admin types (device public IP, connector
//! range, From address, device name, certificate name).
//!
//! Every row states what should happen: the value is accepted with a given normal form,
//! or refused with a message containing a given phrase. On top of the row's own
//! expectation every refusal is checked generically: the message is short, never echoes a
//! control, bidirectional or zero-width character, and never copies a long run of a long
//! input. Every accepted value is checked to be clean. Each parser is called twice per
//! row, so a panic fails the test and a non-deterministic answer is caught.

use smarthost_core::validate::{
    parse_certificate_name, parse_connector_range, parse_device_name, parse_from_address,
    parse_public_ipv4, ValueError,
};
use std::fmt::Debug;

mod support;
use support::{copies_run, is_unsafe_to_echo, label};

/// Zero-width characters: invisible, so a message echoing them looks like it refuses a
/// correct value.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The most characters of an input a message may repeat in a row (values are echoed
/// shortened to about 40 characters).
const MAX_COPIED_RUN: usize = 45;
/// Messages are shown next to a form field; anything longer is not read.
const MAX_MESSAGE_CHARS: usize = 400;
/// Rows per field, at least.
const MIN_ROWS: usize = 30;

/// What a row expects.
#[derive(Debug, Clone, Copy)]
enum Want<'a> {
    /// Accepted; the normalised value as displayed.
    Accept(&'a str),
    /// Refused; a distinctive part of the message.
    Reject(&'a str),
}

use Want::{Accept, Reject};

type Row<'a> = (String, Want<'a>);

fn row(input: impl Into<String>, want: Want<'_>) -> Row<'_> {
    (input.into(), want)
}

/// The generic checks for a refusal; returns what is wrong.
fn refusal_problems(input: &str, message: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if message.trim().is_empty() {
        problems.push("the message is empty".to_owned());
    }
    let count = message.chars().count();
    if count >= MAX_MESSAGE_CHARS {
        problems.push(format!("the message is {count} characters long"));
    }
    if let Some(c) = message.chars().find(|c| is_unsafe_to_echo(*c)) {
        problems.push(format!("the message echoes the unsafe character {c:?}"));
    }
    if let Some(c) = message.chars().find(|c| is_invisible(*c)) {
        problems.push(format!("the message echoes the invisible character {c:?}"));
    }
    if copies_run(message, input, MAX_COPIED_RUN) {
        problems.push(format!(
            "the message copies more than {MAX_COPIED_RUN} characters of the input in a row"
        ));
    }
    problems
}

/// Runs a table: each row's expectation, the generic checks, and determinism. `display`
/// gives the normal form of an accepted value and `clean` says what is wrong with it, if
/// anything.
fn run<T: PartialEq + Debug>(
    field: &str,
    rows: &[Row<'_>],
    parse: impl Fn(&str) -> Result<T, ValueError>,
    display: impl Fn(&T) -> String,
    clean: impl Fn(&str) -> Option<String>,
) {
    assert!(
        rows.len() >= MIN_ROWS,
        "{field}: only {} rows, want at least {MIN_ROWS}",
        rows.len()
    );
    let mut failures = Vec::new();
    for (input, want) in rows {
        let first = parse(input);
        let second = parse(input);
        let mut problems = Vec::new();
        if first != second {
            problems.push(format!("not deterministic: {first:?} then {second:?}"));
        }
        match (&first, want) {
            (Ok(value), Accept(expected)) => {
                let shown = display(value);
                if shown != *expected {
                    problems.push(format!("accepted as {shown:?}, expected {expected:?}"));
                }
                if let Some(problem) = clean(&shown) {
                    problems.push(format!("accepted value {shown:?} is not clean: {problem}"));
                }
            }
            (Ok(value), Reject(needle)) => problems.push(format!(
                "accepted as {:?}, expected a refusal mentioning {needle:?}",
                display(value)
            )),
            (Err(error), want) => {
                let message = error.to_string();
                match want {
                    Accept(expected) => problems.push(format!(
                        "refused ({message:?}), expected it accepted as {expected:?}"
                    )),
                    Reject(needle) if !message.contains(needle) => {
                        problems.push(format!("message {message:?} does not mention {needle:?}"))
                    }
                    Reject(_) => {}
                }
                problems.extend(refusal_problems(input, &message));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{field}({}): {}",
                label(input),
                problems.join("; ")
            ));
        }
    }
    support::assert_rows_pass(&failures, rows.len());
}

/// An IPv4 address or range as displayed: digits, dots and (for a range) one slash.
fn clean_ip(text: &str, slash: bool) -> Option<String> {
    let bad = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == '.' || (slash && *c == '/')));
    if let Some(c) = bad {
        return Some(format!("contains {c:?}"));
    }
    let dots = text.split('/').next().map_or(0, |a| a.matches('.').count());
    (dots != 3 || text.matches('/').count() > 1).then(|| "not a dotted quad".to_owned())
}

fn clean_address(text: &str) -> Option<String> {
    if !text.is_ascii() {
        return Some("not ASCII".to_owned());
    }
    if text.chars().any(|c| c.is_ascii_control() || c == ' ') {
        return Some("contains a space or control character".to_owned());
    }
    if text.matches('@').count() != 1 {
        return Some("does not have exactly one @".to_owned());
    }
    let domain = text.rsplit('@').next().unwrap_or("");
    if domain != domain.to_ascii_lowercase() {
        return Some("the domain is not lower case".to_owned());
    }
    (text.len() > 254).then(|| "longer than 254".to_owned())
}

fn clean_host(text: &str) -> Option<String> {
    let bad = text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(*c, '.' | '-' | '*')));
    if let Some(c) = bad {
        return Some(format!("contains {c:?}"));
    }
    (text.len() > 253).then(|| "longer than 253".to_owned())
}

fn clean_device_name(text: &str) -> Option<String> {
    if let Some(c) = text
        .chars()
        .find(|c| is_unsafe_to_echo(*c) || is_invisible(*c))
    {
        return Some(format!("contains {c:?}"));
    }
    if text.trim() != text || text.is_empty() {
        return Some("empty or not trimmed".to_owned());
    }
    (text.chars().count() > 80).then(|| "longer than 80 characters".to_owned())
}

#[test]
fn public_ip_hostile_table() {
    let rows = vec![
        // Empty and whitespace.
        row(
            "",
            Reject("enter the public IPv4 address the mail is sent from"),
        ),
        row(
            "   ",
            Reject("enter the public IPv4 address the mail is sent from"),
        ),
        row(
            "\t\r\n \u{A0}\u{3000}",
            Reject("enter the public IPv4 address the mail is sent from"),
        ),
        row("  8.8.8.8  ", Accept("8.8.8.8")),
        row("\u{A0}8.8.8.8\u{3000}\r\n", Accept("8.8.8.8")),
        // A trailing NEL is whitespace and trimmed like a line break; inside it is refused.
        row("8.8.8.8\u{85}", Accept("8.8.8.8")),
        row("203.0.113.25", Accept("203.0.113.25")),
        // Unicode look-alikes: refused, naming the character by its code point.
        row("２０３．０．１１３．５", Reject("U+FF12")),
        row("203.0.113.５", Reject("U+FF15")),
        row("203．0．113．5", Reject("U+FF0E")),
        row("203。0。113。5", Reject("U+3002")),
        row("٢٠٣.٠.١١٣.٥", Reject("U+0662")),
        row("۲۰۳.۰.۱۱۳.۵", Reject("U+06F2")),
        row("2\u{41E}3.0.113.5", Reject("U+041E")),
        row("\u{1D7D6}.8.8.8", Reject("U+1D7D6")),
        row("8.8.\u{A0}8.8", Reject("U+00A0")),
        // Zero-width characters.
        row("203.0.113.5\u{200B}", Reject("U+200B")),
        row("\u{FEFF}203.0.113.5", Reject("U+FEFF")),
        row("8.8\u{2060}.8.8", Reject("U+2060")),
        // Control characters.
        row("8.8.8.8\u{0}", Reject("control character")),
        row("8.8.\u{7}8.8", Reject("control character")),
        row("\u{1b}[2J8.8.8.8", Reject("control character")),
        row("8.8.8.8\r\nX-Injected: 1", Reject("control character")),
        row("8.8.\t8.8", Reject("control character")),
        row("8.8.8.8\u{7f}", Reject("control character")),
        row("8.8.\u{85}8.8", Reject("control character")),
        // Bidirectional controls.
        row("8.8.8.\u{202E}8", Reject("control character")),
        row("\u{2066}8.8.8.8\u{2069}", Reject("control character")),
        row("8.8.8.8\u{200F}", Reject("control character")),
        // Very long values.
        row("1".repeat(1_000), Reject("not an IPv4 address")),
        row("8".repeat(100_000), Reject("not an IPv4 address")),
        row(format!("8.8.8.8{}", " ".repeat(100_000)), Accept("8.8.8.8")),
        row(
            format!("8.8.8.{}", "0".repeat(1_000)),
            Reject("leading zero"),
        ),
        // Markup, quotes, PowerShell.
        row("<script>alert(1)</script>", Reject("not an IPv4 address")),
        row(
            "\"><img src=x onerror=alert(1)>",
            Reject("not an IPv4 address"),
        ),
        row("8.8.8.8&amp;", Reject("not an IPv4 address")),
        row("'8.8.8.8'", Reject("not an IPv4 address")),
        row("\"8.8.8.8\"", Reject("not an IPv4 address")),
        row(
            "8.8.8.8'; Remove-Item -Recurse -Force C:\\; '",
            Reject("not an IPv4 address"),
        ),
        row(
            "$(Invoke-WebRequest evil.example)",
            Reject("not an IPv4 address"),
        ),
        // URLs, ports, lists, other fields' values.
        row("http://8.8.8.8/", Reject("not an IPv4 address")),
        row(
            "8.8.8.8:25",
            Reject("includes a port; enter only the IP address, for example 8.8.8.8"),
        ),
        row("8.8.8.8:587", Reject("includes a port")),
        row("8.8.8.8,8.8.4.4", Reject("not an IPv4 address")),
        row("8.8.8.8/32", Reject("not an IPv4 address")),
        row("scanner@contoso.com", Reject("not an IPv4 address")),
        // IPv6.
        row("2001:db8::1", Reject("IPv6")),
        row("::ffff:8.8.8.8", Reject("IPv6")),
        row("[2001:db8::1]", Reject("IPv6")),
        row("[2001:db8::1]:25", Reject("IPv6")),
        row("fe80::1%eth0", Reject("IPv6")),
        // Octal, hexadecimal, integer and short forms.
        row("010.8.8.8", Reject("octal")),
        row("0177.0.0.1", Reject("for example 177.0.0.1")),
        row("0x08.0x08.0x08.0x08", Reject("not an IPv4 address")),
        row("0x8080808", Reject("not an IPv4 address")),
        row("134744072", Reject("not an IPv4 address")),
        row("127.1", Reject("not an IPv4 address")),
        row("8.8.8", Reject("not an IPv4 address")),
        row("8.8.8.8.8", Reject("not an IPv4 address")),
        row("256.8.8.8", Reject("not an IPv4 address")),
        row("8.8.8.-1", Reject("not an IPv4 address")),
        row("+8.8.8.8", Reject("not an IPv4 address")),
        // Addresses the internet cannot reach.
        row("10.0.0.5", Reject("private address")),
        row("192.168.1.20", Reject("private address")),
        row("127.0.0.1", Reject("loopback")),
        row("169.254.10.10", Reject("link-local")),
        row("100.64.0.1", Reject("carrier-grade NAT")),
        row("0.0.0.0", Reject("0.0.0.0/8")),
        row("255.255.255.255", Reject("broadcast")),
        row("224.0.0.1", Reject("multicast")),
        row("240.0.0.1", Reject("reserved")),
    ];
    run(
        "parse_public_ipv4",
        &rows,
        parse_public_ipv4,
        |c| c.value.to_string(),
        |s| clean_ip(s, false),
    );
}

#[test]
fn connector_range_hostile_table() {
    let empty = "a public IPv4 address or a range from /24 to /32";
    let rows = vec![
        // Empty and whitespace.
        row("", Reject(empty)),
        row(" \t\r\n", Reject(empty)),
        row("\u{3000}\u{A0}", Reject(empty)),
        row(" 8.8.8.0/24 ", Accept("8.8.8.0/24")),
        row("8.8.8.0 / 24", Accept("8.8.8.0/24")),
        row("8.8.8.8", Accept("8.8.8.8")),
        row("8.8.8.8/32", Accept("8.8.8.8")),
        row("8.8.8.128/25", Accept("8.8.8.128/25")),
        row("203.0.113.0/24", Accept("203.0.113.0/24")),
        // Prefixes Exchange Online does not take.
        row("8.8.8.0/23", Reject("/24 to /32")),
        row("0.0.0.0/0", Reject("/24 to /32")),
        row("8.8.8.8/33", Reject("/24 to /32")),
        row(
            format!("8.8.8.0/{}", "9".repeat(100_000)),
            Reject("/24 to /32"),
        ),
        row("8.8.8.1/24", Reject("enter the network address 8.8.8.0/24")),
        row("8.8.8.0/255.255.255.0", Reject("address/prefix")),
        row("8.8.8.0/abc", Reject("is not a number")),
        row("8.8.8.0/", Reject("is not a number")),
        row("8.8.8.0/-24", Reject("is not a number")),
        row("8.8.8.0/24/24", Reject("is not a number")),
        row("8.8.8.0/24,8.8.4.0/24", Reject("is not a number")),
        row("/24", Reject("not an IPv4 address")),
        row("8.8.8.0-8.8.8.255", Reject("not an IPv4 address")),
        row("8.8.8.*", Reject("not an IPv4 address")),
        row("0x08080800/24", Reject("not an IPv4 address")),
        row("010.8.8.0/24", Reject("octal")),
        // Unicode look-alikes.
        row("８.８.８.０/２４", Reject("U+FF18")),
        row("8.8.8.0/２４", Reject("U+FF12")),
        row("8.8.8.0\u{FF0F}24", Reject("U+FF0F")),
        row("٨.٨.٨.٠/٢٤", Reject("U+0668")),
        row("8.8.8.0/2\u{664}", Reject("U+0664")),
        // Zero-width characters.
        row("8.8.8.0/24\u{200B}", Reject("U+200B")),
        row("\u{FEFF}8.8.8.0/24", Reject("U+FEFF")),
        // Control characters.
        row("8.8.8.0/24\u{0}", Reject("control character")),
        row("8.8.8.0/\u{7}24", Reject("control character")),
        row("8.8.8.0/24\r\n8.8.4.0/24", Reject("control character")),
        row("8.8.8.0/\t24", Reject("control character")),
        row("\u{1b}]0;pwned\u{7}8.8.8.0/24", Reject("control character")),
        row("8.8.8.0/24\u{7f}", Reject("control character")),
        row("8.8.8.0/2\u{85}4", Reject("control character")),
        // Bidirectional controls.
        row("8.8.8.0/24\u{202E}", Reject("control character")),
        row("\u{2066}8.8.8.0/24", Reject("control character")),
        // IPv6.
        row("2001:db8::/32", Reject("IPv6")),
        row("::/0", Reject("IPv6")),
        row("::ffff:8.8.8.0/120", Reject("IPv6")),
        row("[2001:db8::]/32", Reject("IPv6")),
        // Ranges the internet cannot reach.
        row("10.0.0.0/24", Reject("private address")),
        row("100.64.0.0/24", Reject("carrier-grade NAT")),
        row("127.0.0.0/24", Reject("loopback")),
        // Markup, quotes, PowerShell, URLs, ports.
        row("<script>alert(1)</script>", Reject("not an IPv4 address")),
        row(
            "\"><img src=x onerror=alert(1)>/24",
            Reject("not an IPv4 address"),
        ),
        row("8.8.8.0/24&amp;", Reject("is not a number")),
        row("'8.8.8.0/24'", Reject("not an IPv4 address")),
        row(
            "8.8.8.0/24'; Remove-InboundConnector -Identity *; '",
            Reject("is not a number"),
        ),
        row("https://8.8.8.0/24", Reject("not an IPv4 address")),
        row("8.8.8.0:25/24", Reject("includes a port")),
        // Very long values.
        row("1".repeat(1_000), Reject("not an IPv4 address")),
        row(
            format!("{}/24", "8".repeat(100_000)),
            Reject("not an IPv4 address"),
        ),
    ];
    run(
        "parse_connector_range",
        &rows,
        parse_connector_range,
        |c| c.value.to_string(),
        |s| clean_ip(s, true),
    );
}

#[test]
fn from_address_hostile_table() {
    let empty = "enter the address the device sends from";
    let local_64 = "a".repeat(64);
    let accepted_64 = format!("{local_64}@contoso.com");
    let rows = vec![
        // Empty and whitespace.
        row("", Reject(empty)),
        row("   ", Reject(empty)),
        row("\u{A0}\t\u{3000}", Reject(empty)),
        row("  Scanner@Contoso.COM \r\n", Accept("Scanner@contoso.com")),
        row("scanner@contoso.com", Accept("scanner@contoso.com")),
        row("SCAN@CONTOSO.COM", Accept("SCAN@contoso.com")),
        row(
            "o'brien+scan@contoso.com",
            Accept("o'brien+scan@contoso.com"),
        ),
        row(
            "scan@xn--bcher-kva.example",
            Accept("scan@xn--bcher-kva.example"),
        ),
        row(accepted_64.clone(), Accept(&accepted_64)),
        // Unicode look-alikes: refused, naming the character.
        row("sc\u{430}nner@contoso.com", Reject("U+0430")),
        row("scanner@c\u{3bf}ntoso.com", Reject("U+03BF")),
        row("ｓｃａｎ＠ｃｏｎｔｏｓｏ．ｃｏｍ", Reject("U+FF53")),
        row("scan＠contoso.com", Reject("U+FF20")),
        row("scan@contoso\u{FF0E}com", Reject("U+FF0E")),
        row(
            "jürgen@contoso.com",
            Reject("non-ASCII character 'ü' (U+00FC)"),
        ),
        // Zero-width characters.
        row("scan@contoso.com\u{200B}", Reject("U+200B")),
        row("\u{FEFF}scan@contoso.com", Reject("U+FEFF")),
        // Control characters, including header injection.
        row("scan@contoso.com\u{0}", Reject("control character")),
        row(
            "scan@contoso.com\r\nBcc: victim@example.com",
            Reject("control character"),
        ),
        row("scan\u{7}@contoso.com", Reject("control character")),
        row("\u{1b}[31mscan@contoso.com", Reject("control character")),
        row("scan\t@contoso.com", Reject("control character")),
        row("scan@contoso.com\u{7f}", Reject("control character")),
        row("scan\u{85}@contoso.com", Reject("control character")),
        // Bidirectional controls.
        row("moc.osotnoc@\u{202E}nacs", Reject("control character")),
        row("scan@\u{2066}contoso.com", Reject("control character")),
        // Very long values.
        row("a".repeat(1_000), Reject("has no @")),
        row(
            format!("{}@contoso.com", "a".repeat(100_000)),
            Reject("it can have at most 64"),
        ),
        row(
            format!("scan@{}.com", "b".repeat(1_000)),
            Reject("a domain name can have at most 253"),
        ),
        row(
            format!("scan@{}.com", "b".repeat(100_000)),
            Reject("a domain name can have at most 253"),
        ),
        row(
            format!("{local_64}@{}.com", vec!["c".repeat(63); 3].join(".")),
            Reject("an email address can have at most 254"),
        ),
        // Markup, quotes, PowerShell.
        row(
            "<script>alert(1)</script>@contoso.com",
            Reject("the character '<'"),
        ),
        row(
            "\"><img src=x onerror=alert(1)>@contoso.com",
            Reject("contains a space"),
        ),
        row("scan&amp;@contoso.com", Reject("the character ';'")),
        row("\"scan\"@contoso.com", Reject("the character '\"'")),
        row(
            "'; Remove-Item -Recurse C:\\; '@contoso.com",
            Reject("contains a space"),
        ),
        row("';Remove-Item@contoso.com", Reject("the character ';'")),
        // URLs, ports, IP addresses, lists, display names.
        row("mailto:scan@contoso.com", Reject("the character ':'")),
        row(
            "https://contoso.com/scan@contoso.com",
            Reject("the character ':'"),
        ),
        row("scan@contoso.com:25", Reject("the character ':'")),
        row("scan@[203.0.113.5]", Reject("the character '['")),
        row(
            "scan@203.0.113.5",
            Reject("an IP address is not accepted here"),
        ),
        row("scan@2001:db8::1", Reject("the character ':'")),
        row(
            "Scanner <scan@contoso.com>",
            Reject("enter only the address, for example scan@contoso.com"),
        ),
        row(
            "scan@contoso.com,copier@contoso.com",
            Reject("more than one @"),
        ),
        row(
            "scan@contoso.com, copier@contoso.com",
            Reject("contains a space"),
        ),
        // Shape of the address.
        row("a@b@contoso.com", Reject("more than one @")),
        row("@contoso.com", Reject("nothing before the @")),
        row("scan@", Reject("nothing after the @")),
        row(".scan@contoso.com", Reject("a dot at the start or end")),
        row("scan@localhost", Reject("at least two labels")),
        row("scan@contoso..com", Reject("empty label")),
        row("scan@-contoso.com", Reject("starts or ends with a hyphen")),
    ];
    run(
        "parse_from_address",
        &rows,
        parse_from_address,
        |c| c.value.to_string(),
        clean_address,
    );
}

#[test]
fn device_name_hostile_table() {
    let empty = "enter a name for the device";
    let eighty = "d".repeat(80);
    let accents = "é".repeat(80);
    let rows = vec![
        // Empty and whitespace.
        row("", Reject(empty)),
        row("    ", Reject(empty)),
        row("\u{3000}\u{A0}\t\n", Reject(empty)),
        row("  Reception printer \r\n", Accept("Reception printer")),
        // Free text: markup, quotes, PowerShell, URLs and other scripts are allowed (they
        // are escaped wherever the name is used).
        row(
            "<script>alert(1)</script>",
            Accept("<script>alert(1)</script>"),
        ),
        row(
            "\"><img src=x onerror=alert(1)>",
            Accept("\"><img src=x onerror=alert(1)>"),
        ),
        row("Tom &amp; Jerry", Accept("Tom &amp; Jerry")),
        row("O'Brien's \"scanner\"", Accept("O'Brien's \"scanner\"")),
        row(
            "'; Remove-Item -Recurse -Force C:\\; '",
            Accept("'; Remove-Item -Recurse -Force C:\\; '"),
        ),
        row("$(Get-Process) `whoami`", Accept("$(Get-Process) `whoami`")),
        row(
            "https://printer.contoso.com:8443/admin",
            Accept("https://printer.contoso.com:8443/admin"),
        ),
        row("Printer 8.8.8.8:25", Accept("Printer 8.8.8.8:25")),
        row("2001:db8::1", Accept("2001:db8::1")),
        row("Принтер", Accept("Принтер")),
        row("Ｐｒｉｎｔｅｒ ２", Accept("Ｐｒｉｎｔｅｒ ２")),
        row("طابعة ٣", Accept("طابعة ٣")),
        row("🖨️ Printer", Accept("🖨️ Printer")),
        // A zero-width joiner is part of emoji sequences, so it stays.
        row("👩\u{200D}💻 Desk", Accept("👩\u{200D}💻 Desk")),
        // Control characters.
        row("Printer\u{0}", Reject("control character")),
        row("Prin\u{7}ter", Reject("control character")),
        row("\u{1b}[2JPrinter", Reject("control character")),
        row("Printer\r\nInjected", Reject("control character")),
        row("Printer\tA", Reject("control character")),
        row("Printer\u{7f}", Reject("control character")),
        row("Printer\u{85}B", Reject("control character")),
        // Bidirectional controls and line separators: they could reorder or break
        // whatever the name is shown in.
        row("Printer\u{202E}fdp.exe", Reject("control character")),
        row("\u{2066}Printer\u{2069}", Reject("control character")),
        row("Printer\u{200F} 2", Reject("control character")),
        row("Line\u{2028}Break", Reject("control character")),
        // Zero-width characters would make two names look the same.
        row("Recep\u{200B}tion", Reject("U+200B")),
        row("\u{FEFF}Reception printer", Reject("U+FEFF")),
        // Long values.
        row(eighty.clone(), Accept(&eighty)),
        row(format!("   {accents}   "), Accept(&accents)),
        row("d".repeat(81), Reject("81 characters long; use at most 80")),
        row("d".repeat(1_000), Reject("1000 characters long")),
        row("d".repeat(100_000), Reject("100000 characters long")),
        row("🖨".repeat(81), Reject("use at most 80")),
    ];
    run(
        "parse_device_name",
        &rows,
        parse_device_name,
        String::clone,
        clean_device_name,
    );
}

#[test]
fn certificate_name_hostile_table() {
    let empty = "enter the host name on the device's certificate";
    let rows = vec![
        // Empty and whitespace.
        row("", Reject(empty)),
        row("   ", Reject(empty)),
        row("\u{A0}\u{3000}\r\n", Reject(empty)),
        row("  Relay.Contoso.COM  ", Accept("relay.contoso.com")),
        row("*.Contoso.com", Accept("*.contoso.com")),
        row("xn--bcher-kva.example", Accept("xn--bcher-kva.example")),
        // Unicode look-alikes.
        // A look-alike is named, and the xn-- label it would become is shown.
        row("relay.c\u{43e}ntoso.com", Reject("U+043E")),
        row("relay.c\u{43e}ntoso.com", Reject("enter relay.xn--cntoso-")),
        row("relay.c\u{3bf}ntoso.com", Reject("U+03BF")),
        row("ｒｅｌａｙ．ｃｏｎｔｏｓｏ．ｃｏｍ", Reject("U+FF52")),
        row(
            "ｒｅｌａｙ．ｃｏｎｔｏｓｏ．ｃｏｍ",
            Reject("enter relay.contoso.com"),
        ),
        row("relay.bücher.example", Reject("U+00FC")),
        row(
            "relay.Bücher.example",
            Reject("in its ASCII form, so if this is the name on the certificate, enter relay.xn--bcher-kva.example"),
        ),
        row("*.bücher.example", Reject("enter *.xn--bcher-kva.example")),
        // Not a host name in any form: no suggestion.
        row("relay.\u{1F4E7}\u{1F4E7}.example", Reject("U+1F4E7")),
        row("２０３．０．１１３．５", Reject("U+FF12")),
        // Zero-width characters.
        row("relay\u{200B}.contoso.com", Reject("U+200B")),
        row("\u{FEFF}relay.contoso.com", Reject("U+FEFF")),
        // Control characters.
        row("relay.contoso.com\u{0}", Reject("control character")),
        row(
            "relay.contoso.com\r\nX-Injected: 1",
            Reject("control character"),
        ),
        row("re\u{7}lay.contoso.com", Reject("control character")),
        row("\u{1b}[0mrelay.contoso.com", Reject("control character")),
        row("relay\t.contoso.com", Reject("control character")),
        row("relay.contoso.com\u{7f}", Reject("control character")),
        row("relay\u{85}.contoso.com", Reject("control character")),
        // Bidirectional controls.
        row("relay.contoso.com\u{202E}", Reject("control character")),
        row(
            "\u{2066}relay.contoso.com\u{2069}",
            Reject("control character"),
        ),
        // Very long values.
        row(
            "a".repeat(1_000),
            Reject("a domain name can have at most 253"),
        ),
        row(
            format!("{}.com", "a".repeat(100_000)),
            Reject("a domain name can have at most 253"),
        ),
        row(
            format!("{}.contoso.com", "a".repeat(64)),
            Reject("a label can have at most 63"),
        ),
        // Markup, quotes, PowerShell.
        row("<script>alert(1)</script>", Reject("the character '<'")),
        row(
            "\"><img src=x onerror=alert(1)>",
            Reject("contains a space"),
        ),
        row("relay.contoso.com&amp;", Reject("the character '&'")),
        row("'relay.contoso.com'", Reject("the character '''")),
        row("\"relay.contoso.com\"", Reject("the character '\"'")),
        row(
            "relay.contoso.com'; Remove-Item -Recurse C:\\; '",
            Reject("contains a space"),
        ),
        row(
            "relay.contoso.com';Remove-Item",
            Reject("the character '''"),
        ),
        // URLs: the suggestion is the URL's host only when it is a usable host name.
        row(
            "https://Relay.contoso.com/path",
            Reject("enter only the host name, for example Relay.contoso.com"),
        ),
        row(
            "ldap://user:pw@relay.contoso.com:636",
            Reject("for example relay.contoso.com"),
        ),
        row(
            "https://<script>alert(1)</script>",
            Reject("enter only the host name, for example relay.contoso.com"),
        ),
        row(
            "http://203.0.113.5/",
            Reject("enter only the host name, for example relay.contoso.com"),
        ),
        row(
            format!("https://{}.com/", "a".repeat(1_000)),
            Reject("enter only the host name, for example relay.contoso.com"),
        ),
        // Ports, IP addresses.
        row("relay.contoso.com:587", Reject("the character ':'")),
        row("203.0.113.5", Reject("is an IP address")),
        row("2001:db8::1", Reject("is an IP address")),
        row("[2001:db8::1]", Reject("is an IP address")),
        row("[2001:db8::1]:443", Reject("is an IP address")),
        row("0x7f.0.0.1", Reject("the last label is all digits")),
        // Wildcards and the shape of the name.
        row("*", Reject("only a wildcard")),
        row("*.com", Reject("directly under a top-level domain")),
        row("relay.*.contoso.com", Reject("wildcard in the wrong place")),
        row("CN=relay.contoso.com", Reject("the character '='")),
        row("relay", Reject("at least two labels")),
        row("relay.contoso.com.", Reject("empty label")),
        row("-relay.contoso.com", Reject("starts or ends with a hyphen")),
        row("relay_1.contoso.com", Reject("the character '_'")),
    ];
    run(
        "parse_certificate_name",
        &rows,
        parse_certificate_name,
        |c| c.value.clone(),
        clean_host,
    );
}
