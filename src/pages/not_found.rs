//! The page for an unknown route.

use crate::base_path::link;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{t("ui.not-found.title")}</h1>
        <p>{t("ui.not-found.text")} " " <A href=link("/")>{t("ui.not-found.link")}</A></p>
    }
}
