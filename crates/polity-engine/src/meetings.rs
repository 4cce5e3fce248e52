//! Meetings: the chair whose turn it is (E8), agendas and requests (D5), proxies (D2), attendance and quorum (D1), minutes (D6).

use super::*;

/// `decide` for this process's commands (the top-level `decide` dispatches them here).
pub(crate) fn decide(state: &State, command: &Command, actor: String, on: Date) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::ScheduleMeeting(crate::command::ScheduleMeeting { body, on: meeting_on }) => {
            decide_schedule_meeting(state, body, meeting_on, actor, on)
        }
        Command::AddAgendaItem(crate::command::AddAgendaItem { meeting, item }) => {
            decide_add_agenda_item(state, meeting, item, actor, on)
        }
        Command::RequestAgendaItem(crate::command::RequestAgendaItem { meeting, item }) => {
            decide_request_agenda_item(state, meeting, item, actor)
        }
        Command::AcceptAgendaRequest(crate::command::AcceptAgendaRequest { meeting, request }) => {
            decide_accept_agenda_request(state, meeting, request, actor, on)
        }
        Command::DeclareProxy(crate::command::DeclareProxy { meeting, holder }) => {
            decide_declare_proxy(state, meeting, holder, actor, on)
        }
        Command::RecordAttendance(crate::command::RecordAttendance { meeting, present }) => {
            decide_record_attendance(state, meeting, present, actor)
        }
        Command::PublishMinutes(crate::command::PublishMinutes { meeting, link }) => {
            decide_publish_minutes(state, meeting, link, actor, on)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::MeetingScheduled {
            meeting,
            body,
            on,
            chair,
            ..
        } => {
            state.meetings.insert(
                meeting.clone(),
                Meeting {
                    id: meeting.clone(),
                    body: body.clone(),
                    on: *on,
                    chair: chair.clone(),
                    agenda: Vec::new(),
                    requests: Vec::new(),
                    proxies: BTreeMap::new(),
                    attending: None,
                    quorum_met: None,
                    minutes: None,
                },
            );
        }
        Event::AgendaItemAdded {
            meeting,
            item,
            by,
            accepted_by,
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                if accepted_by.is_some()
                    && let Some(request) = meeting
                        .requests
                        .iter_mut()
                        .find(|(requested, requester, accepted)| requested == item && requester == by && !*accepted)
                {
                    request.2 = true;
                }
                meeting.agenda.push((item.clone(), by.clone()));
            }
        }
        Event::AgendaItemRequested { meeting, item, by, .. } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.requests.push((item.clone(), by.clone(), false));
            }
        }
        Event::ProxyDeclared {
            meeting,
            member,
            holder,
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.proxies.insert(member.clone(), holder.clone());
            }
        }
        Event::AttendanceRecorded {
            meeting,
            attending,
            quorum_met,
            ..
        } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.attending = Some(attending.iter().cloned().collect());
                meeting.quorum_met = Some(*quorum_met);
            }
        }
        Event::MinutesPublished { meeting, link, .. } => {
            if let Some(meeting) = state.meetings.get_mut(meeting) {
                meeting.minutes = Some(link.clone());
            }
        }
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

pub(crate) fn meeting_of<'a>(state: &'a State, id: &str) -> Result<&'a Meeting, Rejection> {
    match state.meetings.get(id) {
        Some(meeting) => Ok(meeting),
        None => crate::refusal(
            "no-such-meeting",
            RuleId::RRef,
            &[("meeting", id.to_owned())],
            format!("there is no meeting {id:?}"),
            "name a meeting shown by `polity log`",
        ),
    }
}

/// D5: who may put items on a body's agenda directly, per its `agenda-open-to` list: its
/// members, the PTLs of projects under it, and the members (committers) of its sub-groups.
pub(crate) fn agenda_openers(state: &State, body: &Body, on: Date) -> BTreeSet<String> {
    let open_to = body
        .meetings
        .as_ref()
        .map(|meetings| meetings.agenda_open_to.clone())
        .unwrap_or_default();
    let mut allowed = voting_members(&state.polity, body, on);
    let children = state
        .polity
        .bodies
        .iter()
        .filter(|child| child.parent.as_ref().is_some_and(|parent| parent.id == body.id) && child.is_live_on(on));
    for child in children {
        if open_to.iter().any(|who| who == "ptls") {
            allowed.extend(seat_holders(child, &[Seat::Ptl], &state.polity, on));
        }
        if open_to.iter().any(|who| who == "sub-group-members") && child.kind == BodyKind::SubGroup {
            allowed.extend(state.electorate(child, Electorate::Committers, on));
        }
    }
    allowed
}

