//! Stage 2: each page starts with TOML front matter between `+++` lines, split off and
//! checked by [`split`] (public, so the fuzz target calls it directly); here the pages of
//! every language are gathered, every bad page reported at once, and a missing index
//! generated.

mod split;

use super::error::{BuildError, SiteError};
use super::load::Source;
use super::strings::{t, Text};
use smarthost_core::i18n::Lang;
pub use split::{is_date, split, FrontMatter, Split};

/// A page with its front matter checked and its Markdown body located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) lang: Lang,
    pub(crate) slug: String,
    /// As the user would type it, for errors.
    pub(crate) path: String,
    pub(crate) front: FrontMatter,
    pub(crate) text: String,
    /// Byte offset of the Markdown after the closing `+++`.
    pub(crate) body_start: usize,
    /// The file's line number of the body's first line.
    pub(crate) body_line: usize,
}

impl Page {
    pub(crate) fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// `en/direct-send.html`: where the page lands, relative to the site root.
    pub(crate) fn output_path(&self) -> String {
        format!("{}/{}.html", self.lang.code(), self.slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LangSite {
    pub(crate) lang: Lang,
    /// In navigation order: by `order`, then slug.
    pub(crate) pages: Vec<Page>,
}

impl LangSite {
    pub(crate) fn page(&self, slug: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.slug == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Site {
    pub(crate) langs: Vec<LangSite>,
    /// Things worth telling the user (an index page generated).
    pub(crate) notes: Vec<String>,
}

impl Site {
    pub(crate) fn langs(&self) -> Vec<Lang> {
        self.langs.iter().map(|l| l.lang).collect()
    }
}

/// Checks the front matter of every page, reporting every bad page at once.
pub(crate) fn read_site(source: &Source) -> Result<Site, BuildError> {
    let mut errors = Vec::new();
    let mut langs = Vec::new();
    let mut notes = Vec::new();
    for lang_source in &source.langs {
        let mut pages = Vec::new();
        for file in &lang_source.pages {
            match split(&file.file.text) {
                Ok(split) => pages.push(Page {
                    lang: lang_source.lang,
                    slug: file.slug.clone(),
                    path: file.file.path.clone(),
                    front: split.front,
                    text: file.file.text.clone(),
                    body_start: split.body_start,
                    body_line: split.body_line,
                }),
                Err((line, message)) => errors.push(SiteError::at(&file.file.path, line, message)),
            }
        }
        if !pages.is_empty() && !pages.iter().any(|p| p.slug == INDEX) {
            let index = generated_index(lang_source.lang, &pages, &source.root);
            notes.push(format!(
                "{} is missing; generated one that lists the pages",
                index.path
            ));
            pages.push(index);
        }
        pages.sort_by(|a, b| (a.front.order, &a.slug).cmp(&(b.front.order, &b.slug)));
        langs.push(LangSite {
            lang: lang_source.lang,
            pages,
        });
    }
    BuildError::check(errors)?;
    Ok(Site { langs, notes })
}

/// The slug of a language's home page, which the chooser and every header link to.
pub(crate) const INDEX: &str = "index";

/// A home page for a language that has pages but no `index.md` yet (a translation in
/// progress): the pages' titles and summaries as a list, so every link to the
/// language's index still lands somewhere.
fn generated_index(lang: Lang, pages: &[Page], root: &str) -> Page {
    let mut sorted: Vec<&Page> = pages.iter().collect();
    sorted.sort_by(|a, b| (a.front.order, &a.slug).cmp(&(b.front.order, &b.slug)));
    let mut text = String::new();
    for page in &sorted {
        text.push_str(&format!(
            "- [{}]({}.md): {}\n",
            markdown_text(&page.front.title),
            page.slug,
            markdown_text(&page.front.summary)
        ));
    }
    let updated = pages
        .iter()
        .map(|p| p.front.updated.as_str())
        .max()
        .unwrap_or(smarthost_core::method::FACTS_CHECKED)
        .to_owned();
    Page {
        lang,
        slug: INDEX.to_owned(),
        path: format!("{root}/{}/{INDEX}.md", lang.code()),
        front: FrontMatter {
            title: t(lang, Text::SiteName).to_owned(),
            summary: t(lang, Text::GeneratedIndexSummary).to_owned(),
            order: i64::MIN,
            methods: Vec::new(),
            updated,
        },
        text,
        body_start: 0,
        body_line: 1,
    }
}

/// `text` with Markdown's punctuation escaped, so a title shows as written.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "site_tests.rs"]
mod tests;
