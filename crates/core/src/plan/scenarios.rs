//! The planner's scenario table: answers in, verdicts and reasons out, walked by one
//! runner that reports failures by scenario name. Together the scenarios produce every
//! reason code (checked below).

use super::questions::Answers;
use super::rank::{rank, Verdict, ALL_REASON_CODES};
use crate::i18n::{has, Lang};
use crate::method::MethodId;
use std::collections::BTreeSet;

struct Scenario {
    name: &'static str,
    /// `question=value` pairs separated by spaces.
    answers: &'static str,
    /// The recommended method, or None when nothing is possible.
    recommended: Option<&'static str>,
    /// (method, verdict, reason codes that must be among its reasons)
    expect: &'static [(&'static str, &'static str, &'static [&'static str])],
}

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
            ("graph-api", P, &["graph-for-applications"]),
            ("acs", P, &["acs-setup-effort"]),
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
        name: "basic auth with security defaults off still warns of the retirement",
        answers: "auth=basic security-defaults=off recipients=external client=device ip=dynamic cert=no",
        recommended: Some("client-submission"),
        expect: &[("client-submission", R, &["basic-auth-retiring"])],
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
        answers: "client=application recipients=external volume=normal auth=basic security-defaults=on",
        recommended: Some("relay-cert"),
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
        name: "dynamic IP internal device without port 25",
        answers: "client=device recipients=internal ip=dynamic ports=587 auth=basic security-defaults=off",
        recommended: Some("client-submission"),
        expect: &[
            ("direct-send", X, &["port-25-needed"]),
            ("client-submission", R, &["basic-auth-retiring"]),
            ("hve", P, &["hve-basic-until-2028", "hve-for-volume"]),
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
];

fn answers_of(scenario: &Scenario) -> Answers {
    let pairs = scenario
        .answers
        .split_whitespace()
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")));
    match Answers::from_pairs(pairs) {
        Ok(answers) => answers,
        Err(error) => panic!("{}: bad answers: {error}", scenario.name),
    }
}

#[test]
fn scenario_table() {
    let mut failures = Vec::new();
    for scenario in SCENARIOS {
        let ranking = rank(&answers_of(scenario));
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
        for method in rank(&answers_of(scenario)).methods {
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
        let ranking = rank(&answers_of(scenario));
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
    let ranking = rank(&answers_of(&SCENARIOS[0]));
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
