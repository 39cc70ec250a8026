pub mod cards;
pub mod check;
pub mod compare;
pub mod connector;
pub mod explain;
pub mod not_found;
pub mod plan;
pub mod settings;
