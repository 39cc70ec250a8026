//! The compact list at the top of Cards: one line per device (name, customer, method,
//! smart host, status), with a search and a customer filter, so a long list (several
//! customers' fleets) can be read and narrowed at a glance (review J3). A device's name
//! opens its form and takes the reader to it; the line is the form's collapsed state.
//! A table on a wide screen, one block per device on a phone (style.css).

use super::focus::{device_id, focus_when_drawn};
use super::list_view::ListView;
use super::notice::method_name;
use super::rows::{DeviceRows, Row};
use crate::components::wrapping_text::WrappingText;
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::card_print::{named_host, CardStatus};
use smarthost_core::i18n::format_count;
use smarthost_core::inventory::{customers, DeviceFilter};

/// The customer select's value for "every customer" and for "no customer": neither can
/// be a customer's name, which is trimmed and has no control character.
const ALL: &str = "\u{1}all";
const NONE: &str = "\u{1}none";

fn customer_value(filter: &DeviceFilter) -> String {
    match filter.customer.as_deref() {
        None => ALL.to_owned(),
        Some("") => NONE.to_owned(),
        Some(name) => name.to_owned(),
    }
}

fn customer_choice(value: String) -> Option<String> {
    match value.as_str() {
        ALL => None,
        NONE => Some(String::new()),
        _ => Some(value),
    }
}

/// The search, the customer filter, and how many devices they show.
#[component]
pub fn DeviceFilterBar(rows: DeviceRows, view: ListView) -> impl IntoView {
    let filter = view.filter;
    let names = Memo::new(move |_| customers(&rows.devices()));
    let any_without = Memo::new(move |_| {
        (rows.list().iter()).any(|row| row.device.with(|d| d.customer.trim().is_empty()))
    });
    let shown = Memo::new(move |_| view.shown().len());
    let total = Memo::new(move |_| rows.list().len());
    let count = move || {
        tf(
            "ui.cards.list.count",
            &[
                ("shown", &shown.get().to_string()),
                ("total", &total.get().to_string()),
            ],
        )
    };
    let clear = move |_| {
        filter.set(DeviceFilter::default());
        focus_when_drawn("device-search".to_owned());
    };
    view! {
        <div class="device-filter" role="search">
            <div class="field inline-field">
                <label for="device-search">{t("ui.cards.list.search")}</label>
                <input
                    id="device-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || filter.with(|f| f.search.clone())
                    on:input=move |ev| {
                        let search = event_target_value(&ev);
                        filter.update(|f| f.search = search);
                    }
                />
            </div>
            <div class="field inline-field">
                <label for="device-customer">{t("ui.cards.list.customer")}</label>
                <select
                    id="device-customer"
                    prop:value=move || filter.with(customer_value)
                    on:change=move |ev| {
                        let customer = customer_choice(event_target_value(&ev));
                        filter.update(|f| f.customer = customer);
                    }
                >
                    <option value=ALL>{t("ui.cards.list.all-customers")}</option>
                    {move || names.get().into_iter().map(|name| {
                        view! { <option value=name.clone()>{name.clone()}</option> }
                    }).collect_view()}
                    // Kept while chosen, so the select never shows a choice it lacks.
                    <Show when=move || any_without.get() || filter.with(|f| f.customer.as_deref() == Some(""))>
                        <option value=NONE>{t("ui.cards.list.no-customer")}</option>
                    </Show>
                </select>
            </div>
            <p class="device-count" id="device-count" role="status">{count}</p>
            <Show when=move || !filter.with(DeviceFilter::is_open)>
                <button type="button" class="secondary" on:click=clear>{t("ui.cards.list.clear")}</button>
            </Show>
        </div>
    }
}

/// The compact list of the devices the filter shows.
#[component]
pub fn DeviceTable(view: ListView) -> impl IntoView {
    let shown = Memo::new(move |_| view.shown().iter().map(|row| row.key).collect::<Vec<_>>());
    let toggle_all = move |_| view.collapse_all(!view.all_collapsed());
    view! {
        <Show when=move || !shown.with(Vec::is_empty)>
            <div class="device-table-wrap">
                <table class="device-table">
                    <caption>
                        <span>{t("ui.cards.list.heading")}</span>
                        <button type="button" class="secondary" id="device-forms-toggle" on:click=toggle_all>
                            {move || if view.all_collapsed() {
                                text("ui.cards.list.expand-all")
                            } else {
                                text("ui.cards.list.collapse-all")
                            }}
                        </button>
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("ui.cards.list.name")}</th>
                            <th scope="col">{t("ui.cards.list.customer")}</th>
                            <th scope="col">{t("ui.cards.list.method")}</th>
                            <th scope="col">{t("ui.cards.list.smart-host")}</th>
                            <th scope="col">{t("ui.cards.list.status")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || view.shown() key=|row| row.key let(row)>
                            <DeviceLine row view />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// The id of a device's line in the compact list, where its form's Collapse returns.
pub fn line_id(key: u64) -> String {
    format!("device-{key}-line")
}

/// One device's line; its name opens the form and goes to it, as does a click anywhere
/// on the line.
#[component]
fn DeviceLine(row: Row, view: ListView) -> impl IntoView {
    let Row { key, device, card } = row;
    let open = move || {
        view.open(key);
        focus_when_drawn(device_id(key));
    };
    let name = move || {
        let name = device.with(|d| d.name.trim().to_owned());
        if name.is_empty() {
            text("ui.cards.unnamed")
        } else {
            name
        }
    };
    let customer = move || device.with(|d| d.customer.trim().to_owned());
    let method = move || match device.with(|d| d.method.trim().to_owned()) {
        method if method.is_empty() => text("ui.cards.list.no-method"),
        method => method_name(&method),
    };
    // The card's host when it names one, else what was typed.
    let smart_host = move || {
        let named = card.with(|c| named_host(c).map(str::to_owned));
        named.unwrap_or_else(|| device.with(|d| d.smart_host.trim().to_owned()))
    };
    let status = Memo::new(move |_| card.with(CardStatus::of));
    let status_text = move || match status.get() {
        CardStatus::Ready => text("ui.cards.status.ready"),
        CardStatus::NoHost => text("ui.cards.status.no-host"),
        CardStatus::Problems(count) => format_count(lang(), "ui.cards.status.problems", count, &[]),
    };
    let status_class = move || match status.get() {
        CardStatus::Ready => "device-status ready",
        CardStatus::NoHost => "device-status no-host",
        CardStatus::Problems(_) => "device-status problems",
    };
    let label = |key: &'static str| move || text(key);
    view! {
        <tr class="device-line" on:click=move |_| open()>
            <th scope="row" data-label=label("ui.cards.list.name")>
                <button
                    type="button"
                    class="device-line-name"
                    id=line_id(key)
                    aria-controls=device_id(key)
                    aria-expanded=move || view.is_open(key).to_string()
                    on:click=move |ev| {
                        // The line's own click does the rest.
                        ev.stop_propagation();
                        open();
                    }
                >
                    {name}
                </button>
            </th>
            <td data-label=label("ui.cards.list.customer")>{customer}</td>
            <td data-label=label("ui.cards.list.method")>{method}</td>
            <td data-label=label("ui.cards.list.smart-host")>{move || view! { <WrappingText text=smart_host() /> }}</td>
            <td data-label=label("ui.cards.list.status")><span class=status_class>{status_text}</span></td>
        </tr>
    }
}
