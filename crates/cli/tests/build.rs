//! `smarthost build` as users and CI run it: the fixture site under tests/fixtures/site
//! (snapshots of its pages), the sites under tests/fixtures/fail that must fail with an
//! exact file:line message, determinism, the temporary-directory swap, and a full build
//! of the real guide/.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[path = "support/site_build.rs"]
mod site_build;
use site_build::{read, scratch, smarthost, succeeded};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn repo_guide() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guide")
}

/// Every file under `root`, by relative path.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                files.insert(relative, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, root, &mut files);
    files
}

/// Builds the fixture site into a fresh directory and returns it.
fn build_fixture(extra: &[&str]) -> PathBuf {
    let out = scratch("fixture").join("site-out");
    let out_text = out.to_string_lossy().into_owned();
    // A fixed day: dated facts are worded for it, and snapshots must not move with the clock.
    let mut args = vec![
        "build",
        "--guide",
        "site",
        "--out",
        &out_text,
        "--today",
        "2026-12-02",
    ];
    args.extend_from_slice(extra);
    let result = smarthost(&fixtures(), &args);
    succeeded(&result);
    out
}

#[test]
fn fixture_pages_match_their_snapshots() {
    let out = build_fixture(&["--fragments"]);
    for page in [
        "index.html",
        "en/index.html",
        "en/setup.html",
        "en/only-en.html",
        "en/setup.fragment.html",
        "vi/index.html",
        "en/devices/index.html",
        "vi/devices/may-quet-da-nang.html",
        "sitemap.xml",
    ] {
        let name = page.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, read(&out.join(page)));
    }
}

#[test]
fn fixture_layout_and_messages() {
    let dir = scratch("layout");
    let out = dir.join("out");
    let result = smarthost(
        &fixtures(),
        &["build", "--guide", "site", "--out", &out.to_string_lossy()],
    );
    succeeded(&result);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        stdout.starts_with("smarthost: built 4 guide pages and 6 device pages (en, vi) into "),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("note: no --base-url: sitemap.xml lists paths relative to the site root"),
        "{stderr}"
    );
    // Once, not per card: without a public address the cards have no QR code.
    assert_eq!(
        stderr
            .matches("note: device cards have no QR code: no public address is set (base_url in site/site.toml, or --base-url)")
            .count(),
        1,
        "{stderr}"
    );
    let paths: Vec<String> = tree(&out).into_keys().collect();
    assert_eq!(
        paths,
        [
            "assets/card-fit.js",
            "assets/card.css",
            "assets/embed.js",
            "assets/favicon.svg",
            "assets/guide.css",
            "assets/language.js",
            "en/devices/index.html",
            "en/devices/may-quet-da-nang.html",
            "en/devices/print.html",
            "en/devices/scanner-1-2.html",
            "en/devices/scanner-1.html",
            "en/index.html",
            "en/only-en.html",
            "en/setup.html",
            "index.html",
            "sitemap.xml",
            "vi/devices/index.html",
            "vi/devices/may-quet-da-nang.html",
            "vi/devices/print.html",
            "vi/devices/scanner-1-2.html",
            "vi/devices/scanner-1.html",
            "vi/index.html",
        ]
    );
    // The card stylesheet is the app's file, byte for byte.
    let app_css = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/card.css"));
    assert_eq!(read(&out.join("assets/card.css")), app_css);
    let setup = read(&out.join("en/setup.html"));
    assert!(
        setup.contains("&lt;script&gt;alert(\"shown as text, never run\")&lt;/script&gt;"),
        "{setup}"
    );
    assert!(only_the_guide_scripts(&setup), "{setup}");
}

