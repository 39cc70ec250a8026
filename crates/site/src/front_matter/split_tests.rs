use super::*;

const GOOD: &str = "+++
title = \"Direct Send\"
summary = \"Send to your own mailboxes.\"
order = 30
methods = [\"direct-send\"]
updated = \"2026-11-28\"
+++

Body starts here.
";

fn error(text: &str) -> (usize, String) {
    match split(text) {
        Ok(split) => panic!("expected an error, got {split:?}"),
        Err(error) => error,
    }
}

fn page(lines: &[&str]) -> String {
    let mut text = String::from("+++\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("+++\nbody\n");
    text
}

const BASE: [&str; 4] = [
    "title = \"T\"",
    "summary = \"S\"",
    "order = 1",
    "updated = \"2026-01-31\"",
];

#[test]
fn reads_every_key_and_finds_the_body() {
    let split = split(GOOD).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        split.front,
        FrontMatter {
            title: "Direct Send".to_owned(),
            summary: "Send to your own mailboxes.".to_owned(),
            order: 30,
            methods: vec![MethodId::DirectSend],
            updated: "2026-11-28".to_owned(),
        }
    );
    assert_eq!(&GOOD[split.body_start..], "\nBody starts here.\n");
    assert_eq!(split.body_line, 8);
}

#[test]
fn methods_may_be_left_out_and_crlf_and_bom_are_fine() {
    let text = format!("\u{feff}{}", page(&BASE).replace('\n', "\r\n"));
    let split = split(&text).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(split.front.methods.is_empty());
    assert_eq!(&text[split.body_start..], "body\r\n");
}

#[test]
fn unknown_keys_are_refused_at_their_line() {
    let mut lines = BASE.to_vec();
    lines.insert(2, "summray = \"typo\"");
    assert_eq!(
        error(&page(&lines)),
        (
            4,
            "front matter: unknown key `summray`; the keys are: title, summary, order, methods, updated"
                .to_owned()
        )
    );
    let mut table = BASE.to_vec();
    table.push("[extra]");
    table.push("x = 1");
    assert_eq!(error(&page(&table)).0, 6);
}

#[test]
fn wrong_types_name_the_key_and_line() {
    for (line, expected) in [
        (
            "order = \"ten\"",
            "front matter: `order` must be a whole number",
        ),
        ("title = 3", "front matter: `title` must be text in quotes"),
        (
            "summary = \"  \"",
            "front matter: `summary` must be non-empty text",
        ),
        (
            "updated = \"2026-02-30\"",
            "front matter: `updated` must be a date, YYYY-MM-DD, quoted or not",
        ),
        (
            "updated = \"28/11/2026\"",
            "front matter: `updated` must be a date, YYYY-MM-DD, quoted or not",
        ),
        (
            "methods = \"direct-send\"",
            "front matter: `methods` must be a list of method ids, such as [\"direct-send\"]",
        ),
    ] {
        let key = line.split(' ').next().unwrap_or_default();
        let mut lines: Vec<&str> = BASE
            .iter()
            .copied()
            .filter(|l| !l.starts_with(key))
            .collect();
        lines.push(line);
        assert_eq!(
            error(&page(&lines)),
            (lines.len() + 1, expected.to_owned()),
            "{line}"
        );
    }
    let mut methods = BASE.to_vec();
    methods.push("methods = [\"direct-send\", \"smtp\"]");
    let (line, message) = error(&page(&methods));
    assert_eq!(line, 6);
    assert!(message.starts_with("front matter: `smtp` in `methods` is not a method; the methods are: client-submission,"), "{message}");
}

#[test]
fn missing_keys_and_delimiters_point_at_the_start() {
    assert_eq!(
        error(&page(&BASE[1..])),
        (1, "front matter: `title` is missing".to_owned())
    );
    assert_eq!(
        error("# Just Markdown\n").1,
        "a page must start with front matter between `+++` lines (title, summary, order, methods, updated)"
    );
    assert_eq!(
        error("+++\ntitle = \"x\"\n"),
        (
            1,
            "the front matter is not closed by a `+++` line".to_owned()
        )
    );
}

#[test]
fn toml_syntax_errors_keep_the_file_line() {
    let mut lines = BASE.to_vec();
    lines.insert(1, "summary = \"unclosed");
    let (line, message) = error(&page(&lines));
    assert_eq!(line, 3);
    assert!(message.starts_with("front matter: "), "{message}");
    // A title may hold anything; escaping is the templates' job.
    let mut hostile = BASE[1..].to_vec();
    hostile.push("title = \"<script>alert(1)</script>\"");
    let split = split(&page(&hostile)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(split.front.title, "<script>alert(1)</script>");
}

#[test]
fn updated_is_a_toml_date_or_the_same_date_in_quotes() {
    for line in [
        "updated = 2026-11-28",
        "updated = \"2026-11-28\"",
        "updated = '2026-11-28'",
    ] {
        let mut lines = BASE[..3].to_vec();
        lines.push(line);
        let split = split(&page(&lines)).unwrap_or_else(|e| panic!("{line}: {e:?}"));
        assert_eq!(split.front.updated, "2026-11-28", "{line}");
    }
    for line in [
        "updated = 2026-11-28T10:00:00",
        "updated = 2026-11-28T10:00:00+07:00",
        "updated = 10:00:00",
        "updated = 20261128",
    ] {
        let mut lines = BASE[..3].to_vec();
        lines.push(line);
        assert_eq!(
            error(&page(&lines)),
            (
                5,
                "front matter: `updated` must be a date, YYYY-MM-DD, quoted or not".to_owned()
            ),
            "{line}"
        );
    }
    // Not a calendar day: the TOML parser refuses it, at its line.
    let mut lines = BASE[..3].to_vec();
    lines.push("updated = 2026-02-30");
    assert_eq!(error(&page(&lines)).0, 5);
}

#[test]
fn dates_are_calendar_dates() {
    for good in ["2026-11-28", "2024-02-29", "2000-02-29", "1999-12-31"] {
        assert!(is_date(good), "{good}");
    }
    for bad in [
        "2026-11-31",
        "2100-02-29",
        "2026-13-01",
        "2026-1-01",
        "2026-11-28T00",
        "２０２６-11-28",
        "",
    ] {
        assert!(!is_date(bad), "{bad}");
    }
}
