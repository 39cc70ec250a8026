//! Void lookups across the whole tree (RFC 7208 4.6.4): every a:, mx:, exists: and
//! include term whose name answers with nothing, in the order check_host would meet
//! them, so the linter can name each one and the one that breaks the limit of 2.
//!
//! check_host stops at the first match; a record can be broken for some senders and not
//! for the device that happened to match early, so the linter asks every term.

use super::record::{parse_record, Mechanism, TermKind};
use super::tree::{NodeState, SpfNode};
use crate::dns::cache::join_all;
use crate::dns::{DomainName, RecordType, Resolver};
use serde::Serialize;

/// A term that led to a void lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoidTerm {
    /// The domain whose record holds the term.
    pub domain: String,
    /// The term as written.
    pub term: String,
    /// The name that has nothing.
    pub name: String,
}

/// What a term asks DNS, when the answer can be known without a sender (no macros).
fn question(mechanism: &Mechanism, domain: &str) -> Option<(String, RecordType)> {
    let target = |spec: &Option<super::macros::MacroString>| match spec {
        None => Some(domain.to_owned()),
        Some(spec) if !spec.has_macros() => Some(spec.text.clone()),
        Some(_) => None,
    };
    match mechanism {
        // Device IPs are IPv4, so an a: term asks for A records.
        Mechanism::A { domain: spec, .. } => target(spec).map(|n| (n, RecordType::A)),
        Mechanism::Mx { domain: spec, .. } => target(spec).map(|n| (n, RecordType::Mx)),
        Mechanism::Exists(spec) if !spec.has_macros() => Some((spec.text.clone(), RecordType::A)),
        _ => None,
    }
}

/// The void terms of `tree`, in evaluation order: a record's terms left to right, an
/// include's own terms at the include's place.
pub async fn void_terms<R: Resolver>(resolver: &R, tree: &SpfNode) -> Vec<VoidTerm> {
    // First every question of the tree at once (the resolver is a cache in the report),
    // then the walk in order.
    let mut questions = Vec::new();
    collect_questions(tree, &mut questions);
    let answers = join_all(
        questions
            .iter()
            .map(|(name, rtype)| async move {
                match DomainName::parse_lookup(name) {
                    Ok(parsed) => resolver
                        .lookup(&parsed, *rtype)
                        .await
                        .ok()
                        .map(|l| l.records().is_empty()),
                    Err(_) => None,
                }
            })
            .collect(),
    )
    .await;
    let is_void = |name: &str, rtype: RecordType| {
        questions
            .iter()
            .zip(&answers)
            .find(|((n, t), _)| n == name && *t == rtype)
            .and_then(|(_, void)| *void)
            .unwrap_or(false)
    };
    let mut out = Vec::new();
    walk(tree, &is_void, &mut out);
    out
}

fn collect_questions(node: &SpfNode, out: &mut Vec<(String, RecordType)>) {
    if let NodeState::Record { text, .. } = &node.state {
        for term in &parse_record(text).terms {
            if let TermKind::Directive { mechanism, .. } = &term.kind {
                if let Some(q) = question(mechanism, &node.domain) {
                    if !out.contains(&q) {
                        out.push(q);
                    }
                }
            }
        }
    }
    for child in &node.children {
        collect_questions(child, out);
    }
}

fn walk(node: &SpfNode, is_void: &dyn Fn(&str, RecordType) -> bool, out: &mut Vec<VoidTerm>) {
    let NodeState::Record { text, .. } = &node.state else {
        return;
    };
    let record = parse_record(text);
    let mut children = node.children.iter();
    for term in &record.terms {
        let term_text = record.term_text(term);
        match &term.kind {
            TermKind::Directive {
                mechanism: Mechanism::Include(spec),
                ..
            } if !spec.has_macros() => {
                let Some(child) = children.find(|c| c.via == "include") else {
                    continue;
                };
                match &child.state {
                    NodeState::NoRecord { .. } => out.push(VoidTerm {
                        domain: node.domain.clone(),
                        term: crate::echo::shown(term_text),
                        name: child.domain.clone(),
                    }),
                    _ => walk(child, is_void, out),
                }
            }
            TermKind::Directive { mechanism, .. } => {
                if let Some((name, rtype)) = question(mechanism, &node.domain) {
                    if is_void(&name, rtype) {
                        out.push(VoidTerm {
                            domain: node.domain.clone(),
                            term: crate::echo::shown(term_text),
                            name,
                        });
                    }
                }
            }
            TermKind::Modifier(_) => {}
        }
    }
    // A redirect's record is evaluated after every term of this one.
    if let Some(child) = node.children.iter().find(|c| c.via == "redirect") {
        walk(child, is_void, out);
    }
}
