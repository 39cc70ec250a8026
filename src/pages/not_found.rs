//! The page for an unknown route.

use crate::base_path::link;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{t("ui.not-found.title")}</h1>
        <p>{t("ui.not-found.text")} " " <a href=link("/") rel="external">{t("ui.not-found.link")}</a></p>
    }
}
