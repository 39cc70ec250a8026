//! Why a typed value cannot be used, worded in the reader's language with what to enter
//! instead (catalog texts `error.value.*`).

use super::*;

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
    CustomerTooLong {
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
            ValueError::CustomerTooLong { len } => f(
                "error.value.customer-too-long",
                &[("len", &len.to_string())],
            ),
        }
    }
}

crate::i18n::display_in_english!(ValueError);

impl std::error::Error for ValueError {}
