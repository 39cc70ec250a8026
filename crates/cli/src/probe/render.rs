//! The probe's result for a terminal (in the reader's language) and as JSON (stable field
//! names; the words of findings in the reader's language).

use super::finding_json;
use serde_json::{json, Value};
use smarthost_core::date::Date;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::probe::{Connect, Ehlo, PortSource, Probe, ProbeFinding, Reply, StartTls, Tls};

pub fn json(probe: &Probe, findings: &[ProbeFinding], today: Date, lang: Lang) -> Value {
    let ehlo = |reply: Option<&Reply>, extensions: Option<Ehlo>| {
        reply.map(|r| {
            json!({
                "code": r.code,
                "text": r.text(),
                "extensions": extensions.map(|e| e.extensions).unwrap_or_default(),
            })
        })
    };
    let reply = |r: Option<&Reply>| r.map(|r| json!({ "code": r.code, "text": r.text() }));
    let certificate = probe.certificate.as_ref().map(|c| {
        json!({
            "subject_cn": c.subject_cn,
            "issuer": c.issuer,
            "names": c.names,
            "not_before": c.not_before,
            "not_after": c.not_after,
            "days_left": c.days_left(today),
            "names_host": c.names_host(&probe.host),
            "trust": c.trust.as_str(),
        })
    });
    json!({
        "host": probe.host,
        "port": probe.port,
        "port_source": probe.port_source.as_str(),
        "timeout_ms": probe.timeout_ms,
        "address": probe.address,
        "connect": probe.connect.as_str(),
        "banner": reply(probe.banner.as_ref()),
        "ehlo": ehlo(probe.ehlo.as_ref(), probe.extensions()),
        "starttls": probe.starttls.as_str(),
        "starttls_reply": reply(probe.starttls_reply.as_ref()),
        "tls": probe.tls,
        "certificate": certificate,
        "ehlo_tls": ehlo(probe.ehlo_tls.as_ref(), probe.extensions_tls()),
        "auth": {
            "before_tls": probe.extensions().map(|e| e.auth_mechanisms()).unwrap_or_default(),
            "inside_tls": probe.extensions_tls().map(|e| e.auth_mechanisms()),
        },
        "interrupted": probe.interrupted,
        "signed_in": false,
        "sent_message": false,
        "findings": findings.iter().map(|f| finding_json(f, lang)).collect::<Vec<_>>(),
    })
}

pub fn text(probe: &Probe, findings: &[ProbeFinding], today: Date, lang: Lang) -> String {
    let line = |key: &str, args: &[(&str, &str)]| i18n::format(lang, key, args);
    let list = |items: &[String]| {
        if items.is_empty() {
            line("cli.probe.none", &[])
        } else {
            items.join(", ")
        }
    };
    let yes_no = |yes: bool| line(if yes { "cli.probe.yes" } else { "cli.probe.no" }, &[]);
    let port = probe.port.to_string();
    let heading = match probe.port_source {
        PortSource::Given => "cli.probe.port.given",
        PortSource::DefaultSubmission => "cli.probe.port.default-submission",
        PortSource::DefaultRelay => "cli.probe.port.default-relay",
    };
    let mut out = format!(
        "{}\n",
        line(heading, &[("host", &probe.host), ("port", &port)])
    );
    let mut push = |text: String| {
        out.push_str("  ");
        out.push_str(&text);
        out.push('\n');
    };
    let address = probe.address.clone().unwrap_or_default();
    let timeout = probe.timeout_ms.to_string();
    if probe.connect != Connect::NotTried {
        let key = format!("cli.probe.connect.{}", probe.connect.as_str());
        push(line(&key, &[("address", &address), ("timeout", &timeout)]));
    }
    if let Some(banner) = &probe.banner {
        push(line("cli.probe.banner", &[("reply", &banner.text())]));
    }
    if let Some(reply) = &probe.ehlo {
        let extensions = probe
            .extensions()
            .map(|e| list(&e.extensions))
            .unwrap_or_else(|| reply.text());
        push(line("cli.probe.ehlo", &[("extensions", &extensions)]));
    }
    match probe.starttls {
        StartTls::NotReached => {}
        StartTls::NotOffered => push(line("cli.probe.starttls.not-offered", &[])),
        StartTls::Refused => {
            let reply = probe
                .starttls_reply
                .as_ref()
                .map(Reply::text)
                .unwrap_or_default();
            push(line("cli.probe.starttls.refused", &[("reply", &reply)]));
        }
        StartTls::Accepted => push(line("cli.probe.starttls.accepted", &[])),
    }
    match &probe.tls {
        Some(Tls::Negotiated { version, cipher }) => push(line(
            "cli.probe.tls.negotiated",
            &[("version", version.as_str()), ("cipher", cipher)],
        )),
        Some(Tls::LegacyOnly { server_version }) => push(line(
            "cli.probe.tls.legacy-only",
            &[("version", server_version.as_str())],
        )),
        Some(Tls::Failed { cause, .. }) => push(line("cli.probe.tls.failed", &[("cause", cause)])),
        None => {}
    }
    if let Some(c) = &probe.certificate {
        let names = if c.names.is_empty() {
            c.subject_cn.clone().unwrap_or_default()
        } else {
            c.names.join(", ")
        };
        push(line(
            "cli.probe.cert",
            &[("names", &names), ("issuer", &c.issuer)],
        ));
        let (from, to, days) = (
            c.not_before.to_string(),
            c.not_after.to_string(),
            c.days_left(today).to_string(),
        );
        push(format!(
            "  {}",
            line(
                "cli.probe.cert.dates",
                &[("from", &from), ("to", &to), ("days", &days)]
            )
        ));
        let names_host = yes_no(c.names_host(&probe.host));
        push(format!(
            "  {}",
            line(
                "cli.probe.cert.names-host",
                &[("host", &probe.host), ("answer", &names_host)]
            )
        ));
        let trust = i18n::text(lang, &format!("probe.trust.{}", c.trust.as_str()));
        let trust = if c.trust == smarthost_core::probe::Trust::Trusted {
            trust
        } else {
            format!("{} ({trust})", yes_no(false))
        };
        push(format!(
            "  {}",
            line("cli.probe.cert.trust", &[("answer", &trust)])
        ));
    }
    if let Some(extensions) = probe.extensions() {
        push(line(
            "cli.probe.auth-clear",
            &[("mechanisms", &list(&extensions.auth_mechanisms()))],
        ));
    }
    if let Some(reply) = &probe.ehlo_tls {
        let extensions = probe.extensions_tls();
        let shown = extensions
            .as_ref()
            .map(|e| list(&e.extensions))
            .unwrap_or_else(|| reply.text());
        push(line("cli.probe.ehlo-tls", &[("extensions", &shown)]));
        if let Some(extensions) = extensions {
            push(line(
                "cli.probe.auth-tls",
                &[("mechanisms", &list(&extensions.auth_mechanisms()))],
            ));
        }
    }
    for finding in findings {
        let severity = line(
            &format!("cli.check.severity.{}", finding.severity.as_str()),
            &[],
        );
        let fix = line("cli.check.fix", &[("fix", &finding.fix(lang))]);
        push(format!(
            "[{severity}] {}: {}\n    {fix}",
            finding.code,
            finding.message(lang)
        ));
    }
    push(line("cli.probe.never", &[]));
    out
}
