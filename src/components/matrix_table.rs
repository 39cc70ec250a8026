//! The comparison matrix as a table, rendered from core's method table.

use leptos::prelude::*;
use smarthost_core::cloud::Cloud;
use smarthost_core::i18n::Lang;
use smarthost_core::matrix::comparison_matrix;

#[component]
pub fn MatrixTable() -> impl IntoView {
    // Language and cloud selection arrive with the planner screens; the table already
    // renders whatever core produces for them.
    let matrix = comparison_matrix(Cloud::Worldwide, Lang::En);
    let columns = matrix.columns.clone();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
            <table class="matrix">
                <caption id="matrix-caption">"Ways to send through Microsoft 365, compared"</caption>
                <thead>
                    <tr>
                        <td></td>
                        {columns
                            .into_iter()
                            .map(|(id, name)| {
                                view! { <th scope="col" data-method=id.as_str()>{name}</th> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {matrix
                        .rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <th scope="row">{row.label}</th>
                                    {row.cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
