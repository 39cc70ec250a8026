//! SPF (RFC 7208): typed records, macros, and check_host with its limits and trace.

pub mod diff;
pub mod eval;
pub mod fix;
pub mod identity;
pub mod macros;
pub mod marks;
pub mod problem;
pub mod record;
pub mod tree;
pub mod voids;

pub use eval::{check_host, SpfEvaluation, SpfQuery, SpfResult, TraceEntry};
pub use problem::{SpfProblem, TraceNote};
pub use record::{
    is_spf_record, parse_record, Mechanism, Modifier, Qualifier, SpfRecord, SyntaxError, Term,
    TermKind,
};
