//! A config card as an HTML fragment: the rows core gives (`card_rows`, or
//! `device_card_rows` with the device's cloud), headed by the sender's name. The same
//! markup serves the guide's device pages, the `card` shortcode and the CLI's
//! `card --format html`; every value is escaped by the template. A guide's card can
//! also carry a QR code of its method's guide page (drawn from core's `qr`, as the
//! app's cards are) and the device's notes.

use crate::card_fit::estimated_fit;
use maud::{html, Markup};
use smarthost_core::card::{card_rows, Card};
use smarthost_core::device_card::{device_card_rows, DeviceCard};
use smarthost_core::host_wrap::wrap_pieces;
use smarthost_core::i18n::{format, text, Lang};
use smarthost_core::qr::encode_svg_path;

/// A card built for one device (the CLI's `card`), worded in `lang`.
pub fn card_html(card: &Card, lang: Lang) -> String {
    rows_html("device-card", &card.device, card_rows(card, lang), None).into_string()
}

/// An inventory device's card in its cloud, worded in `lang`.
pub(crate) fn device_card_html(card: &DeviceCard, lang: Lang) -> Markup {
    rows_html(
        "device-card",
        &card.card.device,
        device_card_rows(card, lang),
        None,
    )
}

/// What a guide's device card shows besides core's rows.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CardExtras<'a> {
    /// The absolute address of the method's guide page, for the QR code; `None` when
    /// the site has no public address (a relative one would scan to nothing).
    pub(crate) guide_url: Option<&'a str>,
    /// `(label, text)`: the device's notes, as the last row.
    pub(crate) notes: Option<(&'a str, &'a str)>,
    /// The print sheet's copy (`paper-card`, sized for paper by card.css) rather than
    /// the screen's `device-card`.
    pub(crate) paper: bool,
}

/// An inventory device's card with its QR code and notes, worded in `lang`.
pub(crate) fn guide_card_html(card: &DeviceCard, lang: Lang, extras: CardExtras) -> Markup {
    let mut rows = device_card_rows(card, lang);
    if let Some((label, notes)) = extras.notes {
        rows.push((label.to_owned(), notes.to_owned()));
    }
    let qr = extras.guide_url.map(|url| {
        let label = format(
            lang,
            "ui.cards.qr",
            &[("method", &card.card.method_name(lang))],
        );
        qr_figure(url, &label, lang)
    });
    let class = if extras.paper {
        // The type size reckoned to fit the page, until card-fit.js measures it.
        let fit = estimated_fit(&card.card.device, &rows, qr.is_some());
        format!("paper-card fit-{fit}")
    } else {
        "device-card".to_owned()
    };
    rows_html(&class, &card.card.device, rows, qr)
}

/// The QR code of `url` as inline SVG (one path, crisp at any print size) with its
/// caption; when the address is too long for a code, why, in `lang`.
fn qr_figure(url: &str, label: &str, lang: Lang) -> Markup {
    match encode_svg_path(url) {
        Ok(qr) => {
            let side = qr.side.to_string();
            html! {
                figure class="card-qr" {
                    svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (side) " " (side) }
                        shape-rendering="crispEdges" role="img" aria-label=(label) {
                        // Closed explicitly: inside <svg> an HTML parser does not end a
                        // <rect> by itself, and the path would be drawn inside it.
                        rect width=(side) height=(side) fill="#fff" {}
                        path fill="#000" d=(qr.path) {}
                    }
                    figcaption { (text(lang, "ui.cards.qr-caption")) }
                }
                "\n  "
            }
        }
        Err(error) => html! { p class="card-qr-error" { (error.message(lang)) } "\n  " },
    }
}

/// The first row (the name itself) is the heading, so it is not repeated in the list.
/// A value wraps only between the labels of a host or an address (`<wbr>`).
fn rows_html(class: &str, name: &str, rows: Vec<(String, String)>, qr: Option<Markup>) -> Markup {
    html! {
        article class=(class) {
            "\n  "
            @if let Some(qr) = qr { (qr) }
            h2 { (name) } "\n  "
            dl {
                "\n"
                @for (label, value) in rows.iter().skip(1) {
                    "    " dt { (label) } dd { (wrapping(value)) } "\n"
                }
                "  "
            }
            "\n"
        }
        "\n"
    }
}

/// `value` with a break opportunity after each dot, hyphen and `@`, escaped.
fn wrapping(value: &str) -> Markup {
    html! {
        @for (at, piece) in wrap_pieces(value).into_iter().enumerate() {
            @if at > 0 { wbr; }
            (piece)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smarthost_core::card::{build_card, CardInput};
    use smarthost_core::cloud::Cloud;
    use smarthost_core::device_card::build_device_card;
    use smarthost_core::inventory::Device;
    use smarthost_core::method::MethodId;

    #[test]
    fn every_value_of_a_card_is_escaped() {
        let input = CardInput {
            device: "<script>alert('x')</script> & \"co\"".into(),
            method: Some(MethodId::ClientSubmission),
            from: "scanner@contoso.com".into(),
            ..CardInput::default()
        };
        let card = build_card(&input, "2026-12-02").unwrap_or_else(|e| panic!("{e:?}"));
        let html = card_html(&card, Lang::En);
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("<h2>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;co&quot;</h2>"),
            "{html}"
        );
        assert!(html.starts_with("<article class=\"device-card\">\n  <h2>"));
        // A host wraps only between its labels: a break opportunity after each dot.
        assert!(html.contains("\n    <dt>Smart host</dt><dd>smtp.<wbr>office365.<wbr>com</dd>\n"));
        assert!(html.ends_with("  </dl>\n</article>\n"), "{html}");
        // The name heads the card and is not repeated as a row.
        assert_eq!(html.matches("&lt;script&gt;").count(), 1);
    }

    #[test]
    fn a_device_card_shows_its_cloud_and_spf_rows() {
        let device = Device {
            name: "<b>O'Brien</b> & co".into(),
            method: "client-submission".into(),
            cloud: Cloud::China21Vianet,
            from: "scanner@contoso.com".into(),
            ..Device::default()
        };
        let card = build_device_card(&device, "2026-12-02").unwrap_or_else(|e| panic!("{e:?}"));
        let html = device_card_html(&card, Lang::En).into_string();
        assert!(
            html.starts_with(
                "<article class=\"device-card\">\n  <h2>&lt;b&gt;O'Brien&lt;/b&gt; &amp; co</h2>\n"
            ),
            "{html}"
        );
        for row in [
            "<dt>Cloud</dt><dd>Operated by 21Vianet (China)</dd>",
            "<dt>Smart host</dt><dd>smtp.<wbr>partner.<wbr>outlook.<wbr>cn</dd>",
            "<dt>SPF</dt><dd>include:spf.<wbr>protection.<wbr>partner.<wbr>outlook.<wbr>cn</dd>",
        ] {
            assert!(html.contains(row), "{row} in {html}");
        }
        assert!(!html.contains("<b>"));
    }
}
