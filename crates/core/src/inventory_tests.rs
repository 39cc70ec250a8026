use super::*;
use crate::i18n::Lang;
use crate::plan::Client;
use crate::test_rng::Rng;

pub(super) fn sample() -> Inventory {
    Inventory::new(vec![
        Device {
            name: "Ricoh 2nd floor".into(),
            customer: "Contoso Đà Nẵng".into(),
            location: "Đà Nẵng office".into(),
            method: "direct-send".into(),
            from: "scanner@contoso.com".into(),
            smart_host: "contoso-com.mail.protection.outlook.com".into(),
            notes: "<script>alert(1)</script> \"quoted\" 🖨️".into(),
            cloud: Cloud::Dod,
            ..Device::default()
        },
        Device::default(),
        Device {
            name: "Billing app".into(),
            method: "relay-ip".into(),
            client: Client::Application,
            ..Device::default()
        },
    ])
}

/// A device with every field set to something awkward to quote.
fn awkward() -> Device {
    let mut device = Device::default();
    let values = [
        "line\nbreak\r\nand\rreturn",
        "quotes \" ' \"\"\" ''' and backslashes \\ \\\\ \\n \\u0041",
        "controls \u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}",
        "  leading and trailing  ",
        "",
        "Đà Nẵng 🖨️ 👩‍💻 \u{2028}\u{2029}\u{feff}\u{202e}",
        "<script>alert(1)</script> & </p>",
        "# not a comment\n[[devices]]\nname = \"x\"",
        "\t",
        "{\"version\": 2}",
        "Contoso \"Đà Nẵng\" = [site]",
    ];
    for ((name, _), value) in Device::default().fields().into_iter().zip(values) {
        if let Some(slot) = field_mut(&mut device, name) {
            *slot = value.to_owned();
        }
    }
    device
}

#[test]
fn json_round_trip_loses_nothing() {
    for inventory in [
        sample(),
        Inventory::new(vec![awkward()]),
        Inventory::new(vec![]),
    ] {
        assert_eq!(Inventory::from_json(&inventory.to_json()), Ok(inventory));
    }
}

#[test]
fn toml_round_trip_loses_nothing() {
    for inventory in [
        sample(),
        Inventory::new(vec![awkward()]),
        Inventory::new(vec![]),
    ] {
        assert_eq!(Inventory::from_toml(&inventory.to_toml()), Ok(inventory));
    }
}

#[test]
fn json_export_keeps_the_serde_json_layout() {
    // The export is serde_json's pretty layout of the derive, as it always was.
    let plain = Inventory::new(vec![
        Device {
            name: "Ricoh 2nd floor".into(),
            notes: "\"quoted\" 🖨️ Đà Nẵng \\ \n".into(),
            ..Device::default()
        },
        Device::default(),
    ]);
    assert_eq!(
        serde_json::to_string_pretty(&plain).ok(),
        Some(plain.to_json())
    );
    assert_eq!(
        serde_json::to_string_pretty(&Inventory::new(vec![])).ok(),
        Some(Inventory::new(vec![]).to_json())
    );
    // Markup reads back as the same data (the export goes into a data: URL, encoded).
    let marked = sample();
    assert_eq!(Inventory::from_json(&marked.to_json()), Ok(marked));
}

#[test]
fn toml_export_writes_only_filled_fields_and_always_the_cloud() {
    let inventory = Inventory::new(vec![
        Device {
            name: "Ricoh 2nd floor".into(),
            location: "Đà Nẵng office".into(),
            method: "direct-send".into(),
            cloud: Cloud::GccHigh,
            ..Device::default()
        },
        Device::default(),
        Device {
            notes: "two\nlines \"quoted\"".into(),
            ..Device::default()
        },
    ]);
    assert_eq!(
        inventory.to_toml(),
        "# smarthost device inventory\nversion = 1\n\n[[devices]]\nname = \"Ricoh 2nd floor\"\nlocation = \"Đà Nẵng office\"\nmethod = \"direct-send\"\ncloud = \"gcc-high\"\n\n[[devices]]\ncloud = \"worldwide\"\n\n[[devices]]\ncloud = \"worldwide\"\nnotes = \"two\\nlines \\\"quoted\\\"\"\n"
    );
    assert_eq!(
        Inventory::new(vec![]).to_toml(),
        "# smarthost device inventory\nversion = 1\n"
    );
}

#[test]
fn import_picks_the_format_from_the_first_character() {
    let inventory = sample();
    assert_eq!(Format::detect(&inventory.to_json()), Format::Json);
    assert_eq!(Format::detect(&inventory.to_toml()), Format::Toml);
    assert_eq!(Format::detect("\u{feff}  \n {"), Format::Json);
    assert_eq!(Format::detect("version = 1"), Format::Toml);
    assert_eq!(Format::detect("[[devices]]"), Format::Toml);
    assert_eq!(Format::detect(""), Format::Toml);
    assert_eq!(
        Inventory::import(&inventory.to_json()),
        Ok(inventory.clone())
    );
    assert_eq!(
        Inventory::import(&inventory.to_toml()),
        Ok(inventory.clone())
    );
    let with_bom = format!("\u{feff}{}", inventory.to_json());
    assert_eq!(Inventory::import(&with_bom), Ok(inventory));
    assert!(matches!(
        Inventory::import("[1, 2]"),
        Err(ImportError::Syntax {
            format: Format::Toml,
            ..
        })
    ));
    assert_eq!(Inventory::import(" \n "), Err(ImportError::Empty));
}

