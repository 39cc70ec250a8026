//! Validation of the values an admin types for a device card or an Exchange Online
//! connector: the device's public IPv4 address, a `-SenderIPAddresses` range, the From
//! address, a `-TlsSenderCertificateName` and a display name for the device.
//!
//! Every parser trims surrounding whitespace, never panics on any input and returns
//! either the normalised value (with warnings for inputs that are accepted but suspicious)
//! or a [`ValueError`] whose message says what is wrong and what to enter instead. Values
//! echoed in messages are shortened to about 40 characters and control characters are
//! replaced with U+FFFD, so a message can always be shown as it is.

use crate::dns::name::idna_to_ascii;
use crate::echo::{is_unsafe_to_echo, shown};
use crate::i18n::{format, text, Lang};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// RFC 5321 4.5.3.1.1: a local part is at most 64 octets.
pub const MAX_LOCAL_PART_LEN: usize = 64;
/// RFC 5321 4.5.3.1.3 limits a path to 256 octets including `<` and `>`.
pub const MAX_ADDRESS_LEN: usize = 254;
/// RFC 1035 2.3.4: a label is at most 63 octets.
pub const MAX_LABEL_LEN: usize = 63;
/// RFC 1035 2.3.4: a name is at most 253 characters as text.
pub const MAX_NAME_LEN: usize = 253;
/// Longest device name, in characters (not bytes).
pub const MAX_DEVICE_NAME_CHARS: usize = 80;
/// Exchange Online connectors accept `-SenderIPAddresses` ranges from /24 to /32.
pub const MIN_CONNECTOR_PREFIX: u8 = 24;

/// A value that passed validation, with the warnings it was accepted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T> {
    pub value: T,
    pub warnings: Vec<ValueWarning>,
}

impl<T> Checked<T> {
    fn clean(value: T) -> Checked<T> {
        Checked {
            value,
            warnings: Vec::new(),
        }
    }

    /// True when the value was accepted without any warning.
    pub fn is_clean(&self) -> bool {
        self.warnings.is_empty()
    }
}

/// Something about an accepted value the admin should know. Unlike a [`ValueError`],
/// a warning does not stop the value from being used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueWarning {
    /// An RFC 5737 documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
    DocumentationRange { value: String, range: &'static str },
}

impl ValueWarning {
    /// The warning in `lang` (texts `warning.value.*` in the catalog).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ValueWarning::DocumentationRange { value, range } => format(
                lang,
                "warning.value.documentation-range",
                &[("value", value), ("range", range)],
            ),
        }
    }
}

crate::i18n::display_in_english!(ValueWarning);

/// Which value was being entered; used to prompt for an empty input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PublicIp,
    ConnectorRange,
    FromAddress,
    CertificateName,
    DeviceName,
}

impl Field {
    /// What to enter, with an example, in `lang` (texts `error.field.*`).
    pub fn prompt(self, lang: Lang) -> String {
        let key = match self {
            Field::PublicIp => "error.field.public-ip",
            Field::ConnectorRange => "error.field.connector-range",
            Field::FromAddress => "error.field.from-address",
            Field::CertificateName => "error.field.certificate-name",
            Field::DeviceName => "error.field.device-name",
        };
        text(lang, key)
    }
}

/// What is wrong with a domain or host name. [`DomainProblem::message`] says it in a
/// language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainProblem {
    EmptyLabel,
    LabelTooLong { label: String, len: usize },
    TooLong { len: usize },
    InvalidCharacter { ch: char },
    HyphenAtEdge { label: String },
    SingleLabel,
    NumericTld,
}

impl DomainProblem {
    /// The problem in `lang` (texts `error.domain.*` in the catalog).
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| format(lang, key, args);
        match self {
            DomainProblem::EmptyLabel => f("error.domain.empty-label", &[]),
            DomainProblem::LabelTooLong { label, len } => f(
                "error.domain.label-too-long",
                &[("label", label), ("len", &len.to_string())],
            ),
            DomainProblem::TooLong { len } => {
                f("error.domain.too-long", &[("len", &len.to_string())])
            }
            DomainProblem::InvalidCharacter { ch } => f(
                "error.domain.invalid-character",
                &[("char", &describe_char(*ch))],
            ),
            DomainProblem::HyphenAtEdge { label } => {
                f("error.domain.hyphen-at-edge", &[("label", label)])
            }
            DomainProblem::SingleLabel => f("error.domain.single-label", &[]),
            DomainProblem::NumericTld => f("error.domain.numeric-tld", &[]),
        }
    }
}

