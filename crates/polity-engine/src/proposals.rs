//! Lazy consensus (D7) and the overseeing body's intervention (D11).

use super::*;

/// `decide` for this process's commands (the top-level `decide` dispatches them here).
pub(crate) fn decide(
    state: &State,
    command: &Command,
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    let on = now.date();
    match command {
        Command::Propose(crate::command::Propose { body, title, deadline }) => {
            decide_propose(state, body, title, deadline, actor, on)
        }
        Command::Object(crate::command::Object { proposal, reason }) => {
            decide_object(state, proposal, reason, actor, now)
        }
        Command::ConcludeProposal(crate::command::ConcludeProposal { proposal }) => {
            decide_conclude_proposal(state, proposal, now)
        }
        Command::Intervene(crate::command::Intervene { target, reason }) => {
            decide_intervene(state, target, reason, actor, on)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::ProposalOpened {
            proposal,
            body,
            title,
            deadline,
            ..
        } => {
            state.proposals.insert(
                proposal.clone(),
                LazyProposal {
                    id: proposal.clone(),
                    body: body.clone(),
                    title: title.clone(),
                    deadline: *deadline,
                    objected: None,
                    accepted: false,
                    stopped: false,
                },
            );
        }
        Event::ProposalObjected { proposal, motion, .. } => {
            if let Some(proposal) = state.proposals.get_mut(proposal) {
                proposal.objected = Some(motion.clone());
            }
        }
        Event::ProposalAccepted { proposal } => {
            if let Some(proposal) = state.proposals.get_mut(proposal) {
                proposal.accepted = true;
            }
        }
        Event::Intervened { target, .. } => {
            if let Some(proposal) = state.proposals.get_mut(target) {
                proposal.stopped = true;
            }
            if let Some(motion) = state.motions.get_mut(target) {
                motion.outcome = Some("stopped by the overseeing body".to_owned());
            }
        }
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

pub(crate) fn open_proposal<'a>(state: &'a State, id: &str) -> Result<&'a LazyProposal, Rejection> {
    match state.proposals.get(id) {
        None => crate::refusal(
            "no-such-proposal",
            RuleId::RRef,
            &[("proposal", id.to_owned())],
            format!("there is no proposal {id:?}"),
            "name a proposal shown by `polity log`",
        ),
        Some(proposal) if proposal.stopped => crate::refusal(
            "proposal-stopped",
            RuleId::D11,
            &[("proposal", id.to_owned())],
            format!("{id} was stopped by the overseeing body"),
            "make a new proposal",
        ),
        Some(proposal) if proposal.accepted => crate::refusal(
            "proposal-passed",
            RuleId::D7,
            &[("proposal", id.to_owned())],
            format!("{id} already passed"),
            "nothing to do",
        ),
        Some(proposal) if proposal.objected.is_some() => crate::refusal(
            "proposal-objected",
            RuleId::D7,
            &[
                ("proposal", id.to_owned()),
                ("motion", proposal.objected.clone().unwrap_or_default()),
            ],
            format!(
                "{id} met an objection and is a vote now: motion {}",
                proposal.objected.as_deref().unwrap_or_default()
            ),
            "vote on the motion",
        ),
        Some(proposal) => Ok(proposal),
    }
}

fn decide_propose(
    state: &State,
    body: &str,
    title: &str,
    deadline: &Date,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    require_member(state, body, &actor, on, RuleId::D7, "a member makes proposals")?;
    if body.decides_by.is_none() {
        return crate::refusal(
            "no-objection-rule",
            RuleId::D7,
            &[("body", body.id.clone())],
            format!("{} names no decision rule for an objection's vote", body.id),
            "set `decides-by:` in the body's file",
        );
    }
    if *deadline <= on {
        return crate::refusal(
            "review-too-short",
            RuleId::D7,
            &[("date", on.to_string())],
            format!("the review period must end after {on}"),
            "give a later --until",
        );
    }
    let existing = state
        .proposals
        .keys()
        .filter(|id| id.starts_with(&format!("{}/", body.id)))
        .count();
    Ok(vec![Event::ProposalOpened {
        proposal: new_id("p", &body.id, existing),
        body: body.id.clone(),
        title: title.to_owned(),
        deadline: *deadline,
        by: actor,
    }])
}

fn decide_object(
    state: &State,
    proposal: &str,
    reason: &str,
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    let on = now.date();
    let proposal = open_proposal(state, proposal)?;
    let body = state.body(&proposal.body)?;
    require_member(
        state,
        body,
        &actor,
        on,
        RuleId::D7,
        "members object; others ask a member",
    )?;
    if state.reached(now, proposal.deadline) {
        let deadline = state.deadline_text(proposal.deadline);
        return reject(
            RuleId::D7,
            format!("the review period of {} ended on {deadline}", proposal.id),
            "conclude it; object to the next proposal in time",
        )
        .map_err(|refusal| {
            refusal.said(
                "objection-late",
                &[("proposal", proposal.id.clone()), ("date", deadline.clone())],
            )
        });
    }
    let existing = state
        .motions
        .keys()
        .filter(|id| id.starts_with(&format!("{}/", body.id)))
        .count();
    let motion = new_id("m", &body.id, existing);
    Ok(vec![
        Event::ProposalObjected {
            proposal: proposal.id.clone(),
            by: actor.clone(),
            reason: reason.to_owned(),
            motion: motion.clone(),
        },
        Event::MotionOpened {
            motion,
            body: body.id.clone(),
            title: proposal.title.clone(),
            rule: body.decides_by.as_ref().map(|rule| rule.id.clone()).unwrap_or_default(),
            subject: None,
            meeting: None,
            large: false,
            electorates: vec![Electorate::Members],
            closes: None,
            by: actor,
        },
    ])
}

fn decide_conclude_proposal(
    state: &State,
    proposal: &str,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    let proposal = open_proposal(state, proposal)?;
    if !state.reached(now, proposal.deadline) {
        let deadline = state.deadline_text(proposal.deadline);
        return reject(
            RuleId::D7,
            format!("the review period of {} runs until {deadline}", proposal.id),
            "conclude it after the deadline",
        )
        .map_err(|refusal| {
            refusal.said(
                "conclude-early",
                &[("proposal", proposal.id.clone()), ("date", deadline.clone())],
            )
        });
    }
    Ok(vec![Event::ProposalAccepted {
        proposal: proposal.id.clone(),
    }])
}

fn decide_intervene(
    state: &State,
    target: &str,
    reason: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let (body_id, open) = match (state.proposals.get(target), state.motions.get(target)) {
        (Some(proposal), _) => (
            proposal.body.clone(),
            !proposal.accepted && !proposal.stopped && proposal.objected.is_none(),
        ),
        (None, Some(motion)) => (motion.body.clone(), motion.outcome.is_none()),
        (None, None) => {
            return crate::refusal(
                "no-such-target",
                RuleId::RRef,
                &[("target", target.to_owned())],
                format!("there is no proposal or motion {target:?}"),
                "name one shown by `polity log`",
            );
        }
    };
    let body = state.body(&body_id)?;
    let Some(overseer) = overseer(&state.polity, body) else {
        return crate::refusal(
            "no-overseer",
            RuleId::D11,
            &[("body", body.id.clone())],
            format!("{} has no overseeing body", body.id),
            "only a group under the TOC can be overruled by it",
        );
    };
    if !voting_members(&state.polity, overseer, on).contains(&actor) {
        return crate::refusal(
            "not-overseer-member",
            RuleId::D11,
            &[
                ("person", actor.clone()),
                ("overseer", overseer.id.clone()),
                ("body", body.id.clone()),
            ],
            format!("{actor} is not a member of {}, which oversees {}", overseer.id, body.id),
            "a member of the overseeing body intervenes",
        );
    }
    if !open {
        return crate::refusal(
            "already-decided",
            RuleId::D11,
            &[("target", target.to_owned())],
            format!("{target} is already decided"),
            "intervene while it is open",
        );
    }
    Ok(vec![Event::Intervened {
        target: target.to_owned(),
        by: actor,
        reason: reason.to_owned(),
    }])
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::RuleId;
    use crate::testing::{given, refused};
    use crate::{Command, Event};

    /// D7 with `deadline-time: "18:00"`: the review period ends at 18:00 of the deadline's date in
    /// the community's zone: an objection at 17:59 is in time, one at 18:00 is late, and the
    /// proposal is concluded from 18:00, not before.
    #[test]
    fn d7_the_review_period_ends_at_the_constitutions_deadline_time() {
        let record = crate::testing::given_edited("cfn-working-group", |path, content| {
            if path == "polity.yaml" {
                content.replace(
                    "time-zone: Asia/Shanghai",
                    "time-zone: Asia/Shanghai\ndeadline-time: \"18:00\"",
                )
            } else {
                content
            }
        });
        let mut record = record;
        record.act(
            "gus",
            date(2026, 6, 20),
            Command::Propose(crate::command::Propose {
                body: "tsc".into(),
                title: "Meet on Thursdays".into(),
                deadline: date(2026, 6, 30),
            }),
        );
        let object = Command::Object(crate::command::Object {
            proposal: "tsc/p1".into(),
            reason: "Thursdays clash".into(),
        });
        let conclude = Command::ConcludeProposal(crate::command::ConcludeProposal {
            proposal: "tsc/p1".into(),
        });
        let deadline = date(2026, 6, 30);
        assert!(record.when_at("bob", deadline.at(17, 59, 0, 0), &object).is_ok());
        let late = refused(record.when_at("bob", deadline.at(18, 0, 0, 0), &object), RuleId::D7);
        assert_eq!(
            late.message,
            "the review period of tsc/p1 ended on 2026-06-30 18:00 Asia/Shanghai"
        );
        let early = refused(record.when_at("gus", deadline.at(17, 59, 0, 0), &conclude), RuleId::D7);
        assert_eq!(
            early.message,
            "the review period of tsc/p1 runs until 2026-06-30 18:00 Asia/Shanghai"
        );
        assert!(record.when_at("gus", deadline.at(18, 0, 0, 0), &conclude).is_ok());
    }

    #[test]
    fn d7_a_proposal_passes_without_objection_and_only_members_object() {
        let mut record = given("cfn-working-group");
        record.act(
            "gus",
            date(2026, 6, 20),
            Command::Propose(crate::command::Propose {
                body: "tsc".into(),
                title: "Meet on Thursdays".into(),
                deadline: date(2026, 6, 30),
            }),
        );
        let object = Command::Object(crate::command::Object {
            proposal: "tsc/p1".into(),
            reason: "Thursdays clash".into(),
        });
        refused(record.when("jun", date(2026, 6, 21), &object), RuleId::D7);
        let conclude = Command::ConcludeProposal(crate::command::ConcludeProposal {
            proposal: "tsc/p1".into(),
        });
        refused(record.when("gus", date(2026, 6, 25), &conclude), RuleId::D7);
        assert_eq!(
            record.when("gus", date(2026, 6, 30), &conclude).unwrap(),
            vec![Event::ProposalAccepted {
                proposal: "tsc/p1".into()
            }]
        );
    }
}
