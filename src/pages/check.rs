//! DNS check: the MX look-up for a domain (SPF and DMARC join it later).

use crate::components::mx_check::MxCheck;
use leptos::prelude::*;

#[component]
pub fn Check() -> impl IntoView {
    view! {
        <h1>"Check your domain's DNS"</h1>
        <MxCheck />
    }
}
