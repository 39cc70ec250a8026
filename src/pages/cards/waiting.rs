//! The screen before its tools are loaded: what a first visit, with no list saved, sees
//! (and what the build prerenders). The tools (the device forms, the cards and their QR
//! codes, printing, the import and export) are a module of their own (crate::later,
//! super::workspace), fetched when there is a list to show or when the reader first adds
//! a device, prints or imports; this view looks as the tools' empty screen does, so
//! nothing moves when they take its place.

use super::layout::PrintLayout;
use super::toolbar::Toolbar;
use super::transfer::{FirstImport, ImportFields};
use crate::add_to_card::AddLink;
use crate::i18n::t;
use leptos::prelude::*;
use smarthost_core::inventory::{EMPTY_JSON, EMPTY_TOML};

/// What brings the tools in, and what they do first.
#[derive(Clone, Debug)]
pub enum Start {
    /// Show the list saved in this browser, with the device of a link from the DNS check
    /// or the planner taken in, when there is one.
    Open(Option<AddLink>),
    Add,
    Print,
    Import(FirstImport),
}

impl Start {
    /// What the import box held when the reader asked: kept on the empty screen shown
    /// while the tools load or when they could not be fetched. `None` when there is a
    /// list to show: the empty screen would say that there is none.
    pub fn draft(&self) -> Option<String> {
        match self {
            Start::Open(_) => None,
            Start::Import(FirstImport::Text(text)) => Some(text.clone()),
            Start::Add | Start::Print | Start::Import(FirstImport::Unreadable) => {
                Some(String::new())
            }
        }
    }
}

/// What the empty screen shows while the tools of `asked` load: the last action's draft
/// (none when a list is to be shown).
pub fn draft_of(asked: &[Start]) -> Option<String> {
    asked.last().and_then(Start::draft)
}

/// The empty screen; its buttons add to `asked`, every action the tools will carry out
/// in turn (a second "Add a device" while they load adds a second device), then run
/// `after` (a retry where the tools could not be fetched). `draft` is the import box's
/// text.
#[component]
pub fn Waiting(
    asked: RwSignal<Vec<Start>>,
    layout: RwSignal<PrintLayout>,
    draft: String,
    #[prop(optional)] after: Option<Callback<()>>,
) -> impl IntoView {
    let push = move |action: Start| {
        asked.update(|asked| asked.push(action));
        if let Some(after) = after {
            after.run(());
        }
    };
    let ask = move |action: Start| Callback::new(move |()| push(action.clone()));
    let text = RwSignal::new(draft);
    let on_import = Callback::new(move |()| {
        let typed = text.get_untracked();
        push(Start::Import(FirstImport::Text(typed)));
    });
    let on_file = Callback::new(move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let first = match crate::file_input::read_text(&file).await {
                Some(text) => FirstImport::Text(text),
                None => FirstImport::Unreadable,
            };
            push(Start::Import(first));
        });
    });
    view! {
        <Toolbar
            on_add=ask(Start::Add)
            on_print=ask(Start::Print)
            scoped=Signal::stored(false)
            json=Signal::stored(EMPTY_JSON.to_owned())
            toml=Signal::stored(EMPTY_TOML.to_owned())
            layout
        />
        <div class="cards-status screen-only">
            <p id="cards-status" tabindex="-1" role="status"></p>
        </div>
        <p class="notice">{t("ui.cards.empty")}</p>
        <ol class="device-list"></ol>
        <details class="import" open=text.with_untracked(|t| !t.is_empty())>
            <summary>{t("ui.cards.import")}</summary>
            <ImportFields text on_import on_file />
            <div class="import-result">
                <p id="import-status" tabindex="-1" role="status" class="status"></p>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::{FirstImport, Start};

    #[test]
    fn the_empty_screen_keeps_the_import_box_and_never_stands_in_for_a_saved_list() {
        let pasted = Start::Import(FirstImport::Text("{\"devices\": []}".to_owned()));
        assert_eq!(pasted.draft().as_deref(), Some("{\"devices\": []}"));
        assert_eq!(Start::Add.draft().as_deref(), Some(""));
        assert_eq!(Start::Print.draft().as_deref(), Some(""));
        assert_eq!(
            Start::Import(FirstImport::Unreadable).draft().as_deref(),
            Some("")
        );
        assert_eq!(Start::Open(None).draft(), None);
        // While the tools load, the last action asked for decides.
        assert_eq!(super::draft_of(&[]), None);
        assert_eq!(
            super::draft_of(&[Start::Add, pasted]).as_deref(),
            Some("{\"devices\": []}")
        );
        assert_eq!(
            super::draft_of(&[Start::Open(None), Start::Add]).as_deref(),
            Some("")
        );
    }
}
