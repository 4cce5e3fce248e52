//! The live record: the state replayed from the store and kept in memory, and the one path by
//! which a request changes it (decide, append, evolve).
//!
//! Architecture invariant: no response acknowledges an act before its events are durable. On
//! SQLite, acts are decided one after another under the write lock and queued to the store's
//! writer without waiting for the previous commit (group commit); the state moves on as soon as
//! an act is queued, so the next act is decided against it, and if a queued append fails the state
//! is rebuilt from the store and the act decided again. On PostgreSQL each append is awaited under
//! the lock, and a conflict with another server catches up and decides again.

use std::sync::atomic::{AtomicI64, Ordering};

use jiff::civil::Date;
use polity_engine::command;
use polity_engine::{Command, Context, Event, Phase, Rejection, State, decide, event_body, evolve, secret};
use polity_store::{
    AuditReport, Auditor, Checkpoint, CheckpointProblem, EventLog, NewEvent, SecretBallot, SigningKey, Store,
    StoreError,
};
use tokio::sync::RwLock;

/// The state and the last event it includes.
#[derive(Debug, Default)]
pub struct Live {
    pub state: State,
    pub last_seq: i64,
    /// Counts rebuilds, so that several failed appends rebuild once.
    generation: u64,
}

/// Why an act did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ActError {
    #[error("{0}")]
    Rejected(Rejection),
    /// `decide` accepted a replacement but the replaced ballot is not in the store: it was
    /// removed behind polity's back.
    #[error("integrity: the ballot being replaced (receipt {0}) is missing from the ballot store")]
    UnknownReceipt(String),
    #[error("the record: {0}")]
    Store(#[from] StoreError),
    #[error("a stored ballot or event cannot be read: {0}")]
    Corrupt(String),
    #[error("the record kept moving while deciding; try again")]
    Busy,
    /// An audit found the record broken: polity acts on it no more.
    #[error("the record is broken ({0}); polity records nothing more on it")]
    Broken(String),
    /// The request's data cannot be used (e.g. a contributions CSV with errors).
    #[error("{0}")]
    BadInput(String),
}

/// What an act needs besides the command.
#[derive(Clone, Debug)]
pub enum Extra {
    None,
    /// A secret ballot: its content and the receipt it gets.
    Ballot(SecretBallot),
    /// Closing an election: the command is completed with the stored ballots.
    Ballots,
    /// Recording the roll (E2): the active members are computed from these contributions (C1
    /// CSV text) as of the act's date, with the constitution's rule.
    Contributions {
        csv: String,
        source: String,
    },
}

#[derive(Debug)]
pub struct Record {
    pub store: Store,
    pub live: RwLock<Live>,
    /// The head last seen by the poller (for "catch up" without taking the lock).
    seen: AtomicI64,
    /// Signs a checkpoint of the head after every election and motion close.
    signer: Option<SigningKey>,
    /// The chain verified so far: reads of the audit only verify the rows added since.
    auditor: tokio::sync::Mutex<Auditor>,
    /// Set when an audit finds the record broken: from then on every act is refused.
    broken: std::sync::Mutex<Option<String>>,
    /// Counts of acts and their latency, for `/metrics`.
    pub metrics: crate::metrics::Metrics,
}

impl Record {
    pub async fn open(store: Store) -> Result<Record, ActError> {
        let mut live = Live::default();
        catch_up(&store, &mut live).await?;
        Ok(Record {
            seen: AtomicI64::new(live.last_seq),
            store,
            live: RwLock::new(live),
            signer: None,
            auditor: tokio::sync::Mutex::new(Auditor::default()),
            broken: std::sync::Mutex::new(None),
            metrics: crate::metrics::Metrics::default(),
        })
    }

    /// Signs a checkpoint with `key` after every election and motion close from now on.
    pub fn sign_with(&mut self, key: SigningKey) {
        self.signer = Some(key);
    }

    /// The audit of the chain, incremental: only rows after those verified before are read (in
    /// pages), so that reading the audit costs little however long the record. A change to rows
    /// verified before is found by [`Record::full_audit`] (at start and every ten minutes) and by
    /// `polity audit verify`.
    pub async fn audit(&self) -> Result<AuditReport, ActError> {
        let mut auditor = self.auditor.lock().await;
        let head = self.store.head().await?;
        while auditor.last_seq() < head.0 {
            let rows = self.store.read_page(auditor.last_seq(), 10_000).await?;
            if rows.is_empty() {
                break;
            }
            for row in rows.iter().filter(|row| row.seq <= head.0) {
                auditor.row(row);
            }
            if rows.last().is_some_and(|row| row.seq >= head.0) {
                break;
            }
        }
        let report = auditor.report(head);
        if !report.is_intact() {
            let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
            *self.broken.lock().expect("broken lock") = Some(problems.join("; "));
        }
        Ok(report)
    }

