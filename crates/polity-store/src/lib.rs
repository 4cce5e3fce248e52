//! polity's public record: an append-only, hash-chained event log on SQLite (the embedded
//! default: one file, WAL) or PostgreSQL, behind one trait.
//!
//! Every row holds the hash of its predecessor; a `head` row, written in the same transaction,
//! holds the last sequence number and hash. [`audit`] recomputes the chain and names every row
//! that was changed, deleted, reordered or inserted behind polity's back.
//!
//! Architecture invariant: rows are only ever inserted; no code here updates or deletes an event.

#[macro_use]
mod backend {
    /// Runs the same SQL on either backend (both take numbered parameters, `$1`, `$2`, …).
    macro_rules! on_backend {
        ($store:expr, |$pool:ident| $body:expr) => {
            match $store {
                Store::Sqlite(store) => {
                    let $pool = store.pool();
                    $body
                }
                Store::Postgres(store) => {
                    let $pool = store.pool();
                    $body
                }
            }
        };
    }

    /// A log row (either backend's) as a [`StoredEvent`](crate::StoredEvent).
    macro_rules! event_from_row {
        ($row:expr) => {{
            let row = $row;
            $crate::StoredEvent {
                seq: row.try_get("seq")?,
                recorded_at: row.try_get("recorded_at")?,
                kind: row.try_get("kind")?,
                body: row.try_get("body")?,
                payload: row.try_get("payload")?,
                prev_hash: row.try_get("prev_hash")?,
                hash: row.try_get("hash")?,
            }
        }};
    }

    /// The reads of [`EventLog`](crate::EventLog) that both backends run with the same SQL
    /// (numbered parameters, `$1`, `$2`, …), written once: `$pool` names the field holding the
    /// pool the reads use. Only the append (each backend's transaction) and the paged replay
    /// (`group_concat` against `string_agg`) differ.
    macro_rules! shared_reads {
        ($pool:ident) => {
            async fn read_each<F: FnMut(StoredEvent) + Send>(&self, after: i64, mut each: F) -> Result<(), StoreError> {
                use futures_util::TryStreamExt;
                let mut rows = sqlx::query(
                    "SELECT seq, recorded_at, kind, body, payload, prev_hash, hash FROM events WHERE seq > $1 ORDER BY seq",
                )
                .bind(after)
                .fetch(&self.$pool);
                while let Some(row) = rows.try_next().await? {
                    each(event_from_row!(&row));
                }
                Ok(())
            }

            async fn read_page(&self, after: i64, limit: i64) -> Result<Vec<StoredEvent>, StoreError> {
                let rows = sqlx::query(
                    "SELECT seq, recorded_at, kind, body, payload, prev_hash, hash FROM events WHERE seq > $1 ORDER BY seq LIMIT $2",
                )
                .bind(after)
                .bind(limit)
                .fetch_all(&self.$pool)
                .await?;
                let mut events = Vec::with_capacity(rows.len());
                for row in &rows {
                    events.push(event_from_row!(row));
                }
                Ok(events)
            }

            async fn ballots(&self, election: &str) -> Result<Vec<(String, String)>, StoreError> {
                let rows = sqlx::query("SELECT receipt, content FROM ballots WHERE election = $1 ORDER BY receipt")
                    .bind(election)
                    .fetch_all(&self.$pool)
                    .await?;
                let mut ballots = Vec::with_capacity(rows.len());
                for row in &rows {
                    ballots.push((row.try_get("receipt")?, row.try_get("content")?));
                }
                Ok(ballots)
            }

            async fn head(&self) -> Result<(i64, String), StoreError> {
                let row = sqlx::query("SELECT seq, hash FROM head WHERE id = 1")
                    .fetch_one(&self.$pool)
                    .await?;
                Ok((row.try_get("seq")?, row.try_get("hash")?))
            }
        };
    }
}

mod accounts;
mod audit;
mod checkpoint;
mod outbox;
mod postgres;
mod sqlite;

use std::future::Future;

use sha2::{Digest, Sha256};

pub use accounts::Account;
pub use audit::{AuditProblem, AuditReport, Auditor, audit};
pub use checkpoint::{Checkpoint, CheckpointError, CheckpointProblem, SigningKey, load_or_create_key, public_key_hex};
pub use outbox::{MAX_ATTEMPTS, OutboxMessage, OutboxRow, backoff_seconds};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// The predecessor hash of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An event to append: its kind, the body it concerns, when the act happened, and its JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvent {
    pub recorded_at: String,
    pub kind: String,
    pub body: Option<String>,
    pub payload: String,
}