crate::i18n::display_in_english!(DomainProblem);

impl std::error::Error for DomainProblem {}

/// Why a typed value cannot be used. [`ValueError::message`] says it in a language, with
/// what to enter instead; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    Empty(Field),
    ControlCharacter {
        value: String,
    },
    InvisibleCharacter {
        value: String,
        ch: char,
    },

    // --- IPv4 addresses and ranges ---
    NotIpv4 {
        value: String,
    },
    NonAsciiIp {
        value: String,
        ch: char,
    },
    LeadingZero {
        value: String,
        suggestion: String,
    },
    WithPort {
        value: String,
        address: String,
    },
    Ipv6 {
        value: String,
    },
    Private {
        value: String,
    },
    Loopback {
        value: String,
    },
    LinkLocal {
        value: String,
    },
    SharedCgnat {
        value: String,
    },
    Unspecified {
        value: String,
    },
    Multicast {
        value: String,
    },
    Reserved {
        value: String,
    },
    Broadcast,
    Benchmarking {
        value: String,
    },
    PrefixNotNumber {
        value: String,
        prefix: String,
    },
    PrefixNotAccepted {
        value: String,
        prefix: String,
    },
    HostBitsSet {
        value: String,
        prefix: u8,
        suggestion: String,
    },

    // --- From addresses ---
    DisplayName {
        value: String,
        address: String,
    },
    AddressContainsSpace {
        value: String,
    },
    NonAsciiAddress {
        value: String,
        ch: char,
    },
    MissingAt {
        value: String,
    },
    MultipleAt {
        value: String,
    },
    EmptyLocalPart {
        value: String,
    },
    LocalPartTooLong {
        len: usize,
    },
    InvalidLocalCharacter {
        value: String,
        ch: char,
    },
    LocalPartDots {
        value: String,
    },
    EmptyDomain {
        value: String,
    },
    InvalidDomain {
        domain: String,
        problem: DomainProblem,
    },
    AddressTooLong {
        len: usize,
    },

    // --- Certificate names ---
    Url {
        value: String,
        host: String,
    },
    NameContainsSpace {
        value: String,
    },
    IpAddressAsName {
        value: String,
    },
    /// A host name typed in Unicode; `ascii` is its A-label form (the `*.` kept), which
    /// is how the certificate and Exchange carry it.
    NonAsciiHostName {
        value: String,
        ch: char,
        ascii: String,
    },
    WildcardAlone {
        value: String,
    },
    WildcardMisplaced {
        value: String,
    },
    WildcardTooBroad {
        value: String,
    },
    InvalidHostName {
        value: String,
        problem: DomainProblem,
    },

    // --- Device names ---
    DeviceNameTooLong {
        len: usize,
    },
}

