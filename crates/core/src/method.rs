//! The ways a device or application can send through Microsoft 365, as data.
//!
//! This table is the single source for the comparison matrix, the ranking, the cards and
//! the guides. Structured values (hosts, ports, who can be reached, what is required)
//! live here; the prose of each cell lives in the message catalog under
//! `method.<id>.<aspect>`, in English and Vietnamese. Every value traces to
//! `shared/reference/m365-sending-facts.md`.

use crate::cloud::{Availability, Cloud};
use crate::date::Date;
use crate::i18n::{format, text, Lang};
use crate::milestone::{fill_milestones, Milestone};
use serde::Serialize;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// When the facts in this table were last checked against their sources.
pub const FACTS_CHECKED: &str = "2026-11-28";

/// The Microsoft Learn article that compares the three classic options.
pub const MFD_ARTICLE_URL: &str = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365";

/// Stable method identifiers; the app's URL state and the CLI use these strings, and the
/// JSON writes them too (serde goes through the same names).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
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
        self.into()
    }

    /// The method with this id, spelled exactly.
    pub fn parse(text: &str) -> Option<MethodId> {
        text.parse().ok()
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
///
/// The JSON writes the variant's name in kebab case; [`Tls::key`] is the catalog key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case", prefix = "tls.")]
pub enum Tls {
    /// STARTTLS with TLS 1.2 or later.
    #[strum(serialize = "starttls-12")]
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
    /// The catalog key of its wording.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// Which recipients a method reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case", prefix = "reach.")]
pub enum Reach {
    InternalOnly,
    InternalAndExternal,
}

impl Reach {
    /// The catalog key of its wording.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// How strongly something is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, IntoStaticStr, VariantArray)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case", prefix = "need.")]
pub enum Need {
    Required,
    Recommended,
    NotNeeded,
}

impl Need {
    /// The catalog key of its wording.
    pub fn key(self) -> &'static str {
        self.into()
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

/// A dated statement about a method; its text is `fact.<key>` in the catalog, which names
/// the fact's milestones as placeholders so that it reads right on any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub key: &'static str,
    pub checked: &'static str,
    pub source: Source,
    /// The dated changes the text states, compared with today when it is shown.
    pub milestones: &'static [Milestone],
}

const fn fact(key: &'static str, source: Source) -> Fact {
    dated(key, source, &[])
}

const fn dated(key: &'static str, source: Source, milestones: &'static [Milestone]) -> Fact {
    Fact {
        key,
        checked: FACTS_CHECKED,
        source,
        milestones,
    }
}

impl Fact {
    /// The fact in words, its milestones worded relative to `today`.
    pub fn text(&self, lang: Lang, today: Date) -> String {
        fill_milestones(&text(lang, &format!("fact.{}", self.key)), lang, today)
    }

    /// The fact with the date it was checked, as the matrix and the guides show it.
    pub fn text_with_date(&self, lang: Lang, today: Date) -> String {
        format(
            lang,
            "fact.dated",
            &[
                ("fact", &self.text(lang, today)),
                ("date", &crate::localized::date_text(self.checked, lang)),
            ],
        )
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

/// Facts that two methods state.
const BASIC_AUTH_RETIREMENT: Fact = dated(
    "basic-auth-retirement",
    EXO_BLOG_SMTP_AUTH,
    &[Milestone::SmtpBasicOff, Milestone::SmtpBasicRemovalDate],
);
const RELAY_RULE: Fact = dated("relay-rule-2023", PS_CONNECTOR, &[Milestone::RelayRule]);

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
            BASIC_AUTH_RETIREMENT,
            dated(
                "tls-legacy-disabled",
                MFD,
                &[Milestone::Tls10Off, Milestone::PopImapLegacyTls],
            ),
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
            dated(
                "reject-direct-send",
                EXO_BLOG_DIRECT_SEND,
                &[Milestone::RejectDirectSend],
            ),
            dated("mx-microsoft", EXO_BLOG, &[Milestone::MxMicrosoftDefault]),
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
        facts: &[RELAY_RULE, fact("connector-ipv4-only", PS_CONNECTOR)],
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
        facts: &[RELAY_RULE, fact("certificate-public", PS_CONNECTOR)],
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
        facts: &[
            dated(
                "hve-status",
                EXO_BLOG,
                &[Milestone::HveBilling, Milestone::HveBasicEnd],
            ),
            fact("hve-endpoint", EXO_BLOG),
        ],
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
        facts: &[BASIC_AUTH_RETIREMENT],
    },
];

/// Every method, in the order of the classic article, then the newer options.
pub fn methods() -> &'static [Method] {
    &METHODS
}

impl MethodId {
    /// Whether the device sends to the tenant's MX host (Direct Send, the connector
    /// relays): then the MX record and the device IP in SPF decide its mail.
    pub fn sends_to_tenant_mx(self) -> bool {
        method(self).host == Host::TenantMx
    }
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
#[path = "method_tests.rs"]
mod tests;
