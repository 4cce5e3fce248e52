//! The pairwise preference matrix: `d[i][j]` voters prefer candidate i to candidate j.

use crate::ballot::{BELOW, Ballots, NO_OPINION};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairwise {
    n: usize,
    counts: Vec<u64>,
}

impl Pairwise {
    pub fn zero(n: usize) -> Pairwise {
        Pairwise {
            n,
            counts: vec![0; n * n],
        }
    }

    /// Counts every ballot, splitting the work over `threads` threads (1 for none). The sum is
    /// the same whatever the split: addition of counts is exact and commutative.
    pub fn count(ballots: &Ballots, threads: usize) -> Pairwise {
        let n = ballots.candidates().len();
        let (ranks, weights) = ballots.raw();
        let threads = threads.clamp(1, 64).min(weights.len().max(1));
        if threads == 1 || n == 0 {
            let mut matrix = Pairwise::zero(n);
            matrix.add_rows(ranks, weights);
            return matrix;
        }
        let per_thread = weights.len().div_ceil(threads);
        let parts: Vec<Pairwise> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|part| {
                    let start = (part * per_thread).min(weights.len());
                    let end = ((part + 1) * per_thread).min(weights.len());
                    let ranks = &ranks[start * n..end * n];
                    let weights = &weights[start..end];
                    scope.spawn(move || {
                        let mut matrix = Pairwise::zero(n);
                        matrix.add_rows(ranks, weights);
                        matrix
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("counting does not panic"))
                .collect()
        });
        let mut total = Pairwise::zero(n);
        for part in parts {
            for (sum, count) in total.counts.iter_mut().zip(part.counts) {
                *sum += count;
            }
        }
        total
    }

    /// Adds ballots to the matrix. For each ranked candidate i on a ballot, every candidate j it
    /// is strictly above gets one more vote "i over j". A candidate with no opinion (255) is never
    /// above or below anyone; one ranked "below" (254) is under every ranked candidate and above
    /// nobody, so neither needs a branch.
    ///
    /// Ballots of weight 1 (one line per voter) take the fast path: one row of byte counters per
    /// candidate, of a fixed width so that the compiler turns each row into a few vector
    /// instructions, flushed into the exact 64-bit matrix before a byte can overflow (every 255
    /// ballots). Weighted ballots are added directly.
    fn add_rows(&mut self, ranks: &[u8], weights: &[u32]) {
        match self.n {
            0 => {}
            1..=16 => self.add_rows_fixed::<16>(ranks, weights),
            17..=32 => self.add_rows_fixed::<32>(ranks, weights),
            33..=64 => self.add_rows_fixed::<64>(ranks, weights),
            65..=128 => self.add_rows_fixed::<128>(ranks, weights),
            _ => self.add_rows_fixed::<256>(ranks, weights),
        }
    }

    fn add_rows_fixed<const WIDTH: usize>(&mut self, ranks: &[u8], weights: &[u32]) {
        let n = self.n;
        debug_assert!(n <= WIDTH);
        let mut padded = [NO_OPINION; WIDTH];
        let mut bytes = vec![[0u8; WIDTH]; n];
        let mut pending = 0u32;
        for (row, &weight) in ranks.chunks_exact(n).zip(weights) {
            if weight != 1 {
                self.add_weighted(row, weight);
                continue;
            }
            padded[..n].copy_from_slice(row);
            for (counters, &rank_i) in bytes.iter_mut().zip(&padded) {
                for (counter, &rank_j) in counters.iter_mut().zip(&padded) {
                    let above = (rank_i < rank_j) & (rank_j != NO_OPINION);
                    *counter = counter.wrapping_add(u8::from(above));
                }
            }
            pending += 1;
            if pending == u32::from(u8::MAX) {
                self.flush(&mut bytes);
                pending = 0;
            }
        }
        if pending > 0 {
            self.flush(&mut bytes);
        }
    }

    fn flush<const WIDTH: usize>(&mut self, bytes: &mut [[u8; WIDTH]]) {
        let n = self.n;
        for (i, counters) in bytes.iter_mut().enumerate() {
            for (cell, counter) in self.counts[i * n..(i + 1) * n].iter_mut().zip(counters.iter_mut()) {
                *cell += u64::from(*counter);
                *counter = 0;
            }
        }
    }

    fn add_weighted(&mut self, row: &[u8], weight: u32) {
        let n = self.n;
        let weight = u64::from(weight);
        for (i, &rank_i) in row.iter().enumerate() {
            if rank_i >= BELOW {
                continue;
            }
            for (cell, &rank_j) in self.counts[i * n..(i + 1) * n].iter_mut().zip(row) {
                let above = (rank_i < rank_j) & (rank_j != NO_OPINION);
                *cell += u64::from(above) * weight;
            }
        }
    }

    pub fn candidates(&self) -> usize {
        self.n
    }

    /// How many voters prefer `i` to `j`.
    pub fn get(&self, i: usize, j: usize) -> u64 {
        self.counts[i * self.n + j]
    }

    pub fn rows(&self) -> Vec<Vec<u64>> {
        self.counts.chunks(self.n.max(1)).map(<[u64]>::to_vec).collect()
    }

    /// Builds a matrix from rows (tests and explanations).
    pub fn from_rows(rows: &[Vec<u64>]) -> Pairwise {
        let n = rows.len();
        Pairwise {
            n,
            counts: rows.iter().flat_map(|row| row.iter().copied()).collect(),
        }
    }

    /// A candidate who beats every other candidate head to head, if any.
    pub fn condorcet_winner(&self) -> Option<usize> {
        (0..self.n).find(|&i| (0..self.n).all(|j| i == j || self.get(i, j) > self.get(j, i)))
    }
}
