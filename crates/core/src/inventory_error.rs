//! Why an import was refused, as data: each reason carries its values (a device's number,
//! a field's name, a line and column), and [`ImportError::message`] words it in the
//! reader's language from the catalog. `Display` is the English text. The notice for
//! devices read as worldwide is here too.

use super::{Format, MAX_DEVICES};
use crate::cloud::Cloud;
use crate::echo::{is_unsafe_to_echo, is_visible, shown};
use crate::i18n::{format, format_count, Lang};

/// Why an import was refused; the existing inventory is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    /// The file is well-formed but does not follow the inventory schema.
    NotInventory(Refusal),
    Version(u32),
    TooMany(usize),
    /// The text is not well-formed in its format, at this line and column (from 1).
    Syntax {
        format: Format,
        line: usize,
        column: usize,
    },
    TooLarge(usize),
    /// A device's `cloud` is not one of [`Cloud::ALL`]; nothing is guessed, since the
    /// cloud decides every host on the card. `name` and `value` are safe to show.
    UnknownCloud {
        device: DeviceRef,
        value: String,
    },
}

/// Why a well-formed file is not an inventory. Devices are numbered from 1, as a person
/// counts them in the file; names and values are safe to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The document is not an object (a table) of `version` and `devices`.
    NotAnObject,
    /// A field the schema does not have, at the top (`device: None`) or in a device.
    UnknownField {
        device: Option<usize>,
        field: FieldName,
    },
    /// A field given twice in one object.
    RepeatedField {
        device: Option<usize>,
        field: FieldName,
    },
    VersionMissing,
    /// `version` is not a whole number (text, a decimal, a negative or huge number).
    VersionNotNumber,
    DevicesNotList,
    DeviceNotTable {
        device: usize,
    },
    /// A device field holds something other than text.
    NotText {
        device: usize,
        field: &'static str,
    },
    /// `client` is neither `device` nor `application`.
    UnknownClient {
        device: usize,
        value: String,
    },
}

/// A field name as the file wrote it, safe to show, with the first character that makes
/// it other than plain ASCII: a look-alike (Cyrillic `а` in `nаme`) or an invisible
/// character would otherwise make the message quote what reads as a valid name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    pub name: String,
    pub odd: Option<OddChar>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OddChar {
    /// A visible character that is not ASCII.
    LookAlike(char),
    /// A character that does not show (or must not be echoed), by its code point.
    Invisible(u32),
}

impl FieldName {
    pub fn new(raw: &str) -> FieldName {
        let odd = raw.chars().find(|c| !c.is_ascii()).map(|c| {
            if is_visible(c) && !is_unsafe_to_echo(c) {
                OddChar::LookAlike(c)
            } else {
                OddChar::Invisible(u32::from(c))
            }
        });
        FieldName {
            name: shown(raw),
            odd,
        }
    }

    /// `"nаme" (it contains 'а', U+0430, …)`, or just the quoted name.
    fn quoted(&self, lang: Lang) -> String {
        let name = &self.name;
        match self.odd {
            None => format!("\"{name}\""),
            Some(OddChar::LookAlike(c)) => format(
                lang,
                "inventory.field.look-alike",
                &[
                    ("field", name),
                    ("char", &c.to_string()),
                    ("code", &code_point(u32::from(c))),
                ],
            ),
            Some(OddChar::Invisible(code)) => format(
                lang,
                "inventory.field.invisible",
                &[("field", name), ("code", &code_point(code))],
            ),
        }
    }
}

fn code_point(code: u32) -> String {
    format!("U+{code:04X}")
}

impl ImportError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Empty => format(lang, "inventory.error.empty", &[]),
            ImportError::NotInventory(refusal) => format(
                lang,
                "inventory.error.not-inventory",
                &[("why", &refusal.message(lang))],
            ),
            ImportError::Version(version) => format(
                lang,
                "inventory.error.version",
                &[("version", &version.to_string())],
            ),
            ImportError::TooMany(count) => format(
                lang,
                "inventory.error.too-many",
                &[
                    ("count", &count.to_string()),
                    ("max", &MAX_DEVICES.to_string()),
                ],
            ),
            ImportError::Syntax {
                format: file_format,
                line,
                column,
            } => format(
                lang,
                "inventory.error.syntax",
                &[
                    ("format", &file_format.to_string()),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                ],
            ),
            ImportError::TooLarge(bytes) => format(
                lang,
                "inventory.error.too-large",
                &[("bytes", &bytes.to_string())],
            ),
            ImportError::UnknownCloud { device, value } => {
                let clouds = Cloud::ALL.map(Cloud::id).join(", ");
                format(
                    lang,
                    "inventory.error.unknown-cloud",
                    &[
                        ("device", &device.label(lang)),
                        ("value", value),
                        ("clouds", &clouds),
                    ],
                )
            }
        }
    }

    /// The device the refusal is about (from 1), when it is about one, so a caller can
    /// point at its place in the file.
    pub fn device_number(&self) -> Option<usize> {
        match self {
            ImportError::UnknownCloud { device, .. } => Some(device.number),
            ImportError::NotInventory(refusal) => refusal.device_number(),
            _ => None,
        }
    }
}

