//! Explain a bounce: the admin pastes a non-delivery report, a device's SMTP log line or
//! the error a device shows; core's `bounce::explain` finds the codes and the known
//! bounces, and this screen words them with links to the card, the connector steps or
//! the DNS check, filled in with what the text names. The method lives in the URL, and
//! so does a short paste (`text=`, up to [`URL_TEXT_MAX`] bytes) so a link reproduces
//! the page; a long NDR stays in the page only.

mod links;

use crate::i18n::{lang, t, text, tf};
use crate::url_state::{carried_query, pairs_of, query_with};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use smarthost_core::bounce::{explain, Link, WordedMatch};
use smarthost_core::method::MethodId;

/// The longest paste kept in the address, in bytes.
const URL_TEXT_MAX: usize = 500;

/// The methods whose fixes differ (core's routes), as the method choice offers them.
const METHODS: [MethodId; 4] = [
    MethodId::ClientSubmission,
    MethodId::DirectSend,
    MethodId::RelayIp,
    MethodId::RelayCert,
];

fn query_value(search: &str, key: &str) -> Option<String> {
    pairs_of(search)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

#[component]
pub fn Explain() -> impl IntoView {
    let location = use_location();
    let (pasted, set_pasted) =
        signal(query_value(&location.search.get_untracked(), "text").unwrap_or_default());
    let method = Memo::new(move |_| {
        query_value(&location.search.get(), "method")
            .and_then(|m| MethodId::parse(&m))
            .filter(|m| METHODS.contains(m))
    });
    let explanation = Memo::new(move |_| explain(&pasted.get(), method.get()));
    let navigate = use_navigate();
    let set_query = move |key: &'static str, value: Option<String>| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&query_with(&[(key, value.as_deref())]), options);
    };
    let set_text = set_query.clone();
    // On change (not on each key): a short paste goes into the address, a long one leaves it.
    let sync_text = move |value: String| {
        let kept = (!value.trim().is_empty() && value.len() <= URL_TEXT_MAX).then_some(value);
        set_text("text", kept);
    };
    let method_option = move |id: Option<MethodId>| {
        let value = id.map_or("", MethodId::as_str);
        let label =
            move || id.map_or_else(|| text("ui.explain.method-any"), |m| text(&m.key("name")));
        view! { <option value=value selected=move || method.get() == id>{label}</option> }
    };

    view! {
        <h1>{t("ui.explain.title")}</h1>
        <p class="lede">{t("ui.explain.intro")}</p>
        <form class="explain-form" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="explain-text">{t("ui.explain.paste")}</label>
                <textarea
                    id="explain-text"
                    rows="8"
                    spellcheck="false"
                    aria-describedby="explain-text-help"
                    prop:value=move || pasted.get()
                    on:input=move |ev| set_pasted.set(event_target_value(&ev))
                    on:change=move |ev| sync_text(event_target_value(&ev))
                ></textarea>
                <p class="help" id="explain-text-help">{t("ui.explain.paste-help")}</p>
            </div>
            <div class="field">
                <label for="explain-method">{t("ui.explain.method")}</label>
                <select
                    id="explain-method"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set_query("method", (!value.is_empty()).then_some(value));
                    }
                >
                    {method_option(None)}
                    {METHODS.into_iter().map(|m| method_option(Some(m))).collect::<Vec<_>>()}
                </select>
            </div>
        </form>
        <section class="explanation" aria-labelledby="explain-results" aria-live="polite">
            <h2 id="explain-results">{t("ui.explain.results")}</h2>
            {move || {
                if pasted.get().trim().is_empty() {
                    return view! { <p class="status">{t("ui.explain.empty")}</p> }.into_any();
                }
                let worded = explanation.get().in_lang(lang());
                let codes = (!worded.codes.is_empty())
                    .then(|| tf("bounce.codes", &[("codes", &worded.codes.join(", "))]));
                let values = [
                    (!worded.ips.is_empty()).then(|| tf("bounce.ips", &[("ips", &worded.ips.join(", "))])),
                    (!worded.domains.is_empty())
                        .then(|| tf("bounce.domains", &[("domains", &worded.domains.join(", "))])),
                ];
                view! {
                    {codes.map(|line| view! { <p class="codes-found">{line}</p> })}
                    {worded.matches.into_iter().map(|found| view! { <Bounce found=found /> }).collect_view()}
                    <ul class="explain-notes">
                        {worded.notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
                        {values.into_iter().flatten().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// One known bounce: its code, what happened, why, what to change, and its links.
#[component]
fn Bounce(found: WordedMatch) -> impl IntoView {
    let location = use_location();
    let heading_id = format!("bounce-{}", found.id);
    let labelled_by = heading_id.clone();
    let links = found
        .links
        .iter()
        .map(|link| {
            let (path, pairs) = links::target(link);
            let mut href = format!(
                "{}{}",
                crate::base_path::href(path),
                carried_query(&location.search.get_untracked())
            );
            for (key, value) in pairs {
                href.push(if href.contains('?') { '&' } else { '?' });
                href.push_str(&format!(
                    "{key}={}",
                    String::from(js_sys::encode_uri_component(&value))
                ));
            }
            // Every screen linked is in another binary: an ordinary page load.
            view! { <li><a href=href rel="external">{link_label(link)}</a></li> }
        })
        .collect_view();
    view! {
        <article class="bounce" data-bounce=found.id aria-labelledby=labelled_by>
            <h3 id=heading_id><code>{found.code}</code> " " {found.what.clone()}</h3>
            {found.unconfirmed.map(|note| view! { <p class="notice unconfirmed">{note}</p> })}
            <dl class="bounce-parts">
                <dt>{t("bounce.what")}</dt>
                <dd>{found.what}</dd>
                <dt>{t("bounce.why")}</dt>
                <dd>{found.why}</dd>
                <dt>{t("bounce.fix")}</dt>
                <dd>{found.fix} {found.tailored.map(|note| view! { " " <em>{note}</em> })}</dd>
            </dl>
            <ul class="bounce-links">{links}</ul>
        </article>
    }
}

/// A link's words, with the value it fills in.
fn link_label(link: &Link) -> String {
    match link {
        Link::Check {
            domain: Some(domain),
            ..
        } => tf("bounce.link.check", &[("domain", domain)]),
        Link::Check { domain: None, .. } => text("bounce.link.check-any"),
        Link::Connector { kind, .. } if *kind == "partner" => text("bounce.link.connector-partner"),
        Link::Connector { .. } => text("bounce.link.connector-relay-ip"),
        Link::Card { method, .. } => tf(
            "bounce.link.card",
            &[("method", &text(&method.key("name")))],
        ),
    }
}
