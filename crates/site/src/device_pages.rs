//! Device pages: the inventory's index, one printable card per device and language,
//! and "Print all cards". The card itself is `card_html::guide_card_html` (the device's
//! card in its cloud), the same rows as the app's Cards screen, with the QR code of its
//! method's guide page when the site has a public address.
//!
//! What prints is a sheet of paper cards, as in the app (card.css): each card in a cell
//! of the A6 page's size, laid out at that size on screen too but out of sight, so
//! assets/card-fit.js can shrink each card's type until it fits its page. A card is
//! never split; without the script a card too long for its page is cut at the page's
//! edge rather than run onto a second one.

use super::devices::{DeviceEntry, DeviceSet};
use super::frame::{page_frame, Frame, Nav, NavFrom, CARD_PAGE};
use super::front_matter::Site;
use super::options::Options;
use super::strings::{catalog, t, Text};
use crate::card_html::{guide_card_html, CardExtras};
use maud::{html, Markup};
use smarthost_core::guide::path_for;
use smarthost_core::i18n::Lang;

/// The file name of the page that prints every card (reserved among device slugs).
pub(crate) const PRINT_ALL: &str = "print";

/// The absolute address of the guide page that explains the card's method, in `lang`:
/// what its QR code holds. `None` without a public address.
fn guide_url(entry: &DeviceEntry, lang: Lang, options: &Options) -> Option<String> {
    let base = options.base_url.as_deref()?;
    Some(format!(
        "{base}{}",
        path_for(entry.card().card.method, lang)
    ))
}

/// The card as the screen shows it: with its QR code; the notes follow it on the page.
fn screen_card(entry: &DeviceEntry, lang: Lang, options: &Options) -> Markup {
    let url = guide_url(entry, lang, options);
    let extras = CardExtras {
        guide_url: url.as_deref(),
        ..CardExtras::default()
    };
    guide_card_html(entry.card(), lang, extras)
}

/// The cards as they print, one A6 page each, the notes on the card (see the module's
/// comment). Read on paper only: on screen the same cards are shown as they are.
fn print_sheet<'a>(
    entries: impl IntoIterator<Item = &'a DeviceEntry>,
    lang: Lang,
    options: &Options,
) -> Markup {
    let notes_label = t(lang, Text::DeviceNotes);
    html! {
        div class="card-sheet-holder" aria-hidden="true" {
            "\n"
            div class="card-sheet print-a6" {
                "\n"
                @for entry in entries {
                    @let url = guide_url(entry, lang, options);
                    @let notes = entry.device.notes.trim();
                    @let extras = CardExtras {
                        guide_url: url.as_deref(),
                        notes: (!notes.is_empty()).then_some((notes_label.as_str(), notes)),
                        paper: true,
                    };
                    section class="sheet-page" {
                        div class="sheet-cell" { "\n" (guide_card_html(entry.card(), lang, extras)) }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

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
            p class="print-all" { a href={ (PRINT_ALL) ".html" } { (t(lang, Text::PrintAll)) } } "\n"
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
        nav: nav.html(NavFrom::DevicesDir, "devices/index.html".to_owned()),
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
        div class="card-list" { "\n" (screen_card(entry, lang, options)) }
        "\n"
        @if !notes.is_empty() {
            section class="device-notes" {
                "\n"
                h2 { (t(lang, Text::DeviceNotes)) } "\n"
                p { (notes) } "\n"
            }
            "\n"
        }
        (print_sheet([entry], lang, options))
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
        nav: nav.html(NavFrom::DevicesDir, String::new()),
        main,
        body_class: CARD_PAGE,
        options,
    })
}

/// "Print all cards": every device's card, each on its own A6 page.
pub(crate) fn print_all_page(
    site: &Site,
    lang: Lang,
    devices: &DeviceSet,
    nav: &Nav,
    options: &Options,
) -> String {
    let title = t(lang, Text::PrintAllTitle);
    let main = html! {
        h1 { (title) } "\n"
        p class="print-hint" { (t(lang, Text::PrintAllLede)) } "\n"
        p class="print-hint" { a href="index.html" { (t(lang, Text::PrintAllBack)) } } "\n"
        div class="card-list" {
            "\n"
            @for entry in &devices.entries { (screen_card(entry, lang, options)) }
        }
        "\n"
        (print_sheet(&devices.entries, lang, options))
    };
    let path = format!("{}/devices/{PRINT_ALL}.html", lang.code());
    page_frame(&Frame {
        lang,
        title: &title,
        description: &t(lang, Text::PrintAllLede),
        path: &path,
        alternates: device_alternates(site, &format!("{PRINT_ALL}.html")),
        nav: nav.html(NavFrom::DevicesDir, "devices/index.html".to_owned()),
        main,
        body_class: CARD_PAGE,
        options,
    })
}
