//! What-if: edit the SPF record before publishing it; after a pause in typing it is
//! evaluated against live DNS for everything it references (answers already fetched
//! are reused), with the result for each device IP. The draft goes into the address
//! (`draft`), so a reload or "Link to this check" brings it back with its evaluation.

use super::demo_tag::DemoTag;
use super::findings::FindingList;
use super::spf_card::{IpResults, RecordText};
use crate::check_run::{self, SharedResolver};
use crate::components::code_block::CodeBlock;
use crate::i18n::{lang, t, tn};
use crate::pages::check::CheckTarget;
use crate::timeout::Timeout;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use smarthost_core::report::{advise, DraftRejected, Report};

/// Long enough that typing a term does not start a lookup per keystroke.
const PAUSE_MS: i32 = 400;

/// The draft evaluated last and its report, shared with the SPF card, whose advice
/// follows it.
#[derive(Clone, Copy)]
pub struct DraftState {
    pub evaluated: RwSignal<Option<(String, Report)>>,
}

impl DraftState {
    pub fn new() -> Self {
        DraftState {
            evaluated: RwSignal::new(None),
        }
    }
}

impl Default for DraftState {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn WhatIf(
    report: Report,
    target: CheckTarget,
    resolver: SharedResolver,
    state: DraftState,
    /// The draft the link carries, or why it was not used.
    linked: Option<Result<String, DraftRejected>>,
) -> impl IntoView {
    let suggested = report.spf.suggested_record.clone();
    let published = report.spf.record.clone();
    let from_link = linked.clone().and_then(Result::ok);
    let rejected = linked.and_then(Result::err);
    let initial = from_link
        .clone()
        .or_else(|| published.clone())
        .or_else(|| suggested.clone())
        .unwrap_or_default();
    let draft = RwSignal::new(initial);
    let evaluating = RwSignal::new(false);
    let timer = StoredValue::new_local(None::<Timeout>);
    let generation = StoredValue::new(0_u64);
    let resolver = StoredValue::new_local(resolver);
    let target = StoredValue::new(target);
    let published_report = StoredValue::new(report);
    // A new check's editor starts afresh: the card follows no draft of the check before.
    state.evaluated.set(None);
    let navigate = use_navigate();

    let evaluate = move || {
        generation.update_value(|g| *g += 1);
        let this_run = generation.get_value();
        let text = draft.get_untracked();
        let request = target.with_value(|t| t.request(Some(text.clone())));
        let shared = resolver.get_value();
        let navigate = navigate.clone();
        let published = published.clone();
        evaluating.set(true);
        leptos::task::spawn_local(async move {
            let report = check_run::run(&shared, &request, &mut |_| {}).await;
            if generation.get_value() == this_run {
                // The address keeps the draft once it differs from what is published,
                // replacing the entry so Back leaves the check rather than each edit.
                let kept = (published.as_deref() != Some(text.as_str())).then_some(text.as_str());
                let options = NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                };
                navigate(&query_with(&[("draft", kept)]), options);
                state.evaluated.set(Some((text, report)));
                evaluating.set(false);
            }
        });
    };
    let schedule = {
        let evaluate = evaluate.clone();
        move || {
            // The pause starts again: replacing the timer clears the one before.
            timer.set_value(Some(Timeout::start(PAUSE_MS, evaluate.clone())));
        }
    };
    // A linked draft is evaluated at once, as if it had just been typed.
    if from_link.is_some() {
        evaluate();
    }
    let use_suggestion = suggested.clone().map(|s| {
        let schedule = schedule.clone();
        move |_| {
            draft.set(s.clone());
            schedule();
        }
    });

    view! {
        <section class="check-card whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{t("ui.check.whatif")}</h2>
            <p class="help">{t("ui.check.whatif-help")}</p>
            {rejected.map(|why| view! {
                <p class="notice draft-rejected" role="alert" data-testid="draft-rejected">{move || why.message(lang())}</p>
            })}
            <label for="whatif-draft">{t("ui.check.whatif-label")}</label> <DemoTag />
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
                {move || state.evaluated.get().map(|(text, report)| {
                    // Worded in the page's language; a switch re-renders the result.
                    let _language = lang();
                    let advice = published_report.with_value(|published| advise(published, &report, &text));
                    view! {
                        <h3>{t("ui.check.whatif-result")}</h3>
                        <RecordText text=text />
                        <p>{tn("ui.check.lookups-total", report.spf.lookups as usize)}</p>
                        <IpResults checks=report.spf.ip_checks.clone() />
                        <FindingList findings=advice.findings />
                        {advice.publish.map(|record| view! {
                            <div class="draft-publish" data-testid="draft-publish">
                                <h3>{t("ui.check.draft-publish")} <DemoTag /></h3>
                                <CodeBlock code=record />
                            </div>
                        })}
                    }
                })}
            </div>
        </section>
    }
}
