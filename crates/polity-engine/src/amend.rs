//! Files and the record together (`polity sync`): a commit that changes the registry folder
//! becomes a `registry-amended` event carrying the commit, the files it changed, and what it does
//! to the structure. A change that should have come from a recorded process (a seat given with no
//! election or appointment, a body's state changed with no motion, …) is a finding of the
//! amendment, kept with it; `strict` refuses such a commit instead.
//!
//! The record stays the union of the files and of what processes did since the files were last
//! read: a term an election started that the files do not show yet (not exported) is kept over an
//! amendment, and forgotten once the files show it.

use polity_model::diff::{Change, changes};
use polity_model::{LifecycleState, Polity};
use serde::{Deserialize, Serialize};

use crate::{Event, Rejection, RuleId, SourceFile, State, refusal};

/// What an amendment does, as the record keeps it: the words, the body, where in the files, and
/// the rule whose process should have made it (a finding) when it should have come from one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendedChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub what: String,
    /// The file (relative to the registry folder) and line the change is on.
    pub file: String,
    pub line: u32,
    /// The rule id (`E3`, `L1`, …) whose process should have made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// One recorded amendment, as pages and `check --record` show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amendment {
    pub commit: String,
    pub author: String,
    pub date: String,
    pub subject: String,
    pub changes: Vec<AmendedChange>,
    /// Why the commit's registry could not be read (then nothing of it was applied).
    pub problems: Vec<String>,
}

/// The files of the registry as one commit has them, to record as an amendment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmendRegistry {
    /// The commit id (hex).
    pub commit: String,
    /// `Name <email>`.
    pub author: String,
    /// The commit's time, RFC 3339 with the committer's offset.
    pub date: String,
    /// The first line of the commit message.
    pub subject: String,
    /// Every registry file as the commit has it (path relative to the folder, content).
    pub files: Vec<SourceFile>,
    /// Refuse the commit when it holds a change that should have come from a process.
    pub strict: bool,
}

/// Whether an event changes the structure (and so must survive an amendment until the files show
/// it).
pub(crate) fn structural(event: &Event) -> bool {
    matches!(
        event,
        Event::TermStarted { .. }
            | Event::TermEnded { .. }
            | Event::BodyTransitioned { .. }
            | Event::WorkingGroupDissolved { .. }
            | Event::CommitterPromoted { .. }
            | Event::ReportSubmitted { .. }
            | Event::RollRecorded { .. }
            | Event::LiaisonChosen { .. }
    )
}

/// Whether `polity` (read from files) already shows what a structural event did.
fn shown(polity: &Polity, event: &Event) -> bool {
    let person_is = |text: &str, id: &str| polity.person(text).is_some_and(|person| person.id == id);
    let body = |id: &str| polity.body(id);
    match event {
        Event::TermStarted {
            body: id,
            person,
            seat,
            from,
            ..
        } => body(id).is_some_and(|body| {
            body.holders.iter().any(|holding| {
                holding.seat == *seat && holding.from == *from && person_is(&holding.person.text, person)
            })
        }),
        Event::TermEnded {
            body: id,
            person,
            seat,
            on,
            ..
        } => body(id).is_some_and(|body| {
            !body
                .holders
                .iter()
                .any(|holding| holding.seat == *seat && holding.covers(*on) && person_is(&holding.person.text, person))
        }),
        Event::BodyTransitioned { body: id, to, on, .. } => {
            body(id).is_some_and(|body| body.state_on(*on) == Some(*to) || body.state == Some(*to))
        }
        Event::WorkingGroupDissolved { body: id, .. } => {
            body(id).is_some_and(|body| body.state == Some(LifecycleState::Archived))
        }
        Event::CommitterPromoted { body: id, person, .. } => body(id).is_some_and(|body| {
            body.committers
                .iter()
                .flatten()
                .any(|committer| person_is(&committer.text, person))
        }),
        Event::ReportSubmitted {
            body: id, on, report, ..
        } => body(id).is_some_and(|body| body.reports.iter().any(|r| r.on == *on && r.kind == *report)),
        Event::RollRecorded { members, .. } => {
            let roll: std::collections::BTreeSet<&str> = polity
                .constitution
                .roll
                .iter()
                .map(|member| member.text.as_str())
                .collect();
            roll == members.iter().map(String::as_str).collect()
        }
        Event::LiaisonChosen {
            body: id, area, person, ..
        } => body(id).is_some_and(|body| {
            body.liaisons
                .get(area)
                .is_some_and(|people| people.len() == 1 && person_is(&people[0].text, person))
        }),
        _ => true,
    }
}

