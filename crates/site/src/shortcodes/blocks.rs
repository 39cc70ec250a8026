//! The other block shortcodes: `connector` (the steps from core), `fact` (a dated fact
//! with its source), `plan-link` (a link into the planner), `card` (a device's card),
//! `explain-link` (a link to the planner's "Explain a bounce" screen) and `bounces` (the
//! bounces that screen explains).

use super::args::{Args, Context};
use crate::card_html::device_card_html;
use crate::links::{app_href, QueryPair};
use crate::markup::unbreakable_tokens;
use crate::strings::{catalog, t, Text};
use maud::{html, Markup};
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::{connector_steps, ConnectorInput, ConnectorKind};
use smarthost_core::date::Date;
use smarthost_core::i18n::Lang;
use smarthost_core::method::{methods, Fact};
use smarthost_core::plan::Answers;

pub(super) fn connector(args: &Args, lang: Lang) -> Result<Markup, String> {
    let kind = match args.required("method").trim() {
        "relay-ip" => ConnectorKind::RelayIp,
        "relay-cert" => ConnectorKind::RelayCert,
        _ => {
            return Err(args.invalid("method", "a connector method", "use relay-ip or relay-cert"))
        }
    };
    let input = ConnectorInput {
        name: args.get("name").map(str::to_owned),
        ips: args
            .get("ip")
            .map(|ips| ips.split(',').map(|ip| ip.trim().to_owned()).collect())
            .unwrap_or_default(),
        cert_name: args.get("cert").map(str::to_owned),
        sender_domains: args
            .get("domain")
            .map(|d| vec![d.to_owned()])
            .unwrap_or_default(),
        cloud: Cloud::Worldwide,
        client: None,
    };
    let steps = connector_steps(kind, &input).map_err(|errors| {
        let fields: Vec<String> = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message(lang)))
            .collect();
        format!("shortcode `connector`: {}", fields.join("; "))
    })?;
    let steps = steps.in_lang(lang);
    let label = |key: &str| {
        html! {
            p class="steps-label" { strong { (catalog(lang, key)) } } "\n"
        }
    };
    let items = |items: &[String]| {
        html! {
            "\n"
            @for item in items { li { (item) } "\n" }
        }
    };
    Ok(html! {
        div class="connector-steps" {
            "\n"
            (label("ui.connector.eac"))
            ol { (items(&steps.eac)) } "\n"
            (label("ui.connector.powershell"))
            // Tokens kept whole and the block focusable: on a phone a long parameter
            // scrolls the block rather than break (see markdown.rs).
            pre tabindex="0" { code class="language-powershell" { (unbreakable_tokens(&steps.powershell.join("\n"))) } } "\n"
            (label("ui.connector.after"))
            ul { (items(&steps.after)) } "\n"
            @if !steps.warnings.is_empty() {
                (label("card.label.warning"))
                ul { (items(&steps.warnings)) } "\n"
            }
        }
        "\n"
    })
}

pub(super) fn find_fact(key: &str) -> Option<Fact> {
    methods()
        .iter()
        .flat_map(|m| m.facts.iter())
        .find(|f| f.key == key)
        .copied()
}

pub(super) fn fact_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = methods()
        .iter()
        .flat_map(|m| m.facts.iter().map(|f| f.key))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The `fact` shortcode: the fact its `key` names.
pub(super) fn fact(args: &Args, ctx: &Context) -> Result<Markup, String> {
    let key = args.required("key").trim();
    let fact = find_fact(key).ok_or_else(|| {
        args.invalid(
            "key",
            "a fact",
            &format!("the facts are: {}", fact_keys().join(", ")),
        )
    })?;
    Ok(fact_html(&fact, ctx.lang, ctx.today))
}

/// A dated fact with its source, as a note beside the prose; its milestones are worded
/// relative to `today` ("in 29 days", "has been … since").
pub(super) fn fact_html(fact: &Fact, lang: Lang, today: Date) -> Markup {
    html! {
        div class="fact" role="note" {
            "\n"
            p { (fact.text_with_date(lang, today)) } "\n"
            p class="fact-source" {
                (t(lang, Text::Source)) ": "
                a href=(fact.source.url) { (fact.source.label) }
            }
            "\n"
        }
        "\n"
    }
}

pub(super) fn plan_link(args: &Args, ctx: &Context) -> Result<Markup, String> {
    let mut answers = Answers::default();
    for pair in args
        .required("answers")
        .split('&')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let Some((question, value)) = pair.split_once('=') else {
            return Err(format!(
                "shortcode `plan-link`: answers: `{pair}` is not question=value"
            ));
        };
        answers
            .set(question.trim(), value)
            .map_err(|e| format!("shortcode `plan-link`: answers: {e}"))?;
    }
    let text = args.required("text").trim();
    if text.is_empty() {
        return Err("shortcode `plan-link`: text must not be empty".to_owned());
    }
    // Canonical order and spelling, from core, so equal answers give equal links.
    let pairs = answers.to_pairs();
    let mut query: Vec<QueryPair> = vec![("step", "results".to_owned())];
    query.extend(pairs);
    query.push(("lang", ctx.lang.code().to_owned()));
    let href = app_href(ctx.app_url, ctx.depth, &query);
    Ok(html! {
        p class="plan-link" { a href=(href) { (text) } } "\n"
    })
}

