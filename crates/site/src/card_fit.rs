//! A first guess, at build time, of the type size that fits a printed card on its A6
//! page, for readers without JavaScript: assets/card-fit.js measures each card in the
//! browser and replaces the guess, but a guide printed with scripts off should still
//! fit rather than be cut at the page's edge. The guess errs small: it reckons every
//! character as wide as a wide one and every wrapped line as full of waste.
//!
//! The sizes are card.css's paper card (`font-size: calc(7.5pt * var(--fit))`,
//! line-height 1.2, padding 2.5 × 3.5 mm, a 22 mm QR column) in the A6 cell of
//! 136 × 92.5 mm, and the steps those of the script: 100 % down to 40 % by 4.

/// The steps, in percent, largest first.
const STEPS: [u32; 16] = [
    100, 96, 92, 88, 84, 80, 76, 72, 68, 64, 60, 56, 52, 48, 44, 40,
];

/// One point in millimetres.
const PT: f64 = 25.4 / 72.0;
/// The cell less the card's padding and border.
const INNER_WIDTH: f64 = 136.0 - 2.0 * 3.5 - 2.0 * 0.5;
const INNER_HEIGHT: f64 = 92.5 - 2.0 * 2.5 - 2.0 * 0.5;
/// The QR column and the gap before it.
const QR_COLUMN: f64 = 22.0 + 2.5;
/// A wide character's advance, in em (a conservative average for sans-serif text with
/// Vietnamese diacritics and bold labels).
const CHAR_EM: f64 = 0.6;

/// The largest step (in percent) at which `name` and `rows` are reckoned to fit.
pub(crate) fn estimated_fit(name: &str, rows: &[(String, String)], has_qr: bool) -> u32 {
    STEPS
        .into_iter()
        .find(|&step| height(name, rows, has_qr, f64::from(step) / 100.0) <= INNER_HEIGHT)
        .unwrap_or(40)
}

/// The card's height in mm at `fit`.
fn height(name: &str, rows: &[(String, String)], has_qr: bool, fit: f64) -> f64 {
    let em = 7.5 * PT * fit;
    let width = INNER_WIDTH - if has_qr { QR_COLUMN } else { 0.0 };
    let lines = |text: &str, column: f64, size: f64| {
        let chars = text.chars().count().max(1) as f64;
        // Words wrap whole, so a line holds a little less than its width's characters.
        let per_line = (column / (CHAR_EM * size) * 0.85).max(1.0);
        (chars / per_line).ceil()
    };
    let title = lines(name, width, 1.45 * em) * 1.2 * 1.45 * em + 0.2 * 1.45 * em;
    let label_width = rows
        .iter()
        .map(|(label, _)| label.chars().count() as f64 * CHAR_EM * em)
        .fold(0.0, f64::max)
        .min(width / 2.0);
    let value_width = (width - label_width - 0.33 * em).max(em);
    let body: f64 = rows
        .iter()
        .map(|(label, value)| {
            let label_lines = lines(label, label_width, em);
            lines(value, value_width, em).max(label_lines) * 1.2 * em + 0.08 * em
        })
        .sum();
    let qr = if has_qr {
        22.0 + 2.0 * 1.2 * 0.8 * em
    } else {
        0.0
    };
    (title + body).max(qr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize, value: &str) -> Vec<(String, String)> {
        (0..n)
            .map(|_| ("Smart host".to_owned(), value.to_owned()))
            .collect()
    }

    #[test]
    fn a_short_card_keeps_full_size_and_a_long_one_shrinks_step_by_step() {
        assert_eq!(
            estimated_fit("Ricoh", &rows(4, "smtp.office365.com"), true),
            100
        );
        let long = "Văn phòng Đà Nẵng, tầng 2, phòng kế toán. ".repeat(6);
        let fit = estimated_fit("Máy quét", &rows(12, &long), true);
        assert!((40..100).contains(&fit), "{fit}");
        assert!(STEPS.contains(&fit));
        // More text never gets larger type.
        assert!(estimated_fit("Máy quét", &rows(14, &long), true) <= fit);
        // Beyond what any step fits, the smallest.
        assert_eq!(estimated_fit("x", &rows(200, &long), false), 40);
    }
}
