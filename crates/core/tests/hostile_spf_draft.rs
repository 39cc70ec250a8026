//! Hostile what-if drafts: every value an admin could type or paste into the SPF draft
//! editor goes through the same path the editor uses (`parse_record` for the marked
//! record, `check_domain` with the draft in the request for the findings and the result
//! per device IP), against an in-memory zone where contoso.example has a real MX and SPF
//! record.
//!
//! Each row states what a good answer is: the draft parses cleanly and gives a stated
//! SPF result for the device, or it has a syntax error whose span covers a stated part.
//! Every row is also held to the same rules: nothing panics; error spans lie within the
//! draft on character boundaries; every message shown, in English and in Vietnamese,
//! says something, never echoes a control or bidirectional character raw and never
//! copies a long stretch of the draft; the record prints back as typed; and a draft with
//! a syntax error never passes (RFC 7208 4.6: it is a permerror).

use futures::executor::block_on;
use smarthost_core::cloud::Cloud;
use smarthost_core::dns::{DomainName, InMemoryZone};
use smarthost_core::i18n::Lang;
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, CheckRequest, Report};
use smarthost_core::spf::parse_record;
use smarthost_core::spf::tree::NodeState;
use std::net::Ipv4Addr;
use std::panic::{catch_unwind, AssertUnwindSafe};

mod support;
use support::{copies_run, is_unsafe_to_echo, label};

const DOMAIN: &str = "contoso.example";
const DEVICE: &str = "198.51.100.7";
/// A message may quote a term, never a long stretch of the draft.
const MAX_COPIED_CHARS: usize = 60;

/// contoso.example as published, with the names the drafts refer to.
fn zone() -> InMemoryZone {
    let mut zone = InMemoryZone::new()
        .mx(DOMAIN, 0, "contoso-example.mail.protection.outlook.com")
        .txt(DOMAIN, "v=spf1 include:spf.protection.outlook.com -all")
        .txt("_dmarc.contoso.example", "v=DMARC1; p=reject")
        .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 -all")
        .txt("_spf.contoso.example", "v=spf1 ip4:198.51.100.0/24 -all")
        .txt("_spf2.contoso.example", "v=spf1 -all")
        .txt(
            "explain.contoso.example",
            "%{i} is not one of %{d}'s designated mail servers.",
        )
        .a(
            "198.51.100.7._spf.contoso.example",
            Ipv4Addr::new(127, 0, 0, 2),
        )
        .a(
            "7.100.51.198.in-addr._spf.contoso.example",
            Ipv4Addr::new(127, 0, 0, 2),
        );
    for i in 1..=30 {
        zone = zone.txt(
            &format!("s{i}.spf.contoso.example"),
            &format!("v=spf1 ip4:192.0.2.{i} -all"),
        );
    }
    zone
}

