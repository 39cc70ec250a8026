//! From answers and today's date to a ranking: every method gets a verdict and the
//! reasons for it, each reason tied to the question whose answer caused it.
//!
//! A reason either rules the method out (`Blocks`), counts for or against it, marks it
//! as going away (`Retiring`), asks the admin to find something out (`ToCheck`, from an
//! unknown answer), or is a `Note` that always applies. Exactly one possible method is
//! recommended: the highest score among those not going away, ties broken by the table
//! order of [`PREFERENCE`]. A method's reasons start with the one that decided its verdict.
//!
//! Rules that rest on a dated fact compare its [`Milestone`] with `today`, and their
//! texts say how far away it is, or that it has passed.

use super::questions::{
    Answers, Auth, Client, Hosting, IpKind, Recipients, Sender, TlsSupport, Volume,
};
use super::wording::for_sender;
use crate::cloud::Availability;
use crate::date::Date;
use crate::i18n::{text, Lang};
use crate::method::{method, MethodId};
use crate::milestone::{fill_milestones, Milestone};
use serde::Serialize;

mod rules;

use rules::reasons_for;
pub use rules::ALL_REASON_CODES;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Verdict {
    Recommended,
    Possible,
    NotPossible,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(into = "&'static str")]
pub enum Effect {
    Blocks,
    Against,
    For,
    /// What the facts file says an organisation should do (e.g. route devices through
    /// its own mail server): outweighs one ordinary reason.
    Prefer,
    /// It works for now but is being retired: never recommended for a new setup while
    /// another method is possible.
    Retiring,
    ToCheck,
    Note,
}

impl Effect {
    /// The JSON's word, and the suffix of its `ui.effect.*` label.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn score(self) -> i32 {
        match self {
            Effect::Blocks => -100,
            Effect::Against => -2,
            Effect::For => 2,
            Effect::Prefer => 4,
            Effect::Retiring => -2,
            Effect::ToCheck => -1,
            Effect::Note => 0,
        }
    }
}

/// One reason: a stable kebab-case code, its effect, the question that caused it
/// (`None` for notes that hold whatever the answers), and the dated fact it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub effect: Effect,
    pub question: Option<&'static str>,
    /// The dated change the reason states, worded relative to the ranking's day.
    pub milestone: Option<Milestone>,
    /// Who sends, so that an application is "the application", not "the device".
    #[serde(skip)]
    pub client: Option<Client>,
    #[serde(skip)]
    pub today: Date,
}

