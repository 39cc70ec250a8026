//! The proof that a screen's trimmed catalog holds every key the screen can show.
//!
//! crates/core/messages/screens.txt lists, per planner-family screen, the key families
//! (prefixes) its binary's English catalog leaves out. Keys are looked up by names the code
//! holds as text ("reason.", "card.error.mx-other-cloud", `format!("method.{id}.name")`),
//! so the prefix of every key a binary can look up is in its wasm's data. Once a family is
//! out of the catalog, any copy of its prefix left in the wasm is code that could ask for
//! one of its keys, and the build stops rather than ship a screen that shows a raw key.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// Each screen's prefixes as listed, in file order.
pub fn screen_drops(text: &str) -> Result<Vec<(String, Vec<String>)>> {
    let mut screens = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((screen, prefixes)) = line.split_once(':') else {
            bail!("screens.txt: `{line}` is not `screen: prefixes`");
        };
        let prefixes: Vec<String> = prefixes.split_whitespace().map(str::to_owned).collect();
        if let Some(bad) = prefixes.iter().find(|p| !p.ends_with('.')) {
            bail!("screens.txt: {screen}: `{bad}` is not a family (a prefix ending in `.`)");
        }
        screens.push((screen.trim().to_owned(), prefixes));
    }
    Ok(screens)
}

/// The lines crates/core/build.rs writes around a trimmed catalog's texts, and around
/// the English texts of a later module (crates/core/messages/later.txt).
const CATALOG_BEGIN: &[u8] = b"# smarthost-catalog-begin";
const CATALOG_END: &[u8] = b"# smarthost-catalog-end";
const LATER_BEGIN: &[u8] = b"# smarthost-later-catalog-begin";
const LATER_END: &[u8] = b"# smarthost-later-catalog-end";

/// Where `begin` first occurs in `wasm`, and `end` after it.
fn span(wasm: &[u8], begin: &[u8], end: &[u8]) -> Option<(usize, Option<usize>)> {
    let find = |needle: &[u8], from: usize| {
        wasm.get(from..)?
            .windows(needle.len())
            .position(|window| window == needle)
            .map(|at| at + from)
    };
    let at = find(begin, 0)?;
    Some((at, find(end, at)))
}

/// Where the catalog's texts lie in `wasm`: between the ends of its two marker lines.
/// Without the markers there is nothing to prove anything with, and that is an error.
fn catalog_span(wasm: &[u8]) -> Result<(usize, usize)> {
    match span(wasm, CATALOG_BEGIN, CATALOG_END) {
        Some((begin, Some(end))) => Ok((begin, end)),
        Some((_, None)) => bail!("the wasm's English catalog has no `# smarthost-catalog-end`"),
        None => {
            bail!("the wasm has no trimmed English catalog (no `# smarthost-catalog-begin`)")
        }
    }
}

/// A later module without the English texts it carries (whose words may hold the
/// letters of a family: "dns." in a sentence).
fn without_later_texts(module: &[u8]) -> Result<Vec<u8>> {
    match span(module, LATER_BEGIN, LATER_END) {
        Some((begin, Some(end))) => Ok([&module[..begin], &module[end..]].concat()),
        Some((_, None)) => bail!("a later module's English texts have no end marker"),
        None => Ok(module.to_vec()),
    }
}

/// The dropped prefixes that `wasm` still names outside its catalog (whose kept texts
/// may hold the same letters: "legacy-tls.", "cloudflare-dns.com"), or that one of its
/// `later` modules (xtask/src/split.rs: they carry their own code's data) names outside
/// the English texts it carries. Any copy counts, even one inside a longer kept key: the
/// search errs on the side of keeping.
pub fn named_in(wasm: &[u8], later: &[Vec<u8>], prefixes: &[String]) -> Result<Vec<String>> {
    let (begin, end) = catalog_span(wasm)?;
    let later = later
        .iter()
        .map(|module| without_later_texts(module))
        .collect::<Result<Vec<_>>>()?;
    let mut outside = vec![&wasm[..begin], &wasm[end..]];
    outside.extend(later.iter().map(Vec::as_slice));
    Ok(prefixes
        .iter()
        .filter(|prefix| {
            let needle = prefix.as_bytes();
            outside
                .iter()
                .any(|part| part.windows(needle.len()).any(|window| window == needle))
        })
        .cloned()
        .collect())
}

