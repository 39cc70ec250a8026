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

/// The router base, provided as context so links can be written from the site root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteBase(pub String);

impl SiteBase {
    /// `path` (starting with `/`) under the base. leptos_router's `<A>` leaves absolute
    /// paths as they are, so links must carry the base themselves.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// `path` under the site base from context.
pub fn href(path: &str) -> String {
    leptos::prelude::use_context::<SiteBase>()
        .map(|base| base.href(path))
        .unwrap_or_else(|| path.to_owned())
}

/// A reactive link to `path` under the site base that keeps the language and embed mode
/// of the current page.
pub fn link(path: &'static str) -> impl Fn() -> String + 'static {
    link_to(href(path))
}

/// [`link`] to another screen's page: its folder with the trailing slash, which a static
/// host serves at once (without it, most answer with a redirect first).
pub fn page_link(path: &'static str) -> impl Fn() -> String + 'static {
    link_to(href(&format!("{}/", path.trim_end_matches('/'))))
}

fn link_to(base: String) -> impl Fn() -> String + 'static {
    use leptos::prelude::Get;
    let location = leptos_router::hooks::use_location();
    move || {
        format!(
            "{base}{}",
            crate::url_state::carried_query(&location.search.get())
        )
    }
}
