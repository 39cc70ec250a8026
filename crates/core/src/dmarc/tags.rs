//! The tag grammar of RFC 7489 6.4: tag names, values, URI lists, which tags were seen.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub(super) enum Tag {
    V,
    P,
    Sp,
    Pct,
    Adkim,
    Aspf,
    Rua,
    Ruf,
    Fo,
    Rf,
    Ri,
}

impl Tag {
    /// A lower-cased tag name.
    pub(super) fn parse(name: &str) -> Option<Tag> {
        name.parse().ok()
    }
}

/// Which tags have been seen; `v` is seen from the start.
#[derive(Debug)]
pub(super) struct Seen([bool; 11]);

impl Default for Seen {
    fn default() -> Self {
        let mut seen = Seen([false; 11]);
        seen.first_time(Tag::V);
        seen
    }
}

impl Seen {
    /// Marks `tag` as seen; true if it was not seen before.
    pub(super) fn first_time(&mut self, tag: Tag) -> bool {
        // `Tag` has 11 variants, so the index is always in range; `get_mut` keeps this
        // free of panics even so.
        match self.0.get_mut(tag as usize) {
            Some(seen) => !std::mem::replace(seen, true),
            None => true,
        }
    }
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// Trims the whitespace allowed around tags and values. RFC 7489 allows spaces and tabs;
/// CR and LF are trimmed too, since they appear when a record is pasted or joined.
pub(super) fn trim_ws(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_ascii_whitespace())
}

/// Whether the first tag of `text` is `v=DMARC1` (whitespace allowed around the name,
/// the `=` and the value; `DMARC1` exact).
pub(super) fn starts_with_version(text: &str) -> bool {
    let first = text.split(';').next().unwrap_or_default();
    first.split_once('=').is_some_and(|(name, value)| {
        trim_ws(name).eq_ignore_ascii_case("v") && trim_ws(value) == VERSION
    })
}

pub(super) fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `pct`: 1 to 3 digits (RFC 7489 6.4), at most 100.
pub(super) fn parse_pct(value: &str) -> Option<u8> {
    if !is_digits(value) || value.len() > 3 {
        return None;
    }
    value.parse::<u8>().ok().filter(|n| *n <= 100)
}

/// Whether every colon-separated item (trimmed) satisfies `ok`; false for an empty value.
pub(super) fn colon_list_all(value: &str, ok: impl Fn(&str) -> bool) -> bool {
    !value.is_empty() && value.split(':').map(trim_ws).all(ok)
}

/// Splits a `rua`/`ruf` value into trimmed URIs, listing each one that is not a valid
/// `mailto:` URI as an issue. Empty entries are left out of the list (and listed).
pub(super) fn parse_uri_list(tag: &str, value: &str, issues: &mut Vec<DmarcIssue>) -> Vec<String> {
    let mut uris = Vec::new();
    for uri in value.split(',').map(trim_ws) {
        if uri.is_empty() {
            issues.push(DmarcIssue::InvalidReportUri {
                tag: tag.to_owned(),
                uri: String::new(),
            });
            continue;
        }
        if strip_mailto(uri).is_none() {
            issues.push(DmarcIssue::ReportUriNotMailto {
                tag: tag.to_owned(),
                uri: shown(uri),
            });
        } else if !is_valid_mailto(uri) {
            issues.push(DmarcIssue::InvalidReportUri {
                tag: tag.to_owned(),
                uri: shown(uri),
            });
        }
        uris.push(uri.to_owned());
    }
    uris
}

/// The part after a case-insensitive `mailto:` prefix.
pub(super) fn strip_mailto(uri: &str) -> Option<&str> {
    const PREFIX: &str = "mailto:";
    uri.get(..PREFIX.len())
        .filter(|prefix| prefix.eq_ignore_ascii_case(PREFIX))
        .and_then(|_| uri.get(PREFIX.len()..))
}

/// A `mailto:` URI with one address `local@domain`, optionally followed by a size limit
/// `!<digits>[k|m|g|t]` (RFC 7489 6.4). URIs are ASCII (RFC 3986), so an international
/// domain must be written in its `xn--` form.
pub(super) fn is_valid_mailto(uri: &str) -> bool {
    let Some(rest) = strip_mailto(uri) else {
        return false;
    };
    let address = match rest.split_once('!') {
        Some((address, limit)) if is_size_limit(limit) => address,
        Some(_) => return false,
        None => rest,
    };
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let clean = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_graphic() && !matches!(b, b',' | b'@'))
    };
    clean(local)
        && clean(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// `1*DIGIT [ "k" / "m" / "g" / "t" ]`, the number fitting in 64 bits.
pub(super) fn is_size_limit(limit: &str) -> bool {
    let digits = limit
        .strip_suffix(|c: char| matches!(c.to_ascii_lowercase(), 'k' | 'm' | 'g' | 't'))
        .unwrap_or(limit);
    is_digits(digits) && digits.parse::<u64>().is_ok()
}
