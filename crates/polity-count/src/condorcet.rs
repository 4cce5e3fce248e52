//! Condorcet methods over a pairwise matrix: Schulze, and ranked pairs as a cross-check.

use crate::pairwise::Pairwise;

/// A ranking: tiers of tied candidates (indexes), best tier first; each tier in index order.
pub type Tiers = Vec<Vec<usize>>;

/// How Schulze measures the strength of a pairwise defeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strength {
    /// The number of voters in the majority (Schulze's own default; CIVS, Debian, Elekto).
    WinningVotes,
    /// The majority minus the minority.
    Margins,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::WinningVotes => "winning votes",
            Strength::Margins => "margins",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schulze {
    pub strength: Strength,
    /// `strongest[i][j]`: the strength of the strongest path from i to j (0: none).
    pub strongest: Vec<Vec<u64>>,
    pub tiers: Tiers,
}

fn link(pairwise: &Pairwise, strength: Strength, i: usize, j: usize) -> u64 {
    let (for_i, for_j) = (pairwise.get(i, j), pairwise.get(j, i));
    if for_i <= for_j {
        return 0;
    }
    match strength {
        Strength::WinningVotes => for_i,
        Strength::Margins => for_i - for_j,
    }
}

/// Schulze's method: strongest paths by the widest-path (Floyd–Warshall) recurrence; i is ranked
/// above j when the strongest path from i to j is stronger than the one back.
pub fn schulze(pairwise: &Pairwise, strength: Strength) -> Schulze {
    let n = pairwise.candidates();
    let mut paths = vec![0u64; n * n];
    for i in 0..n {
        for j in 0..n {
            if i != j {
                paths[i * n + j] = link(pairwise, strength, i, j);
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            let through = paths[i * n + k];
            if i == k || through == 0 {
                continue;
            }
            for j in 0..n {
                if j == i || j == k {
                    continue;
                }
                let candidate = through.min(paths[k * n + j]);
                if candidate > paths[i * n + j] {
                    paths[i * n + j] = candidate;
                }
            }
        }
    }
    let beats = |i: usize, j: usize| paths[i * n + j] > paths[j * n + i];
    let tiers = tiers_of(n, beats);
    Schulze {
        strength,
        strongest: paths.chunks(n.max(1)).map(<[u64]>::to_vec).collect(),
        tiers,
    }
}

/// Peels off, again and again, the candidates that no remaining candidate beats.
fn tiers_of(n: usize, beats: impl Fn(usize, usize) -> bool) -> Tiers {
    let mut remaining: Vec<usize> = (0..n).collect();
    let mut tiers = Vec::new();
    while !remaining.is_empty() {
        let tier: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&i| !remaining.iter().any(|&j| j != i && beats(j, i)))
            .collect();
        // A cycle cannot happen for a transitive relation; keep the rest together if it did.
        let tier = if tier.is_empty() { remaining.clone() } else { tier };
        remaining.retain(|candidate| !tier.contains(candidate));
        tiers.push(tier);
    }
    tiers
}

/// Tideman's ranked pairs: lock majorities strongest first (more winning votes, then fewer
/// opposing votes), skipping any that would close a cycle.
///
/// Majorities of equal strength are taken together, so that the result never depends on the
/// order of the candidates: one of them is locked only if it closes no cycle even with all the
/// others of its strength locked. Those that would close a cycle in some order but not in
/// another are left unlocked, and the candidates they would have separated stay tied.
pub fn ranked_pairs(pairwise: &Pairwise) -> Tiers {
    ranked_pairs_explained(pairwise).0
}