    /// Why the record is broken, if an audit found it so.
    pub fn broken(&self) -> Option<String> {
        self.broken.lock().expect("broken lock").clone()
    }

    /// Audits the whole chain again from the first row, and keeps the result for [`Record::audit`].
    pub async fn full_audit(&self) -> Result<AuditReport, ActError> {
        *self.auditor.lock().await = Auditor::default();
        self.audit().await
    }

    /// Verifies the whole record (see [`integrity`]) against its stored checkpoints.
    pub async fn verify(&self) -> Result<Integrity, ActError> {
        let checkpoints = self.store.checkpoints().await?;
        let live = self.live.read().await;
        integrity(&self.store, &live.state, &checkpoints).await
    }

    /// After a close: a checkpoint of the head as of `stored`, kept in the store. A failure to
    /// sign is reported but does not undo the act (which is durable).
    async fn checkpoint_after(&self, events: &[Event], head: Option<(i64, String)>, on: Date) {
        let closes = events
            .iter()
            .any(|event| matches!(event, Event::ElectionClosed { .. } | Event::MotionClosed { .. }));
        if let (true, Some(key), Some((seq, hash))) = (closes, &self.signer, head) {
            let checkpoint = Checkpoint::sign(key, seq, &hash, &on.to_string());
            if let Err(error) = self.store.add_checkpoint(&checkpoint).await {
                eprintln!("polity serve: storing the checkpoint of event {seq}: {error}");
            }
        }
    }

    /// Reads events appended by others (another server, the CLI) since the last look.
    pub async fn refresh(&self) -> Result<(), ActError> {
        let (head, _) = self.store.head().await?;
        if head <= self.seen.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut live = self.live.write().await;
        if head > live.last_seq {
            catch_up(&self.store, &mut live).await?;
        }
        self.seen.store(live.last_seq.max(head), Ordering::Relaxed);
        Ok(())
    }

    async fn rebuild(&self, generation: u64) -> Result<(), ActError> {
        let mut live = self.live.write().await;
        if live.generation == generation {
            let next = generation + 1;
            *live = Live::default();
            live.generation = next;
            catch_up(&self.store, &mut live).await?;
        }
        Ok(())
    }

    /// Decides `command` as `context.actor` and records it; returns the events once durable.
    pub async fn act(&self, command: Command, extra: Extra, context: &Context) -> Result<Vec<Event>, ActError> {
        let started = std::time::Instant::now();
        self.metrics.start();
        let result = self.act_once_durable(command, extra, context).await;
        self.metrics.finish(&result, started.elapsed());
        result
    }

