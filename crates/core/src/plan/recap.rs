//! The ranking's recap of the answers: one line per question, in questionnaire order,
//! with the chosen values as catalog keys, so the page can link each line back to its
//! question and word it in the reader's language.

use super::questions::{Answers, QUESTIONS};
use super::wording::for_sender;

/// One question and what was answered to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapLine {
    pub question: &'static str,
    /// The question's place in the questionnaire, from 0.
    pub index: usize,
    /// The chosen values in the question's own order; empty is "I don't know".
    pub values: Vec<&'static str>,
}

impl RecapLine {
    /// The catalog key of the question.
    pub fn question_key(&self) -> String {
        format!("question.{}", self.question)
    }

    /// The catalog keys of the chosen values, worded for `answers`' sender as the
    /// question's choices are ("I don't know" when nothing was chosen).
    pub fn answer_keys(&self, answers: &Answers) -> Vec<String> {
        if self.values.is_empty() {
            return vec!["question.unknown".to_owned()];
        }
        self.values
            .iter()
            .map(|value| {
                for_sender(
                    &format!("question.{}.{value}", self.question),
                    answers.client,
                )
            })
            .collect()
    }
}

/// Every question with its answer.
pub fn recap(answers: &Answers) -> Vec<RecapLine> {
    QUESTIONS
        .iter()
        .enumerate()
        .map(|(index, question)| {
            let chosen = answers.value_of(question.id).unwrap_or_default();
            let chosen: Vec<&str> = chosen.split(',').collect();
            RecapLine {
                question: question.id,
                index,
                values: question
                    .values
                    .iter()
                    .copied()
                    .filter(|value| chosen.contains(value))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{has, Lang};

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(pairs.iter().copied())
            .unwrap_or_else(|error| panic!("{pairs:?}: {error:?}"))
    }

    #[test]
    fn every_question_is_recapped_in_order_with_its_answer() {
        let a = answers(&[
            ("cloud", "gcc-high"),
            ("recipients", "external"),
            ("ports", "25,587"),
        ]);
        let lines = recap(&a);
        assert_eq!(lines.len(), QUESTIONS.len());
        assert!(lines.iter().enumerate().all(|(i, line)| line.index == i));
        assert_eq!(lines[1].question, "cloud");
        assert_eq!(lines[1].values, ["gcc-high"]);
        assert_eq!(lines[2].values, ["external"]);
        // Several ports read in the question's order, whatever order the link had.
        let ports = lines.iter().find(|l| l.question == "ports");
        assert_eq!(ports.map(|l| l.values.clone()), Some(vec!["587", "25"]));
        assert!(lines[0].values.is_empty());
        assert_eq!(lines[0].answer_keys(&a), ["question.unknown"]);
    }

    #[test]
    fn recap_keys_exist_and_follow_the_sender() {
        let a = answers(&[("client", "application"), ("sender", "device")]);
        for line in recap(&a) {
            assert!(has(Lang::En, &line.question_key()), "{}", line.question);
            for key in line.answer_keys(&a) {
                assert!(has(Lang::En, &key), "{key}");
            }
        }
        let sender = recap(&a).into_iter().find(|l| l.question == "sender");
        let keys = sender.map(|l| l.answer_keys(&a)).unwrap_or_default();
        assert_eq!(keys, ["question.sender.device.application"]);
    }
}