fn decide_schedule_meeting(
    state: &State,
    body: &str,
    meeting_on: &Date,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    require_member(
        state,
        body,
        &actor,
        on,
        RuleId::D6,
        "a member announces the body's meetings",
    )?;
    if *meeting_on < on {
        return crate::refusal(
            "meeting-passed",
            RuleId::D6,
            &[("date", meeting_on.to_string())],
            format!("{meeting_on} has passed"),
            "meetings are announced before they take place",
        );
    }
    // E8: the chairs take turns, counted over the body's meetings so far.
    let held = state
        .meetings
        .values()
        .filter(|meeting| meeting.body == body.id)
        .count();
    let chairs = seat_holders(body, &[Seat::Chair, Seat::CoChair], &state.polity, *meeting_on);
    let turn = match body.meetings.as_ref().map(|meetings| meetings.rotation) {
        Some(polity_model::Rotation::None) => 0,
        Some(polity_model::Rotation::Monthly) => {
            let first = state
                .meetings
                .values()
                .filter(|meeting| meeting.body == body.id)
                .map(|meeting| meeting.on)
                .min()
                .unwrap_or(*meeting_on);
            ((i32::from(meeting_on.year()) - i32::from(first.year())) * 12 + i32::from(meeting_on.month())
                - i32::from(first.month()))
            .max(0) as usize
        }
        _ => held,
    };
    let existing = state
        .meetings
        .keys()
        .filter(|id| id.starts_with(&format!("{}/", body.id)))
        .count();
    Ok(vec![Event::MeetingScheduled {
        meeting: new_id("mt", &body.id, existing),
        body: body.id.clone(),
        on: *meeting_on,
        chair: (!chairs.is_empty()).then(|| chairs[turn % chairs.len()].clone()),
        by: actor,
    }])
}

fn decide_add_agenda_item(
    state: &State,
    meeting: &str,
    item: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    let body = state.body(&meeting.body)?;
    let allowed = agenda_openers(state, body, on);
    if !allowed.contains(&actor) {
        return reject(
            RuleId::D5,
            format!("{actor} may not add items to the agenda of {} directly", meeting.id),
            format!("ask the body first: `polity meeting request {} \"ITEM\"`", meeting.id),
        )
        .map_err(|refusal| {
            refusal.said(
                "agenda-closed",
                &[("person", actor.clone()), ("meeting", meeting.id.clone())],
            )
        });
    }
    Ok(vec![Event::AgendaItemAdded {
        meeting: meeting.id.clone(),
        item: item.to_owned(),
        by: actor,
        accepted_by: None,
    }])
}

fn decide_request_agenda_item(
    state: &State,
    meeting: &str,
    item: &str,
    actor: String,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    Ok(vec![Event::AgendaItemRequested {
        meeting: meeting.id.clone(),
        request: meeting.requests.len() + 1,
        item: item.to_owned(),
        by: actor,
    }])
}

fn decide_accept_agenda_request(
    state: &State,
    meeting: &str,
    request: &usize,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    let body = state.body(&meeting.body)?;
    require_member(
        state,
        body,
        &actor,
        on,
        RuleId::D5,
        "a member of the body accepts requests",
    )?;
    let Some((item, by, accepted)) = request.checked_sub(1).and_then(|index| meeting.requests.get(index)) else {
        return crate::refusal(
            "no-such-request",
            RuleId::RRef,
            &[("meeting", meeting.id.clone()), ("request", request.to_string())],
            format!("{} has no request {request}", meeting.id),
            "name a request shown by `polity log`",
        );
    };
    if *accepted {
        return crate::refusal(
            "request-accepted",
            RuleId::D5,
            &[("request", request.to_string())],
            format!("request {request} is already on the agenda"),
            "nothing to do",
        );
    }
    Ok(vec![Event::AgendaItemAdded {
        meeting: meeting.id.clone(),
        item: item.clone(),
        by: by.clone(),
        accepted_by: Some(actor),
    }])
}

fn decide_declare_proxy(
    state: &State,
    meeting: &str,
    holder: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    let body = state.body(&meeting.body)?;
    if !body.meetings.as_ref().is_some_and(|meetings| meetings.proxies) {
        return crate::refusal(
            "no-proxies",
            RuleId::D2,
            &[("body", body.id.clone())],
            format!("{} does not allow proxies", body.id),
            "attend in person, or amend the body's `meetings: { proxies: true }`",
        );
    }
    let members = voting_members(&state.polity, body, on);
    let holder = state.person_id(holder)?;
    if !members.contains(&actor) || !members.contains(&holder) {
        return crate::refusal(
            "proxy-not-members",
            RuleId::D2,
            &[
                ("person", actor.clone()),
                ("holder", holder.clone()),
                ("body", body.id.clone()),
            ],
            format!(
                "a proxy is named by one member for another; {actor} and {holder} must both be members of {}",
                body.id
            ),
            "name a member as your proxy",
        );
    }
    if on >= meeting.on {
        return crate::refusal(
            "proxy-late",
            RuleId::D2,
            &[("meeting", meeting.id.clone()), ("date", meeting.on.to_string())],
            format!(
                "the proxy for {} must be named before the meeting on {}",
                meeting.id, meeting.on
            ),
            "name proxies ahead of the next meeting",
        );
    }
    Ok(vec![Event::ProxyDeclared {
        meeting: meeting.id.clone(),
        member: actor,
        holder,
    }])
}

