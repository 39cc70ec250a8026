//! A config card as an HTML fragment: the rows core gives (`card_rows`, or
//! `device_card_rows` with the device's cloud), headed by the sender's name. The same
//! markup serves the guide's device pages, the `card` shortcode and the CLI's
//! `card --format html`; every value is escaped by the template.

use maud::{html, Markup};
use smarthost_core::card::{card_rows, Card};
use smarthost_core::device_card::{device_card_rows, DeviceCard};
use smarthost_core::host_wrap::wrap_pieces;
use smarthost_core::i18n::Lang;

/// A card built for one device (the CLI's `card`), worded in `lang`.
pub fn card_html(card: &Card, lang: Lang) -> String {
    rows_html(&card.device, card_rows(card, lang)).into_string()
}

/// An inventory device's card in its cloud, worded in `lang`.
pub(crate) fn device_card_html(card: &DeviceCard, lang: Lang) -> Markup {
    rows_html(&card.card.device, device_card_rows(card, lang))
}

/// The first row (the name itself) is the heading, so it is not repeated in the list.
/// A value wraps only between the labels of a host or an address (`<wbr>`).
fn rows_html(name: &str, rows: Vec<(String, String)>) -> Markup {
    html! {
        article class="device-card" {
            "\n  " h2 { (name) } "\n  "
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
