//! One radio button of a group in the forms' `choice` style, so every group (planner
//! questions, connector kind and sender, language, resolver) is the same markup.

use leptos::prelude::*;

/// A radio button labelled by its children: checked while `checked` says so, and
/// `on_choose` runs when the user picks it.
#[component]
pub fn RadioChoice(
    name: &'static str,
    value: &'static str,
    checked: Signal<bool>,
    on_choose: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type="radio"
                name=name
                value=value
                prop:checked=move || checked.get()
                on:change=move |_| on_choose.run(())
            />
            {children()}
        </label>
    }
}
