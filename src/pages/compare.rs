//! Compare: the full comparison matrix.

use crate::components::matrix_table::MatrixTable;
use leptos::prelude::*;

#[component]
pub fn Compare() -> impl IntoView {
    view! {
        <h1>"Compare the ways to send"</h1>
        <p class="lede">
            "Every cell comes from smarthost's method table, checked "
            {smarthost_core::method::FACTS_CHECKED} "."
        </p>
        <MatrixTable />
    }
}
