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
/// opposing votes, then index order), skipping any that would close a cycle.
pub fn ranked_pairs(pairwise: &Pairwise) -> Tiers {
    let n = pairwise.candidates();
    let mut majorities: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        for j in 0..n {
            if i != j && pairwise.get(i, j) > pairwise.get(j, i) {
                majorities.push((i, j));
            }
        }
    }
    majorities.sort_by(|&(a, b), &(c, d)| {
        pairwise
            .get(c, d)
            .cmp(&pairwise.get(a, b))
            .then(pairwise.get(b, a).cmp(&pairwise.get(d, c)))
            .then((a, b).cmp(&(c, d)))
    });
    let mut locked = vec![false; n * n];
    for (winner, loser) in majorities {
        if !reaches(&locked, n, loser, winner) {
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
    tiers_of(n, |i, j| closure[i * n + j])
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

    #[test]
    fn a_perfect_tie_is_one_tier() {
        let tie = Pairwise::from_rows(&[vec![0, 5], vec![5, 0]]);
        assert_eq!(schulze(&tie, Strength::WinningVotes).tiers, vec![vec![0, 1]]);
        assert_eq!(ranked_pairs(&tie), vec![vec![0, 1]]);
    }
}
