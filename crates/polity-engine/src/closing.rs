//! The close of an election (E1, E3, E4, E5, S5, S6, S8, T1): the stored ballots counted, the
//! seats free when the new terms start, the officers who may take one, the cap, and the new
//! terms.

use super::*;
use crate::elections::{election_rule_id, half};
use polity_count::stv::decimal;

/// Counts `ballots` (checked against the store's integrity first) and returns the close's events:
/// the result, then one term for each winner.
pub(crate) fn close_election(
    state: &State,
    election: &Election,
    ballots: &[(String, Vec<Vec<String>>)],
    actor: &str,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(&election.body)?;
    let seat = election.seat;
    let rule = state.election_rule(body, seat);
    let names = election.candidates.clone();
    check_ballot_store(election, ballots)?;
    let counted = counted(ballots, &names, election_rule_id(body, seat))?;
    let voters = state.electorate(body, rule.voters, on);
    let term_start = term_start(body, seat, election.voting_close.max(on));
    let seats = Seats::free(state, body, seat, election.seats, &names, term_start);
    let method = rule
        .method
        .as_deref()
        .and_then(|name| name.parse::<Method>().ok())
        .unwrap_or(Method::Schulze(Strength::WinningVotes));
    let rules = ElectionRules {
        method,
        seats: seats.rules(state, &names),
        classes: Vec::new(),
        turnout: rule.valid_if.map(|valid_if| Turnout {
            eligible: voters.len() as u64,
            valid_if,
        }),
        compat: rule
            .compat
            .as_deref()
            .and_then(|name| polity_count::Compat::parse(name).ok())
            .unwrap_or_default(),
        threads: 1,
    };
    let result = polity_count::count(&counted, &rules);
    let winners: Vec<String> = result.seats.winners.iter().map(|&index| names[index].clone()).collect();
    let mut explanation = result.explanation.clone();
    explanation.extend(seats.shortfall(body, election.seats));
    let mut events = vec![Event::ElectionClosed {
        election: election.id.clone(),
        valid: result.valid,
        ranking: result
            .ranking
            .iter()
            .map(|tier| tier.iter().map(|&index| names[index].clone()).collect())
            .collect(),
        winners: winners.clone(),
        skipped: result
            .seats
            .skipped
            .iter()
            .map(|skip| names[skip.candidate].clone())
            .collect(),
        explanation,
        rounds: result
            .stv
            .as_ref()
            .map(|stv| {
                stv.rounds
                    .iter()
                    .map(|round| RoundRecord {
                        action: round.action.clone(),
                        quota: decimal(round.quota, stv.digits),
                        exhausted: decimal(round.exhausted, stv.digits),
                        votes: round.votes.iter().map(|&votes| decimal(votes, stv.digits)).collect(),
                        states: round.states.iter().map(|state| state.as_str().to_owned()).collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        tally_sheet: ballots
            .iter()
            .map(|(receipt, ranking)| TallyLine {
                receipt: receipt.clone(),
                ranking: ranking.clone(),
            })
            .collect(),
        by: actor.to_owned(),
    }];
    events.extend(new_terms(state, body, election, winners, term_start));
    Ok(events)
}

/// The stored ballots as the counting crate takes them (a ranking's position per candidate).
fn counted(ballots: &[(String, Vec<Vec<String>>)], names: &[String], rule: RuleId) -> Result<Ballots, Rejection> {
    let mut counted = Ballots::new(names.to_vec(), Unranked::Below).map_err(|error| Rejection {
        rule,
        message: error.to_string(),
        hint: "fewer candidates".to_owned(),
        words: None,
    })?;
    for (receipt, ranking) in ballots {
        let mut ranks = vec![None; names.len()];
        for (position, tier) in ranking.iter().enumerate() {
            for candidate in tier {
                if let Some(index) = names.iter().position(|name| name == candidate) {
                    ranks[index] = Some(position as u32 + 1);
                }
            }
        }
        counted.push(&ranks, 1).map_err(|error| Rejection {
            rule: RuleId::T1,
            message: format!("the stored ballot {receipt} cannot be counted: {error}"),
            hint: INTEGRITY_HINT.to_owned(),
            words: None,
        })?;
    }
    Ok(counted)
}

/// When the new terms start: when the seat's current terms end (or at `closes`, if later).
/// Those whose terms end then are being replaced; those whose terms go on are sitting.
fn term_start(body: &Body, seat: Seat, closes: Date) -> Date {
    body.holders
        .iter()
        .filter(|holding| holding.seat == seat)
        .filter_map(|holding| holding.until)
        .filter(|until| *until >= closes)
        .min()
        .unwrap_or(closes)
}

/// The seats an election may fill, as of the day its terms start.
struct Seats {
    seat: Seat,
    term_start: Date,
    /// S5, S8: the seat's limit less those who hold it then (sitting members, and winners of an
    /// earlier election whose terms have not begun), at most the seats the election was opened for.
    to_fill: usize,
    occupied: BTreeSet<String>,
    /// E3: candidates who may not take the seat then, with the reason.
    excluded: Vec<(usize, String)>,
    /// S6: the organisations of those who sit on (the cap counts them).
    sitting: Vec<String>,
    cap: Option<usize>,
}

impl Seats {
    fn free(state: &State, body: &Body, seat: Seat, opened_for: usize, names: &[String], term_start: Date) -> Seats {
        let occupied: BTreeSet<String> = seat_holders(body, &[seat], &state.polity, term_start)
            .into_iter()
            .collect();
        let to_fill = opened_for.min((body.seat_limit(seat) as usize).saturating_sub(occupied.len()));
        // Nobody takes a seat they already hold then (won in an earlier election, or sitting on).
        let mut excluded: Vec<(usize, String)> = names
            .iter()
            .enumerate()
            .filter(|(_, name)| occupied.contains(*name))
            .map(|(index, _)| {
                let reason = format!("already holds a {} seat of {} on {term_start}", seat.as_str(), body.id);
                (index, reason)
            })
            .collect();
        // E3: an officer of a committee is one of its members when the officer's term starts.
        if is_committee_officer(body, seat) {
            let members = seat_holders(body, &[Seat::Member], &state.polity, term_start);
            excluded.extend(
                names
                    .iter()
                    .enumerate()
                    .filter(|(_, name)| !members.contains(name) && !occupied.contains(*name))
                    .map(|(index, _)| {
                        let reason = format!("not a member of {} on {term_start}, when the term starts (E3)", body.id);
                        (index, reason)
                    }),
            );
        }
        let sitting = occupied
            .iter()
            .filter_map(|person| state.polity.affiliation_on(person, term_start).map(str::to_owned))
            .collect();
        let cap = body
            .seats
            .and_then(|seats| seats.per_organisation)
            .filter(|_| seat == Seat::Member)
            .map(|cap| cap as usize);
        Seats {
            seat,
            term_start,
            to_fill,
            occupied,
            excluded,
            sitting,
            cap,
        }
    }

    fn rules(&self, state: &State, names: &[String]) -> SeatRules {
        SeatRules {
            seats: self.to_fill,
            organisations: names
                .iter()
                .map(|name| state.polity.affiliation_on(name, self.term_start).map(str::to_owned))
                .collect(),
            cap: self.cap,
            sitting: self.sitting.clone(),
            excluded: self.excluded.clone(),
            tie_break: TieBreak::Report,
        }
    }

    /// The explanation's line when fewer seats are free than the election was opened for.
    fn shortfall(&self, body: &Body, opened_for: usize) -> Option<String> {
        (self.to_fill < opened_for).then(|| {
            let held: Vec<&str> = self.occupied.iter().map(String::as_str).collect();
            format!(
                "{} seat(s) filled, not {opened_for}: {} has at most {} {} seat(s) and {} hold(s) one on {} ({})",
                self.to_fill,
                body.id,
                body.seat_limit(self.seat),
                self.seat.as_str(),
                self.occupied.len(),
                self.term_start,
                held.join(", "),
            )
        })
    }
}

/// Whether `seat` of `body` is an officer seat that only its members may hold (E3).
fn is_committee_officer(body: &Body, seat: Seat) -> bool {
    matches!(seat, Seat::Chair | Seat::CoChair) && body.officers_are_members()
}

/// The winners' terms from `term_start`: the body's term, staggered when asked (E5: the first
/// half of the winners, rounded up, serve the full term and the rest half of it, so that the
/// seats never all change on one day), and for a committee's officers no longer than their
/// membership (E3).
fn new_terms(state: &State, body: &Body, election: &Election, winners: Vec<String>, term_start: Date) -> Vec<Event> {
    let until = body.term.map(|term| term.after(term_start));
    let full = winners.len().div_ceil(2);
    winners
        .into_iter()
        .enumerate()
        .map(|(position, winner)| {
            let (until, class) = match (election.stagger, body.term) {
                (true, Some(term)) if position >= full => (Some(half(term).after(term_start)), Some("b".to_owned())),
                (true, Some(_)) => (until, Some("a".to_owned())),
                _ => (until, None),
            };
            let until = if is_committee_officer(body, election.seat) {
                earliest(until, membership_end(state, body, &winner, term_start))
            } else {
                until
            };
            Event::TermStarted {
                body: body.id.clone(),
                person: winner,
                seat: election.seat,
                from: term_start,
                until,
                election: election.id.clone(),
                class,
            }
        })
        .collect()
}

/// When `person`'s member seat in `body` that covers `on` ends (None: it does not end).
fn membership_end(state: &State, body: &Body, person: &str, on: Date) -> Option<Date> {
    let ends: Vec<Option<Date>> = body
        .holders
        .iter()
        .filter(|holding| holding.seat == Seat::Member && holding.covers(on))
        .filter(|holding| {
            state
                .polity
                .person(&holding.person.text)
                .is_some_and(|found| found.id == person)
        })
        .map(|holding| holding.until)
        .collect();
    if ends.contains(&None) {
        None
    } else {
        ends.into_iter().flatten().max()
    }
}

/// The earlier of two ends, where None is no end.
fn earliest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}
