//! What a shortcode is given: the page it is on ([`Context`]) and its arguments,
//! checked against what it accepts ([`Args`]), with the errors that name them.

use super::parse::Shortcode;
use crate::devices::DeviceSet;
use smarthost_core::cloud::Cloud;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::method::MethodId;

/// What a shortcode needs to know about the page it is on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) lang: Lang,
    pub(crate) devices: &'a DeviceSet,
    /// The `--app-url` as written (relative to the guide root unless absolute).
    pub(crate) app_url: &'a str,
    /// How many directories the page is below the guide root (`en/x.html`: 1).
    pub(crate) depth: usize,
    /// The build's day: dated facts say how far away they are, or that they have passed.
    pub(crate) today: Date,
}

/// The arguments of one shortcode, checked against what it accepts.
pub(super) struct Args<'a> {
    code: &'a Shortcode,
}

impl<'a> Args<'a> {
    pub(super) fn check(
        code: &'a Shortcode,
        required: &[&str],
        optional: &[&str],
    ) -> Result<Self, String> {
        let name = &code.name;
        for (i, (key, _)) in code.args.iter().enumerate() {
            if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
                let takes: Vec<&str> = required.iter().chain(optional).copied().collect();
                let takes = if takes.is_empty() {
                    "it takes no arguments".to_owned()
                } else {
                    format!("it takes: {}", takes.join(", "))
                };
                return Err(format!(
                    "shortcode `{name}`: unknown argument `{key}`; {takes}"
                ));
            }
            if code.args[..i].iter().any(|(k, _)| k == key) {
                return Err(format!("shortcode `{name}`: argument `{key}` given twice"));
            }
        }
        for key in required {
            if !code.args.iter().any(|(k, _)| k == key) {
                return Err(format!("shortcode `{name}`: missing argument `{key}`"));
            }
        }
        Ok(Args { code })
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a str> {
        self.code
            .args
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn required(&self, key: &str) -> &'a str {
        // `check` made sure every required argument is there.
        self.get(key).unwrap_or_default()
    }

    pub(super) fn invalid(&self, key: &str, what: &str, allowed: &str) -> String {
        format!(
            "shortcode `{}`: {key}=\"{}\" is not {what}; {allowed}",
            self.code.name,
            self.get(key).unwrap_or_default()
        )
    }

    pub(super) fn method(&self) -> Result<MethodId, String> {
        MethodId::parse(self.required("method").trim()).ok_or_else(|| {
            self.invalid(
                "method",
                "a method",
                &format!(
                    "the methods are: {}",
                    MethodId::ALL.map(MethodId::as_str).join(", ")
                ),
            )
        })
    }

    pub(super) fn cloud(&self) -> Result<Option<Cloud>, String> {
        match self.get("cloud") {
            None => Ok(None),
            Some(id) => Cloud::parse(id.trim()).map(Some).ok_or_else(|| {
                self.invalid(
                    "cloud",
                    "a cloud",
                    &format!("the clouds are: {}", Cloud::ALL.map(Cloud::id).join(", ")),
                )
            }),
        }
    }
}
