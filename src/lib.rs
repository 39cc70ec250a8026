//! The smarthost planner: a Leptos single-page app that renders what smarthost-core
//! produces. Components render and wire signals; rules live in core.

mod base_path;
mod components;
mod doh;
mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The application shell: header, navigation and the routed page.
#[component]
pub fn App() -> impl IntoView {
    let base = base_path::router_base();
    provide_context(base_path::SiteBase(base.clone()));
    let href = base_path::href;
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href=href("/") attr:class="brand">"smarthost"</A>
                <nav aria-label="Main">
                    <ul>
                        <li><A href=href("/")>"Plan"</A></li>
                        <li><A href=href("/compare")>"Compare"</A></li>
                        <li><A href=href("/check")>"DNS check"</A></li>
                    </ul>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/compare") view=pages::compare::Compare />
                    <Route path=path!("/check") view=pages::check::Check />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Facts checked " {smarthost_core::method::FACTS_CHECKED}
                    ". Based on Microsoft's guidance for multifunction devices, updated for 2026."
                </p>
            </footer>
        </Router>
    }
}
