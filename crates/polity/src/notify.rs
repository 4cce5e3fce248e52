//! `polity notify`: what the record owes people as of a date, written to the outbox once and sent
//! by e-mail when an SMTP server is given (otherwise `polity serve --smtp` sends it).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Context as _, Result};
use clap::Args;
use polity_server::notify::{self, Mailer, Outbound};

use crate::record::{self, Actor, Record};

#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// List what is owed (recipient, kind, subject) and change nothing: no outbox row, no mail.
    #[arg(long)]
    pub dry_run: bool,
    /// The SMTP server that sends now: smtps://HOST[:PORT] (TLS) or smtp://HOST[:PORT]?tls=required
    /// (STARTTLS); plain smtp:// only to this machine. The user name and password come from
    /// POLITY_SMTP_USERNAME and POLITY_SMTP_PASSWORD. Without it, messages wait in the outbox.
    #[arg(long, env = "POLITY_SMTP_URL", value_name = "URL")]
    pub smtp: Option<String>,
    /// The sender, e.g. "Governance <governance@example.org>".
    #[arg(long = "from", env = "POLITY_MAIL_FROM", value_name = "ADDRESS")]
    pub from: Option<String>,
    /// The server's public address, for the links in messages (e.g. https://gov.example.org).
    #[arg(long, env = "POLITY_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// human (the default) or json.
    #[arg(long, value_parser = crate::parse_output_format)]
    pub format: Option<crate::OutputFormat>,
    /// The same as `--format json`.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub actor: Actor,
}

/// The SMTP sender from the flags and the environment, if one is asked for.
pub(crate) fn mailer(smtp: Option<&str>, from: Option<&str>) -> Result<Option<Mailer>> {
    let Some(url) = smtp else {
        return Ok(None);
    };
    let from =
        from.context("--smtp needs a sender: --from \"Governance <governance@example.org>\" (or POLITY_MAIL_FROM)")?;
    let credentials = match (
        std::env::var("POLITY_SMTP_USERNAME"),
        std::env::var("POLITY_SMTP_PASSWORD"),
    ) {
        (Ok(user), Ok(password)) => Some((user, password)),
        (Err(_), Err(_)) => None,
        _ => anyhow::bail!("{}", crate::say("cli-smtp-both", &[])),
    };
    Ok(Some(Mailer::new(url, from, credentials)?))
}

/// The webhooks' secrets, read from the environment variables the registry names.
pub(crate) fn webhook_secrets(polity: &polity_model::Polity) -> BTreeMap<String, String> {
    polity
        .constitution
        .webhooks
        .iter()
        .filter_map(|webhook| {
            std::env::var(&webhook.secret_env)
                .ok()
                .filter(|secret| !secret.is_empty())
                .map(|secret| (webhook.secret_env.clone(), secret))
        })
        .collect()
}

