//! Liaisons: volunteers and the PTL's choice (E9), sign-offs by an area's liaison (D10).

use super::*;

/// `decide` for this process's commands (the top-level `decide` dispatches them here).
pub(crate) fn decide(state: &State, command: &Command, actor: String, on: Date) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::VolunteerLiaison(crate::command::VolunteerLiaison { body, area }) => {
            decide_volunteer_liaison(state, body, area, actor, on)
        }
        Command::ChooseLiaison(crate::command::ChooseLiaison { body, area, person }) => {
            decide_choose_liaison(state, body, area, person, actor, on)
        }
        Command::SignOff(crate::command::SignOff { body, area, subject }) => {
            decide_sign_off(state, body, area, subject, actor)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::LiaisonVolunteered { body, area, person } => {
            state
                .volunteers
                .entry((body.clone(), area.clone()))
                .or_default()
                .insert(person.clone());
        }
        Event::LiaisonChosen { body, area, person, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.liaisons.insert(
                    area.clone(),
                    vec![polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    }],
                );
            }
        }
        Event::SignedOff { .. } => {}
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

pub(crate) fn check_area(state: &State, area: &str) -> Result<(), Rejection> {
    let areas = &state.polity.constitution.liaison_areas;
    if !areas.is_empty() && !areas.iter().any(|known| known == area) {
        return crate::refusal(
            "no-such-area",
            RuleId::S9,
            &[("area", area.to_owned()), ("areas", areas.join(", "))],
            format!("{area:?} is not a liaison area"),
            format!("use one of: {}", areas.join(", ")),
        );
    }
    Ok(())
}

fn decide_volunteer_liaison(
    state: &State,
    body: &str,
    area: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    check_area(state, area)?;
    if body.committers.is_some() && !state.electorate(body, Electorate::Committers, on).contains(&actor) {
        return crate::refusal(
            "not-a-committer",
            RuleId::E9,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!("{actor} is not a committer of {}", body.id),
            "liaisons volunteer from the project's committers",
        );
    }
    Ok(vec![Event::LiaisonVolunteered {
        body: body.id.clone(),
        area: area.to_owned(),
        person: actor,
    }])
}

fn decide_choose_liaison(
    state: &State,
    body: &str,
    area: &str,
    person: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    check_area(state, area)?;
    if !seat_holders(body, &[Seat::Ptl], &state.polity, on).contains(&actor) {
        return crate::refusal(
            "not-the-ptl",
            RuleId::E9,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!("{actor} is not the PTL of {}", body.id),
            "the PTL picks among the volunteers",
        );
    }
    let person = state.person_id(person)?;
    let volunteers = state
        .volunteers
        .get(&(body.id.clone(), area.to_owned()))
        .cloned()
        .unwrap_or_default();
    if !volunteers.contains(&person) {
        return crate::refusal(
            "did-not-volunteer",
            RuleId::E9,
            &[
                ("person", person.clone()),
                ("area", area.to_owned()),
                ("body", body.id.clone()),
                ("volunteers", volunteers.iter().cloned().collect::<Vec<_>>().join(", ")),
            ],
            format!("{person} did not volunteer for {area} in {}", body.id),
            format!(
                "liaisons are volunteers: pick one of {}",
                if volunteers.is_empty() {
                    "(none yet)".to_owned()
                } else {
                    volunteers.into_iter().collect::<Vec<_>>().join(", ")
                }
            ),
        );
    }
    Ok(vec![Event::LiaisonChosen {
        body: body.id.clone(),
        area: area.to_owned(),
        person,
        by: actor,
    }])
}

fn decide_sign_off(
    state: &State,
    body: &str,
    area: &str,
    subject: &str,
    actor: String,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    let liaisons: BTreeSet<String> = body
        .liaisons
        .get(area)
        .into_iter()
        .flatten()
        .filter_map(|reference| state.polity.person(&reference.text))
        .map(|person| person.id.clone())
        .collect();
    if !liaisons.contains(&actor) {
        return crate::refusal(
            "not-the-liaison",
            RuleId::D10,
            &[
                ("person", actor.clone()),
                ("area", area.to_owned()),
                ("body", body.id.clone()),
                ("liaisons", liaisons.iter().cloned().collect::<Vec<_>>().join(", ")),
            ],
            format!("{actor} is not the {area} liaison of {}", body.id),
            format!(
                "the {area} liaison signs off within the area: {}",
                liaisons.into_iter().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    Ok(vec![Event::SignedOff {
        body: body.id.clone(),
        area: area.to_owned(),
        subject: subject.to_owned(),
        by: actor,
    }])
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::Command;
    use crate::RuleId;
    use crate::testing::{given, refused};

    #[test]
    fn e9_committers_volunteer_and_the_ptl_chooses_among_them() {
        let mut record = given("cfn-working-group");
        let volunteer = Command::VolunteerLiaison(crate::command::VolunteerLiaison {
            body: "computing-scheduling".into(),
            area: "docs".into(),
        });
        refused(record.when("gus", date(2026, 6, 20), &volunteer), RuleId::E9);
        let choose = |person: &str| {
            Command::ChooseLiaison(crate::command::ChooseLiaison {
                body: "computing-scheduling".into(),
                area: "docs".into(),
                person: person.into(),
            })
        };
        refused(record.when("dana", date(2026, 6, 21), &choose("kai")), RuleId::E9);
        record.act("kai", date(2026, 6, 20), volunteer);
        refused(record.when("fang", date(2026, 6, 21), &choose("kai")), RuleId::E9);
        assert!(record.when("dana", date(2026, 6, 21), &choose("kai")).is_ok());
        let unknown = Command::VolunteerLiaison(crate::command::VolunteerLiaison {
            body: "computing-scheduling".into(),
            area: "catering".into(),
        });
        assert!(record.when("kai", date(2026, 6, 21), &unknown).is_err());
    }
}
