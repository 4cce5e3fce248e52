//! Yes/no/abstain motions under a decision rule: quorum (D1), proxies (D2), participation (D3),
//! ties, re-vote and the chair's casting vote (D4), election turnout (E3) and composite majorities
//! over several bodies (E6). Every result carries its explanation with the numbers.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::threshold::{Base, Threshold};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

impl Choice {
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::Abstain => "abstain",
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happens when yes and no are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieStep {
    Revote,
    ChairCastingVote,
}

/// A decision rule as a constitution states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MotionRule {
    /// When the motion carries, e.g. `> 1/2 of votes cast`.
    pub passes: Threshold,
    /// When the vote is valid at all, e.g. `> 1/2 of members voted` (D3).
    pub valid_if: Option<Threshold>,
    /// When a meeting may decide, e.g. `> 1/2 of members attend` (D1).
    pub quorum: Option<Threshold>,
    /// D4, in order.
    pub tie: Vec<TieStep>,
}

/// The counted votes of one round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Tally {
    /// All voting members of the body.
    pub members: u64,
    /// Members present in person or by proxy, for a vote in a meeting.
    pub attending: Option<u64>,
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
}

impl Tally {
    fn count(&self, base: Base) -> (u64, u64, &'static str) {
        // (the part, the whole, what the part is), for a threshold of this base.
        match base {
            Base::VotesCast => (self.yes, self.yes + self.no, "yes of votes cast"),
            Base::BallotsCast => (self.yes, self.yes + self.no + self.abstain, "yes of ballots cast"),
            Base::Members => (self.yes, self.members, "yes of members"),
            Base::MembersVoting => (self.yes + self.no + self.abstain, self.members, "voted of members"),
            Base::MembersAttending => (self.attending.unwrap_or(0), self.members, "attending of members"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Carried,
    Failed,
    /// The meeting had no quorum: it may discuss, not decide (D1).
    NoQuorum,
    /// Too few voted for the vote to count (D3, E3).
    Invalid,
    /// Yes and no are equal and the next step of the tie rule is due.
    Tied(TieStep),
    /// Yes and no are equal and the rule has no step left.
    Deadlocked,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Carried => "carried",
            Outcome::Failed => "failed",
            Outcome::NoQuorum => "no quorum",
            Outcome::Invalid => "invalid",
            Outcome::Tied(TieStep::Revote) => "tied: vote again",
            Outcome::Tied(TieStep::ChairCastingVote) => "tied: the chair's casting vote decides",
            Outcome::Deadlocked => "deadlocked",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MotionResult {
    pub outcome: Outcome,
    /// One sentence per step, with the numbers: "quorum needs 5 of 9 attending: 7, met".
    pub explanation: Vec<String>,
}

impl fmt::Display for MotionResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.explanation.join("; "), self.outcome.as_str())
    }
}

fn step(threshold: &Threshold, tally: &Tally, label: &str) -> (bool, String) {
    let (part, whole, what) = tally.count(threshold.base);
    let met = threshold.is_met(part, whole);
    let needed = threshold.needed(whole);
    let sentence = format!(
        "{label}: {part} {what} {whole}; {threshold} needs {needed}: {}",
        if met { "met" } else { "not met" }
    );
    (met, sentence)
}

/// Decides one round. `round` counts from 1 (a re-vote is round 2). `casting_vote` is the chair's
/// extra vote, used only when the tie rule has reached it.
pub fn decide(rule: &MotionRule, tally: &Tally, round: usize, casting_vote: Option<Choice>) -> MotionResult {
    let mut explanation = Vec::new();
    if let Some(quorum) = &rule.quorum {
        let (met, sentence) = step(quorum, tally, "quorum (D1)");
        explanation.push(sentence);
        if !met {
            explanation.push("the meeting may discuss but not decide".to_owned());
            return MotionResult {
                outcome: Outcome::NoQuorum,
                explanation,
            };
        }
    }
    if let Some(valid_if) = &rule.valid_if {
        let (met, sentence) = step(valid_if, tally, "participation");
        explanation.push(sentence);
        if !met {
            return MotionResult {
                outcome: Outcome::Invalid,
                explanation,
            };
        }
    }
    let tie_possible = matches!(rule.passes.base, Base::VotesCast | Base::BallotsCast);
    if tie_possible && tally.yes == tally.no && tally.yes > 0 {
        explanation.push(format!("yes {} and no {}: a tie (round {round})", tally.yes, tally.no));
        // Round 1 takes the first tie step, round 2 the second, and so on.
        return match rule.tie.get(round - 1) {
            Some(TieStep::ChairCastingVote) => match casting_vote {
                Some(choice @ (Choice::Yes | Choice::No)) => {
                    let mut with_chair = *tally;
                    if choice == Choice::Yes {
                        with_chair.yes += 1;
                    } else {
                        with_chair.no += 1;
                    }
                    explanation.push(format!("the chair's casting vote: {}", choice.as_str()));
                    let (met, sentence) = step(&rule.passes, &with_chair, "majority");
                    explanation.push(sentence);
                    MotionResult {
                        outcome: if met { Outcome::Carried } else { Outcome::Failed },
                        explanation,
                    }
                }
                _ => MotionResult {
                    outcome: Outcome::Tied(TieStep::ChairCastingVote),
                    explanation,
                },
            },
            Some(next) => MotionResult {
                outcome: Outcome::Tied(*next),
                explanation,
            },
            None => MotionResult {
                outcome: Outcome::Deadlocked,
                explanation,
            },
        };
    }
    let (met, sentence) = step(&rule.passes, tally, "majority");
    explanation.push(sentence);
    MotionResult {
        outcome: if met { Outcome::Carried } else { Outcome::Failed },
        explanation,
    }
}

/// E6: a motion that needs a majority in each of several bodies (e.g. 2/3 of the TOC and 2/3 of
/// the SIG chairs). It carries only when every part carries.
pub fn decide_composite(parts: &[(&str, MotionRule, Tally)]) -> MotionResult {
    let mut explanation = Vec::new();
    let mut outcome = Outcome::Carried;
    for (body, rule, tally) in parts {
        let result = decide(rule, tally, 1, None);
        explanation.push(format!("{body}: {}", result));
        if result.outcome != Outcome::Carried && outcome == Outcome::Carried {
            outcome = match result.outcome {
                Outcome::Carried => Outcome::Carried,
                Outcome::NoQuorum => Outcome::NoQuorum,
                Outcome::Invalid => Outcome::Invalid,
                _ => Outcome::Failed,
            };
        }
    }
    explanation.push(format!("every body must carry it: {}", outcome.as_str()));
    MotionResult { outcome, explanation }
}

/// One vote as cast: by a member, or by a proxy holder on a member's behalf (D2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    pub member: String,
    pub choice: Choice,
    /// The proxy holder who cast it, when the member was absent.
    pub cast_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    NotAMember(String),
    VotedTwice(String),
    /// A vote cast on a member's behalf by someone they did not name as proxy.
    NoProxy {
        member: String,
        cast_by: String,
    },
}

