//! The decider: `decide(state, command, context)` checks a command against the registry's rules
//! and yields events or a [`Rejection`] that names the rule and what would make the act allowed;
//! `evolve(state, event)` applies an event. The state is rebuilt by replaying the log.
//!
//! Architecture invariant: no I/O, no clock (the context carries the time), and `evolve` is the
//! only code that changes a `State`.
//! Architecture invariant: the registry is recorded as its files, verbatim, and re-read with
//! `polity_registry::load_sources` on replay: that is why this crate, not the model, decides.

mod events;
pub mod limits;
pub mod secret;

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

pub use events::{Event, SourceFile, TallyLine};

/// Who acts, and when. The time is a parameter: every act can be replayed or run "as of".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// A person id or `@handle`.
    pub actor: String,
    pub on: Date,
}

/// Why a command was refused: the rule, what was wrong, and what would make it allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub rule: &'static str,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (to proceed: {})", self.rule, self.message, self.hint)
    }
}

impl std::error::Error for Rejection {}

fn reject<T>(rule: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Result<T, Rejection> {
    Err(Rejection {
        rule,
        message: message.into(),
        hint: hint.into(),
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    RecordRegistry {
        files: Vec<SourceFile>,
    },
    SubmitReport {
        body: String,
        report: ReportKind,
        link: Option<String>,
    },
    OpenMotion {
        body: String,
        title: String,
        rule: Option<String>,
        transition: Option<(String, LifecycleState)>,
        /// E11: promote this person to committer of `body`.
        promote: Option<String>,
        /// E7, E4: end this person's term in this seat of `body`.
        remove: Option<(String, Seat)>,
        /// E5, E6: appoint this person to this seat of `body`.
        appoint: Option<(String, Seat)>,
        /// L6: no confidence in `body`.
        no_confidence: bool,
        /// D1: voted in this meeting, whose quorum gates the decision.
        meeting: Option<String>,
        /// D8: a large decision: the advisory groups are consulted before the vote closes.
        large: bool,
    },
    ScheduleMeeting {
        body: String,
        on: Date,
    },
    /// D7: passes by lazy consensus at `deadline` unless someone objects.
    Propose {
        body: String,
        title: String,
        deadline: Date,
    },
    Object {
        proposal: String,
        reason: String,
    },
    ConcludeProposal {
        proposal: String,
    },
    /// S12: the final-say holder decides a deadlocked motion.
    FinalSay {
        motion: String,
        decision: Choice,
        reason: String,
    },
    /// E1, E2: the active members computed from contribution history as of the act's date
    /// become the roll of every `active-members` electorate.
    RecordRoll {
        /// The first day of the counted window (the last is the day before the act's date).
        from: String,
        /// The rule applied, in words.
        rule: String,
        members: Vec<String>,
        /// Where the contributions came from (repositories, files).
        sources: Vec<String>,
    },
    /// D11: the overseeing body stops a group's proposal or motion.
    Intervene {
        target: String,
        reason: String,
    },
    /// D8: record an advisory group's consultation on a large decision.
    Consult {
        motion: String,
        group: String,
        summary: String,
    },
    VolunteerLiaison {
        body: String,
        area: String,
    },
    ChooseLiaison {
        body: String,
        area: String,
        person: String,
    },
    SignOff {
        body: String,
        area: String,
        subject: String,
    },
    DissolveWorkingGroup {
        body: String,
    },
    AddAgendaItem {
        meeting: String,
        item: String,
    },
    RequestAgendaItem {
        meeting: String,
        item: String,
    },
    AcceptAgendaRequest {
        meeting: String,
        request: usize,
    },
    DeclareProxy {
        meeting: String,
        holder: String,
    },
    RecordAttendance {
        meeting: String,
        present: Vec<String>,
    },
    PublishMinutes {
        meeting: String,
        link: String,
    },
    Vote {
        motion: String,
        choice: Choice,
        on_behalf_of: Option<String>,
        capacity: Option<String>,
    },
    CloseMotion {
        motion: String,
        casting_vote: Option<Choice>,
    },
    OpenElection {
        body: String,
        seat: Seat,
        seats: usize,
        stagger: bool,
    },
    Nominate {
        election: String,
        candidate: String,
    },
    Consent {
        election: String,
    },
    Withdraw {
        election: String,
    },
    /// A nominee publishes (or replaces) their statement to the voters, before voting closes.
    PublishStatement {
        election: String,
        statement: String,
    },
    CloseNominations {
        election: String,
    },
    /// The ballot's content goes to the secret-ballot store, never into an event. `key` is the
    /// new ballot's secret key (see [`secret`]); `replaces` the key of the voter's earlier ballot.
    /// An empty `ranking` is a blank ballot, accepted only with `abstain`.
    CastBallot {
        election: String,
        ranking: Vec<Vec<String>>,
        abstain: bool,
        key: String,
        replaces: Option<String>,
    },
    /// `ballots` are the stored ballots as (receipt, ranking), read by the caller.
    CloseElection {
        election: String,
        ballots: Vec<(String, Vec<Vec<String>>)>,
    },
}

impl Command {
    /// A plain motion of `body`: no subject, the body's own decision rule, not in a meeting.
    pub fn motion(body: &str, title: &str) -> Command {
        Command::OpenMotion {
            body: body.to_owned(),
            title: title.to_owned(),
            rule: None,
            transition: None,
            promote: None,
            remove: None,
            appoint: None,
            no_confidence: false,
            meeting: None,
            large: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Motion {
    pub id: String,
    pub body: String,
    pub title: String,
    pub rule: String,
    pub transition: Option<(String, String)>,
    pub promote: Option<String>,
    pub remove: Option<(String, String)>,
    pub appoint: Option<(String, String)>,
    pub no_confidence: bool,
    pub meeting: Option<String>,
    pub large: bool,
    pub consulted: BTreeSet<String>,
    #[serde(serialize_with = "electorate_names")]
    pub electorates: Vec<Electorate>,
    pub round: u32,
    /// member → (choice, cast by, capacity) for the current round.
    pub votes: BTreeMap<String, (String, Option<String>, Option<String>)>,
    pub outcome: Option<String>,
    pub opened_by: String,
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
    pub seat: String,
    pub seats: usize,
    pub nominations_close: String,
    pub voting_close: String,
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
    pub tally_sheet: Vec<TallyLine>,
    pub stagger: bool,
    pub opened_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub id: String,
    pub body: String,
    pub on: String,
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
    pub deadline: String,
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
}

fn date(text: &str) -> Date {
    text.parse().unwrap_or(Date::MIN)
}

fn seat_of(text: &str) -> Seat {
    Seat::parse(text).unwrap_or(Seat::Member)
}

fn state_of(text: &str) -> LifecycleState {
    match text {
        "proposed" => LifecycleState::Proposed,
        "forming" => LifecycleState::Forming,
        "archived" => LifecycleState::Archived,
        _ => LifecycleState::Active,
    }
}

fn choice_of(text: &str) -> Choice {
    match text {
        "yes" => Choice::Yes,
        "no" => Choice::No,
        _ => Choice::Abstain,
    }
}

impl State {
    fn person_id(&self, reference: &str) -> Result<String, Rejection> {
        match self.polity.person(reference) {
            Some(person) => Ok(person.id.clone()),
            None => reject(
                "R-REF",
                format!("{reference:?} is not a person of the registry"),
                "act as a person of people.yaml (by id or @handle)",
            ),
        }
    }

    fn body(&self, id: &str) -> Result<&Body, Rejection> {
        self.polity.body(id).ok_or_else(|| Rejection {
            rule: "R-REF",
            message: format!("there is no body {id:?}"),
            hint: "name a body of the registry".to_owned(),
        })
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

fn electorate_names<S: serde::Serializer>(electorates: &[Electorate], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(electorates.iter().map(|electorate| electorate.as_str()))
}

fn open_proposal<'a>(state: &'a State, id: &str) -> Result<&'a LazyProposal, Rejection> {
    match state.proposals.get(id) {
        None => reject(
            "R-REF",
            format!("there is no proposal {id:?}"),
            "name a proposal shown by `polity log`",
        ),
        Some(proposal) if proposal.stopped => reject(
            "D11",
            format!("{id} was stopped by the overseeing body"),
            "make a new proposal",
        ),
        Some(proposal) if proposal.accepted => reject("D7", format!("{id} already passed"), "nothing to do"),
        Some(proposal) if proposal.objected.is_some() => reject(
            "D7",
            format!(
                "{id} met an objection and is a vote now: motion {}",
                proposal.objected.as_deref().unwrap_or_default()
            ),
            "vote on the motion",
        ),
        Some(proposal) => Ok(proposal),
    }
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

fn check_area(state: &State, area: &str) -> Result<(), Rejection> {
    let areas = &state.polity.constitution.liaison_areas;
    if !areas.is_empty() && !areas.iter().any(|known| known == area) {
        return reject(
            "S9",
            format!("{area:?} is not a liaison area"),
            format!("use one of: {}", areas.join(", ")),
        );
    }
    Ok(())
}

fn meeting_of<'a>(state: &'a State, id: &str) -> Result<&'a Meeting, Rejection> {
    state.meetings.get(id).ok_or_else(|| Rejection {
        rule: "R-REF",
        message: format!("there is no meeting {id:?}"),
        hint: "name a meeting shown by `polity log`".to_owned(),
    })
}

/// D5: who may put items on a body's agenda directly, per its `agenda-open-to` list: its
/// members, the PTLs of projects under it, and the members (committers) of its sub-groups.
fn agenda_openers(state: &State, body: &Body, on: Date) -> BTreeSet<String> {
    let open_to = body
        .meetings
        .as_ref()
        .map(|meetings| meetings.agenda_open_to.clone())
        .unwrap_or_default();
    let mut allowed = voting_members(&state.polity, body, on);
    let children = state
        .polity
        .bodies
        .iter()
        .filter(|child| child.parent.as_ref().is_some_and(|parent| parent.id == body.id) && child.is_live_on(on));
    for child in children {
        if open_to.iter().any(|who| who == "ptls") {
            allowed.extend(seat_holders(child, &[Seat::Ptl], &state.polity, on));
        }
        if open_to.iter().any(|who| who == "sub-group-members") && child.kind == BodyKind::SubGroup {
            allowed.extend(state.electorate(child, Electorate::Committers, on));
        }
    }
    allowed
}

/// The rule a motion's voters come from: its subject's, or D3 for a plain decision.
fn motion_rule_id(motion: &Motion) -> &'static str {
    match (
        &motion.promote,
        &motion.remove,
        motion.no_confidence,
        &motion.transition,
    ) {
        (Some(_), _, _, _) => "E11",
        (_, Some((_, seat)), _, _) if seat == "ptl" => "E4",
        (_, Some(_), _, _) => "E7",
        _ if motion.appoint.as_ref().is_some_and(|(_, seat)| seat == "tech-lead") => "E6",
        _ if motion.appoint.is_some() => "E5",
        (_, _, true, _) => "L6",
        (_, _, _, Some(_)) => "L1",
        _ => "D3",
    }
}

/// Everyone who may vote on a motion decided by `electorates` of `body`.
fn motion_voters(state: &State, body: &Body, electorates: &[Electorate], on: Date) -> BTreeSet<String> {
    electorates
        .iter()
        .flat_map(|electorate| state.electorate(body, *electorate, on))
        .collect()
}

fn names(electorates: &[Electorate]) -> String {
    electorates
        .iter()
        .map(|electorate| electorate.as_str())
        .collect::<Vec<_>>()
        .join(" and the ")
}

fn electorate_of(name: &str) -> Electorate {
    match name {
        "active-members" => Electorate::ActiveMembers,
        "committers" => Electorate::Committers,
        "overseer" => Electorate::Overseer,
        "chairs" => Electorate::Chairs,
        "self" => Electorate::Themselves,
        _ => Electorate::Members,
    }
}

fn new_id(prefix: &str, body: &str, existing: usize) -> String {
    format!("{body}/{prefix}{}", existing + 1)
}

/// Checks a command and returns the events it causes, or why it is refused.
pub fn decide(state: &State, command: &Command, context: &Context) -> Result<Vec<Event>, Rejection> {
    if let Command::RecordRegistry { files } = command {
        if state.recorded {
            return reject(
                "R-INIT",
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
            return reject(
                problem.rule,
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
        return reject(
            "R-INIT",
            "the record holds no registry yet",
            "run `polity init --registry DIR` first",
        );
    }
    limits::check(command, context.on)?;
    let actor = state.person_id(&context.actor)?;
    let on = context.on;
    match command {
        Command::RecordRegistry { .. } => unreachable!("handled above"),
        Command::SubmitReport { body, report, link } => {
            let body = state.body(body)?;
            let owners: BTreeSet<String> =
                seat_holders(body, &[Seat::Chair, Seat::CoChair, Seat::TechLead], &state.polity, on)
                    .into_iter()
                    .chain(
                        body.staff_liaison
                            .iter()
                            .filter_map(|reference| state.polity.person(&reference.text))
                            .map(|person| person.id.clone()),
                    )
                    .collect();
            if !owners.contains(&actor) {
                return reject(
                    "L8",
                    format!("{actor} may not submit {}'s report", body.id),
                    format!(
                        "a chair, technical lead or the staff liaison submits it: {}",
                        owners.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            Ok(vec![Event::ReportSubmitted {
                body: body.id.clone(),
                on: on.to_string(),
                report: match report {
                    ReportKind::Quarterly => "quarterly".to_owned(),
                    ReportKind::Annual => "annual".to_owned(),
                },
                link: link.clone(),
                by: actor,
            }])
        }
        Command::OpenMotion {
            body,
            title,
            rule,
            transition,
            promote,
            remove,
            appoint,
            no_confidence,
            meeting,
            large,
        } => {
            let deciding = state.body(body)?;
            if let Some(meeting) = meeting {
                let found = meeting_of(state, meeting)?;
                if found.body != deciding.id {
                    return reject(
                        "D1",
                        format!(
                            "meeting {meeting} is a meeting of {}, not of {}",
                            found.body, deciding.id
                        ),
                        "vote in a meeting of the deciding body",
                    );
                }
            }
            let subjects = usize::from(transition.is_some())
                + usize::from(promote.is_some())
                + usize::from(remove.is_some())
                + usize::from(appoint.is_some())
                + usize::from(*no_confidence);
            if subjects > 1 {
                return reject(
                    "D3",
                    "a motion has one subject: a transition, a promotion, a removal or no confidence",
                    "open one motion for each",
                );
            }
            use polity_model::Act;
            let act = if transition.is_some() {
                Some(Act::Transition)
            } else if promote.is_some() {
                Some(Act::PromoteCommitter)
            } else if let Some((_, seat)) = remove {
                Some(if *seat == Seat::Ptl {
                    Act::RecallPtl
                } else {
                    Act::RemoveLeads
                })
            } else if let Some((_, seat)) = appoint {
                Some(if *seat == Seat::TechLead {
                    Act::AppointTechLeads
                } else {
                    Act::AppointChairs
                })
            } else if *no_confidence {
                Some(Act::NoConfidence)
            } else {
                None
            };
            let act_rule = match act {
                Some(Act::PromoteCommitter) => "E11",
                Some(Act::RecallPtl) => "E4",
                Some(Act::RemoveLeads) => "E7",
                Some(Act::NoConfidence) => "L6",
                Some(Act::Transition) => "L1",
                Some(Act::AppointChairs) => "E5",
                Some(Act::AppointTechLeads) => "E6",
                _ => "D3",
            };
            let authority = act.and_then(|act| deciding.decisions.get(&act));
            let electorates: Vec<Electorate> = match (authority, act) {
                (Some(authority), _) => authority.by.clone(),
                (None, Some(Act::PromoteCommitter | Act::RecallPtl)) => vec![Electorate::Committers],
                (None, Some(Act::RemoveLeads | Act::NoConfidence | Act::AppointChairs)) => vec![Electorate::Overseer],
                (None, Some(Act::AppointTechLeads)) => vec![Electorate::Overseer, Electorate::Chairs],
                _ => vec![Electorate::Members],
            };
            let voters = motion_voters(state, deciding, &electorates, on);
            if !voters.contains(&actor) {
                return reject(
                    act_rule,
                    format!(
                        "{actor} may not open this motion in {}: its voters are the {}",
                        deciding.id,
                        names(&electorates)
                    ),
                    format!(
                        "one of them opens it: {}",
                        voters.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            let rule_name = match rule
                .clone()
                .or(authority.map(|authority| authority.rule.id.clone()))
                .or(deciding.decides_by.as_ref().map(|rule| rule.id.clone()))
            {
                Some(name) => name,
                None => {
                    return reject(
                        "D3",
                        format!("{} names no decision rule", deciding.id),
                        "pass --rule NAME, or set `decides-by:` in the body's file",
                    );
                }
            };
            if !state.polity.constitution.decision_rules.contains_key(&rule_name) {
                return reject(
                    "R-REF",
                    format!("there is no decision rule {rule_name:?}"),
                    "name one of the constitution's `decision-rules`",
                );
            }
            let mut transition_fields = (None, None);
            if let Some((target, to)) = transition {
                let target = state.body(target)?;
                check_transition(state, deciding, target, *to, on)?;
                transition_fields = (Some(target.id.clone()), Some(to.as_str().to_owned()));
            }
            let promote = match promote {
                Some(person) => {
                    let person = state.person_id(person)?;
                    if state.electorate(deciding, Electorate::Committers, on).contains(&person) {
                        return reject(
                            "E11",
                            format!("{person} is already a committer of {}", deciding.id),
                            "nothing to promote",
                        );
                    }
                    if deciding.committers.is_none() {
                        return reject(
                            "S7",
                            format!("{} has no committers", deciding.id),
                            "committer rights are per project: promote in a project that lists committers",
                        );
                    }
                    Some(person)
                }
                None => None,
            };
            let remove = match remove {
                Some((person, seat)) => {
                    let person = state.person_id(person)?;
                    let holds = deciding.holders_on(*seat, on).any(|holding| {
                        state
                            .polity
                            .person(&holding.person.text)
                            .is_some_and(|found| found.id == person)
                    });
                    if !holds {
                        return reject(
                            act_rule,
                            format!("{person} holds no {} seat in {} on {on}", seat.as_str(), deciding.id),
                            "name a current holder of the seat",
                        );
                    }
                    Some((person, seat.as_str().to_owned()))
                }
                None => None,
            };
            let appoint = match appoint {
                Some((person, seat)) => {
                    if !matches!(seat, Seat::Chair | Seat::CoChair | Seat::TechLead) {
                        return reject(
                            act_rule,
                            format!("{} seats are elected, not appointed", seat.as_str()),
                            "appoint chairs, co-chairs or technical leads",
                        );
                    }
                    let person = state.person_id(person)?;
                    let holds = deciding.holders_on(*seat, on).any(|holding| {
                        state
                            .polity
                            .person(&holding.person.text)
                            .is_some_and(|found| found.id == person)
                    });
                    if holds {
                        return reject(
                            act_rule,
                            format!("{person} already holds a {} seat in {}", seat.as_str(), deciding.id),
                            "nothing to appoint",
                        );
                    }
                    Some((person, seat.as_str().to_owned()))
                }
                None => None,
            };
            if *no_confidence
                && !matches!(
                    deciding.kind,
                    BodyKind::Sig | BodyKind::WorkingGroup | BodyKind::SubGroup
                )
            {
                return reject(
                    "L6",
                    format!("{} is not a SIG or group under an overseeing body", deciding.id),
                    "no confidence is passed in a SIG by its overseeing body",
                );
            }
            let existing = state
                .motions
                .keys()
                .filter(|id| id.starts_with(&format!("{}/", deciding.id)))
                .count();
            Ok(vec![Event::MotionOpened {
                motion: new_id("m", &deciding.id, existing),
                body: deciding.id.clone(),
                title: title.clone(),
                rule: rule_name,
                transition_body: transition_fields.0,
                transition_to: transition_fields.1,
                promote,
                remove_person: remove.as_ref().map(|(person, _)| person.clone()),
                remove_seat: remove.map(|(_, seat)| seat),
                appoint_person: appoint.as_ref().map(|(person, _)| person.clone()),
                appoint_seat: appoint.map(|(_, seat)| seat),
                no_confidence: *no_confidence,
                meeting: meeting.clone(),
                large: *large,
                electorates: electorates
                    .iter()
                    .map(|electorate| electorate.as_str().to_owned())
                    .collect(),
                by: actor,
            }])
        }
        Command::Vote {
            motion,
            choice,
            on_behalf_of,
            capacity,
        } => {
            let motion = open_motion(state, motion)?;
            let body = state.body(&motion.body)?;
            let members = motion_voters(state, body, &motion.electorates, on);
            let meeting = motion.meeting.as_deref().map(|id| meeting_of(state, id)).transpose()?;
            let (member, cast_by) = match on_behalf_of {
                None => (actor.clone(), None),
                Some(absent) => {
                    let absent = state.person_id(absent)?;
                    // D2: proxies attend meetings; the member names the proxy before the meeting.
                    let Some(meeting) = meeting else {
                        return reject(
                            "D2",
                            format!("{} is not voted in a meeting", motion.id),
                            "proxies attend meetings: vote yourself in an electronic vote",
                        );
                    };
                    if meeting.proxies.get(&absent) != Some(&actor) {
                        return reject(
                            "D2",
                            format!("{absent} named no proxy {actor} for {}", meeting.id),
                            format!(
                                "{absent} names the proxy before the meeting: `polity meeting proxy {} {actor} --as {absent}`",
                                meeting.id
                            ),
                        );
                    }
                    (absent, Some(actor.clone()))
                }
            };
            if let Some(meeting) = meeting
                && let Some(attending) = &meeting.attending
                && !attending.contains(&member)
            {
                return reject(
                    "D1",
                    format!("{member} did not attend {}, in person or by proxy", meeting.id),
                    "only those attending vote in a meeting",
                );
            }
            if !members.contains(&member) {
                return reject(
                    motion_rule_id(motion),
                    format!(
                        "{member} may not vote on {}: its voters are the {} of {} on {on}",
                        motion.id,
                        names(&motion.electorates),
                        body.id
                    ),
                    format!(
                        "only they vote: {}",
                        members.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            // D9: a voter votes personally or on behalf of the organisation they work for.
            if let Some(capacity) = capacity {
                let employer = state.polity.affiliation_on(&member, on).map(str::to_owned);
                let on_behalf = capacity.strip_prefix("on behalf of ").map(str::trim);
                let valid = capacity == "personal" || (on_behalf.is_some() && on_behalf == employer.as_deref());
                if !valid {
                    return reject(
                        "D9",
                        format!("{member} cannot vote in the capacity {capacity:?}"),
                        format!(
                            "declare \"personal\"{}",
                            employer
                                .map(|org| format!(" or \"on behalf of {org}\""))
                                .unwrap_or_default()
                        ),
                    );
                }
            }
            Ok(vec![Event::VoteCast {
                motion: motion.id.clone(),
                member,
                choice: choice.as_str().to_owned(),
                cast_by,
                capacity: capacity.clone(),
            }])
        }
        Command::CloseMotion { motion, casting_vote } => {
            let motion = open_motion(state, motion)?;
            let body = state.body(&motion.body)?;
            let chairs = seat_holders(body, &[Seat::Chair], &state.polity, on);
            if actor != motion.opened_by && !chairs.contains(&actor) {
                return reject(
                    "D3",
                    format!("{actor} did not open this motion and does not chair {}", body.id),
                    "the chair or the member who opened it closes it",
                );
            }
            // D8: a large decision records the consultation of every advisory group first.
            if motion.large {
                let missing: Vec<String> = advisory_groups(state, body)
                    .into_iter()
                    .filter(|group| !motion.consulted.contains(group))
                    .collect();
                if !missing.is_empty() {
                    return reject(
                        "D8",
                        format!(
                            "{} is a large decision and {} has not been consulted",
                            motion.id,
                            missing.join(", ")
                        ),
                        format!(
                            "record each consultation: `polity motion consult {} GROUP --summary ...`",
                            motion.id
                        ),
                    );
                }
            }
            let rule = &state.polity.constitution.decision_rules[&motion.rule];
            // D1: a motion voted in a meeting is decided only with the meeting's quorum.
            let meeting = motion.meeting.as_deref().map(|id| meeting_of(state, id)).transpose()?;
            let quorum = meeting.and_then(|_| body.meetings.as_ref().and_then(|meetings| meetings.quorum));
            if let Some(meeting) = meeting
                && meeting.attending.is_none()
            {
                return reject(
                    "D1",
                    format!("the attendance of {} is not recorded", meeting.id),
                    "record who attends before the vote is closed",
                );
            }
            let attending = meeting
                .and_then(|meeting| meeting.attending.as_ref())
                .map(|attending| attending.len() as u64);
            let motion_rule = MotionRule {
                passes: rule.passes,
                valid_if: rule.valid_if,
                quorum,
                tie: rule
                    .tie
                    .iter()
                    .map(|step| match step {
                        polity_model::TieStep::Revote => motion::TieStep::Revote,
                        polity_model::TieStep::ChairCastingVote => motion::TieStep::ChairCastingVote,
                    })
                    .collect(),
            };
            // One tally per electorate (E6: each must carry it); a voter in several counts in each.
            let tallies: Vec<(Electorate, Tally)> = motion
                .electorates
                .iter()
                .map(|electorate| {
                    let voters = state.electorate(body, *electorate, on);
                    let mut tally = Tally {
                        members: voters.len() as u64,
                        attending,
                        ..Tally::default()
                    };
                    for (member, (choice, _, _)) in &motion.votes {
                        if voters.contains(member) {
                            match choice_of(choice) {
                                Choice::Yes => tally.yes += 1,
                                Choice::No => tally.no += 1,
                                Choice::Abstain => tally.abstain += 1,
                            }
                        }
                    }
                    (*electorate, tally)
                })
                .collect();
            let tally = tallies.first().map(|(_, tally)| *tally).unwrap_or_default();
            if casting_vote.is_some() && !chairs.contains(&actor) {
                return reject(
                    "D4",
                    format!("{actor} is not the chair of {}", body.id),
                    "only the chair casts the deciding vote",
                );
            }
            let result = if tallies.len() > 1 {
                let parts: Vec<(&str, MotionRule, Tally)> = tallies
                    .iter()
                    .map(|(electorate, tally)| (electorate.as_str(), motion_rule.clone(), *tally))
                    .collect();
                motion::decide_composite(&parts)
            } else {
                motion::decide(&motion_rule, &tally, motion.round as usize, *casting_vote)
            };
            match result.outcome {
                Outcome::Tied(motion::TieStep::Revote) => Ok(vec![Event::MotionRevote {
                    motion: motion.id.clone(),
                    round: motion.round + 1,
                    explanation: result.explanation,
                }]),
                Outcome::Tied(motion::TieStep::ChairCastingVote) => reject(
                    "D4",
                    format!(
                        "the vote on {} is tied again: {}",
                        motion.id,
                        result.explanation.join("; ")
                    ),
                    "the chair closes it with a casting vote (--casting-vote yes or no)",
                ),
                outcome => {
                    let mut events = vec![Event::MotionClosed {
                        motion: motion.id.clone(),
                        outcome: outcome.as_str().to_owned(),
                        yes: tally.yes,
                        no: tally.no,
                        abstain: tally.abstain,
                        casting_vote: casting_vote.map(|choice| choice.as_str().to_owned()),
                        explanation: result.explanation,
                        by: actor,
                    }];
                    if outcome == Outcome::Carried
                        && let Some((target, to)) = &motion.transition
                    {
                        events.push(Event::BodyTransitioned {
                            body: target.clone(),
                            to: to.clone(),
                            on: on.to_string(),
                            motion: motion.id.clone(),
                        });
                    }
                    if outcome == Outcome::Carried
                        && let Some((person, seat)) = &motion.remove
                    {
                        events.push(Event::TermEnded {
                            body: motion.body.clone(),
                            person: person.clone(),
                            seat: seat.clone(),
                            on: on.to_string(),
                            motion: motion.id.clone(),
                        });
                    }
                    if outcome == Outcome::Carried
                        && let Some((person, seat)) = &motion.appoint
                    {
                        events.push(Event::TermStarted {
                            body: motion.body.clone(),
                            person: person.clone(),
                            seat: seat.clone(),
                            from: on.to_string(),
                            until: body.term.map(|term| term.after(on).to_string()),
                            election: motion.id.clone(),
                            class: None,
                        });
                    }
                    if outcome == Outcome::Carried && motion.no_confidence {
                        events.push(Event::NoConfidence {
                            body: motion.body.clone(),
                            motion: motion.id.clone(),
                        });
                    }
                    if outcome == Outcome::Carried
                        && let Some(person) = &motion.promote
                    {
                        events.push(Event::CommitterPromoted {
                            body: motion.body.clone(),
                            person: person.clone(),
                            motion: motion.id.clone(),
                        });
                    }
                    Ok(events)
                }
            }
        }
        Command::ScheduleMeeting { body, on: meeting_on } => {
            let body = state.body(body)?;
            if !voting_members(&state.polity, body, on).contains(&actor) {
                return reject(
                    "D6",
                    format!("{actor} is not a member of {}", body.id),
                    "a member announces the body's meetings",
                );
            }
            if *meeting_on < on {
                return reject(
                    "D6",
                    format!("{meeting_on} has passed"),
                    "meetings are announced before they take place",
                );
            }
            // E8: the chairs take turns, counted over the body's meetings so far.
            let held = state
                .meetings
                .values()
                .filter(|meeting| meeting.body == body.id)
                .count();
            let chairs = seat_holders(body, &[Seat::Chair, Seat::CoChair], &state.polity, *meeting_on);
            let turn = match body.meetings.as_ref().map(|meetings| meetings.rotation) {
                Some(polity_model::Rotation::None) => 0,
                Some(polity_model::Rotation::Monthly) => {
                    let first = state
                        .meetings
                        .values()
                        .filter(|meeting| meeting.body == body.id)
                        .map(|meeting| date(&meeting.on))
                        .min()
                        .unwrap_or(*meeting_on);
                    ((i32::from(meeting_on.year()) - i32::from(first.year())) * 12 + i32::from(meeting_on.month())
                        - i32::from(first.month()))
                    .max(0) as usize
                }
                _ => held,
            };
            let existing = state
                .meetings
                .keys()
                .filter(|id| id.starts_with(&format!("{}/", body.id)))
                .count();
            Ok(vec![Event::MeetingScheduled {
                meeting: new_id("mt", &body.id, existing),
                body: body.id.clone(),
                on: meeting_on.to_string(),
                chair: (!chairs.is_empty()).then(|| chairs[turn % chairs.len()].clone()),
                by: actor,
            }])
        }
        Command::AddAgendaItem { meeting, item } => {
            let meeting = meeting_of(state, meeting)?;
            let body = state.body(&meeting.body)?;
            let allowed = agenda_openers(state, body, on);
            if !allowed.contains(&actor) {
                return reject(
                    "D5",
                    format!("{actor} may not add items to the agenda of {} directly", meeting.id),
                    format!("ask the body first: `polity meeting request {} \"ITEM\"`", meeting.id),
                );
            }
            Ok(vec![Event::AgendaItemAdded {
                meeting: meeting.id.clone(),
                item: item.clone(),
                by: actor,
                accepted_by: None,
            }])
        }
        Command::RequestAgendaItem { meeting, item } => {
            let meeting = meeting_of(state, meeting)?;
            Ok(vec![Event::AgendaItemRequested {
                meeting: meeting.id.clone(),
                request: meeting.requests.len() + 1,
                item: item.clone(),
                by: actor,
            }])
        }
        Command::AcceptAgendaRequest { meeting, request } => {
            let meeting = meeting_of(state, meeting)?;
            let body = state.body(&meeting.body)?;
            if !voting_members(&state.polity, body, on).contains(&actor) {
                return reject(
                    "D5",
                    format!("{actor} is not a member of {}", body.id),
                    "a member of the body accepts requests",
                );
            }
            let Some((item, by, accepted)) = request.checked_sub(1).and_then(|index| meeting.requests.get(index))
            else {
                return reject(
                    "R-REF",
                    format!("{} has no request {request}", meeting.id),
                    "name a request shown by `polity log`",
                );
            };
            if *accepted {
                return reject(
                    "D5",
                    format!("request {request} is already on the agenda"),
                    "nothing to do",
                );
            }
            Ok(vec![Event::AgendaItemAdded {
                meeting: meeting.id.clone(),
                item: item.clone(),
                by: by.clone(),
                accepted_by: Some(actor),
            }])
        }
        Command::DeclareProxy { meeting, holder } => {
            let meeting = meeting_of(state, meeting)?;
            let body = state.body(&meeting.body)?;
            if !body.meetings.as_ref().is_some_and(|meetings| meetings.proxies) {
                return reject(
                    "D2",
                    format!("{} does not allow proxies", body.id),
                    "attend in person, or amend the body's `meetings: { proxies: true }`",
                );
            }
            let members = voting_members(&state.polity, body, on);
            let holder = state.person_id(holder)?;
            if !members.contains(&actor) || !members.contains(&holder) {
                return reject(
                    "D2",
                    format!(
                        "a proxy is named by one member for another; {actor} and {holder} must both be members of {}",
                        body.id
                    ),
                    "name a member as your proxy",
                );
            }
            if on >= date(&meeting.on) {
                return reject(
                    "D2",
                    format!(
                        "the proxy for {} must be named before the meeting on {}",
                        meeting.id, meeting.on
                    ),
                    "name proxies ahead of the next meeting",
                );
            }
            Ok(vec![Event::ProxyDeclared {
                meeting: meeting.id.clone(),
                member: actor,
                holder,
            }])
        }
        Command::RecordAttendance { meeting, present } => {
            let meeting = meeting_of(state, meeting)?;
            let body = state.body(&meeting.body)?;
            let members = voting_members(&state.polity, body, date(&meeting.on));
            if meeting.chair.as_deref() != Some(actor.as_str()) && !members.contains(&actor) {
                return reject(
                    "D1",
                    format!("{actor} neither chairs {} nor is a member", meeting.id),
                    "the chair records attendance",
                );
            }
            let mut present_ids = BTreeSet::new();
            for person in present {
                present_ids.insert(state.person_id(person)?);
            }
            // D2: a member whose proxy holder is present attends.
            let attending: BTreeSet<String> = members
                .iter()
                .filter(|member| {
                    present_ids.contains(*member)
                        || meeting
                            .proxies
                            .get(*member)
                            .is_some_and(|holder| present_ids.contains(holder))
                })
                .cloned()
                .collect();
            let (quorum_met, explanation) = match body.meetings.as_ref().and_then(|meetings| meetings.quorum) {
                Some(quorum) => {
                    let met = quorum.is_met(attending.len() as u64, members.len() as u64);
                    (
                        met,
                        format!(
                            "{} of {} members attend; {quorum} needs {}: {}",
                            attending.len(),
                            members.len(),
                            quorum.needed(members.len() as u64),
                            if met {
                                "the meeting may decide"
                            } else {
                                "it may discuss but not decide"
                            }
                        ),
                    )
                }
                None => (
                    true,
                    format!(
                        "{} of {} members attend; no quorum is set",
                        attending.len(),
                        members.len()
                    ),
                ),
            };
            Ok(vec![Event::AttendanceRecorded {
                meeting: meeting.id.clone(),
                present: present_ids.into_iter().collect(),
                attending: attending.into_iter().collect(),
                quorum_met,
                explanation,
            }])
        }
        Command::PublishMinutes { meeting, link } => {
            let meeting = meeting_of(state, meeting)?;
            let body = state.body(&meeting.body)?;
            if meeting.chair.as_deref() != Some(actor.as_str())
                && !voting_members(&state.polity, body, on).contains(&actor)
            {
                return reject(
                    "D6",
                    format!("{actor} neither chairs {} nor is a member", meeting.id),
                    "the chair publishes the minutes",
                );
            }
            Ok(vec![Event::MinutesPublished {
                meeting: meeting.id.clone(),
                link: link.clone(),
                by: actor,
            }])
        }
        Command::Propose { body, title, deadline } => {
            let body = state.body(body)?;
            if !voting_members(&state.polity, body, on).contains(&actor) {
                return reject(
                    "D7",
                    format!("{actor} is not a member of {}", body.id),
                    "a member makes proposals",
                );
            }
            if body.decides_by.is_none() {
                return reject(
                    "D7",
                    format!("{} names no decision rule for an objection's vote", body.id),
                    "set `decides-by:` in the body's file",
                );
            }
            if *deadline <= on {
                return reject(
                    "D7",
                    format!("the review period must end after {on}"),
                    "give a later --until",
                );
            }
            let existing = state
                .proposals
                .keys()
                .filter(|id| id.starts_with(&format!("{}/", body.id)))
                .count();
            Ok(vec![Event::ProposalOpened {
                proposal: new_id("p", &body.id, existing),
                body: body.id.clone(),
                title: title.clone(),
                deadline: deadline.to_string(),
                by: actor,
            }])
        }
        Command::Object { proposal, reason } => {
            let proposal = open_proposal(state, proposal)?;
            let body = state.body(&proposal.body)?;
            if !voting_members(&state.polity, body, on).contains(&actor) {
                return reject(
                    "D7",
                    format!("{actor} is not a member of {}", body.id),
                    "members object; others ask a member",
                );
            }
            if on >= date(&proposal.deadline) {
                return reject(
                    "D7",
                    format!("the review period of {} ended on {}", proposal.id, proposal.deadline),
                    "conclude it; object to the next proposal in time",
                );
            }
            let existing = state
                .motions
                .keys()
                .filter(|id| id.starts_with(&format!("{}/", body.id)))
                .count();
            let motion = new_id("m", &body.id, existing);
            Ok(vec![
                Event::ProposalObjected {
                    proposal: proposal.id.clone(),
                    by: actor.clone(),
                    reason: reason.clone(),
                    motion: motion.clone(),
                },
                Event::MotionOpened {
                    motion,
                    body: body.id.clone(),
                    title: proposal.title.clone(),
                    rule: body.decides_by.as_ref().map(|rule| rule.id.clone()).unwrap_or_default(),
                    transition_body: None,
                    transition_to: None,
                    promote: None,
                    remove_person: None,
                    remove_seat: None,
                    appoint_person: None,
                    appoint_seat: None,
                    no_confidence: false,
                    meeting: None,
                    large: false,
                    electorates: vec!["members".to_owned()],
                    by: actor,
                },
            ])
        }
        Command::ConcludeProposal { proposal } => {
            let proposal = open_proposal(state, proposal)?;
            if on < date(&proposal.deadline) {
                return reject(
                    "D7",
                    format!("the review period of {} runs until {}", proposal.id, proposal.deadline),
                    "conclude it after the deadline",
                );
            }
            Ok(vec![Event::ProposalAccepted {
                proposal: proposal.id.clone(),
            }])
        }
        Command::FinalSay {
            motion,
            decision,
            reason,
        } => {
            let Some(found) = state.motions.get(motion) else {
                return reject(
                    "R-REF",
                    format!("there is no motion {motion:?}"),
                    "name a motion shown by `polity log`",
                );
            };
            if found.outcome.as_deref() != Some("deadlocked") {
                return reject(
                    "S12",
                    format!("{motion} is not deadlocked"),
                    "the final say decides only a deadlock, explicitly",
                );
            }
            let body = state.body(&found.body)?;
            let holder = match &body.final_say {
                Some(polity_model::FinalSay::Person(reference)) => {
                    state.polity.person(&reference.text).map(|person| person.id.clone())
                }
                Some(polity_model::FinalSay::Seat(seat, _)) => {
                    seat_holders(body, &[*seat], &state.polity, on).into_iter().next()
                }
                None => None,
            };
            if holder.as_deref() != Some(actor.as_str()) {
                return reject(
                    "S12",
                    format!("{actor} does not hold the final say in {}", body.id),
                    match holder {
                        Some(holder) => format!("{holder} decides it"),
                        None => format!("{} names no final-say holder: set `final-say:`", body.id),
                    },
                );
            }
            Ok(vec![Event::FinalSayRecorded {
                motion: motion.clone(),
                decision: decision.as_str().to_owned(),
                by: actor,
                reason: reason.clone(),
            }])
        }
        Command::RecordRoll {
            from,
            rule,
            members,
            sources,
        } => {
            let polity = &state.polity;
            let officers: BTreeSet<String> = polity
                .bodies
                .iter()
                .filter(|body| body.kind == BodyKind::OversightCommittee)
                .flat_map(|body| seat_holders(body, &[Seat::Chair, Seat::CoChair, Seat::Member], polity, on))
                .collect();
            if !officers.contains(&actor) {
                return reject(
                    "E2",
                    format!("{actor} may not record the roll of active members"),
                    format!(
                        "a member of the oversight committee records it: {}",
                        officers.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            let mut ids = BTreeSet::new();
            for member in members {
                match polity.person(member) {
                    Some(person) if person.bot => {
                        return reject(
                            "E2",
                            format!("{} is a bot and never an active member", person.id),
                            "leave bots out of the roll",
                        );
                    }
                    Some(person) => {
                        ids.insert(person.id.clone());
                    }
                    None => {
                        return reject(
                            "R-REF",
                            format!("{member:?} on the roll is not a person of the registry"),
                            "add the person to the registry first",
                        );
                    }
                }
            }
            Ok(vec![Event::RollRecorded {
                on: on.to_string(),
                from: from.clone(),
                rule: rule.clone(),
                members: ids.into_iter().collect(),
                sources: sources.clone(),
                by: actor,
            }])
        }
        Command::Intervene { target, reason } => {
            let (body_id, open) = match (state.proposals.get(target), state.motions.get(target)) {
                (Some(proposal), _) => (
                    proposal.body.clone(),
                    !proposal.accepted && !proposal.stopped && proposal.objected.is_none(),
                ),
                (None, Some(motion)) => (motion.body.clone(), motion.outcome.is_none()),
                (None, None) => {
                    return reject(
                        "R-REF",
                        format!("there is no proposal or motion {target:?}"),
                        "name one shown by `polity log`",
                    );
                }
            };
            let body = state.body(&body_id)?;
            let Some(overseer) = overseer(&state.polity, body) else {
                return reject(
                    "D11",
                    format!("{} has no overseeing body", body.id),
                    "only a group under the TOC can be overruled by it",
                );
            };
            if !voting_members(&state.polity, overseer, on).contains(&actor) {
                return reject(
                    "D11",
                    format!("{actor} is not a member of {}, which oversees {}", overseer.id, body.id),
                    "a member of the overseeing body intervenes",
                );
            }
            if !open {
                return reject(
                    "D11",
                    format!("{target} is already decided"),
                    "intervene while it is open",
                );
            }
            Ok(vec![Event::Intervened {
                target: target.clone(),
                by: actor,
                reason: reason.clone(),
            }])
        }
        Command::Consult { motion, group, summary } => {
            let motion = open_motion(state, motion)?;
            let body = state.body(&motion.body)?;
            if !advisory_groups(state, body).contains(group) {
                return reject(
                    "D8",
                    format!("{group} is not an advisory group of {}", body.id),
                    "consult the groups that advise the body",
                );
            }
            let group_body = state.body(group)?;
            let allowed: BTreeSet<String> = voting_members(&state.polity, body, on)
                .into_iter()
                .chain(
                    group_body
                        .members
                        .iter()
                        .filter_map(|reference| state.polity.person(&reference.text))
                        .map(|person| person.id.clone()),
                )
                .collect();
            if !allowed.contains(&actor) {
                return reject(
                    "D8",
                    format!("{actor} is neither in {} nor in {group}", body.id),
                    "a member of either records the consultation",
                );
            }
            Ok(vec![Event::ConsultationRecorded {
                motion: motion.id.clone(),
                group: group.clone(),
                summary: summary.clone(),
                by: actor,
            }])
        }
        Command::VolunteerLiaison { body, area } => {
            let body = state.body(body)?;
            check_area(state, area)?;
            if body.committers.is_some() && !state.electorate(body, Electorate::Committers, on).contains(&actor) {
                return reject(
                    "E9",
                    format!("{actor} is not a committer of {}", body.id),
                    "liaisons volunteer from the project's committers",
                );
            }
            Ok(vec![Event::LiaisonVolunteered {
                body: body.id.clone(),
                area: area.clone(),
                person: actor,
            }])
        }
        Command::ChooseLiaison { body, area, person } => {
            let body = state.body(body)?;
            check_area(state, area)?;
            if !seat_holders(body, &[Seat::Ptl], &state.polity, on).contains(&actor) {
                return reject(
                    "E9",
                    format!("{actor} is not the PTL of {}", body.id),
                    "the PTL picks among the volunteers",
                );
            }
            let person = state.person_id(person)?;
            let volunteers = state
                .volunteers
                .get(&(body.id.clone(), area.clone()))
                .cloned()
                .unwrap_or_default();
            if !volunteers.contains(&person) {
                return reject(
                    "E9",
                    format!("{person} did not volunteer for {area} in {}", body.id),
                    format!(
                        "liaisons are volunteers: pick one of {}",
                        if volunteers.is_empty() {
                            "(none yet)".to_owned()
                        } else {
                            volunteers.into_iter().collect::<Vec<_>>().join(", ")
                        }
                    ),
                );
            }
            Ok(vec![Event::LiaisonChosen {
                body: body.id.clone(),
                area: area.clone(),
                person,
                by: actor,
            }])
        }
        Command::SignOff { body, area, subject } => {
            let body = state.body(body)?;
            let liaisons: BTreeSet<String> = body
                .liaisons
                .get(area)
                .into_iter()
                .flatten()
                .filter_map(|reference| state.polity.person(&reference.text))
                .map(|person| person.id.clone())
                .collect();
            if !liaisons.contains(&actor) {
                return reject(
                    "D10",
                    format!("{actor} is not the {area} liaison of {}", body.id),
                    format!(
                        "the {area} liaison signs off within the area: {}",
                        liaisons.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            Ok(vec![Event::SignedOff {
                body: body.id.clone(),
                area: area.clone(),
                subject: subject.clone(),
                by: actor,
            }])
        }
        Command::DissolveWorkingGroup { body } => {
            let body = state.body(body)?;
            if body.kind != BodyKind::WorkingGroup || !body.is_live_on(on) {
                return reject(
                    "S4",
                    format!("{} is not a live working group", body.id),
                    "only working groups are dissolved this way",
                );
            }
            let deciders: BTreeSet<String> = state
                .electorate(body, Electorate::Overseer, on)
                .into_iter()
                .chain(seat_holders(body, &[Seat::Chair, Seat::CoChair], &state.polity, on))
                .collect();
            if !deciders.contains(&actor) {
                return reject(
                    "S4",
                    format!("{actor} neither chairs {} nor sits on its overseeing body", body.id),
                    "its chair or the overseeing body dissolves it",
                );
            }
            let charter = body.charter.clone().unwrap_or_default();
            let ended = charter.timetable_end.is_some_and(|end| end <= on);
            let delivered = !charter.deliverables.is_empty()
                && charter
                    .deliverables
                    .iter()
                    .all(|deliverable| deliverable.delivered.is_some_and(|day| day <= on));
            if !ended && !delivered {
                return reject(
                    "S4",
                    format!(
                        "{}'s timetable runs until {} and deliverables are outstanding",
                        body.id,
                        charter.timetable_end.map_or("(none)".to_owned(), |end| end.to_string())
                    ),
                    "a working group is dissolved when its timetable ends or all its deliverables are delivered; before that, archive it by a motion",
                );
            }
            Ok(vec![Event::WorkingGroupDissolved {
                body: body.id.clone(),
                on: on.to_string(),
                reason: if ended {
                    "its timetable ended".to_owned()
                } else {
                    "all its deliverables are delivered".to_owned()
                },
                by: actor,
            }])
        }
        Command::OpenElection {
            body,
            seat,
            seats,
            stagger,
        } => {
            let body = state.body(body)?;
            let rule = state.election_rule(body, *seat);
            let organisers: BTreeSet<String> = voting_members(&state.polity, body, on)
                .union(&state.electorate(body, Electorate::Overseer, on))
                .cloned()
                .collect();
            if !organisers.contains(&actor) {
                return reject(
                    "E1",
                    format!(
                        "{actor} is neither a member of {} nor of the body overseeing it",
                        body.id
                    ),
                    "a member of the body, or of its overseeing committee, opens its elections",
                );
            }
            if *seats == 0 {
                return reject("E1", "an election fills at least one seat", "pass --seats N");
            }
            let most = match seat {
                Seat::Member => body.seats.map_or(u32::from(u8::MAX), |rule| rule.count.max),
                officer => body.officers.get(officer).map_or(1, |range| range.max.max(1)),
            } as usize;
            if *seats > most {
                return reject(
                    "R-VALUE",
                    format!(
                        "{} has at most {most} {} seat(s); an election cannot fill {seats}",
                        body.id,
                        seat.as_str()
                    ),
                    format!("pass --seats {most} or fewer"),
                );
            }
            let nominations_close = rule.windows.nomination.after(on);
            let voting_close = rule.windows.voting.after(nominations_close);
            let existing = state
                .elections
                .keys()
                .filter(|id| id.starts_with(&format!("{}/", body.id)))
                .count();
            Ok(vec![Event::ElectionOpened {
                election: new_id("e", &body.id, existing),
                body: body.id.clone(),
                seat: seat.as_str().to_owned(),
                seats: *seats,
                nominations_close: nominations_close.to_string(),
                voting_close: voting_close.to_string(),
                stagger: *stagger,
                by: actor,
            }])
        }
        Command::Nominate { election, candidate } => {
            let election = election_in(state, election, Phase::Nominating)?;
            let body = state.body(&election.body)?;
            let seat = seat_of(&election.seat);
            let rule = state.election_rule(body, seat);
            let rule_id = election_rule_id(body, seat);
            if on >= date(&election.nominations_close) {
                return reject(
                    rule_id,
                    format!("nominations closed on {}", election.nominations_close),
                    "nominate in the next election",
                );
            }
            let candidate = state.person_id(candidate)?;
            if rule.nominators == Electorate::Themselves {
                if candidate != actor {
                    return reject(
                        rule_id,
                        format!("{actor} may not nominate {candidate}: candidates nominate themselves"),
                        "let the candidate nominate themselves",
                    );
                }
            } else if !state.electorate(body, rule.nominators, on).contains(&actor) {
                return reject(
                    rule_id,
                    format!(
                        "{actor} may not nominate in this election: nominators are the {}",
                        rule.nominators.as_str()
                    ),
                    format!("ask one of the {} to nominate", rule.nominators.as_str()),
                );
            }
            if !state.electorate(body, rule.candidates, on).contains(&candidate) {
                return reject(
                    rule_id,
                    format!(
                        "{candidate} may not stand: candidates must be {}",
                        rule.candidates.as_str()
                    ),
                    format!("nominate one of the {}", rule.candidates.as_str()),
                );
            }
            if election.nominees.contains_key(&candidate) {
                return reject(rule_id, format!("{candidate} is already nominated"), "nothing to do");
            }
            if election.nominees.len() >= polity_count::ballot::MAX_CANDIDATES {
                return reject(
                    "R-VALUE",
                    format!(
                        "{} already has {} nominees, the most a ballot holds",
                        election.id,
                        election.nominees.len()
                    ),
                    "no further nominations are possible",
                );
            }
            let mut events = vec![Event::CandidateNominated {
                election: election.id.clone(),
                candidate: candidate.clone(),
                by: actor.clone(),
            }];
            if rule.consent && candidate == actor {
                events.push(Event::CandidateConsented {
                    election: election.id.clone(),
                    candidate,
                });
            }
            Ok(events)
        }
        Command::Consent { election } | Command::Withdraw { election } => {
            let election = election_in(state, election, Phase::Nominating)?;
            let Some(nominee) = election.nominees.get(&actor) else {
                return reject(
                    "E3",
                    format!("{actor} is not nominated in {}", election.id),
                    "only a nominee consents or withdraws, for themselves",
                );
            };
            if nominee.withdrawn {
                return reject(
                    "E3",
                    format!("{actor} has withdrawn"),
                    "a withdrawal is final for this election",
                );
            }
            Ok(vec![if matches!(command, Command::Consent { .. }) {
                Event::CandidateConsented {
                    election: election.id.clone(),
                    candidate: actor,
                }
            } else {
                Event::CandidateWithdrew {
                    election: election.id.clone(),
                    candidate: actor,
                }
            }])
        }
        Command::PublishStatement { election, statement } => {
            let Some(found) = state.elections.get(election) else {
                return reject(
                    "R-REF",
                    format!("there is no election {election:?}"),
                    "name an election shown by `polity log`",
                );
            };
            if found.phase == Phase::Closed {
                return reject(
                    "E1",
                    format!("{election} is closed"),
                    "statements are for open elections",
                );
            }
            match found.nominees.get(&actor) {
                Some(nominee) if !nominee.withdrawn => {}
                _ => {
                    return reject(
                        "E1",
                        format!("{actor} is not a candidate in {election}"),
                        "only a nominee who has not withdrawn publishes a statement, for themselves",
                    );
                }
            }
            let statement = statement.trim();
            if statement.is_empty() || statement.chars().count() > 10_000 {
                return reject(
                    "E1",
                    "a statement has 1 to 10,000 characters",
                    "write a statement of at most 10,000 characters",
                );
            }
            Ok(vec![Event::StatementPublished {
                election: election.clone(),
                candidate: actor,
                statement: statement.to_owned(),
            }])
        }
        Command::CloseNominations { election } => {
            let election = election_in(state, election, Phase::Nominating)?;
            if actor != election.opened_by {
                return reject(
                    "E1",
                    format!("{actor} did not open {}", election.id),
                    format!("{} closes the nominations", election.opened_by),
                );
            }
            let body = state.body(&election.body)?;
            let rule = state.election_rule(body, seat_of(&election.seat));
            let candidates: Vec<String> = election
                .nominees
                .iter()
                .filter(|(_, nominee)| !nominee.withdrawn && (nominee.consented || !rule.consent))
                .map(|(candidate, _)| candidate.clone())
                .collect();
            if candidates.is_empty() {
                return reject(
                    election_rule_id(body, seat_of(&election.seat)),
                    "no candidate stands (nominated, consenting where consent is required, not withdrawn)",
                    "nominate candidates, and have them consent",
                );
            }
            Ok(vec![Event::NominationsClosed {
                election: election.id.clone(),
                candidates,
                by: actor,
            }])
        }
        Command::CastBallot {
            election,
            ranking,
            abstain,
            key,
            replaces,
        } => cast_ballot(state, election, ranking, *abstain, key, replaces.as_deref(), actor, on),
        Command::CloseElection { election, ballots } => {
            let election = election_in(state, election, Phase::Voting)?;
            if actor != election.opened_by {
                return reject(
                    "E1",
                    format!("{actor} did not open {}", election.id),
                    format!("{} closes the election", election.opened_by),
                );
            }
            let body = state.body(&election.body)?;
            let rule = state.election_rule(body, seat_of(&election.seat));
            let closes = date(&election.voting_close);
            if on < closes && !rule.early_close {
                let eligible = state.electorate(body, rule.voters, on);
                let waiting = eligible.iter().filter(|voter| !election.voted.contains(*voter)).count();
                if waiting > 0 {
                    return reject(
                        election_rule_id(body, seat_of(&election.seat)),
                        format!(
                            "voting in {} is open until {closes}: {} of {} eligible voters have voted",
                            election.id,
                            eligible.len() - waiting,
                            eligible.len()
                        ),
                        format!(
                            "close on or after {closes}; it closes earlier only when every eligible voter has voted \
                             (or when the body's election rule says `early-close: true`)"
                        ),
                    );
                }
            }
            close_election(state, election, ballots, &actor, on)
        }
    }
}

/// The ranking syntax of the command line: `alice>bob=chen>dana` (best first, `=` ties), spaces
/// around names ignored, empty names and empty ranks left out.
pub fn parse_ranking(text: &str) -> Vec<Vec<String>> {
    text.split('>')
        .map(|tier| {
            tier.split('=')
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|tier| !tier.is_empty())
        .collect()
}

/// A secret ballot: the window, the electorate, the ballot's shape, and the voter's key.
#[allow(clippy::too_many_arguments)]
fn cast_ballot(
    state: &State,
    election: &str,
    ranking: &[Vec<String>],
    abstain: bool,
    key: &str,
    replaces: Option<&str>,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let election = election_in(state, election, Phase::Voting)?;
    let body = state.body(&election.body)?;
    let seat = seat_of(&election.seat);
    let rule = state.election_rule(body, seat);
    let rule_id = election_rule_id(body, seat);
    if on >= date(&election.voting_close) {
        return reject(
            rule_id,
            format!("voting closed on {}", election.voting_close),
            "ballots are no longer accepted",
        );
    }
    if !state.in_electorate(body, rule.voters, on, &actor) {
        return reject(
            rule_id,
            format!(
                "{actor} may not vote in {}: voters are the {}",
                election.id,
                rule.voters.as_str()
            ),
            "only eligible voters vote",
        );
    }
    // T1: a ballot that is accepted can always be counted: no empty rank, no unknown or repeated
    // candidate, at most one rank per candidate.
    if let Some(position) = ranking.iter().position(Vec::is_empty) {
        return reject(
            "R-VALUE",
            format!("rank {} of the ballot is empty", position + 1),
            "leave out empty ranks: list the candidates best first, ties in one rank",
        );
    }
    if ranking.is_empty() && !abstain {
        return reject(
            rule_id,
            "the ballot ranks no candidate",
            "rank at least one candidate, or abstain explicitly (a blank ballot counts toward turnout)",
        );
    }
    if abstain && !ranking.is_empty() {
        return reject(
            "R-VALUE",
            "a ballot that abstains ranks no candidate",
            "either rank candidates or abstain",
        );
    }
    let mut seen = BTreeSet::new();
    for candidate in ranking.iter().flatten() {
        if !election.candidates.contains(candidate) {
            return reject(
                rule_id,
                format!("{candidate:?} is not a candidate"),
                format!("rank only: {}", election.candidates.join(", ")),
            );
        }
        if !seen.insert(candidate) {
            return reject(
                rule_id,
                format!("{candidate} is ranked twice"),
                "rank each candidate once",
            );
        }
    }
    let Some(key) = secret::normalise_key(key) else {
        return reject(
            "R-VALUE",
            "the new ballot's key is not 32 hex digits",
            "let polity draw the ballot key",
        );
    };
    let new_hash = secret::key_hash(&key);
    let voted = election.voted.contains(&actor);
    match (voted, replaces) {
        (true, None) => {
            return reject(
                rule_id,
                format!("{actor} has already voted"),
                "to vote again, give the ballot key you were shown with your earlier ballot (--replace KEY)",
            );
        }
        (false, Some(_)) => {
            return reject(
                rule_id,
                format!("{actor} has no earlier ballot to replace"),
                "vote without --replace",
            );
        }
        (true, Some(old)) => {
            let Some(expected) = election.keys.get(&actor) else {
                return reject(
                    rule_id,
                    format!("{actor}'s ballot was cast before ballot keys existed and cannot be replaced"),
                    "your first ballot stands",
                );
            };
            let given = secret::normalise_key(old).map(|old| secret::key_hash(&old));
            if given.as_ref() != Some(expected) {
                return reject(
                    "T1",
                    "that is not the key of your ballot",
                    "give the ballot key you were shown when you last voted (a receipt is not a key)",
                );
            }
            if new_hash == *expected {
                return reject(
                    "R-VALUE",
                    "the new ballot needs a new key",
                    "let polity draw the ballot key",
                );
            }
        }
        (false, None) => {}
    }
    Ok(vec![Event::BallotCast {
        election: election.id.clone(),
        voter: actor,
        replaced: voted,
        key_hash: Some(new_hash),
    }])
}

/// Half a term, for staggering (E5): years become months, odd months and weeks become days.
fn half(term: polity_model::Period) -> polity_model::Period {
    use polity_model::{Period, PeriodUnit};
    match term.unit {
        PeriodUnit::Years => Period::new(term.amount * 6, PeriodUnit::Months),
        PeriodUnit::Months if term.amount.is_multiple_of(2) => Period::new(term.amount / 2, PeriodUnit::Months),
        PeriodUnit::Months => Period::new(term.amount * 30 / 2, PeriodUnit::Days),
        PeriodUnit::Weeks => Period::new(term.amount * 7 / 2, PeriodUnit::Days),
        PeriodUnit::Days => Period::new(term.amount / 2, PeriodUnit::Days),
    }
}

fn election_rule_id(body: &Body, seat: Seat) -> &'static str {
    match seat {
        Seat::Ptl => "E4",
        Seat::Chair | Seat::CoChair if body.kind == BodyKind::OversightCommittee => "E3",
        Seat::Chair | Seat::CoChair => "E5",
        Seat::TechLead => "E6",
        Seat::Member => "E1",
    }
}

fn open_motion<'a>(state: &'a State, id: &str) -> Result<&'a Motion, Rejection> {
    match state.motions.get(id) {
        None => reject(
            "R-REF",
            format!("there is no motion {id:?}"),
            "name a motion shown by `polity log`",
        ),
        Some(motion) if motion.outcome.is_some() => reject("D3", format!("motion {id} is closed"), "open a new motion"),
        Some(motion) => Ok(motion),
    }
}

fn election_in<'a>(state: &'a State, id: &str, phase: Phase) -> Result<&'a Election, Rejection> {
    match state.elections.get(id) {
        None => reject(
            "R-REF",
            format!("there is no election {id:?}"),
            "name an election shown by `polity log`",
        ),
        Some(election) if election.phase != phase => reject(
            "E1",
            format!("election {id} is {:?}, not {:?}", election.phase, phase),
            match election.phase {
                Phase::Nominating => "close the nominations first",
                Phase::Voting => "nominations are closed; vote or close the election",
                Phase::Closed => "the election is over",
            },
        ),
        Some(election) => Ok(election),
    }
}

/// L1, L2, L7: whether `deciding` may move `target` to `to` by motion.
fn check_transition(
    state: &State,
    deciding: &Body,
    target: &Body,
    to: LifecycleState,
    on: Date,
) -> Result<(), Rejection> {
    let responsible = overseer(&state.polity, target).map(|body| body.id.clone());
    let parent = target.parent.as_ref().map(|parent| parent.id.clone());
    if responsible.as_deref() != Some(deciding.id.as_str()) && parent.as_deref() != Some(deciding.id.as_str()) {
        return reject(
            "L1",
            format!("{} does not oversee {}", deciding.id, target.id),
            format!(
                "open the motion in {}",
                responsible
                    .or(parent)
                    .unwrap_or_else(|| "its overseeing body".to_owned())
            ),
        );
    }
    let current = target.state_on(on).or(target.state).unwrap_or(LifecycleState::Proposed);
    if !current.may_move_to(to) {
        return reject(
            "L1",
            format!("{} cannot move from {} to {}", target.id, current.as_str(), to.as_str()),
            "groups move proposed → forming → active → archived; archived groups are reactivated (L7)",
        );
    }
    if target.kind == BodyKind::Sig && current == LifecycleState::Proposed && to.is_live() {
        let proposal = target.proposal.clone().unwrap_or_default();
        let mut gaps = Vec::new();
        if proposal.purpose.is_none() {
            gaps.push("states no purpose");
        }
        if proposal.leads.len() < 2 {
            gaps.push("has fewer than two volunteer leads");
        }
        if proposal.resources.is_none() {
            gaps.push("states no resources needed");
        }
        if !gaps.is_empty() {
            return reject(
                "L3",
                format!("the proposed SIG {} {}", target.id, gaps.join(", ")),
                "complete `proposal:` (purpose, two or more leads, resources) in its file",
            );
        }
    }
    if target.kind == BodyKind::SubGroup && to == LifecycleState::Forming && current == LifecycleState::Proposed {
        let gaps = l2_gaps(&state.polity, target, on);
        if !gaps.is_empty() {
            let what: Vec<String> = gaps.iter().map(|(what, _)| format!("it {what}")).collect();
            let hints: Vec<&str> = gaps.iter().map(|(_, hint)| *hint).collect();
            return reject(
                "L2",
                format!("{} cannot form: {}", target.id, what.join("; ")),
                hints.join("; "),
            );
        }
    }
    Ok(())
}

fn close_election(
    state: &State,
    election: &Election,
    ballots: &[(String, Vec<Vec<String>>)],
    actor: &str,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(&election.body)?;
    let seat = seat_of(&election.seat);
    let rule = state.election_rule(body, seat);
    let rule_id = election_rule_id(body, seat);
    let names = election.candidates.clone();
    check_ballot_store(election, ballots)?;
    let mut counted = Ballots::new(names.clone(), Unranked::Below).map_err(|error| Rejection {
        rule: rule_id,
        message: error.to_string(),
        hint: "fewer candidates".to_owned(),
    })?;
    for (receipt, ranking) in ballots {
        let mut ranks = vec![None; names.len()];
        for (position, tier) in ranking.iter().enumerate() {
            for candidate in tier {
                if let Some(index) = names.iter().position(|name| name == candidate) {
                    ranks[index] = Some(position as u32 + 1);
                }
            }
        }
        counted.push(&ranks, 1).map_err(|error| Rejection {
            rule: "T1",
            message: format!("the stored ballot {receipt} cannot be counted: {error}"),
            hint: INTEGRITY_HINT.to_owned(),
        })?;
    }
    let voters = state.electorate(body, rule.voters, on);
    // The new terms start when the seats' current terms end (or when voting closes, if later):
    // members whose terms end then are being replaced; those whose terms go on are sitting.
    let closes = date(&election.voting_close).max(on);
    let term_start = body
        .holders
        .iter()
        .filter(|holding| holding.seat == seat)
        .filter_map(|holding| holding.until)
        .filter(|until| *until >= closes)
        .min()
        .unwrap_or(closes);
    // Sitting members: those whose seat continues past the new terms' start (S6 counts them).
    let sitting: Vec<String> = body
        .holders
        .iter()
        .filter(|holding| holding.seat == seat && holding.covers(term_start) && !names.contains(&holding.person.text))
        .filter_map(|holding| {
            state
                .polity
                .affiliation_on(&holding.person.text, term_start)
                .map(str::to_owned)
        })
        .collect();
    let cap = if seat == Seat::Member {
        body.seats
            .and_then(|seats| seats.per_organisation)
            .map(|cap| cap as usize)
    } else {
        None
    };
    let method = rule
        .method
        .as_deref()
        .and_then(|name| name.parse::<Method>().ok())
        .unwrap_or(Method::Schulze(Strength::WinningVotes));
    let rules = ElectionRules {
        method,
        seats: SeatRules {
            seats: election.seats,
            organisations: names
                .iter()
                .map(|name| state.polity.affiliation_on(name, term_start).map(str::to_owned))
                .collect(),
            cap,
            sitting,
            tie_break: TieBreak::Report,
        },
        classes: Vec::new(),
        turnout: rule.valid_if.map(|valid_if| Turnout {
            eligible: voters.len() as u64,
            valid_if,
        }),
        threads: 1,
    };
    let result = polity_count::count(&counted, &rules);
    let winners: Vec<String> = result.seats.winners.iter().map(|&index| names[index].clone()).collect();
    let until = body.term.map(|term| term.after(term_start).to_string());
    let mut events = vec![Event::ElectionClosed {
        election: election.id.clone(),
        valid: result.valid,
        ranking: result
            .ranking
            .iter()
            .map(|tier| tier.iter().map(|&index| names[index].clone()).collect())
            .collect(),
        winners: winners.clone(),
        skipped: result
            .seats
            .skipped
            .iter()
            .map(|skip| names[skip.candidate].clone())
            .collect(),
        explanation: result.explanation.clone(),
        tally_sheet: ballots
            .iter()
            .map(|(receipt, ranking)| TallyLine {
                receipt: receipt.clone(),
                ranking: ranking.clone(),
            })
            .collect(),
        by: actor.to_owned(),
    }];
    // E5: staggered terms: the first half of the winners (rounded up) serve the full term,
    // the rest half of it, so that the body's seats never all change on one day.
    let full = winners.len().div_ceil(2);
    for (position, winner) in winners.into_iter().enumerate() {
        let (until, class) = match (election.stagger, body.term) {
            (true, Some(term)) if position >= full => {
                (Some(half(term).after(term_start).to_string()), Some("b".to_owned()))
            }
            (true, Some(_)) => (until.clone(), Some("a".to_owned())),
            _ => (until.clone(), None),
        };
        events.push(Event::TermStarted {
            body: body.id.clone(),
            person: winner,
            seat: election.seat.clone(),
            from: term_start.to_string(),
            until,
            election: election.id.clone(),
            class,
        });
    }
    Ok(events)
}

const INTEGRITY_HINT: &str = "the ballot store was changed outside polity: do not close; restore the database from a backup and run `polity audit verify`";

/// T1: the ballot store holds exactly one ballot per voter who cast one (the `ballot-cast` events,
/// replacements counted once), with distinct receipts, each a ranking `decide` would accept.
/// Anything else means the store was written behind polity's back: the count is refused.
pub fn check_ballot_store(election: &Election, ballots: &[(String, Vec<Vec<String>>)]) -> Result<(), Rejection> {
    let integrity = |message: String| Rejection {
        rule: "T1",
        message: format!("integrity: {message}"),
        hint: INTEGRITY_HINT.to_owned(),
    };
    if ballots.len() != election.voted.len() {
        return Err(integrity(format!(
            "the ballot store holds {} ballot(s) for {}, but {} voter(s) cast one",
            ballots.len(),
            election.id,
            election.voted.len()
        )));
    }
    let receipts: BTreeSet<&str> = ballots.iter().map(|(receipt, _)| receipt.as_str()).collect();
    if receipts.len() != ballots.len() {
        return Err(integrity(format!("two ballots of {} share a receipt", election.id)));
    }
    for (receipt, ranking) in ballots {
        let mut seen = BTreeSet::new();
        let well_formed = ranking.iter().all(|tier| !tier.is_empty())
            && ranking
                .iter()
                .flatten()
                .all(|candidate| election.candidates.contains(candidate) && seen.insert(candidate));
        if !well_formed {
            return Err(integrity(format!(
                "the stored ballot {receipt} is not a ranking of {}'s candidates",
                election.id
            )));
        }
    }
    Ok(())
}

/// Applies one event. The only code that changes a `State`.
pub fn evolve(state: &mut State, event: &Event) {
    state.events += 1;
    match event {
        Event::RollRecorded { members, .. } => {
            state.polity.constitution.roll = members
                .iter()
                .map(|member| polity_model::PersonRef {
                    text: member.clone(),
                    loc: Loc::default(),
                })
                .collect();
        }
        Event::RegistryRecorded { files, .. } => {
            let loaded = polity_registry::load_sources(
                &files
                    .iter()
                    .map(|file| (file.path.clone(), file.content.clone()))
                    .collect::<Vec<_>>(),
            );
            state.polity = loaded.polity;
            state.recorded = true;
        }
        Event::ReportSubmitted {
            body, on, report, link, ..
        } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.reports.push(Report {
                    on: date(on),
                    kind: if report == "annual" {
                        ReportKind::Annual
                    } else {
                        ReportKind::Quarterly
                    },
                    link: link.clone(),
                    loc: body.loc,
                });
            }
        }
        Event::MotionOpened {
            motion,
            body,
            title,
            rule,
            transition_body,
            transition_to,
            promote,
            remove_person,
            remove_seat,
            appoint_person,
            appoint_seat,
            no_confidence,
            meeting,
            large,
            electorates,
            by,
        } => {
            state.motions.insert(
                motion.clone(),
                Motion {
                    id: motion.clone(),
                    body: body.clone(),
                    title: title.clone(),
                    rule: rule.clone(),
                    transition: transition_body.clone().zip(transition_to.clone()),
                    promote: promote.clone(),
                    remove: remove_person.clone().zip(remove_seat.clone()),
                    appoint: appoint_person.clone().zip(appoint_seat.clone()),
                    no_confidence: *no_confidence,
                    meeting: meeting.clone(),
                    large: *large,
                    consulted: BTreeSet::new(),
                    electorates: if electorates.is_empty() {
                        vec![Electorate::Members]
                    } else {
                        electorates.iter().map(|name| electorate_of(name)).collect()
                    },
                    round: 1,
                    votes: BTreeMap::new(),
                    outcome: None,
                    opened_by: by.clone(),
                },
            );
        }
        Event::VoteCast {
            motion,
            member,
            choice,
            cast_by,
            capacity,
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion
                    .votes
                    .insert(member.clone(), (choice.clone(), cast_by.clone(), capacity.clone()));
            }
        }
        Event::MotionRevote { motion, round, .. } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.round = *round;
                motion.votes.clear();
            }
        }
        Event::MotionClosed { motion, outcome, .. } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.outcome = Some(outcome.clone());
            }
        }
        Event::BodyTransitioned { body, to, on, motion } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.state = Some(state_of(to));
                body.history.push(StateChange {
                    state: state_of(to),
                    on: date(on),
                    motion: Some(motion.clone()),
                    loc: body.loc,
                });
            }
        }
        Event::TermEnded {
            body, person, seat, on, ..
        } => {
            let on = date(on);
            let seat = seat_of(seat);
            let polity = &state.polity;
            let matches: Vec<usize> = polity
                .body(body)
                .map(|found| {
                    found
                        .holders
                        .iter()
                        .enumerate()
                        .filter(|(_, holding)| {
                            holding.seat == seat
                                && holding.covers(on)
                                && polity.person(&holding.person.text).is_some_and(|p| p.id == *person)
                        })
                        .map(|(index, _)| index)
                        .collect()
                })
                .unwrap_or_default();
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                for index in matches {
                    body.holders[index].until = Some(on);
                }
            }
        }
        Event::ProposalOpened {
            proposal,
            body,
            title,
            deadline,
            ..
        } => {
            state.proposals.insert(
                proposal.clone(),
                LazyProposal {
                    id: proposal.clone(),
                    body: body.clone(),
                    title: title.clone(),
                    deadline: deadline.clone(),
                    objected: None,
                    accepted: false,
                    stopped: false,
                },
            );
        }
        Event::ProposalObjected { proposal, motion, .. } => {
            if let Some(proposal) = state.proposals.get_mut(proposal) {
                proposal.objected = Some(motion.clone());
            }
        }
        Event::ProposalAccepted { proposal } => {
            if let Some(proposal) = state.proposals.get_mut(proposal) {
                proposal.accepted = true;
            }
        }
        Event::FinalSayRecorded {
            motion, decision, by, ..
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.outcome = Some(format!(
                    "{} by the final say of {by}",
                    if decision == "yes" { "carried" } else { "failed" }
                ));
            }
        }
        Event::Intervened { target, .. } => {
            if let Some(proposal) = state.proposals.get_mut(target) {
                proposal.stopped = true;
            }
            if let Some(motion) = state.motions.get_mut(target) {
                motion.outcome = Some("stopped by the overseeing body".to_owned());
            }
        }
        Event::ConsultationRecorded { motion, group, .. } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.consulted.insert(group.clone());
            }
        }
        Event::LiaisonVolunteered { body, area, person } => {
            state
                .volunteers
                .entry((body.clone(), area.clone()))
                .or_default()
                .insert(person.clone());
        }
        Event::LiaisonChosen { body, area, person, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.liaisons.insert(
                    area.clone(),
                    vec![polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    }],
                );
            }
        }
        Event::SignedOff { .. } => {}
        Event::WorkingGroupDissolved { body, on, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.state = Some(LifecycleState::Archived);
                body.history.push(StateChange {
                    state: LifecycleState::Archived,
                    on: date(on),
                    motion: Some(format!("S4 dissolution of {}", body.id)),
                    loc: body.loc,
                });
            }
        }
        Event::NoConfidence { .. } => {}
        Event::MeetingScheduled {
            meeting,
            body,
            on,
            chair,
            ..
        } => {
            state.meetings.insert(
                meeting.clone(),
                Meeting {
                    id: meeting.clone(),
                    body: body.clone(),
                    on: on.clone(),
                    chair: chair.clone(),
                    agenda: Vec::new(),
                    requests: Vec::new(),
                    proxies: BTreeMap::new(),
                    attending: None,
                    quorum_met: None,
                    minutes: None,
                },
            );
        }
        Event::AgendaItemAdded {
            meeting,
            item,
            by,
            accepted_by,
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                if accepted_by.is_some()
                    && let Some(request) = meeting
                        .requests
                        .iter_mut()
                        .find(|(requested, requester, accepted)| requested == item && requester == by && !*accepted)
                {
                    request.2 = true;
                }
                meeting.agenda.push((item.clone(), by.clone()));
            }
        }
        Event::AgendaItemRequested { meeting, item, by, .. } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.requests.push((item.clone(), by.clone(), false));
            }
        }
        Event::ProxyDeclared {
            meeting,
            member,
            holder,
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.proxies.insert(member.clone(), holder.clone());
            }
        }
        Event::AttendanceRecorded {
            meeting,
            attending,
            quorum_met,
            ..
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.attending = Some(attending.iter().cloned().collect());
                meeting.quorum_met = Some(*quorum_met);
            }
        }
        Event::MinutesPublished { meeting, link, .. } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.minutes = Some(link.clone());
            }
        }
        Event::CommitterPromoted { body, person, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.committers
                    .get_or_insert_with(Vec::new)
                    .push(polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    });
            }
        }
        Event::ElectionOpened {
            election,
            body,
            seat,
            seats,
            nominations_close,
            voting_close,
            stagger,
            by,
        } => {
            state.elections.insert(
                election.clone(),
                Election {
                    id: election.clone(),
                    body: body.clone(),
                    seat: seat.clone(),
                    seats: *seats,
                    nominations_close: nominations_close.clone(),
                    voting_close: voting_close.clone(),
                    phase: Phase::Nominating,
                    nominees: BTreeMap::new(),
                    candidates: Vec::new(),
                    voted: BTreeSet::new(),
                    keys: BTreeMap::new(),
                    winners: Vec::new(),
                    valid: None,
                    ranking: Vec::new(),
                    skipped: Vec::new(),
                    explanation: Vec::new(),
                    tally_sheet: Vec::new(),
                    stagger: *stagger,
                    opened_by: by.clone(),
                },
            );
        }
        Event::CandidateNominated {
            election, candidate, ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.nominees.insert(
                    candidate.clone(),
                    Nominee {
                        consented: false,
                        withdrawn: false,
                        statement: None,
                    },
                );
            }
        }
        Event::CandidateConsented { election, candidate } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.consented = true;
            }
        }
        Event::StatementPublished {
            election,
            candidate,
            statement,
        } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.statement = Some(statement.clone());
            }
        }
        Event::CandidateWithdrew { election, candidate } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.withdrawn = true;
            }
        }
        Event::NominationsClosed {
            election, candidates, ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.phase = Phase::Voting;
                election.candidates = candidates.clone();
            }
        }
        Event::BallotCast {
            election,
            voter,
            key_hash,
            ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.voted.insert(voter.clone());
                match key_hash {
                    Some(hash) => election.keys.insert(voter.clone(), hash.clone()),
                    None => election.keys.remove(voter),
                };
            }
        }
        Event::ElectionClosed {
            election,
            valid,
            ranking,
            winners,
            skipped,
            explanation,
            tally_sheet,
            ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.phase = Phase::Closed;
                election.valid = Some(*valid);
                election.ranking = ranking.clone();
                election.skipped = skipped.clone();
                election.explanation = explanation.clone();
                election.winners = winners.clone();
                election.tally_sheet = tally_sheet.clone();
            }
        }
        Event::TermStarted {
            body,
            person,
            seat,
            from,
            until,
            class,
            ..
        } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.holders.push(Holding {
                    person: polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    },
                    seat: seat_of(seat),
                    from: date(from),
                    until: until.as_deref().map(date),
                    class: class.clone(),
                    loc,
                });
            }
        }
    }
}

/// The body an event concerns, for the log's `body` column and filters.
pub fn event_body(event: &Event) -> Option<String> {
    let of_id = |id: &str| id.split_once('/').map(|(body, _)| body.to_owned());
    match event {
        Event::RegistryRecorded { .. } => None,
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
