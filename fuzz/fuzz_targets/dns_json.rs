//! DNS JSON API answers come from the network: decoding must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::dns::json::decode_json_answer;

fuzz_target!(|data: &[u8]| {
    let _ = decode_json_answer(data);
});
