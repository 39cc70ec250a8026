//! The frame every HTML page shares: head, header with the language switch and the
//! planner link, navigation, footer; and a guide page's heading. Guide pages
//! ([`crate::templates`]), device pages ([`crate::device_pages`]) and fragments
//! ([`crate::fragments`]) are built inside it, so it imports none of them.

use super::front_matter::{LangSite, Page, Site};
use super::links::{app_href, relative};
use super::markup::{around_slot, slot};
use super::options::Options;
use super::strings::{catalog, t, Text};
use maud::{html, Markup, Render, DOCTYPE};
use smarthost_core::i18n::{format, Lang};
use smarthost_core::localized;
use smarthost_core::method::FACTS_CHECKED;
use std::collections::HashMap;

/// A language's navigation, rendered once: one item per page, then the device index.
/// Every page carries the whole list, so it is rendered once per directory a page can be
/// in, and each page copies it, writing only its own item anew (the one marked current).
pub(crate) struct Nav {
    from_lang_dir: NavHtml,
    from_devices_dir: NavHtml,
}

/// Where the page that shows a [`Nav`] is: the hrefs are relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NavFrom {
    /// `<lang>/`: guide pages.
    LangDir,
    /// `<lang>/devices/`: the device pages.
    DevicesDir,
}

/// The navigation as HTML for pages in one directory, with where each item is in it.
struct NavHtml {
    prefix: &'static str,
    /// Up to the first item, and after the last.
    open: String,
    close: String,
    /// Every item, none marked current.
    items: String,
    spans: Vec<ItemSpan>,
    /// The spans of each href (one, unless two items share an href).
    by_href: HashMap<String, Vec<usize>>,
}

/// An item of [`NavHtml::items`]: `(href from <lang>/, title)` and its bytes there.
struct ItemSpan {
    href: String,
    title: String,
    range: std::ops::Range<usize>,
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
        let lang = lang_site.lang;
        Nav {
            from_lang_dir: NavHtml::new(lang, "", &items),
            from_devices_dir: NavHtml::new(lang, "../", &items),
        }
    }

    /// The nav for a page in `from`, marking `current` (an href from `<lang>/`).
    pub(crate) fn html(&self, from: NavFrom, current: String) -> CurrentNav<'_> {
        let nav = match from {
            NavFrom::LangDir => &self.from_lang_dir,
            NavFrom::DevicesDir => &self.from_devices_dir,
        };
        CurrentNav { nav, current }
    }
}

impl NavHtml {
    fn new(lang: Lang, prefix: &'static str, items: &[(String, String)]) -> NavHtml {
        let (open, close) = around_slot(html! {
            nav id="guides" class="guide-nav" aria-label=(t(lang, Text::GuidesNav)) {
                "\n"
                ol { "\n" (slot()) }
                "\n"
            }
            "\n"
        });
        let mut html = String::new();
        let mut spans = Vec::with_capacity(items.len());
        let mut by_href: HashMap<String, Vec<usize>> = HashMap::with_capacity(items.len());
        for (href, title) in items {
            by_href.entry(href.clone()).or_default().push(spans.len());
            let start = html.len();
            nav_item(prefix, href, title, false).render_to(&mut html);
            spans.push(ItemSpan {
                href: href.clone(),
                title: title.clone(),
                range: start..html.len(),
            });
        }
        NavHtml {
            prefix,
            open,
            close,
            items: html,
            spans,
            by_href,
        }
    }
}

/// One item of the navigation; the same template for the copy and the current item.
fn nav_item(prefix: &str, href: &str, title: &str, current: bool) -> Markup {
    html! {
        li {
            a href={ (prefix) (href) } aria-current=[current.then_some("page")] { (title) }
        }
        "\n"
    }
}

/// A page's navigation: the shared copy, its current item written anew. Rendered
/// straight into the page's buffer.
pub(crate) struct CurrentNav<'a> {
    nav: &'a NavHtml,
    current: String,
}

impl Render for CurrentNav<'_> {
    fn render_to(&self, buffer: &mut String) {
        let nav = self.nav;
        buffer.reserve(nav.open.len() + nav.items.len() + nav.close.len() + 32);
        buffer.push_str(&nav.open);
        let mut copied = 0;
        let current = nav
            .by_href
            .get(&self.current)
            .map_or(&[][..], Vec::as_slice);
        for span in current.iter().filter_map(|&i| nav.spans.get(i)) {
            buffer.push_str(nav.items.get(copied..span.range.start).unwrap_or_default());
            nav_item(nav.prefix, &span.href, &span.title, true).render_to(buffer);
            copied = span.range.end;
        }
        buffer.push_str(nav.items.get(copied..).unwrap_or_default());
        buffer.push_str(&nav.close);
    }
}

/// Everything the frame of a page needs.
pub(crate) struct Frame<'a> {
    pub(crate) lang: Lang,
    /// Plain text, like the description.
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    /// Site-relative path of this page.
    pub(crate) path: &'a str,
    /// Site-relative paths of this page in every language it exists in (itself too).
    pub(crate) alternates: Vec<(Lang, String)>,
    pub(crate) nav: CurrentNav<'a>,
    pub(crate) main: Markup,
    pub(crate) body_class: &'a str,
    pub(crate) options: &'a Options,
}

