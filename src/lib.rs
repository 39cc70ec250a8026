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
// The DNS check's code is compiled only into its own binary (and natively, for the
// tests): its later module's entry points are exports, which would keep it in any binary
// that compiled it (src/later.rs).
#[cfg(any(feature = "check", not(target_family = "wasm")))]
mod check_run;
mod components;
mod csp;
// Only in the check's binary (`check_run`, above).
#[cfg(any(feature = "check", not(target_family = "wasm")))]
mod doh;
mod embed;
mod fetch_text;
// Cards' import reads files.
#[cfg(any(feature = "cards", not(target_family = "wasm")))]
mod file_input;
mod i18n;
mod idna;
// The check, Cards and the planner have later modules.
#[cfg(any(
    feature = "check",
    feature = "cards",
    feature = "plan",
    not(target_family = "wasm")
))]
mod later;
mod offline;
mod overflow;
mod pages;
// Outside the planner's binary only the Connector's step anchors are used; the links
// the planner's result makes are compiled there alone (components::method_links).
#[cfg_attr(
    all(target_family = "wasm", not(feature = "plan")),
    allow(dead_code, unused_imports)
)]
mod plan_links;
mod prerender;
mod settings;
mod skip_link;
mod storage;
#[cfg(any(feature = "check", not(target_family = "wasm")))]
mod timeout;
mod today;
mod url_state;

use crate::base_path::link;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The screens one WebAssembly binary carries. Every screen is a binary of its own, so a
/// page's first load carries only its own code and words (BENCHMARKS.md, "Bundle");
/// links between screens are ordinary page loads.
#[derive(Clone, Copy)]
pub struct Screens {
    routes: fn() -> AnyView,
    local: &'static [&'static str],
    /// The catalog key of the screen's heading, which also names the browser tab.
    title: &'static str,
}

/// A binary with one screen at `$path` (`$route` is the same path for the router, which
/// must be written with `path!` at the call site), rendered by `$page`; other paths show
/// "not found".
macro_rules! screen {
    ($(#[$doc:meta])* $name:ident, $path:literal, $route:expr, $page:path, $title:literal) => {
        $(#[$doc])*
        pub const $name: Screens = Screens {
            routes: || {
                view! {
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=$route view=$page />
                    </Routes>
                }
                .into_any()
            },
            local: &[$path],
            title: $title,
        };
    };
}

// Only in the planner's binary (`pages::plan::Plan`).
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
screen!(
    /// The planner: the questions and the ranking.
    PLAN, "/", path!("/"), pages::plan::Plan, "ui.plan.title"
);
screen!(
    /// The matrix of methods against what each needs.
    COMPARE, "/compare", path!("/compare"), pages::compare::Compare, "ui.compare.title"
);
// Only in Cards' binary, as the check's code is in the check's (`check_run`, above).
#[cfg(any(feature = "cards", not(target_family = "wasm")))]
screen!(
    /// Device cards: the inventory, its import and export, and printing.
    CARDS, "/cards", path!("/cards"), pages::cards::Cards, "ui.cards.title"
);
screen!(
    /// The connector's steps and values.
    CONNECTOR, "/connector", path!("/connector"), pages::connector::Connector, "ui.connector.title"
);
screen!(
    /// The language, the DNS resolver and the cloud.
    SETTINGS, "/settings", path!("/settings"), pages::settings::Settings, "ui.settings.title"
);
#[cfg(any(feature = "check", not(target_family = "wasm")))]
screen!(
    /// The DNS check, with the SPF engine.
    CHECK, "/check", path!("/check"), pages::check::Check, "ui.check.title"
);
screen!(
    /// "Explain a bounce", with the bounce texts compiled in.
    EXPLAIN, "/explain", path!("/explain"), pages::explain::Explain, "ui.explain.title"
);

/// Starts a binary: IDNA through the browser, the page's language catalog, then the app
/// and the offline worker.
pub fn start(screens: Screens) {
    smarthost_core::dns::name::install_idna(idna::to_ascii);
    wasm_bindgen_futures::spawn_local(async move {
        i18n::preload().await;
        // In one task: the prerendered page is never gone without the app in its place.
        let focus = prerender::clear();
        leptos::mount::mount_to_body(move || view! { <App screens=screens /> });
        prerender::hand_over(focus);
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
        view! { <li><a href=base_path::page_link(path) rel="external">{t(key)}</a></li> }.into_any()
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
                view! { <a href=base_path::page_link("/") class="brand" rel="external">"smarthost"</a> }.into_any()
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
    // The tab and the history name the screen in the page's language (the HTML's own
    // title, written by the prerender, is the English one).
    Effect::new(move |_| {
        let title = format!("{} · smarthost", i18n::text(screens.title));
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
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
            // Shown only when scripting is off, i.e. on the prerendered page (src/prerender.rs).
            <noscript><p class="notice">{t("ui.noscript")}</p></noscript>
            {(screens.routes)()}
        </main>
        {footer}
    }
}
