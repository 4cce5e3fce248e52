//! Where an election stands and what a person may do in it now: the same checks `decide` makes
//! (it calls these), asked ahead so a page offers only the acts that would be accepted and says
//! why another is not (E1, E3).

use super::*;
use crate::elections::{election_in, election_rule_id};
use polity_count::Threshold;

/// The method an election is counted by when its rule names none (as the close counts).
const DEFAULT_METHOD: &str = "schulze";

/// An open election's count so far: how many may vote, how many have, and what makes the result
/// valid (E3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The eligible voters on the day asked.
    pub eligible: usize,
    /// The voters who have cast a ballot (a replaced ballot counted once).
    pub voted: usize,
    /// The body's turnout rule, when it has one (`valid-if`).
    pub valid_if: Option<Threshold>,
    /// The fewest voters that meet `valid_if` out of `eligible`.
    pub needed: Option<u64>,
    /// The counting method's name (`schulze` unless the body's rule names another).
    pub method: String,
}

/// How `election` stands on `on`.
pub fn standing(state: &State, election: &Election, on: Date) -> Standing {
    let Some(body) = state.polity.body(&election.body) else {
        return Standing {
            eligible: 0,
            voted: election.voted.len(),
            valid_if: None,
            needed: None,
            method: DEFAULT_METHOD.to_owned(),
        };
    };
    let rule = state.election_rule(body, election.seat);
    let eligible = state.electorate(body, rule.voters, on).len();
    Standing {
        eligible,
        voted: election.voted.len(),
        valid_if: rule.valid_if,
        needed: rule.valid_if.map(|valid_if| valid_if.needed(eligible as u64)),
        method: rule.method.unwrap_or_else(|| DEFAULT_METHOD.to_owned()),
    }
}

/// E3: whether `person` may cast a ballot in `election` at `now` (open, before the deadline, in
/// the electorate); the refusal says which rule and why.
pub fn may_vote(state: &State, election: &str, person: &str, now: jiff::civil::DateTime) -> Result<(), Rejection> {
    let on = now.date();
    let election = election_in(state, election, Phase::Voting)?;
    let body = state.body(&election.body)?;
    let rule = state.election_rule(body, election.seat);
    let rule_id = election_rule_id(body, election.seat);
    if state.reached(now, election.voting_close) {
        let deadline = state.deadline_text(election.voting_close);
        return reject(
            rule_id,
            format!("voting closed on {deadline}"),
            "ballots are no longer accepted",
        )
        .map_err(|refusal| refusal.said("voting-closed", &[("date", deadline.clone())]));
    }
    if !state.in_electorate(body, rule.voters, on, person) {
        return reject(
            rule_id,
            format!(
                "{person} may not vote in {}: voters are the {}",
                election.id,
                rule.voters.as_str()
            ),
            "only eligible voters vote",
        )
        .map_err(|refusal| {
            refusal.said(
                "not-a-voter",
                &[
                    ("person", person.to_owned()),
                    ("election", election.id.clone()),
                    ("voters", rule.voters.as_str().to_owned()),
                ],
            )
        });
    }
    Ok(())
}

/// E1, E3: whether `person` may close `election` at `now`: the officer who opened it, at or after
/// the deadline, or earlier when every eligible voter has voted or the rule allows an early close.
pub fn may_close_election(
    state: &State,
    election: &str,
    person: &str,
    now: jiff::civil::DateTime,
) -> Result<(), Rejection> {
    let on = now.date();
    let election = election_in(state, election, Phase::Voting)?;
    if person != election.opened_by {
        return reject(
            RuleId::E1,
            format!("{person} did not open {}", election.id),
            format!("{} closes the election", election.opened_by),
        )
        .map_err(|refusal| {
            refusal.said(
                "not-the-opener",
                &[
                    ("person", person.to_owned()),
                    ("election", election.id.clone()),
                    ("opener", election.opened_by.clone()),
                ],
            )
        });
    }
    let body = state.body(&election.body)?;
    let rule = state.election_rule(body, election.seat);
    let closes = state.deadline_text(election.voting_close);
    if !state.reached(now, election.voting_close) && !rule.early_close {
        let eligible = state.electorate(body, rule.voters, on);
        let waiting = eligible.iter().filter(|voter| !election.voted.contains(*voter)).count();
        if waiting > 0 {
            return reject(
                election_rule_id(body, election.seat),
                format!(
                    "voting in {} is open until {closes}: {} of {} eligible voters have voted",
                    election.id,
                    eligible.len() - waiting,
                    eligible.len()
                ),
                format!(
                    "close on or after {closes}; it closes earlier only when every eligible voter has voted \
                     (or when the body's election rule says `early-close: true`)"
                ),
            )
            .map_err(|refusal| {
                refusal.said(
                    "close-early",
                    &[
                        ("election", election.id.clone()),
                        ("closes", closes.clone()),
                        ("voted", (eligible.len() - waiting).to_string()),
                        ("eligible", eligible.len().to_string()),
                    ],
                )
            });
        }
    }
    Ok(())
}