/// The body class of the pages that print device cards (and so load card-fit.js).
pub(crate) const CARD_PAGE: &str = "card-page";

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
pub(crate) fn alternate_link(options: &Options, hreflang: &str, path: &str) -> Markup {
    html! {
        @if let Some(base) = &options.base_url {
            link rel="alternate" hreflang=(hreflang) href={ (base) (path) };
            "\n"
        }
    }
}

/// The first lines of every page's `<head>`: the encoding, the viewport, the title and
/// the description.
pub(crate) fn head_top(title: Markup, description: &str) -> Markup {
    html! {
        meta charset="utf-8"; "\n"
        meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
        title { (title) } "\n"
        meta name="description" content=(description); "\n"
    }
}

/// An item of a list of languages: a link to `href`, named in `lang` itself.
pub(crate) fn language_item(href: &str, lang: Lang) -> Markup {
    html! {
        li {
            a href=(href) hreflang=(lang.code()) lang=(lang.code()) { (t(lang, Text::LanguageName)) }
        }
        "\n"
    }
}

/// The link to the planner (`href`), in `lang`.
pub(crate) fn planner_link(href: &str, lang: Lang) -> Markup {
    html! {
        p class="planner" {
            a class="planner-link" href=(href) { (t(lang, Text::OpenPlanner)) }
        }
        "\n"
    }
}

pub(crate) fn page_frame(frame: &Frame) -> String {
    let lang = frame.lang;
    let dir = dir_of(frame.path);
    let root = "../".repeat(depth_of(frame.path));
    let others: Vec<&(Lang, String)> = frame
        .alternates
        .iter()
        .filter(|(l, _)| *l != lang)
        .collect();
    let planner = app_href(
        &frame.options.app_url,
        depth_of(frame.path),
        &[("lang", lang.code().to_owned())],
    );
    let page = html! {
        (DOCTYPE) "\n"
        html lang=(lang.code()) {
            "\n"
            head {
                "\n"
                (head_top(
                    html! { (frame.title) " · " (t(lang, Text::SiteName)) },
                    frame.description,
                ))
                @if let Some(base) = &frame.options.base_url {
                    link rel="canonical" href={ (base) (frame.path) }; "\n"
                }
                @if frame.alternates.len() > 1 {
                    @for (alt_lang, alt_path) in &frame.alternates {
                        (alternate_link(frame.options, alt_lang.code(), alt_path))
                    }
                }
                link rel="icon" href={ (root) "assets/favicon.svg" } type="image/svg+xml"; "\n"
                link rel="stylesheet" href={ (root) "assets/guide.css" }; "\n"
                link rel="stylesheet" href={ (root) "assets/card.css" }; "\n"
                // Blocking on purpose (about 1 KB compressed): an embedded page must hide
                // its header before the first paint.
                script src={ (root) "assets/embed.js" } {} "\n"
                script src={ (root) "assets/language.js" } defer {} "\n"
                @if frame.body_class == CARD_PAGE {
                    script src={ (root) "assets/card-fit.js" } defer {} "\n"
                }
            }
            "\n"
            body class=(frame.body_class) {
                "\n"
                a class="skip-link" href="#content" { (catalog(lang, "ui.skip")) } "\n"
                header class="site-header" {
                    "\n"
                    p class="site-name" {
                        a href=(relative(dir, &format!("{}/index.html", lang.code()))) {
                            (t(lang, Text::SiteName))
                        }
                    }
                    "\n"
                    @if !others.is_empty() {
                        nav class="lang-switch" aria-label=(t(lang, Text::LanguageNav)) {
                            "\n"
                            ul {
                                "\n"
                                @for (other, path) in &others {
                                    (language_item(&relative(dir, path), *other))
                                }
                            }
                            "\n"
                        }
                        "\n"
                    }
                    (planner_link(&planner, lang))
                }
                "\n"
                div class="layout" {
                    "\n"
                    (frame.nav)
                    main id="content" { "\n" (frame.main) }
                    "\n"
                }
                "\n"
                footer class="site-footer" {
                    "\n"
                    p { (format(lang, "ui.footer", &[("date", &localized::date_text(FACTS_CHECKED, lang))])) }
                    "\n"
                }
                "\n"
            }
            "\n"
        }
        "\n"
    };
    page.into_string()
}

/// The paths of `slug` in every built language that has it, in `--lang` order.
pub(crate) fn page_alternates(site: &Site, slug: &str) -> Vec<(Lang, String)> {
    site.langs
        .iter()
        .filter_map(|l| l.page(slug).map(|p| (l.lang, p.output_path())))
        .collect()
}

/// The title, the date and the methods the page covers.
pub(crate) fn page_heading(page: &Page) -> Markup {
    let lang = page.lang;
    let front = &page.front;
    // Method names contain commas ("SMTP relay, IP connector").
    let names: Vec<String> = front
        .methods
        .iter()
        .map(|m| catalog(lang, &m.key("name")))
        .collect();
    html! {
        h1 { (front.title) } "\n"
        p class="page-meta" {
            (t(lang, Text::Updated)) " "
            time datetime=(front.updated) { (localized::date_text(&front.updated, lang)) }
        }
        "\n"
        @if !names.is_empty() {
            p class="page-methods" { (t(lang, Text::MethodsOnPage)) ": " (names.join("; ")) }
            "\n"
        }
    }
}
