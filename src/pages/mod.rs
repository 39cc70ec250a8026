pub mod check;
pub mod compare;
pub mod home;
pub mod not_found;
