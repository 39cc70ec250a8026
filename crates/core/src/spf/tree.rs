//! The whole SPF include tree, walked past every limit, for the linter and the UI.
//!
//! check_host stops at the first match and at the 10th lookup; admins still need to see
//! everything: syntax errors after the matching term, the full lookup count of a tree
//! that is over the limit, and which include costs what. Lookups of one level are
//! started together and awaited in order, so a deep tree costs about its depth in
//! round trips, while counts follow the record's order.

use super::record::{
    is_spf_record, parse_record, Mechanism, Modifier, SpfRecord, SyntaxError, TermKind,
};
use crate::dns::cache::join_all;
use crate::dns::{DomainName, Lookup, NameError, RecordType, ResolveError, Resolver};
use crate::i18n::{format, serialize_english, serialize_english_all, Lang};
use serde::Serialize;

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
        #[serde(serialize_with = "serialize_english_all")]
        syntax_errors: Vec<SyntaxError>,
    },
    /// No SPF record at this name (a void lookup when it is an include target).
    NoRecord {
        nxdomain: bool,
    },
    Multiple {
        count: usize,
    },
    /// The lookup failed; nothing is known about the records.
    DnsError {
        #[serde(rename = "message", serialize_with = "serialize_english")]
        error: ResolveError,
    },
    /// Not walked: depth, node count or a loop.
    NotWalked {
        #[serde(serialize_with = "serialize_english")]
        reason: NotWalkedReason,
    },
}

/// Why a node is not looked up. [`NotWalkedReason::message`] says it in a language
/// (texts `spf.tree.*`); `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotWalkedReason {
    /// The target is one of its own ancestors.
    Loop {
        target: String,
    },
    TooDeep,
    TooManyNodes,
    /// `target` is shortened and made safe to show.
    InvalidName {
        target: String,
        error: NameError,
    },
}

impl NotWalkedReason {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NotWalkedReason::Loop { target } => {
                format(lang, "spf.tree.loop", &[("target", target)])
            }
            NotWalkedReason::TooDeep => format(
                lang,
                "spf.tree.too-deep",
                &[("max", &MAX_TREE_DEPTH.to_string())],
            ),
            NotWalkedReason::TooManyNodes => format(
                lang,
                "spf.tree.too-many-nodes",
                &[("max", &MAX_TREE_NODES.to_string())],
            ),
            NotWalkedReason::InvalidName { target, error } => format(
                lang,
                "spf.tree.invalid-name",
                &[("target", target), ("error", &error.message(lang))],
            ),
        }
    }
}

crate::i18n::display_in_english!(NotWalkedReason);

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
        Err(error) => NodeState::DnsError { error },
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
                syntax_errors: parsed.errors,
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

/// A node while the tree is walked level by level: its parent instead of children.
struct Flat {
    domain: String,
    via: &'static str,
    state: NodeState,
    parent: Option<usize>,
    depth: u32,
    own_lookups: u32,
}

/// Walks the tree from `domain`; `draft` replaces the root's published record.
///
/// Breadth first: every lookup of a level (the includes of all records found on the
/// level above) goes out at once, so a tree costs about its depth in round trips
/// however many includes each level has.
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
                syntax_errors: parsed.errors,
            }
        }
        None => fetch(resolver, domain).await,
    };
    let mut nodes = vec![Flat {
        domain: domain.to_string(),
        via: "root",
        state: root_state,
        parent: None,
        depth: 0,
        own_lookups: 0,
    }];
    let mut level = vec![0_usize];
    let mut budget = MAX_TREE_NODES;
    while !level.is_empty() {
        let mut wanted: Vec<(usize, &'static str, String)> = Vec::new();
        for &index in &level {
            if let NodeState::Record { text, .. } = &nodes[index].state {
                let record = parse_record(text);
                nodes[index].own_lookups = record.dns_term_count();
                wanted.extend(
                    targets(&record)
                        .into_iter()
                        .map(|(kind, target)| (index, kind, target)),
                );
            }
        }
        let pending: Vec<_> = wanted
            .iter()
            .map(|(parent, _, target)| {
                let refusal = refusal(&nodes, *parent, target, &mut budget);
                let name = DomainName::parse_lookup(target);
                async move {
                    match (refusal, name) {
                        (Some(reason), _) => NodeState::NotWalked { reason },
                        (None, Ok(name)) => fetch(resolver, &name).await,
                        (None, Err(error)) => NodeState::NotWalked {
                            reason: NotWalkedReason::InvalidName {
                                target: crate::echo::shown(target),
                                error,
                            },
                        },
                    }
                }
            })
            .collect();
        let states = join_all(pending).await;
        let mut next = Vec::new();
        for ((parent, via, target), state) in wanted.into_iter().zip(states) {
            if matches!(state, NodeState::Record { .. }) {
                next.push(nodes.len());
            }
            nodes.push(Flat {
                domain: target,
                via,
                state,
                parent: Some(parent),
                depth: nodes[parent].depth + 1,
                own_lookups: 0,
            });
        }
        level = next;
    }
    assemble(&mut nodes, 0)
}

/// Why `target` is not looked up under `parent`: a loop, the depth limit or the node
/// budget (which it spends otherwise).
fn refusal(
    nodes: &[Flat],
    parent: usize,
    target: &str,
    budget: &mut usize,
) -> Option<NotWalkedReason> {
    let mut ancestor = Some(parent);
    while let Some(index) = ancestor {
        if nodes[index].domain.eq_ignore_ascii_case(target) {
            return Some(NotWalkedReason::Loop {
                target: target.to_owned(),
            });
        }
        ancestor = nodes[index].parent;
    }
    if nodes[parent].depth + 1 > MAX_TREE_DEPTH {
        return Some(NotWalkedReason::TooDeep);
    }
    if *budget == 0 {
        return Some(NotWalkedReason::TooManyNodes);
    }
    *budget -= 1;
    None
}

/// Turns the flat list back into the tree, children in record order, totals summed.
fn assemble(nodes: &mut [Flat], index: usize) -> SpfNode {
    let children: Vec<SpfNode> = (index + 1..nodes.len())
        .filter(|&i| nodes[i].parent == Some(index))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|i| assemble(nodes, i))
        .collect();
    let node = &mut nodes[index];
    let total = children.iter().fold(node.own_lookups, |sum, child| {
        sum.saturating_add(child.total_lookups)
    });
    SpfNode {
        domain: std::mem::take(&mut node.domain),
        via: node.via,
        state: std::mem::replace(&mut node.state, NodeState::NoRecord { nxdomain: false }),
        own_lookups: node.own_lookups,
        total_lookups: total,
        children,
    }
}
