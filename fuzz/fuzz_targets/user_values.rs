//! What the user types into the forms: every value parser must return a value or an
//! error, never panic, and every error must read as a message in both languages that
//! never echoes a control or bidirectional character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::dns::endpoint::validate_endpoint;
use smarthost_core::dns::DomainName;
use smarthost_core::i18n::Lang;
use smarthost_core::validate::{
    parse_certificate_name, parse_connector_range, parse_device_name, parse_from_address,
    parse_public_ipv4,
};

/// The same rule as core's `echo::is_unsafe_to_echo` (crate-private there).
fn unsafe_to_echo(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn check_message(message: String) {
    assert!(!message.trim().is_empty());
    assert!(message.chars().count() < 1_000, "{message}");
    assert!(!message.chars().any(unsafe_to_echo), "{message:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::En, Lang::Vi] {
        if let Err(e) = parse_public_ipv4(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = parse_connector_range(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = parse_from_address(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = parse_certificate_name(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = parse_device_name(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = DomainName::parse(input) {
            check_message(e.message(lang));
        }
        if let Err(e) = validate_endpoint(input) {
            check_message(e.message(lang));
        }
    }
});
