//! What a scanner reads from each card's code: the path is painted onto a greyscale image
//! as a printer would, and rqrr (an independent decoder, a port of quirc) finds, reads and
//! error-corrects it. Native only (rqrr is a native dev-dependency).

use super::qr_tests::runs;
use super::{encode_svg_path, MAX_BYTES};
use crate::guide::path_for;
use crate::i18n::Lang;
use crate::method::MethodId;

/// Paints `path` at `scale` pixels per module and decodes the one symbol rqrr finds.
fn scan(text: &str, scale: usize) -> String {
    let qr = encode_svg_path(text).unwrap_or_else(|e| panic!("{} bytes: {e:?}", text.len()));
    let side = qr.side * scale;
    let mut dark = vec![false; qr.side * qr.side];
    for (x, y, len) in runs(&qr.path) {
        for cell in &mut dark[y * qr.side + x..y * qr.side + x + len] {
            *cell = true;
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        if dark[(y / scale) * qr.side + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "{text}: found {} symbols", grids.len());
    let (_, content) = grids[0]
        .decode()
        .unwrap_or_else(|e| panic!("{text}: {e:?}"));
    content
}

/// Where the app may be hosted: the card links to `<base>guide/<lang>/<page>.html`, so the
/// code grows with the address.
const BASES: [&str; 5] = [
    "https://smarthost.example/",
    "http://127.0.0.1:8080/",
    "https://it.contoso.com/tools/email/smarthost/",
    // A host name in A-labels and a Vietnamese path as the browser percent-encodes it.
    "https://xn--mytnh-tqa2c.example/c%C3%B4ng-c%E1%BB%A5/th%C6%B0-%C4%91i%E1%BB%87n/",
    // About 360 bytes of link.
    "https://it.example.com/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/deep/",
];

fn link(base: &str, method: MethodId, lang: Lang) -> String {
    format!("{base}guide/{}", path_for(method, lang))
}

#[test]
fn qr_every_cards_code_scans_back_to_its_guide_link() {
    // A card's code depends on its method and the page's language only (the link is the
    // method's guide page; the cloud, the device and its values are printed as text).
    let mut scanned = 0;
    for base in BASES {
        for method in MethodId::ALL {
            for lang in Lang::ALL {
                let url = link(base, method, lang);
                assert_eq!(scan(&url, 2), url);
                scanned += 1;
            }
        }
    }
    assert_eq!(scanned, BASES.len() * MethodId::ALL.len() * Lang::ALL.len());
}

#[test]
fn qr_a_link_at_full_capacity_scans_back() {
    // The longest guide link under a base padded to exactly what a code holds: version
    // 40. (Only this one card: decoding a full version 40 is slow in test builds.)
    let (method, lang) = MethodId::ALL
        .into_iter()
        .flat_map(|m| Lang::ALL.map(|lang| (m, lang)))
        .max_by_key(|&(m, lang)| path_for(m, lang).len())
        .expect("methods");
    let short = link("https://intranet.example/", method, lang);
    let padding = "x".repeat(MAX_BYTES - short.len() - 1);
    let url = link(
        &format!("https://intranet.example/{padding}/"),
        method,
        lang,
    );
    assert_eq!(url.len(), MAX_BYTES);
    assert_eq!(scan(&url, 2), url);
}

#[test]
fn qr_unicode_and_empty_text_scan_back() {
    for text in [
        "Máy in tầng 2: gửi thư qua smtp.office365.com, cổng 587, STARTTLS",
        "📠🖨️✉️ scan → email ✅",
        "",
        "HELLO WORLD 12345",
    ] {
        assert_eq!(scan(text, 3), text);
    }
}