impl fmt::Display for VoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VoteError::NotAMember(who) => write!(f, "{who} is not a voting member"),
            VoteError::VotedTwice(who) => write!(f, "{who} voted twice"),
            VoteError::NoProxy { member, cast_by } => write!(
                f,
                "{cast_by} voted for {member}, who named no such proxy (D2: name the proxy before the meeting)"
            ),
        }
    }
}

impl std::error::Error for VoteError {}

/// Counts the votes of a meeting. `present` are the members attending in person; `proxies`
/// maps an absent member to the proxy holder they named before the meeting (D2). A proxied
/// member counts as attending (the proxy attends for them).
pub fn tally_votes(
    members: &BTreeSet<String>,
    present: &BTreeSet<String>,
    proxies: &BTreeMap<String, String>,
    votes: &[Vote],
) -> Result<Tally, VoteError> {
    let mut voted = BTreeSet::new();
    let mut tally = Tally {
        members: members.len() as u64,
        ..Tally::default()
    };
    for vote in votes {
        if !members.contains(&vote.member) {
            return Err(VoteError::NotAMember(vote.member.clone()));
        }
        if let Some(cast_by) = &vote.cast_by
            && proxies.get(&vote.member) != Some(cast_by)
        {
            return Err(VoteError::NoProxy {
                member: vote.member.clone(),
                cast_by: cast_by.clone(),
            });
        }
        if !voted.insert(vote.member.clone()) {
            return Err(VoteError::VotedTwice(vote.member.clone()));
        }
        match vote.choice {
            Choice::Yes => tally.yes += 1,
            Choice::No => tally.no += 1,
            Choice::Abstain => tally.abstain += 1,
        }
    }
    let attending = members
        .iter()
        .filter(|member| {
            present.contains(*member) || proxies.get(*member).is_some_and(|holder| present.contains(holder))
        })
        .count();
    tally.attending = Some(attending as u64);
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threshold(text: &str) -> Threshold {
        text.parse().unwrap()
    }

    fn simple_majority() -> MotionRule {
        MotionRule {
            passes: threshold("> 1/2 of votes cast"),
            valid_if: Some(threshold("> 1/2 of members voted")),
            quorum: None,
            tie: vec![TieStep::Revote, TieStep::ChairCastingVote],
        }
    }

    fn tally(members: u64, yes: u64, no: u64, abstain: u64) -> Tally {
        Tally {
            members,
            attending: None,
            yes,
            no,
            abstain,
        }
    }

    #[test]
    fn d1_a_meeting_without_quorum_cannot_decide() {
        let rule = MotionRule {
            quorum: Some(threshold("> 1/2 of members attend")),
            ..simple_majority()
        };
        let mut votes = tally(9, 4, 0, 0);
        votes.attending = Some(4);
        let result = decide(&rule, &votes, 1, None);
        assert_eq!(result.outcome, Outcome::NoQuorum);
        assert!(result.explanation[0].contains("needs 5: not met"), "{result}");
        votes.attending = Some(5);
        assert_eq!(
            decide(&rule, &votes, 1, None).outcome,
            Outcome::Invalid,
            "4 of 9 voted: D3 fails"
        );
        votes.yes = 5;
        assert_eq!(decide(&rule, &votes, 1, None).outcome, Outcome::Carried);
    }

    #[test]
    fn d2_proxies_attend_and_vote_for_absent_members() {
        let members: BTreeSet<String> = ["a", "b", "c"].map(String::from).into();
        let present: BTreeSet<String> = ["a"].map(String::from).into();
        let proxies: BTreeMap<String, String> = [("b".to_owned(), "a".to_owned())].into();
        let votes = vec![
            Vote {
                member: "a".into(),
                choice: Choice::Yes,
                cast_by: None,
            },
            Vote {
                member: "b".into(),
                choice: Choice::Yes,
                cast_by: Some("a".into()),
            },
        ];
        let counted = tally_votes(&members, &present, &proxies, &votes).unwrap();
        assert_eq!((counted.yes, counted.attending), (2, Some(2)));
        let undeclared = vec![Vote {
            member: "c".into(),
            choice: Choice::No,
            cast_by: Some("a".into()),
        }];
        assert!(matches!(
            tally_votes(&members, &present, &proxies, &undeclared),
            Err(VoteError::NoProxy { .. })
        ));
        let twice = vec![votes[0].clone(), votes[0].clone()];
        assert!(matches!(
            tally_votes(&members, &present, &proxies, &twice),
            Err(VoteError::VotedTwice(_))
        ));
    }

    #[test]
    fn d3_a_vote_is_valid_only_if_more_than_half_voted() {
        let result = decide(&simple_majority(), &tally(9, 3, 1, 0), 1, None);
        assert_eq!(result.outcome, Outcome::Invalid);
        assert!(
            result
                .to_string()
                .contains("4 voted of members 9; > 1/2 of members voted needs 5: not met"),
            "{result}"
        );
        let result = decide(&simple_majority(), &tally(9, 3, 1, 1), 1, None);
        assert_eq!(result.outcome, Outcome::Carried, "{result}");
    }

    #[test]
    fn d4_tie_then_revote_then_casting_vote() {
        let rule = simple_majority();
        let tied = tally(8, 3, 3, 0);
        assert_eq!(decide(&rule, &tied, 1, None).outcome, Outcome::Tied(TieStep::Revote));
        assert_eq!(
            decide(&rule, &tied, 2, None).outcome,
            Outcome::Tied(TieStep::ChairCastingVote)
        );
        assert_eq!(decide(&rule, &tied, 2, Some(Choice::Yes)).outcome, Outcome::Carried);
        assert_eq!(decide(&rule, &tied, 2, Some(Choice::No)).outcome, Outcome::Failed);
        assert_eq!(decide(&rule, &tied, 3, None).outcome, Outcome::Deadlocked);
    }

    #[test]
    fn e3_officer_vote_needs_two_thirds_turnout() {
        let rule = MotionRule {
            passes: threshold("> 1/2 of votes cast"),
            valid_if: Some(threshold(">= 2/3 of members cast valid ballots")),
            quorum: None,
            tie: Vec::new(),
        };
        assert_eq!(decide(&rule, &tally(9, 4, 1, 0), 1, None).outcome, Outcome::Invalid);
        assert_eq!(decide(&rule, &tally(9, 5, 1, 0), 1, None).outcome, Outcome::Carried);
    }

    #[test]
    fn e6_composite_needs_two_thirds_of_both_bodies() {
        let two_thirds = MotionRule {
            passes: threshold(">= 2/3 of members"),
            valid_if: None,
            quorum: None,
            tie: Vec::new(),
        };
        let carried = decide_composite(&[
            ("TOC", two_thirds.clone(), tally(9, 6, 3, 0)),
            ("SIG chairs", two_thirds.clone(), tally(3, 2, 1, 0)),
        ]);
        assert_eq!(carried.outcome, Outcome::Carried, "{carried}");
        let failed = decide_composite(&[
            ("TOC", two_thirds.clone(), tally(9, 6, 3, 0)),
            ("SIG chairs", two_thirds, tally(3, 1, 2, 0)),
        ]);
        assert_eq!(failed.outcome, Outcome::Failed);
        assert!(
            failed.explanation[1].contains("1 yes of members 3; >= 2/3 of members needs 2: not met"),
            "{failed}"
        );
    }

    #[test]
    fn abstentions_count_as_each_rule_says() {
        let of_cast = MotionRule {
            passes: threshold("> 1/2 of votes cast"),
            valid_if: None,
            quorum: None,
            tie: Vec::new(),
        };
        let of_ballots = MotionRule {
            passes: threshold("> 1/2 of ballots cast"),
            ..of_cast.clone()
        };
        let votes = tally(10, 4, 3, 2);
        assert_eq!(decide(&of_cast, &votes, 1, None).outcome, Outcome::Carried);
        assert_eq!(decide(&of_ballots, &votes, 1, None).outcome, Outcome::Failed);
    }
}
