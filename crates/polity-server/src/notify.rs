//! Telling people: the notices owed (`polity_notify::owed`) and the accepted acts (for webhooks)
//! go into the store's outbox once each; a sender claims due rows and delivers them by SMTP or as
//! signed HTTP POSTs, retrying with back-off. Several servers may run this over one database:
//! the outbox's keys and leases make each message go out once.
//!
//! Never a ballot's content or receipt: mails come from `polity_notify`'s templates and webhook
//! bodies say the act in words, with its sequence number and hash, not its payload.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use hmac::{KeyInit as _, Mac as _};
use jiff::civil::Date;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Tokio1Executor};
use polity_model::Polity;
use polity_store::{EventLog as _, OutboxMessage, OutboxRow, Store};

use crate::App;

/// Why an outbound channel cannot be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{0}")]
    Smtp(String),
}

/// Sends e-mail through one SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// `url`: `smtps://HOST[:PORT]` (TLS), `smtp://HOST[:PORT]?tls=required` (STARTTLS), or plain
    /// `smtp://` to this machine only (a local relay, a test server). Credentials come apart from
    /// the URL (the environment, never the command line).
    pub fn new(url: &str, from: &str, credentials: Option<(String, String)>) -> Result<Mailer, SetupError> {
        let from: Mailbox = from.parse().map_err(|error| {
            SetupError::Smtp(format!(
                "the sender address {from:?} is not an e-mail address ({error}): write e.g. `Governance <governance@example.org>`"
            ))
        })?;
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            SetupError::Smtp(format!(
                "{url:?} is not an SMTP URL: write smtps://HOST or smtp://HOST?tls=required"
            ))
        })?;
        if rest.contains('@') {
            return Err(SetupError::Smtp(
                "put the SMTP user name and password in POLITY_SMTP_USERNAME and POLITY_SMTP_PASSWORD, not in the URL \
                 (a command line is visible to every user of the machine)"
                    .to_owned(),
            ));
        }
        let host = rest.split(['/', '?', ':']).next().unwrap_or_default();
        let loopback = matches!(host, "127.0.0.1" | "localhost" | "[::1]");
        let encrypted = scheme == "smtps" || rest.contains("tls=required");
        match scheme {
            "smtp" | "smtps" => {}
            _ => {
                return Err(SetupError::Smtp(format!(
                    "{url:?} is not an SMTP URL: write smtps://HOST or smtp://HOST?tls=required"
                )));
            }
        }
        if !encrypted && !loopback {
            return Err(SetupError::Smtp(format!(
                "{url:?} would send mail (and your password) unencrypted: use smtps://{host} or smtp://{host}?tls=required"
            )));
        }
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| SetupError::Smtp(format!("{url:?}: {error}")))?
            .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    async fn send(&self, row: &OutboxRow) -> Result<(), String> {
        let message = &row.message;
        let to: Mailbox = message
            .address
            .parse()
            .map_err(|error| format!("{:?} is not an address: {error}", message.address))?;
        let email = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                message.body_text.clone(),
                message.body_html.clone(),
            ))
            .map_err(|error| error.to_string())?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }
}

/// Where the outbox goes: e-mail (when an SMTP server is configured) and the registry's webhooks.
#[derive(Clone, Debug)]
pub struct Outbound {
    pub mailer: Option<Mailer>,
    /// This sender's name in the outbox's leases (unique per server process).
    pub sender: String,
    /// Links in messages start with this (the server's public address).
    pub base_url: Option<String>,
    /// Webhook secrets by the name of their environment variable (read once at start).
    pub secrets: BTreeMap<String, String>,
    http: reqwest::Client,
}

impl Outbound {
    pub fn new(mailer: Option<Mailer>, base_url: Option<String>, secrets: BTreeMap<String, String>) -> Outbound {
        let mut nonce = [0u8; 8];
        let _ = getrandom::fill(&mut nonce);
        let sender = format!(
            "{}-{}",
            std::process::id(),
            nonce.iter().map(|byte| format!("{byte:02x}")).collect::<String>()
        );
        Outbound {
            mailer,
            sender,
            base_url,
            secrets,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client without TLS options builds"),
        }
    }
}

/// The notices owed as of `at`, as outbox rows (those of people with an address), and how many
/// people could not be reached for want of one.
pub fn mail_rows(notices: &[polity_notify::Notice]) -> (Vec<OutboxMessage>, usize) {
    let mut rows = Vec::new();
    let mut unreachable = 0;
    for notice in notices {
        match &notice.address {
            Some(address) => rows.push(OutboxMessage {
                key: notice.key.clone(),
                channel: "mail".to_owned(),
                kind: notice.kind.name().to_owned(),
                recipient: notice.person.clone(),
                address: address.clone(),
                lang: notice.lang.tag().to_owned(),
                subject: notice.subject.clone(),
                body_text: notice.text.clone(),
                body_html: notice.html.clone(),
            }),
            None => unreachable += 1,
        }
    }
    (rows, unreachable)
}

/// The webhook body of one stored event: the act in words, never its payload.
pub fn webhook_body(polity: &Polity, stored: &polity_store::StoredEvent, base_url: Option<&str>) -> String {
    let (summary, path) = match serde_json::from_str::<polity_engine::Event>(&stored.payload) {
        Ok(event) => polity_notify::words::describe(&event, polity),
        Err(_) => (format!("A {} was recorded.", stored.kind), "/log".to_owned()),
    };
    let url = match base_url {
        Some(base) => format!("{}{path}", base.trim_end_matches('/')),
        None => path,
    };
    serde_json::json!({
        "community": polity.constitution.name,
        "seq": stored.seq,
        "kind": stored.kind,
        "body": stored.body,
        "recorded_at": stored.recorded_at,
        "hash": stored.hash,
        "summary": summary,
        "url": url,
        "text": format!("{summary} {url}"),
    })
    .to_string()
}

