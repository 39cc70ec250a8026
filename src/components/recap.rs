//! The ranking's recap of the answers, each a link back to its question (which opens
//! with that answer selected, the others kept).

use crate::i18n::{t, text};
use crate::pages::plan::Step;
use crate::url_state::query_with_in;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use smarthost_core::plan::{recap, Answers};

#[component]
pub fn AnswersRecap(answers: Memo<Answers>) -> impl IntoView {
    let search = use_location().search;
    let planner = crate::base_path::href("/");
    let lines = move || {
        let answers = answers.get();
        recap(&answers)
            .into_iter()
            .map(|line| {
                let planner = planner.clone();
                let step = Step::Question(line.index).param();
                let href = move || {
                    let query = query_with_in(&search.get(), &[("step", Some(&step))]);
                    format!("{planner}{query}")
                };
                let question_key = line.question_key();
                let answer_keys = line.answer_keys(&answers);
                let unknown = line.values.is_empty();
                view! {
                    <li data-question=line.question data-unknown=unknown.then_some("")>
                        <a href=href>
                            <span class="recap-question">{move || text(&question_key)}</span>
                            " "
                            <strong>
                                {move || answer_keys.iter().map(|k| text(k)).collect::<Vec<_>>().join(", ")}
                            </strong>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="answers-recap" aria-labelledby="recap-heading">
            <h3 id="recap-heading">{t("ui.plan.recap-title")}</h3>
            <p class="hint">{t("ui.plan.recap-hint")}</p>
            <ul>{lines}</ul>
        </section>
    }
}
