//! One question of the planner, as a radio group (checkboxes for ports), with back and
//! next. Answers are written to the URL as they are chosen.

use crate::components::radio_choice::RadioChoice;
use crate::i18n::{t, text, tf};
use crate::pages::plan::Step;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use smarthost_core::plan::{for_sender, Answers, QUESTIONS};

#[component]
pub fn QuestionStep(index: usize, answers: Memo<Answers>) -> impl IntoView {
    let index = index.min(QUESTIONS.len() - 1);
    let question = QUESTIONS[index];
    let total = QUESTIONS.len();
    let navigate = use_navigate();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Move focus to the new question, so keyboard and screen reader users follow the
    // step change; not on a fresh page load, where focus belongs to the page.
    let moved_here = crate::url_state::current_pairs()
        .iter()
        .any(|(k, _)| k == "step");
    Effect::new(move |_| {
        if let (true, Some(h)) = (moved_here, heading.get()) {
            let _ = h.focus();
        }
    });

    let current = move || answers.get().value_of(question.id);
    let set_answer = {
        let navigate = navigate.clone();
        move |value: Option<String>| {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&query_with(&[(question.id, value.as_deref())]), options);
        }
    };
    let go = {
        let navigate = navigate.clone();
        move |step: Step| {
            let options = NavigateOptions {
                scroll: false,
                ..Default::default()
            };
            navigate(&query_with(&[("step", Some(&step.param()))]), options);
        }
    };

    let options = {
        let set_answer = set_answer.clone();
        question
            .values
            .iter()
            .map(move |value| {
                let set_answer = set_answer.clone();
                let value: &'static str = value;
                if question.multiple {
                    let checked =
                        move || current().is_some_and(|list| list.split(',').any(|v| v == value));
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                name=question.id
                                value=value
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut list: Vec<String> = current()
                                        .map(|l| l.split(',').map(str::to_owned).collect())
                                        .unwrap_or_default();
                                    list.retain(|v| v != value);
                                    if on {
                                        list.push(value.to_owned());
                                    }
                                    let joined = list.join(",");
                                    set_answer((!joined.is_empty()).then_some(joined));
                                }
                            />
                            <span>{choice_label(question.id, value, answers)}</span>
                        </label>
                    }
                    .into_any()
                } else {
                    view! {
                        <RadioChoice
                            name=question.id
                            value=value
                            checked=Signal::derive(move || current().as_deref() == Some(value))
                            on_choose=Callback::new(move |()| set_answer(Some(value.to_owned())))
                        >
                            <span>{choice_label(question.id, value, answers)}</span>
                        </RadioChoice>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    let unknown = {
        let set_answer = set_answer.clone();
        view! {
            <label class="choice">
                <input
                    type=if question.multiple { "checkbox" } else { "radio" }
                    name=question.id
                    value="unknown"
                    prop:checked=move || current().is_none()
                    on:change=move |_| set_answer(None)
                />
                <span>{t("question.unknown")}</span>
            </label>
        }
    };

    let go_back = go.clone();
    let go_next = go.clone();
    let go_on = go.clone();
    let go_results = go;
    let last = index + 1 == total;
    let following = if last {
        Step::Results
    } else {
        Step::Question(index + 1)
    };
    // Enter on a choice goes on, as it would submit a form: a keyboard user answers with
    // arrows (or Space) and Enter instead of tabbing to Next.
    let enter_goes_on = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            go_on(following);
        }
    };
    view! {
        <section class="wizard" aria-labelledby="question-heading">
            <p class="progress-label" id="progress-label">
                {move || tf("ui.plan.progress", &[("n", &(index + 1).to_string()), ("total", &total.to_string())])}
            </p>
            <progress max=total value=index + 1 aria-labelledby="progress-label"></progress>
            <fieldset>
                <legend>
                    <h2 id="question-heading" tabindex="-1" node_ref=heading>
                        {move || text(&format!("question.{}", question.id))}
                    </h2>
                </legend>
                // "I don't know" comes first: it is the preselected answer, so the first real
                // answer is one arrow press away (review, keyboard-only planner).
                <div class="choices" on:keydown=enter_goes_on>{unknown} {options}</div>
            </fieldset>
            <div class="wizard-buttons">
                {(index > 0)
                    .then(|| {
                        let go_back = go_back.clone();
                        view! {
                            <button type="button" class="secondary" on:click=move |_| go_back(Step::Question(index - 1))>
                                {t("ui.plan.back")}
                            </button>
                        }
                    })}
                {(!last)
                    .then(|| {
                        let go_next = go_next.clone();
                        view! {
                            <button type="button" on:click=move |_| go_next(Step::Question(index + 1))>
                                {t("ui.plan.next")}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class=if last { "" } else { "secondary" }
                    on:click=move |_| go_results(Step::Results)
                >
                    {t("ui.plan.results")}
                </button>
            </div>
        </section>
    }
}

/// A choice's words, in the page's language and for who sends ("the application" when
/// an application does), following both as they change.
fn choice_label(
    question: &'static str,
    value: &'static str,
    answers: Memo<Answers>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let key = format!("question.{question}.{value}");
        text(&for_sender(&key, answers.get().client))
    }
}
