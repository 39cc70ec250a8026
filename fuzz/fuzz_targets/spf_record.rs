//! SPF records come from DNS TXT answers and from what the user types: parsing must never
//! panic, and printing a record must give back exactly the text that was parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::spf::macros::{parse_explain_string, parse_macro_string};
use smarthost_core::spf::record::parse_record;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let record = parse_record(input);
    assert_eq!(record.to_string(), input);
    let _ = parse_macro_string(input, 0);
    let _ = parse_explain_string(input);
});
