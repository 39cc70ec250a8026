//! Every row of the facts file's bounce tables (`dkim-and-bounces.md` 2.1 and 2.2), with
//! the exact texts it quotes, recognised as the bounce it names; and the texts that must
//! not be (an ambiguous code without its phrase).

use super::*;
use crate::i18n::{self, Lang};

/// (the text as a device, an NDR or a log shows it, the bounce expected)
const FACTS: &[(&str, Known)] = &[
    ("530 5.7.57 Client not authenticated to send mail.", Known::ClientNotAuthenticated),
    ("530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM", Known::ClientNotAuthenticated),
    ("5.7.57 Client not authenticated to send mail", Known::ClientNotAuthenticated),
    ("550 5.7.60 SMTP; Client does not have permissions to send as this sender", Known::SendAsDenied),
    ("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.", Known::SendAsDeniedStore),
    ("554 5.2.252 SendAsDenied; scanner@contoso.com not allowed to send as ceo@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException", Known::SendAsDeniedStore),
    ("550 5.7.64 TenantAttribution; Relay Access Denied", Known::TenantAttribution),
    ("550 5.7.64 TenantAttribution; Relay Access Denied SMTP.", Known::TenantAttribution),
    ("550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set", Known::PartnerConnectorRestricted),
    ("550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources", Known::DirectSendRejected),
    ("550 5.7.30 Basic authentication is not supported for Client Submission.", Known::BasicAuthNotSupported),
    ("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", Known::SmtpAuthDisabledTenant),
    ("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.", Known::SmtpAuthDisabledMailbox),
    ("535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.", Known::SecurityDefaults),
    ("535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.", Known::SecurityDefaults),
    ("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.", Known::SignInCriteria),
    ("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", Known::BasicAuthDisabled),
    ("535 5.7.139 Authentication unsuccessful", Known::AuthPolicy),
    ("535 5.7.3 Authentication unsuccessful", Known::AuthUnsuccessful),
    ("5.7.705 Access denied, tenant has exceeded threshold", Known::TenantThreshold),
    ("5.7.708 Access denied, traffic not accepted from this IP", Known::IpNotAccepted),
    ("5.7.750 Service unavailable. Client blocked from sending from unregistered domains", Known::UnregisteredDomain),
    ("550 5.7.23 The message was rejected because of Sender Policy Framework violation", Known::SpfViolation),
    ("550 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification and has a DMARC policy of reject.", Known::DmarcReject),
    ("550 5.7.606 Access denied, banned sending IP [203.0.113.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions.", Known::BannedIp),
    ("550 5.7.649 Access denied, banned sending IP [203.0.113.25]", Known::BannedIp),
    ("550 5.7.511 Access denied, banned sender[203.0.113.25]", Known::BannedSender),
    ("550 5.1.8 Access denied, bad outbound sender", Known::BadOutboundSender),
    ("550 5.1.8 Bad outbound sender", Known::BadOutboundSender),
    ("554 5.2.2 Submission quota exceeded", Known::SubmissionQuota),
    ("550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients", Known::SubmissionQuota),
    ("5.2.121 Recipient's per hour message receive limit from specific sender exceeded", Known::RecipientRateLimit),
    ("5.2.122 Recipient's per hour message receive limit exceeded", Known::RecipientRateLimit),
    ("#550 4.4.7 QUEUE.Expired; message expired ##", Known::MessageExpired),
    ("4.4.316 Connection refused [Message=Socket error code 10061]", Known::ConnectionRefused),
    ("451 4.7.500 Access denied, please try again later", Known::Throttled),
    ("451 4.7.699 Access denied, please try again later", Known::Throttled),
    ("550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6", Known::Ipv6Refused),
    ("450 4.7.26 Access denied, a message sent over IPv6 [2a01:111:f400::1] must pass either SPF or DKIM validation, this message is not signed", Known::Ipv6Refused),
    ("550 5.7.25 Access denied, the sending IPv6 address [2a01:111:f400::1] must have a reverse DNS record", Known::Ipv6Refused),
    ("421 4.7.26 This mail has been rate limited because it is unauthenticated.", Known::UnauthenticatedElsewhere),
    ("550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users", Known::UnauthenticatedElsewhere),
    ("5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)", Known::ExternalForwarding),
    ("550 5.7.515 Access denied, sending domain contoso.com does not meet the required authentication level.", Known::HighVolumeAuth),
    ("550; 5.7.15 Access denied, sending domain contoso.com does not meet the required authentication level.", Known::HighVolumeAuth),
    ("550 5.4.1 Recipient address rejected: Access denied", Known::RecipientNotFound),
    ("#550 5.4.1 Relay Access Denied ##", Known::RelayAccessDenied),
    ("550 5.7.12 Sender was not authenticated by organization", Known::SenderNotAuthenticatedByOrg),
    ("550 5.7.1 Unable to relay", Known::UnableToRelay),
    ("530 5.7.1 Client was not authenticated", Known::AuthRequired),
    ("550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]", Known::AuthRequired),
    ("550 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com", Known::Blocklisted),
    ("550 5.7.1 Delivery not authorized", Known::DeliveryNotAuthorized),
    ("5.3.190 Journaling on-premises messages to Microsoft 365 or Office 365 not supported when Journaling Archive is disabled", Known::JournalingArchive),
    ("5.7.703 Your message can't be delivered because messages to XXX, YYY are blocked by your organization using Tenant Allow Block List.", Known::TenantBlockList),
    ("5.7.800 Access denied, banned sender", Known::BannedSenderDomain),
    ("4.4.62 Mail sent to the wrong Office 365 region", Known::WrongRegion),
    // 2.2, the protocol replies.
    ("504 5.7.4 Unrecognized authentication type", Known::AuthMechanismUnknown),
    ("530 5.7.0 Must issue a STARTTLS command first", Known::StarttlsRequired),
    ("451 5.7.3 Must issue a STARTTLS command first", Known::StarttlsRequired),
    ("451 5.7.3 STARTTLS is required to send mail", Known::StarttlsRequired),
    ("421 4.4.2 Connection dropped due to SocketError", Known::TlsSocketError),
    ("421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls", Known::TlsTooOld),
    ("454 4.7.0 Temporary authentication failure", Known::TempAuthFailure),
    ("454 4.7.0 Temporary authentication failure because negotiated Tls cipher strength is too weak", Known::TempAuthFailure),
    ("451 4.7.0 Temporary server error. Please try again later. PRX4", Known::TempServerError),
    ("421 4.7.0 Too many errors on this connection, closing transmission channel", Known::TooManyErrors),
];