fn decide_record_attendance(
    state: &State,
    meeting: &str,
    present: &[String],
    actor: String,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    let body = state.body(&meeting.body)?;
    let members = voting_members(&state.polity, body, meeting.on);
    if meeting.chair.as_deref() != Some(actor.as_str()) && !members.contains(&actor) {
        return reject(
            RuleId::D1,
            format!("{actor} neither chairs {} nor is a member", meeting.id),
            "the chair records attendance",
        )
        .map_err(|refusal| {
            refusal.said(
                "not-at-meeting",
                &[("person", actor.clone()), ("meeting", meeting.id.clone())],
            )
        });
    }
    let mut present_ids = BTreeSet::new();
    for person in present {
        present_ids.insert(state.person_id(person)?);
    }
    // D2: a member whose proxy holder is present attends.
    let attending: BTreeSet<String> = members
        .iter()
        .filter(|member| {
            present_ids.contains(*member)
                || meeting
                    .proxies
                    .get(*member)
                    .is_some_and(|holder| present_ids.contains(holder))
        })
        .cloned()
        .collect();
    let (quorum_met, explanation) = match body.meetings.as_ref().and_then(|meetings| meetings.quorum) {
        Some(quorum) => {
            let met = quorum.is_met(attending.len() as u64, members.len() as u64);
            (
                met,
                format!(
                    "{} of {} members attend; {quorum} needs {}: {}",
                    attending.len(),
                    members.len(),
                    quorum.needed(members.len() as u64),
                    if met {
                        "the meeting may decide"
                    } else {
                        "it may discuss but not decide"
                    }
                ),
            )
        }
        None => (
            true,
            format!(
                "{} of {} members attend; no quorum is set",
                attending.len(),
                members.len()
            ),
        ),
    };
    Ok(vec![Event::AttendanceRecorded {
        meeting: meeting.id.clone(),
        present: present_ids.into_iter().collect(),
        attending: attending.into_iter().collect(),
        quorum_met,
        explanation,
    }])
}

fn decide_publish_minutes(
    state: &State,
    meeting: &str,
    link: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let meeting = meeting_of(state, meeting)?;
    let body = state.body(&meeting.body)?;
    if meeting.chair.as_deref() != Some(actor.as_str()) && !voting_members(&state.polity, body, on).contains(&actor) {
        return reject(
            RuleId::D6,
            format!("{actor} neither chairs {} nor is a member", meeting.id),
            "the chair publishes the minutes",
        )
        .map_err(|refusal| {
            refusal.said(
                "not-at-meeting",
                &[("person", actor.clone()), ("meeting", meeting.id.clone())],
            )
        });
    }
    Ok(vec![Event::MinutesPublished {
        meeting: meeting.id.clone(),
        link: link.to_owned(),
        by: actor,
    }])
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::RuleId;
    use crate::testing::{given, refused};
    use crate::{Command, Event};

    #[test]
    fn d6_a_member_schedules_a_meeting_and_e8_names_its_chair() {
        let record = given("cfn-working-group");
        let schedule = Command::ScheduleMeeting(crate::command::ScheduleMeeting {
            body: "tsc".into(),
            on: date(2026, 6, 25),
        });
        let events = record.when("gus", date(2026, 6, 20), &schedule).unwrap();
        assert!(
            matches!(&events[..], [Event::MeetingScheduled { meeting, chair: Some(_), by, .. }] if meeting == "tsc/mt1" && by == "gus"),
            "{events:?}"
        );
        refused(record.when("jun", date(2026, 6, 20), &schedule), RuleId::D6);
    }

    #[test]
    fn d5_only_a_member_accepts_an_agenda_request() {
        let mut record = given("cfn-working-group");
        record
            .act(
                "gus",
                date(2026, 6, 20),
                Command::ScheduleMeeting(crate::command::ScheduleMeeting {
                    body: "tsc".into(),
                    on: date(2026, 6, 25),
                }),
            )
            .act(
                "jun",
                date(2026, 6, 21),
                Command::RequestAgendaItem(crate::command::RequestAgendaItem {
                    meeting: "tsc/mt1".into(),
                    item: "Edge inference roadmap".into(),
                }),
            );
        // Requests are numbered from 1.
        let accept = |request| {
            Command::AcceptAgendaRequest(crate::command::AcceptAgendaRequest {
                meeting: "tsc/mt1".into(),
                request,
            })
        };
        refused(record.when("jun", date(2026, 6, 22), &accept(1)), RuleId::D5);
        refused(record.when("gus", date(2026, 6, 22), &accept(0)), RuleId::RRef);
        assert_eq!(
            record.when("gus", date(2026, 6, 22), &accept(1)).unwrap(),
            vec![Event::AgendaItemAdded {
                meeting: "tsc/mt1".into(),
                item: "Edge inference roadmap".into(),
                by: "jun".into(),
                accepted_by: Some("gus".into()),
            }]
        );
    }
}
