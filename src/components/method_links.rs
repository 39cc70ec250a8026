//! A ranked method's next steps: its connector (for Direct Send, why none is needed and
//! when the partner connector's steps apply), its tenant switches (SMTP AUTH for the
//! mailbox), a card prefilled from the answers, the DNS check with the method filled in,
//! and its guide page. Every other screen is its own page load (rel="external"), so the
//! router leaves these links to the browser.

use crate::i18n::{lang, t, text, tf};
use crate::plan_links::{card_query, check_query, guide_path, tenant_anchor};
use crate::url_state::{carried_query, query_with_in};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use smarthost_core::method::MethodId;
use smarthost_core::plan::connector_advice::PARTNER_KIND;
use smarthost_core::plan::{connector_advice, tenant_switches, Answers, Client, ConnectorAdvice};

#[component]
pub fn MethodLinks(method: MethodId, answers: Answers) -> impl IntoView {
    let search = use_location().search;
    // The page's language and embed mode, plus the screen's own keys.
    let under = move |path: &'static str, updates: Vec<(&'static str, Option<&'static str>)>| {
        let base = crate::base_path::href(path);
        move || {
            let carried = carried_query(&search.get());
            format!("{base}{}", query_with_in(&carried, &updates))
        }
    };
    let sender = (answers.client == Some(Client::Application)).then_some("application");
    let connector = connector_advice(method, &answers).map(|advice| match advice {
        ConnectorAdvice::Steps(kind) => {
            let href = under("/connector/", vec![("kind", Some(kind)), ("client", sender)]);
            view! { <li><a href=href rel="external">{t("ui.plan.connector-link")}</a></li> }.into_any()
        }
        ConnectorAdvice::DirectSend(advice) => {
            let key = format!("ui.plan.direct-send.{}", advice.code());
            let steps = advice.offers_steps().then(|| {
                let href = under(
                    "/connector/",
                    vec![("kind", Some(PARTNER_KIND)), ("client", sender)],
                );
                view! { " " <a href=href rel="external">{t("ui.plan.direct-send.partner-link")}</a> }
            });
            view! {
                <li class="direct-send-connector" data-advice=advice.code()>
                    {move || text(&key)}
                    {steps}
                </li>
            }
            .into_any()
        }
    });
    // Each switch links to its own step among the Connector screen's tenant switches.
    let tenant = tenant_switches(method, &answers)
        .into_iter()
        .map(|switch| {
            let page = under("/connector/", vec![("client", sender)]);
            let anchor = tenant_anchor(switch);
            let href = move || format!("{}#{anchor}", page());
            let step = format!("tenant.{}", switch.id());
            view! {
                <li>
                    <a href=href rel="external" data-link="tenant" data-step=switch.id()>
                        {move || tf("ui.plan.tenant-link", &[("step", &text(&step))])}
                    </a>
                </li>
            }
        })
        .collect_view();
    let card_href = under("/cards/", card_query(method, &answers).to_vec());
    let check_href = under("/check/", check_query(method, &answers).to_vec());
    let guide_href = move || {
        let embedded = crate::embed::is_embedded(&search.get());
        crate::base_path::href(&guide_path(method, lang(), embedded))
    };
    view! {
        <ul class="method-links">
            {connector}
            {tenant}
            <li><a href=card_href rel="external" data-link="card">{t("ui.plan.card-link")}</a></li>
            <li><a href=check_href rel="external" data-link="check">{t("ui.plan.check-link")}</a></li>
            <li><a href=guide_href rel="external" data-link="guide">{t("ui.plan.guide-link")}</a></li>
        </ul>
    }
}
