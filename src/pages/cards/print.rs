//! Printing the cards: what a print leaves out is said before the print dialog opens,
//! and the cards that print are laid out on their own sheet, each fitted to its page.
//!
//! The sheet is the paper: pages of one card (A6) or four (A4, Letter), each card in a
//! cell of its page's size. On screen the sheet is laid out at that size but kept out
//! of sight, so each card can be measured against its cell whenever the cards change,
//! and its type shrunk (the `--fit` variable) until it fits: a card is never split or
//! cut, in any language or at any value's length. The measurement does not wait for a
//! `beforeprint` event, which a PDF printer may never send. Only the cards that changed
//! are drawn and measured again (each cell is keyed by its device).

use super::card_view::{guide_url, CardView};
use super::layout::PrintLayout;
use super::list_view::ListView;
use super::rows::DeviceRows;
use crate::i18n::{lang, t, text, tf};
use leptos::prelude::*;
use smarthost_core::card_print::{LeftOut, PrintPlan};
use wasm_bindgen::JsCast;

/// The print's state: the plan of what prints (the devices the list's filter shows),
/// the keys of the devices whose cards print, and whether its check is open.
#[derive(Clone, Copy)]
pub struct Printing {
    plan: Memo<PrintPlan>,
    /// The keys of the printed devices, in print order: changes when a card comes or
    /// goes, not when one is edited, so the sheet keeps the other cards as they are.
    printed: Memo<Vec<u64>>,
    rows: DeviceRows,
    /// How many devices the filter shows and how many the list has.
    scope: Memo<(usize, usize)>,
    layout: RwSignal<PrintLayout>,
    check_open: RwSignal<bool>,
    /// Set once the reader asks to print: every device's errors then show, as
    /// submitting a form would, so a card that cannot be built says why on screen.
    reveal: RwSignal<bool>,
    sheet: NodeRef<leptos::html::Div>,
}

impl Printing {
    pub fn new(rows: DeviceRows, view: ListView, layout: RwSignal<PrintLayout>) -> Self {
        // The devices' cards as each row keeps them: nothing is built again here.
        let plan = Memo::new(move |_| {
            let shown = view.shown();
            let names: Vec<String> = shown
                .iter()
                .map(|r| r.device.with(|d| d.name.clone()))
                .collect();
            PrintPlan::from_built(
                (names.iter().zip(&shown)).map(|(name, row)| (name.as_str(), row.card.get())),
            )
        });
        let printed = Memo::new(move |_| {
            (view.shown().into_iter())
                .filter(|row| row.card.with(Result::is_ok))
                .map(|row| row.key)
                .collect()
        });
        let scope = Memo::new(move |_| (view.shown().len(), rows.list().len()));
        Printing {
            plan,
            printed,
            rows,
            scope,
            layout,
            check_open: RwSignal::new(false),
            reveal: RwSignal::new(false),
            sheet: NodeRef::new(),
        }
    }

    /// Whether the print takes only some of the devices, those the list's filter shows
    /// (reactive; `#print-scope` says which).
    pub fn is_scoped(self) -> Signal<bool> {
        let scope = self.scope;
        Signal::derive(move || scope.with(|(shown, total)| shown != total))
    }

    /// Whether every error shows (reactive).
    pub fn reveal(self) -> Signal<bool> {
        self.reveal.into()
    }

    /// The browser's own print (Ctrl+P, the menu) shows every error too.
    pub fn revealed_by_browser(self) {
        self.reveal.set(true);
    }

    /// "Print the cards": straight to the print dialog when every device prints with
    /// its smart host, else the check first; nothing opens when nothing can print.
    pub fn request(self) {
        self.reveal.set(true);
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
            fit_all(&sheet);
        }
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }
}

/// Which devices a print takes when the list is filtered: those it shows.
#[component]
pub fn PrintScope(printing: Printing) -> impl IntoView {
    move || {
        let (shown, total) = printing.scope.get();
        (shown != total).then(|| {
            let scope = tf(
                "ui.cards.print-scope",
                &[("shown", &shown.to_string()), ("total", &total.to_string())],
            );
            view! { <p class="print-scope screen-only" id="print-scope">{scope}</p> }
        })
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
                {move || {
                    let filtered = printing.scope.with(|(shown, total)| shown != total);
                    printing.plan.with(|plan| check_body(plan, filtered))
                }}
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
fn check_body(plan: &PrintPlan, filtered: bool) -> impl IntoView {
    let nothing = (!plan.can_print()).then(|| {
        let key = match (plan.left_out.is_empty(), filtered) {
            (false, _) => "ui.cards.print-check.nothing-valid",
            (true, true) => "ui.cards.print-check.nothing-shown",
            (true, false) => "ui.cards.print-check.nothing",
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

/// The paper: the printable cards, page by page, in the chosen layout. Each cell is
/// keyed by its device: editing one card draws and measures that card alone, and the
/// other cards' nodes stay as they are (their QR codes are not encoded again).
#[component]
pub fn PrintSheet(printing: Printing) -> impl IntoView {
    let pages = Memo::new(move |_| {
        let per_page = printing.layout.get().cards_per_page();
        printing.printed.with(|keys| {
            keys.chunks(per_page)
                .map(<[u64]>::to_vec)
                .collect::<Vec<_>>()
        })
    });
    let page_count = move || pages.with(Vec::len);
    view! {
        // Read on paper only: on screen the same cards are beside their fields.
        <div class="card-sheet-holder" aria-hidden="true">
            <div class=move || format!("card-sheet print-{}", printing.layout.get().id()) node_ref=printing.sheet>
                <For each=move || 0..page_count() key=|at| *at let(at)>
                    <section class="sheet-page">
                        <For
                            each=move || pages.with(|p| p.get(at).cloned().unwrap_or_default())
                            key=|key| *key
                            let(key)
                        >
                            <SheetCell key printing />
                        </For>
                    </section>
                </For>
            </div>
        </div>
    }
}

/// One printed card in its cell, fitted to the cell whenever its card, the page's
/// language or the layout changes.
#[component]
fn SheetCell(key: u64, printing: Printing) -> impl IntoView {
    let cell = NodeRef::<leptos::html::Div>::new();
    let card = printing.rows.find(key).map(|row| row.card);
    Effect::new(move |_| {
        if let Some(card) = card {
            card.track();
        }
        printing.layout.track();
        lang();
        // Once the browser has laid the new card out.
        request_animation_frame(move || {
            if let Some(cell) = cell.get_untracked() {
                fit_cell(&cell);
            }
        });
    });
    let drawn = move || {
        // The card is worded in the page's language when drawn, so a switch draws it again.
        lang();
        let built = card?.get().ok()?;
        let guide = guide_url(built.card.method);
        Some(view! { <CardView card=built guide=guide paper=true /> })
    };
    view! { <div class="sheet-cell" node_ref=cell>{drawn}</div> }
}

/// Fits every card of the sheet, as right before printing.
fn fit_all(sheet: &web_sys::HtmlDivElement) {
    let Ok(cells) = sheet.query_selector_all(".sheet-cell") else {
        return;
    };
    for at in 0..cells.length() {
        if let Some(cell) = cells
            .item(at)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        {
            fit_cell(&cell);
        }
    }
}

/// Shrinks the cell's card type step by step ([`fit_steps`]) until the card fits its
/// cell; a card that fits at full size keeps it. The card says which size it got
/// (`data-fit`), so a test can wait for the measurement.
fn fit_cell(cell: &web_sys::HtmlElement) {
    let Some(card) = cell
        .first_element_child()
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
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
