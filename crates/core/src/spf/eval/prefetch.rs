//! The lookups a record will need, asked together before it is evaluated: one wave
//! per level of the include tree instead of one round trip per term. Only a speed-up:
//! check_host asks the same questions again through the cache, in order, and counts them.

use super::*;

/// Every lookup the record's terms may need, for [`Cached::prefetch`]. Fetching them all
/// at once costs one round trip for the whole level; evaluation still reads the answers
/// in record order and counts only the terms it reaches.
pub(super) fn prefetch_list<R>(
    state: &State<'_, R>,
    record: &SpfRecord,
    domain: &str,
) -> Vec<(DomainName, RecordType)> {
    let address_type = address_type(state.ip);
    let target = |spec: Option<&MacroString>| match spec {
        None => Some(domain.to_owned()),
        Some(spec) => expand_domain(state, spec, domain),
    };
    let mut wanted = Vec::new();
    for term in &record.terms {
        let item = match &term.kind {
            TermKind::Directive { mechanism, .. } => match mechanism {
                Mechanism::Include(spec) => target(Some(spec)).map(|t| (t, RecordType::Txt)),
                Mechanism::A { domain: spec, .. } => {
                    target(spec.as_ref()).map(|t| (t, address_type))
                }
                Mechanism::Mx { domain: spec, .. } => {
                    target(spec.as_ref()).map(|t| (t, RecordType::Mx))
                }
                Mechanism::Exists(spec) => target(Some(spec)).map(|t| (t, RecordType::A)),
                Mechanism::Ptr(_) => Some((reverse_name(state.ip), RecordType::Ptr)),
                Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => None,
            },
            TermKind::Modifier(crate::spf::record::Modifier::Redirect(spec)) => {
                target(Some(spec)).map(|t| (t, RecordType::Txt))
            }
            TermKind::Modifier(_) => None,
        };
        if let Some((name, rtype)) = item {
            if let Ok(name) = DomainName::parse_lookup(&name) {
                wanted.push((name, rtype));
            }
        }
    }
    wanted
}

/// Fetches the include tree breadth first, one wave of concurrent lookups per level
/// (with the a/mx/exists names of that level and the addresses of MX hosts found in the
/// previous wave), so evaluation afterwards reads from the cache.
pub(super) async fn prefetch_tree<R: Resolver>(
    state: &State<'_, R>,
    root: &SpfRecord,
    domain: &str,
) {
    let address_type = address_type(state.ip);
    let mut frontier: Vec<(SpfRecord, String)> = vec![(root.clone(), domain.to_owned())];
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut mx_names: Vec<DomainName> = Vec::new();
    for _ in 0..=MAX_DNS_TERMS {
        let mut wanted = Vec::new();
        let mut records_next = Vec::new();
        for (record, record_domain) in &frontier {
            for (name, rtype) in prefetch_list(state, record, record_domain) {
                if rtype == RecordType::Txt && seen.insert(name.to_string()) {
                    records_next.push(name.clone());
                }
                if rtype == RecordType::Mx {
                    mx_names.push(name.clone());
                }
                wanted.push((name, rtype));
            }
        }
        // Addresses of MX hosts whose MX answer arrived in an earlier wave.
        for name in std::mem::take(&mut mx_names) {
            match state.resolver.cached(&name, RecordType::Mx) {
                Some(Ok(lookup)) => {
                    for record in lookup.records() {
                        if let RecordData::Mx { exchange, .. } = &record.data {
                            if let Ok(host) = DomainName::parse_lookup(exchange) {
                                wanted.push((host, address_type));
                            }
                        }
                    }
                }
                Some(Err(_)) => {}
                None => mx_names.push(name),
            }
        }
        if wanted.is_empty() {
            break;
        }
        state.resolver.prefetch(&wanted).await;
        frontier = records_next
            .into_iter()
            .filter_map(|name| {
                let lookup = state.resolver.cached(&name, RecordType::Txt)?.ok()?;
                let texts: Vec<String> = lookup
                    .records()
                    .iter()
                    .filter_map(|r| r.data.txt_joined())
                    .filter(|t| is_spf_record(t))
                    .collect();
                match texts.as_slice() {
                    [one] => Some((parse_record(one), name.to_string())),
                    _ => None,
                }
            })
            .collect();
    }
}
