//! Findings as a list: what is wrong and the fix, most severe first.

use crate::i18n::t;
use leptos::prelude::*;
use smarthost_core::report::{Finding, Severity};

#[component]
pub fn FindingList(findings: Vec<Finding>) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        view! {
            <ul class="findings">
                {findings
                    .into_iter()
                    .map(|f| {
                        let severity = match f.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                            Severity::Info => "info",
                        };
                        view! {
                            <li class=format!("finding {severity}") data-code=f.code>
                                <p class="finding-message">{f.message}</p>
                                {(!f.fix.is_empty()).then(|| view! {
                                    <p class="finding-fix"><strong>{t("ui.check.fix")}</strong> " " {f.fix}</p>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
