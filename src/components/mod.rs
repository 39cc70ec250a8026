pub mod answers_recap;
// Only in the check's binary (src/lib.rs, `check_run`).
#[cfg(any(feature = "check", not(target_family = "wasm")))]
pub mod check;
pub mod code_block;
pub mod matrix_table;
// The planner's questions and result, only in its binary (src/pages/plan.rs).
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub mod method_links;
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub mod question_step;
pub mod radio_choice;
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub mod ranking_view;
#[cfg(any(feature = "plan", not(target_family = "wasm")))]
pub mod recap;
pub mod terms_list;
// Hosts in the check's MX card and in Cards' cards and list.
#[cfg(any(feature = "check", feature = "cards", not(target_family = "wasm")))]
pub mod wrapping_text;
