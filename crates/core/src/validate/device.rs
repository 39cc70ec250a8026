//! Device names (the card's and the connector's display name).

use super::*;

/// Parses a display name for a device: trimmed, 1 to 80 characters (not bytes), no
/// control characters, text-direction marks, line separators or zero-width characters.
/// Any other Unicode (quotes, `$`, markup, emoji) is allowed; it is escaped wherever it is
/// used, for example by [`crate::powershell::quote`].
pub fn parse_device_name(input: &str) -> Result<String, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty(Field::DeviceName));
    }
    reject_controls(trimmed)?;
    let len = trimmed.chars().count();
    if len > MAX_DEVICE_NAME_CHARS {
        return Err(ValueError::DeviceNameTooLong { len });
    }
    Ok(trimmed.to_owned())
}

/// Parses the customer (or site) a device is kept for: optional, so blank is `None`;
/// otherwise the rules of [`parse_device_name`], in the customer's own words.
pub fn parse_customer(input: &str) -> Result<Option<String>, ValueError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    reject_controls(trimmed)?;
    let len = trimmed.chars().count();
    if len > MAX_DEVICE_NAME_CHARS {
        return Err(ValueError::CustomerTooLong { len });
    }
    Ok(Some(trimmed.to_owned()))
}