impl std::error::Error for ImportError {}

crate::i18n::display_in_english!(ImportError);

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let (device, why) = match self {
            Refusal::NotAnObject => (None, format(lang, "inventory.why.not-object", &[])),
            Refusal::UnknownField { device, field } => (
                *device,
                format(
                    lang,
                    "inventory.why.unknown-field",
                    &[("field", &field.quoted(lang))],
                ),
            ),
            Refusal::RepeatedField { device, field } => (
                *device,
                format(
                    lang,
                    "inventory.why.repeated-field",
                    &[("field", &field.quoted(lang))],
                ),
            ),
            Refusal::VersionMissing => (None, format(lang, "inventory.why.version-missing", &[])),
            Refusal::VersionNotNumber => (None, format(lang, "inventory.why.version-number", &[])),
            Refusal::DevicesNotList => (None, format(lang, "inventory.why.devices-list", &[])),
            Refusal::DeviceNotTable { device } => (
                None,
                format(
                    lang,
                    "inventory.why.device-table",
                    &[("number", &device.to_string())],
                ),
            ),
            Refusal::NotText { device, field } => (
                Some(*device),
                format(lang, "inventory.why.not-text", &[("field", field)]),
            ),
            Refusal::UnknownClient { device, value } => (
                Some(*device),
                format(lang, "inventory.why.client", &[("value", value)]),
            ),
        };
        match device {
            None => why,
            Some(number) => format(
                lang,
                "inventory.why.in-device",
                &[("number", &number.to_string()), ("why", &why)],
            ),
        }
    }

    fn device_number(&self) -> Option<usize> {
        match self {
            Refusal::UnknownField { device, .. } | Refusal::RepeatedField { device, .. } => *device,
            Refusal::DeviceNotTable { device }
            | Refusal::NotText { device, .. }
            | Refusal::UnknownClient { device, .. } => Some(*device),
            Refusal::NotAnObject
            | Refusal::VersionMissing
            | Refusal::VersionNotNumber
            | Refusal::DevicesNotList => None,
        }
    }
}

crate::i18n::display_in_english!(Refusal);

/// A device as a message names it: its number in the file (from 1) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRef {
    pub number: usize,
    /// Trimmed and safe to show (see `echo::shown`); empty for a device without a name.
    pub name: String,
}

impl DeviceRef {
    pub(super) fn new(number: usize, name: &str) -> DeviceRef {
        DeviceRef {
            number,
            name: shown(name.trim()),
        }
    }

    /// `Ricoh 2nd floor`, or `device 3` without a name: for a line that starts with it.
    pub fn name_or_number(&self, lang: Lang) -> String {
        if self.name.is_empty() {
            self.label(lang)
        } else {
            self.name.clone()
        }
    }

    /// `device 3 "Ricoh 2nd floor"`, or `device 3` without a name.
    pub fn label(&self, lang: Lang) -> String {
        let number = self.number.to_string();
        if self.name.is_empty() {
            format(lang, "inventory.device.unnamed", &[("number", &number)])
        } else {
            format(
                lang,
                "inventory.device",
                &[("number", &number), ("name", &self.name)],
            )
        }
    }
}

/// The notice for a file whose devices (some or all) had no `cloud`: they were read as
/// [`ASSUMED_CLOUD`], and the reader should know which ones to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudAssumed {
    /// In file order; never empty.
    pub devices: Vec<DeviceRef>,
}

/// How many devices a notice names before it says "and N more".
const NAMED_IN_NOTICE: usize = 10;

impl CloudAssumed {
    pub fn message(&self, lang: Lang) -> String {
        let named: Vec<String> = self
            .devices
            .iter()
            .take(NAMED_IN_NOTICE)
            .map(|d| d.label(lang))
            .collect();
        let mut devices = named.join(", ");
        let more = self.devices.len().saturating_sub(NAMED_IN_NOTICE);
        if more > 0 {
            devices = format(
                lang,
                "inventory.notice.more",
                &[("devices", &devices), ("count", &more.to_string())],
            );
        }
        format_count(
            lang,
            "inventory.notice.cloud-assumed",
            self.devices.len(),
            &[("devices", &devices)],
        )
    }
}

crate::i18n::display_in_english!(CloudAssumed);
