//! The embedded default: one SQLite file in WAL mode with `synchronous = FULL`, so that a
//! commit is on disk when it returns.
//!
//! Appends go through one writer task that commits every append waiting at that moment in one
//! transaction (group commit) and answers each only after the commit: many concurrent appends
//! share one fsync, and none is acknowledged before it is durable.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, Row, SqliteConnection};
use tokio::sync::{mpsc, oneshot};

use crate::{EventLog, NewEvent, SecretBallot, StoreError, StoredEvent, chain};

type Reply = oneshot::Sender<Result<Vec<StoredEvent>, StoreError>>;

struct AppendRequest {
    expected_last: i64,
    events: Vec<NewEvent>,
    ballot: Option<SecretBallot>,
    reply: Reply,
}

#[derive(Clone, Debug)]
pub struct SqliteStore {
    readers: SqlitePool,
    writer: mpsc::Sender<AppendRequest>,
}

impl std::fmt::Debug for AppendRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "append after {} ({} events)", self.expected_last, self.events.len())
    }
}

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(10))
}

impl SqliteStore {
    /// Opens (creating and migrating if needed) the store in the file at `path`.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let readers = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options(path))
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&readers).await?;
        let connection = SqliteConnection::connect_with(&options(path)).await?;
        let (writer, requests) = mpsc::channel(4096);
        tokio::spawn(write_loop(connection, requests));
        Ok(SqliteStore { readers, writer })
    }

    /// Queues an append behind those already queued and returns the answer to await: a server
    /// decides command after command and queues each without waiting for the previous commit,
    /// so that many appends share one commit (group commit). Each answer still comes only after
    /// its events are durable; an append whose `expected_last` no longer holds is refused.
    pub async fn enqueue(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
        ballot: Option<SecretBallot>,
    ) -> Result<oneshot::Receiver<Result<Vec<StoredEvent>, StoreError>>, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.writer
            .send(AppendRequest {
                expected_last,
                events,
                ballot,
                reply,
            })
            .await
            .map_err(|_| StoreError::WriterGone)?;
        Ok(answer)
    }

    /// The reader pool, for tests that tamper with rows directly.
    pub fn pool(&self) -> &SqlitePool {
        &self.readers
    }
}

async fn write_loop(mut connection: SqliteConnection, mut requests: mpsc::Receiver<AppendRequest>) {
    let mut batch = Vec::new();
    while requests.recv_many(&mut batch, 1024).await > 0 {
        let outcome = commit_batch(&mut connection, &batch).await;
        match outcome {
            Ok(results) => {
                for (request, result) in batch.drain(..).zip(results) {
                    let _ = request.reply.send(result);
                }
            }
            Err(error) => {
                let message = error.to_string();
                for request in batch.drain(..) {
                    let _ = request
                        .reply
                        .send(Err(StoreError::Database(sqlx::Error::Protocol(message.clone()))));
                }
                // Leave no transaction open after a failure.
                let _ = sqlx::query("ROLLBACK").execute(&mut connection).await;
            }
        }
    }
}

/// Commits every request of the batch that still applies, in one transaction.
async fn commit_batch(
    connection: &mut SqliteConnection,
    batch: &[AppendRequest],
) -> Result<Vec<Result<Vec<StoredEvent>, StoreError>>, sqlx::Error> {
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *connection).await?;
    let row = sqlx::query("SELECT seq, hash FROM head WHERE id = 1")
        .fetch_one(&mut *connection)
        .await?;
    let mut last_seq: i64 = row.try_get("seq")?;
    let mut last_hash: String = row.try_get("hash")?;
    let mut results = Vec::with_capacity(batch.len());
    for request in batch {
        if request.expected_last != last_seq {
            results.push(Err(StoreError::Conflict {
                expected: request.expected_last,
                actual: last_seq,
            }));
            continue;
        }
        if let Some(ballot) = &request.ballot {
            if let Some(replaced) = &ballot.replaces {
                let deleted = sqlx::query("DELETE FROM ballots WHERE election = ? AND receipt = ?")
                    .bind(&ballot.election)
                    .bind(replaced)
                    .execute(&mut *connection)
                    .await?;
                if deleted.rows_affected() != 1 {
                    results.push(Err(StoreError::UnknownReceipt(replaced.clone())));
                    continue;
                }
            }
            sqlx::query("INSERT INTO ballots (election, receipt, content) VALUES (?, ?, ?)")
                .bind(&ballot.election)
                .bind(&ballot.receipt)
                .bind(&ballot.content)
                .execute(&mut *connection)
                .await?;
        }
        let stored = chain(last_seq, &last_hash, &request.events);
        for event in &stored {
            sqlx::query(
                "INSERT INTO events (seq, recorded_at, kind, body, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(event.seq)
            .bind(&event.recorded_at)
            .bind(&event.kind)
            .bind(&event.body)
            .bind(&event.payload)
            .bind(&event.prev_hash)
            .bind(&event.hash)
            .execute(&mut *connection)
            .await?;
        }
        if let Some(last) = stored.last() {
            last_seq = last.seq;
            last_hash = last.hash.clone();
        }
        results.push(Ok(stored));
    }
    sqlx::query("UPDATE head SET seq = ?, hash = ? WHERE id = 1")
        .bind(last_seq)
        .bind(&last_hash)
        .execute(&mut *connection)
        .await?;
    sqlx::query("COMMIT").execute(&mut *connection).await?;
    Ok(results)
}

impl EventLog for SqliteStore {
    async fn append_with_ballot(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
        ballot: Option<SecretBallot>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let answer = self.enqueue(expected_last, events, ballot).await?;
        answer.await.map_err(|_| StoreError::WriterGone)?
    }

    async fn replay_pages<F: FnMut(i64, &str) + Send>(
        &self,
        mut after: i64,
        page: i64,
        mut each: F,
    ) -> Result<(), StoreError> {
        loop {
            // The inner query orders the page; SQLite's group_concat keeps the order of its
            // input rows, and PostgreSQL's string_agg is told the order.
            let row = sqlx::query("SELECT max(seq) AS last, group_concat(payload, char(30)) AS payloads FROM (SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?)")
                .bind(after)
                .bind(page)
                .fetch_one(&self.readers)
                .await?;
            let last: Option<i64> = row.try_get("last")?;
            let Some(last) = last else { return Ok(()) };
            let payloads: String = row.try_get("payloads")?;
            each(last, &payloads);
            after = last;
        }
    }

    shared_reads!(readers);
}

impl SqliteStore {
    /// Writes a consistent copy of the whole database to a new file at `path` (`VACUUM INTO`):
    /// it may run while others write; the file must not exist.
    pub async fn copy_into(&self, path: &str) -> Result<(), crate::StoreError> {
        sqlx::query("VACUUM INTO $1").bind(path).execute(self.pool()).await?;
        Ok(())
    }
}
