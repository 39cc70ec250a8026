use super::*;
use crate::devices::DeviceSet;
use crate::links::Target;
use crate::parallel::parallel_map;

fn resolver() -> Resolver {
    Resolver {
        guide: "guide".to_owned(),
        pages: vec![
            (
                Lang::En,
                ["index", "a", "b", "only-en"]
                    .map(str::to_owned)
                    .into_iter()
                    .collect(),
            ),
            (
                Lang::Vi,
                ["index", "a"].map(str::to_owned).into_iter().collect(),
            ),
        ],
        files: [
            "index.html",
            "en/devices/index.html",
            "vi/devices/index.html",
        ]
        .map(str::to_owned)
        .into_iter()
        .collect(),
    }
}

fn render_with(body: &str, lang: Lang, allow_html: bool) -> Result<Rendered, (usize, String)> {
    let devices = DeviceSet::default();
    let resolver = resolver();
    let ctx = RenderContext {
        lang,
        allow_html,
        shortcodes: shortcodes::Context {
            lang,
            devices: &devices,
            app_url: "../",
            depth: 1,
            // 2026-12-02, the project's today.
            today: smarthost_core::date::Date::from_days_since_epoch(20_789),
        },
        resolver: &resolver,
    };
    render(body, 10, &ctx)
}

fn html(body: &str) -> String {
    match render_with(body, Lang::En, false) {
        Ok(r) => r.html,
        Err(e) => panic!("{e:?}"),
    }
}

fn error(body: &str) -> (usize, String) {
    match render_with(body, Lang::En, false) {
        Ok(r) => panic!("expected an error, got {}", r.html),
        Err(e) => e,
    }
}

#[test]
fn raw_html_is_escaped_unless_allowed() {
    let body = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>.\n";
    let out = html(body);
    assert!(!out.contains("<script>") && !out.contains("<b "), "{out}");
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{out}"
    );
    assert!(
        out.contains("Text &lt;b onclick=\"x()\"&gt;bold&lt;/b&gt;."),
        "{out}"
    );
    let allowed = render_with(body, Lang::En, true)
        .map(|r| r.html)
        .unwrap_or_default();
    assert!(allowed.contains("<script>alert(1)</script>"), "{allowed}");
}

#[test]
fn heading_attributes_cannot_smuggle_html() {
    let out = html("## Title {#t .x onclick=alert(1)}\n");
    assert_eq!(
        out,
        "<h2 id=\"t\" class=\"x\"><a class=\"heading-link\" href=\"#t\">Title</a></h2>\n"
    );
}

