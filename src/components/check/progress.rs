//! What a running check is doing: the lookups in flight and how many are answered.

use crate::check_run::Progress;
use crate::doh::{seconds, REQUEST_TIMEOUT_MS, RUN_DEADLINE_MS};
use crate::i18n::{t, tf, tn};
use leptos::prelude::*;

#[component]
pub fn RunProgress(
    progress: Progress,
    /// The resolver hosts asked; `None` when the answers come from this page.
    waiting_for: Option<String>,
) -> impl IntoView {
    // What is waited for and for how long at most, so a silent resolver is no mystery.
    let bounds = waiting_for.map(|resolver| {
        move || {
            tf(
                "ui.check.waiting-for",
                &[
                    ("resolver", &resolver),
                    ("request", &seconds(REQUEST_TIMEOUT_MS)),
                    ("total", &seconds(RUN_DEADLINE_MS)),
                ],
            )
        }
    });
    view! {
        <div class="run-progress" data-testid="check-progress">
            {bounds.map(|bounds| view! { <p data-testid="waiting-for">{bounds}</p> })}
            <p>
                {move || {
                    let names = progress.in_flight.get();
                    if names.is_empty() {
                        t("ui.check.waiting")()
                    } else {
                        tf("ui.check.in-flight", &[("names", &names.join(", "))])
                    }
                }}
            </p>
            <p>{move || tn("ui.check.done-count", progress.done.get() as usize)}</p>
        </div>
    }
}
