//! The registry's file formats: what a person writes in YAML.
//!
//! These are wire types, kept apart from the model (`polity_model`): they spell keys the way the
//! files do (kebab-case), reject unknown keys, keep source positions (`Spanned`) where findings
//! point, and hold dates, periods and thresholds as text so that a bad value becomes a finding
//! with its position instead of stopping the whole file. The JSON Schema under `schema/` is
//! generated from them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::{Location, Spanned};

/// Text with the position it was read from.
pub type Text = Spanned<String>;

/// Wraps text that has no position (written by an importer or an exporter).
pub fn text(value: impl Into<String>) -> Text {
    Spanned::new(value.into(), Location::UNKNOWN, Location::UNKNOWN)
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// `polity.yaml`: the constitution, with the rules every body shares and their numbers.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConstitutionFile {
    /// The community's name.
    pub name: String,
    /// E2: an active member has made at least N contributions within a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_member: Option<ActiveMemberFile>,
    /// E1, E2: the active members, named explicitly (person ids or @handles) until contribution
    /// statistics compute them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub roll: Vec<Text>,
    /// C1, C3: more patterns of automation accounts, matched in "name email" without regard to
    /// case (polity's own catch GitHub apps, Dependabot, Renovate, OpenStack's and Kubernetes' bots).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bots: Vec<String>,
    /// C1: `counted` credits an AI assistant named as co-author (Claude, Copilot); by default
    /// (`not-counted`) it is left out like a bot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_co_authors: Option<AiCoAuthorsFile>,
    /// S9: the liaison areas every project fills (bugs, security, release, docs, gate, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub liaison_areas: Vec<String>,
    /// S9: who holds an area nobody volunteered for: `none` (a finding) or `ptl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liaison_default: Option<LiaisonDefaultFile>,
    /// L8, L5: reporting cadence and the thresholds for retiring a silent SIG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports: Option<ReportsFile>,
    /// L4: how often the TOC reviews each SIG charter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charter_review: Option<EveryFile>,
    /// S4: limits on working groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_groups: Option<WorkingGroupsFile>,
    /// S2, S3, E5: what every SIG has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sigs: Option<SigsFile>,
    /// L2: what a sub-group needs before it forms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_groups: Option<SubGroupsFile>,
    /// E10: consecutive terms after which a holder is warned (never blocked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_limit: Option<u32>,
    /// E1: default election windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elections: Option<WindowsFile>,
    /// Named decision rules that bodies refer to with `decides-by`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub decision_rules: BTreeMap<String, DecisionRuleFile>,
    /// Where every accepted act is POSTed as signed JSON (chat bots: Slack, Matrix, Feishu/Lark,
    /// DingTalk, through a relay of your own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webhooks: Vec<WebhookFile>,
    /// The community's time zone: an IANA name (`Asia/Shanghai`, `Europe/Berlin`), `UTC` (the
    /// default) or `AoE` (anywhere on Earth, UTC−12, as Kubernetes writes deadlines). Every
    /// deadline date is the moment that day begins in this zone, and "today" is the date there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub time_zone: Option<Text>,
    /// The time of day, in the community's zone, at which every deadline date falls (`"18:00"`,
    /// 24-hour, quoted): a window closing on 2026-07-01 closes at 2026-07-01 18:00 there.
    /// Midnight (the day's first instant) by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub deadline_time: Option<Text>,
}

