//! Settings: the interface language and the DNS-over-HTTPS resolver of the DNS check.

use crate::components::radio_choice::RadioChoice;
use crate::i18n::{lang, remember, t};
use crate::settings::ResolverSetting;
use crate::url_state::query_with;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use smarthost_core::dns::{
    DohFormat, DohResolver, HttpResponse, HttpTransport, NetworkFailure, ResolveError,
    TransportError,
};
use smarthost_core::i18n::Lang;

/// Validating a custom URL needs no network: the resolver is only built, never used.
struct NoTransport;

impl HttpTransport for NoTransport {
    async fn get(&self, _: &str, _: &str) -> Result<HttpResponse, TransportError> {
        Err(TransportError::Network(NetworkFailure::NoResolver))
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let navigate = use_navigate();
    let set_lang = move |choice: Lang| {
        remember(choice);
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&query_with(&[("lang", Some(choice.code()))]), options);
    };

    let (resolver, set_resolver) = signal(crate::settings::load());
    let initial_custom = match resolver.get_untracked() {
        ResolverSetting::Custom { url, format } => (url, format == DohFormat::Json),
        _ => (String::new(), false),
    };
    let (custom_url, set_custom_url) = signal(initial_custom.0);
    let (custom_json, set_custom_json) = signal(initial_custom.1);
    // The error, not its text, so the message follows the page's language.
    let (custom_error, set_custom_error) = signal(None::<ResolveError>);
    let (saved, set_saved) = signal(false);

    let choose = move |setting: ResolverSetting| {
        crate::settings::save(&setting);
        set_resolver.set(setting);
        set_saved.set(true);
    };
    let save_custom = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = custom_url.get_untracked().trim().to_owned();
        let format = if custom_json.get_untracked() {
            DohFormat::Json
        } else {
            DohFormat::Wire
        };
        let built = DohResolver::new(&url, format, NoTransport).and_then(|resolver| {
            match crate::csp::blocked_origin(&url) {
                Some(origin) => Err(ResolveError::NotAllowed(origin)),
                None => Ok(resolver),
            }
        });
        match built {
            Ok(_) => {
                set_custom_error.set(None);
                choose(ResolverSetting::Custom { url, format });
            }
            Err(e) => {
                // "Saved" would speak of the previous choice under this refusal.
                set_saved.set(false);
                set_custom_error.set(Some(e));
            }
        }
    };

    let lang_choice = move |choice: Lang, label: &'static str| {
        let set_lang = set_lang.clone();
        view! {
            <RadioChoice
                name="lang"
                value=choice.code()
                checked=Signal::derive(move || lang() == choice)
                on_choose=Callback::new(move |()| set_lang(choice))
            >
                <span lang=choice.code()>{label}</span>
            </RadioChoice>
        }
    };
    let preset = move |setting: ResolverSetting, key: &'static str| {
        let id = setting.id();
        let chosen = setting.clone();
        view! {
            <RadioChoice
                name="resolver"
                value=id
                checked=Signal::derive(move || resolver.get().id() == id)
                on_choose=Callback::new(move |()| choose(chosen.clone()))
            >
                <span>{t(key)}</span>
            </RadioChoice>
        }
    };

    view! {
        <h1>{t("ui.settings.title")}</h1>
        <section aria-labelledby="lang-heading">
            <h2 id="lang-heading">{t("ui.settings.language")}</h2>
            <fieldset>
                <legend class="visually-hidden">{t("ui.settings.language")}</legend>
                <div class="choices">
                    {lang_choice(Lang::En, "English")}
                    {lang_choice(Lang::Vi, "Tiếng Việt")}
                </div>
            </fieldset>
        </section>
        <section aria-labelledby="resolver-heading">
            <h2 id="resolver-heading">{t("ui.settings.resolver")}</h2>
            <p>{t("ui.settings.resolver-help")}</p>
            <fieldset>
                <legend class="visually-hidden">{t("ui.settings.resolver")}</legend>
                <div class="choices">
                    {preset(ResolverSetting::CloudflareWire, "ui.settings.cloudflare-wire")}
                    {preset(ResolverSetting::CloudflareJson, "ui.settings.cloudflare-json")}
                    {preset(ResolverSetting::GoogleWire, "ui.settings.google-wire")}
                    {preset(ResolverSetting::GoogleJson, "ui.settings.google-json")}
                </div>
            </fieldset>
            <form class="custom-resolver" on:submit=save_custom novalidate>
                <label for="custom-url">{t("ui.settings.custom-url")}</label>
                <div class="field-row">
                    <input
                        id="custom-url"
                        type="url"
                        placeholder="https://dns.example.net/dns-query"
                        aria-describedby="custom-error"
                        aria-invalid=move || custom_error.get().is_some().to_string()
                        prop:value=custom_url
                        on:input=move |ev| set_custom_url.set(event_target_value(&ev))
                    />
                    <label class="inline">
                        <input
                            type="checkbox"
                            prop:checked=custom_json
                            on:change=move |ev| set_custom_json.set(event_target_checked(&ev))
                        />
                        {t("ui.settings.custom-json")}
                    </label>
                    <button type="submit">{t("ui.settings.use-custom")}</button>
                </div>
                <p id="custom-error" class="field-error" role="alert">{move || custom_error.get().map(|e| e.message(lang()))}</p>
            </form>
            <p class="status" role="status">
                {move || saved.get().then(|| t("ui.settings.saved")())}
            </p>
        </section>
    }
}
