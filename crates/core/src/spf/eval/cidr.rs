//! Address matching with CIDR lengths; IPv4-mapped IPv6 clients match as IPv4.

use super::*;

/// RFC 7208 5: an IPv4-mapped IPv6 client is treated as IPv4.
pub(super) fn normalize(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

pub(super) fn in_cidr(ip: IpAddr, candidate: IpAddr, cidr4: Option<u8>, cidr6: Option<u8>) -> bool {
    match (ip, candidate) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => in_v4(ip, net, cidr4.unwrap_or(32)),
        (IpAddr::V6(ip), IpAddr::V6(net)) => in_v6(ip, net, cidr6.unwrap_or(128)),
        _ => false,
    }
}

pub(crate) use crate::cidr::{in_v4, in_v6};
