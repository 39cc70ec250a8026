//! The screens a bounce links to, with the values the text names filled in. Typed here;
//! the app turns them into addresses with the query keys each screen reads.

use super::known::{Known, Route, Screen};
use crate::connector::ConnectorKind;
use crate::method::MethodId;
use serde::Serialize;
use std::net::Ipv4Addr;

/// A link to one of the app's screens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "screen", rename_all = "kebab-case")]
pub enum Link {
    /// The DNS check (`/check?domain=&ip=&method=`).
    Check {
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ip: Option<Ipv4Addr>,
        #[serde(skip_serializing_if = "Option::is_none")]
        method: Option<MethodId>,
    },
    /// The connector steps (`/connector?kind=&ips=&domains=`).
    Connector {
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        ip: Option<Ipv4Addr>,
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
    },
    /// The Cards screen with a device for the method (`/cards?add=1&method=&domain=&ip=`).
    Card {
        method: MethodId,
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ip: Option<Ipv4Addr>,
    },
}

/// The links of `known`, for the method in use (if known) and the values found.
pub fn links(
    known: Known,
    method: Option<MethodId>,
    domain: Option<&str>,
    ip: Option<Ipv4Addr>,
) -> Vec<Link> {
    let domain = domain.map(str::to_owned);
    known
        .screens()
        .iter()
        .map(|screen| match screen {
            Screen::Check => Link::Check {
                domain: domain.clone(),
                ip,
                method,
            },
            Screen::ConnectorIp => Link::Connector {
                kind: ConnectorKind::RelayIp.as_str(),
                ip,
                domain: domain.clone(),
            },
            Screen::ConnectorPartner => Link::Connector {
                kind: ConnectorKind::Partner.as_str(),
                ip,
                domain: domain.clone(),
            },
            Screen::Card => Link::Card {
                method: card_method(known, method),
                domain: domain.clone(),
                ip,
            },
        })
        .collect()
}

/// The method of the card a bounce links to: the one its fix moves to when the fix is
/// to leave Direct Send, else the method in use, else client submission (the sign-in
/// bounces are all about it).
fn card_method(known: Known, method: Option<MethodId>) -> MethodId {
    let leaves_direct_send = known.routes().0 == [Route::DirectSend];
    match method {
        Some(method) if !leaves_direct_send => method,
        _ => MethodId::ClientSubmission,
    }
}
