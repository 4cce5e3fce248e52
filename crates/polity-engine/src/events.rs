//! The events of the record. They are the log's wire format: serialised as JSON with a `kind`
//! tag, stored hash-chained, never changed. Add new kinds; never change an old one's meaning.
//!
//! Every value is typed (dates, seats, states, choices, electorates) and parsed once, when an
//! event is read: a stored event whose text does not parse is an error of the record, never a
//! silent default.

use jiff::civil::Date;
use polity_count::motion::Choice;
use polity_model::{Electorate, LifecycleState, ReportKind, Seat};
use serde::{Deserialize, Serialize};

use crate::Subject;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub path: String,
    pub content: String,
}

/// One round of an STV count as the record keeps it: values are decimal strings at the rule's
/// precision; `votes` and `states` follow the election's candidates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub action: String,
    pub quota: String,
    pub exhausted: String,
    pub votes: Vec<String>,
    pub states: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyLine {
    pub receipt: String,
    /// Tiers of candidate ids, best first.
    pub ranking: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Event {
    /// The registry as it was recorded by `polity init`: every file, verbatim.
    RegistryRecorded {
        files: Vec<SourceFile>,
        by: String,
    },
    /// A commit that changed the registry folder, recorded by `polity sync`: the commit, the
    /// files it changed (verbatim) or removed, what it does to the structure and which of that
    /// should have come from a recorded process (`changes` with a `rule`). With `problems` the
    /// commit's registry could not be read and nothing of it applies.
    RegistryAmended {
        commit: String,
        author: String,
        date: String,
        subject: String,
        files: Vec<SourceFile>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        removed: Vec<String>,
        changes: Vec<crate::amend::AmendedChange>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        problems: Vec<String>,
        by: String,
    },
    /// L8.
    ReportSubmitted {
        body: String,
        on: Date,
        report: ReportKind,
        link: Option<String>,
        by: String,
    },
    MotionOpened {
        motion: String,
        body: String,
        title: String,
        rule: String,
        /// What the motion does when it carries (stored as the flat fields of
        /// [`SubjectFields`]: `transition_body`, `transition_to`, `promote`, …).
        #[serde(flatten, with = "subject_fields")]
        subject: Option<Subject>,
        /// D1: the meeting the motion is voted in (its quorum gates the decision).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<String>,
        /// D8: a large decision; the advisory groups are consulted before it is closed.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        large: bool,
        /// Who votes: `members`, `committers`, `overseer`, `chairs`; several make a composite
        /// majority (E6): each must carry the motion.
        #[serde(default)]
        electorates: Vec<Electorate>,
        /// D3: the date voting closes (absent: open until closed, as in every motion recorded
        /// before closing dates).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        closes: Option<Date>,
        by: String,
    },
    /// D3, D2, D9: a public vote; a later vote of the same member in the same round replaces it.
    VoteCast {
        motion: String,
        member: String,
        choice: Choice,
        /// The proxy who cast it for an absent member (D2).
        cast_by: Option<String>,
        /// The capacity the voter declared (D9): personal, or on behalf of an employer.
        capacity: Option<String>,
    },
    /// D4: a tie; the members vote again in a new round.
    MotionRevote {
        motion: String,
        round: u32,
        explanation: Vec<String>,
    },
    MotionClosed {
        motion: String,
        outcome: String,
        yes: u64,
        no: u64,
        abstain: u64,
        casting_vote: Option<String>,
        explanation: Vec<String>,
        by: String,
    },
    /// D6, E8: a meeting announced, with the chair whose turn it is.
    MeetingScheduled {
        meeting: String,
        body: String,
        on: Date,
        chair: Option<String>,
        by: String,
    },
    /// D5: an agenda item added by someone allowed to, or accepted from a request.
    AgendaItemAdded {
        meeting: String,
        item: String,
        by: String,
        accepted_by: Option<String>,
    },
    /// D5: someone else asks for an item; a member accepts it.
    AgendaItemRequested {
        meeting: String,
        request: usize,
        item: String,
        by: String,
    },
    /// D2: a member who cannot attend names a proxy before the meeting.
    ProxyDeclared {
        meeting: String,
        member: String,
        holder: String,
    },
    /// D1, D2: who attended, in person or by proxy, and whether the meeting may decide.
    AttendanceRecorded {
        meeting: String,
        present: Vec<String>,
        attending: Vec<String>,
        quorum_met: bool,
        explanation: String,
    },
    /// D6: the minutes are published.
    MinutesPublished {
        meeting: String,
        link: String,
        by: String,
    },
    /// D7: a proposal that passes by lazy consensus unless someone objects by the deadline.
    ProposalOpened {
        proposal: String,
        body: String,
        title: String,
        deadline: Date,
        by: String,
    },
    /// D7: an objection turns the proposal into a vote (the motion opened with it).
    ProposalObjected {
        proposal: String,
        by: String,
        reason: String,
        motion: String,
    },
    /// D7: nobody objected by the deadline: the proposal passed.
    ProposalAccepted {
        proposal: String,
    },
    /// S12: the final-say holder decided a deadlocked motion, explicitly and on the record.
    FinalSayRecorded {
        motion: String,
        decision: Choice,
        by: String,
        reason: String,
    },
    /// E1, E2: the roll of active members from contribution history, as of `on`.
    RollRecorded {
        on: Date,
        from: Date,
        rule: String,
        members: Vec<String>,
        sources: Vec<String>,
        by: String,
    },
    /// D11: the overseeing body stopped a group's proposal or motion.
    Intervened {
        target: String,
        by: String,
        reason: String,
    },
    /// D8: an advisory group was consulted on a motion before its vote.
    ConsultationRecorded {
        motion: String,
        group: String,
        summary: String,
        by: String,
    },
    /// E9: a volunteer for a liaison area.
    LiaisonVolunteered {
        body: String,
        area: String,
        person: String,
    },
    /// E9: the PTL chose among the volunteers.
    LiaisonChosen {
        body: String,
        area: String,
        person: String,
        by: String,
    },
    /// D10: a liaison signed off within their area, without the PTL.
    SignedOff {
        body: String,
        area: String,
        subject: String,
        by: String,
    },
    /// S4: a working group dissolved at the end of its timetable or of its deliverables.
    WorkingGroupDissolved {
        body: String,
        on: Date,
        reason: String,
        by: String,
    },
    /// E7, E4: a term ended early by a motion that carried.
    TermEnded {
        body: String,
        person: String,
        seat: Seat,
        on: Date,
        motion: String,
    },
    /// L6: the overseeing body passed no confidence in the body; it may now be dissolved or reorganised.
    NoConfidence {
        body: String,
        motion: String,
    },
    /// E11: a contributor promoted to committer by the project's committers.
    CommitterPromoted {
        body: String,
        person: String,
        motion: String,
    },
    /// L1, L7: a group moved to a lifecycle state by a motion that carried.
    BodyTransitioned {
        body: String,
        to: LifecycleState,
        on: Date,
        motion: String,
    },
    ElectionOpened {
        election: String,
        body: String,
        seat: Seat,
        seats: usize,
        nominations_close: Date,
        voting_close: Date,
        /// E5: stagger the new terms: the first half of the winners serve the full term (class
        /// a), the rest half of it (class b), so that the seats never all change together.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        stagger: bool,
        by: String,
    },
    CandidateNominated {
        election: String,
        candidate: String,
        by: String,
    },
    CandidateConsented {
        election: String,
        candidate: String,
    },
    CandidateWithdrew {
        election: String,
        candidate: String,
    },
    /// A nominee's statement to the voters; a later one replaces it.
    StatementPublished {
        election: String,
        candidate: String,
        statement: String,
    },
    NominationsClosed {
        election: String,
        candidates: Vec<String>,
        by: String,
    },
    /// Public: this voter voted (again, when `replaced`). The ballot itself is stored apart.
    BallotCast {
        election: String,
        voter: String,
        replaced: bool,
        /// The hash of the ballot's key (see `secret`): only the holder of the key replaces it.
        /// Absent in events recorded before ballot keys.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key_hash: Option<String>,
    },
    ElectionClosed {
        election: String,
        valid: bool,
        ranking: Vec<Vec<String>>,
        winners: Vec<String>,
        skipped: Vec<String>,
        explanation: Vec<String>,
        /// The rounds of an STV count (absent for other methods, and in events recorded before
        /// STV existed, whose bytes are unchanged).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        rounds: Vec<RoundRecord>,
        /// T1: every ballot, sorted by receipt, so that each voter finds theirs and anyone can
        /// re-count.
        tally_sheet: Vec<TallyLine>,
        by: String,
    },
    TermStarted {
        body: String,
        person: String,
        seat: Seat,
        from: Date,
        until: Option<Date>,
        election: String,
        /// E5: the staggering class of the term.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        class: Option<String>,
    },
}

/// Every event kind, as `Event::kind` names them (the log's `--kind` filter checks against it).
pub const KINDS: [&str; 37] = [
    "registry-recorded",
    "registry-amended",
    "report-submitted",
    "motion-opened",
    "vote-cast",
    "motion-revote",
    "motion-closed",
    "body-transitioned",
    "committer-promoted",
    "term-ended",
    "meeting-scheduled",
    "agenda-item-added",
    "agenda-item-requested",
    "proxy-declared",
    "attendance-recorded",
    "minutes-published",
    "proposal-opened",
    "proposal-objected",
    "proposal-accepted",
    "final-say-recorded",
    "intervened",
    "roll-recorded",
    "consultation-recorded",
    "liaison-volunteered",
    "liaison-chosen",
    "signed-off",
    "working-group-dissolved",
    "no-confidence",
    "election-opened",
    "candidate-nominated",
    "candidate-consented",
    "candidate-withdrew",
    "statement-published",
    "nominations-closed",
    "ballot-cast",
    "election-closed",
    "term-started",
];

impl Event {
    /// The `kind` tag, as stored in the log's own column.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::RegistryRecorded { .. } => "registry-recorded",
            Event::RegistryAmended { .. } => "registry-amended",
            Event::ReportSubmitted { .. } => "report-submitted",
            Event::MotionOpened { .. } => "motion-opened",
            Event::VoteCast { .. } => "vote-cast",
            Event::MotionRevote { .. } => "motion-revote",
            Event::MotionClosed { .. } => "motion-closed",
            Event::BodyTransitioned { .. } => "body-transitioned",
            Event::CommitterPromoted { .. } => "committer-promoted",
            Event::TermEnded { .. } => "term-ended",
            Event::MeetingScheduled { .. } => "meeting-scheduled",
            Event::AgendaItemAdded { .. } => "agenda-item-added",
            Event::AgendaItemRequested { .. } => "agenda-item-requested",
            Event::ProxyDeclared { .. } => "proxy-declared",
            Event::AttendanceRecorded { .. } => "attendance-recorded",
            Event::MinutesPublished { .. } => "minutes-published",
            Event::ProposalOpened { .. } => "proposal-opened",
            Event::ProposalObjected { .. } => "proposal-objected",
            Event::ProposalAccepted { .. } => "proposal-accepted",
            Event::FinalSayRecorded { .. } => "final-say-recorded",
            Event::Intervened { .. } => "intervened",
            Event::RollRecorded { .. } => "roll-recorded",
            Event::ConsultationRecorded { .. } => "consultation-recorded",
            Event::LiaisonVolunteered { .. } => "liaison-volunteered",
            Event::LiaisonChosen { .. } => "liaison-chosen",
            Event::SignedOff { .. } => "signed-off",
            Event::WorkingGroupDissolved { .. } => "working-group-dissolved",
            Event::NoConfidence { .. } => "no-confidence",
            Event::ElectionOpened { .. } => "election-opened",
            Event::CandidateNominated { .. } => "candidate-nominated",
            Event::CandidateConsented { .. } => "candidate-consented",
            Event::CandidateWithdrew { .. } => "candidate-withdrew",
            Event::StatementPublished { .. } => "statement-published",
            Event::NominationsClosed { .. } => "nominations-closed",
            Event::BallotCast { .. } => "ballot-cast",
            Event::ElectionClosed { .. } => "election-closed",
            Event::TermStarted { .. } => "term-started",
        }
    }
}

