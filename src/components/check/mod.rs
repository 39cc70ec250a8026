//! The result cards of the DNS check, one per concern, each with its status and fixes.

pub mod dmarc_card;
pub mod findings;
pub mod mx_card;
pub mod paste;
pub mod progress;
pub mod spf_card;
pub mod spf_tree;
pub mod whatif;

use crate::i18n::t;
use leptos::prelude::*;
use smarthost_core::report::Status;

/// The badge next to a card's heading: the status in words (never colour alone).
pub fn status_badge(status: Status, pending: bool) -> impl IntoView {
    let key = if pending {
        "ui.check.pending"
    } else {
        match status {
            Status::Ok => "ui.check.status.ok",
            Status::Info => "ui.check.status.info",
            Status::Warning => "ui.check.status.warning",
            Status::Error => "ui.check.status.error",
            Status::CouldNotCheck => "ui.check.status.could-not-check",
        }
    };
    let class = if pending { "pending" } else { status.as_str() };
    view! { <span class=format!("status-badge {class}")>{t(key)}</span> }
}

/// The `data-status` of a card.
pub fn status_attr(status: Status, pending: bool) -> &'static str {
    if pending {
        "pending"
    } else {
        status.as_str()
    }
}
