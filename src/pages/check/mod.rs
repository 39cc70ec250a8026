//! DNS check: MX, SPF and DMARC of a domain for its devices, asked over DNS-over-HTTPS
//! from the browser. The inputs live in the URL (`domain`, `ip`, `method`, `cloud`,
//! `doh`, and the what-if `draft`), so a link reproduces the check; results stream in
//! section by section.
//!
//! By concern: [`inputs`] reads the link and the form (native tests), [`run`] holds the
//! run, [`form`] and [`results`] draw them, [`link`] builds the addresses to share.

mod form;
mod inputs;
mod link;
mod results;
mod run;

pub use inputs::CheckTarget;

use crate::components::check::demo_tag::DemoData;
use crate::components::check::paste::PasteState;
use crate::components::check::whatif::DraftState;
use form::CheckForm;
use inputs::LinkInputs;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use results::{AfterStart, Shown};
use run::CheckRun;
use smarthost_core::cloud::Cloud;

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
    // The what-if draft: read when the editor opens, written as it is evaluated.
    let url_draft = Memo::new(move |_| query.read().get("draft"));
    let draft = DraftState::new();

    // The target the URL describes, or the message that explains why it cannot run.
    let target = Memo::new(move |_| {
        LinkInputs {
            domain: url_domain.get(),
            ips: url_ips.get(),
            method: url_method.get(),
            cloud: url_cloud.get(),
            doh: url_doh.get(),
            resolver: query.read().get("resolver"),
        }
        .target()
    });

    let run = CheckRun::new();
    provide_context(DemoData(run.demo.into()));
    let pasted = PasteState::new();

    // Every valid target in the URL runs. The report is data, worded when shown, so a
    // language switch re-renders it and asks the network nothing. Records pasted for
    // its domain stay the source; another domain starts afresh.
    Effect::new(move |_| match target.get() {
        Some(Ok(target)) => {
            let records = pasted.for_run(&target.domain);
            if records.is_none() {
                pasted.follow(&target.domain);
            }
            run.start(target, records);
        }
        _ => run.clear(),
    });

    view! {
        <h1>{crate::i18n::t("ui.check.title")}</h1>
        <p class="lede">{crate::i18n::t("ui.check.lede")}</p>
        <CheckForm url_domain url_ips url_method target run />
        <AfterStart shown=Shown { run, target, pasted, url_method, url_ips, url_draft, draft } />
    }
}
