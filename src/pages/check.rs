//! DNS check: MX, SPF and DMARC of a domain for its devices, asked over DNS-over-HTTPS
//! from the browser. The inputs live in the URL (`domain`, `ip`, `method`, `cloud`,
//! `doh`), so a link reproduces the check; results stream in section by section.

use crate::check_run::{self, Progress, SharedResolver};
use crate::components::check::{
    dmarc_card::DmarcCard,
    mx_card::MxCard,
    paste::{PasteRecords, PasteState},
    progress::RunProgress,
    spf_card::SpfCard,
    whatif::WhatIf,
};
use crate::doh::AppResolver;
use crate::i18n::{lang, t, text, tf};
use crate::settings::ResolverSetting;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use smarthost_core::cloud::Cloud;
use smarthost_core::dns::demo::DEMO_DOMAIN;
use smarthost_core::dns::{DomainName, NameError, ResolveError};
use smarthost_core::method::MethodId;
use smarthost_core::report::{CheckRequest, Report, Section};
use smarthost_core::validate;
use std::net::Ipv4Addr;

/// Where the current run is.
#[derive(Clone)]
pub enum RunState {
    Idle,
    /// Started; the report so far once the first section is in.
    Running(Option<Report>),
    Done(Report),
    Cancelled,
    /// No resolver could be set up (a bad or forbidden DoH URL); nothing was asked. Kept
    /// as the error so its message follows the page's language.
    NoResolver(ResolveError),
}

/// What a run needs, once the inputs are valid.
#[derive(Clone, PartialEq)]
pub struct CheckTarget {
    pub domain: DomainName,
    pub ips: Vec<Ipv4Addr>,
    pub method: Option<MethodId>,
    pub cloud: Option<Cloud>,
    pub doh: Option<String>,
    /// The resolver the link's sender used (`resolver=` parameter).
    pub resolver: Option<String>,
}

impl CheckTarget {
    pub fn request(&self, draft: Option<String>) -> CheckRequest {
        CheckRequest {
            domain: self.domain.clone(),
            ips: self.ips.clone(),
            method: self.method,
            cloud: self.cloud,
            draft,
        }
    }
}

/// Why the typed or linked inputs cannot run. Kept unlocalized so a message shown
/// follows the page's language when it changes.
#[derive(Clone, PartialEq)]
enum InputError {
    Domain(NameError),
    /// The first device IP entry that is not an IPv4 address (core splits and parses
    /// the list as typed).
    Ips(String),
}

impl InputError {
    fn is_domain(&self) -> bool {
        matches!(self, InputError::Domain(_))
    }

    /// The message in the page's language (reactive).
    fn message(&self) -> String {
        match self {
            InputError::Domain(error) => error.message(lang()),
            InputError::Ips(bad) => tf("ui.check.bad-ip", &[("ip", bad)]),
        }
    }
}

