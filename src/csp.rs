//! The page's own Content-Security-Policy, read from its `<meta>` tag, so a resolver it
//! forbids is explained instead of failing as a mysterious network error.

mod policy;

use policy::{allows_connect, UrlParts};

fn page_policy() -> Option<(String, String)> {
    let window = web_sys::window()?;
    let meta = window
        .document()?
        .query_selector("meta[http-equiv='Content-Security-Policy']")
        .ok()??;
    let policy = meta.get_attribute("content")?;
    let page = window.location().href().ok()?;
    Some((policy, page))
}

/// The origin of `url` when the page's policy forbids connecting to it.
pub fn blocked_origin(url: &str) -> Option<String> {
    let (policy, page) = page_policy()?;
    if allows_connect(&policy, &page, url) {
        return None;
    }
    Some(UrlParts::parse(url).map_or_else(|| url.to_owned(), |parts| parts.origin()))
}