/// E1, E3: whom `person` may nominate in `election` on `on`: every candidate the body's rule
/// allows (`person` alone where candidates nominate themselves) who is not nominated yet, when
/// `decide` accepts the nomination of the first of them; in id order. The others differ from the
/// first only in who they are, which `decide` checks as this list does (in the electorate, not
/// nominated yet), so `decide` is asked once, not once per member of a large electorate. When
/// there is nobody, the refusal says why (or, with no one to try, why nobody may stand).
pub fn nominable(
    state: &State,
    election: &str,
    person: &str,
    now: jiff::civil::DateTime,
) -> Result<Vec<String>, Rejection> {
    let on = now.date();
    let found = election_in(state, election, Phase::Nominating)?;
    let body = state.body(&found.body)?;
    let rule = state.election_rule(body, found.seat);
    let electorate: Vec<String> = if rule.nominators == Electorate::Themselves {
        vec![person.to_owned()]
    } else {
        state.electorate(body, rule.candidates, on).into_iter().collect()
    };
    let context = Context {
        actor: person.to_owned(),
        on,
        at: now.time(),
    };
    let accepted: Vec<String> = electorate
        .iter()
        .filter(|candidate| !found.nominees.contains_key(*candidate))
        .cloned()
        .collect();
    // The first not yet nominated, else (to say why) the first of the electorate.
    let first_refusal = accepted.first().or(electorate.first()).and_then(|candidate| {
        let command = Command::Nominate(command::Nominate {
            election: election.to_owned(),
            candidate: candidate.clone(),
        });
        decide(state, &command, &context).err()
    });
    if let Some(refusal) = first_refusal {
        return Err(refusal);
    }
    if !accepted.is_empty() {
        return Ok(accepted);
    }
    crate::refusal(
        "nobody-may-stand",
        election_rule_id(body, found.seat),
        &[("election", election.to_owned())],
        format!("nobody may stand in {election} now"),
        "the body's election rule names who may stand",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::given;
    use jiff::civil::date;

    /// E3: a TSC member may nominate every member not yet nominated (and, as `decide` says, no
    /// outsider); someone outside the TSC is told why; a nominee drops off the list.
    #[test]
    fn e3_nominable_lists_who_may_stand_and_not_who_is_nominated() {
        let mut record = given("cfn-working-group");
        record.act(
            "alice",
            date(2026, 6, 1),
            Command::OpenElection(command::OpenElection {
                body: "tsc".into(),
                seat: Seat::Chair,
                seats: 1,
                stagger: false,
            }),
        );
        let on = date(2026, 6, 2);
        let listed = nominable(&record.state, "tsc/e1", "alice", on.into()).unwrap();
        assert!(
            listed.contains(&"chen".to_owned()) && listed.contains(&"alice".to_owned()),
            "{listed:?}"
        );
        assert!(!listed.contains(&"kai".to_owned()), "kai is not on the TSC: {listed:?}");
        for candidate in &listed {
            let command = Command::Nominate(command::Nominate {
                election: "tsc/e1".into(),
                candidate: candidate.clone(),
            });
            assert!(record.when("alice", on, &command).is_ok(), "decide accepts {candidate}");
        }
        let outsider = nominable(&record.state, "tsc/e1", "kai", on.into()).unwrap_err();
        assert_eq!(outsider.rule, RuleId::E3);
        record.act(
            "alice",
            on,
            Command::Nominate(command::Nominate {
                election: "tsc/e1".into(),
                candidate: "chen".into(),
            }),
        );
        let after = nominable(&record.state, "tsc/e1", "alice", on.into()).unwrap();
        assert!(
            !after.contains(&"chen".to_owned()) && after.len() == listed.len() - 1,
            "{after:?}"
        );
    }
}
