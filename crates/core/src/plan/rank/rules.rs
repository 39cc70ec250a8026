//! The rules per method: each adds its reasons, worded for the sender and dated against
//! the ranking's day, from what the answers say.

use super::*;

pub(super) fn reasons_for(id: MethodId, a: &Answers, today: Date) -> Vec<Reason> {
    let mut c = Collector {
        reasons: Vec::new(),
        client: a.client,
        today,
    };
    cloud_rules(id, a, &mut c);
    match id {
        MethodId::ClientSubmission => client_submission(a, &mut c),
        MethodId::DirectSend => direct_send(a, &mut c),
        MethodId::RelayIp => relay_ip(a, &mut c),
        MethodId::RelayCert => relay_cert(a, &mut c),
        MethodId::Hve => hve(a, &mut c),
        MethodId::Acs => acs(a, &mut c),
        MethodId::OnpremRelay => onprem_relay(a, &mut c),
        MethodId::GraphApi => graph_api(a, &mut c),
    }
    c.reasons
}

fn cloud_rules(id: MethodId, a: &Answers, c: &mut Collector) {
    if method(id).availability(a.cloud_or_default()) != Availability::Yes {
        c.by("cloud", "unconfirmed-in-cloud", Effect::ToCheck);
    }
}

/// Rules shared by the methods that send on port 25 to the tenant's MX host.
fn port_25_rules(a: &Answers, c: &mut Collector) {
    match a.port_possible(25) {
        Some(false) => c.by("ports", "port-25-needed", Effect::Blocks),
        Some(true) | None => match a.port25_blocked {
            Some(true) => c.by("port25-blocked", "port-25-blocked", Effect::Blocks),
            Some(false) => {}
            None => c.by("port25-blocked", "port-25-test", Effect::ToCheck),
        },
    }
    if a.hosting == Some(Hosting::ThirdPartyCloud) {
        c.by("hosting", "cloud-host-port-25", Effect::Against);
    }
}

/// Rules shared by the SMTP AUTH style endpoints on port 587 with STARTTLS.
fn submission_587_rules(a: &Answers, c: &mut Collector) {
    if a.port_possible(587) == Some(false) {
        c.by("ports", "port-587-needed", Effect::Blocks);
    }
    match a.tls {
        Some(TlsSupport::None) => c.by("tls", "tls-required", Effect::Blocks),
        Some(TlsSupport::Legacy) => c.by("tls", "tls-legacy-unconfirmed", Effect::ToCheck),
        _ => {}
    }
    if a.auth == Some(Auth::None) {
        c.by("auth", "sign-in-required", Effect::Blocks);
    }
}

fn client_submission(a: &Answers, c: &mut Collector) {
    let cloud = a.cloud_or_default();
    match (a.port_possible(587), a.port_possible(25)) {
        (Some(false), Some(false)) => c.by("ports", "port-465-unsupported", Effect::Blocks),
        (Some(false), Some(true)) => c.by("ports", "submission-on-25", Effect::Note),
        (Some(true), _) => c.by("ports", "port-587-available", Effect::For),
        _ => {}
    }
    match a.tls {
        Some(TlsSupport::None) => c.by("tls", "tls-required", Effect::Blocks),
        Some(TlsSupport::Legacy) => match cloud.legacy_tls_endpoint() {
            Availability::No => c.by("tls", "legacy-tls-not-in-government", Effect::Blocks),
            _ => c.by("tls", "legacy-tls-endpoint-only", Effect::Against),
        },
        _ => {}
    }
    match a.auth {
        Some(Auth::None) => c.by("auth", "sign-in-required", Effect::Blocks),
        Some(Auth::Basic) => {
            // Off by default within weeks and not available to new tenants: it may still
            // work, but a new setup should not be built on it.
            c.dated(
                "auth",
                "basic-auth-retiring",
                Effect::Retiring,
                Milestone::SmtpBasicOff,
            );
            if c.since(Milestone::SmtpBasicOff) {
                c.dated(
                    "auth",
                    "basic-auth-turn-back-on",
                    Effect::ToCheck,
                    Milestone::SmtpBasicOff,
                );
            }
            match a.security_defaults {
                Some(true) => c.by(
                    "security-defaults",
                    "security-defaults-block-basic",
                    Effect::Blocks,
                ),
                Some(false) => {}
                None => c.by(
                    "security-defaults",
                    "security-defaults-check",
                    Effect::ToCheck,
                ),
            }
        }
        Some(Auth::OAuth) => c.by("auth", "oauth-supported", Effect::For),
        None => c.by("auth", "auth-check", Effect::ToCheck),
    }
    if a.volume == Some(Volume::Bulk) {
        c.by("volume", "bulk-not-allowed", Effect::Blocks);
    }
    if a.sender == Some(Sender::EachUser) {
        c.by("sender", "each-user-send-as", Effect::Against);
    }
    if a.hosting == Some(Hosting::ThirdPartyCloud) {
        c.by("hosting", "works-from-cloud-hosting", Effect::For);
    }
    if a.recipients == Some(Recipients::External) {
        c.by("recipients", "reaches-external", Effect::For);
    }
    c.note("needs-licensed-mailbox");
}

