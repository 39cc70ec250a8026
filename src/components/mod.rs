pub mod matrix_table;
pub mod mx_check;
pub mod question_step;
pub mod ranking_view;
