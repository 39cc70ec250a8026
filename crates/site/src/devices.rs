//! Stage 3: the device inventory (`guide/devices.toml`, read once by core's
//! `Imported::read_toml_with_lines`, the `toml` crate underneath, whose spans give each
//! device's line) becomes one card per device and language, built and validated
//! by core's `build_device_card` in the device's cloud, and a unique slug per device for
//! its page. Devices the file gives no cloud are built as worldwide, and the build says
//! which in a note.
//!
//! An invalid device stops the build: a card with a wrong IP printed and stuck on a
//! printer is worse than no card.

use super::error::{BuildError, SiteError};
use super::load::TextFile;
use super::slug::Slugs;
use smarthost_core::date::Date;
use smarthost_core::device_card::{build_device_card, DeviceCard};
use smarthost_core::i18n::Lang;
use smarthost_core::inventory::{CloudAssumed, Device, Imported, TomlRefusal};

/// One device with its page slug and its card (worded in each language as it is shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DeviceEntry {
    pub(crate) slug: String,
    pub(crate) device: Device,
    /// The line of its `[[devices]]` header, for errors.
    pub(crate) line: usize,
    pub(crate) card: DeviceCard,
}

impl DeviceEntry {
    pub(crate) fn card(&self) -> &DeviceCard {
        &self.card
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DeviceSet {
    /// The inventory file as shown in errors; `None` when the guide has none.
    pub(crate) path: Option<String>,
    /// In file order.
    pub(crate) entries: Vec<DeviceEntry>,
    /// The devices the file gives no cloud, built as worldwide.
    pub(crate) cloud_assumed: Option<CloudAssumed>,
}

impl DeviceSet {
    /// The device named exactly `name` (names are what people write in shortcodes).
    pub(crate) fn find(&self, name: &str) -> Option<&DeviceEntry> {
        self.entries
            .iter()
            .find(|e| e.device.name.trim() == name.trim())
    }

    /// The build's note about devices without a cloud, in English like its other notes.
    pub(crate) fn note(&self) -> Option<String> {
        let assumed = self.cloud_assumed.as_ref()?;
        let path = self.path.as_deref().unwrap_or("devices.toml");
        Some(format!("{path}: {assumed}"))
    }

    pub(crate) fn names(&self) -> Vec<&str> {
        self.entries
            .iter()
            .map(|e| e.device.name.as_str())
            .collect()
    }
}

/// Slugs that would collide with the device index page and "Print all cards".
const RESERVED: [&str; 2] = ["index", "print"];

/// Reads and validates the inventory and builds every card in every language.
/// Cards are dated `today`, the build's day, and word their method's dated facts for it.
pub(crate) fn prepare(
    file: Option<&TextFile>,
    langs: &[Lang],
    today: Date,
) -> Result<DeviceSet, BuildError> {
    let Some(file) = file else {
        return Ok(DeviceSet::default());
    };
    let read = Imported::read_toml_with_lines(&file.text)
        .map_err(|refusal| refused(&file.path, refusal))?;
    let mut slugs = Slugs::with_reserved(&RESERVED);
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let lines = read.device_lines;
    for (index, device) in read.imported.inventory.devices.into_iter().enumerate() {
        let number = index + 1;
        let line = lines.get(index).copied().unwrap_or(1);
        // The build's `--today`: a rebuild on the same day gives the same bytes.
        let card = match build_device_card(&device, &today.to_string()) {
            Ok(card) => card,
            Err(field_errors) => {
                // Worded in the build's first language, as the rest of its messages.
                let lang = langs.first().copied().unwrap_or_default();
                for field in field_errors {
                    errors.push(SiteError::at(
                        &file.path,
                        line,
                        format!(
                            "device {number} `{}`: {}: {}",
                            device.name.trim(),
                            field.field,
                            field.message(lang)
                        ),
                    ));
                }
                continue;
            }
        };
        let slug = slugs.unique(&device.name, "device");
        entries.push(DeviceEntry {
            slug,
            device,
            line,
            card,
        });
    }
    BuildError::check(errors)?;
    Ok(DeviceSet {
        path: Some(file.path.clone()),
        entries,
        cloud_assumed: read.imported.cloud_assumed,
    })
}

/// A refused inventory as a build error: at the line the refusal is about (the text's
/// error, the device's header, the top-level key), with the parser's own words for text
/// that is not TOML (core's `TomlRefusal::message`, which the CLI shows too).
fn refused(path: &str, refusal: TomlRefusal) -> BuildError {
    let message = refusal.message(Lang::En);
    match refusal.line {
        Some(line) => SiteError::at(path, line, message),
        None => SiteError::file(path, message),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-12-02").unwrap_or_else(|e| panic!("{e}"))
    }

    fn file(text: &str) -> TextFile {
        TextFile {
            path: "guide/devices.toml".to_owned(),
            text: text.to_owned(),
        }
    }

    const TWO: &str = "version = 1

[[devices]]
name = \"Máy in tầng 2\"
method = \"client-submission\"
from = \"scan@contoso.com\"

[[devices]]
name = \"máy in  TẦNG 2\"
method = \"hve\"
from = \"app@contoso.com\"
";

    #[test]
    fn cards_in_every_language_with_unique_slugs() {
        let set = prepare(Some(&file(TWO)), &Lang::ALL, today()).unwrap_or_else(|e| panic!("{e}"));
        let slugs: Vec<&str> = set.entries.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["may-in-tang-2", "may-in-tang-2-2"]);
        assert_eq!(set.entries[1].line, 8);
        let card = set.entries[0].card().card.lines(Lang::Vi);
        assert_eq!(card.smart_host, "smtp.office365.com");
        assert_eq!(card.date, "2/12/2026");
        assert!(set.find(" Máy in tầng 2").is_some());
        assert!(set.find("Máy in").is_none());
    }

    #[test]
    fn an_application_in_the_inventory_gets_an_applications_card() {
        let text = TWO.replace(
            "method = \"hve\"",
            "method = \"hve\"\nclient = \"application\"",
        );
        let set =
            prepare(Some(&file(&text)), &Lang::ALL, today()).unwrap_or_else(|e| panic!("{e}"));
        let sign_in = |entry: usize, lang: Lang| set.entries[entry].card().card.sign_in(lang);
        assert!(
            sign_in(1, Lang::En).contains("enter the password in the application's settings"),
            "{}",
            sign_in(1, Lang::En)
        );
        assert!(
            sign_in(1, Lang::Vi).contains("trong phần cấu hình của ứng dụng"),
            "{}",
            sign_in(1, Lang::Vi)
        );
        assert!(sign_in(0, Lang::En).contains("enter the password on the device"));
        // An unknown sender is refused at its device's line, as an unknown field is.
        let wrong = TWO.replace("method = \"hve\"", "client = \"app\"");
        let error = prepare(Some(&file(&wrong)), &[Lang::En], today());
        assert_eq!(
            error.err().map(|e| e.to_string()),
            Some("guide/devices.toml:8: this is not a smarthost inventory: device 2: \"client\" must be \"device\" or \"application\", not \"app\"".to_owned())
        );
    }

    #[test]
    fn no_inventory_means_no_devices() {
        assert_eq!(prepare(None, &Lang::ALL, today()), Ok(DeviceSet::default()));
    }

    #[test]
    fn an_invalid_device_names_itself_and_the_field() {
        let text = TWO.replace("app@contoso.com", "not an address");
        let error = prepare(Some(&file(&text)), &Lang::ALL, today())
            .err()
            .map(|e| e.to_string());
        let error = error.unwrap_or_default();
        assert!(
            error.starts_with("guide/devices.toml:8: device 2 `máy in  TẦNG 2`: from: "),
            "{error}"
        );
        assert_eq!(error.lines().count(), 1, "{error}");
    }

    #[test]
    fn syntax_and_schema_errors_carry_lines() {
        let error = prepare(
            Some(&file("version = 1\nname = \"x\n")),
            &[Lang::En],
            today(),
        );
        let error = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.starts_with("guide/devices.toml:2: "), "{error}");
        let unknown = TWO.replace("method = \"hve\"", "methd = \"hve\"");
        let error = prepare(Some(&file(&unknown)), &[Lang::En], today());
        assert_eq!(
            error.err().map(|e| e.to_string()),
            Some("guide/devices.toml:8: this is not a smarthost inventory: device 2: unknown field \"methd\"".to_owned())
        );
    }