#[test]
fn headings_get_ids_from_attributes_or_text() {
    let rendered = render_with(
        "## Set up {#setup}\n\n## Máy in & “quotes”\n\n## Máy in & quotes\n\n## [Linked](a.md)\n",
        Lang::En,
        false,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let out = rendered.html;
    assert!(
        out.contains("<h2 id=\"setup\"><a class=\"heading-link\" href=\"#setup\">Set up</a></h2>"),
        "{out}"
    );
    assert!(out.contains("<h2 id=\"may-in-quotes\">"), "{out}");
    assert!(out.contains("<h2 id=\"may-in-quotes-2\">"), "{out}");
    // A heading that is already a link is not wrapped in another.
    assert!(
        out.contains("<h2 id=\"linked\"><a href=\"a.html\">Linked</a></h2>"),
        "{out}"
    );
    for id in [
        "setup",
        "may-in-quotes",
        "may-in-quotes-2",
        "linked",
        "content",
    ] {
        assert!(rendered.anchors.ids.contains(id), "{id}");
    }
}

#[test]
fn generated_ids_step_around_explicit_ones_later_on_the_page() {
    let out = html("## Limits\n\n## Other limits {#limits}\n");
    assert!(out.contains("<h2 id=\"limits-2\">"), "{out}");
    assert!(out.contains("<h2 id=\"limits\">"), "{out}");
}

#[test]
fn the_sections_are_the_level_two_headings_with_their_ids_and_plain_text() {
    let rendered = render_with(
        "## Find the `MX` host {#mx}\n\n### Detail\n\n## Port 25\n\n## Guides\n",
        Lang::En,
        false,
    )
    .unwrap_or_default();
    let sections: Vec<(&str, &str)> = rendered
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    // "guides" is the page list's id, so the heading steps around it.
    assert_eq!(
        sections,
        [
            ("mx", "Find the MX host"),
            ("port-25", "Port 25"),
            ("guides-2", "Guides")
        ]
    );
}

#[test]
fn duplicate_or_reserved_heading_ids_are_errors() {
    assert_eq!(
        error("## A {#x}\n\ntext\n\n## B {#x}\n"),
        (14, "heading id `x` is already used on this page".to_owned())
    );
    assert_eq!(
        error("## Main {#content}\n"),
        (
            10,
            "heading id `content` is used by the page layout; choose another".to_owned()
        )
    );
}

#[test]
fn links_become_relative_html_and_are_recorded() {
    let rendered = render_with(
        "See [a](a.md), [b](b.md#part), [here](#top), [vi](../vi/a.md), [home](../index.html), [web](https://example.com/x.md), <mailto:x@y.z> and <x@y.z>.\n",
        Lang::En,
        false,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let out = rendered.html;
    for expected in [
        "<a href=\"a.html\">a</a>",
        "<a href=\"b.html#part\">b</a>",
        "<a href=\"#top\">here</a>",
        "<a href=\"../vi/a.html\">vi</a>",
        "<a href=\"../index.html\">home</a>",
        "<a href=\"https://example.com/x.md\">web</a>",
        "<a href=\"mailto:x@y.z\">",
        "<a href=\"mailto:x@y.z\">x@y.z</a>",
    ] {
        assert!(out.contains(expected), "{expected} in {out}");
    }
    let targets: Vec<(&Target, Option<&str>, usize)> = rendered
        .anchors
        .links
        .iter()
        .map(|l| (&l.target, l.fragment.as_deref(), l.line))
        .collect();
    assert_eq!(targets.len(), 5);
    assert_eq!(
        targets[1],
        (
            &Target::Page {
                lang: Lang::En,
                slug: "b".to_owned()
            },
            Some("part"),
            10
        )
    );
    assert_eq!(targets[2], (&Target::SamePage, Some("top"), 10));
}

#[test]
fn an_untranslated_page_falls_back_to_another_language() {
    let out = render_with("[x](only-en.md#s) [y](a.md)\n", Lang::Vi, false)
        .map(|r| r.html)
        .unwrap_or_default();
    assert!(
        out.contains("<a href=\"../en/only-en.html#s\">x</a>"),
        "{out}"
    );
    assert!(out.contains("<a href=\"a.html\">y</a>"), "{out}");
}

#[test]
fn broken_links_name_their_line() {
    assert_eq!(
        error("line one\n\n[x](missing.md)\n"),
        (
            12,
            "broken link `missing.md`: guide/en/missing.md does not exist".to_owned()
        )
    );
    assert_eq!(
        error("![diagram](img/flow.png)\n"),
        (
            10,
            "broken link `img/flow.png`: the site has no en/img/flow.png".to_owned()
        )
    );
    assert_eq!(
        error("[x](/en/a.md)\n").1,
        "link `/en/a.md` starts with `/`, which breaks under a sub-path and from file://; write it relative to this page, such as `other-page.md`"
    );
    assert_eq!(
        error("[x](../../app/)\n").1,
        "link `../../app/` leaves the guide; link to the planner with the plan-link shortcode"
    );
}

#[test]
fn footnotes_are_numbered_with_prefixed_ids_and_link_back() {
    let rendered = render_with(
        "Text[^mfd] and again[^mfd], then[^2].\n\n[^2]: Two.\n[^mfd]: Microsoft Learn.\n",
        Lang::En,
        false,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let out = &rendered.html;
    assert!(
        out.contains(
            "Text<sup class=\"footnote-ref\" id=\"fnref-mfd\"><a href=\"#fn-mfd\">1</a></sup>"
        ),
        "{out}"
    );
    assert!(
        out.contains("again<sup class=\"footnote-ref\"><a href=\"#fn-mfd\">1</a></sup>"),
        "{out}"
    );
    assert!(
        out.contains(
            "then<sup class=\"footnote-ref\" id=\"fnref-2\"><a href=\"#fn-2\">2</a></sup>"
        ),
        "{out}"
    );
    assert!(out.contains("<div class=\"footnote\" id=\"fn-mfd\">\n<span class=\"footnote-label\">1.</span>\n<p>Microsoft Learn.</p>\n<p class=\"footnote-back\"><a href=\"#fnref-mfd\">↩ Back to the text</a></p>\n</div>"), "{out}");
    for id in ["fn-mfd", "fnref-mfd", "fn-2", "fnref-2"] {
        assert!(rendered.anchors.ids.contains(id), "{id}");
    }
    assert_eq!(
        error("One.\n\nTwo[^nope].\n"),
        (
            12,
            "footnote `[^nope]` has no definition (`[^nope]: …`)".to_owned()
        )
    );
    assert_eq!(
        error("See [the docs][docs].\n"),
        (
            10,
            "link reference `[docs]` has no definition (`[docs]: url`)".to_owned()
        )
    );
    // Brackets in prose are not links.
    assert!(html("Tick [ ] and [x] and a[^] caret.\n").contains("[x]"));
}

#[test]
fn tables_scope_their_headers_and_keep_empty_corners_as_td() {
    let out = html("| | A | B |\n|---|:-:|--:|\n| row | 1 | 2 |\n");
    assert_eq!(
        out,
        "<table>\n<thead>\n<tr><td></td><th scope=\"col\" class=\"align-center\">A</th><th scope=\"col\" class=\"align-right\">B</th></tr>\n</thead>\n<tbody>\n<tr><td>row</td><td class=\"align-center\">1</td><td class=\"align-right\">2</td></tr>\n</tbody>\n</table>\n"
    );
}

#[test]
fn code_blocks_take_focus_and_keep_their_language_escaped() {
    let out = html("```power\"shell x\n<a>\n```\n\n    indented\n");
    assert!(
        out.contains("<pre tabindex=\"0\"><code class=\"language-power&quot;shell\"><span class=\"token\">&lt;a&gt;</span>\n</code></pre>"),
        "{out}"
    );
    assert!(
        out.contains(
            "<pre tabindex=\"0\"><code><span class=\"token\">indented</span>\n</code></pre>"
        ),
        "{out}"
    );
}

#[test]
fn smart_punctuation_strikethrough_and_code_blocks() {
    let out = html("\"Quoted\" -- ~~old~~\n\n```text\n<not html> \"straight\"\n```\n");
    assert!(out.contains("<p>“Quoted” – <del>old</del></p>"), "{out}");
    assert!(
        out.contains(
            "<pre tabindex=\"0\"><code class=\"language-text\"><span class=\"token\">&lt;not</span> <span class=\"token\">html&gt;</span> <span class=\"token\">&quot;straight&quot;</span>\n</code></pre>"
        ),
        "{out}"
    );
}

#[test]
fn shortcode_paragraphs_are_replaced_and_errors_carry_the_line() {
    let out = html("Intro.\n\n{{ method-settings method=\"hve\" }}\n\nAfter.\n");
    assert!(
        out.starts_with("<p>Intro.</p>\n<table class=\"settings\">"),
        "{out}"
    );
    assert!(out.contains("smtp-hve.office365.com"), "{out}");
    assert!(out.ends_with("</table>\n<p>After.</p>\n"), "{out}");
    // Inline mentions are prose, not shortcodes.
    assert!(html("Write `{{ matrix }}` or {{ matrix }} inline.\n").contains("{{ matrix }} inline"));
    assert_eq!(
        error("Intro.\n\n\n{{ matrx }}\n"),
        (13, "unknown shortcode `matrx`; the shortcodes are: matrix, clouds, method-settings, connector, fact, plan-link, card, explain-link, check-link, bounces, terms".to_owned())
    );
}

#[test]
fn output_does_not_depend_on_threads() {
    let items: Vec<usize> = (0..1000).collect();
    let squares = parallel_map(&items, |n| n * n);
    assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    assert!(parallel_map(&Vec::<usize>::new(), |n| *n).is_empty());
}