/// A webhook: `url` receives a JSON POST per accepted act, with the header
/// `X-Polity-Signature: sha256=HEX`, the HMAC-SHA256 of the body under the secret read from the
/// environment variable `secret-env` (the secret itself is never written in the registry).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WebhookFile {
    #[schemars(with = "String")]
    pub url: Text,
    #[schemars(with = "String")]
    pub secret_env: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AiCoAuthorsFile {
    Counted,
    NotCounted,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActiveMemberFile {
    pub contributions: u32,
    /// A period such as `12 months`.
    #[schemars(with = "String")]
    pub within: Text,
    /// Which date of a commit places it in the window: `commit` (when it was merged; the
    /// default) or `author` (when it was written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<ContributionDateFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContributionDateFile {
    Commit,
    Author,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LiaisonDefaultFile {
    None,
    Ptl,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReportsFile {
    #[schemars(with = "String")]
    pub every: Text,
    #[schemars(with = "String")]
    pub warn_after: Text,
    #[schemars(with = "String")]
    pub dissolve_after: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EveryFile {
    #[schemars(with = "String")]
    pub every: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WorkingGroupsFile {
    /// The longest timetable a working group may have from its formation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub max_timetable: Option<Text>,
    /// Whether every working group must state a timetable end (default true, S4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timetable_required: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SigsFile {
    /// S2: how many chairs each SIG has: `3` or a range `2..3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chairs: Option<CountText>,
    /// S2: each SIG names a TOC liaison who is a voting member of the TOC.
    #[serde(default, skip_serializing_if = "is_false")]
    pub toc_liaison: bool,
    /// S3: each SIG names an executive-staff liaison.
    #[serde(default, skip_serializing_if = "is_false")]
    pub staff_liaison: bool,
    /// E5: chair terms are staggered so one chair stays across every term end.
    #[serde(default, skip_serializing_if = "is_false")]
    pub staggered_chairs: bool,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SubGroupsFile {
    pub min_committers: u32,
    pub min_organisations: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WindowsFile {
    /// The nomination window, e.g. `2 weeks`.
    #[schemars(with = "String")]
    pub nomination: Text,
    /// The voting window, e.g. `1 week`.
    #[schemars(with = "String")]
    pub voting: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DecisionRuleFile {
    /// When a motion carries, e.g. `> 1/2 of votes cast` or `>= 2/3 of members`.
    #[schemars(with = "String")]
    pub passes: Text,
    /// When a vote is valid at all, e.g. `> 1/2 of members voted` (D3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub valid_if: Option<Text>,
    /// D4: what happens on a tie, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tie: Vec<TieStepFile>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TieStepFile {
    Revote,
    ChairCastingVote,
}

/// A count written as a number (`3`) or a range (`"1..2"`).
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum CountText {
    Number(u32),
    Range(String),
}

/// One entry of `people.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PersonFile {
    /// A stable id that other files refer to.
    #[schemars(with = "String")]
    pub id: Text,
    pub name: String,
    /// GitHub handle; compared without regard to case. Refer to a person as `@handle`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// Employment over half-open ranges `[from, until)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<AffiliationFile>,
    /// Merge rules: other identities under which git records this person's work (an address
    /// not in `emails`, a name used with any address, or a second GitHub account).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identities: Vec<IdentityFile>,
    /// An automated account: never counted as a member or contributor.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bot: bool,
    /// The language of polity's messages to this person: `en` (the default) or `zh` (Simplified
    /// Chinese; `zh-CN`, `zh-Hans` are read as `zh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub lang: Option<Text>,
    /// Kinds of notice this person does not want: `voting-reminder`, `election-result`,
    /// `term-ending`, `motion-awaiting-vote`. The kinds the constitution requires (nominations
    /// and voting open, reports due and overdue, meetings and minutes) cannot be muted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub mute: Vec<Text>,
    /// The time zone this person reads times in (an IANA name, `UTC` or `AoE`): pages show each
    /// deadline in it too when it differs from the community's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub time_zone: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AffiliationFile {
    /// An organisation id from `organisations.yaml`.
    #[schemars(with = "String")]
    pub org: Text,
    /// First day, `YYYY-MM-DD`; absent: since before any record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub from: Option<Text>,
    /// First day no longer employed; absent while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub until: Option<Text>,
}

/// One merge rule of a person: exactly one of the three keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IdentityFile {
    /// An e-mail address (compared without regard to case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A name exactly as git records it (without regard to case), with any address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Another GitHub account (its no-reply addresses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github: Option<String>,
}

/// One entry of `organisations.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrganisationFile {
    #[schemars(with = "String")]
    pub id: Text,
    pub name: String,
    /// E-mail domains of its employees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Other ids it goes by (`vmware-inc` for `vmware`): an affiliation may name any of them and
    /// counts for this organisation, so that sources that spell it otherwise do not split it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKindFile {
    Board,
    OversightCommittee,
    Committee,
    Sig,
    SubGroup,
    WorkingGroup,
    Project,
    AdvisoryGroup,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StateFile {
    Proposed,
    Forming,
    Active,
    Archived,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SeatFile {
    Member,
    Chair,
    CoChair,
    TechLead,
    Ptl,
}

/// `bodies/<id>.yaml`: one body.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BodyFile {
    #[schemars(with = "String")]
    pub id: Text,
    pub kind: BodyKindFile,
    pub name: String,
    /// S1: the body that oversees this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub parent: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateFile>,
    /// L1: each step with the motion that passed it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryFile>,
    /// S5, S6: how many member seats, and the per-organisation cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<SeatsFile>")]
    pub seats: Option<Spanned<SeatsFile>>,
    /// S2, S5: how many holders each officer seat has (`chair: 1`, `co-chair: "1..2"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub officers: BTreeMap<SeatFile, CountText>,
    /// Term length, e.g. `12 months` or `2 years` (E5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub term: Option<Text>,
    /// E1, E4: how this body's member (or PTL) seats are elected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elections: Option<ElectionRuleFile>,
    /// E3: how its chair and co-chairs are elected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer_elections: Option<ElectionRuleFile>,
    /// Who decides which act by which decision rule (E4–E7, E11, L1, L6).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub decisions: BTreeMap<ActFile, AuthorityFile>,
    /// A decision rule of the constitution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub decides_by: Option<Text>,
    /// Who holds which seat for which term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<HolderFile>,
    /// S2: the SIG's liaison on the TOC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub toc_liaison: Option<Text>,
    /// S3: the executive-staff liaison who owns the reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub staff_liaison: Option<Text>,
    /// S2: self-appointed members.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub members: Vec<Text>,
    /// S10: named roles, approved by a majority of the chairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleFile>,
    /// L4, S4: the charter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<CharterFile>")]
    pub charter: Option<Spanned<CharterFile>>,
    /// L2, L3: what the group's proposal stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<ProposalFile>,
    /// S7: this project's committers (rights here only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<String>>")]
    pub committers: Option<Vec<Text>>,
    /// S8: `ptl` (one PTL, the default) or `distributed` (liaisons instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadership: Option<LeadershipFile>,
    /// S9: liaison area to the people who hold it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub liaisons: BTreeMap<String, Vec<Text>>,
    /// L8: reports submitted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportFile>,
    /// D1, D2, D5, E8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<MeetingsFile>,
    /// S12: who has the final say in a deadlock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_say: Option<FinalSayFile>,
    /// S11: for an advisory group, the bodies it advises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub advises: Vec<Text>,
    /// S11, D8: decisions that require consulting this advisory group first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consult_before: Vec<String>,
    /// S11: industry partners and the full-time maintainer each employs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartnerFile>,
    /// E10: this body's term limit, if not the constitution's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_limit: Option<u32>,
    /// OWNERS files (Kubernetes) naming who reviews and approves the body's code: links polity
    /// shows on the body's page but does not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    /// Former leads whose terms are not dated (Kubernetes' `emeritus_leads`): they hold no seat.
    /// A past term with its dates goes in `holders:` with `until:`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub emeritus: Vec<Text>,
}

/// An election's rule; every key but the windows has a default.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ElectionRuleFile {
    /// The nomination window (default: the constitution's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub nomination: Option<Text>,
    /// The voting window (default: the constitution's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub voting: Option<Text>,
    /// `schulze` (default), `schulze-margins`, `ranked-pairs`, `meek`, `scottish-stv`,
    /// `copeland`, `plurality`, `approval`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub method: Option<Text>,
    /// Whose semantics a Schulze count follows: `strict` (default) or `elekto` (Elekto's order:
    /// fewest defeats on strongest paths first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub compat: Option<Text>,
    /// Who may nominate (default: members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominators: Option<ElectorateFile>,
    /// Who may stand (default: members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<ElectorateFile>,
    /// Who votes (default: members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voters: Option<ElectorateFile>,
    /// Candidates must consent (E3).
    #[serde(default, skip_serializing_if = "is_false")]
    pub consent: bool,
    /// When the election is valid, e.g. `>= 2/3 of members cast valid ballots` (E3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub valid_if: Option<Text>,
    /// The officer may close the election before its voting deadline even while eligible voters
    /// have not voted (otherwise only once everyone has voted).
    #[serde(default, skip_serializing_if = "is_false")]
    pub early_close: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ElectorateFile {
    Members,
    ActiveMembers,
    Committers,
    Overseer,
    Chairs,
    #[serde(rename = "self")]
    Themselves,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActFile {
    AppointChairs,
    AppointTechLeads,
    RemoveLeads,
    RecallPtl,
    PromoteCommitter,
    Transition,
    NoConfidence,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AuthorityFile {
    /// Every electorate that must pass the act (several: a composite majority, E6).
    pub by: Vec<ElectorateFile>,
    /// A decision rule of the constitution.
    #[schemars(with = "String")]
    pub rule: Text,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HistoryFile {
    pub state: StateFile,
    #[schemars(with = "String")]
    pub on: Text,
    /// The motion that passed this step, e.g. `tsc/2025-007`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SeatsFile {
    pub min: u32,
    pub max: u32,
    /// S6: at most this many seats per organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_organisation: Option<u32>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HolderFile {
    /// A person id, or `@handle`.
    #[schemars(with = "String")]
    pub person: Text,
    pub seat: SeatFile,
    #[schemars(with = "String")]
    pub from: Text,
    /// The day the term ends (exclusive); absent for an open term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub until: Option<Text>,
    /// E5: staggering class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoleFile {
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "String")]
    pub person: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub approved_by: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub on: Option<Text>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CharterFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ScopeFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlaps: Vec<OverlapFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<DeviationFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliverables: Vec<DeliverableFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timetable: Option<TimetableFile>,
    /// L4: when the overseeing body last approved the charter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub approved: Option<Text>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScopeFile {
    #[serde(default, rename = "in", skip_serializing_if = "Vec::is_empty")]
    pub inside: Vec<String>,
    #[serde(default, rename = "out", skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverlapFile {
    #[schemars(with = "String")]
    pub body: Text,
    pub note: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeviationFile {
    #[schemars(with = "String")]
    pub what: Text,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub approval: String,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeliverableFile {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub due: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub delivered: Option<Text>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TimetableFile {
    #[schemars(with = "String")]
    pub end: Text,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProposalFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<String>,
    /// L2: the group's public page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// L2: the mailing-list notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announcement: Option<String>,
    /// L3: the volunteer leads.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub leads: Vec<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LeadershipFile {
    Ptl,
    Distributed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKindFile {
    Quarterly,
    Annual,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReportFile {
    #[schemars(with = "String")]
    pub on: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ReportKindFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RotationFile {
    EachMeeting,
    Monthly,
    None,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MeetingsFile {
    /// Cadence, e.g. `1 week`, `2 weeks`, `1 month`.
    #[schemars(with = "String")]
    pub every: Text,
    /// The date of the first meeting; the rotation counts from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub first: Option<Text>,
    /// E8: how the chairs take turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<RotationFile>,
    /// D1: the attendance needed to decide, e.g. `> 1/2 of members attend`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub quorum: Option<Text>,
    /// D2: members may name proxies.
    #[serde(default, skip_serializing_if = "is_false")]
    pub proxies: bool,
    /// D5: who may add agenda items directly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda_open_to: Vec<String>,
}

/// S12: a named person, or whoever holds a seat of the body.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FinalSayFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub person: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<SeatFile>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PartnerFile {
    #[schemars(with = "String")]
    pub organisation: Text,
    /// The full-time maintainer the partner employs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub maintainer: Option<Text>,
}

/// A whole registry in file form.
#[derive(Clone, Debug, Default)]
pub struct RegistryFiles {
    pub constitution: ConstitutionFile,
    pub people: Vec<PersonFile>,
    pub organisations: Vec<OrganisationFile>,
    /// File name stem (under `bodies/`) to body.
    pub bodies: BTreeMap<String, BodyFile>,
}

impl BodyFile {
    /// A body with only its id, kind and name; importers fill in the rest.
    pub fn new(id: &str, kind: BodyKindFile, name: &str) -> BodyFile {
        BodyFile {
            id: text(id),
            kind,
            name: name.to_owned(),
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
            leadership: None,
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
        }
    }
}

/// Wraps a value that has no position.
pub fn unplaced<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Location::UNKNOWN, Location::UNKNOWN)
}
