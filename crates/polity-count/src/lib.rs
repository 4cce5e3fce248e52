//! Pure vote counting for polity.
//!
//! This crate does no I/O: ballots in, explained results out. It holds the exact arithmetic that
//! every threshold in a governance registry is written in (fractions, never floats), states
//! whether a bound is strict (`>`) or not (`>=`), counts ranked ballots (Schulze, with ranked
//! pairs as a cross-check; Elekto's and devotee's semantics), Meek and Scottish STV, Copeland,
//! plurality, approval and yes/no/abstain motions, fills seats under a
//! per-organisation cap, and reads the common ballot file formats.

pub mod ballot;
pub mod compat;
pub mod condorcet;
pub mod election;
pub mod formats;
pub mod motion;
pub mod pairwise;
pub mod seats;
pub mod stv;
mod threshold;

pub use ballot::{BallotError, Ballots, Unranked};
pub use compat::{Compat, Devotee, Ratio};
pub use condorcet::{Schulze, Strength, Tiers, ranked_pairs, ranked_pairs_explained, schulze};
pub use election::{ElectionResult, ElectionRules, Method, Turnout, count};
pub use pairwise::Pairwise;
pub use stv::{StvCount, StvRule};
pub use threshold::{Base, Bound, Fraction, Threshold, ThresholdParseError};
