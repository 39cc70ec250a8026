//! Cards: the device inventory (kept in this browser), each device's config card built by
//! core in the device's cloud next to its fields, printing one card per page or several
//! per sheet, and JSON/TOML export and import (the TOML is what the guide generator reads).
//! A row may be an application: its card then says "the application".

use crate::i18n::{lang, t, text};
use crate::storage;
use leptos::prelude::*;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::FieldError;
use smarthost_core::device_card::{build_device_card, cloud_name, device_card_rows, DeviceCard};
use smarthost_core::inventory::{CloudAssumed, Device, ImportError, Imported, Inventory};
use smarthost_core::method::MethodId;
use smarthost_core::plan::{for_sender, Client};
use smarthost_core::qr::encode_svg_path;

const STORAGE_KEY: &str = "smarthost.inventory";
const LAYOUT_KEY: &str = "smarthost.print-layout";

/// How the cards are printed; the print stylesheet keys off the class.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PrintLayout {
    /// One card per A6 landscape page, to stick on the device.
    A6,
    /// Several cards per A4 sheet, to cut out.
    SheetA4,
    /// Several cards per US Letter sheet.
    SheetLetter,
}

impl PrintLayout {
    const ALL: [PrintLayout; 3] = [
        PrintLayout::A6,
        PrintLayout::SheetA4,
        PrintLayout::SheetLetter,
    ];

    fn id(self) -> &'static str {
        match self {
            PrintLayout::A6 => "a6",
            PrintLayout::SheetA4 => "a4",
            PrintLayout::SheetLetter => "letter",
        }
    }

    fn parse(id: &str) -> PrintLayout {
        PrintLayout::ALL
            .into_iter()
            .find(|layout| layout.id() == id)
            .unwrap_or(PrintLayout::A6)
    }
}

fn data_href(mime: &str, body: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(body))
    )
}

/// What the last import did.
#[derive(Clone)]
enum ImportStatus {
    Imported(usize),
    Refused(ImportError),
    Unreadable,
}

impl ImportStatus {
    fn message(&self) -> String {
        match self {
            ImportStatus::Imported(count) => {
                crate::i18n::tf("ui.cards.imported", &[("count", &count.to_string())])
            }
            ImportStatus::Refused(error) => error.message(lang()),
            ImportStatus::Unreadable => text("ui.cards.unreadable"),
        }
    }
}

/// Devices with a stable key each, so editing one never re-creates the others' fields,
/// and a signal each, so typing in one device updates that row alone (the list changes
/// only when a device is added, removed or imported).
type Rows = Vec<(u64, RwSignal<Device>)>;

/// The saved devices, and the notice when they were saved before devices had a cloud.
fn load() -> (Vec<Device>, Option<CloudAssumed>) {
    storage::get(STORAGE_KEY)
        .and_then(|text| Imported::read_json(&text).ok())
        .map(|imported| (imported.inventory.devices, imported.cloud_assumed))
        .unwrap_or_default()
}

fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}

