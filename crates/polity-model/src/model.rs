//! The governance state: people, organisations, bodies and the constitution's rules.
//!
//! Values here are already parsed (dates are dates, thresholds are exact fractions): the registry
//! crate turns files into these types and reports what it could not parse. Every value that came
//! from a file keeps its [`Loc`] so that findings can point at it.

use crate::rules::RuleId;
use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use polity_count::Threshold;

pub use crate::values::{CountRange, IdRef, Loc, Period, PeriodUnit, PersonRef};

mod decisions;

pub use decisions::*;

/// The whole governance state that a registry describes.
#[derive(Clone, Debug, Default)]
pub struct Polity {
    /// The files the state came from, relative to the registry root; [`Loc::file`] indexes this.
    pub files: Vec<String>,
    pub constitution: Constitution,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
    pub bodies: Vec<Body>,
    person_index: HashMap<String, usize>,
    handle_index: HashMap<String, usize>,
    body_index: HashMap<String, usize>,
    organisation_index: HashMap<String, usize>,
}

impl Polity {
    /// Builds the look-up indexes. Call after filling the vectors; the first of two entries
    /// with the same id or handle wins the index (duplicates are findings of their own).
    pub fn index(&mut self) {
        self.person_index.clear();
        self.handle_index.clear();
        self.body_index.clear();
        self.organisation_index.clear();
        for (position, person) in self.people.iter().enumerate() {
            self.person_index.entry(person.id.clone()).or_insert(position);
            if let Some(handle) = &person.github {
                self.handle_index.entry(handle.to_lowercase()).or_insert(position);
            }
        }
        for (position, body) in self.bodies.iter().enumerate() {
            self.body_index.entry(body.id.clone()).or_insert(position);
        }
        for (position, organisation) in self.organisations.iter().enumerate() {
            self.organisation_index
                .entry(organisation.id.clone())
                .or_insert(position);
        }
    }

    /// Finds a person by id, or by GitHub handle when the reference starts with `@`.
    pub fn person(&self, reference: &str) -> Option<&Person> {
        let position = match reference.strip_prefix('@') {
            Some(handle) => self.handle_index.get(&handle.to_lowercase()),
            None => self.person_index.get(reference),
        };
        position.map(|&position| &self.people[position])
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.body_index.get(id).map(|&position| &self.bodies[position])
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisation_index
            .get(id)
            .map(|&position| &self.organisations[position])
    }

    /// The organisation a person works for on `date`, if any.
    pub fn affiliation_on(&self, reference: &str, date: Date) -> Option<&str> {
        self.person(reference)?.affiliation_on(date)
    }

    /// The file name behind a location.
    pub fn file_name(&self, loc: Loc) -> &str {
        self.files.get(loc.file as usize).map_or("<unknown>", String::as_str)
    }
}

/// The constitution: the rules every body shares and their numbers.
#[derive(Clone, Debug)]
pub struct Constitution {
    pub name: String,
    pub loc: Loc,
    /// E2: an active member has at least this many contributions within the period.
    pub active_member: Option<ActiveMemberRule>,
    /// E1, E2: the active members named explicitly, until contribution statistics compute them.
    pub roll: Vec<PersonRef>,
    /// C1, C3: more patterns of automation accounts (matched in "name email", without regard
    /// to case), beside polity's own.
    pub bots: Vec<String>,
    /// C1: whether an AI assistant named as co-author (Claude, Copilot) is credited. Not by
    /// default.
    pub ai_co_authors_counted: bool,
    /// S9: the liaison areas every project fills.
    pub liaison_areas: Vec<String>,
    /// S9: who holds an area nobody volunteered for.
    pub liaison_default: LiaisonDefault,
    /// L8 and L5.
    pub reports: Option<ReportRule>,
    /// L4: how often a SIG charter is reviewed.
    pub charter_review: Option<Period>,
    /// S4: the longest timetable a working group may have, counted from its formation.
    pub working_group_max: Option<Period>,
    /// S4: whether every working group must state its timetable's end.
    pub working_group_timetable_required: bool,
    /// S2, S3, E5, S10.
    pub sig: SigRule,
    /// L2.
    pub sub_group: SubGroupRule,
    /// E10: consecutive terms after which a holder is warned (never blocked).
    pub term_limit: Option<u32>,
    /// E1: default election windows.
    pub elections: ElectionWindows,
    pub decision_rules: BTreeMap<String, DecisionRule>,
    /// Where every accepted act is announced (chat bots).
    pub webhooks: Vec<crate::Webhook>,
    /// The community's time zone (`time-zone:`): every deadline date is the moment that day
    /// begins there, and "today" is the date there. `None` is UTC.
    pub time_zone: Option<String>,
    /// The time of day every deadline date falls at in the community's zone (`deadline-time:`,
    /// midnight by default: a window closing on 2026-07-01 closes as that day begins).
    pub deadline_time: jiff::civil::Time,
}

