//! The planner: the questionnaire and the ranking of methods it produces.

pub mod questions;
pub mod rank;

#[cfg(test)]
mod scenarios;

pub use questions::{question, AnswerError, Answers, Question, QUESTIONS};
pub use rank::{rank, Effect, RankedMethod, Ranking, Reason, Verdict};
