//! Links: rewriting `page.md` to `page.html`, keeping every internal link relative (so
//! the site works under any sub-path and from file://), and checking, once every page is
//! rendered, that each internal link and `#anchor` resolves ([`check_anchors`], run over
//! the whole site by [`crate::rendered::check_links`]). External links are left as
//! written and never fetched.

use super::error::{BuildError, SiteError};
use smarthost_core::i18n::Lang;
use std::collections::{HashMap, HashSet};

/// A query parameter for a planner link.
pub(crate) type QueryPair = (&'static str, String);

/// A URL with a scheme (`https:`, `mailto:`) or protocol-relative (`//host`).
pub(crate) fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    let Some(colon) = dest.find(':') else {
        return false;
    };
    let scheme = &dest[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The planner's address as seen from a page `depth` directories below the guide root,
/// with `query` appended. A relative `--app-url` is relative to the guide root.
pub(crate) fn app_href(app_url: &str, depth: usize, query: &[QueryPair]) -> String {
    let base = if is_external(app_url) || app_url.starts_with('/') {
        app_url.to_owned()
    } else {
        format!("{}{app_url}", "../".repeat(depth))
    };
    let (base, hash) = match base.split_once('#') {
        Some((b, h)) => (b.to_owned(), format!("#{h}")),
        None => (base, String::new()),
    };
    if query.is_empty() {
        return format!("{base}{hash}");
    }
    let separator = if base.contains('?') { '&' } else { '?' };
    let query: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_query_value(v)))
        .collect();
    format!("{base}{separator}{}{hash}", query.join("&"))
}

/// Percent-encodes a query value; `,` stays readable (the planner splits ports on it).
pub(crate) fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `%XX` sequences decoded; anything malformed is kept as written.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The path from directory `from_dir` (site-relative, `""` for the root) to the
/// site-relative file `to`.
pub(crate) fn relative(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let target: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a == b)
        .count()
        .min(target.len().saturating_sub(1));
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&target[common..].join("/"));
    out
}

/// Where a resolved internal link points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// The page the link is on (`#anchor` only).
    SamePage,
    /// A guide page, whose anchors are known once it is rendered.
    Page { lang: Lang, slug: String },
    /// A generated file (a device page, the chooser): anchors cannot be checked.
    File(String),
}

/// An internal link found in a page, kept for the anchor check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkRef {
    pub(crate) line: usize,
    /// As written in the Markdown.
    pub(crate) written: String,
    pub(crate) target: Target,
    /// Percent-decoded, without `#`.
    pub(crate) fragment: Option<String>,
}

/// What the site will contain, for resolving links before anything is written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolver {
    /// `--guide` as shown in errors.
    pub(crate) guide: String,
    /// Built languages in `--lang` order, with their page slugs.
    pub(crate) pages: Vec<(Lang, HashSet<String>)>,
    /// Other generated files, site-relative (`en/devices/index.html`, `index.html`).
    pub(crate) files: HashSet<String>,
}

impl Resolver {
    fn has_page(&self, lang: Lang, slug: &str) -> bool {
        self.pages
            .iter()
            .any(|(l, slugs)| *l == lang && slugs.contains(slug))
    }

    fn lang_of(&self, code: &str) -> Option<Lang> {
        self.pages
            .iter()
            .map(|(l, _)| *l)
            .find(|l| l.code() == code)
    }

