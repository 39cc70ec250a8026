//! IPv4: a device's public address and a connector's `-SenderIPAddresses` range.

use super::*;
use crate::cidr;

/// A `-SenderIPAddresses` entry: a network address and a prefix length. Display prints
/// `a.b.c.d` for a /32 and `a.b.c.d/nn` otherwise, the forms Exchange Online accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Range {
    pub network: Ipv4Addr,
    pub prefix: u8,
}

impl Ipv4Range {
    /// True when `addr` is inside the range. A prefix over 32 is treated as 32.
    pub fn contains(&self, addr: Ipv4Addr) -> bool {
        cidr::in_v4(addr, self.network, self.prefix)
    }
}

impl fmt::Display for Ipv4Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.prefix == 32 {
            write!(f, "{}", self.network)
        } else {
            write!(f, "{}/{}", self.network, self.prefix)
        }
    }
}

/// Whether `addr` is in the block `network/prefix`.
pub(super) fn in_block(addr: Ipv4Addr, network: [u8; 4], prefix: u8) -> bool {
    cidr::in_v4(addr, Ipv4Addr::from(network), prefix)
}

/// The entries of a list as people type it: commas, semicolons, spaces or line breaks
/// between them.
pub fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|item| !item.is_empty())
}

/// Device IPv4 addresses as typed, any address (whether one is public is a finding of
/// the DNS check, not a typing error). The error is the first entry that is not an IPv4
/// address, safe to show in a message.
pub fn parse_ipv4_list(text: &str) -> Result<Vec<Ipv4Addr>, String> {
    list_items(text)
        .map(|item| item.parse().map_err(|_| crate::echo::shown(item)))
        .collect()
}

/// Parses the device's public IPv4 address.
///
/// Rejects IPv6 (Exchange Online connectors are IPv4 only), leading zeros (ambiguous:
/// some systems read them as octal) and every range that is not reachable on the
/// internet. The documentation ranges (RFC 5737) are accepted with a warning so examples
/// can be entered.
pub fn parse_public_ipv4(input: &str) -> Result<Checked<Ipv4Addr>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::PublicIp));
    }
    reject_controls(trimmed)?;
    reject_non_ascii_ip(trimmed)?;
    let addr = parse_ipv4_text(trimmed)?;
    let warnings = check_public(addr, addr.to_string())?;
    Ok(Checked {
        value: addr,
        warnings,
    })
}

/// Parses an entry for `-SenderIPAddresses`: a single public IPv4 address or a CIDR
/// range from /24 to /32 whose network is public.
pub fn parse_connector_range(input: &str) -> Result<Checked<Ipv4Range>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::ConnectorRange));
    }
    reject_controls(trimmed)?;
    reject_non_ascii_ip(trimmed)?;
    let Some((addr_text, prefix_text)) = trimmed.split_once('/') else {
        let addr = parse_ipv4_text(trimmed)?;
        let warnings = check_public(addr, addr.to_string())?;
        return Ok(Checked {
            value: Ipv4Range {
                network: addr,
                prefix: 32,
            },
            warnings,
        });
    };
    let addr_text = addr_text.trim();
    let prefix_text = prefix_text.trim();
    if looks_like_ipv6(addr_text) {
        return Err(ValueError::Ipv6 {
            value: shown(trimmed),
        });
    }
    let addr = parse_ipv4_text(addr_text)?;
    if prefix_text.is_empty() || !prefix_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::PrefixNotNumber {
            value: shown(trimmed),
            prefix: shown(prefix_text),
        });
    }
    let prefix = match small_decimal(prefix_text) {
        Some(p) if (u32::from(MIN_CONNECTOR_PREFIX)..=32).contains(&p) => p,
        _ => {
            return Err(ValueError::PrefixNotAccepted {
                value: shown(trimmed),
                prefix: shown(prefix_text),
            })
        }
    };
    // `prefix` is in 24..=32 here, so the conversion cannot fail.
    let prefix = u8::try_from(prefix).unwrap_or(32);
    let network = cidr::v4_network(addr, prefix);
    let range = Ipv4Range { network, prefix };
    if network != addr {
        return Err(ValueError::HostBitsSet {
            value: shown(trimmed),
            prefix,
            suggestion: format!("{network}/{prefix}"),
        });
    }
    // Every special-purpose block is aligned and at least a /24 (the broadcast address
    // lies inside 240.0.0.0/4), so checking the network address covers the whole range.
    let warnings = check_public(network, range.to_string())?;
    Ok(Checked {
        value: range,
        warnings,
    })
}

/// Parses a decimal string of ASCII digits that is at most 999 after dropping leading
/// zeros; `None` for anything longer, so no overflow is possible.
pub(super) fn small_decimal(digits: &str) -> Option<u32> {
    let significant = digits.trim_start_matches('0');
    if significant.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        significant
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')),
    )
}

