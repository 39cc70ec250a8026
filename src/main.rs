//! Entry point: mounts the app. Everything else lives in the library crate.

fn main() {
    console_error_panic_hook::set_once();
    smarthost_core::dns::name::install_idna(smarthost_web::idna::to_ascii);
    wasm_bindgen_futures::spawn_local(async {
        smarthost_web::i18n::preload().await;
        leptos::mount::mount_to_body(smarthost_web::App);
        smarthost_web::offline::register_service_worker();
    });
}
