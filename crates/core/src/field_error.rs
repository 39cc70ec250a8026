//! A typed value that failed validation, with the form field it belongs to. The problem
//! is data (a validation error, a name error or a catalog phrase); the words are chosen
//! when it is shown, in the reader's language, so a form re-words its errors when the
//! language changes without validating again.

use crate::cloud::Cloud;
use crate::dns::NameError;
use crate::i18n::{format, Lang, Phrase};
use crate::plan::{for_sender, Client};
use crate::validate::ValueError;

/// A value that failed validation, with the field it belongs to (`"from"`, `"ips"`…:
/// the CLI's option names and the forms' field ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: FieldProblem,
}

/// Why the field's value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Value(ValueError),
    Name(NameError),
    /// A rule of the card or connector itself (a value it needs).
    Rule(Phrase),
    /// A Microsoft 365 MX host of another cloud than the device's.
    MxInOtherCloud {
        host: String,
        cloud: Cloud,
        client: Option<Client>,
    },
}

impl FieldError {
    pub fn value(field: &'static str, error: ValueError) -> Self {
        FieldError {
            field,
            problem: FieldProblem::Value(error),
        }
    }

    pub fn name(field: &'static str, error: NameError) -> Self {
        FieldError {
            field,
            problem: FieldProblem::Name(error),
        }
    }

    pub fn rule(field: &'static str, phrase: Phrase) -> Self {
        FieldError {
            field,
            problem: FieldProblem::Rule(phrase),
        }
    }

    /// What is wrong and what to enter instead, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match &self.problem {
            FieldProblem::Value(error) => error.message(lang),
            FieldProblem::Name(error) => error.message(lang),
            FieldProblem::Rule(phrase) => phrase.render(lang),
            FieldProblem::MxInOtherCloud {
                host,
                cloud,
                client,
            } => format(
                lang,
                &for_sender("card.error.mx-other-cloud", *client),
                &[
                    ("host", host),
                    ("cloud", &cloud.name(lang)),
                    ("suffix", cloud.mx_suffix()),
                ],
            ),
        }
    }
}
