//! The message catalog shared by core, the app, the generator and the CLI.
//!
//! Messages live in `messages/en.txt` and `messages/vi.txt`, one `key = text` per line,
//! with `{name}` placeholders. They are compiled in (no file access at run time, so the
//! catalog works in the browser). A test keeps the two languages in step: same keys,
//! same placeholders.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language smarthost speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "vi" => Some(Lang::Vi),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../messages/en.txt"),
            Lang::Vi => include_str!("../messages/vi.txt"),
        }
    }

    fn catalog(self) -> &'static HashMap<&'static str, &'static str> {
        static EN: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        static VI: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        };
        cell.get_or_init(|| parse_catalog(self.source()).into_iter().collect())
    }
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
    lang.catalog()
        .get(key)
        .or_else(|| Lang::En.catalog().get(key))
        .map_or_else(|| key.to_owned(), |text| (*text).to_owned())
}

/// Whether `lang` has its own text for `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    lang.catalog().contains_key(key)
}

/// The text for `key` with `{name}` placeholders filled from `args`.
pub fn format(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(&text(lang, key), args)
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
