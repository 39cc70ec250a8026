//! Stage 1: read the guide directory. `guide/<lang>/*.md` are pages (one level, sorted by
//! name), `guide/devices.toml` is the optional device inventory and `guide/site.toml` the
//! optional site settings. Nothing is interpreted
//! here; files are only read and named.

use super::error::{BuildError, SiteError};
use smarthost_core::i18n::Lang;
use std::path::Path;

/// A source file's text with the name it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextFile {
    /// As the user would type it: `--guide` joined with `/`, e.g. `guide/en/testing.md`.
    pub(crate) path: String,
    pub(crate) text: String,
}

/// One page file: its slug is its file name without `.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageFile {
    pub(crate) slug: String,
    pub(crate) file: TextFile,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LangSource {
    pub(crate) lang: Lang,
    pub(crate) pages: Vec<PageFile>,
}

/// Everything read from the guide directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    /// `--guide` as shown in messages, without a trailing `/`.
    pub(crate) root: String,
    /// In the order `--lang` gave them; languages without pages are left out.
    pub(crate) langs: Vec<LangSource>,
    pub(crate) devices: Option<TextFile>,
    /// `guide/site.toml`, the site settings, when there is one.
    pub(crate) settings: Option<TextFile>,
    /// Things worth saying that do not stop the build (a language skipped).
    pub(crate) notes: Vec<String>,
}

pub(crate) const DEVICES_FILE: &str = "devices.toml";
/// The site settings (`crate::settings` reads them).
pub(crate) const SETTINGS_FILE: &str = "site.toml";

/// Reads the pages of each language in `langs`. A language whose directory is missing or
/// has no pages is skipped with a note, unless `explicit` (the user named it on the
/// command line), when it is an error; at least one language must have pages.
pub(crate) fn load(guide: &Path, langs: &[Lang], explicit: bool) -> Result<Source, BuildError> {
    let shown_root = shown(guide);
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut sources = Vec::new();
    for &lang in langs {
        let dir = guide.join(lang.code());
        let shown_dir = format!("{shown_root}/{}", lang.code());
        let pages = match read_dir_pages(&dir, &shown_dir) {
            Ok(pages) => pages,
            Err(DirError::Missing) => Vec::new(),
            Err(DirError::Failed(mut found)) => {
                errors.append(&mut found);
                continue;
            }
        };
        if pages.is_empty() {
            let why = format!("{shown_dir} has no pages (*.md)");
            if explicit {
                errors.push(SiteError::file(
                    &shown_dir,
                    "no pages (*.md) in this directory",
                ));
            } else {
                notes.push(format!("{why}; building without {}", lang.code()));
            }
            continue;
        }
        sources.push(LangSource { lang, pages });
    }
    let mut optional = |name: &str| {
        let path = guide.join(name);
        if !path.exists() {
            return None;
        }
        match read_text(&path, &format!("{shown_root}/{name}")) {
            Ok(file) => Some(file),
            Err(error) => {
                errors.push(error);
                None
            }
        }
    };
    let devices = optional(DEVICES_FILE);
    let settings = optional(SETTINGS_FILE);
    BuildError::check(errors)?;
    if sources.is_empty() {
        let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
        return Err(SiteError::file(
            &shown_root,
            format!(
                "no pages to build: none of {} has *.md files",
                codes.join(", ")
            ),
        )
        .into());
    }
    Ok(Source {
        root: shown_root,
        langs: sources,
        devices,
        settings,
        notes,
    })
}

enum DirError {
    Missing,
    Failed(Vec<SiteError>),
}

