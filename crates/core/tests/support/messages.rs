//! The checks that a kind of message speaks both languages: every sample renders
//! non-empty in English and Vietnamese, with every placeholder filled, as text rather
//! than a catalog key, without an unsafe character, in Vietnamese words rather than the
//! English template, and with `Display` giving the English. Each test file says what it
//! holds its messages to in a [`Rules`].

use super::is_unsafe_to_echo;
use smarthost_core::i18n::Lang;
use std::fmt::{Debug, Display};

/// What one kind of message is held to beyond the common checks.
pub struct Rules {
    /// Words of the English templates that never belong in a Vietnamese message.
    pub english_words: &'static [&'static str],
    /// True when a message is a catalog key left unrendered.
    pub is_key: fn(&str) -> bool,
    /// What may come right before a `{` that is not a placeholder (`\u` of a character
    /// written escaped, `%` of an SPF macro).
    pub brace_escapes: &'static [&'static str],
    /// The longest a message may be, in characters, when there is a limit.
    pub max_chars: Option<usize>,
}

/// A placeholder left as `{name}` in `message`.
pub fn unfilled<'m>(rules: &Rules, message: &'m str) -> Option<&'m str> {
    message.match_indices('{').find_map(|(at, _)| {
        let (name, _) = message.get(at + 1..)?.split_once('}')?;
        let escaped = message.get(..at).is_some_and(|before| {
            rules
                .brace_escapes
                .iter()
                .any(|escape| before.ends_with(escape))
        });
        (!escaped
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then_some(name)
    })
}

/// What is wrong with the messages of one sample; `en` must also be its `Display`.
pub fn problems_with(rules: &Rules, what: &str, display: &str, en: &str, vi: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if display != en {
        problems.push(format!("Display {display:?} is not the English {en:?}"));
    }
    for (lang, message) in [("en", en), ("vi", vi)] {
        if message.trim().is_empty() {
            problems.push(format!("{lang}: empty"));
        }
        if let Some(name) = unfilled(rules, message) {
            problems.push(format!("{lang}: {{{name}}} left unfilled in {message:?}"));
        }
        if (rules.is_key)(message) {
            problems.push(format!(
                "{lang}: a catalog key instead of a text: {message:?}"
            ));
        }
        let chars = message.chars().count();
        if rules.max_chars.is_some_and(|max| chars >= max) {
            problems.push(format!("{lang}: {chars} characters: {message:?}"));
        }
        if let Some(c) = message.chars().find(|c| is_unsafe_to_echo(*c)) {
            problems.push(format!("{lang}: echoes the unsafe character {c:?}"));
        }
    }
    if vi == en {
        problems.push(format!("vi is the English text {en:?}"));
    }
    if let Some(word) = rules.english_words.iter().find(|w| vi.contains(**w)) {
        problems.push(format!("vi holds the English {word:?}: {vi:?}"));
    }
    problems
        .into_iter()
        .map(|p| format!("{what}: {p}"))
        .collect()
}

/// Checks every sample of a kind, and that every variant index below `count` has one.
pub fn check_all<E: Display + Debug>(
    rules: &Rules,
    kind: &str,
    count: usize,
    samples: Vec<E>,
    variant: impl Fn(&E) -> usize,
    message: impl Fn(&E, Lang) -> String,
) {
    let mut seen = vec![false; count];
    let mut failures = Vec::new();
    for sample in &samples {
        match seen.get_mut(variant(sample)) {
            Some(slot) => *slot = true,
            None => failures.push(format!("{kind}: {sample:?} has no variant slot")),
        }
        failures.extend(problems_with(
            rules,
            &format!("{kind} {sample:?}"),
            &sample.to_string(),
            &message(sample, Lang::En),
            &message(sample, Lang::Vi),
        ));
    }
    let missing: Vec<usize> = (0..count).filter(|i| !seen[*i]).collect();
    assert!(
        missing.is_empty(),
        "{kind}: no sample for variants {missing:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
