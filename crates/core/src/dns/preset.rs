//! The DNS-over-HTTPS resolver choices: the public presets, a custom endpoint, which
//! provider stands in when one fails, and the setting as text (the app's storage and a
//! check link's `resolver` parameter).

use super::doh::{DohFormat, CLOUDFLARE, GOOGLE_JSON, GOOGLE_WIRE};

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

    /// The endpoints to ask, in order: this one, then the other public provider (none
    /// after a custom URL). The browser and the CLI use the same list.
    pub fn endpoints(&self) -> Vec<(String, DohFormat)> {
        let mut list = vec![self.endpoint()];
        list.extend(self.fallback().map(|f| f.endpoint()));
        list
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
    fn the_endpoints_are_the_choice_then_its_fallback() {
        assert_eq!(
            ResolverSetting::CloudflareWire.endpoints(),
            vec![
                (CLOUDFLARE.to_owned(), DohFormat::Wire),
                (GOOGLE_WIRE.to_owned(), DohFormat::Wire)
            ]
        );
        let custom = ResolverSetting::Custom {
            url: "https://x.test/dns-query".to_owned(),
            format: DohFormat::Json,
        };
        assert_eq!(
            custom.endpoints(),
            vec![("https://x.test/dns-query".to_owned(), DohFormat::Json)]
        );
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
