//! Sign-in data for `polity serve`: accounts, API tokens (stored as SHA-256 digests only) and web
//! sessions. These tables sit beside the log and are not chained: credentials are not
//! governance events.
//!
//! Architecture invariant: logins and GitHub logins are stored in lower case, so that handles
//! match case-insensitively; callers pass them in any case.

use sqlx::Row;

use crate::{Store, StoreError};

/// An account: who signs in, and the registry person it acts as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub login: String,
    pub person: Option<String>,
    /// The argon2id PHC string, if the account has a password.
    pub password: Option<String>,
    pub github: Option<String>,
    pub admin: bool,
}

macro_rules! account_from_row {
    ($row:expr) => {{
        let row = $row;
        Account {
            login: row.try_get("login")?,
            person: row.try_get("person")?,
            password: row.try_get("password")?,
            github: row.try_get("github")?,
            admin: row.try_get("admin")?,
        }
    }};
}

impl Store {
    /// Creates or replaces the account `account.login` (lower-cased).
    pub async fn put_account(&self, account: &Account) -> Result<(), StoreError> {
        let sql = "INSERT INTO accounts (login, person, password, github, admin) VALUES ($1, $2, $3, $4, $5) \
                   ON CONFLICT (login) DO UPDATE SET person = excluded.person, password = excluded.password, \
                   github = excluded.github, admin = excluded.admin";
        let login = account.login.to_lowercase();
        let github = account.github.as_ref().map(|github| github.to_lowercase());
        on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(&login)
                .bind(&account.person)
                .bind(&account.password)
                .bind(&github)
                .bind(account.admin)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The account signing in as `login` (any case).
    pub async fn account(&self, login: &str) -> Result<Option<Account>, StoreError> {
        let sql = "SELECT login, person, password, github, admin FROM accounts WHERE login = $1";
        let login = login.to_lowercase();
        Ok(on_backend!(self, |pool| {
            match sqlx::query(sql).bind(&login).fetch_optional(pool).await? {
                Some(row) => Some(account_from_row!(row)),
                None => None,
            }
        }))
    }

    /// The account bound to the GitHub login `github` (any case).
    pub async fn account_by_github(&self, github: &str) -> Result<Option<Account>, StoreError> {
        let sql = "SELECT login, person, password, github, admin FROM accounts WHERE github = $1";
        let github = github.to_lowercase();
        Ok(on_backend!(self, |pool| {
            match sqlx::query(sql).bind(&github).fetch_optional(pool).await? {
                Some(row) => Some(account_from_row!(row)),
                None => None,
            }
        }))
    }

    /// Stores the digest of a new API token of `login`.
    pub async fn add_token(&self, digest: &str, login: &str, label: &str, created: &str) -> Result<(), StoreError> {
        let sql = "INSERT INTO tokens (hash, login, label, created) VALUES ($1, $2, $3, $4)";
        let login = login.to_lowercase();
        on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(digest)
                .bind(&login)
                .bind(label)
                .bind(created)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// The account whose token has this digest.
    pub async fn token_account(&self, digest: &str) -> Result<Option<Account>, StoreError> {
        let sql = "SELECT a.login, a.person, a.password, a.github, a.admin FROM tokens t \
                   JOIN accounts a ON a.login = t.login WHERE t.hash = $1";
        Ok(on_backend!(self, |pool| {
            match sqlx::query(sql).bind(digest).fetch_optional(pool).await? {
                Some(row) => Some(account_from_row!(row)),
                None => None,
            }
        }))
    }

    /// The tokens of `login` as (id, label, created), the id being the first 16 hex digits of
    /// the token's digest (enough to name it, useless to use it).
    pub async fn tokens_of(&self, login: &str) -> Result<Vec<(String, String, String)>, StoreError> {
        let sql = "SELECT substr(hash, 1, 16) AS id, label, created FROM tokens WHERE login = $1 ORDER BY created, id";
        let login = login.to_lowercase();
        let mut tokens = Vec::new();
        on_backend!(self, |pool| {
            for row in sqlx::query(sql).bind(&login).fetch_all(pool).await? {
                tokens.push((row.try_get("id")?, row.try_get("label")?, row.try_get("created")?));
            }
        });
        Ok(tokens)
    }

    /// Revokes the token of `login` whose id is `id`; whether there was one.
    pub async fn revoke_token(&self, login: &str, id: &str) -> Result<bool, StoreError> {
        let sql = "DELETE FROM tokens WHERE login = $1 AND substr(hash, 1, 16) = $2";
        let login = login.to_lowercase();
        Ok(on_backend!(self, |pool| {
            sqlx::query(sql)
                .bind(&login)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
                > 0
        }))
    }

    /// Saves a web session's data (JSON) until `expires` (Unix seconds).
    pub async fn save_session(&self, id: &str, data: &str, expires: i64) -> Result<(), StoreError> {
        let sql = "INSERT INTO sessions (id, data, expires) VALUES ($1, $2, $3) \
                   ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires = excluded.expires";
        on_backend!(self, |pool| {
            sqlx::query(sql).bind(id).bind(data).bind(expires).execute(pool).await?;
        });
        Ok(())
    }

    /// A session's data, if it exists and has not expired at `now` (Unix seconds).
    pub async fn load_session(&self, id: &str, now: i64) -> Result<Option<String>, StoreError> {
        let sql = "SELECT data FROM sessions WHERE id = $1 AND expires > $2";
        Ok(on_backend!(self, |pool| {
            match sqlx::query(sql).bind(id).bind(now).fetch_optional(pool).await? {
                Some(row) => Some(row.try_get::<String, _>("data")?),
                None => None,
            }
        }))
    }

    /// Deletes the sessions expired at `now` (Unix seconds); returns how many.
    pub async fn delete_expired_sessions(&self, now: i64) -> Result<u64, StoreError> {
        let sql = "DELETE FROM sessions WHERE expires <= $1";
        Ok(on_backend!(self, |pool| {
            sqlx::query(sql).bind(now).execute(pool).await?.rows_affected()
        }))
    }

    pub async fn delete_session(&self, id: &str) -> Result<(), StoreError> {
        let sql = "DELETE FROM sessions WHERE id = $1";
        on_backend!(self, |pool| {
            sqlx::query(sql).bind(id).execute(pool).await?;
        });
        Ok(())
    }

    /// How many web sessions are stored (signed-in visitors; anonymous ones store none).
    pub async fn session_count(&self) -> Result<i64, StoreError> {
        let sql = "SELECT count(*) AS n FROM sessions";
        Ok(on_backend!(self, |pool| {
            sqlx::query(sql).fetch_one(pool).await?.try_get("n")?
        }))
    }
}
