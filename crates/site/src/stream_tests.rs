//! The streaming build end to end, on guides written to a scratch directory: pages are
//! on disk before the check, so a check that fails must still leave the previous output
//! exactly as it was, with nothing left behind.

use crate::{build, Error, Options};
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smarthost-stream-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// A guide of `count` English pages linking to each other; `last` is the last page's body.
fn write_guide(dir: &Path, count: usize, last: &str) -> PathBuf {
    let guide = dir.join("guide");
    let en = guide.join("en");
    let _ = std::fs::remove_dir_all(&guide);
    std::fs::create_dir_all(&en).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..count {
        let slug = if i == 0 {
            "index".to_owned()
        } else {
            format!("p{i:03}")
        };
        let body = if i + 1 == count {
            last.to_owned()
        } else {
            "## Part {#part}\n\nSee [home](index.md#part).\n".to_owned()
        };
        let text = format!(
            "+++\ntitle = \"Page {i}\"\nsummary = \"Page {i}.\"\norder = {i}\nupdated = \"2026-11-28\"\n+++\n{body}"
        );
        std::fs::write(en.join(format!("{slug}.md")), text).unwrap_or_else(|e| panic!("{e}"));
    }
    guide
}

fn options(guide: &Path, out: &Path) -> Options {
    Options {
        guide: guide.to_path_buf(),
        out: out.to_path_buf(),
        langs: vec![Lang::En],
        langs_explicit: true,
        ..Options::new(Date::from_days_since_epoch(20_789))
    }
}

/// Every file under `root` with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                files.insert(name, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, root, &mut files);
    files
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn message(result: Result<crate::Summary, Error>) -> String {
    match result {
        Ok(summary) => panic!("the build succeeded: {summary:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_broken_anchor_found_after_every_page_was_written_leaves_the_previous_output() {
    let dir = scratch("anchor");
    let out = dir.join("site");
    let guide = write_guide(&dir, 40, "Fine.\n");
    let summary = build(&options(&guide, &out)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.pages, 40);
    let before = tree(&out);
    assert_eq!(before.len(), summary.files);
    // The anchor is checked only once every page is rendered and written.
    let guide = write_guide(&dir, 40, "See [home](index.md#nowhere).\n");
    let shown = guide.display();
    assert_eq!(
        message(build(&options(&guide, &out))),
        format!("{shown}/en/p039.md:7: broken anchor `#nowhere` in `index.md#nowhere`: {shown}/en/index.md has no heading or footnote with that id")
    );
    assert_eq!(tree(&out), before, "the previous build is untouched");
    assert_eq!(
        names(&dir),
        ["guide", "site"],
        "no temporary directory is left"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_that_fails_after_others_were_written_leaves_the_previous_output() {
    let dir = scratch("page");
    let out = dir.join("site");
    let guide = write_guide(&dir, 40, "Fine.\n");
    build(&options(&guide, &out)).unwrap_or_else(|e| panic!("{e}"));
    let before = tree(&out);
    let guide = write_guide(&dir, 40, "See [gone](gone.md).\n");
    let shown = guide.display();
    assert_eq!(
        message(build(&options(&guide, &out))),
        format!("{shown}/en/p039.md:7: broken link `gone.md`: {shown}/en/gone.md does not exist")
    );
    assert_eq!(tree(&out), before, "the previous build is untouched");
    assert_eq!(
        names(&dir),
        ["guide", "site"],
        "no temporary directory is left"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_first_build_leaves_no_output_and_removes_the_parents_it_made() {
    let dir = scratch("first");
    let out = dir.join("new/deeper/site");
    let guide = write_guide(&dir, 3, "See [home](index.md#nowhere).\n");
    assert!(message(build(&options(&guide, &out))).contains("broken anchor `#nowhere`"));
    assert_eq!(
        names(&dir),
        ["guide"],
        "nothing is left, not even the parents of --out"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn problems_in_the_sources_come_before_a_problem_with_out() {
    let dir = scratch("order");
    let out = dir.join("site");
    std::fs::write(&out, "a file").unwrap_or_else(|e| panic!("{e}"));
    let guide = write_guide(&dir, 3, "See [home](index.md#nowhere).\n");
    assert!(message(build(&options(&guide, &out))).contains("broken anchor `#nowhere`"));
    let guide = write_guide(&dir, 3, "Fine.\n");
    assert_eq!(
        message(build(&options(&guide, &out))),
        format!("{}: exists and is not a directory", out.display())
    );
    assert_eq!(
        std::fs::read_to_string(&out).ok().as_deref(),
        Some("a file")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_rebuild_gives_the_same_bytes_as_a_first_build() {
    let dir = scratch("same");
    let guide = write_guide(&dir, 40, "Fine.\n");
    let (first, second) = (dir.join("first"), dir.join("second"));
    build(&options(&guide, &first)).unwrap_or_else(|e| panic!("{e}"));
    build(&options(&guide, &second)).unwrap_or_else(|e| panic!("{e}"));
    build(&options(&guide, &second)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tree(&first), tree(&second));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .map(|m| m.ino())
        .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(unix)]
#[test]
fn a_rebuild_links_unchanged_files_and_rewrites_changed_ones() {
    let dir = scratch("link");
    let out = dir.join("site");
    let guide = write_guide(&dir, 5, "Fine.\n");
    build(&options(&guide, &out)).unwrap_or_else(|e| panic!("{e}"));
    let page = out.join("en/p001.html");
    let before = inode(&page);
    build(&options(&guide, &out)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        inode(&page),
        before,
        "an unchanged page is the previous build's file"
    );
    // A new last page's body changes that page only; a changed title would change the
    // navigation of every page.
    let guide = write_guide(&dir, 5, "Changed.\n");
    build(&options(&guide, &out)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        inode(&page),
        before,
        "a page whose bytes did not change stays linked"
    );
    let last = std::fs::read_to_string(out.join("en/p004.html")).unwrap_or_default();
    assert!(last.contains("Changed."), "{last}");
    let fresh = dir.join("fresh");
    build(&options(&guide, &fresh)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        tree(&out),
        tree(&fresh),
        "a rebuild gives a first build's bytes"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
