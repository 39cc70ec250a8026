//! A one-shot timer that is cleared when it is dropped, and whose callback outlives
//! whatever armed it.
//!
//! web-sys types a timer's handle as `i32` (WebIDL's `long`), but Playwright's fake clock,
//! which the e2e tests run the page's time with, numbers its timers from 10^12: the `i32`
//! wraps, the clear misses, and the timer fires after all. With a Rust-owned closure that
//! was a call into freed memory ("closure invoked recursively or after being dropped")
//! once a request stopped by the run's deadline had been dropped. So the handle is kept
//! as the browser's value, and the callback is owned by JavaScript: a timer that fires
//! late (a missed clear, a future dropped mid-flight) runs harmlessly.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &JsValue, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// A pending call; dropping it cancels the call.
pub struct Timeout {
    handle: JsValue,
}

impl Timeout {
    /// Calls `callback` once after `ms` milliseconds, unless dropped first.
    pub fn start(ms: i32, callback: impl FnOnce() + 'static) -> Timeout {
        let handler = Closure::once_into_js(callback);
        Timeout {
            handle: set_timeout(&handler, ms),
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        clear_timeout(&self.handle);
    }
}