#[component]
pub fn Check() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let url_domain = Memo::new(move |_| param("domain"));
    let url_ips = Memo::new(move |_| param("ip"));
    let url_method = Memo::new(move |_| param("method"));
    // None when not chosen: the report then follows the MX host.
    let url_cloud = Memo::new(move |_| Cloud::parse(&param("cloud")));
    let url_doh = Memo::new(move |_| query.read().get("doh"));

    // The form keeps what was typed; the URL changes only on a valid submit.
    let (domain_input, set_domain_input) = signal(url_domain.get_untracked());
    let (ips_input, set_ips_input) = signal(url_ips.get_untracked());
    let (method_input, set_method_input) = signal(url_method.get_untracked());
    let (domain_error, set_domain_error) = signal(None::<InputError>);
    let (ips_error, set_ips_error) = signal(None::<InputError>);
    Effect::new(move |_| set_domain_input.set(url_domain.get()));
    Effect::new(move |_| set_ips_input.set(url_ips.get()));
    Effect::new(move |_| set_method_input.set(url_method.get()));

    // The target the URL describes, or the message that explains why it cannot run.
    let target = Memo::new(move |_| {
        let domain = url_domain.get();
        if domain.trim().is_empty() {
            return None;
        }
        let domain = DomainName::parse(&domain).map_err(InputError::Domain);
        let ips = validate::parse_ipv4_list(&url_ips.get()).map_err(InputError::Ips);
        Some(domain.and_then(|domain| {
            Ok(CheckTarget {
                domain,
                ips: ips?,
                method: MethodId::parse(url_method.get().trim()),
                cloud: url_cloud.get(),
                doh: url_doh.get(),
                resolver: query.read().get("resolver"),
            })
        }))
    });
    let link_error = move |domain_field: bool| match target.get() {
        Some(Err(error)) if error.is_domain() == domain_field => Some(error),
        _ => None,
    };

    let state = RwSignal::new(RunState::Idle);
    let progress = Progress::new();
    let generation = StoredValue::new(0_u64);
    let controller = StoredValue::new_local(None::<web_sys::AbortController>);
    let resolver = StoredValue::new_local(None::<SharedResolver>);
    let source = RwSignal::new(String::new());
    let pasted = PasteState::new();

    let stop_network = move || {
        if let Some(c) = controller.get_value() {
            c.abort();
        }
        progress.in_flight.set(Vec::new());
    };
    let start = move |target: CheckTarget, pasted: Option<AppResolver>| {
        stop_network();
        generation.update_value(|g| *g += 1);
        let this_run = generation.get_value();
        progress.reset();
        let abort = web_sys::AbortController::new().ok();
        controller.set_value(abort.clone());
        let app_resolver = match pasted {
            Some(pasted) => Ok(pasted),
            None => AppResolver::for_domain(
                &target.domain,
                target.doh.as_deref(),
                target.resolver.as_deref().and_then(ResolverSetting::decode),
                abort.map(|c| c.signal()),
            ),
        };
        let shared = match app_resolver {
            Ok(r) => check_run::shared(r, progress),
            Err(error) => {
                state.set(RunState::NoResolver(error));
                return;
            }
        };
        source.set(check_run::source(&shared));
        resolver.set_value(Some(shared.clone()));
        state.set(RunState::Running(None));
        let request = target.request(None);
        leptos::task::spawn_local(async move {
            let current = move || generation.get_value() == this_run;
            let mut on_partial = |partial: &Report| {
                if current() {
                    state.set(RunState::Running(Some(partial.clone())));
                }
            };
            let report = check_run::run(&shared, &request, &mut on_partial).await;
            if current() {
                state.set(RunState::Done(report));
            }
        });
    };
    let cancel = move |_| {
        generation.update_value(|g| *g += 1);
        stop_network();
        state.set(RunState::Cancelled);
    };

    // Every valid target in the URL runs. The report is data, worded when shown, so a
    // language switch re-renders it and asks the network nothing. Records pasted for
    // its domain stay the source; another domain starts afresh.
    Effect::new(move |_| match target.get() {
        Some(Ok(target)) if pasted.is_checking(&target.domain) => {
            let records = pasted.resolver(&target.domain);
            start(target, Some(records));
        }
        Some(Ok(target)) => {
            pasted.follow(&target.domain);
            start(target, None);
        }
        _ => {
            generation.update_value(|g| *g += 1);
            stop_network();
            state.set(RunState::Idle);
        }
    });

    let navigate = use_navigate();
    let submit = {
        let navigate = navigate.clone();
        move |domain: String, ips: String, method: String| {
            let domain_ok = DomainName::parse(&domain);
            let ips_ok = validate::parse_ipv4_list(&ips);
            set_domain_error.set(domain_ok.as_ref().err().cloned().map(InputError::Domain));
            set_ips_error.set(ips_ok.as_ref().err().cloned().map(InputError::Ips));
            if domain_ok.is_ok() && ips_ok.is_ok() {
                let ips = ips.trim();
                let method = method.trim();
                navigate(
                    &query_with(&[
                        ("domain", Some(domain.trim())),
                        ("ip", (!ips.is_empty()).then_some(ips)),
                        ("method", (!method.is_empty()).then_some(method)),
                    ]),
                    Default::default(),
                );
            }
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

    let running = move || matches!(state.get(), RunState::Running(_));
    let report = move || match state.get() {
        RunState::Running(Some(report)) | RunState::Done(report) => Some(report),
        _ => None,
    };
    let finished = move || match state.get() {
        RunState::Done(report) => Some(report),
        _ => None,
    };
    let on_paste = move |records: AppResolver| {
        if let Some(Ok(target)) = target.get_untracked() {
            start(target, Some(records));
        }
    };
    let location = use_location();
    // The address of this check, with the resolver in use so the link reproduces it.
    let check_link = move || {
        let _ = location.search.get();
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let Ok(url) = web_sys::Url::new(&href) else {
            return href;
        };
        let params = url.search_params();
        let setting = crate::settings::load();
        if !params.has("doh")
            && !params.has("resolver")
            && setting != ResolverSetting::CloudflareWire
        {
            params.set("resolver", &setting.encode());
            url.set_search(&String::from(params.to_string()));
        }
        url.href()
    };

    view! {
        <h1>{t("ui.check.title")}</h1>
        <p class="lede">{t("ui.check.lede")}</p>
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
                    aria-invalid=move || shown_ips_error().is_some().to_string()
                    aria-describedby="ips-help ips-error"
                    prop:value=ips_input
                    on:input=move |ev| {
                        set_ips_input.set(event_target_value(&ev));
                        set_ips_error.set(None);
                    }
                />
                <p id="ips-help" class="help">{t("ui.check.ips-help")}</p>
                <p id="ips-error" class="field-error" aria-live="polite">{shown_ips_error}</p>
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
                <Show when=running>
                    <button type="button" class="secondary" on:click=cancel>{t("ui.check.cancel")}</button>
                </Show>
            </div>
        </form>
        <div class="check-status" role="status">
            {move || match state.get() {
                RunState::Running(_) => view! { <RunProgress progress=progress /> }.into_any(),
                RunState::Cancelled => view! { <p class="notice">{t("ui.check.cancelled")}</p> }.into_any(),
                _ => ().into_any(),
            }}
        </div>
        {move || match state.get() {
            RunState::NoResolver(error) => view! {
                <div class="result could-not-check" data-testid="mx-result" data-status="could-not-check">
                    <h2>{t("ui.mx.could-not-check")}</h2>
                    <p>{move || error.message(lang())}</p>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        }}
        {move || report().map(|report| {
            // The cards word the report in the page's language: a switch re-renders
            // them from the report held here.
            let _language = lang();
            let pending = report.pending.clone();
            let mx_pending = pending.contains(&smarthost_core::report::Stage::Mx);
            let spf_pending = pending.contains(&smarthost_core::report::Stage::Spf);
            let dmarc_pending = pending.contains(&smarthost_core::report::Stage::Dmarc);
            let device_findings: Vec<_> = report.findings_in(Section::Devices).cloned().collect();
            view! {
                <div class="check-results">
                    {(!device_findings.is_empty()).then(|| view! {
                        <crate::components::check::findings::FindingList findings=device_findings />
                    })}
                    <MxCard report=report.clone() pending=mx_pending source=source.get_untracked() />
                    <SpfCard report=report.clone() pending=spf_pending />
                    <DmarcCard report=report.clone() pending=dmarc_pending />
                </div>
            }
        })}
        {move || finished().map(|report| {
            let target = target.get_untracked().and_then(Result::ok);
            let shared = resolver.get_value();
            let nothing = report.nothing_answered();
            // In paste mode: what the check asked that nothing pasted answers.
            let needed = shared.as_ref().map_or_else(Vec::new, |shared| match &shared.inner().inner {
                AppResolver::Pasted(records) => records.still_needed(),
                _ => Vec::new(),
            });
            let paste_mode = target.as_ref().is_some_and(|target| pasted.is_checking(&target.domain));
            view! {
                {match (target.clone(), shared) {
                    (Some(target), Some(shared)) if report.spf.tree.is_some() && !nothing => view! {
                        <WhatIf report=report.clone() target=target resolver=shared />
                    }.into_any(),
                    _ => ().into_any(),
                }}
                {target.map(|target| view! {
                    <PasteRecords
                        domain=target.domain.clone()
                        state=pasted
                        open=nothing || paste_mode
                        unreachable=nothing && !paste_mode
                        needed=needed.clone()
                        on_records=on_paste
                    />
                })}
                <section class="check-actions" aria-labelledby="check-link-heading">
                    <h2 id="check-link-heading">{t("ui.check.link")}</h2>
                    <crate::components::code_block::CodeBlock code=check_link() />
                    {report.mx.smart_host.clone().map(|host| {
                        let href = add_to_card_href(
                            &report.domain,
                            &host,
                            report.cloud,
                            &url_method.get_untracked(),
                            &url_ips.get_untracked(),
                            &location.search.get_untracked(),
                        );
                        view! { <p><a class="button-link" href=href rel="external">{t("ui.check.add-to-card")}</a></p> }
                    })}
                </section>
            }
        })}
    }
}

/// The Cards screen with a new device prefilled from this check (its language kept).
/// The Cards screen with a device filled in from this check, in the cloud the report
/// followed (the one chosen, or the one the MX host names).
fn add_to_card_href(
    domain: &str,
    smart_host: &str,
    cloud: Cloud,
    method: &str,
    ips: &str,
    search: &str,
) -> String {
    let method = match method.trim() {
        "" => "direct-send",
        chosen => chosen,
    };
    let first_ip = validate::list_items(ips).next();
    let query = crate::url_state::query_with_in(
        &crate::url_state::carried_query(search),
        &[
            ("add", Some("1")),
            ("domain", Some(domain)),
            ("smart_host", Some(smart_host)),
            ("method", Some(method)),
            ("cloud", Some(cloud.id())),
            ("ip", first_ip),
        ],
    );
    crate::base_path::href(&format!("/cards/{query}"))
}
