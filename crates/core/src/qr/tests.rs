//! Known answers from ISO/IEC 18004, capacity limits, the no-panic sweep and the SVG
//! output. The decode round trips through an independent decoder are in
//! `decode_tests.rs` (native only).

use super::matrix::{format_bits, version_bits};
use super::tables;
use super::{EcLevel, QrCode, QrError};
use crate::test_rng::Rng;

const LEVELS: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

#[test]
fn qr_format_information_matches_the_standard() {
    // ISO/IEC 18004 Annex C, Table C.1 (after the 0x5412 mask).
    let cases = [
        (EcLevel::M, 0, 0b101_0100_0001_0010),
        (EcLevel::L, 0, 0b111_0111_1100_0100),
        (EcLevel::L, 4, 0b110_0110_0010_1111),
        (EcLevel::M, 5, 0b100_0000_1100_1110),
        (EcLevel::Q, 3, 0b011_1010_0000_0110),
        (EcLevel::Q, 7, 0b010_1011_1110_1101),
        (EcLevel::H, 0, 0b001_0110_1000_1001),
        (EcLevel::H, 6, 0b000_1101_0000_1100),
    ];
    for (level, mask, expected) in cases {
        assert_eq!(
            format_bits(level, mask),
            expected,
            "level {level} mask {mask}"
        );
    }
}

#[test]
fn qr_version_information_matches_annex_d() {
    assert_eq!(version_bits(7), 0x07C94);
    assert_eq!(version_bits(8), 0x085BC);
    assert_eq!(version_bits(21), 0x15683);
    assert_eq!(version_bits(40), 0x28C69);
}

#[test]
fn qr_version_information_is_placed_in_both_blocks() {
    // 0x07C94 = 00 0111 1100 1001 0100; bit i sits at row i / 3, column size − 11 + i % 3
    // in the top-right block and transposed in the bottom-left one (§7.10, Figure 27).
    let code = QrCode::encode(&[b'a'; 120], EcLevel::M).expect("120 bytes fit version 7-M");
    assert_eq!(code.version(), 7);
    let s = code.size();
    for i in 0..18 {
        let expected = (0x07C94 >> i) & 1 != 0;
        assert_eq!(
            code.is_dark(s - 11 + i % 3, i / 3),
            expected,
            "top-right {i}"
        );
        assert_eq!(
            code.is_dark(i / 3, s - 11 + i % 3),
            expected,
            "bottom-left {i}"
        );
    }
}

#[test]
fn qr_whole_symbol_matches_a_reference_encoder() {
    // "smarthost" at 1-M, mask 7: module for module what segno 1.6 produces for the same
    // input (with its extra all-zero pad byte after a byte-aligned terminator removed,
    // which §7.4.10 does not ask for). Pins placement, masking and mask choice.
    const EXPECTED: [&str; 21] = [
        "111111100101101111111",
        "100000100010101000001",
        "101110100100001011101",
        "101110100011001011101",
        "101110100010101011101",
        "100000101001101000001",
        "111111101010101111111",
        "000000000011100000000",
        "100101101110010100000",
        "010010011010010010111",
        "101001100000100101101",
        "110000000101001011000",
        "110010110100110100001",
        "000000001011010101011",
        "111111100110000110110",
        "100000101001110100000",
        "101110100101011011010",
        "101110101101000110011",
        "101110100010100110001",
        "100000100110011110000",
        "111111101011100110010",
    ];
    let code = QrCode::encode_text("smarthost", EcLevel::M).expect("fits");
    for (y, row) in EXPECTED.iter().enumerate() {
        let actual: String = (0..code.size())
            .map(|x| if code.is_dark(x, y) { '1' } else { '0' })
            .collect();
        assert_eq!(actual, *row, "row {y}");
    }
}