impl ValueError {
    /// The message in `lang` (texts `error.value.*` in the catalog): what is wrong and
    /// what to enter instead. Nested parts (the prompt of an empty field, the problem
    /// with a domain) are in `lang` too.
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| format(lang, key, args);
        // The many messages that only echo the value.
        let only_value = |key: &str, value: &str| format(lang, key, &[("value", value)]);
        match self {
            ValueError::Empty(field) => f("error.value.empty", &[("prompt", &field.prompt(lang))]),
            ValueError::ControlCharacter { value } => {
                only_value("error.value.control-character", value)
            }
            ValueError::InvisibleCharacter { value, ch } => f(
                "error.value.invisible-character",
                &[("value", value), ("char", &describe_char(*ch))],
            ),
            ValueError::NotIpv4 { value } => only_value("error.value.not-ipv4", value),
            ValueError::NonAsciiIp { value, ch } => f(
                "error.value.non-ascii-ip",
                &[("value", value), ("char", &describe_char(*ch))],
            ),
            ValueError::LeadingZero { value, suggestion } => f(
                "error.value.leading-zero",
                &[("value", value), ("suggestion", suggestion)],
            ),
            ValueError::WithPort { value, address } => f(
                "error.value.with-port",
                &[("value", value), ("address", address)],
            ),
            ValueError::Ipv6 { value } => only_value("error.value.ipv6", value),
            ValueError::Private { value } => only_value("error.value.private", value),
            ValueError::Loopback { value } => only_value("error.value.loopback", value),
            ValueError::LinkLocal { value } => only_value("error.value.link-local", value),
            ValueError::SharedCgnat { value } => only_value("error.value.shared-cgnat", value),
            ValueError::Unspecified { value } => only_value("error.value.unspecified", value),
            ValueError::Multicast { value } => only_value("error.value.multicast", value),
            ValueError::Reserved { value } => only_value("error.value.reserved", value),
            ValueError::Broadcast => f("error.value.broadcast", &[]),
            ValueError::Benchmarking { value } => only_value("error.value.benchmarking", value),
            ValueError::PrefixNotNumber { value, prefix } => f(
                "error.value.prefix-not-number",
                &[("value", value), ("prefix", prefix)],
            ),
            ValueError::PrefixNotAccepted { value, prefix } => f(
                "error.value.prefix-not-accepted",
                &[("value", value), ("prefix", prefix)],
            ),
            ValueError::HostBitsSet {
                value,
                prefix,
                suggestion,
            } => f(
                "error.value.host-bits-set",
                &[
                    ("value", value),
                    ("prefix", &prefix.to_string()),
                    ("suggestion", suggestion),
                ],
            ),
            ValueError::DisplayName { value, address } => f(
                "error.value.display-name",
                &[("value", value), ("address", address)],
            ),
            ValueError::AddressContainsSpace { value } => {
                only_value("error.value.address-contains-space", value)
            }
            ValueError::NonAsciiAddress { value, ch } => f(
                "error.value.non-ascii-address",
                &[("value", value), ("char", &describe_char(*ch))],
            ),
            ValueError::MissingAt { value } => only_value("error.value.missing-at", value),
            ValueError::MultipleAt { value } => only_value("error.value.multiple-at", value),
            ValueError::EmptyLocalPart { value } => {
                only_value("error.value.empty-local-part", value)
            }
            ValueError::LocalPartTooLong { len } => f(
                "error.value.local-part-too-long",
                &[("len", &len.to_string())],
            ),
            ValueError::InvalidLocalCharacter { value, ch } => f(
                "error.value.invalid-local-character",
                &[
                    ("value", value),
                    ("char", &describe_char(*ch)),
                    ("specials", ATEXT_SPECIALS),
                ],
            ),
            ValueError::LocalPartDots { value } => only_value("error.value.local-part-dots", value),
            ValueError::EmptyDomain { value } => only_value("error.value.empty-domain", value),
            ValueError::InvalidDomain { domain, problem } => f(
                "error.value.invalid-domain",
                &[("domain", domain), ("problem", &problem.message(lang))],
            ),
            ValueError::AddressTooLong { len } => {
                f("error.value.address-too-long", &[("len", &len.to_string())])
            }
            ValueError::Url { value, host } => {
                f("error.value.url", &[("value", value), ("host", host)])
            }
            ValueError::NameContainsSpace { value } => {
                only_value("error.value.name-contains-space", value)
            }
            ValueError::IpAddressAsName { value } => {
                only_value("error.value.ip-address-as-name", value)
            }
            ValueError::NonAsciiHostName { value, ch, ascii } => f(
                "error.value.non-ascii-host-name",
                &[
                    ("value", value),
                    ("char", &describe_char(*ch)),
                    ("ascii", ascii),
                ],
            ),
            ValueError::WildcardAlone { value } => only_value("error.value.wildcard-alone", value),
            ValueError::WildcardMisplaced { value } => {
                only_value("error.value.wildcard-misplaced", value)
            }
            ValueError::WildcardTooBroad { value } => {
                only_value("error.value.wildcard-too-broad", value)
            }
            ValueError::InvalidHostName { value, problem } => f(
                "error.value.invalid-host-name",
                &[("value", value), ("problem", &problem.message(lang))],
            ),
            ValueError::DeviceNameTooLong { len } => f(
                "error.value.device-name-too-long",
                &[("len", &len.to_string())],
            ),
        }
    }
}

