//! SPF: the published record with its syntax errors in place, the result for each
//! device IP and the term that decided it, the include tree, the findings, and the
//! record to publish with what it changes.

use super::demo_tag::DemoTag;
use super::findings::FindingList;
use super::spf_tree::SpfTree;
use super::whatif::DraftState;
use super::CheckSection;
use crate::components::code_block::CodeBlock;
use crate::i18n::{lang, t, tf};
use leptos::prelude::*;
use smarthost_core::i18n::Phrase;
use smarthost_core::report::{advise, IpCheck, Report, Section, Status};
use smarthost_core::spf::diff::{term_diff, DiffOp};
use smarthost_core::spf::marks::mark_errors;
use smarthost_core::spf::record::parse_record;
use smarthost_core::spf::tree::NodeState;

#[component]
pub fn SpfCard(
    report: Report,
    pending: bool,
    /// The what-if draft: once it lets pass an IP this record fails, the findings say to
    /// publish the draft rather than the suggested record.
    draft: DraftState,
) -> impl IntoView {
    let status = report.status(Section::Spf);
    let findings: Vec<_> = report.findings_in(Section::Spf).cloned().collect();
    let published = StoredValue::new(report.clone());
    let shown_findings = move || {
        let list = draft
            .evaluated
            .get()
            .map(|(text, evaluated)| {
                published.with_value(|p| advise(p, &evaluated, &text).published)
            })
            .unwrap_or_else(|| findings.clone());
        view! { <FindingList findings=list /> }
    };
    let spf = report.spf;
    let record = spf.record.clone();
    let suggested = spf.suggested_record.clone();
    view! {
        <CheckSection section=Section::Spf status=status pending=pending>
            {(!pending).then(|| view! {
                <h3>{t("ui.check.record")}</h3>
                {match record.clone() {
                    Some(text) => view! { <RecordText text=text demo=true /> }.into_any(),
                    // A failed lookup is not an absent record: claim nothing.
                    None if status == Status::CouldNotCheck => {
                        view! { <p class="record-unknown">{t("ui.check.record-unknown")}</p> }.into_any()
                    }
                    None => view! { <p>{t("ui.check.no-record")}</p> }.into_any(),
                }}
                <IpResults checks=spf.ip_checks.clone() />
                {shown_findings.clone()}
                {suggested.clone().map(|suggestion| view! {
                    <Suggestion
                        current=record.clone().unwrap_or_default()
                        suggested=suggestion
                        reasons=spf.suggestion_reasons.clone()
                    />
                })}
                // A tree whose root could not be read has nothing to show but the error
                // the findings already give (and a lookup total of 0 would mislead).
                {spf.tree.clone().filter(|tree| !matches!(tree.state, NodeState::DnsError { .. })).map(|tree| view! {
                    <SpfTree tree=tree lookups=spf.lookups checks=spf.ip_checks.clone() />
                })}
            })}
        </CheckSection>
    }
}

/// The record as published, with each syntax error marked where it is and listed with
/// its position (marks alone would not reach a screen reader), in the page's language.
#[component]
pub fn RecordText(
    text: String,
    /// A record the resolver answered (not one typed): tagged when it is demo data.
    #[prop(optional)]
    demo: bool,
) -> impl IntoView {
    let language = lang();
    let marked = mark_errors(&text, &parse_record(&text).errors);
    view! {
        <p class="spf-record">
            <code>
                {marked.pieces.into_iter().map(|piece| match piece.error {
                    Some(error) => view! { <mark class="syntax-error" title=error.message(language)>{piece.text}</mark> }.into_any(),
                    None => piece.text.into_any(),
                }).collect_view()}
            </code>
            {demo.then(|| view! { <DemoTag /> })}
        </p>
        {(!marked.errors.is_empty()).then(|| view! {
            <ul class="syntax-errors">
                {marked.errors.into_iter().map(|error| view! {
                    <li>{tf("ui.check.syntax-at", &[
                        ("start", &(error.span.start + 1).to_string()),
                        ("end", &error.span.end.max(error.span.start + 1).to_string()),
                        ("message", &error.message(language)),
                    ])}</li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// check_host for each device IP: the result and the term that decided it.
#[component]
pub fn IpResults(checks: Vec<IpCheck>) -> impl IntoView {
    (!checks.is_empty()).then(|| {
        view! {
            <table class="ip-results">
                <caption>{t("ui.check.ip-results")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("ui.check.ip")}</th>
                        <th scope="col">{t("ui.check.result")}</th>
                        <th scope="col">{t("ui.check.decided-by")}</th>
                        <th scope="col">{t("ui.check.lookups")}</th>
                    </tr>
                </thead>
                <tbody>
                    {checks.into_iter().map(|check| {
                        let decided = match &check.decisive {
                            Some(entry) => view! {
                                <code>{entry.term.clone()}</code> " (" {entry.domain.clone()} ")"
                            }.into_any(),
                            None => t("ui.check.no-term").into_any(),
                        };
                        view! {
                            // On a phone each row stands as a block, each value after its
                            // column's name (data-label, shown by the style sheet).
                            <tr data-ip=check.ip.clone() data-result=check.result.as_str()>
                                <td data-label=t("ui.check.ip")>{check.ip.clone()}</td>
                                <td data-label=t("ui.check.result") class=format!("spf-result {}", check.result.as_str())>
                                    <strong>{check.result.as_str()}</strong>
                                    {check.problem.as_ref().map(|p| view! { <br /> {p.message(lang())} })}
                                </td>
                                <td data-label=t("ui.check.decided-by")>{decided}</td>
                                <td data-label=t("ui.check.lookups")>{check.lookups}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// The suggested record, why, and a term-by-term comparison with the published one.
#[component]
fn Suggestion(current: String, suggested: String, reasons: Vec<Phrase>) -> impl IntoView {
    let diff = term_diff(&current, &suggested);
    view! {
        <div class="suggestion">
            <h3>{t("ui.check.suggested")} <DemoTag /></h3>
            <CodeBlock code=suggested.clone() />
            <ul>{reasons.into_iter().map(|r| view! { <li>{move || r.render(lang())}</li> }).collect_view()}</ul>
            {(!current.is_empty()).then(|| view! {
                <p class="diff-heading">{t("ui.check.changes")}</p>
                <p class="spf-diff"><code>
                    {diff.into_iter().map(|part| {
                        let term = part.term;
                        match part.op {
                            DiffOp::Keep => view! { <span>{term}</span> " " }.into_any(),
                            DiffOp::Add => view! {
                                <ins><span class="visually-hidden">{t("ui.check.added")} " "</span>{term}</ins> " "
                            }.into_any(),
                            DiffOp::Remove => view! {
                                <del><span class="visually-hidden">{t("ui.check.removed")} " "</span>{term}</del> " "
                            }.into_any(),
                        }
                    }).collect_view()}
                </code></p>
            })}
        </div>
    }
}