/// The dropped prefixes whose stem is a key the catalog keeps ("tls.local." when
/// "tls.local" is kept): code can reach them by adding a suffix to that key
/// (`for_sender` adds ".application", a count ".one"), which no search for the prefix
/// sees, so they cannot be left out.
pub fn reached_by_suffix(wasm: &[u8], prefixes: &[String]) -> Result<Vec<String>> {
    let (begin, end) = catalog_span(wasm)?;
    let catalog = String::from_utf8_lossy(&wasm[begin..end]);
    let kept: std::collections::HashSet<&str> = catalog
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(key, _)| key.trim()))
        .collect();
    Ok(prefixes
        .iter()
        .filter(|prefix| kept.contains(prefix.trim_end_matches('.')))
        .cloned()
        .collect())
}

/// A screen's main wasm (its path and bytes) and its later modules' bytes.
struct ScreenWasm {
    main: PathBuf,
    bytes: Vec<u8>,
    later: Vec<Vec<u8>>,
}

impl ScreenWasm {
    fn read(folder: &Path, binary: &str) -> Result<ScreenWasm> {
        let read = |path: &Path| {
            std::fs::read(path).with_context(|| format!("reading {}", path.display()))
        };
        let main = wasm_in(folder, binary)?;
        let bytes = read(&main)?;
        let later = later_modules_of(&main)?
            .iter()
            .map(|path| read(path))
            .collect::<Result<Vec<_>>>()?;
        Ok(ScreenWasm { main, bytes, later })
    }

    fn checking(&self) -> String {
        format!("checking {}", self.main.display())
    }
}

