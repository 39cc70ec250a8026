//! A calendar date (proleptic Gregorian, no time zone), enough to compare the dated
//! facts with today. Core never reads the clock: the app passes the browser's date, the
//! CLI and the generator `--today` or the system date.

use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// A valid date, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order makes the derived ordering chronological.
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write it as YYYY-MM-DD, for example 2026-12-02")]
    Format(String),
    #[error("`{text}` is not a date: month {month} does not exist")]
    Month { text: String, month: u32 },
    #[error("`{text}` is not a date: {year}-{month:02} has {days} days")]
    Day {
        text: String,
        year: i32,
        month: u32,
        days: u8,
    },
}

impl Date {
    /// A date from its parts; `None` when the month or the day does not exist.
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// For the tables of dated facts, unchecked so that it works in constants; a test
    /// checks every date in those tables with [`Date::new`].
    pub(crate) const fn known(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let format = || DateError::Format(text.to_owned());
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range.clone())
                .filter(|part| part.iter().all(u8::is_ascii_digit))
                .and_then(|_| text.get(range))
                .and_then(|part| part.parse::<u32>().ok())
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(format());
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(format());
        };
        // Four digits always fit.
        let year = year as i32;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month {
                text: text.to_owned(),
                month,
            });
        }
        let days = days_in_month(year, month as u8);
        if day < 1 || day > u32::from(days) {
            return Err(DateError::Day {
                text: text.to_owned(),
                year,
                month,
                days,
            });
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Days since 1970-01-01 (negative before it), Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days from `self` to `later`: positive when `later` is after `self`.
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = date("2026-12-02");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 12, 2));
        assert_eq!(d.to_string(), "2026-12-02");
        assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(date("2000-02-29").day(), 29);
    }

    #[test]
    fn rejects_what_is_not_a_date_with_the_reason() {
        for bad in [
            "",
            "2026-12-2",
            "2026/12/02",
            "26-12-02",
            "2026-12-02T00:00",
            " 2026-12-02",
            "２０２６-12-02",
            "2026-1a-02",
            "+026-12-02",
        ] {
            assert_eq!(
                Date::parse(bad),
                Err(DateError::Format(bad.to_owned())),
                "{bad:?}"
            );
        }
        let month = Date::parse("2026-13-01").map_err(|e| e.to_string());
        assert_eq!(
            month,
            Err("`2026-13-01` is not a date: month 13 does not exist".to_owned())
        );
        let day = Date::parse("2026-02-29").map_err(|e| e.to_string());
        assert_eq!(
            day,
            Err("`2026-02-29` is not a date: 2026-02 has 28 days".to_owned())
        );
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2026-04-31").is_err());
        assert!(Date::parse("2026-00-10").is_err());
        assert!(Date::parse("2026-01-00").is_err());
    }

    #[test]
    fn days_between_dates() {
        assert_eq!(date("2026-12-02").days_until(date("2026-12-31")), 29);
        assert_eq!(date("2026-12-31").days_until(date("2026-12-02")), -29);
        assert_eq!(date("2026-12-30").days_until(date("2026-12-31")), 1);
        assert_eq!(date("2026-12-31").days_until(date("2027-01-01")), 1);
        assert_eq!(date("2028-02-28").days_until(date("2028-03-01")), 2);
        assert_eq!(date("2026-12-02").days_until(date("2028-09-30")), 668);
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
    }

    #[test]
    fn days_since_the_epoch_round_trip() {
        for days in [-800_000, -1, 0, 1, 11_016, 20_424, 20_818, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(
            Date::from_days_since_epoch(20_424).to_string(),
            "2025-12-02"
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
    }

    #[test]
    fn dates_order_by_time() {
        assert!(date("2026-12-30") < date("2026-12-31"));
        assert!(date("2026-12-31") < date("2027-01-01"));
        assert!(date("2026-09-30") < date("2026-10-01"));
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::new(2026, 12, 31), Some(date("2026-12-31")));
    }
}
