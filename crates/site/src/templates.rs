//! Stage 6: whole files from rendered bodies, by plain string building. Every text that
//! comes from a page, the inventory or the command line goes through `escape`; the only
//! unescaped HTML is what the Markdown stage produced.
//!
//! Layout of the output (all links relative, so it works under any sub-path):
//!
//! ```text
//! index.html                    language chooser
//! sitemap.xml
//! assets/guide.css, assets/card.css
//! <lang>/<slug>.html            one per guide/<lang>/<slug>.md
//! <lang>/<slug>.fragment.html   with --fragments: body only, for wikis
//! <lang>/devices/index.html     the inventory's devices
//! <lang>/devices/<slug>.html    one printable card per device
//! ```

use super::devices::{DeviceEntry, DeviceSet};
use super::frame::{alternate_link, page_alternates, page_frame, page_heading, Frame, Nav};
use super::front_matter::{LangSite, Site};
use super::links::app_href;
use super::options::Options;
use super::output::OutputFile;
use super::parallel::parallel_map;
use super::rendered::RenderedSite;
use super::strings::{t, Text};
use super::{device_pages, fragments, sitemap};
use smarthost_core::card::escape;
use smarthost_core::i18n::Lang;

/// The guide's stylesheet.
pub(crate) const GUIDE_CSS: &str = include_str!("guide.css");
/// The app's card stylesheet: one source for the app and the guide's device pages.
pub(crate) const CARD_CSS: &str = include_str!("../../../assets/card.css");
/// The app's icon, so guide pages do not make browsers ask for a missing /favicon.ico.
pub(crate) const FAVICON: &str = include_str!("../../../assets/favicon.svg");