#[test]
fn qr_codeword_counts_match_table_7_and_9() {
    // Total codewords per version (Table 1) for a spread of versions.
    for (version, total) in [
        (1, 26),
        (2, 44),
        (6, 172),
        (7, 196),
        (11, 404),
        (14, 581),
        (40, 3706),
    ] {
        assert_eq!(tables::total_codewords(version), total, "version {version}");
    }
    // Byte-mode capacities (Table 7).
    let capacities = [
        (1, [17, 14, 11, 7]),
        (2, [32, 26, 20, 14]),
        (5, [106, 84, 60, 44]),
        (10, [271, 213, 151, 119]),
        (20, [858, 666, 482, 382]),
        (27, [1465, 1125, 805, 625]),
        (40, [2953, 2331, 1663, 1273]),
    ];
    for (version, per_level) in capacities {
        for (level, capacity) in LEVELS.into_iter().zip(per_level) {
            assert_eq!(
                tables::byte_capacity(version, level),
                capacity,
                "version {version}-{level}"
            );
        }
    }
    // Every (version, level) splits into whole blocks with at least one data codeword.
    for version in 1..=40 {
        for level in LEVELS {
            let b = tables::blocks(version, level);
            assert!(b.short_data > 0 && b.long < b.count, "{version}-{level}");
            assert_eq!(
                b.data_codewords() + b.count * b.ec_per_block,
                tables::total_codewords(version)
            );
        }
    }
}

#[test]
fn qr_alignment_positions_match_annex_e() {
    let cases: [(u8, &[usize]); 7] = [
        (1, &[]),
        (2, &[6, 18]),
        (7, &[6, 22, 38]),
        (15, &[6, 26, 48, 70]),
        (32, &[6, 34, 60, 86, 112, 138]),
        (36, &[6, 24, 50, 76, 102, 128, 154]),
        (40, &[6, 30, 58, 86, 114, 142, 170]),
    ];
    for (version, expected) in cases {
        let mut out = [0; 7];
        let n = tables::alignment_positions(version, &mut out);
        assert_eq!(&out[..n], expected, "version {version}");
    }
}

#[test]
fn qr_version_40_capacity_is_exact_for_each_level() {
    for (level, max) in LEVELS.into_iter().zip([2953, 2331, 1663, 1273]) {
        let code = QrCode::encode(&vec![0x5A; max], level).expect("fits exactly");
        assert_eq!((code.version(), code.size()), (40, 177), "level {level}");
        assert_eq!(
            QrCode::encode(&vec![0x5A; max + 1], level),
            Err(QrError::TooLong {
                bytes: max + 1,
                max,
                level
            })
        );
    }
}

#[test]
fn qr_too_long_message_is_plain_english() {
    let err = QrCode::encode_text(&"x".repeat(3100), EcLevel::M).unwrap_err();
    assert_eq!(
        err.to_string(),
        "this text is 3,100 bytes; a QR code holds at most 2,331 at level M"
    );
    let err = QrCode::encode(&[0; 1_234_567], EcLevel::H).unwrap_err();
    assert_eq!(
        err.to_string(),
        "this text is 1,234,567 bytes; a QR code holds at most 1,273 at level H"
    );
}

#[test]
fn qr_counts_are_grouped_in_thousands() {
    use super::Thousands;
    for (n, text) in [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (2331, "2,331"),
        (100_000, "100,000"),
        (usize::MAX, "18,446,744,073,709,551,615"),
    ] {
        if n == usize::MAX && usize::BITS != 64 {
            continue;
        }
        assert_eq!(Thousands(n).to_string(), text);
    }
}

#[test]
fn qr_smallest_version_is_chosen() {
    assert_eq!(QrCode::encode(b"", EcLevel::M).map(|c| c.version()), Ok(1));
    assert_eq!(
        QrCode::encode(&[1; 14], EcLevel::M).map(|c| c.version()),
        Ok(1)
    );
    assert_eq!(
        QrCode::encode(&[1; 15], EcLevel::M).map(|c| c.version()),
        Ok(2)
    );
    assert_eq!(
        QrCode::encode(&[1; 17], EcLevel::L).map(|c| c.version()),
        Ok(1)
    );
    assert_eq!(
        QrCode::encode(&[1; 8], EcLevel::H).map(|c| c.version()),
        Ok(2)
    );
}

#[test]
fn qr_function_patterns_are_in_place() {
    let code = QrCode::encode_text("https://it.example.com/", EcLevel::Q).expect("short");
    let s = code.size();
    // Finder centres and the dark module above the bottom-left format copy.
    for (x, y) in [(3, 3), (s - 4, 3), (3, s - 4), (8, s - 8)] {
        assert!(code.is_dark(x, y), "({x}, {y})");
    }
    // Separators are light; timing alternates starting dark.
    for i in 0..8 {
        assert!(!code.is_dark(7, i) && !code.is_dark(i, 7));
    }
    for i in 8..s - 8 {
        assert_eq!(code.is_dark(i, 6), i % 2 == 0);
        assert_eq!(code.is_dark(6, i), i % 2 == 0);
    }
    assert!(!code.is_dark(s, 0) && !code.is_dark(0, s) && !code.is_dark(usize::MAX, 3));
}

