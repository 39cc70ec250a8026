//! Every message the DNS check shows from core exists in every language: SPF syntax
//! errors (each `spf.syntax.*` text, reached by parsing a record), why check_host ended
//! in an error and the notes of its trace, why the include tree was not followed,
//! resolver and wire-format errors, and DMARC record errors. Each renders in English and
//! Vietnamese with every placeholder filled, in Vietnamese words rather than the English
//! template, and without echoing an unsafe character; English is what `Display` shows.
//!
//! The `variant` functions match every variant without a wildcard, so a new variant
//! fails to compile here until it has an index; the tests then fail until it has a
//! sample (bump the `*_VARIANTS` count with the new index).
//!
//! Then the check itself: a report asked for in Vietnamese on a zone with a broken SPF
//! record, a failing server and an unusable DMARC record says all of it in Vietnamese.

use futures::executor::block_on;
use smarthost_core::cloud::Cloud;
use smarthost_core::dmarc::DmarcError;
use smarthost_core::dns::wire::WireError;
use smarthost_core::dns::{
    BadAnswer, DomainName, EndpointError, InMemoryZone, JsonProblem, NameError, NetworkFailure,
    ResolveError,
};
use smarthost_core::i18n::{parse_catalog, Lang};
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, CheckRequest, Report, Section};
use smarthost_core::spf::macros::parse_macro_string;
use smarthost_core::spf::tree::{NodeState, NotWalkedReason};
use smarthost_core::spf::{parse_record, SpfProblem, SyntaxError, TraceNote};
use std::collections::BTreeSet;
use std::fmt::{Debug, Display};
use std::net::Ipv4Addr;

// The bilingual checks are needed here, not the hostile tables' helpers.
#[allow(dead_code)]
mod support;
use support::messages::{self, Rules};

/// Words of the English templates that never belong in a Vietnamese message.
const ENGLISH_WORDS: [&str; 12] = [
    " the ",
    " is not ",
    " not ",
    " and ",
    " has ",
    " could ",
    " cannot ",
    " with ",
    " does ",
    " must ",
    " only ",
    " more than ",
];

/// Holds the check's messages to: texts, not `spf.`/`dns.`/`dmarc.error.` keys; a `{`
/// after `%` is an SPF macro in an echoed term, not a placeholder.
const RULES: Rules = Rules {
    english_words: &ENGLISH_WORDS,
    is_key: |message| {
        ["spf.", "dns.", "dmarc.error."]
            .iter()
            .any(|prefix| message.starts_with(prefix))
    },
    brace_escapes: &["%", "\\u"],
    max_chars: None,
};

/// Checks every sample of a kind, and that every variant index below `count` has one.
fn check_all<E: Display + Debug>(
    kind: &str,
    count: usize,
    samples: Vec<E>,
    variant: impl Fn(&E) -> usize,
    message: impl Fn(&E, Lang) -> String,
) {
    messages::check_all(&RULES, kind, count, samples, variant, message);
}

/// Records with at least one error of every `spf.syntax.*` text.
const BROKEN_RECORDS: &[&str] = &[
    "v=spf10",
    "v=spf1 -all  ip4:192.0.2.1\u{A0}-all",
    "v=spf1 redirect=a.example redirect=b.example",
    "v=spf1 exp=a.example exp=b.example",
    "v=spf1 redirect=localhost",
    "v=spf1 a:localhost",
    "v=spf1 -all/24",
    "v=spf1 include",
    "v=spf1 ip4",
    "v=spf1 ip4:300.1.2.3",
    "v=spf1 ip6",
    "v=spf1 ip6:zz",
    "v=spf1 -",
    "v=spf1 foo",
    "v=spf1 a/x",
    "v=spf1 ip6:2001:db8::/129",
    "v=spf1 exp=ex\u{e4}mple.com",
    "v=spf1 include:%{d",
    "v=spf1 include:%a.example",
    "v=spf1 include:%{}.example",
    "v=spf1 include:%{x}.example",
    "v=spf1 include:%{d0}.example",
    "v=spf1 include:%{d99999999999}.example",
    "v=spf1 include:%{d2r!}.example",
    "v=spf1 ptr/0 -all",
    "v=spf1 -all exp=%{r}.example.com",
];

