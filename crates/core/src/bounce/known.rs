//! The bounces smarthost knows, each with a stable id, and the rules that recognise them:
//! an enhanced code (or a range) with, where the code alone is ambiguous, one of the
//! phrases Microsoft's text or the observed text carries. Facts and wording:
//! `dkim-and-bounces.md`, "Area 2" (2.1 the NDR table, 2.2 the protocol replies).

use super::scan::Enhanced;
use serde::Serialize;

/// A known bounce. The id (kebab-case) is stable: the JSON, the catalog keys
/// (`bounce.<id>.what`, `.why`, `.fix`) and links use it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Known {
    ClientNotAuthenticated,
    SendAsDenied,
    SendAsDeniedStore,
    TenantAttribution,
    PartnerConnectorRestricted,
    DirectSendRejected,
    BasicAuthNotSupported,
    SmtpAuthDisabledTenant,
    SmtpAuthDisabledMailbox,
    SecurityDefaults,
    SignInCriteria,
    BasicAuthDisabled,
    AuthPolicy,
    AuthUnsuccessful,
    StarttlsRequired,
    AuthMechanismUnknown,
    TlsTooOld,
    TlsSocketError,
    TempAuthFailure,
    TempServerError,
    TooManyErrors,
    TenantThreshold,
    IpNotAccepted,
    UnregisteredDomain,
    SpfViolation,
    DmarcReject,
    BannedIp,
    BannedSender,
    BadOutboundSender,
    SubmissionQuota,
    RecipientRateLimit,
    MessageExpired,
    ConnectionRefused,
    Throttled,
    Ipv6Refused,
    UnauthenticatedElsewhere,
    ExternalForwarding,
    HighVolumeAuth,
    RecipientNotFound,
    RelayAccessDenied,
    SenderNotAuthenticatedByOrg,
    UnableToRelay,
    AuthRequired,
    Blocklisted,
    DeliveryNotAuthorized,
    TenantBlockList,
    BannedSenderDomain,
    WrongRegion,
    JournalingArchive,
}

impl Known {
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// Every known bounce, in the table's order.
    pub fn all() -> &'static [Known] {
        <Known as strum::VariantArray>::VARIANTS
    }

    /// The catalog key of one part: `what`, `why` or `fix`.
    pub fn key(self, part: &str) -> String {
        format!("bounce.{}.{part}", self.id())
    }

    /// The sending ways this bounce concerns (empty: any), and which have a fix of
    /// their own in the catalog (`bounce.<id>.fix.<route>`).
    pub fn routes(self) -> (&'static [Route], &'static [Route]) {
        use Known::*;
        use Route::*;
        match self {
            ClientNotAuthenticated => (&[Auth], &[DirectSend, Relay]),
            SendAsDenied
            | SendAsDeniedStore
            | BasicAuthNotSupported
            | SmtpAuthDisabledTenant
            | SmtpAuthDisabledMailbox
            | SecurityDefaults
            | SignInCriteria
            | BasicAuthDisabled
            | AuthPolicy
            | AuthUnsuccessful
            | AuthMechanismUnknown
            | TlsTooOld
            | TempAuthFailure
            | BadOutboundSender
            | SubmissionQuota => (&[Auth], &[]),
            TenantAttribution | UnregisteredDomain => (&[Relay], &[]),
            PartnerConnectorRestricted | BannedIp | Throttled | Ipv6Refused | WrongRegion => {
                (&[DirectSend, Relay], &[])
            }
            DirectSendRejected => (&[DirectSend], &[]),
            SpfViolation | DmarcReject => (&[], &[Auth, DirectSend, Relay]),
            UnableToRelay | AuthRequired | SenderNotAuthenticatedByOrg => {
                (&[DirectSend], &[DirectSend])
            }
            _ => (&[], &[]),
        }
    }

    /// The screens that help with this bounce, filled in with what the text names.
    pub fn screens(self) -> &'static [Screen] {
        use Known::*;
        use Screen::*;
        match self {
            ClientNotAuthenticated
            | SendAsDenied
            | SendAsDeniedStore
            | BasicAuthNotSupported
            | SmtpAuthDisabledTenant
            | SmtpAuthDisabledMailbox
            | SecurityDefaults
            | SignInCriteria
            | BasicAuthDisabled
            | AuthPolicy
            | AuthUnsuccessful
            | StarttlsRequired
            | AuthMechanismUnknown
            | TlsTooOld => &[Card],
            TenantAttribution => &[ConnectorIp, Check],
            PartnerConnectorRestricted => &[ConnectorPartner],
            DirectSendRejected => &[ConnectorPartner, Card],
            UnregisteredDomain => &[ConnectorIp],
            SpfViolation
            | DmarcReject
            | HighVolumeAuth
            | UnauthenticatedElsewhere
            | Ipv6Refused
            | RelayAccessDenied
            | MessageExpired => &[Check],
            UnableToRelay | AuthRequired | SenderNotAuthenticatedByOrg => &[Card],
            WrongRegion => &[Check, ConnectorIp],
            _ => &[],
        }
    }
}

