//! The wrapper's own rules: the level-M capacity, the error in the reader's language and
//! the shape of the path. What a scanner reads back is in `qr_decode_tests.rs`.

use super::{encode_svg_path, QrError, MAX_BYTES, QUIET_ZONE};
use crate::i18n::Lang;

/// The runs of a path as (x, y, length), checking each is `M{x} {y}h{n}v1h-{n}z`.
pub(super) fn runs(path: &str) -> Vec<(usize, usize, usize)> {
    let number = |s: &str| {
        s.parse::<usize>()
            .unwrap_or_else(|e| panic!("{s:?} in {path:?}: {e}"))
    };
    let body = path.strip_suffix('z').unwrap_or_else(|| panic!("{path:?}"));
    body.split('z')
        .map(|run| {
            let run = run.strip_prefix('M').unwrap_or_else(|| panic!("{run:?}"));
            let (position, rest) = run.split_once('h').unwrap_or_else(|| panic!("{run:?}"));
            let (x, y) = position
                .split_once(' ')
                .unwrap_or_else(|| panic!("{run:?}"));
            let (len, back) = rest.split_once("v1h-").unwrap_or_else(|| panic!("{run:?}"));
            assert_eq!(len, back, "{run}");
            (number(x), number(y), number(len))
        })
        .collect()
}

#[test]
fn qr_holds_exactly_the_level_m_capacity() {
    assert!(encode_svg_path(&"a".repeat(MAX_BYTES)).is_ok());
    assert_eq!(
        encode_svg_path(&"a".repeat(MAX_BYTES + 1)),
        Err(QrError::TooLong {
            bytes: MAX_BYTES + 1
        })
    );
    // Bytes, not characters: "ầ" is three bytes in UTF-8.
    let text = "ầ".repeat(MAX_BYTES / 3 + 1);
    assert_eq!(
        encode_svg_path(&text),
        Err(QrError::TooLong { bytes: text.len() })
    );
}

#[test]
fn qr_too_long_is_said_in_the_readers_language() {
    let error = QrError::TooLong { bytes: 3100 };
    let en = error.message(Lang::En);
    let vi = error.message(Lang::Vi);
    for message in [&en, &vi] {
        assert!(
            message.contains("3100") && message.contains("2331"),
            "{message}"
        );
        assert!(!message.contains('{'), "unfilled placeholder: {message}");
    }
    assert!(en.contains("QR code"), "{en}");
    assert!(vi.contains("mã QR"), "{vi}");
}

#[test]
fn qr_path_stays_inside_the_quiet_zone_and_paints_each_module_once() {
    let url = "https://it.example.com/smarthost/guide/en/smtp-relay.html#ip-connector";
    let qr = encode_svg_path(url).expect("fits");
    // 70 bytes at level M is version 5: 37 modules.
    assert_eq!(qr.side, 37 + 2 * QUIET_ZONE);
    // The top-left finder's first row is a run of 7 starting at the quiet zone's edge.
    assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..20]);
    let mut painted = vec![vec![0u8; qr.side]; qr.side];
    for (x, y, len) in runs(&qr.path) {
        assert!(len > 0);
        assert!(
            x >= QUIET_ZONE && x + len <= qr.side - QUIET_ZONE,
            "x {x}+{len}"
        );
        assert!(y >= QUIET_ZONE && y < qr.side - QUIET_ZONE, "y {y}");
        for cell in &mut painted[y][x..x + len] {
            *cell += 1;
        }
    }
    assert!(painted.iter().flatten().all(|&count| count <= 1));
    // Small enough to inline in every printed card.
    assert!(qr.path.len() < 6000, "{} bytes", qr.path.len());
}
