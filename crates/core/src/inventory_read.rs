//! Reading an inventory: the JSON and TOML entry points, then the schema applied to what
//! serde read (`inventory_file.rs`), whichever reader read it.

use super::file::{DeviceFile, DeviceList, InventoryFile, Loose, Slot, Top};
use super::{
    CloudAssumed, Device, DeviceRef, Format, ImportError, Inventory, Refusal, ASSUMED_CLOUD,
    CLIENT_FIELD, CLOUD_FIELD, INVENTORY_VERSION, MAX_DEVICES, MAX_IMPORT_BYTES,
};
use crate::cloud::Cloud;
use crate::echo::shown;
use crate::plan::Client;
use serde::Deserialize;

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

    /// Reads a TOML inventory under the same rules as [`Imported::read_json`]: with the
    /// `toml` crate natively ([`Imported::read_toml_with_lines`] without the lines), with
    /// core's small reader in the browser build (feature `browser-toml` alone).
    pub fn read_toml(text: &str) -> Result<Imported, ImportError> {
        #[cfg(feature = "toml")]
        return Imported::read_toml_with_lines(text)
            .map(|read| read.imported)
            .map_err(|refusal| refusal.error);
        #[cfg(not(feature = "toml"))]
        return Imported::read_toml_small(text);
    }

    /// [`Imported::read_toml`] through core's own reader ([`crate::toml_doc`]), the one the
    /// browser ships; it accepts the same files as the `toml` crate's path (core's tests
    /// read every sample both ways).
    #[cfg(feature = "browser-toml")]
    pub fn read_toml_small(text: &str) -> Result<Imported, ImportError> {
        check_size(text)?;
        let syntax = |line, column| ImportError::Syntax {
            format: Format::Toml,
            line,
            column,
        };
        let tree = crate::toml_doc::parse(text).map_err(|e| syntax(e.line, e.column))?;
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

pub(super) fn check_size(text: &str) -> Result<(), ImportError> {
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
pub(super) fn from_top(top: Top) -> Result<Imported, ImportError> {
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
        customer,
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
        customer: plain("customer", customer)?,
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
