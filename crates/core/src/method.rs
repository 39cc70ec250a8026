//! The ways a device or application can send through Microsoft 365, as data.
//!
//! This table is the single source for the comparison matrix, the cards and the guides:
//! nothing else restates a host, a port or a limit. Every value traces to
//! `shared/reference/m365-sending-facts.md` (the three classic options of the Microsoft
//! Learn article on multifunction devices, updated with what changed since 2018).

use serde::Serialize;

/// When the facts in this table were last checked against their sources.
pub const FACTS_CHECKED: &str = "2026-11-28";

/// The Microsoft Learn article that compares the three classic options.
pub const MFD_ARTICLE_URL: &str = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365";

/// Stable method identifiers; the app's URL state and the CLI use these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MethodId {
    ClientSubmission,
    DirectSend,
    RelayIp,
}

impl MethodId {
    pub const ALL: [MethodId; 3] = [
        MethodId::ClientSubmission,
        MethodId::DirectSend,
        MethodId::RelayIp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MethodId::ClientSubmission => "client-submission",
            MethodId::DirectSend => "direct-send",
            MethodId::RelayIp => "relay-ip",
        }
    }

    pub fn parse(text: &str) -> Option<MethodId> {
        MethodId::ALL.into_iter().find(|id| id.as_str() == text)
    }
}

/// Where the device points its SMTP client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "host")]
pub enum SmartHost {
    /// A fixed Microsoft endpoint for the worldwide cloud.
    Fixed(&'static str),
    /// The MX host the tenant's domain publishes. It is read from DNS, never constructed:
    /// hyphenated domains get tokens such as `octobot-io01b`.
    TenantMx,
}

/// One sending method with the settings a device needs and the trade-offs an admin weighs.
#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub id: MethodId,
    pub name: &'static str,
    pub smart_host: SmartHost,
    /// Ports in order of preference.
    pub ports: &'static [u16],
    pub ports_note: &'static str,
    pub tls: &'static str,
    pub sign_in: &'static str,
    pub recipients: &'static str,
    pub from_address: &'static str,
    pub licensed_mailbox: &'static str,
    pub static_ip: &'static str,
    pub third_party_hosting: &'static str,
    pub antispam: &'static str,
    pub limits: &'static str,
    pub setup_effort: &'static str,
    pub spf: &'static str,
    /// What changed since the 2018 article, dated.
    pub status: &'static str,
}

const METHODS: [Method; 3] = [
    Method {
        id: MethodId::ClientSubmission,
        name: "SMTP AUTH client submission",
        smart_host: SmartHost::Fixed("smtp.office365.com"),
        ports: &[587, 25],
        ports_note: "587 recommended; 465 is not supported",
        tls: "STARTTLS required, TLS 1.2 minimum",
        sign_in: "Mailbox sign-in (Basic or OAuth)",
        recipients: "Internal and external",
        from_address: "The signed-in mailbox (other addresses need Send As)",
        licensed_mailbox: "Required",
        static_ip: "Not needed",
        third_party_hosting: "Works",
        antispam: "Bypassed for internal recipients",
        limits: "30 messages/minute, 10,000 recipients/day per mailbox",
        setup_effort: "Easiest",
        spf: "Not needed for the device",
        status: "Basic auth for SMTP AUTH is unchanged until end of December 2026, then off by \
                 default for existing tenants (admins can turn it back on) and absent for new \
                 tenants; final removal date to be announced in the second half of 2027. \
                 OAuth 2.0 (SASL XOAUTH2) is the replacement.",
    },
    Method {
        id: MethodId::DirectSend,
        name: "Direct Send",
        smart_host: SmartHost::TenantMx,
        ports: &[25],
        ports_note: "Outbound port 25 must be open; ISPs often block it",
        tls: "Optional (recommended)",
        sign_in: "None",
        recipients: "Internal only (tenant mailboxes)",
        from_address: "Any address in an accepted domain; no mailbox needed",
        licensed_mailbox: "Not required",
        static_ip: "Recommended (for SPF)",
        third_party_hosting: "Only where the host allows outbound port 25 (Azure blocks it for \
                              most subscription types)",
        antispam: "Normal filtering",
        limits: "Standard throttling",
        setup_effort: "Easy",
        spf: "Add the device's public IP",
        status: "Since September 2025 a tenant can reject Direct Send \
                 (Set-OrganizationConfig -RejectDirectSend $true, off by default): devices then \
                 need a partner connector matching their certificate or static IP.",
    },
    Method {
        id: MethodId::RelayIp,
        name: "SMTP relay (connector)",
        smart_host: SmartHost::TenantMx,
        ports: &[25],
        ports_note: "Outbound port 25 must be open; ISPs often block it",
        tls: "Optional; required for certificate connectors",
        sign_in: "None: a connector matches the static public IPv4 or the TLS certificate",
        recipients: "Internal and external",
        from_address: "Any address in an accepted domain; no mailbox needed",
        licensed_mailbox: "Not required",
        static_ip: "Required (or a certificate)",
        third_party_hosting: "Not supported (IP connector relay from hosted services)",
        antispam: "Normal filtering",
        limits: "\"Reasonable limits\"; spam-looking mail goes through the high-risk pool",
        setup_effort: "Hardest (connector in the Exchange admin center)",
        spf: "Add the device's public IP",
        status: "Since 1 November 2023 the certificate domain or the MAIL FROM domain must be an \
                 accepted domain, otherwise 550 5.7.64 TenantAttribution; Relay Access Denied.",
    },
];

/// Every method, in the order of the classic article.
pub fn methods() -> &'static [Method] {
    &METHODS
}

/// One method by id.
pub fn method(id: MethodId) -> &'static Method {
    // The table is laid out in declaration order of MethodId (tested below).
    &METHODS[id as usize]
}

impl Method {
    /// The smart host as a device would show it, before the tenant's MX is known.
    pub fn smart_host_label(&self) -> &'static str {
        match self.smart_host {
            SmartHost::Fixed(host) => host,
            SmartHost::TenantMx => "Your domain's MX host (read from DNS)",
        }
    }

    /// Ports joined for display, e.g. "587, 25".
    pub fn ports_label(&self) -> String {
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
        assert!(!m.ports.contains(&465));
        assert_eq!(m.smart_host, SmartHost::Fixed("smtp.office365.com"));
    }

    #[test]
    fn mx_methods_never_name_a_constructed_host() {
        for id in [MethodId::DirectSend, MethodId::RelayIp] {
            assert_eq!(method(id).smart_host, SmartHost::TenantMx);
            assert_eq!(method(id).ports, &[25]);
        }
    }
}