fn direct_send(a: &Answers, c: &mut Collector) {
    match a.recipients {
        Some(Recipients::External) => {
            c.by("recipients", "direct-send-internal-only", Effect::Blocks)
        }
        Some(Recipients::Internal) => c.by("recipients", "internal-recipients-fit", Effect::For),
        None => c.by("recipients", "recipients-check", Effect::ToCheck),
    }
    port_25_rules(a, c);
    match a.reject_direct_send {
        Some(true) if a.ip == Some(IpKind::Static) || a.cert == Some(true) => c.by(
            "reject-direct-send",
            "reject-direct-send-partner-connector",
            Effect::Against,
        ),
        Some(true) => c.by(
            "reject-direct-send",
            "reject-direct-send-blocks",
            Effect::Blocks,
        ),
        Some(false) => {}
        None => c.by(
            "reject-direct-send",
            "reject-direct-send-check",
            Effect::ToCheck,
        ),
    }
    match a.ip {
        Some(IpKind::Dynamic) => c.by("ip", "dynamic-ip-spf", Effect::Against),
        Some(IpKind::Static) => c.by("ip", "static-ip-spf", Effect::For),
        None => {}
    }
    no_sign_in_rules(a, c);
    if a.volume == Some(Volume::Bulk) {
        c.by("volume", "bulk-use-hve", Effect::Against);
    }
    c.note("no-mailbox-needed");
}

/// The connector and Direct Send methods need no sign-in: a plus for devices without it.
fn no_sign_in_rules(a: &Answers, c: &mut Collector) {
    if matches!(a.auth, Some(Auth::None) | Some(Auth::Basic)) {
        c.by("auth", "no-sign-in-needed", Effect::For);
    }
    if matches!(a.tls, Some(TlsSupport::None) | Some(TlsSupport::Legacy)) {
        c.by("tls", "tls-optional", Effect::For);
    }
}

fn relay_common(a: &Answers, c: &mut Collector) {
    port_25_rules(a, c);
    if a.recipients == Some(Recipients::External) {
        c.by("recipients", "reaches-external", Effect::For);
    }
    if a.volume == Some(Volume::Bulk) {
        c.by("volume", "relay-high-risk-pool", Effect::Against);
    }
    c.note("accepted-domain-rule");
    c.note("connector-setup");
}

fn relay_ip(a: &Answers, c: &mut Collector) {
    match a.ip {
        Some(IpKind::Dynamic) => c.by("ip", "relay-ip-needs-static-ip", Effect::Blocks),
        Some(IpKind::Static) => c.by("ip", "static-ip-connector", Effect::For),
        None => c.by("ip", "ip-check", Effect::ToCheck),
    }
    if a.hosting == Some(Hosting::ThirdPartyCloud) {
        c.by("hosting", "relay-ip-not-from-cloud", Effect::Blocks);
    }
    no_sign_in_rules(a, c);
    relay_common(a, c);
}

fn relay_cert(a: &Answers, c: &mut Collector) {
    match a.cert {
        Some(false) => c.by("cert", "relay-cert-needs-certificate", Effect::Blocks),
        Some(true) => c.by("cert", "certificate-available", Effect::For),
        None => c.by("cert", "cert-check", Effect::ToCheck),
    }
    match a.tls {
        Some(TlsSupport::None) => c.by("tls", "relay-cert-needs-tls", Effect::Blocks),
        Some(TlsSupport::Legacy) => c.by("tls", "tls-legacy-unconfirmed", Effect::ToCheck),
        _ => {}
    }
    if matches!(a.auth, Some(Auth::None) | Some(Auth::Basic)) {
        c.by("auth", "no-sign-in-needed", Effect::For);
    }
    relay_common(a, c);
}

fn hve(a: &Answers, c: &mut Collector) {
    match a.recipients {
        Some(Recipients::External) => c.by("recipients", "hve-internal-only", Effect::Blocks),
        Some(Recipients::Internal) if a.volume == Some(Volume::Bulk) => {
            c.by("volume", "hve-for-bulk-internal", Effect::For)
        }
        Some(Recipients::Internal) => {}
        None => c.by("recipients", "recipients-check", Effect::ToCheck),
    }
    if a.volume != Some(Volume::Bulk) {
        c.by("volume", "hve-for-volume", Effect::Against);
    }
    submission_587_rules(a, c);
    if a.auth == Some(Auth::Basic) {
        if c.since(Milestone::HveBasicEnd) {
            c.dated(
                "auth",
                "hve-basic-ended",
                Effect::Blocks,
                Milestone::HveBasicEnd,
            );
        } else {
            c.dated(
                "auth",
                "hve-basic-until-2028",
                Effect::For,
                Milestone::HveBasicEnd,
            );
        }
    }
    c.dated_note("hve-billing", Milestone::HveBilling);
}

