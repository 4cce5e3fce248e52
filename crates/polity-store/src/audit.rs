//! Verifying the chain: which rows were changed, deleted, reordered or inserted.

use std::fmt;

use crate::{GENESIS, StoredEvent, row_hash};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditProblem {
    /// The row's content no longer matches its hash: it was edited.
    Changed { seq: i64 },
    /// A sequence number is missing: rows were deleted (or renumbered).
    Missing { from: i64, to: i64 },
    /// The row does not point at its predecessor's hash: a row before it was replaced,
    /// reordered or inserted.
    BrokenLink { seq: i64 },
    /// The head row does not match the last row: rows were removed from, or added to, the end.
    Head { head_seq: i64, last_seq: i64 },
}

impl fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditProblem::Changed { seq } => write!(f, "event {seq} was changed: its content does not match its hash"),
            AuditProblem::Missing { from, to } if from == to => write!(f, "event {from} is missing: it was deleted"),
            AuditProblem::Missing { from, to } => write!(f, "events {from} to {to} are missing: they were deleted"),
            AuditProblem::BrokenLink { seq } => write!(
                f,
                "event {seq} does not follow its predecessor: an event before it was replaced, reordered or inserted"
            ),
            AuditProblem::Head { head_seq, last_seq } => write!(
                f,
                "the head says the log ends at event {head_seq}, but it ends at {last_seq}: events were removed from or added to the end"
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditReport {
    pub events: usize,
    pub head_seq: i64,
    pub head_hash: String,
    pub problems: Vec<AuditProblem>,
}

impl AuditReport {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Recomputes the chain over `rows` (in sequence order) and compares it with the head row.
pub fn audit(rows: &[StoredEvent], (head_seq, head_hash): (i64, String)) -> AuditReport {
    let mut problems = Vec::new();
    let mut expected_seq = 1;
    let mut previous_hash = GENESIS.to_owned();
    for row in rows {
        if row.seq > expected_seq {
            problems.push(AuditProblem::Missing {
                from: expected_seq,
                to: row.seq - 1,
            });
        }
        let recomputed = row_hash(
            row.seq,
            &row.recorded_at,
            &row.kind,
            row.body.as_deref(),
            &row.payload,
            &row.prev_hash,
        );
        if recomputed != row.hash {
            problems.push(AuditProblem::Changed { seq: row.seq });
        }
        if row.prev_hash != previous_hash && row.seq == expected_seq {
            problems.push(AuditProblem::BrokenLink { seq: row.seq });
        }
        previous_hash = row.hash.clone();
        expected_seq = row.seq + 1;
    }
    let last_seq = rows.last().map_or(0, |row| row.seq);
    let last_hash = rows.last().map_or(GENESIS, |row| row.hash.as_str());
    if head_seq != last_seq || head_hash != last_hash {
        problems.push(AuditProblem::Head { head_seq, last_seq });
    }
    AuditReport {
        events: rows.len(),
        head_seq,
        head_hash,
        problems,
    }
}
