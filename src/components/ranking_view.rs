//! The planner's result: the recommended method first with its reasons, then the others
//! with why they are possible or not, the reason that decided each verdict first.
//! Everything shown comes from core's ranking, made for the browser's date so that dated
//! facts say how far away they are or that they have passed.

use crate::components::answers_recap::{VerdictLegend, VerdictPill};
use crate::components::method_links::MethodLinks;
use crate::components::recap::AnswersRecap;
use crate::i18n::{lang, t, text};
use crate::pages::plan::Step;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use smarthost_core::plan::{for_sender, rank, Answers, RankedMethod, Verdict};

/// The result, drawn by a module of its own (crate::later): a visit that is still
/// answering the questions does not load the ranking, its reasons and their words.
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(plan_results, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn ranking(answers: Memo<Answers>) -> Result<AnyView, crate::later::Unavailable> {
    // The result's English comes with this module (crates/core/messages/later.txt).
    smarthost_core::i18n::install_later_texts();
    Ok(view! { <RankingView answers /> }.into_any())
}

#[component]
fn RankingView(answers: Memo<Answers>) -> impl IntoView {
    let today = crate::today::today();
    let ranking = Memo::new(move |_| rank(&answers.get(), today));
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let location = leptos_router::hooks::use_location();
    let navigate = use_navigate();
    let change = move |_| {
        navigate(
            &query_with(&[("step", Some(&Step::Question(0).param()))]),
            Default::default(),
        );
    };
    let compare_href = move || {
        let base = crate::base_path::href("/compare/");
        format!("{base}{}", query_with(&[("step", None)]))
    };
    view! {
        <section class="ranking" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading" tabindex="-1" node_ref=heading>{t("ui.plan.result-title")}</h2>
            <p class="ranking-date" data-today=today.to_string()>
                {move || crate::i18n::tf("ui.plan.today", &[("date", &smarthost_core::localized::date(today, crate::i18n::lang()))])}
            </p>
            <div class="ranking-actions">
                <button type="button" class="secondary" on:click=change>{t("ui.plan.change")}</button>
                <a href=compare_href rel="external">{t("ui.plan.compare-link")}</a>
            </div>
            <AnswersRecap answers=answers />
            <VerdictLegend />
            {move || (!crate::embed::is_embedded(&location.search.get()))
                .then(|| view! { <crate::embed::EmbedSnippet /> })}
            <ol class="ranked-methods">
                {move || {
                    ranking
                        .get()
                        .methods
                        .into_iter()
                        .map(|m| view! { <li><MethodResult method=m answers=answers.get() /></li> })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

#[component]
fn MethodResult(method: RankedMethod, answers: Answers) -> impl IntoView {
    let id = method.id;
    let verdict = method.verdict;
    let client = answers.client;
    let reasons = method.reasons.clone();
    // A method that is ruled out has no next step.
    let links = (verdict != Verdict::NotPossible)
        .then(|| view! { <MethodLinks method=id answers=answers /> });
    view! {
        <article class="method-result" data-method=id.as_str() data-verdict=verdict.as_str()>
            <h3>
                {move || text(&id.key("name"))}
                " "
                <VerdictPill verdict=verdict />
            </h3>
            <p>{move || text(&for_sender(&id.key("summary"), client))}</p>
            <ul class="reasons">
                {reasons
                    .into_iter()
                    .map(|reason| {
                        // The effect's own name (core derives it) names its class and its words.
                        let effect = reason.effect.as_str();
                        let effect_class = format!("reason effect-{effect}");
                        view! {
                            <li class=effect_class data-code=reason.code>
                                <span class="effect">{move || text(&format!("ui.effect.{effect}"))}</span>
                                " "
                                {move || reason.text(lang())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {links}
        </article>
    }
}
