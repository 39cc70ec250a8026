//! The comparison matrix as a table, rendered from core's method table. With answers,
//! the cells whose row an answer rules a method out on are marked, with the reason.

use crate::components::answers_recap::VerdictPill;
use crate::i18n::{lang, t};
use leptos::prelude::*;
use smarthost_core::matrix::{comparison_matrix, Aspect};
use smarthost_core::plan::{rank, Answers, Effect as ReasonEffect};

#[component]
pub fn MatrixTable(#[prop(optional, into)] answers: Option<Signal<Answers>>) -> impl IntoView {
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
            <div class="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
                <table class="matrix">
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
            </div>
        }
    }
}
