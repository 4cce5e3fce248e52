//! Signed checkpoints: the record anchored outside its database.
//!
//! A hash chain shows a change to one row, but whoever can write the database can recompute every
//! hash after it, and move the head. A checkpoint is the head (sequence number and hash) signed
//! with an ed25519 key that the operator keeps in a file outside the database. Anyone holding a
//! copy of a checkpoint proves that the record still extends it: the row at that sequence number
//! must still have that hash, and the chain must be intact. A rewrite or truncation of anything up
//! to a checkpoint is then found, however well the attacker recomputed the hashes.
//!
//! What a checkpoint cannot show: events forged *after* the newest checkpoint by someone who can
//! write the database (they are indistinguishable from real acts until the next checkpoint is
//! signed by the key holder, who would then sign them). Checkpoints are signed at every election
//! and motion close, and on demand.

use std::fmt;
use std::path::Path;

pub use ed25519_dalek::SigningKey;
use ed25519_dalek::{Signature, Signer, VerifyingKey};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::{Store, StoreError};

/// The format name written in every checkpoint file.
pub const FORMAT: &str = "polity-checkpoint-1";

/// A signed head of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub format: String,
    pub seq: i64,
    pub hash: String,
    /// The date the checkpoint was signed (YYYY-MM-DD), signed with the rest.
    pub signed_on: String,
    /// The ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// The ed25519 signature of [`Checkpoint::message`], 128 hex digits.
    pub signature: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error("the checkpoint key file {path}: {reason}")]
    Key { path: String, reason: String },
    #[error("the checkpoint {0}")]
    Malformed(String),
}

/// Why a record does not extend a checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckpointProblem {
    /// The signature does not verify under the checkpoint's key (or under the expected key).
    BadSignature { seq: i64 },
    /// The record ends before the checkpoint: events were removed from the end.
    Truncated { seq: i64, last_seq: i64 },
    /// The row at the checkpoint's sequence number has another hash: the record was rewritten up
    /// to (or before) it.
    Rewritten { seq: i64, expected: String, found: String },
}

impl fmt::Display for CheckpointProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckpointProblem::BadSignature { seq } => write!(
                f,
                "the checkpoint at event {seq} is not validly signed by its key: it is forged or damaged"
            ),
            CheckpointProblem::Truncated { seq, last_seq } => write!(
                f,
                "the record ends at event {last_seq}, before the checkpoint at event {seq}: events were removed"
            ),
            CheckpointProblem::Rewritten { seq, expected, found } => write!(
                f,
                "event {seq} has hash {found}, but the checkpoint signed {expected}: the record was rewritten at or before event {seq}"
            ),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.trim();
    if text.len() != N * 2 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (index, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[index * 2..index * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// The public key of `key`, as written in checkpoints.
pub fn public_key_hex(key: &SigningKey) -> String {
    hex(key.verifying_key().as_bytes())
}

/// Reads the signing key from `path` (64 hex digits, the ed25519 seed), creating the file with a
/// new random key, readable only by its owner, when it does not exist.
pub fn load_or_create_key(path: &Path) -> Result<(SigningKey, bool), CheckpointError> {
    let error = |reason: String| CheckpointError::Key {
        path: path.display().to_string(),
        reason,
    };
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let seed = unhex::<32>(&text).ok_or_else(|| {
                error("does not hold a key (64 hex digits); give the file `polity audit checkpoint` created".to_owned())
            })?;
            Ok((SigningKey::from_bytes(&seed), false))
        }
        Err(read) if read.kind() == std::io::ErrorKind::NotFound => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|random| error(format!("no randomness for a new key: {random}")))?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options
                .open(path)
                .map_err(|open| error(format!("cannot be created: {open}")))?;
            use std::io::Write;
            writeln!(file, "{}", hex(&seed))
                .and_then(|()| file.sync_all())
                .map_err(|write| error(format!("cannot be written: {write}")))?;
            Ok((SigningKey::from_bytes(&seed), true))
        }
        Err(read) => Err(error(format!("cannot be read: {read}"))),
    }
}

impl Checkpoint {
    /// The bytes signed: the format, the sequence number, the hash and the date, one a line.
    pub fn message(seq: i64, hash: &str, signed_on: &str) -> Vec<u8> {
        format!("{FORMAT}\n{seq}\n{hash}\n{signed_on}\n").into_bytes()
    }

    /// Signs the head (`seq`, `hash`).
    pub fn sign(key: &SigningKey, seq: i64, hash: &str, signed_on: &str) -> Checkpoint {
        let signature = key.sign(&Checkpoint::message(seq, hash, signed_on));
        Checkpoint {
            format: FORMAT.to_owned(),
            seq,
            hash: hash.to_owned(),
            signed_on: signed_on.to_owned(),
            public_key: public_key_hex(key),
            signature: hex(&signature.to_bytes()),
        }
    }

    /// Reads a checkpoint file's text.
    pub fn from_json(text: &str) -> Result<Checkpoint, CheckpointError> {
        let checkpoint: Checkpoint = serde_json::from_str(text)
            .map_err(|error| CheckpointError::Malformed(format!("cannot be read: {error}")))?;
        if checkpoint.format != FORMAT {
            return Err(CheckpointError::Malformed(format!(
                "has format {:?}; this polity reads {FORMAT:?}",
                checkpoint.format
            )));
        }
        Ok(checkpoint)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("plain data serialises");
        text.push('\n');
        text
    }