#[test]
fn a_device_becomes_a_card_input_in_its_cloud() {
    let device = &sample().devices[0];
    let input = device.card_input();
    assert_eq!(input.cloud, Cloud::Dod);
    assert_eq!(input.method, Some(MethodId::DirectSend));
    assert_eq!(input.model, None);
    assert_eq!(
        input.smart_host.as_deref(),
        Some("contoso-com.mail.protection.outlook.com")
    );
}

/// What an import should give.
#[derive(Debug)]
pub(super) enum Expect {
    Devices(usize),
    Empty,
    NotInventory(&'static str),
    Version(u32),
    TooMany(usize),
    /// Not well-formed in the format being read (where is checked in
    /// `syntax_errors_give_the_line_and_column`).
    Syntax,
    TooLarge,
}

fn check(format: Format, name: &str, document: &str, expect: &Expect) {
    let result = match format {
        Format::Json => Inventory::from_json(document),
        Format::Toml => Inventory::from_toml(document),
    };
    let message = result
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    let fits = match (&result, expect) {
        (Ok(inventory), Expect::Devices(count)) => inventory.devices.len() == *count,
        (Err(ImportError::Empty), Expect::Empty) => true,
        (Err(ImportError::NotInventory(_)), Expect::NotInventory(fragment)) => {
            message.contains(fragment)
        }
        (Err(ImportError::Version(got)), Expect::Version(want)) => got == want,
        (Err(ImportError::TooMany(got)), Expect::TooMany(want)) => got == want,
        (Err(ImportError::Syntax { format: got, .. }), Expect::Syntax) => *got == format,
        (Err(ImportError::TooLarge(_)), Expect::TooLarge) => true,
        _ => false,
    };
    assert!(fits, "{format} {name}: expected {expect:?}, got {result:?}");
    // Whatever the file held, the message is safe to show as it is.
    assert!(
        !message.chars().any(crate::echo::is_unsafe_to_echo),
        "{name}: {message:?}"
    );
}

fn json_devices(count: usize, device: &str) -> String {
    let devices = vec![device; count].join(",");
    format!(r#"{{"version":1,"devices":[{devices}]}}"#)
}

fn toml_devices(count: usize, body: &str) -> String {
    let mut out = String::from("version = 1\n");
    for _ in 0..count {
        out.push_str("[[devices]]\n");
        out.push_str(body);
        out.push('\n');
    }
    out
}

fn huge(len: usize) -> String {
    "Ricoh ".repeat(len / 6)
}

fn hostile_json() -> Vec<(&'static str, String, Expect)> {
    let password =
        r#"{"version":1,"devices":[{},{"name":"a"},{"name":"b","password":"hunter2"}]}"#.to_owned();
    let truncated = sample().to_json();
    let truncated: String = truncated
        .chars()
        .take(truncated.chars().count() / 2)
        .collect();
    vec![
        ("empty", String::new(), Expect::Empty),
        ("whitespace only", " \n\t\r ".into(), Expect::Empty),
        ("byte order mark only", "\u{feff}".into(), Expect::Empty),
        (
            "byte order mark and blanks",
            "\u{feff} \n".into(),
            Expect::Empty,
        ),
        (
            "byte order mark before a file",
            "\u{feff}{\"version\":1}".into(),
            Expect::Devices(0),
        ),
        (
            "no devices key",
            r#"{"version":1}"#.into(),
            Expect::Devices(0),
        ),
        (
            "a list",
            "[]".into(),
            Expect::NotInventory("expected an object"),
        ),
        (
            "null",
            "null".into(),
            Expect::NotInventory("expected an object"),
        ),
        (
            "a number",
            "42".into(),
            Expect::NotInventory("expected an object"),
        ),
        (
            "a string",
            r#""inventory""#.into(),
            Expect::NotInventory("expected an object"),
        ),
        (
            "arrays 10,000 deep",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            // Skipped without recursion: a list is not an inventory, however deep.
            Expect::NotInventory("expected an object"),
        ),
        (
            "objects 10,000 deep",
            format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
            Expect::NotInventory("unknown field \"a\""),
        ),
        (
            "arrays 10,000 deep as a version",
            format!(
                "{{\"version\":{}{}}}",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        (
            "an unclosed list 10,000 deep as a version",
            format!("{{\"version\":{}}}", "[".repeat(10_000)),
            Expect::Syntax,
        ),
        (
            "deep value inside a device",
            json_devices(
                1,
                &format!("{{\"notes\":{}{}}}", "[".repeat(100), "]".repeat(100)),
            ),
            Expect::NotInventory("device 1: \"notes\" must be text"),
        ),
        (
            "a value nested 10,000 deep inside a device",
            json_devices(
                1,
                &format!("{{\"notes\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000)),
            ),
            // Skipped without recursion: whatever it holds, it is not text.
            Expect::NotInventory("device 1: \"notes\" must be text"),
        ),
        (
            "a huge string",
            json_devices(1, &format!("{{\"notes\":\"{}\"}}", huge(1 << 20))),
            Expect::Devices(1),
        ),
        (
            "a file over the size limit",
            json_devices(1, &format!("{{\"notes\":\"{}\"}}", huge(MAX_IMPORT_BYTES))),
            Expect::TooLarge,
        ),
        (
            "a password field",
            password,
            Expect::NotInventory("device 3: unknown field \"password\""),
        ),
        (
            "an unknown top-level field",
            r#"{"version":1,"owner":"x"}"#.into(),
            Expect::NotInventory("unknown field \"owner\""),
        ),
        (
            "version 2",
            r#"{"version":2,"devices":[]}"#.into(),
            Expect::Version(2),
        ),
        ("version 0", r#"{"version":0}"#.into(), Expect::Version(0)),
        (
            "version as a string",
            r#"{"version":"1"}"#.into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        (
            "version as a float",
            r#"{"version":1.0}"#.into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        (
            "negative version",
            r#"{"version":-1}"#.into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        (
            "version beyond u32",
            r#"{"version":4294967297}"#.into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        (
            "no version",
            r#"{"devices":[]}"#.into(),
            Expect::NotInventory("\"version\" is missing"),
        ),
        (
            "1001 devices",
            json_devices(MAX_DEVICES + 1, "{}"),
            Expect::TooMany(MAX_DEVICES + 1),
        ),
        (
            "1000 devices",
            json_devices(MAX_DEVICES, r#"{"name":"x"}"#),
            Expect::Devices(MAX_DEVICES),
        ),
        (
            "a number as a name",
            json_devices(1, r#"{"name":5}"#),
            Expect::NotInventory("device 1: \"name\" must be text"),
        ),
        (
            "null as notes",
            json_devices(2, r#"{"notes":null}"#),
            Expect::NotInventory("device 1: \"notes\" must be text"),
        ),
        (
            "a list as an address",
            json_devices(1, r#"{"ip":["192.0.2.1"]}"#),
            Expect::NotInventory("device 1: \"ip\" must be text"),
        ),
        (
            "a device that is text",
            r#"{"version":1,"devices":[{},"printer"]}"#.into(),
            Expect::NotInventory("device 2 is not a table"),
        ),
        (
            "devices as an object",
            r#"{"version":1,"devices":{}}"#.into(),
            Expect::NotInventory("\"devices\" must be a list"),
        ),
        (
            "devices as null",
            r#"{"version":1,"devices":null}"#.into(),
            Expect::NotInventory("\"devices\" must be a list"),
        ),
        (
            "a raw control character",
            json_devices(1, "{\"name\":\"a\u{1}b\"}"),
            Expect::Syntax,
        ),
        (
            "escaped control characters",
            json_devices(1, r#"{"name":"a\u0001\u0000b"}"#),
            Expect::Devices(1),
        ),
        (
            "markup in a value",
            json_devices(1, r#"{"name":"<script>alert(1)</script>"}"#),
            Expect::Devices(1),
        ),
        (
            "markup as a field name",
            json_devices(1, r#"{"<script>":"x"}"#),
            Expect::NotInventory("unknown field \"<script>\""),
        ),
        (
            "a field name with control characters",
            json_devices(1, r#"{"pass\u0000\u202eword":"x"}"#),
            Expect::NotInventory("unknown field \"pass\u{FFFD}\u{FFFD}word\""),
        ),
        (
            "a field name with a Cyrillic look-alike letter",
            json_devices(1, "{\"n\u{430}me\":\"x\"}"),
            Expect::NotInventory("unknown field \"n\u{430}me\" (it contains '\u{430}', U+0430"),
        ),
        (
            "a top-level field name with a zero-width space",
            "{\"version\":1,\"devices\u{200B}\":[]}".into(),
            Expect::NotInventory("(it contains the invisible character U+200B)"),
        ),
        ("a truncated document", truncated, Expect::Syntax),
        (
            "a duplicate field",
            json_devices(1, r#"{"name":"a","name":"b"}"#),
            Expect::NotInventory("device 1: \"name\" appears twice"),
        ),
        (
            "a duplicate top-level field",
            r#"{"version":1,"devices":[],"version":1}"#.into(),
            Expect::NotInventory("this is not a smarthost inventory: \"version\" appears twice"),
        ),
        (
            "a duplicate field after an unknown value",
            json_devices(1, r#"{"name":"a","notes":[{"x":1,"x":2}],"name":"b"}"#),
            Expect::NotInventory("device 1: \"name\" appears twice"),
        ),
        (
            "a device as a list of its values",
            json_devices(1, r#"["Ricoh","Lobby"]"#),
            Expect::NotInventory("device 1 is not a table"),
        ),
        (
            "the inventory as a list of its values",
            r#"[1,[]]"#.into(),
            Expect::NotInventory("expected an object"),
        ),
        (
            "a syntax error after a refused device",
            r#"{"version":1,"devices":[{"colour":"red"},{"name":}]}"#.into(),
            Expect::Syntax,
        ),
        (
            "2000 devices, one of them refused",
            json_devices(2 * MAX_DEVICES, r#"{"colour":"red"}"#),
            Expect::TooMany(2 * MAX_DEVICES),
        ),
        (
            "a trailing comma",
            r#"{"version":1,"devices":[],}"#.into(),
            Expect::Syntax,
        ),
        (
            "a lone surrogate",
            json_devices(1, r#"{"name":"\uD800"}"#),
            Expect::Syntax,
        ),
        ("a TOML file", "version = 1\n".into(), Expect::Syntax),
        (
            "a comment",
            "// inventory\n{\"version\":1}".into(),
            Expect::Syntax,
        ),
    ]
}

pub(super) fn hostile_toml() -> Vec<(&'static str, String, Expect)> {
    let password = "version = 1\n[[devices]]\n[[devices]]\nname = \"a\"\n[[devices]]\nname = \"b\"\npassword = \"hunter2\"\n";
    let truncated = sample().to_toml();
    let cut = truncated.find("Đà").unwrap_or(0) + "Đà".len();
    let truncated = truncated.get(..cut).unwrap_or_default().to_owned();
    vec![
        ("empty", String::new(), Expect::Empty),
        ("whitespace only", " \n\t\r\n ".into(), Expect::Empty),
        ("byte order mark only", "\u{feff}".into(), Expect::Empty),
        (
            "only a comment",
            "# smarthost device inventory\n".into(),
            Expect::NotInventory("\"version\" is missing"),
        ),
        (
            "byte order mark before a file",
            "\u{feff}version = 1\n".into(),
            Expect::Devices(0),
        ),
        (
            "CRLF line ends",
            "version = 1\r\n[[devices]]\r\nname = \"a\"\r\n".into(),
            Expect::Devices(1),
        ),
        (
            "an empty list of devices",
            "version = 1\ndevices = []".into(),
            Expect::Devices(0),
        ),
        ("brackets", "[]".into(), Expect::Syntax),
        ("null", "null".into(), Expect::Syntax),
        (
            "arrays 10,000 deep",
            format!(
                "version = 1\ndevices = {}{}",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
            Expect::Syntax,
        ),
        (
            "a header 10,000 keys long",
            format!("[{}]", vec!["devices"; 10_000].join(".")),
            Expect::Syntax,
        ),
        (
            "a huge string",
            toml_devices(1, &format!("notes = \"{}\"", huge(1 << 20))),
            Expect::Devices(1),
        ),
        (
            "a file over the size limit",
            toml_devices(1, &format!("notes = '{}'", huge(MAX_IMPORT_BYTES))),
            Expect::TooLarge,
        ),
        (
            "a password field",
            password.into(),
            Expect::NotInventory("device 3: unknown field \"password\""),
        ),
        (
            "an unknown top-level key",
            "version = 1\nowner = \"x\"".into(),
            Expect::NotInventory("unknown field \"owner\""),
        ),
        ("version 2", "version = 2".into(), Expect::Version(2)),
        (
            "version as a string",
            "version = \"1\"".into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        ("version as a float", "version = 1.0".into(), Expect::Syntax),
        (
            "negative version",
            "version = -1".into(),
            Expect::NotInventory("\"version\" must be the number 1"),
        ),
        ("version in hex", "version = 0x1".into(), Expect::Devices(0)),
        (
            "no version",
            "[[devices]]\nname = \"a\"".into(),
            Expect::NotInventory("\"version\" is missing"),
        ),
        (
            "1001 devices",
            toml_devices(MAX_DEVICES + 1, ""),
            Expect::TooMany(MAX_DEVICES + 1),
        ),
        (
            "1000 devices",
            toml_devices(MAX_DEVICES, "name = 'x'"),
            Expect::Devices(MAX_DEVICES),
        ),
        (
            "a number as a name",
            toml_devices(1, "name = 5"),
            Expect::NotInventory("device 1: \"name\" must be text"),
        ),
        (
            "a boolean as notes",
            toml_devices(1, "notes = true"),
            Expect::NotInventory("device 1: \"notes\" must be text"),
        ),
        (
            "a list as an address",
            toml_devices(1, "ip = [\"192.0.2.1\"]"),
            Expect::NotInventory("device 1: \"ip\" must be text"),
        ),
        (
            "an inline table as a name",
            toml_devices(1, "name = { first = \"a\" }"),
            Expect::NotInventory("device 1: \"name\" must be text"),
        ),
        (
            "a sub-table as a name",
            "version = 1\n[[devices]]\n[devices.name]\nx = 'a'".into(),
            Expect::NotInventory("device 1: \"name\" must be text"),
        ),
        (
            "devices as text",
            "version = 1\ndevices = \"x\"".into(),
            Expect::NotInventory("\"devices\" must be a list"),
        ),
        (
            "devices as one table",
            "version = 1\n[devices]\nname = \"a\"".into(),
            Expect::NotInventory("\"devices\" must be a list"),
        ),
        (
            "a device that is a number",
            "version = 1\ndevices = [{}, 1]".into(),
            Expect::NotInventory("device 2 is not a table"),
        ),
        (
            "inline devices with a password",
            "version = 1\ndevices = [{ password = \"x\" }]".into(),
            Expect::NotInventory("device 1: unknown field \"password\""),
        ),
        (
            "a raw control character",
            toml_devices(1, "name = \"a\u{1}b\""),
            Expect::Syntax,
        ),
        (
            "escaped control characters",
            toml_devices(1, "name = \"a\\u0001\\u0000b\""),
            Expect::Devices(1),
        ),
        (
            "markup in a value",
            toml_devices(1, "name = '<script>alert(1)</script>'"),
            Expect::Devices(1),
        ),
        (
            "markup as a key",
            toml_devices(1, "\"<script>\" = 'x'"),
            Expect::NotInventory("unknown field \"<script>\""),
        ),
        (
            "a key with a Cyrillic look-alike letter",
            toml_devices(1, "\"n\u{430}me\" = 'x'"),
            Expect::NotInventory("U+0430, which is not a plain ASCII letter"),
        ),
        ("a truncated document", truncated, Expect::Syntax),
        (
            "a date",
            "version = 1\n[[devices]]\nname = \"a\"\nbought = 2024-05-01".into(),
            Expect::Syntax,
        ),
        (
            "an unquoted address",
            toml_devices(1, "ip = 192.0.2.1"),
            Expect::Syntax,
        ),
        (
            "unquoted text",
            toml_devices(1, "name = Ricoh"),
            Expect::Syntax,
        ),
        (
            "a duplicate key",
            toml_devices(1, "name = 'a'\nname = 'b'"),
            Expect::Syntax,
        ),
        (
            "a redefined table",
            "version = 1\n[meta]\n[meta]".into(),
            Expect::Syntax,
        ),
        (
            "devices redefined as a table",
            "version = 1\n[[devices]]\n[devices]".into(),
            Expect::Syntax,
        ),
        (
            "version defined twice",
            "version = 1\nversion = 1".into(),
            Expect::Syntax,
        ),
        (
            "a JSON-looking line",
            "\"version\": 1".into(),
            Expect::Syntax,
        ),
    ]
}

#[test]
fn hostile_json_imports_are_refused_with_a_reason() {
    let cases = hostile_json();
    assert!(cases.len() >= 30);
    for (name, document, expect) in &cases {
        check(Format::Json, name, document, expect);
    }
}

#[test]
fn hostile_toml_imports_are_refused_with_a_reason() {
    let cases = hostile_toml();
    assert!(cases.len() >= 30);
    for (name, document, expect) in &cases {
        check(Format::Toml, name, document, expect);
    }
}

#[test]
fn import_messages_name_the_problem() {
    let messages = [
        (
            Inventory::from_json(r#"{"version":1,"devices":[{"name":"a","colour":"red"}]}"#),
            "this is not a smarthost inventory: device 1: unknown field \"colour\"",
        ),
        (
            Inventory::from_json("{\n  \"version\": 1,\n  \"devices\": [}\n"),
            "this is not valid JSON: line 3, column 15",
        ),
        (
            Inventory::from_toml("version = 1\n[[devices]]\nwhen = 1979-05-27\n"),
            "this is not valid TOML: line 3, column 8",
        ),
        (
            Inventory::from_toml("version = 3"),
            "this inventory is version 3; this smarthost reads version 1",
        ),
    ];
    for (result, expected) in messages {
        assert_eq!(
            result.err().map(|e| e.to_string()).as_deref(),
            Some(expected)
        );
    }
}

/// Text made of the characters that break naive writers, for the round trips.
fn awkward_text(rng: &mut Rng) -> String {
    const POOL: &[&str] = &[
        "a",
        "Z",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "\\",
        "\\n",
        "\\u0041",
        "#",
        "=",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\u{0}",
        "\u{1}",
        "\u{1f}",
        "\u{7f}",
        "\u{85}",
        "é",
        "Đà Nẵng",
        "🖨️",
        "👩‍💻",
        "\u{2028}",
        "\u{feff}",
        "\u{202e}",
        "<",
        ">",
        "&",
        "</script>",
    ];
    (0..rng.below(12))
        .map(|_| POOL[rng.below(POOL.len())])
        .collect()
}

fn random_inventory(rng: &mut Rng) -> Inventory {
    let devices = (0..rng.below(5))
        .map(|_| {
            let mut device = Device {
                cloud: Cloud::ALL[rng.below(Cloud::ALL.len())],
                client: [Client::Device, Client::Application][rng.below(2)],
                ..Device::default()
            };
            for (name, _) in Device::default().fields() {
                if rng.below(3) > 0 {
                    if let Some(slot) = field_mut(&mut device, name) {
                        *slot = awkward_text(rng);
                    }
                }
            }
            device
        })
        .collect();
    Inventory::new(devices)
}

#[test]
fn random_inventories_round_trip_exactly_in_both_formats() {
    let mut rng = Rng(0x1a7e_a70a_11ce_5eed);
    for _ in 0..500 {
        let inventory = random_inventory(&mut rng);
        assert_eq!(
            Inventory::from_json(&inventory.to_json()).as_ref(),
            Ok(&inventory)
        );
        assert_eq!(
            Inventory::from_toml(&inventory.to_toml()).as_ref(),
            Ok(&inventory)
        );
        assert_eq!(
            Inventory::import(&inventory.to_json()).as_ref(),
            Ok(&inventory)
        );
        assert_eq!(
            Inventory::import(&inventory.to_toml()).as_ref(),
            Ok(&inventory)
        );
    }
}

#[test]
fn sweep_of_mutated_exports_never_panics() {
    let mut rng = Rng(0x5eed_1e55_0f1c_e000);
    for _ in 0..2000 {
        let inventory = random_inventory(&mut rng);
        for export in [inventory.to_json(), inventory.to_toml()] {
            let mut bytes = export.into_bytes();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(bytes.len());
                if let Some(byte) = bytes.get_mut(at) {
                    *byte = rng.next() as u8;
                }
            }
            let cut = rng.below(bytes.len() + 1);
            let text = String::from_utf8_lossy(bytes.get(..cut).unwrap_or_default()).into_owned();
            let _ = Inventory::import(&text);
            let _ = Inventory::from_json(&text);
            let _ = Inventory::from_toml(&text);
        }
    }
}

/// An inventory written before devices had a cloud: the same devices, read as worldwide.
const OLD_JSON: &str = r#"{
  "version": 1,
  "devices": [
    {"name": "Ricoh 2nd floor", "method": "direct-send", "from": "scanner@contoso.com"},
    {"name": "Billing app", "method": "client-submission", "cloud": "gcc-high"},
    {"name": "  ", "method": "hve"}
  ]
}"#;

pub(super) const OLD_TOML: &str = "version = 1

[[devices]]
name = \"Ricoh 2nd floor\"
method = \"direct-send\"
from = \"scanner@contoso.com\"

[[devices]]
name = \"Billing app\"
method = \"client-submission\"
cloud = \"gcc-high\"

[[devices]]
name = \"  \"
method = \"hve\"
";

#[test]
fn devices_without_a_cloud_are_read_as_worldwide_and_named_in_a_notice() {
    for text in [OLD_JSON, OLD_TOML] {
        let imported = Imported::read(text).unwrap_or_else(|e| panic!("{e}"));
        let clouds: Vec<Cloud> = imported.inventory.devices.iter().map(|d| d.cloud).collect();
        assert_eq!(clouds, [Cloud::Worldwide, Cloud::GccHigh, Cloud::Worldwide]);
        assert_eq!(imported.inventory.devices[0].from, "scanner@contoso.com");
        let notice = imported
            .cloud_assumed
            .clone()
            .unwrap_or_else(|| panic!("no notice: {text}"));
        assert_eq!(
            notice.devices,
            [
                DeviceRef {
                    number: 1,
                    name: "Ricoh 2nd floor".into()
                },
                DeviceRef {
                    number: 3,
                    name: String::new()
                },
            ]
        );
        assert_eq!(
            notice.message(Lang::En),
            "2 devices had no cloud in the file and were read as Worldwide: device 1 \"Ricoh 2nd floor\", device 3. If any is in GCC, GCC High, DoD or 21Vianet, choose its cloud."
        );
        assert!(
            notice.message(Lang::Vi).starts_with("2 thiết bị không ghi môi trường đám mây trong tệp nên được coi là Toàn cầu: thiết bị 1 \"Ricoh 2nd floor\", thiết bị 3."),
            "{}",
            notice.message(Lang::Vi)
        );
        assert_eq!(notice.to_string(), notice.message(Lang::En));
        // The plain readers give the same devices.
        assert_eq!(Inventory::import(text), Ok(imported.inventory.clone()));
        // Exported again, the cloud is written: nothing is assumed a second time.
        for export in [imported.inventory.to_json(), imported.inventory.to_toml()] {
            let again = Imported::read(&export).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(again.cloud_assumed, None, "{export}");
            assert_eq!(again.inventory, imported.inventory);
        }
    }
}

#[test]
fn one_device_without_a_cloud_is_said_in_the_singular_and_long_lists_are_cut() {
    let one = Imported::read(r#"{"version":1,"devices":[{"name":"Ricoh"}]}"#)
        .ok()
        .and_then(|i| i.cloud_assumed)
        .map(|n| n.message(Lang::En));
    assert_eq!(
        one.as_deref(),
        Some("1 device had no cloud in the file and was read as Worldwide: device 1 \"Ricoh\". If it is in GCC, GCC High, DoD or 21Vianet, choose its cloud.")
    );
    let many = Imported::read(&json_devices(25, r#"{"name":"P"}"#))
        .ok()
        .and_then(|i| i.cloud_assumed)
        .unwrap_or_else(|| panic!("no notice"));
    assert_eq!(many.devices.len(), 25);
    let message = many.message(Lang::En);
    assert!(message.starts_with("25 devices had no cloud"), "{message}");
    assert!(
        message.contains("device 10 \"P\" and 15 more."),
        "{message}"
    );
    assert!(!message.contains("device 11"), "{message}");
    assert!(many.message(Lang::Vi).contains("và 15 thiết bị khác"));
    // A file whose devices all name their cloud has no notice; neither has an empty one.
    assert_eq!(
        Imported::read(&sample().to_json()).map(|i| i.cloud_assumed),
        Ok(None)
    );
    assert_eq!(
        Imported::read("version = 1").map(|i| i.cloud_assumed),
        Ok(None)
    );
}

#[test]
fn every_cloud_is_written_by_its_id_and_read_back() {
    for cloud in Cloud::ALL {
        let inventory = Inventory::new(vec![Device {
            name: "Scanner".into(),
            cloud,
            ..Device::default()
        }]);
        let json = inventory.to_json();
        assert!(
            json.contains(&format!("\"cloud\": \"{}\"", cloud.id())),
            "{json}"
        );
        let toml = inventory.to_toml();
        assert!(
            toml.contains(&format!("cloud = \"{}\"\n", cloud.id())),
            "{toml}"
        );
        assert_eq!(Inventory::from_json(&json), Ok(inventory.clone()));
        assert_eq!(Inventory::from_toml(&toml), Ok(inventory.clone()));
        // serde's writer, the reference layout, agrees field for field.
        assert_eq!(serde_json::to_string_pretty(&inventory).ok(), Some(json));
    }
}

#[test]
fn an_unknown_cloud_is_refused_naming_the_device_and_the_clouds() {
    // (the value as written in JSON, the device's name, what the message shows of it)
    let table = [
        (r#""gcc-hi""#, "Billing app", "gcc-hi"),
        (r#""GCC High""#, "Billing app", "GCC High"),
        (r#""GCC-HIGH""#, "", "GCC-HIGH"),
        (r#""""#, "Billing app", ""),
        (r#"" worldwide""#, "Billing app", " worldwide"),
        // A Cyrillic 'о' in "worldwide" reads the same and is not the same.
        ("\"w\u{43e}rldwide\"", "Billing app", "w\u{43e}rldwide"),
        (
            r#""commercial\u202e""#,
            "Billing\u{202e} app",
            "commercial\u{fffd}",
        ),
    ];
    let mut failures = Vec::new();
    for (value, name, shown_value) in table {
        let json = format!(
            r#"{{"version":1,"devices":[{{"name":"Ricoh"}},{{"cloud":{value},"name":{}}}]}}"#,
            serde_json::Value::String(name.to_owned())
        );
        let toml = format!(
            "version = 1\n[[devices]]\nname = \"Ricoh\"\n[[devices]]\ncloud = {}\nname = {}\n",
            crate::toml_write::basic_string(&json_string(value)),
            crate::toml_write::basic_string(name)
        );
        for (format, document) in [(Format::Json, json), (Format::Toml, toml)] {
            let error = Imported::read(&document).err();
            let expected_device = DeviceRef {
                number: 2,
                name: crate::echo::shown(name.trim()),
            };
            let Some(ImportError::UnknownCloud { device, value }) = &error else {
                failures.push(format!("{format} {value}: {error:?}"));
                continue;
            };
            if *device != expected_device || value != shown_value {
                failures.push(format!("{format}: {device:?} {value:?}"));
            }
            let en = error.as_ref().map(ToString::to_string).unwrap_or_default();
            let device_label = if name.trim().is_empty() {
                "device 2".to_owned()
            } else {
                format!("device 2 \"{}\"", crate::echo::shown(name))
            };
            let expected = format!(
                "{device_label}: \"{shown_value}\" is not a Microsoft 365 cloud smarthost knows; use one of worldwide, gcc, gcc-high, dod, 21vianet"
            );
            if en != expected {
                failures.push(format!("{format}: {en:?}\n  expected {expected:?}"));
            }
            if en.chars().any(crate::echo::is_unsafe_to_echo) {
                failures.push(format!("{format}: echoes an unsafe character: {en:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The text a JSON string literal stands for (for the table above).
fn json_string(literal: &str) -> String {
    match serde_json::from_str(literal) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("{literal}: {other:?}"),
    }
}

#[test]
fn a_cloud_that_is_not_text_is_refused_as_any_field_is() {
    for (document, expected) in [
        (
            r#"{"version":1,"devices":[{"cloud":1}]}"#,
            "this is not a smarthost inventory: device 1: \"cloud\" must be text in quotes",
        ),
        (
            "version = 1\n[[devices]]\ncloud = [\"gcc-high\"]\n",
            "this is not a smarthost inventory: device 1: \"cloud\" must be text in quotes",
        ),
        (
            r#"{"version":1,"devices":[{"clouds":"gcc-high"}]}"#,
            "this is not a smarthost inventory: device 1: unknown field \"clouds\"",
        ),
    ] {
        assert_eq!(
            Imported::read(document)
                .err()
                .map(|e| e.to_string())
                .as_deref(),
            Some(expected)
        );
    }
}

#[test]
fn import_errors_speak_vietnamese() {
    let error =
        Imported::read(r#"{"version":1,"devices":[{"name":"Máy in","cloud":"gcc-hi"}]}"#).err();
    let vi = error
        .as_ref()
        .map(|e| e.message(Lang::Vi))
        .unwrap_or_default();
    assert_eq!(
        vi,
        "thiết bị 1 \"Máy in\": \"gcc-hi\" không phải là môi trường đám mây Microsoft 365 mà smarthost biết; hãy dùng một trong các giá trị worldwide, gcc, gcc-high, dod, 21vianet"
    );
    let other = Imported::read("version = 3").err();
    assert_eq!(
        other.as_ref().map(|e| e.message(Lang::Vi)).as_deref(),
        Some("danh sách thiết bị này thuộc phiên bản 3; phiên bản smarthost này chỉ đọc được phiên bản 1")
    );
}

#[test]
fn an_application_is_written_and_read_back_in_both_formats() {
    let inventory = sample();
    let json = inventory.to_json();
    // JSON names every device's sender; TOML only the application, after its cloud.
    assert_eq!(json.matches("\"client\": \"device\"").count(), 2, "{json}");
    assert_eq!(
        json.matches("\"client\": \"application\"").count(),
        1,
        "{json}"
    );
    assert!(
        json.contains(
            "\"cloud\": \"worldwide\",\n      \"client\": \"application\",\n      \"from\""
        ),
        "{json}"
    );
    let toml = inventory.to_toml();
    assert!(
        toml.ends_with("[[devices]]\nname = \"Billing app\"\nmethod = \"relay-ip\"\ncloud = \"worldwide\"\nclient = \"application\"\n"),
        "{toml}"
    );
    assert_eq!(toml.matches("client =").count(), 1, "{toml}");
    for text in [json, toml] {
        let read = Inventory::import(&text)
            .map(|i| i.devices.iter().map(|d| d.client).collect::<Vec<_>>());
        assert_eq!(
            read,
            Ok(vec![Client::Device, Client::Device, Client::Application]),
            "{text}"
        );
    }
}

#[test]
fn files_without_a_client_are_devices_and_need_no_notice() {
    for text in [OLD_JSON, OLD_TOML] {
        let imported = Imported::read(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(imported
            .inventory
            .devices
            .iter()
            .all(|d| d.client == Client::Device));
        // The notice is about the clouds only.
        assert_eq!(imported.cloud_assumed.map(|n| n.devices.len()), Some(2));
    }
    // Written by hand, "device" is accepted as well as left out.
    let explicit = Inventory::import(
        "version = 1\n[[devices]]\nname = \"Ricoh\"\ncloud = \"worldwide\"\nclient = \"device\"\n",
    );
    assert_eq!(explicit.map(|i| i.devices[0].client), Ok(Client::Device));
}

#[test]
fn an_unknown_client_is_refused_naming_the_device() {
    for (text, expected) in [
        (
            r#"{"version":1,"devices":[{"name":"Ricoh"},{"client":"Application"}]}"#,
            "this is not a smarthost inventory: device 2: \"client\" must be \"device\" or \"application\", not \"Application\"",
        ),
        (
            "version = 1\n[[devices]]\nclient = \"app\"\n",
            "this is not a smarthost inventory: device 1: \"client\" must be \"device\" or \"application\", not \"app\"",
        ),
        (
            "version = 1\n[[devices]]\nclient = \"\"\n",
            "this is not a smarthost inventory: device 1: \"client\" must be \"device\" or \"application\", not \"\"",
        ),
        (
            r#"{"version":1,"devices":[{"client":true}]}"#,
            "this is not a smarthost inventory: device 1: \"client\" must be text in quotes",
        ),
        (
            r#"{"version":1,"devices":[{"clients":"application"}]}"#,
            "this is not a smarthost inventory: device 1: unknown field \"clients\"",
        ),
    ] {
        assert_eq!(
            Inventory::import(text).map_err(|e| e.to_string()),
            Err(expected.to_owned()),
            "{text}"
        );
    }
}

/// A text field by its name in both formats (the reader has no such lookup: serde's
/// derive names the fields).
fn field_mut<'d>(device: &'d mut Device, name: &str) -> Option<&'d mut String> {
    Some(match name {
        "name" => &mut device.name,
        "customer" => &mut device.customer,
        "location" => &mut device.location,
        "model" => &mut device.model,
        "method" => &mut device.method,
        "from" => &mut device.from,
        "domain" => &mut device.domain,
        "smart_host" => &mut device.smart_host,
        "ip" => &mut device.ip,
        "username" => &mut device.username,
        "notes" => &mut device.notes,
        _ => return None,
    })
}

#[test]
fn the_customer_is_written_after_the_name_and_read_back_in_both_formats() {
    let inventory = Inventory::new(vec![
        Device {
            name: "Ricoh 2nd floor".into(),
            customer: "Contoso Đà Nẵng".into(),
            method: "direct-send".into(),
            ..Device::default()
        },
        Device {
            name: "Canon".into(),
            ..Device::default()
        },
    ]);
    let toml = inventory.to_toml();
    assert!(
        toml.contains("name = \"Ricoh 2nd floor\"\ncustomer = \"Contoso Đà Nẵng\"\nmethod"),
        "{toml}"
    );
    // TOML writes only what is filled in; JSON every field.
    assert_eq!(toml.matches("customer").count(), 1, "{toml}");
    let json = inventory.to_json();
    assert!(
        json.contains("\"name\": \"Ricoh 2nd floor\",\n      \"customer\": \"Contoso Đà Nẵng\","),
        "{json}"
    );
    assert_eq!(json.matches("\"customer\"").count(), 2, "{json}");
    assert_eq!(Inventory::from_toml(&toml), Ok(inventory.clone()));
    assert_eq!(Inventory::from_json(&json), Ok(inventory));
}

#[test]
fn a_file_without_customers_reads_as_devices_without_one() {
    let toml = "version = 1\n[[devices]]\nname = \"Ricoh\"\ncloud = \"worldwide\"\n";
    let read = Inventory::from_toml(toml).map(|i| i.devices);
    assert_eq!(read.map(|d| d[0].customer.clone()), Ok(String::new()));
    let json = r#"{"version": 1, "devices": [{"name": "Ricoh", "customer": "Fabrikam"}]}"#;
    let read = Inventory::from_json(json).map(|i| i.devices);
    assert_eq!(
        read.map(|d| d[0].customer.clone()),
        Ok("Fabrikam".to_owned())
    );
}

#[test]
fn a_customer_that_is_not_text_is_refused_naming_the_device_and_field() {
    for text in [
        "version = 1\n[[devices]]\nname = \"Ricoh\"\ncustomer = 7\n",
        r#"{"version": 1, "devices": [{"name": "Ricoh", "customer": ["Contoso"]}]}"#,
    ] {
        let error = Inventory::import(text).err();
        assert_eq!(
            error,
            Some(ImportError::NotInventory(Refusal::NotText {
                device: 1,
                field: "customer",
            })),
            "{text}"
        );
        let message = error.map(|e| e.message(Lang::En)).unwrap_or_default();
        assert!(message.contains("customer"), "{message}");
    }
    let repeated = "version = 1\n[[devices]]\ncustomer = \"A\"\ncustomer = \"B\"\n";
    assert!(Inventory::import(repeated).is_err());
}

#[test]
fn the_empty_exports_are_what_an_empty_list_writes() {
    let empty = Inventory::new(Vec::new());
    assert_eq!(empty.to_json(), EMPTY_JSON);
    assert_eq!(empty.to_toml(), EMPTY_TOML);
}
