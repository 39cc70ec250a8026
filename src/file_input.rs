//! Reading a file the user picked in an `<input type="file">`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The first file chosen in the input that fired `ev`.
pub fn first_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Clearing the input lets the same file be picked again after fixing it.
    input.set_value("");
    file
}

/// The file's text (UTF-8), or `None` when the browser cannot read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}
