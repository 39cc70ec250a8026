//! Connector: the Exchange admin center steps as a checklist and the matching PowerShell,
//! built by core from the admin's values, which live in the URL. Who sends (`client`,
//! a device unless it says application) words the steps and the help: "the application"
//! for an application. The form asks only for the values the chosen kind uses; the
//! others stay in the URL, hidden, for when the admin switches back.
//!
//! Every field behaves alike: the steps follow what is typed at once, but a mistake in a
//! field shows only once the field is left, so nothing turns red mid-address.

use crate::components::code_block::CodeBlock;
use crate::components::radio_choice::RadioChoice;
use crate::i18n::{lang, t, text};
use crate::url_state::{pairs_of, query_with};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::{
    allow_legacy_tls, connector_steps, enable_smtp_auth_for_mailbox, reject_direct_send,
    ConnectorField, ConnectorInput, ConnectorKind, FieldError, TenantStep,
};
use smarthost_core::field_error::FieldProblem;
use smarthost_core::method::MethodId;
use smarthost_core::plan::{for_sender, Client};

/// The form's values as read from the URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Form {
    kind: String,
    name: String,
    ips: String,
    cert: String,
    domains: String,
    mailbox: String,
    cloud: String,
    /// `None` (absent or unknown) is a device.
    client: Option<Client>,
}

impl Form {
    fn from_search(search: &str) -> Form {
        let mut form = Form {
            kind: "relay-ip".to_owned(),
            ..Form::default()
        };
        for (key, value) in pairs_of(search) {
            match key.as_str() {
                "kind" => form.kind = value,
                // A plan's method picks the matching connector.
                "method" => {
                    if let Some(kind) = MethodId::parse(&value).and_then(ConnectorKind::for_method)
                    {
                        form.kind = kind.as_str().to_owned();
                    }
                }
                "name" => form.name = value,
                "ips" => form.ips = value,
                "cert" => form.cert = value,
                "domains" => form.domains = value,
                "mailbox" => form.mailbox = value,
                "cloud" => form.cloud = value,
                // The planner's link carries its answer as the same `client` value.
                "client" => form.client = Client::parse(&value),
                _ => {}
            }
        }
        form
    }