#[test]
fn every_row_of_the_facts_tables_is_recognised() {
    let mut failures = Vec::new();
    for (text, expected) in FACTS {
        let found = explain(text, None);
        let ids: Vec<Known> = found.matches.iter().map(|m| m.id).collect();
        if ids != [*expected] {
            failures.push(format!("{text:?}: expected {expected:?}, got {ids:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_known_bounce_has_a_rule_a_fact_and_words_in_both_languages() {
    use strum::VariantArray;
    for known in Known::VARIANTS {
        assert!(
            RULES.iter().any(|r| r.known == *known),
            "{known:?} has no rule"
        );
        assert!(
            FACTS.iter().any(|(_, k)| k == known),
            "{known:?} has no fact row"
        );
        let mut keys = vec![known.key("what"), known.key("why"), known.key("fix")];
        keys.extend(
            known
                .routes()
                .1
                .iter()
                .map(|r| format!("{}.{}", known.key("fix"), r.id())),
        );
        for key in keys {
            for lang in Lang::ALL {
                assert!(i18n::has(lang, &key), "{key} missing in {lang:?}");
            }
        }
    }
}

/// The facts file marks these wordings (unconfirmed) or [OBS]; the reader is told.
#[test]
fn observed_wordings_are_marked_unconfirmed() {
    let unconfirmed = [
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        "504 5.7.4 Unrecognized authentication type",
        "530 5.7.0 Must issue a STARTTLS command first",
        "454 4.7.0 Temporary authentication failure",
        "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied",
    ];
    for text in unconfirmed {
        assert!(explain(text, None).matches[0].unconfirmed, "{text}");
    }
    for text in [
        "550 5.7.64 TenantAttribution; Relay Access Denied",
        "451 5.7.3 STARTTLS is required to send mail",
    ] {
        assert!(!explain(text, None).matches[0].unconfirmed, "{text}");
    }
}

/// An ambiguous code without the phrase that makes it Microsoft's: found, not explained.
#[test]
fn ambiguous_codes_without_their_phrase_are_not_recognised() {
    for text in [
        "550 5.7.1 Message rejected",
        "552 5.2.2 Mailbox full",
        "550 5.1.8 Sender address rejected",
        "550 5.7.15 Some other reason",
        "550 5.4.1 No such user here",
        "421 4.7.0 Try again later",
        "550 5.7.57 Rejected",
        "250 2.0.0 OK",
        "550 Relay not permitted",
    ] {
        let found = explain(text, None);
        assert!(!found.recognised(), "{text}: {:?}", found.matches);
        assert_eq!(found.unrecognised.len(), 1, "{text}");
    }
}

#[test]
fn the_codes_of_an_ndr_its_values_and_links_are_found() {
    let ndr = "Delivery has failed to these recipients or groups:\n\
        ops@fabrikam.com\n\
        Diagnostic information for administrators:\n\
        Generating server: AM0PR01MB1234.eurprd01.prod.exchangelabs.com\n\
        Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [203.0.113.25] [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]'\n\
        Original message headers:\n\
        From: scanner@contoso.com";
    let found = explain(ndr, Some(MethodId::RelayIp));
    assert_eq!(found.matches.len(), 1);
    let m = &found.matches[0];
    assert_eq!(
        (m.id, m.code.as_str()),
        (Known::TenantAttribution, "550 5.7.64")
    );
    assert_eq!(found.ips, ["203.0.113.25".parse::<Ipv4Addr>().unwrap()]);
    // The sender's domain (its From header) first; the server name in brackets is none.
    assert_eq!(found.domains, ["contoso.com", "fabrikam.com"]);
    assert_eq!(
        m.links[0],
        Link::Connector {
            kind: "relay-ip",
            ip: Some("203.0.113.25".parse().unwrap()),
            domain: Some("contoso.com".to_owned())
        }
    );
}

#[test]
fn several_codes_in_one_paste_each_find_their_bounce() {
    let dotnet = "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";
    let ids: Vec<Known> = explain(dotnet, None).matches.iter().map(|m| m.id).collect();
    assert_eq!(ids, [Known::ClientNotAuthenticated, Known::SignInCriteria]);
    let mixed = "550 5.7.999 Something new\n#550 4.4.7 QUEUE.Expired; message expired ##";
    let found = explain(mixed, None);
    assert_eq!(found.matches[0].id, Known::MessageExpired);
    assert_eq!(found.unrecognised[0].to_string(), "550 5.7.999");
}

#[test]
fn the_fix_follows_the_method_in_use() {
    let text = "530 5.7.57 Client not authenticated to send mail.";
    assert_eq!(
        explain(text, None).matches[0].fix,
        "bounce.client-not-authenticated.fix"
    );
    let ds = explain(text, Some(MethodId::DirectSend));
    assert_eq!(
        ds.matches[0].fix,
        "bounce.client-not-authenticated.fix.direct-send"
    );
    // Client submission is what the bounce is about: the general fix.
    let auth = explain(text, Some(MethodId::ClientSubmission));
    assert_eq!(auth.matches[0].fix, "bounce.client-not-authenticated.fix");
    let relay = explain("550 5.7.1 Unable to relay", Some(MethodId::DirectSend));
    assert_eq!(
        relay.matches[0].fix,
        "bounce.unable-to-relay.fix.direct-send"
    );
    assert_eq!(
        relay.matches[0].links,
        [Link::Card {
            method: MethodId::ClientSubmission,
            domain: None,
            ip: None
        }]
    );
}
