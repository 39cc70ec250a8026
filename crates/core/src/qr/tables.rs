//! The per-version numbers of ISO/IEC 18004:2015: error-correction block structure
//! (Table 9), codeword capacity (Table 7, derived) and alignment pattern centres
//! (Annex E, derived). Only the two irregular columns of Table 9 are stored; everything
//! else follows from the symbol geometry, which keeps the wasm data section small.

use super::EcLevel;

/// Error-correction codewords per block, indexed `[level][version - 1]` in the order
/// L, M, Q, H (ISO/IEC 18004 Table 9).
const EC_PER_BLOCK: [[u8; 40]; 4] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
        30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30,
        30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];

/// Number of error-correction blocks, indexed like [`EC_PER_BLOCK`] (Table 9).
const BLOCKS: [[u8; 40]; 4] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
        25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29,
        34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
    [
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35,
        37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ],
];

pub(crate) const MIN_VERSION: u8 = 1;
pub(crate) const MAX_VERSION: u8 = 40;

/// The block structure of one (version, level) pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Blocks {
    /// Number of blocks; the first `count - long` hold `short_data` data codewords, the
    /// rest one more (Table 9 lists them as two groups).
    pub count: usize,
    pub long: usize,
    pub short_data: usize,
    pub ec_per_block: usize,
}

impl Blocks {
    pub(crate) fn data_codewords(&self) -> usize {
        self.count * self.short_data + self.long
    }
}

/// Side length in modules: 21 for version 1, growing by 4 per version.
pub(crate) fn size(version: u8) -> usize {
    17 + 4 * usize::from(version)
}

/// Table row index for a version, clamped so an out-of-range version cannot index out of
/// bounds (callers only pass 1..=40, but the encoder must never panic).
fn row(version: u8) -> usize {
    usize::from(version.clamp(MIN_VERSION, MAX_VERSION) - 1)
}

/// Modules left for codewords once the function patterns and the format and version
/// information are taken out; remainder bits (0, 3, 4 or 7) are included, so the total
/// number of codewords is this divided by 8 (Table 1).
fn data_modules(version: u8) -> usize {
    let v = usize::from(version.clamp(MIN_VERSION, MAX_VERSION));
    let side = size(version.clamp(MIN_VERSION, MAX_VERSION));
    // Finder patterns with separators (3 × 64), format information (31 including the
    // dark module), timing patterns (2 × (side - 16)).
    let mut taken = 3 * 64 + 31 + 2 * (side - 16);
    let n = alignment_count(version);
    if n > 0 {
        // n × n alignment patterns less the three under the finders; those crossing the
        // timing patterns (2 × (n - 2)) share 5 modules with them.
        taken += 25 * (n * n - 3) - 10 * (n - 2);
    }
    if v >= 7 {
        taken += 2 * 18;
    }
    side * side - taken
}

/// Total codewords (data and error correction) in a symbol of this version.
pub(crate) fn total_codewords(version: u8) -> usize {
    data_modules(version) / 8
}

pub(crate) fn blocks(version: u8, level: EcLevel) -> Blocks {
    let (r, l) = (row(version), level as usize);
    let count = usize::from(BLOCKS[l][r]);
    let ec_per_block = usize::from(EC_PER_BLOCK[l][r]);
    let data = total_codewords(version).saturating_sub(count * ec_per_block);
    // count is never 0 in the table; max(1) keeps the division total anyway.
    let count = count.max(1);
    Blocks {
        count,
        long: data % count,
        short_data: data / count,
        ec_per_block,
    }
}

/// Bits in the byte-mode character count indicator (Table 3).
pub(crate) fn byte_count_bits(version: u8) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

/// Largest byte-mode payload for this version and level: data bits less the 4-bit mode
/// indicator and the count indicator, in whole bytes.
pub(crate) fn byte_capacity(version: u8, level: EcLevel) -> usize {
    let bits = blocks(version, level).data_codewords() * 8;
    bits.saturating_sub(4 + byte_count_bits(version)) / 8
}

/// Alignment patterns per row and column: none in version 1, then 2 and one more every
/// 7 versions (Annex E).
fn alignment_count(version: u8) -> usize {
    if version < 2 {
        0
    } else {
        usize::from(version) / 7 + 2
    }
}

/// Alignment pattern centre coordinates (Annex E, Table E.1), computed rather than
/// stored: the first is always 6, the last is 7 from the far edge, and the ones between
/// are spaced evenly from the last with the smallest even step that reaches back to
/// the first. Version 32 is the one row of Table E.1 that uses a smaller step (26).
/// Writes into `out` and returns how many were written.
pub(crate) fn alignment_positions(version: u8, out: &mut [usize; 7]) -> usize {
    let n = alignment_count(version).min(out.len());
    if n < 2 {
        return 0;
    }
    let last = size(version) - 7;
    let span = last - 6;
    let step = if version == 32 {
        26
    } else {
        // Smallest even step with (n - 1) × step ≥ span.
        span.div_ceil(2 * (n - 1)) * 2
    };
    for (i, slot) in out[..n].iter_mut().enumerate() {
        *slot = if i == 0 { 6 } else { last - (n - 1 - i) * step };
    }
    n
}
