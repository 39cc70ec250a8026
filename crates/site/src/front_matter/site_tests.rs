use super::*;

#[test]
fn a_language_without_an_index_gets_one_listing_its_pages() {
    use crate::load::{LangSource, PageFile, TextFile};
    let file = |slug: &str, title: &str, order: i64| {
        PageFile {
        slug: slug.to_owned(),
        file: TextFile {
            path: format!("guide/vi/{slug}.md"),
            text: format!("+++\ntitle = \"{title}\"\nsummary = \"Tóm tắt [1]\"\norder = {order}\nupdated = \"2026-11-0{order}\"\n+++\nx\n"),
        },
    }
    };
    let source = Source {
        root: "guide".to_owned(),
        langs: vec![LangSource {
            lang: Lang::Vi,
            pages: vec![file("b", "Hai *sao*", 2), file("a", "Một", 1)],
        }],
        devices: None,
        settings: None,
        notes: Vec::new(),
    };
    let site = read_site(&source).unwrap_or_else(|e| panic!("{e}"));
    let pages = &site.langs[0].pages;
    assert_eq!(pages[0].slug, "index");
    assert_eq!(pages[0].front.updated, "2026-11-02");
    assert_eq!(
        pages[0].body(),
        "- [Một](a.md): Tóm tắt \\[1\\]\n- [Hai \\*sao\\*](b.md): Tóm tắt \\[1\\]\n"
    );
    assert_eq!(
        site.notes,
        ["guide/vi/index.md is missing; generated one that lists the pages"]
    );
}
