//! Which tenant switches a ranked method needs, so its card can link to their steps on
//! the Connector screen (facts file, "Basic authentication for SMTP AUTH is being
//! retired" and "TLS"): SMTP AUTH client submission signs in to a mailbox, and that
//! mailbox needs SMTP AUTH turned on, whatever the sign-in (the organisation's switch is
//! off by default for tenants created after January 2020). A sender limited to TLS
//! 1.0/1.1 also needs the opt-in legacy endpoint, where the cloud has one.

use super::questions::{Answers, TlsSupport};
use crate::cloud::Availability;
use crate::method::MethodId;

/// A tenant switch, by the id of its `connector::TenantStep` (and of its element on the
/// Connector screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantSwitch {
    /// `Set-CASMailbox -SmtpClientAuthenticationDisabled $false` for the one mailbox.
    EnableSmtpAuth,
    /// `Set-TransportConfig -AllowLegacyTLSClients $true`.
    LegacyTls,
}

impl TenantSwitch {
    /// The `TenantStep` id, which is also the suffix of its catalog texts.
    pub fn id(self) -> &'static str {
        match self {
            TenantSwitch::EnableSmtpAuth => "enable-smtp-auth",
            TenantSwitch::LegacyTls => "legacy-tls",
        }
    }
}

/// The tenant switches `method` needs with these answers, in the order to make them.
pub fn tenant_switches(method: MethodId, answers: &Answers) -> Vec<TenantSwitch> {
    if method != MethodId::ClientSubmission {
        return Vec::new();
    }
    let mut switches = vec![TenantSwitch::EnableSmtpAuth];
    let legacy_endpoint = answers.cloud_or_default().legacy_tls_endpoint() != Availability::No;
    if answers.tls == Some(TlsSupport::Legacy) && legacy_endpoint {
        switches.push(TenantSwitch::LegacyTls);
    }
    switches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connector::{allow_legacy_tls, enable_smtp_auth_for_mailbox};

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(pairs.iter().copied())
            .unwrap_or_else(|error| panic!("{pairs:?}: {error:?}"))
    }

    #[test]
    fn client_submission_needs_smtp_auth_on_its_mailbox_whatever_the_sign_in() {
        for auth in ["oauth", "basic", "unknown"] {
            assert_eq!(
                tenant_switches(MethodId::ClientSubmission, &answers(&[("auth", auth)])),
                [TenantSwitch::EnableSmtpAuth],
                "{auth}"
            );
        }
    }

    #[test]
    fn legacy_tls_adds_the_opt_in_endpoint_only_where_the_cloud_has_one() {
        let legacy = answers(&[("tls", "legacy")]);
        assert_eq!(
            tenant_switches(MethodId::ClientSubmission, &legacy),
            [TenantSwitch::EnableSmtpAuth, TenantSwitch::LegacyTls]
        );
        let gcc = answers(&[("tls", "legacy"), ("cloud", "gcc")]);
        assert_eq!(
            tenant_switches(MethodId::ClientSubmission, &gcc),
            [TenantSwitch::EnableSmtpAuth]
        );
    }

    #[test]
    fn other_methods_need_no_tenant_switch_here() {
        let legacy = answers(&[("tls", "legacy")]);
        for method in MethodId::ALL {
            if method != MethodId::ClientSubmission {
                assert!(tenant_switches(method, &legacy).is_empty(), "{method:?}");
            }
        }
    }

    /// The ids are the Connector screen's steps, so a link lands on one.
    #[test]
    fn every_switch_names_a_tenant_step() {
        assert_eq!(
            TenantSwitch::EnableSmtpAuth.id(),
            enable_smtp_auth_for_mailbox("a@contoso.com").id
        );
        assert_eq!(TenantSwitch::LegacyTls.id(), allow_legacy_tls().id);
    }
}
