//! A card's words: every line of a [`Card`] worded in one language when it is shown,
//! in the order every renderer prints them (the text card, the site's HTML card, the
//! app's view, the CLI's JSON).

use crate::card::{Card, CardNote, SmartHost};
use crate::cloud::Availability;
use crate::i18n::{format, has, text, Lang};
use crate::method::{method, MethodId};
use crate::milestone::fill_milestones;
use crate::plan::{for_sender, Client};
use serde::Serialize;

impl SmartHost {
    /// False when the host still has to be read from DNS or supplied.
    pub fn known(&self) -> bool {
        matches!(self, SmartHost::Named(_) | SmartHost::GraphApi)
    }

    pub(crate) fn text(&self, method: MethodId, client: Option<Client>, lang: Lang) -> String {
        match self {
            SmartHost::Named(host) => host.clone(),
            SmartHost::GraphApi => text(lang, "host.graph-api"),
            SmartHost::OwnServer => text(lang, "card.host.own-server"),
            SmartHost::ReadMx { domain: None } => text(lang, "card.host.read-mx"),
            SmartHost::ReadMx {
                domain: Some(domain),
            } => format(lang, "card.host.read-mx-of", &[("domain", domain)]),
            SmartHost::NotInCloud {
                availability,
                cloud,
            } => {
                let key = match availability {
                    Availability::No => "card.cloud.not-available",
                    _ => "card.cloud.unconfirmed",
                };
                format(
                    lang,
                    &for_sender(key, client),
                    &[
                        ("method", &text(lang, &method.key("name"))),
                        ("cloud", &cloud.name(lang)),
                    ],
                )
            }
        }
    }
}

impl CardNote {
    pub fn text(&self, client: Option<Client>, lang: Lang) -> String {
        match self {
            CardNote::Value(warning) => warning.message(lang),
            CardNote::FromDomain { from, domain } => format(
                lang,
                "card.warning.from-domain",
                &[("from", from), ("domain", domain)],
            ),
            CardNote::NotMicrosoftMx { host } => {
                format(lang, "card.warning.not-microsoft-mx", &[("host", host)])
            }
            CardNote::Dated { method, today } => {
                let key = CardNote::dated_key(*method, client);
                fill_milestones(&text(lang, &key), lang, *today)
            }
            CardNote::Text(key) => text(lang, key),
        }
    }
}

/// A card's lines in one language: what every renderer prints, and the shape of the
/// CLI's `card --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardLines {
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
    pub client: Option<Client>,
    pub warnings: Vec<String>,
}

impl Card {
    /// The method's name in `lang`.
    pub fn method_name(&self, lang: Lang) -> String {
        text(lang, &self.method.key("name"))
    }

    /// The smart host line in `lang`.
    pub fn smart_host_text(&self, lang: Lang) -> String {
        self.smart_host.text(self.method, self.client, lang)
    }

    /// What to enter to sign in, in `lang`.
    pub fn sign_in(&self, lang: Lang) -> String {
        let key = for_sender(
            &format!("card.sign-in.{}", self.method.as_str()),
            self.client,
        );
        format(lang, &key, &[("username", &self.username)])
    }

    /// How to test the card, in `lang`: the cloud's own submission host where it has one,
    /// and the smart host itself once it is known where the step names it (Direct Send's
    /// `Test-NetConnection <MX host>`).
    pub fn test(&self, lang: Lang) -> String {
        if let Some(host) = self.submission_host {
            return format(
                lang,
                "card.test.client-submission.in-cloud",
                &[("host", host)],
            );
        }
        let key = format!("card.test.{}", self.method.as_str());
        match &self.smart_host {
            SmartHost::Named(host) if has(lang, &format!("{key}.host")) => {
                format(lang, &format!("{key}.host"), &[("host", host)])
            }
            _ => text(lang, &key),
        }
    }

    /// Every line of the card in `lang`.
    pub fn lines(&self, lang: Lang) -> CardLines {
        let m = method(self.method);
        CardLines {
            device: self.device.clone(),
            location: self.location.clone(),
            model: self.model.clone(),
            method: self.method,
            method_name: self.method_name(lang),
            smart_host: self.smart_host_text(lang),
            smart_host_known: self.smart_host.known(),
            port: self.port,
            tls: text(lang, &for_sender(m.tls.key(), self.client)),
            sign_in: self.sign_in(lang),
            from: self.from.clone(),
            recipients: text(lang, m.recipients.key()),
            ip: self.ip.clone(),
            test: self.test(lang),
            date: crate::localized::date_text(&self.date, lang),
            client: self.client,
            warnings: self
                .warnings
                .iter()
                .map(|note| note.text(self.client, lang))
                .collect(),
        }
    }
}

/// The card as plain text, label and value per line.
pub fn render_text(card: &Card, lang: Lang) -> String {
    card_rows(card, lang)
        .into_iter()
        .map(|(label, value)| format!("{label:<14} {value}\n"))
        .collect()
}

/// The card's rows (label, value) in print order, the device name first: the one
/// structure every renderer (text, HTML, the app's view, the guide pages) follows.
pub fn card_rows(card: &Card, lang: Lang) -> Vec<(String, String)> {
    let label = |key: &str| text(lang, &format!("card.label.{key}"));
    let name_label = text(lang, &for_sender("card.label.device", card.client));
    let card = card.lines(lang);
    let mut lines = vec![(name_label, card.device)];
    if let Some(location) = card.location {
        lines.push((label("location"), location));
    }
    if let Some(model) = card.model {
        lines.push((label("model"), model));
    }
    lines.push((label("method"), card.method_name));
    lines.push((label("smart-host"), card.smart_host));
    let port = card
        .port
        .map_or_else(|| "443 (HTTPS)".to_owned(), |p| p.to_string());
    lines.push((label("port"), port));
    lines.push((label("tls"), card.tls));
    lines.push((label("sign-in"), card.sign_in));
    lines.push((label("from"), card.from));
    lines.push((label("recipients"), card.recipients));
    if let Some(ip) = card.ip {
        lines.push((label("ip"), ip));
    }
    lines.push((label("test"), card.test));
    lines.push((label("date"), card.date));
    for warning in card.warnings {
        lines.push((label("warning"), warning));
    }
    lines
}
