//! The two TOML readers read the same files the same way: the `toml` crate's path
//! (native: the guide generator, the CLI) and core's small reader (the browser's Cards
//! import). Every document of the hostile table, the sample inventory, an old file, the
//! exports and the TOML 1.1 forms is read both ways and the results compared, refusals
//! included: the same refusal, and for text that is not TOML the same line (the column
//! may differ: each parser points at its own character of the same mistake, such as the
//! `1` or the `.` of an unquoted `192.0.2.1`).

use super::tests::{hostile_toml, sample, OLD_TOML};
use super::*;

const GUIDE_DEVICES: &str = include_str!("../../../guide/devices.toml");

/// Documents beyond the hostile table: what people write by hand, and TOML 1.1.
fn by_hand() -> Vec<String> {
    [
        GUIDE_DEVICES,
        OLD_TOML,
        // TOML 1.1: an inline list of devices over several lines, trailing commas.
        "version = 1\ndevices = [\n  { name = \"a\",\n    method = \"hve\", },\n  { name = \"b\" },\n]\n",
        // TOML 1.1: \e and \x escapes.
        "version = 1\n[[devices]]\nnotes = \"\\e[1m \\x41\"\n",
        "version = 1\n[[devices]]\nname = 10:30\n",
        "version = 1\n[[devices]]\nname = 1979-05-27T07:32:00Z\n",
        "version = 1\n[[devices]]\nname = 'x'\nnotes = nan\n",
        "version = 99999999999999999999\n",
        "version = 1\n[[devices]]\n[devices.name]\n[devices.name.x]\ny = 1.5\n",
        "version = 1\ndevices = [{ name = 'a' }, { name = 'b', colour = 'red' }]\n",
        "version = 1\n[[devices]]\nname = 'a'\n[[devices]]\nname = 'b'\ncloud = 'mars'\n",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

/// The result with a syntax error's column left out (see the module's comment).
fn without_column(result: &Result<Imported, ImportError>) -> Result<Imported, ImportError> {
    match result {
        Err(ImportError::Syntax { format, line, .. }) => Err(ImportError::Syntax {
            format: *format,
            line: *line,
            column: 0,
        }),
        other => other.clone(),
    }
}

#[test]
fn both_toml_readers_give_the_same_result_for_every_document() {
    let mut documents: Vec<(String, String)> = hostile_toml()
        .into_iter()
        .map(|(name, text, _)| (name.to_owned(), text))
        .collect();
    documents.extend(by_hand().into_iter().map(|text| (text.clone(), text)));
    documents.push(("the sample's export".to_owned(), sample().to_toml()));
    assert!(documents.len() > 55, "{}", documents.len());
    let mut differ = Vec::new();
    for (name, text) in &documents {
        let native = Imported::read_toml_with_lines(text)
            .map(|read| read.imported)
            .map_err(|refusal| refusal.error);
        let browser = Imported::read_toml_small(text);
        if without_column(&native) != without_column(&browser) {
            let name: String = name.chars().take(80).collect();
            differ.push(format!(
                "{name:?}:\n  toml crate: {native:?}\n  small reader: {browser:?}"
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_toml_crates_spans_give_each_devices_line() {
    let read = Imported::read_toml_with_lines(OLD_TOML).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(read.device_lines, [3, 8, 13]);
    let inline = "version = 1\ndevices = [\n  { name = 'a' },\n\n  { name = 'b' },\n]\n";
    let read = Imported::read_toml_with_lines(inline).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(read.device_lines, [3, 5]);
}

#[test]
fn a_refusal_carries_the_line_it_is_about() {
    let line = |text: &str| Imported::read_toml_with_lines(text).err().map(|r| r.line);
    // A device's refusal: its own header's line, not the field's.
    let unknown = OLD_TOML.replace("cloud = \"gcc-high\"", "colour = \"red\"");
    assert_eq!(line(&unknown), Some(Some(8)));
    let cloud = OLD_TOML.replace("method = \"hve\"", "cloud = \"mars\"");
    assert_eq!(line(&cloud), Some(Some(13)));
    // The text's own error, where it is.
    assert_eq!(line("version = 1\n\nname = \"x\n"), Some(Some(3)));
    // A top-level key's refusal: that key's line.
    assert_eq!(line("# inventory\n\nversion = 2\n"), Some(Some(3)));
    assert_eq!(line("version = 1\nowner = 'x'\n"), Some(Some(2)));
    assert_eq!(line("version = 1\n\ndevices = 'x'\n"), Some(Some(3)));
    // Nothing to point at.
    assert_eq!(line("# only a comment\n"), Some(None));
    assert_eq!(line(""), Some(None));
}
