//! Property tests of the Condorcet methods over random elections.

use polity_count::{Ballots, Pairwise, Strength, Unranked, ranked_pairs, schulze};
use proptest::prelude::*;

/// A random election: 2..=7 candidates, 1..=40 ballots, each rank in 1..=n or unranked.
fn election() -> impl Strategy<Value = (usize, Vec<Vec<Option<u32>>>, bool)> {
    (2usize..=7).prop_flat_map(|n| {
        let rank = prop_oneof![4 => (1..=n as u32).prop_map(Some), 1 => Just(None)];
        (
            Just(n),
            prop::collection::vec(prop::collection::vec(rank, n), 1..40),
            any::<bool>(),
        )
    })
}

fn build(n: usize, rows: &[Vec<Option<u32>>], below: bool) -> Ballots {
    let names = (0..n).map(|index| format!("c{index}")).collect();
    let unranked = if below { Unranked::Below } else { Unranked::NoPreference };
    let mut ballots = Ballots::new(names, unranked).unwrap();
    for row in rows {
        ballots.push(row, 1).unwrap();
    }
    ballots
}

fn names_of(ballots: &Ballots, tiers: &[Vec<usize>]) -> Vec<Vec<String>> {
    tiers
        .iter()
        .map(|tier| {
            let mut names: Vec<String> = tier.iter().map(|&index| ballots.candidates()[index].clone()).collect();
            names.sort();
            names
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_condorcet_winner_always_wins((n, rows, below) in election()) {
        let ballots = build(n, &rows, below);
        let pairwise = Pairwise::count(&ballots, 1);
        if let Some(winner) = pairwise.condorcet_winner() {
            for strength in [Strength::WinningVotes, Strength::Margins] {
                prop_assert_eq!(&schulze(&pairwise, strength).tiers[0], &vec![winner]);
            }
            // Schulze and ranked pairs agree whenever a Condorcet winner exists.
            prop_assert_eq!(&ranked_pairs(&pairwise)[0], &vec![winner]);
        }
    }

    #[test]
    fn reordering_ballots_changes_nothing((n, rows, below) in election(), seed in any::<u64>()) {
        let ballots = build(n, &rows, below);
        let mut shuffled = rows.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for index in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(index, (state % (index as u64 + 1)) as usize);
        }
        let reordered = build(n, &shuffled, below);
        prop_assert_eq!(Pairwise::count(&ballots, 1), Pairwise::count(&reordered, 3));
        let a = schulze(&Pairwise::count(&ballots, 1), Strength::WinningVotes);
        let b = schulze(&Pairwise::count(&reordered, 1), Strength::WinningVotes);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn relabelling_candidates_changes_nothing_but_the_labels((n, rows, below) in election(), rotation in 0usize..7) {
        let ballots = build(n, &rows, below);
        // Candidate i becomes position (i + r) mod n, keeping its name.
        let r = rotation % n;
        let names: Vec<String> = (0..n).map(|position| format!("c{}", (position + n - r) % n)).collect();
        let mut relabelled = Ballots::new(names, ballots.unranked()).unwrap();
        for row in &rows {
            let moved: Vec<Option<u32>> = (0..n).map(|position| row[(position + n - r) % n]).collect();
            relabelled.push(&moved, 1).unwrap();
        }
        for strength in [Strength::WinningVotes, Strength::Margins] {
            let a = schulze(&Pairwise::count(&ballots, 1), strength);
            let b = schulze(&Pairwise::count(&relabelled, 1), strength);
            prop_assert_eq!(names_of(&ballots, &a.tiers), names_of(&relabelled, &b.tiers));
        }
        // Ranked pairs too: equal majorities are never ordered by the candidates' columns.
        let a = ranked_pairs(&Pairwise::count(&ballots, 1));
        let b = ranked_pairs(&Pairwise::count(&relabelled, 1));
        prop_assert_eq!(names_of(&ballots, &a), names_of(&relabelled, &b));
    }

    #[test]
    fn counting_is_deterministic_whatever_the_threads((n, rows, below) in election(), threads in 1usize..5) {
        let ballots = build(n, &rows, below);
        let once = schulze(&Pairwise::count(&ballots, 1), Strength::WinningVotes);
        let again = schulze(&Pairwise::count(&ballots, threads), Strength::WinningVotes);
        prop_assert_eq!(once, again);
    }

    #[test]
    fn a_pareto_dominated_candidate_never_ranks_above_its_dominator((n, rows, below) in election()) {
        let ballots = build(n, &rows, below);
        let pairwise = Pairwise::count(&ballots, 1);
        let result = schulze(&pairwise, Strength::WinningVotes);
        let tier_of = |candidate: usize| result.tiers.iter().position(|tier| tier.contains(&candidate)).unwrap();
        // a dominates b when every ballot weakly prefers a to b and one strictly. A ballot that
        // leaves either with no opinion expresses no preference between them, so it breaks
        // dominance; with "below", unranked candidates are comparable (tied last).
        let rank = |row: &Vec<Option<u32>>, c: usize| match (row[c], below) {
            (Some(rank), _) => Some(rank),
            (None, true) => Some(u32::MAX),
            (None, false) => None,
        };
        for a in 0..n {
            for b in 0..n {
                let weakly = rows.iter().all(|row| matches!((rank(row, a), rank(row, b)), (Some(x), Some(y)) if x <= y));
                let strictly = rows.iter().any(|row| matches!((rank(row, a), rank(row, b)), (Some(x), Some(y)) if x < y));
                if a != b && weakly && strictly {
                    prop_assert!(pairwise.get(b, a) == 0);
                    prop_assert!(tier_of(a) <= tier_of(b), "c{a} dominates c{b} but {:?}", result.tiers);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// The weighted path and the one-voter-per-line path count alike.
    #[test]
    fn a_weight_counts_as_that_many_identical_ballots((n, rows, below) in election(), weight in 1u32..6) {
        let repeated: Vec<Vec<Option<u32>>> = rows.iter().flat_map(|row| std::iter::repeat_n(row.clone(), weight as usize)).collect();
        let names: Vec<String> = (0..n).map(|index| format!("c{index}")).collect();
        let unranked = if below { Unranked::Below } else { Unranked::NoPreference };
        let mut weighted = Ballots::new(names, unranked).unwrap();
        for row in &rows {
            weighted.push(row, weight).unwrap();
        }
        prop_assert_eq!(Pairwise::count(&weighted, 1), Pairwise::count(&build(n, &repeated, below), 1));
    }
}

fn stv_rules(method: polity_count::Method, n: usize, seats: usize) -> polity_count::ElectionRules {
    polity_count::ElectionRules {
        method,
        seats: polity_count::seats::SeatRules {
            seats,
            organisations: vec![None; n],
            cap: None,
            sitting: Vec::new(),
            excluded: Vec::new(),
            tie_break: polity_count::seats::TieBreak::Report,
        },
        classes: Vec::new(),
        turnout: None,
        compat: polity_count::Compat::Strict,
        threads: 1,
    }
}

/// Winners by name (sorted) and the tied candidates left open, by name.
fn outcome(ballots: &Ballots, result: &polity_count::ElectionResult) -> (Vec<String>, Vec<String>) {
    let name = |index: &usize| ballots.candidates()[*index].clone();
    let mut winners: Vec<String> = result.seats.winners.iter().map(name).collect();
    winners.sort();
    let mut tied: Vec<String> = result
        .seats
        .tie
        .iter()
        .filter(|tie| !tie.broken)
        .flat_map(|tie| tie.candidates.iter().map(name))
        .collect();
    tied.sort();
    (winners, tied)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Meek and Scottish STV, and Schulze in Elekto's order: the candidates' columns and the
    /// ballots' order never change who is elected or who is left tied; every round's votes and
    /// what went to nobody add up to the valid ballots exactly.
    #[test]
    fn stv_and_elekto_do_not_depend_on_columns_or_ballot_order(
        (n, rows, below) in election(),
        rotation in 0usize..7,
        seats in 1usize..4,
    ) {
        use polity_count::stv::StvRule;
        use polity_count::{Method, count};
        let ballots = build(n, &rows, below);
        let r = rotation % n;
        let names: Vec<String> = (0..n).map(|position| format!("c{}", (position + n - r) % n)).collect();
        let mut relabelled = Ballots::new(names, ballots.unranked()).unwrap();
        for row in rows.iter().rev() {
            let moved: Vec<Option<u32>> = (0..n).map(|position| row[(position + n - r) % n]).collect();
            relabelled.push(&moved, 1).unwrap();
        }
        let seats = seats.min(n);
        for method in [Method::Stv(StvRule::Meek), Method::Stv(StvRule::Scottish)] {
            let a = count(&ballots, &stv_rules(method, n, seats));
            let b = count(&relabelled, &stv_rules(method, n, seats));
            prop_assert_eq!(outcome(&ballots, &a), outcome(&relabelled, &b), "{}", method.as_str());
            let table = a.stv.as_ref().unwrap();
            let scale = 10u128.pow(table.digits);
            for round in &table.rounds {
                prop_assert_eq!(
                    round.votes.iter().sum::<u128>() + round.exhausted,
                    u128::from(table.valid_ballots) * scale
                );
            }
        }
        let mut elekto = stv_rules(Method::Schulze(Strength::WinningVotes), n, seats);
        elekto.compat = polity_count::Compat::Elekto;
        let a = count(&ballots, &elekto);
        let b = count(&relabelled, &elekto);
        prop_assert_eq!(outcome(&ballots, &a), outcome(&relabelled, &b));
    }
}
