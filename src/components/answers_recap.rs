//! The legend of the verdicts and their pills, as the ranking and Compare show them.

use crate::i18n::{t, text};
use leptos::prelude::*;
use smarthost_core::plan::Verdict;

#[component]
pub fn VerdictLegend() -> impl IntoView {
    view! {
        <section class="verdict-legend" aria-labelledby="legend-heading">
            <h3 id="legend-heading">{t("ui.plan.legend-title")}</h3>
            <dl>
                {[Verdict::Recommended, Verdict::Possible, Verdict::NotPossible]
                    .iter()
                    .map(|verdict| {
                        let id = verdict.as_str();
                        view! {
                            <div data-verdict=id>
                                <dt><VerdictPill verdict=*verdict /></dt>
                                <dd>{move || text(&format!("ui.plan.legend.{id}"))}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// A verdict's pill, as the ranking, the legend and Compare's column heads show it.
#[component]
pub fn VerdictPill(verdict: Verdict) -> impl IntoView {
    let id = verdict.as_str();
    view! { <span class=format!("verdict {id}")>{move || text(&format!("ui.plan.verdict.{id}"))}</span> }
}
