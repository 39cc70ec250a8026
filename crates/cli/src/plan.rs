//! `smarthost plan`: ranks the sending methods for the answers given as flags or a file,
//! comparing the dated facts with `--today` (the system date by default).

use crate::args::{parse, Opt};
use crate::output::{out, outln};
use crate::{common, Usage};
use anyhow::Result;
use serde_json::{json, Value};
use smarthost_core::date::Date;
use smarthost_core::i18n::{text, Lang};
use smarthost_core::milestone::Milestone;
use smarthost_core::plan::Client;
use smarthost_core::plan::{for_sender, question, rank, Answers, Effect, Ranking, QUESTIONS};

pub fn run(args: &[String]) -> Result<()> {
    let (opts, positional) = parse(args, |name| name != "json")?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("plan: unexpected argument `{extra}`")).into());
    }
    let mut lang = Lang::En;
    let mut json_output = false;
    let mut answers = Answers::default();
    let mut today = None;
    // The file first, so flags override it whatever their order.
    for opt in opts.iter().filter(|o| o.name == "answers") {
        apply_file(&mut answers, opt)?;
    }
    for Opt { name, value } in &opts {
        let value = value.as_deref().unwrap_or_default();
        match name.as_str() {
            "json" => json_output = true,
            "answers" => {}
            "lang" => lang = common::lang(value)?,
            "today" => today = Some(common::today_option(value)?),
            id if question(id).is_some() => answers
                .set(id, value)
                .map_err(|e| Usage(format!("--{id}: {e}")))?,
            other => {
                return Err(Usage(format!(
                    "plan: unknown option --{other}; questions: {}; also --answers FILE.json, --lang en|vi, --today YYYY-MM-DD, --json",
                    QUESTIONS.iter().map(|q| format!("--{}", q.id)).collect::<Vec<_>>().join(", ")
                ))
                .into())
            }
        }
    }
    let ranking = rank(&answers, today.unwrap_or_else(common::today));
    if json_output {
        outln!(
            "{}",
            serde_json::to_string_pretty(&to_json(&ranking, lang))?
        )?;
    } else {
        out!("{}", to_text(&ranking, answers.client, lang))?;
    }
    Ok(())
}

/// Reads `{"question": "value", ...}`; ports may be "587,25", ["587", "25"] or [587, 25].
fn apply_file(answers: &mut Answers, opt: &Opt) -> Result<()> {
    let path = opt.value.as_deref().unwrap_or_default();
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
