//! What each mechanism matches (RFC 7208 5): its lookups, counted against the limits.

use super::*;

/// Looks a name up; counts void answers; errors become temperror (RFC 7208 5).
pub(super) async fn lookup_counted<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    rtype: RecordType,
) -> Result<Lookup, Matched> {
    let Ok(parsed) = DomainName::parse_lookup(name) else {
        return Err(Matched::Error(
            SpfResult::PermError,
            SpfProblem::InvalidDomain {
                domain: name.to_owned(),
            },
        ));
    };
    let lookup = state
        .resolver
        .lookup(&parsed, rtype)
        .await
        .map_err(|error: ResolveError| {
            Matched::Error(
                SpfResult::TempError,
                SpfProblem::Lookup {
                    name: name.to_owned(),
                    error,
                },
            )
        })?;
    if lookup.records().is_empty() {
        state.voids += 1;
        if state.voids > MAX_VOID_LOOKUPS {
            return Err(Matched::Error(
                SpfResult::PermError,
                SpfProblem::TooManyVoidLookups {
                    name: name.to_owned(),
                },
            ));
        }
    }
    Ok(lookup)
}

pub(super) async fn match_mechanism<R: Resolver>(
    state: &mut State<'_, R>,
    mechanism: &Mechanism,
    domain: &str,
    depth: u32,
) -> Matched {
    let ip = state.ip;
    match mechanism {
        Mechanism::All => Matched::Yes(None),
        Mechanism::Ip4 { network, prefix } => Matched::from(match ip {
            IpAddr::V4(v4) => in_v4(v4, *network, *prefix),
            IpAddr::V6(_) => false,
        }),
        Mechanism::Ip6 { network, prefix } => Matched::from(match ip {
            IpAddr::V6(v6) => in_v6(v6, *network, *prefix),
            IpAddr::V4(_) => false,
        }),
        Mechanism::Include(spec) => {
            let Some(target) = expand_target(state, spec, domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::IncludeNotExpanded {
                        spec: shown(&spec.text),
                    },
                );
            };
            let level = evaluate(state, target.clone(), depth + 1, None, true).await;
            // RFC 7208 5.2: pass matches; fail, softfail, neutral do not; none is permerror.
            match level.result {
                SpfResult::Pass => Matched::Yes(Some(target)),
                SpfResult::Fail | SpfResult::SoftFail | SpfResult::Neutral => {
                    Matched::No(Some(target))
                }
                SpfResult::TempError | SpfResult::PermError => Matched::Error(
                    level.result,
                    level
                        .problem
                        .unwrap_or(SpfProblem::Unexplained { domain: target }),
                ),
                SpfResult::None => {
                    Matched::Error(SpfResult::PermError, SpfProblem::IncludeNoRecord { target })
                }
            }
        }
        Mechanism::A {
            domain: spec,
            cidr4,
            cidr6,
        } => {
            let name = match target_of(state, spec.as_ref(), domain, "a").await {
                Ok(name) => name,
                Err(not_expanded) => return not_expanded,
            };
            match addresses_of(state, &name, ip).await {
                Ok(addrs) => Matched::from(addrs.iter().any(|a| in_cidr(ip, *a, *cidr4, *cidr6))),
                Err(e) => e,
            }
        }
        Mechanism::Mx {
            domain: spec,
            cidr4,
            cidr6,
        } => {
            let name = match target_of(state, spec.as_ref(), domain, "mx").await {
                Ok(name) => name,
                Err(not_expanded) => return not_expanded,
            };
            let lookup = match lookup_counted(state, &name, RecordType::Mx).await {
                Ok(lookup) => lookup,
                Err(e) => return e,
            };
            let hosts: Vec<String> = lookup
                .records()
                .iter()
                .filter_map(|r| match &r.data {
                    RecordData::Mx { exchange, .. } => Some(exchange.clone()),
                    _ => None,
                })
                .collect();
            if hosts.len() > MAX_MX_OR_PTR_NAMES {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::TooManyMxHosts {
                        name,
                        count: hosts.len(),
                    },
                );
            }
            let address_type = address_type(ip);
            let wanted: Vec<(DomainName, RecordType)> = hosts
                .iter()
                .filter_map(|h| DomainName::parse_lookup(h).ok().map(|n| (n, address_type)))
                .collect();
            state.resolver.prefetch(&wanted).await;
            for host in hosts {
                // Address lookups of MX hosts are not counted as terms or voids.
                match addresses_uncounted(state, &host, ip).await {
                    Ok(addrs) if addrs.iter().any(|a| in_cidr(ip, *a, *cidr4, *cidr6)) => {
                        return Matched::Yes(Some(host))
                    }
                    Ok(_) => {}
                    Err(e) => return e,
                }
            }
            Matched::No(None)
        }
        Mechanism::Ptr(spec) => {
            let name = match target_of(state, spec.as_ref(), domain, "ptr").await {
                Ok(name) => name,
                Err(not_expanded) => return not_expanded,
            };
            match validated_names(state, ip).await {
                Ok(names) => {
                    let hit = names
                        .into_iter()
                        .find(|n| n.eq_ignore_ascii_case(&name) || is_subdomain(n, &name));
                    match hit {
                        Some(n) => Matched::Yes(Some(n)),
                        None => Matched::No(None),
                    }
                }
                Err(e) => e,
            }
        }
        Mechanism::Exists(spec) => {
            let Some(name) = expand_target(state, spec, domain).await else {
                return Matched::Error(
                    SpfResult::PermError,
                    SpfProblem::ExistsNotExpanded {
                        spec: shown(&spec.text),
                    },
                );
            };
            // RFC 7208 5.7: always an A query, whatever the client's IP version.
            match lookup_counted(state, &name, RecordType::A).await {
                Ok(lookup) => Matched::from(!lookup.records().is_empty()),
                Err(e) => e,
            }
        }
    }
}

