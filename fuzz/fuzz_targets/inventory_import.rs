//! An imported inventory is a file a user picked: reading it must never panic, and
//! whatever is accepted must survive both exports unchanged (nothing lost).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::inventory::Inventory;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(inventory) = Inventory::import(&text) {
        assert_eq!(Inventory::from_json(&inventory.to_json()).as_ref(), Ok(&inventory));
        assert_eq!(Inventory::from_toml(&inventory.to_toml()).as_ref(), Ok(&inventory));
    }
});
