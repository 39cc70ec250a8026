//! MX: where the domain receives mail, and the smart host Direct Send and relay use.

use super::demo_tag::DemoTag;
use super::findings::FindingList;
use super::CheckSection;
use crate::components::code_block::CodeBlock;
use crate::components::wrapping_text::WrappingText;
use crate::i18n::{t, text};
use leptos::prelude::*;
use smarthost_core::report::{cloud_line, Report, Section};

#[component]
pub fn MxCard(report: Report, pending: bool, source: String) -> impl IntoView {
    let status = report.status(Section::Mx);
    let findings: Vec<_> = report.findings_in(Section::Mx).cloned().collect();
    let mx = report.mx;
    let kind = mx.kind.map(|k| k.as_str()).unwrap_or("unknown");
    let heading = mx.kind.map(|k| text(&format!("mx.kind.{}", k.as_str())));
    let is_microsoft = mx.kind.is_some_and(|k| k.is_microsoft());
    let (cloud, cloud_source) = (report.cloud, report.cloud_source);
    view! {
        <CheckSection section=Section::Mx status=status pending=pending kind=kind testid="mx-result">
            {(!pending).then(|| view! {
                {heading.map(|h| view! { <h3>{h}</h3> })}
                {(!mx.hosts.is_empty()).then(|| view! {
                    <table class="mx-hosts">
                        <caption>{t("ui.mx.records")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("ui.mx.preference")}</th>
                                <th scope="col">{t("ui.mx.host")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {mx.hosts.iter().map(|h| view! {
                                <tr><td>{h.preference}</td><td class="mx-host"><WrappingText text=h.host.clone() /> <DemoTag stand_in=smarthost_core::dns::demo::is_stand_in(&h.host) /></td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
                {match mx.smart_host.clone() {
                    Some(host) => view! {
                        <p class="smart-host">{t("ui.mx.smart-host")} " " <strong class="host"><WrappingText text=host.clone() /></strong> {t("ui.mx.port-25")} <DemoTag stand_in=smarthost_core::dns::demo::is_stand_in(&host) /></p>
                        <CodeBlock code=host />
                    }.into_any(),
                    None if mx.kind.is_some() && !is_microsoft => view! {
                        <p class="smart-host">{t("ui.mx.not-microsoft")}</p>
                    }.into_any(),
                    None => ().into_any(),
                }}
                <p class="cloud-source" data-testid="cloud-source" data-cloud=cloud.id() data-cloud-source=cloud_source.id()>
                    {move || cloud_line(cloud, cloud_source, crate::i18n::lang())}
                </p>
                <FindingList findings=findings.clone() />
                // Either the resolver failed or it answered; never both lines.
                {if status == smarthost_core::report::Status::CouldNotCheck {
                    view! { <p>{t("ui.mx.nothing-about-records")} " " <code>{source.clone()}</code></p> }.into_any()
                } else {
                    view! { <p class="source">{t("ui.mx.answered-by")} " " {source.clone()}</p> }.into_any()
                }}
            })}
        </CheckSection>
    }
}
