//! localStorage, tolerating browsers where it is unavailable (private modes, embedded
//! frames with storage blocked): reads give nothing, writes are skipped.

fn store() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn get(key: &str) -> Option<String> {
    store().and_then(|s| s.get_item(key).ok().flatten())
}

// Only Cards takes a saved value away.
#[cfg(any(feature = "cards", not(target_family = "wasm")))]
pub fn remove(key: &str) {
    if let Some(s) = store() {
        let _ = s.remove_item(key);
    }
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = store() {
        let _ = s.set_item(key, value);
    }
}
