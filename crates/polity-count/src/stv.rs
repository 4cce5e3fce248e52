//! Single transferable vote: Meek's method and the Scottish rules, round by round.
//!
//! Both count in fixed-point decimals, the precision their rules publish: Meek at nine decimal
//! places (as Hill, Wichmann and Woodall's Algorithm 123 and New Zealand's rules), rounding each
//! vote kept *up*; Scottish STV at five decimal places with every remainder ignored (the Scottish
//! Local Government Elections Order 2007, rules 45–52). Values are integers of that many
//! decimal places, so a count is the same on every machine.
//!
//! A ballot's preferences are its ranked candidates in rank order; two candidates given the same
//! rank end the ballot there (as a Scottish ballot paper with a repeated preference is void
//! from that point). A ballot that ranks nobody is not a valid vote.

use std::collections::{BTreeMap, BTreeSet};

use crate::ballot::{Ballots, MAX_RANK};
use crate::condorcet::Tiers;
use crate::seats::{SeatResult, SeatRules, SeatTie, Skipped, TieBreak, draw_key};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StvRule {
    /// Meek's method: keep factors, recomputed until the surplus is spent.
    Meek,
    /// Scottish STV: weighted inclusive Gregory transfers at five decimals.
    Scottish,
}

impl StvRule {
    pub fn as_str(self) -> &'static str {
        match self {
            StvRule::Meek => "meek",
            StvRule::Scottish => "scottish-stv",
        }
    }

    /// Decimal places of every value in this rule's count.
    pub fn digits(self) -> u32 {
        match self {
            StvRule::Meek => 9,
            StvRule::Scottish => 5,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StvState {
    Hopeful,
    Elected,
    Excluded,
}

impl StvState {
    pub fn as_str(self) -> &'static str {
        match self {
            StvState::Hopeful => "hopeful",
            StvState::Elected => "elected",
            StvState::Excluded => "excluded",
        }
    }
}

/// One row of the round-by-round table: the state after the round's action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StvRound {
    pub number: usize,
    /// What happened, in words ("first preferences", "elected: A", "excluded: B (lowest)").
    pub action: String,
    pub quota: u128,
    /// Each candidate's votes, in units of 10^-digits.
    pub votes: Vec<u128>,
    /// Votes that went to nobody (exhausted ballots, and what rounding set aside).
    pub exhausted: u128,
    pub states: Vec<StvState>,
    /// Meek's keep factors (units of 10^-digits); empty for Scottish STV.
    pub keep: Vec<u128>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StvCount {
    pub rule: StvRule,
    pub digits: u32,
    /// Valid ballots (ranking at least one candidate).
    pub valid_ballots: u64,
    pub rounds: Vec<StvRound>,
    /// Winners in the order elected, then the rest (the last excluded first).
    pub ranking: Tiers,
    pub seats: SeatResult,
    pub explanation: Vec<String>,
}

/// Formats a fixed-point value with its decimals.
pub fn decimal(value: u128, digits: u32) -> String {
    let scale = 10u128.pow(digits);
    format!("{}.{:0width$}", value / scale, value % scale, width = digits as usize)
}

/// Identical preference lists, counted once with their number of ballots.
struct Group {
    order: Vec<usize>,
    count: u128,
}

fn groups(ballots: &Ballots) -> (Vec<Group>, u64, u64, u64) {
    let n = ballots.candidates().len();
    let mut grouped: BTreeMap<Vec<usize>, u128> = BTreeMap::new();
    let (mut empty, mut truncated, mut valid) = (0u64, 0u64, 0u64);
    for (row, weight) in ballots.rows() {
        let mut ranked: Vec<(u8, usize)> = (0..n)
            .filter(|&candidate| row[candidate] <= MAX_RANK)
            .map(|candidate| (row[candidate], candidate))
            .collect();
        ranked.sort_unstable();
        let mut order = Vec::with_capacity(ranked.len());
        for (position, &(rank, candidate)) in ranked.iter().enumerate() {
            let shared = ranked.get(position + 1).is_some_and(|next| next.0 == rank)
                || (position > 0 && ranked[position - 1].0 == rank);
            if shared {
                truncated += u64::from(weight);
                break;
            }
            order.push(candidate);
        }
        if order.is_empty() {
            empty += u64::from(weight);
            continue;
        }
        valid += u64::from(weight);
        *grouped.entry(order).or_default() += u128::from(weight);
    }
    let groups = grouped
        .into_iter()
        .map(|(order, count)| Group { order, count })
        .collect();
    (groups, valid, empty, truncated)
}

/// The running count shared by both rules.
struct Count<'a> {
    rule: StvRule,
    names: &'a [String],
    rules: &'a SeatRules,
    scale: u128,
    states: Vec<StvState>,
    votes: Vec<u128>,
    exhausted: u128,
    quota: u128,
    keep: Vec<u128>,
    rounds: Vec<StvRound>,
    elected: Vec<usize>,
    excluded: Vec<usize>,
    held: BTreeMap<String, usize>,
    seats: SeatResult,
    explanation: Vec<String>,
    /// A tie that only a lot could break, with no rule to draw it: the count stops.
    stopped: bool,
}