    /// Resolves `dest`, written on the page `lang/<slug>.md`, to the href to write and
    /// the link to check later; `Ok(None)` for external links, left as written.
    pub(crate) fn resolve(
        &self,
        lang: Lang,
        dest: &str,
        line: usize,
    ) -> Result<Option<(String, LinkRef)>, String> {
        if is_external(dest) {
            return Ok(None);
        }
        let (rest, fragment) = match dest.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (dest, None),
        };
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, format!("?{query}")),
            None => (rest, String::new()),
        };
        let link = |target: Target| LinkRef {
            line,
            written: dest.to_owned(),
            target,
            fragment: fragment.map(percent_decode),
        };
        let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        if path.is_empty() {
            return Ok(Some((dest.to_owned(), link(Target::SamePage))));
        }
        if path.starts_with('/') {
            return Err(format!(
                "link `{dest}` starts with `/`, which breaks under a sub-path and from file://; write it relative to this page, such as `other-page.md`"
            ));
        }
        let from_dir = lang.code();
        let site_path = normalize(from_dir, &percent_decode(path)).ok_or_else(|| {
            format!(
                "link `{dest}` leaves the guide; link to the planner with the plan-link shortcode"
            )
        })?;
        let page_target = |site_path: &str, ext: &str| -> Option<(Lang, String)> {
            let stem = site_path.strip_suffix(ext)?;
            let (code, slug) = stem.split_once('/')?;
            Some((self.lang_of(code)?, slug.to_owned()))
        };
        if site_path.ends_with(".md") {
            let missing = || {
                format!(
                    "broken link `{dest}`: {}/{site_path} does not exist",
                    self.guide
                )
            };
            let (target_lang, slug) = page_target(&site_path, ".md").ok_or_else(missing)?;
            let found = if self.has_page(target_lang, &slug) {
                Some(target_lang)
            } else if target_lang == lang {
                // A page not translated yet: link to the first language that has it,
                // so a partial translation still builds and its readers are not lost.
                self.pages
                    .iter()
                    .map(|(l, _)| *l)
                    .find(|&l| l != lang && self.has_page(l, &slug))
            } else {
                None
            };
            let target_lang = found.ok_or_else(missing)?;
            let output = format!("{}/{slug}.html", target_lang.code());
            let href = format!("{}{query}{suffix}", relative(from_dir, &output));
            return Ok(Some((
                href,
                link(Target::Page {
                    lang: target_lang,
                    slug,
                }),
            )));
        }
        let wanted = if site_path.ends_with('/') || site_path.is_empty() {
            format!("{site_path}index.html")
        } else {
            site_path.clone()
        };
        let href = format!("{}{query}{suffix}", relative(from_dir, &wanted));
        if let Some((target_lang, slug)) = page_target(&wanted, ".html") {
            if self.has_page(target_lang, &slug) {
                return Ok(Some((
                    href,
                    link(Target::Page {
                        lang: target_lang,
                        slug,
                    }),
                )));
            }
        }
        if self.files.contains(&wanted) {
            return Ok(Some((href, link(Target::File(wanted)))));
        }
        Err(format!("broken link `{dest}`: the site has no {wanted}"))
    }
}

/// Joins `path` onto `dir` and resolves `.` and `..`; `None` if it climbs out of the site.
/// A trailing `/` is kept (a directory).
fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// The anchors and links of one rendered page, as the checker needs them.
pub(crate) struct PageLinks<'a> {
    pub(crate) lang: Lang,
    pub(crate) slug: &'a str,
    pub(crate) path: &'a str,
    pub(crate) ids: &'a HashSet<String>,
    pub(crate) links: &'a [LinkRef],
}

/// Every `#anchor` of every internal link must name a heading or footnote of its page.
pub(crate) fn check_anchors(pages: &[PageLinks], guide: &str) -> Result<(), BuildError> {
    let ids: HashMap<(Lang, &str), &HashSet<String>> =
        pages.iter().map(|p| ((p.lang, p.slug), p.ids)).collect();
    let mut errors = Vec::new();
    for page in pages {
        for link in page.links {
            let Some(fragment) = link.fragment.as_deref().filter(|f| !f.is_empty()) else {
                continue;
            };
            let problem = match &link.target {
                Target::SamePage => (!page.ids.contains(fragment)).then(|| {
                    format!("broken anchor `#{fragment}`: this page has no heading or footnote with that id")
                }),
                Target::Page { lang, slug } => {
                    let known = ids.get(&(*lang, slug.as_str())).is_some_and(|set| set.contains(fragment));
                    (!known).then(|| {
                        format!(
                            "broken anchor `#{fragment}` in `{}`: {guide}/{}/{slug}.md has no heading or footnote with that id",
                            link.written,
                            lang.code()
                        )
                    })
                }
                Target::File(file) => Some(format!(
                    "anchor `#{fragment}` in `{}`: {file} is generated, so its anchors cannot be checked; link to the page without one",
                    link.written
                )),
            };
            if let Some(message) = problem {
                errors.push(SiteError::at(page.path, link.line, message));
            }
        }
    }
    BuildError::check(errors)
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
