//! A device's config card: what to type into the printer, scanner or application, built
//! from the method table and the admin's values, validated field by field.
//!
//! Passwords are never asked for, stored or printed: the card says where to enter one.
//! The card speaks of the sender as it is ("the application" where an application
//! sends), and states the dated facts of its method relative to the card's date.
//!
//! A card is data (typed values, no words); `card_lines` words it in the reader's
//! language when it is shown.

pub use crate::card_lines::{card_rows, render_text, CardLines};
use crate::cloud::{Availability, Cloud};
use crate::date::Date;
use crate::dns::DomainName;
pub use crate::field_error::{FieldError, FieldProblem};
use crate::i18n::{has, Lang, Phrase};
use crate::method::{method, Host, MethodId};
use crate::mx::classify_host;
use crate::plan::{for_sender, Client};
use crate::validate::{parse_device_name, parse_from_address, parse_public_ipv4, ValueWarning};

/// What the admin typed for one device.
#[derive(Debug, Clone, Default)]
pub struct CardInput {
    pub device: String,
    pub location: Option<String>,
    pub model: Option<String>,
    pub method: Option<MethodId>,
    pub from: String,
    /// The email domain, to say where the MX host comes from.
    pub domain: Option<String>,
    /// The smart host as read from DNS (MX methods) or the relay's address.
    pub smart_host: Option<String>,
    pub ip: Option<String>,
    /// Sign-in name, when it differs from the From address.
    pub username: Option<String>,
    pub cloud: Cloud,
}

/// A card as data: the admin's checked values and what the method gives, each line
/// worded in the reader's language only when it is shown ([`Card::lines`]), so the
/// same card prints in English and in Vietnamese without being built again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub device: String,
    pub location: Option<String>,
    pub model: Option<String>,
    pub method: MethodId,
    pub smart_host: SmartHost,
    pub port: Option<u16>,
    /// The sign-in name: the From address unless the admin gave another.
    pub username: String,
    pub from: String,
    pub ip: Option<String>,
    /// Client submission's own host in a cloud other than worldwide, named by the
    /// test step (set by `device_card::correct_for_cloud`).
    pub submission_host: Option<&'static str>,
    /// The card's date as given (printed even when it is not YYYY-MM-DD).
    pub date: String,
    /// Who sends; `None` is worded as a device.
    pub client: Option<Client>,
    pub warnings: Vec<CardNote>,
}

/// What stands in the card's smart host line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmartHost {
    /// A host name: the method's endpoint, the MX host given for the device, or the
    /// relay's address.
    Named(String),
    /// Graph sendMail is an HTTPS API, not an SMTP host.
    GraphApi,
    /// The relay's address is not known yet.
    OwnServer,
    /// The tenant's MX host, to be read with the DNS check (of `domain` when known).
    ReadMx { domain: Option<String> },
    /// The method is not confirmed (or not available) in the device's cloud, so no
    /// worldwide host is shown.
    NotInCloud {
        availability: Availability,
        cloud: Cloud,
    },
}

/// A warning or note printed under the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardNote {
    /// A value that is valid but worth a second look (a documentation address).
    Value(ValueWarning),
    /// The From address's domain is not the email domain given.
    FromDomain { from: String, domain: String },
    /// The MX host given for the device is not Microsoft 365's.
    NotMicrosoftMx { host: String },
    /// The method's dated note (`card.note.<method>`), worded relative to `today`.
    Dated { method: MethodId, today: Date },
    /// A note of the catalog without values (a cloud's note about its host).
    Text(&'static str),
}

impl CardNote {
    /// The catalog key of a method's dated note (`card.note.<method>`, `.application`
    /// when an application sends); not every method has one.
    pub(crate) fn dated_key(method: MethodId, client: Option<Client>) -> String {
        for_sender(&format!("card.note.{}", method.as_str()), client)
    }
}

/// Validates the input and builds the card; every invalid field is reported at once.
/// `date` (YYYY-MM-DD, today) is printed on the card, and its method's dated facts are
/// worded relative to it. Graph sendMail is for applications, so its card says so; for
/// the other methods see [`build_card_for`].
pub fn build_card(input: &CardInput, date: &str) -> Result<Card, Vec<FieldError>> {
    let client = (input.method == Some(MethodId::GraphApi)).then_some(Client::Application);
    build_card_for(input, client, date)
}

