//! A device inventory, as the app keeps it and exports it (JSON), and as a team may keep
//! it by hand (TOML, such as `guide/devices.toml`), so an IT team can keep its fleet in a
//! file and print a card per device.
//!
//! Both formats have one schema: `version` (the integer 1) and `devices`, a list of
//! tables whose fields are all optional text. serde's derive reads both (see
//! `inventory_file.rs`): JSON through serde_json, TOML through [`crate::toml_doc`]'s tree.
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

use crate::card::CardInput;
use crate::cloud::Cloud;
use crate::echo::shown;
use crate::method::MethodId;
use crate::plan::Client;
use crate::toml_doc;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

#[path = "inventory_error.rs"]
mod error;
#[path = "inventory_file.rs"]
mod file;

pub use error::{CloudAssumed, DeviceRef, FieldName, ImportError, OddChar, Refusal};
use file::{DeviceFile, DeviceList, InventoryFile, Loose, Slot, Top};

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
    fn fields(&self) -> [(&'static str, &str); 10] {
        [
            ("name", &self.name),
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
    fn written_fields(&self) -> [(&'static str, &str); 12] {
        let [name, location, model, method, from, domain, smart_host, ip, username, notes] =
            self.fields();
        [
            name,
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

/// What an import read: the inventory, and the notice when devices had no cloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub inventory: Inventory,
    pub cloud_assumed: Option<CloudAssumed>,
}

impl Imported {
    /// Reads a JSON export; unknown fields, an unknown cloud, a wrong version or too many
    /// devices are refused.
    pub fn read_json(text: &str) -> Result<Imported, ImportError> {
        check_size(text)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = serde_json::Deserializer::from_str(text);
        // serde_json's own limit of 128 nested lists and tables keeps the stack safe.
        let top = Top::deserialize(&mut reader).and_then(|top| reader.end().map(|()| top));
        top.map_err(|e| ImportError::Syntax {
            format: Format::Json,
            line: e.line(),
            column: e.column(),
        })
        .and_then(from_top)
    }

    /// Reads a TOML inventory under the same rules as [`Imported::read_json`].
    pub fn read_toml(text: &str) -> Result<Imported, ImportError> {
        check_size(text)?;
        let syntax = |line, column| ImportError::Syntax {
            format: Format::Toml,
            line,
            column,
        };
        let tree = toml_doc::parse(text).map_err(|e| syntax(e.line, e.column))?;
        // Reading a tree has no text to fail on; an error would be a tree serde refuses.
        let top = Top::deserialize(tree).map_err(|_| syntax(1, 1))?;
        from_top(top)
    }

    /// Reads either format, as [`Format::detect`] tells them apart.
    pub fn read(text: &str) -> Result<Imported, ImportError> {
        match Format::detect(text) {
            Format::Json => Imported::read_json(text),
            Format::Toml => Imported::read_toml(text),
        }
    }
}

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
                    out.push_str(&toml_doc::basic_string(value));
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

fn check_size(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(())
}

/// Applies the schema to what serde read, in the order the checks were always made:
/// the top level, the version, the list, then each device.
fn from_top(top: Top) -> Result<Imported, ImportError> {
    let file = match top {
        Top::File(file) => file,
        Top::Refused(refusal) => return Err(ImportError::NotInventory(refusal)),
    };
    let InventoryFile { version, devices } = file;
    let version = read_version(version)?;
    let slots = match devices {
        DeviceList::Absent => Vec::new(),
        DeviceList::NotList => return Err(ImportError::NotInventory(Refusal::DevicesNotList)),
        DeviceList::List { count, .. } if count > MAX_DEVICES => {
            return Err(ImportError::TooMany(count))
        }
        DeviceList::List { devices, .. } => devices,
    };
    let mut devices = Vec::with_capacity(slots.len());
    let mut assumed = Vec::new();
    for (index, slot) in slots.into_iter().enumerate() {
        let number = index + 1;
        let (device, cloud_given) = read_device(number, slot)?;
        if !cloud_given {
            assumed.push(DeviceRef::new(number, &device.name));
        }
        devices.push(device);
    }
    Ok(Imported {
        inventory: Inventory { version, devices },
        cloud_assumed: (!assumed.is_empty()).then_some(CloudAssumed { devices: assumed }),
    })
}

fn read_version(version: Loose<u64>) -> Result<u32, ImportError> {
    let number = match version {
        Loose::Absent => return Err(ImportError::NotInventory(Refusal::VersionMissing)),
        Loose::Other => return Err(ImportError::NotInventory(Refusal::VersionNotNumber)),
        Loose::Given(number) => number,
    };
    let version =
        u32::try_from(number).map_err(|_| ImportError::NotInventory(Refusal::VersionNotNumber))?;
    if version != INVENTORY_VERSION {
        return Err(ImportError::Version(version));
    }
    Ok(version)
}

/// `number` counts from 1, as a person counts the devices in the file. Also says whether
/// the device named its cloud; without one it is read in [`ASSUMED_CLOUD`].
fn read_device(number: usize, slot: Slot) -> Result<(Device, bool), ImportError> {
    let refused = |refusal| Err(ImportError::NotInventory(refusal));
    let file = match slot {
        Slot::Device(file) => file,
        Slot::NotTable => return refused(Refusal::DeviceNotTable { device: number }),
        Slot::Refused {
            unknown: true,
            field,
        } => {
            return refused(Refusal::UnknownField {
                device: Some(number),
                field,
            })
        }
        Slot::Refused { field, .. } => {
            return refused(Refusal::RepeatedField {
                device: Some(number),
                field,
            })
        }
    };
    let DeviceFile {
        name,
        location,
        model,
        method,
        cloud,
        client,
        from,
        domain,
        smart_host,
        ip,
        username,
        notes,
    } = *file;
    let text = |field: &'static str, value: Loose<String>| match value {
        Loose::Given(text) => Ok(Some(text)),
        Loose::Absent => Ok(None),
        Loose::Other => Err(ImportError::NotInventory(Refusal::NotText {
            device: number,
            field,
        })),
    };
    let plain = |field, value| text(field, value).map(Option::unwrap_or_default);
    let mut device = Device {
        name: plain("name", name)?,
        location: plain("location", location)?,
        model: plain("model", model)?,
        method: plain("method", method)?,
        ..Device::default()
    };
    let cloud = text(CLOUD_FIELD, cloud)?;
    if let Some(client) = text(CLIENT_FIELD, client)? {
        device.client = Client::parse(&client).ok_or_else(|| {
            ImportError::NotInventory(Refusal::UnknownClient {
                device: number,
                value: shown(&client),
            })
        })?;
    }
    device.from = plain("from", from)?;
    device.domain = plain("domain", domain)?;
    device.smart_host = plain("smart_host", smart_host)?;
    device.ip = plain("ip", ip)?;
    device.username = plain("username", username)?;
    device.notes = plain("notes", notes)?;
    let Some(cloud) = cloud else {
        device.cloud = ASSUMED_CLOUD;
        return Ok((device, false));
    };
    // Checked once the whole device is read, so the message can give its name.
    device.cloud = Cloud::parse(&cloud).ok_or_else(|| ImportError::UnknownCloud {
        device: DeviceRef::new(number, &device.name),
        value: shown(&cloud),
    })?;
    Ok((device, true))
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
