//! Stages 4 to 7 page by page, on every core: each guide page is rendered, put in its
//! frame and written to the temporary directory as soon as it is ready, and only what
//! the link check needs of it (its ids and links) is kept. So the rendered site is never
//! all in memory. Once every page is written, the links are checked, the rest of the
//! site (assets, chooser, sitemap, device pages) follows, and the whole is swapped into
//! `--out`; a build that fails at any point, even after pages were written, leaves the
//! previous output as it was.
//!
//! Errors are reported in the order the stages had when nothing was written before the
//! end: problems in the Markdown first (every page's first), then broken links and
//! anchors, and only then problems with `--out` or with writing.

use super::devices::DeviceSet;
use super::error::{BuildError, SiteError};
use super::front_matter::{LangSite, Site};
use super::markdown::PageRenderer;
use super::options::Options;
use super::parallel::parallel_map;
use super::rendered::{check_links, PageAnchors, SiteAnchors};
use super::templates::{other_files, page_files, Navs};
use super::write::Staging;

/// What rendering and writing one guide page gave.
struct Written {
    anchors: PageAnchors,
    files: usize,
    errors: Vec<SiteError>,
}

/// Renders, checks and writes the whole site into `options.out`; the number of files
/// written.
pub(crate) fn build_site(
    site: &Site,
    devices: &DeviceSet,
    options: &Options,
) -> Result<usize, BuildError> {
    let renderer = PageRenderer::new(site, devices, options);
    let navs = Navs::new(site, devices);
    // A problem with --out is reported after the ones in the sources, as it always was;
    // the pages are still rendered and checked to find those.
    let staging = Staging::prepare(&options.out);
    let pages: Vec<(&LangSite, usize)> = site
        .langs
        .iter()
        .flat_map(|l| (0..l.pages.len()).map(move |i| (l, i)))
        .collect();
    let results = parallel_map(&pages, |&(lang_site, index)| {
        let page = lang_site.pages.get(index)?;
        let rendered = match renderer.render(page) {
            Ok(rendered) => rendered,
            Err(error) => return Some(Err(error)),
        };
        let files = page_files(site, lang_site, index, &rendered, &navs, options);
        let errors = match &staging {
            Ok(staging) => staging.write(&files),
            Err(_) => Vec::new(),
        };
        Some(Ok(Written {
            anchors: rendered.anchors,
            files: files.len(),
            errors,
        }))
    });
    let mut anchors = SiteAnchors::with_capacity(pages.len());
    let mut markdown_errors = Vec::new();
    let mut write_errors = Vec::new();
    let mut files = 0;
    for (&(lang_site, index), result) in pages.iter().zip(results) {
        let Some(page) = lang_site.pages.get(index) else {
            continue;
        };
        match result {
            Some(Ok(written)) => {
                anchors.insert((page.lang, page.slug.clone()), written.anchors);
                files += written.files;
                write_errors.extend(written.errors);
            }
            Some(Err(error)) => markdown_errors.push(error),
            None => {}
        }
    }
    BuildError::check(markdown_errors)?;
    check_links(site, &anchors, &renderer.guide)?;
    let staging = staging?;
    let others = other_files(site, devices, &navs, options);
    write_errors.extend(staging.write(&others));
    BuildError::check(write_errors)?;
    staging.swap()?;
    Ok(files + others.len())
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
