//! Stage 6: whole files from rendered bodies, as maud templates (see `markup`): every
//! text that comes from a page, the inventory or the command line is escaped by the
//! template; the only unescaped HTML is what the Markdown stage produced.
//!
//! Layout of the output (all links relative, so it works under any sub-path):
//!
//! ```text
//! index.html                    language chooser
//! sitemap.xml
//! assets/guide.css, assets/card.css
//! assets/embed.js, assets/language.js, assets/card-fit.js
//! <lang>/<slug>.html            one per guide/<lang>/<slug>.md
//! <lang>/<slug>.fragment.html   with --fragments: body only, for wikis
//! <lang>/devices/index.html     the inventory's devices
//! <lang>/devices/<slug>.html    one printable card per device
//! <lang>/devices/print.html     every card, one A6 page each ("Print all cards")
//! ```

use super::devices::{DeviceEntry, DeviceSet};
use super::frame::{
    alternate_link, head_top, language_item, page_alternates, page_frame, page_heading,
    planner_link, Frame, Nav, NavFrom,
};
use super::front_matter::{LangSite, Site};
use super::links::app_href;
use super::options::Options;
use super::output::OutputFile;
use super::parallel::parallel_map;
use super::rendered::{Rendered, Section};
use super::strings::{t, Text};
use super::{device_pages, fragments, sitemap};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use smarthost_core::i18n::Lang;

/// The guide's stylesheet.
pub(crate) const GUIDE_CSS: &str = include_str!("guide.css");
/// The app's card stylesheet: one source for the app and the guide's device pages.
pub(crate) const CARD_CSS: &str = include_str!("../../../assets/card.css");
/// Embed mode for guide and device pages (`?embed=1`), and the absolute embed snippet.
pub(crate) const EMBED_JS: &str = include_str!("embed.js");
/// Fits each printed device card to its A6 page (device pages and "Print all cards").
pub(crate) const CARD_FIT_JS: &str = include_str!("card-fit.js");
/// Remembers the language a reader picks and opens it from the root chooser.
pub(crate) const LANGUAGE_JS: &str = include_str!("language.js");
/// The app's icon, so guide pages do not make browsers ask for a missing /favicon.ico.
pub(crate) const FAVICON: &str = include_str!("../../../assets/favicon.svg");

/// Each language's navigation, rendered once for the whole build.
pub(crate) struct Navs(Vec<(Lang, Nav)>);

impl Navs {
    pub(crate) fn new(site: &Site, devices: &DeviceSet) -> Navs {
        Navs(
            site.langs
                .iter()
                .map(|l| (l.lang, Nav::new(l, devices.path.is_some())))
                .collect(),
        )
    }

    fn of(&self, lang: Lang) -> Option<&Nav> {
        self.0.iter().find(|(l, _)| *l == lang).map(|(_, nav)| nav)
    }
}

/// The files of guide page `index` of `lang_site`: the page, and its fragment with
/// `--fragments`.
pub(crate) fn page_files(
    site: &Site,
    lang_site: &LangSite,
    index: usize,
    rendered: &Rendered,
    navs: &Navs,
    options: &Options,
) -> Vec<OutputFile> {
    let mut out = Vec::with_capacity(2);
    let Some(page) = lang_site.pages.get(index) else {
        return out;
    };
    let body = rendered.html.as_str();
    if let Some(nav) = navs.of(lang_site.lang) {
        let content = PageContent {
            body,
            sections: &rendered.sections,
        };
        out.push(OutputFile::new(
            page.output_path(),
            guide_page(site, lang_site, index, content, nav, options),
        ));
    }
    if options.fragments {
        out.push(OutputFile::new(
            format!("{}/{}.fragment.html", page.lang.code(), page.slug),
            fragments::fragment(page, body, options),
        ));
    }
    out
}

