//! Text in a block that can be selected whole and copied: PowerShell, records.

use crate::i18n::t;
use leptos::prelude::*;

/// A command in a block that can be selected whole and copied.
#[component]
pub fn CodeBlock(code: String) -> impl IntoView {
    let (copied, set_copied) = signal(false);
    let text_to_copy = code.clone();
    let copy = move |_| {
        if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
            let _ = clipboard.write_text(&text_to_copy);
            set_copied.set(true);
        }
    };
    view! {
        <div class="code-block">
            <pre><code>{code}</code></pre>
            <button type="button" class="secondary copy" on:click=copy>
                {move || if copied.get() { t("ui.copied")() } else { t("ui.copy")() }}
            </button>
        </div>
    }
}
