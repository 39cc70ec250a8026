//! The addresses a finished check offers: the check itself, with the resolver in use so
//! the link reproduces it, and the Cards screen with this check's device filled in.

use crate::settings::ResolverSetting;
use smarthost_core::cloud::Cloud;

/// The `resolver` value a check link must carry so that whoever opens it asks the same
/// resolver: none when the link already names one (`doh` or `resolver`) or when this
/// browser uses the default, which the opener's page would use anyway.
pub fn resolver_to_carry(
    has_doh: bool,
    has_resolver: bool,
    setting: &ResolverSetting,
) -> Option<String> {
    (!has_doh && !has_resolver && *setting != ResolverSetting::CloudflareWire)
        .then(|| setting.encode())
}

/// The address of this check with the router's `search` (updated before the address
/// bar is) and the resolver in use, so the link reproduces it, draft included.
pub fn check_link(search: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let Ok(url) = web_sys::Url::new(&href) else {
        return href;
    };
    url.set_hash("");
    url.set_search(search);
    let params = url.search_params();
    let carried = resolver_to_carry(
        params.has("doh"),
        params.has("resolver"),
        &crate::settings::load(),
    );
    if let Some(resolver) = carried {
        params.set("resolver", &resolver);
        url.set_search(&String::from(params.to_string()));
    }
    url.href()
}

/// The Cards screen with a device filled in from this check (its language kept), in the
/// cloud the report followed (the one chosen, or the one the MX host names), naming the
/// card the check was opened from, if it was.
pub fn add_to_card_href(
    domain: &str,
    smart_host: &str,
    cloud: Cloud,
    method: &str,
    ips: &str,
    search: &str,
) -> String {
    // A check opened from a card names it, so the card's values go back into it.
    let card = crate::add_to_card::card_pairs_of(&crate::url_state::pairs_of(search));
    let mut updates: Vec<(&str, Option<&str>)> =
        crate::add_to_card::params(domain, smart_host, cloud, method, ips).into();
    updates.extend(card.iter().map(|(key, value)| (*key, Some(value.as_str()))));
    let query = crate::url_state::query_with_in(&crate::url_state::carried_query(search), &updates);
    crate::base_path::href(&format!("/cards/{query}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_link_carries_the_resolver_only_when_it_would_differ() {
        let google = ResolverSetting::GoogleJson;
        assert_eq!(
            resolver_to_carry(false, false, &google),
            Some("google-json".to_owned())
        );
        assert_eq!(resolver_to_carry(true, false, &google), None);
        assert_eq!(resolver_to_carry(false, true, &google), None);
        assert_eq!(
            resolver_to_carry(false, false, &ResolverSetting::CloudflareWire),
            None
        );
    }
}
