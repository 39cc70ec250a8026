//! The inventory in and out of the browser: JSON and TOML export (the TOML is what the
//! guide generator reads) and import from pasted text or a file. An import into a list
//! that has devices asks first: add to the list or replace it, naming what each choice
//! leaves out (core's `combine`), and an import can be undone.

use super::focus::focus_when_drawn;
use super::rows::DeviceRows;
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::inventory::{
    combine, unknown_methods, CloudAssumed, Device, Dropped, ImportError, ImportMode, Imported,
    Inventory, UnknownMethod,
};

/// The exported files' names: one stem, so the two downloads read as one inventory.
pub const EXPORT_JSON: &str = "smarthost-devices.json";
pub const EXPORT_TOML: &str = "smarthost-devices.toml";

fn data_href(mime: &str, body: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(body))
    )
}

/// The two downloads of `rows` as it is now: its JSON and its TOML (reactive).
pub fn exports_of(rows: DeviceRows) -> (Signal<String>, Signal<String>) {
    let inventory = move || Inventory::new(rows.devices());
    (
        Signal::derive(move || inventory().to_json()),
        Signal::derive(move || inventory().to_toml()),
    )
}

/// The two download links, of `json` and `toml` as they are now.
#[component]
pub fn ExportLinks(json: Signal<String>, toml: Signal<String>) -> impl IntoView {
    let export_json = move || data_href("application/json", &json.get());
    let export_toml = move || data_href("application/toml", &toml.get());
    view! {
        <a class="button-link" href=export_json download=EXPORT_JSON>{t("ui.cards.export")}</a>
        <a class="button-link" href=export_toml download=EXPORT_TOML>{t("ui.cards.export-toml")}</a>
    }
}

/// An import asked for on the empty screen, before the tools were loaded
/// (super::waiting): the tools carry it out when they arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FirstImport {
    /// Pasted, or read from the chosen file.
    Text(String),
    /// The chosen file could not be read.
    Unreadable,
}

/// The import's text box, its button and its file picker, the same before the tools are
/// loaded and after: `text` is what is typed, `on_import` runs on submit and `on_file`
/// with the chosen file.
#[component]
pub fn ImportFields(
    text: RwSignal<String>,
    on_import: Callback<()>,
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_import.run(());
    };
    let file = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::file_input::first_file(&ev) {
            on_file.run(file);
        }
    };
    view! {
        <form on:submit=submit>
            <label for="import-json">{t("ui.cards.import-label")}</label>
            <textarea
                id="import-json"
                rows="6"
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <button type="submit">{t("ui.cards.import-button")}</button>
            <label for="import-file">{t("ui.cards.import-file")}</label>
            <input
                id="import-file"
                type="file"
                accept=".json,.toml,application/json,application/toml,text/plain"
                on:change=file
            />
        </form>
    }
}

/// What the last import did.
#[derive(Clone)]
enum ImportStatus {
    Done {
        mode: ImportMode,
        /// Nothing was asked: the list was empty.
        into_empty: bool,
        imported: usize,
        total: usize,
        dropped: Vec<Dropped>,
        unknown: Vec<UnknownMethod>,
    },
    Cancelled,
    Undone(usize),
    Refused(ImportError),
    Unreadable,
}

