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
use super::front_matter::{LangSite, Page, Site};
use super::links::{app_href, relative};
use super::markdown::{parallel_map, RenderedSite};
use super::strings::{catalog, t, Text};
use super::Options;
use super::{device_pages, fragments, sitemap};
use smarthost_core::card::escape;
use smarthost_core::i18n::{format, Lang};
use smarthost_core::method::FACTS_CHECKED;
use std::collections::HashSet;

/// The guide's stylesheet.
pub(crate) const GUIDE_CSS: &str = include_str!("guide.css");
/// The app's card stylesheet: one source for the app and the guide's device pages.
pub(crate) const CARD_CSS: &str = include_str!("../../../assets/card.css");
/// The app's icon, so guide pages do not make browsers ask for a missing /favicon.ico.
pub(crate) const FAVICON: &str = include_str!("../../../assets/favicon.svg");

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    /// Relative to the output directory, with `/`.
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

impl OutputFile {
    fn new(path: String, text: String) -> Self {
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
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for lang_site in &site.langs {
        let code = lang_site.lang.code();
        if devices.path.is_some() {
            files.insert(format!("{code}/devices/index.html"));
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

/// A language's navigation, rendered once: one item per page, the current one marked.
pub(super) struct Nav {
    lang: Lang,
    /// `(href from <lang>/, title)` for each page, then the device index.
    items: Vec<(String, String)>,
}

impl Nav {
    pub(super) fn new(lang_site: &LangSite, with_devices: bool) -> Nav {
        let mut items: Vec<(String, String)> = lang_site
            .pages
            .iter()
            .map(|p| (format!("{}.html", p.slug), p.front.title.clone()))
            .collect();
        if with_devices {
            items.push((
                "devices/index.html".to_owned(),
                t(lang_site.lang, Text::DeviceCards).to_owned(),
            ));
        }
        Nav {
            lang: lang_site.lang,
            items,
        }
    }

    /// The nav for a page `prefix` away from `<lang>/` (`""` or `"../"`), marking
    /// `current` (an href from `<lang>/`).
    pub(super) fn html(&self, prefix: &str, current: &str) -> String {
        let mut out = format!(
            "<nav class=\"guide-nav\" aria-label=\"{}\">\n<ol>\n",
            t(self.lang, Text::GuidesNav)
        );
        for (href, title) in &self.items {
            let marker = if href == current {
                " aria-current=\"page\""
            } else {
                ""
            };
            out.push_str("<li><a href=\"");
            out.push_str(prefix);
            out.push_str(&escape(href));
            out.push('"');
            out.push_str(marker);
            out.push('>');
            out.push_str(&escape(title));
            out.push_str("</a></li>\n");
        }
        out.push_str("</ol>\n</nav>\n");
        out
    }
}

/// Everything the frame of a page needs.
pub(super) struct Frame<'a> {
    pub(super) lang: Lang,
    /// Plain text; escaped here.
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    /// Site-relative path of this page.
    pub(super) path: &'a str,
    /// Site-relative paths of this page in every language it exists in (itself too).
    pub(super) alternates: Vec<(Lang, String)>,
    pub(super) nav: String,
    pub(super) main: String,
    pub(super) body_class: &'a str,
    pub(super) options: &'a Options,
}

pub(super) fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

pub(super) fn depth_of(path: &str) -> usize {
    path.matches('/').count()
}

/// A `<link rel="alternate" hreflang>` for search engines, which take only fully
/// qualified URLs there (a relative one is ignored, and Lighthouse marks the page down
/// for it). Without `--base-url` the address is unknown, so there is none; the visible
/// language switch links the translations either way.
fn alternate_link(options: &Options, hreflang: &str, path: &str) -> String {
    match &options.base_url {
        Some(base) => format!(
            "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">\n",
            escape(&format!("{base}{path}"))
        ),
        None => String::new(),
    }
}

pub(super) fn page_frame(frame: &Frame) -> String {
    let lang = frame.lang;
    let dir = dir_of(frame.path);
    let root = "../".repeat(depth_of(frame.path));
    let mut out = String::with_capacity(frame.main.len() + frame.nav.len() + 4096);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} · {}</title>\n<meta name=\"description\" content=\"{}\">\n",
        lang.code(),
        escape(frame.title),
        t(lang, Text::SiteName),
        escape(frame.description)
    ));
    if let Some(base) = &frame.options.base_url {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}{}\">\n",
            escape(base),
            escape(frame.path)
        ));
    }
    if frame.alternates.len() > 1 {
        for (alt_lang, alt_path) in &frame.alternates {
            out.push_str(&alternate_link(frame.options, alt_lang.code(), alt_path));
        }
    }
    out.push_str(&format!(
        "<link rel=\"icon\" href=\"{root}assets/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"{root}assets/guide.css\">\n<link rel=\"stylesheet\" href=\"{root}assets/card.css\">\n</head>\n<body class=\"{}\">\n<a class=\"skip-link\" href=\"#content\">{}</a>\n<header class=\"site-header\">\n<p class=\"site-name\"><a href=\"{}\">{}</a></p>\n",
        frame.body_class,
        escape(&catalog(lang, "ui.skip")),
        escape(&relative(dir, &format!("{}/index.html", lang.code()))),
        t(lang, Text::SiteName)
    ));
    let others: Vec<&(Lang, String)> = frame
        .alternates
        .iter()
        .filter(|(l, _)| *l != lang)
        .collect();
    if !others.is_empty() {
        out.push_str(&format!(
            "<nav class=\"lang-switch\" aria-label=\"{}\">\n<ul>\n",
            t(lang, Text::LanguageNav)
        ));
        for (other, path) in others {
            out.push_str(&format!(
                "<li><a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a></li>\n",
                escape(&relative(dir, path)),
                t(*other, Text::LanguageName),
                code = other.code()
            ));
        }
        out.push_str("</ul>\n</nav>\n");
    }
    let planner = app_href(
        &frame.options.app_url,
        depth_of(frame.path),
        &[("lang", lang.code().to_owned())],
    );
    out.push_str(&format!(
        "<p class=\"planner\"><a class=\"planner-link\" href=\"{}\">{}</a></p>\n</header>\n<div class=\"layout\">\n",
        escape(&planner),
        t(lang, Text::OpenPlanner)
    ));
    out.push_str(&frame.nav);
    out.push_str("<main id=\"content\">\n");
    out.push_str(&frame.main);
    out.push_str("</main>\n</div>\n<footer class=\"site-footer\">\n<p>");
    out.push_str(&escape(&format(
        lang,
        "ui.footer",
        &[("date", FACTS_CHECKED)],
    )));
    out.push_str("</p>\n</footer>\n</body>\n</html>\n");
    out
}

/// The paths of `slug` in every built language that has it, in `--lang` order.
pub(super) fn page_alternates(site: &Site, slug: &str) -> Vec<(Lang, String)> {
    site.langs
        .iter()
        .filter_map(|l| l.page(slug).map(|p| (l.lang, p.output_path())))
        .collect()
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

/// The title, the date and the methods the page covers.
pub(super) fn page_heading(page: &Page) -> String {
    let lang = page.lang;
    let mut out = format!(
        "<h1>{}</h1>\n<p class=\"page-meta\">{} <time datetime=\"{date}\">{date}</time></p>\n",
        escape(&page.front.title),
        t(lang, Text::Updated),
        date = escape(&page.front.updated)
    );
    if !page.front.methods.is_empty() {
        let names: Vec<String> = page
            .front
            .methods
            .iter()
            .map(|m| escape(&catalog(lang, &m.key("name"))))
            .collect();
        out.push_str(&format!(
            "<p class=\"page-methods\">{}: {}</p>\n",
            t(lang, Text::MethodsOnPage),
            // Method names contain commas ("SMTP relay, IP connector").
            names.join("; ")
        ));
    }
    out
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
        escape(t(first, Text::ChooserLede))
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
