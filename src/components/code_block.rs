//! Text in a block that can be selected whole and copied: PowerShell, records, snippets.
//!
//! A line breaks only at a space, never inside a parameter, a name or an address
//! (review X-6): each run of non-space characters is one unbreakable piece. A piece too
//! long for the box scrolls sideways instead, and the box then shows a shadow at the
//! edge that hides text and takes the keyboard. Wrapping inserts no characters, so what
//! is selected and copied is the text as it is.

use crate::i18n::t;
use crate::overflow::{watch_overflow, Overflow};
use leptos::prelude::*;

/// `code` cut into its runs of spaces and runs of anything else, in order: a line may
/// break in the first kind only. A line break stays in its space run, which `pre-wrap`
/// keeps as a line break.
pub fn pieces(code: &str) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (at, c) in code.char_indices() {
        let space = c.is_whitespace();
        match in_space {
            Some(previous) if previous != space => {
                pieces.push((&code[start..at], previous));
                start = at;
            }
            _ => {}
        }
        in_space = Some(space);
    }
    if let Some(space) = in_space {
        pieces.push((&code[start..], space));
    }
    pieces
}

/// The `<pre>` of a copy box: whole pieces, and the scroll cue when it must scroll.
#[component]
pub fn CodeText(code: String) -> impl IntoView {
    let pre = NodeRef::<leptos::html::Pre>::new();
    let (overflow, set_overflow) = signal(Overflow::default());
    Effect::new(move |_| {
        if let Some(pre) = pre.get() {
            watch_overflow(pre.into(), Vec::new(), set_overflow);
        }
    });
    let scrolls = move || overflow.get().sideways;
    let drawn = pieces(&code)
        .into_iter()
        .map(|(text, space)| {
            let text = text.to_owned();
            if space {
                view! { {text} }.into_any()
            } else {
                view! { <span class="piece">{text}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        // Focusable only while it scrolls, so the keyboard can scroll it too.
        <pre node_ref=pre class:scrolls=scrolls tabindex=move || scrolls().then_some("0")>
            <code>{drawn}</code>
        </pre>
    }
}

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
            <CodeText code=code />
            <button type="button" class="secondary copy" on:click=copy>
                {move || if copied.get() { t("ui.copied")() } else { t("ui.copy")() }}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_split_at_spaces_only_and_join_back_to_the_text() {
        let command = "Set-CASMailbox -Identity 'a b@contoso.com'  -X $false";
        let cut = pieces(command);
        assert_eq!(
            cut,
            [
                ("Set-CASMailbox", false),
                (" ", true),
                ("-Identity", false),
                (" ", true),
                ("'a", false),
                (" ", true),
                ("b@contoso.com'", false),
                ("  ", true),
                ("-X", false),
                (" ", true),
                ("$false", false),
            ]
        );
        assert_eq!(cut.iter().map(|(t, _)| *t).collect::<String>(), command);
        assert!(pieces("").is_empty());
        assert_eq!(pieces(" x\n"), [(" ", true), ("x", false), ("\n", true)]);
        // Non-ASCII text is cut at character boundaries.
        assert_eq!(
            pieces("Máy in"),
            [("Máy", false), (" ", true), ("in", false)]
        );
    }
}
