//! A pasted bounce is anything a person copies: explaining it, for every method and in
//! both languages, must never panic, and a match is only ever made from ASCII codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::bounce::explain;
use smarthost_core::i18n::Lang;
use smarthost_core::method::MethodId;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    for method in [None, Some(MethodId::DirectSend), Some(MethodId::ClientSubmission)] {
        let found = explain(&input, method);
        for code in &found.codes {
            assert!(code.to_string().is_ascii());
        }
        let _ = found.in_lang(Lang::Vi);
    }
});
