//! polity's governance model: the state a registry describes, the rules as data, and the pure
//! functions over them (`check` for findings, `due` for obligations).
//!
//! Architecture invariant: this crate does no I/O, no async and reads no clock: every function
//! takes the date it answers for.

pub mod check;
pub mod due;
pub mod finding;
pub mod model;

pub use check::check;
pub use due::{Obligation, ObligationKind, due};
pub use finding::{Finding, Severity, sort_findings};
pub use model::*;
