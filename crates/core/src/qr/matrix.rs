//! The module grid: function patterns (ISO/IEC 18004 §6.3), codeword placement (§7.7.3),
//! data masking and the mask penalty (§7.8), format and version information (§7.9, §7.10).
//!
//! Coordinates are (x, y) = (column, row) from the top-left corner, as in the standard's
//! figures.

use super::tables;
use super::EcLevel;

const DARK: u8 = 1;
/// Set on modules that belong to a function pattern or to the format or version
/// information, so data placement and masking leave them alone.
const FUNCTION: u8 = 2;

pub(crate) struct Grid {
    size: usize,
    cells: Vec<u8>,
}

impl Grid {
    /// A grid with every function pattern drawn and the format areas reserved.
    pub(crate) fn new(version: u8) -> Grid {
        let size = tables::size(version);
        let mut grid = Grid {
            size,
            cells: vec![0; size * size],
        };
        grid.draw_timing();
        grid.draw_finder(3, 3);
        grid.draw_finder(size - 4, 3);
        grid.draw_finder(3, size - 4);
        grid.draw_alignment(version);
        // Reserve the format areas now so data placement skips them; the real bits are
        // written once the mask is chosen. Drawing zeros also places the dark module.
        grid.draw_format(0);
        grid.draw_version(version);
        grid
    }

    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// The finished modules, one bool per module in row-major order.
    pub(crate) fn into_modules(self) -> Vec<bool> {
        self.cells.into_iter().map(|c| c & DARK != 0).collect()
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        if x < self.size && y < self.size {
            self.cells[y * self.size + x] = FUNCTION | u8::from(dark);
        }
    }

    fn is_function(&self, x: usize, y: usize) -> bool {
        self.cells[y * self.size + x] & FUNCTION != 0
    }

    fn draw_timing(&mut self) {
        for i in 0..self.size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
    }

