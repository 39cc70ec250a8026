//! One device's row: its fields, with core's errors under them, and its card (or what
//! to fix first) beside them. A field's error shows once the field holds a value or was
//! left, or when the cards are printed: a new device is not red before anything is typed
//! (review J3-8).

use super::card_view::{guide_url, CardView};
use super::device_table::line_id;
use super::focus::{device_id, focus_when_drawn};
use super::list_view::ListView;
use super::method_fields::{asks_username, SmartHostField};
use super::notice::CardsNotice;
use super::rows::{DeviceRows, Row};
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::inventory::Device;
use smarthost_core::method::MethodId;
use smarthost_core::plan::{for_sender, Client};

/// Today's date (UTC, as the browser's clock gives it), the card's date line.
pub(super) fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}

/// `message` with its first letter in capitals: core's messages start lower-case so they
/// can follow a field name, and here each stands alone under its field.
fn sentence(message: String) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => message,
    }
}

/// A copy's name: "Reception printer (copy)", so the two rows can be told apart.
fn copy_of(device: &Device) -> Device {
    let mut copy = device.clone();
    if !copy.name.trim().is_empty() {
        copy.name = tf("ui.cards.copy-name", &[("name", copy.name.trim())]);
    }
    copy
}

#[component]
pub fn DeviceEditor(
    row: Row,
    rows: DeviceRows,
    view: ListView,
    notice: RwSignal<Option<CardsNotice>>,
    /// Every error shows, as when the cards are printed.
    reveal: Signal<bool>,
) -> impl IntoView {
    let Row { key, device, card } = row;
    let update = move |change: &dyn Fn(&mut Device)| device.update(|d| change(d));
    // The fields the reader has left (or changed), whose errors show even when empty.
    let touched = RwSignal::new(Vec::<&'static str>::new());
    let touch = move |field: &'static str| {
        if !touched.with_untracked(|t| t.contains(&field)) {
            touched.update(|t| t.push(field));
        }
    };
    let error_for = move |field: &'static str, value: fn(&Device) -> String| {
        move || {
            let shown = reveal.get()
                || touched.with(|t| t.contains(&field))
                || !value(&device.get()).trim().is_empty();
            match card.get() {
                Err(errors) if shown => errors
                    .iter()
                    .filter(|e: &&FieldError| e.field == field)
                    .map(|e| sentence(e.message(lang())))
                    .next(),
                _ => None,
            }
        }
    };
    let input = move |field: &'static str,
                      label: Signal<String>,
                      get: fn(&Device) -> String,
                      set: fn(&mut Device, String)| {
        let id = format!("device-{key}-{field}");
        let error_id = format!("{id}-error");
        let error = error_for(field, get);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    aria-describedby=error_id.clone()
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || get(&device.get())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        update(&|d| set(d, value.clone()));
                    }
                    on:blur=move |_| touch(field)
                />
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };
    // A label in the row's sender's words ("application" on an application's row).
    let label = move |key: &'static str| {
        Signal::derive(move || text(&for_sender(key, Some(device.get().client))))
    };
    let smart_host_field =
        Memo::new(move |_| device.with(|d| SmartHostField::for_method(&d.method, d.cloud)));
    let smart_host_label = Signal::derive(move || {
        let (key, host) = smart_host_field.get().label_key();
        let key = for_sender(key, Some(device.get().client));
        tf(&key, &[("host", host.unwrap_or_default())])
    });
    let asks_username =
        Memo::new(move |_| device.with(|d| asks_username(&d.method, d.cloud, &d.username)));
    let method_id = format!("device-{key}-method");
    let method_error = error_for("method", |d| d.method.clone());
    let cloud_id = format!("device-{key}-cloud");
    let client_id = format!("device-{key}-client");
    let duplicate = move |_| {
        let copy_key = rows.insert_after(key, copy_of(&device.get_untracked()));
        focus_when_drawn(format!("device-{copy_key}-device"));
    };
    let remove = move |_| {
        if let Some((at, device)) = rows.remove(key) {
            notice.set(Some(CardsNotice::Removed {
                at,
                device: Box::new(device),
            }));
            // The button is gone with its row: the way back takes the focus.
            focus_when_drawn("cards-undo".to_owned());
        }
    };
    // The form folds into its line of the compact list, which takes the focus.
    let collapse = move |_| {
        view.collapse(key);
        focus_when_drawn(line_id(key));
    };
    // The DNS check for this device, naming this card so the check can fill it back.
    let location = leptos_router::hooks::use_location();
    let check_href = move || {
        let at = rows.position(key).unwrap_or_default();
        let pairs = crate::add_to_card::check_pairs(&device.get(), at);
        let updates: Vec<(&str, Option<&str>)> =
            pairs.iter().map(|(k, v)| (*k, Some(v.as_str()))).collect();
        let carried = crate::url_state::carried_query(&location.search.get());
        let query = crate::url_state::query_with_in(&carried, &updates);
        crate::base_path::href(&format!("/check/{query}"))
    };

    view! {
        <article class="device" id=device_id(key) tabindex="-1" aria-label=move || {
            let name = device.get().name;
            if name.trim().is_empty() { text("ui.cards.unnamed") } else { name }
        }>
            <div class="device-fields">
                {input("device", label("ui.cards.name"), |d| d.name.clone(), |d, v| d.name = v)}
                {input("customer", label("ui.cards.customer"), |d| d.customer.clone(), |d, v| d.customer = v)}
                {input("location", label("ui.cards.location"), |d| d.location.clone(), |d, v| d.location = v)}
                {input("model", label("ui.cards.model"), |d| d.model.clone(), |d, v| d.model = v)}
                <div class="field">
                    <label for=method_id.clone()>{t("ui.cards.method")}</label>
                    <select
                        id=method_id
                        prop:value=move || device.get().method
                        aria-describedby=format!("device-{key}-method-error")
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            update(&|d| d.method = value.clone());
                            touch("method");
                        }
                        on:blur=move |_| touch("method")
                    >
                        <option value="">{t("ui.cards.choose-method")}</option>
                        {MethodId::ALL
                            .into_iter()
                            .map(|m| view! { <option value=m.as_str()>{move || text(&m.key("name"))}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error" id=format!("device-{key}-method-error")>{method_error}</p>
                </div>
                <div class="field">
                    <label for=cloud_id.clone()>{t("ui.cards.cloud")}</label>
                    <select
                        id=cloud_id
                        prop:value=move || device.get().cloud.id()
                        on:change=move |ev| {
                            // Only the listed ids can arrive; anything else keeps the cloud.
                            if let Some(cloud) = Cloud::parse(&event_target_value(&ev)) {
                                update(&|d| d.cloud = cloud);
                            }
                        }
                    >
                        {Cloud::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.id()>{move || c.name(lang())}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=client_id.clone()>{t("question.client")}</label>
                    <select
                        id=client_id
                        prop:value=move || device.get().client.id()
                        on:change=move |ev| {
                            // Only the listed ids can arrive; anything else keeps the sender.
                            if let Some(client) = Client::parse(&event_target_value(&ev)) {
                                update(&|d| d.client = client);
                            }
                        }
                    >
                        {[Client::Device, Client::Application]
                            .into_iter()
                            .map(|c| {
                                let key = format!("question.client.{}", c.id());
                                view! { <option value=c.id()>{move || text(&key)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                {input("from", label("ui.cards.from"), |d| d.from.clone(), |d, v| d.from = v)}
                {input("smart-host", smart_host_label, |d| d.smart_host.clone(), |d, v| d.smart_host = v)}
                {move || asks_username.get().then(|| {
                    input("username", label("ui.cards.username"), |d| d.username.clone(), |d, v| d.username = v)
                })}
                {input("ip", label("ui.cards.ip"), |d| d.ip.clone(), |d, v| d.ip = v)}
                <div class="device-buttons">
                    <a class="button-link secondary" href=check_href rel="external">
                        {move || text(&for_sender("ui.cards.check-dns", Some(device.get().client)))}
                    </a>
                    <button type="button" class="secondary" on:click=duplicate>{t("ui.cards.duplicate")}</button>
                    <button type="button" class="secondary" on:click=remove>{t("ui.cards.remove")}</button>
                    <button type="button" class="secondary" aria-controls=device_id(key) aria-expanded="true" on:click=collapse>
                        {t("ui.cards.collapse")}
                    </button>
                </div>
            </div>
            {move || match card.get() {
                Ok(card) => {
                    let guide = MethodId::parse(device.get().method.trim()).and_then(guide_url);
                    view! { <CardView card=card guide=guide /> }.into_any()
                }
                Err(_) => view! { <p class="card-pending">{t("ui.cards.fix-fields")}</p> }.into_any(),
            }}
        </article>
    }
}
