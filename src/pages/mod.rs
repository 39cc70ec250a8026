// Only in Cards' binary (src/lib.rs, `check_run`).
#[cfg(any(feature = "cards", not(target_family = "wasm")))]
pub mod cards;
// Only in the check's binary (src/lib.rs, `check_run`).
#[cfg(any(feature = "check", not(target_family = "wasm")))]
pub mod check;
pub mod compare;
pub mod connector;
pub mod explain;
pub mod not_found;
pub mod plan;
pub mod settings;
