use super::*;
use crate::devices::prepare;
use crate::front_matter::{read_site, Site};
use crate::load::{LangSource, PageFile, Source, TextFile};
use crate::markdown::PageRenderer;
use smarthost_core::date::Date;

/// The defaults of `smarthost build`, worded for 2026-12-02 (the layout does not depend
/// on the day).
fn defaults() -> Options {
    Options::new(Date::from_days_since_epoch(20_789))
}

fn page(lang: &str, slug: &str, title: &str, order: i64, body: &str) -> PageFile {
    PageFile {
        slug: slug.to_owned(),
        file: TextFile {
            path: format!("guide/{lang}/{slug}.md"),
            text: format!(
                "+++\ntitle = \"{title}\"\nsummary = \"Summary of {slug} <b>&\"\norder = {order}\nupdated = \"2026-11-28\"\n+++\n{body}"
            ),
        },
    }
}

fn source(devices: bool) -> Source {
    Source {
        root: "guide".to_owned(),
        langs: vec![
            LangSource {
                lang: Lang::En,
                pages: vec![
                    page("en", "index", "Home", 0, "Welcome. See [b](b.md#part).\n"),
                    page("en", "b", "<script>alert(1)</script>", 10, "## Part {#part}\n\nText.\n"),
                    page("en", "c", "Third", 20, "See [home](index.md).\n"),
                ],
            },
            LangSource {
                lang: Lang::Vi,
                pages: vec![page("vi", "index", "Trang chủ", 0, "Xin chào.\n")],
            },
        ],
        devices: devices.then(|| TextFile {
            path: "guide/devices.toml".to_owned(),
            text: "version = 1\n[[devices]]\nname = \"Máy in <tầng 2>\"\nmethod = \"direct-send\"\nfrom = \"scan@contoso.com\"\nnotes = \"Port 25 open.\"\n".to_owned(),
        }),
        settings: None,
        notes: Vec::new(),
    }
}

struct Built {
    files: Vec<OutputFile>,
}

impl Built {
    fn text(&self, path: &str) -> String {
        let file = self.files.iter().find(|f| f.path == path);
        let file = file.unwrap_or_else(|| panic!("{path} not built"));
        String::from_utf8_lossy(&file.bytes).into_owned()
    }
}

fn build(options: &Options, devices: bool) -> Built {
    let source = source(devices);
    let site: Site = read_site(&source).unwrap_or_else(|e| panic!("{e}"));
    let devices = prepare(source.devices.as_ref(), &site.langs(), options.today)
        .unwrap_or_else(|e| panic!("{e}"));
    // The files `stream::build_site` writes, from the same functions, in path order.
    let renderer = PageRenderer::new(&site, &devices, options);
    let navs = Navs::new(&site, &devices);
    let mut files = other_files(&site, &devices, &navs, options);
    for lang_site in &site.langs {
        for (index, page) in lang_site.pages.iter().enumerate() {
            let rendered = renderer.render(page).unwrap_or_else(|e| panic!("{e}"));
            files.extend(page_files(
                &site, lang_site, index, &rendered, &navs, options,
            ));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Built { files }
}

#[test]
fn the_layout_is_sorted_and_complete() {
    let built = build(
        &Options {
            fragments: true,
            ..defaults()
        },
        true,
    );
    let paths: Vec<&str> = built.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "assets/card-fit.js",
            "assets/card.css",
            "assets/embed.js",
            "assets/favicon.svg",
            "assets/guide.css",
            "assets/language.js",
            "en/b.fragment.html",
            "en/b.html",
            "en/c.fragment.html",
            "en/c.html",
            "en/devices/index.html",
            "en/devices/may-in-tang-2.html",
            "en/devices/print.html",
            "en/index.fragment.html",
            "en/index.html",
            "index.html",
            "sitemap.xml",
            "vi/devices/index.html",
            "vi/devices/may-in-tang-2.html",
            "vi/devices/print.html",
            "vi/index.fragment.html",
            "vi/index.html",
        ]
    );
    assert_eq!(built.text("assets/card.css"), CARD_CSS);
}

#[test]
fn hostile_titles_and_summaries_are_escaped_everywhere() {
    let built = build(&defaults(), false);
    let b = built.text("en/b.html");
    assert!(!b.contains("<script>"), "{b}");
    assert!(
        b.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · smarthost setup guides</title>"),
        "{b}"
    );
    assert!(
        b.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
        "{b}"
    );
    assert!(
        b.contains("<meta name=\"description\" content=\"Summary of b &lt;b&gt;&amp;\">"),
        "{b}"
    );
    let home = built.text("en/index.html");
    assert!(!home.contains("<script>"), "in the nav and pager: {home}");
    assert!(
        home.contains("&lt;script&gt;alert(1)&lt;/script&gt;</a>"),
        "{home}"
    );
}

