use super::*;
use crate::test_rng::Rng;

/// What a table row expects: accepted clean (with the normalised display form), accepted
/// with a warning, or rejected with the named variant.
#[derive(Debug, Clone, Copy)]
enum Want {
    Ok(&'static str),
    Warn(&'static str),
    Err(&'static str),
}

/// The variant name of an error; `InvalidDomain` and `InvalidHostName` include the
/// problem, for example `InvalidDomain:NumericTld`. Exhaustive, so a new variant must be
/// added here.
fn variant(e: &ValueError) -> String {
    let name = match e {
        ValueError::Empty(_) => "Empty",
        ValueError::ControlCharacter { .. } => "ControlCharacter",
        ValueError::InvisibleCharacter { .. } => "InvisibleCharacter",
        ValueError::NotIpv4 { .. } => "NotIpv4",
        ValueError::NonAsciiIp { .. } => "NonAsciiIp",
        ValueError::LeadingZero { .. } => "LeadingZero",
        ValueError::WithPort { .. } => "WithPort",
        ValueError::Ipv6 { .. } => "Ipv6",
        ValueError::Private { .. } => "Private",
        ValueError::Loopback { .. } => "Loopback",
        ValueError::LinkLocal { .. } => "LinkLocal",
        ValueError::SharedCgnat { .. } => "SharedCgnat",
        ValueError::Unspecified { .. } => "Unspecified",
        ValueError::Multicast { .. } => "Multicast",
        ValueError::Reserved { .. } => "Reserved",
        ValueError::Broadcast => "Broadcast",
        ValueError::Benchmarking { .. } => "Benchmarking",
        ValueError::PrefixNotNumber { .. } => "PrefixNotNumber",
        ValueError::PrefixNotAccepted { .. } => "PrefixNotAccepted",
        ValueError::HostBitsSet { .. } => "HostBitsSet",
        ValueError::DisplayName { .. } => "DisplayName",
        ValueError::AddressContainsSpace { .. } => "AddressContainsSpace",
        ValueError::NonAsciiAddress { .. } => "NonAsciiAddress",
        ValueError::NonAsciiHostName { .. } => "NonAsciiHostName",
        ValueError::MissingAt { .. } => "MissingAt",
        ValueError::MultipleAt { .. } => "MultipleAt",
        ValueError::EmptyLocalPart { .. } => "EmptyLocalPart",
        ValueError::LocalPartTooLong { .. } => "LocalPartTooLong",
        ValueError::InvalidLocalCharacter { .. } => "InvalidLocalCharacter",
        ValueError::LocalPartDots { .. } => "LocalPartDots",
        ValueError::EmptyDomain { .. } => "EmptyDomain",
        ValueError::InvalidDomain { problem, .. } => {
            return format!("InvalidDomain:{}", problem_name(problem))
        }
        ValueError::AddressTooLong { .. } => "AddressTooLong",
        ValueError::Url { .. } => "Url",
        ValueError::NameContainsSpace { .. } => "NameContainsSpace",
        ValueError::IpAddressAsName { .. } => "IpAddressAsName",
        ValueError::WildcardAlone { .. } => "WildcardAlone",
        ValueError::WildcardMisplaced { .. } => "WildcardMisplaced",
        ValueError::WildcardTooBroad { .. } => "WildcardTooBroad",
        ValueError::InvalidHostName { problem, .. } => {
            return format!("InvalidHostName:{}", problem_name(problem))
        }
        ValueError::DeviceNameTooLong { .. } => "DeviceNameTooLong",
        ValueError::CustomerTooLong { .. } => "CustomerTooLong",
    };
    name.to_owned()
}

fn problem_name(p: &DomainProblem) -> &'static str {
    match p {
        DomainProblem::EmptyLabel => "EmptyLabel",
        DomainProblem::LabelTooLong { .. } => "LabelTooLong",
        DomainProblem::TooLong { .. } => "TooLong",
        DomainProblem::InvalidCharacter { .. } => "InvalidCharacter",
        DomainProblem::HyphenAtEdge { .. } => "HyphenAtEdge",
        DomainProblem::SingleLabel => "SingleLabel",
        DomainProblem::NumericTld => "NumericTld",
    }
}

/// Checks one row; returns a description of the mismatch, if any.
fn check_row<T: fmt::Display>(
    what: &str,
    input: &str,
    want: Want,
    got: Result<Checked<T>, ValueError>,
) -> Option<String> {
    let describe = |got: &Result<Checked<T>, ValueError>| match got {
        Ok(c) => format!("Ok({}) with warnings {:?}", c.value, c.warnings),
        Err(e) => format!("Err({}): {e}", variant(e)),
    };
    let fine = match (&want, &got) {
        (Want::Ok(shown), Ok(c)) => c.warnings.is_empty() && c.value.to_string() == *shown,
        (Want::Warn(shown), Ok(c)) => !c.warnings.is_empty() && c.value.to_string() == *shown,
        (Want::Err(name), Err(e)) => variant(e) == *name,
        _ => false,
    };
    if fine {
        None
    } else {
        Some(format!(
            "{what}({input:?}): expected {want:?}, got {}",
            describe(&got)
        ))
    }
}

fn run_table<T: fmt::Display>(
    what: &str,
    parse: impl Fn(&str) -> Result<Checked<T>, ValueError>,
    table: &[(&str, Want)],
) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(input, want)| check_row(what, input, *want, parse(input)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn device_checked(input: &str) -> Result<Checked<String>, ValueError> {
    parse_device_name(input).map(Checked::clean)
}

use Want::{Err as E, Ok as O, Warn as W};

#[test]
fn public_ipv4_table() {
    let table = [
        ("", E("Empty")),
        ("   ", E("Empty")),
        ("\t\n ", E("Empty")),
        ("  8.8.8.8  ", O("8.8.8.8")),
        ("8.8.8.8\n", O("8.8.8.8")),
        ("1.1.1.1", O("1.1.1.1")),
        ("8.8.\u{0}8.8", E("ControlCharacter")),
        ("8.8.8.8\u{7}", E("ControlCharacter")),
        ("\u{1b}[31m8.8.8.8", E("ControlCharacter")),
        ("8.8\n.8.8", E("ControlCharacter")),
        ("010.1.1.1", E("LeadingZero")),
        ("8.8.8.08", E("LeadingZero")),
        ("8.8.8.000", E("LeadingZero")),
        ("1.2.3", E("NotIpv4")),
        ("1.2.3.4.5", E("NotIpv4")),
        ("256.1.1.1", E("NotIpv4")),
        ("1.2.3.4.", E("NotIpv4")),
        (".1.2.3.4", E("NotIpv4")),
        ("1..2.3", E("NotIpv4")),
        ("+1.2.3.4", E("NotIpv4")),
        ("0x08.8.8.8", E("NotIpv4")),
        ("8.8.8.0008", E("LeadingZero")),
        ("134744072", E("NotIpv4")),
        ("１２３.４.５.６", E("NonAsciiIp")),
        ("8.8.8.8/32", E("NotIpv4")),
        ("8. 8.8.8", E("NotIpv4")),
        ("contoso.com", E("NotIpv4")),
        ("<script>alert(1)</script>", E("NotIpv4")),
        ("2001:db8::1", E("Ipv6")),
        ("::1", E("Ipv6")),
        ("[2001:db8::1]", E("Ipv6")),
        ("fe80::1%eth0", E("Ipv6")),
        ("::ffff:203.0.113.5", E("Ipv6")),
        ("203.0.113.5:25", E("WithPort")),
        ("1:2", E("NotIpv4")),
        // Private ranges and their neighbours.
        ("9.255.255.255", O("9.255.255.255")),
        ("10.0.0.0", E("Private")),
        ("10.0.0.1", E("Private")),
        ("10.255.255.255", E("Private")),
        ("11.0.0.0", O("11.0.0.0")),
        ("172.15.255.255", O("172.15.255.255")),
        ("172.16.0.0", E("Private")),
        ("172.31.255.255", E("Private")),
        ("172.32.0.0", O("172.32.0.0")),
        ("192.167.255.255", O("192.167.255.255")),
        ("192.168.0.0", E("Private")),
        ("192.168.255.255", E("Private")),
        ("192.169.0.0", O("192.169.0.0")),
        // Carrier-grade NAT.
        ("100.63.255.255", O("100.63.255.255")),
        ("100.64.0.0", E("SharedCgnat")),
        ("100.127.255.255", E("SharedCgnat")),
        ("100.128.0.0", O("100.128.0.0")),
        // Loopback, link-local, unspecified.
        ("126.255.255.255", O("126.255.255.255")),
        ("127.0.0.0", E("Loopback")),
        ("127.0.0.1", E("Loopback")),
        ("127.255.255.255", E("Loopback")),
        ("128.0.0.0", O("128.0.0.0")),
        ("169.253.255.255", O("169.253.255.255")),
        ("169.254.0.0", E("LinkLocal")),
        ("169.254.255.255", E("LinkLocal")),
        ("169.255.0.0", O("169.255.0.0")),
        ("0.0.0.0", E("Unspecified")),
        ("0.255.255.255", E("Unspecified")),
        ("1.0.0.0", O("1.0.0.0")),
        // Multicast, reserved, broadcast.
        ("223.255.255.255", O("223.255.255.255")),
        ("224.0.0.0", E("Multicast")),
        ("239.255.255.255", E("Multicast")),
        ("240.0.0.0", E("Reserved")),
        ("255.255.255.254", E("Reserved")),
        ("255.255.255.255", E("Broadcast")),
        // Benchmarking.
        ("198.17.255.255", O("198.17.255.255")),
        ("198.18.0.0", E("Benchmarking")),
        ("198.19.255.255", E("Benchmarking")),
        ("198.20.0.0", O("198.20.0.0")),
        // Documentation ranges: accepted with a warning.
        ("192.0.1.255", O("192.0.1.255")),
        ("192.0.2.0", W("192.0.2.0")),
        ("192.0.2.255", W("192.0.2.255")),
        ("192.0.3.0", O("192.0.3.0")),
        ("198.51.99.255", O("198.51.99.255")),
        ("198.51.100.7", W("198.51.100.7")),
        ("198.51.101.0", O("198.51.101.0")),
        ("203.0.112.255", O("203.0.112.255")),
        (" 203.0.113.25 ", W("203.0.113.25")),
        ("203.0.114.0", O("203.0.114.0")),
    ];
    run_table("parse_public_ipv4", parse_public_ipv4, &table);
}

#[test]
fn connector_range_table() {
    let table = [
        ("", E("Empty")),
        (" \t ", E("Empty")),
        ("8.8.8.8", O("8.8.8.8")),
        ("8.8.8.8/32", O("8.8.8.8")),
        ("8.8.8.0/24", O("8.8.8.0/24")),
        (" 8.8.8.0 / 24 ", O("8.8.8.0/24")),
        ("8.8.8.128/25", O("8.8.8.128/25")),
        ("8.8.8.252/30", O("8.8.8.252/30")),
        ("8.8.8.0/024", O("8.8.8.0/24")),
        ("203.0.113.0/24", W("203.0.113.0/24")),
        ("198.51.100.16/28", W("198.51.100.16/28")),
        ("192.0.2.1", W("192.0.2.1")),
        ("8.8.8.0/23", E("PrefixNotAccepted")),
        ("8.8.0.0/16", E("PrefixNotAccepted")),
        ("0.0.0.0/0", E("PrefixNotAccepted")),
        ("8.8.8.8/33", E("PrefixNotAccepted")),
        ("8.8.8.8/128", E("PrefixNotAccepted")),
        ("8.8.8.8/99999999999999999999", E("PrefixNotAccepted")),
        ("8.8.8.8/", E("PrefixNotNumber")),
        ("8.8.8.8/abc", E("PrefixNotNumber")),
        ("8.8.8.8/+32", E("PrefixNotNumber")),
        ("8.8.8.8/-1", E("PrefixNotNumber")),
        ("8.8.8.8/2 4", E("PrefixNotNumber")),
        ("8.8.8.0/24/24", E("PrefixNotNumber")),
        ("8.8.8.8/３２", E("NonAsciiIp")),
        ("8.8.8.0/255.255.255.0", E("PrefixNotNumber")),
        ("203.0.113.10/24", E("HostBitsSet")),
        ("8.8.8.1/31", E("HostBitsSet")),
        ("8.8.8.255/24", E("HostBitsSet")),
        ("10.0.0.0/24", E("Private")),
        ("172.16.5.0/24", E("Private")),
        ("192.168.1.0/24", E("Private")),
        ("100.64.0.0/24", E("SharedCgnat")),
        ("100.127.255.0/24", E("SharedCgnat")),
        ("127.0.0.0/24", E("Loopback")),
        ("169.254.1.0/24", E("LinkLocal")),
        ("0.0.0.0/24", E("Unspecified")),
        ("224.0.0.0/24", E("Multicast")),
        ("255.255.255.0/24", E("Reserved")),
        ("255.255.255.255/32", E("Broadcast")),
        ("198.18.0.0/24", E("Benchmarking")),
        ("2001:db8::/48", E("Ipv6")),
        ("2001:db8::1", E("Ipv6")),
        ("2001:db8::1/128", E("Ipv6")),
        ("010.1.1.0/24", E("LeadingZero")),
        ("1.2.3/24", E("NotIpv4")),
        ("/24", E("NotIpv4")),
        ("８.８.８.０/24", E("NonAsciiIp")),
        ("<script>alert(1)</script>", E("NotIpv4")),
        ("8.8.8.0\n/24", E("ControlCharacter")),
        ("8.8.8.0/24\u{0}", E("ControlCharacter")),
    ];
    run_table("parse_connector_range", parse_connector_range, &table);
}

#[test]
fn from_address_table() {
    let table = [
        ("", E("Empty")),
        ("   ", E("Empty")),
        ("scanner@contoso.com", O("scanner@contoso.com")),
        ("  Scanner@Contoso.COM  ", O("Scanner@contoso.com")),
        (
            "first.last@sub.contoso.co.uk",
            O("first.last@sub.contoso.co.uk"),
        ),
        ("o'brien+scan@contoso.com", O("o'brien+scan@contoso.com")),
        (
            "!#$%&'*+-/=?^_`{|}~@contoso.com",
            O("!#$%&'*+-/=?^_`{|}~@contoso.com"),
        ),
        ("a@b.co", O("a@b.co")),
        ("scan@contoso-mail.com", O("scan@contoso-mail.com")),
        (
            "scan@xn--bcher-kva.example",
            O("scan@xn--bcher-kva.example"),
        ),
        ("scan@123.example", O("scan@123.example")),
        ("Scanner <scan@contoso.com>", E("DisplayName")),
        ("\"Scanner\" <scan@contoso.com>", E("DisplayName")),
        ("<scan@contoso.com>", E("DisplayName")),
        ("scan contoso.com", E("AddressContainsSpace")),
        ("scan @contoso.com", E("AddressContainsSpace")),
        ("scan\u{a0}@contoso.com", E("AddressContainsSpace")),
        ("\"john doe\"@contoso.com", E("AddressContainsSpace")),
        ("scan@contoso.com\u{0}", E("ControlCharacter")),
        ("scan\n@contoso.com", E("ControlCharacter")),
        ("scan@contoso.com\u{1b}", E("ControlCharacter")),
        ("sc\u{7}an@contoso.com", E("ControlCharacter")),
        ("scan@c\u{430}ntoso.com", E("NonAsciiAddress")),
        ("jürgen@contoso.com", E("NonAsciiAddress")),
        ("用户@例子.广告", E("NonAsciiAddress")),
        ("scan＠contoso.com", E("NonAsciiAddress")),
        ("scan.contoso.com", E("MissingAt")),
        ("<script>alert(1)</script>", E("MissingAt")),
        ("a@b@contoso.com", E("MultipleAt")),
        ("@contoso.com", E("EmptyLocalPart")),
        ("@", E("EmptyLocalPart")),
        ("scan@", E("EmptyDomain")),
        (".scan@contoso.com", E("LocalPartDots")),
        ("scan.@contoso.com", E("LocalPartDots")),
        ("sc..an@contoso.com", E("LocalPartDots")),
        ("\"john\"@contoso.com", E("InvalidLocalCharacter")),
        ("scan(comment)@contoso.com", E("InvalidLocalCharacter")),
        ("scan,x@contoso.com", E("InvalidLocalCharacter")),
        ("mailto:scan@contoso.com", E("InvalidLocalCharacter")),
        ("user@192.168.1.1", E("InvalidDomain:NumericTld")),
        ("user@[192.168.1.1]", E("InvalidDomain:InvalidCharacter")),
        ("user@localhost", E("InvalidDomain:SingleLabel")),
        ("user@contoso..com", E("InvalidDomain:EmptyLabel")),
        ("user@contoso.com.", E("InvalidDomain:EmptyLabel")),
        ("user@.contoso.com", E("InvalidDomain:EmptyLabel")),
        ("user@-contoso.com", E("InvalidDomain:HyphenAtEdge")),
        ("user@contoso-.com", E("InvalidDomain:HyphenAtEdge")),
        ("user@con_toso.com", E("InvalidDomain:InvalidCharacter")),
        ("user@contoso.com/x", E("InvalidDomain:InvalidCharacter")),
        ("user@*.contoso.com", E("InvalidDomain:InvalidCharacter")),
    ];
    run_table("parse_from_address", parse_from_address, &table);
}

#[test]
fn certificate_name_table() {
    let table = [
        ("", E("Empty")),
        ("  ", E("Empty")),
        ("relay.contoso.com", O("relay.contoso.com")),
        ("  Relay.Contoso.COM ", O("relay.contoso.com")),
        ("mail-relay01.contoso.com", O("mail-relay01.contoso.com")),
        ("*.contoso.com", O("*.contoso.com")),
        ("*.Contoso.COM", O("*.contoso.com")),
        ("*.co.uk", O("*.co.uk")),
        ("xn--bcher-kva.example", O("xn--bcher-kva.example")),
        ("*", E("WildcardAlone")),
        ("*.", E("WildcardAlone")),
        ("*.com", E("WildcardTooBroad")),
        ("relay.*.contoso.com", E("WildcardMisplaced")),
        ("*.*.contoso.com", E("WildcardMisplaced")),
        ("re*.contoso.com", E("WildcardMisplaced")),
        ("*relay.contoso.com", E("WildcardMisplaced")),
        ("relay.contoso.*", E("WildcardMisplaced")),
        ("**.contoso.com", E("WildcardMisplaced")),
        ("203.0.113.25", E("IpAddressAsName")),
        ("010.1.1.1", E("IpAddressAsName")),
        ("2001:db8::1", E("IpAddressAsName")),
        ("[2001:db8::1]", E("IpAddressAsName")),
        ("https://relay.contoso.com", E("Url")),
        ("http://relay.contoso.com:587/path", E("Url")),
        ("smtp://user@relay.contoso.com", E("Url")),
        ("relay contoso.com", E("NameContainsSpace")),
        ("relay.contoso.com\u{0}", E("ControlCharacter")),
        ("relay\n.contoso.com", E("ControlCharacter")),
        ("\u{1b}]0;x\u{7}relay.contoso.com", E("ControlCharacter")),
        ("relay", E("InvalidHostName:SingleLabel")),
        ("relay.contoso.com.", E("InvalidHostName:EmptyLabel")),
        ("relay..contoso.com", E("InvalidHostName:EmptyLabel")),
        (".contoso.com", E("InvalidHostName:EmptyLabel")),
        ("*..contoso.com", E("InvalidHostName:EmptyLabel")),
        ("-relay.contoso.com", E("InvalidHostName:HyphenAtEdge")),
        ("relay_1.contoso.com", E("InvalidHostName:InvalidCharacter")),
        ("relay.c\u{43e}ntoso.com", E("NonAsciiHostName")),
        ("relay.bücher.example", E("NonAsciiHostName")),
        ("１２３.４.５.６", E("InvalidHostName:InvalidCharacter")),
        (
            "<script>alert(1)</script>",
            E("InvalidHostName:InvalidCharacter"),
        ),
        (
            "relay.contoso.com:25",
            E("InvalidHostName:InvalidCharacter"),
        ),
        (
            "CN=relay.contoso.com",
            E("InvalidHostName:InvalidCharacter"),
        ),
        ("scan@contoso.com", E("InvalidHostName:InvalidCharacter")),
        ("relay.123", E("InvalidHostName:NumericTld")),
        ("1.2.3.999", E("InvalidHostName:NumericTld")),
    ];
    run_table("parse_certificate_name", parse_certificate_name, &table);
}

#[test]
fn device_name_table() {
    let table = [
        ("", E("Empty")),
        ("   ", E("Empty")),
        ("\n\t", E("Empty")),
        ("Reception printer", O("Reception printer")),
        ("  Reception printer  ", O("Reception printer")),
        (
            "O'Brien's \"scanner\" $HOME",
            O("O'Brien's \"scanner\" $HOME"),
        ),
        ("<script>alert(1)</script>", O("<script>alert(1)</script>")),
        ("🖨️ Printer", O("🖨️ Printer")),
        ("Drucker Büro 2.OG", O("Drucker Büro 2.OG")),
        ("Scanner ‘quoted’ `$(x)`", O("Scanner ‘quoted’ `$(x)`")),
        ("printer\u{0}", E("ControlCharacter")),
        ("a\u{7}b", E("ControlCharacter")),
        ("line1\nline2", E("ControlCharacter")),
        ("line1\r\nline2", E("ControlCharacter")),
        ("\u{1b}[31mred", E("ControlCharacter")),
        ("tab\tinside", E("ControlCharacter")),
        ("next\u{85}line", E("ControlCharacter")),
    ];
    run_table("parse_device_name", device_checked, &table);
}

#[test]
fn long_inputs() {
    let ten_k = "a".repeat(10_000);
    let ten_k_digits = "1".repeat(10_000);
    let label_64 = "a".repeat(64);
    let label_63 = "a".repeat(63);
    // 4 labels of 63 plus 3 dots = 255 characters.
    let name_255 = [label_63.as_str(); 4].join(".");
    // 3 labels of 63, one of 61, plus 3 dots = 253 characters.
    let name_253 = format!("{0}.{0}.{0}.{1}", label_63, "a".repeat(61));
    let local_64 = "a".repeat(64);
    let local_65 = "a".repeat(65);
    let cases: Vec<(&str, String, Want)> = vec![
        ("ip", ten_k.clone(), E("NotIpv4")),
        ("ip", format!("{ten_k_digits}.1.1.1"), E("NotIpv4")),
        ("ip", format!("8.8.8.8/{ten_k_digits}"), E("NotIpv4")),
        (
            "range",
            format!("8.8.8.0/{ten_k_digits}"),
            E("PrefixNotAccepted"),
        ),
        ("range", format!("8.8.8.0/{ten_k}"), E("PrefixNotNumber")),
        ("from", ten_k.clone(), E("MissingAt")),
        ("from", format!("{local_64}@contoso.com"), O("")),
        (
            "from",
            format!("{local_65}@contoso.com"),
            E("LocalPartTooLong"),
        ),
        (
            "from",
            format!("{ten_k}@contoso.com"),
            E("LocalPartTooLong"),
        ),
        (
            "from",
            format!("a@{label_64}.com"),
            E("InvalidDomain:LabelTooLong"),
        ),
        ("from", format!("a@{name_255}"), E("InvalidDomain:TooLong")),
        ("from", format!("a@{ten_k}.com"), E("InvalidDomain:TooLong")),
        (
            "from",
            format!("{local_64}@{name_253}"),
            E("AddressTooLong"),
        ),
        ("cert", ten_k.clone(), E("InvalidHostName:TooLong")),
        (
            "cert",
            format!("{label_64}.com"),
            E("InvalidHostName:LabelTooLong"),
        ),
        ("cert", name_253.clone(), O("")),
        (
            "cert",
            format!("*.{name_253}"),
            E("InvalidHostName:TooLong"),
        ),
        ("cert", name_255, E("InvalidHostName:TooLong")),
        ("device", ten_k, E("DeviceNameTooLong")),
        ("device", "d".repeat(80), O("")),
        ("device", "d".repeat(81), E("DeviceNameTooLong")),
        ("device", "🖨".repeat(80), O("")),
        ("device", "🖨".repeat(81), E("DeviceNameTooLong")),
        ("device", format!("  {}  ", "é".repeat(80)), O("")),
    ];
    let failures: Vec<String> = cases
        .into_iter()
        .filter_map(|(what, input, want)| {
            // Accepted long values are expected back as the trimmed input.
            let result: Result<Checked<String>, ValueError> = match what {
                "ip" => parse_public_ipv4(&input).map(|c| Checked::clean(c.value.to_string())),
                "range" => {
                    parse_connector_range(&input).map(|c| Checked::clean(c.value.to_string()))
                }
                "from" => parse_from_address(&input).map(|c| Checked::clean(c.value.to_string())),
                "cert" => parse_certificate_name(&input),
                _ => device_checked(&input),
            };
            let fine = match (want, &result) {
                (O(_), Ok(c)) => c.is_clean() && c.value == input.trim(),
                (E(name), Err(e)) => variant(e) == name,
                _ => false,
            };
            let head: String = input.chars().take(30).collect();
            let got = match &result {
                Ok(c) => format!("Ok({} chars)", c.value.chars().count()),
                Err(e) => format!("Err({}): {e}", variant(e)),
            };
            (!fine).then(|| {
                format!(
                    "{what}({head:?}… {} chars): expected {want:?}, got {got}",
                    input.chars().count()
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn message_of<T: fmt::Debug>(input: &str, result: Result<T, ValueError>) -> String {
    match result {
        Ok(v) => panic!("{input:?} should be rejected, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn ipv6_error_names_ipv6_and_exchange_limit() {
    for input in ["2001:db8::1", "::1", "[2001:db8::1]"] {
        let msg = message_of(input, parse_public_ipv4(input));
        assert!(msg.contains("IPv6 address"), "{input:?}: {msg}");
        assert!(
            msg.contains("Exchange Online connectors accept IPv4 only; IPv6 is not supported"),
            "{input:?}: {msg}"
        );
    }
    let msg = message_of("2001:db8::/48", parse_connector_range("2001:db8::/48"));
    assert!(
        msg.contains("\"2001:db8::/48\" is an IPv6 address"),
        "{msg}"
    );
}

#[test]
fn messages_explain_what_to_enter() {
    let cases: Vec<(&str, Result<(), ValueError>, &[&str])> = vec![
        (
            "private",
            parse_public_ipv4("192.168.1.20").map(drop),
            &["192.168.1.20", "public IP", "what is my IP", "router"],
        ),
        (
            "cgnat",
            parse_public_ipv4("100.64.1.1").map(drop),
            &["100.64.1.1", "shares this address", "static public IP"],
        ),
        (
            "leading zero",
            parse_public_ipv4("010.1.1.1").map(drop),
            &["\"010.1.1.1\"", "octal", "10.1.1.1"],
        ),
        (
            "port",
            parse_public_ipv4("203.0.113.5:25").map(drop),
            &["port", "203.0.113.5"],
        ),
        (
            "/23",
            parse_connector_range("8.8.8.0/23").map(drop),
            &["/23", "/24 to /32"],
        ),
        (
            "/33",
            parse_connector_range("8.8.8.8/33").map(drop),
            &["/33", "/24 to /32"],
        ),
        (
            "host bits",
            parse_connector_range("203.0.113.10/24").map(drop),
            &["\"203.0.113.10/24\"", "host bits", "203.0.113.0/24"],
        ),
        (
            "range private",
            parse_connector_range("10.1.2.0/24").map(drop),
            &["10.1.2.0/24", "private"],
        ),
        (
            "display name",
            parse_from_address("Scanner <scan@contoso.com>").map(drop),
            &["only the address", "scan@contoso.com"],
        ),
        (
            "non-ascii",
            parse_from_address("jürgen@contoso.com").map(drop),
            &["ASCII"],
        ),
        (
            "numeric tld",
            parse_from_address("user@192.168.1.1").map(drop),
            &["192.168.1.1", "IP address"],
        ),
        (
            "url",
            parse_certificate_name("https://Relay.contoso.com:443/x").map(drop),
            &["only the host name", "Relay.contoso.com"],
        ),
        (
            "cyrillic",
            parse_certificate_name("relay.c\u{43e}ntoso.com").map(drop),
            &["U+043E"],
        ),
        (
            "empty",
            parse_device_name("  ").map(drop),
            &["enter a name for the device"],
        ),
    ];
    for (what, result, needles) in cases {
        let msg = message_of(what, result);
        for needle in needles {
            assert!(
                msg.contains(needle),
                "{what}: {msg:?} should mention {needle:?}"
            );
        }
    }
}

#[test]
fn documentation_range_warning() {
    let checked = match parse_public_ipv4("198.51.100.7") {
        Ok(c) => c,
        Err(e) => panic!("198.51.100.7 should be accepted with a warning, got {e}"),
    };
    assert_eq!(checked.value, Ipv4Addr::new(198, 51, 100, 7));
    assert!(!checked.is_clean());
    assert_eq!(
        checked.warnings,
        vec![ValueWarning::DocumentationRange {
            value: "198.51.100.7".into(),
            range: "198.51.100.0/24"
        }]
    );
    let msg = checked
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<String>();
    assert!(msg.contains("documentation range"), "{msg}");
    assert!(
        msg.contains("fine for examples, not a real sender's address"),
        "{msg}"
    );
    match parse_public_ipv4("8.8.8.8") {
        Ok(c) => assert!(c.is_clean(), "8.8.8.8: {:?}", c.warnings),
        Err(e) => panic!("8.8.8.8 should be accepted, got {e}"),
    }
}

#[test]
fn echoed_values_are_shortened_and_sanitised() {
    let long = format!("{}\u{1b}[2J", "x".repeat(100));
    let msg = message_of("long ip", parse_public_ipv4(&long));
    assert!(msg.contains(&format!("\"{}…\"", "x".repeat(40))), "{msg}");
    assert!(
        !msg.contains("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        "{msg}"
    );

    let msg = message_of("esc", parse_device_name("ab\u{1b}[2Jcd"));
    assert!(msg.contains("\"ab\u{FFFD}[2Jcd\""), "{msg}");
    assert!(!msg.contains('\u{1b}'), "{msg}");

    let msg = message_of("nul", parse_certificate_name("relay\0.contoso.com"));
    assert!(msg.contains("relay\u{FFFD}.contoso.com"), "{msg}");

    // Bidirectional overrides could reorder the message around them.
    let msg = message_of("rlo", parse_public_ipv4("1.2.3.\u{202E}4"));
    assert!(msg.contains("1.2.3.\u{FFFD}4"), "{msg}");

    assert_eq!(shown(&"é".repeat(40)), "é".repeat(40));
    assert_eq!(shown(&"é".repeat(41)), format!("{}…", "é".repeat(40)));
}

#[test]
fn range_display_and_contains() {
    let r = |a: [u8; 4], prefix: u8| Ipv4Range {
        network: Ipv4Addr::from(a),
        prefix,
    };
    assert_eq!(r([203, 0, 113, 5], 32).to_string(), "203.0.113.5");
    assert_eq!(r([203, 0, 113, 0], 24).to_string(), "203.0.113.0/24");
    assert_eq!(r([203, 0, 113, 128], 25).to_string(), "203.0.113.128/25");

    let net = r([203, 0, 113, 0], 24);
    assert!(net.contains(Ipv4Addr::new(203, 0, 113, 0)));
    assert!(net.contains(Ipv4Addr::new(203, 0, 113, 255)));
    assert!(!net.contains(Ipv4Addr::new(203, 0, 114, 0)));
    assert!(!net.contains(Ipv4Addr::new(203, 0, 112, 255)));

    let host = r([203, 0, 113, 5], 32);
    assert!(host.contains(Ipv4Addr::new(203, 0, 113, 5)));
    assert!(!host.contains(Ipv4Addr::new(203, 0, 113, 6)));

    // Hand-built ranges outside what the parser returns must not panic.
    assert!(r([1, 2, 3, 4], 0).contains(Ipv4Addr::new(255, 0, 0, 1)));
    assert!(r([1, 2, 3, 4], 200).contains(Ipv4Addr::new(1, 2, 3, 4)));
    assert!(!r([1, 2, 3, 4], 200).contains(Ipv4Addr::new(1, 2, 3, 5)));
    assert_eq!(r([1, 2, 3, 4], 200).to_string(), "1.2.3.4/200");

    match parse_connector_range("8.8.8.0/24") {
        Ok(c) => assert_eq!(c.value, r([8, 8, 8, 0], 24)),
        Err(e) => panic!("8.8.8.0/24 should parse, got {e}"),
    }
    match parse_connector_range("203.0.113.10/24") {
        Err(ValueError::HostBitsSet {
            suggestion, prefix, ..
        }) => {
            assert_eq!((suggestion.as_str(), prefix), ("203.0.113.0/24", 24));
        }
        other => panic!("203.0.113.10/24 should report host bits, got {other:?}"),
    }
}

#[test]
fn from_address_parts() {
    match parse_from_address("  Scan.Desk+1@Mail.Contoso.COM ") {
        Ok(c) => {
            assert_eq!(c.value.local, "Scan.Desk+1");
            assert_eq!(c.value.domain, "mail.contoso.com");
            assert_eq!(c.value.to_string(), "Scan.Desk+1@mail.contoso.com");
            assert!(c.is_clean());
        }
        Err(e) => panic!("should parse, got {e}"),
    }
    match parse_from_address("\"Front desk\" <Scan@Contoso.com>") {
        Err(ValueError::DisplayName { address, .. }) => assert_eq!(address, "Scan@Contoso.com"),
        other => panic!("display name form should be rejected, got {other:?}"),
    }
}

#[test]
fn all_messages_are_lower_case_and_printable() {
    let inputs = [
        "",
        "x",
        "1.2.3",
        "010.1.1.1",
        "2001:db8::1",
        "10.0.0.1",
        "127.0.0.1",
        "169.254.1.1",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "198.18.0.1",
        "8.8.8.8/x",
        "8.8.8.0/23",
        "8.8.8.1/24",
        "1.2.3.4:25",
        "A <a@b.com>",
        "a b",
        "ä@b.com",
        "a@b@c",
        "@b.com",
        "a.@b.com",
        "a\"@b.com",
        "a@",
        "a@b",
        "https://x.com",
        "*",
        "*.com",
        "a.*.com",
        "A\u{0}",
        "a@-b.com",
        "a@b_c.com",
        "a@1.2",
    ];
    for input in inputs {
        let errors = [
            parse_public_ipv4(input).err(),
            parse_connector_range(input).err(),
            parse_from_address(input).err(),
            parse_certificate_name(input).err(),
            parse_device_name(input).err(),
        ];
        for e in errors.into_iter().flatten() {
            let msg = e.to_string();
            assert!(
                !msg.starts_with(|c: char| c.is_ascii_uppercase()),
                "{input:?}: {msg}"
            );
            assert!(!msg.chars().any(char::is_control), "{input:?}: {msg:?}");
        }
    }
}

const PIECES: &[&str] = &[
    ".",
    ".",
    ".",
    "/",
    "@",
    "*",
    "*.",
    ":",
    "::",
    "-",
    "_",
    "'",
    "\"",
    "<",
    ">",
    "[",
    "]",
    "%",
    "+",
    "!",
    "#",
    "$",
    "`",
    "{",
    "}",
    "|",
    "~",
    "=",
    "?",
    "^",
    "&",
    ",",
    ";",
    "(",
    ")",
    "\\",
    " ",
    "\t",
    "\n",
    "\r",
    "\0",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "0",
    "1",
    "2",
    "5",
    "9",
    "00",
    "010",
    "24",
    "32",
    "33",
    "255",
    "256",
    "a",
    "Z",
    "xn--",
    "com",
    "contoso",
    "203.0.113.",
    "10.",
    "172.16.",
    "100.64.",
    "192.168.",
    "8.8.8.",
    "/24",
    "/32",
    "@contoso.com",
    "https://",
    "é",
    "\u{430}",
    "１",
    "．",
    "＠",
    "🖨️",
    "\u{202E}",
    "\u{200B}",
    "\u{2028}",
    "’",
    "\u{FFFD}",
    "ß",
    "İ",
];

const SEEDS: &[&str] = &[
    "203.0.113.25",
    "8.8.8.8",
    "8.8.8.0/24",
    "198.51.100.0/28",
    "100.64.0.1",
    "scanner@contoso.com",
    "Scan.Desk+1@Mail.Contoso.COM",
    "relay.contoso.com",
    "*.contoso.com",
    "Reception printer",
];

/// A third of the inputs are random pieces, a third are random dotted quads with an
/// optional prefix, and a third are valid seeds with a few random edits, so both the
/// rejecting and the accepting paths are exercised.
fn sweep_input(rng: &mut Rng) -> String {
    let piece = |rng: &mut Rng| PIECES.get(rng.below(PIECES.len())).copied().unwrap_or("");
    match rng.below(3) {
        0 => (0..rng.below(24)).map(|_| piece(rng)).collect(),
        1 => {
            let octet = |rng: &mut Rng| match rng.below(4) {
                0 => [
                    "0", "10", "100", "127", "169", "172", "192", "198", "203", "224", "255",
                ]
                .get(rng.below(11))
                .copied()
                .unwrap_or("0")
                .to_owned(),
                _ => rng.below(256).to_string(),
            };
            let mut s = format!(
                "{}.{}.{}.{}",
                octet(rng),
                octet(rng),
                octet(rng),
                octet(rng)
            );
            if rng.below(2) == 0 {
                s.push_str(&format!("/{}", 20 + rng.below(16)));
            }
            s
        }
        _ => {
            let mut chars: Vec<char> = SEEDS
                .get(rng.below(SEEDS.len()))
                .copied()
                .unwrap_or("")
                .chars()
                .collect();
            for _ in 0..rng.below(4) {
                let at = rng.below(chars.len() + 1);
                match rng.below(3) {
                    0 => {
                        let tail = chars.split_off(at.min(chars.len()));
                        chars.extend(piece(rng).chars());
                        chars.extend(tail);
                    }
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    _ => {}
                }
            }
            chars.into_iter().collect()
        }
    }
}

#[test]
fn no_panic_on_pseudo_random_sweep() {
    let mut rng = Rng(0x5EED_1234_ABCD_0042);
    // Values accepted by each parser, in the order they are called below.
    let mut accepted = [0usize; 5];
    for _ in 0..5_000 {
        let input = sweep_input(&mut rng);
        let check_msg = |e: &ValueError| {
            let msg = e.to_string();
            assert!(!msg.is_empty(), "{input:?}");
            assert!(!msg.chars().any(char::is_control), "{input:?}: {msg:?}");
        };
        // Every accepted value must parse again to itself (the normal form is stable).
        match parse_public_ipv4(&input) {
            Ok(c) => {
                accepted[0] += 1;
                assert_eq!(parse_public_ipv4(&c.value.to_string()), Ok(c), "{input:?}");
            }
            Err(e) => check_msg(&e),
        }
        match parse_connector_range(&input) {
            Ok(c) => {
                accepted[1] += 1;
                assert!(c.value.contains(c.value.network), "{input:?}");
                assert_eq!(
                    parse_connector_range(&c.value.to_string()),
                    Ok(c),
                    "{input:?}"
                );
            }
            Err(e) => check_msg(&e),
        }
        match parse_from_address(&input) {
            Ok(c) => {
                accepted[2] += 1;
                assert!(c.value.to_string().is_ascii(), "{input:?}");
                assert_eq!(parse_from_address(&c.value.to_string()), Ok(c), "{input:?}");
            }
            Err(e) => check_msg(&e),
        }
        match parse_certificate_name(&input) {
            Ok(c) => {
                accepted[3] += 1;
                assert_eq!(parse_certificate_name(&c.value), Ok(c), "{input:?}");
            }
            Err(e) => check_msg(&e),
        }
        match parse_device_name(&input) {
            Ok(name) => {
                accepted[4] += 1;
                assert!(!name.chars().any(char::is_control), "{input:?}");
                assert_eq!(parse_device_name(&name), Ok(name.clone()), "{input:?}");
            }
            Err(e) => check_msg(&e),
        }
        let literal = crate::powershell::quote(&input);
        assert!(
            literal.starts_with('\'') && literal.ends_with('\''),
            "{input:?}"
        );
    }
    // The sweep must exercise the accepting paths too, not only the errors.
    assert!(
        accepted.iter().all(|n| *n > 100),
        "accepted per parser: {accepted:?}"
    );
}

#[test]
fn ipv4_lists_split_on_any_separator_and_name_the_first_bad_entry() {
    let ip = |s: &str| s.parse::<Ipv4Addr>().unwrap_or_else(|e| panic!("{s}: {e}"));
    assert_eq!(
        parse_ipv4_list(" 203.0.113.25,198.51.100.7;\n10.0.0.1\t"),
        Ok(vec![ip("203.0.113.25"), ip("198.51.100.7"), ip("10.0.0.1")])
    );
    assert_eq!(parse_ipv4_list(""), Ok(vec![]));
    assert_eq!(
        parse_ipv4_list("203.0.113.25, 2001:db8::1, x"),
        Err("2001:db8::1".to_owned())
    );
    assert_eq!(
        parse_ipv4_list("1.2.3.4 \u{202e}evil"),
        Err("\u{fffd}evil".to_owned())
    );
}
