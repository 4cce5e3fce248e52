//! polity's governance model: the state a registry describes, the rules as data, and the pure
//! functions over them (`check` for findings, `due` for obligations).
//!
//! Architecture invariant: this crate does no I/O, no async and reads no clock: every function
//! takes the date it answers for.

pub mod check;
pub mod due;
pub mod finding;
pub mod model;
pub mod rules;
pub mod values;

pub use check::check;
pub use due::{Obligation, ObligationKind, due};
pub use finding::{Finding, Severity, sort_findings};
pub use model::*;
pub use rules::RuleId;

/// Whether `text` is a link polity shows as one: `https:` or `http:` with a host, at most 2,000
/// characters, without spaces, quotes, angle brackets or backslashes. Never `javascript:`,
/// `data:` or another scheme a browser would run or open locally.
pub fn is_web_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    text.chars().count() <= 2_000
        && host.is_some_and(|host| !host.is_empty())
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
}