    /// The form key (and URL parameter) of the field core names in its errors.
    fn key_of(core_field: &str) -> &'static str {
        match core_field {
            "cert-name" => "cert",
            "sender-domains" => "domains",
            "name" => "name",
            _ => "ips",
        }
    }

    /// The connector kind chosen, the IP connector when the URL names none we know.
    fn connector_kind(&self) -> ConnectorKind {
        ConnectorKind::parse(&self.kind).unwrap_or(ConnectorKind::RelayIp)
    }

    /// Whether the chosen kind asks for the field with this form key (the mailbox, a
    /// tenant switch's value, is always asked for).
    fn asks_for(&self, key: &str) -> bool {
        let field = match key {
            "name" => ConnectorField::Name,
            "ips" => ConnectorField::Ips,
            "cert" => ConnectorField::CertName,
            "domains" => ConnectorField::SenderDomains,
            _ => return true,
        };
        self.connector_kind().uses(field)
    }

    /// The help under a field: the addresses only feed the SPF advice of a certificate
    /// connector, and its help says so.
    fn help_key(&self, key: &str, help: &'static str) -> &'static str {
        if key == "ips" && self.connector_kind() == ConnectorKind::RelayCert {
            "ui.connector.ips-help.relay-cert"
        } else {
            help
        }
    }

    fn set(&mut self, key: &str, value: String) {
        match key {
            "name" => self.name = value,
            "cert" => self.cert = value,
            "domains" => self.domains = value,
            "mailbox" => self.mailbox = value,
            _ => self.ips = value,
        }
    }

    fn value_of(&self, key: &str) -> &str {
        match key {
            "name" => &self.name,
            "cert" => &self.cert,
            "domains" => &self.domains,
            "mailbox" => &self.mailbox,
            _ => &self.ips,
        }
    }

    /// A value the connector needs but that is still empty is a prompt, not a mistake:
    /// a fresh form shows what to enter, never an error before anything is typed.
    fn is_prompt(&self, error: &FieldError) -> bool {
        matches!(error.problem, FieldProblem::Rule(_))
            && self.value_of(Form::key_of(error.field)).trim().is_empty()
    }

    fn input(&self) -> ConnectorInput {
        // The same list rules as every other list field: commas, semicolons or white
        // space between entries.
        let list = |text: &str| {
            smarthost_core::validate::list_items(text)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        ConnectorInput {
            name: (!self.name.trim().is_empty()).then(|| self.name.clone()),
            ips: list(&self.ips),
            cert_name: (!self.cert.trim().is_empty()).then(|| self.cert.clone()),
            sender_domains: list(&self.domains),
            cloud: Cloud::parse(&self.cloud).unwrap_or_default(),
            client: self.client,
        }
    }
}

#[component]
pub fn Connector() -> impl IntoView {
    let location = use_location();
    // The field being typed in and what it holds, until the reader leaves it; the URL
    // takes the value then.
    let (editing, set_editing) = signal(None::<(&'static str, String)>);
    let form = Memo::new(move |_| {
        let mut form = Form::from_search(&location.search.get());
        if let Some((key, value)) = editing.get() {
            form.set(key, value);
        }
        form
    });
    let navigate = use_navigate();
    let set = move |key: &'static str, value: String| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        let value = (!value.is_empty()).then_some(value);
        navigate(&query_with(&[(key, value.as_deref())]), options);
    };
    // A catalog text in the sender's words, re-worded when the sender or language changes.
    let worded = move |key: &'static str| move || text(&for_sender(key, form.get().client));
    // The steps are data: a language switch words them again without rebuilding them.
    let steps = Memo::new(move |_| {
        let form = form.get();
        connector_steps(form.connector_kind(), &form.input())
    });
    // A mistake is not one yet while its field is being typed in.
    let being_typed = move |error: &FieldError| {
        editing.with(|e| e.as_ref().map(|(key, _)| *key)) == Some(Form::key_of(error.field))
    };
    // The mistakes in what was typed (not the values still to enter), by form key.
    let mistakes = move || -> Vec<FieldError> {
        match steps.get() {
            Err(errors) => {
                let form = form.get();
                errors
                    .into_iter()
                    .filter(|e| !form.is_prompt(e) && !being_typed(e))
                    .collect()
            }
            Ok(_) => Vec::new(),
        }
    };
    let mistake_at = move |key: &'static str| {
        move || {
            mistakes()
                .into_iter()
                .find(|e| Form::key_of(e.field) == key)
                .map(|e| e.message(lang()))
        }
    };
    let set_field = set.clone();
    let field = move |key: &'static str,
                      label: &'static str,
                      help: &'static str,
                      value: fn(&Form) -> String| {
        let set = set_field.clone();
        let id = format!("connector-{key}");
        let help_id = format!("{id}-help");
        let error_id = format!("{id}-error");
        let error = mistake_at(key);
        let placeholder = (key == "mailbox").then(|| text("ui.connector.mailbox-placeholder"));
        // Leaving the field (or Enter, which submits) hands its value to the URL, and
        // its mistakes show from then on.
        let leave = move |value: String| {
            if editing.with_untracked(|e| e.as_ref().is_some_and(|(k, _)| *k == key)) {
                let stored = Form::from_search(&location.search.get_untracked());
                if stored.value_of(key) != value {
                    set(key, value);
                }
                set_editing.set(None);
            }
        };
        let leave_on_change = leave.clone();
        let help_text = move || {
            let form = form.get();
            text(&for_sender(form.help_key(key, help), form.client))
        };
        view! {
            <div class="field" hidden=move || !form.get().asks_for(key)>
                <label for=id.clone()>{t(label)}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    aria-describedby=format!("{help_id} {error_id}")
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || value(&form.get())
                    on:input=move |ev| set_editing.set(Some((key, event_target_value(&ev))))
                    on:change=move |ev| leave_on_change(event_target_value(&ev))
                    on:blur=move |ev| leave(event_target_value(&ev))
                />
                <p class="help" id=help_id>{help_text}</p>
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };
    let set_kind = set.clone();
    let kind_choice = move |kind: &'static str, label: &'static str| {
        let set = set_kind.clone();
        view! {
            <RadioChoice
                name="kind"
                value=kind
                checked=Signal::derive(move || form.get().kind == kind)
                on_choose=Callback::new(move |()| set("kind", kind.to_owned()))
            >
                <span>{worded(label)}</span>
            </RadioChoice>
        }
    };
    let client_choice = move |client: Client| {
        let set = set.clone();
        let label = format!("question.client.{}", client.id());
        // A device is the default, so it leaves the URL.
        let value = (client == Client::Application).then_some(client.id());
        view! {
            <RadioChoice
                name="client"
                value=client.id()
                checked=Signal::derive(move || form.get().client.unwrap_or(Client::Device) == client)
                on_choose=Callback::new(move |()| set("client", value.unwrap_or_default().to_owned()))
            >
                <span>{move || text(&label)}</span>
            </RadioChoice>
        }
    };

    // A link to one tenant step (the ranking's "Tenant step: …") lands on it, also when
    // it loads the page: the browser and the router look for the anchor before the
    // steps are in the page. The router's hash, not the address bar's: following a link
    // in the app draws the page before the address bar changes.
    Effect::new(move |_| {
        let hash = location.hash.get();
        if let Some(id) = hash
            .strip_prefix('#')
            .filter(|id| id.starts_with("tenant-"))
        {
            scroll_when_drawn(id.to_owned(), FRAMES_TO_WAIT);
        }
    });
    view! {
        <h1>{t("ui.connector.title")}</h1>
        <p class="lede">{t("ui.connector.lede")}</p>
        <form class="connector-form" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{t("question.client")}</legend>
                <div class="choices">
                    {client_choice(Client::Device)}
                    {client_choice(Client::Application)}
                </div>
            </fieldset>
            <fieldset>
                <legend>{t("ui.connector.kind")}</legend>
                <div class="choices">
                    {kind_choice("relay-ip", "ui.connector.kind.relay-ip")}
                    {kind_choice("relay-cert", "ui.connector.kind.relay-cert")}
                    {kind_choice("partner", "ui.connector.kind.partner")}
                </div>
            </fieldset>
            {field("name", "ui.connector.name", "ui.connector.name-help", |f| f.name.clone())}
            {field("ips", "ui.connector.ips", "ui.connector.ips-help", |f| f.ips.clone())}
            {field("cert", "ui.connector.cert", "ui.connector.cert-help", |f| f.cert.clone())}
            {field("domains", "ui.connector.domains", "ui.connector.domains-help", |f| f.domains.clone())}
        </form>
        <section class="connector-steps" aria-labelledby="steps-heading" aria-live="polite">
            <h2 id="steps-heading">{t("ui.connector.steps")}</h2>
            {move || match steps.get() {
                Err(errors) => {
                    let form = form.get();
                    let (prompts, mistakes): (Vec<_>, Vec<_>) = errors
                        .into_iter()
                        .filter(|e| !being_typed(e))
                        .partition(|e| form.is_prompt(e));
                    let any_mistake = !mistakes.is_empty();
                    view! {
                        // The live region wraps the list: a list keeps its own role.
                        <div class="field-errors" role="alert" hidden=!any_mistake>
                            {any_mistake.then(|| view! {
                                <p>{t("ui.connector.fix-first")}</p>
                                <ul>
                                    {mistakes
                                        .into_iter()
                                        .map(|e| view! {
                                            <li><strong>{t(label_of(Form::key_of(e.field)))}</strong> ": " {e.message(lang())}</li>
                                        })
                                        .collect_view()}
                                </ul>
                            })}
                        </div>
                        {prompts
                            .into_iter()
                            .map(|e| view! { <p class="connector-prompt" data-field=Form::key_of(e.field)>{e.message(lang())}</p> })
                            .collect_view()}
                    }
                    .into_any()
                }
                Ok(steps) => {
                    let steps = steps.in_lang(lang());
                    view! {
                    <h3>{t("ui.connector.eac")}</h3>
                    <ol class="checklist">
                        {steps
                            .eac
                            .into_iter()
                            .enumerate()
                            .map(|(n, step)| {
                                let id = format!("eac-step-{n}");
                                view! {
                                    <li>
                                        <input type="checkbox" id=id.clone() />
                                        <label for=id>{step}</label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    <h3>{t("ui.connector.powershell")}</h3>
                    {steps.powershell.into_iter().map(|c| view! { <CodeBlock code=c /> }).collect_view()}
                    <h3>{t("ui.connector.after")}</h3>
                    <ul>
                        {steps
                            .after
                            .into_iter()
                            .chain(steps.warnings)
                            .map(|a| view! { <li>{a}</li> })
                            .collect_view()}
                    </ul>
                    }
                    .into_any()
                }
            }}
        </section>
        <section aria-labelledby="tenant-heading">
            <h2 id="tenant-heading">{t("ui.connector.tenant")}</h2>
            {field("mailbox", "ui.connector.mailbox", "ui.connector.mailbox-help", |f| f.mailbox.clone())}
            {move || {
                let mailbox = form.get().mailbox.trim().to_owned();
                // No command for a placeholder mailbox: it would be copied and run as is.
                let smtp_auth = if mailbox.is_empty() {
                    view! {
                        <article class="tenant-step" id=crate::plan_links::step_anchor("enable-smtp-auth") data-step="enable-smtp-auth">
                            <h3>{t("tenant.enable-smtp-auth")}</h3>
                            <p class="connector-prompt">{t("ui.connector.mailbox-first")}</p>
                        </article>
                    }
                    .into_any()
                } else {
                    view! { <TenantStepView step=enable_smtp_auth_for_mailbox(&mailbox) /> }.into_any()
                };
                view! {
                    {smtp_auth}
                    {[allow_legacy_tls(), reject_direct_send()]
                        .into_iter()
                        .map(|step| view! { <TenantStepView step=step /> })
                        .collect_view()}
                }
            }}
        </section>
    }
}

/// How many frames to wait for an anchored step to be in the page.
const FRAMES_TO_WAIT: u32 = 30;

/// Scrolls to the element with `id` once it is in the page.
fn scroll_when_drawn(id: String, frames_left: u32) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        match element {
            Some(element) => element.scroll_into_view(),
            None if frames_left > 0 => scroll_when_drawn(id, frames_left - 1),
            None => {}
        }
    });
}

/// The catalog key of a form field's label, for naming it in the list of mistakes.
fn label_of(key: &str) -> &'static str {
    match key {
        "name" => "ui.connector.name",
        "cert" => "ui.connector.cert",
        "domains" => "ui.connector.domains",
        _ => "ui.connector.ips",
    }
}

#[component]
fn TenantStepView(step: TenantStep) -> impl IntoView {
    // Worded when shown, and again when the language changes.
    let (title, note) = (step.clone(), step.clone());
    view! {
        <article class="tenant-step" id=crate::plan_links::step_anchor(step.id) data-step=step.id>
            <h3>{move || title.title(lang())}</h3>
            {step.powershell.iter().cloned().map(|c| view! { <CodeBlock code=c /> }).collect_view()}
            <p>{move || note.note(lang())}</p>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Built field by field: reading a URL decodes it with the browser's function.
    fn form(kind: &str, fields: &[(&str, &str)]) -> Form {
        let mut form = Form {
            kind: kind.to_owned(),
            ..Form::default()
        };
        for (key, value) in fields {
            let value = (*value).to_owned();
            match *key {
                "name" => form.name = value,
                "cert" => form.cert = value,
                "domains" => form.domains = value,
                _ => form.ips = value,
            }
        }
        form
    }

    fn errors_of(form: &Form) -> Vec<FieldError> {
        let kind = ConnectorKind::parse(&form.kind).unwrap_or(ConnectorKind::RelayIp);
        connector_steps(kind, &form.input())
            .err()
            .unwrap_or_default()
    }

    #[test]
    fn a_fresh_form_only_prompts_and_what_was_typed_is_a_mistake() {
        let fresh = form("relay-ip", &[]);
        let errors = errors_of(&fresh);
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| fresh.is_prompt(e)), "{errors:?}");

        let typed = form("relay-ip", &[("ips", "192.168.1.20,2001:db8::1")]);
        let errors = errors_of(&typed);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors
            .iter()
            .all(|e| !typed.is_prompt(e) && Form::key_of(e.field) == "ips"));

        let cert = form("relay-cert", &[("cert", "bad_name!")]);
        assert!(errors_of(&cert)
            .iter()
            .any(|e| !cert.is_prompt(e) && Form::key_of(e.field) == "cert"));
    }

    #[test]
    fn every_field_core_names_is_a_field_of_the_form_with_its_label() {
        let fields = [
            ("ips", "ips", "ui.connector.ips"),
            ("cert-name", "cert", "ui.connector.cert"),
            ("sender-domains", "domains", "ui.connector.domains"),
            ("name", "name", "ui.connector.name"),
        ];
        for (core, key, label) in fields {
            assert_eq!(Form::key_of(core), key);
            assert_eq!(label_of(key), label);
        }
        let long_name = "x".repeat(300);
        let all_wrong = form(
            "partner",
            &[
                ("name", &long_name),
                ("cert", "bad_name!"),
                ("domains", "contoso..com"),
                ("ips", "10.0.0.0/8"),
            ],
        );
        let named: Vec<_> = errors_of(&all_wrong)
            .iter()
            .map(|e| Form::key_of(e.field))
            .collect();
        for key in ["name", "cert", "domains", "ips"] {
            assert!(named.contains(&key), "{key} in {named:?}");
        }
    }
}
