//! Round trips of the inventory types on generated inventories (awkward text in every
//! field): the JSON export reads back through serde's derive, the TOML export reads the
//! same in the `toml` crate, and the small TOML reader agrees with the `toml` crate on
//! every document it accepts, and the inventory import reads mutated files the same
//! through either reader.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use smarthost_core::cloud::Cloud;
use smarthost_core::inventory::{Device, ImportError, Imported, Inventory};
use smarthost_core::plan::Client;
use smarthost_core::toml_doc;

/// Characters that break naive writers, mixed into arbitrary ones.
fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec![
            '"', '\'', '\\', '/', '\n', '\r', '\t', '\u{0}', '\u{1}', '\u{8}', '\u{c}', '\u{1f}',
            '\u{7f}', '\u{85}', '#', '=', '[', ']', '{', '}', '<', '>', '&', '\u{2028}',
            '\u{2029}', '\u{feff}', 'é', 'Đ', '🖨', '😀',
        ]),
        2 => prop::char::range('a', 'z'),
    ]
}

fn awkward_string() -> impl Strategy<Value = String> {
    prop::collection::vec(awkward_char(), 0..12).prop_map(|chars| chars.into_iter().collect())
}

fn device() -> impl Strategy<Value = Device> {
    let field = || prop_oneof![Just(String::new()), awkward_string()];
    (
        (field(), field(), field(), field(), field()),
        (field(), field(), field(), field(), field()),
        field(),
        prop::sample::select(Cloud::ALL.to_vec()),
        prop::sample::select(vec![Client::Device, Client::Application]),
    )
        .prop_map(
            |(
                (name, location, model, method, from),
                (domain, smart_host, ip, username, notes),
                customer,
                cloud,
                client,
            )| {
                Device {
                    name,
                    customer,
                    location,
                    model,
                    method,
                    cloud,
                    client,
                    from,
                    domain,
                    smart_host,
                    ip,
                    username,
                    notes,
                }
            },
        )
}

fn inventory() -> impl Strategy<Value = Inventory> {
    prop::collection::vec(device(), 0..5).prop_map(Inventory::new)
}

/// The fields as our TOML writer writes them: the cloud always, by its id; the client
/// only for an application (an empty value is not written).
fn fields(device: &Device) -> [(&'static str, &str); 13] {
    let client = match device.client {
        Client::Application => "application",
        Client::Device => "",
    };
    [
        ("name", &device.name),
        ("customer", &device.customer),
        ("location", &device.location),
        ("model", &device.model),
        ("method", &device.method),
        ("cloud", device.cloud.id()),
        ("client", client),
        ("from", &device.from),
        ("domain", &device.domain),
        ("smart_host", &device.smart_host),
        ("ip", &device.ip),
        ("username", &device.username),
        ("notes", &device.notes),
    ]
}

/// What the `toml` crate read, in our reader's tree; `None` for floats and dates, which
/// our reader refuses.
fn from_toml_value(value: &toml::Value) -> Option<Value> {
    Some(match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::Number((*i).into()),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Array(items) => {
            Value::Array(items.iter().map(from_toml_value).collect::<Option<_>>()?)
        }
        toml::Value::Table(table) => from_toml_table(table)?,
        _ => return None,
    })
}

fn from_toml_table(table: &toml::Table) -> Option<Value> {
    let members = table
        .iter()
        .map(|(k, v)| Some((k.clone(), from_toml_value(v)?)))
        .collect::<Option<serde_json::Map<_, _>>>()?;
    Some(Value::Object(members))
}

const TOML_FRAGMENTS: &[&str] = &[
    "[", "]", "[[", "]]", "{", "}", "=", ",", ".", " ", "\n", "\r\n", "#", "a", "devices", "name",
    "version", "\"", "'", "\"\"\"", "'''", "\\", "\\n", "\\u00e9", "\\\n", "1", "-", "_", "0x1f",
    "true", "é", "🖨", "\t",
];

