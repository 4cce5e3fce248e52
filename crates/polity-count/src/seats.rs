//! Filling seats down a ranking under a per-organisation cap (S6), with explained skips and a
//! documented rule for a tie at the last seat.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use crate::condorcet::Tiers;

/// How a tie for the last seat(s) is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// Do not break it: report the tie and leave those seats unfilled.
    Report,
    /// A named officer's order of preference among the tied candidates (names as the ballots
    /// spell them); the officer and the order are part of the input, hence of the record.
    Officer { officer: String, order: Vec<String> },
    /// A random draw from a published seed: tied candidates are ordered by
    /// SHA-256(seed, 0x00, candidate name), smallest first. Anyone can redo the draw.
    Seed(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatRules {
    pub seats: usize,
    /// Each candidate's organisation, by candidate index (None: counts for no organisation).
    pub organisations: Vec<Option<String>>,
    /// At most this many seats per organisation, counting sitting members (None: no cap).
    pub cap: Option<usize>,
    /// Organisations of the members who keep their seats through this election.
    pub sitting: Vec<String>,
    /// Candidates (by index) who may not take a seat when it starts, with the reason (E3: a
    /// chair candidate who is no longer a member by then). They are passed over like a capped
    /// candidate, and the explanation says why.
    pub excluded: Vec<(usize, String)>,
    pub tie_break: TieBreak,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub candidate: usize,
    pub organisation: String,
    /// Seats that organisation already had (sitting + elected before this candidate).
    pub held: usize,
    pub cap: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatTie {
    /// The tied candidates competing for the remaining seats.
    pub candidates: Vec<usize>,
    pub seats_left: usize,
    /// How it was broken, or that it was left open.
    pub resolution: String,
    pub broken: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatResult {
    /// In the order they were seated.
    pub winners: Vec<usize>,
    pub skipped: Vec<Skipped>,
    pub tie: Option<SeatTie>,
    /// Seats left empty (too few candidates, or a tie left open).
    pub unfilled: usize,
    pub explanation: Vec<String>,
}

/// A seed draw key: SHA-256 over the seed, a zero byte and the name.
pub(crate) fn draw_key(seed: &str, name: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(seed.as_bytes());
    hasher.update([0]);
    hasher.update(name.as_bytes());
    hasher.finalize().into()
}

/// Seats candidates down the tiers. Within a tier that fits entirely, everyone eligible is seated;
/// a tier with more eligible candidates than seats left is a tie for the last seat(s), broken by
/// `rules.tie_break`.
pub fn fill_seats(tiers: &Tiers, names: &[String], rules: &SeatRules) -> SeatResult {
    let mut held: BTreeMap<String, usize> = BTreeMap::new();
    for organisation in &rules.sitting {
        *held.entry(organisation.clone()).or_default() += 1;
    }
    let mut result = SeatResult {
        winners: Vec::new(),
        skipped: Vec::new(),
        tie: None,
        unfilled: 0,
        explanation: Vec::new(),
    };
    if let Some(cap) = rules.cap {
        let sitting: Vec<String> = held.iter().map(|(org, count)| format!("{org} {count}")).collect();
        result.explanation.push(format!(
            "cap: at most {cap} seat(s) per organisation, counting sitting members ({})",
            if sitting.is_empty() {
                "none".to_owned()
            } else {
                sitting.join(", ")
            }
        ));
    }
    let organisation = |candidate: usize| rules.organisations.get(candidate).cloned().flatten();
    // Whether seating `candidate` now would break the cap; records the skip when it would.
    let blocked = |candidate: usize, held: &BTreeMap<String, usize>, result: &mut SeatResult| -> bool {
        if let Some((_, reason)) = rules.excluded.iter().find(|(excluded, _)| *excluded == candidate) {
            let line = format!("passed over {}: {reason}", names[candidate]);
            if !result.explanation.contains(&line) {
                result.explanation.push(line);
            }
            return true;
        }
        let (Some(cap), Some(org)) = (rules.cap, organisation(candidate)) else {
            return false;
        };
        let count = held.get(&org).copied().unwrap_or(0);
        if count < cap {
            return false;
        }
        result.explanation.push(format!(
            "skipped {}: {org} already holds {count} of at most {cap} seat(s)",
            names[candidate]
        ));
        result.skipped.push(Skipped {
            candidate,
            organisation: org,
            held: count,
            cap,
        });
        true
    };
    for tier in tiers {
        let left = rules.seats - result.winners.len();
        if left == 0 {
            break;
        }
        // Candidates of this tier who do not break the cap on their own.
        let mut eligible: Vec<usize> = Vec::new();
        for &candidate in tier {
            if !blocked(candidate, &held, &mut result) {
                eligible.push(candidate);
            }
        }
        // Two of one organisation in one tier may fit the cap apart but not together.
        let mut tier_held = held.clone();
        let mut fits_together = true;
        for &candidate in &eligible {
            if let (Some(cap), Some(org)) = (rules.cap, organisation(candidate)) {
                let count = tier_held.entry(org).or_default();
                *count += 1;
                fits_together &= *count <= cap;
            }
        }
        if eligible.len() <= left && fits_together {
            for candidate in eligible {
                seat(candidate, &mut held, &mut result, names, organisation(candidate));
            }
            continue;
        }
        if eligible.len() <= left {
            // Everyone fits the seats, but some of one organisation do not fit its cap together:
            // seat the others, and the ranking cannot choose among those that compete.
            let mut per_organisation: BTreeMap<Option<String>, usize> = BTreeMap::new();
            for &candidate in &eligible {
                *per_organisation.entry(organisation(candidate)).or_default() += 1;
            }
            let competes = |candidate: usize| {
                let org = organisation(candidate);
                match (rules.cap, &org) {
                    (Some(cap), Some(name)) => held.get(name).copied().unwrap_or(0) + per_organisation[&org] > cap,
                    _ => false,
                }
            };
            let (contested, clear): (Vec<usize>, Vec<usize>) =
                eligible.iter().partition(|&&candidate| competes(candidate));
            for candidate in clear {
                seat(candidate, &mut held, &mut result, names, organisation(candidate));
            }
            eligible = contested;
        }
        let left = rules.seats - result.winners.len();
        // A tie for the last seat(s).
        let ordered = match &rules.tie_break {
            TieBreak::Report => None,
            TieBreak::Officer { officer, order } => {
                let position = |candidate: &usize| order.iter().position(|name| *name == names[*candidate]);
                if eligible.iter().all(|candidate| position(candidate).is_some()) {
                    let mut ordered = eligible.clone();
                    ordered.sort_by_key(|candidate| position(candidate));
                    Some((ordered, format!("broken by {officer}'s choice")))
                } else {
                    None
                }
            }
            TieBreak::Seed(seed) => {
                let mut ordered = eligible.clone();
                ordered.sort_by_key(|&candidate| draw_key(seed, &names[candidate]));
                Some((
                    ordered,
                    format!("broken by a random draw from the published seed {seed:?}"),
                ))
            }
        };
        let tied_names: Vec<&str> = eligible.iter().map(|&candidate| names[candidate].as_str()).collect();
        match ordered {
            Some((ordered, how)) => {
                result.explanation.push(format!(
                    "tie for the last {left} seat(s) among {}: {how}",
                    tied_names.join(", ")
                ));
                for candidate in &ordered {
                    if result.winners.len() == rules.seats {
                        break;
                    }
                    if !blocked(*candidate, &held, &mut result) {
                        seat(*candidate, &mut held, &mut result, names, organisation(*candidate));
                    }
                }
                result.tie = Some(SeatTie {
                    candidates: eligible,
                    seats_left: left,
                    resolution: how,
                    broken: true,
                });
                if result.winners.len() < rules.seats {
                    continue;
                }
            }
            None => {
                let why = match &rules.tie_break {
                    TieBreak::Officer { officer, .. } => {
                        format!("left open: {officer}'s order does not name every tied candidate")
                    }
                    _ => "left open (tie-break: report); decide it by the body's rule and record the choice".to_owned(),
                };
                result.explanation.push(format!(
                    "tie for the last {left} seat(s) among {}: {why}",
                    tied_names.join(", ")
                ));
                result.tie = Some(SeatTie {
                    candidates: eligible,
                    seats_left: left,
                    resolution: why,
                    broken: false,
                });
            }
        }
        break;
    }
    result.unfilled = rules.seats - result.winners.len();
    if result.unfilled > 0 && result.tie.as_ref().is_none_or(|tie| tie.broken) {
        result.explanation.push(format!(
            "{} seat(s) left unfilled: not enough eligible candidates",
            result.unfilled
        ));
    }
    result
}

fn seat(
    candidate: usize,
    held: &mut BTreeMap<String, usize>,
    result: &mut SeatResult,
    names: &[String],
    organisation: Option<String>,
) {
    result.winners.push(candidate);
    let suffix = match organisation {
        Some(org) => {
            let count = held.entry(org.clone()).or_default();
            *count += 1;
            format!(" ({org}: now {count})")
        }
        None => String::new(),
    };
    result
        .explanation
        .push(format!("seat {}: {}{suffix}", result.winners.len(), names[candidate]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(count: usize) -> Vec<String> {
        (0..count).map(|index| format!("c{index}")).collect()
    }

    fn rules(seats: usize, organisations: &[Option<&str>], cap: Option<usize>, tie_break: TieBreak) -> SeatRules {
        SeatRules {
            seats,
            organisations: organisations.iter().map(|org| org.map(str::to_owned)).collect(),
            cap,
            sitting: Vec::new(),
            excluded: Vec::new(),
            tie_break,
        }
    }

    #[test]
    fn s6_cap_skips_the_candidate_who_would_break_it() {
        let tiers = vec![vec![0], vec![1], vec![2], vec![3]];
        let rules = rules(2, &[Some("g"), Some("g"), Some("r"), None], Some(1), TieBreak::Report);
        let result = fill_seats(&tiers, &names(4), &rules);
        assert_eq!(result.winners, vec![0, 2]);
        assert_eq!(result.skipped.len(), 1);
        assert_eq!(result.skipped[0].candidate, 1);
    }

    #[test]
    fn e3_an_excluded_candidate_is_passed_over_and_the_next_one_seated() {
        let tiers = vec![vec![0], vec![1, 2], vec![3]];
        let mut rules = rules(2, &[None, None, None, None], None, TieBreak::Report);
        rules.excluded = vec![(0, "not a member then".to_owned()), (1, "not a member then".to_owned())];
        let result = fill_seats(&tiers, &names(4), &rules);
        assert_eq!(result.winners, vec![2, 3]);
        assert!(result.skipped.is_empty(), "a cap skip is not an exclusion");
        assert!(
            result
                .explanation
                .contains(&"passed over c0: not a member then".to_owned())
        );
        assert!(
            result
                .explanation
                .contains(&"passed over c1: not a member then".to_owned())
        );
    }

    #[test]
    fn s6_cap_counts_sitting_members() {
        let tiers = vec![vec![0], vec![1]];
        let mut rules = rules(1, &[Some("g"), Some("r")], Some(1), TieBreak::Report);
        rules.sitting = vec!["g".to_owned()];
        assert_eq!(fill_seats(&tiers, &names(2), &rules).winners, vec![1]);
        rules.sitting.clear();
        assert_eq!(fill_seats(&tiers, &names(2), &rules).winners, vec![0]);
    }

    #[test]
    fn a_tie_at_the_last_seat_is_reported_or_broken_as_configured() {
        let tiers = vec![vec![0], vec![1, 2]];
        let report = fill_seats(&tiers, &names(3), &rules(2, &[None; 3], None, TieBreak::Report));
        assert_eq!(report.winners, vec![0]);
        assert_eq!(report.unfilled, 1);
        assert!(!report.tie.unwrap().broken);
        let officer = TieBreak::Officer {
            officer: "the chair".to_owned(),
            order: vec!["c2".to_owned(), "c1".to_owned()],
        };
        assert_eq!(
            fill_seats(&tiers, &names(3), &rules(2, &[None; 3], None, officer)).winners,
            vec![0, 2]
        );
        let seeded = fill_seats(
            &tiers,
            &names(3),
            &rules(2, &[None; 3], None, TieBreak::Seed("2026".into())),
        );
        let expected = if draw_key("2026", "c1") < draw_key("2026", "c2") {
            1
        } else {
            2
        };
        assert_eq!(seeded.winners, vec![0, expected]);
    }

    #[test]
    fn two_of_one_organisation_tied_within_the_cap_need_the_tie_break() {
        let tiers = vec![vec![0, 1]];
        let result = fill_seats(
            &tiers,
            &names(2),
            &rules(2, &[Some("g"), Some("g")], Some(1), TieBreak::Report),
        );
        assert!(result.winners.is_empty());
        assert!(result.tie.is_some());
    }
}
