//! The anchors of a page: footnotes numbered with ids that cannot clash with headings,
//! and every heading given an id and turned into a link to itself. The ids are collected
//! for the link checker.

use super::events::{raw, Failure, Spanned, TEMPLATE_IDS};
use super::slug::Slugs;
use super::strings::{t, Text};
use pulldown_cmark::{html, Event, Tag, TagEnd};
use smarthost_core::card::escape;
use smarthost_core::i18n::Lang;
use std::collections::{HashMap, HashSet};

/// Footnotes as `fn-<name>` with references `fnref-<name>`, numbered in order of first
/// reference, each definition linking back. A reference without a definition is an
/// error, as a broken link would be.
pub(crate) fn number_footnotes<'a>(
    events: Vec<Spanned<'a>>,
    lang: Lang,
    ids: &mut HashSet<String>,
) -> Result<Vec<Spanned<'a>>, Failure> {
    // Numbers and ids first, so a definition written before its reference still links
    // back: referenced notes in order of first reference, then any unreferenced ones.
    let mut defined = HashSet::new();
    let mut order: Vec<(String, bool)> = Vec::new();
    // A reference to an undefined footnote is left as the text `[`, `^name`, `]`.
    for window in events.windows(3) {
        if let [(Event::Text(open), range), (Event::Text(name), _), (Event::Text(close), _)] =
            window
        {
            if open.as_ref() == "["
                && close.as_ref() == "]"
                && name.starts_with('^')
                && name.len() > 1
            {
                let name = &name[1..];
                return Err((
                    range.start,
                    format!("footnote `[^{name}]` has no definition (`[^{name}]: …`)"),
                ));
            }
        }
    }
    for (event, _) in &events {
        match event {
            Event::FootnoteReference(name) if !order.iter().any(|(n, _)| n == name.as_ref()) => {
                order.push((name.to_string(), true));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                defined.insert(name.to_string());
            }
            _ => {}
        }
    }
    let mut unreferenced: Vec<&String> = defined
        .iter()
        .filter(|d| !order.iter().any(|(n, _)| n == *d))
        .collect();
    unreferenced.sort();
    order.extend(unreferenced.into_iter().map(|d| (d.clone(), false)));
    let mut slugs = Slugs::default();
    // name -> (number, slug, referenced)
    let notes: HashMap<String, (usize, String, bool)> = order
        .into_iter()
        .enumerate()
        .map(|(i, (name, referenced))| {
            let number = i + 1;
            let slug = slugs.unique(&name, &number.to_string());
            (name, (number, slug, referenced))
        })
        .collect();
    let mut out = Vec::with_capacity(events.len());
    let mut open: Option<&(usize, String, bool)> = None;
    let mut seen_refs = HashSet::new();
    for (event, range) in events {
        match event {
            Event::FootnoteReference(name) => {
                // The parser only emits references to defined footnotes.
                let Some((number, slug, _)) = notes.get(name.as_ref()) else {
                    return Err((
                        range.start,
                        format!("footnote `[^{name}]` has no definition (`[^{name}]: …`)"),
                    ));
                };
                // Only the first reference carries the id the back link points to.
                let id_attr = if seen_refs.insert(slug.clone()) {
                    ids.insert(format!("fnref-{slug}"));
                    format!(" id=\"fnref-{}\"", escape(slug))
                } else {
                    String::new()
                };
                out.push((
                    raw(format!(
                        "<sup class=\"footnote-ref\"{id_attr}><a href=\"#fn-{}\">{number}</a></sup>",
                        escape(slug)
                    )),
                    range,
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let note = notes.get(name.as_ref());
                let (number, slug) = note.map_or((0, String::new()), |(n, s, _)| (*n, s.clone()));
                open = note;
                ids.insert(format!("fn-{slug}"));
                out.push((
                    raw(format!(
                        "<div class=\"footnote\" id=\"fn-{}\">\n<span class=\"footnote-label\">{number}.</span>\n",
                        escape(&slug)
                    )),
                    range,
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let back = match open.take() {
                    Some((_, slug, true)) => format!(
                        "<p class=\"footnote-back\"><a href=\"#fnref-{}\">↩ {}</a></p>\n",
                        escape(slug),
                        t(lang, Text::FootnoteBack)
                    ),
                    _ => String::new(),
                };
                out.push((raw(format!("{back}</div>\n")), range));
            }
            other => out.push((other, range)),
        }
    }
    Ok(out)
}

/// Gives every heading an id and makes its text a link to itself, so a reader can copy
/// a link to any section. Explicit `{#id}`s must be unique on the page.
pub(crate) fn anchor_headings<'a>(
    events: Vec<Spanned<'a>>,
    ids: &mut HashSet<String>,
) -> Result<Vec<Spanned<'a>>, Failure> {
    // Explicit ids first, so a generated id never takes one that a later heading names.
    let mut generated = Slugs::with_reserved(&ids.iter().map(String::as_str).collect::<Vec<_>>());
    for (event, range) in &events {
        let Event::Start(Tag::Heading { id: Some(id), .. }) = event else {
            continue;
        };
        let id = id.trim();
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Err((
                range.start,
                format!("heading id `{id}` must be one word without spaces"),
            ));
        }
        if TEMPLATE_IDS.contains(&id) {
            return Err((
                range.start,
                format!("heading id `{id}` is used by the page layout; choose another"),
            ));
        }
        if !generated.take(id) {
            return Err((
                range.start,
                format!("heading id `{id}` is already used on this page"),
            ));
        }
    }
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        let Event::Start(Tag::Heading {
            level, id, classes, ..
        }) = event
        else {
            out.push((event, range));
            continue;
        };
        let mut inner = Vec::new();
        for (event, _) in iter.by_ref() {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                break;
            }
            inner.push(event);
        }
        let id = match id {
            Some(id) => id.trim().to_owned(),
            None => {
                let text: String = inner
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                generated.unique(&text, "section")
            }
        };
        ids.insert(id.clone());
        let has_link = inner
            .iter()
            .any(|e| matches!(e, Event::Start(Tag::Link { .. })));
        let mut content = String::new();
        html::push_html(&mut content, inner.into_iter());
        let class = if classes.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
            format!(" class=\"{}\"", escape(&names.join(" ")))
        };
        let content = if has_link {
            content
        } else {
            format!(
                "<a class=\"heading-link\" href=\"#{}\">{content}</a>",
                escape(&id)
            )
        };
        out.push((
            raw(format!(
                "<{level} id=\"{}\"{class}>{content}</{level}>\n",
                escape(&id)
            )),
            range,
        ));
    }
    Ok(out)
}