/// Errors of every `spf.syntax.*` text: from the records above, from a macro-string
/// parsed on its own, and the two the record parser checks for but cannot reach (it
/// splits terms at spaces, and a CIDR length at its slash), written out.
fn syntax_errors() -> Vec<SyntaxError> {
    let mut errors: Vec<SyntaxError> = BROKEN_RECORDS
        .iter()
        .flat_map(|record| parse_record(record).errors)
        .collect();
    errors.extend(parse_macro_string("a b", 0).err());
    errors.push(SyntaxError {
        span: 6..7,
        key: "spf.syntax.no-space",
        args: Vec::new(),
    });
    errors.push(SyntaxError {
        span: 7..10,
        key: "spf.syntax.not-cidr",
        args: vec![("value", "x24".to_owned())],
    });
    errors
}

fn syntax_error() -> SyntaxError {
    syntax_errors().swap_remove(0)
}

#[test]
fn every_spf_syntax_error_speaks_both_languages() {
    let errors = syntax_errors();
    let catalog: BTreeSet<&str> = parse_catalog(include_str!("../messages/en.txt"))
        .into_iter()
        .map(|(key, _)| key)
        .filter(|key| key.starts_with("spf.syntax."))
        .collect();
    let reached: BTreeSet<&str> = errors.iter().map(|e| e.key).collect();
    let unreached: Vec<_> = catalog.difference(&reached).collect();
    assert!(unreached.is_empty(), "no sample record for {unreached:?}");
    let unknown: Vec<_> = reached.difference(&catalog).collect();
    assert!(unknown.is_empty(), "not in en.txt: {unknown:?}");
    check_all("SyntaxError", 1, errors, |_| 0, SyntaxError::message);
}

const RESOLVE_VARIANTS: usize = 15;

fn resolve_variant(error: &ResolveError) -> usize {
    match error {
        ResolveError::Timeout => 0,
        ResolveError::Unreachable(_) => 1,
        ResolveError::NotPasted(_) => 2,
        ResolveError::HttpStatus(_) => 3,
        ResolveError::ServFail => 4,
        ResolveError::Refused => 5,
        ResolveError::OtherRcode(_) => 6,
        ResolveError::Malformed(_) => 7,
        ResolveError::MalformedJson(_) => 8,
        ResolveError::BadEndpoint(_) => 9,
        ResolveError::NotAllowed(_) => 10,
        ResolveError::BadAnswer(BadAnswer::OtherName { .. }) => 11,
        ResolveError::BadAnswer(BadAnswer::CnameChain(_)) => 12,
        ResolveError::PastedNoResponse(_) => 13,
        ResolveError::PastedUnreadable(_) => 14,
    }
}

const NETWORK_VARIANTS: usize = 8;

fn network_variant(failure: &NetworkFailure) -> usize {
    match failure {
        NetworkFailure::Refused => 0,
        NetworkFailure::HostNotFound => 1,
        NetworkFailure::ConnectionFailed => 2,
        NetworkFailure::TooLarge => 3,
        NetworkFailure::Tls(_) => 4,
        NetworkFailure::Browser(_) => 5,
        NetworkFailure::NoResolver => 6,
        NetworkFailure::Other(_) => 7,
    }
}

fn network_failures() -> Vec<NetworkFailure> {
    vec![
        NetworkFailure::Refused,
        NetworkFailure::HostNotFound,
        NetworkFailure::ConnectionFailed,
        NetworkFailure::TooLarge,
        NetworkFailure::Tls("certificate expired".to_owned()),
        NetworkFailure::Browser("Failed to fetch".to_owned()),
        NetworkFailure::NoResolver,
        NetworkFailure::Other("Broken pipe (os error 32)".to_owned()),
    ]
}

const WIRE_VARIANTS: usize = 6;

fn wire_variant(error: &WireError) -> usize {
    match error {
        WireError::Truncated => 0,
        WireError::BadPointer => 1,
        WireError::BadLabel => 2,
        WireError::NotAResponse => 3,
        WireError::BadRecord(_) => 4,
        WireError::NameTooLong => 5,
    }
}

fn wire_errors() -> Vec<WireError> {
    vec![
        WireError::Truncated,
        WireError::BadPointer,
        WireError::BadLabel,
        WireError::NotAResponse,
        WireError::BadRecord("MX"),
        WireError::NameTooLong,
    ]
}

