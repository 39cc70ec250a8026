//! Differential tests of the small codecs against the crates they replace: the JSON
//! reader and writer against serde_json, and the TOML reader and the inventory's TOML
//! writer against the `toml` crate, on generated documents.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use smarthost_core::cloud::Cloud;
use smarthost_core::inventory::{Device, Inventory};
use smarthost_core::json::{self, Json, Number};
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

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<u64>().prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        any::<u32>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        (-99_999i64..99_999, 0u32..6, -30i32..30).prop_filter_map(
            "a decimal in exponent form",
            |(mantissa, decimals, exponent)| {
                let digits = mantissa.unsigned_abs().to_string();
                let sign = if mantissa < 0 { "-" } else { "" };
                let split = digits.len().saturating_sub(decimals as usize).max(1);
                let (whole, fraction) = digits.split_at(split);
                let fraction = if fraction.is_empty() {
                    String::new()
                } else {
                    format!(".{fraction}")
                };
                Number::parse(&format!("{sign}{whole}{fraction}e{exponent}"))
            }
        ),
    ]
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Number),
        awkward_string().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((awkward_string(), inner), 0..6).prop_map(|members| {
                let mut unique: Vec<(String, Json)> = Vec::new();
                for (key, value) in members {
                    if !unique.iter().any(|(k, _)| *k == key) {
                        unique.push((key, value));
                    }
                }
                Json::Object(unique)
            }),
        ]
    })
}

/// Formatting choices for a generated document (blanks, escape forms), from a seed.
struct Style(u64);

impl Style {
    fn pick(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    fn blank(&mut self, out: &mut String) {
        out.push_str(["", "", " ", "\n  ", "\t", "\r\n", " \n\t "][self.pick(7) as usize]);
    }
}

/// The value as JSON text, with blanks and escapes chosen by `style`, so the readers see
/// more than one writer's habits.
fn write_styled(out: &mut String, value: &Json, style: &mut Style) {
    style.blank(out);
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n.as_str()),
        Json::String(s) => write_styled_string(out, s, style),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_styled(out, item, style);
                style.blank(out);
            }
            style.blank(out);
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                style.blank(out);
                write_styled_string(out, key, style);
                style.blank(out);
                out.push(':');
                write_styled(out, item, style);
                style.blank(out);
            }
            style.blank(out);
            out.push('}');
        }
    }
    style.blank(out);
}

fn write_styled_string(out: &mut String, text: &str, style: &mut Style) {
    out.push('"');
    for c in text.chars() {
        let short = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '/' => Some("\\/"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            _ => None,
        };
        let must_escape = c < ' ' || c == '"' || c == '\\';
        match (short, style.pick(3)) {
            (Some(escape), 0 | 1) => out.push_str(escape),
            (_, 0) if !must_escape => out.push(c),
            (_, 1) if !must_escape => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    if style.pick(2) == 0 {
                        out.push_str(&format!("\\u{unit:04x}"));
                    } else {
                        out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
            }
        }
    }
    out.push('"');
}

/// Whether our value and serde_json's are the same data (serde_json sorts keys).
fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => same_number(a, b),
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn same_number(ours: &Number, theirs: &serde_json::Number) -> bool {
    if let Some(value) = theirs.as_u64() {
        return ours.as_u64() == Some(value);
    }
    if let Some(value) = theirs.as_i64() {
        return ours.as_i64() == Some(value);
    }
    let (a, b) = (ours.as_f64(), theirs.as_f64().unwrap_or(f64::NAN));
    // serde_json's default float parser may be an ulp off the correctly rounded value.
    let close = (a - b).abs() <= a.abs().max(b.abs()) * 4.0 * f64::EPSILON
        || (a - b).abs() <= 4.0 * f64::from_bits(1);
    ours.as_u64().is_none() && ours.as_i64().is_none() && close
}

fn device() -> impl Strategy<Value = Device> {
    let field = || prop_oneof![Just(String::new()), awkward_string()];
    (
        (field(), field(), field(), field(), field()),
        (field(), field(), field(), field(), field()),
        prop::sample::select(Cloud::ALL.to_vec()),
        prop::sample::select(vec![Client::Device, Client::Application]),
    )
        .prop_map(
            |(
                (name, location, model, method, from),
                (domain, smart_host, ip, username, notes),
                cloud,
                client,
            )| {
                Device {
                    name,
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
fn fields(device: &Device) -> [(&'static str, &str); 12] {
    let client = match device.client {
        Client::Application => "application",
        Client::Device => "",
    };
    [
        ("name", &device.name),
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

/// What the `toml` crate read, in our tree; `None` for floats and dates, which our
/// reader refuses.
fn from_toml_value(value: &toml::Value) -> Option<Json> {
    Some(match value {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::Number(Number::from(*i)),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Array(items) => {
            Json::Array(items.iter().map(from_toml_value).collect::<Option<_>>()?)
        }
        toml::Value::Table(table) => from_toml_table(table)?,
        _ => return None,
    })
}

fn from_toml_table(table: &toml::Table) -> Option<Json> {
    let members = table
        .iter()
        .map(|(k, v)| Some((k.clone(), from_toml_value(v)?)))
        .collect::<Option<Vec<_>>>()?;
    Some(Json::Object(members))
}

/// Objects with their members sorted, since `toml::Table` does not keep the order.
fn sorted(value: Json) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
        Json::Object(members) => {
            let mut members: Vec<(String, Json)> =
                members.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members)
        }
        other => other,
    }
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
    fn json_reader_agrees_with_serde_json(value in json_value(), seed in 1u64..) {
        let mut text = String::new();
        write_styled(&mut text, &value, &mut Style(seed));
        let ours = json::parse(&text);
        prop_assert_eq!(ours, Ok(value.clone()), "{}", text);
        let theirs: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert!(same(&value, &theirs), "{}", text);
    }

    #[test]
    fn json_writer_output_reads_the_same_in_serde_json(value in json_value()) {
        for text in [json::to_pretty(&value), json::to_compact(&value)] {
            let theirs: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            prop_assert!(same(&value, &theirs), "{}", text);
            prop_assert_eq!(json::parse(&text), Ok(value.clone()));
            prop_assert!(!text.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{}", text);
        }
    }

    #[test]
    fn inventory_json_matches_serde_json(inventory in inventory()) {
        let text = inventory.to_json();
        let theirs: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Some(theirs), serde_json::to_value(&inventory).ok());
        let from_serde = serde_json::to_string_pretty(&inventory).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Inventory::from_json(&from_serde), Ok(inventory.clone()));
        prop_assert_eq!(Inventory::from_json(&text), Ok(inventory.clone()));
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
            prop_assert_eq!(sorted(value), sorted(theirs), "{:?}", text);
        }
    }
}