crate::i18n::display_in_english!(ValueError);

impl std::error::Error for ValueError {}

// ---------------------------------------------------------------------------
// Echoing values safely
// ---------------------------------------------------------------------------

/// A character for a message: printable ASCII as `'c'`, anything else also with its code
/// point so look-alikes (Cyrillic `а`, fullwidth `１`) can be told apart.
fn describe_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("'{c}'")
    } else if is_unsafe_to_echo(c) || is_invisible(c) || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}' (U+{:04X})", u32::from(c))
    }
}

/// Zero-width characters: invisible wherever they are shown, so a value holding one looks
/// like a different value. The zero-width joiner is not among them: emoji sequences need it.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Refuses control characters, bidirectional formatting characters and line or paragraph
/// separators (everything [`shown`] would replace), then zero-width characters.
fn reject_controls(trimmed: &str) -> Result<(), ValueError> {
    if trimmed.chars().any(is_unsafe_to_echo) {
        return Err(ValueError::ControlCharacter {
            value: shown(trimmed),
        });
    }
    if let Some(ch) = trimmed.chars().find(|c| is_invisible(*c)) {
        return Err(ValueError::InvisibleCharacter {
            value: shown(&trimmed.replace(is_invisible, "\u{FFFD}")),
            ch,
        });
    }
    Ok(())
}

/// Refuses an IPv4 address or range holding anything but ASCII, naming the first such
/// character: fullwidth or Arabic-Indic digits and fullwidth dots look right but are not.
fn reject_non_ascii_ip(trimmed: &str) -> Result<(), ValueError> {
    match trimmed.chars().find(|c| !c.is_ascii()) {
        Some(ch) => Err(ValueError::NonAsciiIp {
            value: shown(trimmed),
            ch,
        }),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// IPv4
// ---------------------------------------------------------------------------

/// A `-SenderIPAddresses` entry: a network address and a prefix length. Display prints
/// `a.b.c.d` for a /32 and `a.b.c.d/nn` otherwise, the forms Exchange Online accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Range {
    pub network: Ipv4Addr,
    pub prefix: u8,
}

impl Ipv4Range {
    /// True when `addr` is inside the range. A prefix over 32 is treated as 32.
    pub fn contains(&self, addr: Ipv4Addr) -> bool {
        let mask = mask(u32::from(self.prefix));
        u32::from(addr) & mask == u32::from(self.network) & mask
    }
}

impl fmt::Display for Ipv4Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.prefix == 32 {
            write!(f, "{}", self.network)
        } else {
            write!(f, "{}/{}", self.network, self.prefix)
        }
    }
}

/// The network mask for a prefix length; lengths over 32 give the /32 mask.
fn mask(prefix: u32) -> u32 {
    u32::MAX
        .checked_shl(32u32.saturating_sub(prefix))
        .unwrap_or(0)
}

fn in_block(addr: u32, network: [u8; 4], prefix: u32) -> bool {
    let mask = mask(prefix);
    addr & mask == u32::from_be_bytes(network) & mask
}

/// Parses the device's public IPv4 address.
///
/// Rejects IPv6 (Exchange Online connectors are IPv4 only), leading zeros (ambiguous:
/// some systems read them as octal) and every range that is not reachable on the
/// internet. The documentation ranges (RFC 5737) are accepted with a warning so examples
/// can be entered.
/// The entries of a list as people type it: commas, semicolons, spaces or line breaks
/// between them.
pub fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|item| !item.is_empty())
}

