//! A DKIM key record (RFC 6376 3.6.1), as a receiver reads it: the TXT published at
//! the end of a selector's CNAME (or, wrongly for Microsoft 365, at the selector).
//!
//! Only what a DNS check can judge is kept: the version tag, the key type, whether the
//! key is revoked (an empty `p=`), the RSA modulus length, the testing flag, and the
//! hash and service restrictions that make a key unusable for email.

use thiserror::Error;

use super::der::rsa_modulus_bits;

/// The key algorithm of `k=` (RFC 6376 3.6.1; Ed25519 from RFC 8463).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum KeyType {
    Rsa,
    Ed25519,
}

/// A key record that receivers can use (or a revoked one, which they must not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimKey {
    pub key_type: KeyType,
    /// `p=` is empty: the key was withdrawn and signatures with it fail.
    pub revoked: bool,
    /// The RSA modulus length; None for Ed25519 and revoked keys.
    pub bits: Option<u32>,
    /// `t=y`: the domain is testing DKIM, and receivers may treat its signatures as
    /// if the mail were unsigned (RFC 6376 3.6.1).
    pub testing: bool,
    /// `h=` lists hashes and SHA-256 is not one of them: only SHA-1 signatures would
    /// verify, which RFC 8301 3.1 forbids.
    pub sha1_only: bool,
}

/// Why a TXT record is not a DKIM key receivers can use.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    #[error("v= must come first")]
    VersionNotFirst,
    #[error("v= is {0}, not DKIM1")]
    WrongVersion(String),
    #[error("tag {0} appears twice")]
    DuplicateTag(String),
    #[error("no p= tag")]
    NoKey,
    #[error("p= is not base64")]
    NotBase64,
    #[error("p= is not an RSA public key")]
    NotRsaKey,
    #[error("p= is not a 32-byte Ed25519 key")]
    NotEd25519Key,
    #[error("k={0} is not a key type receivers know")]
    UnknownKeyType(String),
    #[error("s= does not include email")]
    NotForEmail,
    #[error("malformed tag list near {0}")]
    Syntax(String),
}

impl KeyError {
    /// The reason in the reader's language (catalog `dkim.key.<reason>`).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::format;
        match self {
            KeyError::VersionNotFirst => format(lang, "dkim.key.version-not-first", &[]),
            KeyError::WrongVersion(v) => format(lang, "dkim.key.wrong-version", &[("value", v)]),
            KeyError::DuplicateTag(t) => format(lang, "dkim.key.duplicate-tag", &[("tag", t)]),
            KeyError::NoKey => format(lang, "dkim.key.no-key", &[]),
            KeyError::NotBase64 => format(lang, "dkim.key.not-base64", &[]),
            KeyError::NotRsaKey => format(lang, "dkim.key.not-rsa", &[]),
            KeyError::NotEd25519Key => format(lang, "dkim.key.not-ed25519", &[]),
            KeyError::UnknownKeyType(k) => format(lang, "dkim.key.unknown-type", &[("value", k)]),
            KeyError::NotForEmail => format(lang, "dkim.key.not-for-email", &[]),
            KeyError::Syntax(near) => format(lang, "dkim.key.syntax", &[("near", near)]),
        }
    }
}

/// Reads a key record from its TXT strings joined without separators (RFC 6376
/// 3.6.2.2).
pub fn parse_key(record: &str) -> Result<DkimKey, KeyError> {
    let tags = tag_list(record)?;
    if let Some(at) = tags.iter().position(|(name, _)| *name == "v") {
        if at != 0 {
            return Err(KeyError::VersionNotFirst);
        }
        if tags[0].1 != "DKIM1" {
            return Err(KeyError::WrongVersion(shown(tags[0].1)));
        }
    }
    let value = |name: &str| tags.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let key_type = match value("k") {
        None | Some("rsa") => KeyType::Rsa,
        Some("ed25519") => KeyType::Ed25519,
        Some(other) => return Err(KeyError::UnknownKeyType(shown(other))),
    };
    if let Some(services) = value("s") {
        if !list(services).any(|s| s == "email" || s == "*") {
            return Err(KeyError::NotForEmail);
        }
    }
    let sha1_only = value("h").is_some_and(|hashes| !list(hashes).any(|h| h == "sha256"));
    let testing = value("t").is_some_and(|flags| list(flags).any(|f| f == "y"));
    let data: String = value("p")
        .ok_or(KeyError::NoKey)?
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let mut key = DkimKey {
        key_type,
        revoked: data.is_empty(),
        bits: None,
        testing,
        sha1_only,
    };
    if key.revoked {
        return Ok(key);
    }
    let bytes = decode_base64(&data).ok_or(KeyError::NotBase64)?;
    match key.key_type {
        KeyType::Rsa => key.bits = Some(rsa_modulus_bits(&bytes).ok_or(KeyError::NotRsaKey)?),
        KeyType::Ed25519 if bytes.len() != 32 => return Err(KeyError::NotEd25519Key),
        KeyType::Ed25519 => {}
    }
    Ok(key)
}

/// `tag=value; tag=value;` with folding white space around names and values; an empty
/// last tag is allowed (RFC 6376 3.2).
fn tag_list(record: &str) -> Result<Vec<(&str, &str)>, KeyError> {
    let mut tags: Vec<(&str, &str)> = Vec::new();
    let specs: Vec<&str> = record.split(';').collect();
    for (i, spec) in specs.iter().enumerate() {
        if spec.trim().is_empty() && i + 1 == specs.len() {
            break;
        }
        let (name, value) = spec
            .split_once('=')
            .ok_or_else(|| KeyError::Syntax(shown(spec.trim())))?;
        let name = name.trim();
        if !is_tag_name(name) {
            return Err(KeyError::Syntax(shown(spec.trim())));
        }
        if tags.iter().any(|(n, _)| *n == name) {
            return Err(KeyError::DuplicateTag(shown(name)));
        }
        tags.push((name, value.trim()));
    }
    Ok(tags)
}

/// `ALPHA *ALNUMPUNC` (ALNUMPUNC: letters, digits, underscore).
fn is_tag_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A colon-separated list (`h=`, `s=`, `t=`), items trimmed.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(':').map(str::trim)
}

/// A value quoted in a message: at most 40 characters, so a hostile record stays short.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// Standard base64 as `p=` holds it; padding is optional because some DNS hosts drop
/// the trailing `=` and receivers still read such keys.
fn decode_base64(data: &str) -> Option<Vec<u8>> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::Engine as _;
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    LENIENT.decode(data).ok()
}

#[cfg(test)]
#[path = "key_tests.rs"]
mod tests;