    /// Whether the signature verifies under the checkpoint's own key (strict ed25519).
    pub fn signature_is_valid(&self) -> bool {
        let (Some(public), Some(signature)) = (unhex::<32>(&self.public_key), unhex::<64>(&self.signature)) else {
            return false;
        };
        let Ok(public) = VerifyingKey::from_bytes(&public) else {
            return false;
        };
        public
            .verify_strict(
                &Checkpoint::message(self.seq, &self.hash, &self.signed_on),
                &Signature::from_bytes(&signature),
            )
            .is_ok()
    }

    /// What is wrong with a record whose chain ends at `last_seq` and whose row at `self.seq`
    /// has the stored hash `hash_at_seq` (None if there is no such row).
    pub fn check(&self, last_seq: i64, hash_at_seq: Option<&str>) -> Option<CheckpointProblem> {
        if !self.signature_is_valid() {
            return Some(CheckpointProblem::BadSignature { seq: self.seq });
        }
        match hash_at_seq {
            _ if last_seq < self.seq => Some(CheckpointProblem::Truncated {
                seq: self.seq,
                last_seq,
            }),
            Some(found) if found == self.hash => None,
            found => Some(CheckpointProblem::Rewritten {
                seq: self.seq,
                expected: self.hash.clone(),
                found: found.unwrap_or("(no such event)").to_owned(),
            }),
        }
    }
}

impl Store {
    /// Keeps a checkpoint beside the log (published at `/api/checkpoints`). Whoever can write the
    /// database can delete these rows, but not forge one: copies held elsewhere stay valid.
    pub async fn add_checkpoint(&self, checkpoint: &Checkpoint) -> Result<(), StoreError> {
        let sql = "INSERT INTO checkpoints (seq, hash, signed_on, public_key, signature) VALUES ($1, $2, $3, $4, $5) \
                   ON CONFLICT (seq, public_key) DO NOTHING";
        on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(checkpoint.seq)
                .bind(&checkpoint.hash)
                .bind(&checkpoint.signed_on)
                .bind(&checkpoint.public_key)
                .bind(&checkpoint.signature)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Every stored checkpoint, oldest first.
    pub async fn checkpoints(&self) -> Result<Vec<Checkpoint>, StoreError> {
        let sql = "SELECT seq, hash, signed_on, public_key, signature FROM checkpoints ORDER BY seq, public_key";
        let read = |row: &dyn RowLike| -> Result<Checkpoint, sqlx::Error> {
            Ok(Checkpoint {
                format: FORMAT.to_owned(),
                seq: row.seq()?,
                hash: row.text("hash")?,
                signed_on: row.text("signed_on")?,
                public_key: row.text("public_key")?,
                signature: row.text("signature")?,
            })
        };
        let mut out = Vec::new();
        on_backend!(self, |pool| {
            for row in sqlx::query(sql).fetch_all(pool).await? {
                out.push(read(&row)?);
            }
        });
        Ok(out)
    }
}

/// The two backends' rows, read alike.
trait RowLike {
    fn seq(&self) -> Result<i64, sqlx::Error>;
    fn text(&self, column: &str) -> Result<String, sqlx::Error>;
}

impl RowLike for sqlx::sqlite::SqliteRow {
    fn seq(&self) -> Result<i64, sqlx::Error> {
        self.try_get("seq")
    }
    fn text(&self, column: &str) -> Result<String, sqlx::Error> {
        self.try_get(column)
    }
}

impl RowLike for sqlx::postgres::PgRow {
    fn seq(&self) -> Result<i64, sqlx::Error> {
        self.try_get("seq")
    }
    fn text(&self, column: &str) -> Result<String, sqlx::Error> {
        self.try_get(column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7u8; 32])
    }

    #[test]
    fn t1_a_checkpoint_verifies_and_a_changed_one_does_not() {
        let checkpoint = Checkpoint::sign(&key(), 5, "ab", "2026-06-01");
        assert!(checkpoint.signature_is_valid());
        assert_eq!(checkpoint.check(5, Some("ab")), None);
        assert_eq!(checkpoint.check(9, Some("ab")), None);
        let read = Checkpoint::from_json(&checkpoint.to_json()).unwrap();
        assert_eq!(read, checkpoint);
        for forged in [
            Checkpoint {
                seq: 4,
                ..checkpoint.clone()
            },
            Checkpoint {
                hash: "ac".into(),
                ..checkpoint.clone()
            },
            Checkpoint {
                signed_on: "2026-06-02".into(),
                ..checkpoint.clone()
            },
            Checkpoint {
                public_key: public_key_hex(&SigningKey::from_bytes(&[8u8; 32])),
                ..checkpoint.clone()
            },
            Checkpoint {
                signature: "00".repeat(64),
                ..checkpoint.clone()
            },
        ] {
            assert!(!forged.signature_is_valid(), "{forged:?}");
        }
    }

    #[test]
    fn t1_truncation_and_rewrites_before_a_checkpoint_are_found() {
        let checkpoint = Checkpoint::sign(&key(), 5, "ab", "2026-06-01");
        assert!(matches!(
            checkpoint.check(4, None),
            Some(CheckpointProblem::Truncated { .. })
        ));
        assert!(matches!(
            checkpoint.check(7, Some("cd")),
            Some(CheckpointProblem::Rewritten { .. })
        ));
    }
}
