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
/// The host-name limits are the DNS names' (RFC 1035 2.3.4), one definition.
pub use crate::dns::name::{MAX_LABEL_LEN, MAX_NAME_LEN};
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

mod address;
mod cert;
mod device;
mod domain;
mod error;
mod ip;
mod text;

pub use address::*;
pub use cert::*;
pub use device::*;
use domain::*;
pub use error::{DomainProblem, ValueError};
pub use ip::*;
use text::*;

#[cfg(test)]
mod tests;
