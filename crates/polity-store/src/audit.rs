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

/// Recomputes the chain row by row, in sequence order, without holding the rows: feed each row
/// to [`Auditor::row`], then [`Auditor::finish`] with the head row.
#[derive(Debug)]
pub struct Auditor {
    problems: Vec<AuditProblem>,
    expected_seq: i64,
    previous_hash: String,
    events: usize,
    /// (seq, hash) of the rows asked for with [`Auditor::watch`], as found.
    watched: std::collections::BTreeMap<i64, Option<String>>,
}

impl Default for Auditor {
    fn default() -> Auditor {
        Auditor {
            problems: Vec::new(),
            expected_seq: 1,
            previous_hash: GENESIS.to_owned(),
            events: 0,
            watched: std::collections::BTreeMap::new(),
        }
    }
}

impl Auditor {
    /// Remembers the stored hash of row `seq` when it passes (for checkpoints).
    pub fn watch(&mut self, seq: i64) {
        self.watched.entry(seq).or_insert(None);
    }

    /// The stored hash of a watched row, if it was seen.
    pub fn hash_at(&self, seq: i64) -> Option<&str> {
        self.watched.get(&seq).and_then(|hash| hash.as_deref())
    }

    /// The sequence number of the last row fed.
    pub fn last_seq(&self) -> i64 {
        self.expected_seq - 1
    }

    pub fn row(&mut self, row: &StoredEvent) {
        if row.seq > self.expected_seq {
            self.problems.push(AuditProblem::Missing {
                from: self.expected_seq,
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
            self.problems.push(AuditProblem::Changed { seq: row.seq });
        }
        if row.prev_hash != self.previous_hash && row.seq == self.expected_seq {
            self.problems.push(AuditProblem::BrokenLink { seq: row.seq });
        }
        if let Some(slot) = self.watched.get_mut(&row.seq) {
            *slot = Some(row.hash.clone());
        }
        self.previous_hash = row.hash.clone();
        self.expected_seq = row.seq + 1;
        self.events += 1;
    }

    /// Compares the end of the chain with the head row.
    pub fn finish(self, head: (i64, String)) -> AuditReport {
        self.report(head)
    }

    /// The report so far, with the end of the chain compared with the head row (the auditor can
    /// be fed further rows afterwards: an incremental audit).
    pub fn report(&self, (head_seq, head_hash): (i64, String)) -> AuditReport {
        let mut problems = self.problems.clone();
        let last_seq = self.expected_seq - 1;
        let ends_at_head = head_seq == last_seq
            && if self.events > 0 {
                head_hash == self.previous_hash
            } else {
                head_hash == GENESIS
            };
        if !ends_at_head {
            problems.push(AuditProblem::Head { head_seq, last_seq });
        }
        AuditReport {
            events: self.events,
            head_seq,
            head_hash,
            problems,
        }
    }
}

/// Recomputes the chain over `rows` (in sequence order) and compares it with the head row.
pub fn audit(rows: &[StoredEvent], head: (i64, String)) -> AuditReport {
    let mut auditor = Auditor::default();
    for row in rows {
        auditor.row(row);
    }
    auditor.finish(head)
}
