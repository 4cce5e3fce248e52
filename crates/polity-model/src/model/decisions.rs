//! How a body decides and elects: election windows and rules, electorates, the acts some
//! electorate decides, and the constitution's decision rules (E1, E3, E4, D3, D4).

use polity_count::Threshold;

use super::{IdRef, Loc, Period, PeriodUnit};
use crate::rules::RuleId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElectionWindows {
    pub nomination: Period,
    pub voting: Period,
}

impl Default for ElectionWindows {
    fn default() -> ElectionWindows {
        ElectionWindows {
            nomination: Period::new(2, PeriodUnit::Weeks),
            voting: Period::new(1, PeriodUnit::Weeks),
        }
    }
}

/// Who takes part in an election or a decision, relative to the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Electorate {
    /// The body's current seat holders (members, and officers).
    Members,
    /// Active members per the constitution's E2 rule.
    ActiveMembers,
    /// The body's committers (S7).
    Committers,
    /// The oversight committee above the body (the TOC or TSC).
    Overseer,
    /// The body's chairs and co-chairs.
    Chairs,
    /// The person concerned (self-nomination, E4).
    #[serde(rename = "self")]
    Themselves,
}

impl Electorate {
    pub fn as_str(self) -> &'static str {
        match self {
            Electorate::Members => "members",
            Electorate::ActiveMembers => "active-members",
            Electorate::Committers => "committers",
            Electorate::Overseer => "overseer",
            Electorate::Chairs => "chairs",
            Electorate::Themselves => "self",
        }
    }
}

/// How an election runs: its windows, who nominates, who may stand, who votes, whether
/// candidates must consent, and when the vote is valid (E1, E3, E4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionRule {
    pub windows: ElectionWindows,
    /// A counting method name (`schulze`, …); the counting crate reads it.
    pub method: Option<String>,
    /// Whose semantics a Schulze count follows (`strict` or `elekto`); the counting crate reads it.
    pub compat: Option<String>,
    pub nominators: Electorate,
    pub candidates: Electorate,
    pub voters: Electorate,
    pub consent: bool,
    pub valid_if: Option<Threshold>,
    /// The officer may close before the voting deadline while voters are missing.
    pub early_close: bool,
    pub loc: Loc,
}

/// An act that some electorate decides by a decision rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Act {
    /// E5: appointing chairs.
    AppointChairs,
    /// E6: appointing technical leads.
    AppointTechLeads,
    /// E7: removing a chair or technical lead.
    RemoveLeads,
    /// E4: calling a new PTL election.
    RecallPtl,
    /// E11: promoting a contributor to committer.
    PromoteCommitter,
    /// L1, L7: moving between lifecycle states.
    Transition,
    /// L6: no confidence.
    NoConfidence,
}

impl Act {
    pub const ALL: [Act; 7] = [
        Act::AppointChairs,
        Act::AppointTechLeads,
        Act::RemoveLeads,
        Act::RecallPtl,
        Act::PromoteCommitter,
        Act::Transition,
        Act::NoConfidence,
    ];

    /// The rule that governs this act: the one mapping `check`, `decide` and the pages use.
    pub fn rule(self) -> RuleId {
        match self {
            Act::AppointChairs => RuleId::E5,
            Act::AppointTechLeads => RuleId::E6,
            Act::RemoveLeads => RuleId::E7,
            Act::RecallPtl => RuleId::E4,
            Act::PromoteCommitter => RuleId::E11,
            Act::Transition => RuleId::L1,
            Act::NoConfidence => RuleId::L6,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Act::AppointChairs => "appoint-chairs",
            Act::AppointTechLeads => "appoint-tech-leads",
            Act::RemoveLeads => "remove-leads",
            Act::RecallPtl => "recall-ptl",
            Act::PromoteCommitter => "promote-committer",
            Act::Transition => "transition",
            Act::NoConfidence => "no-confidence",
        }
    }
}

/// The electorates that must each pass an act, and the constitution's decision rule they use.
/// Several electorates make a composite majority (E6: the TOC and the SIG chairs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authority {
    pub by: Vec<Electorate>,
    pub rule: IdRef,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionRule {
    pub passes: Threshold,
    pub valid_if: Option<Threshold>,
    pub tie: Vec<TieStep>,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieStep {
    Revote,
    ChairCastingVote,
}
