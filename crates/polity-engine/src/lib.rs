//! The decider: `decide(state, command, context)` checks a command against the registry's rules
//! and yields events or a [`Rejection`] that names the rule and what would make the act allowed;
//! `evolve(state, event)` applies an event. The state is rebuilt by replaying the log.
//!
//! Architecture invariant: no I/O, no clock (the context carries the time), and `evolve` is the
//! only code that changes a `State`.
//! Architecture invariant: the registry is recorded as its files, verbatim, and re-read with
//! `polity_registry::load_sources` on replay: that is why this crate, not the model, decides.

pub mod amend;
mod ballots;
mod closing;
pub mod command;
mod elections;
mod events;
pub mod feasibility;
mod liaisons;
mod lifecycle;
pub mod limits;
mod meetings;
mod motions;
mod nominations;
mod proposals;
pub mod secret;
mod standing;
mod subjects;
#[cfg(test)]
mod testing;
mod time;

pub use time::Context;

pub use polity_model::RuleId;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::civil::Date;
use polity_count::motion::{self, Choice, MotionRule, Outcome, Tally};
use polity_count::seats::{SeatRules, TieBreak};
use polity_count::{Ballots, ElectionRules, Method, Strength, Turnout, Unranked};
use polity_model::check::{l2_gaps, overseer, seat_holders};
use polity_model::{
    Body, BodyKind, ElectionRule, Electorate, Holding, LifecycleState, Loc, Polity, Report, ReportKind, Seat,
    StateChange,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

use meetings::meeting_of;

use ballots::{INTEGRITY_HINT, cast_ballot};
use elections::{election_in, election_rule_id};
use lifecycle::check_transition;
use subjects::{carried_subject, checked_subject};

pub use ballots::{check_ballot_store, parse_ranking};
pub use events::{Event, KINDS as EVENT_KINDS, RoundRecord, SourceFile, TallyLine};
pub use standing::{Standing, may_close_election, may_vote, nominable, standing};

/// Why a command was refused: the rule, what was wrong, and what would make it allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub rule: RuleId,
    pub message: String,
    pub hint: String,
    /// The refusal as a message of the web UI's catalogs, when it has one: the message id
    /// (`refusal-ID`, with `refusal-ID-hint`) and its values, so that a page can say it in the
    /// reader's language. `message` and `hint` stay the English words.
    pub words: Option<Words>,
}

pub use polity_model::Words;

impl Rejection {
    /// The same refusal, sayable in other languages as the message `key` with `args`.
    pub fn said(mut self, key: &'static str, args: &[(&'static str, String)]) -> Rejection {
        self.words = Some(Words {
            key,
            args: args.to_vec(),
        });
        self
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (to proceed: {})", self.rule, self.message, self.hint)
    }
}

impl std::error::Error for Rejection {}

