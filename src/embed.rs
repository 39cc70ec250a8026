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

/// Posts `{type: "smarthost:height", height}` to the parent window whenever the height
/// of `content` (the page's `<main>`) changes, so the frame shrinks as well as grows.
/// The document's own height cannot serve: it is never less than the frame's viewport,
/// so once a wiki had enlarged the frame the page could never ask for less. The height
/// is not sensitive, so any parent origin may receive it.
pub fn post_height_to_parent(content: web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let body = window.document().and_then(|d| d.body());
    let observed = content.clone();
    let mut last_posted = None;
    let post = move || {
        let height = content_bottom(&content);
        if last_posted == Some(height) {
            return;
        }
        last_posted = Some(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"smarthost:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    // The observer reports each element once when observing starts, which posts the
    // first height. The body too: a notice above the content moves it without resizing it.
    observer.observe(&observed);
    if let Some(body) = body {
        observer.observe(&body);
    }
    // The observer lives as long as the page; so must its callback.
    callback.forget();
    std::mem::forget(observer);
}

/// Where `content` ends, in CSS pixels from the top of the document: the height the
/// frame needs to show the page without a scroll bar or a gap.
fn content_bottom(content: &web_sys::HtmlElement) -> i32 {
    content.offset_top().saturating_add(content.offset_height())
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
            // Breaks only at its spaces; its long address scrolls (review X-6).
            {move || view! { <crate::components::code_block::CodeText code=snippet() /> }}
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