/// Whether the page's scripts are at most embed mode's file: never an inline script (a
/// strict CSP forbids it) and nothing from a guide's text.
/// Whether every script of `page` is one of the guide's own files (nothing inline, which
/// a strict CSP would block): embed mode, the language memory and, on pages that print
/// cards, the card fitting.
fn only_the_guide_scripts(page: &str) -> bool {
    const FILES: [&str; 3] = [
        "assets/embed.js\"></script>",
        "assets/language.js\" defer></script>",
        "assets/card-fit.js\" defer></script>",
    ];
    let scripts: Vec<&str> = page
        .match_indices("<script")
        .map(|(at, _)| &page[at..])
        .collect();
    scripts.len() <= FILES.len()
        && scripts.iter().all(|script| {
            script
                .strip_prefix("<script src=\"")
                .map(|rest| rest.trim_start_matches("../"))
                .is_some_and(|rest| FILES.iter().any(|file| rest.starts_with(file)))
        })
}

#[test]
fn broken_sites_fail_with_file_and_line() {
    let out = scratch("fail").join("out");
    let out_text = out.to_string_lossy().into_owned();
    for (guide, message) in [
        ("broken-link", "broken-link/en/index.md:10: broken link `missing.md`: broken-link/en/missing.md does not exist"),
        (
            "bad-anchor",
            "bad-anchor/en/index.md:10: broken anchor `#nowhere` in `other.md#nowhere`: bad-anchor/en/other.md has no heading or footnote with that id",
        ),
        (
            "bad-front-matter",
            "bad-front-matter/en/index.md:3: front matter: unknown key `summray`; the keys are: title, summary, order, methods, updated",
        ),
        (
            "unknown-shortcode",
            "unknown-shortcode/en/index.md:10: unknown shortcode `diagram`; the shortcodes are: matrix, clouds, method-settings, connector, fact, plan-link, card, explain-link, check-link, bounces, terms",
        ),
        (
            "missing-device",
            "missing-device/en/index.md:10: shortcode `card`: device=\"Nobody\" is not a device in missing-device/devices.toml; the devices are: Scanner 1",
        ),
    ] {
        let result = smarthost(&fixtures().join("fail"), &["build", "--guide", guide, "--out", &out_text, "--lang", "en"]);
        assert_eq!(result.status.code(), Some(1), "{guide}");
        assert_eq!(String::from_utf8_lossy(&result.stderr), format!("smarthost: error: {message}\n"), "{guide}");
        assert!(!out.exists(), "{guide}: nothing is written");
    }
}

#[test]
fn a_missing_guide_directory_and_bad_usage() {
    let dir = scratch("usage");
    let result = smarthost(
        &dir,
        &[
            "build", "--guide", "nowhere", "--out", "out", "--lang", "en",
        ],
    );
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&result.stderr),
        "smarthost: error: nowhere/en: no pages (*.md) in this directory\n"
    );
    let default_langs = smarthost(&dir, &["build", "--guide", "nowhere"]);
    assert_eq!(
        String::from_utf8_lossy(&default_langs.stderr),
        "smarthost: error: nowhere: no pages to build: none of en, vi has *.md files\n"
    );
    for args in [
        &["build", "--lang", "fr"][..],
        &["build", "--colour", "red"],
        &["build", "extra"],
        &["build", "--out"],
    ] {
        let result = smarthost(&dir, args);
        assert_eq!(result.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&result.stderr).contains("usage: smarthost"),
            "{args:?}"
        );
    }
    std::fs::create_dir_all(dir.join("guide/en")).unwrap_or_else(|e| panic!("{e}"));
    for out in ["guide", "."] {
        let result = smarthost(&dir, &["build", "--out", out]);
        assert_eq!(result.status.code(), Some(2), "--out {out}");
        assert!(
            String::from_utf8_lossy(&result.stderr).contains("holds the guide sources"),
            "--out {out}"
        );
    }
    assert!(dir.join("guide/en").is_dir(), "the sources are untouched");
    let base = smarthost(&dir, &["build", "--base-url", "it.contoso.com/guide"]);
    assert_eq!(base.status.code(), Some(2));
    assert!(!dir.join("guide-site").exists());
}

