//! `polity serve`: the JSON API and the server-rendered web UI over the live record.
//!
//! Every state-changing request, from the API or from a form, is one of [`acts::ROUTES`]: it is
//! decoded into a `polity_engine::Command` and goes through [`live::Record::act`], which decides
//! it against the replayed state and appends it. Authentication only names the acting person.
//!
//! Architecture invariant: handlers never change the state themselves, and nothing answers
//! success before the store said the events are durable.

mod accounts;
pub mod acts;
mod api;
pub mod auth;
pub mod demo;
pub mod error;
mod github;
pub mod github_app;
pub mod i18n;
pub mod live;
pub mod metrics;
pub mod notify;
mod operations;
pub mod views;
mod web;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use polity_store::Store;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use accounts::{AccountRequest, account_from, is_login};
pub use api::openapi;
use auth::{RateLimiter, StoreSessions};
use live::{Clock, Record};

/// GitHub (or a server speaking its OAuth protocol) for sign-in.
#[derive(Clone, Debug)]
pub struct GithubConfig {
    pub client_id: String,
    pub client_secret: String,
    /// `https://github.com/login/oauth/authorize`
    pub authorize_url: String,
    /// `https://github.com/login/oauth/access_token`
    pub token_url: String,
    /// `https://api.github.com` (the user is read from `{api_url}/user`).
    pub api_url: String,
    /// The address GitHub sends the browser back to: `{public address}/auth/github/callback`.
    pub redirect_url: String,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub clock: Clock,
    /// Mark cookies `Secure` (the default; browsers accept them on http://localhost too).
    pub secure_cookies: bool,
    pub github: Option<GithubConfig>,
    /// The GitHub App mode: `/vote` comments become motions and votes (`/github/webhook`).
    pub github_app: Option<github_app::GithubAppConfig>,
    /// How often to look for events appended by other servers.
    pub poll: Duration,
    /// Sign-in attempts a minute from one client, failures per login in fifteen minutes.
    pub sign_in_limits: (usize, usize),
    /// Signs a checkpoint of the head after every election and motion close.
    pub checkpoint_key: Option<polity_store::SigningKey>,
    /// Heavy reads (the log, the audit) a minute from one client address.
    pub heavy_reads: usize,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Time allowed for a request's headers to arrive.
    pub header_timeout: Duration,
    /// Time allowed for a whole request, body included, to arrive and be answered.
    pub request_timeout: Duration,
    /// The address users reach the server at, for absolute links in feeds and calendars (never
    /// taken from a request's Host header, which the client chooses).
    pub public_url: Option<String>,
    /// Who may read `/metrics`: nobody (the default), anyone, or whoever sends this bearer token.
    pub metrics: MetricsAccess,
    /// Reverse proxies whose `X-Forwarded-For` names the client (for the rate limits).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Who may read `/metrics`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MetricsAccess {
    #[default]
    Off,
    Public,
    /// The SHA-256 (hex) of the token, so that the token itself is not kept in memory dumps.
    Token(String),
}

impl Default for Config {
    fn default() -> Config {
        Config {
            clock: Clock::System,
            secure_cookies: true,
            github: None,
            github_app: None,
            poll: Duration::from_millis(200),
            sign_in_limits: (10, 5),
            checkpoint_key: None,
            heavy_reads: 120,
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            public_url: None,
            metrics: MetricsAccess::Off,
            trusted_proxies: Vec::new(),
        }
    }
}

/// The application: the live record and what sign-in needs.
#[derive(Debug)]
pub struct App {
    pub record: Record,
    pub config: Config,
    pub limiter: RateLimiter,
    /// Heavy anonymous reads per client address.
    pub readers: auth::Windows,
    /// A password hash checked when a login does not exist, so that timing does not tell.
    dummy_hash: String,
    http: reqwest::Client,
    /// C3: the contribution histories shown as a health chart on bodies' pages, by body id
    /// (`polity serve --repo`); filled by whoever reads the repositories.
    pub histories: std::sync::RwLock<std::collections::BTreeMap<String, History>>,
    /// The community's time zone as last read from the state: (its name, the zone).
    zone: std::sync::Mutex<(Option<String>, jiff::tz::TimeZone)>,
}

/// A body's contribution history, as far as it has been read.
#[derive(Clone, Debug)]
pub enum History {
    /// Being read (a first read of a large history takes a while).
    Reading,
    Read(Arc<Vec<polity_contrib::Contribution>>),
    /// Reading failed: why, in words.
    Failed(String),
}

