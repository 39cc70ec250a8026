//! "Skip to content": the first thing a keyboard user reaches on every screen.
//!
//! A plain `href="#main"` does not work here: every page has `<base href>` pointing at
//! the site root, so the fragment resolves to the root page and the router (or the
//! browser) leaves the current screen and its query, e.g. the DNS check's domain. The
//! link points at the current address instead, and its click moves focus itself, so the
//! address and the page's state stay exactly as they are.

use leptos::prelude::*;

/// A skip link to the element with id `target`, which must accept focus
/// (`tabindex="-1"`).
#[component]
pub fn SkipLink(target: &'static str) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let (address, set_address) = signal(crate::url_state::page_address());
    Effect::new(move |_| {
        // Track the route so the link follows the page's state. The router changes its
        // signals before the browser's address does, so the address is read once the
        // navigation has finished (read at once, it was the previous screen's, and the
        // link no longer pointed into the page it sits on).
        let _ = (location.pathname.get(), location.search.get());
        set_timeout(
            move || set_address.set(crate::url_state::page_address()),
            std::time::Duration::ZERO,
        );
    });
    let href = move || format!("{}#{target}", address.get());
    let skip = move |ev: web_sys::MouseEvent| {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(target));
        let Some(element) = element else {
            // Nothing to move to: let the browser follow the link.
            return;
        };
        ev.prevent_default();
        element.scroll_into_view();
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    };
    // rel="external": the router must not turn the click into a route change.
    view! {
        <a class="skip-link" href=href rel="external" on:click=skip>{crate::i18n::t("ui.skip")}</a>
    }
}
