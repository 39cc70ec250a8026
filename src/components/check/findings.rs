//! Findings as a list: what is wrong and the fix, most severe first.

use crate::i18n::{lang, t};
use leptos::prelude::*;
use smarthost_core::report::Finding;

#[component]
pub fn FindingList(findings: Vec<Finding>) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        view! {
            <ul class="findings">
                {findings
                    .into_iter()
                    .map(|f| {
                        let severity = f.severity.as_str();
                        let code = f.code;
                        let finding = StoredValue::new(f);
                        let fix = move || finding.with_value(|f| f.fix(lang()));
                        view! {
                            <li class=format!("finding {severity}") data-code=code>
                                <p class="finding-message">{move || finding.with_value(|f| f.message(lang()))}</p>
                                {move || (!fix().is_empty()).then(|| view! {
                                    <p class="finding-fix"><strong>{t("ui.check.fix")}</strong> " " {fix}</p>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
