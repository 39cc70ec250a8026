//! Cards: the device inventory (kept in this browser), each device's config card built by
//! core in the device's cloud next to its fields, printing one card per page or several
//! per sheet, and JSON/TOML export and import (the TOML is what the guide generator reads).
//! A row may be an application: its card then says "the application".
//!
//! By concern: [`rows`] holds the list, [`editor`] draws a device's row and
//! [`card_view`] its card, [`transfer`] exports and imports, [`layout`] sets printing
//! and [`print`] checks and lays out what prints.

mod card_view;
mod editor;
mod layout;
mod print;
mod rows;
mod transfer;

use crate::i18n::{lang, t};
use editor::DeviceEditor;
use layout::{LayoutSelect, PrintLayout};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use print::{PrintButton, PrintCheck, PrintSheet, Printing};
use rows::DeviceRows;
use smarthost_core::inventory::{Device, Imported};
use transfer::{ExportLinks, ImportForm};

#[component]
pub fn Cards() -> impl IntoView {
    let (saved, saved_notice) = rows::load();
    let rows = DeviceRows::new(saved);
    // Which devices were read as worldwide because their file (or this browser's list)
    // predates the cloud field; worded when shown, so a language switch re-words it.
    let (cloud_notice, set_cloud_notice) = signal(saved_notice);
    // "Add to a device card" from the DNS check: one new device with its values, then
    // the values leave the URL so a reload does not add it twice.
    let query = use_query_map().get_untracked();
    if let Some(device) = crate::add_to_card::device(|key| query.get(key)) {
        rows.push(device);
        let navigate = use_navigate();
        let cleaned = crate::url_state::query_with(&crate::add_to_card::cleared());
        let path = use_location().pathname.get_untracked();
        navigate(
            &format!("{path}{cleaned}"),
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
    // Every change is saved in this browser.
    Effect::new(move |_| rows::save(rows.devices()));

    let add = move |_| rows.push(Device::default());
    let on_import = Callback::new(move |imported: Imported| {
        rows.replace(imported.inventory.devices);
        set_cloud_notice.set(imported.cloud_assumed);
    });
    let layout = RwSignal::new(PrintLayout::saved());
    let embedded = crate::embed::is_embedded(&use_location().search.get_untracked());
    let printing = Printing::new(rows, layout);

    view! {
        <h1 class="screen-only">{t("ui.cards.title")}</h1>
        <p class="lede">{t("ui.cards.lede")}</p>
        <div class="cards-toolbar">
            <button type="button" on:click=add>{t("ui.cards.add")}</button>
            <PrintButton printing />
            <ExportLinks rows />
            <LayoutSelect layout />
        </div>
        <PrintCheck printing />
        {move || cloud_notice.get().map(|notice| view! {
            <p class="notice cloud-notice" role="status">{notice.message(lang())}</p>
        })}
        <Show when=move || rows.is_empty()>
            <p class="notice">{t("ui.cards.empty")}</p>
        </Show>
        <ol class="device-list">
            <For each=move || rows.list() key=|(key, _)| *key let((key, device))>
                <li><DeviceEditor key=key device=device rows=rows /></li>
            </For>
        </ol>
        <PrintSheet printing />
        <ImportForm on_import />
        {(!embedded).then(|| view! { <crate::embed::EmbedSnippet /> })}
    }
}