impl<'a> Count<'a> {
    fn new(rule: StvRule, names: &'a [String], rules: &'a SeatRules) -> Count<'a> {
        let n = names.len();
        let scale = 10u128.pow(rule.digits());
        let mut held = BTreeMap::new();
        for organisation in &rules.sitting {
            *held.entry(organisation.clone()).or_default() += 1;
        }
        Count {
            rule,
            names,
            rules,
            scale,
            states: vec![StvState::Hopeful; n],
            votes: vec![0; n],
            exhausted: 0,
            quota: 0,
            keep: if rule == StvRule::Meek {
                vec![scale; n]
            } else {
                Vec::new()
            },
            rounds: Vec::new(),
            elected: Vec::new(),
            excluded: Vec::new(),
            held,
            seats: SeatResult {
                winners: Vec::new(),
                skipped: Vec::new(),
                tie: None,
                unfilled: 0,
                explanation: Vec::new(),
            },
            explanation: Vec::new(),
            stopped: false,
        }
    }

    fn hopeful(&self) -> Vec<usize> {
        (0..self.names.len())
            .filter(|&candidate| self.states[candidate] == StvState::Hopeful)
            .collect()
    }

    fn seats_left(&self) -> usize {
        self.rules.seats.saturating_sub(self.elected.len())
    }

    fn show(&self, value: u128) -> String {
        decimal(value, self.rule.digits())
    }

    fn record(&mut self, action: String) {
        self.rounds.push(StvRound {
            number: self.rounds.len(),
            action,
            quota: self.quota,
            votes: self.votes.clone(),
            exhausted: self.exhausted,
            states: self.states.clone(),
            keep: self.keep.clone(),
        });
    }

    fn exclude(&mut self, candidate: usize) {
        self.states[candidate] = StvState::Excluded;
        self.excluded.push(candidate);
        if let Some(keep) = self.keep.get_mut(candidate) {
            *keep = 0;
        }
    }

    /// Candidates who may not take a seat (E3) and those whose organisation is full (S6) are
    /// excluded before they can be elected; returns what was excluded, in words.
    fn exclude_ineligible(&mut self) -> Vec<String> {
        let mut words = Vec::new();
        for candidate in self.hopeful() {
            if let Some((_, reason)) = self.rules.excluded.iter().find(|(excluded, _)| *excluded == candidate) {
                let line = format!("passed over {}: {reason}", self.names[candidate]);
                self.seats.explanation.push(line.clone());
                words.push(line);
                self.exclude(candidate);
                continue;
            }
            let organisation = self.rules.organisations.get(candidate).cloned().flatten();
            if let (Some(cap), Some(org)) = (self.rules.cap, organisation) {
                let count = self.held.get(&org).copied().unwrap_or(0);
                if count >= cap {
                    let line = format!(
                        "skipped {}: {org} already holds {count} of at most {cap} seat(s)",
                        self.names[candidate]
                    );
                    self.seats.explanation.push(line.clone());
                    words.push(line);
                    self.seats.skipped.push(Skipped {
                        candidate,
                        organisation: org,
                        held: count,
                        cap,
                    });
                    self.exclude(candidate);
                }
            }
        }
        words
    }

    fn elect(&mut self, candidate: usize) {
        self.states[candidate] = StvState::Elected;
        self.elected.push(candidate);
        self.seats.winners.push(candidate);
        let organisation = self.rules.organisations.get(candidate).cloned().flatten();
        let suffix = match organisation {
            Some(org) => {
                let count = self.held.entry(org.clone()).or_default();
                *count += 1;
                format!(" ({org}: now {count})")
            }
            None => String::new(),
        };
        let line = format!("seat {}: {}{suffix}", self.elected.len(), self.names[candidate]);
        self.seats.explanation.push(line);
    }

    /// Chooses one of `tied` (equal now): by the most recent earlier round where their votes
    /// differed (highest when `highest`, else lowest), else by the election's tie-break rule.
    /// None when only a lot could decide and no rule is given.
    fn break_tie(&mut self, tied: &[usize], highest: bool, purpose: &str) -> Option<usize> {
        if tied.len() == 1 {
            return Some(tied[0]);
        }
        let mut candidates = tied.to_vec();
        for round in self.rounds.iter().rev() {
            let pick = if highest {
                candidates.iter().map(|&c| round.votes[c]).max()
            } else {
                candidates.iter().map(|&c| round.votes[c]).min()
            };
            let Some(pick) = pick else { break };
            let at: Vec<usize> = candidates.iter().copied().filter(|&c| round.votes[c] == pick).collect();
            if at.len() < candidates.len() {
                candidates = at;
                if candidates.len() == 1 {
                    let names: Vec<&str> = tied.iter().map(|&c| self.names[c].as_str()).collect();
                    self.explanation.push(format!(
                        "tie ({purpose}) among {}: {} by the votes at round {}",
                        names.join(", "),
                        self.names[candidates[0]],
                        round.number
                    ));
                    return Some(candidates[0]);
                }
            }
        }
        let names: Vec<&str> = candidates.iter().map(|&c| self.names[c].as_str()).collect();
        let chosen = match &self.rules.tie_break {
            TieBreak::Seed(seed) => candidates
                .iter()
                .copied()
                .min_by_key(|&c| draw_key(seed, &self.names[c]))
                .map(|c| (c, format!("a random draw from the published seed {seed:?}"))),
            TieBreak::Officer { officer, order } => {
                let position = |c: usize| order.iter().position(|name| *name == self.names[c]);
                if candidates.iter().all(|&c| position(c).is_some()) {
                    // The officer's order is of preference: the first is kept, the last excluded.
                    let pick = if highest {
                        candidates.iter().copied().min_by_key(|&c| position(c))
                    } else {
                        candidates.iter().copied().max_by_key(|&c| position(c))
                    };
                    pick.map(|c| (c, format!("{officer}'s choice")))
                } else {
                    None
                }
            }
            TieBreak::Report => None,
        };
        match chosen {
            Some((candidate, how)) => {
                self.explanation.push(format!(
                    "tie ({purpose}) among {}, equal at every round: {} by {how}",
                    names.join(", "),
                    self.names[candidate]
                ));
                Some(candidate)
            }
            None => {
                let resolution = format!(
                    "left open: {} are equal at every round, and only a lot could choose ({purpose}); \
                     give the election a tie-break (a published seed or an officer's order) and count again",
                    names.join(" and ")
                );
                self.seats.explanation.push(format!("the count stopped: {resolution}"));
                self.seats.tie = Some(SeatTie {
                    candidates,
                    seats_left: self.seats_left(),
                    resolution,
                    broken: false,
                });
                self.stopped = true;
                None
            }
        }
    }

    /// Who is excluded next: the lowest hopeful candidate. Candidates tied at the lowest are
    /// excluded together when, with `surplus` added, they hold fewer votes between them than
    /// the next candidate and enough others remain for the seats: excluding them one by one, in
    /// any order, would exclude them all before anyone else, so no lot is needed. Otherwise a
    /// tie is broken as any other (None: the count stops).
    fn lowest(&mut self, surplus: u128) -> Option<(Vec<usize>, String)> {
        let hopeful = self.hopeful();
        let lowest = hopeful.iter().map(|&c| self.votes[c]).min()?;
        let tied: Vec<usize> = hopeful.iter().copied().filter(|&c| self.votes[c] == lowest).collect();
        if tied.len() == 1 {
            return Some((tied, "lowest".to_owned()));
        }
        let next = hopeful
            .iter()
            .map(|&c| self.votes[c])
            .filter(|&votes| votes > lowest)
            .min();
        let together = lowest * tied.len() as u128 + surplus;
        if let Some(next) = next
            && together < next
            && hopeful.len() - tied.len() >= self.seats_left()
        {
            return Some((
                tied,
                format!(
                    "tied lowest; together with the surplus they hold {}, less than the next candidate's {}, \
                     so excluding them one by one in any order would exclude them all",
                    self.show(together),
                    self.show(next)
                ),
            ));
        }
        let loser = self.break_tie(&tied, false, "which to exclude")?;
        Some((vec![loser], "lowest".to_owned()))
    }

    /// The hopeful candidates with at least the quota, most votes first. No more can reach a
    /// quota of more than 1/(seats + 1) than there are seats left; the cut is only a guard.
    fn reaching_quota(&self) -> Vec<usize> {
        let mut reached: Vec<usize> = self
            .hopeful()
            .into_iter()
            .filter(|&c| self.votes[c] >= self.quota)
            .collect();
        reached.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]).then(a.cmp(&b)));
        reached.truncate(self.seats_left());
        reached
    }

    /// Elects `winners`; returns each with their votes, in words.
    fn elect_all(&mut self, winners: &[usize]) -> Vec<String> {
        let words = winners
            .iter()
            .map(|&c| format!("{} ({})", self.names[c], self.show(self.votes[c])))
            .collect();
        for &winner in winners {
            self.elect(winner);
        }
        words
    }

    /// Excludes `losers`; returns each with the votes they had, in words.
    fn exclude_all(&mut self, losers: &[usize]) -> Vec<String> {
        let words = losers
            .iter()
            .map(|&c| format!("{} ({})", self.names[c], self.show(self.votes[c])))
            .collect();
        for &loser in losers {
            self.exclude(loser);
        }
        words
    }

    /// When the hopeful candidates are no more than the seats left, they are all elected.
    fn fill_remaining(&mut self) -> bool {
        let hopeful = self.hopeful();
        if self.seats_left() == 0 {
            return true;
        }
        if hopeful.len() > self.seats_left() {
            return false;
        }
        let mut order = hopeful;
        order.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]).then(a.cmp(&b)));
        let names: Vec<&str> = order.iter().map(|&c| self.names[c].as_str()).collect();
        let action = if names.is_empty() {
            return true;
        } else {
            format!(
                "elected: {} (as many hopeful candidates as seats left)",
                names.join(", ")
            )
        };
        for candidate in order {
            self.elect(candidate);
        }
        self.record(action);
        true
    }

    fn finish(mut self, valid_ballots: u64, empty: u64, truncated: u64) -> StvCount {
        self.seats.unfilled = self.rules.seats.saturating_sub(self.seats.winners.len());
        if self.seats.unfilled > 0 && !self.stopped {
            self.seats.explanation.push(format!(
                "{} seat(s) left unfilled: not enough eligible candidates",
                self.seats.unfilled
            ));
        }
        let mut ranking: Tiers = self.elected.iter().map(|&c| vec![c]).collect();
        let mut hopeful = self.hopeful();
        hopeful.sort_by(|&a, &b| self.votes[b].cmp(&self.votes[a]).then(a.cmp(&b)));
        ranking.extend(hopeful.into_iter().map(|c| vec![c]));
        ranking.extend(self.excluded.iter().rev().map(|&c| vec![c]));
        let mut explanation = vec![match self.rule {
            StvRule::Meek => format!(
                "Meek STV: each elected candidate keeps a fraction of every vote that reaches them \
                 (their keep factor) so that they hold just a quota, and passes the rest on; \
                 quota = votes held by candidates / (seats + 1), plus 10^-9; a candidate with at \
                 least the quota (>=) is elected; the lowest is excluded when the surplus is spent; \
                 {} decimal places, votes kept rounded up",
                self.rule.digits()
            ),
            StvRule::Scottish => "Scottish STV (Scottish Local Government Elections Order 2007, rules 45-52): \
                 quota = valid ballots / (seats + 1), ignoring decimals, plus 1; a candidate with at \
                 least the quota (>=) is elected; the largest surplus is transferred first at \
                 (surplus x ballot value / votes), 5 decimal places, remainder ignored; when no surplus \
                 is left, the lowest candidate is excluded and their ballots move on at their value"
                .to_owned(),
        }];
        explanation.push(format!("{valid_ballots} valid ballot(s) counted"));
        if empty > 0 {
            explanation.push(format!("{empty} ballot(s) rank nobody: not valid votes, not counted"));
        }
        if truncated > 0 {
            explanation.push(format!(
                "{truncated} ballot(s) give two candidates the same rank: each counts up to the repeated rank"
            ));
        }
        explanation.append(&mut self.explanation);
        StvCount {
            rule: self.rule,
            digits: self.rule.digits(),
            valid_ballots,
            rounds: self.rounds,
            ranking,
            seats: self.seats,
            explanation,
        }
    }
}

