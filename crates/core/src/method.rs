//! The ways a device or application can send through Microsoft 365, as data.
//!
//! This table is the single source for the comparison matrix, the ranking, the cards and
//! the guides. Structured values (hosts, ports, who can be reached, what is required)
//! live here; the prose of each cell lives in the message catalog under
//! `method.<id>.<aspect>`, in English and Vietnamese. Every value traces to
//! `shared/reference/m365-sending-facts.md`.

use crate::cloud::{Availability, Cloud};
use serde::Serialize;

/// When the facts in this table were last checked against their sources.
pub const FACTS_CHECKED: &str = "2026-11-28";

/// The Microsoft Learn article that compares the three classic options.
pub const MFD_ARTICLE_URL: &str = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365";

/// Stable method identifiers; the app's URL state and the CLI use these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MethodId {
    ClientSubmission,
    DirectSend,
    RelayIp,
    RelayCert,
    Hve,
    Acs,
    OnpremRelay,
    GraphApi,
}

impl MethodId {
    pub const ALL: [MethodId; 8] = [
        MethodId::ClientSubmission,
        MethodId::DirectSend,
        MethodId::RelayIp,
        MethodId::RelayCert,
        MethodId::Hve,
        MethodId::Acs,
        MethodId::OnpremRelay,
        MethodId::GraphApi,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MethodId::ClientSubmission => "client-submission",
            MethodId::DirectSend => "direct-send",
            MethodId::RelayIp => "relay-ip",
            MethodId::RelayCert => "relay-cert",
            MethodId::Hve => "hve",
            MethodId::Acs => "acs",
            MethodId::OnpremRelay => "onprem-relay",
            MethodId::GraphApi => "graph-api",
        }
    }

    pub fn parse(text: &str) -> Option<MethodId> {
        MethodId::ALL.into_iter().find(|id| id.as_str() == text)
    }

    /// The catalog key of a prose aspect of this method, e.g. `method.hve.limits`.
    pub fn key(self, aspect: &str) -> String {
        format!("method.{}.{aspect}", self.as_str())
    }
}

/// Where the device points its SMTP client (or the API it calls).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Host {
    /// The cloud's SMTP AUTH submission host (smtp.office365.com worldwide).
    Submission,
    /// The MX host the tenant's domain publishes, read from DNS, never constructed:
    /// hyphenated domains get tokens such as `octobot-io01b`.
    TenantMx,
    /// A fixed endpoint documented for the worldwide cloud.
    Fixed(&'static str),
    /// The organisation's own mail server or local relay.
    OwnServer,
    /// The Microsoft Graph sendMail API over HTTPS (no SMTP host).
    GraphApi,
}

/// What the connection to the host requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tls {
    /// STARTTLS with TLS 1.2 or later.
    StartTls12,
    /// TLS optional (recommended).
    Optional,
    /// TLS required (certificate connectors).
    Required,
    /// HTTPS API.
    Https,
    /// Whatever the device and the local relay agree on, on the LAN.
    Local,
}

impl Tls {
    pub fn key(self) -> &'static str {
        match self {
            Tls::StartTls12 => "tls.starttls-12",
            Tls::Optional => "tls.optional",
            Tls::Required => "tls.required",
            Tls::Https => "tls.https",
            Tls::Local => "tls.local",
        }
    }
}

/// Which recipients a method reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    InternalOnly,
    InternalAndExternal,
}

impl Reach {
    pub fn key(self) -> &'static str {
        match self {
            Reach::InternalOnly => "reach.internal-only",
            Reach::InternalAndExternal => "reach.internal-and-external",
        }
    }
}

/// How strongly something is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    Required,
    Recommended,
    NotNeeded,
}

impl Need {
    pub fn key(self) -> &'static str {
        match self {
            Need::Required => "need.required",
            Need::Recommended => "need.recommended",
            Need::NotNeeded => "need.not-needed",
        }
    }
}

