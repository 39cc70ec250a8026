//! An inventory device's card in its Microsoft 365 cloud: the card [`build_card`] gives,
//! with what differs between clouds put right, so that a GCC High device never shows a
//! worldwide host (facts file, "Sovereign clouds"):
//!
//! - a method our sources do not confirm in the cloud (HVE, ACS, Graph outside worldwide)
//!   says so where the host would be, instead of naming the worldwide endpoint;
//! - client submission's test step names the cloud's own submission host, and GCC High's
//!   card carries the note that sources disagree about that host;
//! - an MX host typed for the device that belongs to another cloud is refused, since
//!   the MX is read from DNS and never guessed;
//! - the card gains the cloud and the SPF terms the domain needs, with the cloud's include.
//!
//! The device's customer (an MSP's label, optional) rides along on the card, checked
//! like its name, so a printed card says whose device it is.
//!
//! A device whose `client` is an application gets an application's card: its labels,
//! sign-in, notes and the texts above say "the application" (issue #13).
//!
//! The app's Cards screen, the guide's device pages and the `card` shortcode all render
//! [`device_card_rows`], so they show the same lines.

use crate::card::{build_card_for, card_rows, Card, CardNote, SmartHost};
use crate::cloud::{Availability, Cloud};
use crate::dns::DomainName;
use crate::field_error::{FieldError, FieldProblem};
use crate::i18n::{text, Lang};
use crate::inventory::Device;
use crate::method::{method, Host, MethodId};
use crate::mx::{classify_host, MxKind};
use crate::plan::{for_sender, Client};
use crate::validate::parse_customer;

/// A device's card with its cloud, as data: its lines are worded when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCard {
    pub card: Card,
    pub cloud: Cloud,
    /// Whether our sources confirm the card's method in this cloud.
    pub availability: Availability,
    /// The cloud's SPF include, when the domain's SPF record needs it for this device.
    pub spf_include: Option<&'static str>,
    /// The customer (or site) the device is kept for, trimmed; `None` when not given.
    pub customer: Option<String>,
}

impl DeviceCard {
    /// The terms the domain's SPF record needs for this device (`ip4:… include:…`),
    /// when Microsoft 365 carries its mail in a way our sources describe. MX methods
    /// (Direct Send, relay) also need the device's public IP, as the DNS check asks for
    /// it; the others need the include only.
    pub fn spf(&self, lang: Lang) -> Option<String> {
        let include = self.spf_include?;
        if method(self.card.method).host != Host::TenantMx {
            return Some(format!("include:{include}"));
        }
        let ip = self
            .card
            .ip
            .clone()
            .unwrap_or_else(|| text(lang, &for_sender("card.spf.device-ip", self.card.client)));
        Some(format!("ip4:{ip} include:{include}"))
    }
}

/// Builds the card of `device` in its cloud; every invalid field is reported at once.
pub fn build_device_card(device: &Device, date: &str) -> Result<DeviceCard, Vec<FieldError>> {
    let input = device.card_input();
    let cloud = input.cloud;
    // Graph sendMail is for applications, whatever the device says (as `build_card`);
    // a device is worded as `build_card` words it, so its card is core's.
    let client = (device.client == Client::Application || input.method == Some(MethodId::GraphApi))
        .then_some(Client::Application);
    let mismatch = input
        .method
        .filter(|id| method(*id).host == Host::TenantMx)
        .and(input.smart_host.as_deref())
        .and_then(|host| mx_in_other_cloud(host, cloud, client));
    let customer = parse_customer(&device.customer);
    let (mut card, customer) = match (build_card_for(&input, client, date), mismatch, customer) {
        (Ok(card), None, Ok(customer)) => (card, customer),
        (built, mismatch, customer) => {
            let mut errors = built.err().unwrap_or_default();
            errors.extend(mismatch);
            errors.extend(customer.err().map(|e| FieldError::value("customer", e)));
            return Err(errors);
        }
    };
    let availability = correct_for_cloud(&mut card, cloud);
    let spf_include = (availability == Availability::Yes && sends_through_microsoft(card.method))
        .then(|| cloud.spf_include());
    Ok(DeviceCard {
        card,
        cloud,
        availability,
        spf_include,
        customer,
    })
}

/// Puts right what a card built for `cloud` would otherwise take from the worldwide
/// cloud: the host of a method our sources do not confirm there, client submission's
/// test step and GCC High's host note. Returns the method's availability in `cloud`.
/// The `card` command of the CLI calls it too, so no card shows another cloud's host.
pub fn correct_for_cloud(card: &mut Card, cloud: Cloud) -> Availability {
    let availability = method(card.method).availability(cloud);
    if availability != Availability::Yes {
        // The method's host is its worldwide endpoint: a card must not send a device there.
        card.smart_host = SmartHost::NotInCloud {
            availability,
            cloud,
        };
    }
    if card.method == MethodId::ClientSubmission {
        let host = cloud.submission_host();
        if host != Cloud::Worldwide.submission_host() {
            // The catalog's step names smtp.office365.com; this one names the cloud's host.
            card.submission_host = Some(host);
        }
        if let Some(key) = cloud.submission_host_note_key() {
            card.warnings.push(CardNote::Text(key));
        }
    }
    availability
}

/// Whether the device's mail reaches its recipients from Microsoft 365's servers (or
/// is checked by Microsoft 365 against the domain's SPF), so the domain's record needs
/// the cloud's include. ACS sends from Azure and a local relay from wherever it is
/// pointed; our sources give no SPF terms for either.
fn sends_through_microsoft(id: MethodId) -> bool {
    !matches!(id, MethodId::Acs | MethodId::OnpremRelay)
}

/// An error when `host` is a Microsoft 365 MX host of a cloud other than `cloud` (a
/// worldwide `…mail.protection.outlook.com` for a GCC High device, say).
fn mx_in_other_cloud(host: &str, cloud: Cloud, client: Option<Client>) -> Option<FieldError> {
    let host = DomainName::parse(host.trim()).ok()?;
    // mx.microsoft (DNSSEC) hosts belong to the worldwide cloud, as outlook.com ones do.
    let family = |kind: MxKind| match kind {
        MxKind::Microsoft365Dnssec => MxKind::Microsoft365,
        other => other,
    };
    let given = family(classify_host(host.as_str()));
    let expected = family(classify_host(&format!("tenant.{}", cloud.mx_suffix())));
    (given.is_microsoft() && given != expected).then(|| FieldError {
        field: "smart-host",
        problem: FieldProblem::MxInOtherCloud {
            host: host.to_string(),
            cloud,
            client,
        },
    })
}

/// The card's rows (label, value) in print order, the device name first: core's
/// [`card_rows`] with the cloud after the method and the SPF line before the test.
pub fn device_card_rows(card: &DeviceCard, lang: Lang) -> Vec<(String, String)> {
    let label = |key: &str| text(lang, &format!("card.label.{key}"));
    let mut rows = card_rows(&card.card, lang);
    let position = |rows: &[(String, String)], key: &str| {
        let wanted = label(key);
        rows.iter().position(|(l, _)| *l == wanted)
    };
    let at = position(&rows, "method").map_or(rows.len(), |at| at + 1);
    rows.insert(at, (label("cloud"), card.cloud.name(lang)));
    if let Some(spf) = card.spf(lang) {
        // Right before the test, which checks what the SPF line sets up.
        let at = position(&rows, "test").unwrap_or(rows.len());
        rows.insert(at, (label("spf"), spf));
    }
    rows
}

#[cfg(test)]
#[path = "device_card_tests.rs"]
mod tests;
