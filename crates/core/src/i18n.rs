//! The message catalog shared by core, the app, the generator and the CLI.
//!
//! Messages live in `messages/en.txt` and `messages/vi.txt`, one `key = text` per line,
//! with `{name}` placeholders. They are compiled in (no file access at run time, so the
//! catalog works in the browser). Tests keep the two languages in step: same keys in the
//! same order and on the same lines (so a translator can read them side by side), same
//! placeholders.

use std::collections::HashMap;
use std::sync::OnceLock;

type Catalog = HashMap<&'static str, &'static str>;

/// A language smarthost speaks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[serde(into = "&'static str")]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    pub fn code(self) -> &'static str {
        self.into()
    }

    /// A language code from a URL, storage or the browser: trimmed, in any case.
    pub fn parse(code: &str) -> Option<Lang> {
        code.trim().parse().ok()
    }

    /// The catalog compiled into this build. The browser build compiles in English only
    /// and fetches Vietnamese when it is chosen (see [`install_catalog`]), which keeps
    /// the first download smaller for everyone.
    fn embedded(self) -> Option<&'static str> {
        match self {
            Lang::En => Some(include_str!(concat!(env!("OUT_DIR"), "/en.txt"))),
            #[cfg(feature = "embedded-vi")]
            Lang::Vi => Some(include_str!(concat!(env!("OUT_DIR"), "/vi.txt"))),
            #[cfg(not(feature = "embedded-vi"))]
            Lang::Vi => None,
        }
    }

    #[cfg(test)]
    fn source(self) -> &'static str {
        self.embedded().unwrap_or_default()
    }

    fn cell(self) -> &'static OnceLock<Catalog> {
        static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
        match self {
            Lang::En => &CATALOGS[0],
            Lang::Vi => &CATALOGS[1],
        }
    }

    fn catalog(self) -> Option<&'static Catalog> {
        match self.embedded() {
            Some(source) => Some(
                self.cell()
                    .get_or_init(|| parse_catalog(source).into_iter().collect()),
            ),
            // Not compiled in: available once installed, and never cached as empty.
            None => self.cell().get(),
        }
    }

    /// Whether texts in this language can be shown now.
    pub fn is_available(self) -> bool {
        self.catalog().is_some()
    }
}

/// The English texts of the page's later module (messages/later.txt), once installed.
static LATER_ENGLISH: OnceLock<Catalog> = OnceLock::new();

/// Installs the English texts that only the page's later module shows. They are compiled
/// into that module, not into the first load, because only the module calls this: it
/// does so before it shows anything. Natively, and in a binary without a later module,
/// every text is in the main catalog and this installs nothing.
pub fn install_later_texts() {
    let source = include_str!(concat!(env!("OUT_DIR"), "/en-later.txt"));
    LATER_ENGLISH.get_or_init(|| parse_catalog(source).into_iter().collect());
}

/// The English text of `key`, from the main catalog or the later module's.
fn english(key: &str) -> Option<&'static str> {
    (Lang::En.catalog().and_then(|catalog| catalog.get(key)))
        .or_else(|| LATER_ENGLISH.get().and_then(|catalog| catalog.get(key)))
        .copied()
}

/// Installs a catalog that was not compiled in (the browser fetches `vi.txt`). The text
/// lives for the rest of the program, as compiled-in catalogs do. Returns false when the
/// language already has a catalog or the text holds no entries (a wrong file, such as an
/// HTML error page, must not replace every text with nothing).
pub fn install_catalog(lang: Lang, source: String) -> bool {
    if lang.is_available() {
        return false;
    }
    let source: &'static str = Box::leak(source.into_boxed_str());
    let entries: Catalog = parse_catalog(source).into_iter().collect();
    if entries.is_empty() {
        return false;
    }
    lang.cell().set(entries).is_ok()
}

/// Parses catalog text into (key, text) pairs, in file order. Lines without ` = ` and
/// comment lines (`#`) are skipped; `\n` in a text stands for a line break.
pub fn parse_catalog(source: &str) -> Vec<(&str, &str)> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect()
}

