//! The JSON reader behind DoH JSON answers and inventory imports: never panics, and
//! what it reads, written back (pretty or compact), reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::json::{parse, to_compact, to_pretty};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(value) = parse(&text) {
        assert_eq!(parse(&to_compact(&value)).as_ref(), Ok(&value));
        assert_eq!(parse(&to_pretty(&value)).as_ref(), Ok(&value));
    }
});
