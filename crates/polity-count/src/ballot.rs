//! Ranked ballots, stored flat: one byte per candidate per ballot.

use std::fmt;

/// What an unranked candidate means on a ranked ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unranked {
    /// No preference: the candidate is neither above nor below anyone on this ballot
    /// (Kubernetes, Elekto, CIVS: "No opinion").
    NoPreference,
    /// Below every ranked candidate, tied with the other unranked ones (Debian).
    Below,
}

impl Unranked {
    pub fn as_str(self) -> &'static str {
        match self {
            Unranked::NoPreference => "no-preference",
            Unranked::Below => "below",
        }
    }
}

/// The highest rank number a ballot may hold (ranks are compared, never added).
pub const MAX_RANK: u8 = 253;
/// The stored rank of a candidate left unranked, when unranked means "below every ranked one".
pub(crate) const BELOW: u8 = 254;
/// The stored rank of a candidate left unranked, when unranked means "no preference".
pub(crate) const NO_OPINION: u8 = 255;
/// The most candidates a ranked election may have (so that every rank fits one byte).
pub const MAX_CANDIDATES: usize = MAX_RANK as usize;

/// A ranked ballot as a voter fills it: for each candidate (by index), a rank where 1 is the
/// most preferred and equal numbers are ties, or `None` for unranked.
pub type RankedBallot = Vec<Option<u32>>;

/// Why a set of ballots could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotError {
    TooManyCandidates(usize),
    /// Two candidates with one name: a ballot could not say which it ranks.
    DuplicateCandidate(String),
    WrongLength {
        expected: usize,
        found: usize,
    },
    RankOutOfRange {
        rank: u32,
    },
}

impl fmt::Display for BallotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BallotError::TooManyCandidates(count) => {
                write!(
                    f,
                    "{count} candidates: a ranked election takes at most {MAX_CANDIDATES}"
                )
            }
            BallotError::DuplicateCandidate(name) => write!(f, "candidate {name:?} appears twice"),
            BallotError::WrongLength { expected, found } => {
                write!(f, "the ballot ranks {found} candidates; the election has {expected}")
            }
            BallotError::RankOutOfRange { rank } => write!(f, "rank {rank} is outside 1..={MAX_RANK}"),
        }
    }
}

impl std::error::Error for BallotError {}

/// Ranked ballots over a fixed list of candidates, with a weight for each ballot (how many
/// voters cast it: 1 for a ballot file of one line per voter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballots {
    candidates: Vec<String>,
    unranked: Unranked,
    /// `ranks[b * n + c]`: the rank ballot `b` gives candidate `c`.
    ranks: Vec<u8>,
    weights: Vec<u32>,
}

impl Ballots {
    pub fn new(candidates: Vec<String>, unranked: Unranked) -> Result<Ballots, BallotError> {
        // The count first: a header of a million names is refused at once, not compared.
        if candidates.len() > MAX_CANDIDATES {
            return Err(BallotError::TooManyCandidates(candidates.len()));
        }
        let mut seen = std::collections::HashSet::with_capacity(candidates.len());
        if let Some(name) = candidates.iter().find(|name| !seen.insert(name.as_str())) {
            return Err(BallotError::DuplicateCandidate(name.clone()));
        }
        Ok(Ballots {
            candidates,
            unranked,
            ranks: Vec::new(),
            weights: Vec::new(),
        })
    }

    pub fn with_capacity(mut self, ballots: usize) -> Ballots {
        self.ranks.reserve(ballots * self.candidates.len());
        self.weights.reserve(ballots);
        self
    }

    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    pub fn unranked(&self) -> Unranked {
        self.unranked
    }

    /// The unranked marker of this election's meaning.
    pub(crate) fn unranked_code(&self) -> u8 {
        match self.unranked {
            Unranked::NoPreference => NO_OPINION,
            Unranked::Below => BELOW,
        }
    }

    /// Changes what an unranked candidate means, for every ballot already added.
    pub fn set_unranked(&mut self, unranked: Unranked) {
        let from = self.unranked_code();
        self.unranked = unranked;
        let to = self.unranked_code();
        if from != to {
            for rank in &mut self.ranks {
                if *rank == from {
                    *rank = to;
                }
            }
        }
    }

    /// The number of distinct ballot lines stored.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The number of voters (the sum of the weights).
    pub fn voters(&self) -> u64 {
        self.weights.iter().map(|&weight| u64::from(weight)).sum()
    }

    /// Adds a ballot. Rank numbers only order the candidates; they must lie in 1..=253.
    pub fn push(&mut self, ballot: &[Option<u32>], weight: u32) -> Result<(), BallotError> {
        if ballot.len() != self.candidates.len() {
            return Err(BallotError::WrongLength {
                expected: self.candidates.len(),
                found: ballot.len(),
            });
        }
        let unranked = self.unranked_code();
        let start = self.ranks.len();
        for rank in ballot {
            let code = match *rank {
                None => unranked,
                Some(rank @ 1..=253) => rank as u8,
                Some(rank) => {
                    self.ranks.truncate(start);
                    return Err(BallotError::RankOutOfRange { rank });
                }
            };
            self.ranks.push(code);
        }
        self.weights.push(weight);
        Ok(())
    }

    /// Adds a ballot already encoded (ranks 1..=253, or 0 for unranked). For fast parsers.
    pub(crate) fn push_encoded(&mut self, ranks: &[u8], weight: u32) {
        let unranked = self.unranked_code();
        self.ranks
            .extend(ranks.iter().map(|&rank| if rank == 0 { unranked } else { rank }));
        self.weights.push(weight);
    }

    /// Appends every ballot of `other` (same candidates and meaning).
    pub(crate) fn append(&mut self, mut other: Ballots) {
        debug_assert_eq!(self.candidates, other.candidates);
        self.ranks.append(&mut other.ranks);
        self.weights.append(&mut other.weights);
    }

    /// The ballot at `index`: ranks per candidate (None when unranked) and its weight.
    pub fn get(&self, index: usize) -> (RankedBallot, u32) {
        let n = self.candidates.len();
        let ballot = self.ranks[index * n..(index + 1) * n]
            .iter()
            .map(|&rank| (rank <= MAX_RANK).then_some(u32::from(rank)))
            .collect();
        (ballot, self.weights[index])
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = (&[u8], u32)> {
        let n = self.candidates.len().max(1);
        self.ranks.chunks_exact(n).zip(self.weights.iter().copied())
    }

    pub(crate) fn raw(&self) -> (&[u8], &[u32]) {
        (&self.ranks, &self.weights)
    }

    /// How many voters cast a ballot that ranks nobody.
    pub fn blank(&self) -> u64 {
        self.rows()
            .filter(|(row, _)| row.iter().all(|&rank| rank > MAX_RANK))
            .map(|(_, weight)| u64::from(weight))
            .sum()
    }

    /// The first choices of each ballot (plurality): candidates ranked best on the ballot. A
    /// ballot whose best rank is shared by several candidates counts for none of them.
    pub fn first_choices(&self) -> (Vec<u64>, u64) {
        let mut counts = vec![0u64; self.candidates.len()];
        let mut exhausted = 0;
        for (row, weight) in self.rows() {
            let best = row.iter().copied().filter(|&rank| rank <= MAX_RANK).min();
            let mut top = row.iter().enumerate().filter(|(_, rank)| Some(**rank) == best);
            match (top.next(), top.next()) {
                (Some((candidate, _)), None) => counts[candidate] += u64::from(weight),
                _ => exhausted += u64::from(weight),
            }
        }
        (counts, exhausted)
    }
}
