//! "Words used here": the terms an admin may not know (tenant, smart host, connector,
//! relay, mail user), explained once on the planner from the same catalog keys the
//! guides' `{{ terms }}` list uses (core `terms::EXPLAINED`).

use crate::i18n::{t, text};
use leptos::prelude::*;
use smarthost_core::terms::{explain_key, name_key, EXPLAINED};

#[component]
pub fn TermsList() -> impl IntoView {
    view! {
        <details class="terms">
            <summary>{t("ui.plan.terms")}</summary>
            <dl>
                {EXPLAINED
                    .iter()
                    .map(|id| {
                        let id = *id;
                        view! {
                            <dt id=format!("term-{id}")>{move || text(&name_key(id))}</dt>
                            <dd>{move || text(&explain_key(id))}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
        </details>
    }
}
