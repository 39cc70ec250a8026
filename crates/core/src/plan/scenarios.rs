//! The planner's scenario table: answers and a day in, verdicts and reasons out, walked
//! by one runner that reports failures by scenario name. Together the scenarios produce
//! every reason code (checked below).

use super::questions::Answers;
use super::rank::{rank, Ranking, Verdict, ALL_REASON_CODES};
use crate::date::Date;
use crate::i18n::{has, Lang};
use crate::method::MethodId;
use std::collections::BTreeSet;

struct Scenario {
    name: &'static str,
    /// `question=value` pairs separated by spaces; `today=YYYY-MM-DD` sets the day the
    /// ranking compares the dated facts with ([`TODAY`] otherwise).
    answers: &'static str,
    /// The recommended method, or None when nothing is possible.
    recommended: Option<&'static str>,
    /// (method, verdict, reason codes that must be among its reasons)
    expect: &'static [(&'static str, &'static str, &'static [&'static str])],
}

/// The day the scenarios are ranked on unless they say otherwise: the project's today,
/// four weeks before Basic SMTP AUTH goes off by default.
const TODAY: Date = Date::known(2026, 12, 2);

const R: &str = "recommended";
const P: &str = "possible";
const X: &str = "not-possible";

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "journey 1: Da Nang scanner, basic auth, dynamic IP, security defaults on",
        answers: "client=device recipients=internal auth=basic tls=1.2 ports=587,25 ip=dynamic security-defaults=on",
        recommended: Some("direct-send"),
        expect: &[
            ("client-submission", X, &["security-defaults-block-basic", "basic-auth-retiring"]),
            ("direct-send", R, &["internal-recipients-fit", "dynamic-ip-spf", "port-25-test", "reject-direct-send-check"]),
            ("relay-ip", X, &["relay-ip-needs-static-ip"]),
            ("graph-api", X, &["graph-needs-application"]),
        ],
    },
    Scenario {
        name: "journey 1 with Reject Direct Send on and no static IP or certificate",
        answers: "client=device recipients=internal auth=basic tls=1.2 ports=587,25 ip=dynamic cert=no security-defaults=on reject-direct-send=on port25-blocked=no",
        recommended: Some("hve"),
        expect: &[
            ("direct-send", X, &["reject-direct-send-blocks"]),
            ("hve", R, &["hve-basic-until-2028", "hve-billing"]),
            ("relay-cert", X, &["relay-cert-needs-certificate"]),
        ],
    },
    Scenario {
        name: "journey 2: app on Azure, external recipients, OAuth",
        answers: "client=application recipients=external auth=oauth tls=1.2 ports=587 hosting=third-party-cloud volume=normal",
        recommended: Some("client-submission"),
        expect: &[
            ("client-submission", R, &["oauth-supported", "port-587-available", "works-from-cloud-hosting", "reaches-external"]),
            ("direct-send", X, &["direct-send-internal-only", "port-25-needed"]),
            ("relay-ip", X, &["relay-ip-not-from-cloud"]),
            ("graph-api", P, &["graph-for-applications", "graph-after-smtp-auth"]),
            ("acs", P, &["acs-setup-in-cloud"]),
        ],
    },
    Scenario {
        name: "journey 2 at newsletter volume",
        answers: "client=application recipients=external auth=oauth tls=1.2 ports=587 hosting=third-party-cloud volume=bulk",
        recommended: Some("acs"),
        expect: &[
            ("client-submission", X, &["bulk-not-allowed"]),
            ("acs", R, &["acs-for-bulk-external", "acs-default-limits"]),
            ("graph-api", X, &["bulk-mailbox-limits"]),
            ("hve", X, &["hve-internal-only"]),
        ],
    },
    Scenario {
        name: "journey 5: 2012 copier with SSL 3 only, own Exchange server",
        answers: "client=device tls=legacy auth=basic onprem-server=yes recipients=external",
        recommended: Some("onprem-relay"),
        expect: &[
            ("onprem-relay", R, &["use-existing-server", "local-relay-for-old-devices"]),
            ("client-submission", P, &["legacy-tls-endpoint-only"]),
        ],
    },
    Scenario {
        name: "journey 5 in GCC High: no legacy endpoint",
        answers: "client=device cloud=gcc-high tls=legacy auth=basic onprem-server=no recipients=external",
        recommended: Some("relay-ip"),
        expect: &[
            ("client-submission", X, &["legacy-tls-not-in-government"]),
            ("onprem-relay", P, &["run-a-relay", "local-relay-for-old-devices"]),
            ("relay-ip", R, &["ip-check", "tls-optional"]),
            ("hve", X, &["unconfirmed-in-cloud", "hve-internal-only"]),
        ],
    },
    Scenario {
        name: "journey 6: GCC High app with OAuth",
        answers: "client=application cloud=gcc-high recipients=external auth=oauth tls=1.2 ports=587",
        recommended: Some("client-submission"),
        expect: &[
            ("client-submission", R, &["oauth-supported"]),
            ("graph-api", P, &["unconfirmed-in-cloud", "graph-for-applications"]),
            ("acs", P, &["unconfirmed-in-cloud"]),
        ],
    },
    Scenario {
        name: "internal scanner without TLS goes Direct Send",
        answers: "client=device recipients=internal auth=none tls=none ports=25",
        recommended: Some("direct-send"),
        expect: &[
            ("direct-send", R, &["no-sign-in-needed", "tls-optional"]),
            ("client-submission", X, &["tls-required", "sign-in-required"]),
            ("hve", X, &["port-587-needed", "tls-required", "sign-in-required"]),
            ("relay-cert", X, &["relay-cert-needs-tls"]),
        ],
    },
    Scenario {
        name: "static IP, no auth, external recipients goes relay-ip",
        answers: "client=device recipients=external auth=none tls=1.2 ports=25 ip=static cert=no hosting=on-premises port25-blocked=no",
        recommended: Some("relay-ip"),
        expect: &[
            ("relay-ip", R, &["static-ip-connector", "reaches-external", "no-sign-in-needed", "accepted-domain-rule", "connector-setup"]),
            ("direct-send", X, &["direct-send-internal-only"]),
            ("relay-cert", X, &["relay-cert-needs-certificate"]),
        ],
    },
    Scenario {
        name: "certificate available prefers the certificate connector",
        answers: "client=device recipients=external auth=none tls=1.2 ports=25 ip=static cert=yes port25-blocked=no",
        recommended: Some("relay-cert"),
        expect: &[
            ("relay-cert", R, &["certificate-available"]),
            ("relay-ip", P, &["static-ip-connector"]),
        ],
    },
    Scenario {
        name: "only port 465 rules out client submission",
        answers: "ports=465",
        recommended: Some("graph-api"),
        expect: &[
            ("client-submission", X, &["port-465-unsupported"]),
            ("direct-send", X, &["port-25-needed"]),
            ("hve", X, &["port-587-needed"]),
            ("graph-api", R, &["client-check"]),
        ],
    },
    Scenario {
        name: "only port 465 on a device leaves the local relay",
        answers: "client=device ports=465",
        recommended: Some("onprem-relay"),
        expect: &[("onprem-relay", R, &["onprem-server-check"]), ("graph-api", X, &["graph-needs-application"])],
    },
    Scenario {
        name: "port 25 only still allows client submission, with a note",
        answers: "ports=25 auth=oauth tls=1.2",
        recommended: Some("client-submission"),
        expect: &[("client-submission", R, &["submission-on-25"])],
    },
    Scenario {
        name: "nothing answered still ranks, asking what to find out",
        answers: "",
        recommended: Some("client-submission"),
        expect: &[
            ("client-submission", R, &["auth-check", "needs-licensed-mailbox"]),
            ("direct-send", P, &["recipients-check", "port-25-test", "reject-direct-send-check", "no-mailbox-needed"]),
            ("relay-ip", P, &["ip-check"]),
            ("relay-cert", P, &["cert-check"]),
            ("hve", P, &["recipients-check"]),
            ("graph-api", P, &["client-check"]),
        ],
    },
    Scenario {
        name: "everything unknown is spelled unknown",
        answers: "recipients=unknown auth=unknown ports=unknown port25-blocked=unknown",
        recommended: Some("client-submission"),
        expect: &[("direct-send", P, &["recipients-check", "port-25-test"])],
    },
    Scenario {
        name: "security defaults unknown with basic auth",
        answers: "auth=basic recipients=external client=device",
        recommended: Some("relay-cert"),
        expect: &[("client-submission", P, &["security-defaults-check", "basic-auth-retiring"])],
    },
    Scenario {
        name: "basic auth with security defaults off is possible, not recommended: ACS is",
        answers: "auth=basic security-defaults=off recipients=external client=device ip=dynamic cert=no",
        recommended: Some("acs"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring"]),
            ("acs", R, &["acs-username-password"]),
        ],
    },
    Scenario {
        name: "bulk internal mail goes to HVE",
        answers: "client=application recipients=internal volume=bulk auth=oauth tls=1.2 ports=587",
        recommended: Some("hve"),
        expect: &[
            ("hve", R, &["hve-for-bulk-internal"]),
            ("client-submission", X, &["bulk-not-allowed"]),
            ("direct-send", X, &["port-25-needed"]),
        ],
    },
    Scenario {
        name: "bulk internal from a device on port 25",
        answers: "client=device recipients=internal volume=bulk auth=none ports=25 port25-blocked=no reject-direct-send=off",
        recommended: Some("direct-send"),
        expect: &[("direct-send", R, &["bulk-use-hve"]), ("hve", X, &["port-587-needed"])],
    },
    Scenario {
        name: "bulk through a relay lands in the high-risk pool",
        answers: "client=device recipients=external volume=bulk ip=static auth=none",
        recommended: Some("relay-ip"),
        expect: &[("relay-ip", R, &["relay-high-risk-pool"]), ("graph-api", X, &["bulk-mailbox-limits"])],
    },
    Scenario {
        name: "each user as themselves points away from one shared mailbox",
        answers: "sender=each-user recipients=internal client=device auth=basic security-defaults=off",
        recommended: Some("direct-send"),
        expect: &[("client-submission", P, &["each-user-send-as"])],
    },
    Scenario {
        name: "each user from an application via Graph",
        answers: "sender=each-user client=application auth=oauth recipients=external",
        recommended: Some("client-submission"),
        expect: &[("graph-api", P, &["each-user-send-as", "graph-for-applications"])],
    },
    Scenario {
        name: "port 25 blocked by the ISP",
        answers: "client=device recipients=internal port25-blocked=yes auth=basic security-defaults=on tls=1.2 ports=587,25",
        recommended: Some("hve"),
        expect: &[
            ("direct-send", X, &["port-25-blocked"]),
            ("relay-ip", X, &["port-25-blocked"]),
            ("relay-cert", X, &["port-25-blocked"]),
        ],
    },
    Scenario {
        name: "Reject Direct Send on with a static IP needs a partner connector",
        answers: "client=device recipients=internal ip=static reject-direct-send=on auth=none",
        recommended: Some("direct-send"),
        expect: &[
            ("direct-send", R, &["reject-direct-send-partner-connector", "static-ip-spf"]),
            ("relay-ip", P, &["static-ip-connector"]),
        ],
    },
    Scenario {
        name: "Reject Direct Send on with a certificate needs a partner connector",
        answers: "client=device recipients=internal cert=yes ip=dynamic reject-direct-send=on auth=none",
        recommended: Some("relay-cert"),
        expect: &[("direct-send", P, &["reject-direct-send-partner-connector", "dynamic-ip-spf"])],
    },
    Scenario {
        name: "Reject Direct Send off",
        answers: "client=device recipients=internal reject-direct-send=off port25-blocked=no auth=none ip=static",
        recommended: Some("direct-send"),
        expect: &[("direct-send", R, &["static-ip-spf", "no-sign-in-needed"])],
    },
    Scenario {
        name: "Direct Send from Azure hosting",
        answers: "client=application recipients=internal hosting=third-party-cloud auth=none",
        recommended: Some("direct-send"),
        expect: &[
            ("direct-send", R, &["cloud-host-port-25"]),
            ("graph-api", P, &["graph-needs-oauth"]),
            ("relay-ip", X, &["relay-ip-not-from-cloud"]),
            ("onprem-relay", P, &["relay-server-in-cloud"]),
        ],
    },
    Scenario {
        name: "legacy TLS through the legacy endpoint in the worldwide cloud",
        answers: "client=device tls=legacy auth=basic security-defaults=off recipients=external cert=no ip=dynamic onprem-server=no",
        recommended: Some("onprem-relay"),
        expect: &[
            ("client-submission", P, &["legacy-tls-endpoint-only"]),
            ("onprem-relay", R, &["run-a-relay", "local-relay-for-old-devices"]),
            ("hve", X, &["tls-legacy-unconfirmed"]),
        ],
    },
    Scenario {
        name: "legacy TLS with a certificate connector is to be confirmed",
        answers: "client=device tls=legacy cert=yes recipients=external",
        recommended: Some("relay-cert"),
        expect: &[("relay-cert", R, &["tls-legacy-unconfirmed", "certificate-available"])],
    },
    Scenario {
        name: "legacy TLS in DoD",
        answers: "cloud=dod tls=legacy client=device",
        recommended: Some("onprem-relay"),
        expect: &[("client-submission", X, &["legacy-tls-not-in-government"])],
    },
    Scenario {
        name: "legacy TLS in GCC",
        answers: "cloud=gcc tls=legacy client=device recipients=internal",
        recommended: Some("direct-send"),
        expect: &[("client-submission", X, &["legacy-tls-not-in-government"]), ("direct-send", R, &["tls-optional"])],
    },
    Scenario {
        name: "21Vianet tenant: newer services unconfirmed",
        answers: "cloud=21vianet client=application auth=oauth",
        recommended: Some("client-submission"),
        expect: &[("hve", P, &["unconfirmed-in-cloud"]), ("graph-api", P, &["unconfirmed-in-cloud"])],
    },
    Scenario {
        name: "worldwide tenant: newer services confirmed",
        answers: "cloud=worldwide client=application auth=oauth",
        recommended: Some("client-submission"),
        expect: &[("graph-api", P, &["graph-for-applications"])],
    },
    Scenario {
        name: "application without sign-in on port 25 to external recipients",
        answers: "client=application auth=none recipients=external ports=25 ip=static hosting=on-premises",
        recommended: Some("relay-ip"),
        expect: &[("client-submission", X, &["sign-in-required"]), ("relay-ip", R, &[])],
    },
    Scenario {
        name: "own server on premises with modern device",
        answers: "client=device onprem-server=yes auth=oauth tls=1.2 ports=587",
        recommended: Some("client-submission"),
        expect: &[("onprem-relay", P, &["use-existing-server"])],
    },
    Scenario {
        name: "ACS for normal volume is more than needed",
        answers: "client=application recipients=external volume=normal auth=oauth security-defaults=on",
        recommended: Some("client-submission"),
        expect: &[("acs", P, &["acs-setup-effort", "acs-default-limits"])],
    },
    Scenario {
        name: "everything blocked except the local relay",
        answers: "client=device recipients=external auth=none tls=none ports=465 ip=dynamic cert=no",
        recommended: Some("onprem-relay"),
        expect: &[
            ("onprem-relay", R, &["local-relay-for-old-devices"]),
            ("relay-ip", X, &["port-25-needed", "relay-ip-needs-static-ip"]),
            ("acs", X, &["port-587-needed", "tls-required", "sign-in-required"]),
        ],
    },
    Scenario {
        name: "dynamic IP internal device without port 25 gets HVE, not Basic SMTP AUTH",
        answers: "client=device recipients=internal ip=dynamic ports=587 auth=basic security-defaults=off",
        recommended: Some("hve"),
        expect: &[
            ("direct-send", X, &["port-25-needed"]),
            ("client-submission", P, &["basic-auth-retiring"]),
            ("hve", R, &["hve-basic-until-2028", "hve-for-volume", "hve-billing"]),
        ],
    },
    Scenario {
        name: "OAuth device to internal recipients",
        answers: "client=device recipients=internal auth=oauth tls=1.2 ports=587,25",
        recommended: Some("client-submission"),
        expect: &[("client-submission", R, &["oauth-supported", "port-587-available"])],
    },
    Scenario {
        name: "certificate question answered no without other context",
        answers: "cert=no",
        recommended: Some("client-submission"),
        expect: &[("relay-cert", X, &["relay-cert-needs-certificate"])],
    },
    Scenario {
        name: "hosting on premises with static IP",
        answers: "hosting=on-premises ip=static client=device recipients=external auth=none port25-blocked=no",
        recommended: Some("relay-ip"),
        expect: &[("relay-ip", R, &["static-ip-connector"]), ("direct-send", X, &["direct-send-internal-only"])],
    },
    Scenario {
        name: "volume normal and internal device with basic auth only",
        answers: "volume=normal recipients=internal client=device auth=basic",
        recommended: Some("direct-send"),
        expect: &[("client-submission", P, &["security-defaults-check"])],
    },
    // Senders limited to a username and a password, four weeks before Basic SMTP AUTH
    // goes off by default and after: client submission stays possible with its
    // retirement, never recommended; what works instead is ranked with its reason.
    Scenario {
        name: "username and password only, internal recipients, December 2026",
        answers: "client=device auth=basic recipients=internal tls=1.2 ports=587,25 security-defaults=off ip=dynamic cert=no",
        recommended: Some("direct-send"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring"]),
            ("direct-send", R, &["internal-recipients-fit", "no-sign-in-needed"]),
            ("hve", P, &["hve-basic-until-2028"]),
            ("acs", P, &["acs-username-password", "acs-setup-effort"]),
        ],
    },
    Scenario {
        name: "username and password only, internal recipients, January 2027",
        answers: "today=2027-01-15 client=device auth=basic recipients=internal tls=1.2 ports=587,25 security-defaults=off ip=dynamic cert=no",
        recommended: Some("direct-send"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring", "basic-auth-turn-back-on"]),
            ("direct-send", R, &["internal-recipients-fit"]),
            ("hve", P, &["hve-basic-until-2028"]),
        ],
    },
    Scenario {
        name: "username and password only, external recipients too, December 2026",
        answers: "client=device auth=basic recipients=external tls=1.2 ports=587,25 security-defaults=off ip=dynamic cert=no",
        recommended: Some("acs"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring", "reaches-external"]),
            ("acs", R, &["acs-username-password", "acs-default-limits"]),
            ("direct-send", X, &["direct-send-internal-only"]),
            ("hve", X, &["hve-internal-only"]),
        ],
    },
    Scenario {
        name: "username and password only, external recipients too, January 2027",
        answers: "today=2027-01-15 client=device auth=basic recipients=external tls=1.2 ports=587,25 security-defaults=off ip=dynamic cert=no",
        recommended: Some("acs"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring", "basic-auth-turn-back-on"]),
            ("acs", R, &["acs-username-password"]),
        ],
    },
    Scenario {
        name: "username and password only with a static IP relays by IP",
        answers: "client=device auth=basic recipients=external ip=static cert=no port25-blocked=no security-defaults=off",
        recommended: Some("relay-ip"),
        expect: &[
            ("relay-ip", R, &["static-ip-connector", "no-sign-in-needed", "reaches-external"]),
            ("acs", P, &["acs-username-password"]),
            ("client-submission", P, &["basic-auth-retiring"]),
        ],
    },
    Scenario {
        name: "username and password only with a certificate relays by certificate, January 2027",
        answers: "today=2027-01-15 client=device auth=basic recipients=external ip=dynamic cert=yes port25-blocked=no security-defaults=off",
        recommended: Some("relay-cert"),
        expect: &[
            ("relay-cert", R, &["certificate-available", "no-sign-in-needed"]),
            ("client-submission", P, &["basic-auth-turn-back-on"]),
        ],
    },
    Scenario {
        name: "username and password only, recipients unknown",
        answers: "client=device auth=basic tls=1.2 ports=587,25 security-defaults=off ip=dynamic cert=no",
        recommended: Some("hve"),
        expect: &[
            ("client-submission", P, &["basic-auth-retiring"]),
            ("hve", R, &["hve-basic-until-2028", "recipients-check"]),
            ("direct-send", P, &["recipients-check", "no-sign-in-needed"]),
            ("acs", P, &["acs-username-password"]),
        ],
    },
    Scenario {
        name: "an application with username and password only, external recipients",
        answers: "client=application auth=basic recipients=external tls=1.2 ports=587 hosting=third-party-cloud security-defaults=off",
        recommended: Some("acs"),
        expect: &[
            ("acs", R, &["acs-username-password"]),
            ("client-submission", P, &["basic-auth-retiring", "works-from-cloud-hosting"]),
            ("graph-api", P, &["graph-needs-oauth"]),
        ],
    },
    Scenario {
        name: "username and password only to internal recipients after Basic auth for HVE ended",
        answers: "today=2028-10-01 client=device auth=basic recipients=internal tls=1.2 ports=587 security-defaults=off",
        recommended: Some("onprem-relay"),
        expect: &[
            ("hve", X, &["hve-basic-ended", "hve-billing"]),
            ("client-submission", P, &["basic-auth-retiring", "basic-auth-turn-back-on"]),
            ("direct-send", X, &["port-25-needed"]),
        ],
    },
    Scenario {
        name: "username and password only with legacy TLS: ACS is not for it",
        answers: "client=device auth=basic tls=legacy recipients=external ip=dynamic cert=no security-defaults=off onprem-server=yes",
        recommended: Some("onprem-relay"),
        expect: &[
            ("onprem-relay", R, &["use-existing-server", "local-relay-for-old-devices"]),
            ("acs", P, &["acs-username-password", "tls-legacy-unconfirmed", "acs-setup-effort"]),
        ],
    },
];