impl ImportStatus {
    fn message(&self) -> String {
        match self {
            ImportStatus::Done {
                into_empty: true,
                imported,
                ..
            } => tf("ui.cards.imported", &[("count", &imported.to_string())]),
            ImportStatus::Done {
                mode: ImportMode::Add,
                imported,
                total,
                ..
            } => tf(
                "ui.cards.imported-added",
                &[
                    ("count", &imported.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            ImportStatus::Done { imported, .. } => tf(
                "ui.cards.imported-replaced",
                &[("count", &imported.to_string())],
            ),
            ImportStatus::Cancelled => text("ui.cards.import-cancelled"),
            ImportStatus::Undone(count) => {
                tf("ui.cards.import-undone", &[("count", &count.to_string())])
            }
            ImportStatus::Refused(error) => error.message(lang()),
            ImportStatus::Unreadable => text("ui.cards.unreadable"),
        }
    }

    fn is_error(&self) -> bool {
        matches!(self, ImportStatus::Refused(_) | ImportStatus::Unreadable)
    }
}

/// A list of lines under a heading key, or nothing when there are none.
fn named_list(heading: &'static str, lines: Vec<String>) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <p class="import-list-heading">{t(heading)}</p>
            <ul class="import-list">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    })
}

/// Import from pasted JSON or TOML, or from a file, into `rows`; `set_cloud_notice` takes
/// the notice about devices read as worldwide. A failed import leaves the list untouched.
/// `first` is the import asked for before the tools were loaded, carried out at once.
#[component]
pub fn ImportForm(
    rows: DeviceRows,
    set_cloud_notice: WriteSignal<Option<CloudAssumed>>,
    first: Option<FirstImport>,
) -> impl IntoView {
    let opened = first.is_some();
    let import_text = RwSignal::new(String::new());
    // Kept as data and worded when shown: a file is read in a task, outside the page's
    // context, and a language switch re-words the message.
    let (import_message, set_import_message) = signal(None::<ImportStatus>);
    // A file read into a list that has devices, waiting for the reader's choice.
    let (pending, set_pending) = signal(None::<Imported>);
    // The list before the last import, for Undo.
    let (before_import, set_before_import) = signal(None::<Vec<Device>>);

    let apply = move |imported: Imported, mode: ImportMode| {
        let previous = rows.devices_untracked();
        let incoming = &imported.inventory.devices;
        let outcome = combine(&previous, incoming, mode);
        let status = ImportStatus::Done {
            mode,
            into_empty: previous.is_empty(),
            imported: outcome.imported,
            total: outcome.devices.len(),
            dropped: outcome.dropped,
            unknown: unknown_methods(incoming),
        };
        rows.replace(outcome.devices);
        set_cloud_notice.set(imported.cloud_assumed);
        set_pending.set(None);
        import_text.set(String::new());
        set_before_import.set(Some(previous));
        set_import_message.set(Some(status));
        focus_when_drawn("import-status".to_owned());
    };
    let import_from = move |text: &str| match Imported::read(text) {
        Ok(imported) if rows.devices_untracked().is_empty() => apply(imported, ImportMode::Replace),
        Ok(imported) => {
            set_pending.set(Some(imported));
            set_import_message.set(None);
            focus_when_drawn("import-choice-heading".to_owned());
        }
        Err(e) => set_import_message.set(Some(ImportStatus::Refused(e))),
    };
    let import = Callback::new(move |()| import_from(&import_text.get_untracked()));
    let import_file = Callback::new(move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            match crate::file_input::read_text(&file).await {
                Some(text) => import_from(&text),
                None => set_import_message.set(Some(ImportStatus::Unreadable)),
            }
        });
    });
    match first {
        Some(FirstImport::Text(text)) => import_from(&text),
        Some(FirstImport::Unreadable) => set_import_message.set(Some(ImportStatus::Unreadable)),
        None => {}
    }
    let choose = move |mode: ImportMode| {
        if let Some(imported) = pending.get_untracked() {
            apply(imported, mode);
        }
    };
    let cancel = move |_| {
        set_pending.set(None);
        set_import_message.set(Some(ImportStatus::Cancelled));
        focus_when_drawn("import-status".to_owned());
    };
    let undo = move |_| {
        if let Some(previous) = before_import.get_untracked() {
            let count = previous.len();
            rows.replace(previous);
            set_cloud_notice.set(None);
            set_before_import.set(None);
            set_import_message.set(Some(ImportStatus::Undone(count)));
            focus_when_drawn("import-status".to_owned());
        }
    };

    // The choice, with what each way leaves out, for the list as it is now.
    let choice = move || {
        pending.get().map(|imported| {
            let current = rows.devices();
            let incoming = imported.inventory.devices;
            let option = |mode: ImportMode, label: &'static str, drops: &'static str| {
                let outcome = combine(&current, &incoming, mode);
                let counts = [
                    ("current", current.len().to_string()),
                    ("total", outcome.devices.len().to_string()),
                ];
                let counts: Vec<(&str, &str)> =
                    counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let label = tf(label, &counts);
                let lines = outcome.dropped.iter().map(|d| d.message(lang())).collect();
                view! {
                    <div class="import-option">
                        <button type="button" on:click=move |_| choose(mode)>{label}</button>
                        {named_list(drops, lines)}
                    </div>
                }
            };
            let unknown: Vec<String> = unknown_methods(&incoming)
                .iter()
                .map(|u| u.message(lang()))
                .collect();
            let heading = tf(
                "ui.cards.import-choose",
                &[
                    ("count", &incoming.len().to_string()),
                    ("current", &current.len().to_string()),
                ],
            );
            view! {
                <div class="import-choice" role="group" aria-labelledby="import-choice-heading">
                    <p id="import-choice-heading" tabindex="-1">{heading}</p>
                    {named_list("ui.cards.import-check", unknown)}
                    {option(ImportMode::Add, "ui.cards.import-add", "ui.cards.import-add-drops")}
                    {option(ImportMode::Replace, "ui.cards.import-replace", "ui.cards.import-replace-drops")}
                    <button type="button" class="secondary" on:click=cancel>{t("ui.cards.import-cancel")}</button>
                </div>
            }
        })
    };
    // Under the status line: what was left out, what to check, and Undo.
    let details = move || match import_message.get() {
        Some(ImportStatus::Done {
            dropped, unknown, ..
        }) => {
            let dropped = dropped.iter().map(|d| d.message(lang())).collect();
            let unknown = unknown.iter().map(|u| u.message(lang())).collect();
            Some(view! {
                {named_list("ui.cards.import-left-out", dropped)}
                {named_list("ui.cards.import-check", unknown)}
            })
        }
        _ => None,
    };

    view! {
        <details class="import" open=opened>
            <summary>{t("ui.cards.import")}</summary>
            <ImportFields text=import_text on_import=import on_file=import_file />
            {choice}
            <div class="import-result">
                <p id="import-status" tabindex="-1" role="status" class=move || {
                    if import_message.get().is_some_and(|s| s.is_error()) { "field-error" } else { "status" }
                }>
                    {move || import_message.get().map(|status| status.message())}
                </p>
                {details}
                <Show when=move || before_import.get().is_some()>
                    <button type="button" class="secondary" on:click=undo>{t("ui.cards.undo-import")}</button>
                </Show>
            </div>
        </details>
    }
}