fn resolve_errors() -> Vec<ResolveError> {
    let mut errors = vec![
        ResolveError::Timeout,
        ResolveError::Unreachable(NetworkFailure::Browser("Failed to fetch".to_owned())),
        ResolveError::NotPasted("_dmarc.contoso.com TXT".to_owned()),
        ResolveError::PastedNoResponse("contoso.com MX".to_owned()),
        ResolveError::PastedUnreadable("contoso.com TXT".to_owned()),
        ResolveError::HttpStatus(503),
        ResolveError::ServFail,
        ResolveError::Refused,
        ResolveError::OtherRcode(9),
        ResolveError::MalformedJson(JsonProblem::Shape {
            detail: "missing field `Status`".to_owned(),
        }),
        ResolveError::MalformedJson(JsonProblem::BadData {
            rtype: "MX".to_owned(),
            data: "10".to_owned(),
        }),
        ResolveError::BadEndpoint(EndpointError::NoHost("https://".to_owned())),
        ResolveError::NotAllowed("https://dns.contoso.com".to_owned()),
        ResolveError::BadAnswer(BadAnswer::OtherName {
            answered: "evil.example.net".to_owned(),
            asked: "contoso.com".to_owned(),
        }),
        ResolveError::BadAnswer(BadAnswer::CnameChain(
            "a.contoso.com → b.contoso.com → a.contoso.com".to_owned(),
        )),
    ];
    errors.extend(wire_errors().into_iter().map(ResolveError::Malformed));
    errors.extend(
        network_failures()
            .into_iter()
            .map(ResolveError::Unreachable),
    );
    errors
}

#[test]
fn every_resolve_error_speaks_both_languages() {
    check_all(
        "ResolveError",
        RESOLVE_VARIANTS,
        resolve_errors(),
        resolve_variant,
        ResolveError::message,
    );
    check_all(
        "WireError",
        WIRE_VARIANTS,
        wire_errors(),
        wire_variant,
        WireError::message,
    );
    // Only the details that came from elsewhere are the same in both languages.
    let failures: Vec<NetworkFailure> = network_failures()
        .into_iter()
        .filter(|f| !matches!(f, NetworkFailure::Other(_)))
        .collect();
    check_all(
        "NetworkFailure",
        NETWORK_VARIANTS - 1,
        failures,
        network_variant,
        NetworkFailure::message,
    );
}

const PROBLEM_VARIANTS: usize = 17;

fn problem_variant(problem: &SpfProblem) -> usize {
    match problem {
        SpfProblem::InvalidDomain { .. } => 0,
        SpfProblem::SingleLabel { .. } => 1,
        SpfProblem::NoRecord { .. } => 2,
        SpfProblem::Syntax { .. } => 3,
        SpfProblem::RecordLookup { .. } => 4,
        SpfProblem::MultipleRecords { .. } => 5,
        SpfProblem::TooManyVoidLookups { .. } => 6,
        SpfProblem::TooManyLookups => 7,
        SpfProblem::Lookup { .. } => 8,
        SpfProblem::RedirectNotExpanded { .. } => 9,
        SpfProblem::RedirectNoRecord { .. } => 10,
        SpfProblem::IncludeNotExpanded { .. } => 11,
        SpfProblem::IncludeNoRecord { .. } => 12,
        SpfProblem::DomainNotExpanded { .. } => 13,
        SpfProblem::ExistsNotExpanded { .. } => 14,
        SpfProblem::TooManyMxHosts { .. } => 15,
        SpfProblem::Unexplained { .. } => 16,
    }
}

fn spf_problems() -> Vec<SpfProblem> {
    let domain = || "contoso.com".to_owned();
    vec![
        SpfProblem::InvalidDomain {
            domain: "-bad-.contoso.com".to_owned(),
        },
        SpfProblem::SingleLabel {
            domain: "localhost".to_owned(),
        },
        SpfProblem::NoRecord { domain: domain() },
        SpfProblem::Syntax {
            domain: domain(),
            error: syntax_error(),
        },
        SpfProblem::RecordLookup {
            name: domain(),
            error: ResolveError::ServFail,
        },
        SpfProblem::MultipleRecords {
            name: domain(),
            count: 2,
        },
        SpfProblem::TooManyVoidLookups { name: domain() },
        SpfProblem::TooManyLookups,
        SpfProblem::Lookup {
            name: domain(),
            error: ResolveError::Timeout,
        },
        SpfProblem::RedirectNotExpanded {
            term: "redirect=%{l}".to_owned(),
        },
        SpfProblem::RedirectNoRecord { target: domain() },
        SpfProblem::IncludeNotExpanded {
            spec: "%{l}".to_owned(),
        },
        SpfProblem::IncludeNoRecord { target: domain() },
        SpfProblem::DomainNotExpanded { mechanism: "mx" },
        SpfProblem::ExistsNotExpanded {
            spec: "%{l}".to_owned(),
        },
        SpfProblem::TooManyMxHosts {
            name: domain(),
            count: 11,
        },
    ]
}

