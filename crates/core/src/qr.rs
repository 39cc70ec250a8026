//! The QR code on each printed config card, which links to the device's guide page.
//!
//! `qrcodegen` (Nayuki) makes the symbol: byte mode, so a scanner reads the UTF-8 of the
//! text back, at error-correction level M or higher when that fits in the same version.
//! This module draws it as the `d` of one SVG path, for renderers that build the `<svg>`
//! element themselves (the app sets it as an attribute and never parses markup), and
//! reports a text too long for any version as data, worded at the edge.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

use crate::i18n::{self, Lang};

/// The most bytes a QR code holds in byte mode at level M (version 40-M, ISO/IEC
/// 18004 Table 7).
pub const MAX_BYTES: usize = 2331;

/// Light modules around the symbol; the standard asks for 4.
pub const QUIET_ZONE: usize = 4;

/// A symbol ready to draw: the side of the square viewBox in modules, quiet zone
/// included, and the path that draws the dark modules in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SvgQr {
    pub side: usize,
    pub path: String,
}

/// Why a QR code could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The text is `bytes` long in UTF-8, more than [`MAX_BYTES`].
    TooLong { bytes: usize },
}

impl QrError {
    /// The message in `lang` (`error.qr.too-long`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            QrError::TooLong { bytes } => i18n::format(
                lang,
                "error.qr.too-long",
                &[
                    ("bytes", &bytes.to_string()),
                    ("max", &MAX_BYTES.to_string()),
                ],
            ),
        }
    }
}

/// Encodes the UTF-8 bytes of `text` in the smallest version that holds them and draws
/// the symbol with a [`QUIET_ZONE`].
pub fn encode_svg_path(text: &str) -> Result<SvgQr, QrError> {
    let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium)
        .map_err(|_| QrError::TooLong { bytes: text.len() })?;
    // qrcodegen's sides are 21 to 177 modules, so the conversion never fails.
    let size = usize::try_from(code.size()).unwrap_or_default();
    Ok(SvgQr {
        side: size + 2 * QUIET_ZONE,
        path: svg_path(&code, size),
    })
}

/// Horizontal runs of dark modules, one `M x y h run v1 h-run z` each, so a version-4
/// code stays around 4 KB of markup and prints sharp at any size.
fn svg_path(code: &QrCode, size: usize) -> String {
    let dark = |x: usize, y: usize| {
        // Coordinates stay below 177, so they fit an i32.
        code.get_module(x as i32, y as i32)
    };
    let mut d = String::with_capacity(size * size * 2);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && dark(x, y) {
                x += 1;
            }
            let run = x - start;
            // write! into a String cannot fail.
            let _ = write!(
                d,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    d
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "qr_decode_tests.rs"]
mod qr_decode_tests;
#[cfg(test)]
#[path = "qr_tests.rs"]
mod qr_tests;