/// The text for `key`; English when the language lacks it, the key itself when both do
/// (the catalog tests make both impossible for keys the code uses).
pub fn text(lang: Lang, key: &str) -> String {
    (lang.catalog().and_then(|catalog| catalog.get(key)).copied())
        .or_else(|| english(key))
        .map_or_else(|| key.to_owned(), str::to_owned)
}

/// Whether `lang` has its own text for `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    match lang {
        Lang::En => english(key).is_some(),
        _ => lang
            .catalog()
            .is_some_and(|catalog| catalog.contains_key(key)),
    }
}

/// The text for `key` with `{name}` placeholders filled from `args`.
pub fn format(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(&text(lang, key), args)
}

/// Words not yet in a language: a catalog key and the values to fill in. Core returns
/// these, and the app, the CLI and the generator word them in the reader's language
/// when they show them, so a result stays valid when the language changes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Phrase {
    pub key: String,
    pub args: Vec<(&'static str, String)>,
}

impl Phrase {
    pub fn new(key: impl Into<String>) -> Self {
        Phrase {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// The phrase with `{name}` filled with `value` (a name, an address, a number: the
    /// same in every language).
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        format(lang, &self.key, &args)
    }
}

/// [`format`] for a text about `count` things, with `{count}` filled in: the key
/// `<key>.one` when `count` is 1 and the catalogs have it ("1 DNS lookup"), else `key`.
/// Vietnamese does not inflect, so its `.one` texts are the plain text with 1.
pub fn format_count(lang: Lang, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let one = format!("{key}.one");
    let key = if count == 1 && (has(lang, &one) || has(Lang::En, &one)) {
        one.as_str()
    } else {
        key
    };
    let count = count.to_string();
    let mut all: Vec<(&str, &str)> = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    format(lang, key, &all)
}

/// Implements `Display` for message types as the English of their `message(lang)`, so
/// `to_string()`, logs and the JSON output stay English while every interface asks for
/// the reader's language.
macro_rules! display_in_english {
    ($($message_type:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $message_type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message($crate::i18n::Lang::En))
            }
        }
    )+};
}
pub(crate) use display_in_english;

/// For serde: a message kept unrendered is written as its English text (its `Display`),
/// as the JSON output always had it.
pub fn serialize_english<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: std::fmt::Display,
    S: serde::Serializer,
{
    serializer.collect_str(value)
}

/// [`serialize_english`] for a list.
pub fn serialize_english_all<T, S>(values: &[T], serializer: S) -> Result<S::Ok, S::Error>
where
    T: std::fmt::Display,
    S: serde::Serializer,
{
    serializer.collect_seq(values.iter().map(ToString::to_string))
}

