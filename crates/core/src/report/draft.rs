//! The what-if draft: the SPF record a user tries before publishing it. A link may carry
//! it (read here, refused with a reason when it cannot be used), and once evaluated it
//! changes the advice: the page says the draft passes and that the draft is what to
//! publish, instead of "publish the suggested record" (review J4, "what confused me").

use super::finding::{Arg, Finding, Section, Severity};
use super::Report;
use crate::i18n::{format, Lang};
use crate::spf::eval::SpfResult;
use crate::spf::record::parse_record;

/// The longest draft a link may carry. A published SPF record is a few hundred
/// characters; this leaves room for an experiment and keeps the link short enough to
/// paste in a ticket.
pub const MAX_DRAFT_CHARS: usize = 2048;

/// Why the draft a link carries was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftRejected {
    /// More than [`MAX_DRAFT_CHARS`] characters.
    TooLong { chars: usize },
    /// A broken %-escape (decoded as U+FFFD) or a control character: not text anyone
    /// typed as a record.
    NotText,
}

impl DraftRejected {
    /// What the page says, in `lang`: what was not used, why, and what still runs.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DraftRejected::TooLong { chars } => format(
                lang,
                "ui.check.draft-too-long",
                &[
                    ("chars", &chars.to_string()),
                    ("max", &MAX_DRAFT_CHARS.to_string()),
                ],
            ),
            DraftRejected::NotText => format(lang, "ui.check.draft-not-text", &[]),
        }
    }
}

/// The draft of a link's `draft` parameter: None when it has none, the text when it can
/// be used, or why it cannot.
pub fn draft_from_link(raw: Option<&str>) -> Option<Result<String, DraftRejected>> {
    let raw = raw?;
    let chars = raw.chars().count();
    if chars > MAX_DRAFT_CHARS {
        return Some(Err(DraftRejected::TooLong { chars }));
    }
    // Tabs and line breaks are what a pasted record may carry; other controls are not.
    let not_text = raw
        .chars()
        .any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')));
    if not_text {
        return Some(Err(DraftRejected::NotText));
    }
    Some(Ok(raw.to_owned()))
}

/// What the page says once a draft is evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftAdvice {
    /// The what-if result's findings: the draft's own SPF findings (an IP it still does
    /// not authorise is told to go into the draft), and first, when the draft lets pass
    /// an IP the published record does not, that it does and what to publish.
    pub findings: Vec<Finding>,
    /// The published SPF card's findings: an IP the draft lets pass is told to publish
    /// the draft, not the suggested record.
    pub published: Vec<Finding>,
    /// The draft, when it is the record to publish: it authorises every device IP the
    /// published record does not, every device IP passes, it parses, and nothing about
    /// it is an error.
    pub publish: Option<String>,
}