/// A row of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEvent {
    pub seq: i64,
    pub recorded_at: String,
    pub kind: String,
    pub body: Option<String>,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of a row: SHA-256 over its fields, each prefixed by its length so that no two
/// different rows encode alike, and over its predecessor's hash.
pub fn row_hash(seq: i64, recorded_at: &str, kind: &str, body: Option<&str>, payload: &str, prev_hash: &str) -> String {
    let mut hasher = Sha256::new();
    let seq = seq.to_string();
    let fields = [
        seq.as_str(),
        recorded_at,
        kind,
        body.unwrap_or("\u{0}"),
        payload,
        prev_hash,
    ];
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Chains `events` after (`last_seq`, `last_hash`).
pub(crate) fn chain(last_seq: i64, last_hash: &str, events: &[NewEvent]) -> Vec<StoredEvent> {
    let mut previous = last_hash.to_owned();
    events
        .iter()
        .enumerate()
        .map(|(offset, event)| {
            let seq = last_seq + 1 + offset as i64;
            let hash = row_hash(
                seq,
                &event.recorded_at,
                &event.kind,
                event.body.as_deref(),
                &event.payload,
                &previous,
            );
            StoredEvent {
                seq,
                recorded_at: event.recorded_at.clone(),
                kind: event.kind.clone(),
                body: event.body.clone(),
                payload: event.payload.clone(),
                prev_hash: std::mem::replace(&mut previous, hash.clone()),
                hash,
            }
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another writer appended first: re-read, decide again, retry.
    #[error("the log moved on: expected to append after event {expected}, but the last event is {actual}")]
    Conflict { expected: i64, actual: i64 },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migrating the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Url(String),
    /// The ballot a replacement deletes is not in the store (the engine had checked the voter's
    /// key): it was removed behind polity's back. Nothing is written.
    #[error(
        "integrity: the ballot being replaced (receipt {0}) is missing from the ballot store; nothing was recorded"
    )]
    UnknownReceipt(String),
    #[error("the store's writer stopped")]
    WriterGone,
    #[error("there is no record at {0}: give the --db of an existing record, or create one with `polity init`")]
    Missing(String),
}

/// A ballot stored apart from its voter: only the election, a random receipt and the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecretBallot {
    pub election: String,
    pub receipt: String,
    pub content: String,
    /// The receipt of the voter's earlier ballot, which this one replaces.
    pub replaces: Option<String>,
}

