//! Reports (L8), the recorded roll (E2), working groups dissolved (S4), and the state of bodies, seats and terms that transitions, appointments and elections change (L1, L2, L3, L6, L7, E5, E6, E7, E11).

use super::*;

/// `decide` for this process's commands (the top-level `decide` dispatches them here).
pub(crate) fn decide(state: &State, command: &Command, actor: String, on: Date) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::SubmitReport(crate::command::SubmitReport { body, report, link }) => {
            decide_submit_report(state, body, report, link.as_deref(), actor, on)
        }
        Command::RecordRoll(crate::command::RecordRoll {
            from,
            rule,
            members,
            sources,
        }) => decide_record_roll(state, from, rule, members, sources, actor, on),
        Command::DissolveWorkingGroup(crate::command::DissolveWorkingGroup { body }) => {
            decide_dissolve_working_group(state, body, actor, on)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::RollRecorded { members, .. } => {
            state.polity.constitution.roll = members
                .iter()
                .map(|member| polity_model::PersonRef {
                    text: member.clone(),
                    loc: Loc::default(),
                })
                .collect();
        }
        Event::RegistryRecorded { files, .. } => {
            let loaded = polity_registry::load_sources(
                &files
                    .iter()
                    .map(|file| (file.path.clone(), file.content.clone()))
                    .collect::<Vec<_>>(),
            );
            state.polity = loaded.polity;
            state.recorded = true;
        }
        Event::ReportSubmitted {
            body, on, report, link, ..
        } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.reports.push(Report {
                    on: *on,
                    kind: *report,
                    link: link.clone(),
                    loc: body.loc,
                });
            }
        }
        Event::BodyTransitioned { body, to, on, motion } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.state = Some(*to);
                body.history.push(StateChange {
                    state: *to,
                    on: *on,
                    motion: Some(motion.clone()),
                    loc: body.loc,
                });
            }
        }
        Event::TermEnded {
            body, person, seat, on, ..
        } => {
            let on = *on;
            let seat = *seat;
            let polity = &state.polity;
            let matches: Vec<usize> = polity
                .body(body)
                .map(|found| {
                    found
                        .holders
                        .iter()
                        .enumerate()
                        .filter(|(_, holding)| {
                            holding.seat == seat
                                && holding.covers(on)
                                && polity.person(&holding.person.text).is_some_and(|p| p.id == *person)
                        })
                        .map(|(index, _)| index)
                        .collect()
                })
                .unwrap_or_default();
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                for index in matches {
                    body.holders[index].until = Some(on);
                }
            }
        }
        Event::WorkingGroupDissolved { body, on, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                body.state = Some(LifecycleState::Archived);
                body.history.push(StateChange {
                    state: LifecycleState::Archived,
                    on: *on,
                    motion: Some(format!("S4 dissolution of {}", body.id)),
                    loc: body.loc,
                });
            }
        }
        Event::NoConfidence { .. } => {}
        Event::CommitterPromoted { body, person, .. } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.committers
                    .get_or_insert_with(Vec::new)
                    .push(polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    });
            }
        }
        Event::TermStarted {
            body,
            person,
            seat,
            from,
            until,
            class,
            ..
        } => {
            if let Some(body) = state.polity.bodies.iter_mut().find(|candidate| candidate.id == *body) {
                let loc = body.loc;
                body.holders.push(Holding {
                    person: polity_model::PersonRef {
                        text: person.clone(),
                        loc,
                    },
                    seat: *seat,
                    from: *from,
                    until: *until,
                    class: class.clone(),
                    loc,
                });
            }
        }
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

