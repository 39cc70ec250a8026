//! The vocabulary the Markdown passes share: pulldown-cmark's configuration, an event
//! with its byte range, and an error at an offset. A leaf module, so the passes
//! ([`crate::anchors`], [`crate::shortcodes`]) and the stage that chains them
//! ([`crate::markdown`]) do not import each other.

use pulldown_cmark::{CowStr, Event, Options as Extensions};
use std::ops::Range;

/// The one parser configuration every page goes through.
pub(crate) fn extensions() -> Extensions {
    Extensions::ENABLE_TABLES
        | Extensions::ENABLE_FOOTNOTES
        | Extensions::ENABLE_HEADING_ATTRIBUTES
        | Extensions::ENABLE_SMART_PUNCTUATION
        | Extensions::ENABLE_STRIKETHROUGH
}

/// Ids the page template uses; a heading may not take them.
pub(crate) const TEMPLATE_IDS: [&str; 3] = ["content", "guides", "page-toc-title"];

pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// An error at a byte offset of the body.
pub(crate) type Failure = (usize, String);

pub(crate) fn raw(html: String) -> Event<'static> {
    Event::Html(CowStr::from(html))
}
