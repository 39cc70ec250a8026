//! The answer the admin came for, one per device IP and method: MX, SPF, DKIM and DMARC
//! joined into "mail from this device reaches your mailboxes", "goes to junk", "is
//! rejected", or what is unknown when a section could not be checked. Never a guess: a
//! section the answer needs and could not be checked makes the answer unknown.
//!
//! The rules (m365-sending-facts.md, dkim-and-bounces.md 1.3): DMARC passes with an
//! aligned SPF *pass* or aligned DKIM; Direct Send mail is internal and unsigned, so its
//! SPF result for the device IP decides; mail relayed or submitted through Microsoft 365
//! leaves from Microsoft's servers, so for external recipients the record must include
//! Microsoft 365 (or DKIM must be signing); the connector relay also wants the device IP
//! in SPF. The device's envelope sender is taken to be in the checked domain.

use super::finding::Section;
use super::{Report, Status};
use crate::dmarc::Policy;
use crate::i18n::{format, Lang};
use crate::method::MethodId;
use crate::mx::MxKind;
use crate::spf::eval::SpfResult;

/// How mail from the device fares.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Outcome {
    Reaches,
    AtRisk,
    Junk,
    Rejected,
    Unknown,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Which sentence says it (catalog `verdict.<case>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Case {
    DirectSendReaches,
    DirectSendRejected,
    DirectSendJunk,
    DirectSendAtRisk,
    MxNotMicrosoft,
    RelayReaches,
    RelayIpNotInSpf,
    SubmissionReaches,
    ExternalNeedsDkim,
    ExternalRejected,
    ExternalJunk,
    ExternalAtRisk,
    SpfPasses,
    SpfFailsRejected,
    SpfFailsJunk,
    SpfFailsAtRisk,
    SpfTempError,
    Unknown,
}

impl Case {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One device's answer, with the facts that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceVerdict {
    /// None for client submission checked without an IP (the device's IP plays no part).
    pub ip: Option<String>,
    pub method: Option<MethodId>,
    pub outcome: Outcome,
    pub case: Case,
    pub spf: Option<SpfResult>,
    pub policy: Option<Policy>,
    /// The sections whose facts decided it, for links to them.
    pub deciding: Vec<Section>,
    /// The sections it needed and could not have (only for `Outcome::Unknown`).
    pub unknown: Vec<Section>,
}

impl DeviceVerdict {
    /// The answer in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let method = match self.method {
            Some(method) => format(lang, &format!("method.{}.name", method.as_str()), &[]),
            None => String::new(),
        };
        let ip = self.ip.clone().unwrap_or_default();
        let spf = self.spf.map(SpfResult::as_str).unwrap_or_default();
        let policy = match self.policy {
            Some(policy) => format!("p={}", policy.as_str()),
            None => format(lang, "verdict.no-dmarc", &[]),
        };
        let sections: Vec<&str> = self.unknown.iter().map(|s| s.short_name()).collect();
        let key = match (self.case, self.ip.is_some(), self.method.is_some()) {
            (Case::Unknown, false, _) => "verdict.unknown-no-ip".to_owned(),
            (Case::Unknown, true, false) => "verdict.unknown-no-method".to_owned(),
            (case, _, _) => format!("verdict.{}", case.as_str()),
        };
        format(
            lang,
            &key,
            &[
                ("ip", &ip),
                ("method", &method),
                ("spf", spf),
                ("policy", &policy),
                ("sections", &sections.join(", ")),
            ],
        )
    }
}

/// One verdict per device IP asked about (in the order given); for client submission
/// without an IP, one for the method.
pub fn for_devices(
    report: &Report,
    method: Option<MethodId>,
    ips: &[std::net::Ipv4Addr],
) -> Vec<DeviceVerdict> {
    if ips.is_empty() {
        return if method == Some(MethodId::ClientSubmission) {
            vec![judge(report, method, None, None)]
        } else {
            Vec::new()
        };
    }
    ips.iter()
        .map(|ip| {
            let ip = ip.to_string();
            // No result when the SPF record could not be read: the section is unknown.
            let result = report
                .spf
                .ip_checks
                .iter()
                .find(|check| check.ip == ip)
                .map(|check| check.result);
            judge(report, method, Some(&ip), result)
        })
        .collect()
}

fn judge(
    report: &Report,
    method: Option<MethodId>,
    ip: Option<&str>,
    spf: Option<SpfResult>,
) -> DeviceVerdict {
    let mut verdict = DeviceVerdict {
        ip: ip.map(str::to_owned),
        method,
        outcome: Outcome::Unknown,
        case: Case::Unknown,
        spf,
        policy: report.dmarc.policy,
        deciding: Vec::new(),
        unknown: Vec::new(),
    };
    let unknown = |section| report.status(section) == Status::CouldNotCheck;
    let to_tenant_mx = method.is_some_and(MethodId::sends_to_tenant_mx);
    let ip_in_spf_matters = method.is_none() || to_tenant_mx;
    // The sections every answer for this method needs.
    let mut needed = vec![Section::Spf];
    if to_tenant_mx {
        needed.insert(0, Section::Mx);
    }
    if let Some(missing) = first_unknown(&needed, &unknown) {
        verdict.unknown = missing;
        return verdict;
    }
    if ip.is_some() && spf.is_none() && ip_in_spf_matters {
        verdict.unknown = vec![Section::Spf];
        return verdict;
    }
    if to_tenant_mx && !report.mx.kind.is_some_and(MxKind::is_microsoft) {
        return decided(
            verdict,
            Outcome::AtRisk,
            Case::MxNotMicrosoft,
            &[Section::Mx],
        );
    }
    if ip_in_spf_matters && spf == Some(SpfResult::TempError) {
        verdict.case = Case::SpfTempError;
        verdict.unknown = vec![Section::Spf];
        return verdict;
    }
    let ip_passes = spf == Some(SpfResult::Pass);
    match method {
        Some(MethodId::DirectSend) => {
            if ip_passes {
                return decided(
                    verdict,
                    Outcome::Reaches,
                    Case::DirectSendReaches,
                    &[Section::Spf],
                );
            }
            // Unsigned internal mail: only the SPF result could have passed DMARC.
            by_policy(
                verdict,
                &unknown,
                [
                    Case::DirectSendRejected,
                    Case::DirectSendJunk,
                    Case::DirectSendAtRisk,
                ],
            )
        }
        Some(MethodId::RelayIp | MethodId::RelayCert) => {
            if !ip_passes {
                let (outcome, case) = (Outcome::AtRisk, Case::RelayIpNotInSpf);
                return decided(verdict, outcome, case, &[Section::Spf, Section::Dmarc]);
            }
            onward(verdict, report, &unknown, Case::RelayReaches)
        }
        Some(MethodId::ClientSubmission) => {
            onward(verdict, report, &unknown, Case::SubmissionReaches)
        }
        _ => {
            if ip_passes {
                return decided(verdict, Outcome::Reaches, Case::SpfPasses, &[Section::Spf]);
            }
            by_policy(
                verdict,
                &unknown,
                [
                    Case::SpfFailsRejected,
                    Case::SpfFailsJunk,
                    Case::SpfFailsAtRisk,
                ],
            )
        }
    }
}

/// Mail that Microsoft 365 sends on to external recipients: SPF must include Microsoft
/// 365, else only DKIM can pass DMARC.
fn onward(
    verdict: DeviceVerdict,
    report: &Report,
    unknown: &dyn Fn(Section) -> bool,
    reaches: Case,
) -> DeviceVerdict {
    if report.spf.includes_microsoft {
        return decided(verdict, Outcome::Reaches, reaches, &[Section::Spf]);
    }
    if unknown(Section::Dkim) {
        return with_unknown(verdict, vec![Section::Dkim]);
    }
    let has_key = report.dkim.selectors.iter().any(|s| {
        s.key_state()
            .is_some_and(super::dkim_section::KeyRecord::verifies)
    });
    if has_key {
        let sections = [Section::Spf, Section::Dkim];
        return decided(verdict, Outcome::AtRisk, Case::ExternalNeedsDkim, &sections);
    }
    let mut verdict = by_policy(
        verdict,
        unknown,
        [
            Case::ExternalRejected,
            Case::ExternalJunk,
            Case::ExternalAtRisk,
        ],
    );
    if verdict.outcome != Outcome::Unknown {
        verdict.deciding.insert(1, Section::Dkim);
    }
    verdict
}

/// Mail that fails DMARC: what the policy makes of it.
fn by_policy(
    verdict: DeviceVerdict,
    unknown: &dyn Fn(Section) -> bool,
    [rejected, junk, at_risk]: [Case; 3],
) -> DeviceVerdict {
    if unknown(Section::Dmarc) {
        return with_unknown(verdict, vec![Section::Dmarc]);
    }
    let (outcome, case) = match verdict.policy {
        Some(Policy::Reject) => (Outcome::Rejected, rejected),
        Some(Policy::Quarantine) => (Outcome::Junk, junk),
        Some(Policy::None) | None => (Outcome::AtRisk, at_risk),
    };
    decided(verdict, outcome, case, &[Section::Spf, Section::Dmarc])
}

fn decided(
    mut verdict: DeviceVerdict,
    outcome: Outcome,
    case: Case,
    deciding: &[Section],
) -> DeviceVerdict {
    verdict.outcome = outcome;
    verdict.case = case;
    verdict.deciding = deciding.to_vec();
    verdict
}

fn with_unknown(mut verdict: DeviceVerdict, sections: Vec<Section>) -> DeviceVerdict {
    verdict.unknown = sections;
    verdict
}

fn first_unknown(needed: &[Section], unknown: &dyn Fn(Section) -> bool) -> Option<Vec<Section>> {
    let missing: Vec<Section> = needed.iter().copied().filter(|s| unknown(*s)).collect();
    (!missing.is_empty()).then_some(missing)
}
