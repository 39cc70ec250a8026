//! A device inventory, as the app keeps it and exports it (JSON), and as a team may keep
//! it by hand (TOML, such as `guide/devices.toml`), so an IT team can keep its fleet in a
//! file and print a card per device.
//!
//! Both formats have one schema: `version` (the integer 1) and `devices`, a list of
//! tables whose fields are all optional text. serde's derive reads both (see
//! `inventory_file.rs`): JSON through serde_json, TOML through the `toml` crate natively
//! (`inventory_native.rs`, with each device's line from its spans) and through core's
//! small reader's tree in the browser (feature `browser-toml`, `inventory_read.rs`).
//! A refusal is data ([`ImportError`], [`Refusal`]), worded in the reader's language.
//!
//! A device's `cloud` is the one field that is not free text: it decides every host the
//! card names, so an unknown value is refused rather than kept, and a file from before the
//! field existed is read as worldwide with an [`CloudAssumed`] notice naming the devices.
//!
//! A device's `client` says who sends: `device` (a printer, a scanner) or `application`,
//! whose card then says "the application" (issue #13). It is not free text either: an
//! unknown value is refused. Absent, as in every file from before the field, it is a
//! device, which is what those files held, so no notice is needed; TOML writes it only
//! for an application, JSON always.
//!
//! A device's `customer` is the customer (or site) an MSP keeps it for, so one list can
//! hold several customers' fleets and be filtered and printed per customer
//! (`inventory_filter.rs`). Free text like the name, optional, validated when the card
//! is built; written after the name, and by TOML only when filled in.

use crate::card::CardInput;
use crate::cloud::Cloud;
use crate::method::MethodId;
use crate::plan::Client;
use crate::toml_write::basic_string;
use serde::{Serialize, Serializer};
use std::fmt;

#[path = "inventory_error.rs"]
mod error;
#[path = "inventory_file.rs"]
mod file;
#[path = "inventory_filter.rs"]
mod filter;
#[path = "inventory_merge.rs"]
mod merge;
#[cfg(feature = "toml")]
#[path = "inventory_native.rs"]
mod native;
#[path = "inventory_read.rs"]
mod read;
#[path = "inventory_visitors.rs"]
mod visitors;

pub use error::{CloudAssumed, DeviceRef, FieldName, ImportError, OddChar, Refusal};
pub use filter::{customers, DeviceFilter};
pub use merge::{
    combine, unknown_methods, DropReason, Dropped, ImportMode, ImportOutcome, UnknownMethod,
};
#[cfg(feature = "toml")]
pub use native::{TomlImport, TomlRefusal};
pub use read::Imported;

/// The format version written in every export.
pub const INVENTORY_VERSION: u32 = 1;

/// At most this many devices per inventory, so a wrong file cannot freeze the page.
pub const MAX_DEVICES: usize = 1000;

/// At most this many bytes per import, for the same reason: a thousand devices with
/// long notes fit many times over.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// The name of the device field that holds its cloud id (`worldwide`, `gcc-high`, …).
pub const CLOUD_FIELD: &str = "cloud";

/// The name of the device field that says who sends (`device` or `application`).
pub const CLIENT_FIELD: &str = "client";

/// The cloud a device without a `cloud` field is read in: the only one smarthost knew
/// before the field existed.
pub const ASSUMED_CLOUD: Cloud = Cloud::Worldwide;

/// One device, as typed: values are validated when its card is built, so a half-filled
/// device is kept, not lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Device {
    pub name: String,
    /// The customer (or site) the device belongs to, for an MSP's list; empty for none.
    pub customer: String,
    pub location: String,
    pub model: String,
    /// A method id such as `direct-send`; empty until chosen.
    pub method: String,
    /// The tenant's Microsoft 365 cloud: every host, include and step on the card follows it.
    pub cloud: Cloud,
    /// Who sends: a device (the default) or an application, whose card says so.
    #[serde(serialize_with = "serialize_client")]
    pub client: Client,
    pub from: String,
    pub domain: String,
    pub smart_host: String,
    pub ip: String,
    pub username: String,
    pub notes: String,
}

impl Default for Device {
    fn default() -> Self {
        Device {
            name: String::new(),
            customer: String::new(),
            location: String::new(),
            model: String::new(),
            method: String::new(),
            cloud: Cloud::default(),
            client: Client::Device,
            from: String::new(),
            domain: String::new(),
            smart_host: String::new(),
            ip: String::new(),
            username: String::new(),
            notes: String::new(),
        }
    }
}

