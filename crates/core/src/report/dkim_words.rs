//! The DKIM section's values in words: the rule a selector's record matches and the
//! state of its key, for the check page and `smarthost check`.

use super::dkim_section::{KeyRecord, Published, SelectorRecord};
use crate::dkim::{DkimTarget, KeyType, TargetFormat};
use crate::i18n::{format, Lang};

impl SelectorRecord {
    /// The published shape this record matches, in `lang` (catalog `dkim.rule.*`).
    pub fn rule(&self, lang: Lang) -> String {
        match &self.published {
            Published::Unknown => format(lang, "dkim.rule.unknown", &[]),
            Published::Nothing => format(lang, "dkim.rule.nothing", &[]),
            Published::Txt { .. } => format(lang, "dkim.rule.txt", &[]),
            Published::Cname { shape, .. } => match shape {
                DkimTarget::Microsoft365 {
                    format: TargetFormat::Classic,
                    tenant_prefix,
                    ..
                } => format(lang, "dkim.rule.classic", &[("tenant", tenant_prefix)]),
                DkimTarget::Microsoft365 {
                    format: TargetFormat::Partitioned { partition, version },
                    tenant_prefix,
                    ..
                } => format(
                    lang,
                    "dkim.rule.partitioned",
                    &[
                        ("tenant", tenant_prefix),
                        ("partition", &partition.to_string()),
                        ("version", &version.to_string()),
                    ],
                ),
                DkimTarget::Other { host } if super::dkim_findings::looks_microsoft(host) => {
                    format(lang, "dkim.rule.looks-microsoft", &[])
                }
                DkimTarget::Other { .. } => format(lang, "dkim.rule.other", &[]),
            },
        }
    }

    /// The rule as a stable code, for JSON: `microsoft-365-classic`,
    /// `microsoft-365-partitioned`, `looks-microsoft`, `other`, `txt`, `none` or `unknown`.
    pub fn rule_code(&self) -> &'static str {
        match &self.published {
            Published::Unknown => "unknown",
            Published::Nothing => "none",
            Published::Txt { .. } => "txt",
            Published::Cname { shape, .. } => match shape {
                DkimTarget::Microsoft365 {
                    format: TargetFormat::Classic,
                    ..
                } => "microsoft-365-classic",
                DkimTarget::Microsoft365 { .. } => "microsoft-365-partitioned",
                DkimTarget::Other { host } if super::dkim_findings::looks_microsoft(host) => {
                    "looks-microsoft"
                }
                DkimTarget::Other { .. } => "other",
            },
        }
    }

    /// The tenant prefix a Microsoft 365 target names.
    pub fn tenant(&self) -> Option<&str> {
        self.microsoft_tenant().map(|(tenant, _)| tenant)
    }

    /// The key's state as a stable code, for JSON: `usable`, `revoked`, `invalid`,
    /// `not-published` or `unknown`; None when nothing is published at the selector.
    pub fn key_code(&self) -> Option<&'static str> {
        Some(match self.key_state()? {
            KeyRecord::Unknown => "unknown",
            KeyRecord::NotPublished => "not-published",
            KeyRecord::Invalid { .. } => "invalid",
            KeyRecord::Usable { key, .. } if key.revoked => "revoked",
            KeyRecord::Usable { .. } => "usable",
        })
    }

    /// The key when it was read.
    pub fn key(&self) -> Option<&crate::dkim::DkimKey> {
        match self.key_state()? {
            KeyRecord::Usable { key, .. } => Some(key),
            _ => None,
        }
    }

    /// The CNAME's target, when there is one.
    pub fn target(&self) -> Option<&str> {
        match &self.published {
            Published::Cname { target, .. } => Some(target),
            _ => None,
        }
    }

    /// The key record's text, when one was read.
    pub fn key_record(&self) -> Option<&str> {
        match self.key_state()? {
            KeyRecord::Usable { record, .. } | KeyRecord::Invalid { record, .. } => Some(record),
            KeyRecord::Unknown | KeyRecord::NotPublished => None,
        }
    }

    /// The key's state in `lang` (catalog `dkim.key-state.*`): its type and length, or
    /// why it cannot be used; None when nothing is published at the selector.
    pub fn key_words(&self, lang: Lang) -> Option<String> {
        let words = match self.key_state()? {
            KeyRecord::Unknown => format(lang, "dkim.key-state.unknown", &[]),
            KeyRecord::NotPublished => format(lang, "dkim.key-state.not-published", &[]),
            KeyRecord::Invalid { error, .. } => format(
                lang,
                "dkim.key-state.invalid",
                &[("error", &error.message(lang))],
            ),
            KeyRecord::Usable { key, .. } if key.revoked => {
                format(lang, "dkim.key-state.revoked", &[])
            }
            KeyRecord::Usable { key, .. } => {
                let mut words = match (&key.key_type, key.bits) {
                    (KeyType::Rsa, Some(bits)) => {
                        format(lang, "dkim.key-state.rsa", &[("bits", &bits.to_string())])
                    }
                    _ => format(lang, "dkim.key-state.ed25519", &[]),
                };
                if key.testing {
                    words.push_str("; ");
                    words.push_str(&format(lang, "dkim.key-state.testing", &[]));
                }
                words
            }
        };
        Some(words)
    }
}
