//! sitemap.xml: every page with its translations (`xhtml:link` alternates) and, for
//! guide pages, the `updated` date from the front matter, never the clock.

use super::device_pages::device_alternates;
use super::devices::{DeviceEntry, DeviceSet};
use super::frame::page_alternates;
use super::front_matter::{Page, Site};
use super::options::Options;
use smarthost_core::card::escape;
use smarthost_core::i18n::Lang;

/// Every page, absolute with --base-url, else relative to the site root.
pub(super) fn sitemap(site: &Site, devices: &DeviceSet, options: &Options) -> String {
    let base = options.base_url.as_deref().unwrap_or("");
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entry = |path: &str, lastmod: Option<&str>, alternates: &[(Lang, String)]| {
        out.push_str(&format!(
            "<url><loc>{}</loc>",
            escape(&format!("{base}{path}"))
        ));
        if let Some(date) = lastmod {
            out.push_str(&format!("<lastmod>{}</lastmod>", escape(date)));
        }
        if alternates.len() > 1 {
            for (lang, alt) in alternates {
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    lang.code(),
                    escape(&format!("{base}{alt}"))
                ));
            }
        }
        out.push_str("</url>\n");
    };
    entry("index.html", None, &[]);
    for lang_site in &site.langs {
        let mut pages: Vec<&Page> = lang_site.pages.iter().collect();
        pages.sort_by(|a, b| a.slug.cmp(&b.slug));
        for page in pages {
            entry(
                &page.output_path(),
                Some(&page.front.updated),
                &page_alternates(site, &page.slug),
            );
        }
        if devices.path.is_some() {
            let code = lang_site.lang.code();
            entry(
                &format!("{code}/devices/index.html"),
                None,
                &device_alternates(site, "index.html"),
            );
            let mut entries: Vec<&DeviceEntry> = devices.entries.iter().collect();
            entries.sort_by(|a, b| a.slug.cmp(&b.slug));
            for device in entries {
                let file = format!("{}.html", device.slug);
                entry(
                    &format!("{code}/devices/{file}"),
                    None,
                    &device_alternates(site, &file),
                );
            }
        }
    }
    out.push_str("</urlset>\n");
    out
}