/// [`build_card`] for a known sender: an application's card says "the application".
pub fn build_card_for(
    input: &CardInput,
    client: Option<Client>,
    date: &str,
) -> Result<Card, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();

    let device = parse_device_name(&input.device)
        .map_err(|e| errors.push(FieldError::value("device", e)))
        .unwrap_or_default();
    let optional_text = |value: &Option<String>,
                         name: &'static str,
                         errors: &mut Vec<FieldError>| {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(v) => parse_device_name(v)
                .map_err(|e| errors.push(FieldError::value(name, e)))
                .ok(),
        }
    };
    let location = optional_text(&input.location, "location", &mut errors);
    let model = optional_text(&input.model, "model", &mut errors);
    let Some(method_id) = input.method else {
        errors.push(FieldError::rule("method", Phrase::new("card.error.method")));
        return Err(errors);
    };
    let m = method(method_id);

    let from = match parse_from_address(&input.from) {
        Ok(checked) => {
            warnings.extend(checked.warnings.into_iter().map(CardNote::Value));
            Some(checked.value)
        }
        Err(e) => {
            errors.push(FieldError::value("from", e));
            None
        }
    };
    let domain = match input
        .domain
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => DomainName::parse(d)
            .map_err(|e| errors.push(FieldError::name("domain", e)))
            .ok(),
    };
    if let (Some(from), Some(domain)) = (&from, &domain) {
        let same = from.domain == domain.as_str() || from.domain.ends_with(&format!(".{domain}"));
        if !same {
            warnings.push(CardNote::FromDomain {
                from: from.domain.clone(),
                domain: domain.to_string(),
            });
        }
    }

    let ip = match input.ip.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            if method_id == MethodId::RelayIp {
                let key = for_sender("card.error.ip-required", client);
                errors.push(FieldError::rule("ip", Phrase::new(key)));
            }
            None
        }
        Some(v) => match parse_public_ipv4(v) {
            Ok(checked) => {
                warnings.extend(checked.warnings.into_iter().map(CardNote::Value));
                Some(checked.value.to_string())
            }
            Err(e) => {
                errors.push(FieldError::value("ip", e));
                None
            }
        },
    };

    let given_host = match input
        .smart_host
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
    {
        None => None,
        Some(h) => DomainName::parse(h)
            .map_err(|e| errors.push(FieldError::name("smart-host", e)))
            .ok(),
    };
    let smart_host = match (m.host, m.host_for(input.cloud), &given_host) {
        (_, Some(fixed), _) => SmartHost::Named(fixed.to_owned()),
        (Host::TenantMx, None, Some(host)) => {
            if !classify_host(host.as_str()).is_microsoft() {
                warnings.push(CardNote::NotMicrosoftMx {
                    host: host.to_string(),
                });
            }
            SmartHost::Named(host.to_string())
        }
        (Host::OwnServer, None, Some(host)) => SmartHost::Named(host.to_string()),
        (Host::OwnServer, None, None) => SmartHost::OwnServer,
        (Host::GraphApi, None, _) => SmartHost::GraphApi,
        _ => SmartHost::ReadMx {
            domain: domain.as_ref().map(ToString::to_string),
        },
    };

    if !errors.is_empty() {
        return Err(errors);
    }
    let from_text = from.map(|f| f.to_string()).unwrap_or_default();
    let username = input
        .username
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .unwrap_or(&from_text)
        .to_owned();
    // A date that is not YYYY-MM-DD is still printed, but cannot date the facts.
    if let Ok(today) = Date::parse(date) {
        if has(Lang::En, &CardNote::dated_key(method_id, client)) {
            warnings.push(CardNote::Dated {
                method: method_id,
                today,
            });
        }
    }
    Ok(Card {
        device,
        location,
        model,
        method: method_id,
        smart_host,
        port: m.ports.first().copied(),
        username,
        from: from_text,
        ip,
        submission_host: None,
        date: date.to_owned(),
        client,
        warnings,
    })
}

#[cfg(test)]
#[path = "card_tests.rs"]
mod tests;
