//! Numbers and what only looks like one (dates, times, floats), which the inventory does
//! not use and refuses by name.

pub(super) fn looks_like_date_or_time(token: &str) -> bool {
    let bytes = token.as_bytes();
    let year_like = bytes.len() >= 5
        && bytes.iter().take(4).all(u8::is_ascii_digit)
        && bytes.get(4) == Some(&b'-');
    token.contains(':') || year_like
}

pub(super) fn looks_like_float(token: &str) -> bool {
    let unsigned = token.trim_start_matches(['+', '-']);
    if matches!(unsigned, "inf" | "nan") {
        return true;
    }
    let numeric = unsigned.starts_with(|c: char| c.is_ascii_digit())
        && !unsigned.starts_with("0x")
        && !unsigned.starts_with("0o")
        && !unsigned.starts_with("0b")
        && unsigned
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'e' | b'E' | b'+' | b'-'));
    numeric && unsigned.contains(['.', 'e', 'E'])
}

pub(super) enum IntegerError {
    NotANumber,
    Invalid(&'static str),
}

/// A TOML integer: decimal with an optional sign, or `0x`/`0o`/`0b` without one;
/// underscores only between digits.
pub(super) fn integer(token: &str) -> Result<i64, IntegerError> {
    let radix_digits = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(prefix, radix)| token.strip_prefix(prefix).map(|d| (d, radix)));
    let (sign, digits, radix) = match radix_digits {
        Some((digits, radix)) => ("", digits, radix),
        None => {
            let (sign, digits) = match token.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", token.strip_prefix('+').unwrap_or(token)),
            };
            (sign, digits, 10)
        }
    };
    if digits.is_empty() || !digits.chars().all(|c| c == '_' || c.is_digit(radix)) {
        return Err(IntegerError::NotANumber);
    }
    if digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(IntegerError::Invalid(
            "an underscore in an integer must stand between two digits",
        ));
    }
    if radix == 10 && digits.len() > 1 && digits.starts_with('0') {
        return Err(IntegerError::Invalid(
            "an integer cannot have leading zeros",
        ));
    }
    let plain: String = sign
        .chars()
        .chain(digits.chars().filter(|c| *c != '_'))
        .collect();
    i64::from_str_radix(&plain, radix)
        .map_err(|_| IntegerError::Invalid("the integer does not fit in 64 bits"))
}
