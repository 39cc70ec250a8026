//! A device inventory, as the app keeps it and exports it (JSON), and as a team may keep
//! it by hand (TOML, such as `guide/devices.toml`), so an IT team can keep its fleet in a
//! file and print a card per device.
//!
//! Both formats have one schema: `version` (the integer 1) and `devices`, a list of
//! tables whose fields are all optional text. The small codecs in [`crate::json`] and
//! [`crate::toml_doc`] read them, which keeps the serde JSON crate out of the browser build.
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
use crate::echo::{look_alike_note, shown};
use crate::i18n::{format, format_count, Lang};
use crate::json::{self, Json, Number};
use crate::method::MethodId;
use crate::plan::Client;
use crate::toml_doc;
use serde::{Serialize, Serializer};
use std::fmt;
use thiserror::Error;

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

    fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "name" => &mut self.name,
            "location" => &mut self.location,
            "model" => &mut self.model,
            "method" => &mut self.method,
            "from" => &mut self.from,
            "domain" => &mut self.domain,
            "smart_host" => &mut self.smart_host,
            "ip" => &mut self.ip,
            "username" => &mut self.username,
            "notes" => &mut self.notes,
            _ => return None,
        })
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

/// Why an import was refused; the existing inventory is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    /// The file is well-formed but does not follow the inventory schema.
    #[error("this is not a smarthost inventory: {0}")]
    NotInventory(String),
    #[error("this inventory is version {0}; this smarthost reads version 1")]
    Version(u32),
    #[error("the inventory has {0} devices; at most 1000 can be imported")]
    TooMany(usize),
    /// The text is not well-formed in its format; `detail` has the line and column.
    #[error("this is not valid {format}: {detail}")]
    Syntax { format: Format, detail: String },
    #[error("the file is {0} bytes; at most 8 MiB can be imported")]
    TooLarge(usize),
    /// A device's `cloud` is not one of [`Cloud::ALL`]; nothing is guessed, since the
    /// cloud decides every host on the card. `name` and `value` are safe to show.
    #[error("{}", unknown_cloud_message(Lang::En, .device, .value))]
    UnknownCloud { device: DeviceRef, value: String },
}

impl ImportError {
    /// The message in `lang`. Only the cloud error has catalog texts so far; the others
    /// keep their English `Display`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::UnknownCloud { device, value } => {
                unknown_cloud_message(lang, device, value)
            }
            other => other.to_string(),
        }
    }
}

fn unknown_cloud_message(lang: Lang, device: &DeviceRef, value: &str) -> String {
    let clouds = Cloud::ALL.map(Cloud::id).join(", ");
    format(
        lang,
        "inventory.error.unknown-cloud",
        &[
            ("device", &device.label(lang)),
            ("value", value),
            ("clouds", &clouds),
        ],
    )
}

/// A device as a message names it: its number in the file (from 1) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRef {
    pub number: usize,
    /// Trimmed and safe to show (see `echo::shown`); empty for a device without a name.
    pub name: String,
}

impl DeviceRef {
    fn new(number: usize, name: &str) -> DeviceRef {
        DeviceRef {
            number,
            name: shown(name.trim()),
        }
    }

    /// `device 3 "Ricoh 2nd floor"`, or `device 3` without a name.
    pub fn label(&self, lang: Lang) -> String {
        let number = self.number.to_string();
        if self.name.is_empty() {
            format(lang, "inventory.device.unnamed", &[("number", &number)])
        } else {
            format(
                lang,
                "inventory.device",
                &[("number", &number), ("name", &self.name)],
            )
        }
    }
}

/// The notice for a file whose devices (some or all) had no `cloud`: they were read as
/// [`ASSUMED_CLOUD`], and the reader should know which ones to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudAssumed {
    /// In file order; never empty.
    pub devices: Vec<DeviceRef>,
}

/// How many devices a notice names before it says "and N more".
const NAMED_IN_NOTICE: usize = 10;

impl CloudAssumed {
    pub fn message(&self, lang: Lang) -> String {
        let named: Vec<String> = self
            .devices
            .iter()
            .take(NAMED_IN_NOTICE)
            .map(|d| d.label(lang))
            .collect();
        let mut devices = named.join(", ");
        let more = self.devices.len().saturating_sub(NAMED_IN_NOTICE);
        if more > 0 {
            devices = format(
                lang,
                "inventory.notice.more",
                &[("devices", &devices), ("count", &more.to_string())],
            );
        }
        format_count(
            lang,
            "inventory.notice.cloud-assumed",
            self.devices.len(),
            &[("devices", &devices)],
        )
    }
}

