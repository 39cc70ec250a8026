//! Device pages: the inventory's index and one printable card per device and language.
//! The card itself is core's `render_device_card_html` (the device's card in its cloud),
//! the same rows as the app's Cards screen, inside `.print-a6` so card.css prints it
//! alone on one A6 page.

use super::devices::{DeviceEntry, DeviceSet};
use super::frame::{page_frame, Frame, Nav};
use super::front_matter::Site;
use super::options::Options;
use super::strings::{catalog, t, Text};
use smarthost_core::card::escape;
use smarthost_core::device_card::{cloud_name, render_device_card_html};
use smarthost_core::i18n::Lang;

/// The paths of a file under `<lang>/devices/` in every built language.
pub(super) fn device_alternates(site: &Site, file: &str) -> Vec<(Lang, String)> {
    site.langs
        .iter()
        .map(|l| (l.lang, format!("{}/devices/{file}", l.lang.code())))
        .collect()
}

pub(super) fn device_index(
    site: &Site,
    lang: Lang,
    devices: &DeviceSet,
    nav: &Nav,
    options: &Options,
) -> String {
    let title = t(lang, Text::DeviceCards);
    let mut main = format!(
        "<h1>{title}</h1>\n<p>{}</p>\n",
        t(lang, Text::DeviceCardsLede)
    );
    if devices.entries.is_empty() {
        main.push_str(&format!("<p>{}</p>\n", t(lang, Text::NoDevices)));
    } else {
        let label = |key: &str| escape(&catalog(lang, &format!("card.label.{key}")));
        main.push_str(&format!(
            "<table class=\"devices\">\n<thead>\n<tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr>\n</thead>\n<tbody>\n",
            label("device"),
            label("location"),
            label("model"),
            label("method"),
            label("cloud")
        ));
        for entry in &devices.entries {
            let method = entry
                .card(lang)
                .map(|c| c.card.method_name.clone())
                .unwrap_or_default();
            main.push_str(&format!(
                "<tr><td><a href=\"{}.html\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&entry.slug),
                escape(entry.device.name.trim()),
                escape(entry.device.location.trim()),
                escape(entry.device.model.trim()),
                escape(&method),
                escape(&cloud_name(entry.device.cloud, lang))
            ));
        }
        main.push_str("</tbody>\n</table>\n");
    }
    let path = format!("{}/devices/index.html", lang.code());
    page_frame(&Frame {
        lang,
        title: &title,
        description: &t(lang, Text::DeviceCardsLede),
        path: &path,
        alternates: device_alternates(site, "index.html"),
        nav: nav.html("../", "devices/index.html"),
        main,
        body_class: "devices-page",
        options,
    })
}

pub(super) fn device_page(
    site: &Site,
    lang: Lang,
    entry: &DeviceEntry,
    nav: &Nav,
    options: &Options,
) -> String {
    let name = entry.device.name.trim();
    let mut main = format!(
        "<h1>{}</h1>\n<p class=\"print-hint\">{}</p>\n<ul class=\"print-a6\">\n<li>\n",
        escape(name),
        t(lang, Text::PrintHint)
    );
    if let Some(card) = entry.card(lang) {
        main.push_str(&render_device_card_html(card, lang));
    }
    main.push_str("</li>\n</ul>\n");
    let notes = entry.device.notes.trim();
    if !notes.is_empty() {
        main.push_str(&format!(
            "<section class=\"device-notes\">\n<h2>{}</h2>\n<p>{}</p>\n</section>\n",
            t(lang, Text::DeviceNotes),
            escape(notes)
        ));
    }
    let path = format!("{}/devices/{}.html", lang.code(), entry.slug);
    let description = entry
        .card(lang)
        .map(|c| format!("{}: {}", c.card.method_name, c.card.smart_host))
        .unwrap_or_default();
    page_frame(&Frame {
        lang,
        title: name,
        description: &description,
        path: &path,
        alternates: device_alternates(site, &format!("{}.html", entry.slug)),
        nav: nav.html("../", ""),
        main,
        body_class: "card-page",
        options,
    })
}
