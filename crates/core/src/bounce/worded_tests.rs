//! The words around an explanation, in both languages.

use super::*;
use crate::i18n::Lang;

#[test]
fn a_known_bounce_is_worded_with_its_parts_and_marks() {
    let found = explain(
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        None,
    );
    let en = found.in_lang(Lang::En);
    assert!(en.recognised && en.notes.is_empty());
    let m = &en.matches[0];
    assert_eq!(
        (m.id, m.code.as_str()),
        ("basic-auth-disabled", "535 5.7.139")
    );
    assert!(m
        .unconfirmed
        .as_deref()
        .is_some_and(|n| n.contains("(unconfirmed)")));
    assert!(m.what.contains("Basic authentication is disabled"));
    let vi = found.in_lang(Lang::Vi);
    assert!(vi.matches[0]
        .unconfirmed
        .as_deref()
        .is_some_and(|n| n.contains("chưa xác nhận")));
    assert_ne!(vi.matches[0].fix, m.fix);
}

#[test]
fn the_unknown_is_not_recognised_with_the_codes_found() {
    let en = explain("550 5.7.999 Something new", None).in_lang(Lang::En);
    assert!(!en.recognised && en.matches.is_empty());
    assert_eq!(en.codes, ["550 5.7.999"]);
    assert!(en.notes[0].starts_with("Not recognised"));
    assert_eq!(en.notes[1], "Codes smarthost does not explain: 550 5.7.999");
    let none = explain("hello", None).in_lang(Lang::En);
    assert!(none.notes[1].starts_with("No SMTP reply code"));
    let look = explain("５５０ ５.７.６４", None).in_lang(Lang::Vi);
    assert!(look
        .notes
        .iter()
        .any(|n| n.contains("５.７.６４") && n.starts_with("Không được đọc là mã")));
}

#[test]
fn a_tailored_fix_says_for_which_method() {
    let found = explain(
        "550 5.7.509 Access denied, sending domain [contoso.com] does not pass DMARC verification",
        Some(crate::method::MethodId::DirectSend),
    );
    let en = found.in_lang(Lang::En);
    assert_eq!(
        en.matches[0].tailored.as_deref(),
        Some("The fix is for Direct Send.")
    );
    assert!(en.matches[0]
        .fix
        .contains("Direct Send mail is not DKIM-signed"));
    assert_eq!(en.domains, ["contoso.com"]);
    let cut = explain(&format!("550 5.7.64 x\n{}", "y".repeat(MAX_READ)), None).in_lang(Lang::En);
    assert_eq!(cut.notes[0], "Only the first 256 KB of 257 KB were read.");
}
