//! The smarthost planner: a Leptos single-page app that renders what smarthost-core
//! produces. Components render and wire signals; rules live in core.

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod add_to_card;
mod base_path;
mod check_run;
mod components;
mod csp;
mod doh;
mod embed;
mod fetch_text;
mod file_input;
mod i18n;
mod idna;
mod offline;
mod overflow;
mod pages;
mod plan_links;
mod settings;
mod skip_link;
mod storage;
mod today;
mod url_state;

use crate::base_path::link;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The screens one WebAssembly binary carries. The planner (plan, compare, cards,
/// connector, settings), the DNS check (with the SPF engine) and "Explain a bounce"
/// (with its texts) are separate binaries, so no first load pays for another's code;
/// links between them are ordinary page loads.
#[derive(Clone, Copy)]
pub struct Screens {
    routes: fn() -> AnyView,
    local: &'static [&'static str],
}

/// The planner binary's screens.
pub const PLANNER: Screens = Screens {
    routes: planner_routes,
    local: &["/", "/compare", "/cards", "/connector", "/settings"],
};

/// The DNS check binary's screen.
pub const CHECK: Screens = Screens {
    routes: check_routes,
    local: &["/check"],
};

/// The explain screen's binary: "Explain a bounce", with the bounce texts compiled in.
pub const EXPLAIN: Screens = Screens {
    routes: explain_routes,
    local: &["/explain"],
};

fn planner_routes() -> AnyView {
    view! {
        <Routes fallback=pages::not_found::NotFound>
            <Route path=path!("/") view=pages::plan::Plan />
            <Route path=path!("/compare") view=pages::compare::Compare />
            <Route path=path!("/cards") view=pages::cards::Cards />
            <Route path=path!("/connector") view=pages::connector::Connector />
            <Route path=path!("/settings") view=pages::settings::Settings />
        </Routes>
    }
    .into_any()
}

fn explain_routes() -> AnyView {
    view! {
        <Routes fallback=pages::not_found::NotFound>
            <Route path=path!("/explain") view=pages::explain::Explain />
        </Routes>
    }
    .into_any()
}

fn check_routes() -> AnyView {
    view! {
        <Routes fallback=pages::not_found::NotFound>
            <Route path=path!("/check") view=pages::check::Check />
        </Routes>
    }
    .into_any()
}

/// Starts a binary: IDNA through the browser, the page's language catalog, then the app
/// and the offline worker.
pub fn start(screens: Screens) {
    smarthost_core::dns::name::install_idna(idna::to_ascii);
    wasm_bindgen_futures::spawn_local(async move {
        i18n::preload().await;
        leptos::mount::mount_to_body(move || view! { <App screens=screens /> });
        offline::register_service_worker();
    });
}

/// The application: the router around the shell.
#[component]
pub fn App(screens: Screens) -> impl IntoView {
    let base = base_path::router_base();
    provide_context(base_path::SiteBase(base.clone()));
    view! {
        <Router base=base>
            <Shell screens=screens />
        </Router>
    }
}

/// A navigation link: routed within this binary, an ordinary page load to the other.
fn nav_link(screens: Screens, path: &'static str, key: &'static str) -> impl IntoView {
    if screens.local.contains(&path) {
        view! { <li><A href=link(path) exact=path == "/">{t(key)}</A></li> }.into_any()
    } else {
        view! { <li><a href=link(path) rel="external">{t(key)}</a></li> }.into_any()
    }
}

/// Header, navigation, the routed page and the footer, in the chosen language.
#[component]
fn Shell(screens: Screens) -> impl IntoView {
    i18n::provide_locale();
    let other_lang = move || match i18n::lang() {
        smarthost_core::i18n::Lang::En => ("vi", "Tiếng Việt"),
        smarthost_core::i18n::Lang::Vi => ("en", "English"),
    };
    let location = leptos_router::hooks::use_location();
    let embedded = embed::is_embedded(&location.search.get_untracked());
    let main_ref = NodeRef::<leptos::html::Main>::new();
    if embedded {
        // Once <main> is in the document: its height is the one the parent needs.
        Effect::new(move |_| {
            if let Some(main) = main_ref.get() {
                embed::post_height_to_parent(main);
            }
        });
    }
    let switch_href = move || {
        let (code, _) = other_lang();
        let query = url_state::query_with_in(&location.search.get(), &[("lang", Some(code))]);
        format!("{}{query}", location.pathname.get())
    };
    let chrome = (!embedded).then(|| {
        view! {
        <skip_link::SkipLink target="main" />
        <header class="site-header">
            {if screens.local.contains(&"/") {
                view! { <A href=link("/") attr:class="brand">"smarthost"</A> }.into_any()
            } else {
                view! { <a href=link("/") class="brand" rel="external">"smarthost"</a> }.into_any()
            }}
            <nav aria-label=t("ui.nav.label")>
                <ul>
                    {nav_link(screens, "/", "ui.nav.plan")}
                    {nav_link(screens, "/compare", "ui.nav.compare")}
                    {nav_link(screens, "/cards", "ui.nav.cards")}
                    {nav_link(screens, "/connector", "ui.nav.connector")}
                    {nav_link(screens, "/check", "ui.nav.check")}
                    {nav_link(screens, "/explain", "ui.nav.explain")}
                    {nav_link(screens, "/settings", "ui.nav.settings")}
                    <li>
                        <a href=move || base_path::href(&format!("/guide/{}/index.html", i18n::lang().code())) rel="external">
                            {t("ui.nav.guides")}
                        </a>
                    </li>
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
                <p>{move || tf("ui.footer", &[("date", &smarthost_core::localized::date_text(smarthost_core::method::FACTS_CHECKED, crate::i18n::lang()))])}</p>
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
        <main id="main" tabindex="-1" class:embedded=embedded node_ref=main_ref>
            {(screens.routes)()}
        </main>
        {footer}
    }
}
