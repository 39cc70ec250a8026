//! "Demo data" beside every value the built-in demo zone answered, visible and read by
//! screen readers alike, so nobody copies a demo record (or the demo's stand-in for a
//! Microsoft record) into a real tenant.

use crate::i18n::t;
use leptos::prelude::*;

/// Whether the report on screen comes from the demo zone, for every value it shows.
#[derive(Clone, Copy)]
pub struct DemoData(pub Signal<bool>);

/// The tag, shown only when the report is demo data. `stand_in` marks a record the demo
/// answers for a name it does not own (Microsoft's SPF include): it says so.
#[component]
pub fn DemoTag(#[prop(optional)] stand_in: bool) -> impl IntoView {
    let demo = use_context::<DemoData>();
    move || {
        demo.is_some_and(|d| d.0.get()).then(|| {
            let words = if stand_in {
                t("ui.check.demo-stand-in")
            } else {
                t("ui.check.demo-tag")
            };
            // The space before the tag is its own, so a value without a tag ends where it ends.
            view! { " " <span class="demo-tag" data-testid="demo-tag" data-stand-in=stand_in.then_some("true")>{words}</span> }
        })
    }
}

/// One line above the results: where all of it comes from.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let demo = use_context::<DemoData>();
    move || {
        demo.is_some_and(|d| d.0.get()).then(|| {
            view! { <p class="notice demo-banner" data-testid="demo-banner"><strong>{t("ui.check.demo-tag-heading")}</strong> " " {t("ui.check.demo-banner")}</p> }
        })
    }
}
