//! The Markdown stage's result, every page body as HTML with its ids and internal links,
//! and stage 5 over it: every `#anchor` resolves ([`check_links`]).

use super::error::BuildError;
use super::front_matter::Site;
use super::links::{check_anchors, LinkRef, PageLinks};
use smarthost_core::i18n::Lang;
use std::collections::{HashMap, HashSet};

/// A page's body as HTML, with what the link checker needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    /// Every id an `#anchor` may name: headings, footnotes and their references.
    pub(crate) ids: HashSet<String>,
    pub(crate) links: Vec<LinkRef>,
    /// The page's sections (its `##` headings) in order, for its table of contents.
    pub(crate) sections: Vec<Section>,
}

/// A `##` heading: the id it was given and its text without markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) id: String,
    pub(crate) title: String,
}

/// Every page's rendering.
#[derive(Debug, Clone, Default)]
pub(crate) struct RenderedSite {
    pub(crate) guide: String,
    pub(crate) pages: HashMap<(Lang, String), Rendered>,
}

impl RenderedSite {
    pub(crate) fn get(&self, lang: Lang, slug: &str) -> Option<&Rendered> {
        self.pages.get(&(lang, slug.to_owned()))
    }
}

/// Checks the anchors of a whole rendered site.
pub(crate) fn check_links(site: &Site, rendered: &RenderedSite) -> Result<(), BuildError> {
    let pages: Vec<PageLinks> = site
        .langs
        .iter()
        .flat_map(|l| l.pages.iter())
        .filter_map(|page| {
            rendered.get(page.lang, &page.slug).map(|r| PageLinks {
                lang: page.lang,
                slug: &page.slug,
                path: &page.path,
                ids: &r.ids,
                links: &r.links,
            })
        })
        .collect();
    check_anchors(&pages, &rendered.guide)
}
