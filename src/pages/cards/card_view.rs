//! The printable card of one device, with the QR code of its method's guide.

use crate::components::wrapping_text::WrappingText;
use crate::i18n::{lang, t, tf};
use leptos::prelude::*;
use smarthost_core::device_card::{device_card_rows, DeviceCard};
use smarthost_core::method::MethodId;
use smarthost_core::qr::encode_svg_path;

/// The absolute address of the guide page for `method`, in the page's language: the
/// guides are published beside the app (dist/guide/), so the address follows wherever
/// the app is hosted.
pub fn guide_url(method: MethodId) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let path = format!("guide/{}", smarthost_core::guide::path_for(method, lang()));
    web_sys::Url::new_with_base(&path, &base)
        .ok()
        .map(|url| url.href())
}

/// A QR code drawn as SVG elements from core's path data (no markup is parsed); when the
/// address is too long for a code, why, in the page's language.
#[component]
fn GuideQr(url: String, label: String) -> impl IntoView {
    match encode_svg_path(&url) {
        Ok(qr) => {
            let side = qr.side.to_string();
            let view_box = format!("0 0 {side} {side}");
            view! {
                <figure class="card-qr">
                    <svg
                        xmlns="http://www.w3.org/2000/svg"
                        viewBox=view_box
                        shape-rendering="crispEdges"
                        role="img"
                        aria-label=label
                    >
                        <rect width=side.clone() height=side fill="#fff"></rect>
                        <path fill="#000" d=qr.path></path>
                    </svg>
                    <figcaption>{t("ui.cards.qr-caption")}</figcaption>
                </figure>
            }
            .into_any()
        }
        Err(error) => {
            view! { <p class="card-qr-error">{move || error.message(lang())}</p> }.into_any()
        }
    }
}

/// The printable card: core's rows for the device in its cloud, the same rows the
/// guide's device pages print. Values are rendered as text, never as markup, and wrap
/// only between the labels of a host or an address.
#[component]
pub fn CardView(
    card: DeviceCard,
    guide: Option<String>,
    /// The print sheet's copy, sized for paper (`paper-card`, see card.css) rather
    /// than the screen's `device-card` beside the device's fields.
    #[prop(optional)]
    paper: bool,
) -> impl IntoView {
    // The card is data; the view that holds it is drawn again when the language
    // changes (it reads the guide's address in that language), so these rows are
    // worded in the page's language.
    let rows = device_card_rows(&card, lang());
    view! {
        <section
            class=if paper { "paper-card" } else { "device-card" }
            aria-label=card.card.device.clone()
        >
            {guide.map(|url| {
                let label = tf("ui.cards.qr", &[("method", &card.card.method_name(lang()))]);
                view! { <GuideQr url=url.clone() label=label /> }
                    .into_any()
            })}
            <h2>{card.card.device.clone()}</h2>
            {card.customer.clone().map(|name| view! {
                <p class="card-customer">{tf("ui.cards.card-customer", &[("name", &name)])}</p>
            })}
            <dl>
                {rows
                    .into_iter()
                    .skip(1)
                    .map(|(label, value)| view! { <dt>{label}</dt><dd><WrappingText text=value /></dd> })
                    .collect_view()}
            </dl>
        </section>
    }
}