    #[test]
    fn a_devices_line_comes_from_the_parser_in_any_toml_spelling() {
        // An inline list has no `[[devices]]` headers to search for; the spans still
        // give each device's own line.
        let inline = "version = 1\ndevices = [\n  { name = \"a\", method = \"hve\", from = \"a@contoso.com\" },\n\n  { name = \"b\", methd = \"hve\" },\n]\n";
        let error = prepare(Some(&file(inline)), &[Lang::En], today());
        assert_eq!(
            error.err().map(|e| e.to_string()),
            Some("guide/devices.toml:5: this is not a smarthost inventory: device 2: unknown field \"methd\"".to_owned())
        );
        let bad_address = inline.replace("methd = \"hve\"", "method = \"hve\", from = \"nope\"");
        let error = prepare(Some(&file(&bad_address)), &[Lang::En], today());
        let error = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            error.starts_with("guide/devices.toml:5: device 2 `b`: from: "),
            "{error}"
        );
        let set = prepare(Some(&file(TWO)), &[Lang::En], today()).unwrap_or_else(|e| panic!("{e}"));
        let lines: Vec<usize> = set.entries.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 8]);
    }

    #[test]
    fn text_that_is_not_toml_is_explained_in_the_parsers_words() {
        let error = prepare(
            Some(&file("version = 1\n\n[[devices]]\nname = \"a\u{7}\"\n")),
            &[Lang::En],
            today(),
        );
        assert_eq!(
            error.err().map(|e| e.to_string()),
            Some("guide/devices.toml:4: a control character (U+0007) must be written as an escape, \\u0007 (column 10)".to_owned())
        );
        let error = prepare(
            Some(&file("version = 1\n[[devices]]\nip = 10.5\n")),
            &[Lang::En],
            today(),
        );
        let error = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            error.starts_with("guide/devices.toml:3: floating-point numbers are not used"),
            "{error}"
        );
        assert!(error.ends_with("(column 6)"), "{error}");
    }
}
