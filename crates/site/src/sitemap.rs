//! sitemap.xml: every page with its translations (`xhtml:link` alternates) and, for
//! guide pages, the `updated` date from the front matter, never the clock.

use super::device_pages::device_alternates;
use super::devices::{DeviceEntry, DeviceSet};
use super::frame::page_alternates;
use super::front_matter::{Page, Site};
use super::options::Options;
use maud::{html, Markup, PreEscaped};
use smarthost_core::i18n::Lang;

/// Every page, absolute with --base-url, else relative to the site root.
pub(super) fn sitemap(site: &Site, devices: &DeviceSet, options: &Options) -> String {
    let mut entries: Vec<Markup> = vec![entry(options, "index.html", None, &[])];
    for lang_site in &site.langs {
        let mut pages: Vec<&Page> = lang_site.pages.iter().collect();
        pages.sort_by(|a, b| a.slug.cmp(&b.slug));
        for page in pages {
            entries.push(entry(
                options,
                &page.output_path(),
                Some(&page.front.updated),
                &page_alternates(site, &page.slug),
            ));
        }
        if devices.path.is_some() {
            let code = lang_site.lang.code();
            entries.push(entry(
                options,
                &format!("{code}/devices/index.html"),
                None,
                &device_alternates(site, "index.html"),
            ));
            let mut sorted: Vec<&DeviceEntry> = devices.entries.iter().collect();
            sorted.sort_by(|a, b| a.slug.cmp(&b.slug));
            for device in sorted {
                let file = format!("{}.html", device.slug);
                entries.push(entry(
                    options,
                    &format!("{code}/devices/{file}"),
                    None,
                    &device_alternates(site, &file),
                ));
            }
        }
    }
    // maud writes XML as it writes HTML (the same escaping of `&<>"`); an element it
    // writes is never self-closing, so `xhtml:link` has an end tag.
    let sitemap = html! {
        // The XML declaration, a constant.
        (PreEscaped("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) "\n"
        urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:xhtml="http://www.w3.org/1999/xhtml" {
            "\n"
            @for entry in entries { (entry) }
        }
        "\n"
    };
    sitemap.into_string()
}

/// One `<url>`: its address, its date and the addresses of its translations.
fn entry(
    options: &Options,
    path: &str,
    lastmod: Option<&str>,
    alternates: &[(Lang, String)],
) -> Markup {
    let base = options.base_url.as_deref().unwrap_or("");
    html! {
        url {
            loc { (base) (path) }
            @if let Some(date) = lastmod {
                lastmod { (date) }
            }
            @if alternates.len() > 1 {
                @for (lang, alt) in alternates {
                    xhtml:link rel="alternate" hreflang=(lang.code()) href={ (base) (alt) } {}
                }
            }
        }
        "\n"
    }
}
