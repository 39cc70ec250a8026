use super::*;

#[test]
fn external_links_have_a_scheme_or_two_slashes() {
    for external in [
        "https://x.y/",
        "http://x",
        "mailto:a@b.c",
        "tel:+1",
        "//cdn.example/x",
        "ftp+ssh://h",
    ] {
        assert!(is_external(external), "{external}");
    }
    for internal in [
        "a.md",
        "../en/a.md",
        "#x",
        "a.md#b:c",
        "dir/a:b.md",
        "1http://x",
        "",
    ] {
        assert!(!is_external(internal), "{internal}");
    }
}

#[test]
fn relative_paths_between_site_files() {
    assert_eq!(relative("en", "en/a.html"), "a.html");
    assert_eq!(relative("en", "vi/a.html"), "../vi/a.html");
    assert_eq!(relative("en/devices", "en/a.html"), "../a.html");
    assert_eq!(relative("en/devices", "en/devices/x.html"), "x.html");
    assert_eq!(relative("", "en/index.html"), "en/index.html");
    assert_eq!(relative("en", "index.html"), "../index.html");
    assert_eq!(relative("en", "en/index.html"), "index.html");
}

#[test]
fn planner_links_climb_to_the_guide_root_unless_absolute() {
    let lang = [("lang", "vi".to_owned())];
    assert_eq!(app_href("../", 1, &lang), "../../?lang=vi");
    assert_eq!(app_href("../", 2, &lang), "../../../?lang=vi");
    assert_eq!(app_href("../", 0, &lang), "../?lang=vi");
    assert_eq!(
        app_href("https://it.contoso.com/smarthost/", 2, &lang),
        "https://it.contoso.com/smarthost/?lang=vi"
    );
    assert_eq!(
        app_href("/smarthost/?embed=1#top", 1, &lang),
        "/smarthost/?embed=1&lang=vi#top"
    );
    assert_eq!(app_href("../", 1, &[]), "../../");
    assert_eq!(
        encode_query_value("a b&c=d,1.2é"),
        "a%20b%26c%3Dd,1.2%C3%A9"
    );
}

#[test]
fn percent_decoding_is_lenient() {
    assert_eq!(percent_decode("m%C3%A1y%20in"), "máy in");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz%4"), "%zz%4");
}

fn resolver() -> Resolver {
    Resolver {
        guide: "guide".to_owned(),
        pages: vec![
            (
                Lang::En,
                ["index", "a"].map(str::to_owned).into_iter().collect(),
            ),
            (Lang::Vi, ["index"].map(str::to_owned).into_iter().collect()),
        ],
        files: [
            "index.html",
            "en/devices/index.html",
            "en/devices/ricoh.html",
        ]
        .map(str::to_owned)
        .into_iter()
        .collect(),
    }
}

#[test]
fn resolving_rewrites_and_classifies() {
    let r = resolver();
    let resolve = |lang, dest| {
        r.resolve(lang, dest, 3)
            .map(|o| o.map(|(href, link)| (href, link.target, link.fragment)))
    };
    assert_eq!(resolve(Lang::En, "https://x/a.md"), Ok(None));
    assert_eq!(
        resolve(Lang::En, "a.md?x=1#S%C3%A1"),
        Ok(Some((
            "a.html?x=1#S%C3%A1".to_owned(),
            Target::Page {
                lang: Lang::En,
                slug: "a".to_owned()
            },
            Some("Sá".to_owned())
        )))
    );
    assert_eq!(
        resolve(Lang::En, "./a.html"),
        Ok(Some((
            "a.html".to_owned(),
            Target::Page {
                lang: Lang::En,
                slug: "a".to_owned()
            },
            None
        )))
    );
    assert_eq!(
        resolve(Lang::Vi, "a.md"),
        Ok(Some((
            "../en/a.html".to_owned(),
            Target::Page {
                lang: Lang::En,
                slug: "a".to_owned()
            },
            None
        )))
    );
    assert_eq!(
        resolve(Lang::En, "devices/"),
        Ok(Some((
            "devices/index.html".to_owned(),
            Target::File("en/devices/index.html".to_owned()),
            None
        )))
    );
    assert_eq!(
        resolve(Lang::En, "devices/ricoh.html"),
        Ok(Some((
            "devices/ricoh.html".to_owned(),
            Target::File("en/devices/ricoh.html".to_owned()),
            None
        )))
    );
    assert_eq!(
        resolve(Lang::En, "#x"),
        Ok(Some((
            "#x".to_owned(),
            Target::SamePage,
            Some("x".to_owned())
        )))
    );
    assert_eq!(
        resolve(Lang::En, "../index.html").map(|o| o.map(|x| x.0)),
        Ok(Some("../index.html".to_owned()))
    );
    assert_eq!(
        resolve(Lang::En, "b.md"),
        Err("broken link `b.md`: guide/en/b.md does not exist".to_owned())
    );
    assert_eq!(
        resolve(Lang::En, "../fr/a.md"),
        Err("broken link `../fr/a.md`: guide/fr/a.md does not exist".to_owned())
    );
    assert_eq!(
        resolve(Lang::En, "../vi/a.md"),
        Err("broken link `../vi/a.md`: guide/vi/a.md does not exist".to_owned())
    );
    assert_eq!(
        resolve(Lang::En, "a.htm"),
        Err("broken link `a.htm`: the site has no en/a.htm".to_owned())
    );
}

#[test]
fn anchors_are_checked_against_each_page() {
    let ids_a: HashSet<String> = ["content", "setup", "fn-1"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    let ids_b: HashSet<String> = ["content"].map(str::to_owned).into_iter().collect();
    let link = |line, written: &str, target, fragment: &str| LinkRef {
        line,
        written: written.to_owned(),
        target,
        fragment: Some(fragment.to_owned()),
    };
    let page_a = Target::Page {
        lang: Lang::En,
        slug: "a".to_owned(),
    };
    let links_b = vec![
        link(4, "a.md#setup", page_a.clone(), "setup"),
        link(5, "a.md#fn-1", page_a.clone(), "fn-1"),
        link(9, "a.md#nope", page_a, "nope"),
        link(12, "#here", Target::SamePage, "here"),
        link(
            14,
            "devices/x.html#top",
            Target::File("en/devices/x.html".to_owned()),
            "top",
        ),
    ];
    let pages = [
        PageLinks {
            lang: Lang::En,
            slug: "a",
            path: "guide/en/a.md",
            ids: &ids_a,
            links: &[],
        },
        PageLinks {
            lang: Lang::En,
            slug: "b",
            path: "guide/en/b.md",
            ids: &ids_b,
            links: &links_b,
        },
    ];
    let error = check_anchors(&pages, "guide").err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "guide/en/b.md:9: broken anchor `#nope` in `a.md#nope`: guide/en/a.md has no heading or footnote with that id\n\
             guide/en/b.md:12: broken anchor `#here`: this page has no heading or footnote with that id\n\
             guide/en/b.md:14: anchor `#top` in `devices/x.html#top`: en/devices/x.html is generated, so its anchors cannot be checked; link to the page without one"
        )
    );
}