#[test]
fn building_twice_gives_identical_bytes() {
    let first = build_fixture(&["--fragments", "--base-url", "https://it.contoso.com/guide/"]);
    let second = build_fixture(&["--fragments", "--base-url", "https://it.contoso.com/guide/"]);
    let (a, b) = (tree(&first), tree(&second));
    assert!(!a.is_empty());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{path} differs between builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_in_place() {
    let dir = scratch("swap");
    let out = dir.join("out");
    let out_text = out.to_string_lossy().into_owned();
    let site = fixtures().join("site").to_string_lossy().into_owned();
    succeeded(&smarthost(
        &dir,
        &["build", "--guide", &site, "--out", &out_text],
    ));
    let before = tree(&out);
    let broken = fixtures()
        .join("fail/broken-link")
        .to_string_lossy()
        .into_owned();
    let failed = smarthost(
        &dir,
        &[
            "build", "--guide", &broken, "--out", &out_text, "--lang", "en",
        ],
    );
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(tree(&out), before, "the previous build is untouched");
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(leftovers, ["out"], "no temporary directory is left behind");
    // A later good build replaces it whole: nothing stale survives.
    let only_en = smarthost(
        &dir,
        &[
            "build", "--guide", &site, "--out", &out_text, "--lang", "en",
        ],
    );
    succeeded(&only_en);
    assert!(!out.join("vi").exists());
}

#[test]
fn the_real_guide_index_matches_its_snapshot() {
    let out = scratch("real-en").join("out");
    let guide = repo_guide().to_string_lossy().into_owned();
    // English alone: the build must not depend on the translation's progress.
    succeeded(&smarthost(
        &repo_guide(),
        &[
            "build",
            "--guide",
            &guide,
            "--out",
            &out.to_string_lossy(),
            "--lang",
            "en",
            "--today",
            "2026-12-02",
        ],
    ));
    let index = read(&out.join("en/index.html"));
    // The guide path differs per machine only in messages, never in pages.
    insta::assert_snapshot!("real_guide_en_index_html", index);
    assert!(!out.join("vi").exists());
}

#[test]
fn the_real_guide_builds_with_fragments_in_every_language_it_has() {
    let out = scratch("real-all").join("out");
    let guide = repo_guide().to_string_lossy().into_owned();
    let result = smarthost(
        &repo_guide(),
        &[
            "build",
            "--guide",
            &guide,
            "--out",
            &out.to_string_lossy(),
            "--fragments",
            "--base-url",
            "https://it.contoso.com/smarthost/guide/",
        ],
    );
    succeeded(&result);
    let files = tree(&out);
    let pages: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("en/") && p.ends_with(".md"))
        .collect();
    assert!(pages.is_empty());
    let en_pages = std::fs::read_dir(repo_guide().join("en"))
        .map(|d| d.count())
        .unwrap_or_default();
    assert!(en_pages >= 12);
    for path in [
        "index.html",
        "sitemap.xml",
        "en/index.html",
        "en/index.fragment.html",
        "en/devices/index.html",
        "en/smtp-relay.html",
    ] {
        assert!(files.contains_key(path), "{path}");
    }
    if repo_guide().join("vi/index.md").exists() {
        assert!(files.contains_key("vi/index.html"));
        assert!(files.contains_key("vi/devices/index.html"));
    }
    let relay = String::from_utf8_lossy(&files["en/smtp-relay.html"]).into_owned();
    assert!(
        relay.contains("New-InboundConnector"),
        "connector shortcode rendered"
    );
    assert!(relay.contains("<link rel=\"canonical\" href=\"https://it.contoso.com/smarthost/guide/en/smtp-relay.html\">"));
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                only_the_guide_scripts(&text),
                "{path} has a script other than the guide's own"
            );
            assert!(!text.contains("{{"), "{path} has an unexpanded shortcode");
        }
    }
}
