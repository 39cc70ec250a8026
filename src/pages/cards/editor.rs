//! One device's row: its fields, with core's errors under them, and its card (or what
//! to fix first) beside them.

use super::card_view::{guide_url, CardView};
use super::rows::DeviceRows;
use crate::i18n::{lang, t, text};
use leptos::prelude::*;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::device_card::build_device_card;
use smarthost_core::inventory::Device;
use smarthost_core::method::MethodId;
use smarthost_core::plan::{for_sender, Client};

/// Today's date (UTC, as the browser's clock gives it), the card's date line.
pub(super) fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}

#[component]
pub fn DeviceEditor(key: u64, device: RwSignal<Device>, rows: DeviceRows) -> impl IntoView {
    let update = move |change: &dyn Fn(&mut Device)| device.update(|d| change(d));
    let card = Memo::new(move |_| build_device_card(&device.get(), &today()));
    let error_for = move |field: &'static str| {
        move || match card.get() {
            Err(errors) => errors
                .iter()
                .filter(|e: &&FieldError| e.field == field)
                .map(|e| e.message(lang()))
                .next(),
            Ok(_) => None,
        }
    };
    let input = move |field: &'static str,
                      label: &'static str,
                      get: fn(&Device) -> String,
                      set: fn(&mut Device, String)| {
        let id = format!("device-{key}-{field}");
        let error_id = format!("{id}-error");
        let error = error_for(field);
        view! {
            <div class="field">
                // The name field says "application" on an application's row.
                <label for=id.clone()>{move || text(&for_sender(label, Some(device.get().client)))}</label>
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
                />
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };
    let method_id = format!("device-{key}-method");
    let method_error = error_for("method");
    let cloud_id = format!("device-{key}-cloud");
    let client_id = format!("device-{key}-client");
    let duplicate = move |_| rows.insert_after(key, device.get_untracked());
    let remove = move |_| rows.remove(key);

    view! {
        <article class="device" aria-label=move || {
            let name = device.get().name;
            if name.trim().is_empty() { text("ui.cards.unnamed") } else { name }
        }>
            <div class="device-fields">
                {input("device", "ui.cards.name", |d| d.name.clone(), |d, v| d.name = v)}
                {input("location", "ui.cards.location", |d| d.location.clone(), |d, v| d.location = v)}
                {input("model", "ui.cards.model", |d| d.model.clone(), |d, v| d.model = v)}
                <div class="field">
                    <label for=method_id.clone()>{t("ui.cards.method")}</label>
                    <select
                        id=method_id
                        prop:value=move || device.get().method
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            update(&|d| d.method = value.clone());
                        }
                    >
                        <option value="">{t("ui.cards.choose-method")}</option>
                        {MethodId::ALL
                            .into_iter()
                            .map(|m| view! { <option value=m.as_str()>{move || text(&m.key("name"))}</option> })
                            .collect_view()}
                    </select>
                    <p class="field-error">{method_error}</p>
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
                {input("from", "ui.cards.from", |d| d.from.clone(), |d, v| d.from = v)}
                {input("smart-host", "ui.cards.smart-host", |d| d.smart_host.clone(), |d, v| d.smart_host = v)}
                {input("ip", "ui.cards.ip", |d| d.ip.clone(), |d, v| d.ip = v)}
                <div class="device-buttons">
                    <button type="button" class="secondary" on:click=duplicate>{t("ui.cards.duplicate")}</button>
                    <button type="button" class="secondary" on:click=remove>{t("ui.cards.remove")}</button>
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
