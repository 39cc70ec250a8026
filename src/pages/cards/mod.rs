//! Cards: the device inventory (kept in this browser), each device's config card built by
//! core in the device's cloud next to its fields, printing one card per page or several
//! per sheet, and JSON/TOML export and import (the TOML is what the guide generator reads).
//! A row may be an application: its card then says "the application".
//!
//! By concern: [`rows`] holds the list, [`list_view`] what of it shows (a search, a
//! customer, collapsed forms) and [`device_table`] the compact list at the top,
//! [`editor`] draws a device's form and [`card_view`] its card, [`transfer`] exports and imports, [`layout`] sets printing,
//! [`print`] checks and lays out what prints, [`handoff`] takes in a link from the DNS
//! check or the planner, [`notice`] says what changed (with Undo for Remove).

mod card_view;
mod device_table;
mod editor;
mod focus;
mod handoff;
mod layout;
mod list_view;
mod method_fields;
mod notice;
mod print;
mod rows;
mod transfer;

use crate::i18n::{lang, t, tf};
use device_table::{DeviceFilterBar, DeviceTable};
use editor::DeviceEditor;
use handoff::{HandOff, HandOffChooser};
use layout::{LayoutSelect, PrintLayout};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use list_view::ListView;
use notice::CardsNotice;
use print::{PrintButton, PrintCheck, PrintScope, PrintSheet, Printing};
use rows::DeviceRows;
use smarthost_core::inventory::Device;
use transfer::{ExportLinks, ImportForm};

#[component]
pub fn Cards() -> impl IntoView {
    let (saved, saved_notice) = rows::load();
    let rows = DeviceRows::new(saved);
    // Which devices were read as worldwide because their file (or this browser's list)
    // predates the cloud field; worded when shown, so a language switch re-words it.
    let (cloud_notice, set_cloud_notice) = signal(saved_notice);
    let notice = RwSignal::new(None::<CardsNotice>);
    let hand_off = HandOff {
        rows,
        notice,
        asking: RwSignal::new(None),
    };
    // "Add to a device card" from the DNS check, or a card from the planner: the values
    // go into a card, then leave the URL so a reload does not add them twice.
    let query = use_query_map().get_untracked();
    if let Some(link) = crate::add_to_card::AddLink::read(|key| query.get(key)) {
        hand_off.receive(link);
        clean_address();
    }
    // Every change is saved in this browser.
    Effect::new(move |_| rows::save(rows.devices()));
    let list_view = ListView::new(rows);
    let layout = RwSignal::new(PrintLayout::saved());
    let printing = Printing::new(rows, list_view, layout);
    // Printing shows every error, as submitting a form would: a card that cannot be
    // built then says why on screen. The Print button does it itself; the browser's
    // own print (its menu, Ctrl+P) through this event.
    let reveal = printing.reveal();
    let before_print =
        window_event_listener_untyped("beforeprint", move |_| printing.revealed_by_browser());
    on_cleanup(move || before_print.remove());

    // A device added while one customer is shown is that customer's; the search is
    // cleared so the new device is in sight.
    let add = move |_| {
        let customer = list_view.filter.with_untracked(|f| f.customer.clone());
        list_view.filter.update(|f| f.search.clear());
        let key = rows.push(Device {
            customer: customer.unwrap_or_default(),
            ..Device::default()
        });
        focus::focus_when_drawn(format!("device-{key}-device"));
    };
    let undo_remove = move |_| {
        if let Some(CardsNotice::Removed { at, device }) = notice.get_untracked() {
            let name = device.name.clone();
            let key = rows.insert_at(at, *device);
            notice.set(Some(CardsNotice::Restored { name }));
            focus::focus_when_drawn(focus::device_id(key));
        }
    };
    let embedded = crate::embed::is_embedded(&use_location().search.get_untracked());

    view! {
        <h1 class="screen-only">{t("ui.cards.title")}</h1>
        <p class="lede">{t("ui.cards.lede")}</p>
        <div class="cards-toolbar">
            <button type="button" on:click=add>{t("ui.cards.add")}</button>
            <PrintButton printing />
            <ExportLinks rows />
            <LayoutSelect layout />
        </div>
        <PrintScope printing />
        <PrintCheck printing />
        {move || cloud_notice.get().map(|notice| view! {
            <p class="notice cloud-notice" role="status">{notice.message(lang())}</p>
        })}
        <div class="cards-status screen-only">
            <p id="cards-status" tabindex="-1" role="status">{move || notice.get().map(|n| n.message())}</p>
            {move || match notice.get() {
                Some(CardsNotice::Removed { device, .. }) => Some(view! {
                    <button type="button" id="cards-undo" class="secondary" on:click=undo_remove>
                        {tf("ui.cards.undo-remove", &[("name", &notice::shown_name(&device.name))])}
                    </button>
                }),
                _ => None,
            }}
        </div>
        <HandOffChooser hand_off />
        <Show when=move || rows.is_empty()>
            <p class="notice">{t("ui.cards.empty")}</p>
        </Show>
        <Show when=move || !rows.is_empty()>
            <DeviceFilterBar rows view=list_view />
        </Show>
        <DeviceTable view=list_view />
        // Every form stays in the page: a collapsed or filtered-out one is only hidden,
        // so what was typed and which fields were left are kept.
        <ol class="device-list">
            <For each=move || rows.list() key=|row| row.key let(row)>
                <li hidden=move || !(list_view.is_open(row.key) && list_view.matches(&row))>
                    <DeviceEditor row rows view=list_view notice reveal />
                </li>
            </For>
        </ol>
        <PrintSheet printing />
        <ImportForm rows set_cloud_notice />
        {(!embedded).then(|| view! { <crate::embed::EmbedSnippet /> })}
    }
}

/// Takes a link's values out of the address. The router's path includes the site's
/// base, which resolving it would add again (review X-2: /tools/smarthost/ landed on
/// /tools/smarthost/tools/smarthost/cards/), so the path is used as it is.
fn clean_address() {
    let navigate = use_navigate();
    let cleaned = crate::url_state::query_with(&crate::add_to_card::cleared());
    let path = use_location().pathname.get_untracked();
    navigate(
        &format!("{path}{cleaned}"),
        leptos_router::NavigateOptions {
            replace: true,
            resolve: false,
            ..Default::default()
        },
    );
}