/// Outcome of reading dotted-quad syntax.
pub(super) enum Quad {
    Exact(Ipv4Addr),
    /// Valid except that a number has a leading zero; holds the decimal reading.
    LeadingZero(Ipv4Addr),
    Invalid,
}

pub(super) fn read_quad(text: &str) -> Quad {
    let mut octets = [0u8; 4];
    let mut count = 0usize;
    let mut leading_zero = false;
    for part in text.split('.') {
        let Some(slot) = octets.get_mut(count) else {
            return Quad::Invalid;
        };
        count += 1;
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Quad::Invalid;
        }
        if part.len() > 1 && part.starts_with('0') {
            leading_zero = true;
        }
        match small_decimal(part).and_then(|v| u8::try_from(v).ok()) {
            Some(v) => *slot = v,
            None => return Quad::Invalid,
        }
    }
    if count != 4 {
        return Quad::Invalid;
    }
    let addr = Ipv4Addr::from(octets);
    if leading_zero {
        Quad::LeadingZero(addr)
    } else {
        Quad::Exact(addr)
    }
}

pub(super) fn looks_like_ipv6(text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    // `[2001:db8::1]` or, as a log line shows it, `[2001:db8::1]:25`.
    let unbracketed = match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((inside, after)) if after.is_empty() || after.starts_with(':') => inside,
        _ => text,
    };
    let without_zone = unbracketed
        .split_once('%')
        .map_or(unbracketed, |(addr, _zone)| addr);
    without_zone.parse::<Ipv6Addr>().is_ok()
}

/// Reads a trimmed, control-free IPv4 address with specific errors for IPv6, leading
/// zeros and a trailing port.
pub(super) fn parse_ipv4_text(text: &str) -> Result<Ipv4Addr, ValueError> {
    match read_quad(text) {
        Quad::Exact(addr) => return Ok(addr),
        Quad::LeadingZero(addr) => {
            return Err(ValueError::LeadingZero {
                value: shown(text),
                suggestion: addr.to_string(),
            })
        }
        Quad::Invalid => {}
    }
    if looks_like_ipv6(text) {
        return Err(ValueError::Ipv6 { value: shown(text) });
    }
    if let Some((host, port)) = text.rsplit_once(':') {
        let port_ok =
            !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
        if port_ok {
            if let Quad::Exact(addr) | Quad::LeadingZero(addr) = read_quad(host) {
                return Err(ValueError::WithPort {
                    value: shown(text),
                    address: addr.to_string(),
                });
            }
        }
    }
    Err(ValueError::NotIpv4 { value: shown(text) })
}

/// Rejects addresses that are not reachable on the internet; warns for documentation
/// ranges. `value` is how the address or range is named in the message.
pub(super) fn check_public(addr: Ipv4Addr, value: String) -> Result<Vec<ValueWarning>, ValueError> {
    if addr == Ipv4Addr::BROADCAST {
        return Err(ValueError::Broadcast);
    }
    if in_block(addr, [0, 0, 0, 0], 8) {
        return Err(ValueError::Unspecified { value });
    }
    if in_block(addr, [10, 0, 0, 0], 8)
        || in_block(addr, [172, 16, 0, 0], 12)
        || in_block(addr, [192, 168, 0, 0], 16)
    {
        return Err(ValueError::Private { value });
    }
    if in_block(addr, [100, 64, 0, 0], 10) {
        return Err(ValueError::SharedCgnat { value });
    }
    if in_block(addr, [127, 0, 0, 0], 8) {
        return Err(ValueError::Loopback { value });
    }
    if in_block(addr, [169, 254, 0, 0], 16) {
        return Err(ValueError::LinkLocal { value });
    }
    if in_block(addr, [198, 18, 0, 0], 15) {
        return Err(ValueError::Benchmarking { value });
    }
    if in_block(addr, [224, 0, 0, 0], 4) {
        return Err(ValueError::Multicast { value });
    }
    if in_block(addr, [240, 0, 0, 0], 4) {
        return Err(ValueError::Reserved { value });
    }
    const DOCUMENTATION: [([u8; 4], &str); 3] = [
        ([192, 0, 2, 0], "192.0.2.0/24"),
        ([198, 51, 100, 0], "198.51.100.0/24"),
        ([203, 0, 113, 0], "203.0.113.0/24"),
    ];
    let mut warnings = Vec::new();
    for (network, range) in DOCUMENTATION {
        if in_block(addr, network, 24) {
            warnings.push(ValueWarning::DocumentationRange { value, range });
            break;
        }
    }
    Ok(warnings)
}