/// Device IPv4 addresses as typed, any address (whether one is public is a finding of
/// the DNS check, not a typing error). The error is the first entry that is not an IPv4
/// address, safe to show in a message.
pub fn parse_ipv4_list(text: &str) -> Result<Vec<Ipv4Addr>, String> {
    list_items(text)
        .map(|item| item.parse().map_err(|_| crate::echo::shown(item)))
        .collect()
}

pub fn parse_public_ipv4(input: &str) -> Result<Checked<Ipv4Addr>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::PublicIp));
    }
    reject_controls(trimmed)?;
    reject_non_ascii_ip(trimmed)?;
    let addr = parse_ipv4_text(trimmed)?;
    let warnings = check_public(addr, addr.to_string())?;
    Ok(Checked {
        value: addr,
        warnings,
    })
}

/// Parses an entry for `-SenderIPAddresses`: a single public IPv4 address or a CIDR
/// range from /24 to /32 whose network is public.
pub fn parse_connector_range(input: &str) -> Result<Checked<Ipv4Range>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::ConnectorRange));
    }
    reject_controls(trimmed)?;
    reject_non_ascii_ip(trimmed)?;
    let Some((addr_text, prefix_text)) = trimmed.split_once('/') else {
        let addr = parse_ipv4_text(trimmed)?;
        let warnings = check_public(addr, addr.to_string())?;
        return Ok(Checked {
            value: Ipv4Range {
                network: addr,
                prefix: 32,
            },
            warnings,
        });
    };
    let addr_text = addr_text.trim();
    let prefix_text = prefix_text.trim();
    if looks_like_ipv6(addr_text) {
        return Err(ValueError::Ipv6 {
            value: shown(trimmed),
        });
    }
    let addr = parse_ipv4_text(addr_text)?;
    if prefix_text.is_empty() || !prefix_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::PrefixNotNumber {
            value: shown(trimmed),
            prefix: shown(prefix_text),
        });
    }
    let prefix = match small_decimal(prefix_text) {
        Some(p) if (u32::from(MIN_CONNECTOR_PREFIX)..=32).contains(&p) => p,
        _ => {
            return Err(ValueError::PrefixNotAccepted {
                value: shown(trimmed),
                prefix: shown(prefix_text),
            })
        }
    };
    let network = Ipv4Addr::from(u32::from(addr) & mask(prefix));
    // `prefix` is in 24..=32 here, so the conversion cannot fail.
    let prefix = u8::try_from(prefix).unwrap_or(32);
    let range = Ipv4Range { network, prefix };
    if network != addr {
        return Err(ValueError::HostBitsSet {
            value: shown(trimmed),
            prefix,
            suggestion: format!("{network}/{prefix}"),
        });
    }
    // Every special-purpose block is aligned and at least a /24 (the broadcast address
    // lies inside 240.0.0.0/4), so checking the network address covers the whole range.
    let warnings = check_public(network, range.to_string())?;
    Ok(Checked {
        value: range,
        warnings,
    })
}

/// Parses a decimal string of ASCII digits that is at most 999 after dropping leading
/// zeros; `None` for anything longer, so no overflow is possible.
fn small_decimal(digits: &str) -> Option<u32> {
    let significant = digits.trim_start_matches('0');
    if significant.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        significant
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

/// Outcome of reading dotted-quad syntax.
enum Quad {
    Exact(Ipv4Addr),
    /// Valid except that a number has a leading zero; holds the decimal reading.
    LeadingZero(Ipv4Addr),
    Invalid,
}

fn read_quad(text: &str) -> Quad {
    let mut octets = [0u8; 4];
    let mut count = 0usize;
    let mut leading_zero = false;
    for part in text.split('.') {
        let Some(slot) = octets.get_mut(count) else {
            return Quad::Invalid;
        };
        count += 1;
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Quad::Invalid;
        }
        if part.len() > 1 && part.starts_with('0') {
            leading_zero = true;
        }
        match small_decimal(part).and_then(|v| u8::try_from(v).ok()) {
            Some(v) => *slot = v,
            None => return Quad::Invalid,
        }
    }
    if count != 4 {
        return Quad::Invalid;
    }
    let addr = Ipv4Addr::from(octets);
    if leading_zero {
        Quad::LeadingZero(addr)
    } else {
        Quad::Exact(addr)
    }
}

