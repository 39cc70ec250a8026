//! The planner's result: the recommended method first with its reasons, then the others
//! with why they are possible or not, the reason that decided each verdict first.
//! Everything shown comes from core's ranking, made for the browser's date so that dated
//! facts say how far away they are or that they have passed.

use crate::i18n::{lang, t, text};
use crate::pages::plan::Step;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use smarthost_core::method::MethodId;
use smarthost_core::plan::{for_sender, rank, Answers, Client, RankedMethod, Verdict};

#[component]
pub fn RankingView(answers: Memo<Answers>) -> impl IntoView {
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
        let base = crate::base_path::href("/compare");
        format!("{base}{}", query_with(&[("step", None)]))
    };
    view! {
        <section class="ranking" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading" tabindex="-1" node_ref=heading>{t("ui.plan.result-title")}</h2>
            <p class="ranking-date" data-today=today.to_string()>
                {move || crate::i18n::tf("ui.plan.today", &[("date", &today.to_string())])}
            </p>
            <div class="ranking-actions">
                <button type="button" class="secondary" on:click=change>{t("ui.plan.change")}</button>
                <a href=compare_href>{t("ui.plan.compare-link")}</a>
            </div>
            {move || (!crate::embed::is_embedded(&location.search.get()))
                .then(|| view! { <crate::embed::EmbedSnippet /> })}
            <ol class="ranked-methods">
                {move || {
                    ranking
                        .get()
                        .methods
                        .into_iter()
                        .map(|m| view! { <li><MethodResult method=m client=answers.get().client /></li> })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

#[component]
fn MethodResult(method: RankedMethod, client: Option<Client>) -> impl IntoView {
    let id = method.id;
    let verdict = method.verdict;
    let verdict_class = format!("verdict {}", verdict.as_str());
    let reasons = method.reasons.clone();
    // Methods that need a connector link to its steps.
    let connector_kind = match id {
        MethodId::RelayIp => Some("relay-ip"),
        MethodId::RelayCert => Some("relay-cert"),
        MethodId::DirectSend => Some("partner"),
        _ => None,
    };
    let connector_link = connector_kind
        .filter(|_| verdict != Verdict::NotPossible)
        .map(|kind| {
            let base = crate::base_path::href("/connector");
            // An application's steps say "the application", as its reasons do.
            let sender = match client {
                Some(Client::Application) => "&client=application",
                _ => "",
            };
            let lang_href = move || {
                format!(
                    "{base}?kind={kind}{sender}&lang={}",
                    crate::i18n::lang().code()
                )
            };
            view! { <p><a href=lang_href>{t("ui.plan.connector-link")}</a></p> }
        });
    view! {
        <article class="method-result" data-method=id.as_str() data-verdict=verdict.as_str()>
            <h3>
                {move || text(&id.key("name"))}
                " "
                <span class=verdict_class>{move || text(&format!("verdict.{}", verdict.as_str()))}</span>
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
            {connector_link}
        </article>
    }
}
