//! DMARC records come from DNS TXT answers: parsing one, or choosing the record among
//! several TXT strings (one per line of the input), must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::dmarc::{parse_dmarc, select_record};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_dmarc(input);
    let txts: Vec<String> = input.split('\n').map(str::to_owned).collect();
    if let Ok(Some(record)) = select_record(&txts) {
        let _ = parse_dmarc(&record);
    }
});
