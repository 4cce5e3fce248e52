//! Engine-wide properties: random command streams (random actors, dates moving forward, valid and
//! invalid commands of every kind) against each of the four example registries. Whatever happens:
//! - every accepted command's events read back as they were written (the stored format);
//! - every refused command changes nothing, names a rule, and is refused again the same way;
//! - seat counts, per-organisation caps and terms never break a rule `check` enforces that the
//!   registry did not already break on that day;
//! - replaying the events gives the same state byte for byte;
//! - `export` writes a registry that reads without a problem and that `check` finds no new error
//!   in.

use std::collections::{BTreeMap, BTreeSet};

use jiff::ToSpan;
use jiff::civil::{Date, date};
use polity_count::motion::Choice;
use polity_engine::command::{self, *};
use polity_engine::{Command, Context, Event, Phase, Rejection, SourceFile, State, Subject, decide, evolve, secret};
use polity_model::{Electorate, Finding, LifecycleState, ReportKind, Seat, Severity};
use proptest::prelude::*;

const EXAMPLES: [&str; 4] = [
    "cfn-working-group",
    "dask-leadership",
    "openstack-projects",
    "paddle-sigs",
];
const START: Date = date(2026, 6, 1);

/// One step, as numbers the interpreter turns into a command against the state of the moment:
/// (actor, days later, kind, four choices).
type Raw = (u8, u8, u8, u8, u8, u8, u8);

fn recorded(example: &str) -> (State, Vec<Event>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(example);
    let files = polity_registry::read_sources(&root)
        .unwrap()
        .into_iter()
        .map(|(path, content)| SourceFile { path, content })
        .collect();
    let mut state = State::default();
    let events = decide(
        &state,
        &Command::RecordRegistry(RecordRegistry { files }),
        &Context::on("polity init", START),
    )
    .unwrap();
    for event in &events {
        evolve(&mut state, event);
    }
    (state, events)
}

/// What the interpreter picks from: the registry's ids and the processes under way, each list
/// with one id that names nothing.
struct Pick<'a> {
    state: &'a State,
    choices: [u8; 4],
}

impl Pick<'_> {
    /// Mostly one of `list`; one time in sixteen (and always when it is empty) an id of nothing.
    fn from(&self, list: Vec<String>, which: usize) -> String {
        let index = usize::from(self.choices[which % 4]);
        if index % 16 == 15 || list.is_empty() {
            return "nobody-at-all".to_owned();
        }
        list[index % list.len()].clone()
    }

    fn person(&self, which: usize) -> String {
        self.from(
            self.state
                .polity
                .people
                .iter()
                .map(|person| person.id.clone())
                .collect(),
            which,
        )
    }

    fn people(&self, which: usize) -> Vec<String> {
        let mask = u32::from(self.choices[which % 4]).wrapping_mul(2_654_435_761);
        self.state
            .polity
            .people
            .iter()
            .enumerate()
            .filter(|(index, _)| mask.rotate_left(*index as u32) & 1 == 1)
            .map(|(_, person)| person.id.clone())
            .collect()
    }

    fn body(&self, which: usize) -> String {
        self.from(
            self.state.polity.bodies.iter().map(|body| body.id.clone()).collect(),
            which,
        )
    }

    /// Mostly a motion still open (closed ones now and then).
    fn motion(&self, which: usize) -> String {
        let open: Vec<String> = self
            .state
            .motions
            .values()
            .filter(|motion| motion.outcome.is_none() || self.choices[which % 4].is_multiple_of(8))
            .map(|motion| motion.id.clone())
            .collect();
        self.from(open, which)
    }

    /// Mostly an election not yet closed (closed ones now and then).
    fn election(&self, which: usize) -> String {
        let open: Vec<String> = self
            .state
            .elections
            .values()
            .filter(|election| election.phase != Phase::Closed || self.choices[which % 4].is_multiple_of(8))
            .map(|election| election.id.clone())
            .collect();
        self.from(open, which)
    }

    fn meeting(&self, which: usize) -> String {
        self.from(self.state.meetings.keys().cloned().collect(), which)
    }

    fn proposal(&self, which: usize) -> String {
        self.from(self.state.proposals.keys().cloned().collect(), which)
    }

    fn area(&self, which: usize) -> String {
        let mut areas = self.state.polity.constitution.liaison_areas.clone();
        areas.push("release".to_owned());
        self.from(areas, which)
    }

    fn seat(&self, which: usize) -> Seat {
        Seat::ALL[usize::from(self.choices[which % 4]) % Seat::ALL.len()]
    }

    fn choice(&self, which: usize) -> Choice {
        [Choice::Yes, Choice::No, Choice::Abstain][usize::from(self.choices[which % 4]) % 3]
    }

    fn flag(&self, which: usize) -> bool {
        self.choices[which % 4] % 2 == 1
    }

    fn days(&self, which: usize) -> jiff::Span {
        i64::from(self.choices[which % 4] % 40).days()
    }
}

