//! `polity serve` and `polity account`: the web server over the record, and its accounts.

use polity_engine::command;
use std::io::Read as _;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context as _, Result, anyhow, bail};
use clap::{Args, Subcommand};
use polity_server::live::Clock;
use polity_server::{App, Config, GithubConfig};
use polity_store::{Account, Store};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store: sqlite:PATH (the default, created if missing) or postgres://USER@HOST/DB.
    /// With --demo and no --db: a new SQLite file in the temporary folder.
    #[arg(long, env = "POLITY_DB")]
    pub db: Option<String>,
    /// Record this registry folder first, if the record holds none yet.
    #[arg(long, env = "POLITY_REGISTRY")]
    pub registry: Option<PathBuf>,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "POLITY_LISTEN")]
    pub listen: SocketAddr,
    /// Seed a new record with the bundled cfn-working-group example: a closed election, an
    /// election open for voting, a motion and a meeting, and an account for everyone.
    #[arg(long, env = "POLITY_DEMO")]
    pub demo: bool,
    /// Fix the server's clock, in the community's time zone: a date (YYYY-MM-DD, as that day begins) or a date and time (`2026-07-01 18:00`) instead of now (with --demo: 2026-06-20).
    #[arg(long, env = "POLITY_TODAY")]
    pub today: Option<String>,
    /// Send cookies without the Secure attribute. Only for plain http on an address other than
    /// localhost, which browsers otherwise refuse; never on the open Internet.
    #[arg(long, env = "POLITY_INSECURE_COOKIES")]
    pub insecure_cookies: bool,
    /// GitHub OAuth app's client id (enables "Sign in with GitHub").
    #[arg(long, env = "POLITY_GITHUB_CLIENT_ID")]
    pub github_client_id: Option<String>,
    #[arg(long, env = "POLITY_GITHUB_CLIENT_SECRET", hide_env_values = true)]
    pub github_client_secret: Option<String>,
    /// GitHub's web address (a GitHub Enterprise or a test server may stand in).
    #[arg(long, env = "POLITY_GITHUB_URL", default_value = "https://github.com")]
    pub github_url: String,
    #[arg(long, env = "POLITY_GITHUB_API_URL", default_value = "https://api.github.com")]
    pub github_api_url: String,
    /// The GitHub App mode: the app's id. With --github-app-key and --github-webhook-secret,
    /// `/vote` comments on the repositories the app is installed on open, vote on and close
    /// motions (GitHub posts them to /github/webhook).
    #[arg(long, env = "POLITY_GITHUB_APP_ID")]
    pub github_app_id: Option<String>,
    /// The GitHub App's private key (the .pem file GitHub gives).
    #[arg(long, env = "POLITY_GITHUB_APP_KEY", value_name = "FILE")]
    pub github_app_key: Option<PathBuf>,
    /// The GitHub App's webhook secret (at least 16 characters).
    #[arg(long, env = "POLITY_GITHUB_WEBHOOK_SECRET", hide_env_values = true)]
    pub github_webhook_secret: Option<String>,
    /// The address users reach this server at (for the GitHub callback); default http://LISTEN.
    #[arg(long, env = "POLITY_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The ed25519 key file that signs a checkpoint of the record after every election and
    /// motion close (created when missing; keep it outside the database's machine and backups).
    #[arg(long, env = "POLITY_CHECKPOINT_KEY", value_name = "FILE")]
    pub checkpoint_key: Option<PathBuf>,
    /// Reads of the log and the audit a minute from one client address (behind a proxy that does
    /// not pass the client's address, every client shares the proxy's). 0: no limit.
    #[arg(long, default_value_t = 120, value_name = "N", env = "POLITY_READ_LIMIT")]
    pub read_limit: usize,
    /// C3: a git repository whose contributions the body's page shows as a health chart,
    /// `BODY=PATH`, or `PATH` for the top bodies (those no other body oversees); repeat for
    /// several. Read in the background after the server starts (kept in the stats cache,
    /// POLITY_CACHE_DIR or ~/.cache/polity), and read again every hour.
    #[arg(
        long = "repo",
        value_name = "[BODY=]PATH",
        env = "POLITY_REPO",
        value_delimiter = ','
    )]
    pub repos: Vec<String>,
    /// Send what the record owes people by e-mail (see `polity notify`): smtps://HOST[:PORT]
    /// (TLS) or smtp://HOST[:PORT]?tls=required (STARTTLS); plain smtp:// only to this machine.
    /// The user name and password come from POLITY_SMTP_USERNAME and POLITY_SMTP_PASSWORD.
    #[arg(long, env = "POLITY_SMTP_URL", value_name = "URL")]
    pub smtp: Option<String>,
    /// The sender of those mails, e.g. "Governance <governance@example.org>".
    #[arg(long = "mail-from", env = "POLITY_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// How often (seconds) to look for what is owed and send it, and post the registry's
    /// webhooks (`webhooks:` in polity.yaml, secrets from the environment).
    #[arg(long, default_value_t = 60, value_name = "SECONDS", env = "POLITY_NOTIFY_EVERY")]
    pub notify_every: u64,
    /// Serve `/metrics` (Prometheus text) to whoever sends `Authorization: Bearer TOKEN`.
    #[arg(long, env = "POLITY_METRICS_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    pub metrics_token: Option<String>,
    /// Serve `/metrics` to anyone (behind a proxy that keeps it internal).
    #[arg(long, env = "POLITY_PUBLIC_METRICS", conflicts_with = "metrics_token")]
    pub public_metrics: bool,
    /// A reverse proxy's address whose `X-Forwarded-For` names the client for the rate limits;
    /// repeat for several. Without it the header is ignored (a client could choose its address).
    #[arg(
        long = "trusted-proxy",
        value_name = "IP",
        env = "POLITY_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How often (milliseconds) to look for acts other servers recorded. On PostgreSQL a server
    /// also hears each commit at once (LISTEN/NOTIFY); the poll catches a lost notification.
    #[arg(long, default_value_t = 200, value_name = "MS", env = "POLITY_POLL_EVERY_MS")]
    pub poll_every_ms: u64,
    /// Log lines on standard error: `text` (the default) or `json` (one object a line: time,
    /// level, target, and for each request its method, route pattern, status and microseconds).
    /// Which lines: POLITY_LOG (e.g. `info`, `warn`, `polity::access=off`).
    #[arg(long, value_parser = ["text", "json"], default_value = "text", env = "POLITY_LOG_FORMAT")]
    pub log_format: String,
    /// A TOML file with any of these settings, named as the flags without `--` (`listen =
    /// "0.0.0.0:8080"`, `repo = ["tsc=/srv/repo"]`); a flag or a POLITY_* variable wins over it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The bundled demo registry, compiled in so that `--demo` works from any folder.
