//! Reed–Solomon error correction over GF(2^8) with the QR field polynomial
//! x^8 + x^4 + x^3 + x^2 + 1 (0x11D), ISO/IEC 18004 §7.5.2.
//!
//! The generator polynomial is built per call rather than stored for every degree, and
//! the log/antilog tables are built on the stack per symbol: 255 steps, cheaper than
//! shipping 512 bytes of tables in the wasm.

/// Product of two field elements (carry-less multiply reduced by 0x11D). Used to build
/// the tables and the generator; the division loop uses the tables.
pub(crate) fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        let carry = a & 0x80 != 0;
        a <<= 1;
        if carry {
            a ^= 0x1D;
        }
        b >>= 1;
    }
    product
}

/// The generator polynomial ∏(x − α^i) for i in 0..degree, as its coefficients below the
/// leading 1, highest power first. `degree` is at most 30 in every QR version.
fn generator(degree: usize, out: &mut [u8; 32]) -> &[u8] {
    let degree = degree.min(out.len());
    let coefficients = &mut out[..degree];
    coefficients.fill(0);
    // Start from the polynomial 1 (the implicit leading term) and multiply in each root.
    if let Some(last) = coefficients.last_mut() {
        *last = 1;
    }
    let mut root = 1u8; // α^0
    for _ in 0..degree {
        // Multiply by (x + root): shift up one power and add root × the old polynomial.
        for j in 0..degree {
            let next = coefficients.get(j + 1).copied().unwrap_or(0);
            coefficients[j] = gf_mul(coefficients[j], root) ^ next;
        }
        root = gf_mul(root, 2);
    }
    coefficients
}

/// Computes error-correction codewords for the blocks of one symbol.
pub(crate) struct Encoder {
    /// exp[i] = α^i for i in 0..255 (exp[255] repeats α^0 so a sum of two logs
    /// reduced once by 255 indexes it directly).
    exp: [u8; 256],
    log: [u8; 256],
    /// Generator coefficients as logarithms; all are non-zero, being products of
    /// non-zero roots.
    generator_log: [u8; 32],
    degree: usize,
}

impl Encoder {
    pub(crate) fn new(degree: usize) -> Encoder {
        let mut exp = [0u8; 256];
        let mut log = [0u8; 256];
        let mut x = 1u8;
        for i in 0..255u8 {
            exp[usize::from(i)] = x;
            log[usize::from(x)] = i;
            x = gf_mul(x, 2);
        }
        exp[255] = exp[0];
        let mut storage = [0u8; 32];
        let generator = generator(degree, &mut storage);
        let mut generator_log = [0u8; 32];
        for (l, &g) in generator_log.iter_mut().zip(generator) {
            *l = log[usize::from(g)];
        }
        Encoder {
            exp,
            log,
            generator_log,
            degree: generator.len(),
        }
    }

    /// Appends the error-correction codewords for `data` to `out`: the remainder of
    /// data(x) · x^degree divided by the generator polynomial.
    pub(crate) fn remainder(&self, data: &[u8], out: &mut Vec<u8>) {
        let start = out.len();
        out.resize(start + self.degree, 0);
        let register = &mut out[start..];
        let generator_log = &self.generator_log[..register.len()];
        for &byte in data {
            // Long division, one data codeword at a time, keeping only the remainder.
            let factor = byte ^ register.first().copied().unwrap_or(0);
            register.rotate_left(1);
            if let Some(last) = register.last_mut() {
                *last = 0;
            }
            if factor == 0 {
                continue;
            }
            let factor_log = usize::from(self.log[usize::from(factor)]);
            for (r, &g) in register.iter_mut().zip(generator_log) {
                *r ^= self.exp[(usize::from(g) + factor_log) % 255];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_field_multiplication_wraps_with_0x11d() {
        assert_eq!(gf_mul(0x80, 2), 0x1D);
        assert_eq!(gf_mul(0, 0xAB), 0);
        assert_eq!(gf_mul(1, 0xAB), 0xAB);
        // α^255 = 1: the field's multiplicative group has order 255.
        let mut x = 1u8;
        for _ in 0..255 {
            x = gf_mul(x, 2);
        }
        assert_eq!(x, 1);
    }

    #[test]
    fn qr_generator_of_degree_7_matches_annex_a() {
        // ISO/IEC 18004 Annex A, degree 7: α^0 x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4
        // + α^149 x^3 + α^238 x^2 + α^102 x + α^21, here as field values.
        let mut storage = [0u8; 32];
        assert_eq!(
            generator(7, &mut storage),
            &[127, 122, 154, 164, 11, 68, 117]
        );
    }

    #[test]
    fn qr_hello_world_1m_error_correction_codewords() {
        // The well-known "HELLO WORLD" 1-M example (alphanumeric mode).
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        let mut ec = Vec::new();
        Encoder::new(10).remainder(&data, &mut ec);
        assert_eq!(ec, [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    }

    #[test]
    fn qr_iso_example_01234567_1m_error_correction_codewords() {
        // ISO/IEC 18004 Annex I: "01234567" in numeric mode at 1-M.
        let data = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            0xEC, 0x11,
        ];
        let mut ec = Vec::new();
        Encoder::new(10).remainder(&data, &mut ec);
        assert_eq!(
            ec,
            [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        );
    }
}