/// A stored ballot: its key, its receipt and its ranking.
type Stored = (String, String, Vec<Vec<String>>);

/// The ballot store as the real one keeps it: each voter's last ballot, by receipt.
#[derive(Default)]
struct Ballots {
    /// election → voter → their last ballot
    cast: BTreeMap<String, BTreeMap<String, Stored>>,
}

fn subject(pick: &Pick) -> Option<Subject> {
    let person = pick.person(1);
    match pick.choices[0] % 7 {
        0 | 1 => None,
        2 => Some(Subject::Transition {
            body: pick.body(2),
            to: [
                LifecycleState::Forming,
                LifecycleState::Active,
                LifecycleState::Archived,
            ][usize::from(pick.choices[3]) % 3],
        }),
        3 => Some(Subject::Promote { person }),
        4 => Some(Subject::Remove {
            person,
            seat: pick.seat(2),
        }),
        5 => Some(Subject::Appoint {
            person,
            seat: pick.seat(2),
        }),
        _ => Some(Subject::NoConfidence),
    }
}

/// The command a raw step stands for, against `state` on `on`.
fn command_of(state: &State, ballots: &Ballots, actor: &str, raw: Raw, on: Date) -> Command {
    let (_, _, kind, a, b, c, d) = raw;
    let pick = Pick {
        state,
        choices: [a, b, c, d],
    };
    let title = ["Meet on Thursdays", "", "A budget"][usize::from(a) % 3].to_owned();
    // A step on a kind of process none of which is under way opens one instead, so that streams
    // reach votes, ballots and closes rather than naming nothing.
    // Kinds 40 to 47 weigh the steps of an election and a motion's close more: a full election
    // takes many steps in the right order.
    let kind = match kind % 48 {
        40 | 41 => 29,
        42 => 30,
        43 => 33,
        44 | 45 => 34,
        46 => 37,
        47 => 26,
        other => other,
    };
    let kind = match kind {
        6..=8 | 10 if state.proposals.is_empty() && state.motions.is_empty() => 5,
        8 | 11 | 22..=27 if state.motions.is_empty() => 1,
        16..=21 if state.meetings.is_empty() => 4,
        29..=38 if state.elections.is_empty() => 28,
        other => other,
    };
    match kind {
        0 => Command::SubmitReport(SubmitReport {
            body: pick.body(0),
            report: if pick.flag(1) {
                ReportKind::Annual
            } else {
                ReportKind::Quarterly
            },
            link: pick.flag(2).then(|| "https://example.org/report".to_owned()),
        }),
        1..=3 => Command::OpenMotion(OpenMotion {
            body: pick.body(3),
            title: if title.is_empty() { "A motion".to_owned() } else { title },
            rule: None,
            subject: subject(&pick),
            meeting: (a % 5 == 0).then(|| pick.meeting(1)),
            large: b % 5 == 0,
            closes: None,
        }),
        4 => Command::ScheduleMeeting(ScheduleMeeting {
            body: pick.body(0),
            on: on + pick.days(1),
        }),
        5 => Command::Propose(Propose {
            body: pick.body(0),
            title,
            deadline: on + pick.days(1),
        }),
        6 => Command::Object(Object {
            proposal: pick.proposal(0),
            reason: "not now".to_owned(),
        }),
        7 => Command::ConcludeProposal(ConcludeProposal {
            proposal: pick.proposal(0),
        }),
        8 => Command::FinalSay(FinalSay {
            motion: pick.motion(0),
            decision: pick.choice(1),
            reason: "a deadlock".to_owned(),
        }),
        9 => Command::RecordRoll(RecordRoll {
            from: on - 365.days(),
            rule: "at least 1 contribution within 12 months".to_owned(),
            members: pick.people(0),
            sources: vec!["test".to_owned()],
        }),
        10 => Command::Intervene(Intervene {
            target: if pick.flag(0) { pick.proposal(1) } else { pick.motion(1) },
            reason: "out of scope".to_owned(),
        }),
        11 => Command::Consult(Consult {
            motion: pick.motion(0),
            group: pick.body(1),
            summary: "in favour".to_owned(),
        }),
        12 => Command::VolunteerLiaison(VolunteerLiaison {
            body: pick.body(0),
            area: pick.area(1),
        }),
        13 => Command::ChooseLiaison(ChooseLiaison {
            body: pick.body(0),
            area: pick.area(1),
            person: pick.person(2),
        }),
        14 => Command::SignOff(SignOff {
            body: pick.body(0),
            area: pick.area(1),
            subject: "2026.1".to_owned(),
        }),
        15 => Command::DissolveWorkingGroup(DissolveWorkingGroup { body: pick.body(0) }),
        16 => Command::AddAgendaItem(AddAgendaItem {
            meeting: pick.meeting(0),
            item: "Budget".to_owned(),
        }),
        17 => Command::RequestAgendaItem(RequestAgendaItem {
            meeting: pick.meeting(0),
            item: "Logo".to_owned(),
        }),
        18 => Command::AcceptAgendaRequest(AcceptAgendaRequest {
            meeting: pick.meeting(0),
            request: usize::from(b % 3),
        }),
        19 => Command::DeclareProxy(DeclareProxy {
            meeting: pick.meeting(0),
            holder: pick.person(1),
        }),
        20 => Command::RecordAttendance(RecordAttendance {
            meeting: pick.meeting(0),
            present: pick.people(1),
        }),
        21 => Command::PublishMinutes(PublishMinutes {
            meeting: pick.meeting(0),
            link: "https://example.org/minutes".to_owned(),
        }),
        22..=25 => Command::Vote(Vote {
            motion: pick.motion(0),
            choice: pick.choice(1),
            on_behalf_of: (c % 7 == 0).then(|| pick.person(3)),
            capacity: (d % 5 == 0).then(|| "personal".to_owned()),
        }),
        26 | 27 => Command::CloseMotion(CloseMotion {
            motion: pick.motion(0),
            casting_vote: pick.flag(1).then(|| pick.choice(2)),
        }),
        28 => Command::OpenElection(OpenElection {
            body: pick.body(0),
            seat: pick.seat(1),
            seats: usize::from(c % 4) + 1,
            stagger: pick.flag(3),
        }),
        29 => Command::Nominate(Nominate {
            election: pick.election(0),
            candidate: if pick.flag(1) && !actor.is_empty() {
                actor.to_owned()
            } else {
                pick.person(1)
            },
        }),
        30 => Command::Consent(command::Consent {
            election: pick.election(0),
        }),
        31 => Command::Withdraw(Withdraw {
            election: pick.election(0),
        }),
        32 => Command::PublishStatement(PublishStatement {
            election: pick.election(0),
            statement: "I will serve.".to_owned(),
        }),
        33 => Command::CloseNominations(CloseNominations {
            election: pick.election(0),
        }),
        34..=36 => {
            let election = pick.election(0);
            let candidates = state
                .elections
                .get(&election)
                .map(|found| found.candidates.clone())
                .unwrap_or_default();
            let mut ranking: Vec<Vec<String>> = candidates
                .iter()
                .enumerate()
                .filter(|(index, _)| (b >> (index % 8)) & 1 == 1)
                .map(|(_, candidate)| vec![candidate.clone()])
                .collect();
            if c % 9 == 0 {
                ranking.push(vec!["nobody-at-all".to_owned()]);
            }
            let previous = ballots.cast.get(&election).and_then(|voters| voters.get(actor));
            Command::CastBallot(CastBallot {
                election,
                abstain: ranking.is_empty(),
                ranking,
                key: format!(
                    "{:032x}",
                    u128::from(a) << 64 | u128::from(b) << 32 | u128::from(d) << 8 | u128::from(c)
                ),
                replaces: match d % 3 {
                    0 => previous.map(|(key, _, _)| key.clone()),
                    1 => Some("0123456789abcdef0123456789abcdef".to_owned()),
                    _ => None,
                },
            })
        }
        37 | 38 => {
            let election = pick.election(0);
            let stored = ballots
                .cast
                .get(&election)
                .map(|voters| {
                    voters
                        .values()
                        .map(|(_, receipt, ranking)| (receipt.clone(), ranking.clone()))
                        .collect()
                })
                .unwrap_or_default();
            Command::CloseElection(CloseElection {
                election,
                ballots: stored,
            })
        }
        _ => Command::RecordRegistry(RecordRegistry { files: Vec::new() }),
    }
}

