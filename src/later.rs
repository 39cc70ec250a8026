//! Parts of a screen that wait for a user's action load as a WebAssembly module of their
//! own (BENCHMARKS.md, "Bundle"): the check's engine and results, Cards' tools, the
//! planner's result. A function
//! marked `#[wasm_split(<module>, fallible, wasm_split_path = ::leptos::wasm_split)]` is
//! cut out of the first load by xtask's split step (xtask/src/split.rs) and fetched the
//! first time it is called; natively it is an ordinary call.
//!
//! A module that cannot be fetched (the network went away before the service worker had
//! it) must not take the page down: the marked functions return [`Unavailable`], and the
//! page shows [`UnavailableNotice`] with a retry.

use crate::i18n::t;
use leptos::prelude::*;

/// A later module could not be fetched; the next call tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

// Only the planner draws a later part this way so far.
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
/// What `load` draws once its module is here; while it could not be fetched, the notice,
/// whose retry asks again.
pub fn when_loaded<Load, Loading>(load: Load) -> impl IntoView
where
    Load: Fn() -> Loading + Send + Sync + 'static,
    Loading: std::future::Future<Output = Result<AnyView, Unavailable>> + Send + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    move || {
        attempt.track();
        let loading = load();
        Suspend::new(async move {
            match loading.await {
                Ok(view) => view,
                Err(Unavailable) => view! { <UnavailableNotice retry /> }.into_any(),
            }
        })
    }
}

/// Says that part of the page could not be loaded, with a button that tries again.
#[component]
pub fn UnavailableNotice(retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice" role="alert" data-testid="part-unavailable">
            <p>{t("ui.later.unavailable")}</p>
            <button type="button" on:click=move |_| retry.run(())>{t("ui.later.retry")}</button>
        </div>
    }
}
