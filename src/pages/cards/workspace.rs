//! The screen's tools: the list, each device's form and card, printing, the import and
//! export. They are a module of their own (crate::later), which the empty screen
//! (super::waiting) fetches when there is a list to show or the reader first acts.

use super::device_table::{DeviceFilterBar, DeviceTable};
use super::editor::DeviceEditor;
use super::focus;
use super::handoff::{HandOff, HandOffChooser};
use super::layout::PrintLayout;
use super::list_view::ListView;
use super::notice::{self, CardsNotice};
use super::print::{PrintCheck, PrintScope, PrintSheet, Printing};
use super::rows::{self, DeviceRows};
use super::toolbar::Toolbar;
use super::transfer::{exports_of, ImportForm};
use super::waiting::Start;
use crate::i18n::{lang, t, tf};
use crate::later::Unavailable;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use smarthost_core::inventory::Device;

/// The tools, doing what was `asked` (read as they arrive) in turn; `layout` is the print
/// layout the screen already shows.
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(cards_tools, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn tools(
    asked: RwSignal<Vec<Start>>,
    layout: RwSignal<PrintLayout>,
) -> Result<AnyView, Unavailable> {
    let asked = asked.get_untracked();
    Ok(view! { <Workspace asked layout /> }.into_any())
}

#[component]
fn Workspace(asked: Vec<Start>, layout: RwSignal<PrintLayout>) -> impl IntoView {
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
    // Every change is saved in this browser.
    Effect::new(move |_| rows::save(rows.devices()));
    let list_view = ListView::new(rows);
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
    let add = Callback::new(move |()| {
        let customer = list_view.filter.with_untracked(|f| f.customer.clone());
        list_view.filter.update(|f| f.search.clear());
        let key = rows.push(Device {
            customer: customer.unwrap_or_default(),
            ..Device::default()
        });
        focus::focus_when_drawn(format!("device-{key}-device"));
    });
    let print = Callback::new(move |()| printing.request());
    let undo_remove = move |_| {
        if let Some(CardsNotice::Removed { at, device }) = notice.get_untracked() {
            let name = device.name.clone();
            let key = rows.insert_at(at, *device);
            notice.set(Some(CardsNotice::Restored { name }));
            focus::focus_when_drawn(focus::device_id(key));
        }
    };
    let mut first_import = None;
    for action in asked {
        match action {
            // "Add to a device card" from the DNS check, or a card from the planner: the
            // values go into a card, then leave the URL so a reload does not add them
            // twice.
            Start::Open(Some(link)) => {
                hand_off.receive(link);
                clean_address();
            }
            Start::Open(None) => {}
            Start::Add => add.run(()),
            Start::Print => print.run(()),
            Start::Import(import) => first_import = Some(import),
        }
    }
    let (json, toml) = exports_of(rows);

    view! {
        <Toolbar on_add=add on_print=print scoped=printing.is_scoped() json toml layout />
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
        <ImportForm rows set_cloud_notice first=first_import />
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
