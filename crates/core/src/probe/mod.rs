//! `smarthost probe HOST[:PORT]`: what a device on this network meets at an SMTP server,
//! as data. The CLI opens the connection, speaks the dialogue (banner, EHLO, STARTTLS,
//! the TLS handshake, EHLO again, QUIT: it never signs in and never sends a message) and
//! fills a [`Probe`] with what it saw; [`findings`] turns that into findings with stable
//! codes, worded in the reader's language only when shown. The pieces of the dialogue
//! that are pure (reply lines, the EHLO list, the ClientHello that learns an old
//! server's TLS version, certificate names) live here, tested natively.

mod certificate;
pub mod ehlo;
mod findings;
pub mod reply;
pub mod target;
pub mod tls_hello;

pub use certificate::{Certificate, Trust};
pub use ehlo::Ehlo;
pub use findings::{findings, FindingArg, ProbeFinding, CODES};
pub use reply::{Reply, ReplyError, ReplyReader};
pub use target::{PortSource, Target, TargetError};
pub use tls_hello::TlsVersion;

use serde::Serialize;

/// Everything one probe saw, step by step; a step not reached is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Probe {
    pub host: String,
    pub port: u16,
    pub port_source: PortSource,
    /// The time-out of the connection and of each reply, in milliseconds.
    pub timeout_ms: u64,
    /// The address connected to (or last tried), `ip:port`.
    pub address: Option<String>,
    pub connect: Connect,
    /// The greeting (RFC 5321 4.3.1; 220 when the server takes mail).
    pub banner: Option<Reply>,
    pub ehlo: Option<Reply>,
    pub starttls: StartTls,
    /// The reply to STARTTLS, when it was sent.
    pub starttls_reply: Option<Reply>,
    pub tls: Option<Tls>,
    pub certificate: Option<Certificate>,
    /// EHLO again inside TLS (RFC 3207 4.2: the server forgets what it said before).
    pub ehlo_tls: Option<Reply>,
    /// Where the dialogue ended before its last step, and why.
    pub interrupted: Option<Interruption>,
}

impl Probe {
    /// A probe that has not connected yet.
    pub fn new(target: &Target, timeout_ms: u64) -> Probe {
        Probe {
            host: target.host.clone(),
            port: target.port,
            port_source: target.port_source,
            timeout_ms,
            address: None,
            connect: Connect::NotTried,
            banner: None,
            ehlo: None,
            starttls: StartTls::NotReached,
            starttls_reply: None,
            tls: None,
            certificate: None,
            ehlo_tls: None,
            interrupted: None,
        }
    }

    /// The extensions of the first EHLO, if it was accepted.
    pub fn extensions(&self) -> Option<Ehlo> {
        positive_ehlo(self.ehlo.as_ref())
    }

    /// The extensions announced inside TLS, if that EHLO was accepted.
    pub fn extensions_tls(&self) -> Option<Ehlo> {
        positive_ehlo(self.ehlo_tls.as_ref())
    }
}

fn positive_ehlo(reply: Option<&Reply>) -> Option<Ehlo> {
    reply.filter(|r| r.is_positive()).map(Ehlo::from_reply)
}

/// How the TCP connection went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Connect {
    NotTried,
    Connected,
    /// The host answered with a reset: nothing listens, or a firewall rejects.
    Refused,
    /// No answer within the time-out: a firewall drops the packets, or the host is down.
    TimedOut,
    /// No route to the host or its network.
    Unreachable,
    /// The name has no address (it does not resolve from here).
    NoAddress,
    Failed,
}

impl Connect {
    pub fn as_str(&self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum StartTls {
    /// The dialogue ended before EHLO's answer said.
    NotReached,
    NotOffered,
    /// Offered, but the STARTTLS command got another reply than 220.
    Refused,
    Accepted,
}

impl StartTls {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The TLS handshake's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Tls {
    Negotiated {
        version: TlsVersion,
        /// The IANA name of the cipher suite, e.g. `TLS13_AES_256_GCM_SHA384`.
        cipher: String,
    },
    /// The handshake failed and the server answered a classic ClientHello with this
    /// version, older than TLS 1.2.
    LegacyOnly { server_version: TlsVersion },
    /// The handshake failed for another reason (the TLS library's words, in English).
    Failed {
        cause: String,
        /// The version the server chose for a classic ClientHello, when it answered one.
        server_version: Option<TlsVersion>,
    },
}

/// Where the dialogue stopped early.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interruption {
    pub step: Step,
    pub cause: Cause,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Step {
    Banner,
    Ehlo,
    Starttls,
    Handshake,
    EhloTls,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "kebab-case")]
pub enum Cause {
    /// No (complete) reply within the time-out.
    TimedOut,
    /// The server closed the connection.
    Closed,
    /// The server's answer is not an SMTP reply.
    NotSmtp(String),
    /// Another socket error (the system's words).
    Io(String),
}

impl Cause {
    pub fn kind(&self) -> &'static str {
        match self {
            Cause::TimedOut => "timed-out",
            Cause::Closed => "closed",
            Cause::NotSmtp(_) => "not-smtp",
            Cause::Io(_) => "io",
        }
    }
}

#[cfg(test)]
mod findings_tests;
