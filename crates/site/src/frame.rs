//! The frame every HTML page shares: head, header with the language switch and the
//! planner link, navigation, footer; and a guide page's heading. Guide pages
//! ([`crate::templates`]), device pages ([`crate::device_pages`]) and fragments
//! ([`crate::fragments`]) are built inside it, so it imports none of them.

use super::front_matter::{LangSite, Page, Site};
use super::links::{app_href, relative};
use super::options::Options;
use super::strings::{catalog, t, Text};
use smarthost_core::card::escape;
use smarthost_core::i18n::{format, Lang};
use smarthost_core::method::FACTS_CHECKED;

/// A language's navigation, rendered once: one item per page, the current one marked.
pub(crate) struct Nav {
    lang: Lang,
    /// `(href from <lang>/, title)` for each page, then the device index.
    items: Vec<(String, String)>,
}

impl Nav {
    pub(crate) fn new(lang_site: &LangSite, with_devices: bool) -> Nav {
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
    pub(crate) fn html(&self, prefix: &str, current: &str) -> String {
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
pub(crate) struct Frame<'a> {
    pub(crate) lang: Lang,
    /// Plain text; escaped here.
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    /// Site-relative path of this page.
    pub(crate) path: &'a str,
    /// Site-relative paths of this page in every language it exists in (itself too).
    pub(crate) alternates: Vec<(Lang, String)>,
    pub(crate) nav: String,
    pub(crate) main: String,
    pub(crate) body_class: &'a str,
    pub(crate) options: &'a Options,
}

pub(crate) fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

pub(crate) fn depth_of(path: &str) -> usize {
    path.matches('/').count()
}

/// A `<link rel="alternate" hreflang>` for search engines, which take only fully
/// qualified URLs there (a relative one is ignored, and Lighthouse marks the page down
/// for it). Without `--base-url` the address is unknown, so there is none; the visible
/// language switch links the translations either way.
pub(crate) fn alternate_link(options: &Options, hreflang: &str, path: &str) -> String {
    match &options.base_url {
        Some(base) => format!(
            "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">\n",
            escape(&format!("{base}{path}"))
        ),
        None => String::new(),
    }
}

pub(crate) fn page_frame(frame: &Frame) -> String {
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
pub(crate) fn page_alternates(site: &Site, slug: &str) -> Vec<(Lang, String)> {
    site.langs
        .iter()
        .filter_map(|l| l.page(slug).map(|p| (l.lang, p.output_path())))
        .collect()
}

/// The title, the date and the methods the page covers.
pub(crate) fn page_heading(page: &Page) -> String {
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
