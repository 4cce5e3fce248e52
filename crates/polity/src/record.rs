//! The record's commands: `init`, `export`, `log`, `audit verify`, and the processes (reports,
//! motions, elections) as acts of a person at a time, each decided against the replayed state
//! and appended to the store only when allowed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};
use clap::{Args, Subcommand};
use jiff::civil::Date;
use polity_count::motion::Choice;
use polity_engine::command;
use polity_engine::{Command, Context, Event, Phase, SourceFile, State, Subject, decide, evolve};
use polity_model::{LifecycleState, ReportKind, Seat};
use polity_store::{EventLog, SecretBallot, Store, StoreError};

mod acts;
mod demo;
pub use acts::{election, liaison, meeting, motion, proposal, report, simple};
pub use demo::demo;

/// Where the record is, who acts, and when.
#[derive(Debug, Args)]
pub struct Actor {
    /// The store: sqlite:PATH (the default, created if missing) or postgres://USER@HOST/DB.
    #[arg(long, global = true, default_value = "sqlite:polity.db", env = "POLITY_DB")]
    pub db: String,
    /// The person acting (id or @handle).
    #[arg(long = "as", global = true)]
    pub actor: Option<String>,
    /// When the act happens, in the community's time zone: a date (YYYY-MM-DD, as that day begins) or a date and time (`2026-07-01 18:00`); now when absent.
    #[arg(long, global = true)]
    pub at: Option<String>,
    /// An ed25519 key file: closing an election or a motion then signs a checkpoint of the
    /// record (see `polity audit checkpoint`).
    #[arg(long, global = true, env = "POLITY_CHECKPOINT_KEY", value_name = "FILE")]
    pub checkpoint_key: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Submit a report (L8).
    Submit {
        body: String,
        #[arg(long)]
        annual: bool,
        #[arg(long)]
        link: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MotionCommand {
    /// Open a motion in a body; with --transition BODY:STATE it moves a group when it carries.
    Open {
        body: String,
        #[arg(long)]
        title: String,
        /// A decision rule of the constitution (default: the body's).
        #[arg(long)]
        rule: Option<String>,
        /// e.g. `use-case:forming`, `use-case:active`, `use-case:archived`.
        #[arg(long)]
        transition: Option<String>,
        /// Promote this person to committer of the body (E11); the committers vote.
        #[arg(long)]
        promote: Option<String>,
        /// End a term early: PERSON:SEAT, e.g. `ravi:chair` (E7, by the overseeing body) or
        /// `cy:ptl` (E4, a recall by the committers).
        #[arg(long)]
        remove: Option<String>,
        /// Appoint: PERSON:SEAT, e.g. `yan:chair` (E5, by the overseeing body) or `vera:tech-lead`
        /// (E6, by the overseeing body and the chairs).
        #[arg(long)]
        appoint: Option<String>,
        /// A motion of no confidence in the body (L6, by the overseeing body).
        #[arg(long)]
        no_confidence: bool,
        /// Vote it in this meeting: only those attending vote, and the quorum (D1) gates it.
        #[arg(long)]
        meeting: Option<String>,
        /// A large decision: every advisory group is consulted before it closes (D8).
        #[arg(long)]
        large: bool,
        /// The date voting closes (YYYY-MM-DD, at the constitution's deadline-time): votes are
        /// taken until then, and the motion is closed once it is reached, or earlier once
        /// everyone who may vote has voted (D3). Without it, the opener or a chair closes it.
        #[arg(long, value_name = "DATE")]
        closes: Option<String>,
    },
    /// Record an advisory group's consultation on a large decision (D8).
    Consult {
        motion: String,
        group: String,
        #[arg(long)]
        summary: String,
    },
    /// Decide a deadlocked motion as the body's final-say holder (S12).
    FinalSay {
        motion: String,
        decision: String,
        #[arg(long)]
        reason: String,
    },
    /// Vote yes, no or abstain; a later vote replaces an earlier one.
    Vote {
        motion: String,
        choice: String,
        /// Vote as the proxy of this absent member (D2).
        #[arg(long = "for")]
        on_behalf_of: Option<String>,
        /// The capacity you vote in (D9), e.g. "personal" or "on behalf of ACME".
        #[arg(long)]
        capacity: Option<String>,
    },
    /// Close the vote and record the explained result.
    Close {
        motion: String,
        /// The chair's casting vote after a tied re-vote (D4).
        #[arg(long)]
        casting_vote: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProposalCommand {
    /// Propose something that passes by lazy consensus unless a member objects by --until (D7).
    Open {
        body: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        until: String,
    },
    /// Object: the proposal becomes a vote of the body.
    Object {
        proposal: String,
        #[arg(long)]
        reason: String,
    },
    /// After the deadline, with no objection: the proposal passed.
    Conclude { proposal: String },
}

#[derive(Debug, Subcommand)]
pub enum LiaisonCommand {
    /// Volunteer for a liaison area of a project (E9).
    Volunteer { body: String, area: String },
    /// As the PTL, choose among the volunteers (E9).
    Choose { body: String, area: String, person: String },
    /// As the area's liaison, sign off within it without the PTL (D10).
    SignOff {
        body: String,
        area: String,
        #[arg(long)]
        subject: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Announce a meeting (D6); the chair whose turn it is is named (E8).
    Schedule {
        body: String,
        #[arg(long)]
        on: String,
    },
    /// Add an agenda item (D5: members, PTLs and sub-group members as the body allows).
    Agenda { meeting: String, item: String },
    /// Ask for an agenda item; a member of the body accepts it (D5).
    Request { meeting: String, item: String },
    /// Accept request number N onto the agenda.
    Accept { meeting: String, request: usize },
    /// Name a proxy before the meeting (D2).
    Proxy { meeting: String, holder: String },
    /// Record who is present; proxies count for the members they hold (D1, D2).
    Attendance {
        meeting: String,
        /// Comma-separated people present.
        #[arg(long)]
        present: String,
    },
    /// Publish the minutes (D6).
    Minutes {
        meeting: String,
        #[arg(long)]
        link: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ElectionCommand {
    /// Open an election for a body's seats (windows from the constitution).
    Open {
        body: String,
        /// member, chair, co-chair, tech-lead or ptl.
        #[arg(long, default_value = "member")]
        seat: String,
        #[arg(long, default_value_t = 1)]
        seats: usize,
        /// Stagger the new terms (E5): the first half of the winners serve the full term, the
        /// rest half of it.
        #[arg(long)]
        stagger: bool,
    },
    /// Nominate a candidate (a person id or @handle) while nominations are open (E1, E3, E4);
    /// who may nominate and who may stand is the body's rule.
    Nominate { election: String, candidate: String },
    /// Accept your nomination, as the nominee (where the body's rule asks for consent, a nominee
    /// who has not consented is dropped when nominations close).
    Consent { election: String },
    /// Withdraw your candidacy, as a nominee, before nominations close.
    Withdraw { election: String },
    /// Publish (or replace) your statement to the voters, as a nominee.
    Statement {
        election: String,
        #[arg(long)]
        text: String,
    },
    /// Close nominations and open voting, as the election's officer: nominees who have not
    /// consented (where consent is required) are dropped, and the ballot lists the rest.
    CloseNominations { election: String },
    /// Cast a secret ranked ballot: --rank "alice>bob=chen>dana" (= ties), or --abstain. Prints
    /// your receipt (public) and your ballot key (secret).
    Vote {
        election: String,
        #[arg(long, required_unless_present = "abstain", conflicts_with = "abstain")]
        rank: Option<String>,
        /// A blank ballot: ranks nobody, counts toward turnout.
        #[arg(long)]
        abstain: bool,
        /// The ballot key you were given with your earlier ballot (not its receipt), to replace it.
        #[arg(long, value_name = "KEY")]
        replace: Option<String>,
    },
    /// Count the ballots, publish the tally sheet and record the new terms.
    Close { election: String },
    /// Record the active members (E2) as of the act's date, from git history and contributions
    /// outside git, as the roll of every `active-members` electorate from then on (the roll
    /// `polity stats electorate` prints). An oversight committee member records it.
    Roll {
        /// A git repository to count; repeat for several.
        #[arg(long = "repo")]
        repos: Vec<PathBuf>,
        /// Contributions outside git (C1): a CSV with the header `date,person,kind,link`.
        #[arg(long)]
        contributions: Option<PathBuf>,
        /// The ref to walk from.
        #[arg(long, default_value = "HEAD")]
        from: String,
        /// Count merge commits too.
        #[arg(long)]
        merges: bool,
    },
    /// Find your ballot in a closed election's published tally sheet.
    VerifyReceipt { election: String, receipt: String },
}

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .with_context(|| crate::say("cli-cannot-start", &[]))
}

pub(crate) fn act_date(actor: &Actor) -> Result<Date> {
    act_date_in(actor, None)
}

/// The act's date: `--at`, else today in the community's time zone (`time-zone:`; `None`: the
/// machine's own zone, for acts before a registry is recorded).
pub(crate) fn act_date_in(actor: &Actor, zone: Option<&str>) -> Result<Date> {
    Ok(act_moment_in(actor, zone)?.date())
}

/// The act's date and time of day: `--at` (`2026-07-01`, as the day begins, or
/// `2026-07-01 18:00`), else now in the community's time zone (`None`: the machine's own zone).
pub(crate) fn act_moment_in(actor: &Actor, zone: Option<&str>) -> Result<jiff::civil::DateTime> {
    match &actor.at {
        Some(text) => crate::parse_moment(text, "--at"),
        None => Ok(match zone {
            Some(name) => {
                let (date, time) = polity_model::now_in(jiff::Timestamp::now(), &polity_model::zone_or_utc(Some(name)));
                date.to_datetime(time)
            }
            None => crate::now_here(),
        }),
    }
}

/// The record opened and replayed.
pub struct Record {
    pub store: Store,
    pub state: State,
    pub last_seq: i64,
    /// Signs a checkpoint after every election and motion close (`--checkpoint-key`).
    signer: Option<PathBuf>,
}

impl Record {
    /// Opens an existing record (a missing SQLite file is an error, never created).
    pub async fn open(db: &str) -> Result<Record> {
        let store = Store::open_existing(db)
            .await
            .with_context(|| crate::say("cli-cannot-open-store", &[("db", db)]))?;
        Record::on(store).await
    }

    /// Opens the record at `db`, creating it when missing (`init`).
    pub async fn create(db: &str) -> Result<Record> {
        let store = Store::open(db)
            .await
            .with_context(|| crate::say("cli-cannot-open-store", &[("db", db)]))?;
        Record::on(store).await
    }

    /// Opens the existing record of `actor.db`, signing checkpoints with `actor.checkpoint_key`.
    pub async fn open_as(actor: &Actor) -> Result<Record> {
        let mut record = Record::open(&actor.db).await?;
        record.signer = actor.checkpoint_key.clone();
        Ok(record)
    }

    async fn on(store: Store) -> Result<Record> {
        let mut record = Record {
            store,
            state: State::default(),
            last_seq: 0,
            signer: None,
        };
        record.catch_up().await?;
        Ok(record)
    }

    async fn catch_up(&mut self) -> Result<()> {
        polity_server::live::replay(&self.store, &mut self.state, &mut self.last_seq)
            .await
            .map_err(|error| anyhow!("reading the record: {error}"))
    }

    /// Decides and appends, retrying after another writer got in first. Returns the events.
    pub async fn act(
        &mut self,
        command: &Command,
        context: &Context,
        ballot: Option<SecretBallot>,
    ) -> Result<Vec<Event>> {
        for _ in 0..5 {
            let events =
                decide(&self.state, command, context).map_err(|rejection| anyhow!("{}", refused(&rejection)))?;
            let rows = polity_server::live::rows(&events, context.on);
            match self.store.append_with_ballot(self.last_seq, rows, ballot.clone()).await {
                Ok(stored) => {
                    for event in &events {
                        evolve(&mut self.state, event);
                    }
                    self.last_seq = stored.last().map_or(self.last_seq, |row| row.seq);
                    let closes = events
                        .iter()
                        .any(|event| matches!(event, Event::ElectionClosed { .. } | Event::MotionClosed { .. }));
                    if let (true, Some(path), Some(last)) = (closes, &self.signer, stored.last()) {
                        let (key, _) = polity_store::load_or_create_key(path)?;
                        let checkpoint =
                            polity_store::Checkpoint::sign(&key, last.seq, &last.hash, &context.on.to_string());
                        self.store.add_checkpoint(&checkpoint).await?;
                    }
                    return Ok(events);
                }
                Err(StoreError::Conflict { .. }) => self.catch_up().await?,
                Err(error) => return Err(error.into()),
            }
        }
        bail!("{}", crate::say("cli-kept-moving", &[]))
    }
}

/// Who acts and when: today in the community's time zone unless `--at` says otherwise.
fn context(actor: &Actor, state: &State) -> Result<Context> {
    let person = actor
        .actor
        .clone()
        .ok_or_else(|| anyhow!("{}", crate::say("cli-say-who", &[])))?;
    let zone = state.polity.constitution.time_zone.as_deref().or(Some("UTC"));
    let now = act_moment_in(actor, state.recorded.then_some(zone).flatten())?;
    Ok(Context {
        actor: person,
        on: now.date(),
        at: now.time(),
    })
}

/// A refusal in this run's language: the rule, why, and what to do (the engine's English words
/// where the refusal has no message in the catalog).
pub(crate) fn refused(rejection: &polity_engine::Rejection) -> String {
    let lang = crate::lang();
    let (message, hint) = match &rejection.words {
        Some(words) if lang != polity_i18n::Lang::En => (
            polity_i18n::text_owned(lang, &format!("refusal-{}", words.key), &words.args),
            polity_i18n::text_owned(lang, &format!("refusal-{}-hint", words.key), &words.args),
        ),
        _ => (rejection.message.clone(), rejection.hint.clone()),
    };
    let rule = rejection.rule.to_string();
    crate::say(
        "cli-refused",
        &[
            ("rule", &rule),
            ("title", &polity_i18n::rule_title(lang, &rule)),
            ("message", &message),
            ("hint", &hint),
        ],
    )
}

/// The recorded events, one line each (`recorded KIND: JSON`); in Chinese a sentence, with the
/// event's JSON on the next line.
fn describe(events: &[Event], polity: &polity_model::Polity) -> String {
    let lang = crate::lang();
    let mut out = String::new();
    for event in events {
        let json = serde_json::to_string(event).expect("events serialise");
        let (sentence, _) = polity_notify::words::describe_in(event, polity, lang);
        let _ = writeln!(
            out,
            "{}",
            crate::say(
                "cli-recorded",
                &[("kind", event.kind()), ("json", &json), ("sentence", &sentence)]
            )
        );
        if lang != polity_i18n::Lang::En {
            let _ = writeln!(out, "  {json}");
        }
    }
    out
}

pub async fn init(registry: &Path, actor: &Actor) -> Result<String> {
    let sources = polity_registry::read_sources(registry)?;
    init_sources(&registry.display().to_string(), sources, actor).await
}

/// Records the registry made of `sources` (path, content) as the first events of a new record.
pub async fn init_sources(name: &str, sources: Vec<(String, String)>, actor: &Actor) -> Result<String> {
    let mut record = Record::create(&actor.db).await?;
    let context = Context::on(
        actor.actor.clone().unwrap_or_else(|| "polity init".to_owned()),
        act_date(actor)?,
    );
    let files = sources
        .into_iter()
        .map(|(path, content)| SourceFile { path, content })
        .collect();
    record
        .act(
            &Command::RecordRegistry(command::RecordRegistry { files }),
            &context,
            None,
        )
        .await?;
    Ok(format!(
        "{}\n",
        crate::say(
            "cli-init-done",
            &[
                ("registry", name),
                ("bodies", &record.state.polity.bodies.len().to_string()),
                ("people", &record.state.polity.people.len().to_string()),
                ("db", &actor.db),
            ]
        )
    ))
}

/// `export --check`: whether the registry folder `dir` says what the record says, compared as
/// data (the same export of both; comments and layout do not count). (text, same).
pub async fn export_check(dir: &Path, actor: &Actor) -> Result<(String, bool)> {
    let record = Record::open(&actor.db).await?;
    if !record.state.recorded {
        bail!("{}", crate::say("cli-no-registry", &[("db", &actor.db)]));
    }
    let loaded = polity_registry::load(dir)?;
    if let Some(error) = loaded
        .findings
        .iter()
        .find(|finding| finding.severity == polity_model::Severity::Error)
    {
        bail!(
            "{} has errors ({}: {}); run `polity check {}` first",
            dir.display(),
            error.rule,
            error.message,
            dir.display()
        );
    }
    let ours = polity_registry::rendered(&polity_registry::export::to_files(&record.state.polity))?;
    let theirs = polity_registry::rendered(&polity_registry::export::to_files(&loaded.polity))?;
    let mut out = String::new();
    let mut differing = 0;
    let paths: std::collections::BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    for path in paths {
        match (ours.get(path), theirs.get(path)) {
            (Some(a), Some(b)) if a == b => {}
            (Some(_), None) => {
                differing += 1;
                let _ = writeln!(out, "{path}: in the record, not in {}", dir.display());
            }
            (None, Some(_)) => {
                differing += 1;
                let _ = writeln!(out, "{path}: in {}, not in the record", dir.display());
            }
            (Some(record_text), Some(files_text)) => {
                differing += 1;
                let _ = writeln!(out, "{path} differs:");
                let record_lines: std::collections::BTreeSet<&str> = record_text.lines().collect();
                let file_lines: std::collections::BTreeSet<&str> = files_text.lines().collect();
                for line in record_text.lines().filter(|line| !file_lines.contains(line)).take(10) {
                    let _ = writeln!(out, "  record: {}", line.trim_end());
                }
                for line in files_text.lines().filter(|line| !record_lines.contains(line)).take(10) {
                    let _ = writeln!(out, "  files:  {}", line.trim_end());
                }
            }
            (None, None) => {}
        }
    }
    if differing == 0 {
        return Ok((
            format!(
                "{}\n",
                crate::say(
                    "cli-export-same",
                    &[
                        ("dir", &dir.display().to_string()),
                        ("seq", &record.last_seq.to_string())
                    ]
                )
            ),
            true,
        ));
    }
    Ok((
        format!(
            "{}\n{out}",
            crate::say(
                "cli-export-differs",
                &[
                    ("files", &differing.to_string()),
                    ("dir", &dir.display().to_string()),
                    ("seq", &record.last_seq.to_string())
                ]
            )
        ),
        false,
    ))
}

pub async fn export(dir: &Path, actor: &Actor) -> Result<String> {
    let record = Record::open(&actor.db).await?;
    if !record.state.recorded {
        bail!("{}", crate::say("cli-no-registry", &[("db", &actor.db)]));
    }
    let files = polity_registry::export::to_files(&record.state.polity);
    polity_registry::write_registry(
        dir,
        &files,
        &format!(
            "# Exported by `polity export` from the record, after event {}.\n",
            record.last_seq
        ),
    )?;
    Ok(format!(
        "{}\n",
        crate::say(
            "cli-export-done",
            &[
                ("seq", &record.last_seq.to_string()),
                ("dir", &dir.display().to_string())
            ]
        )
    ))
}

/// `export --into DIR`: the record's registry written into an existing folder, editing only what
/// differs.
pub async fn export_into(dir: &Path, actor: &Actor) -> Result<String> {
    let record = Record::open(&actor.db).await?;
    if !record.state.recorded {
        bail!("{}", crate::say("cli-no-registry", &[("db", &actor.db)]));
    }
    if !dir.join(polity_registry::load::CONSTITUTION_FILE).is_file() {
        bail!(
            "{}",
            crate::say("cli-export-into-not-a-registry", &[("dir", &dir.display().to_string())])
        );
    }
    let report = polity_registry::patch::export_into(
        dir,
        &record.state.polity,
        &format!(
            "# Exported by `polity export` from the record, after event {}.\n",
            record.last_seq
        ),
    )?;
    let mut out = String::new();
    for (path, outcome) in &report {
        let line = match outcome {
            polity_registry::patch::Outcome::Edited(keys) => {
                crate::say("cli-export-into-edited", &[("path", path), ("keys", &keys.join(", "))])
            }
            polity_registry::patch::Outcome::Written { new: true } => {
                crate::say("cli-export-into-new", &[("path", path)])
            }
            polity_registry::patch::Outcome::Written { new: false } => {
                crate::say("cli-export-into-whole", &[("path", path)])
            }
        };
        let _ = writeln!(out, "  {line}");
    }
    let done = crate::say(
        if report.is_empty() {
            "cli-export-into-same"
        } else {
            "cli-export-into-done"
        },
        &[
            ("seq", &record.last_seq.to_string()),
            ("dir", &dir.display().to_string()),
            ("files", &report.len().to_string()),
        ],
    );
    Ok(format!("{done}\n{out}"))
}

/// `init` and `export --format json`: what the record holds after the command.
pub async fn summary_json(actor: &Actor, done: &str, path: &Path) -> Result<String> {
    let record = Record::open(&actor.db).await?;
    let (head, hash) = polity_store::EventLog::head(&record.store).await?;
    let value = serde_json::json!({
        done: path.display().to_string(),
        "events": head,
        "head_hash": hash,
        "bodies": record.state.polity.bodies.len(),
        "people": record.state.polity.people.len(),
    });
    Ok(format!("{}\n", serde_json::to_string_pretty(&value)?))
}
