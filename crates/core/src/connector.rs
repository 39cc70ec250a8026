//! Connector and tenant steps with the admin's own values: the Exchange admin center
//! clicks and the matching Exchange Online PowerShell (facts file, "EAC wizard" and
//! "SMTP relay rules tightened").
//!
//! Every user value in a command goes through [`powershell::quote`], so a name with
//! quotes, `$` or line breaks can neither break nor extend a command.
//!
//! The steps and errors that speak of the sender follow it (issue #13): an application
//! reads "the application" where a device reads "the device" (see [`for_sender`]).

use crate::cloud::Cloud;
use crate::i18n::{text, Lang, Phrase};
use crate::method::MethodId;
use crate::plan::{for_sender, Client};
use crate::powershell::{quote, quote_list};
use crate::validate::{
    parse_certificate_name, parse_connector_range, parse_device_name, ValueWarning,
};
use serde::Serialize;

/// Its name (`relay-ip`, `relay-cert`, `partner`) is the connector page's `kind` and the
/// JSON's.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum ConnectorKind {
    /// OnPremises connector identified by static public IPv4 addresses.
    RelayIp,
    /// OnPremises connector identified by the TLS certificate's subject name.
    RelayCert,
    /// Partner connector so a device keeps working when Reject Direct Send is on.
    Partner,
}

impl ConnectorKind {
    pub fn parse(text: &str) -> Option<ConnectorKind> {
        text.parse().ok()
    }

    /// The connector a planned method needs: relay by IP or certificate, and for Direct
    /// Send the partner connector that keeps it working under Reject Direct Send.
    /// Methods that use no inbound connector have none.
    pub fn for_method(method: MethodId) -> Option<ConnectorKind> {
        match method {
            MethodId::RelayIp => Some(ConnectorKind::RelayIp),
            MethodId::RelayCert => Some(ConnectorKind::RelayCert),
            MethodId::DirectSend => Some(ConnectorKind::Partner),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The values this kind of connector uses, in the form's order; the others are not
    /// asked for and are ignored, so a value typed for another kind cannot block these
    /// steps. An IP connector is identified by its addresses; a certificate connector by
    /// its certificate, with the addresses only for the SPF record (facts file, "EAC
    /// wizard" step 6); a partner connector by either, for its sender domains.
    pub fn fields(self) -> &'static [ConnectorField] {
        use ConnectorField::*;
        match self {
            ConnectorKind::RelayIp => &[Name, Ips],
            ConnectorKind::RelayCert => &[Name, CertName, Ips],
            ConnectorKind::Partner => &[Name, Ips, CertName, SenderDomains],
        }
    }

    pub fn uses(self, field: ConnectorField) -> bool {
        self.fields().contains(&field)
    }
}

/// A value of [`ConnectorInput`], named as its errors name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum ConnectorField {
    Name,
    Ips,
    CertName,
    SenderDomains,
}

impl ConnectorField {
    /// The `field` of its [`FieldError`]s.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What the admin typed.
#[derive(Debug, Clone, Default)]
pub struct ConnectorInput {
    pub name: Option<String>,
    pub ips: Vec<String>,
    pub cert_name: Option<String>,
    /// Sender domains for a partner connector (the accepted domains the device uses).
    pub sender_domains: Vec<String>,
    pub cloud: Cloud,
    /// Who sends through the connector; `None` is worded as a device.
    pub client: Option<Client>,
}

pub use crate::field_error::FieldError;

/// The steps as data: the clicks and notes are catalog phrases with the admin's values,
/// worded in the reader's language when shown ([`ConnectorSteps::in_lang`]); the
/// PowerShell is the same in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorSteps {
    pub kind: ConnectorKind,
    pub name: String,
    /// Exchange admin center clicks, in order.
    pub eac: Vec<Phrase>,
    /// Exchange Online PowerShell, one command per entry.
    pub powershell: Vec<String>,
    /// What to do and test afterwards.
    pub after: Vec<Phrase>,
    pub warnings: Vec<ValueWarning>,
}

/// The steps worded in one language: what the screens and the guide show, and the
/// shape of the CLI's `connector --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectorText {
    pub kind: ConnectorKind,
    pub name: String,
    pub eac: Vec<String>,
    pub powershell: Vec<String>,
    pub after: Vec<String>,
    pub warnings: Vec<String>,
}

impl ConnectorSteps {
    pub fn in_lang(&self, lang: Lang) -> ConnectorText {
        let words = |phrases: &[Phrase]| phrases.iter().map(|p| p.render(lang)).collect();
        ConnectorText {
            kind: self.kind,
            name: self.name.clone(),
            eac: words(&self.eac),
            powershell: self.powershell.clone(),
            after: words(&self.after),
            warnings: self.warnings.iter().map(|w| w.message(lang)).collect(),
        }
    }
}

