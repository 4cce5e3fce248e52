//! Counting a whole election: a method over the ballots, the turnout rule (E3), and the seats
//! filled down the ranking under the organisation cap (S6), with one explanation.

use crate::ballot::{Ballots, MAX_RANK};
use crate::compat::{Compat, DevoteeOutcome, devotee, elekto_tiers};
use crate::condorcet::{Schulze, Strength, Tiers, ranked_pairs_explained, schulze};
use crate::pairwise::Pairwise;
use crate::seats::{SeatResult, SeatRules, fill_seats};
use crate::threshold::Threshold;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Schulze(Strength),
    RankedPairs,
    /// Copeland: two points for each candidate beaten head to head, one for each tie.
    Copeland,
    /// Each ballot counts for the candidate it ranks best (alone).
    Plurality,
    /// Each ballot approves every candidate it ranks at all.
    Approval,
    /// Single transferable vote, for proportional representation.
    Stv(crate::stv::StvRule),
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Schulze(Strength::WinningVotes) => "schulze",
            Method::Schulze(Strength::Margins) => "schulze-margins",
            Method::RankedPairs => "ranked-pairs",
            Method::Copeland => "copeland",
            Method::Plurality => "plurality",
            Method::Approval => "approval",
            Method::Stv(rule) => rule.as_str(),
        }
    }

    pub const ALL: [Method; 8] = [
        Method::Schulze(Strength::WinningVotes),
        Method::Schulze(Strength::Margins),
        Method::RankedPairs,
        Method::Stv(crate::stv::StvRule::Meek),
        Method::Stv(crate::stv::StvRule::Scottish),
        Method::Copeland,
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
                format!("unknown method {text:?}: use schulze, schulze-margins, ranked-pairs, meek, scottish-stv, copeland, plurality or approval")
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
    /// Whose semantics a Schulze count follows (strict, Elekto's, devotee's).
    pub compat: Compat,
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
    /// What devotee's rules dropped before Schulze (with `Compat::Devotee`).
    pub devotee: Option<DevoteeOutcome>,
    /// The round-by-round table of an STV count.
    pub stv: Option<crate::stv::StvCount>,
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

/// What a method produced before the seats are filled.
struct Counted {
    ranking: Tiers,
    /// The tiers seats are filled down (devotee: without the dropped options).
    seat_tiers: Option<Tiers>,
    pairwise: Option<Pairwise>,
    schulze: Option<Schulze>,
    scores: Option<Vec<u64>>,
    devotee: Option<DevoteeOutcome>,
    /// The other order's seats to compare with (strict Schulze against Elekto's), by name.
    other_order: Option<(&'static str, Tiers)>,
}

impl Counted {
    fn ranked(ranking: Tiers) -> Counted {
        Counted {
            ranking,
            seat_tiers: None,
            pairwise: None,
            schulze: None,
            scores: None,
            devotee: None,
            other_order: None,
        }
    }
}

pub fn count(ballots: &Ballots, rules: &ElectionRules) -> ElectionResult {
    let names = ballots.candidates();
    let voters = ballots.voters();
    let compat = match (&rules.compat, rules.method) {
        (Compat::Strict, _) | (_, Method::Schulze(Strength::WinningVotes)) => String::new(),
        (other, _) => format!(" (compat {} applies to schulze only; not used)", other.as_str()),
    };
    let mut explanation = vec![format!(
        "{voters} ballot(s) over {} candidate(s); method {}{}; unranked means {}{compat}",
        names.len(),
        rules.method.as_str(),
        match (&rules.compat, rules.method) {
            (Compat::Strict, _) => String::new(),
            (compat, Method::Schulze(Strength::WinningVotes)) => format!(" as {} counts", compat.as_str()),
            _ => String::new(),
        },
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
    let mut seat_rules = rules.seats.clone();
    if !valid {
        seat_rules.seats = 0;
    }
    if let Method::Stv(rule) = rules.method {
        let stv = crate::stv::count(ballots, rule, &seat_rules);
        explanation.extend(stv.explanation.iter().cloned());
        explanation.extend(stv.seats.explanation.iter().cloned());
        return ElectionResult {
            method: rules.method,
            voters,
            valid,
            ranking: stv.ranking.clone(),
            seats: stv.seats.clone(),
            winner_classes: classes(rules, stv.seats.winners.len()),
            pairwise: None,
            schulze: None,
            scores: None,
            devotee: None,
            stv: Some(stv),
            explanation,
        };
    }
    let counted = count_by_method(ballots, rules, &mut explanation);
    if let Some(pairwise) = &counted.pairwise
        && let Some(winner) = pairwise.condorcet_winner()
    {
        explanation.push(format!(
            "{} beats every other candidate head to head (Condorcet winner)",
            names[winner]
        ));
    }
    let seats = fill_seats(
        counted.seat_tiers.as_ref().unwrap_or(&counted.ranking),
        names,
        &seat_rules,
    );
    explanation.extend(seats.explanation.iter().cloned());
    if let Some((other_name, other_tiers)) = &counted.other_order {
        let other = fill_seats(other_tiers, names, &seat_rules);
        if let Some(line) = orders_differ(names, &counted, &seats, other_name, &other) {
            explanation.push(line);
        }
    }
    ElectionResult {
        method: rules.method,
        voters,
        valid,
        winner_classes: classes(rules, seats.winners.len()),
        ranking: counted.ranking,
        seats,
        pairwise: counted.pairwise,
        schulze: counted.schulze,
        scores: counted.scores,
        devotee: counted.devotee,
        stv: None,
        explanation,
    }
}

/// The class of each winner in seating order (E5).
fn classes(rules: &ElectionRules, winners: usize) -> Vec<Option<String>> {
    let mut class_slots = rules
        .classes
        .iter()
        .flat_map(|(name, count)| std::iter::repeat_n(name.clone(), *count));
    (0..winners).map(|_| class_slots.next()).collect()
}

fn count_by_method(ballots: &Ballots, rules: &ElectionRules, explanation: &mut Vec<String>) -> Counted {
    let names = ballots.candidates();
    match rules.method {
        Method::Schulze(strength) => {
            let pairwise = Pairwise::count(ballots, rules.threads);
            let mut counted = match (&rules.compat, strength) {
                (Compat::Devotee(devotee_rules), Strength::WinningVotes) => {
                    match devotee(&pairwise, names, devotee_rules) {
                        Ok(outcome) => devotee_count(pairwise, names, outcome, explanation),
                        Err(error) => {
                            explanation.push(format!(
                                "devotee's rules could not be applied: {error}; strict Schulze instead"
                            ));
                            schulze_count(pairwise, strength, &Compat::Strict, explanation)
                        }
                    }
                }
                (compat, _) => schulze_count(pairwise, strength, compat, explanation),
            };
            if strength != Strength::WinningVotes {
                counted.other_order = None;
            }
            counted
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
            Counted {
                pairwise: Some(pairwise),
                ..Counted::ranked(tiers)
            }
        }
        Method::Copeland => {
            let pairwise = Pairwise::count(ballots, rules.threads);
            let n = names.len();
            let scores: Vec<u64> = (0..n)
                .map(|i| {
                    (0..n)
                        .filter(|&j| j != i)
                        .map(|j| match pairwise.get(i, j).cmp(&pairwise.get(j, i)) {
                            std::cmp::Ordering::Greater => 2,
                            std::cmp::Ordering::Equal => 1,
                            std::cmp::Ordering::Less => 0,
                        })
                        .sum()
                })
                .collect();
            explanation.push(
                "Copeland: 2 points for each candidate beaten head to head, 1 for each tie; most points first"
                    .to_owned(),
            );
            Counted {
                pairwise: Some(pairwise),
                scores: Some(scores.clone()),
                ..Counted::ranked(tiers_by_score(&scores))
            }
        }
        Method::Plurality => {
            let (scores, exhausted) = ballots.first_choices();
            explanation.push(format!(
                "plurality: each ballot counts for its single best-ranked candidate; {exhausted} ballot(s) counted for none"
            ));
            Counted {
                scores: Some(scores.clone()),
                ..Counted::ranked(tiers_by_score(&scores))
            }
        }
        Method::Approval => {
            let scores = approvals(ballots);
            explanation.push("approval: each ballot approves every candidate it ranks".to_owned());
            Counted {
                scores: Some(scores.clone()),
                ..Counted::ranked(tiers_by_score(&scores))
            }
        }
        Method::Stv(_) => unreachable!("STV is counted before"),
    }
}

/// Schulze in strict order or in Elekto's, with the other order kept to compare seats.
fn schulze_count(pairwise: Pairwise, strength: Strength, compat: &Compat, explanation: &mut Vec<String>) -> Counted {
    let result = schulze(&pairwise, strength);
    let (elekto, _) = elekto_tiers(&result);
    let (ranking, other_order) = if *compat == Compat::Elekto {
        explanation.push(format!(
            "Schulze ({}) over the pairwise matrix; candidates in Elekto's order: fewest defeats on \
             strongest paths first",
            strength.as_str()
        ));
        (elekto, ("strict Schulze", result.tiers.clone()))
    } else {
        explanation.push(format!("Schulze ({}) over the pairwise matrix", strength.as_str()));
        (result.tiers.clone(), ("Elekto's order", elekto))
    };
    Counted {
        pairwise: Some(pairwise),
        schulze: Some(result),
        other_order: Some(other_order),
        ..Counted::ranked(ranking)
    }
}

/// devotee: Schulze (winning votes) over the options that survive §A.6's dropping rules.
fn devotee_count(
    pairwise: Pairwise,
    names: &[String],
    outcome: DevoteeOutcome,
    explanation: &mut Vec<String>,
) -> Counted {
    let n = names.len();
    explanation.push(format!(
        "devotee (Debian constitution §A.6): the default option is {} ({})",
        names[outcome.default_option], outcome.default_by
    ));
    for &option in &outcome.kept {
        if option != outcome.default_option {
            explanation.push(format!(
                "kept {}: {} to {} over {} passes its {} majority",
                names[option],
                pairwise.get(option, outcome.default_option),
                pairwise.get(outcome.default_option, option),
                names[outcome.default_option],
                outcome.majorities[option]
            ));
        }
    }
    for (option, reason) in &outcome.dropped {
        explanation.push(format!("dropped {}: {reason}", names[*option]));
    }
    let kept = &outcome.kept;
    let rows: Vec<Vec<u64>> = kept
        .iter()
        .map(|&i| {
            kept.iter()
                .map(|&j| if i == j { 0 } else { pairwise.get(i, j) })
                .collect()
        })
        .collect();
    let inner = schulze(&Pairwise::from_rows(&rows), Strength::WinningVotes);
    let mut strongest = vec![vec![0u64; n]; n];
    for (a, &i) in kept.iter().enumerate() {
        for (b, &j) in kept.iter().enumerate() {
            strongest[i][j] = inner.strongest[a][b];
        }
    }
    let seat_tiers: Tiers = inner
        .tiers
        .iter()
        .map(|tier| tier.iter().map(|&a| kept[a]).collect())
        .collect();
    explanation.push(format!(
        "Schulze (winning votes) over the {} option(s) left{}",
        kept.len(),
        if kept.len() == 1 {
            ": the default option wins"
        } else {
            ""
        }
    ));
    let mut ranking = seat_tiers.clone();
    if !outcome.dropped.is_empty() {
        let mut dropped: Vec<usize> = outcome.dropped.iter().map(|(option, _)| *option).collect();
        dropped.sort_unstable();
        ranking.push(dropped);
    }
    Counted {
        seat_tiers: Some(seat_tiers),
        pairwise: Some(pairwise),
        schulze: Some(Schulze {
            strength: Strength::WinningVotes,
            strongest,
            tiers: inner.tiers.clone(),
        }),
        devotee: Some(outcome),
        ..Counted::ranked(ranking)
    }
}

/// Says how the seats would differ under the other order, in words; None when they agree.
fn orders_differ(
    names: &[String],
    counted: &Counted,
    seats: &SeatResult,
    other_name: &str,
    other: &SeatResult,
) -> Option<String> {
    let sorted = |result: &SeatResult| {
        let mut winners = result.winners.clone();
        winners.sort_unstable();
        (
            winners,
            result
                .tie
                .as_ref()
                .filter(|tie| !tie.broken)
                .map(|tie| tie.candidates.clone()),
        )
    };
    if sorted(seats) == sorted(other) {
        return None;
    }
    let defeats = counted.schulze.as_ref().map(|result| elekto_tiers(result).1);
    let describe = |result: &SeatResult| {
        let mut text = if result.winners.is_empty() {
            "seats nobody".to_owned()
        } else {
            let list: Vec<String> = result
                .winners
                .iter()
                .map(|&winner| match &defeats {
                    Some(defeats) => format!("{} ({} defeat(s))", names[winner], defeats[winner]),
                    None => names[winner].clone(),
                })
                .collect();
            format!("seats {}", list.join(", "))
        };
        if let Some(tie) = result.tie.as_ref().filter(|tie| !tie.broken) {
            let tied: Vec<&str> = tie.candidates.iter().map(|&c| names[c].as_str()).collect();
            text.push_str(&format!(
                " and leaves {} tied for the last {} seat(s)",
                tied.join(" and "),
                tie.seats_left
            ));
        }
        text
    };
    Some(format!(
        "the orders differ for the seats: this count {}; {other_name} would {}",
        describe(seats),
        describe(other)
    ))
}
