//! Networks written as `address/prefix`: the one place smarthost masks addresses, for
//! SPF's ip4:/ip6: and a:/mx: CIDR lengths, the connector ranges and the address-block
//! checks. A prefix longer than the address is read as the whole address.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The IPv4 network mask of `prefix` bits (0 gives 0.0.0.0, 32 or more all ones).
pub fn v4_mask(prefix: u8) -> u32 {
    u32::MAX
        .checked_shl(32u32.saturating_sub(u32::from(prefix)))
        .unwrap_or(0)
}

/// `addr` with its host bits cleared: the network `addr/prefix` belongs to.
pub fn v4_network(addr: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(addr) & v4_mask(prefix))
}

/// Whether `ip` is in `network/prefix`.
pub fn in_v4(ip: Ipv4Addr, network: Ipv4Addr, prefix: u8) -> bool {
    v4_network(ip, prefix) == v4_network(network, prefix)
}

/// Whether `ip` is in `network/prefix`, for IPv6.
pub fn in_v6(ip: Ipv6Addr, network: Ipv6Addr, prefix: u8) -> bool {
    let mask = u128::MAX
        .checked_shl(128u32.saturating_sub(u32::from(prefix)))
        .unwrap_or(0);
    (u128::from(ip) & mask) == (u128::from(network) & mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(text: &str) -> Ipv4Addr {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn prefixes_from_zero_to_past_the_end() {
        assert_eq!(v4_mask(0), 0);
        assert_eq!(v4_mask(8), 0xFF00_0000);
        assert_eq!(v4_mask(32), u32::MAX);
        assert_eq!(v4_mask(200), u32::MAX);
        assert!(in_v4(v4("203.0.113.77"), v4("203.0.113.0"), 24));
        assert!(!in_v4(v4("203.0.114.1"), v4("203.0.113.0"), 24));
        assert!(in_v4(v4("8.8.8.8"), v4("0.0.0.0"), 0));
        assert!(!in_v4(v4("192.0.2.2"), v4("192.0.2.1"), 32));
        assert!(in_v4(v4("192.0.2.1"), v4("192.0.2.1"), 33));
        assert_eq!(v4_network(v4("198.51.100.77"), 25), v4("198.51.100.0"));
        let net: Ipv6Addr = "2001:db8::".parse().unwrap_or_else(|e| panic!("{e}"));
        let ip: Ipv6Addr = "2001:db8::1".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(in_v6(ip, net, 64));
        assert!(!in_v6(ip, net, 128));
        assert!(in_v6(ip, net, 0));
        assert!(in_v6(ip, ip, 255));
    }
}