pub async fn run(args: &NotifyArgs) -> Result<String> {
    let json = args.json || args.format == Some(crate::OutputFormat::Json);
    let mailer = if args.dry_run {
        None
    } else {
        mailer(args.smtp.as_deref(), args.from.as_deref())?
    };
    let record = Record::open(&args.actor.db).await?;
    // Today in the community's time zone, as for every act.
    let zone = record.state.polity.constitution.time_zone.as_deref().or(Some("UTC"));
    let at = record::act_date_in(&args.actor, record.state.recorded.then_some(zone).flatten())?;
    let options = polity_notify::Options {
        base_url: args.public_url.clone(),
        ..polity_notify::Options::default()
    };
    let notices = polity_notify::owed(&record.state, at, &options);
    let (rows, _) = notify::mail_rows(&notices);
    let unreachable: Vec<&str> = notices
        .iter()
        .filter(|notice| notice.address.is_none())
        .map(|notice| notice.person.as_str())
        .collect();
    let (queued, delivered) = if args.dry_run {
        (None, None)
    } else {
        let now = jiff::Timestamp::now().as_second();
        let queued = record.store.enqueue(&rows, now).await?;
        let delivered = match mailer {
            Some(mailer) => {
                let outbound = Outbound::new(
                    Some(mailer),
                    args.public_url.clone(),
                    webhook_secrets(&record.state.polity),
                );
                Some(notify::deliver(&record.store, &outbound).await?)
            }
            None => None,
        };
        (Some(queued), delivered)
    };
    if json {
        let listed: Vec<serde_json::Value> = notices
            .iter()
            .map(|notice| {
                serde_json::json!({
                    "key": notice.key,
                    "kind": notice.kind.name(),
                    "person": notice.person,
                    "address": notice.address,
                    "lang": notice.lang.tag(),
                    "subject": notice.subject,
                })
            })
            .collect();
        let mut value = serde_json::json!({
            "at": at.to_string(),
            "dry_run": args.dry_run,
            "notices": listed,
            "unreachable": unreachable,
        });
        if let Some(queued) = queued {
            value["queued"] = queued.into();
        }
        if let Some(delivered) = delivered {
            value["sent"] = delivered.sent.into();
            value["failed"] = delivered.failed.into();
        }
        return Ok(format!("{}\n", serde_json::to_string_pretty(&value)?));
    }
    let mut out = String::new();
    let day = at.to_string();
    if notices.is_empty() {
        let _ = writeln!(out, "{}", crate::say("cli-notify-nothing", &[("at", &day)]));
        return Ok(out);
    }
    let owed = notices.len().to_string();
    let _ = writeln!(
        out,
        "{}",
        crate::say("cli-notify-owed", &[("count", &owed), ("at", &day)])
    );
    for notice in &notices {
        let to = match &notice.address {
            Some(address) => format!("{} <{address}>", notice.person),
            None => crate::say("cli-notify-no-address", &[("person", &notice.person)]),
        };
        let pad = " ".repeat(28usize.saturating_sub(crate::rules::columns(&to)));
        let _ = writeln!(out, "  {:<21} {to}{pad} {}", notice.kind.name(), notice.subject);
    }
    if !unreachable.is_empty() {
        let mut people: Vec<&str> = unreachable.clone();
        people.sort();
        people.dedup();
        let _ = writeln!(
            out,
            "{}",
            crate::say("cli-notify-unreachable", &[("people", &people.join(", "))])
        );
    }
    match (queued, delivered) {
        (None, _) => {
            let _ = writeln!(out, "{}", crate::say("cli-notify-dry-run", &[]));
        }
        (Some(queued), None) => {
            let already = (rows.len() - queued).to_string();
            let said = crate::say(
                "cli-notify-queued",
                &[("queued", &queued.to_string()), ("already", &already)],
            );
            let _ = writeln!(out, "{said}");
        }
        (Some(queued), Some(delivered)) => {
            let said = crate::say(
                "cli-notify-sent",
                &[
                    ("queued", &queued.to_string()),
                    ("sent", &delivered.sent.to_string()),
                    ("failed", &delivered.failed.to_string()),
                ],
            );
            let _ = writeln!(out, "{said}");
        }
    }
    Ok(out)
}

/// `polity outbox`: the messages written, newest first, with whether each was sent.
pub async fn outbox(actor: &Actor, json: bool) -> Result<String> {
    let record = Record::open(&actor.db).await?;
    let rows = record.store.outbox(1_000).await?;
    let state = |row: &polity_store::OutboxRow| match (row.sent, row.given_up()) {
        (Some(_), _) => "sent",
        (None, true) => "given up",
        (None, false) if row.attempts > 0 => "retrying",
        (None, false) => "waiting",
    };
    let at = |seconds: i64| {
        jiff::Timestamp::from_second(seconds).map_or_else(|_| seconds.to_string(), |time| time.to_string())
    };
    if json {
        let listed: Vec<serde_json::Value> = rows
            .iter()
            .map(|row| {
                serde_json::json!({
                    "key": row.message.key,
                    "channel": row.message.channel,
                    "kind": row.message.kind,
                    "to": row.message.address,
                    "subject": row.message.subject,
                    "state": state(row),
                    "created": at(row.created),
                    "sent": row.sent.map(at),
                    "attempts": row.attempts,
                    "last_error": row.last_error,
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::to_string_pretty(&listed)?));
    }
    if rows.is_empty() {
        return Ok(format!("{}\n", crate::say("cli-outbox-empty", &[])));
    }
    let mut out = String::new();
    for row in &rows {
        let _ = writeln!(
            out,
            "{:<9} {:<8} {:<21} {:<32} {}{}",
            state(row),
            row.message.channel,
            row.message.kind,
            row.message.address,
            row.message.subject,
            row.last_error
                .as_ref()
                .map(|error| format!("  (attempt {}: {error})", row.attempts))
                .unwrap_or_default()
        );
    }
    Ok(out)
}
