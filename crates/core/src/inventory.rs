//! A device inventory, as the app keeps it and exports it (JSON), and as a team may keep
//! it by hand (TOML, such as `guide/devices.toml`), so an IT team can keep its fleet in a
//! file and print a card per device.
//!
//! Both formats have one schema: `version` (the integer 1) and `devices`, a list of
//! tables whose fields are all optional text. The small codecs in [`crate::json`] and
//! [`crate::toml_doc`] read them, which keeps the serde JSON crate out of the browser build.

use crate::card::CardInput;
use crate::cloud::Cloud;
use crate::echo::{look_alike_note, shown};
use crate::json::{self, Json, Number};
use crate::method::MethodId;
use crate::toml_doc;
use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// The format version written in every export.
pub const INVENTORY_VERSION: u32 = 1;

/// At most this many devices per inventory, so a wrong file cannot freeze the page.
pub const MAX_DEVICES: usize = 1000;

/// At most this many bytes per import, for the same reason: a thousand devices with
/// long notes fit many times over.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// One device, as typed: values are validated when its card is built, so a half-filled
/// device is kept, not lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Device {
    pub name: String,
    pub location: String,
    pub model: String,
    /// A method id such as `direct-send`; empty until chosen.
    pub method: String,
    pub from: String,
    pub domain: String,
    pub smart_host: String,
    pub ip: String,
    pub username: String,
    pub notes: String,
}

impl Device {
    /// The card input for this device in `cloud`.
    pub fn card_input(&self, cloud: Cloud) -> CardInput {
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
            cloud,
        }
    }

    /// The fields by their names in both formats, in the order they are written.
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
                        .fields()
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
    /// are filled in, for people who keep the inventory by hand.
    pub fn to_toml(&self) -> String {
        let mut out = format!("# smarthost device inventory\nversion = {}\n", self.version);
        for device in &self.devices {
            out.push_str("\n[[devices]]\n");
            for (name, value) in device.fields() {
                if !value.is_empty() {
                    out.push_str(name);
                    out.push_str(" = ");
                    out.push_str(&toml_doc::basic_string(value));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// Reads a JSON export; unknown fields, a wrong version or too many devices are
    /// refused.
    pub fn from_json(text: &str) -> Result<Inventory, ImportError> {
        check_size(text)?;
        let tree = json::parse(text).map_err(|e| ImportError::Syntax {
            format: Format::Json,
            detail: e.to_string(),
        })?;
        from_tree(tree)
    }

    /// Reads a TOML inventory under the same rules as [`Inventory::from_json`].
    pub fn from_toml(text: &str) -> Result<Inventory, ImportError> {
        check_size(text)?;
        let tree = toml_doc::parse(text).map_err(|e| ImportError::Syntax {
            format: Format::Toml,
            detail: e.to_string(),
        })?;
        from_tree(tree)
    }

    /// Reads either format, as [`Format::detect`] tells them apart.
    pub fn import(text: &str) -> Result<Inventory, ImportError> {
        match Format::detect(text) {
            Format::Json => Inventory::from_json(text),
            Format::Toml => Inventory::from_toml(text),
        }
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
fn from_tree(tree: Json) -> Result<Inventory, ImportError> {
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
    let devices = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| read_device(index + 1, item))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Inventory { version, devices })
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

/// `number` counts from 1, as a person counts the devices in the file.
fn read_device(number: usize, item: Json) -> Result<Device, ImportError> {
    let Json::Object(fields) = item else {
        return Err(not_inventory(format!(
            "device {number} is not a table of fields"
        )));
    };
    let mut device = Device::default();
    for (key, value) in fields {
        let slot = device.field_mut(&key).ok_or_else(|| {
            not_inventory(format!(
                "device {number}: unknown field \"{}\"{}",
                shown(&key),
                look_alike_note(&key)
            ))
        })?;
        let Json::String(text) = value else {
            return Err(not_inventory(format!(
                "device {number}: \"{key}\" must be text in quotes"
            )));
        };
        *slot = text;
    }
    Ok(device)
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
