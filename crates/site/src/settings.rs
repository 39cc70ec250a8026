//! The site settings, `guide/site.toml` (optional): what the build needs to know about
//! where the site is published and cannot read from the pages. Today one key:
//!
//! ```toml
//! # The guide's public address, ending in /: absolute links in sitemap.xml, canonical
//! # and hreflang links, and the QR code on each printed device card.
//! base_url = "https://it.contoso.com/smarthost/guide/"
//! ```
//!
//! `--base-url` on the command line wins over the file. Unknown keys are refused, so a
//! misspelt `base-url` does not silently leave every card without its QR code.

use super::error::SiteError;
use super::load::TextFile;
use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Settings {
    /// Absolute, ending in `/`.
    pub(crate) base_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    base_url: Option<String>,
}

/// The settings in `file`, or the defaults when the guide has none.
pub(crate) fn read(file: Option<&TextFile>) -> Result<Settings, SiteError> {
    let Some(file) = file else {
        return Ok(Settings::default());
    };
    let raw: Raw = toml::from_str(&file.text)
        .map_err(|error| SiteError::file(&file.path, error.message().to_owned()))?;
    let base_url = match raw.base_url {
        None => None,
        Some(value) => Some(public_base_url(&value).ok_or_else(|| {
            SiteError::file(
                &file.path,
                format!(
                    "base_url must be an absolute http(s) URL, the guide's public address, not `{}`",
                    value.trim()
                ),
            )
        })?),
    };
    Ok(Settings { base_url })
}

/// `value` as a base URL pages can be appended to: absolute http(s), no query or
/// fragment, nothing a URL or an HTML attribute would misread, ending in `/`; `None`
/// when it is not one. The command line's `--base-url` is checked by the same rule.
pub fn public_base_url(value: &str) -> Option<String> {
    let value = value.trim();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let valid = !rest.is_empty()
        && !rest.starts_with('/')
        && !rest.contains(['?', '#'])
        && !value.contains(|c: char| c.is_whitespace() || c.is_control() || c == '"');
    if !valid {
        return None;
    }
    Some(if value.ends_with('/') {
        value.to_owned()
    } else {
        format!("{value}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TextFile {
        TextFile {
            path: "guide/site.toml".to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_base_url_is_read_and_ends_in_a_slash() {
        let settings = read(Some(&file("base_url = \"https://it.contoso.com/guide\"\n")));
        assert_eq!(
            settings.map(|s| s.base_url),
            Ok(Some("https://it.contoso.com/guide/".to_owned()))
        );
        assert_eq!(read(None), Ok(Settings::default()));
        assert_eq!(
            read(Some(&file("# nothing set\n"))),
            Ok(Settings::default())
        );
    }

    #[test]
    fn a_bad_or_misspelt_setting_is_an_error_naming_the_file() {
        for text in [
            "base_url = \"/guide/\"\n",
            "base_url = \"https://it.contoso.com/?x=1\"\n",
            "base_url = \"ftp://it.contoso.com/\"\n",
            "base-url = \"https://it.contoso.com/\"\n",
            "base_url = 3\n",
            "base_url = \"https://\n",
        ] {
            let error = read(Some(&file(text))).unwrap_err();
            assert_eq!(error.file, "guide/site.toml", "{text}");
            assert!(!error.message.is_empty(), "{text}");
        }
        let error = read(Some(&file("base_url = \"https://a b/\"\n"))).unwrap_err();
        assert!(error.message.contains("absolute http(s) URL"), "{error}");
    }
}
