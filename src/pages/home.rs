//! Home: what smarthost does, the MX check, and the comparison of methods.

use crate::components::matrix_table::MatrixTable;
use crate::components::mx_check::MxCheck;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <h1>"Send email from printers, scanners and apps through Microsoft 365"</h1>
        <p class="lede">
            "Pick the right way to send, configure the device, and check your DNS, with "
            "Microsoft's 2026 rules: Basic auth retiring for SMTP AUTH, Direct Send that "
            "tenants can reject, and the new mx.microsoft hosts."
        </p>
        <MxCheck />
        <section aria-labelledby="compare-heading">
            <h2 id="compare-heading">"The ways to send"</h2>
            <MatrixTable />
        </section>
    }
}
