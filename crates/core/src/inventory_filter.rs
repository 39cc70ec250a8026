//! Finding devices in a long list: an MSP keeps several customers' fleets in one
//! inventory (review J3), so the Cards screen filters it by a search over the name, the
//! customer and the smart host, and by one customer, and prints what the filter shows.
//! Plain data, tested natively.

use super::Device;

/// Which devices the list shows (and prints).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceFilter {
    /// Words that must each appear (ignoring case) in the name, customer or smart host.
    pub search: String,
    /// One customer's devices, compared ignoring case and outer blanks; `Some("")` is
    /// the devices without a customer, `None` every device.
    pub customer: Option<String>,
}

/// Text compared ignoring case and outer blanks, as a person reads a customer's name.
fn folded(text: &str) -> String {
    text.trim().to_lowercase()
}

impl DeviceFilter {
    /// Whether the filter lets every device through.
    pub fn is_open(&self) -> bool {
        self.search.trim().is_empty() && self.customer.is_none()
    }

    pub fn matches(&self, device: &Device) -> bool {
        self.matches_showing(device, None)
    }

    /// [`DeviceFilter::matches`], the search also reading `shown_host`: the host a list
    /// shows for the device when its card fills one in (`smtp.office365.com` for SMTP
    /// AUTH), so what the reader sees is what the search finds.
    pub fn matches_showing(&self, device: &Device, shown_host: Option<&str>) -> bool {
        if let Some(customer) = &self.customer {
            if folded(customer) != folded(&device.customer) {
                return false;
            }
        }
        let shown_host = shown_host.unwrap_or_default();
        let fields = [&device.name, &device.customer, &device.smart_host];
        let haystack = (fields.into_iter().map(String::as_str))
            .chain([shown_host])
            .map(folded)
            .collect::<Vec<_>>()
            .join("\n");
        folded(&self.search)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The positions (from 0) of the devices of `devices` the filter lets through.
    pub fn positions(&self, devices: &[Device]) -> Vec<usize> {
        (devices.iter().enumerate())
            .filter(|(_, device)| self.matches(device))
            .map(|(at, _)| at)
            .collect()
    }
}

/// The customers named in `devices`, each once (however it is capitalised, in its first
/// spelling), sorted ignoring case; devices without one are not a customer.
pub fn customers(devices: &[Device]) -> Vec<String> {
    let mut names: Vec<(String, String)> = Vec::new();
    for device in devices {
        let name = device.customer.trim();
        let key = folded(name);
        if !name.is_empty() && !names.iter().any(|(k, _)| *k == key) {
            names.push((key, name.to_owned()));
        }
    }
    names.sort();
    names.into_iter().map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::{customers, DeviceFilter};
    use crate::inventory::Device;

    fn device(name: &str, customer: &str, smart_host: &str) -> Device {
        Device {
            name: name.into(),
            customer: customer.into(),
            smart_host: smart_host.into(),
            ..Device::default()
        }
    }

    fn fleet() -> Vec<Device> {
        vec![
            device(
                "Ricoh 2nd floor",
                "Contoso",
                "contoso-com.mail.protection.outlook.com",
            ),
            device(
                "Canon warehouse",
                " fabrikam ",
                "fabrikam-com.mail.protection.outlook.com",
            ),
            device("Xerox reception", "", ""),
            device("Billing app", "CONTOSO", "smtp.office365.com"),
        ]
    }

    #[test]
    fn an_open_filter_shows_every_device() {
        let filter = DeviceFilter::default();
        assert!(filter.is_open());
        assert_eq!(filter.positions(&fleet()), [0, 1, 2, 3]);
        let blank = DeviceFilter {
            search: "   ".into(),
            customer: None,
        };
        assert!(blank.is_open());
        assert_eq!(blank.positions(&fleet()), [0, 1, 2, 3]);
    }

    #[test]
    fn the_search_reads_name_customer_and_smart_host_ignoring_case() {
        let search = |text: &str| {
            DeviceFilter {
                search: text.into(),
                customer: None,
            }
            .positions(&fleet())
        };
        assert_eq!(search("RICOH"), [0]);
        assert_eq!(search("contoso"), [0, 3]);
        assert_eq!(search("fabrikam-com.mail"), [1]);
        assert_eq!(search("office365"), [3]);
        // Every word must match, each anywhere.
        assert_eq!(search("contoso app"), [3]);
        assert_eq!(search("canon contoso"), Vec::<usize>::new());
        // Only those three fields are searched.
        assert_eq!(search("scanner@"), Vec::<usize>::new());
    }

    #[test]
    fn the_search_also_reads_the_host_a_list_shows() {
        let filter = DeviceFilter {
            search: "office365".into(),
            customer: None,
        };
        let xerox = &fleet()[2];
        assert!(!filter.matches(xerox));
        assert!(filter.matches_showing(xerox, Some("smtp.office365.com")));
        let other = DeviceFilter {
            customer: Some("Contoso".into()),
            ..filter
        };
        assert!(!other.matches_showing(xerox, Some("smtp.office365.com")));
    }

    #[test]
    fn a_customer_is_chosen_ignoring_case_and_blanks_and_none_means_without_one() {
        let only = |customer: &str| {
            DeviceFilter {
                search: String::new(),
                customer: Some(customer.into()),
            }
            .positions(&fleet())
        };
        assert_eq!(only("Contoso"), [0, 3]);
        assert_eq!(only("Fabrikam"), [1]);
        assert_eq!(only(""), [2]);
        assert_eq!(only("Northwind"), Vec::<usize>::new());
        let both = DeviceFilter {
            search: "billing".into(),
            customer: Some("contoso".into()),
        };
        assert!(!both.is_open());
        assert_eq!(both.positions(&fleet()), [3]);
    }

    #[test]
    fn each_customer_is_listed_once_in_its_first_spelling_sorted() {
        assert_eq!(customers(&fleet()), ["Contoso", "fabrikam"]);
        assert!(customers(&[]).is_empty());
        assert!(customers(&[device("Lone", "  ", "")]).is_empty());
    }
}
