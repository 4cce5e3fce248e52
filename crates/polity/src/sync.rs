//! `polity sync`: the registry folder's commits since the last synced one, each recorded as a
//! `registry-amended` event with what it changes and which of that lacks a recorded process.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use polity_engine::amend::AmendRegistry;
use polity_engine::{Command, Context, Event, SourceFile};

use crate::record::{Actor, Record, refused};
use crate::say;

/// What `sync` was asked to read.
pub struct Options<'a> {
    pub repo: &'a Path,
    pub reference: &'a str,
    pub path: &'a str,
    pub strict: bool,
    pub json: bool,
}

/// The text of one recorded amendment: its commit, then what it changes (`!` and the rule where
/// a process should have made it).
fn amendment_text(event: &Event, out: &mut String) {
    let Event::RegistryAmended {
        commit,
        subject,
        changes,
        problems,
        ..
    } = event
    else {
        return;
    };
    let short: String = commit.chars().take(12).collect();
    let findings = changes.iter().filter(|change| change.rule.is_some()).count();
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            say(
                "cli-sync-unreadable",
                &[
                    ("commit", &short),
                    ("subject", subject),
                    ("problems", &problems.len().to_string())
                ]
            )
        );
        for problem in problems.iter().take(5) {
            let _ = writeln!(out, "  {problem}");
        }
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-sync-commit",
            &[
                ("commit", &short),
                ("subject", subject),
                ("changes", &changes.len().to_string()),
                ("findings", &findings.to_string())
            ]
        )
    );
    for change in changes {
        match &change.rule {
            Some(rule) => {
                let _ = writeln!(
                    out,
                    "  ! {rule} {}:{}: {} — {}",
                    change.file,
                    change.line,
                    change.what,
                    say("cli-sync-no-process", &[])
                );
            }
            None => {
                let _ = writeln!(out, "  - {}:{}: {}", change.file, change.line, change.what);
            }
        }
    }
}

fn json_of(events: &[Event], last_seq: i64) -> Result<String> {
    let amendments: Vec<&Event> = events.iter().collect();
    Ok(format!(
        "{}\n",
        serde_json::to_string_pretty(&serde_json::json!({
            "recorded": amendments,
            "events": last_seq,
        }))?
    ))
}

/// Reads the history and records each new commit. (output, whether every commit was recorded).
pub async fn sync(options: &Options<'_>, actor: &Actor) -> Result<(String, bool)> {
    let mut record = Record::open(&actor.db).await?;
    if !record.state.recorded {
        bail!("{}", say("cli-no-registry", &[("db", &actor.db)]));
    }
    let after = record.state.synced().map(str::to_owned);
    let commits = polity_contrib::history::registry_history(
        options.repo,
        options.reference,
        options.path,
        after.as_deref(),
        &polity_registry::is_source_path,
    )?;
    // The first sync starts after the newest commit whose files are the recorded registry's.
    let commits = match after {
        Some(_) => commits,
        None => {
            let recorded: Vec<(String, String)> = record
                .state
                .sources
                .iter()
                .map(|file| (file.path.clone(), file.content.clone()))
                .collect();
            let mut sorted = recorded.clone();
            sorted.sort();
            let Some(base) = commits.iter().rposition(|commit| commit.files == sorted) else {
                bail!(
                    "{}",
                    say(
                        "cli-sync-no-base",
                        &[
                            ("reference", options.reference),
                            ("path", options.path),
                            ("repo", &options.repo.display().to_string())
                        ]
                    )
                );
            };
            commits.into_iter().skip(base + 1).collect()
        }
    };
    let zone = polity_model::zone_or_utc(record.state.polity.constitution.time_zone.as_deref());
    let by = actor.actor.clone().unwrap_or_else(|| "polity sync".to_owned());
    let mut recorded = Vec::new();
    let mut out = String::new();
    let mut complete = true;
    for commit in commits {
        let files: Vec<SourceFile> = commit
            .files
            .iter()
            .map(|(path, content)| SourceFile {
                path: path.clone(),
                content: content.clone(),
            })
            .collect();
        if same_files(&record.state.sources, &files) {
            continue;
        }
        let moment = commit.time.to_zoned(zone.clone()).datetime();
        let context = Context {
            actor: by.clone(),
            on: moment.date(),
            at: moment.time(),
        };
        let command = Command::AmendRegistry(AmendRegistry {
            commit: commit.id.clone(),
            author: commit.author.clone(),
            date: commit.date.clone(),
            subject: commit.subject.clone(),
            files,
            strict: options.strict,
        });
        if let Err(rejection) = polity_engine::decide(&record.state, &command, &context) {
            let _ = writeln!(out, "{}", refused(&rejection));
            complete = false;
            break;
        }
        let events = record.act(&command, &context, None).await?;
        for event in &events {
            amendment_text(event, &mut out);
        }
        recorded.extend(events);
    }
    if options.json {
        return Ok((json_of(&recorded, record.last_seq)?, complete));
    }
    let none = say("cli-sync-no-commit", &[]);
    let _ = writeln!(
        out,
        "{}",
        say(
            if !complete {
                "cli-sync-stopped"
            } else if recorded.is_empty() {
                "cli-sync-none"
            } else {
                "cli-sync-done"
            },
            &[
                ("commits", &recorded.len().to_string()),
                ("db", &actor.db),
                ("synced", record.state.synced().unwrap_or(&none))
            ]
        )
    );
    Ok((out, complete))
}

/// Whether two file sets are the same files with the same text (in any order).
fn same_files(a: &[SourceFile], b: &[SourceFile]) -> bool {
    a.len() == b.len()
        && a.iter().all(|file| {
            b.iter()
                .any(|other| other.path == file.path && other.content == file.content)
        })
}

/// A finding `polity sync` recorded with an amendment (as `/api/registry` gives it too).
#[derive(Clone, Debug, serde::Deserialize)]
pub struct RecordedFinding {
    pub rule: String,
    pub file: String,
    pub line: u32,
    pub commit: String,
    pub subject: String,
    pub what: String,
}

impl RecordedFinding {
    /// In words, in this run's language.
    pub fn words(&self) -> String {
        let short: String = self.commit.chars().take(12).collect();
        say(
            "cli-sync-recorded-finding",
            &[("commit", &short), ("subject", &self.subject), ("what", &self.what)],
        )
    }
}

/// The findings recorded with amendments, for `check --record`.
pub fn recorded_findings(state: &polity_engine::State) -> Vec<RecordedFinding> {
    state
        .amendments
        .iter()
        .flat_map(|amendment| {
            amendment.changes.iter().filter_map(move |change| {
                Some(RecordedFinding {
                    rule: change.rule.clone()?,
                    file: change.file.clone(),
                    line: change.line,
                    commit: amendment.commit.clone(),
                    subject: amendment.subject.clone(),
                    what: change.what.clone(),
                })
            })
        })
        .collect()
}
