//! Offline use: registers the service worker that `cargo xtask build` writes beside the
//! app (dist/sw.js), so the planner, cards and demo check work after one visit.

use wasm_bindgen::JsValue;

/// Registers `sw.js` relative to the page's base, so it covers the app under any
/// sub-path. Where service workers are unavailable (plain http on a non-loopback host,
/// some sandboxed frames) the app simply stays online-only.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let available =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !available {
        return;
    }
    let registration = navigator.service_worker().register("sw.js");
    // A refused registration is not an error the user can act on; keep the console clean.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}