/// What a good answer to a draft is.
enum Expect {
    /// No syntax error; check_host gives this result for the device IP.
    Clean(&'static str),
    /// A syntax error whose span covers this text; the device gets permerror.
    Error(&'static str),
}

struct Row {
    name: &'static str,
    draft: String,
    expect: Expect,
    /// A finding code the report must contain.
    finding: Option<&'static str>,
}

fn row(name: &'static str, draft: impl Into<String>, expect: Expect) -> Row {
    Row {
        name,
        draft: draft.into(),
        expect,
        finding: None,
    }
}

fn row_with(
    name: &'static str,
    draft: impl Into<String>,
    expect: Expect,
    finding: &'static str,
) -> Row {
    Row {
        finding: Some(finding),
        ..row(name, draft, expect)
    }
}

/// Exactly `total` bytes: `prefix`, then `fill` repeated, then `suffix`.
fn padded(prefix: &str, fill: char, suffix: &str, total: usize) -> String {
    let n = total - prefix.len() - suffix.len();
    format!("{prefix}{}{suffix}", fill.to_string().repeat(n))
}

fn rows() -> Vec<Row> {
    use Expect::{Clean, Error};
    let thousand_terms = {
        let mut terms: Vec<String> = (0..998)
            .map(|i| format!("ip4:10.{}.{}.1", i / 256, i % 256))
            .collect();
        terms.push(format!("ip4:{DEVICE}"));
        terms.push("-all".to_owned());
        format!("v=spf1 {}", terms.join(" "))
    };
    let thirty_includes = format!(
        "v=spf1 {} -all",
        (1..=30)
            .map(|i| format!("include:s{i}.spf.contoso.example"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    vec![
        // Not an SPF record at all.
        row("empty", "", Error("")),
        row("whitespace only", "   \t  ", Error("   ")),
        row("missing version", "ip4:198.51.100.7 -all", Error("ip4:19")),
        row(
            "Sender ID version",
            "v=spf2.0/pra ip4:198.51.100.7 -all",
            Error("v=spf2"),
        ),
        row("leading space", " v=spf1 ip4:198.51.100.7 -all", Error(" v=spf")),
        row("tab after version", "v=spf1\tip4:198.51.100.7 -all", Error("v=spf1")),
        row("markup alone", "<script>alert(1)</script>", Error("<scrip")),
        // Version alone, twice, in other cases.
        row_with("version alone", "v=spf1", Clean("neutral"), "spf-ip-not-authorized"),
        // RFC 7208 12: "v=spf1" after the version is an unknown modifier named "v",
        // which evaluation ignores.
        row(
            "duplicated version",
            "v=spf1 v=spf1 ip4:198.51.100.7 -all",
            Clean("pass"),
        ),
        row("upper case", "V=SPF1 IP4:198.51.100.7 -ALL", Clean("pass")),
        row_with("plus all", "v=spf1 +all", Clean("pass"), "spf-plus-all"),
        // Unknown mechanisms and bad qualifiers.
        row(
            "unknown mechanism",
            "v=spf1 ip4:198.51.100.7 foo:bar.example -all",
            Error("foo:bar.example"),
        ),
        row("double qualifier", "v=spf1 ip4:198.51.100.7 ++all", Error("++all")),
        row("two qualifiers", "v=spf1 ip4:198.51.100.7 ?-all", Error("?-all")),
        // Control characters.
        row("NUL", "v=spf1 ip4:198.51.100.7\0 -all", Error("\0")),
        row("CR LF at the end", "v=spf1 ip4:198.51.100.7 -all\r\n", Error("-all\r\n")),
        row(
            "header injection",
            "v=spf1 -all\r\nX-Injected: 1",
            Error("\r\nX-Injected:"),
        ),
        row("tab between terms", "v=spf1 ip4:198.51.100.7\t-all", Error("\t")),
        row(
            "ESC colour codes",
            "v=spf1 \u{1b}[31mip4:198.51.100.7\u{1b}[0m -all",
            Error("\u{1b}[31m"),
        ),
        row("DEL", "v=spf1 ip4:198.51.100.7 -all\u{7f}", Error("\u{7f}")),
        // Bidi and invisible characters: the term before would pass if errors were
        // skipped, so a pass here is a false pass.
        row(
            "right-to-left override",
            "v=spf1 ip4:198.51.100.7 \u{202E}lla+",
            Error("\u{202E}lla+"),
        ),
        row("bidi inside the version", "v=sp\u{202E}f1 -all", Error("v=sp")),
        row(
            "zero-width space",
            "v=spf1 ip4:198.51.100.7\u{200B} -all",
            Error("\u{200B}"),
        ),
        row(
            "byte order mark",
            "\u{FEFF}v=spf1 ip4:198.51.100.7 -all",
            Error("\u{FEFF}"),
        ),
        row(
            "line separator",
            "v=spf1 ip4:198.51.100.7\u{2028}-all",
            Error("\u{2028}"),
        ),
        // Confusables.
        row(
            "Cyrillic es in include",
            "v=spf1 in\u{441}lude:spf.protection.outlook.com ip4:198.51.100.7 -all",
            Error("in\u{441}lude:"),
        ),
        row(
            "Cyrillic a in all",
            "v=spf1 ip4:198.51.100.7 -\u{430}ll",
            Error("-\u{430}ll"),
        ),
        row("Cyrillic er in the version", "v=s\u{440}f1 -all", Error("v=s")),
        row(
            "fullwidth version",
            "ｖ＝ｓｐｆ１ ip4:198.51.100.7 -all",
            Error("ｖ＝"),
        ),
        row("fullwidth digit one", "v=spf\u{FF11} -all", Error("v=spf")),
        // Non-ASCII domains: an SPF record holds A-labels only.
        row(
            "umlaut include",
            "v=spf1 include:bücher.example -all",
            Error("include:bücher.example"),
        ),
        row(
            "CJK a",
            "v=spf1 a:例子.测试 ip4:198.51.100.7 -all",
            Error("a:例子.测试"),
        ),
        row(
            "A-label a",
            "v=spf1 a:xn--bcher-kva.example ip4:198.51.100.7 -all",
            Clean("pass"),
        ),
        // Markup and shell.
        row(
            "script term",
            "v=spf1 <script>alert(1)</script> -all",
            Error("<script>alert(1)</script>"),
        ),
        row(
            "attribute breakout",
            "v=spf1 \"><img src=x onerror=alert(1)> -all",
            Error("\"><img"),
        ),
        row(
            "PowerShell",
            "v=spf1 -all'; Remove-Item -Recurse -Force C:\\; '",
            Error("-all';"),
        ),
        // Long drafts.
        row(
            "10,000 chars in one unknown term",
            padded("v=spf1 ", 'x', " -all", 10_000),
            Error("xxxxxxxxxx"),
        ),
        row(
            "10,000 chars ending in a bidi override",
            padded("v=spf1 ip4:198.51.100.7 include:", 'a', ".example\u{202E}", 10_000),
            Error("\u{202E}"),
        ),
        // The target is malformed (a 63+ character label), so the include is a
        // permerror (RFC 7208 4.3 and 5.2) before the ip4 term is reached.
        row(
            "10,000 chars in an include target",
            padded("v=spf1 include:", 'a', ".example ip4:198.51.100.7 -all", 10_000),
            Clean("permerror"),
        ),
        row_with(
            "100,000 chars after all",
            padded("v=spf1 ip4:198.51.100.7 -all include:", 'a', ".example", 100_000),
            Clean("pass"),
            "spf-terms-after-all",
        ),
        // A top label too long for DNS: the target cannot be looked up, so the term is a
        // permerror (RFC 7208 4.3, 5.2, 6.1), and no message may quote all of it.
        row(
            "10,000-char include target label",
            padded("v=spf1 include:x.", 'a', " ip4:198.51.100.7 -all", 10_000),
            Clean("permerror"),
        ),
        row(
            "10,000-char exists target label",
            padded("v=spf1 exists:x.", 'a', " ip4:198.51.100.7 -all", 10_000),
            Clean("permerror"),
        ),
        row(
            "10,000-char redirect target label",
            padded("v=spf1 redirect=x.", 'a', "", 10_000),
            Clean("permerror"),
        ),
        row(
            "10,000-char a: value that is not a domain",
            padded("v=spf1 a:", 'b', ".1 -all", 10_000),
            Error("bbbbbbbbbb"),
        ),
        row(
            "10,000-char ip4 address",
            padded("v=spf1 ip4:", '1', " -all", 10_000),
            Error("1111111111"),
        ),
        row(
            "10,000-digit CIDR length",
            padded("v=spf1 ip4:198.51.100.7/", '9', " -all", 10_000),
            Error("/9999999999"),
        ),
        // No PTR record for the device: ptr does not match, -all fails it.
        row_with(
            "10,000-char ptr domain",
            padded("v=spf1 ptr:", 'p', ".example -all", 10_000),
            Clean("fail"),
            "spf-ptr",
        ),
        row("1,000 terms", thousand_terms, Clean("pass")),
        row_with(
            "30 includes",
            thirty_includes,
            Clean("permerror"),
            "spf-too-many-lookups",
        ),
        // Macros.
        row("valid macro", "v=spf1 exists:%{i}._spf.%{d} -all", Clean("pass")),
        row(
            "valid macro with transformers",
            "v=spf1 exists:%{ir}.%{v}._spf.%{d2} -all",
            Clean("pass"),
        ),
        row(
            "unknown macro letter",
            "v=spf1 exists:%{z}.contoso.example -all",
            Error("%{z}"),
        ),
        row(
            "escaped percent",
            "v=spf1 ip4:198.51.100.7 note=100%%.sure -all",
            Clean("pass"),
        ),
        row(
            "lone percent",
            "v=spf1 exists:%d.contoso.example -all",
            Error("%"),
        ),
        row(
            "unterminated macro",
            "v=spf1 ip4:198.51.100.7 include:%{d -all",
            Error("%{d"),
        ),
        // ip4 and ip6.
        row("ip4 /33", "v=spf1 ip4:198.51.100.7/33 -all", Error("/33")),
        row("ip4 /-1", "v=spf1 ip4:198.51.100.7/-1 -all", Error("/-1")),
        row("ip4 999.1.1.1", "v=spf1 ip4:999.1.1.1 -all", Error("999.1.1.1")),
        row(
            "ip4 leading zero",
            "v=spf1 ip4:198.051.100.7 -all",
            Error("198.051.100.7"),
        ),
        // ip6 terms never match an IPv4 client, mapped form included (RFC 7208 5.6).
        row_with(
            "ip6 forms",
            "v=spf1 ip6:2001:db8::/32 ip6:::1 ip6:::ffff:198.51.100.7 ip6:2001:DB8:0:0:0:0:0:1/128 -all",
            Clean("fail"),
            "spf-ip-not-authorized",
        ),
        row("ip6 /129", "v=spf1 ip6:2001:db8::1/129 -all", Error("/129")),
        row("ip6 zone index", "v=spf1 ip6:fe80::1%eth0 -all", Error("%eth0")),
        row("ip4 address in ip6", "v=spf1 ip6:198.51.100.7 -all", Error("198.51.100.7")),
        // Modifiers. With "all", redirect is ignored (RFC 7208 6.1).
        row(
            "redirect and all",
            "v=spf1 redirect=_spf.contoso.example -all",
            Clean("fail"),
        ),
        row("redirect alone", "v=spf1 redirect=_spf.contoso.example", Clean("pass")),
        row(
            "two redirects",
            "v=spf1 redirect=_spf.contoso.example redirect=_spf2.contoso.example",
            Error("redirect=_spf2.contoso.example"),
        ),
        row("exp", "v=spf1 exp=explain.contoso.example -all", Clean("fail")),
        row(
            "two exps",
            "v=spf1 -all exp=explain.contoso.example exp=_spf.contoso.example",
            Error("exp=_spf.contoso.example"),
        ),
        row("empty exp", "v=spf1 ip4:198.51.100.7 exp= -all", Error("exp=")),
        row("empty redirect", "v=spf1 redirect=", Error("redirect=")),
        // An unknown modifier may have an empty macro-string (RFC 7208 12).
        row(
            "empty unknown modifier",
            "v=spf1 foo= ip4:198.51.100.7 -all",
            Clean("pass"),
        ),
        // Spaces.
        row("trailing spaces", "v=spf1 ip4:198.51.100.7 -all   ", Clean("pass")),
        row(
            "multiple spaces",
            "v=spf1   ip4:198.51.100.7    -all",
            Clean("pass"),
        ),
        row(
            "non-breaking space",
            "v=spf1 ip4:198.51.100.7\u{A0}-all",
            Error("\u{A0}"),
        ),
    ]
}

fn report_for(draft: &str) -> Report {
    let request = CheckRequest {
        domain: DomainName::parse(DOMAIN).unwrap_or_else(|e| panic!("{DOMAIN}: {e}")),
        ips: vec![DEVICE.parse().unwrap_or_else(|e| panic!("{DEVICE}: {e}"))],
        method: Some(MethodId::DirectSend),
        cloud: Some(Cloud::Worldwide),
        draft: Some(draft.to_owned()),
    };
    block_on(check_domain(&zone(), &request))
}

/// Every message the SPF card and the what-if result show for this draft, worded in
/// `lang` (the report is data; the cards word it in the page's language).
fn messages(draft: &str, report: &Report, lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for error in parse_record(draft).errors {
        out.push(("syntax error".to_owned(), error.message(lang)));
    }
    for finding in &report.findings {
        out.push((format!("finding {}", finding.code), finding.message(lang)));
        out.push((format!("fix of {}", finding.code), finding.fix(lang)));
    }
    for check in &report.spf.ip_checks {
        if let Some(problem) = &check.problem {
            out.push(("result problem".to_owned(), problem.message(lang)));
        }
        if let Some(explanation) = &check.explanation {
            out.push(("exp= explanation".to_owned(), explanation.clone()));
        }
        if let Some(note) = check.decisive.as_ref().and_then(|d| d.note.as_ref()) {
            out.push(("deciding term note".to_owned(), note.message(lang)));
        }
    }
    for reason in &report.spf.suggestion_reasons {
        out.push(("suggestion reason".to_owned(), reason.render(lang)));
    }
    if let Some(tree) = &report.spf.tree {
        for (_, node) in tree.walk() {
            match &node.state {
                NodeState::Record { syntax_errors, .. } => {
                    for e in syntax_errors {
                        out.push(("tree syntax error".to_owned(), e.message(lang)));
                    }
                }
                NodeState::DnsError { error } => {
                    out.push(("tree DNS error".to_owned(), error.message(lang)));
                }
                NodeState::NotWalked { reason } => {
                    out.push(("tree not walked".to_owned(), reason.message(lang)));
                }
                NodeState::NoRecord { .. } | NodeState::Multiple { .. } => {}
            }
        }
    }
    out
}

/// Every problem with one row, as text; empty when the row is as expected.
fn check_row(row: &Row) -> Vec<String> {
    let mut problems = Vec::new();
    let draft = row.draft.as_str();

    // What the editor marks.
    let parsed = parse_record(draft);
    if parsed.to_string() != draft {
        problems.push("the parsed record does not print back as typed".to_owned());
    }
    for error in &parsed.errors {
        let span = &error.span;
        if span.start > span.end || span.end > draft.len() {
            problems.push(format!("span {span:?} lies outside the draft"));
        } else if !draft.is_char_boundary(span.start) || !draft.is_char_boundary(span.end) {
            problems.push(format!(
                "span {span:?} is not on character boundaries ({})",
                label(&String::from_utf8_lossy(&draft.as_bytes()[span.clone()]))
            ));
        } else if span.is_empty() && !draft.is_empty() {
            problems.push(format!("span {span:?} is empty"));
        }
    }
    for term in &parsed.terms {
        if draft.get(term.span.clone()).is_none() {
            problems.push(format!(
                "term span {:?} is not a slice of the draft",
                term.span
            ));
        }
    }
    match row.expect {
        Expect::Clean(_) if !parsed.errors.is_empty() => problems.push(format!(
            "expected no syntax error, got {}",
            label(&parsed.errors[0].to_string())
        )),
        Expect::Error(covers) => {
            let covered = parsed.errors.iter().any(|e| {
                draft
                    .get(e.span.clone())
                    .is_some_and(|marked| marked.contains(covers))
            });
            if !covered {
                problems.push(format!(
                    "expected a syntax error covering {}, got spans {:?}",
                    label(covers),
                    parsed
                        .errors
                        .iter()
                        .map(|e| e.span.clone())
                        .collect::<Vec<_>>()
                ));
            }
        }
        Expect::Clean(_) => {}
    }

    // What the what-if result shows.
    let report = report_for(draft);
    if report.spf.record.as_deref() != Some(draft) {
        problems.push("the report does not show the draft as the record".to_owned());
    }
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    let has_errors = !parsed.errors.is_empty();
    if has_errors != codes.contains(&"spf-syntax") {
        problems.push(format!(
            "syntax errors: {has_errors}, but the findings are {codes:?}"
        ));
    }
    if let Some(code) = row.finding {
        if !codes.contains(&code) {
            problems.push(format!("expected finding {code}, got {codes:?}"));
        }
    }
    let results: Vec<&str> = report
        .spf
        .ip_checks
        .iter()
        .map(|c| c.result.as_str())
        .collect();
    if results.len() != 1
        || report.spf.result_for_ip.get(DEVICE).map(|r| r.as_str()) != results.first().copied()
    {
        problems.push(format!("expected one result for {DEVICE}, got {results:?}"));
    }
    if has_errors && results.iter().any(|r| *r != "permerror") {
        problems.push(format!(
            "a draft with a syntax error must give permerror, got {results:?}"
        ));
    }
    let expected = match row.expect {
        Expect::Clean(result) => result,
        Expect::Error(_) => "permerror",
    };
    if results.first() != Some(&expected) {
        problems.push(format!("expected {expected} for {DEVICE}, got {results:?}"));
    }

    // Every message, in English and in Vietnamese.
    let all = messages(draft, &report, Lang::En).into_iter().chain(
        messages(draft, &report, Lang::Vi)
            .into_iter()
            .map(|(what, m)| (format!("{what} (vi)"), m)),
    );
    for (what, message) in all {
        if message.trim().is_empty() {
            problems.push(format!("{what}: empty message"));
        }
        if let Some(c) = message.chars().find(|c| is_unsafe_to_echo(*c)) {
            problems.push(format!("{what}: echoes {c:?} raw: {}", label(&message)));
        }
        if copies_run(&message, draft, MAX_COPIED_CHARS) {
            problems.push(format!(
                "{what}: copies more than {MAX_COPIED_CHARS} characters of the draft ({} chars: {})",
                message.chars().count(),
                label(&message)
            ));
        }
    }
    problems
}

#[test]
fn hostile_drafts_are_marked_evaluated_and_reported_safely() {
    let rows = rows();
    assert!(rows.len() >= 30, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        match catch_unwind(AssertUnwindSafe(|| check_row(row))) {
            Ok(problems) => {
                failures.extend(problems.into_iter().map(|p| format!("{}: {p}", row.name)));
            }
            Err(_) => failures.push(format!("{}: panicked", row.name)),
        }
    }
    support::assert_rows_pass(&failures, rows.len());
}

/// The rule the table relies on, checked on its own: a draft with a syntax error after
/// a matching term is still a permerror, and the matching term alone passes.
#[test]
fn a_syntax_error_after_a_matching_term_is_not_a_pass() {
    let good = report_for("v=spf1 ip4:198.51.100.7 -all");
    assert_eq!(
        good.spf.result_for_ip.get(DEVICE).map(|r| r.as_str()),
        Some("pass")
    );
    let bad = report_for("v=spf1 ip4:198.51.100.7 -all foo");
    assert_eq!(
        bad.spf.result_for_ip.get(DEVICE).map(|r| r.as_str()),
        Some("permerror")
    );
}

/// The exp= row's explanation is the expanded TXT text, for a fail only.
#[test]
fn exp_explains_a_fail() {
    let report = report_for("v=spf1 exp=explain.contoso.example -all");
    let explanation = report
        .spf
        .ip_checks
        .first()
        .and_then(|c| c.explanation.clone());
    assert_eq!(
        explanation.as_deref(),
        Some("198.51.100.7 is not one of contoso.example's designated mail servers.")
    );
}
