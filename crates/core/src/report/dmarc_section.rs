//! The DMARC section: the `_dmarc` record, its policy and what it means for device mail.

use super::finding::{Arg, Findings, Section, Severity};
use super::DmarcSection;
use crate::dmarc::{device_mail_meaning, parse_dmarc, select_record};
use crate::dns::{DomainName, RecordType, Resolver};
use crate::i18n::Phrase;

pub(super) async fn check_dmarc<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
    findings: &mut Findings,
) -> DmarcSection {
    let name = domain.child("_dmarc");
    let mut section = DmarcSection {
        record: None,
        policy: None,
        meaning: None,
    };
    let lookup = match resolver.lookup(&name, RecordType::Txt).await {
        Ok(lookup) => lookup,
        Err(e) => {
            findings.dns_error(Section::Dmarc, "DMARC", Arg::Resolve(e));
            return section;
        }
    };
    let texts: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .collect();
    match select_record(&texts) {
        Ok(None) => findings.add(
            Section::Dmarc,
            "dmarc-missing",
            Severity::Warning,
            &[("domain", domain.as_str())],
        ),
        Ok(Some(text)) => {
            section.record = Some(text.clone());
            match parse_dmarc(&text) {
                Ok(record) => {
                    section.policy = Some(record.policy);
                    let meaning = device_mail_meaning(&record);
                    section.meaning =
                        Some(Phrase::new(meaning.key()).with("pct", record.pct.to_string()));
                    if record.policy == crate::dmarc::Policy::None {
                        findings.add(
                            Section::Dmarc,
                            "dmarc-policy-none",
                            Severity::Info,
                            &[("domain", domain.as_str())],
                        );
                    }
                }
                Err(e) => findings.add_args(
                    Section::Dmarc,
                    "dmarc-invalid",
                    Severity::Warning,
                    vec![("error", Arg::Dmarc(e))],
                ),
            }
        }
        Err(e) => findings.add_args(
            Section::Dmarc,
            "dmarc-invalid",
            Severity::Warning,
            vec![("error", Arg::Dmarc(e))],
        ),
    }
    section
}
