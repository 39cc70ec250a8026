//! A link from the DNS check or the planner arriving on the Cards screen: its values go
//! into the card the check came from, a new card, or the card the reader picks when the
//! link names none (`add_to_card.rs` decides which). Then the reader is taken to that
//! card and told in words what changed.

use super::focus::{device_id, focus_when_drawn};
use super::notice::{method_name, shown_name, CardsNotice};
use super::rows::DeviceRows;
use crate::add_to_card::{AddLink, Destination};
use crate::i18n::{t, tf};
use leptos::prelude::*;

/// Where the Cards screen shows what a link did, and the link waiting for a choice.
#[derive(Clone, Copy)]
pub struct HandOff {
    pub rows: DeviceRows,
    pub notice: RwSignal<Option<CardsNotice>>,
    pub asking: RwSignal<Option<AddLink>>,
}

impl HandOff {
    /// Takes in `link`: fills or adds the card it leads to, or asks which.
    pub fn receive(self, link: AddLink) {
        match link.destination(&self.rows.devices_untracked()) {
            Destination::Fill(at) => self.fill(&link, at),
            Destination::New => self.add(&link),
            Destination::Ask => {
                self.asking.set(Some(link));
                focus_when_drawn("handoff-heading".to_owned());
            }
        }
    }

    fn fill(self, link: &AddLink, at: usize) {
        let Some((key, device)) = self.rows.at(at) else {
            return self.add(link);
        };
        device.update(|d| link.fill(d));
        let filled = device.get_untracked();
        self.done(
            key,
            CardsNotice::Filled {
                name: filled.name,
                smart_host: filled.smart_host,
                method: filled.method,
            },
        );
    }

    fn add(self, link: &AddLink) {
        let key = self.rows.push(link.new_device());
        let notice = if link.smart_host.is_empty() {
            CardsNotice::AddedFromPlan {
                method: link.method.clone(),
            }
        } else {
            CardsNotice::AddedFromCheck {
                smart_host: link.smart_host.clone(),
                method: link.method.clone(),
            }
        };
        self.done(key, notice);
    }

    fn done(self, key: u64, notice: CardsNotice) {
        self.asking.set(None);
        self.notice.set(Some(notice));
        focus_when_drawn(device_id(key));
    }
}

/// The question when a link names no card: one button per card, a new card, or none.
#[component]
pub fn HandOffChooser(hand_off: HandOff) -> impl IntoView {
    move || {
        hand_off.asking.get().map(|link| {
            let question = tf(
                "ui.cards.handoff-ask",
                &[
                    ("smart_host", &link.smart_host),
                    ("method", &method_name(&link.method)),
                ],
            );
            let cards = hand_off
                .rows
                .list()
                .into_iter()
                .enumerate()
                .map(|(at, row)| {
                    let label = tf(
                        "ui.cards.handoff-into",
                        &[
                            ("number", &(at + 1).to_string()),
                            ("name", &shown_name(&row.device.get().name)),
                        ],
                    );
                    let link = link.clone();
                    view! {
                        <li><button type="button" on:click=move |_| hand_off.fill(&link, at)>{label}</button></li>
                    }
                })
                .collect_view();
            let new_link = link.clone();
            let dismiss = move |_| {
                hand_off.asking.set(None);
                hand_off.notice.set(Some(CardsNotice::HandoffDismissed));
                focus_when_drawn("cards-status".to_owned());
            };
            view! {
                <section class="handoff screen-only" aria-labelledby="handoff-heading">
                    <h2 id="handoff-heading" tabindex="-1">{question}</h2>
                    <ul class="handoff-cards">{cards}</ul>
                    <p class="handoff-other">
                        <button type="button" on:click=move |_| hand_off.add(&new_link)>{t("ui.cards.handoff-new")}</button>
                        " "
                        <button type="button" class="secondary" on:click=dismiss>{t("ui.cards.handoff-cancel")}</button>
                    </p>
                </section>
            }
        })
    }
}
