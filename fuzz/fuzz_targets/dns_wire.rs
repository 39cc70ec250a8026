//! DNS wire-format answers come from the network: decoding must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::dns::wire::decode_message;

fuzz_target!(|data: &[u8]| {
    let _ = decode_message(data);
});