/// Where a dated fact comes from (facts file source keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    pub label: &'static str,
    pub url: &'static str,
}

const MFD: Source = Source {
    label: "Microsoft Learn: multifunction devices",
    url: MFD_ARTICLE_URL,
};
const EXO_BLOG_SMTP_AUTH: Source = Source {
    label: "Exchange Team blog 4489835 (Jan 2026); Message center MC786329",
    url: "https://techcommunity.microsoft.com/category/exchange/blog/exchange",
};
const EXO_BLOG_DIRECT_SEND: Source = Source {
    label: "Exchange Team blog 4408790; MC1093237; Set-OrganizationConfig",
    url: "https://learn.microsoft.com/powershell/module/exchange/set-organizationconfig",
};
const PS_CONNECTOR: Source = Source {
    label: "New-InboundConnector (Exchange PowerShell)",
    url: "https://learn.microsoft.com/powershell/module/exchange/new-inboundconnector",
};
const EXO_BLOG: Source = Source {
    label: "Exchange Team blog",
    url: "https://techcommunity.microsoft.com/category/exchange/blog/exchange",
};

/// A dated statement about a method; its text is `fact.<key>` in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub key: &'static str,
    pub checked: &'static str,
    pub source: Source,
}

const fn fact(key: &'static str, source: Source) -> Fact {
    Fact {
        key,
        checked: FACTS_CHECKED,
        source,
    }
}

/// One sending method with the settings a device needs and the trade-offs an admin weighs.
#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub id: MethodId,
    pub host: Host,
    /// Ports in order of preference; empty for HTTPS APIs.
    pub ports: &'static [u16],
    pub tls: Tls,
    pub recipients: Reach,
    pub licensed_mailbox: Need,
    pub static_ip: Need,
    pub connector: bool,
    pub certificate: Need,
    pub facts: &'static [Fact],
}

const METHODS: [Method; 8] = [
    Method {
        id: MethodId::ClientSubmission,
        host: Host::Submission,
        ports: &[587, 25],
        tls: Tls::StartTls12,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::Required,
        static_ip: Need::NotNeeded,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[
            fact("basic-auth-retirement", EXO_BLOG_SMTP_AUTH),
            fact("tls-legacy-disabled", MFD),
            fact("smtp-auth-switches", EXO_BLOG_SMTP_AUTH),
        ],
    },
    Method {
        id: MethodId::DirectSend,
        host: Host::TenantMx,
        ports: &[25],
        tls: Tls::Optional,
        recipients: Reach::InternalOnly,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::Recommended,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[
            fact("reject-direct-send", EXO_BLOG_DIRECT_SEND),
            fact("mx-microsoft", EXO_BLOG),
        ],
    },
    Method {
        id: MethodId::RelayIp,
        host: Host::TenantMx,
        ports: &[25],
        tls: Tls::Optional,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::Required,
        connector: true,
        certificate: Need::NotNeeded,
        facts: &[
            fact("relay-rule-2023", PS_CONNECTOR),
            fact("connector-ipv4-only", PS_CONNECTOR),
        ],
    },
    Method {
        id: MethodId::RelayCert,
        host: Host::TenantMx,
        ports: &[25],
        tls: Tls::Required,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::NotNeeded,
        connector: true,
        certificate: Need::Required,
        facts: &[
            fact("relay-rule-2023", PS_CONNECTOR),
            fact("certificate-public", PS_CONNECTOR),
        ],
    },
    Method {
        id: MethodId::Hve,
        host: Host::Fixed("smtp-hve.office365.com"),
        ports: &[587],
        tls: Tls::StartTls12,
        recipients: Reach::InternalOnly,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::NotNeeded,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[fact("hve-status", EXO_BLOG), fact("hve-endpoint", EXO_BLOG)],
    },
    Method {
        id: MethodId::Acs,
        host: Host::Fixed("smtp.azurecomm.net"),
        ports: &[587],
        tls: Tls::StartTls12,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::NotNeeded,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[fact("acs-limits", EXO_BLOG)],
    },
    Method {
        id: MethodId::OnpremRelay,
        host: Host::OwnServer,
        ports: &[25, 587],
        tls: Tls::Local,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::NotNeeded,
        static_ip: Need::NotNeeded,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[fact("local-relay", MFD)],
    },
    Method {
        id: MethodId::GraphApi,
        host: Host::GraphApi,
        ports: &[],
        tls: Tls::Https,
        recipients: Reach::InternalAndExternal,
        licensed_mailbox: Need::Required,
        static_ip: Need::NotNeeded,
        connector: false,
        certificate: Need::NotNeeded,
        facts: &[fact("basic-auth-retirement", EXO_BLOG_SMTP_AUTH)],
    },
];