impl Reason {
    /// The localized sentence, from `reason.<code>` in the catalog (`.application` when
    /// an application sends), its milestones worded for the ranking's day.
    pub fn text(&self, lang: Lang) -> String {
        let key = for_sender(&format!("reason.{}", self.code), self.client);
        fill_milestones(&text(lang, &key), lang, self.today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankedMethod {
    pub id: MethodId,
    pub verdict: Verdict,
    pub score: i32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranking {
    /// The day the dated facts were compared with.
    pub today: Date,
    /// Best first: the recommended method, the possible ones, then the others.
    pub methods: Vec<RankedMethod>,
}

impl Ranking {
    pub fn recommended(&self) -> Option<MethodId> {
        self.methods
            .iter()
            .find(|m| m.verdict == Verdict::Recommended)
            .map(|m| m.id)
    }

    pub fn get(&self, id: MethodId) -> Option<&RankedMethod> {
        self.methods.iter().find(|m| m.id == id)
    }
}

/// Tie-break order when scores are equal: simpler, cheaper, more durable first.
pub const PREFERENCE: [MethodId; 8] = [
    MethodId::ClientSubmission,
    MethodId::DirectSend,
    MethodId::RelayCert,
    MethodId::RelayIp,
    MethodId::GraphApi,
    MethodId::Hve,
    MethodId::Acs,
    MethodId::OnpremRelay,
];

/// Ranks every method for these answers, comparing the dated facts with `today`.
pub fn rank(answers: &Answers, today: Date) -> Ranking {
    let mut ranked: Vec<RankedMethod> = PREFERENCE
        .iter()
        .map(|&id| {
            let reasons = reasons_for(id, answers, today);
            let blocked = reasons.iter().any(|r| r.effect == Effect::Blocks);
            RankedMethod {
                id,
                verdict: if blocked {
                    Verdict::NotPossible
                } else {
                    Verdict::Possible
                },
                score: reasons.iter().map(|r| r.effect.score()).sum(),
                reasons,
            }
        })
        .collect();
    // Stable sort keeps PREFERENCE order among equal scores; a method that is going away
    // comes after the others that are possible, so it is recommended only when nothing
    // else is possible.
    ranked.sort_by_key(|m| (m.verdict == Verdict::NotPossible, retiring(m), -m.score));
    if let Some(best) = ranked.first_mut() {
        if best.verdict == Verdict::Possible {
            best.verdict = Verdict::Recommended;
        }
    }
    say_why_graph_comes_after_smtp_auth(&mut ranked, answers, today);
    for m in &mut ranked {
        put_deciding_reason_first(m);
    }
    Ranking {
        today,
        methods: ranked,
    }
}

/// Both need a licensed mailbox and Graph has no SMTP sign-in to retire, so a reader
/// asks why SMTP AUTH with OAuth is recommended over it: say so on Graph's card.
fn say_why_graph_comes_after_smtp_auth(
    ranked: &mut [RankedMethod],
    answers: &Answers,
    today: Date,
) {
    let submission_first = ranked
        .first()
        .is_some_and(|m| m.id == MethodId::ClientSubmission && m.verdict == Verdict::Recommended);
    if !submission_first || answers.client != Some(Client::Application) {
        return;
    }
    if let Some(graph) = ranked
        .iter_mut()
        .find(|m| m.id == MethodId::GraphApi && m.verdict == Verdict::Possible)
    {
        graph.reasons.push(Reason {
            code: "graph-after-smtp-auth",
            effect: Effect::Note,
            question: None,
            milestone: None,
            client: answers.client,
            today,
        });
    }
}

fn retiring(m: &RankedMethod) -> bool {
    m.reasons.iter().any(|r| r.effect == Effect::Retiring)
}

/// Moves the reason that decided the verdict to the front, the others keep rule order:
/// for a method ruled out, what rules it out; for the recommended one, its strongest
/// reason for; for a possible one, what holds it back (its retirement, else its
/// strongest reason against), else its strongest reason for.
fn put_deciding_reason_first(m: &mut RankedMethod) {
    let position = |wanted: &dyn Fn(&Reason) -> bool, strongest: fn(i32) -> i32| {
        m.reasons
            .iter()
            .enumerate()
            .filter(|(_, r)| wanted(r))
            // min_by_key keeps the first of equals, so rule order breaks ties.
            .min_by_key(|(_, r)| strongest(r.effect.score()))
            .map(|(i, _)| i)
    };
    let strongest_for = |score: i32| -score;
    let strongest_against = |score: i32| score;
    let deciding = match m.verdict {
        Verdict::NotPossible => position(&|r| r.effect == Effect::Blocks, strongest_against),
        Verdict::Recommended => position(&|r| r.effect.score() > 0, strongest_for),
        Verdict::Possible => position(&|r| r.effect == Effect::Retiring, strongest_against)
            .or_else(|| position(&|r| r.effect.score() < 0, strongest_against))
            .or_else(|| position(&|r| r.effect.score() > 0, strongest_for)),
    };
    if let Some(index) = deciding {
        let reason = m.reasons.remove(index);
        m.reasons.insert(0, reason);
    }
}

/// Collects reasons; `by`, `dated` and `note` keep each rule to one line.
struct Collector {
    reasons: Vec<Reason>,
    client: Option<Client>,
    today: Date,
}

impl Collector {
    fn add(
        &mut self,
        code: &'static str,
        effect: Effect,
        question: Option<&'static str>,
        milestone: Option<Milestone>,
    ) {
        self.reasons.push(Reason {
            code,
            effect,
            question,
            milestone,
            client: self.client,
            today: self.today,
        });
    }
    fn by(&mut self, question: &'static str, code: &'static str, effect: Effect) {
        self.add(code, effect, Some(question), None);
    }
    /// A reason that states a dated fact.
    fn dated(
        &mut self,
        question: &'static str,
        code: &'static str,
        effect: Effect,
        milestone: Milestone,
    ) {
        self.add(code, effect, Some(question), Some(milestone));
    }
    fn note(&mut self, code: &'static str) {
        self.add(code, Effect::Note, None, None);
    }
    fn dated_note(&mut self, code: &'static str, milestone: Milestone) {
        self.add(code, Effect::Note, None, Some(milestone));
    }
    /// Whether `milestone` holds on the ranking's day.
    fn since(&self, milestone: Milestone) -> bool {
        milestone.reached(self.today)
    }
}