/// The signature header's value: `sha256=` and the hex HMAC-SHA256 of `body` under `secret`.
pub fn signature(secret: &str, body: &str) -> String {
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body.as_bytes());
    let digest = mac.finalize().into_bytes();
    format!(
        "sha256={}",
        digest.iter().map(|byte| format!("{byte:02x}")).collect::<String>()
    )
}

/// What one delivery pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// Writes what is owed as of `at` to the outbox; returns (new rows, people without an address).
pub async fn enqueue_owed(
    app: &App,
    outbound: &Outbound,
    at: Date,
) -> Result<(usize, usize), polity_store::StoreError> {
    let notices = {
        let live = app.record.live.read().await;
        polity_notify::owed(
            &live.state,
            at,
            &polity_notify::Options {
                base_url: outbound.base_url.clone(),
                ..polity_notify::Options::default()
            },
        )
    };
    let (rows, unreachable) = mail_rows(&notices);
    Ok((app.record.store.enqueue(&rows, unix_now()).await?, unreachable))
}

/// The record's events not yet given to each webhook become its rows (`webhook/N/SEQ`). A
/// webhook seen for the first time starts at the head: it is told what happens from then on,
/// not the record's history. Webhooks whose secret is not in the environment are skipped.
pub async fn enqueue_webhooks(app: &App, outbound: &Outbound) -> Result<usize, polity_store::StoreError> {
    let store = &app.record.store;
    let webhooks = app.record.live.read().await.state.polity.constitution.webhooks.clone();
    let mut queued = 0;
    for (index, webhook) in webhooks.iter().enumerate() {
        if !outbound.secrets.contains_key(&webhook.secret_env) {
            continue;
        }
        let name = format!("webhook:{}", webhook.url);
        let Some(mut last) = store.cursor(&name).await? else {
            let (head, _) = store.head().await?;
            store.advance_cursor(&name, head).await?;
            continue;
        };
        loop {
            let page = store.read_page(last, 200).await?;
            let Some(end) = page.last().map(|row| row.seq) else {
                break;
            };
            let polity = app.record.live.read().await.state.polity.clone();
            let rows: Vec<OutboxMessage> = page
                .iter()
                .map(|stored| OutboxMessage {
                    key: format!("webhook/{index}/{}", stored.seq),
                    channel: "webhook".to_owned(),
                    kind: stored.kind.clone(),
                    recipient: webhook.secret_env.clone(),
                    address: webhook.url.clone(),
                    lang: "en".to_owned(),
                    subject: stored.kind.clone(),
                    body_text: webhook_body(&polity, stored, outbound.base_url.as_deref()),
                    body_html: String::new(),
                })
                .collect();
            queued += store.enqueue(&rows, unix_now()).await?;
            store.advance_cursor(&name, end).await?;
            last = end;
        }
    }
    Ok(queued)
}

/// Claims the due rows of the outbox and sends them; a failure is retried later. Mail rows wait
/// while no SMTP server is configured.
pub async fn deliver(store: &Store, outbound: &Outbound) -> Result<Delivered, polity_store::StoreError> {
    let mut done = Delivered::default();
    loop {
        let now = unix_now();
        let rows = store
            .claim(&outbound.sender, now, 120, 50, outbound.mailer.is_some())
            .await?;
        if rows.is_empty() {
            break;
        }
        let mut progressed = false;
        for row in rows {
            let result = match row.message.channel.as_str() {
                "mail" => match &outbound.mailer {
                    Some(mailer) => mailer.send(&row).await,
                    None => Err("no SMTP server is configured (polity serve --smtp)".to_owned()),
                },
                "webhook" => post_webhook(outbound, &row).await,
                other => Err(format!("unknown channel {other:?}")),
            };
            match result {
                Ok(()) => {
                    store.mark_sent(&row.message.key, &outbound.sender, unix_now()).await?;
                    done.sent += 1;
                    progressed = true;
                }
                Err(error) => {
                    store
                        .mark_failed(&row.message.key, &outbound.sender, unix_now(), &error)
                        .await?;
                    done.failed += 1;
                }
            }
        }
        if !progressed {
            break;
        }
    }
    Ok(done)
}

async fn post_webhook(outbound: &Outbound, row: &OutboxRow) -> Result<(), String> {
    let secret = outbound
        .secrets
        .get(&row.message.recipient)
        .ok_or_else(|| format!("the environment variable {} is not set", row.message.recipient))?;
    let response = outbound
        .http
        .post(&row.message.address)
        .header("content-type", "application/json")
        .header("x-polity-event", &row.message.kind)
        .header("x-polity-delivery", &row.message.key)
        .header("x-polity-signature", signature(secret, &row.message.body_text))
        .body(row.message.body_text.clone())
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(format!("the receiver answered {}", response.status()))
    }
}

/// Runs in the background of `polity serve`: every `every`, reads what other servers recorded,
/// writes what is owed to the outbox, and delivers it.
pub fn spawn(app: Arc<App>, outbound: Outbound, every: Duration) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = pass(&app, &outbound).await {
                eprintln!("polity serve: notifications: {error}");
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// One round of the background loop.
pub async fn pass(app: &App, outbound: &Outbound) -> Result<Delivered, polity_store::StoreError> {
    let _ = app.record.refresh().await;
    if outbound.mailer.is_some() {
        enqueue_owed(app, outbound, app.today()).await?;
    }
    enqueue_webhooks(app, outbound).await?;
    deliver(&app.record.store, outbound).await
}
