//! Just enough DER (ITU-T X.690) to measure an RSA key: the modulus of an
//! `RSAPublicKey`, bare (RFC 3447 A.1.1, as RFC 6376 3.6.1 describes `p=`) or inside a
//! `SubjectPublicKeyInfo` (RFC 5280 4.1, what `openssl rsa -pubout` writes and what
//! Microsoft 365 and most signers publish).

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;

/// The modulus length in bits, or None when the bytes are not an RSA public key.
pub fn rsa_modulus_bits(der: &[u8]) -> Option<u32> {
    let (outer, rest) = element(der, SEQUENCE)?;
    if !rest.is_empty() {
        return None;
    }
    let inner = match outer.first() {
        // SubjectPublicKeyInfo: AlgorithmIdentifier, then the key in a BIT STRING whose
        // first byte counts unused bits (0 for a DER-encoded key).
        Some(&SEQUENCE) => {
            let (_algorithm, rest) = element(outer, SEQUENCE)?;
            let (bits, _) = element(rest, BIT_STRING)?;
            let (&unused, key) = bits.split_first()?;
            if unused != 0 {
                return None;
            }
            element(key, SEQUENCE)?.0
        }
        Some(&INTEGER) => outer,
        _ => return None,
    };
    let (modulus, rest) = element(inner, INTEGER)?;
    // The public exponent must follow for this to be an RSAPublicKey.
    element(rest, INTEGER)?;
    integer_bits(modulus)
}

/// The significant bits of a positive DER INTEGER's content.
fn integer_bits(content: &[u8]) -> Option<u32> {
    let first = content.iter().position(|&b| b != 0)?;
    let significant = &content[first..];
    let len = u32::try_from(significant.len()).ok()?;
    let lead = significant.first()?;
    Some((len - 1) * 8 + (8 - lead.leading_zeros()))
}

/// One element of the expected tag: its content and what follows it.
fn element(bytes: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&found, rest) = bytes.split_first()?;
    if found != tag {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        // Long form: the low bits count the length bytes; four is ample for a key.
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (digits, rest) = rest.split_at(count);
        let len = digits
            .iter()
            .fold(0usize, |n, &d| (n << 8) | usize::from(d));
        (len, rest)
    };
    if rest.len() < len {
        return None;
    }
    Some(rest.split_at(len))
}