/// The files after `changed` (whole set) replace `current`: (the new file set, the files that
/// differ or are new, the paths removed).
fn file_changes(current: &[SourceFile], changed: &[SourceFile]) -> (Vec<SourceFile>, Vec<String>) {
    let differ = changed
        .iter()
        .filter(|file| {
            !current
                .iter()
                .any(|old| old.path == file.path && old.content == file.content)
        })
        .cloned()
        .collect();
    let removed = current
        .iter()
        .filter(|old| !changed.iter().any(|file| file.path == old.path))
        .map(|old| old.path.clone())
        .collect();
    (differ, removed)
}

/// The files of the registry after applying `files` (changed or new) and `removed` to `current`,
/// in the order `polity_registry::read_sources` gives (the constitution, people, organisations,
/// then bodies by name).
fn apply_files(current: &[SourceFile], files: &[SourceFile], removed: &[String]) -> Vec<SourceFile> {
    let mut out: Vec<SourceFile> = current
        .iter()
        .filter(|old| !removed.contains(&old.path) && !files.iter().any(|file| file.path == old.path))
        .cloned()
        .chain(files.iter().cloned())
        .collect();
    out.sort_by_key(|file| (polity_registry::source_rank(&file.path), file.path.clone()));
    out
}

/// The registry the record holds after an amendment to `sources`: the files read, then every
/// structural event since the files were last read that they do not show yet, applied again.
/// Returns the state's new polity and the events still not shown.
fn amended(state: &State, sources: &[SourceFile]) -> (Polity, Vec<Event>, Vec<String>) {
    let loaded = polity_registry::load_sources(
        &sources
            .iter()
            .map(|file| (file.path.clone(), file.content.clone()))
            .collect::<Vec<_>>(),
    );
    let problems: Vec<String> = loaded
        .findings
        .iter()
        .filter(|finding| finding.severity == polity_model::Severity::Error)
        .filter(|finding| matches!(finding.rule, RuleId::RSyntax | RuleId::RSchema | RuleId::RValue))
        .map(|finding| {
            let file = finding.loc.map_or("", |loc| loaded.polity.file_name(loc));
            let line = finding.loc.map_or(0, |loc| loc.line);
            format!("{file}:{line}: {} {}", finding.rule, finding.message)
        })
        .collect();
    let mut scratch = State {
        polity: loaded.polity,
        recorded: true,
        ..State::default()
    };
    let mut pending = Vec::new();
    for event in &state.since_files {
        if !shown(&scratch.polity, event) {
            crate::apply_structure(&mut scratch, event);
            pending.push(event.clone());
        }
    }
    (scratch.polity, pending, problems)
}

fn stored(change: &Change, polity: &Polity) -> AmendedChange {
    AmendedChange {
        body: change.body.clone(),
        what: change.what.clone(),
        file: polity.file_name(change.loc).to_owned(),
        line: change.loc.line,
        rule: change.needs.map(|rule| rule.to_string()),
    }
}

/// The edits of changed files that the structural comparison does not name (a proposal's plan,
/// a charter's wording, a meeting's cadence): one change per file, naming its keys.
fn other_edits(state: &State, files: &[SourceFile], removed: &[String], found: &[AmendedChange]) -> Vec<AmendedChange> {
    let mut out = Vec::new();
    for file in files {
        if found.iter().any(|change| change.file == file.path) {
            continue;
        }
        let old = state.sources.iter().find(|old| old.path == file.path);
        let what = match old {
            None => format!("{} is a new file", file.path),
            Some(old) => match polity_registry::keys::changed_keys(&old.content, &file.content) {
                Some(keys) if keys.is_empty() => continue,
                Some(keys) => format!("{} changes: {}", file.path, keys.join(", ")),
                None => format!("{} changes", file.path),
            },
        };
        out.push(AmendedChange {
            body: None,
            what,
            file: file.path.clone(),
            line: 1,
            rule: None,
        });
    }
    for path in removed {
        if !found.iter().any(|change| change.file == *path) {
            out.push(AmendedChange {
                body: None,
                what: format!("{path} is removed"),
                file: path.clone(),
                line: 1,
                rule: None,
            });
        }
    }
    out
}

