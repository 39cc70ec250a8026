//! Stage 4: Markdown to HTML through one configured pulldown-cmark parser and a chain of
//! small passes over its events, each doing one thing:
//!
//! 1. [`escape_raw_html`]: raw HTML becomes text, unless `--allow-html`;
//! 2. [`expand_shortcodes`]: `{{ … }}` paragraphs become HTML from core, and
//!    [`shortcodes::expand_inline`] inline ones inside sentences become words;
//! 3. [`rewrite_links`]: `page.md` becomes `page.html`, every internal link is recorded;
//! 4. [`anchors::number_footnotes`]: footnotes get ids that cannot clash with headings,
//!    and links back;
//! 5. [`anchors::anchor_headings`]: every heading gets an id (its `{#id}` or one made
//!    from its text) and becomes a link to itself;
//! 6. [`mark_up_tables`]: header cells get `scope`, empty corner cells stay `td`.
//!
//! Pages render one at a time through a [`PageRenderer`], on every core (see `stream`);
//! a page's result does not depend on any other page's.

use super::anchors;
use super::devices::DeviceSet;
use super::error::{LineIndex, SiteError};
use super::events::{extensions, raw, Failure, Spanned, TEMPLATE_IDS};
use super::front_matter::{Page, Site};
use super::links::Resolver;
use super::markup::{around_slot, slot, unbreakable_tokens};
use super::options::Options;
use super::output::generated_files;
use super::rendered::{PageAnchors, Rendered};
use super::shortcodes::{self, looks_like_shortcode};
use maud::html;
use pulldown_cmark::{
    html, Alignment, BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd,
};
use smarthost_core::i18n::Lang;
use std::collections::HashSet;

/// What rendering one page needs to know.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RenderContext<'a> {
    pub(crate) lang: Lang,
    pub(crate) allow_html: bool,
    pub(crate) shortcodes: shortcodes::Context<'a>,
    pub(crate) resolver: &'a Resolver,
}

/// Renders a page body that starts on line `body_line` of its file; an error is
/// `(line, message)`.
pub(crate) fn render(
    body: &str,
    body_line: usize,
    ctx: &RenderContext,
) -> Result<Rendered, (usize, String)> {
    let lines = LineIndex::new(body, body_line);
    let at = |(offset, message): Failure| (lines.line(offset), message);
    // Reference links whose definition is missing would silently render as text.
    let mut broken = Vec::new();
    let callback = |link: BrokenLink| {
        if matches!(link.link_type, LinkType::Reference | LinkType::Collapsed) {
            broken.push((link.span.start, link.reference.to_string()));
        }
        None
    };
    let events: Vec<Spanned> =
        Parser::new_with_broken_link_callback(body, extensions(), Some(callback))
            .into_offset_iter()
            .collect();
    if let Some((offset, label)) = broken.into_iter().next() {
        return Err(at((
            offset,
            format!("link reference `[{label}]` has no definition (`[{label}]: url`)"),
        )));
    }
    let events = if ctx.allow_html {
        events
    } else {
        escape_raw_html(events)
    };
    let events = expand_shortcodes(body, events, &ctx.shortcodes).map_err(at)?;
    let events = shortcodes::expand_inline(body, events, &ctx.shortcodes).map_err(at)?;
    let mut links = Vec::new();
    let events = rewrite_links(events, |dest, offset| {
        match ctx.resolver.resolve(ctx.lang, dest, lines.line(offset)) {
            Ok(Some((href, link))) => {
                links.push(link);
                Ok(Some(href))
            }
            Ok(None) => Ok(None),
            Err(message) => Err((offset, message)),
        }
    })
    .map_err(at)?;
    let mut ids: HashSet<String> = TEMPLATE_IDS.iter().map(|s| (*s).to_owned()).collect();
    let events = anchors::number_footnotes(events, ctx.lang, &mut ids).map_err(at)?;
    let mut sections = Vec::new();
    let events = anchors::anchor_headings(events, &mut ids, &mut sections).map_err(at)?;
    let events = mark_up_tables(events);
    let events = mark_up_code_blocks(events);
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter().map(|(event, _)| event));
    Ok(Rendered {
        html: out,
        sections,
        anchors: PageAnchors { ids, links },
    })
}

/// Raw HTML in a guide is shown as text: a pasted `<script>` must not run on the
/// intranet page that embeds the guide.
pub(crate) fn escape_raw_html(events: Vec<Spanned>) -> Vec<Spanned> {
    events
        .into_iter()
        .map(|(event, range)| {
            let event = match event {
                Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
                Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
                Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
                other => other,
            };
            (event, range)
        })
        .collect()
}

/// Replaces each paragraph that is a shortcode by its rendering.
pub(crate) fn expand_shortcodes<'a>(
    body: &str,
    events: Vec<Spanned<'a>>,
    ctx: &shortcodes::Context,
) -> Result<Vec<Spanned<'a>>, Failure> {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        let source = body.get(range.clone()).unwrap_or_default();
        if !matches!(event, Event::Start(Tag::Paragraph)) || !looks_like_shortcode(source) {
            out.push((event, range));
            continue;
        }
        // Paragraphs do not nest: skip to this one's end.
        for (inner, _) in iter.by_ref() {
            if matches!(inner, Event::End(TagEnd::Paragraph)) {
                break;
            }
        }
        let html = shortcodes::parse(source)
            .and_then(|code| shortcodes::render(&code, ctx))
            .map_err(|message| (range.start, message))?;
        out.push((raw(html), range));
    }
    Ok(out)
}

