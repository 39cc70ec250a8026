//! What a print of the inventory's cards will hold, decided before anything is printed:
//! the cards that print, the devices left out because their card cannot be built (with
//! why), and the printed cards that have no smart host yet. The Cards screen shows the
//! last two before it prints, and prints nothing when no card can be built.

use crate::card::SmartHost;
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

/// A device's card as built: the card, or every invalid field.
pub type Built = Result<DeviceCard, Vec<FieldError>>;

impl PrintPlan {
    /// Builds every device's card on `date`.
    pub fn new(devices: &[Device], date: &str) -> PrintPlan {
        PrintPlan::from_built(
            devices
                .iter()
                .map(|device| (device.name.as_str(), build_device_card(device, date))),
        )
    }

    /// The plan of cards already built, each with its device's name as typed: the
    /// Cards screen keeps each device's card and does not build them all again.
    pub fn from_built<'a>(built: impl IntoIterator<Item = (&'a str, Built)>) -> PrintPlan {
        let mut plan = PrintPlan::default();
        for (name, card) in built {
            match card {
                Ok(card) => plan.cards.push(card),
                Err(errors) => {
                    let name = name.trim();
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

/// A device's state in one word, for the compact list: its card prints as it is, has no
/// smart host yet, or cannot be made because of this many invalid fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStatus {
    Ready,
    NoHost,
    Problems(usize),
}

impl CardStatus {
    pub fn of(built: &Built) -> CardStatus {
        match built {
            Ok(card) if card.card.smart_host.known() => CardStatus::Ready,
            Ok(_) => CardStatus::NoHost,
            Err(errors) => CardStatus::Problems(errors.len().max(1)),
        }
    }
}

/// The host name a device's card names for its smart host, if it names one (the MX
/// host given, a relay's address, or the endpoint the card fills in itself).
pub fn named_host(built: &Built) -> Option<&str> {
    match built {
        Ok(card) => match &card.card.smart_host {
            SmartHost::Named(host) => Some(host),
            _ => None,
        },
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{named_host, CardStatus, PrintPlan};
    use crate::device_card::build_device_card;
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
    fn a_status_says_ready_no_host_or_how_many_problems() {
        let status = |device: &Device| CardStatus::of(&build_device_card(device, DATE));
        let ricoh = device(
            "Ricoh",
            "direct-send",
            "contoso-com.mail.protection.outlook.com",
        );
        assert_eq!(status(&ricoh), CardStatus::Ready);
        assert_eq!(
            status(&device("Ricoh", "direct-send", "")),
            CardStatus::NoHost
        );
        assert_eq!(status(&device("", "", "")), CardStatus::Problems(2));
        let long_customer = Device {
            customer: "c".repeat(81),
            ..ricoh
        };
        assert_eq!(status(&long_customer), CardStatus::Problems(1));
        let host =
            |device: &Device| named_host(&build_device_card(device, DATE)).map(str::to_owned);
        assert_eq!(
            host(&device("Billing", "client-submission", "")).as_deref(),
            Some("smtp.office365.com")
        );
        assert_eq!(host(&device("Ricoh", "direct-send", "")), None);
        assert_eq!(host(&device("", "", "")), None);
    }

    #[test]
    fn a_plan_of_built_cards_is_the_plan_of_its_devices() {
        let devices = [
            device(
                "Ricoh",
                "direct-send",
                "contoso-com.mail.protection.outlook.com",
            ),
            device(" Canon ", "relay-ipx", ""),
        ];
        let built = devices
            .iter()
            .map(|d| (d.name.as_str(), build_device_card(d, DATE)));
        assert_eq!(PrintPlan::from_built(built), PrintPlan::new(&devices, DATE));
    }

    #[test]
    fn nothing_prints_when_no_card_can_be_built() {
        assert!(!PrintPlan::new(&[], DATE).can_print());
        let plan = PrintPlan::new(&[device("Canon", "relay-ipx", "")], DATE);
        assert!(!plan.can_print());
        assert!(plan.needs_confirmation());
    }
}
