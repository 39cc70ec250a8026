//! `smarthost build`: reads the command line into [`Options`], runs the guide generator
//! (smarthost-site) and prints its notes and closing line. The generator itself is
//! `crates/site`.

use crate::common::{self, Value};
use crate::output::outln;
use crate::{Invalid, Usage};
use anyhow::Result;
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_site::{build, Error, Options};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The guide sources, one directory per language [default: guide]
    #[arg(long, value_name = "DIR", value_parser = Value::new(guide_dir), allow_hyphen_values = true)]
    guide: Option<PathBuf>,
    /// Where the site is written [default: guide-site]
    #[arg(long, value_name = "DIR", value_parser = Value::new(out_dir), allow_hyphen_values = true)]
    out: Option<PathBuf>,
    /// The site's absolute URL, for sitemap.xml, canonical links and the cards' QR codes
    /// [default: base_url in the guide's site.toml]
    #[arg(long, value_name = "URL", value_parser = Value::new(base_url))]
    base_url: Option<String>,
    /// The languages to build, comma-separated [default: en,vi]
    #[arg(long, value_name = "en,vi", value_parser = Value::new(langs))]
    lang: Option<Langs>,
    /// Page bodies only, to embed in another site
    #[arg(long)]
    fragments: bool,
    /// Where the planner is, a URL or a path relative to the guide root [default: ../]
    #[arg(long, value_name = "URL", value_parser = Value::new(app_url), allow_hyphen_values = true)]
    app_url: Option<String>,
    /// Let the guide's Markdown contain raw HTML
    #[arg(long)]
    allow_html: bool,
    /// The day the dated facts are worded for [default: the system date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::TODAY)]
    today: Option<Date>,
}

pub fn run(args: Args) -> Result<()> {
    let options = args.into_options();
    let report = build(&options).map_err(|error| match error {
        Error::Options(message) => anyhow::Error::new(Invalid(message)),
        Error::Build(error) => anyhow::Error::new(error),
    })?;
    for note in &report.notes {
        eprintln!("smarthost: note: {note}");
    }
    let langs: Vec<&str> = report.langs.iter().map(|l| l.code()).collect();
    outln!(
        "smarthost: built {} guide pages and {} device pages ({}) into {} ({} files)",
        report.pages,
        report.device_pages,
        langs.join(", "),
        options.out.display(),
        report.files
    )?;
    Ok(())
}

impl Args {
    /// The generator's options: the defaults, with what was given.
    pub fn into_options(self) -> Options {
        let mut options = Options::new(self.today.unwrap_or_else(common::today));
        options.guide = self.guide.unwrap_or(options.guide);
        options.out = self.out.unwrap_or(options.out);
        options.base_url = self.base_url;
        if let Some(Langs(langs)) = self.lang {
            options.langs = langs;
            options.langs_explicit = true;
        }
        options.app_url = self.app_url.unwrap_or(options.app_url);
        options.fragments = self.fragments;
        options.allow_html = self.allow_html;
        options
    }
}

/// `--lang en,vi`: the languages in the order given, without repeats.
#[derive(Clone)]
pub struct Langs(Vec<Lang>);

fn guide_dir(value: &str) -> Result<PathBuf, Usage> {
    non_empty_path("guide", value)
}

fn out_dir(value: &str) -> Result<PathBuf, Usage> {
    non_empty_path("out", value)
}

fn non_empty_path(name: &str, value: &str) -> Result<PathBuf, Usage> {
    if value.trim().is_empty() {
        return Err(Usage(format!("--{name} needs a directory")));
    }
    Ok(PathBuf::from(value))
}

/// `en,vi` in the order given, without repeats.
fn langs(value: &str) -> Result<Langs, Usage> {
    let mut langs = Vec::new();
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let lang = common::lang(code)?;
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    if langs.is_empty() {
        return Err(Usage("--lang needs at least one of en, vi".to_owned()));
    }
    Ok(Langs(langs))
}

