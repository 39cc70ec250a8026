//! The whole SPF include tree, walked past every limit, for the linter and the UI.
//!
//! check_host stops at the first match and at the 10th lookup; admins still need to see
//! everything: syntax errors after the matching term, the full lookup count of a tree
//! that is over the limit, and which include costs what. Look-ups of one level are
//! started together and awaited in order, so a deep tree costs about its depth in
//! round trips, while counts follow the record's order.

use super::record::{is_spf_record, parse_record, Mechanism, Modifier, SpfRecord, TermKind};
use crate::dns::cache::join_all;
use crate::dns::{DomainName, Lookup, RecordType, Resolver};
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;

/// Bounds the walk on hostile or looping trees.
pub const MAX_TREE_DEPTH: u32 = 10;
pub const MAX_TREE_NODES: usize = 200;

/// One domain in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfNode {
    pub domain: String,
    /// How this node was reached: "include", "redirect", or "root".
    pub via: &'static str,
    pub state: NodeState,
    /// DNS-querying terms in this node's own record.
    pub own_lookups: u32,
    /// This node's and all its descendants' DNS-querying terms (includes and redirects
    /// of children count where they are written).
    pub total_lookups: u32,
    pub children: Vec<SpfNode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NodeState {
    Record {
        text: String,
        syntax_errors: Vec<String>,
    },
    /// No SPF record at this name (a void look-up when it is an include target).
    NoRecord {
        nxdomain: bool,
    },
    Multiple {
        count: usize,
    },
    /// The look-up failed; nothing is known about the records.
    DnsError {
        message: String,
    },
    /// Not walked: depth, node count or a loop.
    NotWalked {
        reason: String,
    },
}

impl SpfNode {
    pub fn record(&self) -> Option<&str> {
        match &self.state {
            NodeState::Record { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Every node, depth first, with its depth.
    pub fn walk(&self) -> Vec<(u32, &SpfNode)> {
        let mut out = Vec::new();
        fn go<'a>(node: &'a SpfNode, depth: u32, out: &mut Vec<(u32, &'a SpfNode)>) {
            out.push((depth, node));
            for child in &node.children {
                go(child, depth + 1, out);
            }
        }
        go(self, 0, &mut out);
        out
    }
}

/// Fetches the SPF record(s) at `name`.
pub async fn fetch<R: Resolver>(resolver: &R, name: &DomainName) -> NodeState {
    match resolver.lookup(name, RecordType::Txt).await {
        Err(e) => NodeState::DnsError {
            message: e.to_string(),
        },
        Ok(lookup) => state_from(&lookup),
    }
}

fn state_from(lookup: &Lookup) -> NodeState {
    let records: Vec<String> = lookup
        .records()
        .iter()
        .filter_map(|r| r.data.txt_joined())
        .filter(|t| is_spf_record(t))
        .collect();
    match records.as_slice() {
        [] => NodeState::NoRecord {
            nxdomain: *lookup == Lookup::NxDomain,
        },
        [one] => {
            let parsed = parse_record(one);
            NodeState::Record {
                text: one.clone(),
                syntax_errors: parsed.errors.iter().map(|e| e.message.clone()).collect(),
            }
        }
        many => NodeState::Multiple { count: many.len() },
    }
}

/// The targets of a record's include and redirect terms that have no macros (macro
/// targets depend on the sender and cannot be walked in general).
fn targets(record: &SpfRecord) -> Vec<(&'static str, String)> {
    record
        .terms
        .iter()
        .filter_map(|t| match &t.kind {
            TermKind::Directive {
                mechanism: Mechanism::Include(spec),
                ..
            } if !spec.has_macros() => Some(("include", spec.text.clone())),
            TermKind::Modifier(Modifier::Redirect(spec)) if !spec.has_macros() => {
                Some(("redirect", spec.text.clone()))
            }
            _ => None,
        })
        .collect()
}

type NodeFuture<'a> = Pin<Box<dyn Future<Output = SpfNode> + 'a>>;

/// Walks the tree from `domain`; `draft` replaces the root's published record.
pub async fn walk_tree<R: Resolver>(
    resolver: &R,
    domain: &DomainName,
    draft: Option<&str>,
) -> SpfNode {
    let root_state = match draft {
        Some(text) => {
            let parsed = parse_record(text);
            NodeState::Record {
                text: text.to_owned(),
                syntax_errors: parsed.errors.iter().map(|e| e.message.clone()).collect(),
            }
        }
        None => fetch(resolver, domain).await,
    };
    let mut budget = MAX_TREE_NODES;
    let mut path = vec![domain.to_string()];
    expand(
        resolver,
        domain.to_string(),
        "root",
        root_state,
        0,
        &mut budget,
        &mut path,
    )
    .await
}

fn expand<'a, R: Resolver>(
    resolver: &'a R,
    domain: String,
    via: &'static str,
    state: NodeState,
    depth: u32,
    budget: &'a mut usize,
    path: &'a mut Vec<String>,
) -> NodeFuture<'a> {
    Box::pin(async move {
        let Some(record) = (match &state {
            NodeState::Record { text, .. } => Some(parse_record(text)),
            _ => None,
        }) else {
            return SpfNode {
                domain,
                via,
                state,
                own_lookups: 0,
                total_lookups: 0,
                children: Vec::new(),
            };
        };
        let own = record.dns_term_count();
        let targets = targets(&record);
        // Start every look-up of this level at once, then take the answers in order.
        let pending: Vec<_> = targets
            .iter()
            .map(|(_, target)| {
                let name = DomainName::parse_lookup(target);
                let looping = path.iter().any(|p| p.eq_ignore_ascii_case(target));
                async move {
                    match name {
                        _ if looping => NodeState::NotWalked {
                            reason: format!("{target} includes itself (a loop)"),
                        },
                        _ if depth + 1 > MAX_TREE_DEPTH => NodeState::NotWalked {
                            reason: format!("deeper than {MAX_TREE_DEPTH} levels"),
                        },
                        Ok(name) => fetch(resolver, &name).await,
                        Err(e) => NodeState::NotWalked {
                            reason: format!("\"{target}\" is not a valid domain name ({e})"),
                        },
                    }
                }
            })
            .collect();
        let states = join_all(pending).await;
        let mut children = Vec::new();
        let mut total = own;
        for ((kind, target), state) in targets.iter().zip(states) {
            if *budget == 0 {
                children.push(SpfNode {
                    domain: target.clone(),
                    via: kind,
                    state: NodeState::NotWalked {
                        reason: format!("more than {MAX_TREE_NODES} records in the tree"),
                    },
                    own_lookups: 0,
                    total_lookups: 0,
                    children: Vec::new(),
                });
                continue;
            }
            *budget -= 1;
            path.push(target.clone());
            let child = expand(
                resolver,
                target.clone(),
                kind,
                state,
                depth + 1,
                budget,
                path,
            )
            .await;
            path.pop();
            total = total.saturating_add(child.total_lookups);
            children.push(child);
        }
        SpfNode {
            domain,
            via,
            state,
            own_lookups: own,
            total_lookups: total,
            children,
        }
    })
}