impl Default for Constitution {
    fn default() -> Constitution {
        Constitution {
            name: String::new(),
            loc: Loc::default(),
            active_member: None,
            roll: Vec::new(),
            bots: Vec::new(),
            ai_co_authors_counted: false,
            liaison_areas: Vec::new(),
            liaison_default: LiaisonDefault::None,
            reports: None,
            charter_review: None,
            working_group_max: None,
            working_group_timetable_required: true,
            sig: SigRule::default(),
            sub_group: SubGroupRule::default(),
            term_limit: None,
            elections: ElectionWindows::default(),
            decision_rules: BTreeMap::new(),
            webhooks: Vec::new(),
            time_zone: None,
            deadline_time: jiff::civil::Time::midnight(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveMemberRule {
    pub contributions: u32,
    pub within: Period,
    /// Which date of a commit places it in the window.
    pub date: ContributionDate,
}

/// Which date of a commit counts for a window (E2, C3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContributionDate {
    /// When it was committed, i.e. merged into the history (the default: work merged in the
    /// window counts, however long ago it was first written).
    #[default]
    Commit,
    /// When its author wrote it.
    Author,
}

impl ContributionDate {
    pub fn as_str(self) -> &'static str {
        match self {
            ContributionDate::Commit => "commit",
            ContributionDate::Author => "author",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiaisonDefault {
    /// An unfilled area is a finding.
    None,
    /// An unfilled area falls to the project's PTL (OpenStack's rule).
    Ptl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportRule {
    pub every: Period,
    pub warn_after: Period,
    pub dissolve_after: Period,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SigRule {
    /// S2: how many chairs a SIG has.
    pub chairs: Option<CountRange>,
    /// S2: every SIG names a TOC liaison who is a voting member of its overseeing body.
    pub toc_liaison_required: bool,
    /// S3: every SIG names an executive-staff liaison.
    pub staff_liaison_required: bool,
    /// E5: chair terms are staggered so a chair seat stays filled across every term end.
    pub staggered_chairs: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubGroupRule {
    pub min_committers: u32,
    pub min_organisations: u32,
}

impl Default for SubGroupRule {
    fn default() -> SubGroupRule {
        SubGroupRule {
            min_committers: 2,
            min_organisations: 2,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub github: Option<String>,
    pub emails: Vec<String>,
    pub affiliations: Vec<Affiliation>,
    /// Merge rules: further identities of this person in git histories.
    pub identities: Vec<IdentityRule>,
    pub bot: bool,
    /// The language of polity's messages to this person.
    pub lang: crate::Lang,
    /// The kinds of notice this person opted out of (never one the constitution requires).
    pub muted: Vec<crate::NoticeKind>,
    /// The zone this person reads times in (`time-zone:`), when it is not the community's.
    pub time_zone: Option<String>,
    pub loc: Loc,
}

/// An identity that git records and that belongs to a registry person (SortingHat's model: one
/// individual, many identities).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdentityRule {
    /// An address, compared without regard to case.
    Email(String),
    /// A name as git records it, with any address (without regard to case).
    Name(String),
    /// A second GitHub account: its no-reply addresses.
    Github(String),
}

impl Person {
    pub fn affiliation_on(&self, date: Date) -> Option<&str> {
        self.affiliations
            .iter()
            .find(|affiliation| affiliation.covers(date))
            .map(|affiliation| affiliation.organisation.id.as_str())
    }
}

/// Employment over a half-open range `[from, until)`; `from` is [`Date::MIN`] when the record
/// gives no start (since before any record).
#[derive(Clone, Debug)]
pub struct Affiliation {
    pub organisation: IdRef,
    pub from: Date,
    pub until: Option<Date>,
    pub loc: Loc,
}

impl Affiliation {
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|until| date < until)
    }
}

/// An organisation's name or id without case, punctuation or legal form: `VMware, Inc.`,
/// `vmware-inc` and `VMware` are all `vmware`. Two organisations with one bare name are likely
/// one (a finding warns), and an import matches employers by it.
pub fn bare_organisation_name(name: &str) -> String {
    const LEGAL_FORMS: [&str; 22] = [
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "bv",
        "nv",
        "plc",
        "srl",
        "spa",
        "pty",
        "oy",
        "ab",
        "kk",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let mut end = words.len();
    while end > 1 && LEGAL_FORMS.contains(&words[end - 1]) {
        end -= 1;
    }
    words[..end].concat()
}

#[derive(Clone, Debug)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub domains: Vec<String>,
    /// Other ids it goes by; an affiliation naming one counts for this organisation.
    pub aliases: Vec<String>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BodyKind {
    Board,
    OversightCommittee,
    Committee,
    Sig,
    SubGroup,
    WorkingGroup,
    Project,
    AdvisoryGroup,
}

impl BodyKind {
    /// The rule that governs how `seat` of a body of this kind is filled (and whose terms run
    /// out): the one mapping that `check`, `decide` and the pages use. E1 elected members, E3 the
    /// chairs of a steering body (an oversight committee or a board), E5 the chairs of the groups
    /// it oversees, E6 technical leads, E4 PTLs.
    pub fn seat_rule(self, seat: Seat) -> RuleId {
        match seat {
            Seat::Member => RuleId::E1,
            Seat::Ptl => RuleId::E4,
            Seat::TechLead => RuleId::E6,
            Seat::Chair | Seat::CoChair if matches!(self, BodyKind::OversightCommittee | BodyKind::Board) => RuleId::E3,
            Seat::Chair | Seat::CoChair => RuleId::E5,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Board => "board",
            BodyKind::OversightCommittee => "oversight-committee",
            BodyKind::Committee => "committee",
            BodyKind::Sig => "sig",
            BodyKind::SubGroup => "sub-group",
            BodyKind::WorkingGroup => "working-group",
            BodyKind::Project => "project",
            BodyKind::AdvisoryGroup => "advisory-group",
        }
    }

    /// S1: the kinds a body of this kind may hang under (an empty list: it is a root).
    pub fn allowed_parents(self) -> &'static [BodyKind] {
        use BodyKind::*;
        match self {
            Board => &[],
            OversightCommittee => &[Board],
            Committee | Sig | SubGroup => &[Board, OversightCommittee],
            WorkingGroup => &[OversightCommittee, Sig, SubGroup, Committee],
            Project => &[OversightCommittee, Sig, SubGroup, Committee],
            AdvisoryGroup => &[Board, OversightCommittee, Committee, Sig, SubGroup, Project],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LifecycleState {
    Proposed,
    Forming,
    Active,
    Archived,
}

impl LifecycleState {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleState::Proposed => "proposed",
            LifecycleState::Forming => "forming",
            LifecycleState::Active => "active",
            LifecycleState::Archived => "archived",
        }
    }

    /// L1, L7: the transitions a body may make. Archiving is allowed from every live state;
    /// an archived group is reactivated into forming or active.
    pub fn may_move_to(self, next: LifecycleState) -> bool {
        use LifecycleState::*;
        matches!(
            (self, next),
            (Proposed, Forming)
                | (Proposed, Active)
                | (Proposed, Archived)
                | (Forming, Active)
                | (Forming, Archived)
                | (Active, Archived)
                | (Active, Forming)
                | (Archived, Forming)
                | (Archived, Active)
        )
    }

    pub fn is_live(self) -> bool {
        matches!(self, LifecycleState::Forming | LifecycleState::Active)
    }
}

/// One step of a body's lifecycle, with the motion that passed it (L1).
#[derive(Clone, Debug)]
pub struct StateChange {
    pub state: LifecycleState,
    pub on: Date,
    pub motion: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Seat {
    Member,
    Chair,
    CoChair,
    TechLead,
    Ptl,
}

impl Seat {
    pub const ALL: [Seat; 5] = [Seat::Member, Seat::Chair, Seat::CoChair, Seat::TechLead, Seat::Ptl];

    pub fn as_str(self) -> &'static str {
        match self {
            Seat::Member => "member",
            Seat::Chair => "chair",
            Seat::CoChair => "co-chair",
            Seat::TechLead => "tech-lead",
            Seat::Ptl => "ptl",
        }
    }

    pub fn parse(text: &str) -> Option<Seat> {
        Seat::ALL.into_iter().find(|seat| seat.as_str() == text)
    }
}

/// A person in a seat for a term `[from, until)`; `until` open means no end is set.
#[derive(Clone, Debug)]
pub struct Holding {
    pub person: PersonRef,
    pub seat: Seat,
    pub from: Date,
    pub until: Option<Date>,
    /// Staggering class (E5), e.g. `a` and `b` for terms that end in alternate years.
    pub class: Option<String>,
    pub loc: Loc,
}

impl Holding {
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|until| date < until)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatRule {
    pub count: CountRange,
    /// S6: at most this many seats held by people of one organisation.
    pub per_organisation: Option<u32>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leadership {
    /// One PTL (S8).
    Ptl,
    /// Distributed leadership: liaisons instead of a PTL (OpenStack).
    Distributed,
}

#[derive(Clone, Debug)]
pub struct NamedRole {
    pub name: String,
    pub person: PersonRef,
    pub approved_by: Vec<PersonRef>,
    pub on: Option<Date>,
    pub loc: Loc,
}

#[derive(Clone, Debug, Default)]
pub struct Charter {
    pub scope_in: Vec<String>,
    pub scope_out: Vec<String>,
    pub overlaps: Vec<Overlap>,
    pub deviations: Vec<Deviation>,
    pub deliverables: Vec<Deliverable>,
    /// S4: the working group's end date.
    pub timetable_end: Option<Date>,
    /// L4: the date the overseeing body last approved the charter.
    pub approved: Option<Date>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Overlap {
    pub body: IdRef,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Deviation {
    pub what: String,
    pub reason: String,
    pub approval: String,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Deliverable {
    pub name: String,
    pub due: Option<Date>,
    pub delivered: Option<Date>,
}

/// What a group proposal states before it may form (L2, L3).
#[derive(Clone, Debug, Default)]
pub struct Proposal {
    pub purpose: Option<String>,
    pub plan: Option<String>,
    pub resources: Option<String>,
    pub page: Option<String>,
    pub announcement: Option<String>,
    pub leads: Vec<PersonRef>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub on: Date,
    pub kind: ReportKind,
    pub link: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    Quarterly,
    Annual,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Quarterly => "quarterly",
            ReportKind::Annual => "annual",
        }
    }
}

/// The text of each of these is the one the registry and the record use (`co-chair`, `archived`).
macro_rules! display_as_str {
    ($($kind:ty),*) => {$(
        impl std::fmt::Display for $kind {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_str!(Electorate, LifecycleState, Seat, ReportKind, Act, BodyKind);

#[derive(Clone, Debug)]
pub struct Meetings {
    pub every: Period,
    pub first: Option<Date>,
    pub rotation: Rotation,
    pub quorum: Option<Threshold>,
    pub proxies: bool,
    pub agenda_open_to: Vec<String>,
    pub loc: Loc,
}

/// E8: how the chair of meetings passes between the chairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rotation {
    /// The chairs take turns meeting by meeting.
    EachMeeting,
    /// The chair changes every calendar month.
    Monthly,
    /// The first chair runs every meeting.
    None,
}

/// S12: who has the final say in a deadlock.
#[derive(Clone, Debug)]
pub enum FinalSay {
    Person(PersonRef),
    /// Whoever holds this seat in the body at the time (the PTL, the chair).
    Seat(Seat, Loc),
}

/// S11: an advisory group's partners must employ a full-time maintainer.
#[derive(Clone, Debug)]
pub struct Partner {
    pub organisation: IdRef,
    pub maintainer: Option<PersonRef>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Body {
    pub id: String,
    pub name: String,
    pub kind: BodyKind,
    pub parent: Option<IdRef>,
    pub state: Option<LifecycleState>,
    pub history: Vec<StateChange>,
    pub seats: Option<SeatRule>,
    pub officers: BTreeMap<Seat, CountRange>,
    pub term: Option<Period>,
    /// E1, E4: how the body's member (or PTL) seats are elected.
    pub elections: Option<ElectionRule>,
    /// E3: how its chair and co-chairs are elected.
    pub officer_elections: Option<ElectionRule>,
    /// Who decides which act, under which decision rule (E5, E6, E7, E4 recall, E11, L1, L6).
    pub decisions: BTreeMap<Act, Authority>,
    pub decides_by: Option<IdRef>,
    pub holders: Vec<Holding>,
    pub toc_liaison: Option<PersonRef>,
    pub staff_liaison: Option<PersonRef>,
    pub members: Vec<PersonRef>,
    pub roles: Vec<NamedRole>,
    pub charter: Option<Charter>,
    pub proposal: Option<Proposal>,
    pub committers: Option<Vec<PersonRef>>,
    pub leadership: Leadership,
    pub liaisons: BTreeMap<String, Vec<PersonRef>>,
    pub reports: Vec<Report>,
    pub meetings: Option<Meetings>,
    pub final_say: Option<FinalSay>,
    pub advises: Vec<IdRef>,
    pub consult_before: Vec<String>,
    pub partners: Vec<Partner>,
    pub term_limit: Option<u32>,
    /// OWNERS files (Kubernetes) naming who reviews and approves the body's code: links, shown
    /// but not read.
    pub owners: Vec<String>,
    /// Former leads whose terms the source does not date (Kubernetes' `emeritus_leads`): past,
    /// holding no seat, named for the record.
    pub emeritus: Vec<PersonRef>,
    /// The position of the body's `id` key.
    pub loc: Loc,
}

impl Body {
    /// S5, S8: how many may hold `seat` at once: the member seats' maximum (255 when the body
    /// sets none), an officer seat's maximum (one when the body sets none: one PTL, S8).
    pub fn seat_limit(&self, seat: Seat) -> u32 {
        match seat {
            Seat::Member => self.seats.map_or(u32::from(u8::MAX), |rule| rule.count.max),
            officer => self.officers.get(&officer).map_or(1, |range| range.max.max(1)),
        }
    }

    /// E3: the chair and co-chairs of a steering committee with member seats are among its
    /// members (`check` and the count of an officer election both ask this).
    pub fn officers_are_members(&self) -> bool {
        self.kind == BodyKind::OversightCommittee && self.seats.is_some()
    }

    pub fn new(id: &str, kind: BodyKind) -> Body {
        Body {
            id: id.to_owned(),
            name: id.to_owned(),
            kind,
            parent: None,
            state: None,
            history: Vec::new(),
            seats: None,
            officers: BTreeMap::new(),
            term: None,
            elections: None,
            officer_elections: None,
            decisions: BTreeMap::new(),
            decides_by: None,
            holders: Vec::new(),
            toc_liaison: None,
            staff_liaison: None,
            members: Vec::new(),
            roles: Vec::new(),
            charter: None,
            proposal: None,
            committers: None,
            leadership: Leadership::Ptl,
            liaisons: BTreeMap::new(),
            reports: Vec::new(),
            meetings: None,
            final_say: None,
            advises: Vec::new(),
            consult_before: Vec::new(),
            partners: Vec::new(),
            term_limit: None,
            owners: Vec::new(),
            emeritus: Vec::new(),
            loc: Loc::default(),
        }
    }

    /// The holdings of `seat` in force on `date`.
    pub fn holders_on(&self, seat: Seat, date: Date) -> impl Iterator<Item = &Holding> {
        self.holders
            .iter()
            .filter(move |holding| holding.seat == seat && holding.covers(date))
    }

    /// The state on `date` per the history, or the declared state when there is no history.
    pub fn state_on(&self, date: Date) -> Option<LifecycleState> {
        let from_history = self
            .history
            .iter()
            .filter(|change| change.on <= date)
            .max_by_key(|change| change.on)
            .map(|change| change.state);
        from_history.or(if self.history.is_empty() { self.state } else { None })
    }

    /// Whether a body is live on `date` (bodies without a lifecycle are live).
    pub fn is_live_on(&self, date: Date) -> bool {
        match self.state_on(date) {
            Some(state) => state.is_live(),
            None => self.state.is_none() || self.state.is_some_and(LifecycleState::is_live),
        }
    }

    /// When the body entered its current stretch of being live (forming or active), if known.
    pub fn live_since(&self, date: Date) -> Option<Date> {
        let mut since = None;
        let mut history: Vec<&StateChange> = self.history.iter().filter(|change| change.on <= date).collect();
        history.sort_by_key(|change| change.on);
        for change in history {
            if change.state.is_live() {
                since.get_or_insert(change.on);
            } else {
                since = None;
            }
        }
        since
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e3_e5_the_rule_of_a_seat_is_named_once() {
        assert_eq!(BodyKind::OversightCommittee.seat_rule(Seat::Chair), RuleId::E3);
        assert_eq!(BodyKind::Board.seat_rule(Seat::CoChair), RuleId::E3);
        for kind in [
            BodyKind::Sig,
            BodyKind::SubGroup,
            BodyKind::Project,
            BodyKind::Committee,
            BodyKind::WorkingGroup,
        ] {
            assert_eq!(kind.seat_rule(Seat::Chair), RuleId::E5, "{kind:?}");
        }
        assert_eq!(BodyKind::Project.seat_rule(Seat::Ptl), RuleId::E4);
        assert_eq!(BodyKind::Sig.seat_rule(Seat::TechLead), RuleId::E6);
        assert_eq!(BodyKind::OversightCommittee.seat_rule(Seat::Member), RuleId::E1);
    }
}
