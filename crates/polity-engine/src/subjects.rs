//! A motion's subject: which act it is (and so which rule governs it), the checks of a promotion
//! or a seat change before the vote, and the events when it carries (L1, L6, L7, E4–E7, E11).

use super::*;

/// The events of a carried motion's subject: the transition (L1, L7), the term ended (E4, E7) or
/// started (E5, E6), no confidence (L6), the promotion (E11).
pub(crate) fn carried_subject(motion: &Motion, body: &Body, on: Date) -> Vec<Event> {
    let Some(subject) = &motion.subject else {
        return Vec::new();
    };
    let event = match subject.clone() {
        Subject::Transition { body: target, to } => Event::BodyTransitioned {
            body: target,
            to,
            on,
            motion: motion.id.clone(),
        },
        Subject::Remove { person, seat } => Event::TermEnded {
            body: motion.body.clone(),
            person,
            seat,
            on,
            motion: motion.id.clone(),
        },
        Subject::Appoint { person, seat } => Event::TermStarted {
            body: motion.body.clone(),
            person,
            seat,
            from: on,
            until: body.term.map(|term| term.after(on)),
            election: motion.id.clone(),
            class: None,
        },
        Subject::NoConfidence => Event::NoConfidence {
            body: motion.body.clone(),
            motion: motion.id.clone(),
        },
        Subject::Promote { person } => Event::CommitterPromoted {
            body: motion.body.clone(),
            person,
            motion: motion.id.clone(),
        },
    };
    vec![event]
}

/// The subject checked before the vote, with people named by their ids.
pub(crate) fn checked_subject(
    state: &State,
    deciding: &Body,
    subject: &Subject,
    act_rule: RuleId,
    on: Date,
) -> Result<Subject, Rejection> {
    Ok(match subject {
        Subject::Transition { body, to } => {
            let target = state.body(body)?;
            check_transition(state, deciding, target, *to, on)?;
            Subject::Transition {
                body: target.id.clone(),
                to: *to,
            }
        }
        Subject::Promote { person } => Subject::Promote {
            person: checked_promotion(state, deciding, person, on)?,
        },
        Subject::Remove { person, seat } => {
            let (person, seat) = checked_seat_change(state, deciding, person, *seat, false, act_rule, on)?;
            Subject::Remove { person, seat }
        }
        Subject::Appoint { person, seat } => {
            let (person, seat) = checked_seat_change(state, deciding, person, *seat, true, act_rule, on)?;
            Subject::Appoint { person, seat }
        }
        Subject::NoConfidence => {
            if !matches!(
                deciding.kind,
                BodyKind::Sig | BodyKind::WorkingGroup | BodyKind::SubGroup
            ) {
                return crate::refusal(
                    "no-confidence-target",
                    RuleId::L6,
                    &[("body", deciding.id.clone())],
                    format!("{} is not a SIG or group under an overseeing body", deciding.id),
                    "no confidence is passed in a SIG by its overseeing body",
                );
            }
            Subject::NoConfidence
        }
    })
}

/// E11, S7: the person to promote to committer of `deciding`, if they may be.
pub(crate) fn checked_promotion(state: &State, deciding: &Body, person: &str, on: Date) -> Result<String, Rejection> {
    let person = state.person_id(person)?;
    if state.electorate(deciding, Electorate::Committers, on).contains(&person) {
        return crate::refusal(
            "already-committer",
            RuleId::E11,
            &[("person", person.clone()), ("body", deciding.id.clone())],
            format!("{person} is already a committer of {}", deciding.id),
            "nothing to promote",
        );
    }
    if deciding.committers.is_none() {
        return crate::refusal(
            "no-committers",
            RuleId::S7,
            &[("body", deciding.id.clone())],
            format!("{} has no committers", deciding.id),
            "committer rights are per project: promote in a project that lists committers",
        );
    }
    Ok(person)
}

/// E4, E5, E6, E7: the person and seat of a removal (`appoint` false: they must hold it) or an
/// appointment (`appoint` true: a chair, co-chair or technical lead seat they do not hold).
pub(crate) fn checked_seat_change(
    state: &State,
    deciding: &Body,
    person: &str,
    seat: Seat,
    appoint: bool,
    act_rule: RuleId,
    on: Date,
) -> Result<(String, Seat), Rejection> {
    if appoint && !matches!(seat, Seat::Chair | Seat::CoChair | Seat::TechLead) {
        return crate::refusal(
            "elected-not-appointed",
            act_rule,
            &[("seat", seat.as_str().to_owned())],
            format!("{} seats are elected, not appointed", seat.as_str()),
            "appoint chairs, co-chairs or technical leads",
        );
    }
    let person = state.person_id(person)?;
    let holds = deciding.holders_on(seat, on).any(|holding| {
        state
            .polity
            .person(&holding.person.text)
            .is_some_and(|found| found.id == person)
    });
    match (appoint, holds) {
        (false, false) => crate::refusal(
            "holds-no-seat",
            act_rule,
            &[
                ("person", person.clone()),
                ("seat", seat.as_str().to_owned()),
                ("body", deciding.id.clone()),
                ("date", on.to_string()),
            ],
            format!("{person} holds no {} seat in {} on {on}", seat.as_str(), deciding.id),
            "name a current holder of the seat",
        ),
        (true, true) => crate::refusal(
            "holds-seat",
            act_rule,
            &[
                ("person", person.clone()),
                ("seat", seat.as_str().to_owned()),
                ("body", deciding.id.clone()),
            ],
            format!("{person} already holds a {} seat in {}", seat.as_str(), deciding.id),
            "nothing to appoint",
        ),
        _ => Ok((person, seat)),
    }
}
