//! What a ranked method's card says about connectors. The relay methods link to their
//! connector's steps. Direct Send needs none, unless the tenant rejects Direct Send:
//! then only a partner connector matching the sender's static IP or certificate keeps
//! it working (facts file, "Direct Send can now be rejected"), so its steps are offered
//! only to a sender the answers say has one.

use super::questions::{Answers, IpKind};
use crate::method::MethodId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectorAdvice {
    /// The steps of this kind of connector (the Connector screen's `kind`).
    Steps(&'static str),
    DirectSend(DirectSendConnector),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectSendConnector {
    /// Reject Direct Send is off: nothing to set up.
    NotNeeded,
    /// Reject Direct Send is on or unknown and the sender has a static IP or a
    /// certificate: a partner connector keeps it working.
    Partner,
    /// It has neither: with Reject Direct Send on, no connector can save Direct Send.
    NoPartner,
    /// Whether it has either is not answered yet.
    IfStaticIpOrCertificate,
}

impl DirectSendConnector {
    /// The suffix of its `ui.plan.direct-send.*` text.
    pub fn code(self) -> &'static str {
        match self {
            DirectSendConnector::NotNeeded => "not-needed",
            DirectSendConnector::Partner => "partner",
            DirectSendConnector::NoPartner => "no-partner",
            DirectSendConnector::IfStaticIpOrCertificate => "if-static",
        }
    }

    /// Whether the partner connector's steps are worth a link.
    pub fn offers_steps(self) -> bool {
        self == DirectSendConnector::Partner
    }
}

/// The Connector screen's `kind` for the partner connector.
pub const PARTNER_KIND: &str = "partner";

/// What `method`'s card says about connectors for these answers, if anything.
pub fn connector_advice(method: MethodId, answers: &Answers) -> Option<ConnectorAdvice> {
    match method {
        MethodId::RelayIp => Some(ConnectorAdvice::Steps("relay-ip")),
        MethodId::RelayCert => Some(ConnectorAdvice::Steps("relay-cert")),
        MethodId::DirectSend => Some(ConnectorAdvice::DirectSend(direct_send(answers))),
        _ => None,
    }
}

fn direct_send(answers: &Answers) -> DirectSendConnector {
    if answers.reject_direct_send == Some(false) {
        return DirectSendConnector::NotNeeded;
    }
    let static_ip = answers.ip.map(|ip| ip == IpKind::Static);
    match (static_ip, answers.cert) {
        (Some(true), _) | (_, Some(true)) => DirectSendConnector::Partner,
        (Some(false), Some(false)) => DirectSendConnector::NoPartner,
        _ => DirectSendConnector::IfStaticIpOrCertificate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{has, Lang};

    fn advice(pairs: &[(&str, &str)]) -> Option<ConnectorAdvice> {
        let mut answers = Answers::default();
        for (key, value) in pairs {
            assert_eq!(answers.set(key, value), Ok(()), "{key}={value}");
        }
        connector_advice(MethodId::DirectSend, &answers)
    }

    fn direct(d: DirectSendConnector) -> Option<ConnectorAdvice> {
        Some(ConnectorAdvice::DirectSend(d))
    }

    #[test]
    fn direct_send_offers_partner_steps_only_to_a_sender_that_can_match_one() {
        use DirectSendConnector::*;
        // The review's scanner: dynamic IP, no certificate, Reject Direct Send unknown.
        assert_eq!(
            advice(&[("ip", "dynamic"), ("cert", "no")]),
            direct(NoPartner)
        );
        assert_eq!(advice(&[("ip", "static"), ("cert", "no")]), direct(Partner));
        assert_eq!(
            advice(&[("ip", "dynamic"), ("cert", "yes")]),
            direct(Partner)
        );
        assert_eq!(
            advice(&[("ip", "static"), ("reject-direct-send", "off")]),
            direct(NotNeeded)
        );
        assert_eq!(
            advice(&[("ip", "dynamic")]),
            direct(IfStaticIpOrCertificate)
        );
        assert_eq!(advice(&[]), direct(IfStaticIpOrCertificate));
        assert!(Partner.offers_steps());
        for d in [NotNeeded, NoPartner, IfStaticIpOrCertificate] {
            assert!(!d.offers_steps(), "{d:?}");
        }
    }

    #[test]
    fn relays_link_their_own_steps_and_other_methods_none() {
        let answers = Answers::default();
        assert_eq!(
            connector_advice(MethodId::RelayIp, &answers),
            Some(ConnectorAdvice::Steps("relay-ip"))
        );
        assert_eq!(
            connector_advice(MethodId::RelayCert, &answers),
            Some(ConnectorAdvice::Steps("relay-cert"))
        );
        assert_eq!(connector_advice(MethodId::ClientSubmission, &answers), None);
    }

    #[test]
    fn every_direct_send_advice_has_its_words() {
        use DirectSendConnector::*;
        for d in [NotNeeded, Partner, NoPartner, IfStaticIpOrCertificate] {
            let key = format!("ui.plan.direct-send.{}", d.code());
            assert!(has(Lang::En, &key) && has(Lang::Vi, &key), "{key}");
        }
    }
}
