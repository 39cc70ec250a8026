//! What check_host is asked and what it answers: the query, the seven results, the
//! trace of every term evaluated.

use super::*;

/// The seven results (RFC 7208 2.6).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
#[serde(into = "&'static str")]
pub enum SpfResult {
    None,
    Neutral,
    Pass,
    Fail,
    SoftFail,
    TempError,
    PermError,
}

impl SpfResult {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub(super) fn from_qualifier(q: Qualifier) -> SpfResult {
        match q {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

/// The question: who connected, and for which identity.
#[derive(Debug, Clone)]
pub struct SpfQuery {
    pub ip: IpAddr,
    /// MAIL FROM; may be empty (then `postmaster@<helo>` is used, RFC 7208 2.4).
    pub sender: String,
    pub helo: String,
    /// The domain to check (the sender's domain, or the HELO name).
    pub domain: String,
    /// For `%{r}` in explanations.
    pub receiver: String,
    pub timestamp: u64,
}

/// One evaluated term, in evaluation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceEntry {
    /// 0 for the checked domain, 1 inside its includes, and so on.
    pub depth: u32,
    pub domain: String,
    pub term: String,
    pub outcome: TraceOutcome,
    /// The mechanism the term is (None for `redirect=` and for a term that did not
    /// parse): a report tells from it whether `all` decided a result.
    #[serde(skip)]
    pub mechanism: Option<MechanismKind>,
    /// Where the term stands in its domain's record text (bytes), so a screen can mark
    /// the very term that decided a result; None for a term check_host made up.
    #[serde(skip)]
    pub span: Option<std::ops::Range<usize>>,
    /// DNS-querying terms counted so far in the whole evaluation.
    pub lookups: u32,
    pub note: Option<TraceNote>,
}

/// What one evaluated term did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceOutcome {
    Match,
    NoMatch,
    /// `redirect=` handed the evaluation to another domain.
    Redirect,
    /// Evaluating the term gave this result (permerror, temperror) and ended it.
    Error(SpfResult),
}

impl TraceOutcome {
    /// "match", "no-match", "redirect", or the result ("permerror"): the trace's words
    /// in JSON and in the CLI, the same in every language.
    pub fn as_str(self) -> &'static str {
        match self {
            TraceOutcome::Match => "match",
            TraceOutcome::NoMatch => "no-match",
            TraceOutcome::Redirect => "redirect",
            TraceOutcome::Error(result) => result.as_str(),
        }
    }
}

impl Serialize for TraceOutcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Everything check_host found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfEvaluation {
    pub result: SpfResult,
    /// The expanded `exp=` text, for a fail result.
    pub explanation: Option<String>,
    pub lookups: u32,
    pub void_lookups: u32,
    pub trace: Vec<TraceEntry>,
    /// Index into `trace` of the term that decided the result.
    pub decisive: Option<usize>,
    /// Why the result is an error, when it is one.
    pub problem: Option<SpfProblem>,
}
