//! The SPF include tree: every include and redirect, past the limits check_host stops
//! at, with each node's own lookups, the count so far in tree order, void lookups,
//! and the node whose term decided a device IP's result.

use super::demo_tag::DemoTag;
use crate::i18n::{lang, t, tf, tn};
use leptos::prelude::*;
use smarthost_core::report::{decided_terms, record_pieces, IpCheck};
use smarthost_core::spf::tree::{NodeState, SpfNode};

/// The RFC 7208 limit on DNS-querying terms.
const LIMIT: u32 = 10;

#[component]
pub fn SpfTree(tree: SpfNode, lookups: u32, checks: Vec<IpCheck>) -> impl IntoView {
    let mut running = 0;
    let root = node_view(&tree, &checks, 0, &mut running);
    view! {
        <div class="spf-tree-wrap">
            <h3>{t("ui.check.tree")} " (" {tn("ui.check.lookups-total", lookups as usize)} ")"</h3>
            <p class="help">{t("ui.check.tree-help")}</p>
            <ul class="spf-tree">{root}</ul>
        </div>
    }
}

fn node_view(node: &SpfNode, checks: &[IpCheck], depth: u32, running: &mut u32) -> AnyView {
    *running += node.own_lookups;
    let over = *running > LIMIT;
    let decided_for: Vec<String> = checks
        .iter()
        .filter(|c| {
            c.decisive
                .as_ref()
                .is_some_and(|d| d.domain.eq_ignore_ascii_case(&node.domain))
        })
        .map(|c| {
            let term = c
                .decisive
                .as_ref()
                .map(|d| d.term.clone())
                .unwrap_or_default();
            format!("{} ({term})", c.ip)
        })
        .collect();
    let (state_class, state_text) = match &node.state {
        NodeState::Record { text, .. } => ("record", text.clone()),
        NodeState::NoRecord { nxdomain: true } => ("void", tf("ui.check.tree-nxdomain", &[])),
        NodeState::NoRecord { nxdomain: false } => ("void", tf("ui.check.tree-void", &[])),
        NodeState::Multiple { count } => (
            "multiple",
            tf("ui.check.tree-multiple", &[("count", &count.to_string())]),
        ),
        NodeState::DnsError { error } => (
            "dns-error",
            tf("ui.check.tree-error", &[("error", &error.message(lang()))]),
        ),
        NodeState::NotWalked { reason } => (
            "not-walked",
            tf(
                "ui.check.tree-not-walked",
                &[("reason", &reason.message(lang()))],
            ),
        ),
    };
    let counts = format!(
        "{} · {}",
        tn("ui.check.tree-own", node.own_lookups as usize),
        tf("ui.check.tree-running", &[("count", &running.to_string())])
    );
    let summary = view! {
        <span class="node-domain">{node.domain.clone()}</span>
        " "
        <span class="node-via">{format!("({})", node.via)}</span>
        " "
        <span class="node-counts">{counts}</span>
        {over.then(|| view! { " " <strong class="over-limit">{tf("ui.check.tree-over", &[])}</strong> })}
        {(!decided_for.is_empty()).then(|| view! {
            " " <strong class="decisive">{tf("ui.check.tree-decisive", &[("ips", &decided_for.join(", "))])}</strong>
        })}
    };
    let record = match &node.state {
        NodeState::Record { text, .. } => record_view(text, checks, &node.domain, depth),
        _ => state_text.into_any(),
    };
    // A record the demo answers for a name it does not own says so.
    let stand_in = smarthost_core::dns::demo::is_stand_in(&node.domain);
    let body = view! {
        <p class=format!("node-state {state_class}")><code>{record}</code> <DemoTag stand_in=stand_in /></p>
    };
    let children: Vec<AnyView> = node
        .children
        .iter()
        .map(|child| node_view(child, checks, depth + 1, running))
        .collect();
    let class = format!(
        "spf-node {state_class}{}{}",
        if over { " over" } else { "" },
        if decided_for.is_empty() {
            ""
        } else {
            " decisive-node"
        }
    );
    if children.is_empty() {
        view! { <li class=class data-domain=node.domain.clone()><div class="node-summary">{summary}</div>{body}</li> }
            .into_any()
    } else {
        view! {
            <li class=class data-domain=node.domain.clone()>
                <details open>
                    <summary class="node-summary">{summary}</summary>
                    {body}
                    <ul>{children}</ul>
                </details>
            </li>
        }
        .into_any()
    }
}

/// A node's record with each term that decided a device IP's result marked in place and
/// followed by its result and IPs in words: the mark's colour follows the result (never
/// the pass colour for a fail), and the words carry it for everyone else.
fn record_view(text: &str, checks: &[IpCheck], domain: &str, depth: u32) -> AnyView {
    let decided = decided_terms(checks, domain, depth, text);
    record_pieces(text, &decided)
        .into_iter()
        .map(|piece| match piece.decided.and_then(|i| decided.get(i)) {
            Some(term) => {
                let result = term.result.as_str();
                let words = tf(
                    "ui.check.tree-term-decided",
                    &[("result", result), ("ips", &term.ips.join(", "))],
                );
                view! {
                    <mark class=format!("decided-term {result}") data-result=result>{piece.text}</mark>
                    " "
                    <span class=format!("term-verdict {result}")>{words}</span>
                }
                .into_any()
            }
            None => piece.text.into_any(),
        })
        .collect_view()
        .into_any()
}
