pub mod matrix_table;
pub mod mx_check;
