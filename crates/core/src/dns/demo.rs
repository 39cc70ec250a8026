//! The built-in demo domain, answered from memory so the check works with no network.

use super::zone::InMemoryZone;
use std::net::Ipv4Addr;

/// A name under `.example` (RFC 2606), so it can never collide with a real domain.
pub const DEMO_DOMAIN: &str = "smarthost-demo.example";

const DEMO_SELECTOR1: &str =
    "selector1-smarthost-demo-example._domainkey.smarthostdemo.onmicrosoft.com";

/// A 2048-bit RSA public key generated for the demo (no private key is kept anywhere).
const DEMO_KEY: &str = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArzfLc4KMnnRih56hbmIrzcFF4hxDQpLKSkEYxu8cNcniS9vuGHfNjKFU1XvrgRIi3/qsKbH3b8U7k0H2vY0EnDLpJw/TkEmSvEq2T4lkOr0AvnlJW13KBefhrZHOxs5bi1FtA4kuTbFFA6gNwG4n2xKUceAj78pJqFjPRy48DgajSqyANnKM1YhRSM0sQwuUXdCj0Y2maX1RDM42Dl2TFhJMXpw0YBRvJ0mt6i8ZGyWioj44a/aFOE7ZuebHP/lgFRQZ4i0oCxl4LF9Om4gohhH80FEbuum5tiW8pwNQs+ZQd7lFyUGF0z04sYUbJ2hM0VnXHQsxYRZCDyr4RJAlMwIDAQAB";

/// Whether the demo zone answers `name` in place of its real owner: a name outside the
/// demo domain (Microsoft's SPF include, its mail hosts, the tenant's DKIM keys), whose
/// demo answer must never pass for the real one.
pub fn is_stand_in(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let in_demo = name == DEMO_DOMAIN || name.ends_with(&format!(".{DEMO_DOMAIN}"));
    !in_demo && !name.is_empty()
}

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
        // Microsoft 365's two DKIM selectors in the classic format; the key is a test
        // key, published behind selector1 as while selector1 is active.
        .cname(
            &format!("selector1._domainkey.{DEMO_DOMAIN}"),
            DEMO_SELECTOR1,
        )
        .cname(
            &format!("selector2._domainkey.{DEMO_DOMAIN}"),
            "selector2-smarthost-demo-example._domainkey.smarthostdemo.onmicrosoft.com",
        )
        .txt(DEMO_SELECTOR1, DEMO_KEY)
        // A stand-in for Microsoft's record (documentation range), so the demo's include
        // tree resolves offline; it states nothing about Microsoft's real addresses.
        .txt("spf.protection.outlook.com", "v=spf1 ip4:192.0.2.0/24 -all")
        .a(
            "smarthost-demo-example.mail.protection.outlook.com",
            Ipv4Addr::new(192, 0, 2, 25),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_demo_domain_are_stand_ins() {
        assert!(is_stand_in("spf.protection.outlook.com"));
        assert!(is_stand_in(
            "smarthost-demo-example.mail.protection.outlook.com."
        ));
        assert!(!is_stand_in("smarthost-demo.example"));
        assert!(!is_stand_in("_dmarc.Smarthost-Demo.example"));
        assert!(!is_stand_in(""));
    }
}
