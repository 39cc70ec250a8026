//! "Add to a device card": the DNS check links to the Cards screen with one device's
//! values in the query, and the Cards screen adds that device, then takes the values
//! out of its address. The two screens are separate binaries; this is the contract
//! between them. No rendering and no browser: tested natively.

use smarthost_core::cloud::Cloud;
use smarthost_core::inventory::Device;
use smarthost_core::validate;

/// Every query key of the link, so the Cards screen can remove them all.
pub const KEYS: [&str; 6] = ["add", "domain", "smart_host", "method", "cloud", "ip"];

/// The method a device gets when the check was run for any method.
const DEFAULT_METHOD: &str = "direct-send";

/// The link's query values for a device of `domain` sending to `smart_host` in `cloud`,
/// with the check's method (Direct Send when none was chosen) and the first of its
/// device addresses.
pub fn params<'a>(
    domain: &'a str,
    smart_host: &'a str,
    cloud: Cloud,
    method: &'a str,
    ips: &'a str,
) -> [(&'static str, Option<&'a str>); 6] {
    let method = match method.trim() {
        "" => DEFAULT_METHOD,
        chosen => chosen,
    };
    [
        ("add", Some("1")),
        ("domain", Some(domain)),
        ("smart_host", Some(smart_host)),
        ("method", Some(method)),
        ("cloud", Some(cloud.id())),
        ("ip", validate::list_items(ips).next()),
    ]
}

/// The device a query adds, when it is such a link (`add=1`); `value` reads one key.
/// A cloud that is not one of the listed ids is read as worldwide.
pub fn device(value: impl Fn(&str) -> Option<String>) -> Option<Device> {
    if value("add").as_deref() != Some("1") {
        return None;
    }
    let value = |key: &str| value(key).unwrap_or_default();
    Some(Device {
        domain: value("domain"),
        smart_host: value("smart_host"),
        method: value("method"),
        // The DNS check's cloud, when its link carries one.
        cloud: Cloud::parse(&value("cloud")).unwrap_or_default(),
        ip: value("ip"),
        ..Device::default()
    })
}

/// The query updates that take the link's values out of an address.
pub fn cleared() -> [(&'static str, Option<&'static str>); 6] {
    KEYS.map(|key| (key, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a>(
        query: &'a [(&'static str, Option<&'a str>)],
    ) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| {
            query
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.map(str::to_owned))
        }
    }

    #[test]
    fn the_cards_screen_adds_the_device_the_check_links() {
        let query = params(
            "contoso.com",
            "contoso-com.mail.protection.office365.us",
            Cloud::GccHigh,
            " relay-ip ",
            "203.0.113.25, 198.51.100.7",
        );
        let expected = Device {
            domain: "contoso.com".to_owned(),
            smart_host: "contoso-com.mail.protection.office365.us".to_owned(),
            method: "relay-ip".to_owned(),
            cloud: Cloud::GccHigh,
            ip: "203.0.113.25".to_owned(),
            ..Device::default()
        };
        assert_eq!(device(read(&query)), Some(expected));
    }

    #[test]
    fn a_check_for_any_method_adds_a_direct_send_device_without_an_address() {
        let query = params("contoso.com", "mx.contoso.com", Cloud::Worldwide, "  ", "");
        let added = device(read(&query)).unwrap();
        assert_eq!(added.method, "direct-send");
        assert_eq!(added.ip, "");
        assert_eq!(added.cloud, Cloud::Worldwide);
    }

    #[test]
    fn only_an_add_link_adds_and_an_unknown_cloud_is_worldwide() {
        assert_eq!(device(read(&[("domain", Some("contoso.com"))])), None);
        assert_eq!(device(read(&[("add", Some("true"))])), None);
        let added = device(read(&[("add", Some("1")), ("cloud", Some("mars"))])).unwrap();
        assert_eq!(added.cloud, Cloud::Worldwide);
        assert_eq!(added.domain, "");
    }

    #[test]
    fn cleaning_removes_every_key_the_link_sets() {
        let set: Vec<_> = params("a.example", "b.example", Cloud::Gcc, "", "")
            .map(|(key, _)| key)
            .into();
        let removed: Vec<_> = cleared()
            .iter()
            .filter(|(_, value)| value.is_none())
            .map(|(key, _)| *key)
            .collect();
        assert_eq!(set, removed);
    }
}
