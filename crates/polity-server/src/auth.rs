//! Sign-in: local accounts (argon2id), API tokens (only their SHA-256 is stored), web sessions
//! in the store (tower-sessions, Secure/HttpOnly/SameSite cookies), CSRF tokens for every form,
//! a sign-in rate limit, and GitHub OAuth.
//!
//! Architecture invariant: authentication only says which registry person a request acts as;
//! what that person may do is decided by `polity_engine::decide`, never here. The one exception
//! is account administration (creating accounts), which is not a governance act.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use async_trait::async_trait;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use polity_store::{Account, Store};
use sha2::{Digest, Sha256};
use tower_sessions::session::{Id, Record as SessionRecord};
use tower_sessions::{Session, SessionStore, session_store};

use crate::App;
use crate::error::ApiError;

/// An argon2id hash (PHC string) of `password` with a random salt.
pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|error| ApiError::internal(format!("no randomness: {error}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(|error| ApiError::internal(error.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| ApiError::internal(format!("hashing the password: {error}")))
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
        .unwrap_or(false)
}

/// Random bytes as lower-case hex.
pub fn random_hex(bytes: usize) -> Result<String, ApiError> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|error| ApiError::internal(format!("no randomness: {error}")))?;
    Ok(buffer.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// The digest under which a token is stored.
pub fn token_digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A new API token for `login`: returned once, stored only as its digest.
pub async fn issue_token(store: &Store, login: &str, label: &str, today: &str) -> Result<String, ApiError> {
    let token = format!("polity_{}", random_hex(32)?);
    store.add_token(&token_digest(&token), login, label, today).await?;
    Ok(token)
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(left: &str, right: &str) -> bool {
    left.len() == right.len()
        && left
            .bytes()
            .zip(right.bytes())
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

/// Sliding windows of hits per key: at most `limit` hits in `period` for one key. Keys whose
/// windows are empty are forgotten, so that a crowd of addresses cannot grow it without bound
/// (at most `MAX_KEYS` keys are kept; beyond that the oldest windows are dropped).
#[derive(Debug)]
pub struct Windows {
    limit: usize,
    period: Duration,
    hits: Mutex<HashMap<String, VecDeque<Instant>>>,
}

const MAX_KEYS: usize = 100_000;

impl Windows {
    pub fn new(limit: usize, period: Duration) -> Windows {
        Windows {
            limit,
            period,
            hits: Mutex::new(HashMap::new()),
        }
    }

    fn prune(&self, hits: &mut HashMap<String, VecDeque<Instant>>, now: Instant) {
        if hits.len() < MAX_KEYS {
            return;
        }
        for window in hits.values_mut() {
            while window.front().is_some_and(|at| now.duration_since(*at) > self.period) {
                window.pop_front();
            }
        }
        hits.retain(|_, window| !window.is_empty());
        if hits.len() >= MAX_KEYS {
            // Still full of live windows: forget the half with the oldest last hit.
            let mut last: Vec<(Instant, String)> = hits
                .iter()
                .map(|(key, window)| (*window.back().expect("not empty"), key.clone()))
                .collect();
            last.sort();
            for (_, key) in last.into_iter().take(MAX_KEYS / 2) {
                hits.remove(&key);
            }
        }
    }

    /// Whether `key` is over the limit (`Err(seconds to wait)`), without counting a hit.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut hits = self.hits.lock().expect("limiter lock");
        let Some(window) = hits.get_mut(key) else { return Ok(()) };
        while window.front().is_some_and(|at| now.duration_since(*at) > self.period) {
            window.pop_front();
        }
        if window.len() >= self.limit {
            let oldest = window.front().copied().unwrap_or(now);
            return Err(self.period.saturating_sub(now.duration_since(oldest)).as_secs().max(1));
        }
        Ok(())
    }

    /// Counts a hit for `key`, or says how long to wait when it is over the limit.
    pub fn hit(&self, key: &str) -> Result<(), u64> {
        if self.limit == usize::MAX {
            return Ok(());
        }
        self.check(key)?;
        let now = Instant::now();
        let mut hits = self.hits.lock().expect("limiter lock");
        self.prune(&mut hits, now);
        hits.entry(key.to_owned()).or_default().push_back(now);
        Ok(())
    }

    /// Counts a hit for `key` without refusing (a failure to remember).
    pub fn record(&self, key: &str) {
        let now = Instant::now();
        let mut hits = self.hits.lock().expect("limiter lock");
        self.prune(&mut hits, now);
        hits.entry(key.to_owned()).or_default().push_back(now);
    }
}

/// Sign-in attempts: at most `per_client` attempts a minute from one client address, and at most
/// `per_login` failed attempts in fifteen minutes for one login *from one client address*: an
/// attacker guessing from one address is slowed, while the owner signing in from another is not.
/// Per process.
#[derive(Debug)]
pub struct RateLimiter {
    attempts: Windows,
    failures: Windows,
}

const MINUTE: Duration = Duration::from_secs(60);
const QUARTER: Duration = Duration::from_secs(15 * 60);

fn failure_key(client: &str, login: &str) -> String {
    format!("{}\u{0}{client}", login.to_lowercase())
}

impl RateLimiter {
    pub fn new(per_client: usize, per_login: usize) -> RateLimiter {
        RateLimiter {
            attempts: Windows::new(per_client, MINUTE),
            failures: Windows::new(per_login, QUARTER),
        }
    }

    /// Counts an attempt; `Err(seconds)` says how long to wait when over a limit.
    pub fn attempt(&self, client: &str, login: &str) -> Result<(), u64> {
        self.attempts.hit(client)?;
        self.failures.check(&failure_key(client, login))
    }

    pub fn failed(&self, client: &str, login: &str) {
        self.failures.record(&failure_key(client, login));
    }
}

/// Checks a login and password, counting the attempt against the limits.
pub async fn sign_in(app: &App, client: &str, login: &str, password: &str) -> Result<Account, ApiError> {
    if let Err(wait) = app.limiter.attempt(client, login) {
        return Err(ApiError::too_many(wait));
    }
    let account = app.record.store.account(login).await?;
    let stored = account.as_ref().and_then(|account| account.password.clone());
    // Verify against a fixed hash when the account does not exist, so that timing does not tell.
    let matches = match &stored {
        Some(stored) => verify_password(password, stored),
        None => {
            verify_password(password, &app.dummy_hash);
            false
        }
    };
    match account {
        Some(account) if matches => Ok(account),
        _ => {
            app.limiter.failed(client, login);
            Err(ApiError::unauthorised("wrong login or password"))
        }
    }
}

/// Who sends a request: an account (by API token or web session) or nobody.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: Option<Account>,
    /// Signed in through the session cookie (forms and JSON then need the CSRF token).
    pub by_session: bool,
    /// The anonymous CSRF cookie's token (double submit), for the forms of visitors who are not
    /// signed in: they get no stored session at all.
    pub csrf_cookie: Option<String>,
}

/// The name of the anonymous CSRF cookie.
pub const CSRF_COOKIE: &str = "polity_csrf";

/// The token of the request's anonymous CSRF cookie (set by [`csrf_cookie`]).
#[derive(Clone, Debug)]
pub struct CsrfCookie(pub String);

/// Gives every browser a random CSRF token in a cookie (HttpOnly, SameSite=Strict) without
/// storing anything: forms shown to anonymous visitors carry it, and a post must carry the same
/// value as the cookie (a page on another site can neither read nor set it).
pub async fn csrf_cookie(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let existing = request
        .headers()
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().strip_prefix(CSRF_COOKIE)?.strip_prefix('='))
        .find(|value| value.len() == 64 && value.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .map(str::to_owned);
    let (token, new) = match existing {
        Some(token) => (token, false),
        None => match random_hex(32) {
            Ok(token) => (token, true),
            Err(error) => return axum::response::IntoResponse::into_response(error),
        },
    };
    request.extensions_mut().insert(CsrfCookie(token.clone()));
    let mut response = next.run(request).await;
    if new {
        let secure = if app.config.secure_cookies { "; Secure" } else { "" };
        if let Ok(value) = axum::http::HeaderValue::from_str(&format!(
            "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{secure}"
        )) {
            response.headers_mut().append(axum::http::header::SET_COOKIE, value);
        }
    }
    response
}

impl Caller {
    pub fn person(&self) -> Option<&str> {
        self.account.as_ref().and_then(|account| account.person.as_deref())
    }
}

impl FromRequestParts<Arc<App>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Caller, ApiError> {
        if let Some(header) = parts.headers.get(axum::http::header::AUTHORIZATION) {
            let text = header
                .to_str()
                .map_err(|_| ApiError::unauthorised("the Authorization header is not text"))?;
            let token = text
                .strip_prefix("Bearer ")
                .ok_or_else(|| ApiError::unauthorised("use `Authorization: Bearer TOKEN`"))?;
            return match app.record.store.token_account(&token_digest(token.trim())).await? {
                Some(account) => Ok(Caller {
                    account: Some(account),
                    by_session: false,
                    csrf_cookie: None,
                }),
                None => Err(ApiError::unauthorised(
                    "the API token is not known (revoked or mistyped)",
                )),
            };
        }
        let csrf_cookie = parts.extensions.get::<CsrfCookie>().map(|cookie| cookie.0.clone());
        let Some(session) = parts.extensions.get::<Session>().cloned() else {
            return Ok(Caller {
                account: None,
                by_session: false,
                csrf_cookie,
            });
        };
        let login: Option<String> = session.get("login").await.map_err(ApiError::session)?;
        let account = match login {
            Some(login) => app.record.store.account(&login).await?,
            None => None,
        };
        Ok(Caller {
            by_session: account.is_some(),
            account,
            csrf_cookie,
        })
    }
}