/// Every file of the site, sorted by path.
pub(crate) fn render_site(
    site: &Site,
    rendered: &RenderedSite,
    devices: &DeviceSet,
    options: &Options,
) -> Vec<OutputFile> {
    let mut files = vec![
        OutputFile::new("assets/guide.css".to_owned(), GUIDE_CSS.to_owned()),
        OutputFile::new("assets/card.css".to_owned(), CARD_CSS.to_owned()),
        OutputFile::new("assets/favicon.svg".to_owned(), FAVICON.to_owned()),
        OutputFile::new("index.html".to_owned(), chooser(site, options)),
        OutputFile::new(
            "sitemap.xml".to_owned(),
            sitemap::sitemap(site, devices, options),
        ),
    ];
    // One job per output page, rendered in parallel.
    enum Job<'a> {
        Guide(&'a LangSite, usize),
        DeviceIndex(&'a LangSite),
        Device(&'a LangSite, &'a DeviceEntry),
    }
    let mut jobs = Vec::new();
    for lang_site in &site.langs {
        jobs.extend((0..lang_site.pages.len()).map(|i| Job::Guide(lang_site, i)));
        if devices.path.is_some() {
            jobs.push(Job::DeviceIndex(lang_site));
            jobs.extend(devices.entries.iter().map(|e| Job::Device(lang_site, e)));
        }
    }
    let navs: Vec<Nav> = site
        .langs
        .iter()
        .map(|l| Nav::new(l, devices.path.is_some()))
        .collect();
    let nav_of = |lang: Lang| {
        site.langs
            .iter()
            .position(|l| l.lang == lang)
            .and_then(|i| navs.get(i))
    };
    let outputs = parallel_map(&jobs, |job| {
        let mut out = Vec::with_capacity(2);
        match *job {
            Job::Guide(lang_site, index) => {
                let page = &lang_site.pages[index];
                let body = rendered
                    .get(page.lang, &page.slug)
                    .map_or("", |r| r.html.as_str());
                if let Some(nav) = nav_of(lang_site.lang) {
                    out.push(OutputFile::new(
                        page.output_path(),
                        guide_page(site, lang_site, index, body, nav, options),
                    ));
                }
                if options.fragments {
                    out.push(OutputFile::new(
                        format!("{}/{}.fragment.html", page.lang.code(), page.slug),
                        fragments::fragment(page, body, options),
                    ));
                }
            }
            Job::DeviceIndex(lang_site) => {
                if let Some(nav) = nav_of(lang_site.lang) {
                    out.push(OutputFile::new(
                        format!("{}/devices/index.html", lang_site.lang.code()),
                        device_pages::device_index(site, lang_site.lang, devices, nav, options),
                    ));
                }
            }
            Job::Device(lang_site, entry) => {
                if let Some(nav) = nav_of(lang_site.lang) {
                    out.push(OutputFile::new(
                        format!("{}/devices/{}.html", lang_site.lang.code(), entry.slug),
                        device_pages::device_page(site, lang_site.lang, entry, nav, options),
                    ));
                }
            }
        }
        out
    });
    files.extend(outputs.into_iter().flatten());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn guide_page(
    site: &Site,
    lang_site: &LangSite,
    index: usize,
    body: &str,
    nav: &Nav,
    options: &Options,
) -> String {
    let page = &lang_site.pages[index];
    let lang = page.lang;
    let path = page.output_path();
    let mut main = String::with_capacity(body.len() + 2048);
    main.push_str("<article>\n<header class=\"page-header\">\n");
    main.push_str(&page_heading(page));
    main.push_str("</header>\n");
    main.push_str(body);
    main.push_str("</article>\n");
    let prev = index.checked_sub(1).and_then(|i| lang_site.pages.get(i));
    let next = lang_site.pages.get(index + 1);
    if prev.is_some() || next.is_some() {
        main.push_str(&format!(
            "<nav class=\"pager\" aria-label=\"{}\">\n",
            t(lang, Text::PagerNav)
        ));
        for (other, rel, class, label) in [
            (prev, "prev", "pager-prev", Text::Previous),
            (next, "next", "pager-next", Text::Next),
        ] {
            if let Some(other) = other {
                main.push_str(&format!(
                    "<a class=\"{class}\" rel=\"{rel}\" href=\"{}.html\"><span class=\"pager-label\">{}</span> {}</a>\n",
                    escape(&other.slug),
                    t(lang, label),
                    escape(&other.front.title)
                ));
            }
        }
        main.push_str("</nav>\n");
    }
    main.push_str(&embed_box(lang, &page.front.title, &path, options));
    page_frame(&Frame {
        lang,
        title: &page.front.title,
        description: &page.front.summary,
        path: &path,
        alternates: page_alternates(site, &page.slug),
        nav: nav.html("", &format!("{}.html", page.slug)),
        main,
        body_class: "guide-page",
        options,
    })
}

/// A copyable iframe snippet (text only: no script) to embed the page in a wiki.
fn embed_box(lang: Lang, title: &str, path: &str, options: &Options) -> String {
    let (src, help) = match &options.base_url {
        Some(base) => (format!("{base}{path}"), Text::EmbedHelp),
        None => (path.to_owned(), Text::EmbedHelpNoBase),
    };
    let snippet = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"800\" loading=\"lazy\"></iframe>",
        escape(&src),
        escape(title)
    );
    format!(
        "<details class=\"embed\">\n<summary>{}</summary>\n<p>{}</p>\n<pre><code>{}</code></pre>\n</details>\n",
        t(lang, Text::EmbedSummary),
        t(lang, help),
        escape(&snippet)
    )
}

/// The root page: a small chooser between the languages, in each language.
fn chooser(site: &Site, options: &Options) -> String {
    let langs = site.langs();
    let first = langs.first().copied().unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n",
        first.code(),
        t(first, Text::ChooserTitle),
        escape(&t(first, Text::ChooserLede))
    );
    if let Some(base) = &options.base_url {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}index.html\">\n",
            escape(base)
        ));
    }
    for lang in &langs {
        out.push_str(&alternate_link(
            options,
            lang.code(),
            &format!("{}/index.html", lang.code()),
        ));
    }
    out.push_str(&alternate_link(options, "x-default", "index.html"));
    out.push_str(&format!(
        "<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"assets/guide.css\">\n</head>\n<body class=\"chooser\">\n<main id=\"content\">\n<h1>{}</h1>\n",
        t(first, Text::ChooserTitle)
    ));
    for lang in &langs {
        if *lang == first {
            out.push_str(&format!("<p>{}</p>\n", t(*lang, Text::ChooserLede)));
        } else {
            out.push_str(&format!(
                "<p lang=\"{}\">{}</p>\n",
                lang.code(),
                t(*lang, Text::ChooserLede)
            ));
        }
    }
    out.push_str("<ul class=\"languages\">\n");
    for lang in &langs {
        out.push_str(&format!(
            "<li><a href=\"{code}/index.html\" hreflang=\"{code}\" lang=\"{code}\">{}</a></li>\n",
            t(*lang, Text::LanguageName),
            code = lang.code()
        ));
    }
    out.push_str("</ul>\n");
    let planner = app_href(&options.app_url, 0, &[("lang", first.code().to_owned())]);
    out.push_str(&format!(
        "<p class=\"planner\"><a class=\"planner-link\" href=\"{}\">{}</a></p>\n</main>\n</body>\n</html>\n",
        escape(&planner),
        t(first, Text::OpenPlanner)
    ));
    out
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
