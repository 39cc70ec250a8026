//! The Markdown stage's result, a page body as HTML with its ids and internal links,
//! and stage 5 over the whole site: every `#anchor` resolves ([`check_links`]). Pages are
//! written as soon as they are rendered, so the check keeps only each page's
//! [`PageAnchors`], never the site's HTML.

use super::error::BuildError;
use super::front_matter::Site;
use super::links::{check_anchors, LinkRef, PageLinks};
use smarthost_core::i18n::Lang;
use std::collections::{HashMap, HashSet};

/// A page's body as HTML, with what the link checker needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    /// The page's sections (its `##` headings) in order, for its table of contents.
    pub(crate) sections: Vec<Section>,
    pub(crate) anchors: PageAnchors,
}

/// What the link check needs of a page, kept after the page is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageAnchors {
    /// Every id an `#anchor` may name: headings, footnotes and their references.
    pub(crate) ids: HashSet<String>,
    pub(crate) links: Vec<LinkRef>,
}

/// A `##` heading: the id it was given and its text without markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) id: String,
    pub(crate) title: String,
}

/// Every rendered page's anchors, by language and slug.
pub(crate) type SiteAnchors = HashMap<(Lang, String), PageAnchors>;

/// Checks the anchors of a whole rendered site; `guide` is `--guide` as shown in errors.
pub(crate) fn check_links(
    site: &Site,
    anchors: &SiteAnchors,
    guide: &str,
) -> Result<(), BuildError> {
    let pages: Vec<PageLinks> = site
        .langs
        .iter()
        .flat_map(|l| l.pages.iter())
        .filter_map(|page| {
            anchors
                .get(&(page.lang, page.slug.clone()))
                .map(|r| PageLinks {
                    lang: page.lang,
                    slug: &page.slug,
                    path: &page.path,
                    ids: &r.ids,
                    links: &r.links,
                })
        })
        .collect();
    check_anchors(&pages, guide)
}