/// The three ways a device sends that change the fix (the facts file's AUTH, DS, RELAY).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Route {
    Auth,
    DirectSend,
    Relay,
}

impl Route {
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The route of a method of the planner, when it is one of the three.
    pub fn of(method: crate::method::MethodId) -> Option<Route> {
        use crate::method::MethodId::*;
        match method {
            ClientSubmission => Some(Route::Auth),
            DirectSend => Some(Route::DirectSend),
            RelayIp | RelayCert => Some(Route::Relay),
            _ => None,
        }
    }
}

/// A screen of the app a bounce links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The DNS check, for the domain and device IP.
    Check,
    /// The connector steps for a relay connector by IP.
    ConnectorIp,
    /// The connector steps for a Partner connector (the Direct Send exception).
    ConnectorPartner,
    /// The Cards screen with a device for the method.
    Card,
}

/// Which codes a rule takes.
#[derive(Debug, Clone, Copy)]
pub enum Codes {
    One(Enhanced),
    /// `class.subject.low` to `class.subject.high`.
    Range(Enhanced, u16),
}

impl Codes {
    /// The codes as written in a table: `5.7.64`, `5.7.606-649`.
    pub fn label(self) -> String {
        match self {
            Codes::One(one) => one.to_string(),
            Codes::Range(low, high) => format!("{low}-{high}"),
        }
    }

    fn takes(self, code: Enhanced) -> bool {
        match self {
            Codes::One(one) => one == code,
            Codes::Range(low, high) => {
                code.class == low.class
                    && code.subject == low.subject
                    && (low.detail..=high).contains(&code.detail)
            }
        }
    }
}

/// One way a bounce is recognised.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub known: Known,
    pub codes: Codes,
    /// One of these (lower case) must follow the code; empty: the code alone.
    pub phrases: &'static [&'static str],
    /// The wording is observed, not on a Microsoft page: the reader is told.
    pub unconfirmed: bool,
}

impl Rule {
    /// Whether this rule recognises `code` followed by `after` (lower-cased).
    pub fn takes(&self, code: Enhanced, after: &str) -> bool {
        self.codes.takes(code)
            && (self.phrases.is_empty() || self.phrases.iter().any(|p| after.contains(p)))
    }
}

const fn one(class: u8, subject: u16, detail: u16) -> Codes {
    Codes::One(Enhanced::new(class, subject, detail))
}

const fn rule(known: Known, codes: Codes, phrases: &'static [&'static str]) -> Rule {
    Rule {
        known,
        codes,
        phrases,
        unconfirmed: false,
    }
}

const fn observed(known: Known, codes: Codes, phrases: &'static [&'static str]) -> Rule {
    Rule {
        known,
        codes,
        phrases,
        unconfirmed: true,
    }
}

use Known::*;

