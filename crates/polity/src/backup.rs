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
        .ok_or_else(|| anyhow!("{url:?} is not a store URL: use sqlite:PATH or postgres://USER@HOST/DATABASE"))
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
        anyhow!("cannot run {tool} ({error}): install the PostgreSQL client tools of your server's version")
    })?;
    if !output.status.success() {
        bail!("{tool} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

pub async fn backup(db: &str, out: &Path) -> Result<String> {
    if out.exists() {
        bail!(
            "{} exists already: a backup never overwrites a file; name a new one",
            out.display()
        );
    }
    let store = Store::open_existing(db)
        .await
        .with_context(|| format!("cannot open the store {db}"))?;
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
        return Ok(format!(
            "backed up the record (at least {head} events; head {hash} when it started) to {} with pg_dump; \
             restore it with `polity restore --db postgres://…/EMPTY_DATABASE {}`\n",
            out.display(),
            out.display()
        ));
    }
    let Store::Sqlite(sqlite) = &store else {
        unreachable!("a URL that is not postgres is SQLite")
    };
    let target = out
        .to_str()
        .ok_or_else(|| anyhow!("{} is not a UTF-8 path", out.display()))?;
    sqlite
        .copy_into(target)
        .await
        .with_context(|| format!("cannot write {}", out.display()))?;
    let (text, intact) = verify(&format!("sqlite:{target}")).await?;
    if !intact {
        bail!("the copy does not verify (the record itself may be broken; run `polity audit verify`):\n{text}");
    }
    Ok(format!(
        "backed up the record to {} (a consistent copy; it verifies: {})",
        out.display(),
        text.trim_end()
    ) + "\n")
}

pub async fn restore(db: &str, from: &Path) -> Result<String> {
    if !from.exists() {
        bail!("{} does not exist: name a file made by `polity backup`", from.display());
    }
    if is_postgres(db) {
        // Only into a database without a record: a restore never mixes two records.
        if let Ok(store) = Store::open_existing(db).await {
            let events = store.head().await?.0;
            if let Store::Postgres(postgres) = &store {
                postgres.pool().close().await;
            }
            if events > 0 {
                bail!("{db} holds a record already: restore into a new, empty database");
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
            bail!("{path} exists already: restore into a new file, then move it into place with the servers stopped");
        }
        // A backup that was changed since is refused before it becomes the record.
        let source = from
            .to_str()
            .ok_or_else(|| anyhow!("{} is not a UTF-8 path", from.display()))?;
        let (text, intact) = verify(&format!("sqlite:{source}")).await?;
        if !intact {
            bail!("{} does not verify; nothing was restored:\n{text}", from.display());
        }
        std::fs::copy(from, path).with_context(|| format!("cannot write {path}"))?;
    }
    let (text, intact) = verify(db).await?;
    if !intact {
        bail!("the restored record does not verify:\n{text}");
    }
    Ok(format!(
        "restored {} into {db}; it verifies: {}",
        from.display(),
        text.trim_end()
    ) + "\n")
}