/// Every method, in the order of the classic article, then the newer options.
pub fn methods() -> &'static [Method] {
    &METHODS
}

/// One method by id.
pub fn method(id: MethodId) -> &'static Method {
    // The table is laid out in declaration order of MethodId (tested below).
    &METHODS[id as usize]
}

impl Method {
    /// The host a device uses in `cloud`; `None` for the tenant's MX (read from DNS) and
    /// the organisation's own server, which only the user can supply.
    pub fn host_for(&self, cloud: Cloud) -> Option<&'static str> {
        match self.host {
            Host::Submission => Some(cloud.submission_host()),
            Host::Fixed(host) => Some(host),
            Host::TenantMx | Host::OwnServer | Host::GraphApi => None,
        }
    }

    /// Whether our sources confirm this method in `cloud`.
    pub fn availability(&self, cloud: Cloud) -> Availability {
        match self.id {
            MethodId::Hve | MethodId::Acs | MethodId::GraphApi => cloud.newer_services(),
            _ => Availability::Yes,
        }
    }

    /// Ports joined for display, e.g. "587, 25"; "443 (HTTPS)" for APIs.
    pub fn ports_label(&self) -> String {
        if self.ports.is_empty() {
            return "443 (HTTPS)".to_owned();
        }
        let ports: Vec<String> = self.ports.iter().map(u16::to_string).collect();
        ports.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_id_order() {
        for (row, id) in METHODS.iter().zip(MethodId::ALL) {
            assert_eq!(row.id, id);
            assert_eq!(method(id).id, id);
        }
    }

    #[test]
    fn ids_round_trip_through_text() {
        for id in MethodId::ALL {
            assert_eq!(MethodId::parse(id.as_str()), Some(id));
        }
        assert_eq!(MethodId::parse("smtp-relay"), None);
    }

    #[test]
    fn client_submission_uses_587_and_never_465() {
        let m = method(MethodId::ClientSubmission);
        assert_eq!(m.ports, &[587, 25]);
        assert!(methods().iter().all(|m| !m.ports.contains(&465)));
        assert_eq!(m.host_for(Cloud::Worldwide), Some("smtp.office365.com"));
        assert_eq!(m.host_for(Cloud::Dod), Some("outlook-dod.office365.us"));
        assert_eq!(
            m.host_for(Cloud::China21Vianet),
            Some("smtp.partner.outlook.cn")
        );
    }

    #[test]
    fn mx_methods_never_name_a_constructed_host() {
        for id in [MethodId::DirectSend, MethodId::RelayIp, MethodId::RelayCert] {
            assert_eq!(method(id).host, Host::TenantMx);
            assert_eq!(method(id).host_for(Cloud::Worldwide), None);
            assert_eq!(method(id).ports, &[25]);
        }
    }

    #[test]
    fn internal_only_methods_are_direct_send_and_hve() {
        let internal: Vec<MethodId> = methods()
            .iter()
            .filter(|m| m.recipients == Reach::InternalOnly)
            .map(|m| m.id)
            .collect();
        assert_eq!(internal, [MethodId::DirectSend, MethodId::Hve]);
    }
}
