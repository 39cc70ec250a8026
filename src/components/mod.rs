pub mod answers_recap;
pub mod check;
pub mod code_block;
pub mod matrix_table;
pub mod method_links;
pub mod question_step;
pub mod radio_choice;
pub mod ranking_view;