#[test]
fn every_spf_problem_speaks_both_languages() {
    check_all(
        "SpfProblem",
        PROBLEM_VARIANTS - 1,
        spf_problems(),
        problem_variant,
        SpfProblem::message,
    );
    // An included domain's error without a reason is its name, in every language.
    let unexplained = SpfProblem::Unexplained {
        domain: "contoso.com".to_owned(),
    };
    assert_eq!(problem_variant(&unexplained), PROBLEM_VARIANTS - 1);
    for lang in Lang::ALL {
        assert_eq!(unexplained.message(lang), "contoso.com");
    }
}

/// Nested parts follow the outer message's language.
#[test]
fn nested_parts_are_in_the_same_language() {
    for lang in Lang::ALL {
        let error = syntax_error();
        let syntax = SpfProblem::Syntax {
            domain: "contoso.com".to_owned(),
            error: error.clone(),
        };
        assert!(syntax.message(lang).ends_with(&error.message(lang)));
        let lookup = SpfProblem::Lookup {
            name: "contoso.com".to_owned(),
            error: ResolveError::Timeout,
        };
        assert!(lookup
            .message(lang)
            .ends_with(&ResolveError::Timeout.message(lang)));
        let wire = WireError::Truncated;
        assert_eq!(
            ResolveError::Malformed(wire.clone()).message(lang),
            wire.message(lang)
        );
        let name = NameError::SingleLabel;
        let reason = NotWalkedReason::InvalidName {
            target: "localhost".to_owned(),
            error: name.clone(),
        };
        assert!(reason.message(lang).contains(&name.message(lang)));
        assert_eq!(
            TraceNote::Syntax(error.clone()).message(lang),
            error.message(lang)
        );
        assert_eq!(
            TraceNote::Problem(syntax.clone()).message(lang),
            syntax.message(lang)
        );
        assert_eq!(
            TraceNote::Name("spf.protection.outlook.com".to_owned()).message(lang),
            "spf.protection.outlook.com"
        );
    }
}

const REASON_VARIANTS: usize = 4;

fn reason_variant(reason: &NotWalkedReason) -> usize {
    match reason {
        NotWalkedReason::Loop { .. } => 0,
        NotWalkedReason::TooDeep => 1,
        NotWalkedReason::TooManyNodes => 2,
        NotWalkedReason::InvalidName { .. } => 3,
    }
}

#[test]
fn every_reason_a_node_is_not_followed_speaks_both_languages() {
    check_all(
        "NotWalkedReason",
        REASON_VARIANTS,
        vec![
            NotWalkedReason::Loop {
                target: "contoso.com".to_owned(),
            },
            NotWalkedReason::TooDeep,
            NotWalkedReason::TooManyNodes,
            NotWalkedReason::InvalidName {
                target: "-bad-.contoso.com".to_owned(),
                error: NameError::HyphenAtEdge("-bad-".to_owned()),
            },
        ],
        reason_variant,
        NotWalkedReason::message,
    );
}

const DMARC_VARIANTS: usize = 6;

fn dmarc_variant(error: &DmarcError) -> usize {
    match error {
        DmarcError::Empty => 0,
        DmarcError::NotDmarc(_) => 1,
        DmarcError::MissingPolicy => 2,
        DmarcError::InvalidPolicy(_) => 3,
        DmarcError::InvalidSubdomainPolicy(_) => 4,
        DmarcError::MultipleRecords(_) => 5,
    }
}

#[test]
fn every_dmarc_error_speaks_both_languages() {
    check_all(
        "DmarcError",
        DMARC_VARIANTS,
        vec![
            DmarcError::Empty,
            DmarcError::NotDmarc("p=reject; v=DMARC1".to_owned()),
            DmarcError::MissingPolicy,
            DmarcError::InvalidPolicy("block".to_owned()),
            DmarcError::InvalidSubdomainPolicy("maybe".to_owned()),
            DmarcError::MultipleRecords(2),
        ],
        dmarc_variant,
        DmarcError::message,
    );
}

/// broken.test has an SPF record with a syntax error and a DMARC record without a
/// policy; down.test's server fails every question.
fn zone() -> InMemoryZone {
    InMemoryZone::new()
        .mx("broken.test", 0, "broken-test.mail.protection.outlook.com")
        .txt(
            "broken.test",
            "v=spf1 ip4:198.51.100.300 include:spf.protection.outlook.com -all",
        )
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt("_dmarc.broken.test", "v=DMARC1; rua=nobody")
        .servfail("down.test")
        .servfail("_dmarc.down.test")
}

fn vietnamese_report(domain: &str) -> Report {
    let request = CheckRequest {
        domain: DomainName::parse(domain).unwrap_or_else(|e| panic!("{domain}: {e}")),
        ips: vec![Ipv4Addr::new(203, 0, 113, 9)],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: None,
    };
    block_on(check_domain(&zone(), &request))
}