/// The errors `check` finds on `on`, as (rule, file, the message's shape): which rules a registry
/// breaks, where and how. The shape masks numbers and dates, so that an act that makes an error
/// smaller (an election that fills three of five empty seats: "has 0 members" becomes "has 3
/// members") or moves a date in it (a report submitted) is not taken for a new error; an act that
/// breaks a rule in a new way or a new place is.
fn errors(polity: &polity_model::Polity, on: Date) -> BTreeSet<(String, String, String)> {
    polity_model::check(polity, on)
        .iter()
        .filter(|finding: &&Finding| finding.severity == Severity::Error)
        .map(|finding| {
            let file = finding.loc.map_or("", |loc| polity.file_name(loc));
            (finding.rule.to_string(), file.to_owned(), shape(&finding.message))
        })
        .collect()
}

/// `text` with every run of digits (numbers, dates) as `#`.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Everyone who takes part in the body a command concerns (its members, active members,
/// committers, chairs and overseers), or in any body when it concerns none.
fn pool(state: &State, command: &Command, on: Date, choice: u8) -> Vec<String> {
    // The nominees consent, withdraw and speak; whoever opened a process closes it (half the
    // time: the other half anyone of the body tries).
    match command {
        Command::Consent(command::Consent { election })
        | Command::Withdraw(Withdraw { election })
        | Command::PublishStatement(PublishStatement { election, .. }) => {
            if let Some(found) = state.elections.get(election) {
                return found.nominees.keys().cloned().collect();
            }
        }
        Command::CloseNominations(CloseNominations { election })
        | Command::CloseElection(CloseElection { election, .. })
            if choice.is_multiple_of(2) =>
        {
            if let Some(found) = state.elections.get(election) {
                return vec![found.opened_by.clone()];
            }
        }
        Command::CloseMotion(CloseMotion { motion, .. }) if choice.is_multiple_of(2) => {
            if let Some(found) = state.motions.get(motion) {
                return vec![found.opened_by.clone()];
            }
        }
        _ => {}
    }
    let body = match command {
        Command::SubmitReport(SubmitReport { body, .. })
        | Command::OpenMotion(OpenMotion { body, .. })
        | Command::ScheduleMeeting(ScheduleMeeting { body, .. })
        | Command::Propose(Propose { body, .. })
        | Command::VolunteerLiaison(VolunteerLiaison { body, .. })
        | Command::ChooseLiaison(ChooseLiaison { body, .. })
        | Command::SignOff(SignOff { body, .. })
        | Command::OpenElection(OpenElection { body, .. }) => Some(body.clone()),
        Command::Vote(Vote { motion, .. }) | Command::CloseMotion(CloseMotion { motion, .. }) => {
            state.motions.get(motion).map(|found| found.body.clone())
        }
        Command::Nominate(Nominate { election, .. })
        | Command::Consent(command::Consent { election })
        | Command::Withdraw(Withdraw { election })
        | Command::PublishStatement(PublishStatement { election, .. })
        | Command::CloseNominations(CloseNominations { election })
        | Command::CastBallot(CastBallot { election, .. })
        | Command::CloseElection(CloseElection { election, .. }) => {
            state.elections.get(election).map(|found| found.body.clone())
        }
        Command::AddAgendaItem(AddAgendaItem { meeting, .. })
        | Command::DeclareProxy(DeclareProxy { meeting, .. })
        | Command::RecordAttendance(RecordAttendance { meeting, .. })
        | Command::PublishMinutes(PublishMinutes { meeting, .. }) => {
            state.meetings.get(meeting).map(|found| found.body.clone())
        }
        _ => None,
    };
    let bodies: Vec<&polity_model::Body> = match body.and_then(|id| state.polity.body(&id)) {
        Some(body) => vec![body],
        None => state.polity.bodies.iter().collect(),
    };
    let mut found = BTreeSet::new();
    for body in bodies {
        for electorate in [
            Electorate::Members,
            Electorate::ActiveMembers,
            Electorate::Committers,
            Electorate::Chairs,
            Electorate::Overseer,
        ] {
            found.extend(state.electorate(body, electorate, on));
        }
    }
    found.into_iter().collect()
}

