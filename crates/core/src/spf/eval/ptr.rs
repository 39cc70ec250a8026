//! PTR names for the ptr mechanism and the %{p} macro (RFC 7208 5.5): the names whose
//! forward lookup gives the client IP back, at most 10 tried, the target domain preferred.

use super::*;

/// RFC 7208 7.3: of the validated names, the target domain itself, else a subdomain of
/// it, else any.
pub(super) fn preferred_name<'n>(names: &'n [String], domain: &str) -> Option<&'n str> {
    let domain = domain.trim_end_matches('.');
    names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(domain))
        .or_else(|| names.iter().find(|n| is_subdomain(n, domain)))
        .or_else(|| names.first())
        .map(String::as_str)
}

pub(super) fn is_subdomain(name: &str, domain: &str) -> bool {
    name.len() > domain.len()
        && name.as_bytes()[..name.len() - domain.len()].ends_with(b".")
        // Bytes, not str slices: a PTR name from the network need not be ASCII.
        && name.as_bytes()[name.len() - domain.len()..].eq_ignore_ascii_case(domain.as_bytes())
}

/// The names for `%{p}`: as for the ptr mechanism, at most 10 PTR names are tried, and
/// a DNS error means none validates. These lookups belong to the macro, not to a
/// mechanism, so they count neither as DNS terms nor as void lookups.
pub(super) async fn validated_names_for_macro<R: Resolver>(
    state: &mut State<'_, R>,
) -> Vec<String> {
    let Ok(reverse) = DomainName::parse_lookup(&reverse_name(state.ip)) else {
        return Vec::new();
    };
    let Ok(lookup) = state.resolver.lookup(&reverse, RecordType::Ptr).await else {
        return Vec::new();
    };
    validate_ptr_names(state, &lookup).await
}

/// RFC 7208 5.5: the client's PTR names (at most 10) whose addresses include the IP.
/// A DNS error on the PTR query makes the mechanism not match.
pub(super) async fn validated_names<R: Resolver>(
    state: &mut State<'_, R>,
    ip: IpAddr,
) -> Result<Vec<String>, Matched> {
    let reverse = reverse_name(ip);
    let lookup = match lookup_counted(state, &reverse, RecordType::Ptr).await {
        Ok(lookup) => lookup,
        Err(Matched::Error(SpfResult::TempError, _)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(validate_ptr_names(state, &lookup).await)
}

/// Of the first 10 PTR names in `lookup`, those whose A or AAAA records hold the client
/// IP; a name whose address lookup fails is skipped (RFC 7208 5.5).
pub(super) async fn validate_ptr_names<R: Resolver>(
    state: &mut State<'_, R>,
    lookup: &Lookup,
) -> Vec<String> {
    let ip = state.ip;
    let names: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| match &r.data {
            RecordData::Ptr(n) => Some(n.trim_end_matches('.').to_owned()),
            _ => None,
        })
        .take(MAX_MX_OR_PTR_NAMES)
        .collect();
    let mut validated = Vec::new();
    for name in names {
        if let Ok(addrs) = addresses_uncounted(state, &name, ip).await {
            if addrs.contains(&ip) {
                validated.push(name);
            }
        }
    }
    validated
}

pub(super) fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(v6) => {
            let nibbles: Vec<String> = v6
                .octets()
                .iter()
                .rev()
                .flat_map(|b| [b & 0x0f, b >> 4])
                .map(|n| format!("{n:x}"))
                .collect();
            format!("{}.ip6.arpa", nibbles.join("."))
        }
    }
}
