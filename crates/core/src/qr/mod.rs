//! A QR code encoder (ISO/IEC 18004:2015, Model 2, versions 1–40, byte mode) for the QR
//! code on each printed config card, which links to the device's guide page.
//!
//! Written for the WebAssembly build: the only stored tables are the two irregular
//! columns of the error-correction table (320 bytes), the Reed–Solomon generator and
//! field tables are computed per symbol, and nothing here can panic on any input.
//!
//! Pipeline: choose the smallest version that holds the bytes (`tables`), build the
//! data codewords (§7.4), split them into blocks and add Reed–Solomon codewords
//! (`reed_solomon`, §7.5), interleave (§7.6), place them in the grid around the
//! function patterns (`matrix`, §7.7) and keep the mask with the lowest penalty (§7.8).
//! `svg` draws the result.

mod matrix;
mod reed_solomon;
mod svg;
mod tables;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod decode_tests;
#[cfg(test)]
mod tests;

use std::fmt;

use thiserror::Error;

use matrix::Grid;

/// Error-correction level: the share of codewords that can be restored (about 7 %,
/// 15 %, 25 % and 30 %). M is the usual choice for printed labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EcLevel {
    L,
    M,
    Q,
    H,
}

impl fmt::Display for EcLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EcLevel::L => "L",
            EcLevel::M => "M",
            EcLevel::Q => "Q",
            EcLevel::H => "H",
        })
    }
}

/// Why a QR code could not be made.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum QrError {
    /// The input needs more than version 40 holds at this level.
    #[error(
        "this text is {} bytes; a QR code holds at most {} at level {level}",
        Thousands(*.bytes),
        Thousands(*.max)
    )]
    TooLong {
        bytes: usize,
        max: usize,
        level: EcLevel,
    },
}

/// Writes a count with comma thousands separators ("2,331"), as the message is read by
/// people, not parsed.
struct Thousands(usize);

impl fmt::Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Digits right to left into a buffer big enough for usize::MAX with commas (26).
        let mut buffer = [0u8; 32];
        let mut at = buffer.len();
        let mut rest = self.0;
        let mut digits = 0;
        loop {
            if digits > 0 && digits % 3 == 0 {
                at -= 1;
                buffer[at] = b',';
            }
            at -= 1;
            buffer[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            digits += 1;
            if rest == 0 {
                break;
            }
        }
        // Only ASCII digits and commas were written.
        f.write_str(std::str::from_utf8(&buffer[at..]).unwrap_or_default())
    }
}

/// A finished QR symbol: a square of dark and light modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    version: u8,
    size: usize,
    modules: Vec<bool>,
}

impl QrCode {
    /// Encodes `data` in byte mode in the smallest version (1–40) that holds it at
    /// level `ec`.
    pub fn encode(data: &[u8], ec: EcLevel) -> Result<QrCode, QrError> {
        let version = (tables::MIN_VERSION..=tables::MAX_VERSION)
            .find(|&v| tables::byte_capacity(v, ec) >= data.len())
            .ok_or(QrError::TooLong {
                bytes: data.len(),
                max: tables::byte_capacity(tables::MAX_VERSION, ec),
                level: ec,
            })?;
        let codewords = interleave(&data_codewords(data, version, ec), version, ec);
        let mut grid = Grid::new(version);
        grid.place_codewords(&codewords);

        // Try all eight masks with their format information in place: §7.8.3.1 masks only
        // the encoding region but evaluates the complete symbol. Keep the first lowest
        // score. (Some encoders score before adding the format bits and so may pick
        // another mask; both are valid symbols.)
        let mut best = (u32::MAX, 0u8);
        for mask in 0..8u8 {
            grid.apply_mask(mask);
            grid.draw_format(matrix::format_bits(ec, mask));
            let score = grid.penalty();
            if score < best.0 {
                best = (score, mask);
            }
            grid.apply_mask(mask);
        }
        grid.apply_mask(best.1);
        grid.draw_format(matrix::format_bits(ec, best.1));

        Ok(QrCode {
            version,
            size: grid.size(),
            modules: grid.into_modules(),
        })
    }

    /// Encodes the UTF-8 bytes of `text`; scanners read byte-mode data as UTF-8.
    pub fn encode_text(text: &str, ec: EcLevel) -> Result<QrCode, QrError> {
        QrCode::encode(text.as_bytes(), ec)
    }

    /// The version, 1 to 40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side: 17 + 4 × version.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark; false outside the symbol.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x) == Some(&true)
    }
}

/// Byte-mode bit stream (§7.4.2, §7.4.5): mode indicator 0100, the length, the bytes,
/// up to four terminator bits, zero bits to a byte boundary, then the pad codewords
/// 0xEC 0x11 alternating to fill the data capacity (§7.4.10).
fn data_codewords(data: &[u8], version: u8, ec: EcLevel) -> Vec<u8> {
    let capacity = tables::blocks(version, ec).data_codewords();
    let mut bits = BitWriter::with_capacity(capacity);
    bits.push(0b0100, 4);
    bits.push(data.len(), tables::byte_count_bits(version));
    for &byte in data {
        bits.push(usize::from(byte), 8);
    }
    let room = (capacity * 8).saturating_sub(bits.len);
    bits.push(0, room.min(4));
    bits.push(0, (8 - bits.len % 8) % 8);
    let mut out = bits.bytes;
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if out.len() >= capacity {
            break;
        }
        out.push(pad);
    }
    out.truncate(capacity);
    out
}

struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    fn with_capacity(bytes: usize) -> BitWriter {
        BitWriter {
            bytes: Vec::with_capacity(bytes),
            len: 0,
        }
    }

    /// Appends the low `count` bits of `value`, most significant first.
    fn push(&mut self, value: usize, count: usize) {
        for i in (0..count).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 != 0 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.len % 8);
                }
            }
            self.len += 1;
        }
    }
}

/// Splits the data codewords into the version's blocks, appends each block's
/// Reed–Solomon codewords, and interleaves: the i-th data codeword of every block in
/// turn (the longer blocks come last and contribute one extra at the end), then the
/// i-th error-correction codeword of every block (§7.6).
fn interleave(data: &[u8], version: u8, ec: EcLevel) -> Vec<u8> {
    let blocks = tables::blocks(version, ec);
    let short = blocks.count - blocks.long;
    let block_len = |b: usize| blocks.short_data + usize::from(b >= short);
    let block_start = |b: usize| b * blocks.short_data + b.saturating_sub(short);

    let encoder = reed_solomon::Encoder::new(blocks.ec_per_block);
    let mut ec_words = Vec::with_capacity(blocks.count * blocks.ec_per_block);
    for b in 0..blocks.count {
        let start = block_start(b);
        let block = data.get(start..start + block_len(b)).unwrap_or(&[]);
        encoder.remainder(block, &mut ec_words);
    }

    let mut out = Vec::with_capacity(data.len() + ec_words.len());
    for i in 0..=blocks.short_data {
        for b in 0..blocks.count {
            if i < block_len(b) {
                out.extend(data.get(block_start(b) + i));
            }
        }
    }
    for i in 0..blocks.ec_per_block {
        for b in 0..blocks.count {
            out.extend(ec_words.get(b * blocks.ec_per_block + i));
        }
    }
    out
}
