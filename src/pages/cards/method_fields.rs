//! Which fields a device's row asks for, and how it labels them, by its method: the
//! smart host is the tenant's MX host (from the DNS check) for Direct Send and the
//! connector relays, a host the card fills in itself for SMTP AUTH and the fixed
//! endpoints, the organisation's own relay for a local relay, and nothing for an API;
//! a sign-in user name only where the device signs in over SMTP (review J3-7). Plain
//! data, tested natively.

use smarthost_core::cloud::Cloud;
use smarthost_core::method::{method, Host, MethodId};

/// What the smart host field is for, by method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmartHostField {
    /// The tenant's MX host; also when no method is chosen yet.
    TenantMx,
    /// The card fills in this host whatever is typed.
    FilledByCard(&'static str),
    /// The organisation's own relay or mail server.
    OwnRelay,
    /// No SMTP host: an HTTPS API.
    NotUsed,
}

impl SmartHostField {
    pub fn for_method(method_id: &str, cloud: Cloud) -> SmartHostField {
        let Some(id) = MethodId::parse(method_id.trim()) else {
            return SmartHostField::TenantMx;
        };
        let m = method(id);
        match (m.host, m.host_for(cloud)) {
            (_, Some(host)) => SmartHostField::FilledByCard(host),
            (Host::OwnServer, None) => SmartHostField::OwnRelay,
            (Host::GraphApi, None) => SmartHostField::NotUsed,
            _ => SmartHostField::TenantMx,
        }
    }

    /// The label's catalog key and the host it names, if any.
    pub fn label_key(self) -> (&'static str, Option<&'static str>) {
        match self {
            SmartHostField::TenantMx => ("ui.cards.smart-host", None),
            SmartHostField::FilledByCard(host) => ("ui.cards.smart-host.fixed", Some(host)),
            SmartHostField::OwnRelay => ("ui.cards.smart-host.own", None),
            SmartHostField::NotUsed => ("ui.cards.smart-host.none", None),
        }
    }
}

/// Whether the row asks for a sign-in user name: for a method that signs in to an SMTP
/// host the card names (SMTP AUTH, High Volume Email, Azure Communication Services), and
/// whenever the device already has one, so a value from a file is never hidden.
pub fn asks_username(method_id: &str, cloud: Cloud, username: &str) -> bool {
    !username.trim().is_empty()
        || matches!(
            SmartHostField::for_method(method_id, cloud),
            SmartHostField::FilledByCard(_)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smart_host_label_follows_the_method_and_its_cloud() {
        let field = |m: &str, cloud| SmartHostField::for_method(m, cloud);
        assert_eq!(field("", Cloud::Worldwide), SmartHostField::TenantMx);
        assert_eq!(
            field("direct-send", Cloud::Worldwide),
            SmartHostField::TenantMx
        );
        assert_eq!(field("relay-ip", Cloud::Gcc), SmartHostField::TenantMx);
        assert_eq!(
            field("client-submission", Cloud::Worldwide),
            SmartHostField::FilledByCard("smtp.office365.com")
        );
        assert_ne!(
            field("client-submission", Cloud::GccHigh),
            SmartHostField::FilledByCard("smtp.office365.com")
        );
        assert_eq!(
            field("onprem-relay", Cloud::Worldwide),
            SmartHostField::OwnRelay
        );
        assert_eq!(
            field("graph-api", Cloud::Worldwide),
            SmartHostField::NotUsed
        );
        assert_eq!(
            field("relay-ipx", Cloud::Worldwide),
            SmartHostField::TenantMx
        );
    }

    #[test]
    fn a_user_name_is_asked_where_the_device_signs_in_or_already_has_one() {
        assert!(asks_username("client-submission", Cloud::Worldwide, ""));
        assert!(!asks_username("direct-send", Cloud::Worldwide, ""));
        assert!(!asks_username("", Cloud::Worldwide, " "));
        assert!(asks_username(
            "direct-send",
            Cloud::Worldwide,
            "scan@contoso.com"
        ));
    }
}
