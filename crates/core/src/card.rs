//! A device's config card: what to type into the printer, scanner or application, built
//! from the method table and the admin's values, validated field by field.
//!
//! Passwords are never asked for, stored or printed: the card says where to enter one.
//! The card speaks of the sender as it is ("the application" where an application
//! sends), and states the dated facts of its method relative to the card's date.

use crate::cloud::Cloud;
use crate::connector::FieldError;
use crate::date::Date;
use crate::dns::DomainName;
use crate::i18n::{format, has, text, Lang};
use crate::method::{method, Host, MethodId};
use crate::milestone::fill_milestones;
use crate::mx::classify_host;
use crate::plan::{for_sender, Client};
use crate::validate::{parse_device_name, parse_from_address, parse_public_ipv4};
use serde::Serialize;

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

/// A card, every line localized and ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    pub device: String,
    pub location: Option<String>,
    pub model: Option<String>,
    pub method: MethodId,
    pub method_name: String,
    pub smart_host: String,
    /// False when the host still has to be read from DNS or supplied.
    pub smart_host_known: bool,
    pub port: Option<u16>,
    pub tls: String,
    pub sign_in: String,
    pub from: String,
    pub recipients: String,
    pub ip: Option<String>,
    pub test: String,
    pub date: String,
    /// Who sends; `None` is worded as a device.
    pub client: Option<Client>,
    pub warnings: Vec<String>,
}

/// Validates the input and builds the card; every invalid field is reported at once.
/// `date` (YYYY-MM-DD, today) is printed on the card, and its method's dated facts are
/// worded relative to it. Graph sendMail is for applications, so its card says so; for
/// the other methods see [`build_card_for`].
pub fn build_card(input: &CardInput, lang: Lang, date: &str) -> Result<Card, Vec<FieldError>> {
    let client = (input.method == Some(MethodId::GraphApi)).then_some(Client::Application);
    build_card_for(input, client, lang, date)
}