/// `decide` for an amendment: what the commit changes, and its findings; refused when the record
/// has the commit already, when it changes nothing, or (strict) when it holds a finding or its
/// registry cannot be read.
pub(crate) fn decide(
    state: &State,
    command: &AmendRegistry,
    context: &crate::Context,
) -> Result<Vec<Event>, Rejection> {
    if state
        .amendments
        .iter()
        .any(|amendment| amendment.commit == command.commit)
    {
        return refusal(
            "amend-known",
            RuleId::RInit,
            &[("commit", command.commit.clone())],
            format!("commit {} is recorded already", command.commit),
            "nothing to do: `polity sync` records each commit once",
        );
    }
    let (files, removed) = file_changes(&state.sources, &command.files);
    if files.is_empty() && removed.is_empty() {
        return refusal(
            "amend-same",
            RuleId::RInit,
            &[("commit", command.commit.clone())],
            format!("commit {} leaves the registry as the record has it", command.commit),
            "nothing to record",
        );
    }
    let sources = apply_files(&state.sources, &files, &removed);
    let (polity, _, problems) = amended(state, &sources);
    let found: Vec<AmendedChange> = if problems.is_empty() {
        let mut found: Vec<AmendedChange> = changes(&state.polity, &polity, context.on)
            .iter()
            .map(|change| stored(change, &polity))
            .collect();
        found.extend(other_edits(state, &files, &removed, &found));
        found
    } else {
        Vec::new()
    };
    if command.strict {
        if let Some(problem) = problems.first() {
            return refusal(
                "amend-unreadable",
                RuleId::RSyntax,
                &[("commit", command.commit.clone()), ("problem", problem.clone())],
                format!(
                    "the registry of commit {} cannot be read ({} problem(s)), the first: {problem}",
                    command.commit,
                    problems.len()
                ),
                "fix the files in a new commit and sync again; nothing was recorded",
            );
        }
        let findings: Vec<&AmendedChange> = found.iter().filter(|change| change.rule.is_some()).collect();
        if let Some(first) = findings.first() {
            let rule = first.rule.as_deref().and_then(RuleId::parse).unwrap_or(RuleId::RInit);
            return refusal(
                "amend-unprocessed",
                rule,
                &[
                    ("commit", command.commit.clone()),
                    ("count", findings.len().to_string()),
                    ("what", first.what.clone()),
                ],
                format!(
                    "commit {} makes {} change(s) that should come from a recorded process, the first: {} ({}:{}), and the record has no process that did it",
                    command.commit,
                    findings.len(),
                    first.what,
                    first.file,
                    first.line
                ),
                "run the process in the record (an election, an appointment, a motion) and export it, or sync without --strict to record the change with its findings; nothing was recorded",
            );
        }
    }
    Ok(vec![Event::RegistryAmended {
        commit: command.commit.clone(),
        author: command.author.clone(),
        date: command.date.clone(),
        subject: command.subject.clone(),
        files,
        removed,
        changes: found,
        problems,
        by: context.actor.clone(),
    }])
}

/// `evolve` for `registry-amended` (and the start of the files' history at `registry-recorded`).
pub(crate) fn evolve(state: &mut State, event: &Event) {
    let Event::RegistryAmended {
        commit,
        author,
        date,
        subject,
        files,
        removed,
        changes,
        problems,
        ..
    } = event
    else {
        return;
    };
    state.amendments.push(Amendment {
        commit: commit.clone(),
        author: author.clone(),
        date: date.clone(),
        subject: subject.clone(),
        changes: changes.clone(),
        problems: problems.clone(),
    });
    if !problems.is_empty() {
        return;
    }
    let sources = apply_files(&state.sources, files, removed);
    let (polity, pending, _) = amended(state, &sources);
    state.polity = polity;
    state.sources = sources;
    state.since_files = pending;
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::testing::{given, refused};
    use crate::{Command, Event, RuleId, State};

    fn amend(state: &State, commit: &str, edit: impl Fn(&str, String) -> String) -> Command {
        Command::AmendRegistry(super::AmendRegistry {
            commit: commit.to_owned(),
            author: "Bea <bea@example.org>".to_owned(),
            date: "2026-06-05T12:00:00+00:00".to_owned(),
            subject: "a change".to_owned(),
            files: state
                .sources
                .iter()
                .map(|file| crate::SourceFile {
                    path: file.path.clone(),
                    content: edit(&file.path, file.content.clone()),
                })
                .collect(),
            strict: false,
        })
    }

    #[test]
    fn r_value_an_amendment_needs_a_hex_commit_id_and_a_recorded_registry() {
        let record = given("cfn-working-group");
        let edit = |path: &str, text: String| {
            if path == "people.yaml" {
                text + "- { id: zoe, name: Zoe Zed }\n"
            } else {
                text
            }
        };
        let hostile = amend(&record.state, "HEAD; rm -rf /", edit);
        refused(record.when("polity sync", date(2026, 6, 5), &hostile), RuleId::RValue);
        let good = amend(&record.state, "0123456789abcdef0123456789abcdef01234567", edit);
        let events = record.when("polity sync", date(2026, 6, 5), &good).unwrap();
        assert!(
            matches!(&events[0], Event::RegistryAmended { changes, .. } if changes[0].what == "zoe is a new person")
        );
        // Nothing changes: refused, and a commit is recorded once.
        let same = amend(&record.state, "89abcdef01234567", |_, text| text);
        refused(record.when("polity sync", date(2026, 6, 5), &same), RuleId::RInit);
        let mut again = given("cfn-working-group");
        again.events(&events);
        refused(again.when("polity sync", date(2026, 6, 6), &good), RuleId::RInit);
        // Before any registry is recorded.
        let empty = crate::testing::Given {
            state: State::default(),
        };
        refused(empty.when("polity sync", date(2026, 6, 5), &good), RuleId::RInit);
    }
}