/// A motion's subject as the log stores it: flat optional fields, at most one subject.
/// `transition_body` and `transition_to` are always written (as `null` when absent), the others
/// only when present, as they have been since the first motions were recorded.
#[derive(Debug, Default, Serialize, Deserialize)]
struct SubjectFields {
    transition_body: Option<String>,
    transition_to: Option<LifecycleState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    promote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    remove_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    remove_seat: Option<Seat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    appoint_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    appoint_seat: Option<Seat>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    no_confidence: bool,
}

impl From<&Option<Subject>> for SubjectFields {
    fn from(subject: &Option<Subject>) -> SubjectFields {
        let mut fields = SubjectFields::default();
        match subject.clone() {
            None => {}
            Some(Subject::Transition { body, to }) => {
                fields.transition_body = Some(body);
                fields.transition_to = Some(to);
            }
            Some(Subject::Promote { person }) => fields.promote = Some(person),
            Some(Subject::Remove { person, seat }) => {
                fields.remove_person = Some(person);
                fields.remove_seat = Some(seat);
            }
            Some(Subject::Appoint { person, seat }) => {
                fields.appoint_person = Some(person);
                fields.appoint_seat = Some(seat);
            }
            Some(Subject::NoConfidence) => fields.no_confidence = true,
        }
        fields
    }
}

