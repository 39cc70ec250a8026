//! Where a bounce's links go: each of core's typed links as the screen's path and the
//! query keys that screen reads (the DNS check's `domain`, `ip`, `method`; the connector
//! form's `kind`, `ips`, `domains`; the Cards screen's "add a device" contract in
//! `add_to_card.rs`). No browser: tested natively.

use smarthost_core::bounce::Link;

/// A link's path and query pairs (empty values left out).
pub fn target(link: &Link) -> (&'static str, Vec<(&'static str, String)>) {
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    let mut put = |key: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            pairs.push((key, value));
        }
    };
    let path = match link {
        Link::Check { domain, ip, method } => {
            put("domain", domain.clone());
            put("ip", ip.map(|ip| ip.to_string()));
            put("method", method.map(|m| m.as_str().to_owned()));
            "/check"
        }
        Link::Connector { kind, ip, domain } => {
            put("kind", Some((*kind).to_owned()));
            put("ips", ip.map(|ip| ip.to_string()));
            put("domains", domain.clone());
            "/connector"
        }
        Link::Card { method, domain, ip } => {
            let method = method.as_str();
            let domain = domain.as_deref().unwrap_or_default();
            let ip = ip.map(|ip| ip.to_string()).unwrap_or_default();
            let cloud = smarthost_core::cloud::Cloud::default();
            for (key, value) in crate::add_to_card::params(domain, "", cloud, method, &ip) {
                put(key, value.map(str::to_owned));
            }
            "/cards"
        }
    };
    (path, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use smarthost_core::method::MethodId;

    #[test]
    fn each_link_carries_the_keys_its_screen_reads() {
        let ip = Some("203.0.113.25".parse().unwrap());
        let domain = Some("contoso.com".to_owned());
        let check = Link::Check {
            domain: domain.clone(),
            ip,
            method: Some(MethodId::DirectSend),
        };
        assert_eq!(
            target(&check),
            (
                "/check",
                vec![
                    ("domain", "contoso.com".into()),
                    ("ip", "203.0.113.25".into()),
                    ("method", "direct-send".into())
                ]
            )
        );
        let connector = Link::Connector {
            kind: "relay-ip",
            ip,
            domain: domain.clone(),
        };
        assert_eq!(
            target(&connector),
            (
                "/connector",
                vec![
                    ("kind", "relay-ip".into()),
                    ("ips", "203.0.113.25".into()),
                    ("domains", "contoso.com".into())
                ]
            )
        );
        let card = Link::Card {
            method: MethodId::ClientSubmission,
            domain,
            ip: None,
        };
        let (path, pairs) = target(&card);
        assert_eq!(path, "/cards");
        let device = crate::add_to_card::device(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        })
        .unwrap();
        assert_eq!(
            (device.method.as_str(), device.domain.as_str()),
            ("client-submission", "contoso.com")
        );
    }
}