/// Calls `resolve(dest, offset)` for each link and image: `Ok(Some(href))` replaces the
/// destination, `Ok(None)` keeps it (external), `Err` stops.
pub(crate) fn rewrite_links<'a>(
    events: Vec<Spanned<'a>>,
    mut resolve: impl FnMut(&str, usize) -> Result<Option<String>, Failure>,
) -> Result<Vec<Spanned<'a>>, Failure> {
    let mut out = Vec::with_capacity(events.len());
    for (event, range) in events {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if link_type != LinkType::Email => {
                let dest_url = match resolve(&dest_url, range.start)? {
                    Some(href) => CowStr::from(href),
                    None => dest_url,
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolve(&dest_url, range.start)? {
                    Some(href) => CowStr::from(href),
                    None => dest_url,
                };
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => other,
        };
        out.push((event, range));
    }
    Ok(out)
}

/// Tables with `scope` on header cells and alignment as classes (no inline styles), and
/// an empty header cell as `td`: an empty `th` names nothing for a screen reader. The
/// table's own tags are fixed strings (no value in them); a cell's opening tag, which
/// takes its alignment, is a template.
pub(crate) fn mark_up_tables(events: Vec<Spanned>) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(events.len());
    let mut aligns: Vec<Alignment> = Vec::new();
    let mut in_head = false;
    let mut cell = 0;
    let mut iter = events.into_iter().peekable();
    while let Some((event, range)) = iter.next() {
        let html = match event {
            Event::Start(Tag::Table(a)) => {
                aligns = a;
                "<table>\n".to_owned()
            }
            Event::End(TagEnd::Table) => "</tbody>\n</table>\n".to_owned(),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cell = 0;
                "<thead>\n<tr>".to_owned()
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                "</tr>\n</thead>\n<tbody>\n".to_owned()
            }
            Event::Start(Tag::TableRow) => {
                cell = 0;
                "<tr>".to_owned()
            }
            Event::End(TagEnd::TableRow) => "</tr>\n".to_owned(),
            Event::Start(Tag::TableCell) => {
                let class = match aligns.get(cell) {
                    Some(Alignment::Left) => Some("align-left"),
                    Some(Alignment::Center) => Some("align-center"),
                    Some(Alignment::Right) => Some("align-right"),
                    _ => None,
                };
                let empty = matches!(iter.peek(), Some((Event::End(TagEnd::TableCell), _)));
                if in_head && empty {
                    iter.next();
                    cell += 1;
                    "<td></td>".to_owned()
                } else if in_head {
                    around_slot(html! { th scope="col" class=[class] { (slot()) } }).0
                } else {
                    around_slot(html! { td class=[class] { (slot()) } }).0
                }
            }
            Event::End(TagEnd::TableCell) => {
                cell += 1;
                if in_head { "</th>" } else { "</td>" }.to_owned()
            }
            other => {
                out.push((other, range));
                continue;
            }
        };
        out.push((raw(html), range));
    }
    out
}

/// Code blocks that a keyboard can scroll: a command wraps at its spaces only, never
/// inside a parameter or a host (each token is kept whole, `markup::unbreakable_tokens`),
/// so a token longer than a phone's line scrolls the block sideways instead, and a
/// scrolling box needs to take focus for the arrow keys to reach it. The language class
/// stays as pulldown-cmark writes it.
pub(crate) fn mark_up_code_blocks(events: Vec<Spanned>) -> Vec<Spanned> {
    let mut in_code = false;
    events
        .into_iter()
        .map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code = true;
                let class = match &kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .map(|lang| format!("language-{lang}")),
                    CodeBlockKind::Indented => None,
                };
                let open =
                    around_slot(html! { pre tabindex="0" { code class=[class] { (slot()) } } }).0;
                (raw(open), range)
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                (raw("</code></pre>\n".to_owned()), range)
            }
            Event::Text(text) if in_code => (raw(unbreakable_tokens(&text).into_string()), range),
            other => (other, range),
        })
        .collect()
}

/// Renders the site's pages one at a time, from any thread: what every page shares (the
/// link resolver, which knows every page and generated file) is made once.
pub(crate) struct PageRenderer<'a> {
    /// `--guide` as shown in errors.
    pub(crate) guide: String,
    resolver: Resolver,
    devices: &'a DeviceSet,
    options: &'a Options,
}

impl<'a> PageRenderer<'a> {
    pub(crate) fn new(site: &Site, devices: &'a DeviceSet, options: &'a Options) -> Self {
        let guide = options
            .guide
            .to_string_lossy()
            .replace('\\', "/")
            .trim_end_matches('/')
            .to_owned();
        let resolver = Resolver {
            guide: guide.clone(),
            pages: site
                .langs
                .iter()
                .map(|l| (l.lang, l.pages.iter().map(|p| p.slug.clone()).collect()))
                .collect(),
            files: generated_files(site, devices, options.fragments),
        };
        PageRenderer {
            guide,
            resolver,
            devices,
            options,
        }
    }

    /// One page's body, or its first error.
    pub(crate) fn render(&self, page: &Page) -> Result<Rendered, SiteError> {
        let ctx = RenderContext {
            lang: page.lang,
            allow_html: self.options.allow_html,
            shortcodes: shortcodes::Context {
                lang: page.lang,
                devices: self.devices,
                app_url: &self.options.app_url,
                depth: 1,
                today: self.options.today,
            },
            resolver: &self.resolver,
        };
        render(page.body(), page.body_line, &ctx)
            .map_err(|(line, message)| SiteError::at(&page.path, line, message))
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