impl App {
    pub async fn new(store: Store, config: Config) -> anyhow::Result<Arc<App>> {
        let mut record = Record::open(store).await?;
        if let Some(key) = &config.checkpoint_key {
            record.sign_with(key.clone());
        }
        // Never act on a broken record: verify the chain, the stored checkpoints and the open
        // elections' ballot stores before serving anything.
        let integrity = record.verify().await?;
        if !integrity.is_intact() {
            anyhow::bail!(
                "the record is broken, and polity does not act on a broken record: {}. \
                 Run `polity audit verify` for the details, and restore the database from a backup",
                integrity.problems().join("; ")
            );
        }
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(20))
            .user_agent("polity")
            .build()?;
        Ok(Arc::new(App {
            record,
            limiter: RateLimiter::new(config.sign_in_limits.0, config.sign_in_limits.1),
            readers: auth::Windows::new(config.heavy_reads, Duration::from_secs(60)),
            config,
            dummy_hash: auth::hash_password("not a password of anyone")?,
            http,
            histories: std::sync::RwLock::default(),
            zone: std::sync::Mutex::new((None, jiff::tz::TimeZone::UTC)),
        }))
    }

    /// Counts a heavy read (the log, the audit) by an anonymous client: at most
    /// `config.heavy_reads` a minute from one address, so that a crowd of readers cannot starve
    /// the voters.
    pub fn heavy_read(&self, client: &str) -> Result<(), error::ApiError> {
        self.readers.hit(client).map_err(error::ApiError::too_many)
    }

    /// Today in the community's time zone (`time-zone:` in polity.yaml, UTC by default).
    pub fn today(&self) -> jiff::civil::Date {
        self.now().date()
    }

    /// The date and time of day now in the community's time zone: every deadline falls at its
    /// date's `deadline-time` there (midnight by default), and acts are decided as of this.
    pub fn now(&self) -> jiff::civil::DateTime {
        match self.config.clock {
            live::Clock::Fixed(now) => now,
            live::Clock::System => {
                let (date, time) = polity_model::now_in(jiff::Timestamp::now(), &self.zone().1);
                date.to_datetime(time)
            }
        }
    }

    /// The community's time zone: its name (`None`: UTC) and the zone. Read from the live state
    /// when it can be read without waiting, else the zone last read (it changes only with the
    /// registry).
    pub fn zone(&self) -> (Option<String>, jiff::tz::TimeZone) {
        let name = self
            .record
            .live
            .try_read()
            .ok()
            .map(|live| live.state.polity.constitution.time_zone.clone());
        let mut cached = self.zone.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(name) = name
            && name != cached.0
        {
            *cached = (name.clone(), polity_model::zone_or_utc(name.as_deref()));
        }
        cached.clone()
    }
}

/// The whole site: `/api/…` (JSON), the pages and forms, and sessions.
pub fn router(app: Arc<App>) -> Router {
    let sessions = SessionManagerLayer::new(StoreSessions(app.record.store.clone()))
        .with_name("polity_session")
        .with_secure(app.config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(7)));
    Router::new()
        .merge(api::routes())
        .merge(web::routes())
        .layer(sessions)
        .merge(operations::routes())
        .route("/github/webhook", axum::routing::post(github_app::webhook))
        .layer(axum::middleware::from_fn_with_state(app.clone(), auth::csrf_cookie))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn(i18n::remember))
        .layer(axum::middleware::from_fn(access_log))
        .with_state(app)
}

/// One log line per request: the method, the route's pattern (never the path itself, which may
/// hold a receipt or a person), the status and the time taken. Never a body, a query, a header.
async fn access_log(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let micros = started.elapsed().as_micros() as u64;
    if status >= 500 {
        tracing::warn!(target: "polity::access", %method, route, status, micros, "request");
    } else {
        tracing::info!(target: "polity::access", %method, route, status, micros, "request");
    }
    response
}

