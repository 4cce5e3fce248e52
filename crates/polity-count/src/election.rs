//! Counting a whole election: a method over the ballots, the turnout rule (E3), and the seats
//! filled down the ranking under the organisation cap (S6), with one explanation.

use crate::ballot::{Ballots, MAX_RANK};
use crate::condorcet::{Schulze, Strength, Tiers, ranked_pairs_explained, schulze};
use crate::pairwise::Pairwise;
use crate::seats::{SeatResult, SeatRules, fill_seats};
use crate::threshold::Threshold;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Schulze(Strength),
    RankedPairs,
    /// Each ballot counts for the candidate it ranks best (alone).
    Plurality,
    /// Each ballot approves every candidate it ranks at all.
    Approval,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Schulze(Strength::WinningVotes) => "schulze",
            Method::Schulze(Strength::Margins) => "schulze-margins",
            Method::RankedPairs => "ranked-pairs",
            Method::Plurality => "plurality",
            Method::Approval => "approval",
        }
    }

    pub const ALL: [Method; 5] = [
        Method::Schulze(Strength::WinningVotes),
        Method::Schulze(Strength::Margins),
        Method::RankedPairs,
        Method::Plurality,
        Method::Approval,
    ];
}

impl std::str::FromStr for Method {
    type Err = String;

    fn from_str(text: &str) -> Result<Method, String> {
        Method::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
            .ok_or_else(|| {
                format!("unknown method {text:?}: use schulze, schulze-margins, ranked-pairs, plurality or approval")
            })
    }
}

/// E3: the election counts only if enough of the electorate cast valid ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turnout {
    pub eligible: u64,
    pub valid_if: Threshold,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionRules {
    pub method: Method,
    pub seats: SeatRules,
    /// Seat classes in ranking order, e.g. three two-year then three one-year seats (E5).
    pub classes: Vec<(String, usize)>,
    pub turnout: Option<Turnout>,
    /// Threads for the pairwise count.
    pub threads: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionResult {
    pub method: Method,
    pub voters: u64,
    /// False when the turnout rule was not met: then nobody is elected.
    pub valid: bool,
    pub ranking: Tiers,
    pub seats: SeatResult,
    /// The class of each winner, in the order of `seats.winners`.
    pub winner_classes: Vec<Option<String>>,
    pub pairwise: Option<Pairwise>,
    pub schulze: Option<Schulze>,
    /// Plurality or approval scores per candidate.
    pub scores: Option<Vec<u64>>,
    pub explanation: Vec<String>,
}

fn tiers_by_score(scores: &[u64]) -> Tiers {
    let mut distinct: Vec<u64> = scores.to_vec();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    distinct
        .into_iter()
        .map(|score| {
            (0..scores.len())
                .filter(|&candidate| scores[candidate] == score)
                .collect()
        })
        .collect()
}

fn approvals(ballots: &Ballots) -> Vec<u64> {
    let (ranks, weights) = ballots.raw();
    let n = ballots.candidates().len();
    let mut scores = vec![0u64; n];
    for (row, &weight) in ranks.chunks_exact(n.max(1)).zip(weights) {
        for (score, &rank) in scores.iter_mut().zip(row) {
            if rank <= MAX_RANK {
                *score += u64::from(weight);
            }
        }
    }
    scores
}

pub fn count(ballots: &Ballots, rules: &ElectionRules) -> ElectionResult {
    let names = ballots.candidates();
    let voters = ballots.voters();
    let mut explanation = vec![format!(
        "{voters} ballot(s) over {} candidate(s); method {}; unranked means {}",
        names.len(),
        rules.method.as_str(),
        ballots.unranked().as_str()
    )];
    let mut valid = true;
    if let Some(turnout) = rules.turnout {
        let needed = turnout.valid_if.needed(turnout.eligible);
        valid = turnout.valid_if.is_met(voters, turnout.eligible);
        explanation.push(format!(
            "turnout: {voters} of {} eligible cast valid ballots; {} needs {needed}: {}",
            turnout.eligible,
            turnout.valid_if,
            if valid { "valid" } else { "not valid, nobody is elected" }
        ));
    }
    let (ranking, pairwise, schulze_result, scores) = match rules.method {
        Method::Schulze(strength) => {
            let pairwise = Pairwise::count(ballots, rules.threads);
            let result = schulze(&pairwise, strength);
            explanation.push(format!("Schulze ({}) over the pairwise matrix", strength.as_str()));
            (result.tiers.clone(), Some(pairwise), Some(result), None)
        }
        Method::RankedPairs => {
            let pairwise = Pairwise::count(ballots, rules.threads);
            explanation.push("ranked pairs: majorities locked strongest first, cycles skipped".to_owned());
            let (tiers, contested) = ranked_pairs_explained(&pairwise);
            if !contested.is_empty() {
                let pairs: Vec<String> = contested
                    .iter()
                    .map(|&(winner, loser)| format!("{} over {}", names[winner], names[loser]))
                    .collect();
                explanation.push(format!(
                    "equal majorities that close a cycle in one order and not in another are not locked \
                     (the result never depends on the order of the candidates): {}; the candidates \
                     they would separate stay tied",
                    pairs.join(", ")
                ));
            }
            (tiers, Some(pairwise), None, None)
        }
        Method::Plurality => {
            let (scores, exhausted) = ballots.first_choices();
            explanation.push(format!(
                "plurality: each ballot counts for its single best-ranked candidate; {exhausted} ballot(s) counted for none"
            ));
            (tiers_by_score(&scores), None, None, Some(scores))
        }
        Method::Approval => {
            let scores = approvals(ballots);
            explanation.push("approval: each ballot approves every candidate it ranks".to_owned());
            (tiers_by_score(&scores), None, None, Some(scores))
        }
    };
    if let Some(pairwise) = &pairwise
        && let Some(winner) = pairwise.condorcet_winner()
    {
        explanation.push(format!(
            "{} beats every other candidate head to head (Condorcet winner)",
            names[winner]
        ));
    }
    let mut seat_rules = rules.seats.clone();
    if !valid {
        seat_rules.seats = 0;
    }
    let seats = fill_seats(&ranking, names, &seat_rules);
    explanation.extend(seats.explanation.iter().cloned());
    let mut winner_classes = Vec::new();
    let mut class_slots = rules
        .classes
        .iter()
        .flat_map(|(name, count)| std::iter::repeat_n(name.clone(), *count));
    for _ in &seats.winners {
        winner_classes.push(class_slots.next());
    }
    ElectionResult {
        method: rules.method,
        voters,
        valid,
        ranking,
        seats,
        winner_classes,
        pairwise,
        schulze: schulze_result,
        scores,
        explanation,
    }
}
