//! Certificate names for `-TlsSenderCertificateName`.

use super::*;

/// Parses a `-TlsSenderCertificateName`: a host name of at least two labels, lower-cased,
/// optionally with a single leading wildcard label (`*.contoso.com`).
///
/// Without a public suffix list a wildcard is only rejected directly under a one-label
/// top-level domain (`*.com`); `*.co.uk` is accepted.
pub fn parse_certificate_name(input: &str) -> Result<Checked<String>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::CertificateName));
    }
    reject_controls(trimmed)?;
    if let Some((_, rest)) = trimmed.split_once("://") {
        return Err(ValueError::Url {
            value: shown(trimmed),
            host: url_host(rest).map_or_else(|| "relay.contoso.com".to_owned(), shown),
        });
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(ValueError::NameContainsSpace {
            value: shown(trimmed),
        });
    }
    if looks_like_ipv6(trimmed) || !matches!(read_quad(trimmed), Quad::Invalid) {
        return Err(ValueError::IpAddressAsName {
            value: shown(trimmed),
        });
    }
    if let Some(error) = non_ascii_host_name(trimmed) {
        return Err(error);
    }
    let name = trimmed.to_ascii_lowercase();
    if name == "*" || name == "*." {
        return Err(ValueError::WildcardAlone {
            value: shown(trimmed),
        });
    }
    let host = name.strip_prefix("*.");
    let rest = host.unwrap_or(&name);
    if rest.contains('*') {
        return Err(ValueError::WildcardMisplaced {
            value: shown(trimmed),
        });
    }
    if host.is_some() && !rest.is_empty() && !rest.contains('.') {
        return Err(ValueError::WildcardTooBroad {
            value: shown(trimmed),
        });
    }
    let invalid = |problem| ValueError::InvalidHostName {
        value: shown(trimmed),
        problem,
    };
    let len = name.chars().count();
    if len > MAX_NAME_LEN {
        return Err(invalid(DomainProblem::TooLong { len }));
    }
    check_domain(rest).map_err(invalid)?;
    Ok(Checked::clean(name))
}

/// A Unicode host name that converts to a valid A-label name: refused with that name to
/// enter instead. Not accepted as typed, because the certificate holds the A-labels, and
/// not converted silently, because a look-alike letter (Cyrillic `о` for `o`) would then
/// pass unseen; the suggestion shows the `xn--` label it becomes.
pub(super) fn non_ascii_host_name(trimmed: &str) -> Option<ValueError> {
    let ch = trimmed.chars().find(|c| !c.is_ascii())?;
    let (wildcard, host) = match trimmed.strip_prefix("*.") {
        Some(host) => ("*.", host),
        None => ("", trimmed),
    };
    let ascii = idna_to_ascii(host).filter(|a| a.is_ascii() && check_domain(a).is_ok())?;
    Some(ValueError::NonAsciiHostName {
        value: shown(trimmed),
        ch,
        ascii: shown(&format!("{wildcard}{ascii}")),
    })
}

/// The host of `rest` (what follows `scheme://`): up to the first `/`, `?` or `#`,
/// without user information or a port. `None` unless it is a host name (possibly a
/// wildcard) that could be entered instead, so a message never suggests markup, an IP
/// address or a name that is too long.
pub(super) fn url_host(rest: &str) -> Option<&str> {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_userinfo, host)| host);
    let host = host_port
        .split_once(':')
        .map_or(host_port, |(host, _port)| host);
    let lower = host.to_ascii_lowercase();
    check_domain(lower.strip_prefix("*.").unwrap_or(&lower))
        .is_ok()
        .then_some(host)
}