    /// A 7×7 finder pattern centred on (cx, cy) with its light separator ring; the parts
    /// of the ring that fall outside the symbol are skipped.
    fn draw_finder(&mut self, cx: usize, cy: usize) {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let ring = dx.abs().max(dy.abs());
                let (Some(x), Some(y)) = (
                    cx.checked_add_signed(dx as isize),
                    cy.checked_add_signed(dy as isize),
                ) else {
                    continue;
                };
                self.set_function(x, y, ring != 2 && ring != 4);
            }
        }
    }

    fn draw_alignment(&mut self, version: u8) {
        let mut positions = [0usize; 7];
        let n = tables::alignment_positions(version, &mut positions);
        let positions = &positions[..n];
        for (i, &cy) in positions.iter().enumerate() {
            for (j, &cx) in positions.iter().enumerate() {
                // The three corners that would overlap a finder pattern are skipped.
                let corner = |k: usize| k == 0 || k == n - 1;
                if corner(i) && corner(j) && !(i == n - 1 && j == n - 1) {
                    continue;
                }
                for dy in 0..5usize {
                    for dx in 0..5usize {
                        let ring = dx.abs_diff(2).max(dy.abs_diff(2));
                        self.set_function(cx + dx - 2, cy + dy - 2, ring != 1);
                    }
                }
            }
        }
    }

    /// Writes the 15 format bits (already BCH-coded and masked) in both copies, plus the
    /// always-dark module above the bottom-left copy (§7.9.1, Figure 25).
    pub(crate) fn draw_format(&mut self, bits: u16) {
        let s = self.size;
        let bit = |i: usize| (bits >> i) & 1 != 0;
        // Copy 1, around the top-left finder: bits 0–7 down column 8 (skipping the
        // timing row), bits 8–14 leftwards along row 8 (skipping the timing column).
        for i in 0..6 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        // Copy 2, split between the other two finders: bits 0–7 leftwards from the right
        // edge along row 8, bits 8–14 down column 8 towards the bottom edge.
        for i in 0..8 {
            self.set_function(s - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, s - 15 + i, bit(i));
        }
        self.set_function(8, s - 8, true);
    }

    /// Version information, versions 7 and up: 18 bits in two 6×3 blocks next to the
    /// top-right and bottom-left finders, least significant bit first (§7.10).
    fn draw_version(&mut self, version: u8) {
        if version < 7 {
            return;
        }
        let bits = version_bits(version);
        let s = self.size;
        for i in 0..18 {
            let dark = (bits >> i) & 1 != 0;
            let (a, b) = (i / 3, s - 11 + i % 3);
            self.set_function(b, a, dark);
            self.set_function(a, b, dark);
        }
    }

    /// Places the final codeword sequence in the two-module-wide zigzag, upwards from the
    /// bottom-right corner, skipping function modules and the vertical timing column.
    /// Modules left over (the 0–7 remainder bits) stay light.
    pub(crate) fn place_codewords(&mut self, codewords: &[u8]) {
        let s = self.size;
        let total_bits = codewords.len() * 8;
        let mut next_bit = 0usize;
        let mut right = s - 1;
        let mut upward = true;
        loop {
            for step in 0..s {
                let y = if upward { s - 1 - step } else { step };
                for x in [right, right.wrapping_sub(1)] {
                    if x >= s || self.is_function(x, y) {
                        continue;
                    }
                    if next_bit < total_bits {
                        let byte = codewords[next_bit / 8];
                        if (byte >> (7 - next_bit % 8)) & 1 != 0 {
                            self.cells[y * s + x] |= DARK;
                        }
                        next_bit += 1;
                    }
                }
            }
            upward = !upward;
            if right < 2 {
                break;
            }
            right -= 2;
            // The column pair that would contain the vertical timing pattern shifts left
            // by one so the pattern stands alone.
            if right == 6 {
                right = 5;
            }
        }
    }

    /// Flips every data module where the mask condition holds (Table 10, i = row,
    /// j = column). Applying the same mask twice restores the grid.
    pub(crate) fn apply_mask(&mut self, mask: u8) {
        // Every condition repeats every 12 rows and 12 columns (periods 2, 3, 4 and 6),
        // so one 12×12 tile is evaluated and the grid is flipped from it, instead of
        // dividing twice per module for each of the 17 passes of mask selection.
        let mut tile = [0u16; 12];
        for (i, row) in tile.iter_mut().enumerate() {
            for j in 0..12 {
                let flip = match mask {
                    0 => (i + j) % 2 == 0,
                    1 => i % 2 == 0,
                    2 => j % 3 == 0,
                    3 => (i + j) % 3 == 0,
                    4 => (i / 2 + j / 3) % 2 == 0,
                    5 => (i * j) % 2 + (i * j) % 3 == 0,
                    6 => ((i * j) % 2 + (i * j) % 3) % 2 == 0,
                    _ => ((i + j) % 2 + (i * j) % 3) % 2 == 0,
                };
                *row |= u16::from(flip) << j;
            }
        }
        let s = self.size;
        for (y, row) in self.cells.chunks_exact_mut(s.max(1)).enumerate() {
            let pattern = tile[y % 12];
            let mut j = 0;
            for cell in row {
                if (pattern >> j) & 1 != 0 && *cell & FUNCTION == 0 {
                    *cell ^= DARK;
                }
                j = if j == 11 { 0 } else { j + 1 };
            }
        }
    }

    /// The mask penalty score of §7.8.3 (N1 = 3, N2 = 3, N3 = 40, N4 = 10) over the whole
    /// symbol, in one row-major pass: each row and each column has a [`LineScan`], so
    /// columns are scored without strided reads. This runs 8 times per symbol.
    pub(crate) fn penalty(&self) -> u32 {
        let s = self.size.max(1);
        let mut columns = [LineScan::default(); 177];
        let mut score = 0u32;
        let mut dark_count = 0usize;
        let width = s.min(columns.len());
        for (y, row) in self.cells.chunks_exact(s).enumerate() {
            let mut row_scan = LineScan::default();
            for x in 0..width {
                let cell = row[x] & DARK;
                let dark = cell != 0;
                dark_count += usize::from(dark);
                score += row_scan.push(dark) + columns[x].push(dark);
                // N2: every 2×2 block of one colour, found at its bottom-right module.
                if x > 0 && y > 0 {
                    let above = &self.cells[(y - 1) * s..];
                    if (row[x - 1] | above[x] | above[x - 1]) & DARK == cell
                        && (row[x - 1] & above[x] & above[x - 1]) & DARK == cell
                    {
                        score += 3;
                    }
                }
            }
            score += row_scan.finish();
        }
        for column in &mut columns[..width] {
            score += column.finish();
        }
        let total = s * s;
        // N4: distance from 50 % dark in whole 5 % steps, |20·dark − 10·total| / total.
        let deviation = (20 * dark_count).abs_diff(10 * total) / total;
        score + 10 * deviation as u32
    }
}

