//! Slugs for device pages and generated heading ids: lowercase ASCII letters, digits and
//! single hyphens, so a URL survives every static host, wiki and file system. Letters
//! with diacritics (all of Vietnamese, and the common Latin ones) fold to their base
//! letter, so "Máy in tầng 2" becomes `may-in-tang-2` rather than losing its words.

use std::collections::HashSet;

/// Letters that fold to an ASCII base, lowercase only (input is lowercased first).
const FOLDS: [(&str, &str); 26] = [
    ("àáảãạăằắẳẵặâầấẩẫậäåāąǎ", "a"),
    ("èéẻẽẹêềếểễệëēęěė", "e"),
    ("ìíỉĩịïīįı", "i"),
    ("òóỏõọôồốổỗộơờớởỡợöøōőǒ", "o"),
    ("ùúủũụưừứửữựüūůűųǔ", "u"),
    ("ỳýỷỹỵÿ", "y"),
    ("đďð", "d"),
    ("çćčĉċ", "c"),
    ("ñńňņ", "n"),
    ("śšşŝș", "s"),
    ("źżž", "z"),
    ("ğĝġģ", "g"),
    ("łľĺļ", "l"),
    ("řŕŗ", "r"),
    ("ťţț", "t"),
    ("ķ", "k"),
    ("ĥħ", "h"),
    ("ĵ", "j"),
    ("ŵ", "w"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ß", "ss"),
    ("þ", "th"),
    ("ĳ", "ij"),
    ("ŀ", "l"),
    ("ŉ", "n"),
];

fn fold(c: char) -> Option<&'static str> {
    FOLDS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, base)| *base)
}

/// The slug of `text`; empty when nothing in it can be spelt in ASCII.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece: Option<std::borrow::Cow<'static, str>> = if c.is_ascii_alphanumeric() {
            Some(c.to_string().into())
        } else {
            fold(c).map(Into::into)
        };
        match piece {
            Some(piece) => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push_str(&piece);
            }
            // Combining marks (a decomposed "ầ") belong to the letter before them.
            None if ('\u{300}'..='\u{36f}').contains(&c) => {}
            None => pending_hyphen = true,
        }
    }
    out
}

/// Hands out unique slugs: the second "Printer" gets `printer-2`, the third `printer-3`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Slugs {
    taken: HashSet<String>,
}

impl Slugs {
    /// `reserved` slugs are never handed out (e.g. `index` beside devices/index.html).
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        Slugs {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// A unique slug for `text`, `fallback` when it has no ASCII spelling.
    pub(crate) fn unique(&mut self, text: &str, fallback: &str) -> String {
        let mut base = slugify(text);
        if base.is_empty() {
            base = fallback.to_owned();
        }
        self.claim(&base)
    }

    /// `wanted` itself if free, else `wanted-2`, `wanted-3`, …
    pub(crate) fn claim(&mut self, wanted: &str) -> String {
        let mut candidate = wanted.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{wanted}-{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// Marks `slug` as taken; false if it already was.
    pub(crate) fn take(&mut self, slug: &str) -> bool {
        self.taken.insert(slug.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_join_with_single_hyphens() {
        assert_eq!(slugify("Ricoh 2nd floor"), "ricoh-2nd-floor");
        assert_eq!(
            slugify("  HP LaserJet -- M611 (dispatch)!  "),
            "hp-laserjet-m611-dispatch"
        );
        assert_eq!(
            slugify("<script>alert(1)</script>"),
            "script-alert-1-script"
        );
    }

    #[test]
    fn vietnamese_diacritics_fold_to_ascii() {
        assert_eq!(slugify("Máy in tầng 2"), "may-in-tang-2");
        assert_eq!(slugify("Máy quét Đà Nẵng"), "may-quet-da-nang");
        assert_eq!(
            slugify("Phòng kế toán – Nguyễn Văn Ước"),
            "phong-ke-toan-nguyen-van-uoc"
        );
        assert_eq!(slugify("ỨNG DỤNG KHO"), "ung-dung-kho");
        // Decomposed form: base letter plus combining marks.
        assert_eq!(slugify("Ma\u{302}\u{300}y"), "may");
        assert_eq!(slugify("Straße Æbeltoft Łódź"), "strasse-aebeltoft-lodz");
    }

    #[test]
    fn nothing_spellable_gives_an_empty_slug_and_the_fallback() {
        assert_eq!(slugify("打印机 🖨️"), "");
        let mut slugs = Slugs::default();
        assert_eq!(slugs.unique("打印机", "device"), "device");
        assert_eq!(slugs.unique("🖨️", "device"), "device-2");
    }

    #[test]
    fn duplicates_and_reserved_slugs_get_numbers() {
        let mut slugs = Slugs::with_reserved(&["index"]);
        assert_eq!(slugs.unique("Printer", "device"), "printer");
        assert_eq!(slugs.unique("printer", "device"), "printer-2");
        assert_eq!(slugs.unique("PRINTER!", "device"), "printer-3");
        assert_eq!(slugs.unique("Index", "device"), "index-2");
        assert!(!slugs.take("printer"));
        assert!(slugs.take("scanner"));
    }
}
