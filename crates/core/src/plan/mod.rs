//! The planner: the questionnaire and the ranking of methods it produces.

pub mod connector_advice;
pub mod questions;
pub mod rank;
pub mod recap;
pub mod tenant_advice;
pub mod wording;

#[cfg(test)]
mod scenarios;

pub use connector_advice::{connector_advice, ConnectorAdvice, DirectSendConnector};
pub use questions::{question, AnswerError, Answers, Client, Question, QUESTIONS};
pub use rank::{rank, Effect, RankedMethod, Ranking, Reason, Verdict};
pub use recap::{recap, RecapLine};
pub use tenant_advice::{tenant_switches, TenantSwitch};
pub use wording::for_sender;
