//! Fragments for wikis: a page's body without the site's frame, wrapped in
//! `<div class="smarthost-guide">` with its own stylesheet scoped under that class, for
//! pasting into Confluence or MediaWiki.

use super::frame::page_heading;
use super::front_matter::Page;
use super::links::is_external;
use super::options::Options;
use maud::{html, PreEscaped};

/// The stylesheet inlined into fragments, every rule under `.smarthost-guide`.
pub(crate) const FRAGMENT_CSS: &str = include_str!("fragment.css");

/// The body of a page wrapped for pasting into Confluence or MediaWiki, with its own
/// scoped stylesheet. Links become absolute with --base-url, so they still work there.
pub(super) fn fragment(page: &Page, body: &str, options: &Options) -> String {
    let body = match &options.base_url {
        Some(base) => absolutize_links(body, &format!("{base}{}/", page.lang.code())),
        None => body.to_owned(),
    };
    let fragment = html! {
        div class="smarthost-guide" lang=(page.lang.code()) {
            "\n"
            // The generator's own stylesheet, a constant (no `</style>` in it: a test
            // checks).
            style { "\n" (PreEscaped(FRAGMENT_CSS)) }
            "\n"
            (page_heading(page))
            // The Markdown stage's HTML (escaped by pulldown-cmark, raw HTML only with
            // --allow-html), its links made absolute.
            (PreEscaped(body))
        }
        "\n"
    };
    fragment.into_string()
}

/// Rewrites relative `href`/`src` values in `html` against the absolute directory URL
/// `base_dir` (ending in `/`); anchors and absolute URLs are kept.
pub(crate) fn absolutize_links(html: &str, base_dir: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    loop {
        let next = ["href=\"", "src=\""]
            .iter()
            .filter_map(|attr| rest.find(attr).map(|i| (i, attr.len())))
            .min();
        let Some((start, len)) = next else {
            out.push_str(rest);
            break;
        };
        let value_start = start + len;
        let Some(value_len) = rest[value_start..].find('"') else {
            out.push_str(rest);
            break;
        };
        out.push_str(&rest[..value_start]);
        let value = &rest[value_start..value_start + value_len];
        if value.starts_with('#')
            || value.starts_with('/')
            || is_external(value)
            || value.is_empty()
        {
            out.push_str(value);
        } else {
            out.push_str(&join_url(base_dir, value));
        }
        rest = &rest[value_start + value_len..];
    }
    out
}

/// `base_dir` + `relative`, resolving leading `../` against the path of `base_dir`.
fn join_url(base_dir: &str, relative: &str) -> String {
    let (origin_end, path) = match base_dir
        .find("://")
        .and_then(|i| base_dir[i + 3..].find('/').map(|j| i + 3 + j))
    {
        Some(slash) => (slash, &base_dir[slash..]),
        None => (base_dir.len(), ""),
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut rest = relative;
    loop {
        if let Some(r) = rest.strip_prefix("../") {
            segments.pop();
            rest = r;
        } else if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else {
            break;
        }
    }
    let mut out = base_dir[..origin_end].to_owned();
    out.push('/');
    for segment in segments {
        out.push_str(segment);
        out.push('/');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fragment_stylesheet_cannot_close_its_style_element() {
        assert!(!FRAGMENT_CSS.to_ascii_lowercase().contains("</style"));
    }

    #[test]
    fn absolutizing_keeps_anchors_and_external_links() {
        let html = "<a href=\"a.html#x\">a</a><a href=\"#y\">y</a><a href=\"../vi/b.html\">b</a><img src=\"i.png\"><a href=\"https://e.x/\">e</a>";
        assert_eq!(
            absolutize_links(html, "https://h.example/g/en/"),
            "<a href=\"https://h.example/g/en/a.html#x\">a</a><a href=\"#y\">y</a><a href=\"https://h.example/g/vi/b.html\">b</a><img src=\"https://h.example/g/en/i.png\"><a href=\"https://e.x/\">e</a>"
        );
    }
}
