//! A guide page's front matter is whatever a writer (or a merge gone wrong) put at the
//! top of a Markdown file: splitting and checking it must never panic, an accepted page
//! must point at a body inside the text, and an error must name a line of the file and
//! never echo a control or bidirectional character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::echo::is_unsafe_to_echo;
use smarthost_site::front_matter::{is_date, split};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.split('\n').count();
    match split(text) {
        Ok(page) => {
            assert!(text.is_char_boundary(page.body_start));
            assert!(page.body_line >= 3 && page.body_line <= lines + 1);
            assert!(!page.front.title.trim().is_empty());
            assert!(!page.front.summary.trim().is_empty());
            assert!(is_date(&page.front.updated));
        }
        Err((line, message)) => {
            assert!(line >= 1 && line <= lines, "line {line} of {lines}");
            assert!(!message.is_empty());
            assert!(
                !message.chars().any(is_unsafe_to_echo),
                "message echoes an unsafe character: {message:?}"
            );
        }
    }
});