/// The client by its id, as the files write it (`Client`'s own derive writes `Device`).
fn serialize_client<S: Serializer>(client: &Client, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(client.id())
}

impl Device {
    /// The card input for this device, in its cloud.
    pub fn card_input(&self) -> CardInput {
        let optional = |v: &str| (!v.trim().is_empty()).then(|| v.to_owned());
        CardInput {
            device: self.name.clone(),
            location: optional(&self.location),
            model: optional(&self.model),
            method: MethodId::parse(self.method.trim()),
            from: self.from.clone(),
            domain: optional(&self.domain),
            smart_host: optional(&self.smart_host),
            ip: optional(&self.ip),
            username: optional(&self.username),
            cloud: self.cloud,
        }
    }

    /// The text fields by their names in both formats, in the order they are written;
    /// `cloud` and `client` are written after `method` (see [`CLOUD_FIELD`]).
    fn fields(&self) -> [(&'static str, &str); 11] {
        [
            ("name", &self.name),
            ("customer", &self.customer),
            ("location", &self.location),
            ("model", &self.model),
            ("method", &self.method),
            ("from", &self.from),
            ("domain", &self.domain),
            ("smart_host", &self.smart_host),
            ("ip", &self.ip),
            ("username", &self.username),
            ("notes", &self.notes),
        ]
    }

    /// Every field as JSON writes it: the text fields, with `cloud` (always written so
    /// a re-import never has to assume it) and `client` after `method`.
    fn written_fields(&self) -> [(&'static str, &str); 13] {
        let [name, customer, location, model, method, from, domain, smart_host, ip, username, notes] =
            self.fields();
        [
            name,
            customer,
            location,
            model,
            method,
            (CLOUD_FIELD, self.cloud.id()),
            (CLIENT_FIELD, self.client.id()),
            from,
            domain,
            smart_host,
            ip,
            username,
            notes,
        ]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Inventory {
    pub version: u32,
    pub devices: Vec<Device>,
}

/// The two file formats an inventory is read from and written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Toml,
}

impl Format {
    /// JSON when the text starts with `{` (after blanks and a byte order mark), else
    /// TOML: a TOML inventory starts with a comment, a key or a table header.
    pub fn detect(text: &str) -> Format {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Toml => "TOML",
        })
    }
}

/// What [`Inventory::to_json`] and [`Inventory::to_toml`] write of a list with no
/// devices: the Cards screen offers these two exports before its tools, the serialisers
/// among them, are loaded (a test holds them equal to what the functions write).
pub const EMPTY_JSON: &str = "{\n  \"version\": 1,\n  \"devices\": []\n}";
pub const EMPTY_TOML: &str = "# smarthost device inventory\nversion = 1\n";

impl Inventory {
    pub fn new(devices: Vec<Device>) -> Self {
        Inventory {
            version: INVENTORY_VERSION,
            devices,
        }
    }

    /// Every field of every device, in the layout serde's `to_string_pretty` gave before.
    pub fn to_json(&self) -> String {
        // Text and an integer always serialise; the empty fallback is never taken.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A TOML document with one `[[devices]]` table per device and only the fields that
    /// are filled in, for people who keep the inventory by hand: `client` only for an
    /// application, since a device is what an absent one means.
    pub fn to_toml(&self) -> String {
        let mut out = format!("# smarthost device inventory\nversion = {}\n", self.version);
        for device in &self.devices {
            out.push_str("\n[[devices]]\n");
            for (name, value) in device.written_fields() {
                let default_client = name == CLIENT_FIELD && device.client == Client::Device;
                if !value.is_empty() && !default_client {
                    out.push_str(name);
                    out.push_str(" = ");
                    out.push_str(&basic_string(value));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// [`Imported::read_json`] without the notice, for round trips of exports (which
    /// always carry the cloud).
    pub fn from_json(text: &str) -> Result<Inventory, ImportError> {
        Imported::read_json(text).map(|imported| imported.inventory)
    }

    /// [`Imported::read_toml`] without the notice.
    pub fn from_toml(text: &str) -> Result<Inventory, ImportError> {
        Imported::read_toml(text).map(|imported| imported.inventory)
    }

    /// [`Imported::read`] without the notice.
    pub fn import(text: &str) -> Result<Inventory, ImportError> {
        Imported::read(text).map(|imported| imported.inventory)
    }
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "inventory_merge_tests.rs"]
mod merge_tests;

#[cfg(all(test, feature = "toml", feature = "browser-toml"))]
#[path = "inventory_readers_tests.rs"]
mod readers_tests;
