//! The questionnaire: question ids, their allowed values, and typed answers.
//!
//! Ids and values are a contract shared by the app's URL state, `smarthost plan` flags
//! and `--answers` files. An unanswered question (or the value `unknown`) is unknown,
//! and the ranking still works with it.

use crate::cloud::Cloud;
use crate::i18n::{format, Lang};
use serde::Serialize;
use std::collections::BTreeSet;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// One question with its allowed values (besides `unknown`, always allowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub values: &'static [&'static str],
    /// Several values may be chosen (comma-separated).
    pub multiple: bool,
}

pub const QUESTIONS: [Question; 15] = [
    q("client", &["device", "application"]),
    q(
        "cloud",
        &["worldwide", "gcc", "gcc-high", "dod", "21vianet"],
    ),
    q("recipients", &["internal", "external"]),
    q("auth", &["oauth", "basic", "none"]),
    q("tls", &["1.2", "legacy", "none"]),
    Question {
        id: "ports",
        values: &["587", "25", "465"],
        multiple: true,
    },
    q("ip", &["static", "dynamic"]),
    q("cert", &["yes", "no"]),
    q("hosting", &["on-premises", "third-party-cloud"]),
    q("volume", &["normal", "bulk"]),
    q("sender", &["device", "each-user"]),
    q("onprem-server", &["yes", "no"]),
    q("port25-blocked", &["yes", "no"]),
    q("security-defaults", &["on", "off"]),
    q("reject-direct-send", &["on", "off"]),
];

const fn q(id: &'static str, values: &'static [&'static str]) -> Question {
    Question {
        id,
        values,
        multiple: false,
    }
}

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// An answer that cannot be taken, with what the message names; worded in the reader's
/// language by [`AnswerError::message`] (`Display` is the English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion(String),
    InvalidValue {
        question: &'static str,
        value: String,
        /// The question's values and `unknown`, comma-separated.
        allowed: String,
    },
}

impl AnswerError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AnswerError::UnknownQuestion(question) => format(
                lang,
                "plan.error.unknown-question",
                &[("question", question), ("questions", &question_ids())],
            ),
            AnswerError::InvalidValue {
                question,
                value,
                allowed,
            } => format(
                lang,
                "plan.error.invalid-value",
                &[
                    ("value", value),
                    ("question", question),
                    ("allowed", allowed),
                ],
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

crate::i18n::display_in_english!(AnswerError);

fn question_ids() -> String {
    QUESTIONS
        .iter()
        .map(|q| q.id)
        .collect::<Vec<_>>()
        .join(", ")
}

// The answers' values, as URLs, `smarthost plan` flags and `--answers` files write them
// (the [`QUESTIONS`] table lists the same values; a test keeps them equal). Their JSON
// keeps the variants' own names.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Client {
    Device,
    Application,
}