fn decide_submit_report(
    state: &State,
    body: &str,
    report: &ReportKind,
    link: Option<&str>,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    let owners: BTreeSet<String> = seat_holders(body, &[Seat::Chair, Seat::CoChair, Seat::TechLead], &state.polity, on)
        .into_iter()
        .chain(
            body.staff_liaison
                .iter()
                .filter_map(|reference| state.polity.person(&reference.text))
                .map(|person| person.id.clone()),
        )
        .collect();
    if !owners.contains(&actor) {
        return crate::refusal(
            "may-not-report",
            RuleId::L8,
            &[
                ("person", actor.clone()),
                ("body", body.id.clone()),
                ("owners", owners.iter().cloned().collect::<Vec<_>>().join(", ")),
            ],
            format!("{actor} may not submit {}'s report", body.id),
            format!(
                "a chair, technical lead or the staff liaison submits it: {}",
                owners.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    Ok(vec![Event::ReportSubmitted {
        body: body.id.clone(),
        on,
        report: *report,
        link: link.map(str::to_owned),
        by: actor,
    }])
}

fn decide_record_roll(
    state: &State,
    from: &Date,
    rule: &str,
    members: &[String],
    sources: &[String],
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let polity = &state.polity;
    let officers: BTreeSet<String> = polity
        .bodies
        .iter()
        .filter(|body| body.kind == BodyKind::OversightCommittee)
        .flat_map(|body| seat_holders(body, &[Seat::Chair, Seat::CoChair, Seat::Member], polity, on))
        .collect();
    if !officers.contains(&actor) {
        return crate::refusal(
            "may-not-record-roll",
            RuleId::E2,
            &[
                ("person", actor.clone()),
                ("officers", officers.iter().cloned().collect::<Vec<_>>().join(", ")),
            ],
            format!("{actor} may not record the roll of active members"),
            format!(
                "a member of the oversight committee records it: {}",
                officers.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let mut ids = BTreeSet::new();
    for member in members {
        match polity.person(member) {
            Some(person) if person.bot => {
                return crate::refusal(
                    "bot-on-roll",
                    RuleId::E2,
                    &[("person", person.id.clone())],
                    format!("{} is a bot and never an active member", person.id),
                    "leave bots out of the roll",
                );
            }
            Some(person) => {
                ids.insert(person.id.clone());
            }
            None => {
                return crate::refusal(
                    "roll-stranger",
                    RuleId::RRef,
                    &[("person", member.to_string())],
                    format!("{member:?} on the roll is not a person of the registry"),
                    "add the person to the registry first",
                );
            }
        }
    }
    Ok(vec![Event::RollRecorded {
        on,
        from: *from,
        rule: rule.to_owned(),
        members: ids.into_iter().collect(),
        sources: sources.to_vec(),
        by: actor,
    }])
}

fn decide_dissolve_working_group(state: &State, body: &str, actor: String, on: Date) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    if body.kind != BodyKind::WorkingGroup || !body.is_live_on(on) {
        return crate::refusal(
            "not-a-working-group",
            RuleId::S4,
            &[("body", body.id.clone())],
            format!("{} is not a live working group", body.id),
            "only working groups are dissolved this way",
        );
    }
    let deciders: BTreeSet<String> = state
        .electorate(body, Electorate::Overseer, on)
        .into_iter()
        .chain(seat_holders(body, &[Seat::Chair, Seat::CoChair], &state.polity, on))
        .collect();
    if !deciders.contains(&actor) {
        return crate::refusal(
            "may-not-dissolve",
            RuleId::S4,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!("{actor} neither chairs {} nor sits on its overseeing body", body.id),
            "its chair or the overseeing body dissolves it",
        );
    }
    let charter = body.charter.clone().unwrap_or_default();
    let ended = charter.timetable_end.is_some_and(|end| end <= on);
    let delivered = !charter.deliverables.is_empty()
        && charter
            .deliverables
            .iter()
            .all(|deliverable| deliverable.delivered.is_some_and(|day| day <= on));
    if !ended && !delivered {
        return crate::refusal(
            "dissolve-early",
            RuleId::S4,
            &[
                ("body", body.id.clone()),
                (
                    "date",
                    charter.timetable_end.map_or("(none)".to_owned(), |end| end.to_string()),
                ),
            ],
            format!(
                "{}'s timetable runs until {} and deliverables are outstanding",
                body.id,
                charter.timetable_end.map_or("(none)".to_owned(), |end| end.to_string())
            ),
            "a working group is dissolved when its timetable ends or all its deliverables are delivered; before that, archive it by a motion",
        );
    }
    Ok(vec![Event::WorkingGroupDissolved {
        body: body.id.clone(),
        on,
        reason: if ended {
            "its timetable ended".to_owned()
        } else {
            "all its deliverables are delivered".to_owned()
        },
        by: actor,
    }])
}

/// L1, L2, L7: whether `deciding` may move `target` to `to` by motion.
pub(crate) fn check_transition(
    state: &State,
    deciding: &Body,
    target: &Body,
    to: LifecycleState,
    on: Date,
) -> Result<(), Rejection> {
    let responsible = overseer(&state.polity, target).map(|body| body.id.clone());
    let parent = target.parent.as_ref().map(|parent| parent.id.clone());
    if responsible.as_deref() != Some(deciding.id.as_str()) && parent.as_deref() != Some(deciding.id.as_str()) {
        return crate::refusal(
            "does-not-oversee",
            RuleId::L1,
            &[
                ("body", deciding.id.clone()),
                ("target", target.id.clone()),
                (
                    "overseer",
                    responsible
                        .clone()
                        .or(parent.clone())
                        .unwrap_or_else(|| "its overseeing body".to_owned()),
                ),
            ],
            format!("{} does not oversee {}", deciding.id, target.id),
            format!(
                "open the motion in {}",
                responsible
                    .or(parent)
                    .unwrap_or_else(|| "its overseeing body".to_owned())
            ),
        );
    }
    let current = target.state_on(on).or(target.state).unwrap_or(LifecycleState::Proposed);
    if !current.may_move_to(to) {
        return crate::refusal(
            "bad-transition",
            RuleId::L1,
            &[
                ("body", target.id.clone()),
                ("from", current.as_str().to_owned()),
                ("to", to.as_str().to_owned()),
            ],
            format!("{} cannot move from {} to {}", target.id, current.as_str(), to.as_str()),
            "groups move proposed → forming → active → archived; archived groups are reactivated (L7)",
        );
    }
    if target.kind == BodyKind::Sig && current == LifecycleState::Proposed && to.is_live() {
        let proposal = target.proposal.clone().unwrap_or_default();
        let mut gaps = Vec::new();
        if proposal.purpose.is_none() {
            gaps.push("states no purpose");
        }
        if proposal.leads.len() < 2 {
            gaps.push("has fewer than two volunteer leads");
        }
        if proposal.resources.is_none() {
            gaps.push("states no resources needed");
        }
        if !gaps.is_empty() {
            return crate::refusal(
                "sig-proposal-incomplete",
                RuleId::L3,
                &[("body", target.id.clone()), ("gaps", gaps.len().to_string())],
                format!("the proposed SIG {} {}", target.id, gaps.join(", ")),
                "complete `proposal:` (purpose, two or more leads, resources) in its file",
            );
        }
    }
    if target.kind == BodyKind::SubGroup && to == LifecycleState::Forming && current == LifecycleState::Proposed {
        let gaps = l2_gaps(&state.polity, target, on);
        if !gaps.is_empty() {
            let what: Vec<String> = gaps.iter().map(|(what, _, _)| format!("it {what}")).collect();
            let hints: Vec<&str> = gaps.iter().map(|(_, hint, _)| *hint).collect();
            return crate::refusal(
                "sub-group-incomplete",
                RuleId::L2,
                &[("body", target.id.clone()), ("gaps", gaps.len().to_string())],
                format!("{} cannot form: {}", target.id, what.join("; ")),
                hints.join("; "),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::RuleId;
    use crate::testing::{given, refused};
    use crate::{Command, Event};

    #[test]
    fn r_init_a_record_is_made_once_and_acts_need_one() {
        let record = given("cfn-working-group");
        let again = Command::RecordRegistry(crate::command::RecordRegistry { files: Vec::new() });
        refused(record.when("alice", date(2026, 6, 2), &again), RuleId::RInit);
        let empty = crate::testing::Given {
            state: crate::State::default(),
        };
        let report = Command::SubmitReport(crate::command::SubmitReport {
            body: "tsc".into(),
            report: polity_model::ReportKind::Quarterly,
            link: None,
        });
        refused(empty.when("alice", date(2026, 6, 2), &report), RuleId::RInit);
        let broken = Command::RecordRegistry(crate::command::RecordRegistry {
            files: vec![crate::SourceFile {
                path: "polity.yaml".into(),
                content: "name: \"an unclosed quote\n".into(),
            }],
        });
        refused(empty.when("alice", date(2026, 6, 2), &broken), RuleId::RSyntax);
    }

    #[test]
    fn l8_a_chair_submits_the_report_and_a_member_may_not() {
        let record = given("cfn-working-group");
        let report = Command::SubmitReport(crate::command::SubmitReport {
            body: "tsc".into(),
            report: polity_model::ReportKind::Quarterly,
            link: Some("https://example.org/tsc/2026-q2".into()),
        });
        assert_eq!(
            record.when("alice", date(2026, 6, 30), &report).unwrap(),
            vec![Event::ReportSubmitted {
                body: "tsc".into(),
                on: date(2026, 6, 30),
                report: polity_model::ReportKind::Quarterly,
                link: Some("https://example.org/tsc/2026-q2".into()),
                by: "alice".into(),
            }]
        );
        refused(record.when("gus", date(2026, 6, 30), &report), RuleId::L8);
    }

    fn transition(deciding: &str, target: &str, to: polity_model::LifecycleState) -> Command {
        Command::OpenMotion(crate::command::OpenMotion {
            body: deciding.into(),
            title: format!("{target} becomes {}", to.as_str()),
            rule: None,
            subject: Some(crate::Subject::Transition {
                body: target.into(),
                to,
            }),
            meeting: None,
            large: false,
            closes: None,
        })
    }

    #[test]
    fn l7_an_archived_group_is_reactivated_by_the_tsc() {
        use polity_model::LifecycleState::{Active, Proposed};
        let mut record = given("cfn-working-group");
        record.events(&[Event::BodyTransitioned {
            body: "computing-scheduling".into(),
            to: polity_model::LifecycleState::Archived,
            on: date(2026, 6, 10),
            motion: "tsc/m9".into(),
        }]);
        assert!(
            record
                .when(
                    "alice",
                    date(2026, 6, 20),
                    &transition("tsc", "computing-scheduling", Active)
                )
                .is_ok()
        );
        refused(
            record.when(
                "alice",
                date(2026, 6, 20),
                &transition("tsc", "computing-scheduling", Proposed),
            ),
            RuleId::L1,
        );
        refused(
            record.when(
                "dana",
                date(2026, 6, 20),
                &transition("computing-scheduling", "computing-scheduling", Active),
            ),
            RuleId::L1,
        );
    }
}