/// The connector's name when the admin gives none: multifunction devices are the usual
/// senders; an application's connector gets a name that does not call it one.
const DEFAULT_NAME: &str = "Relay - MFDs";
const DEFAULT_APPLICATION_NAME: &str = "Relay - Applications";

/// The name a connector for `client` gets when the admin gives none.
pub fn default_name(client: Option<Client>) -> &'static str {
    match client {
        Some(Client::Application) => DEFAULT_APPLICATION_NAME,
        _ => DEFAULT_NAME,
    }
}

/// Validates the input and builds the steps; every invalid field is reported at once.
pub fn connector_steps(
    kind: ConnectorKind,
    input: &ConnectorInput,
) -> Result<ConnectorSteps, Vec<FieldError>> {
    let client = input.client;
    let mut errors = Vec::new();
    let mut warnings: Vec<ValueWarning> = Vec::new();
    let name = match input.name.as_deref().map(parse_device_name) {
        None => default_name(client).to_owned(),
        Some(Ok(name)) => name,
        Some(Err(e)) => {
            errors.push(FieldError::value("name", e));
            String::new()
        }
    };
    // What this kind does not use is left out, as if it were not typed.
    let no_values: &[String] = &[];
    let ips = if kind.uses(ConnectorField::Ips) {
        input.ips.as_slice()
    } else {
        no_values
    };
    let cert_name = input
        .cert_name
        .as_deref()
        .filter(|_| kind.uses(ConnectorField::CertName));
    let sender_domains = if kind.uses(ConnectorField::SenderDomains) {
        input.sender_domains.as_slice()
    } else {
        no_values
    };
    let mut ranges = Vec::new();
    for ip in ips {
        match parse_connector_range(ip) {
            Ok(checked) => {
                warnings.extend(checked.warnings);
                ranges.push(checked.value.to_string());
            }
            Err(e) => errors.push(FieldError::value("ips", e)),
        }
    }
    let cert = match cert_name.map(parse_certificate_name) {
        None => None,
        Some(Ok(checked)) => {
            warnings.extend(checked.warnings);
            Some(checked.value)
        }
        Some(Err(e)) => {
            errors.push(FieldError::value("cert-name", e));
            None
        }
    };
    let mut domains = Vec::new();
    for domain in sender_domains {
        match crate::dns::DomainName::parse(domain) {
            Ok(d) => domains.push(d.to_string()),
            Err(e) => errors.push(FieldError::name("sender-domains", e)),
        }
    }
    match kind {
        ConnectorKind::RelayIp if ranges.is_empty() && ips.is_empty() => {
            errors.push(missing("ips", client))
        }
        ConnectorKind::RelayCert if cert.is_none() && cert_name.is_none() => {
            errors.push(missing("cert-name", client))
        }
        ConnectorKind::Partner if ranges.is_empty() && cert.is_none() && errors.is_empty() => {
            errors.push(missing("ips", client))
        }
        _ => {}
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let range_refs: Vec<&str> = ranges.iter().map(String::as_str).collect();
    let domain_refs: Vec<&str> = domains.iter().map(String::as_str).collect();
    let t = |key: &str| Phrase::new(key);
    // The texts that name the sender.
    let worded = |key: &str| for_sender(key, client);
    let mut eac = vec![t("connector.eac.open"), t("connector.eac.add")];
    let mut powershell = Vec::new();
    let mut after = Vec::new();
    match kind {
        ConnectorKind::RelayIp | ConnectorKind::RelayCert => {
            eac.push(t("connector.eac.from-your-server"));
            eac.push(Phrase::new("connector.eac.name").with("name", &name));
            let identify = match &cert {
                Some(cert) if kind == ConnectorKind::RelayCert => {
                    Phrase::new("connector.eac.by-certificate").with("cert", cert)
                }
                _ => Phrase::new("connector.eac.by-ip").with("ips", ranges.join(", ")),
            };
            eac.push(identify);
            eac.push(t("connector.eac.create"));
            let mut command = format!(
                "New-InboundConnector -Name {} -ConnectorType OnPremises -SenderDomains *",
                quote(&name)
            );
            match (&cert, kind) {
                (Some(cert), ConnectorKind::RelayCert) => {
                    command.push_str(&format!(
                        " -TlsSenderCertificateName {} -RequireTls $true",
                        quote(cert)
                    ));
                }
                _ => command.push_str(&format!(
                    " -SenderIPAddresses {} -RestrictDomainsToIPAddresses $true",
                    quote_list(&range_refs)
                )),
            }
            powershell.push(command);
            after.push(t(&worded("connector.after.point-device")));
            if !ranges.is_empty() {
                let ip4: Vec<String> = ranges.iter().map(|r| format!("ip4:{r}")).collect();
                after.push(
                    Phrase::new(worded("connector.after.spf"))
                        .with("ip4", ip4.join(" "))
                        .with("include", input.cloud.spf_include()),
                );
            }
            after.push(t("connector.after.accepted-domain"));
            warnings_note(&mut after);
        }
        ConnectorKind::Partner => {
            eac.push(t("connector.eac.from-partner"));
            eac.push(Phrase::new("connector.eac.name").with("name", &name));
            let shown_domains = if domains.is_empty() {
                "*".to_owned()
            } else {
                domains.join(", ")
            };
            eac.push(Phrase::new("connector.eac.partner-identify").with("domains", shown_domains));
            let restriction = match &cert {
                Some(cert) => Phrase::new("connector.eac.partner-cert").with("cert", cert),
                None => Phrase::new("connector.eac.partner-ip").with("ips", ranges.join(", ")),
            };
            eac.push(restriction);
            eac.push(t("connector.eac.create"));
            // Without named domains the connector accepts any sender domain from this
            // IP or certificate, as the OnPremises examples do; say so.
            let sender_domains = if domain_refs.is_empty() {
                after.push(Phrase::new("connector.after.partner-any-domain"));
                "*".to_owned()
            } else {
                quote_list(&domain_refs)
            };
            let mut command = format!(
                "New-InboundConnector -Name {} -ConnectorType Partner -SenderDomains {sender_domains}",
                quote(&name)
            );
            match &cert {
                Some(cert) => command.push_str(&format!(
                    " -TlsSenderCertificateName {} -RestrictDomainsToCertificate $true -RequireTls $true",
                    quote(cert)
                )),
                None => command.push_str(&format!(
                    " -SenderIPAddresses {} -RestrictDomainsToIPAddresses $true -RequireTls $true",
                    quote_list(&range_refs)
                )),
            }
            powershell.push(command);
            after.push(t(&worded("connector.after.partner-test")));
            warnings_note(&mut after);
        }
    }
    Ok(ConnectorSteps {
        kind,
        name,
        eac,
        powershell,
        after,
        warnings,
    })
}

fn warnings_note(after: &mut Vec<Phrase>) {
    after.push(Phrase::new("connector.after.check-cmdlet-help"));
}

fn missing(field: &'static str, client: Option<Client>) -> FieldError {
    let key = for_sender(&format!("connector.missing.{field}"), client);
    FieldError::rule(field, Phrase::new(key))
}

/// Tenant switches, each with its PowerShell, quoted with the user's values. The title
/// and note are the catalog's `tenant.<id>` and `tenant.<id>.note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TenantStep {
    pub id: &'static str,
    pub powershell: Vec<String>,
}

