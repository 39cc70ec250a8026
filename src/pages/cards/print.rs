//! Printing the cards: what a print leaves out is said before the print dialog opens,
//! and the cards that print are laid out on their own sheet, each fitted to its page.
//!
//! The sheet is the paper: pages of one card (A6) or four (A4, Letter), each card in a
//! cell of its page's size. On screen the sheet is laid out at that size but kept out
//! of sight, so each card can be measured against its cell whenever the cards change,
//! and its type shrunk (the `--fit` variable) until it fits: a card is never split or
//! cut, in any language or at any value's length. The measurement does not wait for a
//! `beforeprint` event, which a PDF printer may never send.

use super::card_view::{guide_url, CardView};
use super::editor::today;
use super::layout::PrintLayout;
use super::rows::DeviceRows;
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::card_print::{LeftOut, PrintPlan};
use wasm_bindgen::JsCast;

/// The print's state: the plan of what prints, and whether its check is open.
#[derive(Clone, Copy)]
pub struct Printing {
    plan: Memo<PrintPlan>,
    layout: RwSignal<PrintLayout>,
    check_open: RwSignal<bool>,
    sheet: NodeRef<leptos::html::Div>,
}

impl Printing {
    pub fn new(rows: DeviceRows, layout: RwSignal<PrintLayout>) -> Self {
        Printing {
            plan: Memo::new(move |_| PrintPlan::new(&rows.devices(), &today())),
            layout,
            check_open: RwSignal::new(false),
            sheet: NodeRef::new(),
        }
    }

    /// "Print the cards": straight to the print dialog when every device prints with
    /// its smart host, else the check first; nothing opens when nothing can print.
    fn request(self) {
        let ready = self
            .plan
            .with_untracked(|plan| plan.can_print() && !plan.needs_confirmation());
        if ready {
            self.print();
        } else {
            self.check_open.set(true);
        }
    }

    fn print(self) {
        self.check_open.set(false);
        // Measured again right before printing, in case the page's fonts or size
        // changed since the cards last did.
        if let Some(sheet) = self.sheet.get_untracked() {
            fit_cards(&sheet);
        }
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }
}

#[component]
pub fn PrintButton(printing: Printing) -> impl IntoView {
    view! {
        <button type="button" class="secondary" on:click=move |_| printing.request()>
            {t("ui.cards.print")}
        </button>
    }
}

