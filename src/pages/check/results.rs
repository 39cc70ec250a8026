//! What the check page shows of a run: its progress, the result cards as the sections
//! come in, and, once done, the what-if editor, paste mode and the links to share.

use super::inputs::{CheckTarget, InputError};
use super::link::{add_to_card_href, check_link};
use super::run::{CheckRun, RunState};
use crate::components::check::{
    demo_tag::DemoBanner,
    dkim_card::DkimCard,
    dmarc_card::DmarcCard,
    findings::FindingList,
    mx_card::MxCard,
    paste::{PasteRecords, PasteState, Pasted},
    progress::RunProgress,
    spf_card::SpfCard,
    verdicts::DeviceVerdicts,
    whatif::{DraftState, WhatIf},
    SettingsLink,
};
use crate::components::code_block::CodeBlock;
use crate::doh::AppResolver;
use crate::i18n::{lang, t};
use crate::later::{Unavailable, UnavailableNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use smarthost_core::report::{draft_from_link, Finding, Stage};

/// What the page shows of a run once one has started, and what it is drawn from.
#[derive(Clone, Copy)]
pub struct Shown {
    pub run: CheckRun,
    pub target: Memo<Option<Result<CheckTarget, InputError>>>,
    pub pasted: PasteState,
    pub url_method: Memo<String>,
    pub url_ips: Memo<String>,
    pub url_draft: Memo<Option<String>>,
    pub draft: DraftState,
}

/// The status, the cards and the next steps, drawn by the run's module (crate::later):
/// a visit that only looks at the form never loads them.
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(check_results, fallible, wasm_split_path = ::leptos::wasm_split)]
fn shown_view(shown: Shown) -> Result<AnyView, Unavailable> {
    // The results' English comes with this module (crates/core/messages/later.txt).
    smarthost_core::i18n::install_later_texts();
    let Shown {
        run,
        target,
        pasted,
        url_method,
        url_ips,
        url_draft,
        draft,
    } = shown;
    Ok(view! {
        <RunStatus run />
        <ReportCards run draft />
        <Finished run target pasted url_method url_ips url_draft draft />
    }
    .into_any())
}

