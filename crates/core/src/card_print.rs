//! What a print of the inventory's cards will hold, decided before anything is printed:
//! the cards that print, the devices left out because their card cannot be built (with
//! why), and the printed cards that have no smart host yet. The Cards screen shows the
//! last two before it prints, and prints nothing when no card can be built.

use crate::device_card::{build_device_card, DeviceCard};
use crate::field_error::FieldError;
use crate::inventory::Device;

/// A device whose card cannot be printed, and why (every invalid field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The device's name as typed, or `None` when it has none.
    pub name: Option<String>,
    pub errors: Vec<FieldError>,
}

/// The print of a list of devices, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrintPlan {
    pub cards: Vec<DeviceCard>,
    pub left_out: Vec<LeftOut>,
}

impl PrintPlan {
    /// Builds every device's card on `date`.
    pub fn new(devices: &[Device], date: &str) -> PrintPlan {
        let mut plan = PrintPlan::default();
        for device in devices {
            match build_device_card(device, date) {
                Ok(card) => plan.cards.push(card),
                Err(errors) => {
                    let name = device.name.trim();
                    plan.left_out.push(LeftOut {
                        name: (!name.is_empty()).then(|| name.to_owned()),
                        errors,
                    });
                }
            }
        }
        plan
    }

    /// The printed devices whose smart host line is no host name yet (the MX host still
    /// to be read, the relay's address to be given, or a method our sources do not
    /// confirm in the device's cloud): such a card cannot be typed into the device.
    pub fn without_host(&self) -> Vec<&str> {
        self.cards
            .iter()
            .filter(|card| !card.card.smart_host.known())
            .map(|card| card.card.device.as_str())
            .collect()
    }

    /// Whether anything prints at all.
    pub fn can_print(&self) -> bool {
        !self.cards.is_empty()
    }

    /// Whether the admin should see what is missing before the print dialog opens.
    pub fn needs_confirmation(&self) -> bool {
        !self.left_out.is_empty() || !self.without_host().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::PrintPlan;
    use crate::inventory::Device;

    const DATE: &str = "2026-12-02";

    fn device(name: &str, method: &str, host: &str) -> Device {
        Device {
            name: name.into(),
            method: method.into(),
            from: "scanner@contoso.com".into(),
            smart_host: host.into(),
            ..Device::default()
        }
    }

    #[test]
    fn a_list_of_good_cards_prints_without_asking() {
        let plan = PrintPlan::new(
            &[
                device(
                    "Ricoh",
                    "direct-send",
                    "contoso-com.mail.protection.outlook.com",
                ),
                device("Billing", "client-submission", ""),
            ],
            DATE,
        );
        assert_eq!(plan.cards.len(), 2);
        assert!(plan.left_out.is_empty());
        assert!(plan.can_print());
        assert!(!plan.needs_confirmation());
    }

    #[test]
    fn an_invalid_device_is_left_out_with_its_errors_and_its_name() {
        let plan = PrintPlan::new(
            &[
                device(
                    "Ricoh",
                    "direct-send",
                    "contoso-com.mail.protection.outlook.com",
                ),
                device("Canon", "relay-ipx", ""),
                device("  ", "", ""),
            ],
            DATE,
        );
        assert_eq!(plan.cards.len(), 1);
        assert_eq!(plan.left_out.len(), 2);
        assert_eq!(plan.left_out[0].name.as_deref(), Some("Canon"));
        assert!(plan.left_out[0].errors.iter().any(|e| e.field == "method"));
        assert_eq!(plan.left_out[1].name, None);
        assert!(plan.left_out[1].errors.iter().any(|e| e.field == "device"));
        assert!(plan.needs_confirmation());
        assert!(plan.can_print());
    }

    #[test]
    fn a_card_without_its_smart_host_is_named() {
        let plan = PrintPlan::new(
            &[
                device("Ricoh", "direct-send", ""),
                device("Relay", "onprem-relay", ""),
                device("Billing", "client-submission", ""),
            ],
            DATE,
        );
        assert_eq!(plan.without_host(), ["Ricoh", "Relay"]);
        assert!(plan.needs_confirmation());
    }

    #[test]
    fn nothing_prints_when_no_card_can_be_built() {
        assert!(!PrintPlan::new(&[], DATE).can_print());
        let plan = PrintPlan::new(&[device("Canon", "relay-ipx", "")], DATE);
        assert!(!plan.can_print());
        assert!(plan.needs_confirmation());
    }
}
