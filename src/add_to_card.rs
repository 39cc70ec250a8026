//! "Add to a device card": the DNS check and the planner link to the Cards screen with
//! one device's values in the query, and the Cards screen fills a card with them (the one
//! the check came from, one the reader picks, or a new one), then takes the values out of
//! its address. A card links the other way too ("Check this device's DNS"), naming
//! itself so the check's link can fill it back. The screens are separate binaries; this
//! is the contract between them. No rendering and no browser: tested natively.

use smarthost_core::cloud::Cloud;
use smarthost_core::inventory::Device;
use smarthost_core::method::MethodId;
use smarthost_core::plan::Client;
use smarthost_core::validate;

/// The key of the card a link came from: its position in the list, from 0.
pub const CARD_KEY: &str = "card";
/// The key of that card's name when the link was made, to confirm the position still
/// holds the same device (the list is in this browser and may have changed since).
pub const CARD_NAME_KEY: &str = "card_name";

/// Every query key of the link, so the Cards screen can remove them all.
pub const KEYS: [&str; 9] = [
    "add",
    "domain",
    "smart_host",
    "method",
    "cloud",
    "ip",
    "client",
    CARD_KEY,
    CARD_NAME_KEY,
];

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

/// The planner's "Make a card for this method": the query values of a new card for
/// `method` in `cloud`, sent by `client` (left to the card's default when the answers
/// do not say). No domain and no smart host: the planner knows neither; the card asks
/// for them (or fills the host in, for SMTP AUTH).
pub fn from_plan(
    method: MethodId,
    cloud: Cloud,
    client: Option<Client>,
) -> [(&'static str, Option<&'static str>); 4] {
    [
        ("add", Some("1")),
        ("method", Some(method.as_str())),
        ("cloud", Some(cloud.id())),
        ("client", client.map(Client::id)),
    ]
}

/// The card a link came from: its position and its name then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRef {
    pub index: usize,
    pub name: String,
}

impl CardRef {
    /// The card's keys, for a link that should come back to it.
    pub fn pairs(&self) -> [(&'static str, String); 2] {
        [
            (CARD_KEY, self.index.to_string()),
            (CARD_NAME_KEY, self.name.clone()),
        ]
    }

    /// The card a query names, if it names one by a valid position.
    pub fn read(value: impl Fn(&str) -> Option<String>) -> Option<CardRef> {
        let index = value(CARD_KEY)?.trim().parse().ok()?;
        Some(CardRef {
            index,
            name: value(CARD_NAME_KEY).unwrap_or_default(),
        })
    }

    /// Where that card is now: at its position when the name there still matches, else
    /// the one device with that name (the list was reordered); none when the name is
    /// gone or shared by several devices, since filling the wrong card loses values.
    pub fn find(&self, devices: &[Device]) -> Option<usize> {
        let same = |d: &Device| d.name.trim() == self.name.trim();
        if devices.get(self.index).is_some_and(same) {
            return Some(self.index);
        }
        let mut named = devices.iter().enumerate().filter(|(_, d)| same(d));
        match (named.next(), named.next()) {
            (Some((at, _)), None) if !self.name.trim().is_empty() => Some(at),
            _ => None,
        }
    }
}

/// A link to the Cards screen (`add=1`): the values it carries and the card it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddLink {
    pub domain: String,
    pub smart_host: String,
    pub method: String,
    pub cloud: Cloud,
    pub ip: String,
    /// None when the link does not say (the DNS check's does not).
    pub client: Option<Client>,
    pub card: Option<CardRef>,
}

/// Which card a link's values go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// The card at this position: the one the link came from.
    Fill(usize),
    /// A new card at the end.
    New,
    /// The reader chooses: there are cards, and the link names none of them.
    Ask,
}

impl AddLink {
    /// The link a query holds, when it is one (`add=1`); `value` reads one key. A cloud
    /// that is not one of the listed ids is read as worldwide.
    pub fn read(value: impl Fn(&str) -> Option<String>) -> Option<AddLink> {
        if value("add").as_deref() != Some("1") {
            return None;
        }
        let text = |key: &str| value(key).map(|v| v.trim().to_owned()).unwrap_or_default();
        Some(AddLink {
            domain: text("domain"),
            smart_host: text("smart_host"),
            method: text("method"),
            cloud: Cloud::parse(&text("cloud")).unwrap_or_default(),
            ip: text("ip"),
            client: Client::parse(&text("client")),
            card: CardRef::read(&value),
        })
    }

    /// Where the values go among `devices`: the card the link came from when it is still
    /// there; a new card when there is none yet or the link is the planner's (a method to
    /// start a card with, no DNS values to put into an existing one); else ask.
    pub fn destination(&self, devices: &[Device]) -> Destination {
        if let Some(at) = self.card.as_ref().and_then(|card| card.find(devices)) {
            return Destination::Fill(at);
        }
        let from_plan = self.domain.is_empty() && self.smart_host.is_empty();
        if devices.is_empty() || from_plan {
            Destination::New
        } else {
            Destination::Ask
        }
    }

    /// Puts the link's values into `device`, keeping what the link does not carry (its
    /// name, location, From address…) and any value the link leaves empty.
    pub fn fill(&self, device: &mut Device) {
        let put = |field: &mut String, value: &str| {
            if !value.is_empty() {
                *field = value.to_owned();
            }
        };
        put(&mut device.domain, &self.domain);
        put(&mut device.smart_host, &self.smart_host);
        put(&mut device.method, &self.method);
        put(&mut device.ip, &self.ip);
        device.cloud = self.cloud;
        if let Some(client) = self.client {
            device.client = client;
        }
    }

    /// A new device with the link's values.
    pub fn new_device(&self) -> Device {
        let mut device = Device::default();
        self.fill(&mut device);
        device
    }
}

/// The new device a query adds, when it is such a link (`add=1`).
pub fn device(value: impl Fn(&str) -> Option<String>) -> Option<Device> {
    AddLink::read(value).map(|link| link.new_device())
}

/// The query updates that take the link's values out of an address.
pub fn cleared() -> [(&'static str, Option<&'static str>); 9] {
    KEYS.map(|key| (key, None))
}

/// The DNS check's query for the card of `device` at `index`: its domain (or its From
/// address's), its address and method, its cloud, and the card to fill back.
pub fn check_pairs(device: &Device, index: usize) -> Vec<(&'static str, String)> {
    let from_domain = device.from.rsplit_once('@').map(|(_, d)| d.trim());
    let domain = match device.domain.trim() {
        "" => from_domain.unwrap_or_default(),
        domain => domain,
    };
    let mut pairs = Vec::new();
    let mut put = |key: &'static str, value: &str| {
        if !value.is_empty() {
            pairs.push((key, value.to_owned()));
        }
    };
    put("domain", domain);
    put("ip", device.ip.trim());
    put("method", device.method.trim());
    put("cloud", device.cloud.id());
    let card = CardRef {
        index,
        name: device.name.trim().to_owned(),
    };
    pairs.extend(card.pairs());
    pairs
}

/// The card keys a query carries, for the check to hand on to its "Add to a device
/// card" link.
pub fn card_pairs_of(pairs: &[(String, String)]) -> Vec<(&'static str, String)> {
    [CARD_KEY, CARD_NAME_KEY]
        .into_iter()
        .filter_map(|key| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| (key, v.clone()))
        })
        .collect()
}

#[cfg(test)]
#[path = "add_to_card_tests.rs"]
mod tests;
