//! A ranked method's next steps: its connector (for Direct Send, why none is needed and
//! when the partner connector's steps apply), a card prefilled from the answers, and the
//! DNS check with the method filled in. Cards and the check are their own page loads.

use crate::i18n::{t, text};
use crate::plan_links::{card_query, check_query};
use crate::url_state::{carried_query, query_with_in};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use smarthost_core::method::MethodId;
use smarthost_core::plan::connector_advice::PARTNER_KIND;
use smarthost_core::plan::{connector_advice, Answers, Client, ConnectorAdvice};

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
            let href = under("/connector", vec![("kind", Some(kind)), ("client", sender)]);
            view! { <li><a href=href>{t("ui.plan.connector-link")}</a></li> }.into_any()
        }
        ConnectorAdvice::DirectSend(advice) => {
            let key = format!("ui.plan.direct-send.{}", advice.code());
            let steps = advice.offers_steps().then(|| {
                let href = under(
                    "/connector",
                    vec![("kind", Some(PARTNER_KIND)), ("client", sender)],
                );
                view! { " " <a href=href>{t("ui.plan.direct-send.partner-link")}</a> }
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
    let card_href = under("/cards/", card_query(method, &answers).to_vec());
    let check_href = under("/check/", check_query(method, &answers).to_vec());
    view! {
        <ul class="method-links">
            {connector}
            <li><a href=card_href rel="external" data-link="card">{t("ui.plan.card-link")}</a></li>
            <li><a href=check_href rel="external" data-link="check">{t("ui.plan.check-link")}</a></li>
        </ul>
    }
}
