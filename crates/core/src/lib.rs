//! smarthost-core: the pure domain of smarthost. No web and no I/O dependencies, so it
//! builds for native targets and for `wasm32-unknown-unknown`, and every rule is tested
//! natively. The web app, the CLI and the guide generator render what this produces.

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod card;
pub mod cidr;
pub mod cloud;
pub mod connector;
pub mod date;
pub mod device_card;
pub mod dmarc;
pub mod dns;
pub mod echo;
pub mod guide;
pub mod i18n;
pub mod inventory;
pub mod matrix;
pub mod method;
pub mod milestone;
pub mod mx;
pub mod plan;
pub mod powershell;
pub mod qr;
pub mod report;
pub mod spf;
#[cfg(test)]
mod test_rng;
mod text_cursor;
pub mod toml_doc;
pub mod validate;
#[cfg(test)]
mod wire_names_tests;
