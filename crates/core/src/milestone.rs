//! The dated milestones in the facts reference, each with the day it takes effect, so
//! that every text stating one is worded relative to a `today` that core is given:
//! "is off by default from the end of December 2026 (in 29 days)" before the day, "has
//! been off by default since the end of December 2026" from it on.
//!
//! A catalog text names a milestone by its key as a placeholder (`{smtp-basic-off}`);
//! [`fill_milestones`] puts in `milestone.<key>.before` (with `{count}`, the days left,
//! and a `.one` form for one day) or `milestone.<key>.after`.

use crate::date::Date;
use crate::i18n::{fill, format_count, placeholders, text, Lang};
use serde::Serialize;

/// A dated change in the facts reference (`shared/reference/m365-sending-facts.md`).
///
/// [`Milestone::key`] names its placeholder and catalog keys; the JSON keeps serde's
/// kebab case of the variant (`tls10-off` where the key is `tls-1-0-off`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Milestone {
    /// Basic auth for SMTP AUTH off by default for existing tenants, and not available
    /// to tenants created after December 2026.
    SmtpBasicOff,
    /// When Microsoft said it would announce the final removal date of Basic SMTP AUTH.
    SmtpBasicRemovalDate,
    /// High Volume Email billed at USD 42 per million recipients.
    HveBilling,
    /// The end of Basic auth for HVE accounts.
    HveBasicEnd,
    /// Reject Direct Send generally available.
    RejectDirectSend,
    /// mx.microsoft the default MX for new accepted domains.
    MxMicrosoftDefault,
    /// The accepted-domain rule for connector relay.
    RelayRule,
    /// TLS 1.0 and 1.1 refused on smtp.office365.com.
    #[strum(serialize = "tls-1-0-off")]
    Tls10Off,
    /// Legacy TLS blocked for POP and IMAP.
    PopImapLegacyTls,
}

impl Milestone {
    pub const ALL: [Milestone; 9] = [
        Milestone::SmtpBasicOff,
        Milestone::SmtpBasicRemovalDate,
        Milestone::HveBilling,
        Milestone::HveBasicEnd,
        Milestone::RejectDirectSend,
        Milestone::MxMicrosoftDefault,
        Milestone::RelayRule,
        Milestone::Tls10Off,
        Milestone::PopImapLegacyTls,
    ];

    /// The placeholder name and catalog key part.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The first day on which the milestone holds, the day "in N days" counts to.
    ///
    /// The facts give some milestones as a month only, and the texts keep saying the
    /// month ("from the end of December 2026", "until September 2028"); the day is
    /// chosen here: "the end of" or "until" a month is its last day, "from" or "since"
    /// a month is its first day, and "the second half of 2027" ends on its last day.
    pub fn date(self) -> Date {
        match self {
            // "no change until end of December 2026; then off by default".
            Milestone::SmtpBasicOff => Date::known(2026, 12, 31),
            // "the final removal date will be announced in the second half of 2027".
            Milestone::SmtpBasicRemovalDate => Date::known(2027, 12, 31),
            // "billed from 1 Jun 2026".
            Milestone::HveBilling => Date::known(2026, 6, 1),
            // "Basic auth allowed until Sep 2028".
            Milestone::HveBasicEnd => Date::known(2028, 9, 30),
            // "GA Sep 2025".
            Milestone::RejectDirectSend => Date::known(2025, 9, 1),
            // "new accepted domains get it from July 2026".
            Milestone::MxMicrosoftDefault => Date::known(2026, 7, 1),
            // "SMTP relay rules tightened (1 Nov 2023)".
            Milestone::RelayRule => Date::known(2023, 11, 1),
            // "enforcement from Feb 2022".
            Milestone::Tls10Off => Date::known(2022, 2, 1),
            // "legacy TLS for POP/IMAP is blocked from July 2026".
            Milestone::PopImapLegacyTls => Date::known(2026, 7, 1),
        }
    }

    /// Where `today` stands against this milestone.
    pub fn status(self, today: Date) -> Status {
        match today.days_until(self.date()) {
            days if days > 0 => Status::Upcoming { days },
            _ => Status::Reached,
        }
    }

    /// Whether the milestone holds on `today`.
    pub fn reached(self, today: Date) -> bool {
        self.status(today) == Status::Reached
    }

    /// The milestone in words, relative to `today`.
    pub fn text(self, lang: Lang, today: Date) -> String {
        self.worded(lang, &format!("milestone.{}", self.key()), today)
    }

