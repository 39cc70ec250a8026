//! The server's certificate as the probe reports it: its names and dates, read by the
//! CLI (x509-parser), whether it names the host (RFC 6125 6.4) and whether public roots
//! trust it (webpki, in the CLI).

use crate::date::Date;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    /// The subject's common name, if any (shown; never used for matching, RFC 6125 6.4.4
    /// lets a client ignore it when the certificate has DNS names).
    pub subject_cn: Option<String>,
    pub issuer: String,
    /// The subject alternative names: DNS names as written, IP addresses as text.
    pub names: Vec<String>,
    pub not_before: Date,
    pub not_after: Date,
    /// Whether the chain leads to a public root (the CLI's webpki roots), and if not why.
    pub trust: Trust,
}

/// What webpki said about the chain (names are checked separately, [`names_host`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Trust {
    Trusted,
    /// Self-signed, or issued by a private authority.
    UnknownIssuer,
    Expired,
    NotYetValid,
    Revoked,
    /// Any other reason (a bad signature, an unsupported algorithm, a malformed chain).
    Other,
}

impl Trust {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Certificate {
    /// Whether one of the certificate's names covers `host` (RFC 6125 6.4.3: a wildcard
    /// is a whole left-most label and covers exactly one label). Without any subject
    /// alternative name the common name is used, as browsers once did.
    pub fn names_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        let cn = self.subject_cn.iter();
        let names: Vec<&String> = if self.names.is_empty() {
            cn.collect()
        } else {
            self.names.iter().collect()
        };
        names.iter().any(|name| name_matches(name, host))
    }

    /// Days from `today` to the last valid day (negative once expired).
    pub fn days_left(&self, today: Date) -> i64 {
        today.days_until(self.not_after)
    }
}

fn name_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    if pattern.eq_ignore_ascii_case(host) {
        return true;
    }
    let Some(suffix) = pattern.strip_prefix("*.") else {
        return false;
    };
    // An IP address is never matched by a wildcard.
    if host.parse::<std::net::IpAddr>().is_ok() || suffix.contains('*') {
        return false;
    }
    match host.split_once('.') {
        Some((first, rest)) => !first.is_empty() && rest.eq_ignore_ascii_case(suffix),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(cn: Option<&str>, names: &[&str]) -> Certificate {
        let day = |s| Date::parse(s).unwrap();
        Certificate {
            subject_cn: cn.map(str::to_owned),
            issuer: "CN=Test CA".to_owned(),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            not_before: day("2026-01-01"),
            not_after: day("2027-01-01"),
            trust: Trust::UnknownIssuer,
        }
    }

    #[test]
    fn names_and_wildcards() {
        let c = cert(
            Some("ignored.test"),
            &["mail.test", "*.outlook.office365.com", "127.0.0.1"],
        );
        assert!(c.names_host("MAIL.test."));
        assert!(c.names_host("smtp.outlook.office365.com"));
        assert!(
            !c.names_host("outlook.office365.com"),
            "a wildcard needs its label"
        );
        assert!(!c.names_host("a.b.outlook.office365.com"), "one label only");
        assert!(
            !c.names_host("ignored.test"),
            "the CN is not used beside SANs"
        );
        assert!(c.names_host("127.0.0.1"));
        assert!(!cert(None, &["*.0.0.1"]).names_host("127.0.0.1"));
        assert!(cert(Some("only-cn.test"), &[]).names_host("only-cn.test"));
        assert!(!cert(None, &["*.*.test"]).names_host("a.b.test"));
    }

    #[test]
    fn days_left() {
        let c = cert(None, &[]);
        assert_eq!(c.days_left(Date::parse("2026-12-02").unwrap()), 30);
        assert_eq!(c.days_left(Date::parse("2027-01-03").unwrap()), -2);
    }
}
