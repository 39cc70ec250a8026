//! The result cards of the DNS check, one per concern, each with its status and fixes.

pub mod dmarc_card;
pub mod findings;
pub mod mx_card;
pub mod paste;
pub mod progress;
pub mod spf_card;
pub mod spf_tree;
pub mod whatif;

use crate::i18n::text;
use leptos::prelude::*;
use smarthost_core::report::Status;

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

/// The `data-status` of a card.
pub fn status_attr(status: Status, pending: bool) -> &'static str {
    if pending {
        "pending"
    } else {
        status.as_str()
    }
}
