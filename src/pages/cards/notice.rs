//! The Cards screen's line of news (role=status): what a link from the DNS check or the
//! planner did to the list, and what Remove took away, with the way back. Kept as data
//! and worded when shown, so a language switch re-words it.

use crate::i18n::{text, tf};
use smarthost_core::inventory::Device;
use smarthost_core::method::MethodId;

/// What just happened to the list.
#[derive(Clone, Debug, PartialEq)]
pub enum CardsNotice {
    /// A link's values went into an existing card.
    Filled {
        name: String,
        smart_host: String,
        method: String,
    },
    /// A link from the DNS check made a new card.
    AddedFromCheck { smart_host: String, method: String },
    /// A link from the planner made a new card.
    AddedFromPlan { method: String },
    /// The reader chose to put the check's values nowhere.
    HandoffDismissed,
    /// A device was removed from position `at`; kept whole (boxed: it is the largest
    /// variant) to put it back.
    Removed { at: usize, device: Box<Device> },
    /// A removed device is back.
    Restored { name: String },
}

/// A device's name as a message names it.
pub fn shown_name(name: &str) -> String {
    match name.trim() {
        "" => text("ui.cards.unnamed"),
        name => name.to_owned(),
    }
}

/// A method id as the reader knows it: its name, or the id when smarthost has none.
pub fn method_name(id: &str) -> String {
    MethodId::parse(id.trim()).map_or_else(|| id.to_owned(), |m| text(&m.key("name")))
}

impl CardsNotice {
    pub fn message(&self) -> String {
        match self {
            CardsNotice::Filled {
                name,
                smart_host,
                method,
            } => tf(
                "ui.cards.filled",
                &[
                    ("name", &shown_name(name)),
                    ("smart_host", smart_host),
                    ("method", &method_name(method)),
                ],
            ),
            CardsNotice::AddedFromCheck { smart_host, method } => tf(
                "ui.cards.added-from-check",
                &[("smart_host", smart_host), ("method", &method_name(method))],
            ),
            CardsNotice::AddedFromPlan { method } => tf(
                "ui.cards.added-from-plan",
                &[("method", &method_name(method))],
            ),
            CardsNotice::HandoffDismissed => text("ui.cards.handoff-dismissed"),
            CardsNotice::Removed { device, .. } => {
                tf("ui.cards.removed", &[("name", &shown_name(&device.name))])
            }
            CardsNotice::Restored { name } => {
                tf("ui.cards.restored", &[("name", &shown_name(name))])
            }
        }
    }
}
