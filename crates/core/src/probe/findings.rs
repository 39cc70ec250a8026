//! From what a probe saw to findings: stable codes, severities and the values their
//! words need. Facts behind the words: m365-sending-facts.md (TLS 1.2 minimum on
//! smtp.office365.com, port 25 often blocked, the Basic-auth retirement) and
//! dkim-and-bounces.md 2.2 (the TLS and AUTH replies).

use super::{Cause, Connect, Probe, StartTls, Tls, Trust};
use crate::date::Date;
use crate::i18n::{self, Lang};
use crate::report::Severity;

/// A value a probe finding's words are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingArg {
    /// A host, a reply, a number, a date: the same in every language.
    Plain(String),
    /// Words from the catalog (a reason, a step of the dialogue).
    Key(String),
    /// A date, written the reader's way (28/11/2026, 28 November 2026).
    Date(Date),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeFinding {
    /// Stable: scripts match on it (`--json`).
    pub code: &'static str,
    pub severity: Severity,
    pub args: Vec<(&'static str, FindingArg)>,
}

impl ProbeFinding {
    fn new(code: &'static str, severity: Severity) -> Self {
        ProbeFinding {
            code,
            severity,
            args: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, FindingArg::Plain(value.into())));
        self
    }

    fn with_date(mut self, name: &'static str, date: Date) -> Self {
        self.args.push((name, FindingArg::Date(date)));
        self
    }

    fn with_key(mut self, name: &'static str, key: impl Into<String>) -> Self {
        self.args.push((name, FindingArg::Key(key.into())));
        self
    }

    /// What was found, in `lang` (catalog `probe.finding.<code>`).
    pub fn message(&self, lang: Lang) -> String {
        self.worded(lang, &format!("probe.finding.{}", self.code))
    }

    /// What to do about it, in `lang` (catalog `probe.finding.<code>.fix`).
    pub fn fix(&self, lang: Lang) -> String {
        self.worded(lang, &format!("probe.finding.{}.fix", self.code))
    }

    pub fn arg(&self, name: &str) -> Option<&FindingArg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    fn worded(&self, lang: Lang, key: &str) -> String {
        let rendered: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| match value {
                FindingArg::Plain(text) => (*name, text.clone()),
                FindingArg::Key(key) => (*name, i18n::text(lang, key)),
                FindingArg::Date(date) => (*name, crate::localized::date(*date, lang)),
            })
            .collect();
        let args: Vec<(&str, &str)> = rendered.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::format(lang, key, &args)
    }
}

/// Every code [`findings`] can give, in the order it gives them.
pub const CODES: [&str; 22] = [
    "host-not-found",
    "connect-refused",
    "connect-timeout",
    "connect-unreachable",
    "connect-failed",
    "port25-blocked",
    "banner-refused",
    "ehlo-refused",
    "starttls-missing",
    "starttls-refused",
    "tls-legacy-only",
    "tls-failed",
    "cert-name-mismatch",
    "cert-expired",
    "cert-not-yet-valid",
    "cert-expires-soon",
    "cert-untrusted",
    "auth-before-tls",
    "auth-none",
    "auth-oauth",
    "auth-no-oauth",
    "dialogue-stopped",
];

/// A certificate that ends within this many days is worth a warning.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// The findings of a probe, worst first in the order of the dialogue; `today` dates the
/// certificate.
pub fn findings(probe: &Probe, today: Date) -> Vec<ProbeFinding> {
    let mut out = Vec::new();
    connection(probe, &mut out);
    if let Some(banner) = probe.banner.as_ref().filter(|b| b.code != 220) {
        out.push(ProbeFinding::new("banner-refused", Severity::Error).with("reply", banner.text()));
    }
    if let Some(ehlo) = probe.ehlo.as_ref().filter(|r| !r.is_positive()) {
        out.push(ProbeFinding::new("ehlo-refused", Severity::Error).with("reply", ehlo.text()));
    }
    starttls(probe, &mut out);
    tls(probe, &mut out);
    if let Some(certificate) = &probe.certificate {
        certificate_findings(probe, certificate, today, &mut out);
    }
    auth(probe, &mut out);
    if let Some(stop) = &probe.interrupted {
        let finding = ProbeFinding::new("dialogue-stopped", Severity::Error)
            .with_key("step", format!("probe.step.{}", stop.step.as_str()))
            .with_key("cause", format!("probe.cause.{}", stop.cause.kind()));
        out.push(match &stop.cause {
            Cause::NotSmtp(detail) | Cause::Io(detail) => finding.with("detail", detail.clone()),
            Cause::TimedOut => finding.with("detail", format!("{} ms", probe.timeout_ms)),
            Cause::Closed => finding.with("detail", ""),
        });
    }
    out
}

