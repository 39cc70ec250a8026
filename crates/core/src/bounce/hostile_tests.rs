//! Hostile pastes: none panics, work stays bounded, and nothing that is not a code made
//! of ASCII digits is read as one (so no look-alike ever matches a bounce).

use super::*;

fn hostile() -> Vec<(&'static str, String)> {
    let digits_10mb = "5".repeat(10 * 1024 * 1024);
    vec![
        ("empty", String::new()),
        ("spaces", "     ".to_owned()),
        (
            "white space only",
            " \t\r\n\u{a0}\u{2003}\u{3000}\n".to_owned(),
        ),
        ("NUL bytes", "\0\0\x00550\x005.7.64\0".to_owned()),
        (
            "control characters",
            "\u{1}\u{7}\u{1b}[31m550 5.7.64\u{1b}[0m".to_owned(),
        ),
        ("binary-ish", (0u8..=255).map(char::from).collect()),
        ("10 MB of digits", digits_10mb),
        (
            "10 MB of codes",
            "550 5.7.64 TenantAttribution\n".repeat(400_000),
        ),
        ("huge line of reply codes", "550 ".repeat(200_000)),
        ("dots", ".".repeat(1_000_000)),
        ("digit dot runs", "5.7.".repeat(300_000)),
        (
            "script tag",
            "<script>alert('550 5.7.64')</script>".to_owned(),
        ),
        (
            "markup",
            "<b>550</b> <i>5.7.64</i> <a href=\"javascript:x\">TenantAttribution</a>".to_owned(),
        ),
        (
            "html entities",
            "&#53;&#53;&#48; 5&period;7&period;64".to_owned(),
        ),
        ("RTL override", "\u{202e}46.7.5 055\u{202c}".to_owned()),
        (
            "RTL marks around a code",
            "\u{200f}550 5.7.64\u{200f} TenantAttribution".to_owned(),
        ),
        (
            "fullwidth digits",
            "５５０ ５.７.６４ TenantAttribution".to_owned(),
        ),
        (
            "one fullwidth digit",
            "550 5.7.6４ TenantAttribution".to_owned(),
        ),
        (
            "Arabic-Indic digits",
            "٥٥٠ ٥.٧.٦٤ TenantAttribution".to_owned(),
        ),
        ("Extended Arabic-Indic", "۵۵۰ ۵.۷.۶۴".to_owned()),
        ("Devanagari digits", "५५० ५.७.६४".to_owned()),
        (
            "letter O for zero",
            "55O 5.7.6O TenantAttribution".to_owned(),
        ),
        ("Cyrillic O", "55О 4.4.7 QUEUE.Expired".to_owned()),
        ("letter l for one", "550 5.7.l Unable to relay".to_owned()),
        ("superscript digits", "⁵⁵⁰ ⁵.⁷.⁶⁴".to_owned()),
        (
            "combining mark on a digit",
            "550 5.7.6\u{301}4 TenantAttribution".to_owned(),
        ),
        ("keycap", "5\u{fe0f}\u{20e3}.7.64".to_owned()),
        (
            "IP address",
            "connect from 10.5.7.64 and 52.5.7.64".to_owned(),
        ),
        ("version string", "Postfix 3.5.7.1".to_owned()),
        (
            "long number runs",
            "1234567890.1234567890.1234567890".to_owned(),
        ),
        ("emoji", "📠550 5.7.64📠".to_owned()),
        ("surrogate-free astral", "𝟓𝟓𝟎 𝟓.𝟕.𝟔𝟒".to_owned()),
        ("many brackets", "[".repeat(500_000)),
        ("many at signs", "@".repeat(500_000)),
        ("many sending domain", "sending domain ".repeat(100_000)),
        (
            "many different codes",
            (0..5000)
                .map(|n| format!("550 5.7.{} x\n", n % 1000))
                .collect(),
        ),
        (
            "cut inside a character",
            format!("{}é550 5.7.64", "a".repeat(MAX_READ - 1)),
        ),
        (
            "JSON",
            r#"{"code":"550 5.7.64","msg":"TenantAttribution"}"#.to_owned(),
        ),
        ("SQL", "'; DROP TABLE bounces; -- 550".to_owned()),
    ]
}

#[test]
fn no_hostile_paste_panics_and_work_is_bounded() {
    for (name, text) in hostile() {
        let found = explain(&text, Some(MethodId::DirectSend));
        assert!(found.read <= MAX_READ, "{name}");
        assert!(found.codes.len() <= scan::MAX_CODES, "{name}");
        assert!(found.look_alikes.len() <= scan::MAX_LOOK_ALIKES, "{name}");
        assert!(found.ips.len() <= 5 && found.domains.len() <= 5, "{name}");
        assert_eq!(found.cut_from.is_some(), text.len() > MAX_READ, "{name}");
        assert!(serde_json::to_string(&found).is_ok(), "{name}");
    }
}

/// Look-alike digits are reported, never read as codes, never matched.
#[test]
fn look_alike_digits_are_seen_but_never_read() {
    // (text, the look-alikes reported, the codes read)
    for (text, seen, read) in [
        (
            "５５０ ５.７.６４ TenantAttribution",
            &["５５０", "５.７.６４"][..],
            &[][..],
        ),
        (
            "550 5.7.6４ TenantAttribution",
            &["5.7.6４"][..],
            &["550"][..],
        ),
        (
            "٥٥٠ ٥.٧.٦٤ TenantAttribution",
            &["٥٥٠", "٥.٧.٦٤"][..],
            &[][..],
        ),
        (
            "55O 5.7.6O TenantAttribution",
            &["55O", "5.7.6O"][..],
            &[][..],
        ),
        // The real code still counts; the look-alike reply code before it does not.
        (
            "55О 5.7.64 TenantAttribution",
            &["55О"][..],
            &["5.7.64"][..],
        ),
    ] {
        let found = explain(text, None);
        assert_eq!(found.look_alikes, seen, "{text}");
        let codes: Vec<String> = found.codes.iter().map(ToString::to_string).collect();
        assert_eq!(codes, read, "{text}");
        assert_eq!(found.recognised(), text.contains("5.7.64"), "{text}");
    }
}

#[test]
fn addresses_versions_and_markup_are_not_codes() {
    for text in [
        "connect from 10.5.7.64 and 52.5.7.64",
        "Postfix 3.5.7.1",
        "v5.7.64",
        "5.7.64a",
        "5.7.64.1",
        "1234567890.1234567890",
        "550 5.7.6\u{301}4",
    ] {
        let found = explain(text, None);
        let enhanced: Vec<_> = found.codes.iter().filter_map(|c| c.enhanced).collect();
        assert!(enhanced.is_empty(), "{text}: {enhanced:?}");
    }
    // Markup around a real code is only markup: the code is still read.
    let found = explain("<b>550 5.7.64</b> TenantAttribution", None);
    assert_eq!(found.matches[0].id, Known::TenantAttribution);
}

#[test]
fn a_cut_paste_says_what_was_read() {
    let text = format!("550 5.7.64 TenantAttribution\n{}", "x".repeat(MAX_READ * 2));
    let found = explain(&text, None);
    assert_eq!((found.read, found.cut_from), (MAX_READ, Some(text.len())));
    assert_eq!(found.matches[0].id, Known::TenantAttribution);
    let past_the_cut = format!("{}\n550 5.7.64 TenantAttribution", "x".repeat(MAX_READ));
    assert!(!explain(&past_the_cut, None).recognised());
}
