//! Embed mode (`?embed=1`): the page renders without the site chrome for an iframe in a
//! wiki, and tells the parent page its height so the frame can fit it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the page is shown embedded, from the router's query.
pub fn is_embedded(search: &str) -> bool {
    crate::url_state::pairs_of(search)
        .iter()
        .any(|(k, v)| k == "embed" && (v == "1" || v == "true"))
}

/// Posts `{type: "smarthost:height", height}` to the parent window whenever the page's
/// height changes. The height is not sensitive, so any parent origin may receive it.
pub fn post_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let Ok(parent) = window.parent() else {
        return;
    };
    let Some(parent) = parent else {
        return;
    };
    let post = move || {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"smarthost:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &root.scroll_height().into());
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The observer lives as long as the page; so must its callback.
        callback.forget();
        std::mem::forget(observer);
    }
}

/// A copyable iframe snippet for the current page in embed mode.
#[component]
pub fn EmbedSnippet() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let snippet = move || {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        // Track the route so the snippet follows the page's state.
        let _ = (location.pathname.get(), location.search.get());
        let url = match web_sys::Url::new(&href) {
            Ok(url) => {
                url.search_params().set("embed", "1");
                url.href()
            }
            Err(_) => href,
        };
        format!(
            "<iframe src=\"{}\" title=\"smarthost\" width=\"100%\" height=\"900\" style=\"border:0\"></iframe>",
            attribute_value(&url)
        )
    };
    view! {
        <details class="embed-snippet">
            <summary>{crate::i18n::t("ui.embed.summary")}</summary>
            <p>{crate::i18n::t("ui.embed.help")}</p>
            <pre><code>{snippet}</code></pre>
        </details>
    }
}

/// `value` inside a double-quoted HTML attribute: the snippet is copied as text, so the
/// page's own escaping does not apply to it.
fn attribute_value(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
