//! The terms an admin may not know (tenant, connector, smart host, relay, mail user),
//! explained once where readers first meet them: the planner's "Words used here" and the
//! guides' `{{ terms }}` both list these, from the catalog keys `term.<id>.name` and
//! `term.<id>.explain`. messages/glossary.txt marks the same terms `explain = yes`, and
//! its test keeps the two lists equal.

/// The explained terms, in the order a reader meets them.
pub const EXPLAINED: [&str; 5] = ["tenant", "smart-host", "connector", "relay", "mail-user"];

/// The catalog key of a term's name ("tenant (đối tượng thuê)").
pub fn name_key(id: &str) -> String {
    format!("term.{id}.name")
}

/// The catalog key of a term's one-sentence explanation.
pub fn explain_key(id: &str) -> String {
    format!("term.{id}.explain")
}
