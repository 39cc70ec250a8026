//! Moving the reader to what just changed: after a card is filled, added or brought back,
//! or when the button that was clicked goes away, focus goes to what replaced it, so a
//! keyboard or screen reader user is not left at the top of the page.

use wasm_bindgen::JsCast;

/// How many frames to wait for the element: the list is redrawn after the signal
/// change that added it, not during it.
const FRAMES: u32 = 30;

/// Scrolls to the element with `id` and focuses it, once it is in the page.
pub fn focus_when_drawn(id: String) {
    try_focus(id, FRAMES);
}

fn try_focus(id: String, frames_left: u32) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        match element {
            Some(element) => {
                element.scroll_into_view();
                let _ = element.focus();
            }
            None if frames_left > 0 => try_focus(id, frames_left - 1),
            None => {}
        }
    });
}

/// The id of a device's card in the page (its `<article>`), from its row key.
pub fn device_id(key: u64) -> String {
    format!("device-{key}")
}