fn replay(events: &[Event]) -> State {
    let mut state = State::default();
    for event in events {
        evolve(&mut state, event);
    }
    state
}

/// A record under test: the registry as recorded, the state, the log and the ballot store.
struct World {
    initial: State,
    state: State,
    log: Vec<Event>,
    ballots: Ballots,
    on: Date,
    steps: usize,
}

impl World {
    fn new(example: &str) -> World {
        let (initial, log) = recorded(example);
        World {
            state: initial.clone(),
            initial,
            log,
            ballots: Ballots::default(),
            on: START,
            steps: 0,
        }
    }

    /// Decides `command` by `actor` today and checks every per-step property. Whether it was
    /// accepted.
    fn act(&mut self, actor: &str, command: &Command) -> Result<bool, TestCaseError> {
        self.steps += 1;
        let step = self.steps;
        let context = Context::on(actor.to_owned(), self.on);
        match decide(&self.state, command, &context) {
            Ok(events) => {
                for event in &events {
                    let text = serde_json::to_string(event).unwrap();
                    let read: Event = serde_json::from_str(&text).unwrap();
                    prop_assert_eq!(&read, event, "step {}: the stored form reads back", step);
                    evolve(&mut self.state, event);
                }
                if let (Command::CastBallot(ballot), Some(Event::BallotCast { voter, .. })) = (command, events.first())
                {
                    self.ballots.cast.entry(ballot.election.clone()).or_default().insert(
                        voter.clone(),
                        (
                            ballot.key.clone(),
                            secret::receipt_of(&ballot.key),
                            ballot.ranking.clone(),
                        ),
                    );
                }
                let events_of_step = events.clone();
                self.log.extend(events);
                // Seat counts, caps and terms: nothing `check` enforces breaks that the
                // registry did not already break, today and on the first day of each new term.
                let mut days = vec![self.on];
                days.extend(events_of_step.iter().filter_map(|event| match event {
                    Event::TermStarted { from, .. } => Some(*from),
                    _ => None,
                }));
                for day in days {
                    let before = errors(&self.initial.polity, day);
                    let after = errors(&self.state.polity, day);
                    let new: Vec<_> = after.difference(&before).collect();
                    prop_assert!(
                        new.is_empty(),
                        "step {} ({:?} by {}) broke on {}: {:?}",
                        step,
                        command,
                        actor,
                        day,
                        new
                    );
                }
                Ok(true)
            }
            Err(Rejection {
                rule, message, hint, ..
            }) => {
                prop_assert!(
                    !message.is_empty() && !hint.is_empty(),
                    "step {}: {} without words",
                    step,
                    rule
                );
                let again = decide(&self.state, command, &context).unwrap_err();
                prop_assert_eq!(again.rule, rule, "step {}: refused differently the second time", step);
                Ok(false)
            }
        }
    }