impl TryFrom<SubjectFields> for Option<Subject> {
    type Error = &'static str;

    fn try_from(fields: SubjectFields) -> Result<Option<Subject>, &'static str> {
        let SubjectFields {
            transition_body,
            transition_to,
            promote,
            remove_person,
            remove_seat,
            appoint_person,
            appoint_seat,
            no_confidence,
        } = fields;
        let mut subjects = Vec::new();
        match (transition_body, transition_to) {
            (Some(body), Some(to)) => subjects.push(Subject::Transition { body, to }),
            (None, None) => {}
            _ => return Err("a transition needs both `transition_body` and `transition_to`"),
        }
        if let Some(person) = promote {
            subjects.push(Subject::Promote { person });
        }
        match (remove_person, remove_seat) {
            (Some(person), Some(seat)) => subjects.push(Subject::Remove { person, seat }),
            (None, None) => {}
            _ => return Err("a removal needs both `remove_person` and `remove_seat`"),
        }
        match (appoint_person, appoint_seat) {
            (Some(person), Some(seat)) => subjects.push(Subject::Appoint { person, seat }),
            (None, None) => {}
            _ => return Err("an appointment needs both `appoint_person` and `appoint_seat`"),
        }
        if no_confidence {
            subjects.push(Subject::NoConfidence);
        }
        if subjects.len() > 1 {
            return Err("a motion has at most one subject");
        }
        Ok(subjects.pop())
    }
}

mod subject_fields {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::SubjectFields;
    use crate::Subject;

    pub fn serialize<S: Serializer>(subject: &Option<Subject>, serializer: S) -> Result<S::Ok, S::Error> {
        SubjectFields::from(subject).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Subject>, D::Error> {
        Option::<Subject>::try_from(SubjectFields::deserialize(deserializer)?).map_err(D::Error::custom)
    }
}
