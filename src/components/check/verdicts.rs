//! The answer per device, above the sections: one line per device IP and method, its
//! outcome in words (never colour alone) and links to the sections that decided it.

use crate::i18n::{lang, text, tf};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use smarthost_core::report::{DeviceVerdict, Section};

#[component]
pub fn DeviceVerdicts(verdicts: Vec<DeviceVerdict>) -> impl IntoView {
    let location = use_location();
    (!verdicts.is_empty()).then(|| {
        // Links keep the page's path and query, so following one only scrolls; the router
        // is told to leave them to the browser (rel="external"), which moves to the
        // fragment without running the check again.
        let here = move || {
            // Tracked so the links follow the address; the browser's own path is used
            // because the router's is relative to the app's base.
            let _ = location.search.get();
            crate::url_state::page_address()
        };
        let items = verdicts
            .into_iter()
            .map(|verdict| {
                let outcome = verdict.outcome.as_str();
                let badge = format!("ui.verdict.outcome.{outcome}");
                let links: Vec<Section> = if verdict.unknown.is_empty() {
                    verdict.deciding.clone()
                } else {
                    verdict.unknown.clone()
                };
                let stored = StoredValue::new(verdict.clone());
                view! {
                    <li class=format!("device-verdict {outcome}") data-outcome=outcome data-case=verdict.case.as_str() data-ip=verdict.ip.clone()>
                        <span class=format!("status-badge {outcome}")>{move || text(&badge)}</span>
                        " "
                        <span class="verdict-line">{move || stored.with_value(|v| v.line(lang()))}</span>
                        " "
                        {links.into_iter().map(|section| {
                            let name = section.as_str();
                            let href = move || format!("{}#{name}-card-heading", here());
                            view! {
                                <a class="verdict-link" data-section=name href=href rel="external">
                                    {move || tf("ui.check.verdict-see", &[("section", section.short_name())])}
                                </a>
                                " "
                            }
                        }).collect_view()}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="verdicts" aria-labelledby="verdicts-heading" data-testid="verdicts">
                <h2 id="verdicts-heading">{move || text("ui.check.verdicts")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
