//! The DNS-over-HTTPS resolver choice, remembered in localStorage. A check link's
//! `resolver` parameter (the sender's choice) or `doh` parameter (an RFC 8484 URL, as
//! the tests use) wins over it.

use crate::storage;
use smarthost_core::dns::doh::{CLOUDFLARE, GOOGLE_JSON, GOOGLE_WIRE};
use smarthost_core::dns::DohFormat;

const STORAGE_KEY: &str = "smarthost.resolver";

/// A resolver preset or a custom endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolverSetting {
    CloudflareWire,
    CloudflareJson,
    GoogleWire,
    GoogleJson,
    Custom { url: String, format: DohFormat },
}

impl ResolverSetting {
    pub const PRESETS: [ResolverSetting; 4] = [
        ResolverSetting::CloudflareWire,
        ResolverSetting::CloudflareJson,
        ResolverSetting::GoogleWire,
        ResolverSetting::GoogleJson,
    ];

    pub fn id(&self) -> &'static str {
        match self {
            ResolverSetting::CloudflareWire => "cloudflare-wire",
            ResolverSetting::CloudflareJson => "cloudflare-json",
            ResolverSetting::GoogleWire => "google-wire",
            ResolverSetting::GoogleJson => "google-json",
            ResolverSetting::Custom { .. } => "custom",
        }
    }

    /// The endpoint and format to query.
    pub fn endpoint(&self) -> (String, DohFormat) {
        match self {
            ResolverSetting::CloudflareWire => (CLOUDFLARE.to_owned(), DohFormat::Wire),
            ResolverSetting::CloudflareJson => (CLOUDFLARE.to_owned(), DohFormat::Json),
            ResolverSetting::GoogleWire => (GOOGLE_WIRE.to_owned(), DohFormat::Wire),
            ResolverSetting::GoogleJson => (GOOGLE_JSON.to_owned(), DohFormat::Json),
            ResolverSetting::Custom { url, format } => (url.clone(), *format),
        }
    }

    /// The other public provider, tried when this one fails; none for a custom URL.
    pub fn fallback(&self) -> Option<ResolverSetting> {
        match self {
            ResolverSetting::CloudflareWire => Some(ResolverSetting::GoogleWire),
            ResolverSetting::CloudflareJson => Some(ResolverSetting::GoogleJson),
            ResolverSetting::GoogleWire => Some(ResolverSetting::CloudflareWire),
            ResolverSetting::GoogleJson => Some(ResolverSetting::CloudflareJson),
            ResolverSetting::Custom { .. } => None,
        }
    }

    pub fn load() -> ResolverSetting {
        storage::get(STORAGE_KEY)
            .and_then(|text| ResolverSetting::decode(&text))
            .unwrap_or(ResolverSetting::CloudflareWire)
    }

    pub fn save(&self) {
        storage::set(STORAGE_KEY, &self.encode());
    }

    /// The setting as text: a preset's id, or `custom json|wire <url>`; also the value
    /// of a check link's `resolver` parameter.
    pub fn encode(&self) -> String {
        match self {
            ResolverSetting::Custom { url, format } => {
                let f = if *format == DohFormat::Json {
                    "json"
                } else {
                    "wire"
                };
                format!("custom {f} {url}")
            }
            preset => preset.id().to_owned(),
        }
    }

    pub fn decode(text: &str) -> Option<ResolverSetting> {
        if let Some(rest) = text.strip_prefix("custom ") {
            let (format, url) = rest.split_once(' ')?;
            let format = if format == "json" {
                DohFormat::Json
            } else {
                DohFormat::Wire
            };
            return Some(ResolverSetting::Custom {
                url: url.to_owned(),
                format,
            });
        }
        ResolverSetting::PRESETS
            .into_iter()
            .find(|p| p.id() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_storage_text() {
        let custom = ResolverSetting::Custom {
            url: "https://dns.example.net/dns-query?x=1 2".to_owned(),
            format: DohFormat::Json,
        };
        for setting in ResolverSetting::PRESETS.into_iter().chain([custom]) {
            assert_eq!(ResolverSetting::decode(&setting.encode()), Some(setting));
        }
        assert_eq!(ResolverSetting::decode("gopher"), None);
    }

    #[test]
    fn public_presets_fall_back_to_the_other_provider_custom_does_not() {
        assert_eq!(
            ResolverSetting::CloudflareWire.fallback(),
            Some(ResolverSetting::GoogleWire)
        );
        assert_eq!(
            ResolverSetting::GoogleJson.fallback(),
            Some(ResolverSetting::CloudflareJson)
        );
        let custom = ResolverSetting::Custom {
            url: "https://x.test/dns-query".to_owned(),
            format: DohFormat::Wire,
        };
        assert_eq!(custom.fallback(), None);
    }
}
