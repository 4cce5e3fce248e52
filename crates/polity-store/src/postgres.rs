//! PostgreSQL, for several `polity` processes sharing one record. Each append is a transaction
//! that locks the head row, checks the expected sequence number (optimistic concurrency across
//! servers), inserts the chained rows and moves the head.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Connection, Row};

use crate::{EventLog, NewEvent, SecretBallot, StoreError, StoredEvent, chain};

#[derive(Clone, Debug)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    pub async fn open(url: &str) -> Result<PostgresStore, StoreError> {
        let pool = PgPoolOptions::new().max_connections(8).connect(url).await?;
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        Ok(PostgresStore { pool })
    }

    /// The pool, for tests that tamper with rows directly.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// A connection that hears every append committed by any server (`LISTEN`); each
    /// notification's payload is the new head's sequence number. It reconnects by itself; a
    /// notification lost meanwhile is made up for by the poll.
    pub async fn listen_for_appends(&self) -> Result<sqlx::postgres::PgListener, StoreError> {
        let mut listener = sqlx::postgres::PgListener::connect_with(&self.pool).await?;
        listener.listen(APPENDED_CHANNEL).await?;
        Ok(listener)
    }
}

/// The `NOTIFY` channel of appends.
pub const APPENDED_CHANNEL: &str = "polity_appended";

impl EventLog for PostgresStore {
    async fn append_with_ballot(
        &self,
        expected_last: i64,
        events: Vec<NewEvent>,
        ballot: Option<SecretBallot>,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let mut transaction = connection.begin().await?;
        let row = sqlx::query("SELECT seq, hash FROM head WHERE id = 1 FOR UPDATE")
            .fetch_one(&mut *transaction)
            .await?;
        let last_seq: i64 = row.try_get("seq")?;
        let last_hash: String = row.try_get("hash")?;
        if last_seq != expected_last {
            return Err(StoreError::Conflict {
                expected: expected_last,
                actual: last_seq,
            });
        }
        if let Some(ballot) = &ballot {
            if let Some(replaced) = &ballot.replaces {
                let deleted = sqlx::query("DELETE FROM ballots WHERE election = $1 AND receipt = $2")
                    .bind(&ballot.election)
                    .bind(replaced)
                    .execute(&mut *transaction)
                    .await?;
                if deleted.rows_affected() != 1 {
                    return Err(StoreError::UnknownReceipt(replaced.clone()));
                }
            }
            sqlx::query("INSERT INTO ballots (election, receipt, content) VALUES ($1, $2, $3)")
                .bind(&ballot.election)
                .bind(&ballot.receipt)
                .bind(&ballot.content)
                .execute(&mut *transaction)
                .await?;
        }
        let stored = chain(last_seq, &last_hash, &events);
        for event in &stored {
            sqlx::query(
                "INSERT INTO events (seq, recorded_at, kind, body, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(event.seq)
            .bind(&event.recorded_at)
            .bind(&event.kind)
            .bind(&event.body)
            .bind(&event.payload)
            .bind(&event.prev_hash)
            .bind(&event.hash)
            .execute(&mut *transaction)
            .await?;
        }
        if let Some(last) = stored.last() {
            sqlx::query("UPDATE head SET seq = $1, hash = $2 WHERE id = 1")
                .bind(last.seq)
                .bind(&last.hash)
                .execute(&mut *transaction)
                .await?;
            // Other servers listening learn of the new head when (and only if) this commits.
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(APPENDED_CHANNEL)
                .bind(last.seq.to_string())
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok(stored)
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
            let row = sqlx::query("SELECT max(seq) AS last, string_agg(payload, chr(30) ORDER BY seq) AS payloads FROM (SELECT seq, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT $2) AS page")
                .bind(after)
                .bind(page)
                .fetch_one(&self.pool)
                .await?;
            let last: Option<i64> = row.try_get("last")?;
            let Some(last) = last else { return Ok(()) };
            let payloads: String = row.try_get("payloads")?;
            each(last, &payloads);
            after = last;
        }
    }

    shared_reads!(pool);
}
