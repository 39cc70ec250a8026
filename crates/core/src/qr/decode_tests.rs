//! Round trips through rqrr, an independent decoder (a port of quirc): the symbol is
//! rendered to a greyscale image as a printer would, found, read and error-corrected,
//! and must give back exactly the input bytes. Native only (rqrr is a native
//! dev-dependency).

use super::{tables, EcLevel, QrCode};

const LEVELS: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

/// rqrr's numbering of the level bits: M 0, L 1, H 2, Q 3 (the raw format bits).
fn level_bits(level: EcLevel) -> u16 {
    match level {
        EcLevel::L => 1,
        EcLevel::M => 0,
        EcLevel::Q => 3,
        EcLevel::H => 2,
    }
}

/// Renders with a 4-module quiet zone at `scale` pixels per module and decodes the one
/// symbol rqrr finds.
fn scan(code: &QrCode, scale: usize) -> Result<(rqrr::MetaData, Vec<u8>), String> {
    let quiet = 4;
    let side = (code.size() + 2 * quiet) * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let dark = mx >= quiet && my >= quiet && code.is_dark(mx - quiet, my - quiet);
        if dark {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    if grids.len() != 1 {
        return Err(format!("found {} symbols", grids.len()));
    }
    let mut content = Vec::new();
    let meta = grids[0]
        .decode_to(&mut content)
        .map_err(|e| format!("{e:?}"))?;
    Ok((meta, content))
}

fn assert_round_trip(data: &[u8], level: EcLevel) -> QrCode {
    let code = QrCode::encode(data, level).expect("input fits");
    // 4 px per module keeps the images small; rqrr is slow in unoptimised test builds.
    let scale = 4;
    let (meta, content) = scan(&code, scale).unwrap_or_else(|e| {
        panic!(
            "version {}-{level}, {} bytes: {e}",
            code.version(),
            data.len()
        )
    });
    assert_eq!(content, data, "version {}-{level}", code.version());
    assert_eq!(meta.version.0, usize::from(code.version()));
    assert_eq!(meta.ecc_level, level_bits(level));
    code
}

/// Deterministic filler that covers every byte value, so the round trips exercise
/// bytes that are not valid UTF-8.
fn filler(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 37 + 11) as u8).collect()
}

#[test]
fn qr_decodes_guide_urls_and_unicode_text() {
    let texts = [
        "https://it.example.com/smarthost/guide/devices/ricoh-2nd-floor.html",
        "https://it.example.com/smarthost/guide/vi/thiet-bi/may-in-tang-2.html?lang=vi#cai-dat",
        "Máy in tầng 2: gửi thư qua smtp.office365.com, cổng 587, STARTTLS",
        "📠🖨️✉️ scan → email ✅",
        "",
        "HELLO WORLD",
    ];
    for text in texts {
        for level in LEVELS {
            assert_round_trip(text.as_bytes(), level);
        }
    }
}

#[test]
fn qr_decodes_at_version_boundaries_for_level_m() {
    // Full, and one byte over (which must move up a version), scanned from an image.
    for version in [1u8, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 25, 40] {
        let capacity = tables::byte_capacity(version, EcLevel::M);
        let code = assert_round_trip(&filler(capacity), EcLevel::M);
        assert_eq!(code.version(), version, "{capacity} bytes");
        if version < 40 {
            let code = assert_round_trip(&filler(capacity + 1), EcLevel::M);
            assert_eq!(code.version(), version + 1, "{} bytes", capacity + 1);
        }
    }
}

#[test]
fn qr_decodes_every_level_from_an_image() {
    for version in [1u8, 7, 25, 40] {
        for level in LEVELS {
            let capacity = tables::byte_capacity(version, level);
            let code = assert_round_trip(&filler(capacity), level);
            assert_eq!(code.version(), version, "{version}-{level}");
        }
    }
}

/// The symbol's modules as a grid rqrr reads directly, skipping image detection.
struct Modules<'a>(&'a QrCode);

impl rqrr::BitGrid for Modules<'_> {
    fn size(&self) -> usize {
        self.0.size()
    }

    fn bit(&self, y: usize, x: usize) -> bool {
        self.0.is_dark(x, y)
    }
}

#[test]
fn qr_every_version_and_level_decodes() {
    // All 160 block layouts and alignment grids, filled to capacity, checked against
    // rqrr's own tables. Read from the module grid rather than an image: detection is
    // covered above and is the slow part in unoptimised test builds.
    for version in 1..=40u8 {
        for level in LEVELS {
            let data = filler(tables::byte_capacity(version, level));
            let code = QrCode::encode(&data, level).expect("fits");
            assert_eq!(code.version(), version, "{version}-{level}");
            let mut content = Vec::new();
            let meta = rqrr::Grid::new(Modules(&code))
                .decode_to(&mut content)
                .unwrap_or_else(|e| panic!("{version}-{level}: {e:?}"));
            assert_eq!(content, data, "{version}-{level}");
            assert_eq!(meta.ecc_level, level_bits(level), "{version}-{level}");
        }
    }
}

/// The symbol with the first format copy (around the top-left finder) erased.
struct WithoutFirstFormatCopy<'a>(&'a QrCode);

impl rqrr::BitGrid for WithoutFirstFormatCopy<'_> {
    fn size(&self) -> usize {
        self.0.size()
    }

    fn bit(&self, y: usize, x: usize) -> bool {
        let first_copy = (x == 8 && y <= 8) || (y == 8 && x <= 8);
        !first_copy && self.0.is_dark(x, y)
    }
}

#[test]
fn qr_second_format_copy_alone_is_readable() {
    // rqrr reads the second copy only when the first fails, so erase the first.
    for level in LEVELS {
        let data = b"https://it.example.com/smarthost/guide/devices/scanner.html";
        let code = QrCode::encode(data, level).expect("fits");
        let grid = rqrr::Grid::new(WithoutFirstFormatCopy(&code));
        let (meta, content) = grid.decode().expect("decodes from the second copy");
        assert_eq!(content.as_bytes(), data);
        assert_eq!(meta.ecc_level, level_bits(level));
    }
}
