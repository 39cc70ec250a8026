//! The inventory in and out of the browser: JSON and TOML export (the TOML is what the
//! guide generator reads) and import from pasted text or a file.

use super::rows::DeviceRows;
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::inventory::{ImportError, Imported, Inventory};

fn data_href(mime: &str, body: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(body))
    )
}

/// The two download links, always of the list as it is now.
#[component]
pub fn ExportLinks(rows: DeviceRows) -> impl IntoView {
    let inventory = move || Inventory::new(rows.devices());
    let export_json = move || data_href("application/json", &inventory().to_json());
    let export_toml = move || data_href("application/toml", &inventory().to_toml());
    view! {
        <a class="button-link" href=export_json download="smarthost-devices.json">{t("ui.cards.export")}</a>
        <a class="button-link" href=export_toml download="devices.toml">{t("ui.cards.export-toml")}</a>
    }
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
                tf("ui.cards.imported", &[("count", &count.to_string())])
            }
            ImportStatus::Refused(error) => error.message(lang()),
            ImportStatus::Unreadable => text("ui.cards.unreadable"),
        }
    }
}

/// Import from pasted JSON or TOML, or from a file; `on_import` takes what was read. A
/// failed import leaves the inventory untouched.
#[component]
pub fn ImportForm(on_import: Callback<Imported>) -> impl IntoView {
    let (import_text, set_import_text) = signal(String::new());
    // Kept as data and worded when shown: a file is read in a task, outside the page's
    // context, and a language switch re-words the message.
    let (import_message, set_import_message) = signal(None::<ImportStatus>);
    let import_from = move |text: &str| match Imported::read(text) {
        Ok(imported) => {
            let count = imported.inventory.devices.len();
            on_import.run(imported);
            set_import_text.set(String::new());
            set_import_message.set(Some(ImportStatus::Imported(count)));
        }
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
    view! {
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
    }
}