/// The advice for `draft_text`, from the published report and the draft's report (the
/// same domain and IPs, evaluated with the draft). A draft report of another domain (a
/// new check started meanwhile) changes nothing.
pub fn advise(published: &Report, draft: &Report, draft_text: &str) -> DraftAdvice {
    let published_findings: Vec<Finding> = published.findings_in(Section::Spf).cloned().collect();
    if !published.domain.eq_ignore_ascii_case(&draft.domain) {
        return DraftAdvice {
            findings: draft.findings_in(Section::Spf).cloned().collect(),
            published: published_findings,
            publish: None,
        };
    }
    let passes = |report: &Report, ip: &str| {
        report
            .spf
            .ip_checks
            .iter()
            .any(|c| c.ip == ip && c.result == SpfResult::Pass)
    };
    let newly_passing: Vec<String> = draft
        .spf
        .ip_checks
        .iter()
        .filter(|c| c.result == SpfResult::Pass && !passes(published, &c.ip))
        .map(|c| c.ip.clone())
        .collect();
    let mut findings: Vec<Finding> = draft
        .findings_in(Section::Spf)
        .cloned()
        .map(|mut finding| {
            // The suggestion is the published record's; in the editor, the draft is
            // what gets the IP.
            if finding.code == "spf-ip-not-authorized" {
                finding.fix_key = Some("finding.spf-ip-not-authorized.fix-draft");
            }
            finding
        })
        .collect();
    let every_ip_passes = draft
        .spf
        .ip_checks
        .iter()
        .all(|c| c.result == SpfResult::Pass);
    let clean = parse_record(draft_text).errors.is_empty()
        && !findings.iter().any(|f| f.severity == Severity::Error);
    let publish = (!newly_passing.is_empty() && every_ip_passes && clean)
        .then(|| draft_text.trim().to_owned());
    if !newly_passing.is_empty() {
        findings.insert(
            0,
            Finding {
                code: "spf-draft-passes",
                severity: Severity::Info,
                section: Section::Spf,
                args: vec![
                    ("ips", Arg::Plain(newly_passing.join(", "))),
                    ("domain", Arg::Plain(draft.domain.clone())),
                ],
                more_fix: Vec::new(),
                fix_key: publish
                    .is_none()
                    .then_some("finding.spf-draft-passes.fix-first"),
            },
        );
    }
    let published = published_findings
        .into_iter()
        .map(|mut finding| {
            let covered = finding.code == "spf-ip-not-authorized"
                && matches!(finding.arg("ip"), Some(Arg::Plain(ip)) if newly_passing.contains(ip));
            if covered && publish.is_some() {
                finding.fix_key = Some("finding.spf-ip-not-authorized.fix-draft-passes");
            }
            finding
        })
        .collect();
    DraftAdvice {
        findings,
        published,
        publish,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::demo::{demo_zone, DEMO_DOMAIN};
    use crate::dns::DomainName;
    use crate::method::MethodId;
    use crate::report::{check_domain, CheckRequest};
    use futures::executor::block_on;

    fn report(domain: &str, ips: &[&str], draft: Option<&str>) -> Report {
        let request = CheckRequest {
            domain: DomainName::parse(domain).unwrap(),
            ips: ips.iter().map(|ip| ip.parse().unwrap()).collect(),
            method: Some(MethodId::DirectSend),
            cloud: None,
            draft: draft.map(str::to_owned),
        };
        block_on(check_domain(&demo_zone(), &request))
    }

    const COVERS: &str =
        "v=spf1 ip4:203.0.113.10 ip4:198.51.100.7 include:spf.protection.outlook.com -all";

    fn fixes(findings: &[Finding]) -> Vec<(&'static str, String)> {
        findings.iter().map(|f| (f.code, f.fix(Lang::En))).collect()
    }

    #[test]
    fn a_draft_that_covers_the_ip_says_so_and_is_what_to_publish() {
        let published = report(DEMO_DOMAIN, &["198.51.100.7"], None);
        let draft = report(DEMO_DOMAIN, &["198.51.100.7"], Some(COVERS));
        let advice = advise(&published, &draft, COVERS);
        assert_eq!(advice.publish.as_deref(), Some(COVERS));
        assert_eq!(advice.findings[0].code, "spf-draft-passes");
        assert_eq!(advice.findings[0].message(Lang::En), "With the draft, SPF gives pass for 198.51.100.7 at smarthost-demo.example: the device's mail is authorised.");
        // Nothing in the editor or on the card says "publish the suggested record".
        for (code, fix) in fixes(&advice.findings)
            .into_iter()
            .chain(fixes(&advice.published))
        {
            assert!(!fix.contains("suggested record"), "{code}: {fix}");
        }
        let card = advice
            .published
            .iter()
            .find(|f| f.code == "spf-ip-not-authorized")
            .unwrap();
        assert!(
            card.fix(Lang::En).contains("draft"),
            "{}",
            card.fix(Lang::En)
        );
        assert!(
            card.fix(Lang::Vi).contains("bản nháp"),
            "{}",
            card.fix(Lang::Vi)
        );
    }

    #[test]
    fn a_draft_that_still_fails_the_ip_asks_for_the_ip_in_the_draft() {
        let published = report(DEMO_DOMAIN, &["198.51.100.7"], None);
        let text = "v=spf1 ip4:203.0.113.10 -all";
        let draft = report(DEMO_DOMAIN, &["198.51.100.7"], Some(text));
        let advice = advise(&published, &draft, text);
        assert_eq!(advice.publish, None);
        assert!(advice.findings.iter().all(|f| f.code != "spf-draft-passes"));
        let in_editor = advice
            .findings
            .iter()
            .find(|f| f.code == "spf-ip-not-authorized")
            .unwrap();
        assert_eq!(
            in_editor.fix_key,
            Some("finding.spf-ip-not-authorized.fix-draft")
        );
        // The card keeps its own advice: the draft does not help.
        assert_eq!(
            advice.published,
            published
                .findings_in(Section::Spf)
                .cloned()
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_draft_that_passes_but_is_broken_is_not_offered_for_publishing() {
        let published = report(DEMO_DOMAIN, &["198.51.100.7"], None);
        let text = "v=spf1 ip4:198.51.100.7 +all";
        let draft = report(DEMO_DOMAIN, &["198.51.100.7"], Some(text));
        let advice = advise(&published, &draft, text);
        assert_eq!(advice.publish, None);
        assert_eq!(
            advice.findings[0].fix_key,
            Some("finding.spf-draft-passes.fix-first")
        );
        let card = advice
            .published
            .iter()
            .find(|f| f.code == "spf-ip-not-authorized")
            .unwrap();
        assert_eq!(card.fix_key, None);
    }

    #[test]
    fn the_same_record_as_published_or_another_domain_changes_nothing() {
        let published = report(DEMO_DOMAIN, &["198.51.100.7"], None);
        let record = published.spf.record.clone().unwrap();
        let same = report(DEMO_DOMAIN, &["198.51.100.7"], Some(&record));
        let advice = advise(&published, &same, &record);
        assert_eq!(advice.publish, None);
        assert_eq!(
            advice.published,
            published
                .findings_in(Section::Spf)
                .cloned()
                .collect::<Vec<_>>()
        );
        let other = report("other.example", &["198.51.100.7"], Some(COVERS));
        assert_eq!(advise(&published, &other, COVERS).publish, None);
    }

    #[test]
    fn a_linked_draft_is_used_unless_too_long_or_not_text() {
        assert_eq!(draft_from_link(None), None);
        assert_eq!(
            draft_from_link(Some("v=spf1 -all")),
            Some(Ok("v=spf1 -all".to_owned()))
        );
        assert_eq!(draft_from_link(Some("")), Some(Ok(String::new())));
        let long = "a".repeat(MAX_DRAFT_CHARS + 1);
        assert_eq!(
            draft_from_link(Some(&long)),
            Some(Err(DraftRejected::TooLong {
                chars: MAX_DRAFT_CHARS + 1
            }))
        );
        assert!(draft_from_link(Some(&"é".repeat(MAX_DRAFT_CHARS))).is_some_and(|d| d.is_ok()));
        assert_eq!(
            draft_from_link(Some("v=spf1 \u{FFFD} -all")),
            Some(Err(DraftRejected::NotText))
        );
        assert_eq!(
            draft_from_link(Some("v=spf1\u{0} -all")),
            Some(Err(DraftRejected::NotText))
        );
        let message = DraftRejected::TooLong { chars: 5000 }.message(Lang::En);
        assert!(
            message.contains("5000") && message.contains("2048"),
            "{message}"
        );
        assert!(!DraftRejected::NotText.message(Lang::Vi).is_empty());
    }
}
