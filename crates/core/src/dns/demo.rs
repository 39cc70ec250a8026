//! The built-in demo domain, answered from memory so the check works with no network.

use super::zone::InMemoryZone;
use std::net::Ipv4Addr;

/// A name under `.example` (RFC 2606), so it can never collide with a real domain.
pub const DEMO_DOMAIN: &str = "smarthost-demo.example";

/// A tenant as Microsoft 365 would set it up, with a scanner at a documentation address.
pub fn demo_zone() -> InMemoryZone {
    InMemoryZone::new()
        .mx(
            DEMO_DOMAIN,
            0,
            "smarthost-demo-example.mail.protection.outlook.com",
        )
        .txt(
            DEMO_DOMAIN,
            "v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all",
        )
        .txt(DEMO_DOMAIN, "MS=ms12345678")
        .txt(
            &format!("_dmarc.{DEMO_DOMAIN}"),
            "v=DMARC1; p=quarantine; rua=mailto:dmarc@smarthost-demo.example",
        )
        // A stand-in for Microsoft's record (documentation range), so the demo's include
        // tree resolves offline; it states nothing about Microsoft's real addresses.
        .txt("spf.protection.outlook.com", "v=spf1 ip4:192.0.2.0/24 -all")
        .a(
            "smarthost-demo-example.mail.protection.outlook.com",
            Ipv4Addr::new(192, 0, 2, 25),
        )
}
