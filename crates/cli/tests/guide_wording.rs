//! The guides speak of an application as an application: a passage whose subject is an
//! application, or a section about applications, never says "the device", and a section
//! about devices and applications never says "the device" alone, nor does any passage of
//! a page that addresses both (its summary or first paragraph names both), in English
//! and in Vietnamese. The planner's texts are held to the same rule in core (reason and card
//! `.application` keys); this test holds the Markdown guides to it.

use std::path::{Path, PathBuf};

/// How one language names the two kinds of sender.
struct Words {
    lang: &'static str,
    /// Words that name an application as the sender.
    application: &'static [&'static str],
    device: &'static str,
    /// Phrases that name both, which may mention devices.
    both: &'static [&'static str],
    /// How a passage whose subject is an application starts.
    application_subject: &'static [&'static str],
    /// "The device" alone, which in a passage about both leaves the application out.
    device_alone: &'static [&'static str],
    /// What follows "the device" when the application is named too.
    or_application: &'static [&'static str],
}

const EN: Words = Words {
    lang: "en",
    application: &["application", "applications", "app", "apps"],
    device: "device",
    both: &[
        "device's or application's",
        "devices and applications",
        "devices or applications",
        "device or application",
        "device and application",
        "applications and devices",
        "application or device",
        "device or app",
    ],
    application_subject: &[
        "an application",
        "applications",
        "application ",
        "app ",
        "apps ",
        "for an application",
        "the application",
    ],
    device_alone: &[
        "the device",
        "a device",
        "every device",
        "each device",
        "on the device",
    ],
    or_application: &[" or application", " and application", " or app"],
};

const VI: Words = Words {
    lang: "vi",
    application: &["ứng dụng"],
    device: "thiết bị",
    both: &[
        "thiết bị hoặc ứng dụng",
        "thiết bị và ứng dụng",
        "thiết bị lẫn ứng dụng",
        "ứng dụng hoặc thiết bị",
        "ứng dụng và thiết bị",
    ],
    application_subject: &["ứng dụng", "với ứng dụng", "một ứng dụng", "các ứng dụng"],
    device_alone: &[
        "mọi thiết bị",
        "từng thiết bị",
        "trên thiết bị",
        "vào thiết bị",
        "cho thiết bị",
    ],
    or_application: &[" hoặc ứng dụng", " và ứng dụng"],
};

/// Not the sender: an Entra application, an application permission and the like.
const NOT_THE_SENDER: [&str; 8] = [
    "entra application",
    "entra app",
    "application permission",
    "app password",
    "application access",
    "ứng dụng entra",
    "mật khẩu ứng dụng",
    "quyền ứng dụng",
];

/// Prose without link targets, heading ids and code, lower-cased.
fn prose(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find(['`', '{', ']']) {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let skip = match after.as_bytes()[0] {
            b'`' => after[1..].find('`').map(|end| end + 2),
            b'{' if after.starts_with("{#") => after.find('}').map(|end| end + 1),
            b']' if after.starts_with("](") => after.find(')').map(|end| end + 1),
            _ => None,
        };
        match skip {
            Some(skip) => rest = &after[skip..],
            None => {
                out.push_str(&after[..1]);
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    let mut low = out.to_lowercase();
    for phrase in NOT_THE_SENDER {
        low = low.replace(phrase, " ");
    }
    low
}

fn without_both(text: &str, words: &Words) -> String {
    let mut text = text.to_owned();
    for phrase in words.both {
        text = text.replace(phrase, " ");
    }
    text
}

fn names_application(text: &str, words: &Words) -> bool {
    if words.lang == "vi" {
        return words.application.iter().any(|w| text.contains(w));
    }
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| words.application.contains(&word))
}

fn says_device_alone(text: &str, words: &Words) -> bool {
    words.device_alone.iter().any(|phrase| {
        text.match_indices(phrase).any(|(at, _)| {
            let after = &text[at + phrase.len()..];
            let whole_word = !after.starts_with(|c: char| c.is_alphanumeric() || c == '\'');
            whole_word && !words.or_application.iter().any(|w| after.starts_with(w))
        })
    })
}

/// The passages of a page body: each paragraph, list item, table row and heading (a
/// list item keeps its indented continuation lines); code blocks are left out.
fn passages(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let mut in_code = false;
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            open = false;
            continue;
        }
        if in_code || trimmed.is_empty() {
            open = false;
            continue;
        }
        let starts_new = trimmed.starts_with(['#', '|', '-', '*'])
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        match out.last_mut() {
            Some(last) if open && !starts_new => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => out.push(trimmed.to_owned()),
        }
        open = !trimmed.starts_with(['#', '|']);
    }
    out
}