/// [`ranked_pairs`], with the majorities left unlocked as contested ties (winner, loser).
pub fn ranked_pairs_explained(pairwise: &Pairwise) -> (Tiers, Vec<(usize, usize)>) {
    let n = pairwise.candidates();
    let mut majorities: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        for j in 0..n {
            if i != j && pairwise.get(i, j) > pairwise.get(j, i) {
                majorities.push((i, j));
            }
        }
    }
    let strength = |&(a, b): &(usize, usize)| (pairwise.get(a, b), std::cmp::Reverse(pairwise.get(b, a)));
    majorities.sort_by(|x, y| strength(y).cmp(&strength(x)).then(x.cmp(y)));
    let mut locked = vec![false; n * n];
    let mut contested = Vec::new();
    for group in majorities.chunk_by(|x, y| strength(x) == strength(y)) {
        // With every other majority of this strength locked too (and those already locked).
        let mut with_group = locked.clone();
        for &(winner, loser) in group {
            with_group[winner * n + loser] = true;
        }
        let mut lock = Vec::new();
        for &(winner, loser) in group {
            with_group[winner * n + loser] = false;
            let closes_now = reaches(&locked, n, loser, winner);
            let closes_in_some_order = reaches(&with_group, n, loser, winner);
            with_group[winner * n + loser] = true;
            if !closes_in_some_order {
                lock.push((winner, loser));
            } else if !closes_now {
                contested.push((winner, loser));
            }
        }
        for (winner, loser) in lock {
            locked[winner * n + loser] = true;
        }
    }
    // The locked graph is acyclic; rank by reachability so that the order is its transitive closure.
    let mut closure = locked.clone();
    for k in 0..n {
        for i in 0..n {
            if closure[i * n + k] {
                for j in 0..n {
                    if closure[k * n + j] {
                        closure[i * n + j] = true;
                    }
                }
            }
        }
    }
    (tiers_of(n, |i, j| closure[i * n + j]), contested)
}

fn reaches(locked: &[bool], n: usize, from: usize, to: usize) -> bool {
    let mut seen = vec![false; n];
    let mut stack = vec![from];
    while let Some(node) = stack.pop() {
        if node == to {
            return true;
        }
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        stack.extend((0..n).filter(|&next| locked[node * n + next] && !seen[next]));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of Schulze's paper (Wikipedia's): 45 voters, 5 candidates A..E, winner E,
    /// order E > A > C > B > D.
    fn wikipedia() -> Pairwise {
        Pairwise::from_rows(&[
            vec![0, 20, 26, 30, 22],
            vec![25, 0, 16, 33, 18],
            vec![19, 29, 0, 17, 24],
            vec![15, 12, 28, 0, 14],
            vec![23, 27, 21, 31, 0],
        ])
    }

    #[test]
    fn schulze_reproduces_the_textbook_example() {
        let result = schulze(&wikipedia(), Strength::WinningVotes);
        assert_eq!(result.tiers, vec![vec![4], vec![0], vec![2], vec![1], vec![3]]);
        assert_eq!(result.strongest[4][0], 25);
        assert_eq!(result.strongest[0][4], 24);
    }

    /// Three voters in a cycle (A>B>C, B>C>A, C>A>B): every majority is 2 to 1, and which one is
    /// skipped depended on the order of the columns (A won; with the columns C, A, B, C won).
    /// Now the three are tied, whatever the order.
    #[test]
    fn ranked_pairs_reports_a_tie_that_only_the_column_order_would_break() {
        let cycle = Pairwise::from_rows(&[vec![0, 2, 1], vec![1, 0, 2], vec![2, 1, 0]]);
        let (tiers, contested) = ranked_pairs_explained(&cycle);
        assert_eq!(tiers, vec![vec![0, 1, 2]]);
        assert_eq!(contested.len(), 3);
        // A stronger majority is locked first (A over B, 3 to 0); of the two equal ones left, B
        // over C would elect A and C over A would elect C, depending on their order: A and C tie.
        let stronger = Pairwise::from_rows(&[vec![0, 3, 1], vec![0, 0, 2], vec![2, 1, 0]]);
        assert_eq!(ranked_pairs(&stronger), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn a_perfect_tie_is_one_tier() {
        let tie = Pairwise::from_rows(&[vec![0, 5], vec![5, 0]]);
        assert_eq!(schulze(&tie, Strength::WinningVotes).tiers, vec![vec![0, 1]]);
        assert_eq!(ranked_pairs(&tie), vec![vec![0, 1]]);
    }
}
