//! A motion's subject: which act it is (and so which rule governs it), the checks of a promotion
//! or a seat change before the vote, and the events when it carries (L1, L6, L7, E4–E7, E11).

use super::*;

/// The act a motion's subject is (the subjects given: a transition, a promotion, a seat removed, a
/// seat appointed, no confidence); none for a plain motion.
pub(crate) fn act_of(
    transition: bool,
    promote: bool,
    remove: Option<Seat>,
    appoint: Option<Seat>,
    no_confidence: bool,
) -> Option<polity_model::Act> {
    use polity_model::Act;
    match (remove, appoint) {
        _ if transition => Some(Act::Transition),
        _ if promote => Some(Act::PromoteCommitter),
        (Some(Seat::Ptl), _) => Some(Act::RecallPtl),
        (Some(_), _) => Some(Act::RemoveLeads),
        (_, Some(Seat::TechLead)) => Some(Act::AppointTechLeads),
        (_, Some(_)) => Some(Act::AppointChairs),
        _ if no_confidence => Some(Act::NoConfidence),
        _ => None,
    }
}

/// The events of a carried motion's subject: the transition (L1, L7), the term ended (E4, E7) or
/// started (E5, E6), no confidence (L6), the promotion (E11).
pub(crate) fn carried_subject(motion: &Motion, body: &Body, on: Date) -> Vec<Event> {
    let mut events = Vec::new();
    if let Some((target, to)) = &motion.transition {
        events.push(Event::BodyTransitioned {
            body: target.clone(),
            to: to.clone(),
            on: on.to_string(),
            motion: motion.id.clone(),
        });
    }
    if let Some((person, seat)) = &motion.remove {
        events.push(Event::TermEnded {
            body: motion.body.clone(),
            person: person.clone(),
            seat: seat.clone(),
            on: on.to_string(),
            motion: motion.id.clone(),
        });
    }
    if let Some((person, seat)) = &motion.appoint {
        events.push(Event::TermStarted {
            body: motion.body.clone(),
            person: person.clone(),
            seat: seat.clone(),
            from: on.to_string(),
            until: body.term.map(|term| term.after(on).to_string()),
            election: motion.id.clone(),
            class: None,
        });
    }
    if motion.no_confidence {
        events.push(Event::NoConfidence {
            body: motion.body.clone(),
            motion: motion.id.clone(),
        });
    }
    if let Some(person) = &motion.promote {
        events.push(Event::CommitterPromoted {
            body: motion.body.clone(),
            person: person.clone(),
            motion: motion.id.clone(),
        });
    }
    events
}

/// E11, S7: the person to promote to committer of `deciding`, if they may be.
pub(crate) fn checked_promotion(state: &State, deciding: &Body, person: &str, on: Date) -> Result<String, Rejection> {
    let person = state.person_id(person)?;
    if state.electorate(deciding, Electorate::Committers, on).contains(&person) {
        return reject(
            RuleId::E11,
            format!("{person} is already a committer of {}", deciding.id),
            "nothing to promote",
        );
    }
    if deciding.committers.is_none() {
        return reject(
            RuleId::S7,
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
) -> Result<(String, String), Rejection> {
    if appoint && !matches!(seat, Seat::Chair | Seat::CoChair | Seat::TechLead) {
        return reject(
            act_rule,
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
        (false, false) => reject(
            act_rule,
            format!("{person} holds no {} seat in {} on {on}", seat.as_str(), deciding.id),
            "name a current holder of the seat",
        ),
        (true, true) => reject(
            act_rule,
            format!("{person} already holds a {} seat in {}", seat.as_str(), deciding.id),
            "nothing to appoint",
        ),
        _ => Ok((person, seat.as_str().to_owned())),
    }
}