/// Every passage of `page` that calls an application a device, with the rule it breaks.
fn flagged(page: &str, words: &Words) -> Vec<String> {
    let body = page.splitn(3, "+++").last().unwrap_or(page);
    let mut heading = String::new();
    let mut found = Vec::new();
    let all = passages(body);
    // A page whose summary or first paragraph names both kinds of sender addresses
    // applications too: none of its passages may say "the device" alone.
    let summary = page
        .lines()
        .find_map(|line| line.trim().strip_prefix("summary"))
        .unwrap_or_default();
    let about_both = [summary, all.first().map_or("", String::as_str)]
        .iter()
        .any(|text| words.both.iter().any(|b| prose(text).contains(b)));
    for passage in all {
        let text = prose(&passage);
        if let Some(title) = text.strip_prefix('#') {
            heading = title.to_owned();
            continue;
        }
        let single = without_both(&text, words);
        let mentions_device = single.contains(words.device);
        let subject = text
            .trim_start_matches(['-', '*', '|', ' '])
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim_start_matches(['*', ' ']);
        let about_applications =
            names_application(&heading, words) && !heading.contains(words.device);
        if about_applications && mentions_device {
            found.push(format!("in a section about applications: {passage}"));
        } else if words
            .application_subject
            .iter()
            .any(|s| subject.starts_with(s))
            && mentions_device
        {
            found.push(format!("its subject is an application: {passage}"));
        } else if words.both.iter().any(|b| heading.contains(b)) && says_device_alone(&text, words)
        {
            found.push(format!(
                "in a section about devices and applications: {passage}"
            ));
        } else if about_both && says_device_alone(&without_both(&text, words), words) {
            found.push(format!(
                "on a page about devices and applications: {passage}"
            ));
        }
    }
    found
}

fn guide() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../guide")
}

#[test]
fn no_guide_page_calls_an_application_a_device() {
    let mut failures = Vec::new();
    let mut pages = 0;
    for words in [&EN, &VI] {
        let dir = guide().join(words.lang);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            pages += 1;
            for problem in flagged(&page, words) {
                failures.push(format!("{}: {problem}", path.display()));
            }
        }
    }
    assert!(pages >= 24, "{pages} pages");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checker_flags_what_it_should_and_only_that() {
    let page = |body: &str| format!("+++\ntitle = \"t\"\n+++\n{body}\n");
    let en = |body: &str| flagged(&page(body), &EN).len();
    let vi = |body: &str| flagged(&page(body), &VI).len();
    // A passage about an application that says "the device".
    assert_eq!(en("An application signs in, then the device sends."), 1);
    assert_eq!(en("- **Applications** need the device's password."), 1);
    assert_eq!(en("## Applications: Graph\n\nThe device calls the API."), 1);
    assert_eq!(
        en("## Device and application settings\n\n3. Enter it on the device only."),
        1
    );
    assert_eq!(vi("Ứng dụng đăng nhập, rồi thiết bị gửi thư."), 1);
    assert_eq!(
        vi("## Thiết lập trên thiết bị hoặc ứng dụng\n\n3. Chỉ nhập trên thiết bị, không ghi ra."),
        1
    );
    // Naming both, or not speaking of an application, is fine.
    assert_eq!(en("An application or device signs in."), 0);
    assert_eq!(
        en("## Device and application settings\n\nEnter it in the device or application only."),
        0
    );
    assert_eq!(en("The device sends to the MX host."), 0);
    assert_eq!(
        en("An application uses the [settings](#device-settings) and the Entra application."),
        0
    );
    assert_eq!(en("An application runs `device-check`."), 0);
    assert_eq!(vi("Ứng dụng và thiết bị kết nối qua SMTP."), 0);
    assert_eq!(
        en("```\nAn application and the device\n```\nThe device is fine here."),
        0
    );
    // A page whose summary or first paragraph names both addresses applications too:
    // "the device" alone is flagged anywhere on it, "the device or application" is not.
    let about_both = |summary: &str, body: &str| {
        let page = format!("+++\ntitle = \"t\"\nsummary = \"{summary}\"\n+++\n{body}\n");
        (flagged(&page, &EN).len(), flagged(&page, &VI).len())
    };
    assert_eq!(
        about_both(
            "How a device or application sends.",
            "Intro.\n\nAnswer questions about the device."
        ),
        (1, 0)
    );
    assert_eq!(
        about_both(
            "How a device or application sends.",
            "Intro.\n\nAnswer questions about the device or application."
        ),
        (0, 0)
    );
    assert_eq!(
        about_both(
            "How a printer sends.",
            "Intro.\n\nAnswer questions about the device."
        ),
        (0, 0)
    );
    assert_eq!(
        about_both(
            "Intro.",
            "Applications and devices use it.\n\nCheck the device first."
        ),
        (1, 0)
    );
    assert_eq!(
        about_both(
            "Cách thiết bị hoặc ứng dụng gửi thư.",
            "Mở đầu.\n\nHãy kiểm tra với từng thiết bị."
        ),
        (0, 1)
    );
}
