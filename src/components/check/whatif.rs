//! What-if: edit the SPF record before publishing it; after a pause in typing it is
//! evaluated against live DNS for everything it references (answers already fetched
//! are reused), with the result for each device IP.

use super::findings::FindingList;
use super::spf_card::{IpResults, RecordText};
use crate::check_run::{self, SharedResolver};
use crate::i18n::{lang, t, tn};
use crate::pages::check::CheckTarget;
use leptos::prelude::*;
use smarthost_core::report::{Report, Section};
use std::time::Duration;

/// Long enough that typing a term does not start a lookup per keystroke.
const PAUSE: Duration = Duration::from_millis(400);

#[component]
pub fn WhatIf(report: Report, target: CheckTarget, resolver: SharedResolver) -> impl IntoView {
    let suggested = report.spf.suggested_record.clone();
    let initial = report
        .spf
        .record
        .clone()
        .or_else(|| suggested.clone())
        .unwrap_or_default();
    let draft = RwSignal::new(initial);
    let result = RwSignal::new(None::<Report>);
    let evaluating = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<leptos::prelude::TimeoutHandle>);
    let generation = StoredValue::new(0_u64);
    let resolver = StoredValue::new_local(resolver);
    let target = StoredValue::new(target);

    let evaluate = move || {
        generation.update_value(|g| *g += 1);
        let this_run = generation.get_value();
        let text = draft.get_untracked();
        let request = target.with_value(|t| t.request(Some(text)));
        let shared = resolver.get_value();
        evaluating.set(true);
        leptos::task::spawn_local(async move {
            let report = check_run::run(&shared, &request, &mut |_| {}).await;
            if generation.get_value() == this_run {
                result.set(Some(report));
                evaluating.set(false);
            }
        });
    };
    let schedule = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(evaluate, PAUSE).ok());
    };
    let use_suggestion = suggested.clone().map(|s| {
        move |_| {
            draft.set(s.clone());
            schedule();
        }
    });

    view! {
        <section class="check-card whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{t("ui.check.whatif")}</h2>
            <p class="help">{t("ui.check.whatif-help")}</p>
            <label for="whatif-draft">{t("ui.check.whatif-label")}</label>
            <textarea
                id="whatif-draft"
                rows="3"
                spellcheck="false"
                prop:value=draft
                on:input=move |ev| {
                    draft.set(event_target_value(&ev));
                    schedule();
                }
            ></textarea>
            {use_suggestion.map(|apply| view! {
                <button type="button" class="secondary" on:click=apply>{t("ui.check.whatif-apply")}</button>
            })}
            <div class="whatif-result" aria-live="polite" data-testid="whatif-result">
                {move || evaluating.get().then(|| view! { <p class="status">{t("ui.check.whatif-evaluating")}</p> })}
                {move || result.get().map(|report| {
                    // Worded in the page's language; a switch re-renders the result.
                    let _language = lang();
                    let findings: Vec<_> = report.findings_in(Section::Spf).cloned().collect();
                    view! {
                        <h3>{t("ui.check.whatif-result")}</h3>
                        <RecordText text=draft.get_untracked() />
                        <p>{tn("ui.check.lookups-total", report.spf.lookups as usize)}</p>
                        <IpResults checks=report.spf.ip_checks.clone() />
                        <FindingList findings=findings />
                    }
                })}
            </div>
        </section>
    }
}
