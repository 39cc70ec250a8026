//! Shortcodes: a paragraph consisting only of `{{ name key="value" ... }}` is replaced
//! by HTML rendered from the planner's core, so no guide restates a host, a port or a
//! date that the method table already knows. An inline shortcode (`milestone`) stands
//! inside a sentence instead and is replaced by words.
//!
//! | shortcode | arguments |
//! | --- | --- |
//! | `matrix` | `[cloud=]` |
//! | `clouds` | |
//! | `method-settings` | `method=` `[cloud=]` |
//! | `connector` | `method=relay-ip\|relay-cert` `[ip=]` `[cert=]` `[domain=]` `[name=]` |
//! | `fact` | `key=` (its dated milestones worded for the build's `--today`) |
//! | `plan-link` | `answers="q=v&..."` `text=` |
//! | `card` | `device=` |
//! | `explain-link` | `text=` `[paste=]` |
//! | `check-link` | `text=` `[method=]` |
//! | `bounces` | |
//! | `terms` | (the terms explained once: tenant, smart host, connector, relay, mail user) |
//! | `milestone` (inline) | `key=` (the milestone in the app's words for the build's `--today`) |
//!
//! Anything else (an unknown name or argument, a missing or invalid value) is an error;
//! the Markdown stage adds the file and line.
//!
//! One file a concern: `parse` (the source of a shortcode), `args` (the page's context
//! and the checked arguments), `inline` (milestones inside sentences), `tables` (the
//! matrix, the clouds' endpoints and a method's settings), `blocks` (connector steps,
//! facts, planner links, cards) and `terms` (the explained terms); this file chains them.
//! Each block is a maud template (see `crate::markup`).

mod args;
mod blocks;
mod inline;
mod parse;
mod tables;
mod terms;

pub(crate) use args::Context;
pub(crate) use inline::expand_inline;
pub(crate) use parse::{looks_like_shortcode, parse};

use args::Args;
use maud::{html, Markup};
use parse::{Shortcode, NAMES};

/// Renders a shortcode as HTML in the page's language.
pub(crate) fn render(code: &Shortcode, ctx: &Context) -> Result<String, String> {
    let check = |required: &[&str], optional: &[&str]| Args::check(code, required, optional);
    let markup: Markup = match code.name.as_str() {
        "matrix" => {
            let args = check(&[], &["cloud"])?;
            tables::matrix(args.cloud()?.unwrap_or_default(), ctx.lang, ctx.today)
        }
        "clouds" => {
            check(&[], &[])?;
            tables::clouds(ctx.lang)
        }
        "method-settings" => {
            let args = check(&["method"], &["cloud"])?;
            tables::method_settings(args.method()?, args.cloud()?, ctx.lang, ctx.today)
        }
        "connector" => blocks::connector(
            &check(&["method"], &["ip", "cert", "domain", "name"])?,
            ctx.lang,
        )?,
        "fact" => blocks::fact(&check(&["key"], &[])?, ctx)?,
        "plan-link" => blocks::plan_link(&check(&["answers", "text"], &[])?, ctx)?,
        "card" => blocks::card(&check(&["device"], &[])?, ctx)?,
        "explain-link" => blocks::explain_link(&check(&["text"], &["paste"])?, ctx)?,
        "check-link" => blocks::check_link(&check(&["text"], &["method"])?, ctx)?,
        "bounces" => {
            check(&[], &[])?;
            blocks::bounces(ctx.lang)
        }
        "terms" => {
            check(&[], &[])?;
            terms::terms(ctx.lang)
        }
        "milestone" => html! { (inline::milestone(code, ctx)?) },
        other => {
            return Err(format!(
                "unknown shortcode `{other}`; the shortcodes are: {}",
                NAMES.join(", ")
            ))
        }
    };
    Ok(markup.into_string())
}

#[cfg(test)]
mod tests;