/// What the print would leave out or print without a smart host, with "Print anyway"
/// and "Cancel"; when nothing can print, why, and no print.
#[component]
pub fn PrintCheck(printing: Printing) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H2>::new();
    // Keyboard and screen reader users land on the check when it opens.
    Effect::new(move |_| {
        if printing.check_open.get() {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
    });
    let cancel = move |_| printing.check_open.set(false);
    view! {
        <Show when=move || printing.check_open.get()>
            <section class="print-check screen-only" aria-labelledby="print-check-title">
                <h2 id="print-check-title" tabindex="-1" node_ref=heading>
                    {t("ui.cards.print-check.title")}
                </h2>
                {move || printing.plan.with(check_body)}
                <div class="print-check-buttons">
                    <Show when=move || printing.plan.with(PrintPlan::can_print)>
                        <button type="button" on:click=move |_| printing.print()>
                            {t("ui.cards.print-check.print-anyway")}
                        </button>
                    </Show>
                    <button type="button" class="secondary" on:click=cancel>
                        {t("ui.cards.print-check.cancel")}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// The check's sentences for `plan`, in the page's language.
fn check_body(plan: &PrintPlan) -> impl IntoView {
    let nothing = (!plan.can_print()).then(|| {
        let key = if plan.left_out.is_empty() {
            "ui.cards.print-check.nothing"
        } else {
            "ui.cards.print-check.nothing-valid"
        };
        view! { <p class="print-nothing" role="status">{text(key)}</p> }
    });
    let left_out = (!plan.left_out.is_empty()).then(|| {
        view! {
            <p>{text("ui.cards.print-check.left-out")}</p>
            <ul class="print-left-out">
                {plan.left_out.iter().map(|device| view! { <li>{left_out_line(device)}</li> }).collect_view()}
            </ul>
        }
    });
    let without_host = plan.without_host();
    let no_host = (!without_host.is_empty()).then(|| {
        let names = without_host.join(", ");
        view! { <p class="print-no-host">{tf("ui.cards.print-check.no-host", &[("names", &names)])}</p> }
    });
    view! { {nothing} {left_out} {no_host} }
}

/// "Canon: choose a sending method." – every reason of the device, in its order.
fn left_out_line(device: &LeftOut) -> String {
    let name = device
        .name
        .clone()
        .unwrap_or_else(|| text("ui.cards.unnamed"));
    let reason = device
        .errors
        .iter()
        .map(|error| error.message(lang()))
        .collect::<Vec<_>>()
        .join(" ");
    tf(
        "ui.cards.print-check.left-out-item",
        &[("name", &name), ("reason", &reason)],
    )
}

/// The paper: the printable cards, page by page, in the chosen layout.
#[component]
pub fn PrintSheet(printing: Printing) -> impl IntoView {
    let sheet = printing.sheet;
    // Each time the cards, their words or the layout change, fit every card to its
    // cell once the browser has laid the new sheet out.
    Effect::new(move |_| {
        printing.plan.track();
        printing.layout.track();
        lang();
        request_animation_frame(move || {
            if let Some(sheet) = sheet.get_untracked() {
                fit_cards(&sheet);
            }
        });
    });
    let pages = move || {
        let per_page = printing.layout.get().cards_per_page();
        let cards = printing.plan.with(|plan| plan.cards.clone());
        cards
            .chunks(per_page)
            .map(|page| {
                let cells = page
                    .iter()
                    .map(|card| {
                        let guide = guide_url(card.card.method);
                        view! { <div class="sheet-cell"><CardView card=card.clone() guide=guide paper=true /></div> }
                    })
                    .collect_view();
                view! { <section class="sheet-page">{cells}</section> }
            })
            .collect_view()
    };
    view! {
        // Read on paper only: on screen the same cards are beside their fields.
        <div class="card-sheet-holder" aria-hidden="true">
            <div class=move || format!("card-sheet print-{}", printing.layout.get().id()) node_ref=sheet>
                {pages}
            </div>
        </div>
    }
}

/// Shrinks each card's type step by step ([`fit_steps`]) until the card fits
/// its cell; a card that fits at full size keeps it. Each card says which size it got
/// (`data-fit`), so a test can wait for the measurement.
fn fit_cards(sheet: &web_sys::HtmlDivElement) {
    let Ok(cells) = sheet.query_selector_all(".sheet-cell") else {
        return;
    };
    for at in 0..cells.length() {
        let Some(cell) = cells
            .item(at)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let Some(card) = cell
            .first_element_child()
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        // Through the CSS object model: the page's policy refuses style attributes.
        let style = card.style();
        let mut chosen = fit_steps().last().unwrap_or(1.0);
        for fit in fit_steps() {
            let _ = style.set_property("--fit", &fit.to_string());
            // The cell pads the card evenly, so the card fits when it and twice its
            // offset from the cell's top fit in the cell's height.
            if card.offset_height() + 2 * card.offset_top() <= cell.client_height()
                && card.scroll_width() <= card.client_width()
            {
                chosen = fit;
                break;
            }
        }
        let _ = style.set_property("--fit", &chosen.to_string());
        let _ = card.set_attribute("data-fit", &chosen.to_string());
    }
}

/// The type sizes tried, largest first: full size down to 40 %, in 4 % steps. The
/// longest card any method, cloud and value limits produce fits well above the last.
fn fit_steps() -> impl Iterator<Item = f64> {
    (0..=15).map(|step| f64::from(100 - 4 * step) / 100.0)
}

#[cfg(test)]
mod tests {
    use super::fit_steps;

    #[test]
    fn fitting_starts_at_full_size_and_only_shrinks() {
        let steps: Vec<f64> = fit_steps().collect();
        assert_eq!(steps.first(), Some(&1.0));
        assert_eq!(steps.last(), Some(&0.4));
        assert!(steps.windows(2).all(|pair| pair[1] < pair[0]));
    }
}