impl From<bool> for Matched {
    fn from(hit: bool) -> Matched {
        if hit {
            Matched::Yes(None)
        } else {
            Matched::No(None)
        }
    }
}

/// A for an IPv4 client, AAAA for IPv6 (RFC 7208 5.3).
pub(super) fn address_type(ip: IpAddr) -> RecordType {
    if ip.is_ipv4() {
        RecordType::A
    } else {
        RecordType::Aaaa
    }
}

/// A or AAAA records of `name` for the client's address family, counted as void.
pub(super) async fn addresses_of<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    ip: IpAddr,
) -> Result<Vec<IpAddr>, Matched> {
    let rtype = address_type(ip);
    let lookup = lookup_counted(state, name, rtype).await?;
    Ok(addresses(&lookup))
}

pub(super) async fn addresses_uncounted<R: Resolver>(
    state: &mut State<'_, R>,
    name: &str,
    ip: IpAddr,
) -> Result<Vec<IpAddr>, Matched> {
    let rtype = address_type(ip);
    let Ok(parsed) = DomainName::parse_lookup(name) else {
        return Ok(Vec::new());
    };
    match state.resolver.lookup(&parsed, rtype).await {
        Ok(lookup) => Ok(addresses(&lookup)),
        Err(error) => Err(Matched::Error(
            SpfResult::TempError,
            SpfProblem::Lookup {
                name: name.to_owned(),
                error,
            },
        )),
    }
}

pub(super) fn addresses(lookup: &Lookup) -> Vec<IpAddr> {
    lookup
        .records()
        .iter()
        .filter_map(|r| match r.data {
            RecordData::A(a) => Some(IpAddr::V4(a)),
            RecordData::Aaaa(a) => Some(IpAddr::V6(a)),
            _ => None,
        })
        .collect()
}

/// A mechanism's target: its domain-spec expanded, or the current domain.
/// The name an a, mx or ptr term points at (the current domain when it names none), or
/// the permerror of a domain-spec that does not expand (RFC 7208 4.8).
pub(super) async fn target_of<R: Resolver>(
    state: &mut State<'_, R>,
    spec: Option<&MacroString>,
    domain: &str,
    mechanism: &'static str,
) -> Result<String, Matched> {
    match spec {
        None => Ok(domain.to_owned()),
        Some(spec) => expand_target(state, spec, domain)
            .await
            .ok_or(Matched::Error(
                SpfResult::PermError,
                SpfProblem::DomainNotExpanded { mechanism },
            )),
    }
}
