//! Hostile front matter: what a careless edit, a bad merge or a pasted document puts at
//! the top of a guide page. Each row says what must happen: the page is accepted with
//! the given title, or refused at the given file line with a message containing the
//! given words. Every refusal is also checked for what any message must be: short, and
//! never echoing a control or bidirectional character.

use super::*;
use smarthost_core::echo::is_unsafe_to_echo;

enum Expect {
    /// Accepted; the title as read.
    Title(&'static str),
    /// Accepted; the title's length in characters (for very long titles).
    TitleChars(usize),
    /// Refused at this line of the file, with these words in the message.
    Refused(usize, &'static str),
}

/// The valid keys other than `title`, as lines, so a row can vary the title alone.
const REST: &str = "summary = \"S\"\norder = 1\nupdated = \"2026-01-31\"\n";

fn with_title(title_line: &str) -> String {
    format!("+++\n{title_line}\n{REST}+++\nbody\n")
}

fn with_line(line: &str) -> String {
    format!("+++\ntitle = \"T\"\n{REST}{line}\n+++\nbody\n")
}

fn rows() -> Vec<(String, Expect)> {
    use Expect::*;
    let long = "x".repeat(100_000);
    let deep = format!("methods = {}{}", "[".repeat(5_000), "]".repeat(5_000));
    let many_lines = format!(
        "+++\n{}title = \"T\"\n{REST}+++\n",
        "# comment\n".repeat(10_000)
    );
    vec![
        // The delimiters.
        (String::new(), Refused(1, "must start with front matter")),
        (
            "   \n\t\n".to_owned(),
            Refused(1, "must start with front matter"),
        ),
        (
            format!("\n{}", with_title("title = \"T\"")),
            Refused(1, "must start with front matter"),
        ),
        (
            format!(" {}", with_title("title = \"T\"")),
            Refused(1, "must start with front matter"),
        ),
        (
            "++++\ntitle = \"T\"\n++++\n".to_owned(),
            Refused(1, "must start with front matter"),
        ),
        (
            "---\ntitle: T\n---\n".to_owned(),
            Refused(1, "must start with front matter"),
        ),
        ("+++".to_owned(), Refused(1, "not closed")),
        (
            format!("+++\ntitle = \"T\"\n{REST}"),
            Refused(1, "not closed"),
        ),
        ("+++\n+++\n".to_owned(), Refused(1, "`title` is missing")),
        (
            format!("\u{feff}\u{feff}{}", with_title("title = \"T\"")),
            Refused(1, "must start with front matter"),
        ),
        (
            with_title("title = \"T\"").replace('\n', "\r"),
            Refused(1, "must start with front matter"),
        ),
        // The title: empty, invisible, control characters, markup, very long.
        (
            with_title("title = \"\""),
            Refused(2, "`title` must be non-empty text"),
        ),
        (
            with_title("title = \" \\t \""),
            Refused(2, "`title` must be non-empty text"),
        ),
        (
            with_title("title = \"\u{200b}\u{feff}\""),
            Refused(2, "`title` must be non-empty text"),
        ),
        (
            with_title("title = \"\\u202E\""),
            Refused(2, "`title` must be non-empty text"),
        ),
        (
            with_title("title = \"a\\u0000b\""),
            Refused(2, "control characters (it has U+0000)"),
        ),
        (
            with_title("title = \"two\\nlines\""),
            Refused(2, "control characters (it has U+000A)"),
        ),
        (
            with_title("title = \"bell\u{7}\""),
            Refused(2, "control character"),
        ),
        (
            with_title("title = \"\u{1b}[31mred\""),
            Refused(2, "control character"),
        ),
        (
            with_title("title = \"<script>alert(1)</script>\""),
            Title("<script>alert(1)</script>"),
        ),
        (
            with_title("title = \"\\\"><img src=x onerror=alert(1)>\""),
            Title("\"><img src=x onerror=alert(1)>"),
        ),
        (
            with_title("title = 'C:\\\\path & <b>'"),
            Title("C:\\\\path & <b>"),
        ),
        (
            with_title("title = \"Gửi thư qua Microsoft 365\""),
            Title("Gửi thư qua Microsoft 365"),
        ),
        (with_title("title = \"  padded  \""), Title("padded")),
        (
            with_title(&format!("title = \"{long}\"")),
            TitleChars(100_000),
        ),
        (
            with_title("title = \"\"\"\n+++\n\"\"\""),
            Refused(3, "front matter:"),
        ),
        (
            with_title("title = 3"),
            Refused(2, "`title` must be text in quotes"),
        ),
        (
            with_title("[title]\nx = 1"),
            Refused(2, "`title` must be text in quotes"),
        ),
        (
            with_title("title = \"a\"\ntitle = \"b\""),
            Refused(3, "duplicate key"),
        ),
        (
            with_title("title = \"unclosed"),
            Refused(2, "front matter:"),
        ),
        // Keys.
        (
            with_line("summray = \"typo\""),
            Refused(6, "unknown key `summray`"),
        ),
        (with_line("\"<b>\" = 1"), Refused(6, "unknown key `<b>`")),
        (
            with_line("\"ti\u{202e}tle\" = \"x\""),
            Refused(6, "unknown key `ti\u{fffd}tle`"),
        ),
        (
            with_line(&format!("{long} = 1")),
            Refused(6, "unknown key `xxxxxxxx"),
        ),
        (with_line("\"\" = 1"), Refused(6, "unknown key ``")),
        // order.
        (
            with_title("title = \"T\"").replace("order = 1", "order = 1.5"),
            Refused(4, "`order` must be a whole number"),
        ),
        (
            with_title("title = \"T\"").replace("order = 1", "order = 99999999999999999999"),
            Refused(4, "front matter:"),
        ),
        (
            with_title("title = \"T\"").replace("order = 1", "order = \"1\""),
            Refused(4, "`order` must be a whole number"),
        ),
        (
            with_title("title = \"T\"").replace("order = 1", "order = true"),
            Refused(4, "`order` must be a whole number"),
        ),
        // methods.
        (
            with_line("methods = [\"direct-send\", \"direct-send\"]"),
            Refused(6, "`direct-send` is listed twice"),
        ),
        (
            with_line("methods = [\"d\u{456}rect-send\"]"),
            Refused(6, "U+0456, which is not a plain ASCII letter"),
        ),
        (
            with_line("methods = [\"direct-send\u{200b}\"]"),
            Refused(6, "invisible character U+200B"),
        ),
        (
            with_line("methods = [\"Direct-Send\"]"),
            Refused(6, "`Direct-Send` in `methods` is not a method"),
        ),
        (
            with_line("methods = [1]"),
            Refused(6, "a value that is not text"),
        ),
        (
            with_line("methods = \"direct-send\""),
            Refused(6, "must be a list of method ids"),
        ),
        (with_line(&deep), Refused(6, "recursion depth")),
        // updated.
        (
            with_title("title = \"T\"").replace("updated = \"2026-01-31\"", "updated = 2026-01-31"),
            Title("T"),
        ),
        (
            with_title("title = \"T\"")
                .replace("updated = \"2026-01-31\"", "updated = 2026-01-31T08:00:00"),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        (
            with_title("title = \"T\"")
                .replace("updated = \"2026-01-31\"", "updated = 2026-01-31 08:00:00Z"),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        (
            with_title("title = \"T\"").replace("updated = \"2026-01-31\"", "updated = 08:00:00"),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        (
            with_title("title = \"T\"").replace("updated = \"2026-01-31\"", "updated = 2026-02-30"),
            Refused(5, "front matter:"),
        ),
        (
            with_title("title = \"T\"").replace("updated = \"2026-01-31\"", "updated = 2026-13-01"),
            Refused(5, "front matter:"),
        ),
        (
            with_title("title = \"T\"").replace("\"2026-01-31\"", "\"2026-01-31 \""),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        (
            with_title("title = \"T\"").replace("\"2026-01-31\"", "\"２０２６-01-31\""),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        (
            with_title("title = \"T\"").replace("\"2026-01-31\"", "\"2026-02-29\""),
            Refused(5, "`updated` must be a date, YYYY-MM-DD"),
        ),
        // Size.
        (many_lines, Title("T")),
    ]
}

#[test]
fn hostile_front_matter_is_read_or_refused_with_a_clear_message() {
    let rows = rows();
    assert!(rows.len() >= 30, "{} rows", rows.len());
    let mut wrong = Vec::new();
    for (text, expect) in &rows {
        let input: String = text.chars().take(60).collect();
        match (split(text), expect) {
            (Ok(page), Expect::Title(title)) if page.front.title == *title => {}
            (Ok(page), Expect::TitleChars(chars)) if page.front.title.chars().count() == *chars => {
            }
            (Err((line, message)), Expect::Refused(want_line, words))
                if message.contains(words)
                    && line == *want_line
                    && message.chars().count() < 300
                    && !message.chars().any(is_unsafe_to_echo) => {}
            (Ok(page), _) => wrong.push(format!("{input:?} was accepted: {:?}", page.front.title)),
            (Err(error), _) => wrong.push(format!("{input:?} was refused: {error:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rows went wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
