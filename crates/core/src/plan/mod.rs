//! The planner: the questionnaire and the ranking of methods it produces.

pub mod questions;
pub mod rank;
pub mod wording;

#[cfg(test)]
mod scenarios;

pub use questions::{question, AnswerError, Answers, Client, Question, QUESTIONS};
pub use rank::{rank, Effect, RankedMethod, Ranking, Reason, Verdict};
pub use wording::for_sender;