pub(crate) fn demo_registry() -> Vec<(String, String)> {
    macro_rules! file {
        ($path:literal) => {
            (
                $path.to_owned(),
                include_str!(concat!("../../../examples/cfn-working-group/", $path)).to_owned(),
            )
        };
    }
    vec![
        file!("polity.yaml"),
        file!("people.yaml"),
        file!("organisations.yaml"),
        file!("bodies/tsc.yaml"),
        file!("bodies/use-case-and-architecture.yaml"),
        file!("bodies/computing-scheduling.yaml"),
        file!("bodies/network-telemetry.yaml"),
        file!("bodies/edge-inference.yaml"),
    ]
}

fn start_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("POLITY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false);
    // A second subscriber (tests calling serve twice in one process) is not an error.
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

pub async fn serve(args: ServeArgs) -> Result<()> {
    start_logging(&args.log_format);
    let db = match (&args.db, args.demo) {
        (Some(db), _) => db.clone(),
        (None, true) => format!(
            "sqlite:{}",
            std::env::temp_dir()
                .join(format!(
                    "polity-serve-demo-{}-{}.db",
                    std::process::id(),
                    jiff::Timestamp::now().as_millisecond()
                ))
                .display()
        ),
        (None, false) => "sqlite:polity.db".to_owned(),
    };
    let clock = match (&args.today, args.demo) {
        (Some(text), _) => Clock::Fixed(crate::parse_moment(text, "--today")?),
        (None, true) => Clock::Fixed(polity_server::demo::DEMO_TODAY.into()),
        (None, false) => Clock::System,
    };
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.listen));
    let github = match (&args.github_client_id, &args.github_client_secret) {
        (Some(id), Some(secret)) => Some(GithubConfig {
            client_id: id.clone(),
            client_secret: secret.clone(),
            authorize_url: format!("{}/login/oauth/authorize", args.github_url.trim_end_matches('/')),
            token_url: format!("{}/login/oauth/access_token", args.github_url.trim_end_matches('/')),
            api_url: args.github_api_url.clone(),
            redirect_url: format!("{}/auth/github/callback", public_url.trim_end_matches('/')),
        }),
        (None, None) => None,
        _ => bail!("{}", crate::say("cli-serve-github-both", &[])),
    };
    let github_app = match (&args.github_app_id, &args.github_app_key, &args.github_webhook_secret) {
        (Some(id), Some(key), Some(secret)) => {
            let pem = std::fs::read_to_string(key)
                .with_context(|| crate::say("cli-serve-github-app-key", &[("path", &key.display().to_string())]))?;
            Some(
                polity_server::github_app::GithubAppConfig::new(id, &pem, secret, &args.github_api_url).map_err(
                    |error| anyhow::anyhow!("{}", crate::say("cli-serve-github-app-bad", &[("error", &error)])),
                )?,
            )
        }
        (None, None, None) => None,
        _ => bail!("{}", crate::say("cli-serve-github-app-all", &[])),
    };
    let mailer = crate::notify::mailer(args.smtp.as_deref(), args.mail_from.as_deref())?;
    let store = Store::open(&db)
        .await
        .with_context(|| crate::say("cli-cannot-open-store", &[("db", &db)]))?;
    let checkpoint_key = match &args.checkpoint_key {
        Some(path) => {
            let (key, created) = polity_store::load_or_create_key(path)?;
            if created {
                eprintln!(
                    "{}",
                    crate::say(
                        "cli-serve-key-created",
                        &[
                            ("path", &path.display().to_string()),
                            ("key", &polity_store::public_key_hex(&key)),
                        ]
                    )
                );
            }
            Some(key)
        }
        None => None,
    };
    let config = Config {
        clock,
        secure_cookies: !args.insecure_cookies,
        github,
        github_app,
        checkpoint_key,
        public_url: Some(public_url.clone()),
        poll: std::time::Duration::from_millis(args.poll_every_ms.max(10)),
        metrics: match (&args.metrics_token, args.public_metrics) {
            (Some(token), _) => polity_server::MetricsAccess::Token(sha256_hex(token.trim())),
            (None, true) => polity_server::MetricsAccess::Public,
            (None, false) => polity_server::MetricsAccess::Off,
        },
        trusted_proxies: args.trusted_proxies.clone(),
        heavy_reads: if args.read_limit == 0 {
            usize::MAX
        } else {
            args.read_limit
        },
        ..Config::default()
    };
    let app = App::new(store, config).await?;
    if args.demo {
        polity_server::demo::seed(&app, demo_registry()).await?;
    } else if let Some(registry) = &args.registry {
        let recorded = app.record.live.read().await.state.recorded;
        if !recorded {
            let files = polity_registry::read_sources(registry)?
                .into_iter()
                .map(|(path, content)| polity_engine::SourceFile { path, content })
                .collect();
            let context = polity_engine::Context::on("polity serve", app.today());
            app.record
                .act(
                    polity_engine::Command::RecordRegistry(command::RecordRegistry { files }),
                    polity_server::live::Extra::None,
                    &context,
                )
                .await
                .map_err(|error| anyhow!("recording {}: {error}", registry.display()))?;
        }
    }
    let (secrets, missing) = {
        let live = app.record.live.read().await;
        let secrets = crate::notify::webhook_secrets(&live.state.polity);
        let missing: Vec<(String, String)> = live
            .state
            .polity
            .constitution
            .webhooks
            .iter()
            .filter(|webhook| !secrets.contains_key(&webhook.secret_env))
            .map(|webhook| (webhook.url.clone(), webhook.secret_env.clone()))
            .collect();
        (secrets, missing)
    };
    for (url, variable) in &missing {
        eprintln!(
            "{}",
            crate::say("cli-serve-webhook-no-secret", &[("url", url), ("variable", variable)])
        );
    }
    if app.config.github_app.is_some() {
        polity_server::github_app::spawn(app.clone(), std::time::Duration::from_secs(60));
    }
    if mailer.is_some() || !secrets.is_empty() {
        let outbound = polity_server::notify::Outbound::new(mailer, Some(public_url.clone()), secrets);
        polity_server::notify::spawn(
            app.clone(),
            outbound,
            std::time::Duration::from_secs(args.notify_every.max(1)),
        );
    }
    let histories = histories(&app, &args.repos).await?;
    if !histories.is_empty() {
        read_histories(app.clone(), histories);
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| crate::say("cli-serve-cannot-listen", &[("address", &args.listen.to_string())]))?;
    say_listening(&app, &listener, &db, args.demo).await?;
    polity_server::serve_on(app, listener).await
}

