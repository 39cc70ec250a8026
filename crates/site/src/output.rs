//! The files a build writes: each with its site-relative path, and the list of generated
//! (non-page) files that links may point to before any of them is rendered.

use super::devices::DeviceSet;
use super::front_matter::Site;
use std::collections::HashSet;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    /// Relative to the output directory, with `/`.
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

impl OutputFile {
    pub(crate) fn new(path: String, text: String) -> Self {
        OutputFile {
            path,
            bytes: text.into_bytes(),
        }
    }
}

/// Files other than guide pages that links may point to.
pub(crate) fn generated_files(
    site: &Site,
    devices: &DeviceSet,
    fragments: bool,
) -> HashSet<String> {
    let mut files: HashSet<String> = [
        "index.html",
        "sitemap.xml",
        "assets/guide.css",
        "assets/card.css",
        "assets/favicon.svg",
        "assets/embed.js",
        "assets/card-fit.js",
        "assets/language.js",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for lang_site in &site.langs {
        let code = lang_site.lang.code();
        if devices.path.is_some() {
            files.insert(format!("{code}/devices/index.html"));
            if !devices.entries.is_empty() {
                files.insert(format!("{code}/devices/print.html"));
            }
            for entry in &devices.entries {
                files.insert(format!("{code}/devices/{}.html", entry.slug));
            }
        }
        if fragments {
            for page in &lang_site.pages {
                files.insert(format!("{code}/{}.fragment.html", page.slug));
            }
        }
    }
    files
}