/// The rules, the more specific first: the first that takes a code wins.
pub const RULES: &[Rule] = &[
    // 5.7.57: either wording (facts, disagreement 8).
    rule(
        ClientNotAuthenticated,
        one(5, 7, 57),
        &[
            "not authenticated to send anonymous mail",
            "not authenticated to send mail",
        ],
    ),
    rule(SendAsDenied, one(5, 7, 60), &[]),
    observed(SendAsDeniedStore, one(5, 2, 0), &["sendasdenied"]),
    observed(SendAsDeniedStore, one(5, 2, 252), &["sendasdenied"]),
    rule(TenantAttribution, one(5, 7, 64), &[]),
    rule(PartnerConnectorRestricted, one(5, 7, 51), &[]),
    rule(DirectSendRejected, one(5, 7, 68), &[]),
    rule(BasicAuthNotSupported, one(5, 7, 30), &[]),
    // 5.7.139: no Microsoft page; matched by keyword (facts, disagreement 9).
    observed(
        SmtpAuthDisabledTenant,
        one(5, 7, 139),
        &["disabled for the tenant"],
    ),
    observed(
        SmtpAuthDisabledMailbox,
        one(5, 7, 139),
        &["disabled for the mailbox"],
    ),
    observed(SecurityDefaults, one(5, 7, 139), &["security defaults"]),
    observed(SignInCriteria, one(5, 7, 139), &["criteria"]),
    observed(
        BasicAuthDisabled,
        one(5, 7, 139),
        &["basic authentication is disabled"],
    ),
    observed(AuthPolicy, one(5, 7, 139), &[]),
    rule(StarttlsRequired, one(5, 7, 3), &["starttls"]),
    rule(
        AuthUnsuccessful,
        one(5, 7, 3),
        &["authentication unsuccessful"],
    ),
    observed(StarttlsRequired, one(5, 7, 0), &["must issue a starttls"]),
    observed(
        AuthMechanismUnknown,
        one(5, 7, 4),
        &["unrecognized authentication type"],
    ),
    rule(TlsTooOld, one(4, 7, 66), &[]),
    rule(TlsSocketError, one(4, 4, 2), &["socketerror"]),
    observed(
        TempAuthFailure,
        one(4, 7, 0),
        &["temporary authentication failure", "cipher strength"],
    ),
    observed(TempServerError, one(4, 7, 0), &["temporary server error"]),
    observed(TooManyErrors, one(4, 7, 0), &["too many errors"]),
    rule(TenantThreshold, one(5, 7, 705), &[]),
    rule(IpNotAccepted, one(5, 7, 708), &[]),
    rule(UnregisteredDomain, one(5, 7, 750), &[]),
    rule(SpfViolation, one(5, 7, 23), &[]),
    rule(DmarcReject, one(5, 7, 509), &[]),
    rule(BannedIp, Codes::Range(Enhanced::new(5, 7, 606), 649), &[]),
    rule(BannedSender, one(5, 7, 511), &[]),
    rule(BadOutboundSender, one(5, 1, 8), &["bad outbound sender"]),
    rule(SubmissionQuota, one(5, 2, 2), &["submission quota"]),
    rule(SubmissionQuota, one(5, 1, 90), &[]),
    rule(RecipientRateLimit, one(5, 2, 121), &[]),
    rule(RecipientRateLimit, one(5, 2, 122), &[]),
    rule(MessageExpired, one(4, 4, 7), &[]),
    rule(ConnectionRefused, one(4, 4, 316), &[]),
    rule(Throttled, Codes::Range(Enhanced::new(4, 7, 500), 699), &[]),
    rule(Ipv6Refused, one(5, 7, 510), &[]),
    rule(Ipv6Refused, one(4, 7, 26), &["ipv6"]),
    rule(Ipv6Refused, one(5, 7, 25), &["ipv6"]),
    // Gmail's 4.7.26 / 5.7.26, quoted by third parties only.
    observed(
        UnauthenticatedElsewhere,
        one(4, 7, 26),
        &["unauthenticated"],
    ),
    observed(
        UnauthenticatedElsewhere,
        one(5, 7, 26),
        &["unauthenticated", "dmarc"],
    ),
    rule(ExternalForwarding, one(5, 7, 520), &[]),
    rule(HighVolumeAuth, one(5, 7, 515), &[]),
    // The announcement's "5.7.15" typo (facts, disagreement 10): only with its text.
    rule(
        HighVolumeAuth,
        one(5, 7, 15),
        &["required authentication level"],
    ),
    rule(
        RecipientNotFound,
        one(5, 4, 1),
        &["recipient address rejected"],
    ),
    rule(RelayAccessDenied, one(5, 4, 1), &["relay access denied"]),
    rule(
        SenderNotAuthenticatedByOrg,
        one(5, 7, 12),
        &["not authenticated by organization"],
    ),
    rule(UnableToRelay, one(5, 7, 1), &["unable to relay"]),
    rule(
        AuthRequired,
        one(5, 7, 1),
        &["authrequired", "client was not authenticated"],
    ),
    rule(Blocklisted, one(5, 7, 1), &["blocklist", "blocked using"]),
    rule(
        DeliveryNotAuthorized,
        one(5, 7, 1),
        &["delivery not authorized"],
    ),
    rule(TenantBlockList, one(5, 7, 703), &[]),
    rule(BannedSenderDomain, one(5, 7, 800), &[]),
    rule(WrongRegion, one(4, 4, 62), &[]),
    rule(JournalingArchive, one(5, 3, 190), &[]),
];
