//! The result cards of the DNS check, one per concern, each with its status and fixes.

pub mod demo_tag;
pub mod dkim_card;
pub mod dmarc_card;
pub mod findings;
pub mod mx_card;
pub mod paste;
pub mod progress;
pub mod spf_card;
pub mod spf_tree;
pub mod verdicts;
pub mod whatif;

use crate::i18n::{t, text};
use leptos::prelude::*;
use smarthost_core::report::{Section, Status};

/// The badge next to a card's heading: the status in words (never colour alone).
pub fn status_badge(status: Status, pending: bool) -> impl IntoView {
    // The status's own name (core derives it) names its class and its words.
    let key = if pending {
        "ui.check.pending".to_owned()
    } else {
        format!("ui.check.status.{}", status.as_str())
    };
    let class = if pending { "pending" } else { status.as_str() };
    view! { <span class=format!("status-badge {class}")>{move || text(&key)}</span> }
}

/// The frame every result card shares: its section and status as data attributes (the
/// specs and the print style read them) and its heading with the status badge. The MX
/// card adds its kind and test id.
#[component]
pub fn CheckSection(
    section: Section,
    status: Status,
    pending: bool,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let name = section.as_str();
    let heading_id = format!("{name}-card-heading");
    let labelled_by = heading_id.clone();
    let heading = format!("ui.check.section.{name}");
    let class = if testid.is_some() {
        "check-card result"
    } else {
        "check-card"
    };
    view! {
        <section
            class=class
            data-testid=testid
            data-section=name
            data-status=status_attr(status, pending)
            data-kind=kind
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>{move || text(&heading)} " " {status_badge(status, pending)}</h2>
            {children()}
        </section>
    }
}

/// The `data-status` of a card.
pub fn status_attr(status: Status, pending: bool) -> &'static str {
    if pending {
        "pending"
    } else {
        status.as_str()
    }
}

/// Where another resolver is chosen: the next step after a failed or cancelled run.
#[component]
pub fn SettingsLink() -> impl IntoView {
    view! { <a href=crate::base_path::page_link("/settings") rel="external">{t("ui.check.settings-link")}</a> }
}
