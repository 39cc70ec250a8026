//! The check's form: domain, device addresses and method. It keeps what was typed; the
//! URL changes only on a valid submit, and the page runs what the URL says.

use super::inputs::{self, CheckTarget, InputError};
use super::run::CheckRun;
use crate::i18n::{t, text};
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use smarthost_core::dns::demo::DEMO_DOMAIN;
use smarthost_core::method::MethodId;
use smarthost_core::report::{Section, Severity};

#[component]
pub fn CheckForm(
    url_domain: Memo<String>,
    url_ips: Memo<String>,
    url_method: Memo<String>,
    /// The URL's target, whose error is shown under its field until one is typed.
    target: Memo<Option<Result<CheckTarget, InputError>>>,
    run: CheckRun,
) -> impl IntoView {
    let (domain_input, set_domain_input) = signal(url_domain.get_untracked());
    let (ips_input, set_ips_input) = signal(url_ips.get_untracked());
    let (method_input, set_method_input) = signal(url_method.get_untracked());
    let (domain_error, set_domain_error) = signal(None::<InputError>);
    let (ips_error, set_ips_error) = signal(None::<InputError>);
    Effect::new(move |_| set_domain_input.set(url_domain.get()));
    Effect::new(move |_| set_ips_input.set(url_ips.get()));
    Effect::new(move |_| set_method_input.set(url_method.get()));
    let link_error = move |domain_field: bool| match target.get() {
        Some(Err(error)) if error.is_domain() == domain_field => Some(error),
        _ => None,
    };

    let navigate = use_navigate();
    let submit = move |domain: String, ips: String, method: String| match inputs::submitted(
        &domain, &ips, &method,
    ) {
        Ok(query) => {
            set_domain_error.set(None);
            set_ips_error.set(None);
            // A what-if draft belongs to its domain's record: another domain starts
            // from its own.
            let mut updates = query.to_vec();
            if !domain
                .trim()
                .eq_ignore_ascii_case(url_domain.get_untracked().trim())
            {
                updates.push(("draft", None));
            }
            navigate(&query_with(&updates), Default::default());
        }
        Err(errors) => {
            set_domain_error.set(errors.domain);
            set_ips_error.set(errors.ips);
            // The address follows what was typed: the page then runs nothing and the
            // previous results and link leave with the input they belonged to.
            navigate(
                &query_with(&inputs::as_typed(&domain, &ips, &method)),
                Default::default(),
            );
        }
    };
    let submit_form = submit.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_form(
            domain_input.get_untracked(),
            ips_input.get_untracked(),
            method_input.get_untracked(),
        );
    };
    let on_demo = move |_| {
        set_domain_input.set(DEMO_DOMAIN.to_owned());
        submit(
            DEMO_DOMAIN.to_owned(),
            ips_input.get_untracked(),
            method_input.get_untracked(),
        );
    };
    let shown_domain_error = move || {
        domain_error
            .get()
            .or_else(|| link_error(true))
            .map(|e| e.message())
    };
    let shown_ips_error = move || {
        ips_error
            .get()
            .or_else(|| link_error(false))
            .map(|e| e.message())
    };
    // What the check found about the addresses themselves (a private IP) belongs at
    // their field, and marks it invalid like a malformed address.
    let device_findings = move || {
        run.report()
            .map(|report| {
                report
                    .findings_in(Section::Devices)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let ips_invalid = move || {
        shown_ips_error().is_some()
            || device_findings()
                .iter()
                .any(|f| f.severity == Severity::Error)
    };

    view! {
        <form class="check-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="domain-input">{t("ui.mx.domain-label")}</label>
                <input
                    id="domain-input"
                    name="domain"
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="contoso.com"
                    aria-invalid=move || shown_domain_error().is_some().to_string()
                    aria-describedby="domain-error"
                    prop:value=domain_input
                    on:input=move |ev| {
                        set_domain_input.set(event_target_value(&ev));
                        set_domain_error.set(None);
                    }
                />
                <p id="domain-error" class="field-error" role="alert">{shown_domain_error}</p>
            </div>
            <div class="field">
                <label for="ips-input">{t("ui.check.ips-label")}</label>
                <input
                    id="ips-input"
                    name="ip"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="203.0.113.25"
                    aria-invalid=move || ips_invalid().to_string()
                    aria-describedby="ips-help ips-error ips-findings"
                    prop:value=ips_input
                    on:input=move |ev| {
                        set_ips_input.set(event_target_value(&ev));
                        set_ips_error.set(None);
                    }
                />
                <p id="ips-help" class="help">{t("ui.check.ips-help")}</p>
                <p id="ips-error" class="field-error" aria-live="polite">{shown_ips_error}</p>
                <div id="ips-findings" class="field-findings">
                    {move || {
                        let findings = device_findings();
                        // Only a run has findings, and its module draws them (with their
                        // words: crates/core/messages/later.txt).
                        (!findings.is_empty()).then(|| Suspend::new(async move {
                            super::results::findings_view(findings).await.unwrap_or_else(|_| ().into_any())
                        }))
                    }}
                </div>
            </div>
            <div class="field">
                <label for="method-input">{t("ui.check.method-label")}</label>
                <select
                    id="method-input"
                    prop:value=method_input
                    on:change=move |ev| set_method_input.set(event_target_value(&ev))
                >
                    <option value="">{t("ui.check.method-any")}</option>
                    {MethodId::ALL
                        .into_iter()
                        .map(|m| view! { <option value=m.as_str()>{move || text(&m.key("name"))}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field-row">
                <button type="submit">{t("ui.mx.check")}</button>
                <button type="button" class="secondary" on:click=on_demo>{t("ui.mx.demo")}</button>
                <Show when=move || run.running()>
                    <button type="button" class="secondary" on:click=move |_| run.cancel()>{t("ui.check.cancel")}</button>
                </Show>
            </div>
        </form>
    }
}