    /// One random step: a command of any kind, valid or not, by a likely or unlikely actor.
    fn random_step(&mut self, raw: Raw) -> Result<(), TestCaseError> {
        // Most acts come on the same day or the next: processes run their course over weeks.
        self.on += [0, 0, 0, 0, 1, 1, 2, 7][usize::from(raw.1 % 8)].days();
        // Three acts in four are by someone who takes part in the body concerned (most acts are
        // theirs to take); the rest by anyone, and now and then by a stranger.
        let people: Vec<String> = self
            .state
            .polity
            .people
            .iter()
            .map(|person| person.id.clone())
            .collect();
        let draft = command_of(&self.state, &self.ballots, "", raw, self.on);
        let pool = pool(&self.state, &draft, self.on, raw.2);
        let actor = match raw.0 {
            u8::MAX => "stranger".to_owned(),
            n if n % 4 != 0 && !pool.is_empty() => pool[usize::from(n) % pool.len()].clone(),
            n => people[usize::from(n) % people.len()].clone(),
        };
        let command = command_of(&self.state, &self.ballots, &actor, raw, self.on);
        self.act(&actor, &command)?;
        Ok(())
    }

    /// A whole election in the body and seat `raw` picks, each step by whoever may take it:
    /// opened, nominated (some candidates consenting), closed for nominations after the window,
    /// voted by every voter with rankings `raw` varies, and closed after the deadline.
    fn election(&mut self, raw: Raw) -> Result<(), TestCaseError> {
        let bodies: Vec<String> = self.state.polity.bodies.iter().map(|body| body.id.clone()).collect();
        let body = bodies[usize::from(raw.3) % bodies.len()].clone();
        let seat = Seat::ALL[usize::from(raw.4) % Seat::ALL.len()];
        let everyone: Vec<String> = self
            .state
            .polity
            .people
            .iter()
            .map(|person| person.id.clone())
            .collect();
        // Half the time everyone is on the roll first (where active members vote, E1, E2).
        if raw.6 % 4 < 2 {
            let roll = Command::RecordRoll(RecordRoll {
                from: self.on - 365.days(),
                rule: "at least 1 contribution within 12 months".to_owned(),
                members: everyone.clone(),
                sources: vec!["test".to_owned()],
            });
            self.first_accepted(&everyone, &roll)?;
        }
        let open = Command::OpenElection(OpenElection {
            body: body.clone(),
            seat,
            seats: usize::from(raw.5 % 3) + 1,
            stagger: raw.6 % 2 == 1,
        });
        let Some(opener) = self.first_accepted(&everyone, &open)? else {
            return Ok(());
        };
        let election = self
            .state
            .elections
            .keys()
            .find(|id| {
                self.state.elections[*id].opened_by == opener
                    && self.state.elections[*id].phase == Phase::Nominating
                    && self.state.elections[*id].body == body
            })
            .cloned();
        let Some(election) = election else { return Ok(()) };
        for (index, candidate) in everyone
            .iter()
            .enumerate()
            .filter(|(index, _)| (u32::from(raw.5) >> (index % 8)) & 1 == 0)
        {
            let nominate = Command::Nominate(Nominate {
                election: election.clone(),
                candidate: candidate.clone(),
            });
            let mut nominators = vec![candidate.clone()];
            nominators.extend(everyone.iter().cloned());
            if self.first_accepted(&nominators, &nominate)?.is_some() && index % 3 != 2 {
                self.act(
                    candidate,
                    &Command::Consent(command::Consent {
                        election: election.clone(),
                    }),
                )?;
            }
        }
        let closes = self.state.elections[&election].nominations_close;
        self.on = self.on.max(closes);
        let close = Command::CloseNominations(CloseNominations {
            election: election.clone(),
        });
        if !self.act(&opener, &close)? {
            return Ok(());
        }
        for (index, voter) in everyone.iter().enumerate() {
            let shift = u32::from(raw.6).wrapping_add(index as u32);
            // A ballot of the voter's own (no replacement named: `d` is a multiple of three).
            let raw = (0, 0, 34, raw.3, shift as u8, (shift >> 3) as u8, (index % 80 * 3) as u8);
            let command = command_of(&self.state, &self.ballots, voter, raw, self.on);
            let Command::CastBallot(mut ballot) = command else {
                continue;
            };
            ballot.election = election.clone();
            self.act(voter, &Command::CastBallot(ballot))?;
        }
        self.on = self.on.max(self.state.elections[&election].voting_close);
        let stored = self.ballots.cast.get(&election).map(|voters| {
            voters
                .values()
                .map(|(_, receipt, ranking)| (receipt.clone(), ranking.clone()))
                .collect()
        });
        self.act(
            &opener,
            &Command::CloseElection(CloseElection {
                election,
                ballots: stored.unwrap_or_default(),
            }),
        )?;
        Ok(())
    }