/// Counts `ballots` by `rule` for `rules.seats` seats, with the cap and exclusions of `rules`.
pub fn count(ballots: &Ballots, rule: StvRule, rules: &SeatRules) -> StvCount {
    let names = ballots.candidates();
    let (groups, valid, empty, truncated) = groups(ballots);
    let mut state = Count::new(rule, names, rules);
    let ineligible = state.exclude_ineligible();
    match rule {
        StvRule::Meek => meek(&mut state, &groups, ineligible),
        StvRule::Scottish => scottish(&mut state, &groups, ineligible),
    }
    state.finish(valid, empty, truncated)
}

/// Meek: distributes every ballot by the keep factors.
fn meek_distribute(state: &mut Count, groups: &[Group]) {
    let scale = state.scale;
    state.votes.iter_mut().for_each(|votes| *votes = 0);
    state.exhausted = 0;
    for group in groups {
        let mut remaining = scale;
        for &candidate in &group.order {
            let keep = state.keep[candidate];
            if keep == 0 {
                continue;
            }
            let kept = if keep == scale {
                remaining
            } else {
                (remaining * keep).div_ceil(scale)
            };
            state.votes[candidate] += kept * group.count;
            remaining -= kept;
            if remaining == 0 {
                break;
            }
        }
        state.exhausted += remaining * group.count;
    }
    let total: u128 = state.votes.iter().sum();
    state.quota = total / (state.rules.seats as u128 + 1) + 1;
}