impl Client {
    /// The answer's value, as URLs, `--client` and inventory files write it.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The sender named by its [`Client::id`]; anything else is `None`.
    pub fn parse(text: &str) -> Option<Client> {
        text.parse().ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Recipients {
    Internal,
    External,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Auth {
    #[strum(serialize = "oauth")]
    OAuth,
    Basic,
    None,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum TlsSupport {
    #[strum(serialize = "1.2")]
    Tls12,
    Legacy,
    None,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum IpKind {
    Static,
    Dynamic,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Hosting {
    OnPremises,
    ThirdPartyCloud,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Volume {
    Normal,
    Bulk,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, EnumString, VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Sender {
    Device,
    EachUser,
}

/// Every answer; `None` is "unknown".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub client: Option<Client>,
    pub cloud: Option<Cloud>,
    pub recipients: Option<Recipients>,
    pub auth: Option<Auth>,
    pub tls: Option<TlsSupport>,
    pub ports: Option<BTreeSet<u16>>,
    pub ip: Option<IpKind>,
    pub cert: Option<bool>,
    pub hosting: Option<Hosting>,
    pub volume: Option<Volume>,
    pub sender: Option<Sender>,
    pub onprem_server: Option<bool>,
    pub port25_blocked: Option<bool>,
    pub security_defaults: Option<bool>,
    pub reject_direct_send: Option<bool>,
}

impl Answers {
    /// The cloud, worldwide when unknown (its endpoints are the documented defaults).
    pub fn cloud_or_default(&self) -> Cloud {
        self.cloud.unwrap_or_default()
    }

    /// Whether the device can use `port`: true when the ports are unknown.
    pub fn port_possible(&self, port: u16) -> Option<bool> {
        self.ports.as_ref().map(|ports| ports.contains(&port))
    }

    /// Records one answer given as text, as in a URL query or a CLI flag.
    pub fn set(&mut self, id: &str, value: &str) -> Result<(), AnswerError> {
        let question = question(id).ok_or_else(|| AnswerError::UnknownQuestion(id.to_owned()))?;
        let value = value.trim();
        let invalid = || AnswerError::InvalidValue {
            question: question.id,
            value: value.to_owned(),
            allowed: format!("{}, unknown", question.values.join(", ")),
        };
        let unknown = value.is_empty() || value == "unknown";
        if question.multiple {
            self.ports = if unknown {
                None
            } else {
                let mut ports = BTreeSet::new();
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if !question.values.contains(&part) {
                        return Err(invalid());
                    }
                    ports.insert(part.parse::<u16>().map_err(|_| invalid())?);
                }
                Some(ports)
            };
            return Ok(());
        }
        if !unknown && !question.values.contains(&value) {
            return Err(invalid());
        }
        let v = (!unknown).then_some(value);
        let yes = |v: Option<&str>| v.map(|v| v == "yes" || v == "on");
        // The value is one the question allows, so it names a variant.
        fn named<T: std::str::FromStr>(v: Option<&str>) -> Option<T> {
            v.and_then(|v| v.parse().ok())
        }
        match question.id {
            "client" => self.client = named(v),
            "cloud" => self.cloud = v.and_then(Cloud::parse),
            "recipients" => self.recipients = named(v),
            "auth" => self.auth = named(v),
            "tls" => self.tls = named(v),
            "ip" => self.ip = named(v),
            "cert" => self.cert = yes(v),
            "hosting" => self.hosting = named(v),
            "volume" => self.volume = named(v),
            "sender" => self.sender = named(v),
            "onprem-server" => self.onprem_server = yes(v),
            "port25-blocked" => self.port25_blocked = yes(v),
            "security-defaults" => self.security_defaults = yes(v),
            "reject-direct-send" => self.reject_direct_send = yes(v),
            _ => return Err(AnswerError::UnknownQuestion(id.to_owned())),
        }
        Ok(())
    }

    /// Builds answers from `(question, value)` pairs, stopping at the first bad one.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Answers, AnswerError> {
        let mut answers = Answers::default();
        for (id, value) in pairs {
            answers.set(id, value)?;
        }
        Ok(answers)
    }

    /// The answers as `(question, value)` pairs, known ones only, in questionnaire order:
    /// the inverse of [`Answers::from_pairs`], for URLs and files.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        QUESTIONS
            .iter()
            .filter_map(|q| self.value_of(q.id).map(|v| (q.id, v)))
            .collect()
    }

    /// The text value of one answer, `None` when unknown.
    pub fn value_of(&self, id: &str) -> Option<String> {
        let flag =
            |b: Option<bool>, yes: &str, no: &str| b.map(|b| if b { yes } else { no }.to_owned());
        fn name<T: Into<&'static str>>(value: Option<T>) -> Option<String> {
            value.map(|v| v.into().to_owned())
        }
        match id {
            "client" => name(self.client),
            "cloud" => self.cloud.map(|c| c.id().to_owned()),
            "recipients" => name(self.recipients),
            "auth" => name(self.auth),
            "tls" => name(self.tls),
            "ports" => self.ports.as_ref().map(|ports| {
                // Questionnaire order (587, 25, 465), not numeric order.
                ["587", "25", "465"]
                    .into_iter()
                    .filter(|p| p.parse::<u16>().is_ok_and(|n| ports.contains(&n)))
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            "ip" => name(self.ip),
            "cert" => flag(self.cert, "yes", "no"),
            "hosting" => name(self.hosting),
            "volume" => name(self.volume),
            "sender" => name(self.sender),
            "onprem-server" => flag(self.onprem_server, "yes", "no"),
            "port25-blocked" => flag(self.port25_blocked, "yes", "no"),
            "security-defaults" => flag(self.security_defaults, "on", "off"),
            "reject-direct-send" => flag(self.reject_direct_send, "on", "off"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_of_every_question_round_trips() {
        for q in QUESTIONS {
            for value in q.values {
                let mut answers = Answers::default();
                assert_eq!(answers.set(q.id, value), Ok(()), "{}={value}", q.id);
                assert_eq!(answers.value_of(q.id).as_deref(), Some(*value), "{}", q.id);
                let pairs = answers.to_pairs();
                let back = Answers::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
                assert_eq!(back, Ok(answers));
            }
            let mut answers = Answers::default();
            assert_eq!(answers.set(q.id, "unknown"), Ok(()));
            assert_eq!(answers.value_of(q.id), None);
        }
    }

    #[test]
    fn ports_take_a_comma_list() {
        let mut answers = Answers::default();
        assert_eq!(answers.set("ports", "25, 587"), Ok(()));
        assert_eq!(answers.value_of("ports").as_deref(), Some("587,25"));
        assert_eq!(answers.port_possible(465), Some(false));
        assert!(matches!(
            answers.set("ports", "587,2525"),
            Err(AnswerError::InvalidValue { .. })
        ));
    }

    #[test]
    fn errors_name_the_allowed_values() {
        let mut answers = Answers::default();
        let message = answers.set("tls", "1.3").map_err(|e| e.to_string());
        assert_eq!(
            message,
            Err("`1.3` is not an answer to `tls`; allowed: 1.2, legacy, none, unknown".to_owned())
        );
        let unknown = answers.set("colour", "blue").map_err(|e| e.to_string());
        assert!(unknown.is_err_and(
            |m| m.contains("unknown question `colour`") && m.contains("reject-direct-send")
        ));
    }
}
