//! The `terms` shortcode: the words a reader may not know (tenant, smart host, connector,
//! relay, mail user), each named and explained once, from core's list and the catalog,
//! so the guides and the planner explain them in the same words.

use maud::{html, Markup};
use smarthost_core::i18n::{text, Lang};
use smarthost_core::terms::{explain_key, name_key, EXPLAINED};

/// A definition list of core's explained terms, in the order a reader meets them, in the
/// page's language. maud escapes every text.
pub(super) fn terms(lang: Lang) -> Markup {
    html! {
        dl class="terms" {
            "\n"
            @for id in EXPLAINED {
                dt id=(format!("term-{id}")) { dfn { (text(lang, &name_key(id))) } } "\n"
                dd { (text(lang, &explain_key(id))) } "\n"
            }
        }
        "\n"
    }
}
