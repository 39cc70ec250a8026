//! Text that wraps only between the labels of a host name or an address.

use leptos::prelude::*;
use smarthost_core::host_wrap::wrap_pieces;

/// `text` with a break opportunity (`<wbr>`) after each dot, hyphen and `@` (core's
/// [`wrap_pieces`]), so `contoso-com.mail.protection.outlook.com` wraps after `com.`,
/// never inside `protection`. The text stays text: nothing is parsed as markup. Use it
/// with CSS that keeps words whole (`overflow-wrap: break-word` at most, which breaks
/// only a piece longer than the whole line, rather than letting it spill out).
#[component]
pub fn WrappingText(#[prop(into)] text: String) -> impl IntoView {
    let pieces: Vec<String> = wrap_pieces(&text).into_iter().map(str::to_owned).collect();
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(at, piece)| view! { {piece} {(at < last).then(|| view! { <wbr /> })} })
        .collect_view()
}