/// Fills `{name}` placeholders; unknown placeholders are left as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    // Line breaks are expanded in the template only, never in the values filled in.
    let template = template.replace("\\n", "\n");
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names in a text, sorted and deduplicated.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn a_count_of_one_takes_the_singular_text_when_there_is_one() {
        let total = |lang, n| format_count(lang, "ui.check.lookups-total", n, &[]);
        assert_eq!(
            total(Lang::En, 1),
            "1 DNS lookup in the whole tree; the limit is 10"
        );
        assert_eq!(
            total(Lang::En, 2),
            "2 DNS lookups in the whole tree; the limit is 10"
        );
        assert_eq!(
            total(Lang::En, 0),
            "0 DNS lookups in the whole tree; the limit is 10"
        );
        assert!(total(Lang::Vi, 1).contains("1 lượt tra cứu DNS"));
        // Other arguments are filled in both forms; a key without `.one` is used as is.
        let spf = |n| format_count(Lang::En, "cli.check.spf", n, &[("record", "v=spf1 -all")]);
        assert_eq!(spf(1), "SPF: v=spf1 -all  (1 DNS lookup)");
        assert_eq!(spf(3), "SPF: v=spf1 -all  (3 DNS lookups)");
        assert_eq!(
            format_count(Lang::En, "ui.check.tree-running", 1, &[]),
            "1 in the tree up to here"
        );
        assert_eq!(
            format_count(Lang::En, "ui.check.tree-own", 1, &[]),
            "1 lookup here"
        );
        assert_eq!(
            format_count(Lang::En, "ui.check.tree-own", 2, &[]),
            "2 lookups here"
        );
    }

    #[test]
    fn both_languages_have_the_same_keys_and_placeholders() {
        let en = parse_catalog(Lang::En.source());
        let vi = parse_catalog(Lang::Vi.source());
        let en_keys: BTreeSet<&str> = en.iter().map(|(k, _)| *k).collect();
        let vi_keys: BTreeSet<&str> = vi.iter().map(|(k, _)| *k).collect();
        let missing_vi: Vec<_> = en_keys.difference(&vi_keys).collect();
        let missing_en: Vec<_> = vi_keys.difference(&en_keys).collect();
        assert!(missing_vi.is_empty(), "missing in vi.txt: {missing_vi:?}");
        assert!(missing_en.is_empty(), "missing in en.txt: {missing_en:?}");
        for (key, en_text) in &en {
            let vi_text = text(Lang::Vi, key);
            assert_eq!(
                placeholders(en_text),
                placeholders(&vi_text),
                "placeholders differ for {key}"
            );
        }
    }

    /// What one catalog line is, for comparing the two files' layout.
    #[derive(Debug, PartialEq)]
    enum Line<'a> {
        Key(&'a str),
        Comment,
        Blank,
    }

    fn layout(source: &str) -> Vec<Line<'_>> {
        source
            .lines()
            .map(str::trim)
            .map(|line| match line.split_once(" = ") {
                _ if line.is_empty() => Line::Blank,
                _ if line.starts_with('#') => Line::Comment,
                Some((key, _)) => Line::Key(key.trim()),
                None => Line::Key(line),
            })
            .collect()
    }

    #[test]
    fn both_catalog_files_keep_their_keys_and_comments_on_the_same_lines() {
        // A translator reads en.txt and vi.txt side by side, so a key is on the same line
        // in both, and the section comments and blank lines sit in the same places. The
        // source files are read, not the copies build.rs trims for the browser.
        let en = layout(include_str!("../messages/en.txt"));
        let vi = layout(include_str!("../messages/vi.txt"));
        let first_difference = en
            .iter()
            .zip(&vi)
            .enumerate()
            .find(|(_, (en_line, vi_line))| en_line != vi_line);
        if let Some((index, (en_line, vi_line))) = first_difference {
            panic!(
                "line {}: en.txt has {en_line:?} but vi.txt has {vi_line:?}",
                index + 1
            );
        }
        assert_eq!(en.len(), vi.len(), "the catalogs differ in length");
    }

    #[test]
    fn the_layout_comparison_tells_keys_comments_and_blank_lines_apart() {
        assert_eq!(
            layout("# a\n\nx.y = {n} z\n  x.w = w"),
            vec![
                Line::Comment,
                Line::Blank,
                Line::Key("x.y"),
                Line::Key("x.w")
            ]
        );
        assert_ne!(layout("a = 1\nb = 2"), layout("b = 2\na = 1"));
    }

    #[test]
    fn no_key_is_defined_twice_or_empty() {
        for lang in Lang::ALL {
            let entries = parse_catalog(lang.source());
            let mut seen = BTreeSet::new();
            for (key, text) in entries {
                assert!(seen.insert(key), "{key} twice in {}", lang.code());
                assert!(!text.is_empty(), "{key} empty in {}", lang.code());
            }
        }
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1")]), "a 1 b {y}");
        assert_eq!(fill("{x}{x}", &[("x", "$")]), "$$");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(placeholders("{b} and {a} and {b}"), vec!["a", "b"]);
    }

    #[test]
    fn languages_parse_from_codes() {
        assert_eq!(Lang::parse("VI"), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
    }
}
