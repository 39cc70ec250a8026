//! The inventory file's shape as serde reads it, from JSON text or from the TOML reader's
//! tree alike. serde's derive does the field walking (`deny_unknown_fields` refuses an
//! unknown field, the derive a repeated one); every refusal comes back as data rather
//! than as serde's English message, so [`super::Refusal`] can name the device and field:
//!
//! - values are read loosely ([`Loose`]): a wrong type is kept as such and refused
//!   afterwards, with the device's number;
//! - objects go through [`Keys`], which remembers the key serde was at when the derive
//!   refused it, then skips the rest of the object so the document is still read to its
//!   end (a syntax error further on is reported before the schema).
//!
//! The only errors left to serde are those of the text itself (syntax, nesting).

//!
//! The visitors that read each shape are in `inventory_visitors.rs`.

use super::{FieldName, Refusal};
use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess};
use serde::Deserialize;

/// A value as given: of the expected type, of another one, or absent. (A small visitor
/// rather than `#[serde(untagged)]`, which would buffer every value first.)
#[derive(Debug, Default)]
pub(super) enum Loose<T> {
    Given(T),
    Other,
    #[default]
    Absent,
}

/// The top level: `version` and `devices`, or why not.
pub(super) enum Top {
    File(InventoryFile),
    Refused(Refusal),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InventoryFile {
    #[serde(default)]
    pub version: Loose<u64>,
    #[serde(default)]
    pub devices: DeviceList,
}

/// The `devices` value: the first [`MAX_DEVICES`] devices and how many there were, or a
/// value that is not a list (`null` included), or none.
#[derive(Default)]
pub(super) enum DeviceList {
    List {
        devices: Vec<Slot>,
        count: usize,
    },
    NotList,
    #[default]
    Absent,
}

/// One entry of `devices`.
pub(super) enum Slot {
    Device(Box<DeviceFile>),
    /// Refused by the derive: the field and whether it was unknown (else repeated).
    Refused {
        unknown: bool,
        field: FieldName,
    },
    NotTable,
}

/// A device's fields, in the order an export writes them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DeviceFile {
    #[serde(default)]
    pub name: Loose<String>,
    #[serde(default)]
    pub customer: Loose<String>,
    #[serde(default)]
    pub location: Loose<String>,
    #[serde(default)]
    pub model: Loose<String>,
    #[serde(default)]
    pub method: Loose<String>,
    #[serde(default)]
    pub cloud: Loose<String>,
    #[serde(default)]
    pub client: Loose<String>,
    #[serde(default)]
    pub from: Loose<String>,
    #[serde(default)]
    pub domain: Loose<String>,
    #[serde(default)]
    pub smart_host: Loose<String>,
    #[serde(default)]
    pub ip: Loose<String>,
    #[serde(default)]
    pub username: Loose<String>,
    #[serde(default)]
    pub notes: Loose<String>,
}

/// What the derive refused in one object, by the key it was at.
pub(super) enum Outcome<T> {
    Read(T),
    Refused { unknown: bool, field: FieldName },
}

/// Reads an object with `T`'s derive through [`Keys`]; `Err` only for an error of the
/// text itself.
pub(super) fn read_object<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: A,
) -> Result<Outcome<T>, A::Error> {
    let mut keys = Keys {
        map,
        at: None,
        seen: Vec::new(),
        unknown: false,
        value_pending: false,
        failed: false,
    };
    let error = match T::deserialize(MapAccessDeserializer::new(&mut keys)) {
        Ok(value) => return Ok(Outcome::Read(value)),
        Err(error) => error,
    };
    let Some(key) = keys.at.take().filter(|_| !keys.failed) else {
        return Err(error);
    };
    // Unknown, or else seen before: the derive checks nothing else (values are loose).
    let unknown = keys.unknown;
    if !unknown && keys.seen.iter().filter(|k| **k == key).count() < 2 {
        return Err(error);
    }
    keys.skip_rest()?;
    Ok(Outcome::Refused {
        unknown,
        field: FieldName::new(&key),
    })
}

/// A map passed through to the derive, remembering the key it is at.
struct Keys<A> {
    map: A,
    at: Option<String>,
    /// The keys read so far (an object of the schema has a dozen at most: the derive
    /// stops at the first unknown or repeated one).
    seen: Vec<String>,
    /// The derive refused the key `at` as unknown.
    unknown: bool,
    /// `at` was read and its value not yet.
    value_pending: bool,
    /// The underlying map failed: the text is broken.
    failed: bool,
}

impl<'de, A: MapAccess<'de>> Keys<A> {
    fn skip_rest(&mut self) -> Result<(), A::Error> {
        if self.value_pending {
            self.map.next_value::<IgnoredAny>()?;
        }
        while self.map.next_key::<IgnoredAny>()?.is_some() {
            self.map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Keys<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let key = self.map.next_key::<String>().inspect_err(|_| {
            self.failed = true;
        })?;
        let Some(key) = key else {
            return Ok(None);
        };
        self.value_pending = true;
        self.seen.push(key.clone());
        self.at = Some(key.clone());
        seed.deserialize(StringDeserializer::<A::Error>::new(key))
            .map(Some)
            .inspect_err(|_| {
                self.unknown = true;
            })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.value_pending = false;
        self.map.next_value_seed(seed).inspect_err(|_| {
            self.failed = true;
        })
    }
}