/// The policy every page is served under: no script at all (the UI needs none), styles and
/// images from this site only, never framed, forms posted only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Security headers on every response; `no-store` on every answer to a signed-in request (a
/// session cookie or a bearer token), so that no shared or back-button cache keeps it.
async fn security_headers(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let signed_in = request.headers().contains_key(header::AUTHORIZATION)
        || request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .any(|value| value.to_str().is_ok_and(|cookies| cookies.contains("polity_session=")));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if signed_in || headers.contains_key(header::SET_COOKIE) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Reads events other servers append, every `config.poll`, until the process ends; every ten
/// minutes, deletes expired sessions.
pub fn spawn_poller(app: Arc<App>) {
    tokio::spawn(async move {
        let mut last_sweep = std::time::Instant::now();
        loop {
            tokio::time::sleep(app.config.poll).await;
            if let Err(error) = app.record.refresh().await {
                eprintln!("polity serve: reading the record: {error}");
            }
            if last_sweep.elapsed() >= Duration::from_secs(600) {
                last_sweep = std::time::Instant::now();
                // The whole chain again: a change to rows verified before is found here.
                match app.record.full_audit().await {
                    Ok(report) if !report.is_intact() => {
                        eprintln!(
                            "polity serve: THE RECORD IS BROKEN; no more acts are recorded: {:?}",
                            app.record.broken()
                        );
                    }
                    Ok(_) => {}
                    Err(error) => eprintln!("polity serve: auditing the record: {error}"),
                }
                let now = time::OffsetDateTime::now_utc().unix_timestamp();
                if let Err(error) = app.record.store.delete_expired_sessions(now).await {
                    eprintln!("polity serve: deleting expired sessions: {error}");
                }
            }
        }
    });
}

/// Serves until the process is stopped.
pub async fn serve(app: Arc<App>, listen: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    serve_on(app, listener).await
}

/// Accepts connections until `shutdown`, each served with the limits a slow or hostile client
/// cannot outlast: at most `config.max_connections` at once (more wait in the kernel's backlog),
/// request headers within `config.header_timeout`, and each request (its body included) answered
/// within `config.request_timeout` (else 408). Then lets the requests under way finish.
async fn accept(
    app: Arc<App>,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use tower::ServiceExt as _;
    // The timeout's own 408 gets the security headers too.
    let router = router(app.clone())
        .layer(axum::middleware::from_fn_with_state(app.clone(), request_timeout))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(axum::middleware::from_fn(i18n::remember));
    let slots = Arc::new(tokio::sync::Semaphore::new(app.config.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(app.config.header_timeout);
    builder.http2().timer(TokioTimer::new());
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit?,
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    eprintln!("polity serve: accepting a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
            router.clone().oneshot(request)
        });
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Answers 408 when a request (reading its body included) takes longer than the configured
/// request timeout: a client that drips its body holds nothing for long.
async fn request_timeout(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    match tokio::time::timeout(app.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => axum::response::IntoResponse::into_response(error::ApiError::new(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the request took too long to arrive",
            "send the request again, whole",
        )),
    }
}

/// On PostgreSQL: reads what other servers append as soon as their commit is announced
/// (`LISTEN`/`NOTIFY`), so that an act through one server shows through the others at once; the
/// poll stays as the fallback for a lost notification or connection.
pub fn spawn_listener(app: Arc<App>) {
    let Store::Postgres(store) = &app.record.store else {
        return;
    };
    let store = store.clone();
    tokio::spawn(async move {
        loop {
            let mut listener = match store.listen_for_appends().await {
                Ok(listener) => listener,
                Err(error) => {
                    eprintln!("polity serve: listening for other servers' acts (the poll goes on): {error}");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    continue;
                }
            };
            loop {
                match listener.recv().await {
                    Ok(notification) => {
                        let announced: i64 = notification.payload().parse().unwrap_or(i64::MAX);
                        let seen = app.record.live.read().await.last_seq;
                        if announced > seen
                            && let Err(error) = app.record.refresh().await
                        {
                            eprintln!("polity serve: reading the record: {error}");
                        }
                    }
                    Err(error) => {
                        eprintln!("polity serve: the notification connection failed (the poll goes on): {error}");
                        break;
                    }
                }
            }
        }
    });
}

pub async fn serve_on(app: Arc<App>, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    spawn_poller(app.clone());
    spawn_listener(app.clone());
    // On Ctrl-C or SIGTERM: stop accepting, let the requests under way finish (each act is
    // answered only once durable), then exit.
    let shutdown = async {
        let terminate = async {
            #[cfg(unix)]
            if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                signal.recv().await;
                return;
            }
            std::future::pending::<()>().await;
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = terminate => {}
        }
        eprintln!("polity serve: stopping after the requests under way");
    };
    accept(app, listener, shutdown).await
}