/// Where the server listens, what record it serves, and (with --demo) how to sign in: the lines
/// an operator and the tests read on standard error.
async fn say_listening(app: &App, listener: &tokio::net::TcpListener, db: &str, demo: bool) -> Result<()> {
    let address = listener.local_addr()?;
    let (events, _) = polity_store::EventLog::head(&app.record.store).await?;
    eprintln!(
        "{}",
        crate::say(
            "cli-serve-listening",
            &[
                ("address", &address.to_string()),
                ("db", db),
                ("events", &events.to_string()),
                ("today", &app.today().to_string()),
            ]
        )
    );
    if demo {
        eprintln!(
            "{}",
            crate::say("cli-serve-demo", &[("password", polity_server::demo::DEMO_PASSWORD)])
        );
    }
    Ok(())
}

/// Which repositories each body's chart counts, from `--repo [BODY=]PATH`: a body named before
/// `=` must be one of the record's; a bare path belongs to every top body.
async fn histories(app: &App, repos: &[String]) -> Result<std::collections::BTreeMap<String, Vec<PathBuf>>> {
    let mut by_body: std::collections::BTreeMap<String, Vec<PathBuf>> = std::collections::BTreeMap::new();
    if repos.is_empty() {
        return Ok(by_body);
    }
    let live = app.record.live.read().await;
    let polity = &live.state.polity;
    for repo in repos {
        let (bodies, path) = match repo.split_once('=') {
            Some((body, path)) if polity.body(body).is_some() => (vec![body.to_owned()], path),
            Some((body, _)) if !std::path::Path::new(repo).exists() => bail!(
                "{}",
                crate::say(
                    "cli-serve-repo-no-body",
                    &[
                        ("repo", &format!("{repo:?}")),
                        ("body", &format!("{body:?}")),
                        (
                            "bodies",
                            &polity
                                .bodies
                                .iter()
                                .map(|body| body.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ]
                )
            ),
            _ => (
                polity
                    .bodies
                    .iter()
                    .filter(|body| body.parent.is_none())
                    .map(|body| body.id.clone())
                    .collect(),
                repo.as_str(),
            ),
        };
        if !std::path::Path::new(path).exists() {
            bail!(
                "{}",
                crate::say(
                    "cli-serve-repo-missing",
                    &[("repo", &format!("{repo:?}")), ("path", path)]
                )
            );
        }
        for body in bodies {
            by_body.entry(body).or_default().push(PathBuf::from(path));
        }
    }
    Ok(by_body)
}

/// Reads the bodies' repositories on a blocking thread, now and every hour, into `app.histories`.
fn read_histories(app: std::sync::Arc<App>, by_body: std::collections::BTreeMap<String, Vec<PathBuf>>) {
    if let Ok(mut histories) = app.histories.write() {
        for body in by_body.keys() {
            histories.insert(body.clone(), polity_server::History::Reading);
        }
    }
    tokio::spawn(async move {
        loop {
            for (body, repos) in &by_body {
                let repos = repos.clone();
                let read = tokio::task::spawn_blocking(move || {
                    let options = polity_contrib::IngestOptions {
                        cache: std::env::var_os("POLITY_CACHE_DIR")
                            .map(PathBuf::from)
                            .or_else(crate::stats::default_cache_dir),
                        ..polity_contrib::IngestOptions::default()
                    };
                    crate::stats::read_repositories(&repos, &options)
                })
                .await;
                let history = match read {
                    Ok(Ok(contributions)) => polity_server::History::Read(std::sync::Arc::new(contributions)),
                    Ok(Err(error)) => {
                        eprintln!(
                            "{}",
                            crate::say(
                                "cli-serve-history-failed",
                                &[("body", body.as_str()), ("error", &format!("{error:#}"))]
                            )
                        );
                        polity_server::History::Failed(format!("{error:#}"))
                    }
                    Err(error) => polity_server::History::Failed(error.to_string()),
                };
                if let Ok(mut histories) = app.histories.write() {
                    // A later read that fails keeps the history read before.
                    let keep = matches!(history, polity_server::History::Failed(_))
                        && matches!(histories.get(body), Some(polity_server::History::Read(_)));
                    if !keep {
                        histories.insert(body.clone(), history);
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create or replace an account; the password is read from standard input (one line).
    Add {
        login: String,
        /// The registry person the account acts as.
        #[arg(long)]
        person: Option<String>,
        /// A GitHub login allowed to sign in to this account.
        #[arg(long)]
        github: Option<String>,
        /// May create accounts.
        #[arg(long)]
        admin: bool,
        /// Read a password from standard input (without it, the account signs in only by GitHub
        /// or by tokens).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Issue an API token for an account (printed once; only its digest is stored).
    Token {
        login: String,
        #[arg(long, default_value = "cli")]
        label: String,
    },
}

pub async fn account(command: AccountCommand, db: &str) -> Result<String> {
    let store = Store::open_existing(db)
        .await
        .with_context(|| crate::say("cli-cannot-open-store", &[("db", db)]))?;
    let app = App::new(store, Config::default()).await?;
    match command {
        AccountCommand::Add {
            login,
            person,
            github,
            admin,
            password_stdin,
        } => {
            let password = if password_stdin {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .with_context(|| crate::say("cli-account-password-stdin", &[]))?;
                Some(text.lines().next().unwrap_or_default().to_owned())
            } else {
                None
            };
            let request = polity_server::AccountRequest {
                login,
                person,
                password,
                github,
                admin,
            };
            let account: Account = polity_server::account_from(&app, request).await?;
            app.record.store.put_account(&account).await?;
            let who = account.person.as_deref().map_or_else(
                || crate::say("cli-account-no-person", &[]),
                |person| crate::say("cli-account-acts-as", &[("person", person)]),
            );
            let key = if account.admin {
                "cli-account-added-admin"
            } else {
                "cli-account-added"
            };
            Ok(crate::say(key, &[("login", &account.login), ("who", &who)]) + "\n")
        }
        AccountCommand::Token { login, label } => {
            let Some(account) = app.record.store.account(&login).await? else {
                bail!(
                    "{}",
                    crate::say("cli-account-no-such", &[("login", &format!("{login:?}"))])
                );
            };
            let token =
                polity_server::auth::issue_token(&app.record.store, &account.login, &label, &app.today().to_string())
                    .await?;
            Ok(format!("{token}\n"))
        }
    }
}

/// `serve --config FILE`: the file's settings become flags, each only where neither the command
/// line nor its POLITY_* variable gives it (a flag wins over the environment, which wins over the
/// file). Every key is a `serve` flag without `--`; an unknown key is an error naming the near
/// ones, and nothing starts.
pub fn with_config(args: Vec<std::ffi::OsString>, serve: &clap::Command) -> Result<Vec<std::ffi::OsString>> {
    let Some(position) = args.iter().position(|arg| arg == "serve") else {
        return Ok(args);
    };
    let rest: Vec<String> = args[position + 1..]
        .iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let file = rest
        .iter()
        .enumerate()
        .find_map(|(index, arg)| match arg.strip_prefix("--config") {
            Some("") => rest.get(index + 1).cloned(),
            Some(value) => value.strip_prefix('=').map(str::to_owned),
            None => None,
        });
    let Some(file) = file else { return Ok(args) };
    let text =
        std::fs::read_to_string(&file).with_context(|| crate::say("cli-config-cannot-read", &[("file", &file)]))?;
    let table: toml::Table = toml::from_str(&text).map_err(|error| anyhow!("{file}: {error}"))?;
    let known: Vec<&clap::Arg> = serve
        .get_arguments()
        .filter(|arg| arg.get_long().is_some_and(|long| long != "config" && long != "help"))
        .collect();
    let mut extra: Vec<std::ffi::OsString> = Vec::new();
    for (key, value) in &table {
        let Some(arg) = known.iter().find(|arg| arg.get_long() == Some(key.as_str())) else {
            let names: Vec<&str> = known.iter().filter_map(|arg| arg.get_long()).collect();
            let near = polity_model::near(key, names.iter().copied());
            bail!(
                "{}",
                crate::say(
                    "cli-config-unknown",
                    &[
                        ("file", &file),
                        ("key", key),
                        ("near", &polity_model::did_you_mean(&near)),
                        ("settings", &names.join(", ")),
                    ]
                )
            );
        };
        let flag = format!("--{key}");
        let on_command_line = rest
            .iter()
            .any(|given| given == &flag || given.starts_with(&format!("{flag}=")));
        let in_environment = arg.get_env().is_some_and(|name| std::env::var_os(name).is_some());
        if on_command_line || in_environment {
            continue;
        }
        let takes_value = arg.get_action().takes_values();
        let values: Vec<String> = match value {
            toml::Value::Array(items) => items.iter().map(scalar).collect::<Result<_>>()?,
            other => vec![scalar(other)?],
        };
        if !takes_value {
            match values.as_slice() {
                [flag_value] if flag_value == "true" => extra.push(flag.clone().into()),
                [flag_value] if flag_value == "false" => {}
                _ => bail!("{}", crate::say("cli-config-flag", &[("file", &file), ("key", key)])),
            }
            continue;
        }
        for item in values {
            extra.push(flag.clone().into());
            extra.push(item.into());
        }
    }
    let mut out = args;
    out.extend(extra);
    Ok(out)
}

fn scalar(value: &toml::Value) -> Result<String> {
    match value {
        toml::Value::String(text) => Ok(text.clone()),
        toml::Value::Integer(number) => Ok(number.to_string()),
        toml::Value::Boolean(flag) => Ok(flag.to_string()),
        other => bail!("{}", crate::say("cli-config-scalar", &[("value", &other.to_string())])),
    }
}
