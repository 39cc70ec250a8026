//! What the user types into the form: every value parser must return a value or an error,
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::validate::{
    parse_certificate_name, parse_connector_range, parse_device_name, parse_from_address,
    parse_public_ipv4,
};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_public_ipv4(input);
    let _ = parse_connector_range(input);
    let _ = parse_from_address(input);
    let _ = parse_certificate_name(input);
    let _ = parse_device_name(input);
});