fn pairs_of(scenario: &Scenario) -> impl Iterator<Item = (&'static str, &'static str)> {
    scenario
        .answers
        .split_whitespace()
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

fn answers_of(scenario: &Scenario) -> Answers {
    match Answers::from_pairs(pairs_of(scenario).filter(|(id, _)| *id != "today")) {
        Ok(answers) => answers,
        Err(error) => panic!("{}: bad answers: {error}", scenario.name),
    }
}

fn today_of(scenario: &Scenario) -> Date {
    match pairs_of(scenario).find(|(id, _)| *id == "today") {
        None => TODAY,
        Some((_, day)) => {
            Date::parse(day).unwrap_or_else(|error| panic!("{}: bad today: {error}", scenario.name))
        }
    }
}

fn ranking_of(scenario: &Scenario) -> Ranking {
    rank(&answers_of(scenario), today_of(scenario))
}

#[test]
fn scenario_table() {
    let mut failures = Vec::new();
    for scenario in SCENARIOS {
        let ranking = ranking_of(scenario);
        let recommended = ranking.recommended().map(MethodId::as_str);
        if recommended != scenario.recommended {
            failures.push(format!(
                "{}: recommended {recommended:?}, expected {:?}; ranking: {}",
                scenario.name,
                scenario.recommended,
                summary(&ranking)
            ));
        }
        for (id, verdict, codes) in scenario.expect {
            let Some(ranked) = MethodId::parse(id).and_then(|id| ranking.get(id)) else {
                failures.push(format!("{}: no method {id}", scenario.name));
                continue;
            };
            if ranked.verdict.as_str() != *verdict {
                failures.push(format!(
                    "{}: {id} is {}, expected {verdict}; reasons {:?}",
                    scenario.name,
                    ranked.verdict.as_str(),
                    ranked.reasons.iter().map(|r| r.code).collect::<Vec<_>>()
                ));
            }
            for code in *codes {
                if !ranked.reasons.iter().any(|r| r.code == *code) {
                    failures.push(format!("{}: {id} lacks reason {code}", scenario.name));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn summary(ranking: &super::Ranking) -> String {
    ranking
        .methods
        .iter()
        .map(|m| format!("{}={}({})", m.id.as_str(), m.verdict.as_str(), m.score))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn there_are_at_least_40_scenarios_and_they_hit_every_reason_code() {
    assert!(SCENARIOS.len() >= 40, "{} scenarios", SCENARIOS.len());
    let mut produced = BTreeSet::new();
    for scenario in SCENARIOS {
        for method in ranking_of(scenario).methods {
            produced.extend(method.reasons.iter().map(|r| r.code));
        }
    }
    let declared: BTreeSet<&str> = ALL_REASON_CODES.iter().copied().collect();
    let never: Vec<_> = declared.difference(&produced).collect();
    let undeclared: Vec<_> = produced.difference(&declared).collect();
    assert!(never.is_empty(), "no scenario produces {never:?}");
    assert!(undeclared.is_empty(), "undeclared codes {undeclared:?}");
}

#[test]
fn exactly_one_method_is_recommended_whenever_any_is_possible() {
    for scenario in SCENARIOS {
        let ranking = ranking_of(scenario);
        let recommended = ranking
            .methods
            .iter()
            .filter(|m| m.verdict == Verdict::Recommended)
            .count();
        let possible = ranking
            .methods
            .iter()
            .any(|m| m.verdict != Verdict::NotPossible);
        assert_eq!(recommended, usize::from(possible), "{}", scenario.name);
        assert_eq!(
            ranking.methods.first().map(|m| m.verdict),
            possible.then_some(Verdict::Recommended)
        );
        assert_eq!(ranking.methods.len(), MethodId::ALL.len());
    }
}

#[test]
fn every_reason_has_text_in_both_languages() {
    for code in ALL_REASON_CODES {
        for lang in Lang::ALL {
            assert!(
                has(lang, &format!("reason.{code}")),
                "reason.{code} missing in {}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_question_and_value_has_a_label() {
    for question in super::QUESTIONS {
        for lang in Lang::ALL {
            assert!(
                has(lang, &format!("question.{}", question.id)),
                "{}",
                question.id
            );
            for value in question.values {
                assert!(
                    has(lang, &format!("question.{}.{value}", question.id)),
                    "{}.{value}",
                    question.id
                );
            }
        }
    }
}

#[test]
fn reasons_name_the_question_that_caused_them() {
    let ranking = ranking_of(&SCENARIOS[0]);
    let Some(client_submission) = ranking.get(MethodId::ClientSubmission) else {
        panic!("client-submission missing");
    };
    let blocked_by: Vec<_> = client_submission
        .reasons
        .iter()
        .filter(|r| r.code == "security-defaults-block-basic")
        .map(|r| r.question)
        .collect();
    assert_eq!(blocked_by, [Some("security-defaults")]);
}

/// Every rendered reason of a ranking, in both languages.
fn texts(ranking: &Ranking) -> Vec<(Lang, &'static str, &'static str, String)> {
    let mut out = Vec::new();
    for m in &ranking.methods {
        for reason in &m.reasons {
            for lang in Lang::ALL {
                out.push((lang, m.id.as_str(), reason.code, reason.text(lang)));
            }
        }
    }
    out
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_reason_that_decided_the_verdict_comes_first() {
    use super::rank::Effect;
    for scenario in SCENARIOS {
        for m in ranking_of(scenario).methods {
            let Some(first) = m.reasons.first() else {
                continue;
            };
            let score = |r: &super::Reason| match r.effect {
                Effect::Blocks => -100,
                Effect::Against | Effect::Retiring => -2,
                Effect::For => 2,
                Effect::Prefer => 4,
                Effect::ToCheck => -1,
                Effect::Note => 0,
            };
            let name = format!("{}: {}", scenario.name, m.id.as_str());
            match m.verdict {
                Verdict::NotPossible => assert_eq!(first.effect, Effect::Blocks, "{name}"),
                Verdict::Recommended => {
                    let best = m.reasons.iter().map(score).max().unwrap_or(0);
                    if best > 0 {
                        assert_eq!(score(first), best, "{name}: {:?}", m.reasons);
                    }
                }
                Verdict::Possible => {
                    if m.reasons.iter().any(|r| r.effect == Effect::Retiring) {
                        assert_eq!(first.effect, Effect::Retiring, "{name}");
                    } else if m.reasons.iter().any(|r| score(r) < 0) {
                        let worst = m.reasons.iter().map(score).min().unwrap_or(0);
                        assert_eq!(score(first), worst, "{name}: {:?}", m.reasons);
                    }
                }
            }
        }
    }
}

/// Every combination of the answers that matter to a username-and-password sender,
/// before and after the switch: Basic SMTP AUTH is never the recommendation.
#[test]
fn basic_smtp_auth_is_never_recommended_for_a_new_setup() {
    let mut checked = 0;
    for today in [
        "2026-01-01",
        "2026-12-02",
        "2026-12-30",
        "2026-12-31",
        "2027-06-01",
    ] {
        for client in ["device", "application", "unknown"] {
            for recipients in ["internal", "external", "unknown"] {
                for tls in ["1.2", "legacy", "unknown"] {
                    for ports in ["587", "25", "587,25", "unknown"] {
                        for (ip, cert) in [
                            ("static", "no"),
                            ("dynamic", "no"),
                            ("dynamic", "yes"),
                            ("unknown", "unknown"),
                        ] {
                            for defaults in ["off", "unknown"] {
                                let answers = Answers::from_pairs([
                                    ("auth", "basic"),
                                    ("client", client),
                                    ("recipients", recipients),
                                    ("tls", tls),
                                    ("ports", ports),
                                    ("ip", ip),
                                    ("cert", cert),
                                    ("security-defaults", defaults),
                                ])
                                .unwrap_or_else(|e| panic!("{e}"));
                                let ranking = rank(&answers, day(today));
                                let name = format!("{today} {answers:?}");
                                assert_ne!(
                                    ranking.recommended(),
                                    Some(MethodId::ClientSubmission),
                                    "{name}"
                                );
                                let Some(submission) = ranking.get(MethodId::ClientSubmission)
                                else {
                                    panic!("{name}: no client submission");
                                };
                                if submission.verdict == Verdict::Possible {
                                    assert_eq!(
                                        submission.reasons.first().map(|r| r.code),
                                        Some("basic-auth-retiring"),
                                        "{name}"
                                    );
                                }
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 3 * 3 * 3 * 4 * 4 * 2);
}

#[test]
fn dated_reasons_count_down_then_say_it_has_happened() {
    let answers = Answers::from_pairs([
        ("client", "device"),
        ("auth", "basic"),
        ("recipients", "internal"),
        ("ports", "587"),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let reason = |today: &str, id: MethodId, code: &str, lang: Lang| {
        rank(&answers, day(today))
            .get(id)
            .and_then(|m| m.reasons.iter().find(|r| r.code == code))
            .map(|r| r.text(lang))
            .unwrap_or_else(|| panic!("{today}: {} lacks {code}", id.as_str()))
    };
    let retiring = |today, lang| {
        reason(
            today,
            MethodId::ClientSubmission,
            "basic-auth-retiring",
            lang,
        )
    };
    assert!(retiring("2026-12-02", Lang::En).starts_with(
        "Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days), and tenants created after December 2026 do not get it."
    ));
    assert!(retiring("2026-12-30", Lang::En).contains("(in 1 day)"));
    for after in ["2026-12-31", "2027-03-01"] {
        assert!(
            retiring(after, Lang::En).starts_with(
                "Basic auth for SMTP AUTH has been off by default since the end of December 2026,"
            ),
            "{after}"
        );
    }
    assert!(retiring("2026-12-02", Lang::Vi).contains("(còn 29 ngày)"));
    assert!(retiring("2027-01-01", Lang::Vi).contains("đã mặc định bị tắt"));
    let hve = reason(
        "2026-12-02",
        MethodId::Hve,
        "hve-basic-until-2028",
        Lang::En,
    );
    assert!(hve.starts_with("HVE accounts may use Basic auth until September 2028 (668 days left)"));
    let billing = reason("2026-05-31", MethodId::Hve, "hve-billing", Lang::En);
    assert_eq!(
        billing,
        "HVE is billed from 1 June 2026 (in 1 day) at USD 42 per million recipients."
    );
    let billed = reason("2026-12-02", MethodId::Hve, "hve-billing", Lang::En);
    assert_eq!(
        billed,
        "HVE has been billed since 1 June 2026 at USD 42 per million recipients."
    );
    let ended = reason("2028-09-30", MethodId::Hve, "hve-basic-ended", Lang::En);
    assert!(ended.starts_with("Basic auth for HVE accounts ended in September 2028"));
    for scenario in SCENARIOS {
        for (lang, id, code, text) in texts(&ranking_of(scenario)) {
            assert!(
                !text.contains('{') && !text.starts_with("reason."),
                "{}: {id} {code} in {}: {text}",
                scenario.name,
                lang.code()
            );
        }
    }
}

#[test]
fn an_application_is_never_called_the_device() {
    for scenario in SCENARIOS {
        let mut answers = answers_of(scenario);
        answers.client = Some(super::Client::Application);
        for (lang, id, code, text) in texts(&rank(&answers, today_of(scenario))) {
            let device = match lang {
                Lang::En => "device",
                Lang::Vi => "thiết bị",
            };
            assert!(
                !text.to_lowercase().contains(device),
                "{}: {id} {code} in {}: {text}",
                scenario.name,
                lang.code()
            );
        }
    }
}

#[test]
fn reasons_about_the_device_have_an_application_form() {
    // Asked only while the sender is unknown: it is the question itself.
    let unknown_sender_only = ["client-check"];
    for code in ALL_REASON_CODES {
        let key = format!("reason.{code}");
        if crate::i18n::text(Lang::En, &key).contains("device")
            && !unknown_sender_only.contains(code)
        {
            for lang in Lang::ALL {
                assert!(
                    has(lang, &format!("{key}.application")),
                    "{key}.application in {}",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn the_two_wrong_sentences_of_the_review_are_fixed() {
    let basic = |lang| crate::i18n::text(lang, "reason.basic-auth-retiring");
    let removal = |lang| crate::i18n::text(lang, "milestone.smtp-basic-removal-date.before");
    // The removal date is announced in the second half of 2027, not the removal itself.
    assert!(!basic(Lang::En).contains("announced for"));
    assert!(basic(Lang::En).contains("{smtp-basic-removal-date}"));
    assert_eq!(
        removal(Lang::En),
        "the final removal date will be announced in the second half of 2027"
    );
    assert!(
        removal(Lang::Vi).contains("ngày gỡ bỏ hoàn toàn sẽ được công bố trong nửa cuối năm 2027")
    );
    assert!(!basic(Lang::Vi).contains("được thông báo vào"));
    // The device's one mailbox would need Send As on every user, not the other way round.
    let send_as = |lang| crate::i18n::text(lang, "reason.each-user-send-as");
    assert!(send_as(Lang::En)
        .contains("the one mailbox the device signs in with would need Send As on every user"));
    assert!(!send_as(Lang::En).contains("on one shared mailbox"));
    assert!(send_as(Lang::Vi).contains(
        "hộp thư mà thiết bị đăng nhập phải được cấp quyền Send As trên tất cả người dùng"
    ));
    assert!(!send_as(Lang::Vi).contains("trên một hộp thư dùng chung"));
}

#[test]
fn acs_states_its_caveats_for_username_and_password() {
    let answers = Answers::from_pairs([
        ("auth", "basic"),
        ("recipients", "external"),
        ("client", "device"),
        ("ip", "dynamic"),
        ("cert", "no"),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let ranking = rank(&answers, TODAY);
    assert_eq!(ranking.recommended(), Some(MethodId::Acs));
    let Some(acs) = ranking.get(MethodId::Acs) else {
        panic!("no ACS");
    };
    assert_eq!(
        acs.reasons.first().map(|r| r.code),
        Some("acs-username-password")
    );
    let text = acs.reasons[0].text(Lang::En);
    for part in [
        "smtp.azurecomm.net, port 587, STARTTLS",
        "SMTP Username",
        "client secret",
        "about 40 characters",
        "our inference",
        "unconfirmed per device",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert!(acs.reasons[0].text(Lang::Vi).contains("khoảng 40 ký tự"));
}
