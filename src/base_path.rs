//! The router base: the path the site is served under, read from the document's
//! `<base href>`. The built site is path-independent (relative asset URLs, a `<base>` per
//! route copy), so one build works at `/` and under any sub-path.

/// The base path without a trailing slash: "" at the root, "/tools/smarthost" below it.
pub fn router_base() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    let path = base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}
