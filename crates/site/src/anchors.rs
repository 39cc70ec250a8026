//! The anchors of a page: footnotes numbered with ids that cannot clash with headings,
//! and every heading given an id and turned into a link to itself. The ids are collected
//! for the link checker.

use super::events::{raw, Failure, Spanned, TEMPLATE_IDS};
use super::markup::{around_slot, slot};
use super::rendered::Section;
use super::slug::Slugs;
use super::strings::{t, Text};
use maud::{html, Markup, PreEscaped};
use pulldown_cmark::{html, Event, HeadingLevel, Tag, TagEnd};
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
    // The closing part of the footnote definition being written.
    let mut close: Option<String> = None;
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
                let id = seen_refs.insert(slug.clone()).then(|| {
                    let id = format!("fnref-{slug}");
                    ids.insert(id.clone());
                    id
                });
                let reference = html! {
                    sup class="footnote-ref" id=[id] { a href={ "#fn-" (slug) } { (number) } }
                };
                out.push((raw(reference.into_string()), range));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let note = notes.get(name.as_ref());
                let (number, slug, referenced) =
                    note.map_or((0, "", false), |(n, s, r)| (*n, s.as_str(), *r));
                ids.insert(format!("fn-{slug}"));
                // The note's paragraphs are the events up to its end: the wrapper is
                // written around them, its closing part kept for the end.
                let (open, end) = around_slot(html! {
                    div class="footnote" id={ "fn-" (slug) } {
                        "\n"
                        span class="footnote-label" { (number) "." } "\n"
                        (slot())
                        @if referenced {
                            p class="footnote-back" {
                                a href={ "#fnref-" (slug) } { "↩ " (t(lang, Text::FootnoteBack)) }
                            }
                            "\n"
                        }
                    }
                    "\n"
                });
                close = Some(end);
                out.push((raw(open), range));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out.push((raw(close.take().unwrap_or_default()), range));
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
    sections: &mut Vec<Section>,
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
        let text: String = inner
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let id = match id {
            Some(id) => id.trim().to_owned(),
            None => generated.unique(&text, "section"),
        };
        ids.insert(id.clone());
        if level == HeadingLevel::H2 {
            sections.push(Section {
                id: id.clone(),
                title: text.trim().to_owned(),
            });
        }
        let has_link = inner
            .iter()
            .any(|e| matches!(e, Event::Start(Tag::Link { .. })));
        let mut content = String::new();
        html::push_html(&mut content, inner.into_iter());
        // The heading's text as pulldown-cmark's writer made it (escaped; raw HTML in
        // it is text unless --allow-html).
        let content = PreEscaped(content);
        let content = html! {
            @if has_link { (content) } @else { a class="heading-link" href={ "#" (id) } { (content) } }
        };
        let names: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
        let class = (!names.is_empty()).then(|| names.join(" "));
        out.push((
            raw(heading(level, &id, class, content).into_string()),
            range,
        ));
    }
    Ok(out)
}

/// `<hN id class>content</hN>` (maud names an element in the template, so a level each).
fn heading(level: HeadingLevel, id: &str, class: Option<String>, content: Markup) -> Markup {
    let markup = match level {
        HeadingLevel::H1 => html! { h1 id=(id) class=[class] { (content) } },
        HeadingLevel::H2 => html! { h2 id=(id) class=[class] { (content) } },
        HeadingLevel::H3 => html! { h3 id=(id) class=[class] { (content) } },
        HeadingLevel::H4 => html! { h4 id=(id) class=[class] { (content) } },
        HeadingLevel::H5 => html! { h5 id=(id) class=[class] { (content) } },
        HeadingLevel::H6 => html! { h6 id=(id) class=[class] { (content) } },
    };
    html! { (markup) "\n" }
}
