//! Which identity SPF checks (RFC 7208 2.3, 2.4, 4.3): the MAIL FROM, or the HELO name,
//! and the order a receiver checks both in.

use super::eval::{check_host, SpfEvaluation, SpfQuery, SpfResult};
use crate::dns::Resolver;
use serde::Serialize;
use std::net::IpAddr;

/// The identity an evaluation was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Identity {
    Helo,
    MailFrom,
}

impl SpfQuery {
    /// The MAIL FROM check (RFC 7208 2.4): `<domain>` is the part after the last '@'. A
    /// null reverse-path checks `postmaster@<helo>`; a sender without '@' is taken as a
    /// domain with local-part "postmaster" (4.3). One trailing dot (the root) is
    /// dropped; anything else malformed is left for check_host, which answers "none"
    /// without a lookup (4.3).
    pub fn mail_from(ip: IpAddr, mail_from: &str, helo: &str) -> SpfQuery {
        let mail_from = mail_from.trim();
        let domain = if mail_from.is_empty() {
            helo.trim()
        } else {
            mail_from
                .rsplit_once('@')
                .map_or(mail_from, |(_, domain)| domain)
        };
        SpfQuery {
            ip,
            sender: mail_from.to_owned(),
            helo: helo.trim().to_owned(),
            domain: without_root(domain),
            receiver: String::new(),
            timestamp: 0,
        }
    }

    /// The HELO check (RFC 7208 2.3): `<domain>` is the HELO name and the sender is
    /// `postmaster@<helo>`.
    pub fn helo(ip: IpAddr, helo: &str) -> SpfQuery {
        let helo = helo.trim();
        SpfQuery {
            ip,
            sender: String::new(),
            helo: helo.to_owned(),
            domain: without_root(helo),
            receiver: String::new(),
            timestamp: 0,
        }
    }

    /// The receiving host and the time, for `%{r}` and `%{t}` in explanations.
    pub fn received_by(mut self, receiver: &str, timestamp: u64) -> SpfQuery {
        self.receiver = receiver.to_owned();
        self.timestamp = timestamp;
        self
    }
}

/// Lower case, without the one trailing dot of a fully qualified name.
fn without_root(domain: &str) -> String {
    domain
        .strip_suffix('.')
        .unwrap_or(domain)
        .to_ascii_lowercase()
}

/// Both identities as a receiver checks them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityChecks {
    /// The result that counts, and the identity it came from.
    pub result: SpfResult,
    pub decided_by: Identity,
    pub helo: Option<SpfEvaluation>,
    pub mail_from: Option<SpfEvaluation>,
}

/// RFC 7208 2.3 and 2.4: the HELO identity is checked first when there is one; a `fail`
/// there is definitive and MAIL FROM is not checked. Otherwise MAIL FROM is checked and
/// its result counts. With a null reverse-path the MAIL FROM identity is
/// `postmaster@<helo>`, which is the HELO check already made.
pub async fn check_helo_then_mail_from<R: Resolver>(
    resolver: &R,
    ip: IpAddr,
    helo: &str,
    mail_from: &str,
    received_by: (&str, u64),
) -> IdentityChecks {
    let (receiver, timestamp) = received_by;
    let helo_check = if helo.trim().is_empty() {
        None
    } else {
        let query = SpfQuery::helo(ip, helo).received_by(receiver, timestamp);
        Some(check_host(resolver, &query, None).await)
    };
    if let Some(evaluation) = &helo_check {
        if evaluation.result == SpfResult::Fail || mail_from.trim().is_empty() {
            return IdentityChecks {
                result: evaluation.result,
                decided_by: Identity::Helo,
                helo: helo_check,
                mail_from: None,
            };
        }
    }
    let query = SpfQuery::mail_from(ip, mail_from, helo).received_by(receiver, timestamp);
    let evaluation = check_host(resolver, &query, None).await;
    IdentityChecks {
        result: evaluation.result,
        decided_by: Identity::MailFrom,
        helo: helo_check,
        mail_from: Some(evaluation),
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