/// The base URL must be absolute (sitemaps, canonical links and the cards' QR codes need
/// one); a trailing `/` is added so page paths can be appended. The same rule as the
/// guide's `site.toml`.
fn base_url(value: &str) -> Result<String, Invalid> {
    smarthost_site::public_base_url(value).ok_or_else(|| {
        Invalid(format!(
            "--base-url must be an absolute http(s) URL such as https://it.contoso.com/smarthost/guide/, not `{}`",
            value.trim()
        ))
    })
}

fn app_url(value: &str) -> Result<String, Invalid> {
    let value = value.trim();
    if value.is_empty() || value.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(Invalid(format!(
            "--app-url must be a URL or a path relative to the guide root, not `{value}`"
        )));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Command;
    use crate::usage_error::{parse, Stop};

    /// `smarthost build ARGS` read as main reads it.
    fn parse_options(args: &[&str]) -> Result<Options, Stop> {
        let args: Vec<std::ffi::OsString> = std::iter::once("build")
            .chain(args.iter().copied())
            .map(Into::into)
            .collect();
        match parse(&args)? {
            Command::Build(args) => Ok(args.into_options()),
            _ => panic!("not the build command"),
        }
    }

    fn options(args: &[&str]) -> Options {
        parse_options(args).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn defaults_follow_the_issue() {
        let options = options(&[]);
        assert_eq!(options.guide, PathBuf::from("guide"));
        assert_eq!(options.out, PathBuf::from("guide-site"));
        assert_eq!(options.langs, vec![Lang::En, Lang::Vi]);
        assert_eq!(options.app_url, "../");
        assert!(!options.fragments && !options.allow_html && !options.langs_explicit);
    }

    #[test]
    fn options_are_read() {
        let options = options(&[
            "--guide",
            "g",
            "--out=o",
            "--lang",
            "vi,en,vi",
            "--fragments",
            "--base-url",
            "https://it.contoso.com/guide",
            "--allow-html",
            "--app-url",
            "https://planner.contoso.com/",
            "--today",
            "2027-01-15",
        ]);
        assert_eq!(options.guide, PathBuf::from("g"));
        assert_eq!(options.out, PathBuf::from("o"));
        assert_eq!(options.langs, vec![Lang::Vi, Lang::En]);
        assert_eq!(
            options.base_url.as_deref(),
            Some("https://it.contoso.com/guide/")
        );
        assert!(options.fragments && options.allow_html && options.langs_explicit);
        assert_eq!(options.app_url, "https://planner.contoso.com/");
        assert_eq!(options.today.to_string(), "2027-01-15");
        // A repeated option takes its last value, as before clap.
        assert_eq!(
            options_out(&["--out", "a", "--out", "b"]),
            PathBuf::from("b")
        );
    }

    fn options_out(args: &[&str]) -> PathBuf {
        options(args).out
    }

    #[test]
    fn bad_usage_is_reported() {
        for (args, expected) in [
            (vec!["--lang", "fr"], "--lang must be en or vi, not `fr`"),
            (vec!["--lang", ","], "--lang needs at least one of en, vi"),
            (vec!["--out", " "], "--out needs a directory"),
            (
                vec!["--colour", "red"],
                "build: unknown option --colour; the options are: --guide, --out, --base-url, --lang, --fragments, --app-url, --allow-html, --today",
            ),
            (
                vec!["--fragment"],
                "build: unknown option --fragment (did you mean --fragments?); the options are: --guide, --out, --base-url, --lang, --fragments, --app-url, --allow-html, --today",
            ),
            (vec!["extra"], "build: unexpected argument `extra`"),
            (vec!["--fragments=yes"], "--fragments does not take a value"),
            (vec!["--out"], "--out needs a value"),
            (
                vec!["--today", "2026-02-30"],
                "--today: `2026-02-30` is not a date: 2026-02 has 28 days",
            ),
        ] {
            let error = match parse_options(&args) {
                Err(Stop::Usage(usage)) => Some(usage.0),
                _ => None,
            };
            assert_eq!(error.as_deref(), Some(expected), "{args:?}");
        }
        for bad in [
            "/guide/",
            "it.contoso.com",
            "ftp://x/",
            "https://",
            "https://a b/",
        ] {
            let error = parse_options(&["--base-url", bad]);
            assert!(matches!(error, Err(Stop::Invalid(_))), "{bad}");
        }
    }
}
