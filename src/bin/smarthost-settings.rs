//! The settings binary: language, DNS resolver and cloud, loaded only by settings/.

// Non-test code never panics on what a user, a file or the network controls: the
// compiler enforces it here (tests may unwrap and panic: a failed test should be loud).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

fn main() {
    console_error_panic_hook::set_once();
    smarthost_web::start(smarthost_web::SETTINGS);
}