/// The families of `prefixes` whose stem is a kept key, as the error names them.
fn stems(reached: &[String]) -> String {
    reached
        .iter()
        .map(|p| p.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks every listed screen's wasm: `wasm_of(screen)` is its build folder and the
/// name its binary's files start with. For screens.txt, no code of the screen names a
/// family its catalog leaves out; for later.txt, the page's first module names none of
/// the families whose English only its later module carries, and that module carries it.
pub fn check(root: &Path, wasm_of: impl Fn(&str) -> Option<(PathBuf, String)>) -> Result<()> {
    let messages = root.join("crates/core/messages");
    let list = |name: &str| -> Result<Vec<(String, Vec<String>, ScreenWasm)>> {
        let path = messages.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        screen_drops(&text)?
            .into_iter()
            .map(|(screen, prefixes)| {
                let Some((folder, binary)) = wasm_of(&screen) else {
                    bail!("{name} names `{screen}`, which is not a screen xtask builds");
                };
                let wasm = ScreenWasm::read(&folder, &binary)?;
                Ok((screen, prefixes, wasm))
            })
            .collect()
    };
    for (screen, prefixes, wasm) in list("screens.txt")? {
        let named =
            named_in(&wasm.bytes, &wasm.later, &prefixes).with_context(|| wasm.checking())?;
        if !named.is_empty() {
            bail!(
                "the {screen} screen's wasm ({}) names keys of {}, which its catalog leaves \
                 out: take them off its line in crates/core/messages/screens.txt",
                wasm.main.display(),
                named.join(" ")
            );
        }
        let reached = reached_by_suffix(&wasm.bytes, &prefixes).with_context(|| wasm.checking())?;
        if !reached.is_empty() {
            bail!(
                "the {screen} screen's catalog keeps the keys {}, from which code can make \
                 the keys of the families it leaves out by a suffix: take {} off its line \
                 in crates/core/messages/screens.txt",
                stems(&reached),
                reached.join(" ")
            );
        }
    }
    for (screen, prefixes, wasm) in list("later.txt")? {
        let carried = |module: &[u8]| span(module, LATER_BEGIN, LATER_END).is_some();
        if carried(&wasm.bytes) || !wasm.later.iter().any(|module| carried(module)) {
            bail!(
                "the {screen} screen's later English texts are not in a later module of {}: \
                 its first load would carry them (crates/core/messages/later.txt)",
                wasm.main.display()
            );
        }
        let named = named_in(&wasm.bytes, &[], &prefixes).with_context(|| wasm.checking())?;
        if !named.is_empty() {
            bail!(
                "the {screen} screen's first load ({}) names keys of {}, whose English only \
                 its later module carries: take them off its line in \
                 crates/core/messages/later.txt",
                wasm.main.display(),
                named.join(" ")
            );
        }
        let reached = reached_by_suffix(&wasm.bytes, &prefixes).with_context(|| wasm.checking())?;
        if !reached.is_empty() {
            bail!(
                "the {screen} screen's first catalog keeps the keys {}, from which code can \
                 make keys of {} by a suffix: take them off its line in \
                 crates/core/messages/later.txt",
                stems(&reached),
                reached.join(" ")
            );
        }
    }
    Ok(())
}

/// The later modules split from `main` (`<stem>_bg.wasm`): `<stem>.<module>.wasm` beside
/// it (xtask/src/split.rs).
fn later_modules_of(main: &Path) -> Result<Vec<PathBuf>> {
    let folder = main.parent().unwrap_or(Path::new("."));
    let name = main
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(stem) = name.strip_suffix("_bg.wasm") else {
        bail!("{} is not a `<binary>_bg.wasm`", main.display());
    };
    files_in(folder, &format!("{stem}."), ".wasm")
}

/// The wasm-bindgen output of `binary` in `folder` (one `<binary>-<hash>_bg.wasm`).
pub(crate) fn wasm_in(folder: &Path, binary: &str) -> Result<PathBuf> {
    let found = files_in(folder, &format!("{binary}-"), "_bg.wasm")?;
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!(
            "{} holds {} wasm files of {binary}, not one",
            folder.display(),
            found.len()
        ),
    }
}

/// The files of `folder` whose names start with `prefix` and end with `suffix`, sorted.
fn files_in(folder: &Path, prefix: &str, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let listing =
        std::fs::read_dir(folder).with_context(|| format!("listing {}", folder.display()))?;
    for entry in listing {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(prefix) && name.ends_with(suffix) {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_list_and_refuses_what_is_not_a_family() {
        let screens =
            screen_drops("# comment\n\nplan: card. ui.cards.\nsettings: reason.\n").unwrap();
        assert_eq!(
            screens,
            [
                (
                    "plan".to_owned(),
                    vec!["card.".to_owned(), "ui.cards.".to_owned()]
                ),
                ("settings".to_owned(), vec!["reason.".to_owned()]),
            ]
        );
        assert!(screen_drops("plan card.").is_err());
        assert!(screen_drops("plan: card").is_err());
    }

    #[test]
    fn finds_a_dropped_prefix_the_code_still_names_outside_the_catalog() {
        let wasm = b"\0\x01card.error.mx-other-cloud\0ui.nav.plan\0\
            # smarthost-catalog-begin\nmilestone.legacy-tls.before = reason.x\n# smarthost-catalog-end\n";
        let dropped = [
            "card.".to_owned(),
            "reason.".to_owned(),
            "tls.".to_owned(),
            "plan.".to_owned(),
        ];
        assert_eq!(named_in(wasm, &[], &dropped).unwrap(), ["card."]);
        assert!(named_in(b"card.x", &[], &dropped).is_err());
        // A later module's data is searched whole.
        let later = [b"\0reason.tls-optional\0".to_vec()];
        assert_eq!(
            named_in(wasm, &later, &dropped).unwrap(),
            ["card.", "reason."]
        );
        // Except the English texts it carries, whose words are not code.
        let carried = [
            b"\0# smarthost-later-catalog-begin\nfinding.x = see reason.y\n\
            # smarthost-later-catalog-end\n"
                .to_vec(),
        ];
        assert_eq!(named_in(wasm, &carried, &dropped).unwrap(), ["card."]);
    }

    #[test]
    fn refuses_a_dropped_family_that_a_kept_key_reaches_by_a_suffix() {
        let wasm = b"tls.local\0# smarthost-catalog-begin\ntls.local = On the LAN\n\
            plan.title = Plan\n# smarthost-catalog-end\n";
        let dropped = ["tls.local.".to_owned(), "plan.error.".to_owned()];
        assert_eq!(reached_by_suffix(wasm, &dropped).unwrap(), ["tls.local."]);
        assert!(reached_by_suffix(b"tls.local", &dropped).is_err());
    }
}
