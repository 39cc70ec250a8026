//! The buttons above the list: add a device, print, export, and the print layout. The
//! same before the screen's tools are loaded (super::waiting) and after, so the screen
//! does not move when they arrive.

use super::layout::{LayoutSelect, PrintLayout};
use super::transfer::ExportLinks;
use crate::i18n::t;
use leptos::prelude::*;

/// `scoped`: the print takes only the devices the list's filter shows, which
/// `#print-scope` says.
#[component]
pub fn Toolbar(
    on_add: Callback<()>,
    on_print: Callback<()>,
    scoped: Signal<bool>,
    json: Signal<String>,
    toml: Signal<String>,
    layout: RwSignal<PrintLayout>,
) -> impl IntoView {
    view! {
        <div class="cards-toolbar">
            <button type="button" on:click=move |_| on_add.run(())>{t("ui.cards.add")}</button>
            <button
                type="button"
                class="secondary"
                aria-describedby=move || scoped.get().then_some("print-scope")
                on:click=move |_| on_print.run(())
            >
                {t("ui.cards.print")}
            </button>
            <ExportLinks json toml />
            <LayoutSelect layout />
        </div>
    }
}
