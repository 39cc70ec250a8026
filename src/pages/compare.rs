//! Compare: the full comparison matrix; with answers in the URL, the cells that rule a
//! method out are marked with the reason.

use crate::components::matrix_table::MatrixTable;
use crate::i18n::{t, tf};
use crate::pages::plan::answers_from;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Compare() -> impl IntoView {
    let location = use_location();
    let answers = Memo::new(move |_| answers_from(&location.search.get()).0);
    let has_answers = move || !answers.get().to_pairs().is_empty();
    view! {
        <h1>{t("ui.compare.title")}</h1>
        <p class="lede">
            {move || tf("ui.compare.lede", &[("date", &smarthost_core::localized::date_text(smarthost_core::method::FACTS_CHECKED, crate::i18n::lang()))])}
        </p>
        <Show when=has_answers>
            <p class="notice">{t("ui.compare.with-answers")} " " {t("ui.compare.order")}</p>
        </Show>
        <MatrixTable answers=Signal::from(answers) />
        {move || (!crate::embed::is_embedded(&location.search.get()))
            .then(|| view! { <crate::embed::EmbedSnippet /> })}
    }
}