crate::i18n::display_in_english!(CloudAssumed);

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
        let tree = json::parse(text).map_err(|e| ImportError::Syntax {
            format: Format::Json,
            detail: e.to_string(),
        })?;
        from_tree(tree)
    }

    /// Reads a TOML inventory under the same rules as [`Imported::read_json`].
    pub fn read_toml(text: &str) -> Result<Imported, ImportError> {
        check_size(text)?;
        let tree = toml_doc::parse(text).map_err(|e| ImportError::Syntax {
            format: Format::Toml,
            detail: e.to_string(),
        })?;
        from_tree(tree)
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
        let devices = self
            .devices
            .iter()
            .map(|device| {
                Json::Object(
                    device
                        .written_fields()
                        .into_iter()
                        .map(|(name, value)| (name.to_owned(), Json::String(value.to_owned())))
                        .collect(),
                )
            })
            .collect();
        json::to_pretty(&Json::Object(vec![
            (
                "version".to_owned(),
                Json::Number(Number::from(self.version)),
            ),
            ("devices".to_owned(), Json::Array(devices)),
        ]))
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

fn not_inventory(why: impl Into<String>) -> ImportError {
    ImportError::NotInventory(why.into())
}

/// Applies the schema to a parsed document of either format.
fn from_tree(tree: Json) -> Result<Imported, ImportError> {
    let Json::Object(members) = tree else {
        return Err(not_inventory(
            "expected an object with \"version\" and \"devices\"",
        ));
    };
    let mut version = None;
    let mut devices = None;
    for (key, value) in members {
        match key.as_str() {
            "version" => version = Some(value),
            "devices" => devices = Some(value),
            other => {
                return Err(not_inventory(format!(
                    "unknown field \"{}\"{}",
                    shown(other),
                    look_alike_note(other)
                )))
            }
        }
    }
    let version = read_version(version)?;
    let items = match devices {
        None => Vec::new(),
        Some(Json::Array(items)) => items,
        Some(_) => return Err(not_inventory("\"devices\" must be a list of devices")),
    };
    if items.len() > MAX_DEVICES {
        return Err(ImportError::TooMany(items.len()));
    }
    let mut devices = Vec::with_capacity(items.len());
    let mut assumed = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let number = index + 1;
        let (device, cloud_given) = read_device(number, item)?;
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

fn read_version(version: Option<Json>) -> Result<u32, ImportError> {
    let number = match version {
        None => return Err(not_inventory("\"version\" is missing (version 1)")),
        Some(Json::Number(number)) => number,
        Some(_) => return Err(not_inventory("\"version\" must be the number 1")),
    };
    let version = number
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| not_inventory("\"version\" must be the number 1"))?;
    if version != INVENTORY_VERSION {
        return Err(ImportError::Version(version));
    }
    Ok(version)
}

/// `number` counts from 1, as a person counts the devices in the file. Also says whether
/// the device named its cloud; without one it is read in [`ASSUMED_CLOUD`].
fn read_device(number: usize, item: Json) -> Result<(Device, bool), ImportError> {
    let Json::Object(fields) = item else {
        return Err(not_inventory(format!(
            "device {number} is not a table of fields"
        )));
    };
    let mut device = Device::default();
    let mut cloud = None;
    for (key, value) in fields {
        let Json::String(text) = value else {
            // An unknown key is named before a wrong type, as it always was.
            if key != CLOUD_FIELD && key != CLIENT_FIELD && device.field_mut(&key).is_none() {
                return Err(unknown_field(number, &key));
            }
            return Err(not_inventory(format!(
                "device {number}: \"{key}\" must be text in quotes"
            )));
        };
        if key == CLOUD_FIELD {
            cloud = Some(text);
            continue;
        }
        if key == CLIENT_FIELD {
            device.client = Client::parse(&text).ok_or_else(|| {
                not_inventory(format!(
                    "device {number}: \"client\" must be \"device\" or \"application\", not \"{}\"",
                    shown(&text)
                ))
            })?;
            continue;
        }
        let slot = device
            .field_mut(&key)
            .ok_or_else(|| unknown_field(number, &key))?;
        *slot = text;
    }
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

fn unknown_field(number: usize, key: &str) -> ImportError {
    not_inventory(format!(
        "device {number}: unknown field \"{}\"{}",
        shown(key),
        look_alike_note(key)
    ))
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
