//! Device pages: the inventory's index and one printable card per device and language.
//! The card itself is `card_html::device_card_html` (the device's card in its cloud),
//! the same rows as the app's Cards screen, inside `.print-a6` so card.css prints it
//! alone on one A6 page.

use super::devices::{DeviceEntry, DeviceSet};
use super::frame::{page_frame, Frame, Nav};
use super::front_matter::Site;
use super::options::Options;
use super::strings::{catalog, t, Text};
use crate::card_html::device_card_html;
use maud::html;
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
    let label = |key: &str| catalog(lang, &format!("card.label.{key}"));
    let columns = ["device", "location", "model", "method", "cloud"];
    let main = html! {
        h1 { (title) } "\n"
        p { (t(lang, Text::DeviceCardsLede)) } "\n"
        @if devices.entries.is_empty() {
            p { (t(lang, Text::NoDevices)) } "\n"
        } @else {
            table class="devices" {
                "\n"
                thead {
                    "\n"
                    tr { @for key in columns { th scope="col" { (label(key)) } } }
                    "\n"
                }
                "\n"
                tbody {
                    "\n"
                    @for entry in &devices.entries {
                        @let device = &entry.device;
                        @let method = entry.card().card.method_name(lang);
                        tr {
                            td { a href={ (entry.slug) ".html" } { (device.name.trim()) } }
                            td { (device.location.trim()) }
                            td { (device.model.trim()) }
                            td { (method) }
                            td { (device.cloud.name(lang)) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    };
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
    let notes = entry.device.notes.trim();
    let main = html! {
        h1 { (name) } "\n"
        p class="print-hint" { (t(lang, Text::PrintHint)) } "\n"
        ul class="print-a6" {
            "\n"
            li {
                "\n"
                (device_card_html(entry.card(), lang))
            }
            "\n"
        }
        "\n"
        @if !notes.is_empty() {
            section class="device-notes" {
                "\n"
                h2 { (t(lang, Text::DeviceNotes)) } "\n"
                p { (notes) } "\n"
            }
            "\n"
        }
    };
    let path = format!("{}/devices/{}.html", lang.code(), entry.slug);
    let card = &entry.card().card;
    let description = format!("{}: {}", card.method_name(lang), card.smart_host_text(lang));
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
