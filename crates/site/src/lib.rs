//! smarthost-site: the static-site generator for the setup guides, the library behind
//! `smarthost build`. One entry point, [`build`], takes [`Options`] and gives a
//! [`Summary`] or an [`Error`]; everything else is crate-private.
//!
//! Explicit stages joined by typed values, one module each:
//!
//! 1. [`load`]: read `guide/<lang>/*.md` and `guide/devices.toml` ([`load::Source`]);
//! 2. [`front_matter`]: split each page's `+++` TOML block into a checked struct
//!    ([`front_matter::Page`]);
//! 3. [`devices`]: build every device's card per language, with slugs
//!    ([`devices::DeviceSet`]);
//! 4. [`markdown`]: one configured pulldown-cmark parser plus small event-rewriting passes
//!    ([`shortcodes`], [`links`], raw HTML, headings, footnotes, tables), giving
//!    [`markdown::Rendered`] bodies with their anchors and links;
//! 5. [`links::check`]: every internal link and anchor resolves;
//! 6. [`templates`]: whole pages and the language chooser, with [`device_pages`],
//!    [`fragments`] and [`sitemap`], as [`templates::OutputFile`]s;
//! 7. [`write`]: into a temporary directory next to `--out`, then swapped into place.
//!
//! Output is deterministic (sorted, no clock), so building twice gives identical bytes:
//! the one date it depends on, the day dated facts are worded for, is `--today` (the
//! system date when not given).

mod anchors;
mod device_pages;
mod devices;
mod error;
mod fragments;
pub mod front_matter;
mod links;
mod load;
mod markdown;
mod shortcodes;
mod sitemap;
mod slug;
mod strings;
mod templates;
mod write;

pub use error::{BuildError, SiteError};
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use std::fmt;
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

/// What a successful build did, for the closing lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub langs: Vec<Lang>,
    pub pages: usize,
    pub device_pages: usize,
    pub files: usize,
    pub notes: Vec<String>,
}

/// Runs every stage; nothing is written unless all of them succeed.
pub fn build(options: &Options) -> Result<Summary, Error> {
    refuse_to_replace_sources(options)?;
    let source = load::load(&options.guide, &options.langs, options.langs_explicit)?;
    let mut notes = source.notes.clone();
    let site = front_matter::read_site(&source)?;
    notes.extend(site.notes.iter().cloned());
    let devices = devices::prepare(source.devices.as_ref(), &site.langs(), options.today)?;
    notes.extend(devices.note());
    let rendered = markdown::render_site(&site, &devices, options)?;
    links::check(&site, &rendered)?;
    let files = templates::render_site(&site, &rendered, &devices, options);
    write::swap_into(&options.out, &files)?;
    if options.base_url.is_none() {
        notes.push(
            "no --base-url: sitemap.xml lists paths relative to the site root; pass --base-url https://…/ for absolute URLs and canonical links"
                .to_owned(),
        );
    }
    Ok(Summary {
        langs: site.langs(),
        pages: site.langs.iter().map(|l| l.pages.len()).sum(),
        device_pages: devices.entries.len() * site.langs.len(),
        files: files.len(),
        notes,
    })
}

/// `--out` is replaced whole; it must not hold the guide itself (`--out guide` or
/// `--out .` by mistake would delete the sources).
fn refuse_to_replace_sources(options: &Options) -> Result<(), Error> {
    let (Ok(guide), Ok(out)) = (options.guide.canonicalize(), options.out.canonicalize()) else {
        // A directory that does not exist yet cannot contain the guide.
        return Ok(());
    };
    if guide.starts_with(&out) {
        return Err(Error::Options(format!(
            "--out {} holds the guide sources ({}), and the build replaces it; choose another directory",
            options.out.display(),
            options.guide.display()
        )));
    }
    Ok(())
}

/// Why a build stopped; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The options cannot be used as given (`--out` holds the guide sources).
    Options(String),
    /// Problems in the sources, or writing the output, each with its file and line.
    Build(BuildError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Options(message) => f.write_str(message),
            Error::Build(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<BuildError> for Error {
    fn from(error: BuildError) -> Self {
        Error::Build(error)
    }
}