fn looks_like_ipv6(text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    // `[2001:db8::1]` or, as a log line shows it, `[2001:db8::1]:25`.
    let unbracketed = match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((inside, after)) if after.is_empty() || after.starts_with(':') => inside,
        _ => text,
    };
    let without_zone = unbracketed
        .split_once('%')
        .map_or(unbracketed, |(addr, _zone)| addr);
    without_zone.parse::<Ipv6Addr>().is_ok()
}

/// Reads a trimmed, control-free IPv4 address with specific errors for IPv6, leading
/// zeros and a trailing port.
fn parse_ipv4_text(text: &str) -> Result<Ipv4Addr, ValueError> {
    match read_quad(text) {
        Quad::Exact(addr) => return Ok(addr),
        Quad::LeadingZero(addr) => {
            return Err(ValueError::LeadingZero {
                value: shown(text),
                suggestion: addr.to_string(),
            })
        }
        Quad::Invalid => {}
    }
    if looks_like_ipv6(text) {
        return Err(ValueError::Ipv6 { value: shown(text) });
    }
    if let Some((host, port)) = text.rsplit_once(':') {
        let port_ok =
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
        if port_ok {
            if let Quad::Exact(addr) | Quad::LeadingZero(addr) = read_quad(host) {
                return Err(ValueError::WithPort {
                    value: shown(text),
                    address: addr.to_string(),
                });
            }
        }
    }
    Err(ValueError::NotIpv4 { value: shown(text) })
}

/// Rejects addresses that are not reachable on the internet; warns for documentation
/// ranges. `value` is how the address or range is named in the message.
fn check_public(addr: Ipv4Addr, value: String) -> Result<Vec<ValueWarning>, ValueError> {
    let a = u32::from(addr);
    if a == u32::MAX {
        return Err(ValueError::Broadcast);
    }
    if in_block(a, [0, 0, 0, 0], 8) {
        return Err(ValueError::Unspecified { value });
    }
    if in_block(a, [10, 0, 0, 0], 8)
        || in_block(a, [172, 16, 0, 0], 12)
        || in_block(a, [192, 168, 0, 0], 16)
    {
        return Err(ValueError::Private { value });
    }
    if in_block(a, [100, 64, 0, 0], 10) {
        return Err(ValueError::SharedCgnat { value });
    }
    if in_block(a, [127, 0, 0, 0], 8) {
        return Err(ValueError::Loopback { value });
    }
    if in_block(a, [169, 254, 0, 0], 16) {
        return Err(ValueError::LinkLocal { value });
    }
    if in_block(a, [198, 18, 0, 0], 15) {
        return Err(ValueError::Benchmarking { value });
    }
    if in_block(a, [224, 0, 0, 0], 4) {
        return Err(ValueError::Multicast { value });
    }
    if in_block(a, [240, 0, 0, 0], 4) {
        return Err(ValueError::Reserved { value });
    }
    const DOCUMENTATION: [([u8; 4], &str); 3] = [
        ([192, 0, 2, 0], "192.0.2.0/24"),
        ([198, 51, 100, 0], "198.51.100.0/24"),
        ([203, 0, 113, 0], "203.0.113.0/24"),
    ];
    let mut warnings = Vec::new();
    for (network, range) in DOCUMENTATION {
        if in_block(a, network, 24) {
            warnings.push(ValueWarning::DocumentationRange { value, range });
            break;
        }
    }
    Ok(warnings)
}

// ---------------------------------------------------------------------------
// DNS names
// ---------------------------------------------------------------------------