/// The operations every backend provides. One conformance suite tests them all.
pub trait EventLog {
    /// Appends `events` after event `expected_last` (optimistic concurrency) and returns them as
    /// stored. When this returns `Ok`, the events are durable.
    fn append(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
    ) -> impl Future<Output = Result<Vec<StoredEvent>, StoreError>> + Send {
        self.append_with_ballot(expected_last, events, None)
    }
    /// Appends `events` and stores `ballot` in the same transaction: the public record that a
    /// voter voted and the anonymous ballot are durable together or not at all.
    fn append_with_ballot(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
        ballot: Option<SecretBallot>,
    ) -> impl Future<Output = Result<Vec<StoredEvent>, StoreError>> + Send;
    /// The ballots of an election as (receipt, content), sorted by receipt: the tally sheet.
    fn ballots(&self, election: &str) -> impl Future<Output = Result<Vec<(String, String)>, StoreError>> + Send;
    /// Calls `each` with every event after `after`, in order, streaming (for long replays).
    fn read_each<F: FnMut(StoredEvent) + Send>(
        &self,
        after: i64,
        each: F,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Calls `each(last_seq_of_page, payloads)` for pages of up to `page` events after `after`,
    /// in order; `payloads` holds the page's JSON payloads joined by U+001E (which JSON text never
    /// holds unescaped). One row per page keeps a long replay from paying per-row costs.
    fn replay_pages<F: FnMut(i64, &str) + Send>(
        &self,
        after: i64,
        page: i64,
        each: F,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// At most `limit` events after `after`, in order (keyset pagination: reads only those rows).
    fn read_page(&self, after: i64, limit: i64) -> impl Future<Output = Result<Vec<StoredEvent>, StoreError>> + Send;
    /// Every event after `after`, in order.
    fn read_after(&self, after: i64) -> impl Future<Output = Result<Vec<StoredEvent>, StoreError>> + Send
    where
        Self: Sync,
    {
        async move {
            let mut rows = Vec::new();
            self.read_each(after, |row| rows.push(row)).await?;
            Ok(rows)
        }
    }
    /// The head row: (last sequence number, its hash).
    fn head(&self) -> impl Future<Output = Result<(i64, String), StoreError>> + Send;
}

fn auditor_last(auditor: &Auditor, until: i64) -> i64 {
    auditor.last_seq().min(until)
}

/// A store chosen at run time from a URL: `sqlite:PATH` (created if missing) or
/// `postgres://…`.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Store::Postgres(PostgresStore::open(url).await?))
        } else if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            Ok(Store::Sqlite(SqliteStore::open(std::path::Path::new(path)).await?))
        } else {
            Err(StoreError::Url(format!(
                "{url:?} is not a store URL: use sqlite:PATH or postgres://USER@HOST/DATABASE"
            )))
        }
    }

    /// Opens an existing store: a SQLite file that does not exist is an error, never created
    /// (read-only commands must not leave empty databases behind). A PostgreSQL database is
    /// never created by polity; its tables are migrated.
    pub async fn open_existing(url: &str) -> Result<Store, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))
            && !std::path::Path::new(path).is_file()
        {
            return Err(StoreError::Missing(path.to_owned()));
        }
        Store::open(url).await
    }

    /// Audits the whole log: reads every row (streaming) and the head, and recomputes the chain.
    pub async fn audit(&self) -> Result<AuditReport, StoreError> {
        Ok(self.verify(&[]).await?.0)
    }

    /// Audits the whole log and checks that it still extends each of `checkpoints` (signature,
    /// the hash at its sequence number, not truncated before it).
    pub async fn verify(
        &self,
        checkpoints: &[Checkpoint],
    ) -> Result<(AuditReport, Vec<CheckpointProblem>), StoreError> {
        let mut auditor = Auditor::default();
        for checkpoint in checkpoints {
            auditor.watch(checkpoint.seq);
        }
        // The head is read first: rows appended while the audit runs are then beyond it and
        // are not mistaken for a broken end.
        let head = self.head().await?;
        let until = head.0;
        let mut beyond = until;
        self.read_each(0, |row| {
            if row.seq <= until {
                auditor.row(&row);
            } else {
                beyond = beyond.max(row.seq);
            }
        })
        .await?;
        // Rows past the head: appended meanwhile (the head has moved on since), or put there
        // behind polity's back (the head still ends before them).
        let mut late = None;
        if beyond > until {
            let (now, _) = self.head().await?;
            if now < beyond {
                late = Some(AuditProblem::Head {
                    head_seq: now,
                    last_seq: beyond,
                });
            }
        }
        let problems = checkpoints
            .iter()
            .filter_map(|checkpoint| {
                let last = auditor_last(&auditor, until);
                checkpoint.check(last, auditor.hash_at(checkpoint.seq))
            })
            .collect();
        let mut report = auditor.finish(head);
        report.problems.extend(late);
        Ok((report, problems))
    }
}

impl EventLog for Store {
    async fn append_with_ballot(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
        ballot: Option<SecretBallot>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        match self {
            Store::Sqlite(store) => store.append_with_ballot(expected_last, events, ballot).await,
            Store::Postgres(store) => store.append_with_ballot(expected_last, events, ballot).await,
        }
    }

    async fn read_each<F: FnMut(StoredEvent) + Send>(&self, after: i64, each: F) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(store) => store.read_each(after, each).await,
            Store::Postgres(store) => store.read_each(after, each).await,
        }
    }

    async fn replay_pages<F: FnMut(i64, &str) + Send>(&self, after: i64, page: i64, each: F) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(store) => store.replay_pages(after, page, each).await,
            Store::Postgres(store) => store.replay_pages(after, page, each).await,
        }
    }

    async fn read_page(&self, after: i64, limit: i64) -> Result<Vec<StoredEvent>, StoreError> {
        match self {
            Store::Sqlite(store) => store.read_page(after, limit).await,
            Store::Postgres(store) => store.read_page(after, limit).await,
        }
    }

    async fn ballots(&self, election: &str) -> Result<Vec<(String, String)>, StoreError> {
        match self {
            Store::Sqlite(store) => store.ballots(election).await,
            Store::Postgres(store) => store.ballots(election).await,
        }
    }

    async fn head(&self) -> Result<(i64, String), StoreError> {
        match self {
            Store::Sqlite(store) => store.head().await,
            Store::Postgres(store) => store.head().await,
        }
    }
}
