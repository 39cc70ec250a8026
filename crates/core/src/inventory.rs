//! A device inventory, as the app keeps it and exports it (JSON), so an IT team can keep
//! its fleet in a file and print a card per device.

use crate::card::CardInput;
use crate::cloud::Cloud;
use crate::method::MethodId;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The format version written in every export.
pub const INVENTORY_VERSION: u32 = 1;

/// One device, as typed: values are validated when its card is built, so a half-filled
/// device is kept, not lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
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
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inventory {
    pub version: u32,
    pub devices: Vec<Device>,
}

/// Why an import was refused; the existing inventory is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("this is not a smarthost inventory: {0}")]
    NotInventory(String),
    #[error("this inventory is version {0}; this smarthost reads version 1")]
    Version(u32),
    #[error("the inventory has {0} devices; at most 1000 can be imported")]
    TooMany(usize),
}

/// At most this many devices per inventory, so a wrong file cannot freeze the page.
pub const MAX_DEVICES: usize = 1000;

impl Inventory {
    pub fn new(devices: Vec<Device>) -> Self {
        Inventory {
            version: INVENTORY_VERSION,
            devices,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an export; unknown fields, a wrong version or too many devices are refused.
    pub fn from_json(text: &str) -> Result<Inventory, ImportError> {
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        let inventory: Inventory = serde_json::from_str(text)
            .map_err(|e| ImportError::NotInventory(crate::echo::shown(&e.to_string())))?;
        if inventory.version != INVENTORY_VERSION {
            return Err(ImportError::Version(inventory.version));
        }
        if inventory.devices.len() > MAX_DEVICES {
            return Err(ImportError::TooMany(inventory.devices.len()));
        }
        Ok(inventory)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Inventory {
        Inventory::new(vec![
            Device {
                name: "Ricoh 2nd floor".into(),
                location: "Đà Nẵng office".into(),
                method: "direct-send".into(),
                from: "scanner@contoso.com".into(),
                smart_host: "contoso-com.mail.protection.outlook.com".into(),
                notes: "<script>alert(1)</script> \"quoted\" 🖨️".into(),
                ..Device::default()
            },
            Device::default(),
        ])
    }

    #[test]
    fn json_round_trip_loses_nothing() {
        let inventory = sample();
        assert_eq!(Inventory::from_json(&inventory.to_json()), Ok(inventory));
    }

    #[test]
    fn bad_imports_are_refused_with_a_reason() {
        assert_eq!(Inventory::from_json("  "), Err(ImportError::Empty));
        assert!(matches!(
            Inventory::from_json("[1,2]"),
            Err(ImportError::NotInventory(_))
        ));
        assert!(matches!(
            Inventory::from_json(r#"{"version":1,"devices":[{"name":"a","colour":"red"}]}"#),
            Err(ImportError::NotInventory(m)) if m.contains("colour")
        ));
        assert_eq!(
            Inventory::from_json(r#"{"version":2,"devices":[]}"#),
            Err(ImportError::Version(2))
        );
        let many = Inventory::new(vec![Device::default(); MAX_DEVICES + 1]).to_json();
        assert_eq!(
            Inventory::from_json(&many),
            Err(ImportError::TooMany(MAX_DEVICES + 1))
        );
    }

    #[test]
    fn a_device_becomes_a_card_input() {
        let device = &sample().devices[0];
        let input = device.card_input(Cloud::Worldwide);
        assert_eq!(input.method, Some(MethodId::DirectSend));
        assert_eq!(input.model, None);
        assert_eq!(
            input.smart_host.as_deref(),
            Some("contoso-com.mail.protection.outlook.com")
        );
    }
}
