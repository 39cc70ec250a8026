//! How the cards are printed: one per A6 page or four per sheet, remembered in this
//! browser. The print stylesheet keys off the list's class.

use crate::i18n::{t, text};
use crate::storage;
use leptos::prelude::*;

const LAYOUT_KEY: &str = "smarthost.print-layout";

/// How the cards are printed; the print stylesheet keys off the class.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PrintLayout {
    /// One card per A6 landscape page, to stick on the device.
    A6,
    /// Four cards per A4 sheet, to cut out.
    SheetA4,
    /// Four cards per US Letter sheet.
    SheetLetter,
}

impl PrintLayout {
    const ALL: [PrintLayout; 3] = [
        PrintLayout::A6,
        PrintLayout::SheetA4,
        PrintLayout::SheetLetter,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PrintLayout::A6 => "a6",
            PrintLayout::SheetA4 => "a4",
            PrintLayout::SheetLetter => "letter",
        }
    }

    fn parse(id: &str) -> PrintLayout {
        PrintLayout::ALL
            .into_iter()
            .find(|layout| layout.id() == id)
            .unwrap_or(PrintLayout::A6)
    }

    /// How many cards share a page: one A6 card, or four to a sheet (two by two).
    pub fn cards_per_page(self) -> usize {
        match self {
            PrintLayout::A6 => 1,
            PrintLayout::SheetA4 | PrintLayout::SheetLetter => 4,
        }
    }

    /// The layout this browser last chose (A6 when none, or one no longer offered).
    pub fn saved() -> PrintLayout {
        PrintLayout::parse(&storage::get(LAYOUT_KEY).unwrap_or_default())
    }
}

/// The layout choice; a change is remembered.
#[component]
pub fn LayoutSelect(layout: RwSignal<PrintLayout>) -> impl IntoView {
    view! {
        <div class="field inline-field">
            <label for="print-layout">{t("ui.cards.layout")}</label>
            <select
                id="print-layout"
                prop:value=move || layout.get().id()
                on:change=move |ev| {
                    let chosen = PrintLayout::parse(&event_target_value(&ev));
                    storage::set(LAYOUT_KEY, chosen.id());
                    layout.set(chosen);
                }
            >
                {PrintLayout::ALL
                    .into_iter()
                    .map(|l| {
                        let key = format!("ui.cards.layout.{}", l.id());
                        view! { <option value=l.id()>{move || text(&key)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::PrintLayout;

    #[test]
    fn every_layout_reads_back_and_anything_else_is_a6() {
        for layout in PrintLayout::ALL {
            assert_eq!(PrintLayout::parse(layout.id()), layout);
        }
        assert_eq!(PrintLayout::parse("letter"), PrintLayout::SheetLetter);
        assert_eq!(PrintLayout::parse(""), PrintLayout::A6);
        assert_eq!(PrintLayout::parse("A4"), PrintLayout::A6);
    }

    #[test]
    fn a6_prints_one_card_a_page_and_the_sheets_four() {
        assert_eq!(PrintLayout::A6.cards_per_page(), 1);
        assert_eq!(PrintLayout::SheetA4.cards_per_page(), 4);
        assert_eq!(PrintLayout::SheetLetter.cards_per_page(), 4);
    }
}
