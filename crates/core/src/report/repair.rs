//! A suggested record must work for every sender it serves: each device IP and Microsoft
//! 365's own servers pass, and nobody gets permerror or temperror.

use crate::cloud::Cloud;
use crate::dns::{DomainName, Resolver};
use crate::spf::eval::{check_host, SpfQuery, SpfResult};
use crate::spf::problem::SpfProblem;
use crate::spf::record::{parse_record, Mechanism, Qualifier, TermKind};
use std::net::{IpAddr, Ipv4Addr};

/// A sender a candidate record does not let pass, and what it gives instead.
pub(super) struct UnsafeFor {
    pub(super) sender: String,
    pub(super) result: SpfResult,
    pub(super) problem: Option<SpfProblem>,
}

/// A suggested record is shown only if it works for every sender it must serve: each
/// device IP and Microsoft 365's own servers (an address inside the cloud's include)
/// pass, and no sender gets permerror or temperror. Otherwise it is not suggested.
pub(super) async fn verify_fix<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
    candidate: &str,
    device_ips: &[Ipv4Addr],
    cloud: Cloud,
) -> Result<(), UnsafeFor> {
    let mut senders: Vec<Ipv4Addr> = device_ips.to_vec();
    if let Some(probe) = address_inside(resolver, cloud.spf_include()).await {
        senders.push(probe);
    }
    // A sender no term lists walks the whole record, so a limit broken after the terms
    // that match the others still shows; it may get any result but an error.
    let stranger = Ipv4Addr::new(203, 0, 113, 254);
    let checks = senders
        .into_iter()
        .map(|ip| (ip, true))
        .chain([(stranger, false)]);
    for (ip, must_pass) in checks {
        let query = SpfQuery::mail_from(IpAddr::V4(ip), &format!("postmaster@{domain}"), "");
        let evaluation = check_host(resolver, &query, Some(candidate)).await;
        let broken = matches!(
            evaluation.result,
            SpfResult::PermError | SpfResult::TempError
        );
        if broken || (must_pass && evaluation.result != SpfResult::Pass) {
            return Err(UnsafeFor {
                sender: ip.to_string(),
                result: evaluation.result,
                problem: evaluation.problem,
            });
        }
    }
    Ok(())
}

/// An IPv4 address that `include` authorises: the first ip4 network of its record, or of
/// the records it includes (three levels at most). None when none can be read.
async fn address_inside<R: Resolver>(resolver: &R, include: &str) -> Option<Ipv4Addr> {
    let mut names = vec![include.to_owned()];
    for _ in 0..3 {
        let mut next = Vec::new();
        for name in &names {
            let parsed = DomainName::parse_lookup(name).ok()?;
            let crate::spf::tree::NodeState::Record { text, .. } =
                crate::spf::tree::fetch(resolver, &parsed).await
            else {
                continue;
            };
            for term in parse_record(&text).terms {
                match term.kind {
                    TermKind::Directive {
                        qualifier: Qualifier::Pass,
                        mechanism: Mechanism::Ip4 { network, .. },
                    } => return Some(network),
                    TermKind::Directive {
                        mechanism: Mechanism::Include(spec),
                        ..
                    } if !spec.has_macros() => next.push(spec.text),
                    _ => {}
                }
            }
        }
        names = next;
    }
    None
}
