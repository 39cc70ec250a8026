//! How the generator writes HTML: maud templates (`maud::html!`), which escape every
//! value interpolated into them, so no page, shortcode or anchor depends on remembering
//! to call an escaping function. Raw HTML is written as `PreEscaped` only where it is
//! HTML already (the Markdown stage's output, core's card, the fragment stylesheet),
//! each place with a comment saying why; `markup_tests.rs` lists those places and fails
//! on a new one, and on HTML built with `format!` or `push_str`.
//!
//! Templates write `"\n"` after block elements, so the pages read well as source.
//!
//! A leaf module: the templates of every stage use it.

use maud::{Markup, PreEscaped};

/// Where an element's content goes when a later event of the Markdown stream supplies
/// it (a footnote's paragraphs). Values are escaped, so a `<` in a template's output is
/// the template's own: the first `SLOT` is the one the template wrote.
const SLOT: &str = "<!--slot-->";

/// The slot to write inside an element given to [`around_slot`].
pub(crate) fn slot() -> PreEscaped<&'static str> {
    PreEscaped(SLOT)
}

/// A template with one [`slot`], split there: what goes before the content and what
/// goes after it.
pub(crate) fn around_slot(markup: Markup) -> (String, String) {
    let html = markup.into_string();
    match html.split_once(SLOT) {
        Some((open, close)) => (open.to_owned(), close.to_owned()),
        None => (html, String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use maud::html;

    #[test]
    fn a_value_that_looks_like_the_slot_is_escaped_and_not_split_at() {
        let id = "<!--slot-->\"";
        let (open, close) = around_slot(html! { div id=(id) { "\n" (slot()) } "\n" });
        assert_eq!(open, "<div id=\"&lt;!--slot--&gt;&quot;\">\n");
        assert_eq!(close, "</div>\n");
    }
}