/// Every file of the site but the guide pages ([`page_files`]): the assets, the
/// language chooser, the sitemap and the device pages, sorted by path.
pub(crate) fn other_files(
    site: &Site,
    devices: &DeviceSet,
    navs: &Navs,
    options: &Options,
) -> Vec<OutputFile> {
    let mut files = vec![
        OutputFile::new("assets/guide.css".to_owned(), GUIDE_CSS.to_owned()),
        OutputFile::new("assets/card.css".to_owned(), CARD_CSS.to_owned()),
        OutputFile::new("assets/favicon.svg".to_owned(), FAVICON.to_owned()),
        OutputFile::new("assets/embed.js".to_owned(), EMBED_JS.to_owned()),
        OutputFile::new("assets/card-fit.js".to_owned(), CARD_FIT_JS.to_owned()),
        OutputFile::new("assets/language.js".to_owned(), LANGUAGE_JS.to_owned()),
        OutputFile::new("index.html".to_owned(), chooser(site, options)),
        OutputFile::new(
            "sitemap.xml".to_owned(),
            sitemap::sitemap(site, devices, options),
        ),
    ];
    // One job per device page, rendered in parallel.
    enum Job<'a> {
        DeviceIndex(&'a LangSite),
        PrintAll(&'a LangSite),
        Device(&'a LangSite, &'a DeviceEntry),
    }
    let mut jobs = Vec::new();
    if devices.path.is_some() {
        for lang_site in &site.langs {
            jobs.push(Job::DeviceIndex(lang_site));
            if !devices.entries.is_empty() {
                jobs.push(Job::PrintAll(lang_site));
            }
            jobs.extend(devices.entries.iter().map(|e| Job::Device(lang_site, e)));
        }
    }
    let outputs = parallel_map(&jobs, |job| {
        let lang_site = match *job {
            Job::DeviceIndex(l) | Job::PrintAll(l) | Job::Device(l, _) => l,
        };
        let code = lang_site.lang.code();
        let nav = navs.of(lang_site.lang)?;
        Some(match *job {
            Job::DeviceIndex(_) => OutputFile::new(
                format!("{code}/devices/index.html"),
                device_pages::device_index(site, lang_site.lang, devices, nav, options),
            ),
            Job::PrintAll(_) => OutputFile::new(
                format!("{code}/devices/{}.html", device_pages::PRINT_ALL),
                device_pages::print_all_page(site, lang_site.lang, devices, nav, options),
            ),
            Job::Device(_, entry) => OutputFile::new(
                format!("{code}/devices/{}.html", entry.slug),
                device_pages::device_page(site, lang_site.lang, entry, nav, options),
            ),
        })
    });
    files.extend(outputs.into_iter().flatten());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// What the Markdown stage made of a page: its body and its sections.
struct PageContent<'a> {
    body: &'a str,
    sections: &'a [Section],
}

fn guide_page(
    site: &Site,
    lang_site: &LangSite,
    index: usize,
    content: PageContent,
    nav: &Nav,
    options: &Options,
) -> String {
    let PageContent { body, sections } = content;
    let page = &lang_site.pages[index];
    let lang = page.lang;
    let path = page.output_path();
    let prev = index.checked_sub(1).and_then(|i| lang_site.pages.get(i));
    let next = lang_site.pages.get(index + 1);
    let pager = [
        (prev, "prev", "pager-prev", Text::Previous),
        (next, "next", "pager-next", Text::Next),
    ];
    let main = html! {
        article {
            "\n"
            header class="page-header" { "\n" (page_heading(page)) }
            "\n"
            (table_of_contents(lang, sections))
            // The Markdown stage's HTML: pulldown-cmark escaped the page's text, and raw
            // HTML in it is text too unless the build was given --allow-html.
            (PreEscaped(body))
        }
        "\n"
        @if prev.is_some() || next.is_some() {
            nav class="pager" aria-label=(t(lang, Text::PagerNav)) {
                "\n"
                @for (other, rel, class, label) in pager {
                    @if let Some(other) = other {
                        a class=(class) rel=(rel) href={ (other.slug) ".html" } {
                            span class="pager-label" { (t(lang, label)) }
                            " " (other.front.title)
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
        (embed_box(lang, &page.front.title, &path, options))
    };
    page_frame(&Frame {
        lang,
        title: &page.front.title,
        description: &page.front.summary,
        path: &path,
        alternates: page_alternates(site, &page.slug),
        nav: nav.html(NavFrom::LangDir, format!("{}.html", page.slug)),
        main,
        body_class: "guide-page",
        options,
    })
}

/// "On this page": a link to each section, so a reader on a phone, where the page list
/// comes after the text, sees what the page holds and can jump there (and to the list).
/// Pages with fewer than three sections are short enough without one.
fn table_of_contents(lang: Lang, sections: &[Section]) -> Markup {
    html! {
        @if sections.len() >= 3 {
            nav class="page-toc" aria-labelledby="page-toc-title" {
                "\n"
                p id="page-toc-title" class="page-toc-title" { (t(lang, Text::TocNav)) } "\n"
                ol {
                    "\n"
                    @for section in sections {
                        li { a href={ "#" (section.id) } { (section.title) } } "\n"
                    }
                }
                "\n"
                p class="toc-all-guides" { a href="#guides" { (t(lang, Text::TocAllGuides)) } } "\n"
            }
            "\n"
        }
    }
}

/// A copyable iframe snippet (text only) to embed the page, in embed mode, in a wiki.
/// Without `--base-url` the build does not know the address, so the snippet holds the
/// path and its help says to prefix it; embed.js then puts in the address the reader is
/// looking at and swaps the help for the plain one.
fn embed_box(lang: Lang, title: &str, path: &str, options: &Options) -> Markup {
    let src = match &options.base_url {
        Some(base) => format!("{base}{path}?embed=1"),
        None => format!("{path}?embed=1"),
    };
    let snippet = html! {
        iframe src=(src) title=(title) width="100%" height="800" loading="lazy" {}
    };
    html! {
        details class="embed" {
            "\n"
            summary { (t(lang, Text::EmbedSummary)) } "\n"
            @if options.base_url.is_some() {
                p { (t(lang, Text::EmbedHelp)) } "\n"
            } @else {
                p data-embed-help-relative { (t(lang, Text::EmbedHelpNoBase)) } "\n"
                p data-embed-help-absolute hidden { (t(lang, Text::EmbedHelp)) } "\n"
            }
            // The snippet is shown as text, escaped once more.
            pre { code data-embed-snippet { (snippet.into_string()) } } "\n"
        }
        "\n"
    }
}

/// The root page: a small chooser between the languages, in each language.
fn chooser(site: &Site, options: &Options) -> String {
    let langs = site.langs();
    let first = langs.first().copied().unwrap_or_default();
    let planner = app_href(&options.app_url, 0, &[("lang", first.code().to_owned())]);
    let page = html! {
        (DOCTYPE) "\n"
        html lang=(first.code()) {
            "\n"
            head {
                "\n"
                (head_top(html! { (t(first, Text::ChooserTitle)) }, &t(first, Text::ChooserLede)))
                @if let Some(base) = &options.base_url {
                    link rel="canonical" href={ (base) "index.html" }; "\n"
                }
                @for lang in &langs {
                    (alternate_link(options, lang.code(), &format!("{}/index.html", lang.code())))
                }
                (alternate_link(options, "x-default", "index.html"))
                link rel="icon" href="assets/favicon.svg" type="image/svg+xml"; "\n"
                link rel="stylesheet" href="assets/guide.css"; "\n"
                script src="assets/language.js" defer {} "\n"
            }
            "\n"
            body class="chooser" {
                "\n"
                main id="content" {
                    "\n"
                    h1 { (t(first, Text::ChooserTitle)) } "\n"
                    @for lang in &langs {
                        p lang=[(*lang != first).then(|| lang.code())] {
                            (t(*lang, Text::ChooserLede))
                        }
                        "\n"
                    }
                    ul class="languages" {
                        "\n"
                        @for lang in &langs {
                            (language_item(&format!("{}/index.html", lang.code()), *lang))
                        }
                    }
                    "\n"
                    (planner_link(&planner, first))
                }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    page.into_string()
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
