//! Which cloud a report follows: the one the user chose, else the one the MX host names,
//! else worldwide; and the line that says which and why.

use super::finding::{Findings, Section, Severity};
use super::MxSection;
use crate::cloud::Cloud;
use crate::i18n::{format, text, Lang};
use crate::mx::MxKind;
use serde::Serialize;

/// Where the report's cloud came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum CloudSource {
    /// The user chose it.
    Chosen,
    /// No cloud was chosen and the MX host names one.
    Mx,
    /// Neither: worldwide is assumed.
    Assumed,
}

impl CloudSource {
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// Which cloud the report followed and why, in `lang`: the admin sees that a GCC High
/// MX made the check look for the GCC High include, or that worldwide was only assumed.
pub fn cloud_line(cloud: Cloud, source: CloudSource, lang: Lang) -> String {
    let name = text(lang, &format!("question.cloud.{}", cloud.id()));
    format(
        lang,
        &format!("check.cloud.{}", source.id()),
        &[("cloud", &name)],
    )
}

/// The cloud the report follows: the user's choice, else the one the MX host names, else
/// worldwide. A choice the MX contradicts is kept (the user may know better, for example
/// during a migration) and the disagreement is a finding.
pub(super) fn cloud_from_evidence(
    chosen: Option<Cloud>,
    mx: &MxSection,
    findings: &mut Findings,
) -> (Cloud, CloudSource) {
    let from_mx = match mx.kind {
        Some(MxKind::Microsoft365GccHigh) => Some(Cloud::GccHigh),
        Some(MxKind::Microsoft365China) => Some(Cloud::China21Vianet),
        Some(MxKind::Microsoft365 | MxKind::Microsoft365Dnssec) => Some(Cloud::Worldwide),
        _ => None,
    };
    match (chosen, from_mx) {
        (Some(chosen), Some(mx_cloud)) => {
            // GCC shares the worldwide MX and include; DoD shares GCC High's.
            let same_family = chosen.spf_include() == mx_cloud.spf_include();
            if !same_family {
                let host = mx.hosts.first().map_or("", |h| h.host.as_str());
                findings.add(
                    Section::Mx,
                    "mx-cloud-mismatch",
                    Severity::Warning,
                    &[
                        ("chosen", chosen.id()),
                        ("found", mx_cloud.id()),
                        ("host", host),
                    ],
                );
            }
            (chosen, CloudSource::Chosen)
        }
        (Some(chosen), None) => (chosen, CloudSource::Chosen),
        (None, Some(mx_cloud)) => (mx_cloud, CloudSource::Mx),
        (None, None) => (Cloud::Worldwide, CloudSource::Assumed),
    }
}