fn connection(probe: &Probe, out: &mut Vec<ProbeFinding>) {
    let at = |code| {
        ProbeFinding::new(code, Severity::Error)
            .with("host", probe.host.clone())
            .with("port", probe.port.to_string())
    };
    let blocked = match probe.connect {
        Connect::NotTried | Connect::Connected => return,
        Connect::NoAddress => {
            out.push(at("host-not-found"));
            return;
        }
        Connect::Refused => {
            out.push(at("connect-refused"));
            true
        }
        Connect::TimedOut => {
            out.push(at("connect-timeout").with("timeout", probe.timeout_ms.to_string()));
            true
        }
        Connect::Unreachable => {
            out.push(at("connect-unreachable"));
            false
        }
        Connect::Failed => {
            out.push(at("connect-failed"));
            false
        }
    };
    // Port 25 is often blocked by ISPs, firewalls and cloud hosts (m365-sending-facts.md):
    // said once, beside the way the connection failed.
    if blocked && probe.port == 25 {
        out.push(ProbeFinding::new("port25-blocked", Severity::Error));
    }
}

fn starttls(probe: &Probe, out: &mut Vec<ProbeFinding>) {
    match probe.starttls {
        StartTls::NotOffered => out.push(ProbeFinding::new("starttls-missing", Severity::Error)),
        StartTls::Refused => {
            let reply = probe
                .starttls_reply
                .as_ref()
                .map(|r| r.text())
                .unwrap_or_default();
            out.push(ProbeFinding::new("starttls-refused", Severity::Error).with("reply", reply));
        }
        StartTls::NotReached | StartTls::Accepted => {}
    }
}

fn tls(probe: &Probe, out: &mut Vec<ProbeFinding>) {
    match &probe.tls {
        Some(Tls::LegacyOnly { server_version }) => out.push(
            ProbeFinding::new("tls-legacy-only", Severity::Error)
                .with("version", server_version.as_str()),
        ),
        Some(Tls::Failed { cause, .. }) => {
            out.push(ProbeFinding::new("tls-failed", Severity::Error).with("cause", cause.clone()))
        }
        Some(Tls::Negotiated { version, .. }) if version.is_legacy() => out.push(
            ProbeFinding::new("tls-legacy-only", Severity::Error).with("version", version.as_str()),
        ),
        Some(Tls::Negotiated { .. }) | None => {}
    }
}

fn certificate_findings(
    probe: &Probe,
    certificate: &super::Certificate,
    today: Date,
    out: &mut Vec<ProbeFinding>,
) {
    if !certificate.names_host(&probe.host) {
        let names = match (certificate.names.is_empty(), &certificate.subject_cn) {
            (false, _) => certificate.names.join(", "),
            (true, Some(cn)) => cn.clone(),
            (true, None) => "-".to_owned(),
        };
        out.push(
            ProbeFinding::new("cert-name-mismatch", Severity::Warning)
                .with("host", probe.host.clone())
                .with("names", names),
        );
    }
    let days_left = certificate.days_left(today);
    if days_left < 0 {
        out.push(
            ProbeFinding::new("cert-expired", Severity::Error)
                .with_date("date", certificate.not_after),
        );
    } else if today < certificate.not_before {
        out.push(
            ProbeFinding::new("cert-not-yet-valid", Severity::Error)
                .with_date("date", certificate.not_before),
        );
    } else if days_left <= EXPIRY_WARNING_DAYS {
        out.push(
            ProbeFinding::new("cert-expires-soon", Severity::Warning)
                .with_date("date", certificate.not_after)
                .with("days", days_left.to_string()),
        );
    }
    // Expiry is said above, from the dates; the trust finding covers the issuer.
    if !matches!(
        certificate.trust,
        Trust::Trusted | Trust::Expired | Trust::NotYetValid
    ) {
        out.push(
            ProbeFinding::new("cert-untrusted", Severity::Warning)
                .with_key(
                    "reason",
                    format!("probe.trust.{}", certificate.trust.as_str()),
                )
                .with("issuer", certificate.issuer.clone()),
        );
    }
}

fn auth(probe: &Probe, out: &mut Vec<ProbeFinding>) {
    let before = probe
        .extensions()
        .map(|e| e.auth_mechanisms())
        .unwrap_or_default();
    if !before.is_empty() {
        out.push(
            ProbeFinding::new("auth-before-tls", Severity::Warning)
                .with("mechanisms", before.join(", ")),
        );
    }
    let Some(inside) = probe.extensions_tls() else {
        return;
    };
    let mechanisms = inside.auth_mechanisms();
    if mechanisms.is_empty() {
        // On a submission host sign-in is the point; elsewhere (an MX, a relay) it is
        // normal that none is offered.
        let severity = if probe.port == 587 || super::target::is_submission_host(&probe.host) {
            Severity::Warning
        } else {
            Severity::Info
        };
        out.push(ProbeFinding::new("auth-none", severity));
    } else if mechanisms.iter().any(|m| m == "XOAUTH2") {
        out.push(
            ProbeFinding::new("auth-oauth", Severity::Info)
                .with("mechanisms", mechanisms.join(", ")),
        );
    } else {
        out.push(
            ProbeFinding::new("auth-no-oauth", Severity::Warning)
                .with("mechanisms", mechanisms.join(", ")),
        );
    }
}