/// At most this many iterations of the keep factors per round: the surplus shrinks geometrically
/// and is spent in tens of iterations on real ballots; the bound keeps a crafted file from
/// holding the count (the round then says how many iterations it took).
const MEEK_ITERATIONS: usize = 1_000;

/// Meek: iterates the keep factors until a hopeful candidate reaches the quota or the surplus is
/// spent (at most 10^-6 of a vote, or no longer shrinking). Returns the iterations made.
fn meek_converge(state: &mut Count, groups: &[Group]) -> usize {
    let omega = state.scale / 1_000_000;
    let mut last_surplus = u128::MAX;
    for iteration in 1..=MEEK_ITERATIONS {
        meek_distribute(state, groups);
        let quota = state.quota;
        if state.hopeful().iter().any(|&c| state.votes[c] >= quota) {
            return iteration;
        }
        let surplus: u128 = state
            .elected
            .iter()
            .map(|&c| state.votes[c].saturating_sub(quota))
            .sum();
        if surplus <= omega || surplus >= last_surplus {
            return iteration;
        }
        last_surplus = surplus;
        for &candidate in &state.elected {
            let votes = state.votes[candidate];
            if votes > 0 {
                let keep = (state.keep[candidate] * quota).div_ceil(votes);
                state.keep[candidate] = keep.min(state.scale);
            }
        }
    }
    MEEK_ITERATIONS
}