impl TenantStep {
    pub fn title(&self, lang: Lang) -> String {
        text(lang, &format!("tenant.{}", self.id))
    }

    pub fn note(&self, lang: Lang) -> String {
        text(lang, &format!("tenant.{}.note", self.id))
    }
}

/// Enable SMTP AUTH for one mailbox (the org-wide switch stays off).
pub fn enable_smtp_auth_for_mailbox(mailbox: &str) -> TenantStep {
    TenantStep {
        id: "enable-smtp-auth",
        powershell: vec![
            format!(
                "Set-CASMailbox -Identity {} -SmtpClientAuthenticationDisabled $false",
                quote(mailbox)
            ),
            format!(
                "Get-CASMailbox -Identity {} | Format-List SmtpClientAuthenticationDisabled",
                quote(mailbox)
            ),
        ],
    }
}

/// The opt-in legacy TLS endpoint (not in GCC, GCC High or DoD).
pub fn allow_legacy_tls() -> TenantStep {
    TenantStep {
        id: "legacy-tls",
        powershell: vec!["Set-TransportConfig -AllowLegacyTLSClients $true".to_owned()],
    }
}

/// Check and switch Reject Direct Send.
pub fn reject_direct_send() -> TenantStep {
    TenantStep {
        id: "reject-direct-send",
        powershell: vec![
            "Get-OrganizationConfig | Format-List RejectDirectSend".to_owned(),
            "Set-OrganizationConfig -RejectDirectSend $true".to_owned(),
        ],
    }
}

#[cfg(test)]
#[path = "connector_tests.rs"]
mod tests;