    /// A text about this milestone from the catalog entries `<key>.before` (with
    /// `{count}`, the days left, and a `.one` form) and `<key>.after`, chosen for
    /// `today`: how a matrix cell or a guide sentence states a dated fact in its own
    /// words.
    pub fn worded(self, lang: Lang, key: &str, today: Date) -> String {
        match self.status(today) {
            Status::Upcoming { days } => format_count(
                lang,
                &format!("{key}.before"),
                usize::try_from(days).unwrap_or(usize::MAX),
                &[],
            ),
            Status::Reached => text(lang, &format!("{key}.after")),
        }
    }

    pub fn from_key(key: &str) -> Option<Milestone> {
        key.parse().ok()
    }
}

/// Before or from a milestone's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum Status {
    /// `days` (at least 1) until it takes effect.
    Upcoming { days: i64 },
    /// It holds: today is its day or later.
    Reached,
}

/// The milestones a text names as placeholders, in the order of [`Milestone::ALL`].
pub fn named_in(template: &str) -> Vec<Milestone> {
    let names = placeholders(template);
    Milestone::ALL
        .into_iter()
        .filter(|m| names.contains(&m.key()))
        .collect()
}

/// Fills each milestone placeholder of `template` with the milestone's words relative
/// to `today`; other placeholders stay for the caller.
pub fn fill_milestones(template: &str, lang: Lang, today: Date) -> String {
    let words: Vec<(&str, String)> = named_in(template)
        .into_iter()
        .map(|m| (m.key(), m.text(lang, today)))
        .collect();
    let args: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_milestone_day_exists_and_keys_are_unique() {
        for m in Milestone::ALL {
            let d = m.date();
            assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d), "{m:?}");
            assert_eq!(Milestone::from_key(m.key()), Some(m));
        }
    }

    #[test]
    fn every_milestone_has_words_before_and_after_in_both_languages() {
        for m in Milestone::ALL {
            for lang in Lang::ALL {
                for form in ["before", "after"] {
                    let key = format!("milestone.{}.{form}", m.key());
                    assert!(has(lang, &key), "{key} missing in {}", lang.code());
                }
                // A text that counts days has its one-day form too.
                let before = text(lang, &format!("milestone.{}.before", m.key()));
                if before.contains("{count}") {
                    let one = format!("milestone.{}.before.one", m.key());
                    assert!(has(lang, &one), "{one} missing in {}", lang.code());
                }
            }
        }
    }

    #[test]
    fn basic_smtp_auth_is_counted_down_then_stated_as_done() {
        let m = Milestone::SmtpBasicOff;
        assert_eq!(
            m.text(Lang::En, date("2026-12-02")),
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)"
        );
        assert_eq!(
            m.text(Lang::En, date("2026-12-30")),
            "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 1 day)"
        );
        for after in ["2026-12-31", "2027-01-01", "2030-06-15"] {
            assert_eq!(
                m.text(Lang::En, date(after)),
                "Basic auth for SMTP AUTH has been off by default since the end of December 2026",
                "{after}"
            );
        }
        let vi = m.text(Lang::Vi, date("2026-12-02"));
        assert!(vi.contains("29 ngày"), "{vi}");
        assert_ne!(vi, m.text(Lang::Vi, date("2027-01-01")));
    }

    #[test]
    fn every_milestone_changes_its_words_on_its_day() {
        for m in Milestone::ALL {
            let day = m.date();
            let eve = Date::from_days_since_epoch(day.days_since_epoch() - 1);
            assert_eq!(m.status(eve), Status::Upcoming { days: 1 }, "{m:?}");
            assert_eq!(m.status(day), Status::Reached, "{m:?}");
            for lang in Lang::ALL {
                let before = m.text(lang, eve);
                let after = m.text(lang, day);
                assert_ne!(before, after, "{m:?} in {}", lang.code());
                for words in [&before, &after] {
                    assert!(!words.contains('{'), "{m:?}: {words}");
                }
            }
        }
    }

    #[test]
    fn a_text_names_milestones_by_placeholder() {
        let template = "{hve-basic-end}; {other}.";
        assert_eq!(named_in(template), [Milestone::HveBasicEnd]);
        let filled = fill_milestones(template, Lang::En, date("2026-12-02"));
        assert_eq!(
            filled,
            "HVE accounts may use Basic auth until September 2028 (668 days left); {other}."
        );
    }
}