fn meek(state: &mut Count, groups: &[Group], ineligible: Vec<String>) {
    meek_distribute(state, groups);
    let mut first = "first preferences".to_owned();
    if !ineligible.is_empty() {
        first.push_str(&format!("; {}", ineligible.join("; ")));
    }
    state.record(first);
    loop {
        if state.fill_remaining() {
            return;
        }
        let iterations = meek_converge(state, groups);
        let quota = state.quota;
        let reached = state.reaching_quota();
        if !reached.is_empty() {
            let mut words = state.elect_all(&reached);
            let capped = state.exclude_ineligible();
            words.extend(capped);
            state.record(format!(
                "elected with at least the quota {}: {} (after {iterations} iteration(s))",
                state.show(quota),
                words.join(", ")
            ));
            continue;
        }
        let surplus: u128 = state
            .elected
            .iter()
            .map(|&c| state.votes[c].saturating_sub(state.quota))
            .sum();
        let Some((losers, why)) = state.lowest(surplus) else {
            return;
        };
        let words = state.exclude_all(&losers);
        meek_distribute(state, groups);
        state.record(format!(
            "excluded: {} ({why}; surplus spent after {iterations} iteration(s))",
            words.join(", ")
        ));
    }
}

/// Scottish STV: each group of identical ballots sits with one candidate at one value.
struct Pile {
    group: usize,
    /// Position in the group's order of the candidate holding it.
    at: usize,
    /// Value of each ballot, in 10^-5.
    value: u128,
}

