//! Dates, whole numbers and USD amounts written the way each language writes them in
//! running text: English "28 November 2026", "14,259", "USD 8.40"; Vietnamese
//! "28/11/2026" (or "ngày 28 tháng 11 năm 2026"), "14.259", "8,40 USD". Core keeps
//! dates as [`Date`] values and ISO text for data (JSON, TOML, `datetime`); the app,
//! the CLI and the generator call these where a date or an amount meets a reader.

use crate::date::Date;
use crate::i18n::Lang;

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as the language writes it in a sentence or a label.
pub fn date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::En => english_date(date),
        Lang::Vi => format!("{}/{}/{}", date.day(), date.month(), date.year()),
    }
}

/// A date written out in words, for a sentence that does not already say "ngày" before
/// it: Vietnamese "ngày 28 tháng 11 năm 2026"; English is the same as [`date`].
pub fn date_in_words(date: Date, lang: Lang) -> String {
    match lang {
        Lang::En => english_date(date),
        Lang::Vi => format!(
            "ngày {} tháng {} năm {}",
            date.day(),
            date.month(),
            date.year()
        ),
    }
}

fn english_date(date: Date) -> String {
    let month = EN_MONTHS
        .get(usize::from(date.month()).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

/// `text` as a date in `lang` when it is a `YYYY-MM-DD` date, else `text` unchanged (a
/// card keeps whatever date the admin typed, and prints it as typed).
pub fn date_text(text: &str, lang: Lang) -> String {
    Date::parse(text).map_or_else(|_| text.to_owned(), |d| date(d, lang))
}

/// A whole number with the language's thousands separator.
pub fn integer(n: u64, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// An amount in US dollars, given in cents: English "USD 8.40", "USD 42";
/// Vietnamese "8,40 USD", "42 USD". Whole amounts are written without cents.
pub fn usd(cents: u64, lang: Lang) -> String {
    let whole = integer(cents / 100, lang);
    let amount = match (cents % 100, lang) {
        (0, _) => whole,
        (c, Lang::En) => format!("{whole}.{c:02}"),
        (c, Lang::Vi) => format!("{whole},{c:02}"),
    };
    match lang {
        Lang::En => format!("USD {amount}"),
        Lang::Vi => format!("{amount} USD"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap_or_else(|| panic!("{y}-{m}-{day}"))
    }

    #[test]
    fn dates_follow_each_languages_convention() {
        assert_eq!(date(d(2026, 11, 28), Lang::En), "28 November 2026");
        assert_eq!(date(d(2026, 11, 28), Lang::Vi), "28/11/2026");
        assert_eq!(date(d(2026, 6, 1), Lang::Vi), "1/6/2026");
        assert_eq!(date(d(2027, 1, 31), Lang::En), "31 January 2027");
        assert_eq!(
            date_in_words(d(2026, 11, 28), Lang::Vi),
            "ngày 28 tháng 11 năm 2026"
        );
        assert_eq!(date_in_words(d(2026, 12, 2), Lang::En), "2 December 2026");
    }

    #[test]
    fn every_month_has_its_english_name() {
        for month in 1..=12u8 {
            let text = date(d(2026, month, 1), Lang::En);
            assert!(text.contains(EN_MONTHS[usize::from(month) - 1]), "{text}");
        }
    }

    #[test]
    fn a_typed_date_that_is_not_iso_is_kept_as_typed() {
        assert_eq!(date_text("2026-12-02", Lang::Vi), "2/12/2026");
        assert_eq!(date_text("2026-12-02", Lang::En), "2 December 2026");
        assert_eq!(date_text("next week", Lang::En), "next week");
        assert_eq!(date_text("2026-02-30", Lang::Vi), "2026-02-30");
    }

    #[test]
    fn numbers_take_the_languages_thousands_separator() {
        assert_eq!(integer(0, Lang::En), "0");
        assert_eq!(integer(999, Lang::Vi), "999");
        assert_eq!(integer(14_259, Lang::En), "14,259");
        assert_eq!(integer(14_259, Lang::Vi), "14.259");
        assert_eq!(integer(1_000_000, Lang::En), "1,000,000");
        assert_eq!(integer(u64::MAX, Lang::Vi).matches('.').count(), 6);
    }

    #[test]
    fn usd_amounts_follow_each_languages_order() {
        assert_eq!(usd(4200, Lang::En), "USD 42");
        assert_eq!(usd(4200, Lang::Vi), "42 USD");
        assert_eq!(usd(840, Lang::En), "USD 8.40");
        assert_eq!(usd(840, Lang::Vi), "8,40 USD");
        assert_eq!(usd(123_456_705, Lang::Vi), "1.234.567,05 USD");
    }
}
