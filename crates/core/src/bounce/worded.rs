//! An explanation worded in one language: what the CLI prints (as text or JSON) and the
//! app shows. The ids and codes stay beside the words, so a script can key on them.

use super::{Explanation, Link, Match};
use crate::i18n::{format, text, Lang};
use serde::Serialize;

/// An explanation in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worded {
    pub recognised: bool,
    /// Every code found, as written (`550 5.7.64`).
    pub codes: Vec<String>,
    pub matches: Vec<WordedMatch>,
    /// Lines about the rest: not recognised, codes not explained, look-alikes, a cut.
    pub notes: Vec<String>,
    pub ips: Vec<String>,
    pub domains: Vec<String>,
}

/// One known bounce in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordedMatch {
    pub id: &'static str,
    pub code: String,
    /// The "(unconfirmed)" note when the wording is observed rather than Microsoft's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unconfirmed: Option<String>,
    pub what: String,
    pub why: String,
    pub fix: String,
    /// "The fix is for Direct Send." when the fix is the method's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tailored: Option<String>,
    pub links: Vec<Link>,
}

impl Explanation {
    /// The explanation worded in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Worded {
        let listed =
            |codes: &[super::FoundCode]| codes.iter().map(ToString::to_string).collect::<Vec<_>>();
        let mut notes = Vec::new();
        if let Some(total) = self.cut_from {
            let kb = |bytes: usize| bytes.div_ceil(1024).to_string();
            notes.push(format(
                lang,
                "bounce.cut",
                &[("read", &kb(self.read)), ("total", &kb(total))],
            ));
        }
        if !self.recognised() {
            notes.push(text(lang, "bounce.not-recognised"));
        }
        if self.codes.is_empty() {
            notes.push(text(lang, "bounce.no-codes"));
        } else if !self.unrecognised.is_empty() {
            let codes = listed(&self.unrecognised).join(", ");
            notes.push(format(lang, "bounce.unrecognised", &[("codes", &codes)]));
        }
        if !self.look_alikes.is_empty() {
            let runs = self.look_alikes.join(", ");
            notes.push(format(lang, "bounce.look-alikes", &[("runs", &runs)]));
        }
        Worded {
            recognised: self.recognised(),
            codes: listed(&self.codes),
            matches: self.matches.iter().map(|m| self.worded(m, lang)).collect(),
            notes,
            ips: self.ips.iter().map(ToString::to_string).collect(),
            domains: self.domains.clone(),
        }
    }

    fn worded(&self, found: &Match, lang: Lang) -> WordedMatch {
        let tailored = (found.fix != found.id.key("fix"))
            .then_some(self.method)
            .flatten()
            .map(|method| {
                let name = text(lang, &method.key("name"));
                format(lang, "bounce.tailored", &[("method", &name)])
            });
        WordedMatch {
            id: found.id.id(),
            code: found.code.clone(),
            unconfirmed: found.unconfirmed.then(|| text(lang, "bounce.unconfirmed")),
            what: text(lang, &found.what),
            why: text(lang, &found.why),
            fix: text(lang, &found.fix),
            tailored,
            links: found.links.clone(),
        }
    }
}
