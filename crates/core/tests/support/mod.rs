//! What the hostile-input tables share: the test's own definition of a character no
//! message may echo (written here independently of core's `echo` module, so weakening
//! that one fails these tests), how much of an input a message may copy, and how a row
//! shows its input in a failure report, and how a table reports its failed rows; and, in
//! [`messages`], the checks that a kind of message speaks both languages.

// Used by the bilingual message tests only; the hostile tables compile it unused.
#[allow(dead_code)]
pub mod messages;

/// Control characters, and the bidirectional formatting characters and separators that
/// could reorder or break a message around them.
pub fn is_unsafe_to_echo(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// True when `message` repeats more than `max` consecutive characters of `input`.
pub fn copies_run(message: &str, input: &str, max: usize) -> bool {
    let chars: Vec<char> = message.chars().collect();
    chars
        .windows(max + 1)
        .any(|window| input.contains(&window.iter().collect::<String>()))
}

/// `input` as it may appear in a failure report: escaped and shortened.
pub fn label(input: &str) -> String {
    let count = input.chars().count();
    if count > 60 {
        let head: String = input.chars().take(40).collect();
        format!("{head:?}… ({count} chars)")
    } else {
        format!("{input:?}")
    }
}

/// Fails with every failed row of a table listed, after the count of `rows`.
pub fn assert_rows_pass(failures: &[String], rows: usize) {
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows,
        failures.join("\n")
    );
}
