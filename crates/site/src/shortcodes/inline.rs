//! Inline shortcodes (`milestone`): inside a sentence, replaced by words.

use super::args::{Args, Context};
use super::parse::{parse, Shortcode, INLINE};
use crate::events::{Failure, Spanned};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use smarthost_core::milestone::Milestone;

/// A milestone in the words the app uses for it on the build's day ("… (in 29 days)"
/// before it, "has been … since" from it on), in the page's language.
pub(super) fn milestone(code: &Shortcode, ctx: &Context) -> Result<String, String> {
    let args = Args::check(code, &["key"], &[])?;
    let milestone = Milestone::from_key(args.required("key").trim()).ok_or_else(|| {
        args.invalid(
            "key",
            "a milestone",
            &format!(
                "the milestones are: {}",
                Milestone::ALL.map(Milestone::key).join(", ")
            ),
        )
    })?;
    Ok(milestone.text(ctx.lang, ctx.today))
}

/// Replaces each inline shortcode in running text by its words, as text (so the HTML
/// writer escapes it). The shortcode is read from the source, not from the text events,
/// because smart punctuation turns its quotes into curly ones; code blocks and code
/// spans are left as written, and so is any other `{{ … }}` in prose (a guide may
/// mention `{{ matrix }}`).
pub(crate) fn expand_inline<'a>(
    body: &str,
    mut events: Vec<Spanned<'a>>,
    ctx: &Context,
) -> Result<Vec<Spanned<'a>>, Failure> {
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut in_code_block = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            _ => {}
        }
        let range = events[i].1.clone();
        let found = match &events[i].0 {
            Event::Text(text) if !in_code_block => body
                .get(range.clone())
                .and_then(find_inline)
                .and_then(|in_source| find_inline(text).map(|in_text| (in_source, in_text))),
            _ => None,
        };
        let Some((in_source, in_text)) = found else {
            out.push(events[i].clone());
            i += 1;
            continue;
        };
        let start = range.start + in_source;
        let fail = |message: String| (start, message);
        let unclosed =
            || fail("an inline shortcode needs its closing `}}` in the same paragraph".to_owned());
        let end = body
            .get(start..)
            .and_then(|rest| rest.find("}}"))
            .map(|at| start + at + 2)
            .ok_or_else(unclosed)?;
        // The events the shortcode spans: text (smart quotes are text of their own) and
        // line breaks only.
        let mut last = i;
        while events[last].1.end < end {
            last += 1;
            match events.get(last) {
                Some((Event::Text(_) | Event::SoftBreak, _)) => {}
                Some(_) => {
                    return Err(fail(
                        "an inline shortcode is plain text: no emphasis, code or links inside `{{ … }}`"
                            .to_owned(),
                    ))
                }
                None => return Err(unclosed()),
            }
        }
        let code = parse(body.get(start..end).unwrap_or_default()).map_err(fail)?;
        let mut words = milestone(&code, ctx).map_err(fail)?;
        let prefix = match &events[i].0 {
            Event::Text(text) => text[..in_text].to_owned(),
            _ => String::new(),
        };
        let sentence_start = if prefix.trim().is_empty() {
            match out.last() {
                Some((Event::Text(previous), _)) => ends_sentence(previous),
                Some((
                    Event::Start(
                        Tag::Paragraph
                        | Tag::Item
                        | Tag::TableCell
                        | Tag::Heading { .. }
                        | Tag::BlockQuote(_),
                    ),
                    _,
                ))
                | None => true,
                Some(_) => false,
            }
        } else {
            ends_sentence(&prefix)
        };
        if sentence_start {
            words = capitalize(&words);
        }
        if !prefix.is_empty() {
            out.push((Event::Text(CowStr::from(prefix)), range.start..start));
        }
        out.push((Event::Text(CowStr::from(words)), start..end));
        // What follows the shortcode in its last event is looked at again: it may hold
        // another one.
        let last_range = events[last].1.clone();
        let rest = match &events[last].0 {
            Event::Text(text) => {
                let from = if last == i { in_text } else { 0 };
                text.get(from..)
                    .and_then(|t| t.find("}}"))
                    .and_then(|at| text.get(from + at + 2..))
                    .unwrap_or_default()
                    .to_owned()
            }
            _ => String::new(),
        };
        if rest.is_empty() {
            i = last + 1;
        } else {
            events[last] = (Event::Text(CowStr::from(rest)), end..last_range.end);
            i = last;
        }
    }
    Ok(out)
}

/// Where the first inline shortcode in `text` starts: `{{`, maybe spaces, and the
/// name of an inline shortcode ending at a space, `}}` or the end of the text (a line
/// break).
fn find_inline(text: &str) -> Option<usize> {
    // Every `{{` from the left, not overlapping (as `match_indices("{{")` finds them),
    // found by looking for `{` alone: most text has none, and a one-byte search is much
    // cheaper on the many short text events of a page than a substring search.
    let mut from = 0;
    while let Some(offset) = text.get(from..)?.find('{') {
        let at = from + offset;
        if !text[at + 1..].starts_with('{') {
            from = at + 1;
            continue;
        }
        let rest = text[at + 2..].trim_start();
        let named = INLINE.iter().any(|name| {
            rest.strip_prefix(name).is_some_and(|after| {
                after.is_empty()
                    || after.starts_with(char::is_whitespace)
                    || after.starts_with("}}")
            })
        });
        if named {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Whether words after `text` begin a new sentence: it ends with a full stop, a
/// question or an exclamation mark (or is only spaces at the start of a block).
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    text.is_empty() || text.ends_with(['.', '?', '!'])
}

fn capitalize(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The substring search `find_inline` replaced, as the reference.
    fn by_substring(text: &str) -> Option<usize> {
        text.match_indices("{{").map(|(at, _)| at).find(|&at| {
            let rest = text[at + 2..].trim_start();
            INLINE.iter().any(|name| {
                rest.strip_prefix(name).is_some_and(|after| {
                    after.is_empty()
                        || after.starts_with(char::is_whitespace)
                        || after.starts_with("}}")
                })
            })
        })
    }

    #[test]
    fn finds_the_inline_shortcodes_a_substring_search_finds() {
        for text in [
            "",
            "plain",
            "{",
            "{{",
            "a { b {{ milestone key=\"x\" }}",
            "{{{ milestone }}",
            "{{{{ milestone }}",
            "{{ matrix }} then {{milestone}}",
            "{ {{milestone",
            "{{milestones }} {{ milestone",
            "é{{ milestone }}",
        ] {
            assert_eq!(find_inline(text), by_substring(text), "{text:?}");
        }
    }
}
