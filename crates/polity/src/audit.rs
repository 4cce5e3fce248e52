//! The public record as read by `polity log` and `polity audit` (verify, checkpoint,
//! state-hash): nothing here changes the record but the checkpoints it keeps.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};
use polity_engine::State;
use polity_store::{EventLog, Store};

use crate::record::{Actor, Record, act_date};

pub async fn log(
    actor: &Actor,
    body: Option<&str>,
    kind: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
    json: bool,
) -> Result<String> {
    // A filter that can match nothing is a mistake to report, not an empty answer.
    if let Some(kind) = kind
        && !polity_engine::EVENT_KINDS.contains(&kind)
    {
        let near: Vec<&str> = polity_engine::EVENT_KINDS
            .iter()
            .copied()
            .filter(|known| {
                (kind.len() >= 3 && known.contains(kind))
                    || known.split('-').any(|word| word.len() >= 4 && kind.contains(word))
            })
            .collect();
        anyhow::bail!(
            "--kind {kind:?} is not an event kind; {}",
            if near.is_empty() {
                format!("the kinds are: {}", polity_engine::EVENT_KINDS.join(", "))
            } else {
                format!("did you mean {}?", near.join(", "))
            }
        );
    }
    // Dates as people write them (`2026/6/1`), compared as the record writes them (ISO).
    let since = since
        .map(|text| crate::parse_date(text, "--since"))
        .transpose()?
        .map(|date| date.to_string());
    let until = until
        .map(|text| crate::parse_date(text, "--until"))
        .transpose()?
        .map(|date| date.to_string());
    let (since, until) = (since.as_deref(), until.as_deref());
    let store = Store::open_existing(&actor.db)
        .await
        .with_context(|| crate::say("cli-cannot-open-store", &[("db", &actor.db)]))?;
    let rows = store.read_after(0).await?;
    let mut out = String::new();
    let mut selected = Vec::new();
    for row in rows {
        let date = row.recorded_at.get(..10).unwrap_or(&row.recorded_at);
        if body.is_some_and(|body| row.body.as_deref() != Some(body))
            || kind.is_some_and(|kind| row.kind != kind)
            || since.is_some_and(|since| date < since)
            || until.is_some_and(|until| date > until)
        {
            continue;
        }
        selected.push(row);
    }
    if json {
        let rows: Vec<serde_json::Value> = selected
            .iter()
            .map(|row| {
                serde_json::json!({
                    "seq": row.seq, "recorded_at": row.recorded_at, "kind": row.kind, "body": row.body,
                    "event": serde_json::from_str::<serde_json::Value>(&row.payload).unwrap_or(serde_json::Value::Null),
                    "hash": row.hash,
                })
            })
            .collect();
        out = serde_json::to_string_pretty(&rows)?;
        out.push('\n');
    } else {
        for row in selected {
            let payload = if row.kind == "registry-recorded" {
                "(the registry's files)".to_owned()
            } else {
                row.payload.clone()
            };
            let _ = writeln!(
                out,
                "{:>6}  {}  {:<20} {:<28} {payload}",
                row.seq,
                row.recorded_at,
                row.body.as_deref().unwrap_or("-"),
                row.kind
            );
        }
    }
    Ok(out)
}

/// `polity audit verify`: the chain, every checkpoint (the files given and those stored in the
/// record), and the ballot stores of open elections. Returns the text and whether all is intact.
pub async fn audit(actor: &Actor, checkpoint_files: &[PathBuf], json: bool) -> Result<(String, bool)> {
    let store = Store::open_existing(&actor.db)
        .await
        .with_context(|| crate::say("cli-cannot-open-store", &[("db", &actor.db)]))?;
    let mut checkpoints = Vec::new();
    for path in checkpoint_files {
        let text = std::fs::read_to_string(path)
            .with_context(|| crate::say("cli-cannot-read-checkpoint", &[("path", &path.display().to_string())]))?;
        checkpoints.push(polity_store::Checkpoint::from_json(&text).with_context(|| format!("in {}", path.display()))?);
    }
    checkpoints.extend(store.checkpoints().await?);
    let mut state = State::default();
    let mut last_seq = 0;
    let replayed = polity_server::live::replay(&store, &mut state, &mut last_seq).await;
    let integrity = polity_server::live::integrity(&store, &state, &checkpoints)
        .await
        .map_err(|error| anyhow!("verifying the record: {error}"))?;
    let mut problems = integrity.problems();
    if let Err(error) = replayed {
        problems.push(format!("the record cannot be replayed: {error}"));
    }
    let report = &integrity.report;
    if json {
        let value = serde_json::json!({
            "intact": problems.is_empty(),
            "events": report.events,
            "head_seq": report.head_seq,
            "head_hash": report.head_hash,
            "checkpoints": integrity.checkpoints,
            "newest_checkpoint": checkpoints.iter().map(|checkpoint| checkpoint.seq).max(),
            "problems": problems,
        });
        return Ok((
            format!("{}\n", serde_json::to_string_pretty(&value)?),
            problems.is_empty(),
        ));
    }
    let mut out = String::new();
    let events = report.events.to_string();
    if problems.is_empty() {
        let head = report.head_seq.to_string();
        let said = crate::say(
            "cli-audit-intact",
            &[("events", &events), ("head", &head), ("hash", &report.head_hash)],
        );
        let _ = writeln!(out, "{said}");
        if integrity.checkpoints > 0 {
            let newest = checkpoints.iter().map(|checkpoint| checkpoint.seq).max().unwrap_or(0);
            let said = crate::say(
                "cli-audit-checkpoints",
                &[
                    ("checkpoints", &integrity.checkpoints.to_string()),
                    ("newest", &newest.to_string()),
                ],
            );
            let _ = writeln!(out, "{said}");
        }
    } else {
        let said = crate::say(
            "cli-audit-tampered",
            &[("problems", &problems.len().to_string()), ("events", &events)],
        );
        let _ = writeln!(out, "{said}");
        for problem in &problems {
            let _ = writeln!(out, "  - {problem}");
        }
    }
    Ok((out, problems.is_empty()))
}

/// `polity audit checkpoint`: signs the head of an intact record and writes the checkpoint.
pub async fn checkpoint(actor: &Actor, key: &Path, out: &Path) -> Result<String> {
    let (text, intact) = audit(actor, &[], false).await?;
    if !intact {
        bail!("{}\n{text}", crate::say("cli-audit-no-checkpoint", &[]));
    }
    let store = Store::open_existing(&actor.db).await?;
    let (signing, created) = polity_store::load_or_create_key(key)?;
    let (seq, hash) = store.head().await?;
    let checkpoint = polity_store::Checkpoint::sign(&signing, seq, &hash, &act_date(actor)?.to_string());
    std::fs::write(out, checkpoint.to_json())
        .with_context(|| crate::say("cli-cannot-write", &[("path", &out.display().to_string())]))?;
    store.add_checkpoint(&checkpoint).await?;
    let mut said = String::new();
    if created {
        let _ = writeln!(
            said,
            "created the key {} (keep it secret, and a copy somewhere safe)",
            key.display()
        );
    }
    let _ = writeln!(
        said,
        "signed event {seq} (hash {hash}) with public key {}; the checkpoint is in {}",
        checkpoint.public_key,
        out.display()
    );
    Ok(said)
}

/// The state digest after a full replay (for checking that replays agree).
pub async fn state_hash(actor: &Actor) -> Result<String> {
    let record = Record::open(&actor.db).await?;
    Ok(format!("{} after event {}\n", record.state.digest(), record.last_seq))
}