    async fn act_once_durable(
        &self,
        command: Command,
        extra: Extra,
        context: &Context,
    ) -> Result<Vec<Event>, ActError> {
        if let Some(problems) = self.broken() {
            return Err(ActError::Broken(problems));
        }
        // A refusal is decided under the read lock and writes nothing: a voter spamming bad acts
        // never takes the writer's turn from honest ones.
        if matches!(extra, Extra::None | Extra::Ballot(_)) {
            let live = self.live.read().await;
            if let Err(rejection) = decide(&live.state, &command, context) {
                let seen = live.last_seq;
                drop(live);
                let (head, _) = self.store.head().await?;
                if head <= seen {
                    return Err(ActError::Rejected(rejection));
                }
            }
        }
        for _ in 0..8 {
            let mut live = self.live.write().await;
            let generation = live.generation;
            let command = match (&command, &extra) {
                (Command::CloseElection(command::CloseElection { election, .. }), Extra::Ballots) => {
                    // Every ballot queued before this point must be counted: wait for them.
                    if let Store::Sqlite(sqlite) = &self.store {
                        let barrier = sqlite.enqueue(live.last_seq, Vec::new(), None).await?;
                        if !matches!(barrier.await, Ok(Ok(_))) {
                            drop(live);
                            self.rebuild(generation).await?;
                            continue;
                        }
                    }
                    let mut ballots = Vec::new();
                    for (receipt, content) in self.store.ballots(election).await? {
                        let ranking: Vec<Vec<String>> = serde_json::from_str(&content)
                            .map_err(|error| ActError::Corrupt(format!("ballot {receipt}: {error}")))?;
                        ballots.push((receipt, ranking));
                    }
                    Command::CloseElection(command::CloseElection {
                        election: election.clone(),
                        ballots,
                    })
                }
                (Command::RecordRoll(command::RecordRoll { .. }), Extra::Contributions { csv, source }) => {
                    let polity = &live.state.polity;
                    let Some(rule) = polity.constitution.active_member else {
                        return Err(ActError::BadInput(
                        "the constitution has no `active-member` rule (E2): add `active-member: { contributions: N, within: PERIOD }`"
                            .to_owned(),
                    ));
                    };
                    let found = polity_contrib::contributions_from_csv(polity, csv).map_err(|problems| {
                        let lines: Vec<String> = problems
                            .iter()
                            .map(|problem| format!("line {}: {}", problem.line, problem.reason))
                            .collect();
                        ActError::BadInput(format!(
                            "{} problem(s) in the contributions; nothing was recorded: {}",
                            problems.len(),
                            lines.join("; ")
                        ))
                    })?;
                    let patterns = polity_contrib::bot_patterns(polity);
                    let roll = polity_contrib::electorate(polity, &found, rule, context.on, &patterns);
                    Command::RecordRoll(command::RecordRoll {
                        from: roll.from,
                        rule: format!("at least {} contributions within {}", rule.contributions, rule.within),
                        members: roll.active().into_iter().map(str::to_owned).collect(),
                        sources: vec![source.clone()],
                    })
                }
                _ => command.clone(),
            };
            let events = match decide(&live.state, &command, context) {
                Ok(events) => events,
                Err(rejection) => {
                    // Another server (or the CLI) may have recorded what this act builds on:
                    // read on before refusing.
                    let (head, _) = self.store.head().await?;
                    if head > live.last_seq {
                        catch_up(&self.store, &mut live).await?;
                        continue;
                    }
                    return Err(ActError::Rejected(rejection));
                }
            };
            let rows = rows(&events, context.on);
            let count = rows.len() as i64;
            let ballot = match &extra {
                Extra::Ballot(ballot) => Some(ballot.clone()),
                _ => None,
            };
            match &self.store {
                Store::Sqlite(sqlite) => {
                    let answer = sqlite.enqueue(live.last_seq, rows, ballot).await?;
                    for event in &events {
                        evolve(&mut live.state, event);
                    }
                    live.last_seq += count;
                    drop(live);
                    match answer.await {
                        Ok(Ok(stored)) => {
                            let head = stored.last().map(|row| (row.seq, row.hash.clone()));
                            self.checkpoint_after(&events, head, context.on).await;
                            return Ok(events);
                        }
                        Ok(Err(StoreError::Conflict { .. })) => self.rebuild(generation).await?,
                        Ok(Err(StoreError::UnknownReceipt(receipt))) => {
                            self.rebuild(generation).await?;
                            return Err(ActError::UnknownReceipt(receipt));
                        }
                        Ok(Err(error)) => {
                            self.rebuild(generation).await?;
                            return Err(error.into());
                        }
                        Err(_) => {
                            self.rebuild(generation).await?;
                            return Err(StoreError::WriterGone.into());
                        }
                    }
                }
                Store::Postgres(_) => match self.store.append_with_ballot(live.last_seq, rows, ballot).await {
                    Ok(stored) => {
                        for event in &events {
                            evolve(&mut live.state, event);
                        }
                        live.last_seq += count;
                        drop(live);
                        let head = stored.last().map(|row| (row.seq, row.hash.clone()));
                        self.checkpoint_after(&events, head, context.on).await;
                        return Ok(events);
                    }
                    Err(StoreError::Conflict { .. }) => catch_up(&self.store, &mut live).await?,
                    Err(StoreError::UnknownReceipt(receipt)) => return Err(ActError::UnknownReceipt(receipt)),
                    Err(error) => return Err(error.into()),
                },
            }
        }
        Err(ActError::Busy)
    }
}

/// What verifying a record found: the hash chain, the checkpoints it must extend, and the ballot
/// stores of the elections open for voting (one ballot per voter who cast one, T1).
#[derive(Debug)]
pub struct Integrity {
    pub report: AuditReport,
    pub checkpoints: usize,
    pub checkpoint_problems: Vec<CheckpointProblem>,
    pub ballot_problems: Vec<String>,
}

