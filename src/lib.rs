//! The smarthost planner: a Leptos single-page app that renders what smarthost-core
//! produces. Components render and wire signals; rules live in core.

mod base_path;
mod check_run;
mod components;
mod csp;
mod doh;
mod embed;
mod fetch_text;
mod file_input;
pub mod i18n;
pub mod idna;
pub mod offline;
mod pages;
mod settings;
mod storage;
mod url_state;

use crate::base_path::link;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The application: the router around the shell.
#[component]
pub fn App() -> impl IntoView {
    let base = base_path::router_base();
    provide_context(base_path::SiteBase(base.clone()));
    view! {
        <Router base=base>
            <Shell />
        </Router>
    }
}

/// Header, navigation, the routed page and the footer, in the chosen language.
#[component]
fn Shell() -> impl IntoView {
    i18n::provide_locale();
    let other_lang = move || match i18n::lang() {
        smarthost_core::i18n::Lang::En => ("vi", "Tiếng Việt"),
        smarthost_core::i18n::Lang::Vi => ("en", "English"),
    };
    let location = leptos_router::hooks::use_location();
    let embedded = embed::is_embedded(&location.search.get_untracked());
    if embedded {
        embed::post_height_to_parent();
    }
    let switch_href = move || {
        let (code, _) = other_lang();
        let query = url_state::query_with_in(&location.search.get(), &[("lang", Some(code))]);
        format!("{}{query}", location.pathname.get())
    };
    let chrome = (!embedded).then(|| {
        view! {
        <a class="skip-link" href="#main">{t("ui.skip")}</a>
        <header class="site-header">
            <A href=link("/") attr:class="brand">"smarthost"</A>
            <nav aria-label=t("ui.nav.label")>
                <ul>
                    <li><A href=link("/") exact=true>{t("ui.nav.plan")}</A></li>
                    <li><A href=link("/compare")>{t("ui.nav.compare")}</A></li>
                    <li><A href=link("/cards")>{t("ui.nav.cards")}</A></li>
                    <li><A href=link("/connector")>{t("ui.nav.connector")}</A></li>
                    <li><A href=link("/check")>{t("ui.nav.check")}</A></li>
                    <li><A href=link("/settings")>{t("ui.nav.settings")}</A></li>
                </ul>
            </nav>
            <A href=switch_href attr:class="lang-switch" attr:lang=move || other_lang().0>
                {move || other_lang().1}
            </A>
        </header>
        }
    });
    let footer = (!embedded).then(|| {
        view! {
            <footer class="site-footer">
                <p>{move || tf("ui.footer", &[("date", smarthost_core::method::FACTS_CHECKED)])}</p>
            </footer>
        }
    });
    let catalog_failed = move || {
        i18n::locale()
            .and_then(|locale| locale.failed.get())
            .map(|_| view! { <p class="notice" role="status">{t("ui.lang-unavailable")}</p> })
    };
    view! {
        {chrome}
        {catalog_failed}
        <main id="main" tabindex="-1" class:embedded=embedded>
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::plan::Plan />
                <Route path=path!("/compare") view=pages::compare::Compare />
                <Route path=path!("/cards") view=pages::cards::Cards />
                <Route path=path!("/connector") view=pages::connector::Connector />
                <Route path=path!("/check") view=pages::check::Check />
                <Route path=path!("/settings") view=pages::settings::Settings />
            </Routes>
        </main>
        {footer}
    }
}
