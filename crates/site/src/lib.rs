//! smarthost-site: the static-site generator for the setup guides, the library behind
//! `smarthost build`. One entry point, [`build`], takes [`Options`] and gives a
//! [`Summary`] or an [`Error`]; everything else is crate-private.
//!
//! Explicit stages joined by typed values, one module each:
//!
//! 1. `load`: read `guide/<lang>/*.md`, `guide/devices.toml` and `guide/site.toml`
//!    (`load::Source`), whose settings `settings` checks;
//! 2. [`front_matter`]: split each page's `+++` TOML block into a checked struct
//!    (`front_matter::Page`; [`front_matter::split`] is public for the fuzz target);
//! 3. `devices`: build every device's card (worded per language when shown), with slugs
//!    (`DeviceSet`);
//! 4. `markdown`: one configured pulldown-cmark parser plus small event-rewriting passes
//!    (`shortcodes`, `links`, raw HTML, `anchors` for headings and footnotes, tables),
//!    giving `rendered::Rendered` bodies with their anchors and links;
//! 5. `rendered::check_links`: every internal link and anchor resolves;
//! 6. `templates`: whole pages and the language chooser, inside the shared `frame`,
//!    with `device_pages`, `fragments` and `sitemap`, as `output::OutputFile`s; every
//!    page, shortcode and anchor is a maud template, which escapes what it is given
//!    (`markup`);
//! 7. `write`: into a temporary directory next to `--out`, then swapped into place.
//!
//! `stream` runs stages 4 to 7 page by page on every core: a guide page is written to
//! the temporary directory as soon as it is rendered, and only its ids and links are
//! kept for stage 5, so the rendered site is never all in memory; the swap waits for the
//! check, so a broken link still leaves the previous output in place.
//!
//! # Layering
//!
//! The modules import each other without a cycle (`layering_tests.rs` reads their
//! `super::`/`crate::` paths and fails on one); nothing imports this root module, so
//! shared types live in leaves. From the bottom up, each layer using only those below:
//!
//! | layer | modules | what they hold |
//! |---|---|---|
//! | leaves | `error`, `options`, `strings`, `slug`, `parallel`, `events`, `markup`, `card_fit`, `card_html` | build errors and line numbers; [`Options`]; the chrome's words; slugs; `parallel_map`; the Markdown passes' event and error types; how HTML is written (maud templates); a config card's markup (public: the CLI's `card --format html`) |
//! | sources | `load`, then `settings`, `front_matter`, `devices` | files read; the site settings (`site.toml`); pages checked (the page model `Site`/`Page`); device cards |
//! | model | `output`, `links`, then `rendered` | output files and the generated paths links may name; link resolution and the anchor check; rendered bodies and the site-wide link check |
//! | Markdown | `anchors`, `shortcodes` (a folder: `parse`, `args`, then `inline`, `tables`, `blocks`), then `markdown` | the passes, then the stage that chains them |
//! | pages | `frame`, then `device_pages`, `fragments`, `sitemap`, then `templates`, `write` | the page frame; the pages built in it; every file; writing |
//! | build | `stream` | stages 4 to 7 page by page: render, write, check, swap |
//!
//! `lib.rs` (this file) runs the stages in order and is the only module that sees
//! them all.
//!
//! Output is deterministic (sorted, no clock), so building twice gives identical bytes:
//! the one date it depends on, the day dated facts are worded for, is `--today` (the
//! system date when not given).

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod anchors;
mod card_fit;
pub mod card_html;
mod device_pages;
mod devices;
mod error;
mod events;
mod fragments;
mod frame;
pub mod front_matter;
mod links;
mod load;
mod markdown;
mod markup;
mod options;
mod output;
mod parallel;
mod rendered;
mod settings;
mod shortcodes;
mod sitemap;
mod slug;
mod stream;
mod strings;
mod templates;
mod write;

pub use error::{BuildError, SiteError};
pub use options::Options;
pub use settings::public_base_url;
use smarthost_core::i18n::Lang;
use std::fmt;

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
    let settings = settings::read(source.settings.as_ref()).map_err(BuildError::from)?;
    // The command line's --base-url wins over the settings file's.
    let options = &Options {
        base_url: options.base_url.clone().or(settings.base_url),
        ..options.clone()
    };
    let mut notes = source.notes.clone();
    let site = front_matter::read_site(&source)?;
    notes.extend(site.notes.iter().cloned());
    let devices = devices::prepare(source.devices.as_ref(), &site.langs(), options.today)?;
    notes.extend(devices.note());
    let files = stream::build_site(&site, &devices, options)?;
    if options.base_url.is_none() {
        notes.push(
            "no --base-url: sitemap.xml lists paths relative to the site root; pass --base-url https://…/ for absolute URLs and canonical links"
                .to_owned(),
        );
        if !devices.entries.is_empty() {
            notes.push(format!(
                "device cards have no QR code: no public address is set (base_url in {}/site.toml, or --base-url); a QR code needs the guide's absolute address",
                source.root
            ));
        }
    }
    Ok(Summary {
        langs: site.langs(),
        pages: site.langs.iter().map(|l| l.pages.len()).sum(),
        device_pages: devices.entries.len() * site.langs.len(),
        files,
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

#[cfg(test)]
#[path = "layering_tests.rs"]
mod layering_tests;

#[cfg(test)]
#[path = "markup_tests.rs"]
mod markup_tests;
