//! Option values shared by several commands.

use crate::{Invalid, Usage};
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::i18n::Lang;

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

/// Invalid values are a usage problem: name each field and what is wrong with it.
pub fn field_errors(errors: Vec<FieldError>) -> Invalid {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("--{}: {}", e.field, e.message))
        .collect();
    Invalid(lines.join("\n"))
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(secs / 86_400)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(20_420), "2025-11-28");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
    }
}