/// The session's CSRF token, created on first use.
pub async fn csrf_token(session: &Session, caller: &Caller) -> Result<String, ApiError> {
    if !caller.by_session {
        // Not signed in: the cookie's token; nothing is stored for an anonymous visitor.
        return caller
            .csrf_cookie
            .clone()
            .ok_or_else(|| ApiError::internal("no CSRF cookie on the request"));
    }
    if let Some(token) = session.get::<String>("csrf").await.map_err(ApiError::session)? {
        return Ok(token);
    }
    let token = random_hex(32)?;
    session.insert("csrf", &token).await.map_err(ApiError::session)?;
    Ok(token)
}

/// Checks a submitted CSRF token: against the session's when signed in, else against the
/// anonymous CSRF cookie (double submit).
pub async fn check_csrf(session: &Session, caller: &Caller, submitted: Option<&str>) -> Result<(), ApiError> {
    let expected: Option<String> = if caller.by_session {
        session.get("csrf").await.map_err(ApiError::session)?
    } else {
        caller.csrf_cookie.clone()
    };
    match (expected, submitted) {
        (Some(expected), Some(submitted)) if same_secret(&expected, submitted) => Ok(()),
        _ => Err(ApiError::csrf()),
    }
}

/// Web sessions kept in the store, so that several servers sharing a database share them.
#[derive(Clone, Debug)]
pub struct StoreSessions(pub Store);