/// What the check found about the device addresses, drawn under their field by the run's
/// module; the form itself is in the page's first load.
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(check_results, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn findings_view(findings: Vec<Finding>) -> Result<AnyView, Unavailable> {
    smarthost_core::i18n::install_later_texts();
    Ok(view! { <FindingList findings /> }.into_any())
}

/// Everything below the form once a check has started, or the notice that its module
/// could not be fetched, with a retry that asks again.
#[component]
pub fn AfterStart(shown: Shown) -> impl IntoView {
    let run = shown.run;
    let started = Memo::new(move |_| !matches!(run.state.get(), RunState::Idle));
    let unavailable = Memo::new(move |_| matches!(run.state.get(), RunState::Unavailable));
    let attempt = RwSignal::new(0_u32);
    let retry = Callback::new(move |()| {
        if unavailable.get_untracked() {
            if let Some(Ok(target)) = shown.target.get_untracked() {
                let pasted = shown.pasted.for_run(&target.domain);
                run.start(target, pasted);
            }
        }
        attempt.update(|n| *n += 1);
    });
    let parts = move || {
        attempt.track();
        started.get().then(|| {
            Suspend::new(async move {
                match shown_view(shown).await {
                    Ok(view) => view,
                    // The run's own notice says it when the run could not start either.
                    Err(Unavailable) => (move || {
                        (!unavailable.get()).then(|| view! { <UnavailableNotice retry /> })
                    })
                    .into_any(),
                }
            })
        })
    };
    view! {
        {parts}
        {move || unavailable.get().then(|| view! { <UnavailableNotice retry /> })}
    }
}

/// The run's progress or its cancellation, and why nothing could be asked.
#[component]
fn RunStatus(run: CheckRun) -> impl IntoView {
    view! {
        <div class="check-status" role="status">
            {move || match run.state.get() {
                RunState::Running(_) => view! {
                    <RunProgress progress=run.progress waiting_for=run.waiting_for.get() />
                    // Offered at once: on a network that drops DoH, waiting does not help.
                    {run.waiting_for.get().is_some().then(|| view! {
                        <button type="button" class="secondary" data-testid="paste-instead" on:click=move |_| run.cancel()>
                            {t("ui.check.paste-instead")}
                        </button>
                    })}
                }
                .into_any(),
                RunState::Cancelled => view! {
                    <p class="notice">{t("ui.check.cancelled")} " " <SettingsLink /></p>
                }
                .into_any(),
                _ => ().into_any(),
            }}
        </div>
        {move || match run.state.get() {
            RunState::NoResolver(error) => view! {
                <div class="result could-not-check" data-testid="mx-result" data-status="could-not-check">
                    <h2>{t("ui.mx.could-not-check")}</h2>
                    <p>{move || error.message(lang())}</p>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        }}
    }
}

/// The result cards of the report so far, each pending until its section is in.
#[component]
fn ReportCards(run: CheckRun, draft: DraftState) -> impl IntoView {
    move || {
        run.report().map(|report| {
            // When no resolver answered, the paste form's notice says so once; the
            // cards keep their "could not check" status and badge, and the style sheet
            // hides the failure they would each repeat.
            let nothing_answered = report.nothing_answered();
            // The cards word the report in the page's language: a switch re-renders
            // them from the report held here.
            let _language = lang();
            let pending = report.pending.clone();
            let mx_pending = pending.contains(&Stage::Mx);
            let spf_pending = pending.contains(&Stage::Spf);
            let dkim_pending = pending.contains(&Stage::Dkim);
            let dmarc_pending = pending.contains(&Stage::Dmarc);
            view! {
                <div class="check-results" data-nothing-answered=nothing_answered.then_some("true")>
                    <DemoBanner />
                    <DeviceVerdicts verdicts=report.verdicts.clone() />
                    <MxCard report=report.clone() pending=mx_pending source=run.source.get_untracked() />
                    <SpfCard report=report.clone() pending=spf_pending draft=draft />
                    <DkimCard report=report.clone() pending=dkim_pending />
                    <DmarcCard report=report.clone() pending=dmarc_pending />
                </div>
            }
        })
    }
}

/// After a finished run: the what-if editor, paste mode (open when nothing answered or
/// while checking pasted records), the check's link and "add to a device card".
#[component]
fn Finished(
    run: CheckRun,
    target: Memo<Option<Result<CheckTarget, InputError>>>,
    pasted: PasteState,
    url_method: Memo<String>,
    url_ips: Memo<String>,
    /// The link's `draft` parameter, read once the editor opens.
    url_draft: Memo<Option<String>>,
    draft: DraftState,
) -> impl IntoView {
    let on_paste = move |records: Pasted| {
        if let Some(Ok(target)) = target.get_untracked() {
            run.start(target, Some(records));
        }
    };
    let location = use_location();
    // A cancelled check's next step: the paste form, open.
    let after_cancel = move || {
        run.cancelled()
            .then(|| target.get_untracked().and_then(Result::ok))
            .flatten()
            .map(|target| {
                view! {
                    <PasteRecords
                        domain=target.domain.clone()
                        state=pasted
                        open=true
                        unreachable=false
                        needed=Vec::new()
                        on_records=on_paste
                    />
                }
            })
    };
    let after_run = move || {
        run.finished().map(|report| {
            let target = target.get_untracked().and_then(Result::ok);
            let shared = run.resolver();
            let nothing = report.nothing_answered();
            // In paste mode: what the check asked that nothing pasted answers.
            let needed = shared.as_ref().map_or_else(Vec::new, |shared| match &shared.inner().inner {
                AppResolver::Pasted(records) => records.still_needed(),
                _ => Vec::new(),
            });
            let paste_mode = target.as_ref().is_some_and(|target| pasted.is_checking(&target.domain));
            let linked = draft_from_link(url_draft.get_untracked().as_deref());
            view! {
                {match (target.clone(), shared) {
                    (Some(target), Some(shared)) if report.spf.tree.is_some() && !nothing => view! {
                        <WhatIf report=report.clone() target=target resolver=shared state=draft linked=linked />
                    }.into_any(),
                    _ => ().into_any(),
                }}
                {target.map(|target| view! {
                    <PasteRecords
                        domain=target.domain.clone()
                        state=pasted
                        open=nothing || paste_mode
                        unreachable=nothing && !paste_mode
                        why=report.lookup_failures().into_iter().cloned().collect()
                        needed=needed.clone()
                        on_records=on_paste
                    />
                })}
                <section class="check-actions" aria-labelledby="check-link-heading">
                    <h2 id="check-link-heading">{t("ui.check.link")}</h2>
                    // The link follows the address (the draft goes into it as it is
                    // evaluated): only it is drawn again when the query changes.
                    {move || view! { <CodeBlock code=check_link(&location.search.get()) /> }}
                    {report.mx.smart_host.clone().map(|host| {
                        let href = add_to_card_href(
                            &report.domain,
                            &host,
                            report.cloud,
                            &url_method.get_untracked(),
                            &url_ips.get_untracked(),
                            &location.search.get_untracked(),
                        );
                        view! { <p><a class="button-link" href=href rel="external">{t("ui.check.add-to-card")}</a></p> }
                    })}
                </section>
            }
        })
    };
    view! { {after_cancel} {after_run} }
}
