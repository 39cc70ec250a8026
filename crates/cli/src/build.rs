//! `smarthost build`: reads the command line into [`Options`], runs the guide generator
//! (smarthost-site) and prints its notes and closing line. The generator itself is
//! `crates/site`.

use crate::args::parse;
use crate::output::outln;
use crate::{Invalid, Usage};
use anyhow::Result;
use smarthost_core::i18n::Lang;
use smarthost_site::{build, Error, Options};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<()> {
    let options = parse_options(args)?;
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

const FLAGS: [&str; 2] = ["fragments", "allow-html"];

pub fn parse_options(args: &[String]) -> Result<Options> {
    let (opts, positional) = parse(args, |name| !FLAGS.contains(&name))?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("build: unexpected argument `{extra}`")).into());
    }
    let mut options = Options::new(crate::common::today());
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        match opt.name.as_str() {
            "guide" => options.guide = non_empty_path("guide", &value)?,
            "out" => options.out = non_empty_path("out", &value)?,
            "base-url" => options.base_url = Some(base_url(&value)?),
            "lang" => {
                options.langs = langs(&value)?;
                options.langs_explicit = true;
            }
            "app-url" => options.app_url = app_url(&value)?,
            "fragments" => options.fragments = true,
            "allow-html" => options.allow_html = true,
            "today" => options.today = crate::common::today_option(&value)?,
            other => return Err(Usage(format!("build: unknown option --{other}")).into()),
        }
    }
    Ok(options)
}

fn non_empty_path(name: &str, value: &str) -> Result<PathBuf, Usage> {
    if value.trim().is_empty() {
        return Err(Usage(format!("--{name} needs a directory")));
    }
    Ok(PathBuf::from(value))
}

/// `en,vi` in the order given, without repeats.
fn langs(value: &str) -> Result<Vec<Lang>, Usage> {
    let mut langs = Vec::new();
    for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let lang = crate::common::lang(code)?;
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    if langs.is_empty() {
        return Err(Usage("--lang needs at least one of en, vi".to_owned()));
    }
    Ok(langs)
}

/// The base URL must be absolute (sitemaps and canonical links need one); a trailing `/`
/// is added so page paths can be appended.
fn base_url(value: &str) -> Result<String, Invalid> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    let valid = rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.contains(['?', '#'])
            && !value.contains(|c: char| c.is_whitespace() || c.is_control() || c == '"')
    });
    if !valid {
        return Err(Invalid(format!(
            "--base-url must be an absolute http(s) URL such as https://it.contoso.com/smarthost/guide/, not `{value}`"
        )));
    }
    Ok(if value.ends_with('/') {
        value.to_owned()
    } else {
        format!("{value}/")
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

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn defaults_follow_the_issue() {
        let options = parse_options(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(options.guide, PathBuf::from("guide"));
        assert_eq!(options.out, PathBuf::from("guide-site"));
        assert_eq!(options.langs, vec![Lang::En, Lang::Vi]);
        assert_eq!(options.app_url, "../");
        assert!(!options.fragments && !options.allow_html && !options.langs_explicit);
    }

    #[test]
    fn options_are_read() {
        let options = parse_options(&strings(&[
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
        ]))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(options.langs, vec![Lang::Vi, Lang::En]);
        assert_eq!(
            options.base_url.as_deref(),
            Some("https://it.contoso.com/guide/")
        );
        assert!(options.fragments && options.allow_html && options.langs_explicit);
        assert_eq!(options.app_url, "https://planner.contoso.com/");
        assert_eq!(options.today.to_string(), "2027-01-15");
    }

    #[test]
    fn bad_usage_is_reported() {
        for (args, expected) in [
            (vec!["--lang", "fr"], "--lang must be en or vi, not `fr`"),
            (vec!["--lang", ","], "--lang needs at least one of en, vi"),
            (vec!["--colour", "red"], "build: unknown option --colour"),
            (vec!["extra"], "build: unexpected argument `extra`"),
            (vec!["--fragments=yes"], "--fragments does not take a value"),
            (vec!["--out"], "--out needs a value"),
            (
                vec!["--today", "2026-02-30"],
                "--today: `2026-02-30` is not a date: 2026-02 has 28 days",
            ),
        ] {
            let error = parse_options(&strings(&args)).err().map(|e| e.to_string());
            assert_eq!(error.as_deref(), Some(expected), "{args:?}");
        }
        for bad in [
            "/guide/",
            "it.contoso.com",
            "ftp://x/",
            "https://",
            "https://a b/",
        ] {
            let error = parse_options(&strings(&["--base-url", bad]));
            assert!(error.is_err_and(|e| e.is::<Invalid>()), "{bad}");
        }
    }
}