fn acs(a: &Answers, c: &mut Collector) {
    submission_587_rules(a, c);
    let external = a.recipients == Some(Recipients::External);
    // An SMTP Username maps a username to an Entra application whose client secret is
    // the password: the way out for an external sender that only has username and
    // password once Basic SMTP AUTH is off. The facts file infers it for senders that do
    // STARTTLS on 587, so old TLS leaves it a note.
    let modern_tls = matches!(a.tls, Some(TlsSupport::Tls12) | None);
    let username_password_to_external = a.auth == Some(Auth::Basic) && external && modern_tls;
    if a.auth == Some(Auth::Basic) {
        let effect = if username_password_to_external {
            Effect::For
        } else {
            Effect::Note
        };
        c.by("auth", "acs-username-password", effect);
    }
    if external && a.volume == Some(Volume::Bulk) {
        c.by("volume", "acs-for-bulk-external", Effect::For);
    }
    if a.volume != Some(Volume::Bulk) && !username_password_to_external {
        // Running in Azure already, the resources ACS needs sit next to the sender: the
        // effort is then worth a note, not a reason against.
        if a.hosting == Some(Hosting::ThirdPartyCloud) {
            c.by("hosting", "acs-setup-in-cloud", Effect::Note);
        } else {
            c.by("volume", "acs-setup-effort", Effect::Against);
        }
    }
    c.note("acs-default-limits");
}

fn onprem_relay(a: &Answers, c: &mut Collector) {
    match a.onprem_server {
        Some(true) => c.by("onprem-server", "use-existing-server", Effect::Prefer),
        Some(false) => c.by("onprem-server", "run-a-relay", Effect::Against),
        None => c.by("onprem-server", "onprem-server-check", Effect::ToCheck),
    }
    if matches!(a.tls, Some(TlsSupport::Legacy) | Some(TlsSupport::None)) {
        c.by("tls", "local-relay-for-old-devices", Effect::For);
    }
    if a.hosting == Some(Hosting::ThirdPartyCloud) {
        c.by("hosting", "relay-server-in-cloud", Effect::Against);
    }
}

fn graph_api(a: &Answers, c: &mut Collector) {
    match a.client {
        Some(Client::Device) => c.by("client", "graph-needs-application", Effect::Blocks),
        Some(Client::Application) => c.by("client", "graph-for-applications", Effect::For),
        None => c.by("client", "client-check", Effect::ToCheck),
    }
    if matches!(a.auth, Some(Auth::None) | Some(Auth::Basic)) {
        c.by("auth", "graph-needs-oauth", Effect::Against);
    }
    if a.volume == Some(Volume::Bulk) {
        c.by("volume", "bulk-mailbox-limits", Effect::Blocks);
    }
    if a.sender == Some(Sender::EachUser) {
        c.by("sender", "each-user-send-as", Effect::Against);
    }
    c.note("needs-licensed-mailbox");
}

/// Every reason code the rules can produce, for catalog and coverage tests.
pub const ALL_REASON_CODES: &[&str] = &[
    "unconfirmed-in-cloud",
    "port-25-needed",
    "port-25-blocked",
    "port-25-test",
    "cloud-host-port-25",
    "port-587-needed",
    "tls-required",
    "tls-legacy-unconfirmed",
    "sign-in-required",
    "port-465-unsupported",
    "submission-on-25",
    "port-587-available",
    "legacy-tls-not-in-government",
    "legacy-tls-endpoint-only",
    "basic-auth-retiring",
    "basic-auth-turn-back-on",
    "security-defaults-block-basic",
    "security-defaults-check",
    "oauth-supported",
    "auth-check",
    "bulk-not-allowed",
    "each-user-send-as",
    "works-from-cloud-hosting",
    "reaches-external",
    "needs-licensed-mailbox",
    "direct-send-internal-only",
    "internal-recipients-fit",
    "recipients-check",
    "reject-direct-send-partner-connector",
    "reject-direct-send-blocks",
    "reject-direct-send-check",
    "dynamic-ip-spf",
    "static-ip-spf",
    "no-sign-in-needed",
    "tls-optional",
    "bulk-use-hve",
    "no-mailbox-needed",
    "relay-high-risk-pool",
    "accepted-domain-rule",
    "connector-setup",
    "relay-ip-needs-static-ip",
    "static-ip-connector",
    "ip-check",
    "relay-ip-not-from-cloud",
    "relay-cert-needs-certificate",
    "certificate-available",
    "cert-check",
    "relay-cert-needs-tls",
    "hve-internal-only",
    "hve-for-bulk-internal",
    "hve-basic-until-2028",
    "hve-basic-ended",
    "hve-billing",
    "acs-username-password",
    "acs-for-bulk-external",
    "acs-setup-effort",
    "acs-setup-in-cloud",
    "acs-default-limits",
    "use-existing-server",
    "onprem-server-check",
    "hve-for-volume",
    "run-a-relay",
    "local-relay-for-old-devices",
    "relay-server-in-cloud",
    "graph-needs-application",
    "graph-for-applications",
    "graph-needs-oauth",
    "graph-after-smtp-auth",
    "client-check",
    "bulk-mailbox-limits",
];
