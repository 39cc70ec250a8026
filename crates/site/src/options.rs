//! What a build is asked to do: the library's input, filled in by `smarthost build` from
//! its command line. A leaf: it depends on no other module of the crate.

use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use std::path::PathBuf;

/// Everything `smarthost build` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub guide: PathBuf,
    pub out: PathBuf,
    /// Absolute, ending in `/`; only for sitemap.xml and canonical/hreflang links.
    pub base_url: Option<String>,
    pub langs: Vec<Lang>,
    /// Whether `--lang` was given: then a missing language is an error, not a note.
    pub langs_explicit: bool,
    pub fragments: bool,
    /// Where the planner is, relative to the guide root unless absolute.
    pub app_url: String,
    pub allow_html: bool,
    /// The day the dated facts are worded for ("in 29 days", "has been … since").
    pub today: Date,
}

impl Options {
    /// The defaults of `smarthost build`: `guide/` into `guide-site/`, English and
    /// Vietnamese, the planner one directory up, worded for `today`.
    pub fn new(today: Date) -> Self {
        Options {
            guide: PathBuf::from("guide"),
            out: PathBuf::from("guide-site"),
            base_url: None,
            langs: vec![Lang::En, Lang::Vi],
            langs_explicit: false,
            fragments: false,
            app_url: "../".to_owned(),
            allow_html: false,
            today,
        }
    }
}