/// The `card` shortcode: the card of the inventory's device that `device` names.
pub(super) fn card(args: &Args, ctx: &Context) -> Result<Markup, String> {
    let name = args.required("device");
    let Some(path) = &ctx.devices.path else {
        return Err(format!(
            "shortcode `card`: device=\"{name}\" needs a devices.toml beside the language folders"
        ));
    };
    let entry = ctx.devices.find(name).ok_or_else(|| {
        args.invalid(
            "device",
            &format!("a device in {path}"),
            &format!("the devices are: {}", ctx.devices.names().join(", ")),
        )
    })?;
    let card = entry.card();
    Ok(html! {
        div class="card-embed" {
            "\n"
            (device_card_html(card, ctx.lang))
        }
        "\n"
    })
}

/// The `explain-link` shortcode: a link to the planner's "Explain a bounce" screen, with
/// `paste` (an error text) filled in when given.
pub(super) fn explain_link(args: &Args, ctx: &Context) -> Result<Markup, String> {
    let mut query: Vec<QueryPair> = Vec::new();
    if let Some(paste) = args.get("paste").map(str::trim).filter(|p| !p.is_empty()) {
        query.push(("text", paste.to_owned()));
    }
    screen_link("explain-link", "explain/", query, args, ctx)
}

/// The `check-link` shortcode: a link to the web DNS check, with the sending method
/// chosen when `method` is given, so a reader of the web guide need not install the CLI.
pub(super) fn check_link(args: &Args, ctx: &Context) -> Result<Markup, String> {
    let mut query: Vec<QueryPair> = Vec::new();
    if args.get("method").is_some() {
        query.push(("method", args.method()?.as_str().to_owned()));
    }
    screen_link("check-link", "check/", query, args, ctx)
}

/// A paragraph linking to the planner's `screen` with `query` and the page's language,
/// worded by the shortcode's `text`.
fn screen_link(
    shortcode: &str,
    screen: &str,
    mut query: Vec<QueryPair>,
    args: &Args,
    ctx: &Context,
) -> Result<Markup, String> {
    let text = args.required("text").trim();
    if text.is_empty() {
        return Err(format!("shortcode `{shortcode}`: text must not be empty"));
    }
    query.push(("lang", ctx.lang.code().to_owned()));
    let href = app_href(&screen_url(ctx.app_url, screen), ctx.depth, &query);
    Ok(html! {
        p class="plan-link" { a href=(href) { (text) } } "\n"
    })
}

/// The address of the planner's screen `screen` (a route folder such as `explain/`):
/// the planner's address with the screen's path before any query or fragment.
pub(super) fn screen_url(app_url: &str, screen: &str) -> String {
    let at = app_url.find(['?', '#']).unwrap_or(app_url.len());
    let (base, rest) = app_url.split_at(at);
    let slash = if base.is_empty() || base.ends_with('/') {
        ""
    } else {
        "/"
    };
    format!("{base}{slash}{screen}{rest}")
}

/// The `bounces` shortcode: every bounce smarthost explains, from core's table: its
/// codes, what happened and what to change, in the page's language, with the
/// "(unconfirmed)" note where the wording is observed rather than Microsoft's.
pub(super) fn bounces(lang: Lang) -> Markup {
    use smarthost_core::bounce::{Known, RULES};
    use smarthost_core::i18n::text;
    html! {
        div class="table-scroll" {
            table class="bounces" {
                thead { tr {
                    th scope="col" { (text(lang, "bounce.codes-heading")) }
                    th scope="col" { (text(lang, "bounce.what")) }
                    th scope="col" { (text(lang, "bounce.fix")) }
                } }
                tbody {
                    @for known in Known::all() {
                        @let rules: Vec<_> = RULES.iter().filter(|r| r.known == *known).collect();
                        tr id=(format!("bounce-{}", known.id())) {
                            td {
                                @for (i, rule) in rules.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    code { (rule.codes.label()) }
                                    // The words that tell this bounce from others with the code.
                                    @if let Some(phrase) = rule.phrases.first() {
                                        " " q { (phrase) }
                                    }
                                }
                                @if rules.iter().any(|r| r.unconfirmed) {
                                    br; small { (text(lang, "bounce.unconfirmed-short")) }
                                }
                            }
                            td { (text(lang, &known.key("what"))) }
                            td { (text(lang, &known.key("fix"))) }
                        }
                    }
                }
            }
        }
        "\n"
    }
}