fn read_dir_pages(dir: &Path, shown_dir: &str) -> Result<Vec<PageFile>, DirError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(DirError::Missing),
        Err(e) => {
            return Err(DirError::Failed(vec![SiteError::file(
                shown_dir,
                e.to_string(),
            )]))
        }
    };
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(e) => errors.push(SiteError::file(shown_dir, e.to_string())),
        }
    }
    names.sort();
    let mut pages = Vec::new();
    for name in names {
        let Some(name) = name.to_str() else {
            errors.push(SiteError::file(
                shown_dir,
                format!("{} is not a UTF-8 file name", name.to_string_lossy()),
            ));
            continue;
        };
        // Editors' backup and lock files (.#x.md, .x.md.swp) are not pages.
        let Some(slug) = name.strip_suffix(".md").filter(|_| !name.starts_with('.')) else {
            continue;
        };
        let shown_path = format!("{shown_dir}/{name}");
        if !is_page_slug(slug) {
            errors.push(SiteError::file(
                &shown_path,
                "a page's file name must be lowercase ASCII letters, digits, `-` and `_` (it becomes the page's URL)",
            ));
            continue;
        }
        let path = dir.join(name);
        if path.is_dir() {
            continue;
        }
        match read_text(&path, &shown_path) {
            Ok(file) => pages.push(PageFile {
                slug: slug.to_owned(),
                file,
            }),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(DirError::Failed(errors))
    }
}

/// Page slugs become file names and URLs on any host: keep them plain.
pub(crate) fn is_page_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !slug.starts_with(['-', '_'])
}

fn read_text(path: &Path, shown_path: &str) -> Result<TextFile, SiteError> {
    let bytes = std::fs::read(path).map_err(|e| SiteError::file(shown_path, e.to_string()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| SiteError::file(shown_path, "not UTF-8 text"))?;
    Ok(TextFile {
        path: shown_path.to_owned(),
        text,
    })
}

/// The path as typed, with `/` separators and no trailing `/`.
fn shown(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let trimmed = text.trim_end_matches('/');
    if trimmed.is_empty() {
        text
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_site(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("smarthost-load-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn write(path: &Path, text: &str) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn reads_pages_sorted_and_skips_what_is_not_a_page() {
        let dir = temp_site("sorted");
        write(&dir.join("en/b.md"), "b");
        write(&dir.join("en/a.md"), "a");
        write(&dir.join("en/notes.txt"), "x");
        write(&dir.join("en/.#a.md"), "lock");
        let source = load(&dir, &[Lang::En, Lang::Vi], false).unwrap_or_else(|e| panic!("{e}"));
        let slugs: Vec<&str> = source.langs[0]
            .pages
            .iter()
            .map(|p| p.slug.as_str())
            .collect();
        assert_eq!(slugs, ["a", "b"]);
        assert!(source.devices.is_none());
        assert_eq!(source.langs.len(), 1, "vi has no directory");
        assert!(source.notes[0].ends_with("/vi has no pages (*.md); building without vi"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_explicit_language_without_pages_is_an_error() {
        let dir = temp_site("explicit");
        write(&dir.join("en/index.md"), "x");
        let error = load(&dir, &[Lang::En, Lang::Vi], true)
            .err()
            .map(|e| e.to_string());
        let shown = shown(&dir);
        assert_eq!(
            error,
            Some(format!("{shown}/vi: no pages (*.md) in this directory"))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bad_file_names_and_bytes_are_named() {
        let dir = temp_site("bad");
        write(&dir.join("en/Read Me.md"), "x");
        std::fs::write(dir.join("en/latin1.md"), [0xe9, 0x0a]).unwrap_or_else(|e| panic!("{e}"));
        let error = load(&dir, &[Lang::En], true).err().map(|e| e.to_string());
        let shown = shown(&dir);
        assert_eq!(
            error,
            Some(format!(
                "{shown}/en/Read Me.md: a page's file name must be lowercase ASCII letters, digits, `-` and `_` (it becomes the page's URL)\n{shown}/en/latin1.md: not UTF-8 text"
            ))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn page_slugs_are_plain() {
        assert!(is_page_slug("smtp-relay"));
        assert!(is_page_slug("page_0001"));
        for bad in ["", "-x", "Index", "a b", "ả", "a.b"] {
            assert!(!is_page_slug(bad), "{bad}");
        }
    }
}
