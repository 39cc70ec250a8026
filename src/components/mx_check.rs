//! The domain field and the MX result. The domain and the resolver live in the URL query
//! (`?domain=..&doh=..`), so a link reproduces the check.

use crate::doh::AppResolver;
use crate::i18n::{t, text};
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use smarthost_core::dns::demo::DEMO_DOMAIN;
use smarthost_core::dns::{DomainName, ResolveError};
use smarthost_core::mx::{check_mx, MxReport};

/// What one run of the check produced.
#[derive(Clone)]
enum Outcome {
    Found { report: MxReport, source: String },
    Failed { error: ResolveError, source: String },
}

async fn run_check(domain: DomainName, doh_url: Option<String>) -> Outcome {
    let resolver = match AppResolver::for_domain(&domain, doh_url.as_deref()) {
        Ok(resolver) => resolver,
        Err(error) => {
            return Outcome::Failed {
                error,
                source: doh_url.unwrap_or_default(),
            }
        }
    };
    let source = resolver.source();
    match check_mx(&resolver, &domain).await {
        Ok(report) => Outcome::Found { report, source },
        Err(error) => Outcome::Failed { error, source },
    }
}

#[component]
pub fn MxCheck() -> impl IntoView {
    let query = use_query_map();
    let url_domain = move || query.read().get("domain").unwrap_or_default();
    let doh_url = move || query.read().get("doh");
    let (input, set_input) = signal(url_domain());
    let (input_error, set_input_error) = signal(None::<String>);

    // Keep the field in step with the URL (back/forward, shared links).
    Effect::new(move |_| set_input.set(url_domain()));

    let parsed = move || {
        let text = url_domain();
        (!text.trim().is_empty()).then(|| DomainName::parse(&text))
    };

    let result = LocalResource::new(move || {
        let target = parsed().and_then(Result::ok);
        let doh = doh_url();
        async move {
            match target {
                Some(domain) => Some(run_check(domain, doh).await),
                None => None,
            }
        }
    });

    let navigate = use_navigate();
    let submit_domain = move |text: String| {
        match DomainName::parse(&text) {
            Ok(_) => {
                set_input_error.set(None);
                navigate(
                    &query_with(&[("domain", Some(text.trim()))]),
                    Default::default(),
                );
            }
            // The field keeps what was typed; the message says what to change.
            Err(error) => set_input_error.set(Some(error.to_string())),
        }
    };
    let submit_form = submit_domain.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_form(input.get_untracked());
    };
    let on_demo = move |_| {
        set_input.set(DEMO_DOMAIN.to_owned());
        submit_domain(DEMO_DOMAIN.to_owned());
    };

    // A malformed domain in a shared link is reported like a typed one.
    let url_error = move || match parsed() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    };
    let shown_error = move || input_error.get().or_else(url_error);

    view! {
        <section class="mx-check" aria-labelledby="mx-check-heading">
            <h2 id="mx-check-heading">{t("ui.mx.heading")}</h2>
            <p>{t("ui.mx.intro")}</p>
            <form class="domain-form" on:submit=on_submit novalidate>
                <label for="domain-input">{t("ui.mx.domain-label")}</label>
                <div class="field-row">
                    <input
                        id="domain-input"
                        name="domain"
                        type="text"
                        inputmode="url"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="contoso.com"
                        aria-invalid=move || shown_error().is_some().to_string()
                        aria-describedby="domain-error"
                        prop:value=input
                        on:input=move |ev| {
                            set_input.set(event_target_value(&ev));
                            set_input_error.set(None);
                        }
                    />
                    <button type="submit">{t("ui.mx.check")}</button>
                    <button type="button" class="secondary" on:click=on_demo>
                        {t("ui.mx.demo")}
                    </button>
                </div>
                <p id="domain-error" class="field-error" role="alert">
                    {shown_error}
                </p>
            </form>
            <div class="check-result" aria-live="polite">
                <Transition fallback=|| view! { <p class="status">{t("ui.mx.checking")}</p> }>
                    {move || result.get().flatten().map(render_outcome)}
                </Transition>
            </div>
        </section>
    }
}

fn render_outcome(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Found { report, source } => render_report(report, source),
        Outcome::Failed { error, source } => view! {
            <div class="result could-not-check" data-testid="mx-result" data-status="could-not-check">
                <h3>{t("ui.mx.could-not-check")}</h3>
                <p>{error.to_string()}</p>
                <p>{t("ui.mx.nothing-about-records")} " " <code>{source}</code></p>
            </div>
        }
        .into_any(),
    }
}

fn render_report(report: MxReport, source: String) -> AnyView {
    let kind = report.kind;
    let status = if kind.is_microsoft() { "ok" } else { "warning" };
    let hosts = report.hosts.clone();
    view! {
        <div class="result" data-testid="mx-result" data-status=status data-kind=kind.as_str()>
            <h3>{move || text(&format!("mx.kind.{}", kind.as_str()))}</h3>
            {(!hosts.is_empty())
                .then(|| {
                    view! {
                        <table class="mx-hosts">
                            <caption>{t("ui.mx.records")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t("ui.mx.preference")}</th>
                                    <th scope="col">{t("ui.mx.host")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {hosts
                                    .into_iter()
                                    .map(|h| {
                                        view! {
                                            <tr>
                                                <td>{h.preference}</td>
                                                <td class="mx-host">{h.host}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            {match report.smart_host {
                Some(host) => view! {
                    <p class="smart-host">
                        {t("ui.mx.smart-host")} " " <strong>{host}</strong> {t("ui.mx.port-25")}
                    </p>
                }
                .into_any(),
                None if kind.is_microsoft() => ().into_any(),
                None => view! {
                    <p class="smart-host">{t("ui.mx.not-microsoft")}</p>
                }
                .into_any(),
            }}
            <p class="source">{t("ui.mx.answered-by")} " " {source}</p>
        </div>
    }
    .into_any()
}
