//! The request bodies of the state-changing endpoints (JSON or form), with their OpenAPI
//! schemas.

use serde::Deserialize;
use utoipa::ToSchema;

/// An empty request body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Empty {}

/// L8: a report of the body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// An annual report (otherwise quarterly).
    #[serde(default)]
    pub annual: bool,
    pub link: Option<String>,
}

/// A motion of the body (D1–D4, D8; L1/L7 transitions, E4–E7, E11, L6 subjects).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MotionRequest {
    pub title: String,
    /// A decision rule of the constitution (default: the body's).
    pub rule: Option<String>,
    /// BODY:STATE, e.g. `use-case:active`: moves a group when the motion carries.
    pub transition: Option<String>,
    /// Promote this person to committer of the body (E11).
    pub promote: Option<String>,
    /// PERSON:SEAT: end this term early (E7, E4).
    pub remove: Option<String>,
    /// PERSON:SEAT: appoint (E5, E6).
    pub appoint: Option<String>,
    /// A motion of no confidence in the body (L6).
    #[serde(default)]
    pub no_confidence: bool,
    /// Vote it in this meeting (D1).
    pub meeting: Option<String>,
    /// A large decision: advisory groups are consulted first (D8).
    #[serde(default)]
    pub large: bool,
    /// The date voting closes (D3): votes until its deadline; closed then, or earlier once
    /// everyone who may vote has voted.
    pub closes: Option<String>,
}

/// A public vote on a motion; a later vote replaces an earlier one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// yes, no or abstain.
    pub choice: String,
    /// Vote as the proxy of this absent member (D2).
    #[serde(rename = "for")]
    pub on_behalf_of: Option<String>,
    /// The capacity you vote in (D9).
    pub capacity: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseMotionRequest {
    /// The chair's casting vote after a tied re-vote (D4): yes or no.
    pub casting_vote: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultRequest {
    pub group: String,
    pub summary: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinalSayRequest {
    /// yes or no.
    pub decision: String,
    pub reason: String,
}

/// D7: passes by lazy consensus unless a member objects by `until`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalRequest {
    pub title: String,
    /// YYYY-MM-DD.
    pub until: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    pub reason: String,
}

/// D11: the overseeing body stops a group's proposal or motion.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterventionRequest {
    /// A proposal or motion id, e.g. `sig-x/m1`.
    pub target: String,
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRequest {
    pub person: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectRequest {
    pub subject: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRequest {
    /// YYYY-MM-DD.
    pub on: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    pub item: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HolderRequest {
    pub holder: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequest {
    /// The people present (ids or @handles).
    #[serde(default)]
    pub present: Vec<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkRequest {
    pub link: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ElectionRequest {
    /// member, chair, co-chair, tech-lead or ptl.
    #[serde(default = "member")]
    pub seat: String,
    #[serde(default = "one")]
    pub seats: usize,
    /// Stagger the new terms (E5).
    #[serde(default)]
    pub stagger: bool,
}

fn member() -> String {
    "member".to_owned()
}

fn one() -> usize {
    1
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationRequest {
    pub candidate: String,
}

/// E1, E2: the active members, computed by the server from contributions as of today, become
/// the roll of every `active-members` electorate. Git histories are counted by the CLI
/// (`polity election roll --repo`); here the contributions come as C1 CSV text.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RollRequest {
    /// CSV with the header `date,person,kind,link` (docs/contributions-csv.md).
    pub contributions: String,
    /// Where the contributions come from, for the record (e.g. a URL).
    pub source: String,
}

/// A nominee's statement to the voters (replaces an earlier one).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementRequest {
    /// 1 to 10,000 characters of plain text.
    pub statement: String,
}

/// A secret ranked ballot. The answer carries the receipt and the ballot key.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotRequest {
    /// Tiers of candidate ids, best first; candidates in one tier are ranked equal; candidates
    /// left out rank below all ranked ones. `[["chen"], ["alice", "bob"]]`. No tier is empty.
    #[serde(default)]
    pub ranking: Vec<Vec<String>>,
    /// A blank ballot: ranks nobody and counts toward turnout. `ranking` must then be empty.
    #[serde(default)]
    pub abstain: bool,
    /// The ballot key you were given with your earlier ballot (not its receipt), to replace it.
    pub replaces: Option<String>,
}
