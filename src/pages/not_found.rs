//! The page for an unknown route.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"This address is not part of smarthost. " <A href=crate::base_path::href("/")>"Go to the planner"</A> "."</p>
    }
}
