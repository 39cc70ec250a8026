//! DKIM: what each selector publishes, the rule it matches and its key, what that means
//! for the devices' mail, and where to see what DNS cannot show.

use super::demo_tag::DemoTag;
use super::findings::FindingList;
use super::CheckSection;
use crate::i18n::{lang, t};
use leptos::prelude::*;
use smarthost_core::i18n::format;
use smarthost_core::report::{Report, Section};

#[component]
pub fn DkimCard(report: Report, pending: bool) -> impl IntoView {
    let status = report.status(Section::Dkim);
    let findings: Vec<_> = report.findings_in(Section::Dkim).cloned().collect();
    let dkim = report.dkim;
    let domain = report.domain;
    view! {
        <CheckSection section=Section::Dkim status=status pending=pending>
            {(!pending).then(|| {
                let rows = dkim.selectors.clone().into_iter().map(|selector| {
                    let label = selector.selector.host_label();
                    let rule = selector.clone();
                    let key = selector.clone();
                    view! {
                        <div class="dkim-selector" data-selector=label data-rule=selector.rule_code() data-key=selector.key_code()>
                            <dl class="facts">
                                <dt>{t("ui.check.dkim-selector")}</dt>
                                <dd><code>{selector.name.clone()}</code> <DemoTag /></dd>
                                {selector.target().map(|target| view! {
                                    <dt>{t("ui.check.dkim-target")}</dt>
                                    <dd><code class="dkim-target">{target.to_owned()}</code> <DemoTag stand_in=smarthost_core::dns::demo::is_stand_in(target) /></dd>
                                })}
                                <dt>{t("ui.check.dkim-rule")}</dt>
                                <dd class="dkim-rule">{move || rule.rule(lang())}</dd>
                                {key.key_words(lang()).map(|_| {
                                    let key = key.clone();
                                    view! {
                                        <dt>{t("ui.check.dkim-key")}</dt>
                                        <dd class="dkim-key">{move || key.key_words(lang()).unwrap_or_default()}</dd>
                                    }
                                })}
                                {selector.key_record().map(|record| view! {
                                    <dt>{t("ui.check.dkim-record")}</dt>
                                    <dd><code class="record">{record.to_owned()}</code> <DemoTag stand_in=true /></dd>
                                })}
                            </dl>
                        </div>
                    }
                }).collect_view();
                let meaning = dkim.meaning.clone();
                let domain = domain.clone();
                view! {
                    {rows}
                    <dl class="facts">
                        {meaning.map(|m| view! {
                            <dt>{t("ui.check.dkim-meaning")}</dt>
                            <dd class="dkim-meaning">{move || m.render(lang())}</dd>
                        })}
                        <dt>{t("ui.check.dkim-where")}</dt>
                        <dd class="dkim-where">{move || format(lang(), "dkim.not-in-dns", &[("domain", &domain)])}</dd>
                    </dl>
                    <FindingList findings=findings.clone() />
                }
            })}
        </CheckSection>
    }
}