#[test]
fn qr_random_inputs_never_panic() {
    let mut rng = Rng(0x5EED_C0DE);
    for round in 0..2000 {
        let len = rng.below(3000);
        let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let level = LEVELS[rng.below(4)];
        match QrCode::encode(&data, level) {
            Ok(code) => {
                assert!((1..=40).contains(&code.version()), "round {round}");
                assert_eq!(code.size(), 17 + 4 * usize::from(code.version()));
                assert!(tables::byte_capacity(code.version(), level) >= len);
                if code.version() > 1 {
                    assert!(tables::byte_capacity(code.version() - 1, level) < len);
                }
            }
            Err(QrError::TooLong { bytes, max, .. }) => {
                assert!(bytes == len && len > max, "round {round}");
            }
        }
    }
}

#[test]
fn qr_svg_is_well_formed_and_compact() {
    let code = QrCode::encode_text(
        "https://it.example.com/smarthost/guide/devices/ricoh-2nd-floor.html",
        EcLevel::M,
    )
    .expect("fits");
    let svg = code.to_svg(4);
    let n = code.size() + 8;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert!(svg.contains(&format!("viewBox=\"0 0 {n} {n}\"")));
    assert!(svg.contains("shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\""));
    assert!(svg.contains(&format!(
        "<rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/>"
    )));
    assert_eq!(svg.matches("<path").count(), 1);
    assert_eq!(svg.matches('<').count(), 4); // svg, rect, path, /svg
                                             // The top-left finder's first row is a run of 7 starting inside the quiet zone.
    assert!(svg.contains("d=\"M4 4h7v1h-7z"));

    // Paint the runs back onto a grid: it must be the symbol shifted by the quiet zone,
    // with no module painted twice.
    let d_start = svg.find(" d=\"").expect("path data") + 4;
    let d = &svg[d_start..svg[d_start..].find('"').expect("closing quote") + d_start];
    let mut painted = vec![vec![0u8; n]; n];
    for run in d.split('z').filter(|run| !run.is_empty()) {
        // "M{x} {y}h{len}v1h-{len}"
        let (position, rest) = run[1..].split_once('h').expect("h");
        let (x, y) = position.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        let (len, back) = rest.split_once("v1h-").expect("v1h-");
        assert_eq!(len, back, "{run}");
        for cell in &mut painted[y][x..x + len.parse::<usize>().expect("len")] {
            *cell += 1;
        }
    }
    for (y, row) in painted.iter().enumerate() {
        for (x, &count) in row.iter().enumerate() {
            let dark = x >= 4 && y >= 4 && code.is_dark(x - 4, y - 4);
            assert_eq!(count, u8::from(dark), "({x}, {y})");
        }
    }
}

#[test]
fn qr_svg_for_a_typical_guide_url_stays_small() {
    // A 70-character guide URL at level M is version 5 (37 modules); its SVG is about
    // 5 KB, small enough to inline in every printed card.
    let url = "https://it.example.com/smarthost/guide/devices/ricoh-mpc3004-floor-2a/";
    assert_eq!(url.len(), 70);
    let code = QrCode::encode_text(url, EcLevel::M).expect("fits");
    assert_eq!(code.version(), 5);
    let svg = code.to_svg(4);
    assert!(svg.len() < 6000, "{} bytes", svg.len());
}

#[test]
fn qr_svg_label_is_escaped() {
    let code = QrCode::encode_text("x", EcLevel::L).expect("fits");
    let svg = code.to_svg_labelled(0, "Tom & Jerry's \"<printer>\"\n\u{0}tầng 2");
    assert!(
        svg.contains("aria-label=\"Tom &amp; Jerry&#39;s &quot;&lt;printer&gt;&quot;  tầng 2\"")
    );
    assert!(svg.contains("viewBox=\"0 0 21 21\""));
    assert_eq!(svg.matches('<').count(), 4);
}

#[test]
fn qr_svg_survives_absurd_quiet_zones() {
    let code = QrCode::encode_text("x", EcLevel::L).expect("fits");
    let svg = code.to_svg(usize::MAX);
    assert!(svg.contains(&format!("viewBox=\"0 0 {m} {m}\"", m = usize::MAX)));
}