#[test]
fn pages_have_nav_pager_language_switch_and_planner_link() {
    let built = build(&defaults(), true);
    let home = built.text("en/index.html");
    assert!(home.contains("<html lang=\"en\">"), "{home}");
    assert!(
        home.contains("<li><a href=\"index.html\" aria-current=\"page\">Home</a></li>"),
        "{home}"
    );
    assert!(
        home.contains("<li><a href=\"devices/index.html\">Device config cards</a></li>"),
        "{home}"
    );
    assert!(
        home.contains("<a class=\"pager-next\" rel=\"next\" href=\"b.html\">"),
        "{home}"
    );
    assert!(!home.contains("rel=\"prev\""), "{home}");
    // Search engines take only absolute hreflang URLs; without --base-url there is none.
    assert!(!home.contains("rel=\"alternate\""), "{home}");
    assert!(
        home.contains("<a href=\"../vi/index.html\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"),
        "{home}"
    );
    assert!(
        home.contains("<a class=\"planner-link\" href=\"../../?lang=en\">Open the planner</a>"),
        "{home}"
    );
    assert!(home.contains("<a href=\"b.html#part\">b</a>"), "{home}");
    assert!(
        home.contains("&lt;iframe src=&quot;en/index.html?embed=1&quot;"),
        "{home}"
    );
    // Files only, nothing inline, which a strict CSP would block: embed mode's, blocking
    // so an embedded page never shows its header, and the language memory's, deferred.
    // The card fitting is only on the pages that print cards.
    assert_eq!(home.matches("<script").count(), 2, "{home}");
    assert!(
        home.contains("<script src=\"../assets/embed.js\"></script>\n<script src=\"../assets/language.js\" defer></script>\n</head>"),
        "{home}"
    );
    // The embed.js swaps the help once it has made the snippet absolute.
    assert!(
        home.contains("<p data-embed-help-absolute hidden>"),
        "{home}"
    );
    // No translation: no switcher, no alternates.
    let c = built.text("en/c.html");
    assert!(!c.contains("hreflang"), "{c}");
    assert!(c.contains("rel=\"prev\" href=\"b.html\""), "{c}");
    let vi = built.text("vi/index.html");
    assert!(
        vi.contains("<html lang=\"vi\">") && vi.contains("Mở trang Lập kế hoạch"),
        "{vi}"
    );
    assert!(vi.contains("href=\"../../?lang=vi\""), "{vi}");
}

#[test]
fn pages_with_three_sections_or_more_list_them_at_the_top() {
    let section = |id: &str, title: &str| Section {
        id: id.to_owned(),
        title: title.to_owned(),
    };
    let sections = [
        section("mx", "Find <your> MX host"),
        section("port-25", "Port 25"),
        section("spf", "SPF"),
    ];
    let toc = table_of_contents(Lang::Vi, &sections).into_string();
    assert!(
        toc.starts_with("<nav class=\"page-toc\" aria-labelledby=\"page-toc-title\">"),
        "{toc}"
    );
    assert!(toc.contains(">Trong trang này</p>"), "{toc}");
    assert!(
        toc.contains("<li><a href=\"#mx\">Find &lt;your&gt; MX host</a></li>"),
        "{toc}"
    );
    assert!(
        toc.contains("<a href=\"#guides\">Tất cả hướng dẫn (ở cuối trang)</a>"),
        "{toc}"
    );
    assert_eq!(
        table_of_contents(Lang::En, &sections[..2]).into_string(),
        ""
    );
}

#[test]
fn base_url_makes_canonical_sitemap_and_fragment_links_absolute() {
    let options = Options {
        base_url: Some("https://it.contoso.com/guide/".to_owned()),
        fragments: true,
        ..defaults()
    };
    let built = build(&options, true);
    let home = built.text("en/index.html");
    assert!(
        home.contains(
            "<link rel=\"canonical\" href=\"https://it.contoso.com/guide/en/index.html\">"
        ),
        "{home}"
    );
    assert!(home.contains("<link rel=\"alternate\" hreflang=\"vi\" href=\"https://it.contoso.com/guide/vi/index.html\">"), "{home}");
    assert!(
        home.contains(
            "&lt;iframe src=&quot;https://it.contoso.com/guide/en/index.html?embed=1&quot;"
        ),
        "{home}"
    );
    let sitemap = built.text("sitemap.xml");
    assert!(sitemap.contains("<url><loc>https://it.contoso.com/guide/en/b.html</loc><lastmod>2026-11-28</lastmod></url>"), "{sitemap}");
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"vi\" href=\"https://it.contoso.com/guide/vi/index.html\"></xhtml:link>"), "{sitemap}");
    let fragment = built.text("en/index.fragment.html");
    assert!(
        fragment.starts_with(
            "<div class=\"smarthost-guide\" lang=\"en\">\n<style>\n.smarthost-guide {"
        ),
        "{fragment}"
    );
    assert!(
        fragment.contains("<a href=\"https://it.contoso.com/guide/en/b.html#part\">b</a>"),
        "{fragment}"
    );
    assert!(
        !fragment.contains("<html") && !fragment.contains("<nav"),
        "{fragment}"
    );
    let chooser = built.text("index.html");
    assert!(
        chooser.contains("<a href=\"vi/index.html\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"),
        "{chooser}"
    );
    assert!(chooser.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://it.contoso.com/guide/index.html\">"), "{chooser}");
    assert!(chooser.contains("href=\"../?lang=en\""), "{chooser}");
}

