//! DNS check: the MX look-up for a domain (SPF and DMARC join it on this screen next).

use crate::components::mx_check::MxCheck;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Check() -> impl IntoView {
    view! {
        <h1>{t("ui.check.title")}</h1>
        <MxCheck />
    }
}
