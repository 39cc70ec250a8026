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

use maud::{html, Markup, PreEscaped};

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

/// A command's text with each run of non-space characters in a `.token` span, which
/// guide.css keeps on one line: a line then breaks only at the command's own spaces,
/// never after the hyphen of `-Name` or inside a host (a token longer than the line
/// scrolls its block instead). Spans add no characters, so a copy is the command as
/// written.
pub(crate) fn unbreakable_tokens(text: &str) -> Markup {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut in_token = false;
    for (at, c) in text.char_indices() {
        let token_char = !c.is_whitespace();
        if at > start && token_char != in_token {
            pieces.push((in_token, &text[start..at]));
            start = at;
        }
        in_token = token_char;
    }
    if start < text.len() {
        pieces.push((in_token, &text[start..]));
    }
    html! {
        @for (token, piece) in pieces {
            @if token { span class="token" { (piece) } } @else { (piece) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_kept_whole_and_escaped_and_spaces_stay_as_they_are() {
        assert_eq!(
            unbreakable_tokens("Set-X -Name  \"a<b\"\n  dig").into_string(),
            "<span class=\"token\">Set-X</span> <span class=\"token\">-Name</span>  <span class=\"token\">&quot;a&lt;b&quot;</span>\n  <span class=\"token\">dig</span>"
        );
        assert_eq!(unbreakable_tokens("").into_string(), "");
        assert_eq!(
            unbreakable_tokens(" é ").into_string(),
            " <span class=\"token\">é</span> "
        );
    }

    #[test]
    fn a_value_that_looks_like_the_slot_is_escaped_and_not_split_at() {
        let id = "<!--slot-->\"";
        let (open, close) = around_slot(html! { div id=(id) { "\n" (slot()) } "\n" });
        assert_eq!(open, "<div id=\"&lt;!--slot--&gt;&quot;\">\n");
        assert_eq!(close, "</div>\n");
    }
}