#[test]
fn sitemap_without_base_url_is_relative_to_the_root() {
    let sitemap = build(&defaults(), false).text("sitemap.xml");
    assert!(
        sitemap.contains("<url><loc>index.html</loc></url>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<url><loc>en/c.html</loc><lastmod>2026-11-28</lastmod></url>"),
        "{sitemap}"
    );
}

#[test]
fn device_pages_print_one_card_and_escape_the_inventory() {
    let built = build(&defaults(), true);
    let page = built.text("en/devices/may-in-tang-2.html");
    assert!(page.contains("<body class=\"card-page\">"), "{page}");
    assert!(page.contains("<h1>Máy in &lt;tầng 2&gt;</h1>"), "{page}");
    // On screen the card; on paper its copy in an A6 cell, with the notes as its last
    // row; without a public address neither has a QR code.
    assert!(page.contains("<div class=\"card-list\">\n<article class=\"device-card\">\n  <h2>Máy in &lt;tầng 2&gt;</h2>"), "{page}");
    assert!(page.contains("<div class=\"card-sheet-holder\" aria-hidden=\"true\">\n<div class=\"card-sheet print-a6\">\n<section class=\"sheet-page\"><div class=\"sheet-cell\">\n<article class=\"paper-card fit-100\">\n  <h2>Máy in &lt;tầng 2&gt;</h2>"), "{page}");
    assert!(
        page.contains("<dt>Notes</dt><dd>Port 25 open.</dd>"),
        "{page}"
    );
    assert_eq!(page.matches("<article").count(), 2, "{page}");
    assert!(!page.contains("card-qr"), "{page}");
    assert!(
        page.contains("<script src=\"../../assets/card-fit.js\" defer></script>"),
        "{page}"
    );
    assert!(
        page.contains("<link rel=\"stylesheet\" href=\"../../assets/card.css\">"),
        "{page}"
    );
    assert!(page.contains("href=\"../../../?lang=en\""), "{page}");
    assert!(page.contains("<p>Port 25 open.</p>"), "{page}");
    let vi = built.text("vi/devices/may-in-tang-2.html");
    assert!(vi.contains("<dt>Phương thức</dt>"), "{vi}");
    let index = built.text("en/devices/index.html");
    assert!(
        index.contains("<td><a href=\"may-in-tang-2.html\">Máy in &lt;tầng 2&gt;</a></td>"),
        "{index}"
    );
    assert!(
        index.contains("<a href=\"../index.html\">Home</a>"),
        "nav climbs out of devices/: {index}"
    );
}

#[test]
fn with_a_public_address_each_card_carries_the_qr_code_of_its_guide_page() {
    let options = Options {
        base_url: Some("https://it.contoso.com/guide/".to_owned()),
        ..defaults()
    };
    let built = build(&options, true);
    for lang in ["en", "vi"] {
        let page = built.text(&format!("{lang}/devices/may-in-tang-2.html"));
        // The screen's card and the paper's, each with its code.
        assert_eq!(
            page.matches("<figure class=\"card-qr\">").count(),
            2,
            "{page}"
        );
        let url = format!("https://it.contoso.com/guide/{lang}/direct-send.html");
        let qr = smarthost_core::qr::encode_svg_path(&url).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            page.contains(&format!("<path fill=\"#000\" d=\"{}\"></path>", qr.path)),
            "{page}"
        );
        assert!(
            page.contains(&format!("viewBox=\"0 0 {0} {0}\"", qr.side)),
            "{page}"
        );
    }
    let page = built.text("en/devices/may-in-tang-2.html");
    assert!(
        page.contains(
            "role=\"img\" aria-label=\"QR code linking to the setup guide for Direct Send\""
        ),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Scan for the setup guide</figcaption>"),
        "{page}"
    );
}

#[test]
fn the_device_index_links_to_a_page_that_prints_every_card() {
    let built = build(&defaults(), true);
    let index = built.text("vi/devices/index.html");
    assert!(
        index.contains(
            "<p class=\"print-all\"><a href=\"print.html\">In tất cả thẻ cấu hình</a></p>"
        ),
        "{index}"
    );
    let all = built.text("vi/devices/print.html");
    assert!(
        all.contains("<h1>Tất cả thẻ cấu hình thiết bị</h1>"),
        "{all}"
    );
    assert!(all.contains("<body class=\"card-page\">"), "{all}");
    assert_eq!(
        all.matches("<section class=\"sheet-page\">").count(),
        1,
        "{all}"
    );
    assert!(
        all.contains("<dt>Ghi chú</dt><dd>Port 25 open.</dd>"),
        "{all}"
    );
    // Without an inventory there is nothing to print, and no link to it.
    let bare = build(&defaults(), false);
    assert!(bare.files.iter().all(|f| !f.path.ends_with("print.html")));
}