fn store_error(error: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

#[async_trait]
impl SessionStore for StoreSessions {
    async fn save(&self, record: &SessionRecord) -> session_store::Result<()> {
        let data = serde_json::to_string(record).map_err(|error| session_store::Error::Encode(error.to_string()))?;
        self.0
            .save_session(&record.id.to_string(), &data, record.expiry_date.unix_timestamp())
            .await
            .map_err(store_error)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<SessionRecord>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        match self.0.load_session(&id.to_string(), now).await.map_err(store_error)? {
            Some(data) => serde_json::from_str(&data)
                .map(Some)
                .map_err(|error| session_store::Error::Decode(error.to_string())),
            None => Ok(None),
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.0.delete_session(&id.to_string()).await.map_err(store_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_from_one_address_never_lock_the_owner_out_from_another() {
        let limiter = RateLimiter::new(100, 5);
        for _ in 0..5 {
            assert!(limiter.attempt("203.0.113.9", "dana").is_ok());
            limiter.failed("203.0.113.9", "dana");
        }
        assert!(
            limiter.attempt("203.0.113.9", "dana").is_err(),
            "the guessing address waits"
        );
        assert!(
            limiter.attempt("198.51.100.7", "dana").is_ok(),
            "the owner's address does not"
        );
        assert!(
            limiter.attempt("203.0.113.9", "emil").is_ok(),
            "other logins are not locked"
        );
    }

    #[test]
    fn a_crowd_of_addresses_does_not_grow_the_limiter_without_bound() {
        let windows = Windows::new(5, Duration::from_secs(60));
        for client in 0..(MAX_KEYS + 10) {
            windows.record(&client.to_string());
        }
        assert!(windows.hits.lock().unwrap().len() <= MAX_KEYS);
    }
}