impl Integrity {
    pub fn is_intact(&self) -> bool {
        self.report.is_intact() && self.checkpoint_problems.is_empty() && self.ballot_problems.is_empty()
    }

    /// Every problem, in words.
    pub fn problems(&self) -> Vec<String> {
        self.report
            .problems
            .iter()
            .map(ToString::to_string)
            .chain(self.checkpoint_problems.iter().map(ToString::to_string))
            .chain(self.ballot_problems.iter().cloned())
            .collect()
    }
}

/// Verifies the record in `store` (whose replayed state is `state`): the chain, each of
/// `checkpoints`, and the ballot store of every election open for voting.
pub async fn integrity(store: &Store, state: &State, checkpoints: &[Checkpoint]) -> Result<Integrity, ActError> {
    let (report, checkpoint_problems) = store.verify(checkpoints).await?;
    let mut ballot_problems = Vec::new();
    for election in state
        .elections
        .values()
        .filter(|election| election.phase == Phase::Voting)
    {
        let mut ballots = Vec::new();
        let mut unreadable = None;
        for (receipt, content) in store.ballots(&election.id).await? {
            match serde_json::from_str::<Vec<Vec<String>>>(&content) {
                Ok(ranking) => ballots.push((receipt, ranking)),
                Err(_) => unreadable = Some(receipt),
            }
        }
        if let Some(receipt) = unreadable {
            ballot_problems.push(format!(
                "integrity: the stored ballot {receipt} of {} cannot be read",
                election.id
            ));
        } else if let Err(rejection) = polity_engine::check_ballot_store(election, &ballots) {
            ballot_problems.push(rejection.message);
        }
    }
    Ok(Integrity {
        report,
        checkpoints: checkpoints.len(),
        checkpoint_problems,
        ballot_problems,
    })
}

/// A new secret ballot: a fresh random key, the command to decide and the row to store (T1).
/// `replaces` is the key of the voter's earlier ballot; the store deletes the row of its receipt.
pub fn new_ballot(
    election: &str,
    ranking: Vec<Vec<String>>,
    abstain: bool,
    replaces: Option<&str>,
) -> Result<(Command, SecretBallot), getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    let key: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    let ballot = SecretBallot {
        election: election.to_owned(),
        receipt: secret::receipt_of(&key),
        content: serde_json::to_string(&ranking).expect("plain data serialises"),
        replaces: replaces
            .and_then(secret::normalise_key)
            .map(|old| secret::receipt_of(&old)),
    };
    let command = Command::CastBallot(command::CastBallot {
        election: election.to_owned(),
        ranking,
        abstain,
        key,
        replaces: replaces.map(str::to_owned),
    });
    Ok((command, ballot))
}

/// The log rows of `events` decided on `on`.
pub fn rows(events: &[Event], on: Date) -> Vec<NewEvent> {
    events
        .iter()
        .map(|event| NewEvent {
            recorded_at: on.to_string(),
            kind: event.kind().to_owned(),
            body: event_body(event),
            payload: serde_json::to_string(event).expect("events serialise"),
        })
        .collect()
}

/// Applies every event after `live.last_seq`.
async fn catch_up(store: &Store, live: &mut Live) -> Result<(), ActError> {
    let Live { state, last_seq, .. } = live;
    replay(store, state, last_seq).await
}

/// Applies every event of `store` after `*last_seq` to `state` (in pages), moving `*last_seq`.
pub async fn replay(store: &Store, state: &mut State, last_seq: &mut i64) -> Result<(), ActError> {
    let mut failure = None;
    store
        .replay_pages(*last_seq, 100_000, |last, payloads| {
            if failure.is_some() {
                return;
            }
            for payload in payloads.split('\u{1e}') {
                match serde_json::from_str::<Event>(payload) {
                    Ok(event) => evolve(state, &event),
                    Err(error) => {
                        failure = Some(ActError::Corrupt(format!("an event after {}: {error}", *last_seq)));
                        return;
                    }
                }
            }
            *last_seq = last;
        })
        .await?;
    failure.map_or(Ok(()), Err)
}

/// The server's clock: now, or a date and time in the community's zone fixed at start (for
/// demonstrations and tests; a date alone is as that date begins).
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    Fixed(jiff::civil::DateTime),
}

impl Clock {
    pub fn today(self) -> Date {
        match self {
            Clock::System => jiff::Zoned::now().date(),
            Clock::Fixed(now) => now.date(),
        }
    }
}
