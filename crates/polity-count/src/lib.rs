//! Pure vote counting for polity.
//!
//! This crate does no I/O: numbers in, explained results out. It holds the exact arithmetic that
//! every threshold in a governance registry is written in (fractions, never floats), and states
//! whether a bound is strict (`>`) or not (`>=`).

mod threshold;

pub use threshold::{Base, Bound, Fraction, Threshold, ThresholdParseError};