/// A refusal with its message id in the catalogs (`refusal-KEY`, `refusal-KEY-hint`) and the
/// values they take; `message` and `hint` are its English words.
fn refusal<T>(
    key: &'static str,
    rule: RuleId,
    args: &[(&'static str, String)],
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Result<T, Rejection> {
    reject(rule, message, hint).map_err(|refused| refused.said(key, args))
}

fn reject<T>(rule: RuleId, message: impl Into<String>, hint: impl Into<String>) -> Result<T, Rejection> {
    Err(Rejection {
        rule,
        message: message.into(),
        hint: hint.into(),
        words: None,
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    RecordRegistry(command::RecordRegistry),
    /// A commit's registry files (`polity sync`).
    AmendRegistry(amend::AmendRegistry),
    SubmitReport(command::SubmitReport),
    OpenMotion(command::OpenMotion),
    ScheduleMeeting(command::ScheduleMeeting),
    /// D7: passes by lazy consensus at `deadline` unless someone objects.
    Propose(command::Propose),
    Object(command::Object),
    ConcludeProposal(command::ConcludeProposal),
    /// S12: the final-say holder decides a deadlocked motion.
    FinalSay(command::FinalSay),
    /// E1, E2: the active members computed from contribution history as of the act's date
    /// become the roll of every `active-members` electorate.
    RecordRoll(command::RecordRoll),
    /// D11: the overseeing body stops a group's proposal or motion.
    Intervene(command::Intervene),
    /// D8: record an advisory group's consultation on a large decision.
    Consult(command::Consult),
    VolunteerLiaison(command::VolunteerLiaison),
    ChooseLiaison(command::ChooseLiaison),
    SignOff(command::SignOff),
    DissolveWorkingGroup(command::DissolveWorkingGroup),
    AddAgendaItem(command::AddAgendaItem),
    RequestAgendaItem(command::RequestAgendaItem),
    AcceptAgendaRequest(command::AcceptAgendaRequest),
    DeclareProxy(command::DeclareProxy),
    RecordAttendance(command::RecordAttendance),
    PublishMinutes(command::PublishMinutes),
    Vote(command::Vote),
    CloseMotion(command::CloseMotion),
    OpenElection(command::OpenElection),
    Nominate(command::Nominate),
    Consent(command::Consent),
    Withdraw(command::Withdraw),
    /// A nominee publishes (or replaces) their statement to the voters, before voting closes.
    PublishStatement(command::PublishStatement),
    CloseNominations(command::CloseNominations),
    /// The ballot's content goes to the secret-ballot store, never into an event. `key` is the
    /// new ballot's secret key (see [`secret`]); `replaces` the key of the voter's earlier ballot.
    /// An empty `ranking` is a blank ballot, accepted only with `abstain`.
    CastBallot(command::CastBallot),
    /// `ballots` are the stored ballots as (receipt, ranking), read by the caller.
    CloseElection(command::CloseElection),
}

impl Command {
    /// A plain motion of `body`: no subject, the body's own decision rule, not in a meeting.
    pub fn motion(body: &str, title: &str) -> Command {
        Command::OpenMotion(crate::command::OpenMotion {
            body: body.to_owned(),
            title: title.to_owned(),
            rule: None,
            subject: None,
            meeting: None,
            large: false,
            closes: None,
        })
    }
}

/// What a motion does when it carries: at most one subject (L1, L7, E4–E7, E11, L6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "subject", rename_all = "kebab-case")]
pub enum Subject {
    /// L1, L7: move `body` to a lifecycle state.
    Transition { body: String, to: LifecycleState },
    /// E11: promote this person to committer of the motion's body.
    Promote { person: String },
    /// E7, E4: end this person's term in this seat of the motion's body.
    Remove { person: String, seat: Seat },
    /// E5, E6: appoint this person to this seat of the motion's body.
    Appoint { person: String, seat: Seat },
    /// L6: no confidence in the motion's body.
    NoConfidence,
}

impl Subject {
    /// The one subject among those a user gave (a form's or a command line's fields); more than
    /// one is refused (D3): a motion has one subject.
    pub fn one_of(
        transition: Option<(String, LifecycleState)>,
        promote: Option<String>,
        remove: Option<(String, Seat)>,
        appoint: Option<(String, Seat)>,
        no_confidence: bool,
    ) -> Result<Option<Subject>, Rejection> {
        let mut subjects: Vec<Subject> = [
            transition.map(|(body, to)| Subject::Transition { body, to }),
            promote.map(|person| Subject::Promote { person }),
            remove.map(|(person, seat)| Subject::Remove { person, seat }),
            appoint.map(|(person, seat)| Subject::Appoint { person, seat }),
            no_confidence.then_some(Subject::NoConfidence),
        ]
        .into_iter()
        .flatten()
        .collect();
        if subjects.len() > 1 {
            return refusal(
                "one-subject",
                RuleId::D3,
                &[],
                "a motion has one subject: a transition, a promotion, a removal, an appointment or no confidence",
                "open one motion for each",
            );
        }
        Ok(subjects.pop())
    }

    /// The act this subject is, and so the rule that governs it.
    pub fn act(&self) -> polity_model::Act {
        use polity_model::Act;
        match self {
            Subject::Transition { .. } => Act::Transition,
            Subject::Promote { .. } => Act::PromoteCommitter,
            Subject::Remove { seat: Seat::Ptl, .. } => Act::RecallPtl,
            Subject::Remove { .. } => Act::RemoveLeads,
            Subject::Appoint {
                seat: Seat::TechLead, ..
            } => Act::AppointTechLeads,
            Subject::Appoint { .. } => Act::AppointChairs,
            Subject::NoConfidence => Act::NoConfidence,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Motion {
    pub id: String,
    pub body: String,
    pub title: String,
    pub rule: String,
    pub subject: Option<Subject>,
    pub meeting: Option<String>,
    pub large: bool,
    pub consulted: BTreeSet<String>,
    #[serde(serialize_with = "electorate_names")]
    pub electorates: Vec<Electorate>,
    pub round: u32,
    /// member → (choice, cast by, capacity) for the current round.
    pub votes: BTreeMap<String, (Choice, Option<String>, Option<String>)>,
    pub outcome: Option<String>,
    /// What the counts said: each revote's and the close's explanation, in order.
    pub explanation: Vec<String>,
    pub opened_by: String,
    /// D3: the date voting closes, when the motion has one.
    pub closes: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    Nominating,
    Voting,
    Closed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Nominee {
    pub consented: bool,
    pub withdrawn: bool,
    /// The candidate's statement to the voters.
    pub statement: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Election {
    pub id: String,
    pub body: String,
    pub seat: Seat,
    pub seats: usize,
    pub nominations_close: Date,
    pub voting_close: Date,
    pub phase: Phase,
    pub nominees: BTreeMap<String, Nominee>,
    pub candidates: Vec<String>,
    pub voted: BTreeSet<String>,
    /// voter → the hash of the key of their last ballot (see [`secret`]).
    #[serde(skip)]
    pub keys: BTreeMap<String, String>,
    pub winners: Vec<String>,
    /// After closing: whether the result is valid (E3 turnout), the ranking (tiers, best
    /// first), the candidates skipped for a cap, and the count's explanation.
    pub valid: Option<bool>,
    pub ranking: Vec<Vec<String>>,
    pub skipped: Vec<String>,
    pub explanation: Vec<String>,
    /// The round table of an STV count.
    pub rounds: Vec<RoundRecord>,
    pub tally_sheet: Vec<TallyLine>,
    pub stagger: bool,
    pub opened_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: String,
    pub body: String,
    pub on: Date,
    pub chair: Option<String>,
    pub agenda: Vec<(String, String)>,
    /// (item, requested by, accepted)
    pub requests: Vec<(String, String, bool)>,
    /// absent member → proxy holder
    pub proxies: BTreeMap<String, String>,
    pub attending: Option<BTreeSet<String>>,
    pub quorum_met: Option<bool>,
    pub minutes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LazyProposal {
    pub id: String,
    pub body: String,
    pub title: String,
    pub deadline: Date,
    pub objected: Option<String>,
    pub accepted: bool,
    pub stopped: bool,
}

/// The whole state: the governance structure and the processes under way.
#[derive(Clone, Debug, Default)]
pub struct State {
    pub polity: Polity,
    pub recorded: bool,
    pub motions: BTreeMap<String, Motion>,
    pub elections: BTreeMap<String, Election>,
    pub meetings: BTreeMap<String, Meeting>,
    pub proposals: BTreeMap<String, LazyProposal>,
    /// E9: (body, area) → volunteers.
    pub volunteers: BTreeMap<(String, String), BTreeSet<String>>,
    pub events: u64,
    /// The registry's files as last recorded (`registry-recorded`, then each `registry-amended`).
    pub sources: Vec<SourceFile>,
    /// The structural events since the files were last read that they do not show yet (an
    /// election's terms not exported): kept over the next amendment.
    pub since_files: Vec<Event>,
    /// Every recorded amendment (`polity sync`), oldest first.
    pub amendments: Vec<amend::Amendment>,
}

impl State {
    /// The last commit `polity sync` recorded.
    pub fn synced(&self) -> Option<&str> {
        self.amendments.last().map(|amendment| amendment.commit.as_str())
    }
}

impl State {
    fn person_id(&self, reference: &str) -> Result<String, Rejection> {
        match self.polity.person(reference) {
            Some(person) => Ok(person.id.clone()),
            None => refusal(
                "no-such-person",
                RuleId::RRef,
                &[("person", reference.to_owned())],
                format!("{reference:?} is not a person of the registry"),
                "act as a person of people.yaml (by id or @handle)",
            ),
        }
    }

    fn body(&self, id: &str) -> Result<&Body, Rejection> {
        match self.polity.body(id) {
            Some(body) => Ok(body),
            None => refusal(
                "no-such-body",
                RuleId::RRef,
                &[("body", id.to_owned())],
                format!("there is no body {id:?}"),
                "name a body of the registry",
            ),
        }
    }

    /// The people who may vote in `election` on `on`, by its seat's election rule.
    pub fn election_voters(&self, election: &Election, on: Date) -> BTreeSet<String> {
        match self.polity.body(&election.body) {
            Some(body) => self.electorate(body, self.election_rule(body, election.seat).voters, on),
            None => BTreeSet::new(),
        }
    }

    /// The people who may nominate in `election` on `on` (the candidates themselves where
    /// candidates nominate themselves).
    pub fn election_nominators(&self, election: &Election, on: Date) -> BTreeSet<String> {
        let Some(body) = self.polity.body(&election.body) else {
            return BTreeSet::new();
        };
        let rule = self.election_rule(body, election.seat);
        match rule.nominators {
            Electorate::Themselves => self.electorate(body, rule.candidates, on),
            nominators => self.electorate(body, nominators, on),
        }
    }

    /// The people who vote on `motion` on `on`.
    pub fn motion_voters(&self, motion: &Motion, on: Date) -> BTreeSet<String> {
        match self.polity.body(&motion.body) {
            Some(body) => motions::motion_voters(self, body, &motion.electorates, on),
            None => BTreeSet::new(),
        }
    }

    /// The people of an electorate of `body` on `on`.
    pub fn electorate(&self, body: &Body, electorate: Electorate, on: Date) -> BTreeSet<String> {
        let polity = &self.polity;
        match electorate {
            Electorate::Members => voting_members(polity, body, on),
            Electorate::ActiveMembers => polity
                .constitution
                .roll
                .iter()
                .filter_map(|reference| polity.person(&reference.text))
                .filter(|person| !person.bot)
                .map(|person| person.id.clone())
                .collect(),
            Electorate::Committers => body
                .committers
                .iter()
                .flatten()
                .filter_map(|reference| polity.person(&reference.text))
                .map(|person| person.id.clone())
                .collect(),
            Electorate::Overseer => {
                let overseer = if body.kind == BodyKind::OversightCommittee {
                    Some(body)
                } else {
                    overseer(polity, body)
                };
                overseer
                    .map(|overseer| voting_members(polity, overseer, on))
                    .unwrap_or_default()
            }
            Electorate::Chairs => seat_holders(body, &[Seat::Chair, Seat::CoChair], polity, on)
                .into_iter()
                .collect(),
            Electorate::Themselves => BTreeSet::new(),
        }
    }

    /// Whether `person` (an id) is in an electorate of `body` on `on`: the same answer as
    /// `electorate(..).contains(person)`, without building the set (a ballot is decided under
    /// the server's write lock, so this is on the hot path of a vote).
    pub fn in_electorate(&self, body: &Body, electorate: Electorate, on: Date, person: &str) -> bool {
        let polity = &self.polity;
        let holds = |body: &Body, seats: &[Seat]| {
            body.holders.iter().any(|holding| {
                seats.contains(&holding.seat)
                    && holding.covers(on)
                    && polity
                        .person(&holding.person.text)
                        .map_or(holding.person.text == person, |holder| holder.id == person)
            })
        };
        match electorate {
            Electorate::Members => holds(body, &[Seat::Member, Seat::Chair, Seat::CoChair]),
            Electorate::Chairs => holds(body, &[Seat::Chair, Seat::CoChair]),
            Electorate::Overseer => {
                let overseer = if body.kind == BodyKind::OversightCommittee {
                    Some(body)
                } else {
                    overseer(polity, body)
                };
                overseer.is_some_and(|overseer| holds(overseer, &[Seat::Member, Seat::Chair, Seat::CoChair]))
            }
            Electorate::ActiveMembers => polity.constitution.roll.iter().any(|reference| {
                polity
                    .person(&reference.text)
                    .is_some_and(|member| !member.bot && member.id == person)
            }),
            Electorate::Committers | Electorate::Themselves => self.electorate(body, electorate, on).contains(person),
        }
    }

    fn election_rule(&self, body: &Body, seat: Seat) -> ElectionRule {
        let configured = if matches!(seat, Seat::Chair | Seat::CoChair) {
            body.officer_elections.as_ref().or(body.elections.as_ref())
        } else {
            body.elections.as_ref()
        };
        configured.cloned().unwrap_or(ElectionRule {
            windows: self.polity.constitution.elections,
            method: None,
            compat: None,
            nominators: Electorate::Members,
            candidates: Electorate::Members,
            voters: Electorate::Members,
            consent: false,
            valid_if: None,
            early_close: false,
            loc: Loc::default(),
        })
    }

    /// A digest of the whole state, for checking that two replays agree byte for byte.
    pub fn digest(&self) -> String {
        #[derive(Serialize)]
        struct Processes<'a> {
            motions: &'a BTreeMap<String, Motion>,
            elections: &'a BTreeMap<String, Election>,
            meetings: &'a BTreeMap<String, Meeting>,
            proposals: &'a BTreeMap<String, LazyProposal>,
            volunteers: Vec<(&'a (String, String), &'a BTreeSet<String>)>,
            events: u64,
        }
        let mut hasher = Sha256::new();
        let files = polity_registry::export::to_files(&self.polity);
        hasher.update(serde_saphyr_free_yaml(&files).as_bytes());
        let processes = Processes {
            motions: &self.motions,
            elections: &self.elections,
            meetings: &self.meetings,
            proposals: &self.proposals,
            volunteers: self.volunteers.iter().collect(),
            events: self.events,
        };
        hasher.update(
            serde_json::to_string(&processes)
                .expect("plain data serialises")
                .as_bytes(),
        );
        hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect()
    }
}

/// A stable text of the registry files (JSON of each file, in order).
fn serde_saphyr_free_yaml(files: &polity_registry::files::RegistryFiles) -> String {
    let mut text = serde_json::to_string(&files.constitution).expect("serialises");
    text.push_str(&serde_json::to_string(&files.people).expect("serialises"));
    text.push_str(&serde_json::to_string(&files.organisations).expect("serialises"));
    text.push_str(&serde_json::to_string(&files.bodies).expect("serialises"));
    text
}

/// The people who vote in a body on a date: its member seats, or, for a body without member
/// seats, its chairs.
pub fn voting_members(polity: &Polity, body: &Body, on: Date) -> BTreeSet<String> {
    let members: BTreeSet<String> = seat_holders(body, &[Seat::Member, Seat::Chair, Seat::CoChair], polity, on)
        .into_iter()
        .collect();
    members
}

/// `actor` must be a voting member of `body` on `on`; otherwise `rule` refuses, with `hint`.
fn require_member(
    state: &State,
    body: &Body,
    actor: &str,
    on: Date,
    rule: RuleId,
    hint: &str,
) -> Result<(), Rejection> {
    if voting_members(&state.polity, body, on).contains(actor) {
        return Ok(());
    }
    reject(rule, format!("{actor} is not a member of {}", body.id), hint).map_err(|refusal| {
        refusal.said(
            "not-a-member",
            &[("person", actor.to_owned()), ("body", body.id.clone())],
        )
    })
}

fn electorate_names<S: serde::Serializer>(electorates: &[Electorate], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(electorates.iter().map(|electorate| electorate.as_str()))
}

/// D8, S11: the advisory groups that advise `body`.
fn advisory_groups(state: &State, body: &Body) -> Vec<String> {
    state
        .polity
        .bodies
        .iter()
        .filter(|group| {
            group.kind == BodyKind::AdvisoryGroup && group.advises.iter().any(|advised| advised.id == body.id)
        })
        .map(|group| group.id.clone())
        .collect()
}

fn new_id(prefix: &str, body: &str, existing: usize) -> String {
    format!("{body}/{prefix}{}", existing + 1)
}

/// Checks a command and returns the events it causes, or why it is refused.
pub fn decide(state: &State, command: &Command, context: &Context) -> Result<Vec<Event>, Rejection> {
    if let Command::RecordRegistry(crate::command::RecordRegistry { files }) = command {
        if state.recorded {
            return refusal(
                "already-recorded",
                RuleId::RInit,
                &[],
                "this record already holds a registry",
                "use a new database for another registry",
            );
        }
        let loaded = polity_registry::load_sources(
            &files
                .iter()
                .map(|file| (file.path.clone(), file.content.clone()))
                .collect::<Vec<_>>(),
        );
        if let Some(problem) = loaded.findings.first() {
            return crate::refusal(
                "registry-problems",
                problem.rule,
                &[
                    ("problems", loaded.findings.len().to_string()),
                    ("rule", problem.rule.to_string()),
                ],
                format!(
                    "the registry has {} problem(s) reading it, the first: {}",
                    loaded.findings.len(),
                    problem.message
                ),
                "run `polity check` on it and fix every error first",
            );
        }
        return Ok(vec![Event::RegistryRecorded {
            files: files.clone(),
            by: context.actor.clone(),
        }]);
    }
    if !state.recorded {
        return refusal(
            "no-registry",
            RuleId::RInit,
            &[],
            "the record holds no registry yet",
            "run `polity init --registry DIR` first",
        );
    }
    limits::check(command, context.on)?;
    // An amendment is made by the files' history, not by a person of the registry.
    if let Command::AmendRegistry(amendment) = command {
        return amend::decide(state, amendment, context);
    }
    let actor = state.person_id(&context.actor)?;
    let on = context.on;
    match command {
        Command::RecordRegistry(crate::command::RecordRegistry { .. }) | Command::AmendRegistry(_) => {
            unreachable!("handled above")
        }
        Command::SubmitReport(crate::command::SubmitReport { .. })
        | Command::RecordRoll(crate::command::RecordRoll { .. })
        | Command::DissolveWorkingGroup(crate::command::DissolveWorkingGroup { .. }) => {
            lifecycle::decide(state, command, actor, on)
        }
        Command::OpenMotion(crate::command::OpenMotion { .. })
        | Command::Vote(crate::command::Vote { .. })
        | Command::CloseMotion(crate::command::CloseMotion { .. })
        | Command::Consult(crate::command::Consult { .. })
        | Command::FinalSay(crate::command::FinalSay { .. }) => motions::decide(state, command, actor, context.now()),
        Command::Propose(crate::command::Propose { .. })
        | Command::Object(crate::command::Object { .. })
        | Command::ConcludeProposal(crate::command::ConcludeProposal { .. })
        | Command::Intervene(crate::command::Intervene { .. }) => {
            proposals::decide(state, command, actor, context.now())
        }
        Command::ScheduleMeeting(crate::command::ScheduleMeeting { .. })
        | Command::AddAgendaItem(crate::command::AddAgendaItem { .. })
        | Command::RequestAgendaItem(crate::command::RequestAgendaItem { .. })
        | Command::AcceptAgendaRequest(crate::command::AcceptAgendaRequest { .. })
        | Command::DeclareProxy(crate::command::DeclareProxy { .. })
        | Command::RecordAttendance(crate::command::RecordAttendance { .. })
        | Command::PublishMinutes(crate::command::PublishMinutes { .. }) => meetings::decide(state, command, actor, on),
        Command::VolunteerLiaison(crate::command::VolunteerLiaison { .. })
        | Command::ChooseLiaison(crate::command::ChooseLiaison { .. })
        | Command::SignOff(crate::command::SignOff { .. }) => liaisons::decide(state, command, actor, on),
        Command::OpenElection(crate::command::OpenElection { .. })
        | Command::Nominate(crate::command::Nominate { .. })
        | Command::Consent(crate::command::Consent { .. })
        | Command::Withdraw(crate::command::Withdraw { .. })
        | Command::PublishStatement(crate::command::PublishStatement { .. })
        | Command::CloseNominations(crate::command::CloseNominations { .. })
        | Command::CastBallot(crate::command::CastBallot { .. })
        | Command::CloseElection(crate::command::CloseElection { .. }) => {
            elections::decide(state, command, actor, context.now())
        }
    }
}

/// Applies one event. The only code that changes a `State`.
pub fn evolve(state: &mut State, event: &Event) {
    state.events += 1;
    match event {
        Event::RegistryRecorded { files, .. } => {
            state.sources = files.clone();
            state.since_files.clear();
        }
        Event::RegistryAmended { .. } => return amend::evolve(state, event),
        _ if amend::structural(event) => state.since_files.push(event.clone()),
        _ => {}
    }
    apply_structure(state, event);
}

/// Applies an event's effect (without counting it): `evolve`'s dispatch, and how an amendment
/// applies again what the files do not show yet.
fn apply_structure(state: &mut State, event: &Event) {
    match event {
        Event::RegistryAmended { .. } => {}
        Event::RollRecorded { .. }
        | Event::RegistryRecorded { .. }
        | Event::ReportSubmitted { .. }
        | Event::BodyTransitioned { .. }
        | Event::TermEnded { .. }
        | Event::WorkingGroupDissolved { .. }
        | Event::NoConfidence { .. }
        | Event::CommitterPromoted { .. }
        | Event::TermStarted { .. } => lifecycle::evolve(state, event),
        Event::MotionOpened { .. }
        | Event::VoteCast { .. }
        | Event::MotionRevote { .. }
        | Event::MotionClosed { .. }
        | Event::FinalSayRecorded { .. }
        | Event::ConsultationRecorded { .. } => motions::evolve(state, event),
        Event::ProposalOpened { .. }
        | Event::ProposalObjected { .. }
        | Event::ProposalAccepted { .. }
        | Event::Intervened { .. } => proposals::evolve(state, event),
        Event::LiaisonVolunteered { .. } | Event::LiaisonChosen { .. } | Event::SignedOff { .. } => {
            liaisons::evolve(state, event)
        }
        Event::MeetingScheduled { .. }
        | Event::AgendaItemAdded { .. }
        | Event::AgendaItemRequested { .. }
        | Event::ProxyDeclared { .. }
        | Event::AttendanceRecorded { .. }
        | Event::MinutesPublished { .. } => meetings::evolve(state, event),
        Event::ElectionOpened { .. }
        | Event::CandidateNominated { .. }
        | Event::CandidateConsented { .. }
        | Event::StatementPublished { .. }
        | Event::CandidateWithdrew { .. }
        | Event::NominationsClosed { .. }
        | Event::BallotCast { .. }
        | Event::ElectionClosed { .. } => elections::evolve(state, event),
    }
}

/// The body an event concerns, for the log's `body` column and filters.
pub fn event_body(event: &Event) -> Option<String> {
    let of_id = |id: &str| id.split_once('/').map(|(body, _)| body.to_owned());
    match event {
        Event::RegistryRecorded { .. } | Event::RegistryAmended { .. } => None,
        Event::ReportSubmitted { body, .. }
        | Event::MotionOpened { body, .. }
        | Event::ElectionOpened { body, .. }
        | Event::TermStarted { body, .. }
        | Event::BodyTransitioned { body, .. }
        | Event::CommitterPromoted { body, .. }
        | Event::TermEnded { body, .. }
        | Event::NoConfidence { body, .. }
        | Event::MeetingScheduled { body, .. }
        | Event::ProposalOpened { body, .. }
        | Event::LiaisonVolunteered { body, .. }
        | Event::LiaisonChosen { body, .. }
        | Event::SignedOff { body, .. }
        | Event::WorkingGroupDissolved { body, .. } => Some(body.clone()),
        Event::ProposalObjected { proposal, .. } | Event::ProposalAccepted { proposal } => of_id(proposal),
        Event::FinalSayRecorded { motion, .. } | Event::ConsultationRecorded { motion, .. } => of_id(motion),
        Event::Intervened { target, .. } => of_id(target),
        Event::RollRecorded { .. } => None,
        Event::AgendaItemAdded { meeting, .. }
        | Event::AgendaItemRequested { meeting, .. }
        | Event::ProxyDeclared { meeting, .. }
        | Event::AttendanceRecorded { meeting, .. }
        | Event::MinutesPublished { meeting, .. } => of_id(meeting),
        Event::VoteCast { motion, .. } | Event::MotionRevote { motion, .. } | Event::MotionClosed { motion, .. } => {
            of_id(motion)
        }
        Event::CandidateNominated { election, .. }
        | Event::CandidateConsented { election, .. }
        | Event::CandidateWithdrew { election, .. }
        | Event::StatementPublished { election, .. }
        | Event::NominationsClosed { election, .. }
        | Event::BallotCast { election, .. }
        | Event::ElectionClosed { election, .. } => of_id(election),
    }
}

/// Rebuilds a state from events.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> State {
    let mut state = State::default();
    for event in events {
        evolve(&mut state, event);
    }
    state
}
