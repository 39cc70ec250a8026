//! Plan: the questionnaire, one question at a time, then the ranking. Every answer and
//! the current step live in the URL, so a link reproduces the result.

use crate::url_state::pairs_of;
use smarthost_core::plan::{AnswerError, Answers, QUESTIONS};

// Only in the planner's binary: its result is a later module, whose entry would keep it
// in any binary that compiled it (src/later.rs). Compare reads the answers with
// `answers_from`.
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub use screen::Plan;

/// Where the wizard is.
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Question(usize),
    Results,
}

#[cfg(any(feature = "plan", not(target_family = "wasm")))]
impl Step {
    pub fn parse(text: Option<&str>) -> Step {
        match text {
            Some("results") => Step::Results,
            Some(n) => n
                .parse::<usize>()
                .ok()
                .filter(|i| (1..=QUESTIONS.len()).contains(i))
                .map_or(Step::Question(0), |i| Step::Question(i - 1)),
            None => Step::Question(0),
        }
    }

    /// The value written in the URL (1-based, as people count).
    pub fn param(self) -> String {
        match self {
            Step::Question(i) => (i + 1).to_string(),
            Step::Results => "results".to_owned(),
        }
    }
}

/// Answers from a query string; values that are not valid answers are left out and
/// listed with why (worded when shown, so a language switch re-words it).
pub fn answers_from(search: &str) -> (Answers, Vec<(String, String, AnswerError)>) {
    let mut answers = Answers::default();
    let mut rejected = Vec::new();
    for (key, value) in pairs_of(search) {
        if QUESTIONS.iter().any(|q| q.id == key) {
            if let Err(error) = answers.set(&key, &value) {
                rejected.push((key, value, error));
            }
        }
    }
    (answers, rejected)
}

#[cfg(any(feature = "plan", not(target_family = "wasm")))]
mod screen {
    use super::{answers_from, Step};
    use crate::components::question_step::QuestionStep;
    use crate::components::ranking_view::ranking;
    use crate::i18n::t;
    use leptos::prelude::*;
    use leptos_router::hooks::{use_location, use_query_map};
    use smarthost_core::plan::for_sender;

    #[component]
    pub fn Plan() -> impl IntoView {
        let query = use_query_map();
        let location = use_location();
        let state = Memo::new(move |_| answers_from(&location.search.get()));
        let answers = Memo::new(move |_| state.get().0);
        let step = Memo::new(move |_| Step::parse(query.read().get("step").as_deref()));

        view! {
            // "this application" once the first answer says an application sends.
            <h1>{move || crate::i18n::text(&for_sender("ui.plan.title", answers.get().client))}</h1>
            <p class="lede">{t("ui.plan.lede")}</p>
            <crate::components::terms_list::TermsList />
            {move || {
                let rejected = state.get().1;
                (!rejected.is_empty())
                    .then(|| {
                        view! {
                            <div class="notice" role="status">
                                <ul>
                                    {rejected
                                        .into_iter()
                                        .map(|(question, value, error)| {
                                            view! {
                                                <li>
                                                    {crate::i18n::tf(
                                                        "ui.plan.invalid-answer",
                                                        &[
                                                            ("question", &question),
                                                            ("value", &value),
                                                            ("error", &error.message(crate::i18n::lang())),
                                                        ],
                                                    )}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            // Keyed by the step, so each step gets its own elements. Rebuilt in place, one
            // question's radios would be renamed into the next question's group; a radio
            // still checked there ("I don't know", left checked) unchecks the group's answer
            // as it joins it, and Back showed nothing selected (review X-1).
            <For each=move || [step.get()] key=|step| *step let(step)>
                {match step {
                    Step::Question(index) => view! { <QuestionStep index=index answers=answers /> }.into_any(),
                    Step::Results => crate::later::when_loaded(move || ranking(answers)).into_any(),
                }}
            </For>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Step;

    #[test]
    fn steps_in_the_url_are_one_based_and_bounded() {
        assert_eq!(Step::parse(None), Step::Question(0));
        assert_eq!(Step::parse(Some("1")), Step::Question(0));
        assert_eq!(Step::parse(Some("15")), Step::Question(14));
        assert_eq!(Step::parse(Some("16")), Step::Question(0));
        assert_eq!(Step::parse(Some("0")), Step::Question(0));
        assert_eq!(Step::parse(Some("results")), Step::Results);
        assert_eq!(Step::parse(Some("x")), Step::Question(0));
        assert_eq!(Step::Question(2).param(), "3");
    }
}
