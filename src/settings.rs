//! The DNS-over-HTTPS resolver choice, remembered in localStorage. A check link's
//! `resolver` parameter (the sender's choice) or `doh` parameter (an RFC 8484 URL, as
//! the tests use) wins over it. The choices themselves are core's
//! ([`smarthost_core::dns::preset`]).

use crate::storage;
pub use smarthost_core::dns::preset::ResolverSetting;

const STORAGE_KEY: &str = "smarthost.resolver";

/// The remembered choice; Cloudflare (wire format) when none is.
pub fn load() -> ResolverSetting {
    storage::get(STORAGE_KEY)
        .and_then(|text| ResolverSetting::decode(&text))
        .unwrap_or(ResolverSetting::CloudflareWire)
}

pub fn save(setting: &ResolverSetting) {
    storage::set(STORAGE_KEY, &setting.encode());
}
