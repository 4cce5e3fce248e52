//! The outbox: messages polity owes (e-mails, webhook posts), written once by key and sent with
//! retries. Several servers share it: a sender claims rows with a lease before sending, so that a
//! row is sent by one server; a server that dies between sending and marking lets the lease run
//! out and the row is sent again (at least once, never twice by two live servers at once).
//!
//! Architecture invariant: a key is inserted once (`ON CONFLICT DO NOTHING`); callers pass the
//! time (Unix seconds), the store reads no clock.

use sqlx::Row;

use crate::{Store, StoreError};

/// After this many failed attempts a row is given up (kept, with its last error, for the
/// operator).
pub const MAX_ATTEMPTS: i64 = 8;

/// A message for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    pub key: String,
    /// `mail` or `webhook`.
    pub channel: String,
    pub kind: String,
    pub recipient: String,
    pub address: String,
    pub lang: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

/// A row of the outbox with its sending state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxRow {
    pub message: OutboxMessage,
    pub created: i64,
    pub attempts: i64,
    pub next_attempt: i64,
    pub sent: Option<i64>,
    pub last_error: Option<String>,
}

impl OutboxRow {
    /// Given up after [`MAX_ATTEMPTS`] failures.
    pub fn given_up(&self) -> bool {
        self.sent.is_none() && self.attempts >= MAX_ATTEMPTS
    }
}

macro_rules! columns {
    () => {
        "key, channel, kind, recipient, address, lang, subject, body_text, body_html, created, attempts, \
         next_attempt, sent, last_error"
    };
}

macro_rules! outbox_row {
    ($row:expr) => {{
        let row = $row;
        OutboxRow {
            message: OutboxMessage {
                key: row.try_get("key")?,
                channel: row.try_get("channel")?,
                kind: row.try_get("kind")?,
                recipient: row.try_get("recipient")?,
                address: row.try_get("address")?,
                lang: row.try_get("lang")?,
                subject: row.try_get("subject")?,
                body_text: row.try_get("body_text")?,
                body_html: row.try_get("body_html")?,
            },
            created: row.try_get("created")?,
            attempts: row.try_get("attempts")?,
            next_attempt: row.try_get("next_attempt")?,
            sent: row.try_get("sent")?,
            last_error: row.try_get("last_error")?,
        }
    }};
}

/// The wait before attempt `attempts + 1`: one minute, doubling, at most a day.
pub fn backoff_seconds(attempts: i64) -> i64 {
    (60i64 << attempts.clamp(0, 10)).min(86_400)
}

impl Store {
    /// Writes the messages whose keys are new, in one transaction; returns how many were new.
    pub async fn enqueue(&self, messages: &[OutboxMessage], now: i64) -> Result<usize, StoreError> {
        let sql = "INSERT INTO outbox (key, channel, kind, recipient, address, lang, subject, body_text, body_html, \
                   created, attempts, next_attempt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $10) \
                   ON CONFLICT (key) DO NOTHING";
        let mut inserted = 0;
        on_backend!(self, |pool| {
            let mut transaction = pool.begin().await?;
            for message in messages {
                let done = sqlx::query(sql)
                    .bind(&message.key)
                    .bind(&message.channel)
                    .bind(&message.kind)
                    .bind(&message.recipient)
                    .bind(&message.address)
                    .bind(&message.lang)
                    .bind(&message.subject)
                    .bind(&message.body_text)
                    .bind(&message.body_html)
                    .bind(now)
                    .execute(&mut *transaction)
                    .await?;
                inserted += done.rows_affected() as usize;
            }
            transaction.commit().await?;
        });
        Ok(inserted)
    }

