//! SVG output: one `<path>` made of horizontal runs of dark modules, so a version-4
//! code stays around 4 KB of markup and prints sharp at any size.

use std::fmt::Write;

use super::QrCode;

impl QrCode {
    /// A standalone SVG of the symbol with `quiet_zone` light modules around it (the
    /// standard asks for 4), labelled "QR code" for assistive technology.
    pub fn to_svg(&self, quiet_zone: usize) -> String {
        self.to_svg_labelled(quiet_zone, "QR code")
    }

    /// Like [`QrCode::to_svg`], with `label` (user data, escaped here) as the accessible
    /// name, e.g. "QR code: guide for the Ricoh on the 2nd floor".
    ///
    /// The viewBox is in modules, and no width or height is set, so the page's CSS sizes
    /// it. Dark modules are plain `#000` for print; the white `<rect>` keeps the code
    /// scannable when a dark theme puts it on a dark background.
    pub fn to_svg_labelled(&self, quiet_zone: usize, label: &str) -> String {
        let side = self.size.saturating_add(quiet_zone.saturating_mul(2));
        let mut svg = String::with_capacity(256 + self.size * self.size * 3);
        // write! into a String cannot fail; the results are ignored for that reason.
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\" role=\"img\" aria-label=\""
        );
        push_escaped(&mut svg, label);
        let _ = write!(
            svg,
            "\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        );
        svg.push_str(&self.svg_path(quiet_zone));
        svg.push_str("\"/></svg>");
        svg
    }
}

impl QrCode {
    /// The side of the SVG viewBox in modules, quiet zone included.
    pub fn svg_side(&self, quiet_zone: usize) -> usize {
        self.size.saturating_add(quiet_zone.saturating_mul(2))
    }

    /// The `d` of the one path that draws the dark modules, as horizontal runs, for
    /// renderers that build the `<svg>` element themselves (the app sets it as an
    /// attribute and never parses markup).
    pub fn svg_path(&self, quiet_zone: usize) -> String {
        let mut d = String::with_capacity(self.size * self.size * 2);
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(
                    d,
                    "M{} {}h{run}v1h-{run}z",
                    start.saturating_add(quiet_zone),
                    y.saturating_add(quiet_zone)
                );
            }
        }
        d
    }
}

/// Escapes text for an XML attribute value. Characters XML 1.0 does not allow at all
/// (most C0 controls, U+FFFE, U+FFFF) become spaces, as do tab and line breaks, which an
/// attribute would turn into spaces anyway.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
}