/// N1 and N3 for one row or column, fed one module at a time.
#[derive(Clone, Copy, Default)]
struct LineScan {
    run: u32,
    run_dark: bool,
    /// The last 15 modules, newest in bit 0: 4 before, the 7 of a 1:1:3:1:1 candidate,
    /// 4 after. Starts all light because the quiet zone precedes the line.
    window: u16,
}

// The hot functions are inline(always) because penalty() calls them 16 times per module
// per mask, and unoptimised test builds would otherwise pay a call each time.
impl LineScan {
    #[inline(always)]
    fn push(&mut self, dark: bool) -> u32 {
        let mut score = 0;
        if self.run > 0 && dark == self.run_dark {
            self.run += 1;
        } else {
            score += run_penalty(self.run);
            self.run = 1;
            self.run_dark = dark;
        }
        score + self.shift(dark)
    }

    /// N3: dark-light-dark-dark-dark-light-dark with four light modules on at least one
    /// side, counted once per occurrence.
    #[inline(always)]
    fn shift(&mut self, dark: bool) -> u32 {
        self.window = ((self.window << 1) | u16::from(dark)) & 0x7FFF;
        let core = (self.window >> 4) & 0x7F == 0b101_1101;
        let light_before = self.window >> 11 == 0;
        let light_after = self.window & 0xF == 0;
        if core && (light_before || light_after) {
            40
        } else {
            0
        }
    }

    /// Scores what is still open at the end of the line, where the quiet zone follows,
    /// and resets.
    fn finish(&mut self) -> u32 {
        let mut score = run_penalty(self.run);
        for _ in 0..4 {
            score += self.shift(false);
        }
        *self = LineScan::default();
        score
    }
}

/// N1: a run of 5 + i modules of one colour scores 3 + i.
#[inline(always)]
fn run_penalty(run: u32) -> u32 {
    if run >= 5 {
        run - 2
    } else {
        0
    }
}

/// The 15-bit format word: 2 level bits and 3 mask bits, BCH(15,5) coded with the
/// generator 0x537 and XOR-ed with 0x5412 so it is never all light (§7.9.1).
pub(crate) fn format_bits(level: EcLevel, mask: u8) -> u16 {
    // Level indicators of Table 12: L 01, M 00, Q 11, H 10.
    let level_bits: u16 = match level {
        EcLevel::L => 0b01,
        EcLevel::M => 0b00,
        EcLevel::Q => 0b11,
        EcLevel::H => 0b10,
    };
    let data = (level_bits << 3) | u16::from(mask & 7);
    let mut rem = data << 10;
    for bit in (10..15).rev() {
        if (rem >> bit) & 1 != 0 {
            rem ^= 0x537 << (bit - 10);
        }
    }
    ((data << 10) | rem) ^ 0x5412
}

/// The 18-bit version word: 6 version bits, BCH(18,6) coded with the generator 0x1F25
/// (§7.10, Annex D). Not masked.
pub(crate) fn version_bits(version: u8) -> u32 {
    let data = u32::from(version & 0x3F);
    let mut rem = data << 12;
    for bit in (12..18).rev() {
        if (rem >> bit) & 1 != 0 {
            rem ^= 0x1F25 << (bit - 12);
        }
    }
    (data << 12) | rem
}