fn mutated(text: &str, edits: &[(usize, usize, bool)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, fragment, insert) in edits {
        let at = at % (chars.len() + 1);
        if insert || at == chars.len() {
            let fragment = TOML_FRAGMENTS[fragment % TOML_FRAGMENTS.len()];
            for (offset, c) in fragment.chars().enumerate() {
                chars.insert(at + offset, c);
            }
        } else {
            chars.remove(at);
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn inventory_json_round_trips_with_every_field(inventory in inventory()) {
        let text = inventory.to_json();
        let tree: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(tree.get("version"), Some(&Value::from(1)));
        let devices = tree.get("devices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        prop_assert_eq!(devices.len(), inventory.devices.len());
        // Every field is written, in the order the export always had, the client by its id.
        for (written, device) in devices.iter().zip(&inventory.devices) {
            let written = written.as_object().ok_or_else(|| TestCaseError::fail("a device is not an object"))?;
            let client = device.client.id();
            let expected: Vec<(&str, &str)> = fields(device).into_iter()
                .map(|(name, value)| if name == "client" { (name, client) } else { (name, value) })
                .collect();
            prop_assert_eq!(written.len(), expected.len());
            for (name, value) in expected {
                prop_assert_eq!(written.get(name).and_then(Value::as_str), Some(value), "{}", text);
            }
        }
        prop_assert_eq!(Inventory::from_json(&text), Ok(inventory.clone()));
        // The same data laid out compactly, with the fields in another order, reads the same.
        let compact = serde_json::to_string(&tree).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Inventory::from_json(&compact), Ok(inventory.clone()));
        prop_assert_eq!(Inventory::from_toml(&inventory.to_toml()), Ok(inventory.clone()));
    }

    #[test]
    fn toml_crate_reads_our_toml_export_as_the_same_data(inventory in inventory()) {
        let text = inventory.to_toml();
        let table: toml::Table = toml::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(table.get("version").and_then(toml::Value::as_integer), Some(1));
        let devices = table.get("devices").and_then(toml::Value::as_array).map(Vec::as_slice).unwrap_or_default();
        prop_assert_eq!(devices.len(), inventory.devices.len());
        prop_assert_eq!(table.len(), if devices.is_empty() { 1 } else { 2 });
        for (read, device) in devices.iter().zip(&inventory.devices) {
            let read = read.as_table().ok_or_else(|| TestCaseError::fail("a device is not a table"))?;
            let filled: Vec<(&str, &str)> = fields(device).into_iter().filter(|(_, v)| !v.is_empty()).collect();
            prop_assert_eq!(read.len(), filled.len());
            for (name, value) in filled {
                prop_assert_eq!(read.get(name).and_then(toml::Value::as_str), Some(value), "{}", text);
            }
        }
        prop_assert_eq!(Inventory::from_toml(&text), Ok(inventory.clone()));
    }

    #[test]
    fn we_read_what_the_toml_crate_writes(inventory in inventory(), pretty in any::<bool>()) {
        let text = if pretty { toml::to_string_pretty(&inventory) } else { toml::to_string(&inventory) }
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Inventory::from_toml(&text), Ok(inventory.clone()), "{}", text);
        prop_assert_eq!(Inventory::import(&text), Ok(inventory.clone()), "{}", text);
        // The same data as a generic table, which the crate may lay out differently.
        let generic: toml::Table = toml::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = toml::to_string(&generic).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Inventory::from_toml(&text), Ok(inventory.clone()), "{}", text);
    }

    #[test]
    fn what_we_accept_the_toml_crate_reads_the_same(
        inventory in inventory(),
        ours in any::<bool>(),
        edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 1..4),
    ) {
        let base = if ours { inventory.to_toml() } else { toml::to_string(&inventory).unwrap_or_default() };
        let text = mutated(&base, &edits);
        if let Ok(value) = toml_doc::parse(&text) {
            let theirs: toml::Table = toml::from_str(&text).map_err(|e| TestCaseError::fail(format!("only we accept {text:?}: {e}")))?;
            let theirs = from_toml_table(&theirs).ok_or_else(|| TestCaseError::fail("a float or a date"))?;
            prop_assert_eq!(value, theirs, "{:?}", text);
        }
    }

    /// The browser's import (core's small reader) and the native one (the `toml` crate)
    /// accept the same mutated files and read them the same, and refuse the others with
    /// the same refusal. Where the text is not TOML the place may differ: for a string
    /// left open, core's reader points at its opening quote, the `toml` crate at the end.
    #[test]
    fn both_inventory_readers_agree_on_mutated_files(
        inventory in inventory(),
        edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 1..4),
    ) {
        let text = mutated(&inventory.to_toml(), &edits);
        let unplaced = |result: Result<Imported, ImportError>| match result {
            Err(ImportError::Syntax { .. }) => Err(None),
            Err(other) => Err(Some(other)),
            Ok(read) => Ok(read),
        };
        prop_assert_eq!(
            unplaced(Imported::read_toml(&text)),
            unplaced(Imported::read_toml_small(&text)),
            "{:?}",
            text
        );
    }
}
