//! DMARC: the record, the policy and what it means for device mail.

use super::demo_tag::DemoTag;
use super::findings::FindingList;
use super::CheckSection;
use crate::i18n::{lang, t};
use leptos::prelude::*;
use smarthost_core::report::{Report, Section};

#[component]
pub fn DmarcCard(report: Report, pending: bool) -> impl IntoView {
    let status = report.status(Section::Dmarc);
    let findings: Vec<_> = report.findings_in(Section::Dmarc).cloned().collect();
    let dmarc = report.dmarc;
    view! {
        <CheckSection section=Section::Dmarc status=status pending=pending>
            {(!pending).then(|| view! {
                <dl class="facts">
                    {dmarc.record.clone().map(|r| view! {
                        <dt>{t("ui.check.dmarc-record")}</dt><dd><code>{r}</code> <DemoTag /></dd>
                    })}
                    {dmarc.policy.map(|p| view! {
                        <dt>{t("ui.check.dmarc-policy")}</dt><dd>{p.as_str()}</dd>
                    })}
                    {dmarc.meaning.clone().map(|m| view! {
                        <dt>{t("ui.check.dmarc-meaning")}</dt><dd>{move || m.render(lang())}</dd>
                    })}
                </dl>
                <FindingList findings=findings.clone() />
            })}
        </CheckSection>
    }
}
