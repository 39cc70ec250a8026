pub mod answers_recap;
// Only in the check's binary (src/lib.rs, `check_run`).
#[cfg(any(feature = "check", not(target_family = "wasm")))]
pub mod check;
pub mod code_block;
pub mod matrix_table;
pub mod method_links;
pub mod question_step;
pub mod radio_choice;
pub mod ranking_view;
pub mod terms_list;
// Hosts in the check's MX card and in Cards' cards and list.
#[cfg(any(feature = "check", feature = "cards", not(target_family = "wasm")))]
pub mod wrapping_text;
