//! An imported inventory is a file a user picked: reading it must never panic, and
//! whatever is accepted must survive both exports unchanged (nothing lost). Exports always
//! write each device's cloud, so reading one back never assumes a cloud. A refusal is
//! worded in every language without echoing an unsafe character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smarthost_core::echo::is_unsafe_to_echo;
use smarthost_core::i18n::Lang;
use smarthost_core::inventory::{Imported, Inventory};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let read = Imported::read(&text);
    assert_eq!(read.clone().map(|i| i.inventory), Inventory::import(&text));
    if let Err(error) = &read {
        for lang in Lang::ALL {
            assert!(!error.message(lang).chars().any(is_unsafe_to_echo));
        }
    }
    if let Ok(imported) = read {
        let inventory = imported.inventory;
        for export in [inventory.to_json(), inventory.to_toml()] {
            let again = Imported::read(&export);
            assert_eq!(again.as_ref().map(|i| &i.inventory), Ok(&inventory));
            assert_eq!(again.as_ref().map(|i| i.cloud_assumed.is_some()), Ok(false));
        }
        assert_eq!(Inventory::from_json(&inventory.to_json()).as_ref(), Ok(&inventory));
        assert_eq!(Inventory::from_toml(&inventory.to_toml()).as_ref(), Ok(&inventory));
    }
});
