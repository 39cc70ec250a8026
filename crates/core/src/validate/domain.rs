//! DNS names, as the From address and the certificate name use them.

use super::*;
use crate::dns::name::{check_host_syntax, HostSyntax};

/// The host-name check of the DNS names ([`check_host_syntax`]), worded for the From
/// address and the certificate name.
pub(super) fn check_domain(name: &str) -> Result<(), DomainProblem> {
    check_host_syntax(name).map_err(|problem| match problem {
        HostSyntax::TooLong(len) => DomainProblem::TooLong { len },
        HostSyntax::EmptyLabel => DomainProblem::EmptyLabel,
        HostSyntax::InvalidCharacter { ch, .. } => DomainProblem::InvalidCharacter { ch },
        HostSyntax::LabelTooLong { label, len } => DomainProblem::LabelTooLong {
            label: shown(&label),
            len,
        },
        HostSyntax::HyphenAtEdge(label) => DomainProblem::HyphenAtEdge {
            label: shown(&label),
        },
        HostSyntax::SingleLabel => DomainProblem::SingleLabel,
        HostSyntax::NumericTld => DomainProblem::NumericTld,
    })
}
