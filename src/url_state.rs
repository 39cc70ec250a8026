//! State that a user may want to share lives in the URL query. These helpers rewrite
//! the current query, keeping every other parameter (language, resolver, embed mode).

/// The page's path and query as the browser shows them (hosted under any sub-path),
/// without a fragment: what an in-page link keeps so following it changes nothing else.
pub fn page_address() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The current query string with `updates` applied (`None` removes a key), starting
/// with `?`, or empty. For event handlers, when the address bar is up to date.
pub fn query_with(updates: &[(&str, Option<&str>)]) -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    query_with_in(&search, updates)
}

/// `search` with `updates` applied. Reactive code passes the router's `search`, which is
/// updated before the browser's address bar.
pub fn query_with_in(search: &str, updates: &[(&str, Option<&str>)]) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return String::new();
    };
    for (key, value) in updates {
        match value {
            Some(value) => params.set(key, value),
            None => params.delete(key),
        }
    }
    let text = String::from(params.to_string());
    if text.is_empty() {
        String::new()
    } else {
        format!("?{text}")
    }
}

/// `key=value` pairs of the current query.
// The planner's questions alone read it (components::question_step).
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub fn current_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    pairs_of(&search)
}

/// `key=value` pairs of a query string.
pub fn pairs_of(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(key)?, decode(value)?))
        })
        .collect()
}

fn decode(text: &str) -> Option<String> {
    js_sys::decode_uri_component(&text.replace('+', " "))
        .ok()
        .map(String::from)
}

/// The parameters every internal link carries along (language and embed mode), from the
/// router's `search`.
pub fn carried_query(search: &str) -> String {
    let pairs: Vec<(String, String)> = pairs_of(search)
        .into_iter()
        .filter(|(k, _)| k == "lang" || k == "embed")
        .collect();
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect();
    format!("?{}", encoded.join("&"))
}
