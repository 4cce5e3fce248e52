//! An election's nominations (E1, E3, E4): who may nominate whom, consent and withdrawal,
//! candidates' statements, and the close of nominations that fixes the ballot.

use super::*;
use crate::elections::{election_in, election_rule_id};

pub(crate) fn decide_nominate(
    state: &State,
    election: &str,
    candidate: &str,
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    let on = now.date();
    let election = election_in(state, election, Phase::Nominating)?;
    let body = state.body(&election.body)?;
    let seat = election.seat;
    let rule = state.election_rule(body, seat);
    let rule_id = election_rule_id(body, seat);
    if state.reached(now, election.nominations_close) {
        return reject(
            rule_id,
            format!(
                "nominations closed on {}",
                state.deadline_text(election.nominations_close)
            ),
            "nominate in the next election",
        );
    }
    let candidate = state.person_id(candidate)?;
    if rule.nominators == Electorate::Themselves {
        if candidate != actor {
            return reject(
                rule_id,
                format!("{actor} may not nominate {candidate}: candidates nominate themselves"),
                "let the candidate nominate themselves",
            )
            .map_err(|refusal| {
                refusal.said(
                    "self-nomination",
                    &[("person", actor.clone()), ("candidate", candidate.clone())],
                )
            });
        }
    } else if !state.electorate(body, rule.nominators, on).contains(&actor) {
        return reject(
            rule_id,
            format!(
                "{actor} may not nominate in this election: nominators are the {}",
                rule.nominators.as_str()
            ),
            format!("ask one of the {} to nominate", rule.nominators.as_str()),
        )
        .map_err(|refusal| {
            refusal.said(
                "not-a-nominator",
                &[
                    ("person", actor.clone()),
                    ("nominators", rule.nominators.as_str().to_owned()),
                ],
            )
        });
    }
    if !state.electorate(body, rule.candidates, on).contains(&candidate) {
        return reject(
            rule_id,
            format!(
                "{candidate} may not stand: candidates must be {}",
                rule.candidates.as_str()
            ),
            format!("nominate one of the {}", rule.candidates.as_str()),
        )
        .map_err(|refusal| {
            refusal.said(
                "may-not-stand",
                &[
                    ("candidate", candidate.clone()),
                    ("candidates", rule.candidates.as_str().to_owned()),
                ],
            )
        });
    }
    if election.nominees.contains_key(&candidate) {
        return reject(rule_id, format!("{candidate} is already nominated"), "nothing to do")
            .map_err(|refusal| refusal.said("already-nominated", &[("candidate", candidate.clone())]));
    }
    if election.nominees.len() >= polity_count::ballot::MAX_CANDIDATES {
        return crate::refusal(
            "too-many-nominees",
            RuleId::RValue,
            &[
                ("election", election.id.clone()),
                ("nominees", election.nominees.len().to_string()),
            ],
            format!(
                "{} already has {} nominees, the most a ballot holds",
                election.id,
                election.nominees.len()
            ),
            "no further nominations are possible",
        );
    }
    let mut events = vec![Event::CandidateNominated {
        election: election.id.clone(),
        candidate: candidate.to_owned(),
        by: actor.clone(),
    }];
    if rule.consent && candidate == actor {
        events.push(Event::CandidateConsented {
            election: election.id.clone(),
            candidate,
        });
    }
    Ok(events)
}

pub(crate) fn decide_consent_or_withdraw(
    state: &State,
    command: &Command,
    election: &str,
    actor: String,
) -> Result<Vec<Event>, Rejection> {
    let election = election_in(state, election, Phase::Nominating)?;
    let Some(nominee) = election.nominees.get(&actor) else {
        return reject(
            RuleId::E3,
            format!("{actor} is not nominated in {}", election.id),
            "only a nominee consents or withdraws, for themselves",
        )
        .map_err(|refusal| {
            refusal.said(
                "not-nominated",
                &[("person", actor.clone()), ("election", election.id.clone())],
            )
        });
    };
    if nominee.withdrawn {
        return crate::refusal(
            "withdrawn",
            RuleId::E3,
            &[("person", actor.clone())],
            format!("{actor} has withdrawn"),
            "a withdrawal is final for this election",
        );
    }
    Ok(vec![
        if matches!(command, Command::Consent(crate::command::Consent { .. })) {
            Event::CandidateConsented {
                election: election.id.clone(),
                candidate: actor,
            }
        } else {
            Event::CandidateWithdrew {
                election: election.id.clone(),
                candidate: actor,
            }
        },
    ])
}

pub(crate) fn decide_publish_statement(
    state: &State,
    election: &str,
    statement: &str,
    actor: String,
) -> Result<Vec<Event>, Rejection> {
    let Some(found) = state.elections.get(election) else {
        return crate::refusal(
            "no-such-election",
            RuleId::RRef,
            &[("election", election.to_owned())],
            format!("there is no election {election:?}"),
            "name an election shown by `polity log`",
        );
    };
    if found.phase == Phase::Closed {
        return crate::refusal(
            "election-closed",
            RuleId::E1,
            &[("election", election.to_owned())],
            format!("{election} is closed"),
            "statements are for open elections",
        );
    }
    match found.nominees.get(&actor) {
        Some(nominee) if !nominee.withdrawn => {}
        _ => {
            return crate::refusal(
                "not-a-candidate",
                RuleId::E1,
                &[("person", actor.clone()), ("election", election.to_owned())],
                format!("{actor} is not a candidate in {election}"),
                "only a nominee who has not withdrawn publishes a statement, for themselves",
            );
        }
    }
    let statement = statement.trim();
    if statement.is_empty() || statement.chars().count() > 10_000 {
        return crate::refusal(
            "statement-length",
            RuleId::E1,
            &[],
            "a statement has 1 to 10,000 characters",
            "write a statement of at most 10,000 characters",
        );
    }
    Ok(vec![Event::StatementPublished {
        election: election.to_owned(),
        candidate: actor,
        statement: statement.to_owned(),
    }])
}

pub(crate) fn decide_close_nominations(state: &State, election: &str, actor: String) -> Result<Vec<Event>, Rejection> {
    let election = election_in(state, election, Phase::Nominating)?;
    if actor != election.opened_by {
        return crate::refusal(
            "not-the-election-opener",
            RuleId::E1,
            &[
                ("person", actor.clone()),
                ("election", election.id.clone()),
                ("opener", election.opened_by.clone()),
            ],
            format!("{actor} did not open {}", election.id),
            format!("{} closes the nominations", election.opened_by),
        );
    }
    let body = state.body(&election.body)?;
    let rule = state.election_rule(body, election.seat);
    let candidates: Vec<String> = election
        .nominees
        .iter()
        .filter(|(_, nominee)| !nominee.withdrawn && (nominee.consented || !rule.consent))
        .map(|(candidate, _)| candidate.clone())
        .collect();
    if candidates.is_empty() {
        return crate::refusal(
            "no-candidates",
            election_rule_id(body, election.seat),
            &[],
            "no candidate stands (nominated, consenting where consent is required, not withdrawn)",
            "nominate candidates, and have them consent",
        );
    }
    Ok(vec![Event::NominationsClosed {
        election: election.id.clone(),
        candidates,
        by: actor,
    }])
}