/// Checks lower-case host-name syntax: labels of 1..=63 letters, digits and hyphens, not
/// starting or ending with a hyphen, at least two labels, at most 253 characters, and a
/// last label that is not all digits.
fn check_domain(name: &str) -> Result<(), DomainProblem> {
    let len = name.chars().count();
    if len > MAX_NAME_LEN {
        return Err(DomainProblem::TooLong { len });
    }
    let mut labels = 0usize;
    let mut last = "";
    for label in name.split('.') {
        labels += 1;
        last = label;
        if label.is_empty() {
            return Err(DomainProblem::EmptyLabel);
        }
        if let Some(ch) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(DomainProblem::InvalidCharacter { ch });
        }
        if label.len() > MAX_LABEL_LEN {
            return Err(DomainProblem::LabelTooLong {
                label: shown(label),
                len: label.len(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainProblem::HyphenAtEdge {
                label: shown(label),
            });
        }
    }
    if labels < 2 {
        return Err(DomainProblem::SingleLabel);
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DomainProblem::NumericTld);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// From addresses
// ---------------------------------------------------------------------------

/// A validated From address: an ASCII dot-atom local part (case kept) and a lower-case
/// domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FromAddress {
    pub local: String,
    pub domain: String,
}

impl fmt::Display for FromAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// Characters RFC 5322 allows in an atom besides letters and digits.
const ATEXT_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || ATEXT_SPECIALS.contains(c)
}

/// Parses the address a device sends from.
///
/// Accepts only the RFC 5322 dot-atom form with an ASCII host-name domain. This is a
/// deliberate simplification: quoted local parts, address literals (`user@[192.0.2.1]`)
/// and internationalised (SMTPUTF8, RFC 6531) addresses are valid email but are rejected,
/// because printers, scanners and line-of-business apps sending through Exchange Online
/// need a plain ASCII address that any SMTP client can send. The domain is lower-cased;
/// the local part keeps its case.
pub fn parse_from_address(input: &str) -> Result<Checked<FromAddress>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::FromAddress));
    }
    reject_controls(trimmed)?;
    if let Some(address) = bracketed_address(trimmed) {
        return Err(ValueError::DisplayName {
            value: shown(trimmed),
            address: shown(address),
        });
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(ValueError::AddressContainsSpace {
            value: shown(trimmed),
        });
    }
    if let Some(ch) = trimmed.chars().find(|c| !c.is_ascii()) {
        return Err(ValueError::NonAsciiAddress {
            value: shown(trimmed),
            ch,
        });
    }
    let Some((local, domain)) = trimmed.split_once('@') else {
        return Err(ValueError::MissingAt {
            value: shown(trimmed),
        });
    };
    if domain.contains('@') {
        return Err(ValueError::MultipleAt {
            value: shown(trimmed),
        });
    }
    if local.is_empty() {
        return Err(ValueError::EmptyLocalPart {
            value: shown(trimmed),
        });
    }
    if local.len() > MAX_LOCAL_PART_LEN {
        return Err(ValueError::LocalPartTooLong { len: local.len() });
    }
    if let Some(ch) = local.chars().find(|c| !(is_atext(*c) || *c == '.')) {
        return Err(ValueError::InvalidLocalCharacter {
            value: shown(trimmed),
            ch,
        });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(ValueError::LocalPartDots {
            value: shown(trimmed),
        });
    }
    if domain.is_empty() {
        return Err(ValueError::EmptyDomain {
            value: shown(trimmed),
        });
    }
    let domain = domain.to_ascii_lowercase();
    check_domain(&domain).map_err(|problem| ValueError::InvalidDomain {
        domain: shown(&domain),
        problem,
    })?;
    if trimmed.len() > MAX_ADDRESS_LEN {
        return Err(ValueError::AddressTooLong { len: trimmed.len() });
    }
    Ok(Checked::clean(FromAddress {
        local: local.to_owned(),
        domain,
    }))
}

/// For `Name <user@domain>` (or `<user@domain>`), the trimmed text between the last `<`
/// and the `>` after it, when it contains an `@`.
fn bracketed_address(text: &str) -> Option<&str> {
    let (_, after) = text.rsplit_once('<')?;
    let (inner, _) = after.split_once('>')?;
    let inner = inner.trim();
    inner.contains('@').then_some(inner)
}

// ---------------------------------------------------------------------------
// Certificate names
// ---------------------------------------------------------------------------

