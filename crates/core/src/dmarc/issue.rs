//! What receivers ignore or replace with a default in a record that they still apply,
//! each worded in the reader's language.

use super::*;

/// Something in a record that receivers ignore or replace with a default. Echoed text
/// is shortened and made safe to show (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DmarcIssue {
    /// No `p` tag, but `rua` has a valid address: receivers act as if `p=none`.
    PolicyMissingTreatedAsNone,
    /// `p` is not none, quarantine or reject, but `rua` has a valid address: receivers
    /// act as if `p=none`.
    InvalidPolicyTreatedAsNone { value: String },
    /// `sp` is not none, quarantine or reject, but `rua` has a valid address: receivers
    /// act as if the record were `p=none` (RFC 7489 6.6.3), whatever `p` says.
    InvalidSubdomainPolicyTreatedAsNone { value: String },
    /// `p` is present but not the tag right after `v` (RFC 7489 6.4 puts it second).
    PolicyNotSecond,
    /// `pct` is not a whole number from 0 to 100; 100 is used.
    InvalidPct { value: String },
    /// `adkim` or `aspf` is not `r` or `s`; relaxed is used.
    InvalidAlignment { tag: String, value: String },
    /// A `rua` or `ruf` URI that is not `mailto:`; receivers need only support mailto.
    ReportUriNotMailto { tag: String, uri: String },
    /// A `mailto:` URI in `rua` or `ruf` without a usable address (or an empty entry).
    InvalidReportUri { tag: String, uri: String },
    /// `fo` is not a colon-separated list of 0, 1, d and s; `0` is used.
    InvalidFailureOptions { value: String },
    /// `rf` names a format other than `afrf`; `afrf` is used.
    InvalidReportFormat { value: String },
    /// `ri` is not a whole number of seconds (32-bit); 86400 is used.
    InvalidReportInterval { value: String },
    /// A tag DMARC does not define; receivers ignore it.
    UnknownTag { tag: String },
    /// A tag given more than once; the first is used.
    DuplicateTag { tag: String },
    /// A part between semicolons that is not `tag=value`; it is ignored.
    MalformedTag { text: String },
}

impl fmt::Display for DmarcIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DmarcIssue::PolicyMissingTreatedAsNone => f.write_str(
                "the record has no policy tag p; because rua has a report address, receivers treat it as p=none",
            ),
            DmarcIssue::InvalidPolicyTreatedAsNone { value } => write!(
                f,
                "p=\"{value}\" is not none, quarantine or reject; because rua has a report address, receivers treat the record as p=none"
            ),
            DmarcIssue::InvalidSubdomainPolicyTreatedAsNone { value } => write!(
                f,
                "sp=\"{value}\" is not none, quarantine or reject; because rua has a report address, receivers treat the whole record as p=none, whatever p says"
            ),
            DmarcIssue::PolicyNotSecond => f.write_str(
                "the policy tag p should come right after v=DMARC1, as RFC 7489 section 6.4 specifies; move it there",
            ),
            DmarcIssue::InvalidPct { value } => write!(
                f,
                "pct=\"{value}\" is not a whole number from 0 to 100; receivers use 100"
            ),
            DmarcIssue::InvalidAlignment { tag, value } => write!(
                f,
                "{tag}=\"{value}\" is not r (relaxed) or s (strict); receivers use relaxed"
            ),
            DmarcIssue::ReportUriNotMailto { tag, uri } => write!(
                f,
                "the {tag} address \"{uri}\" is not a mailto: URI; receivers only have to send reports by mail"
            ),
            DmarcIssue::InvalidReportUri { tag, uri } => write!(
                f,
                "the {tag} entry \"{uri}\" is not a usable mailto: address; write it as mailto:name@example.com"
            ),
            DmarcIssue::InvalidFailureOptions { value } => write!(
                f,
                "fo=\"{value}\" is not a list of 0, 1, d and s separated by colons; receivers use 0"
            ),
            DmarcIssue::InvalidReportFormat { value } => write!(
                f,
                "rf=\"{value}\" names a format other than afrf; receivers use afrf"
            ),
            DmarcIssue::InvalidReportInterval { value } => write!(
                f,
                "ri=\"{value}\" is not a whole number of seconds; receivers use 86400 (one day)"
            ),
            DmarcIssue::UnknownTag { tag } => {
                write!(f, "the tag \"{tag}\" is not part of DMARC; receivers ignore it")
            }
            DmarcIssue::DuplicateTag { tag } => write!(
                f,
                "the tag {tag} appears more than once; receivers may use only the first, so remove the others"
            ),
            DmarcIssue::MalformedTag { text } => write!(
                f,
                "\"{text}\" is not a tag=value pair; receivers ignore it"
            ),
        }
    }
}