    /// Claims up to `limit` rows due to be sent (unsent, not given up, due, not under another
    /// sender's lease) for `lease` seconds, oldest first; e-mail rows only when `mail` (a sender
    /// without an SMTP server leaves them to one that has).
    pub async fn claim(
        &self,
        sender: &str,
        now: i64,
        lease: i64,
        limit: i64,
        mail: bool,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let sql = concat!(
            "UPDATE outbox SET claimed_until = $1, claimed_by = $2 \
             WHERE key IN (SELECT key FROM outbox WHERE sent IS NULL AND attempts < $5 AND next_attempt <= $3 \
                 AND (channel <> 'mail' OR $6) \
                 AND (claimed_until IS NULL OR claimed_until < $3) ORDER BY created, key LIMIT $4) \
             AND sent IS NULL AND (claimed_until IS NULL OR claimed_until < $3) \
             RETURNING ",
            columns!()
        );
        let mut rows = Vec::new();
        on_backend!(self, |pool| {
            for row in sqlx::query(sql)
                .bind(now + lease)
                .bind(sender)
                .bind(now)
                .bind(limit)
                .bind(MAX_ATTEMPTS)
                .bind(mail)
                .fetch_all(pool)
                .await?
            {
                rows.push(outbox_row!(row));
            }
        });
        rows.sort_by(|a: &OutboxRow, b: &OutboxRow| (a.created, &a.message.key).cmp(&(b.created, &b.message.key)));
        Ok(rows)
    }

    /// Marks a claimed row sent. `false`: the row was not under this sender's lease any more.
    pub async fn mark_sent(&self, key: &str, sender: &str, now: i64) -> Result<bool, StoreError> {
        let sql = "UPDATE outbox SET sent = $1, claimed_until = NULL, last_error = NULL \
                   WHERE key = $2 AND claimed_by = $3 AND sent IS NULL";
        Ok(on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(now)
                .bind(key)
                .bind(sender)
                .execute(pool)
                .await?
                .rows_affected()
                == 1
        }))
    }

    /// Records a failed attempt: the row is tried again after [`backoff_seconds`], until
    /// [`MAX_ATTEMPTS`].
    pub async fn mark_failed(&self, key: &str, sender: &str, now: i64, error: &str) -> Result<(), StoreError> {
        let sql = "UPDATE outbox SET attempts = attempts + 1, next_attempt = $1 + $2, claimed_until = NULL, \
                   last_error = $3 WHERE key = $4 AND claimed_by = $5 AND sent IS NULL";
        let attempts: i64 = on_backend!(self, |pool| {
            sqlx::query("SELECT attempts FROM outbox WHERE key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await?
                .map(|row| row.try_get::<i64, _>("attempts"))
                .transpose()?
                .unwrap_or(0)
        });
        // An error text is the peer's: kept short.
        let error: String = error.chars().take(500).collect();
        on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(now)
                .bind(backoff_seconds(attempts))
                .bind(&error)
                .bind(key)
                .bind(sender)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The outbox, newest first, at most `limit` rows.
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        let sql = concat!(
            "SELECT ",
            columns!(),
            " FROM outbox ORDER BY created DESC, key LIMIT $1"
        );
        let mut rows = Vec::new();
        on_backend!(self, |pool| {
            for row in sqlx::query(sql).bind(limit).fetch_all(pool).await? {
                rows.push(outbox_row!(row));
            }
        });
        Ok(rows)
    }
}

impl Store {
    /// The sequence number up to which `name` (a webhook) has been given events.
    pub async fn cursor(&self, name: &str) -> Result<Option<i64>, StoreError> {
        let sql = "SELECT seq FROM outbox_cursors WHERE name = $1";
        Ok(on_backend!(self, |pool| {
            match sqlx::query(sql).bind(name).fetch_optional(pool).await? {
                Some(row) => Some(row.try_get::<i64, _>("seq")?),
                None => None,
            }
        }))
    }

    /// Moves `name`'s cursor forward to `seq` (never back: two servers may both move it).
    pub async fn advance_cursor(&self, name: &str, seq: i64) -> Result<(), StoreError> {
        let sql = "INSERT INTO outbox_cursors (name, seq) VALUES ($1, $2) \
                   ON CONFLICT (name) DO UPDATE SET seq = excluded.seq WHERE outbox_cursors.seq < excluded.seq";
        on_backend!(self, |pool| {
            sqlx::query(sql).bind(name).bind(seq).execute(pool).await?;
        });
        Ok(())
    }
}

impl Store {
    /// Rows not yet sent and not given up.
    pub async fn outbox_waiting(&self) -> Result<i64, StoreError> {
        let sql = "SELECT count(*) AS n FROM outbox WHERE sent IS NULL AND attempts < $1";
        Ok(on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(MAX_ATTEMPTS)
                .fetch_one(pool)
                .await?
                .try_get::<i64, _>("n")?
        }))
    }
}
