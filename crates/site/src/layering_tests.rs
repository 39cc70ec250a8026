//! The modules of the crate import each other without a cycle (the layering in the
//! crate's doc comment), read from their source: a `super::x` or `crate::x` outside
//! comments and tests is an edge to module `x`. Inside a folder module, the files other
//! than `mod.rs` name the crate's modules as `crate::x` and each other as `super::y`;
//! those siblings import each other without a cycle too, and use nothing of `mod.rs`
//! (it declares and chains them; what they share lives in a sibling).

use std::collections::BTreeMap;

/// Every module's source, without its tests. A module kept in a folder lists each file:
/// its `mod.rs` under the module's name, the others as `folder/file`.
pub(crate) const SOURCES: [(&str, &str); 33] = [
    ("anchors", include_str!("anchors.rs")),
    ("card_fit", include_str!("card_fit.rs")),
    ("card_html", include_str!("card_html.rs")),
    ("device_pages", include_str!("device_pages.rs")),
    ("devices", include_str!("devices.rs")),
    ("error", include_str!("error.rs")),
    ("events", include_str!("events.rs")),
    ("fragments", include_str!("fragments.rs")),
    ("frame", include_str!("frame.rs")),
    ("front_matter", include_str!("front_matter/mod.rs")),
    ("front_matter/split", include_str!("front_matter/split.rs")),
    ("links", include_str!("links.rs")),
    ("load", include_str!("load.rs")),
    ("markdown", include_str!("markdown.rs")),
    ("markup", include_str!("markup.rs")),
    ("options", include_str!("options.rs")),
    ("output", include_str!("output.rs")),
    ("parallel", include_str!("parallel.rs")),
    ("rendered", include_str!("rendered.rs")),
    ("shortcodes", include_str!("shortcodes/mod.rs")),
    ("shortcodes/args", include_str!("shortcodes/args.rs")),
    ("shortcodes/blocks", include_str!("shortcodes/blocks.rs")),
    ("shortcodes/inline", include_str!("shortcodes/inline.rs")),
    ("shortcodes/parse", include_str!("shortcodes/parse.rs")),
    ("shortcodes/tables", include_str!("shortcodes/tables.rs")),
    ("settings", include_str!("settings.rs")),
    ("shortcodes/terms", include_str!("shortcodes/terms.rs")),
    ("sitemap", include_str!("sitemap.rs")),
    ("slug", include_str!("slug.rs")),
    ("stream", include_str!("stream.rs")),
    ("strings", include_str!("strings.rs")),
    ("templates", include_str!("templates.rs")),
    ("write", include_str!("write.rs")),
];

type Graph<'a> = BTreeMap<&'a str, Vec<String>>;

/// The code of a file: up to its first `#[cfg(test)]`, without `//` comments.
pub(crate) fn code(source: &str) -> String {
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules named after `super::` or `crate::`, including `super::{a, b::C}`; a name
/// that starts with a capital is an item of the crate root.
fn references(code: &str, prefixes: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix) {
            let rest = code.get(at + prefix.len()..).unwrap_or_default();
            if let Some(group) = rest.strip_prefix('{') {
                let group = group.split('}').next().unwrap_or_default();
                for item in group.split(',') {
                    out.push(first_name(item.trim()));
                }
            } else {
                out.push(first_name(rest));
            }
        }
    }
    out.retain(|name| !name.is_empty());
    out
}

fn first_name(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// A cycle of `graph` as the path of module names (first name repeated at the end).
fn cycle<'a>(graph: &'a Graph) -> Option<Vec<&'a str>> {
    fn visit<'a>(
        graph: &'a Graph,
        node: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut found = path.get(at..).unwrap_or_default().to_vec();
            found.push(node);
            return Some(found);
        }
        if done.contains(&node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some((key, _)) = graph.get_key_value(next.as_str()) {
                if let Some(found) = visit(graph, key, path, done) {
                    return Some(found);
                }
            }
        }
        path.pop();
        done.push(node);
        None
    }
    let mut done = Vec::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