#[component]
pub fn Cards() -> impl IntoView {
    let next_key = StoredValue::new(0u64);
    let keyed = move |devices: Vec<Device>| -> Rows {
        devices
            .into_iter()
            .map(|d| {
                let key = next_key.get_value();
                next_key.set_value(key + 1);
                (key, RwSignal::new(d))
            })
            .collect()
    };
    let (saved, saved_notice) = load();
    let (rows, set_rows) = signal(keyed(saved));
    // Which devices were read as worldwide because their file (or this browser's list)
    // predates the cloud field; worded when shown, so a language switch re-words it.
    let (cloud_notice, set_cloud_notice) = signal(saved_notice);
    // "Add to a device card" from the DNS check: one new device with its values, then
    // the values leave the URL so a reload does not add it twice.
    let query = leptos_router::hooks::use_query_map().get_untracked();
    if query.get("add").as_deref() == Some("1") {
        let value = |key: &str| query.get(key).unwrap_or_default();
        let device = Device {
            domain: value("domain"),
            smart_host: value("smart_host"),
            method: value("method"),
            // The DNS check's cloud, when its link carries one.
            cloud: Cloud::parse(&value("cloud")).unwrap_or_default(),
            ip: value("ip"),
            ..Device::default()
        };
        set_rows.update(|r| r.extend(keyed(vec![device])));
        let navigate = leptos_router::hooks::use_navigate();
        let cleaned = crate::url_state::query_with(&[
            ("add", None),
            ("domain", None),
            ("smart_host", None),
            ("method", None),
            ("cloud", None),
            ("ip", None),
        ]);
        let path = leptos_router::hooks::use_location()
            .pathname
            .get_untracked();
        navigate(
            &format!("{path}{cleaned}"),
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
    // Every change is saved in this browser.
    Effect::new(move |_| {
        let devices: Vec<Device> = rows.get().iter().map(|(_, d)| d.get()).collect();
        storage::set(STORAGE_KEY, &Inventory::new(devices).to_json());
    });

    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        set_rows.update(|r| r.push((key, RwSignal::new(Device::default()))));
    };
    let inventory = move || Inventory::new(rows.get().iter().map(|(_, d)| d.get()).collect());
    let export_json = move || data_href("application/json", &inventory().to_json());
    let export_toml = move || data_href("application/toml", &inventory().to_toml());
    let (import_text, set_import_text) = signal(String::new());
    // Kept as data and worded when shown: a file is read in a task, outside the page's
    // context, and a language switch re-words the message.
    let (import_message, set_import_message) = signal(None::<ImportStatus>);
    let import_from = move |text: &str| match Imported::read(text) {
        Ok(imported) => {
            let count = imported.inventory.devices.len();
            set_rows.set(keyed(imported.inventory.devices));
            set_cloud_notice.set(imported.cloud_assumed);
            set_import_text.set(String::new());
            set_import_message.set(Some(ImportStatus::Imported(count)));
        }
        // A failed import leaves the inventory untouched.
        Err(e) => set_import_message.set(Some(ImportStatus::Refused(e))),
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        import_from(&import_text.get_untracked());
    };
    let import_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::file_input::first_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match crate::file_input::read_text(&file).await {
                Some(text) => import_from(&text),
                None => set_import_message.set(Some(ImportStatus::Unreadable)),
            }
        });
    };
    let (layout, set_layout) = signal(PrintLayout::parse(
        &storage::get(LAYOUT_KEY).unwrap_or_default(),
    ));
    let embedded =
        crate::embed::is_embedded(&leptos_router::hooks::use_location().search.get_untracked());
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    view! {
        <h1 class="screen-only">{t("ui.cards.title")}</h1>
        <p class="lede">{t("ui.cards.lede")}</p>
        <div class="cards-toolbar">
            <button type="button" on:click=add>{t("ui.cards.add")}</button>
            <button type="button" class="secondary" on:click=print>{t("ui.cards.print")}</button>
            <a class="button-link" href=export_json download="smarthost-devices.json">{t("ui.cards.export")}</a>
            <a class="button-link" href=export_toml download="devices.toml">{t("ui.cards.export-toml")}</a>
            <div class="field inline-field">
                <label for="print-layout">{t("ui.cards.layout")}</label>
                <select
                    id="print-layout"
                    prop:value=move || layout.get().id()
                    on:change=move |ev| {
                        let chosen = PrintLayout::parse(&event_target_value(&ev));
                        storage::set(LAYOUT_KEY, chosen.id());
                        set_layout.set(chosen);
                    }
                >
                    {PrintLayout::ALL
                        .into_iter()
                        .map(|l| {
                            let key = format!("ui.cards.layout.{}", l.id());
                            view! { <option value=l.id()>{move || text(&key)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
        {move || cloud_notice.get().map(|notice| view! {
            <p class="notice cloud-notice" role="status">{notice.message(lang())}</p>
        })}
        <Show when=move || rows.get().is_empty()>
            <p class="notice">{t("ui.cards.empty")}</p>
        </Show>
        <ol class=move || format!("device-list print-{}", layout.get().id())>
            <For each=move || rows.get() key=|(key, _)| *key let((key, device))>
                <li><DeviceEditor key=key device=device set_rows=set_rows next_key=next_key /></li>
            </For>
        </ol>
        <details class="import">
            <summary>{t("ui.cards.import")}</summary>
            <form on:submit=import>
                <label for="import-json">{t("ui.cards.import-label")}</label>
                <textarea
                    id="import-json"
                    rows="6"
                    prop:value=import_text
                    on:input=move |ev| set_import_text.set(event_target_value(&ev))
                ></textarea>
                <button type="submit">{t("ui.cards.import-button")}</button>
                <label for="import-file">{t("ui.cards.import-file")}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,.toml,application/json,application/toml,text/plain"
                    on:change=import_file
                />
                <p role="status" class=move || match import_message.get() {
                    Some(ImportStatus::Refused(_) | ImportStatus::Unreadable) => "field-error",
                    _ => "status",
                }>
                    {move || import_message.get().map(|status| status.message())}
                </p>
            </form>
        </details>
        {(!embedded).then(|| view! { <crate::embed::EmbedSnippet /> })}
    }
}

#[component]
fn DeviceEditor(
    key: u64,
    device: RwSignal<Device>,
    set_rows: WriteSignal<Rows>,
    next_key: StoredValue<u64>,
) -> impl IntoView {
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
    let duplicate = move |_| {
        let copy = device.get_untracked();
        let new_key = next_key.get_value();
        next_key.set_value(new_key + 1);
        set_rows.update(|r| {
            let at = r
                .iter()
                .position(|(k, _)| *k == key)
                .map_or(r.len(), |i| i + 1);
            r.insert(at, (new_key, RwSignal::new(copy)));
        });
    };
    let remove = move |_| set_rows.update(|r| r.retain(|(k, _)| *k != key));

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
                            .map(|c| view! { <option value=c.id()>{move || cloud_name(c, lang())}</option> })
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

/// The absolute address of the guide page for `method`, in the page's language: the
/// guides are published beside the app (dist/guide/), so the address follows wherever
/// the app is hosted.
fn guide_url(method: MethodId) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let path = format!("guide/{}", smarthost_core::guide::path_for(method, lang()));
    web_sys::Url::new_with_base(&path, &base)
        .ok()
        .map(|url| url.href())
}

/// A QR code drawn as SVG elements from core's path data (no markup is parsed); when the
/// address is too long for a code, why, in the page's language.
#[component]
fn GuideQr(url: String, label: String) -> impl IntoView {
    match encode_svg_path(&url) {
        Ok(qr) => {
            let side = qr.side.to_string();
            let view_box = format!("0 0 {side} {side}");
            view! {
                <figure class="card-qr">
                    <svg
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=view_box
                        shape-rendering="crispEdges"
                        role="img"
                        aria-label=label
                    >
                        <rect width=side.clone() height=side fill="#fff"></rect>
                        <path fill="#000" d=qr.path></path>
                    </svg>
                    <figcaption>{t("ui.cards.qr-caption")}</figcaption>
                </figure>
            }
            .into_any()
        }
        Err(error) => {
            view! { <p class="card-qr-error">{move || error.message(lang())}</p> }.into_any()
        }
    }
}

/// The printable card: core's rows for the device in its cloud, the same rows the
/// guide's device pages print. Values are rendered as text, never as markup.
#[component]
fn CardView(card: DeviceCard, guide: Option<String>) -> impl IntoView {
    // The card is data; the view that holds it is drawn again when the language
    // changes (it reads the guide's address in that language), so these rows are
    // worded in the page's language.
    let rows = device_card_rows(&card, lang());
    view! {
        <section class="device-card" aria-label=card.card.device.clone()>
            {guide.map(|url| {
                let label = crate::i18n::tf("ui.cards.qr", &[("method", &card.card.method_name(lang()))]);
                view! { <GuideQr url=url.clone() label=label /> }
                    .into_any()
            })}
            <h2>{card.card.device.clone()}</h2>
            <dl>
                {rows
                    .into_iter()
                    .skip(1)
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view()}
            </dl>
        </section>
    }
}
