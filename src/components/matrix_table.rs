//! The comparison matrix as a table, rendered from core's method table. With answers,
//! the cells whose row an answer rules a method out on are marked, with the reason.

use crate::components::answers_recap::VerdictPill;
use crate::i18n::{lang, t, text};
use crate::overflow::{watch_overflow, Overflow};
use leptos::prelude::*;
use smarthost_core::matrix::{comparison_matrix, Aspect};
use smarthost_core::plan::{rank, Answers, Effect as ReasonEffect};

/// The table in its scrolling region, with a hint that says which ways it scrolls, shown
/// only while it does: on a wide screen the whole table is in view (review J2-3).
#[component]
pub fn MatrixTable(#[prop(optional, into)] answers: Option<Signal<Answers>>) -> impl IntoView {
    let region = NodeRef::<leptos::html::Div>::new();
    let table = NodeRef::<leptos::html::Table>::new();
    let (overflow, set_overflow) = signal(Overflow::default());
    Effect::new(move |_| {
        if let (Some(region), Some(table)) = (region.get(), table.get()) {
            watch_overflow(region.into(), vec![table.into()], set_overflow);
        }
    });
    let hint = move || {
        let Overflow { sideways, down } = overflow.get();
        match (sideways, down) {
            (true, _) => Some("ui.compare.scroll-hint"),
            (false, true) => Some("ui.compare.scroll-hint-down"),
            (false, false) => None,
        }
    };
    view! {
        <p class="hint screen-only" hidden=move || hint().is_none()>
            {move || hint().map(text)}
        </p>
        <div
            class="table-scroll matrix-scroll"
            role="region"
            aria-labelledby="matrix-caption"
            tabindex="0"
            node_ref=region
            data-scrolls-sideways=move || overflow.get().sideways.to_string()
        >
            <Table answers=answers table=table />
        </div>
    }
}

#[component]
fn Table(answers: Option<Signal<Answers>>, table: NodeRef<leptos::html::Table>) -> impl IntoView {
    move || {
        let lang = lang();
        let answers = answers.map(|a| a.get()).unwrap_or_default();
        let cloud = answers.cloud_or_default();
        let today = crate::today::today();
        let ranking = rank(&answers, today);
        let answered = !answers.to_pairs().is_empty();
        let matrix = comparison_matrix(cloud, lang, today);
        // With answers the columns follow the ranking, best first, each head with its
        // verdict; without, the table's own order and no verdicts.
        let matrix = if answered {
            let order: Vec<_> = ranking.methods.iter().map(|m| m.id).collect();
            matrix.ordered_by(&order)
        } else {
            matrix
        };
        let verdict_of = {
            let ranking = ranking.clone();
            move |id: smarthost_core::method::MethodId| {
                answered
                    .then(|| ranking.get(id).map(|m| m.verdict))
                    .flatten()
            }
        };
        // (method, aspect) -> reasons that rule the method out on that row.
        let blocked =
            move |method: smarthost_core::method::MethodId, aspect: Aspect| -> Vec<String> {
                ranking
                    .get(method)
                    .map(|m| {
                        m.reasons
                            .iter()
                            .filter(|r| r.effect == ReasonEffect::Blocks)
                            .filter(|r| r.question.and_then(Aspect::for_question) == Some(aspect))
                            .map(|r| r.text(lang))
                            .collect()
                    })
                    .unwrap_or_default()
            };
        let columns = matrix.columns.clone();
        view! {
                <table class="matrix" node_ref=table>
                    <caption id="matrix-caption">{t("ui.matrix.caption")}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {columns
                                .iter()
                                .map(|(id, name)| {
                                    let verdict = verdict_of(*id);
                                    view! {
                                        <th scope="col" data-method=id.as_str() data-verdict=verdict.map(|v| v.as_str())>
                                            {name.clone()}
                                            {verdict.map(|verdict| view! { " " <VerdictPill verdict=verdict /> })}
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {matrix
                            .rows
                            .into_iter()
                            .map(|row| {
                                let aspect = row.aspect;
                                view! {
                                    <tr data-aspect=aspect.id()>
                                        <th scope="row">{row.label}</th>
                                        {row
                                            .cells
                                            .into_iter()
                                            .zip(columns.iter())
                                            .map(|(cell, (id, _))| {
                                                let why = blocked(*id, aspect);
                                                if why.is_empty() {
                                                    view! { <td>{cell}</td> }.into_any()
                                                } else {
                                                    view! {
                                                        <td class="ruled-out">
                                                            {cell}
                                                            <span class="ruled-out-reason">
                                                                <strong>{t("ui.effect.blocks")}</strong>
                                                                ": "
                                                                {why.join(" ")}
                                                            </span>
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
        }
    }
}
