//! The commands: one named struct each, the input of `decide` (the log stores the events they
//! cause, never the commands).

use jiff::civil::Date;
use polity_count::motion::Choice;
use polity_model::{ReportKind, Seat};

use crate::{SourceFile, Subject};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRegistry {
    pub files: Vec<SourceFile>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmitReport {
    pub body: String,
    pub report: ReportKind,
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenMotion {
    pub body: String,
    pub title: String,
    pub rule: Option<String>,
    /// What the motion does when it carries; none for a plain decision.
    pub subject: Option<Subject>,
    /// D1: voted in this meeting, whose quorum gates the decision.
    pub meeting: Option<String>,
    /// D8: a large decision: the advisory groups are consulted before the vote closes.
    pub large: bool,
    /// D3: the date voting closes (at the constitution's `deadline-time`): votes are taken until
    /// then, and the motion is closed once it is reached, or earlier once everyone who may vote
    /// has voted. None: open until someone who may closes it.
    pub closes: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleMeeting {
    pub body: String,
    pub on: Date,
}

/// D7: passes by lazy consensus at `deadline` unless someone objects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Propose {
    pub body: String,
    pub title: String,
    pub deadline: Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object {
    pub proposal: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConcludeProposal {
    pub proposal: String,
}

/// S12: the final-say holder decides a deadlocked motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinalSay {
    pub motion: String,
    pub decision: Choice,
    pub reason: String,
}

/// E1, E2: the active members computed from contribution history as of the act's date
/// become the roll of every `active-members` electorate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRoll {
    /// The first day of the counted window (the last is the day before the act's date).
    pub from: Date,
    /// The rule applied, in words.
    pub rule: String,
    pub members: Vec<String>,
    /// Where the contributions came from (repositories, files).
    pub sources: Vec<String>,
}

/// D11: the overseeing body stops a group's proposal or motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intervene {
    pub target: String,
    pub reason: String,
}

/// D8: record an advisory group's consultation on a large decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consult {
    pub motion: String,
    pub group: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolunteerLiaison {
    pub body: String,
    pub area: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChooseLiaison {
    pub body: String,
    pub area: String,
    pub person: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    pub body: String,
    pub area: String,
    pub subject: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DissolveWorkingGroup {
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddAgendaItem {
    pub meeting: String,
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestAgendaItem {
    pub meeting: String,
    pub item: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptAgendaRequest {
    pub meeting: String,
    pub request: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclareProxy {
    pub meeting: String,
    pub holder: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordAttendance {
    pub meeting: String,
    pub present: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishMinutes {
    pub meeting: String,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    pub motion: String,
    pub choice: Choice,
    pub on_behalf_of: Option<String>,
    pub capacity: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloseMotion {
    pub motion: String,
    pub casting_vote: Option<Choice>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenElection {
    pub body: String,
    pub seat: Seat,
    pub seats: usize,
    pub stagger: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nominate {
    pub election: String,
    pub candidate: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    pub election: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdraw {
    pub election: String,
}

/// A nominee publishes (or replaces) their statement to the voters, before voting closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishStatement {
    pub election: String,
    pub statement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloseNominations {
    pub election: String,
}

/// The ballot's content goes to the secret-ballot store, never into an event. `key` is the
/// new ballot's secret key (see [`secret`]); `replaces` the key of the voter's earlier ballot.
/// An empty `ranking` is a blank ballot, accepted only with `abstain`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CastBallot {
    pub election: String,
    pub ranking: Vec<Vec<String>>,
    pub abstain: bool,
    pub key: String,
    pub replaces: Option<String>,
}

/// `ballots` are the stored ballots as (receipt, ranking), read by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloseElection {
    pub election: String,
    pub ballots: Vec<(String, Vec<Vec<String>>)>,
}
