//! What a running check is doing: the look-ups in flight and how many are answered.

use crate::check_run::Progress;
use crate::i18n::{t, tf, tn};
use leptos::prelude::*;

#[component]
pub fn RunProgress(progress: Progress) -> impl IntoView {
    view! {
        <div class="run-progress" data-testid="check-progress">
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