fn finding(report: &Report, code: &str) -> String {
    report.findings.iter().find(|f| f.code == code).map_or_else(
        || panic!("no {code} in {:?}", report.findings),
        |f| f.message(Lang::Vi),
    )
}

#[test]
fn a_report_in_vietnamese_says_the_broken_spf_record_in_vietnamese() {
    let report = vietnamese_report("broken.test");
    let syntax = "ip4: \"198.51.100.300\" không phải là địa chỉ IPv4";

    // The record as the SPF card marks it.
    let tree = report.spf.tree.as_ref().expect("the tree was walked");
    let NodeState::Record { syntax_errors, .. } = &tree.state else {
        panic!("no record: {:?}", tree.state);
    };
    let marked: Vec<String> = syntax_errors.iter().map(|e| e.message(Lang::Vi)).collect();
    assert_eq!(marked, [syntax]);

    // The result for the device, its reason and the term that decided it.
    let check = &report.spf.ip_checks[0];
    assert_eq!(check.result.as_str(), "permerror");
    assert_eq!(
        check
            .problem
            .as_ref()
            .map(|p| p.message(Lang::Vi))
            .as_deref(),
        Some(format!("lỗi cú pháp trong bản ghi SPF của broken.test: {syntax}").as_str())
    );
    let note = check.decisive.as_ref().and_then(|d| d.note.as_ref());
    assert_eq!(note.map(|n| n.message(Lang::Vi)).as_deref(), Some(syntax));

    // The findings the report put into words itself.
    assert_eq!(
        finding(&report, "spf-syntax"),
        format!("Bản ghi SPF của broken.test có lỗi cú pháp: {syntax}.")
    );
    assert_eq!(
        finding(&report, "dmarc-invalid"),
        "Không dùng được bản ghi DMARC: bản ghi không có thẻ chính sách p và không có địa chỉ báo cáo rua hợp lệ, nên bên nhận bỏ qua nó; hãy thêm p=none, p=quarantine hoặc p=reject ngay sau v=DMARC1;."
    );
    // English stays what it was.
    assert_eq!(
        check.problem.as_ref().map(ToString::to_string).as_deref(),
        Some("syntax error in the SPF record of broken.test: ip4: \"198.51.100.300\" is not an IPv4 address")
    );
}

#[test]
fn a_report_in_vietnamese_says_why_it_could_not_check_in_vietnamese() {
    let report = vietnamese_report("down.test");
    for section in [Section::Mx, Section::Spf, Section::Dmarc] {
        assert_eq!(
            report.status(section),
            smarthost_core::report::Status::CouldNotCheck
        );
    }
    let reasons: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.code == "dns-error")
        .map(|f| f.message(Lang::Vi))
        .collect();
    assert_eq!(
        reasons.first().map(String::as_str),
        Some("Không kiểm tra được MX: máy chủ DNS không phân giải được tên (SERVFAIL). Lỗi này không cho biết bản ghi của bạn đúng hay sai.")
    );
    assert!(reasons.len() >= 3, "{reasons:?}");
    for reason in reasons {
        assert!(
            reason.contains("máy chủ DNS không phân giải được tên (SERVFAIL)")
                && !reason.contains("failed to resolve"),
            "{reason}"
        );
    }
    let tree = report.spf.tree.as_ref().expect("the tree was walked");
    let NodeState::DnsError { error } = &tree.state else {
        panic!("not a DNS error: {:?}", tree.state);
    };
    assert_eq!(
        error.message(Lang::Vi),
        "máy chủ DNS không phân giải được tên (SERVFAIL)"
    );
}

/// The browsers' own fixed failure texts are English whatever the page's language; the
/// reader gets their meaning in Vietnamese, and any other text is quoted as it came.
#[test]
fn browser_failure_texts_are_worded_in_the_readers_language() {
    for text in [
        "Failed to fetch",
        "NetworkError when attempting to fetch resource.",
        "Load failed",
    ] {
        let failure = NetworkFailure::Browser(text.to_owned());
        let vi = failure.message(Lang::Vi);
        assert!(!vi.contains(text), "{vi}");
        assert!(vi.contains("resolver"), "{vi}");
        assert_ne!(vi, failure.message(Lang::En));
    }
    let aborted = NetworkFailure::Browser("The user aborted a request.".to_owned());
    assert!(!aborted.message(Lang::Vi).contains("aborted"));
    let odd = NetworkFailure::Browser("Mixed Content: blocked".to_owned());
    assert!(odd.message(Lang::Vi).contains("\"Mixed Content: blocked\""));
}
