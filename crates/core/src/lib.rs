//! smarthost-core: the pure domain of smarthost. No web and no I/O dependencies, so it
//! builds for native targets and for `wasm32-unknown-unknown`, and every rule is tested
//! natively. The web app, the CLI and the guide generator render what this produces.

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

#[cfg(not(any(feature = "toml", feature = "browser-toml")))]
compile_error!(
    "smarthost-core reads TOML inventories with the `toml` feature (native builds) or \
     `browser-toml` (the web app, core's small reader): enable one"
);

pub mod bounce;
pub mod card;
mod card_lines;
pub mod card_print;
pub mod cidr;
pub mod cloud;
pub mod connector;
pub mod date;
pub mod device_card;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod echo;
pub mod field_error;
pub mod guide;
pub mod host_wrap;
pub mod i18n;
pub mod inventory;
pub mod localized;
pub mod matrix;
pub mod method;
pub mod milestone;
pub mod mx;
pub mod plan;
pub mod powershell;
pub mod probe;
pub mod qr;
pub mod report;
pub mod spf;
pub mod terms;
#[cfg(test)]
mod test_rng;
pub mod text_pos;
/// Core's small TOML reader: the web app's alone (see the `browser-toml` feature).
#[cfg(feature = "browser-toml")]
pub mod toml_doc;
#[cfg(feature = "toml")]
pub mod toml_error;
pub mod toml_write;
pub mod validate;
#[cfg(test)]
mod wire_names_tests;
