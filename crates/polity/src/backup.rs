//! `polity backup` and `polity restore`: a consistent copy of the record and its way back, each
//! verified. SQLite: `VACUUM INTO` (a consistent copy while servers run). PostgreSQL: `pg_dump
//! --format=custom` and `pg_restore` (the PostgreSQL tools, which must be on the PATH).

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, anyhow, bail};
use polity_store::{EventLog as _, Store};

use crate::record::Actor;

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

fn sqlite_path(url: &str) -> Result<&str> {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| anyhow!("{}", crate::say("cli-not-a-store", &[("url", &format!("{url:?}"))])))
}

/// `audit verify` of the store at `url`: (its text, intact).
async fn verify(url: &str) -> Result<(String, bool)> {
    let actor = Actor {
        db: url.to_owned(),
        actor: None,
        at: None,
        checkpoint_key: None,
    };
    crate::audit::audit(&actor, &[], false).await
}

fn run_tool(command: &mut Command, tool: &str) -> Result<()> {
    let output = command.output().map_err(|error| {
        anyhow!(
            "{}",
            crate::say("cli-tool-missing", &[("tool", tool), ("error", &error.to_string())])
        )
    })?;
    if !output.status.success() {
        let error = String::from_utf8_lossy(&output.stderr);
        bail!(
            "{}",
            crate::say("cli-tool-failed", &[("tool", tool), ("error", error.trim())])
        );
    }
    Ok(())
}

pub async fn backup(db: &str, out: &Path) -> Result<String> {
    if out.exists() {
        bail!(
            "{}",
            crate::say("cli-backup-exists", &[("path", &out.display().to_string())])
        );
    }
    let store = Store::open_existing(db)
        .await
        .with_context(|| crate::say("cli-cannot-open-store", &[("db", db)]))?;
    let (head, hash) = store.head().await?;
    if is_postgres(db) {
        run_tool(
            Command::new("pg_dump")
                .arg("--format=custom")
                .arg("--no-owner")
                .arg(format!("--file={}", out.display()))
                .arg(db),
            "pg_dump",
        )?;
        return Ok(crate::say(
            "cli-backup-pg",
            &[
                ("events", &head.to_string()),
                ("hash", &hash),
                ("out", &out.display().to_string()),
            ],
        ) + "\n");
    }
    let Store::Sqlite(sqlite) = &store else {
        unreachable!("a URL that is not postgres is SQLite")
    };
    let target = out.to_str().ok_or_else(|| {
        anyhow!(
            "{}",
            crate::say("cli-not-utf8", &[("path", &out.display().to_string())])
        )
    })?;
    sqlite
        .copy_into(target)
        .await
        .with_context(|| crate::say("cli-cannot-write", &[("path", &out.display().to_string())]))?;
    let (text, intact) = verify(&format!("sqlite:{target}")).await?;
    if !intact {
        bail!("{}\n{text}", crate::say("cli-backup-not-verified", &[]));
    }
    Ok(crate::say(
        "cli-backup-done",
        &[("out", &out.display().to_string()), ("verified", text.trim_end())],
    ) + "\n")
}

pub async fn restore(db: &str, from: &Path) -> Result<String> {
    if !from.exists() {
        bail!(
            "{}",
            crate::say("cli-restore-missing", &[("path", &from.display().to_string())])
        );
    }
    if is_postgres(db) {
        // Only into a database without a record: a restore never mixes two records.
        if let Ok(store) = Store::open_existing(db).await {
            let events = store.head().await?.0;
            if let Store::Postgres(postgres) = &store {
                postgres.pool().close().await;
            }
            if events > 0 {
                bail!("{}", crate::say("cli-restore-not-empty", &[("db", db)]));
            }
        }
        run_tool(
            Command::new("pg_restore")
                .arg("--no-owner")
                .arg("--exit-on-error")
                .arg("--clean")
                .arg("--if-exists")
                .arg(format!("--dbname={db}"))
                .arg(from),
            "pg_restore",
        )?;
    } else {
        let path = sqlite_path(db)?;
        if Path::new(path).exists() {
            bail!("{}", crate::say("cli-restore-exists", &[("path", path)]));
        }
        // A backup that was changed since is refused before it becomes the record.
        let source = from.to_str().ok_or_else(|| {
            anyhow!(
                "{}",
                crate::say("cli-not-utf8", &[("path", &from.display().to_string())])
            )
        })?;
        let (text, intact) = verify(&format!("sqlite:{source}")).await?;
        if !intact {
            bail!(
                "{}\n{text}",
                crate::say("cli-restore-not-verified", &[("path", &from.display().to_string())])
            );
        }
        std::fs::copy(from, path).with_context(|| crate::say("cli-cannot-write", &[("path", path)]))?;
    }
    let (text, intact) = verify(db).await?;
    if !intact {
        bail!("{}\n{text}", crate::say("cli-restored-not-verified", &[]));
    }
    Ok(crate::say(
        "cli-restore-done",
        &[
            ("from", &from.display().to_string()),
            ("db", db),
            ("verified", text.trim_end()),
        ],
    ) + "\n")
}