    /// The first of `actors` whose `command` is accepted.
    fn first_accepted(&mut self, actors: &[String], command: &Command) -> Result<Option<String>, TestCaseError> {
        for actor in actors {
            let context = Context::on(actor.clone(), self.on);
            if decide(&self.state, command, &context).is_ok() {
                self.act(actor, command)?;
                return Ok(Some(actor.clone()));
            }
        }
        Ok(None)
    }

    /// The properties of the whole run: replay, export.
    fn finish(self) -> Result<(), TestCaseError> {
        prop_assert_eq!(replay(&self.log).digest(), self.state.digest(), "the replay differs");
        let dir = tempfile::tempdir().unwrap();
        polity_registry::write::write_registry(dir.path(), &polity_registry::export::to_files(&self.state.polity), "")
            .unwrap();
        let exported = polity_registry::load(dir.path()).unwrap();
        prop_assert!(
            exported.findings.is_empty(),
            "the export does not read: {:?}",
            exported.findings
        );
        let before = errors(&self.initial.polity, self.on);
        let after = errors(&exported.polity, self.on);
        let new: Vec<_> = after.difference(&before).collect();
        prop_assert!(new.is_empty(), "the export breaks: {:?}", new);
        Ok(())
    }
}

fn run(example: &str, steps: &[Raw]) -> Result<(), TestCaseError> {
    let mut world = World::new(example);
    for raw in steps {
        // One step in sixteen runs a whole election; the others are single random acts.
        if raw.2 % 16 == 15 {
            world.election(*raw)?;
        } else {
            world.random_step(*raw)?;
        }
    }
    world.finish()
}

fn steps() -> impl Strategy<Value = Vec<Raw>> {
    prop::collection::vec(any::<Raw>(), 1..80)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn cfn_working_group_keeps_every_invariant(steps in steps()) {
        run(EXAMPLES[0], &steps)?;
    }

    #[test]
    fn dask_leadership_keeps_every_invariant(steps in steps()) {
        run(EXAMPLES[1], &steps)?;
    }

    #[test]
    fn openstack_projects_keeps_every_invariant(steps in steps()) {
        run(EXAMPLES[2], &steps)?;
    }

    #[test]
    fn paddle_sigs_keeps_every_invariant(steps in steps()) {
        run(EXAMPLES[3], &steps)?;
    }
}
