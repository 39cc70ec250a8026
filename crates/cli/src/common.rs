//! Option values shared by several commands.

use crate::{Invalid, Usage};
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::plan::Client;

pub fn cloud(value: &str) -> Result<Cloud, Usage> {
    Cloud::parse(value).ok_or_else(|| {
        Usage(format!(
            "--cloud must be one of worldwide, gcc, gcc-high, dod, 21vianet, not `{value}`"
        ))
    })
}

pub fn lang(value: &str) -> Result<Lang, Usage> {
    Lang::parse(value).ok_or_else(|| Usage(format!("--lang must be en or vi, not `{value}`")))
}

/// `--client device|application`: who sends, so the texts say "the application" for one.
pub fn client(value: &str) -> Result<Client, Usage> {
    Client::parse(value.trim()).ok_or_else(|| {
        Usage(format!(
            "--client must be device or application, not `{value}`"
        ))
    })
}

/// Invalid values are a usage problem: name each field and what is wrong with it.
pub fn field_errors(errors: Vec<FieldError>) -> Invalid {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("--{}: {}", e.field, e.message))
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
}