/// The crate's modules, a folder's files counted as its module: a top-level file's
/// `super::` and `crate::` paths, a folder file's `crate::` paths.
fn crate_graph() -> Graph<'static> {
    let mut graph: Graph = BTreeMap::new();
    for (name, source) in SOURCES {
        let (module, prefixes): (&str, &[&str]) = match name.split_once('/') {
            Some((folder, _)) => (folder, &["crate::"]),
            None => (name, &["super::", "crate::"]),
        };
        let edges = graph.entry(module).or_default();
        for name in references(&code(source), prefixes) {
            if name != module && !edges.contains(&name) {
                edges.push(name);
            }
        }
    }
    graph
}

/// The files of `folder` other than `mod.rs`, by file name, with their `super::` paths.
fn folder_graph(folder: &str) -> Graph<'static> {
    SOURCES
        .iter()
        .filter_map(|(name, source)| {
            let file = name.strip_prefix(folder)?.strip_prefix('/')?;
            Some((file, references(&code(source), &["super::"])))
        })
        .collect()
}

/// The modules a file declares (`mod x;`, `pub mod x;`), sorted.
fn declared_modules(source: &str) -> Vec<String> {
    let mut declared: Vec<String> = code(source)
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let name = line
                .strip_prefix("pub mod ")
                .or(line.strip_prefix("pub(crate) mod "))
                .or(line.strip_prefix("mod "))?;
            Some(name.trim_end_matches(';').to_owned())
        })
        .collect();
    declared.sort();
    declared
}

#[test]
fn every_module_of_lib_rs_is_read() {
    let graph = crate_graph();
    let read: Vec<String> = graph.keys().map(|k| (*k).to_owned()).collect();
    assert_eq!(
        declared_modules(include_str!("lib.rs")),
        read,
        "add the new module's file to SOURCES"
    );
    for (folder, source) in SOURCES {
        if folder.contains('/')
            || !SOURCES
                .iter()
                .any(|(n, _)| n.starts_with(&format!("{folder}/")))
        {
            continue;
        }
        let files: Vec<String> = folder_graph(folder)
            .keys()
            .map(|k| (*k).to_owned())
            .collect();
        assert_eq!(
            declared_modules(source),
            files,
            "add the new file of {folder}/ to SOURCES"
        );
    }
}

#[test]
fn the_files_of_a_folder_module_import_each_other_without_a_cycle() {
    let folders: Vec<&str> = SOURCES
        .iter()
        .filter_map(|(name, _)| name.split_once('/').map(|(folder, _)| folder))
        .collect();
    assert!(folders.contains(&"shortcodes"), "{folders:?}");
    for folder in folders {
        let graph = folder_graph(folder);
        for (file, edges) in &graph {
            for name in edges {
                assert!(
                    graph.contains_key(name.as_str()),
                    "{folder}/{file} names `super::{name}`, which is not a file beside it: \
                     name the crate's modules as `crate::{name}`, and put what the files \
                     share in one of them rather than in {folder}/mod.rs"
                );
            }
        }
        assert_eq!(cycle(&graph), None, "in {folder}/");
    }
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let graph = crate_graph();
    for (module, edges) in &graph {
        for name in edges {
            assert!(
                graph.contains_key(name.as_str()),
                "{module} names `{name}`, which is not a module of the crate (an item of lib.rs?); \
                 put shared types in a leaf module"
            );
        }
    }
    assert_eq!(cycle(&graph), None);
}

#[test]
fn the_checker_finds_a_cycle_and_reads_grouped_imports() {
    let code = code(
        "use super::a::X;\nuse super::{b, c::Y};\n// use super::commented;\nfn f() { crate::d::g() }\n#[cfg(test)]\nuse super::test_only;",
    );
    assert_eq!(
        references(&code, &["super::", "crate::"]),
        ["a", "b", "c", "d"]
    );
    assert_eq!(references(&code, &["crate::"]), ["d"]);
    let graph: Graph = [
        ("a", vec!["b".to_owned()]),
        ("b", vec!["c".to_owned()]),
        ("c", vec!["a".to_owned()]),
        ("d", vec![]),
    ]
    .into_iter()
    .collect();
    assert_eq!(cycle(&graph), Some(vec!["a", "b", "c", "a"]));
    let acyclic: Graph = [("a", vec!["b".to_owned()]), ("b", vec![])]
        .into_iter()
        .collect();
    assert_eq!(cycle(&acyclic), None);
}
