//! Cards: the device inventory (kept in this browser), each device's config card built by
//! core in the device's cloud next to its fields, printing one card per page or several
//! per sheet, and JSON/TOML export and import (the TOML is what the guide generator reads).
//! A row may be an application: its card then says "the application".
//!
//! The screen opens empty ([`waiting`]) and its tools ([`workspace`]) are a module of
//! their own (crate::later), fetched when there is a list to show or the reader first
//! adds a device, prints or imports: a first visit loads no more than the empty screen.
//!
//! By concern: [`rows`] holds the list, [`list_view`] what of it shows (a search, a
//! customer, collapsed forms) and [`device_table`] the compact list at the top,
//! [`editor`] draws a device's form and [`card_view`] its card, [`transfer`] exports and
//! imports, [`toolbar`] holds the buttons above the list, [`layout`] sets printing,
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
mod toolbar;
mod transfer;
mod waiting;
mod workspace;

use crate::i18n::t;
use crate::later::{Unavailable, UnavailableNotice};
use layout::PrintLayout;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use waiting::{Start, Waiting};

#[component]
pub fn Cards() -> impl IntoView {
    let layout = RwSignal::new(PrintLayout::saved());
    // A list saved in this browser, or a link's device to take in: the tools load at once.
    let query = use_query_map().get_untracked();
    let link = crate::add_to_card::AddLink::read(|key| query.get(key));
    let opened = (link.is_some() || rows::is_saved()).then_some(Start::Open(link));
    // Every action asked for before the tools are here, which they carry out in turn.
    let asked = RwSignal::new(opened.into_iter().collect::<Vec<_>>());
    let started = Memo::new(move |_| asked.with(|asked| !asked.is_empty()));
    let attempt = RwSignal::new(0_u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let embedded = crate::embed::is_embedded(&use_location().search.get_untracked());
    let screen = move || {
        attempt.track();
        if !started.get() {
            return view! { <Waiting asked layout draft=String::new() /> }.into_any();
        }
        let tools = Suspend::new(async move {
            match workspace::tools(asked, layout).await {
                Ok(view) => view,
                // Nothing the reader asked for is lost: the empty screen keeps what
                // the import box held, and the saved list stays saved.
                Err(Unavailable) => {
                    let draft = asked.with_untracked(|asked| waiting::draft_of(asked));
                    view! {
                        <UnavailableNotice retry />
                        {draft.map(|draft| view! { <Waiting asked layout draft after=retry /> })}
                    }
                    .into_any()
                }
            }
        });
        view! {
            <Suspense fallback=move || {
                asked
                    .with_untracked(|asked| waiting::draft_of(asked))
                    .map(|draft| view! { <Waiting asked layout draft /> })
            }>{tools}</Suspense>
        }
        .into_any()
    };

    view! {
        <h1 class="screen-only">{t("ui.cards.title")}</h1>
        <p class="lede">{t("ui.cards.lede")}</p>
        {screen}
        {(!embedded).then(|| view! { <crate::embed::EmbedSnippet /> })}
    }
}