fn scottish(state: &mut Count, groups: &[Group], ineligible: Vec<String>) {
    let scale = state.scale;
    let valid: u128 = groups.iter().map(|group| group.count).sum();
    state.quota = (valid / (state.rules.seats as u128 + 1) + 1) * scale;
    let mut piles: Vec<Pile> = Vec::with_capacity(groups.len());
    for (index, _) in groups.iter().enumerate() {
        piles.push(Pile {
            group: index,
            at: 0,
            value: scale,
        });
    }
    // Piles held by each candidate (indexes into `piles`); exhausted ones are counted apart.
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); state.names.len()];
    let place = |state: &mut Count, held: &mut Vec<Vec<usize>>, piles: &mut [Pile], pile: usize| {
        let group = &groups[piles[pile].group];
        while piles[pile].at < group.order.len() && state.states[group.order[piles[pile].at]] != StvState::Hopeful {
            piles[pile].at += 1;
        }
        let amount = piles[pile].value * group.count;
        match group.order.get(piles[pile].at) {
            Some(&candidate) => {
                state.votes[candidate] += amount;
                held[candidate].push(pile);
            }
            None => state.exhausted += amount,
        }
    };
    // First preferences go to whoever is first, even a candidate excluded as ineligible, and
    // then move on, so the table shows where they started.
    for pile in 0..piles.len() {
        let candidate = groups[piles[pile].group].order[0];
        state.votes[candidate] += scale * groups[piles[pile].group].count;
        held[candidate].push(pile);
    }
    let mut first = "first preferences".to_owned();
    if !ineligible.is_empty() {
        first.push_str(&format!("; {}", ineligible.join("; ")));
    }
    state.record(first);
    let excluded_at_start: Vec<usize> = state.excluded.clone();
    if !excluded_at_start.is_empty() {
        for &candidate in &excluded_at_start {
            let moving = std::mem::take(&mut held[candidate]);
            state.votes[candidate] = 0;
            for pile in moving {
                place(state, &mut held, &mut piles, pile);
            }
        }
        let names: Vec<&str> = excluded_at_start.iter().map(|&c| state.names[c].as_str()).collect();
        state.record(format!(
            "ballots of {} moved on (may not take a seat)",
            names.join(", ")
        ));
    }
    let mut pending: Vec<usize> = Vec::new();
    loop {
        let quota = state.quota;
        let reached = state.reaching_quota();
        if !reached.is_empty() {
            let mut words = state.elect_all(&reached);
            pending.extend(&reached);
            words.extend(state.exclude_ineligible());
            state.record(format!(
                "elected with at least the quota {}: {}",
                state.show(quota),
                words.join(", ")
            ));
        }
        if state.seats_left() == 0 || state.hopeful().len() <= state.seats_left() {
            state.fill_remaining();
            return;
        }
        // A candidate elected with exactly the quota has no surplus to transfer.
        pending.retain(|&c| state.votes[c] > quota);
        if !pending.is_empty() {
            let highest = pending.iter().map(|&c| state.votes[c]).max().unwrap_or(0);
            let tied: Vec<usize> = pending.iter().copied().filter(|&c| state.votes[c] == highest).collect();
            let Some(from) = state.break_tie(&tied, true, "whose surplus first") else {
                return;
            };
            pending.retain(|&c| c != from);
            let total = state.votes[from];
            let surplus = total - quota;
            let moving = std::mem::take(&mut held[from]);
            state.votes[from] = quota;
            for pile in moving {
                piles[pile].value = piles[pile].value * surplus / total;
                piles[pile].at += 1;
                place(state, &mut held, &mut piles, pile);
            }
            // What the ignored decimals took is set aside with the exhausted votes, so the
            // columns still add up to the valid ballots.
            let placed: u128 = state.votes.iter().sum::<u128>() + state.exhausted;
            let expected = valid * scale;
            if placed < expected {
                state.exhausted += expected - placed;
            }
            state.record(format!(
                "surplus of {} transferred: {} at {} per vote",
                state.names[from],
                state.show(surplus),
                state.show(surplus * scale / total)
            ));
            continue;
        }
        // Surpluses are all transferred before anyone is excluded: none is pending here.
        let Some((losers, why)) = state.lowest(0) else {
            return;
        };
        let words = state.exclude_all(&losers);
        for &loser in &losers {
            let moving = std::mem::take(&mut held[loser]);
            state.votes[loser] = 0;
            for pile in moving {
                piles[pile].at += 1;
                place(state, &mut held, &mut piles, pile);
            }
        }
        state.record(format!(
            "excluded: {} ({why}); ballots moved on at their value",
            words.join(", ")
        ));
    }
}

/// The distinct candidates of a result's table that ever held votes (for compact display).
pub fn active_candidates(count: &StvCount) -> BTreeSet<usize> {
    count
        .rounds
        .iter()
        .flat_map(|round| {
            round
                .votes
                .iter()
                .enumerate()
                .filter(|(_, votes)| **votes > 0)
                .map(|(c, _)| c)
        })
        .collect()
}