/// Parses a `-TlsSenderCertificateName`: a host name of at least two labels, lower-cased,
/// optionally with a single leading wildcard label (`*.contoso.com`).
///
/// Without a public suffix list a wildcard is only rejected directly under a one-label
/// top-level domain (`*.com`); `*.co.uk` is accepted.
pub fn parse_certificate_name(input: &str) -> Result<Checked<String>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::CertificateName));
    }
    reject_controls(trimmed)?;
    if let Some((_, rest)) = trimmed.split_once("://") {
        return Err(ValueError::Url {
            value: shown(trimmed),
            host: url_host(rest).map_or_else(|| "relay.contoso.com".to_owned(), shown),
        });
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(ValueError::NameContainsSpace {
            value: shown(trimmed),
        });
    }
    if looks_like_ipv6(trimmed) || !matches!(read_quad(trimmed), Quad::Invalid) {
        return Err(ValueError::IpAddressAsName {
            value: shown(trimmed),
        });
    }
    if let Some(error) = non_ascii_host_name(trimmed) {
        return Err(error);
    }
    let name = trimmed.to_ascii_lowercase();
    if name == "*" || name == "*." {
        return Err(ValueError::WildcardAlone {
            value: shown(trimmed),
        });
    }
    let host = name.strip_prefix("*.");
    let rest = host.unwrap_or(&name);
    if rest.contains('*') {
        return Err(ValueError::WildcardMisplaced {
            value: shown(trimmed),
        });
    }
    if host.is_some() && !rest.is_empty() && !rest.contains('.') {
        return Err(ValueError::WildcardTooBroad {
            value: shown(trimmed),
        });
    }
    let invalid = |problem| ValueError::InvalidHostName {
        value: shown(trimmed),
        problem,
    };
    let len = name.chars().count();
    if len > MAX_NAME_LEN {
        return Err(invalid(DomainProblem::TooLong { len }));
    }
    check_domain(rest).map_err(invalid)?;
    Ok(Checked::clean(name))
}

/// A Unicode host name that converts to a valid A-label name: refused with that name to
/// enter instead. Not accepted as typed, because the certificate holds the A-labels, and
/// not converted silently, because a look-alike letter (Cyrillic `о` for `o`) would then
/// pass unseen; the suggestion shows the `xn--` label it becomes.
fn non_ascii_host_name(trimmed: &str) -> Option<ValueError> {
    let ch = trimmed.chars().find(|c| !c.is_ascii())?;
    let (wildcard, host) = match trimmed.strip_prefix("*.") {
        Some(host) => ("*.", host),
        None => ("", trimmed),
    };
    let ascii = idna_to_ascii(host).filter(|a| a.is_ascii() && check_domain(a).is_ok())?;
    Some(ValueError::NonAsciiHostName {
        value: shown(trimmed),
        ch,
        ascii: shown(&format!("{wildcard}{ascii}")),
    })
}

/// The host of `rest` (what follows `scheme://`): up to the first `/`, `?` or `#`,
/// without user information or a port. `None` unless it is a host name (possibly a
/// wildcard) that could be entered instead, so a message never suggests markup, an IP
/// address or a name that is too long.
fn url_host(rest: &str) -> Option<&str> {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_userinfo, host)| host);
    let host = host_port
        .split_once(':')
        .map_or(host_port, |(host, _port)| host);
    let lower = host.to_ascii_lowercase();
    check_domain(lower.strip_prefix("*.").unwrap_or(&lower))
        .is_ok()
        .then_some(host)
}

// ---------------------------------------------------------------------------
// Device names
// ---------------------------------------------------------------------------

/// Parses a display name for a device: trimmed, 1 to 80 characters (not bytes), no
/// control characters, text-direction marks, line separators or zero-width characters.
/// Any other Unicode (quotes, `$`, markup, emoji) is allowed; it is escaped wherever it is
/// used, for example by [`crate::powershell::quote`].
pub fn parse_device_name(input: &str) -> Result<String, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::DeviceName));
    }
    reject_controls(trimmed)?;
    let len = trimmed.chars().count();
    if len > MAX_DEVICE_NAME_CHARS {
        return Err(ValueError::DeviceNameTooLong { len });
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
