//! What `smarthost probe` connects to: `HOST[:PORT]`, and the port when none is given.
//! Microsoft 365's client submission hosts (and the other submission services in the
//! facts file: HVE, Azure Communication Services, the legacy-TLS endpoint) take 587; any
//! other host is taken to be an MX, a relay or a connector's target, which take 25.

use crate::cloud::Cloud;
use serde::Serialize;

/// The submission hosts besides each cloud's own ([`Cloud::submission_host`]) and its
/// second-ranked one ([`Cloud::submission_host_alternative`]): the legacy-TLS opt-in
/// endpoint, High Volume Email and Azure Communication Services.
const OTHER_SUBMISSION_HOSTS: [&str; 3] = [
    "smtp-legacy.office365.com",
    "smtp-hve.office365.com",
    "smtp.azurecomm.net",
];

pub const SUBMISSION_PORT: u16 = 587;
pub const RELAY_PORT: u16 = 25;

/// Where the port came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum PortSource {
    /// Written after the host.
    Given,
    /// 587: the host is a known submission host.
    DefaultSubmission,
    /// 25: any other host.
    DefaultRelay,
}

impl PortSource {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The name or address as written (brackets of an IPv6 address removed), lower case.
    pub host: String,
    pub port: u16,
    pub port_source: PortSource,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("no host given")]
    Empty,
    #[error("`{0}` is not a port (1 to 65535)")]
    BadPort(String),
    #[error("`{0}` is not a host name or an IP address")]
    BadHost(String),
}

impl TargetError {
    /// The catalog key of this error's words.
    pub fn key(&self) -> &'static str {
        match self {
            TargetError::Empty => "probe.target.empty",
            TargetError::BadPort(_) => "probe.target.bad-port",
            TargetError::BadHost(_) => "probe.target.bad-host",
        }
    }

    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let value = match self {
            TargetError::Empty => "",
            TargetError::BadPort(v) | TargetError::BadHost(v) => v,
        };
        crate::i18n::format(lang, self.key(), &[("value", value)])
    }
}

/// Whether `host` is one of the submission hosts that take port 587.
pub fn is_submission_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    Cloud::ALL
        .iter()
        .flat_map(|cloud| {
            [
                Some(cloud.submission_host()),
                cloud.submission_host_alternative(),
            ]
        })
        .flatten()
        .chain(OTHER_SUBMISSION_HOSTS)
        .any(|known| known.eq_ignore_ascii_case(host))
}

/// `host`, `host:port`, `1.2.3.4:25`, `[2001:db8::1]:587` or a bare IPv6 address.
pub fn parse(text: &str) -> Result<Target, TargetError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TargetError::Empty);
    }
    let (host, port) = split_port(text)?;
    check_host(host)?;
    let host = host.to_ascii_lowercase();
    let (port, port_source) = match port {
        Some(port) => (port, PortSource::Given),
        None if is_submission_host(&host) => (SUBMISSION_PORT, PortSource::DefaultSubmission),
        None => (RELAY_PORT, PortSource::DefaultRelay),
    };
    Ok(Target {
        host,
        port,
        port_source,
    })
}

fn split_port(text: &str) -> Result<(&str, Option<u16>), TargetError> {
    let port = |p: &str| {
        p.parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| TargetError::BadPort(p.chars().take(40).collect()))
    };
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| TargetError::BadHost(text.chars().take(80).collect()))?;
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(p) => Ok((host, Some(port(p)?))),
                None => Err(TargetError::BadHost(text.chars().take(80).collect())),
            },
        };
    }
    // More than one colon and no brackets: a bare IPv6 address, no port.
    if text.matches(':').count() > 1 {
        return Ok((text, None));
    }
    match text.split_once(':') {
        Some((host, p)) => Ok((host, Some(port(p)?))),
        None => Ok((text, None)),
    }
}

/// A host is an IP address or an LDH name (RFC 1123; an underscore is tolerated, as
/// resolvers do): labels of 1 to 63 characters, 253 in all.
fn check_host(host: &str) -> Result<(), TargetError> {
    let bad = || TargetError::BadHost(host.chars().take(80).collect());
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(bad());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_port_is_given_or_follows_the_host() {
        let t = parse("smtp.office365.com").unwrap();
        assert_eq!(
            (t.port, t.port_source),
            (587, PortSource::DefaultSubmission)
        );
        let t = parse("SMTP.Office365.US.").unwrap();
        assert_eq!(t.port, 587);
        assert_eq!(parse("smtp.partner.outlook.cn").unwrap().port, 587);
        let t = parse("contoso-com.mail.protection.outlook.com").unwrap();
        assert_eq!((t.port, t.port_source), (25, PortSource::DefaultRelay));
        let t = parse("smtp.office365.com:25").unwrap();
        assert_eq!((t.port, t.port_source), (25, PortSource::Given));
        let t = parse("127.0.0.1:2525").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("127.0.0.1", 2525));
        let t = parse("[::1]:587").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("::1", 587));
        assert_eq!(parse("2001:db8::1").unwrap().port, 25);
        assert_eq!(parse("[2001:db8::1]").unwrap().host, "2001:db8::1");
    }

    #[test]
    fn bad_targets_say_what_is_wrong() {
        assert_eq!(parse("  "), Err(TargetError::Empty));
        for bad in ["host:0", "host:65536", "host:", "host:smtp", "[::1]:x"] {
            assert!(matches!(parse(bad), Err(TargetError::BadPort(_))), "{bad}");
        }
        for bad in [
            "-a.test",
            "a..test",
            "a test",
            "[::1",
            "[::1]x",
            "mail.tést",
            "<b>",
            ".",
            "a/b",
        ] {
            assert!(matches!(parse(bad), Err(TargetError::BadHost(_))), "{bad}");
        }
        let long = format!("{}.test", "a".repeat(64));
        assert!(matches!(parse(&long), Err(TargetError::BadHost(_))));
    }

    /// What a person might paste as HOST: each is refused with a reason or read as a
    /// plain host; none panics, and a message never carries more than 80 characters of it.
    #[test]
    fn hostile_targets() {
        let huge = "a".repeat(100_000);
        let many_colons = ":".repeat(1000);
        let hostile = [
            "\0",
            "\u{0}mail.test",
            "mail.test\n",
            "mail.test\r\nRCPT TO:<x>",
            "\t",
            "\u{202e}moc.tset",
            "mail\u{200b}.test",
            "mаil.test",
            "ｍａｉｌ.test",
            "mail.test:２５",
            "mail.test:٢٥",
            "mail.test:-25",
            "mail.test:+25",
            "mail.test:25:26",
            "mail.test: 25",
            "[mail.test]:25",
            "[]",
            "[]:25",
            ":25",
            "::",
            "[::1]:",
            "[::1]:0",
            "http://mail.test",
            "mail.test/",
            "user@mail.test",
            "<script>",
            "mail.test;rm -rf /",
            "'mail.test'",
            "\"mail.test\"",
            "..",
            "-",
            "_",
            "*.mail.test",
            "%6d%61%69%6c",
            &huge,
            &many_colons,
            "999.999.999.999",
            "1.2.3.4.5",
        ];
        assert!(hostile.len() >= 30);
        for text in hostile {
            match parse(text) {
                Ok(t) => assert!(t.host.len() <= 253 && t.port != 0, "{text:?} read as {t:?}"),
                Err(e) => assert!(e.to_string().chars().count() < 160, "{text:?}: {e}"),
            }
        }
    }
}
