//! `smarthost plan`: ranks the sending methods for the answers given as flags or a file,
//! comparing the dated facts with `--today` (the system date by default).

use crate::common;
use crate::output::{out, outln};
use crate::Usage;
use anyhow::Result;
use clap::builder::{PossibleValue, TypedValueParser};
use serde_json::{json, Value};
use smarthost_core::date::Date;
use smarthost_core::i18n::{text, Lang};
use smarthost_core::milestone::Milestone;
use smarthost_core::plan::Client;
use smarthost_core::plan::{for_sender, rank, Answers, Effect, Question, Ranking, QUESTIONS};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    questions: QuestionFlags,
    /// Answers from a JSON object of question ids and values; the flags override it
    #[arg(long, value_name = "FILE.json", allow_hyphen_values = true)]
    answers: Vec<String>,
    /// The language of the reasons [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The day the dated facts are compared with [default: the system date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::TODAY)]
    today: Option<Date>,
    /// The ranking as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<()> {
    let lang = args.lang.unwrap_or(Lang::En);
    let mut answers = Answers::default();
    // The file first, so flags override it whatever their order.
    for path in &args.answers {
        apply_file(&mut answers, path)?;
    }
    for (id, value) in &args.questions.0 {
        answers
            .set(id, value)
            .map_err(|e| Usage(format!("--{id}: {e}")))?;
    }
    let ranking = rank(&answers, args.today.unwrap_or_else(common::today));
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&to_json(&ranking, lang))?
        )?;
    } else {
        out!("{}", to_text(&ranking, answers.client, lang))?;
    }
    Ok(())
}

/// One `--<question> <value>` flag per question of core's table (a new question needs no
/// change here), in the table's order; the values given, checked by [`Answers::set`].
struct QuestionFlags(Vec<(&'static str, String)>);

impl clap::Args for QuestionFlags {
    fn augment_args(command: clap::Command) -> clap::Command {
        QUESTIONS.iter().fold(command, |command, question| {
            let mut help = text(Lang::En, &format!("question.{}", question.id));
            if question.multiple {
                help.push_str(" (comma-separated)");
            }
            command.arg(
                clap::Arg::new(question.id)
                    .long(question.id)
                    .value_name("VALUE")
                    .value_parser(Answer(question))
                    .help(help),
            )
        })
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

impl clap::FromArgMatches for QuestionFlags {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut given = Vec::new();
        for question in &QUESTIONS {
            let value = matches
                .try_get_one::<String>(question.id)
                .map_err(|e| clap::Error::raw(clap::error::ErrorKind::Format, e))?;
            if let Some(value) = value {
                given.push((question.id, value.clone()));
            }
        }
        Ok(QuestionFlags(given))
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

/// A question's value, read as [`Answers::set`] reads it (the message lists the allowed
/// values), and its values for the help.
#[derive(Clone, Copy)]
struct Answer(&'static Question);

impl TypedValueParser for Answer {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let id = self.0.id;
        let check = move |value: &str| -> Result<String, Usage> {
            Answers::default()
                .set(id, value)
                .map(|()| value.to_owned())
                .map_err(|e| Usage(format!("--{id}: {e}")))
        };
        check.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let values = self.0.values.iter().copied().chain(["unknown"]);
        Some(Box::new(values.map(PossibleValue::new)))
    }
}

/// Reads `{"question": "value", ...}`; ports may be "587,25", ["587", "25"] or [587, 25].
fn apply_file(answers: &mut Answers, path: &str) -> Result<()> {
    let content = std::fs::read_to_string(path)
        .map_err(|e| Usage(format!("--answers: cannot read {path}: {e}")))?;
    let value: Value = serde_json::from_str(&content)
        .map_err(|e| Usage(format!("--answers: {path} is not valid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(Usage(format!(
            "--answers: {path} must hold a JSON object of question ids and values"
        ))
        .into());
    };
    for (id, value) in map {
        let text = match value {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Null => "unknown".to_owned(),
            Value::Array(items) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(","),
            other => other.to_string(),
        };
        answers
            .set(&id, &text)
            .map_err(|e| Usage(format!("--answers {path}: {e}")))?;
    }
    Ok(())
}

fn to_json(ranking: &Ranking, lang: Lang) -> Value {
    json!({
        "today": ranking.today.to_string(),
        "recommended": ranking.recommended().map(|id| id.as_str()),
        "methods": ranking.methods.iter().map(|m| json!({
            "id": m.id.as_str(),
            "verdict": m.verdict.as_str(),
            "reasons": m.reasons.iter().map(|r| json!({
                "code": r.code,
                "effect": r.effect,
                "question": r.question,
                "milestone": r.milestone.map(|m| milestone_json(m, ranking.today)),
                "text": r.text(lang),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A dated fact's key, its day and how far today is from it (`days`: positive before it).
fn milestone_json(milestone: Milestone, today: Date) -> Value {
    json!({
        "key": milestone.key(),
        "date": milestone.date().to_string(),
        "days": today.days_until(milestone.date()),
        "reached": milestone.reached(today),
    })
}

fn to_text(ranking: &Ranking, client: Option<Client>, lang: Lang) -> String {
    let mut out = String::new();
    for (index, m) in ranking.methods.iter().enumerate() {
        let name = text(lang, &m.id.key("name"));
        let verdict = text(lang, &format!("verdict.{}", m.verdict.as_str()));
        out.push_str(&format!(
            "{}. {name} [{}]: {verdict}\n",
            index + 1,
            m.id.as_str()
        ));
        let summary = for_sender(&m.id.key("summary"), client);
        out.push_str(&format!("   {}\n", text(lang, &summary)));
        for reason in &m.reasons {
            let mark = match reason.effect {
                Effect::Blocks => "x",
                Effect::Against => "-",
                Effect::Retiring => "!",
                Effect::For | Effect::Prefer => "+",
                Effect::ToCheck => "?",
                Effect::Note => "*",
            };
            out.push_str(&format!("   {mark} {}\n", reason.text(lang)));
        }
        out.push('\n');
    }
    out
}
