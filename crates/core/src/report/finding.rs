//! A finding is data: a stable code, its severity and section, and the values its words
//! are built from. It is worded in a language only when shown ([`Finding::message`],
//! [`Finding::fix`]), so a finished report stays valid when the reader switches language
//! and nothing has to be looked up again.

use crate::dkim::KeyError;
use crate::dmarc::DmarcError;
use crate::dns::ResolveError;
use crate::i18n::{format, Lang};
use crate::spf::problem::SpfProblem;
use crate::spf::record::SyntaxError;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
#[serde(into = "&'static str")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`: the JSON's word, the CLI's and the page's class.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The parts of a report, each shown as one card with its own status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
#[serde(into = "&'static str")]
pub enum Section {
    Devices,
    Mx,
    Spf,
    Dkim,
    Dmarc,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The name its heading starts with ("MX", "SPF", "DKIM", "DMARC"), the same in
    /// every language: the verdicts name the sections they point to by it.
    pub fn short_name(self) -> &'static str {
        match self {
            Section::Devices => "IP",
            Section::Mx => "MX",
            Section::Spf => "SPF",
            Section::Dkim => "DKIM",
            Section::Dmarc => "DMARC",
        }
    }
}

/// A value a finding's words are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A name, an address, a record, a number: the same in every language.
    Plain(String),
    /// Why a lookup failed.
    Resolve(ResolveError),
    /// Why an SPF evaluation gave an error.
    Spf(SpfProblem),
    /// What is wrong in an SPF record.
    Syntax(SyntaxError),
    /// Why a DMARC record is not one receivers apply.
    Dmarc(DmarcError),
    /// Why a DKIM key record is not one receivers can use.
    DkimKey(KeyError),
}

impl Arg {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Plain(text) => text.clone(),
            Arg::Resolve(error) => error.message(lang),
            Arg::Spf(problem) => problem.message(lang),
            Arg::Syntax(error) => error.message(lang),
            Arg::Dmarc(error) => error.message(lang),
            Arg::DkimKey(error) => error.message(lang),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Plain(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Plain(text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Which part of the report it belongs to.
    pub section: Section,
    pub args: Vec<(&'static str, Arg)>,
    /// Further sentences of the fix (catalog keys), worded with the same values.
    pub more_fix: Vec<&'static str>,
    /// The catalog key of the fix when another state of the page changes it (a
    /// what-if draft that already passes), in place of `finding.<code>.fix`.
    pub fix_key: Option<&'static str>,
}

impl Finding {
    /// What was found, in `lang` (catalog `finding.<code>`).
    pub fn message(&self, lang: Lang) -> String {
        self.worded(lang, &format!("finding.{}", self.code))
    }

    /// What to do about it, in `lang` (catalog `finding.<code>.fix`, then each
    /// further sentence).
    pub fn fix(&self, lang: Lang) -> String {
        let mut fix = match self.fix_key {
            Some(key) => self.worded(lang, key),
            None => self.worded(lang, &format!("finding.{}.fix", self.code)),
        };
        for key in &self.more_fix {
            fix.push(' ');
            fix.push_str(&self.worded(lang, key));
        }
        fix
    }

    /// The value of one argument, as data.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    fn worded(&self, lang: Lang, key: &str) -> String {
        let rendered: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, v.render(lang)))
            .collect();
        let args: Vec<(&str, &str)> = rendered.iter().map(|(k, v)| (*k, v.as_str())).collect();
        format(lang, key, &args)
    }
}

/// The findings of one report as they are found.
#[derive(Default, Clone)]
pub(super) struct Findings {
    pub(super) list: Vec<Finding>,
}

impl Findings {
    /// A finding whose values are all plain.
    pub(super) fn add(
        &mut self,
        section: Section,
        code: &'static str,
        severity: Severity,
        args: &[(&'static str, &str)],
    ) {
        let args = args.iter().map(|(k, v)| (*k, Arg::from(*v))).collect();
        self.add_args(section, code, severity, args);
    }

    pub(super) fn add_args(
        &mut self,
        section: Section,
        code: &'static str,
        severity: Severity,
        args: Vec<(&'static str, Arg)>,
    ) {
        self.list.push(Finding {
            code,
            severity,
            section,
            args,
            more_fix: Vec::new(),
            fix_key: None,
        });
    }

    /// A lookup the section needed failed: the section could not be checked.
    pub(super) fn dns_error(&mut self, section: Section, what: &str, error: Arg) {
        self.add_args(
            section,
            "dns-error",
            Severity::Error,
            vec![("what", Arg::from(what)), ("error", error)],
        );
    }

    /// Adds a sentence (catalog key, worded with the finding's values) to the fix of
    /// the finding added last.
    pub(super) fn append_to_fix(&mut self, key: &'static str) {
        if let Some(last) = self.list.last_mut() {
            last.more_fix.push(key);
        }
    }
}
