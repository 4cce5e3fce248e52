//! Secret ballots (T1): the shape of a ballot `decide` accepts (always countable), the voter's
//! key that alone replaces their ballot, and the integrity of the ballot store at the close.

use super::*;

pub(crate) const INTEGRITY_HINT: &str = "the ballot store was changed outside polity: do not close; restore the database from a backup and run `polity audit verify`";

/// T1: the ballot store holds exactly one ballot per voter who cast one (the `ballot-cast` events,
/// replacements counted once), with distinct receipts, each a ranking `decide` would accept.
/// Anything else means the store was written behind polity's back: the count is refused.
pub fn check_ballot_store(election: &Election, ballots: &[(String, Vec<Vec<String>>)]) -> Result<(), Rejection> {
    let integrity = |message: String| Rejection {
        rule: RuleId::T1,
        message: format!("integrity: {message}"),
        hint: INTEGRITY_HINT.to_owned(),
        words: None,
    };
    if ballots.len() != election.voted.len() {
        return Err(integrity(format!(
            "the ballot store holds {} ballot(s) for {}, but {} voter(s) cast one",
            ballots.len(),
            election.id,
            election.voted.len()
        )));
    }
    let receipts: BTreeSet<&str> = ballots.iter().map(|(receipt, _)| receipt.as_str()).collect();
    if receipts.len() != ballots.len() {
        return Err(integrity(format!("two ballots of {} share a receipt", election.id)));
    }
    for (receipt, ranking) in ballots {
        let mut seen = BTreeSet::new();
        let well_formed = ranking.iter().all(|tier| !tier.is_empty())
            && ranking
                .iter()
                .flatten()
                .all(|candidate| election.candidates.contains(candidate) && seen.insert(candidate));
        if !well_formed {
            return Err(integrity(format!(
                "the stored ballot {receipt} is not a ranking of {}'s candidates",
                election.id
            )));
        }
    }
    Ok(())
}

/// A secret ballot: the window, the electorate, the ballot's shape, and the voter's key.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cast_ballot(
    state: &State,
    election: &str,
    ranking: &[Vec<String>],
    abstain: bool,
    key: &str,
    replaces: Option<&str>,
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    crate::standing::may_vote(state, election, &actor, now)?;
    let election = election_in(state, election, Phase::Voting)?;
    let body = state.body(&election.body)?;
    let rule_id = election_rule_id(body, election.seat);
    // T1: a ballot that is accepted can always be counted: no empty rank, no unknown or repeated
    // candidate, at most one rank per candidate.
    if let Some(position) = ranking.iter().position(Vec::is_empty) {
        return reject(
            RuleId::RValue,
            format!("rank {} of the ballot is empty", position + 1),
            "leave out empty ranks: list the candidates best first, ties in one rank",
        );
    }
    if ranking.is_empty() && !abstain {
        return reject(
            rule_id,
            "the ballot ranks no candidate",
            "rank at least one candidate, or abstain explicitly (a blank ballot counts toward turnout)",
        )
        .map_err(|refusal| refusal.said("blank-ballot", &[]));
    }
    if abstain && !ranking.is_empty() {
        return reject(
            RuleId::RValue,
            "a ballot that abstains ranks no candidate",
            "either rank candidates or abstain",
        )
        .map_err(|refusal| refusal.said("abstain-and-rank", &[]));
    }
    let mut seen = BTreeSet::new();
    for candidate in ranking.iter().flatten() {
        if !election.candidates.contains(candidate) {
            return crate::refusal(
                "not-on-the-ballot",
                rule_id,
                &[
                    ("candidate", candidate.to_string()),
                    ("candidates", election.candidates.join(", ")),
                ],
                format!("{candidate:?} is not a candidate"),
                format!("rank only: {}", election.candidates.join(", ")),
            );
        }
        if !seen.insert(candidate) {
            return crate::refusal(
                "ranked-twice",
                rule_id,
                &[("candidate", candidate.to_string())],
                format!("{candidate} is ranked twice"),
                "rank each candidate once",
            );
        }
    }
    let Some(key) = secret::normalise_key(key) else {
        return crate::refusal(
            "bad-ballot-key",
            RuleId::RValue,
            &[],
            "the new ballot's key is not 32 hex digits",
            "let polity draw the ballot key",
        );
    };
    let new_hash = secret::key_hash(&key);
    let voted = election.voted.contains(&actor);
    match (voted, replaces) {
        (true, None) => {
            return reject(
                rule_id,
                format!("{actor} has already voted"),
                "to vote again, give the ballot key you were shown with your earlier ballot (--replace KEY)",
            )
            .map_err(|refusal| refusal.said("already-voted", &[("person", actor.clone())]));
        }
        (false, Some(_)) => {
            return reject(
                rule_id,
                format!("{actor} has no earlier ballot to replace"),
                "vote without --replace",
            );
        }
        (true, Some(old)) => {
            let Some(expected) = election.keys.get(&actor) else {
                return reject(
                    rule_id,
                    format!("{actor}'s ballot was cast before ballot keys existed and cannot be replaced"),
                    "your first ballot stands",
                );
            };
            let given = secret::normalise_key(old).map(|old| secret::key_hash(&old));
            if given.as_ref() != Some(expected) {
                return reject(
                    RuleId::T1,
                    "that is not the key of your ballot",
                    "give the ballot key you were shown when you last voted (a receipt is not a key)",
                )
                .map_err(|refusal| refusal.said("wrong-ballot-key", &[]));
            }
            if new_hash == *expected {
                return crate::refusal(
                    "reused-ballot-key",
                    RuleId::RValue,
                    &[],
                    "the new ballot needs a new key",
                    "let polity draw the ballot key",
                );
            }
        }
        (false, None) => {}
    }
    Ok(vec![Event::BallotCast {
        election: election.id.clone(),
        voter: actor,
        replaced: voted,
        key_hash: Some(new_hash),
    }])
}

/// The ranking syntax of the command line: `alice>bob=chen>dana` (best first, `=` ties), spaces
/// around names ignored, empty names and empty ranks left out.
pub fn parse_ranking(text: &str) -> Vec<Vec<String>> {
    text.split('>')
        .map(|tier| {
            tier.split('=')
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|tier| !tier.is_empty())
        .collect()
}