/// [`build_card`] for a known sender: an application's card says "the application".
pub fn build_card_for(
    input: &CardInput,
    client: Option<Client>,
    lang: Lang,
    date: &str,
) -> Result<Card, Vec<FieldError>> {
    let worded = |key: &str| for_sender(key, client);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let field = |name: &'static str, message: String| FieldError {
        field: name,
        message,
    };

    let device = parse_device_name(&input.device)
        .map_err(|e| errors.push(field("device", e.message(lang))))
        .unwrap_or_default();
    let optional_text = |value: &Option<String>,
                         name: &'static str,
                         errors: &mut Vec<FieldError>| {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => None,
            Some(v) => parse_device_name(v)
                .map_err(|e| errors.push(field(name, e.message(lang))))
                .ok(),
        }
    };
    let location = optional_text(&input.location, "location", &mut errors);
    let model = optional_text(&input.model, "model", &mut errors);
    let Some(method_id) = input.method else {
        errors.push(field("method", text(lang, "card.error.method")));
        return Err(errors);
    };
    let m = method(method_id);

    let from = match parse_from_address(&input.from) {
        Ok(checked) => {
            warnings.extend(checked.warnings.iter().map(|w| w.message(lang)));
            Some(checked.value)
        }
        Err(e) => {
            errors.push(field("from", e.message(lang)));
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
            .map_err(|e| errors.push(field("domain", e.message(lang))))
            .ok(),
    };
    if let (Some(from), Some(domain)) = (&from, &domain) {
        let same = from.domain == domain.as_str() || from.domain.ends_with(&format!(".{domain}"));
        if !same {
            warnings.push(format(
                lang,
                "card.warning.from-domain",
                &[("from", &from.domain), ("domain", domain.as_str())],
            ));
        }
    }

    let ip = match input.ip.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            if method_id == MethodId::RelayIp {
                errors.push(field("ip", text(lang, &worded("card.error.ip-required"))));
            }
            None
        }
        Some(v) => match parse_public_ipv4(v) {
            Ok(checked) => {
                warnings.extend(checked.warnings.iter().map(|w| w.message(lang)));
                Some(checked.value.to_string())
            }
            Err(e) => {
                errors.push(field("ip", e.message(lang)));
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
            .map_err(|e| errors.push(field("smart-host", e.message(lang))))
            .ok(),
    };
    let (smart_host, smart_host_known) = match (m.host, m.host_for(input.cloud), &given_host) {
        (_, Some(fixed), _) => (fixed.to_owned(), true),
        (Host::TenantMx, None, Some(host)) => {
            if !classify_host(host.as_str()).is_microsoft() {
                warnings.push(format(
                    lang,
                    "card.warning.not-microsoft-mx",
                    &[("host", host.as_str())],
                ));
            }
            (host.to_string(), true)
        }
        (Host::OwnServer, None, Some(host)) => (host.to_string(), true),
        (Host::OwnServer, None, None) => (text(lang, "card.host.own-server"), false),
        (Host::GraphApi, None, _) => (text(lang, "host.graph-api"), true),
        _ => match &domain {
            Some(d) => (
                format(lang, "card.host.read-mx-of", &[("domain", d.as_str())]),
                false,
            ),
            None => (text(lang, "card.host.read-mx"), false),
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
    let sign_in = format(
        lang,
        &worded(&format!("card.sign-in.{}", method_id.as_str())),
        &[("username", &username)],
    );
    // A date that is not YYYY-MM-DD is still printed, but cannot date the facts.
    if let Ok(today) = Date::parse(date) {
        let note = worded(&format!("card.note.{}", method_id.as_str()));
        if has(Lang::En, &note) {
            warnings.push(fill_milestones(&text(lang, &note), lang, today));
        }
    }
    Ok(Card {
        device,
        location,
        model,
        method: method_id,
        method_name: text(lang, &method_id.key("name")),
        smart_host,
        smart_host_known,
        port: m.ports.first().copied(),
        tls: text(lang, &worded(m.tls.key())),
        sign_in,
        from: from_text,
        recipients: text(lang, m.recipients.key()),
        ip,
        test: format(lang, &format!("card.test.{}", method_id.as_str()), &[]),
        date: date.to_owned(),
        client,
        warnings,
    })
}

/// The card as plain text, label and value per line.
pub fn render_text(card: &Card, lang: Lang) -> String {
    card_rows(card, lang)
        .into_iter()
        .map(|(label, value)| format!("{label:<14} {value}\n"))
        .collect()
}

/// The card as a self-contained HTML fragment; every value is escaped.
pub fn render_html(card: &Card, lang: Lang) -> String {
    rows_html(&card.device, card_rows(card, lang))
}

/// A card's rows as an HTML fragment headed by the device name; the first row (the
/// device itself) is the heading, so it is not repeated. Every value is escaped.
pub fn rows_html(device: &str, rows: Vec<(String, String)>) -> String {
    let mut out = String::from("<article class=\"device-card\">\n");
    out.push_str(&format!("  <h2>{}</h2>\n  <dl>\n", escape(device)));
    for (label, value) in rows.into_iter().skip(1) {
        out.push_str(&format!(
            "    <dt>{}</dt><dd>{}</dd>\n",
            escape(&label),
            escape(&value)
        ));
    }
    out.push_str("  </dl>\n</article>\n");
    out
}

/// The card's rows (label, value) in print order, the device name first: the one
/// structure every renderer (text, HTML, the app's view, the guide pages) follows.
pub fn card_rows(card: &Card, lang: Lang) -> Vec<(String, String)> {
    let label = |key: &str| text(lang, &format!("card.label.{key}"));
    let name_label = text(lang, &for_sender("card.label.device", card.client));
    let mut lines = vec![(name_label, card.device.clone())];
    if let Some(location) = &card.location {
        lines.push((label("location"), location.clone()));
    }
    if let Some(model) = &card.model {
        lines.push((label("model"), model.clone()));
    }
    lines.push((label("method"), card.method_name.clone()));
    lines.push((label("smart-host"), card.smart_host.clone()));
    let port = card
        .port
        .map_or_else(|| "443 (HTTPS)".to_owned(), |p| p.to_string());
    lines.push((label("port"), port));
    lines.push((label("tls"), card.tls.clone()));
    lines.push((label("sign-in"), card.sign_in.clone()));
    lines.push((label("from"), card.from.clone()));
    lines.push((label("recipients"), card.recipients.clone()));
    if let Some(ip) = &card.ip {
        lines.push((label("ip"), ip.clone()));
    }
    lines.push((label("test"), card.test.clone()));
    lines.push((label("date"), card.date.clone()));
    for warning in &card.warnings {
        lines.push((label("warning"), warning.clone()));
    }
    lines
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
#[path = "card_tests.rs"]
mod tests;
