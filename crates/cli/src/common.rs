//! Option values shared by several commands, and [`Value`], the clap value parser that
//! reads each one with its validator here (or core's parser behind it), so a value has one
//! validator and one message, which names the allowed values.

use crate::{Invalid, Usage};
use clap::builder::{PossibleValue, TypedValueParser};
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::plan::Client;
use std::ffi::OsStr;

/// A clap value parser that calls `parse` (its error is the whole message: `Usage`, or
/// `Invalid` for a value that is understood but not acceptable) and lists `allowed` in the
/// command's help.
pub struct Value<T, E = Usage> {
    parse: fn(&str) -> Result<T, E>,
    allowed: fn() -> Vec<&'static str>,
}

// Two function pointers: copied whatever T and E are (a derive would ask T: Clone, E: Clone).
impl<T, E> Clone for Value<T, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, E> Copy for Value<T, E> {}

impl<T, E> Value<T, E> {
    /// An open value (an address, a path): no list of values in the help.
    pub const fn new(parse: fn(&str) -> Result<T, E>) -> Self {
        Value {
            parse,
            allowed: Vec::new,
        }
    }

    /// A value from a closed set, listed in the help.
    pub const fn one_of(
        parse: fn(&str) -> Result<T, E>,
        allowed: fn() -> Vec<&'static str>,
    ) -> Self {
        Value { parse, allowed }
    }
}

impl<T, E> TypedValueParser for Value<T, E>
where
    T: Clone + Send + Sync + 'static,
    E: std::error::Error + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        // clap's own parser for a function keeps our error as the source, which
        // `cli::usage_error` shows as it is.
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let allowed = (self.allowed)();
        (!allowed.is_empty())
            .then(|| Box::new(allowed.into_iter().map(PossibleValue::new)) as Box<_>)
    }
}

fn clouds() -> Vec<&'static str> {
    Cloud::ALL.map(Cloud::id).to_vec()
}

fn langs() -> Vec<&'static str> {
    Lang::ALL.map(Lang::code).to_vec()
}

fn clients() -> Vec<&'static str> {
    [Client::Device, Client::Application]
        .map(Client::id)
        .to_vec()
}

/// `--cloud C`.
pub const CLOUD: Value<Cloud> = Value::one_of(cloud, clouds);
/// `--lang en|vi`.
pub const LANG: Value<Lang> = Value::one_of(lang, langs);
/// `--client device|application`.
pub const CLIENT: Value<Client> = Value::one_of(client, clients);
/// `--today YYYY-MM-DD`.
pub const TODAY: Value<Date> = Value::new(today_option);

/// `a, b or c`: the allowed values in a message.
pub fn either(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

pub fn cloud(value: &str) -> Result<Cloud, Usage> {
    Cloud::parse(value).ok_or_else(|| {
        Usage(format!(
            "--cloud must be one of {}, not `{value}`",
            clouds().join(", ")
        ))
    })
}

pub fn lang(value: &str) -> Result<Lang, Usage> {
    Lang::parse(value).ok_or_else(|| {
        Usage(format!(
            "--lang must be {}, not `{value}`",
            either(&langs())
        ))
    })
}

/// `--client device|application`: who sends, so the texts say "the application" for one.
pub fn client(value: &str) -> Result<Client, Usage> {
    Client::parse(value.trim()).ok_or_else(|| {
        Usage(format!(
            "--client must be {}, not `{value}`",
            either(&clients())
        ))
    })
}

/// Invalid values are a usage problem: name each field and what is wrong with it.
pub fn field_errors(errors: Vec<FieldError>, lang: Lang) -> Invalid {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("--{}: {}", e.field, e.message(lang)))
        .collect();
    Invalid(lines.join("\n"))
}

/// Today's date (UTC), from the system clock: the default of every `--today`.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// `--today YYYY-MM-DD`: the day the dated facts are compared with (for tests and for
/// seeing the wording of another day).
pub fn today_option(value: &str) -> Result<Date, Usage> {
    Date::parse(value.trim()).map_err(|e| Usage(format!("--today: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_options() {
        assert_eq!(
            super::today_option(" 2026-12-02")
                .ok()
                .map(|d| d.to_string()),
            Some("2026-12-02".to_owned())
        );
        let bad = super::today_option("2026-12-32").map_err(|e| e.0);
        assert_eq!(
            bad,
            Err("--today: `2026-12-32` is not a date: 2026-12 has 31 days".to_owned())
        );
        assert!(super::today().year() >= 2026);
    }

    #[test]
    fn allowed_values_read_as_a_list() {
        assert_eq!(super::either(&["en", "vi"]), "en or vi");
        assert_eq!(super::either(&["a", "b", "c"]), "a, b or c");
        assert_eq!(super::either(&["a"]), "a");
        assert_eq!(
            super::client("printer").map_err(|e| e.0),
            Err("--client must be device or application, not `printer`".to_owned())
        );
    }

    #[test]
    fn the_cloud_message_lists_every_cloud() {
        let bad = super::cloud("mars").map_err(|e| e.0);
        assert_eq!(
            bad,
            Err(
                "--cloud must be one of worldwide, gcc, gcc-high, dod, 21vianet, not `mars`"
                    .to_owned()
            )
        );
    }
}
