//! Motions and their votes (D1, D2, D3, D4, D8, D9) with their subjects: transitions (L1, L7), appointments and removals (E4, E5, E6, E7), promotions (E11), no confidence (L6); consultations (D8) and the final say on a deadlock (S12).

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
        Command::OpenMotion(open) => decide_open_motion(state, open, actor, on),
        Command::Vote(crate::command::Vote {
            motion,
            choice,
            on_behalf_of,
            capacity,
        }) => {
            voting_open(state, motion, now)?;
            decide_vote(
                state,
                motion,
                choice,
                on_behalf_of.as_deref(),
                capacity.as_deref(),
                actor,
                on,
            )
        }
        Command::CloseMotion(crate::command::CloseMotion { motion, casting_vote }) => {
            may_close_now(state, motion, now)?;
            decide_close_motion(state, motion, casting_vote, actor, on)
        }
        Command::FinalSay(crate::command::FinalSay {
            motion,
            decision,
            reason,
        }) => decide_final_say(state, motion, decision, reason, actor, on),
        Command::Consult(crate::command::Consult { motion, group, summary }) => {
            decide_consult(state, motion, group, summary, actor, on)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::MotionOpened {
            motion,
            body,
            title,
            rule,
            subject,
            meeting,
            large,
            electorates,
            closes,
            by,
        } => {
            state.motions.insert(
                motion.clone(),
                Motion {
                    id: motion.clone(),
                    body: body.clone(),
                    title: title.clone(),
                    rule: rule.clone(),
                    subject: subject.clone(),
                    meeting: meeting.clone(),
                    large: *large,
                    consulted: BTreeSet::new(),
                    electorates: if electorates.is_empty() {
                        vec![Electorate::Members]
                    } else {
                        electorates.clone()
                    },
                    round: 1,
                    votes: BTreeMap::new(),
                    outcome: None,
                    explanation: Vec::new(),
                    opened_by: by.clone(),
                    closes: *closes,
                },
            );
        }
        Event::VoteCast {
            motion,
            member,
            choice,
            cast_by,
            capacity,
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion
                    .votes
                    .insert(member.clone(), (*choice, cast_by.clone(), capacity.clone()));
            }
        }
        Event::MotionRevote {
            motion,
            round,
            explanation,
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.round = *round;
                motion.votes.clear();
                motion.explanation.extend(explanation.iter().cloned());
            }
        }
        Event::MotionClosed {
            motion,
            outcome,
            explanation,
            ..
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.outcome = Some(outcome.clone());
                motion.explanation.extend(explanation.iter().cloned());
            }
        }
        Event::FinalSayRecorded {
            motion, decision, by, ..
        } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.outcome = Some(format!(
                    "{} by the final say of {by}",
                    if *decision == Choice::Yes { "carried" } else { "failed" }
                ));
            }
        }
        Event::ConsultationRecorded { motion, group, .. } => {
            if let Some(motion) = state.motions.get_mut(motion) {
                motion.consulted.insert(group.clone());
            }
        }
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

pub(crate) fn open_motion<'a>(state: &'a State, id: &str) -> Result<&'a Motion, Rejection> {
    match state.motions.get(id) {
        None => crate::refusal(
            "no-such-motion",
            RuleId::RRef,
            &[("motion", id.to_owned())],
            format!("there is no motion {id:?}"),
            "name a motion shown by `polity log`",
        ),
        Some(motion) if motion.outcome.is_some() => {
            reject(RuleId::D3, format!("motion {id} is closed"), "open a new motion")
                .map_err(|refusal| refusal.said("motion-closed", &[("motion", id.to_owned())]))
        }
        Some(motion) => Ok(motion),
    }
}

/// The rule a motion's voters come from: its subject's, or D3 for a plain decision.
pub(crate) fn motion_rule_id(motion: &Motion) -> RuleId {
    motion
        .subject
        .as_ref()
        .map_or(RuleId::D3, |subject| subject.act().rule())
}

/// Everyone who may vote on a motion decided by `electorates` of `body`.
pub(crate) fn motion_voters(state: &State, body: &Body, electorates: &[Electorate], on: Date) -> BTreeSet<String> {
    electorates
        .iter()
        .flat_map(|electorate| state.electorate(body, *electorate, on))
        .collect()
}

pub(crate) fn names(electorates: &[Electorate]) -> String {
    electorates
        .iter()
        .map(|electorate| electorate.as_str())
        .collect::<Vec<_>>()
        .join(" and the ")
}

#[allow(clippy::too_many_arguments)]
/// D3: a motion with a closing date takes votes until its deadline (`State::reached`).
fn voting_open(state: &State, motion: &str, now: jiff::civil::DateTime) -> Result<(), Rejection> {
    let Some(found) = state.motions.get(motion) else {
        return Ok(());
    };
    match found.closes {
        Some(closes) if found.outcome.is_none() && state.reached(now, closes) => crate::refusal(
            "motion-voting-closed",
            RuleId::D3,
            &[("motion", found.id.clone()), ("deadline", state.deadline_text(closes))],
            format!("voting on {} closed on {}", found.id, state.deadline_text(closes)),
            "the motion is closed and counted now: its opener or a chair closes it",
        ),
        _ => Ok(()),
    }
}

/// D3: a motion with a closing date is closed once its deadline is reached, or earlier once
/// everyone who may vote has voted.
fn may_close_now(state: &State, motion: &str, now: jiff::civil::DateTime) -> Result<(), Rejection> {
    let Some(found) = state.motions.get(motion) else {
        return Ok(());
    };
    let Some(closes) = found.closes else {
        return Ok(());
    };
    if found.outcome.is_some() || state.reached(now, closes) {
        return Ok(());
    }
    let voters = state.motion_voters(found, now.date());
    let missing = voters.iter().filter(|voter| !found.votes.contains_key(*voter)).count();
    if missing == 0 {
        return Ok(());
    }
    crate::refusal(
        "motion-still-open",
        RuleId::D3,
        &[
            ("motion", found.id.clone()),
            ("deadline", state.deadline_text(closes)),
            ("missing", missing.to_string()),
        ],
        format!(
            "voting on {} runs until {}, and {missing} who may vote have not voted",
            found.id,
            state.deadline_text(closes)
        ),
        "close it when the deadline is reached, or once everyone who may vote has voted",
    )
}

fn decide_open_motion(
    state: &State,
    open: &crate::command::OpenMotion,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let crate::command::OpenMotion {
        body,
        title,
        rule,
        subject,
        meeting,
        large,
        closes,
    } = open;
    let (rule, subject, meeting, large) = (rule.as_deref(), subject.as_ref(), meeting.as_deref(), *large);
    if let Some(closes) = *closes
        && closes <= on
    {
        return crate::refusal(
            "motion-closes-past",
            RuleId::D3,
            &[("date", closes.to_string()), ("on", on.to_string())],
            format!("a motion opened on {on} cannot close on {closes}"),
            "give a closing date after today",
        );
    }
    let deciding = state.body(body)?;
    if let Some(meeting) = meeting {
        let found = meeting_of(state, meeting)?;
        if found.body != deciding.id {
            return crate::refusal(
                "meeting-of-another-body",
                RuleId::D1,
                &[
                    ("meeting", meeting.to_string()),
                    ("of", found.body.clone()),
                    ("body", deciding.id.clone()),
                ],
                format!(
                    "meeting {meeting} is a meeting of {}, not of {}",
                    found.body, deciding.id
                ),
                "vote in a meeting of the deciding body",
            );
        }
    }
    use polity_model::Act;
    let act = subject.map(Subject::act);
    let act_rule = act.map_or(RuleId::D3, Act::rule);
    let authority = act.and_then(|act| deciding.decisions.get(&act));
    let electorates: Vec<Electorate> = match (authority, act) {
        (Some(authority), _) => authority.by.clone(),
        (None, Some(Act::PromoteCommitter | Act::RecallPtl)) => vec![Electorate::Committers],
        (None, Some(Act::RemoveLeads | Act::NoConfidence | Act::AppointChairs)) => vec![Electorate::Overseer],
        (None, Some(Act::AppointTechLeads)) => vec![Electorate::Overseer, Electorate::Chairs],
        _ => vec![Electorate::Members],
    };
    let voters = motion_voters(state, deciding, &electorates, on);
    if !voters.contains(&actor) {
        return reject(
            act_rule,
            format!(
                "{actor} may not open this motion in {}: its voters are the {}",
                deciding.id,
                names(&electorates)
            ),
            format!(
                "one of them opens it: {}",
                voters.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
        )
        .map_err(|refusal| {
            refusal.said(
                "may-not-open-motion",
                &[
                    ("person", actor.clone()),
                    ("body", deciding.id.clone()),
                    ("voters", voters.iter().cloned().collect::<Vec<_>>().join(", ")),
                ],
            )
        });
    }
    let rule_name = match rule
        .map(str::to_owned)
        .or(authority.map(|authority| authority.rule.id.clone()))
        .or(deciding.decides_by.as_ref().map(|rule| rule.id.clone()))
    {
        Some(name) => name,
        None => {
            return crate::refusal(
                "no-decision-rule",
                RuleId::D3,
                &[("body", deciding.id.clone())],
                format!("{} names no decision rule", deciding.id),
                "pass --rule NAME, or set `decides-by:` in the body's file",
            );
        }
    };
    if !state.polity.constitution.decision_rules.contains_key(&rule_name) {
        return crate::refusal(
            "no-such-decision-rule",
            RuleId::RRef,
            &[("rule", rule_name.clone())],
            format!("there is no decision rule {rule_name:?}"),
            "name one of the constitution's `decision-rules`",
        );
    }
    let subject = subject
        .map(|subject| checked_subject(state, deciding, subject, act_rule, on))
        .transpose()?;
    let existing = state
        .motions
        .keys()
        .filter(|id| id.starts_with(&format!("{}/", deciding.id)))
        .count();
    Ok(vec![Event::MotionOpened {
        motion: new_id("m", &deciding.id, existing),
        body: deciding.id.clone(),
        title: title.to_owned(),
        rule: rule_name,
        subject,
        meeting: meeting.map(str::to_owned),
        large,
        electorates,
        closes: *closes,
        by: actor,
    }])
}

fn decide_vote(
    state: &State,
    motion: &str,
    choice: &Choice,
    on_behalf_of: Option<&str>,
    capacity: Option<&str>,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let motion = open_motion(state, motion)?;
    let body = state.body(&motion.body)?;
    let members = motion_voters(state, body, &motion.electorates, on);
    let meeting = motion.meeting.as_deref().map(|id| meeting_of(state, id)).transpose()?;
    let (member, cast_by) = match on_behalf_of {
        None => (actor.clone(), None),
        Some(absent) => {
            let absent = state.person_id(absent)?;
            // D2: proxies attend meetings; the member names the proxy before the meeting.
            let Some(meeting) = meeting else {
                return crate::refusal(
                    "not-in-a-meeting",
                    RuleId::D2,
                    &[("motion", motion.id.clone())],
                    format!("{} is not voted in a meeting", motion.id),
                    "proxies attend meetings: vote yourself in an electronic vote",
                );
            };
            if meeting.proxies.get(&absent) != Some(&actor) {
                return crate::refusal(
                    "no-such-proxy",
                    RuleId::D2,
                    &[
                        ("absent", absent.clone()),
                        ("person", actor.clone()),
                        ("meeting", meeting.id.clone()),
                    ],
                    format!("{absent} named no proxy {actor} for {}", meeting.id),
                    format!(
                        "{absent} names the proxy before the meeting: `polity meeting proxy {} {actor} --as {absent}`",
                        meeting.id
                    ),
                );
            }
            (absent, Some(actor.clone()))
        }
    };
    if let Some(meeting) = meeting
        && let Some(attending) = &meeting.attending
        && !attending.contains(&member)
    {
        return crate::refusal(
            "did-not-attend",
            RuleId::D1,
            &[("person", member.clone()), ("meeting", meeting.id.clone())],
            format!("{member} did not attend {}, in person or by proxy", meeting.id),
            "only those attending vote in a meeting",
        );
    }
    if !members.contains(&member) {
        return reject(
            motion_rule_id(motion),
            format!(
                "{member} may not vote on {}: its voters are the {} of {} on {on}",
                motion.id,
                names(&motion.electorates),
                body.id
            ),
            format!(
                "only they vote: {}",
                members.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
        )
        .map_err(|refusal| {
            refusal.said(
                "may-not-vote-motion",
                &[
                    ("person", member.clone()),
                    ("motion", motion.id.clone()),
                    ("body", body.id.clone()),
                    ("voters", members.iter().cloned().collect::<Vec<_>>().join(", ")),
                ],
            )
        });
    }
    // D9: a voter votes personally or on behalf of the organisation they work for.
    if let Some(capacity) = capacity {
        let employer = state.polity.affiliation_on(&member, on).map(str::to_owned);
        let on_behalf = capacity.strip_prefix("on behalf of ").map(str::trim);
        let valid = capacity == "personal" || (on_behalf.is_some() && on_behalf == employer.as_deref());
        if !valid {
            return crate::refusal(
                "bad-capacity",
                RuleId::D9,
                &[
                    ("person", member.clone()),
                    ("capacity", capacity.to_owned()),
                    (
                        "choices",
                        format!(
                            "\"personal\"{}",
                            employer
                                .as_ref()
                                .map(|org| format!(" or \"on behalf of {org}\""))
                                .unwrap_or_default()
                        ),
                    ),
                ],
                format!("{member} cannot vote in the capacity {capacity:?}"),
                format!(
                    "declare \"personal\"{}",
                    employer
                        .map(|org| format!(" or \"on behalf of {org}\""))
                        .unwrap_or_default()
                ),
            );
        }
    }
    Ok(vec![Event::VoteCast {
        motion: motion.id.clone(),
        member,
        choice: *choice,
        cast_by,
        capacity: capacity.map(str::to_owned),
    }])
}

fn decide_close_motion(
    state: &State,
    motion: &str,
    casting_vote: &Option<Choice>,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let motion = open_motion(state, motion)?;
    let body = state.body(&motion.body)?;
    let chairs = seat_holders(body, &[Seat::Chair], &state.polity, on);
    if actor != motion.opened_by && !chairs.contains(&actor) {
        return crate::refusal(
            "may-not-close-motion",
            RuleId::D3,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!("{actor} did not open this motion and does not chair {}", body.id),
            "the chair or the member who opened it closes it",
        );
    }
    // D8: a large decision records the consultation of every advisory group first.
    if motion.large {
        let missing: Vec<String> = advisory_groups(state, body)
            .into_iter()
            .filter(|group| !motion.consulted.contains(group))
            .collect();
        if !missing.is_empty() {
            return crate::refusal(
                "not-consulted",
                RuleId::D8,
                &[("motion", motion.id.clone()), ("groups", missing.join(", "))],
                format!(
                    "{} is a large decision and {} has not been consulted",
                    motion.id,
                    missing.join(", ")
                ),
                format!(
                    "record each consultation: `polity motion consult {} GROUP --summary ...`",
                    motion.id
                ),
            );
        }
    }
    let rule = &state.polity.constitution.decision_rules[&motion.rule];
    // D1: a motion voted in a meeting is decided only with the meeting's quorum.
    let meeting = motion.meeting.as_deref().map(|id| meeting_of(state, id)).transpose()?;
    let quorum = meeting.and_then(|_| body.meetings.as_ref().and_then(|meetings| meetings.quorum));
    if let Some(meeting) = meeting
        && meeting.attending.is_none()
    {
        return crate::refusal(
            "no-attendance",
            RuleId::D1,
            &[("meeting", meeting.id.clone())],
            format!("the attendance of {} is not recorded", meeting.id),
            "record who attends before the vote is closed",
        );
    }
    let attending = meeting
        .and_then(|meeting| meeting.attending.as_ref())
        .map(|attending| attending.len() as u64);
    let motion_rule = MotionRule {
        passes: rule.passes,
        valid_if: rule.valid_if,
        quorum,
        tie: rule
            .tie
            .iter()
            .map(|step| match step {
                polity_model::TieStep::Revote => motion::TieStep::Revote,
                polity_model::TieStep::ChairCastingVote => motion::TieStep::ChairCastingVote,
            })
            .collect(),
    };
    // One tally per electorate (E6: each must carry it); a voter in several counts in each.
    let tallies: Vec<(Electorate, Tally)> = motion
        .electorates
        .iter()
        .map(|electorate| {
            let voters = state.electorate(body, *electorate, on);
            let mut tally = Tally {
                members: voters.len() as u64,
                attending,
                ..Tally::default()
            };
            for (member, (choice, _, _)) in &motion.votes {
                if voters.contains(member) {
                    match choice {
                        Choice::Yes => tally.yes += 1,
                        Choice::No => tally.no += 1,
                        Choice::Abstain => tally.abstain += 1,
                    }
                }
            }
            (*electorate, tally)
        })
        .collect();
    let tally = tallies.first().map(|(_, tally)| *tally).unwrap_or_default();
    if casting_vote.is_some() && !chairs.contains(&actor) {
        return crate::refusal(
            "not-the-chair",
            RuleId::D4,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!("{actor} is not the chair of {}", body.id),
            "only the chair casts the deciding vote",
        );
    }
    let result = if tallies.len() > 1 {
        let parts: Vec<(&str, MotionRule, Tally)> = tallies
            .iter()
            .map(|(electorate, tally)| (electorate.as_str(), motion_rule.clone(), *tally))
            .collect();
        motion::decide_composite(&parts)
    } else {
        motion::decide(&motion_rule, &tally, motion.round as usize, *casting_vote)
    };
    match result.outcome {
        Outcome::Tied(motion::TieStep::Revote) => Ok(vec![Event::MotionRevote {
            motion: motion.id.clone(),
            round: motion.round + 1,
            explanation: result.explanation,
        }]),
        Outcome::Tied(motion::TieStep::ChairCastingVote) => crate::refusal(
            "tied-again",
            RuleId::D4,
            &[("motion", motion.id.clone())],
            format!(
                "the vote on {} is tied again: {}",
                motion.id,
                result.explanation.join("; ")
            ),
            "the chair closes it with a casting vote (--casting-vote yes or no)",
        ),
        outcome => {
            let mut events = vec![Event::MotionClosed {
                motion: motion.id.clone(),
                outcome: outcome.as_str().to_owned(),
                yes: tally.yes,
                no: tally.no,
                abstain: tally.abstain,
                casting_vote: casting_vote.map(|choice| choice.as_str().to_owned()),
                explanation: result.explanation,
                by: actor,
            }];
            if outcome == Outcome::Carried {
                events.extend(carried_subject(motion, body, on));
            }
            Ok(events)
        }
    }
}

fn decide_final_say(
    state: &State,
    motion: &str,
    decision: &Choice,
    reason: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let Some(found) = state.motions.get(motion) else {
        return crate::refusal(
            "no-such-motion",
            RuleId::RRef,
            &[("motion", motion.to_owned())],
            format!("there is no motion {motion:?}"),
            "name a motion shown by `polity log`",
        );
    };
    if found.outcome.as_deref() != Some("deadlocked") {
        return crate::refusal(
            "not-deadlocked",
            RuleId::S12,
            &[("motion", motion.to_owned())],
            format!("{motion} is not deadlocked"),
            "the final say decides only a deadlock, explicitly",
        );
    }
    let body = state.body(&found.body)?;
    let holder = match &body.final_say {
        Some(polity_model::FinalSay::Person(reference)) => {
            state.polity.person(&reference.text).map(|person| person.id.clone())
        }
        Some(polity_model::FinalSay::Seat(seat, _)) => {
            seat_holders(body, &[*seat], &state.polity, on).into_iter().next()
        }
        None => None,
    };
    if holder.as_deref() != Some(actor.as_str()) {
        return crate::refusal(
            "not-final-say-holder",
            RuleId::S12,
            &[
                ("person", actor.clone()),
                ("body", body.id.clone()),
                ("holder", holder.clone().unwrap_or_default()),
            ],
            format!("{actor} does not hold the final say in {}", body.id),
            match holder {
                Some(holder) => format!("{holder} decides it"),
                None => format!("{} names no final-say holder: set `final-say:`", body.id),
            },
        );
    }
    Ok(vec![Event::FinalSayRecorded {
        motion: motion.to_owned(),
        decision: *decision,
        by: actor,
        reason: reason.to_owned(),
    }])
}

fn decide_consult(
    state: &State,
    motion: &str,
    group: &str,
    summary: &str,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let motion = open_motion(state, motion)?;
    let body = state.body(&motion.body)?;
    if !advisory_groups(state, body).iter().any(|advisory| advisory == group) {
        return crate::refusal(
            "not-an-advisory-group",
            RuleId::D8,
            &[("group", group.to_owned()), ("body", body.id.clone())],
            format!("{group} is not an advisory group of {}", body.id),
            "consult the groups that advise the body",
        );
    }
    let group_body = state.body(group)?;
    let allowed: BTreeSet<String> = voting_members(&state.polity, body, on)
        .into_iter()
        .chain(
            group_body
                .members
                .iter()
                .filter_map(|reference| state.polity.person(&reference.text))
                .map(|person| person.id.clone()),
        )
        .collect();
    if !allowed.contains(&actor) {
        return crate::refusal(
            "not-in-either",
            RuleId::D8,
            &[
                ("person", actor.clone()),
                ("body", body.id.clone()),
                ("group", group.to_owned()),
            ],
            format!("{actor} is neither in {} nor in {group}", body.id),
            "a member of either records the consultation",
        );
    }
    Ok(vec![Event::ConsultationRecorded {
        motion: motion.id.clone(),
        group: group.to_owned(),
        summary: summary.to_owned(),
        by: actor,
    }])
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use polity_count::motion::Choice;

    use crate::Command;
    use crate::RuleId;
    use crate::testing::{given, refused};

    #[test]
    fn d3_only_the_deciding_electorate_votes_and_a_motion_has_one_subject() {
        let mut record = given("cfn-working-group");
        record.act("alice", date(2026, 6, 20), Command::motion("tsc", "Adopt v1"));
        let vote = Command::Vote(crate::command::Vote {
            motion: "tsc/m1".into(),
            choice: Choice::Yes,
            on_behalf_of: None,
            capacity: None,
        });
        assert!(record.when("bob", date(2026, 6, 21), &vote).is_ok());
        refused(record.when("jun", date(2026, 6, 21), &vote), RuleId::D3);
        let two_subjects = crate::Subject::one_of(None, Some("kai".into()), None, None, true);
        assert_eq!(two_subjects.unwrap_err().rule, RuleId::D3);
    }

    #[test]
    fn d3_a_motion_with_a_closing_date_takes_votes_until_then_and_closes_then() {
        let mut record = given("cfn-working-group");
        let open = |closes| {
            Command::OpenMotion(crate::command::OpenMotion {
                closes: Some(closes),
                ..match Command::motion("tsc", "Adopt v1") {
                    Command::OpenMotion(open) => open,
                    _ => unreachable!(),
                }
            })
        };
        refused(
            record.when("alice", date(2026, 6, 20), &open(date(2026, 6, 20))),
            RuleId::D3,
        );
        record.act("alice", date(2026, 6, 20), open(date(2026, 6, 27)));
        let vote = |choice| {
            Command::Vote(crate::command::Vote {
                motion: "tsc/m1".into(),
                choice,
                on_behalf_of: None,
                capacity: None,
            })
        };
        record.act("bob", date(2026, 6, 26), vote(Choice::Yes));
        let close = Command::CloseMotion(crate::command::CloseMotion {
            motion: "tsc/m1".into(),
            casting_vote: None,
        });
        // Before the date, with votes missing: not yet.
        let early = refused(record.when("alice", date(2026, 6, 26), &close), RuleId::D3);
        assert!(early.message.contains("runs until 2026-06-27"), "{}", early.message);
        // On the date (midnight by default) voting has closed, and the motion may be closed.
        let late = refused(record.when("chen", date(2026, 6, 27), &vote(Choice::No)), RuleId::D3);
        assert_eq!(late.message, "voting on tsc/m1 closed on 2026-06-27");
        assert!(record.when("alice", date(2026, 6, 27), &close).is_ok());
        // Everyone voted: it may be closed before the date.
        for member in ["alice", "chen", "dana", "emil", "fang", "gus", "hua", "ivan"] {
            record.act(member, date(2026, 6, 26), vote(Choice::Yes));
        }
        assert!(record.when("alice", date(2026, 6, 26), &close).is_ok());
    }

    #[test]
    fn s7_committer_rights_are_per_project() {
        let record = given("cfn-working-group");
        let promote = |body: &str, person: &str| {
            Command::OpenMotion(crate::command::OpenMotion {
                body: body.into(),
                title: format!("Promote {person}"),
                rule: None,
                subject: Some(crate::Subject::Promote { person: person.into() }),
                meeting: None,
                large: false,
                closes: None,
            })
        };
        // Kai commits to computing-scheduling, where he may propose a promotion; that gives him no
        // rights in network-telemetry, whose committers are gus and jun.
        assert!(
            record
                .when("kai", date(2026, 6, 20), &promote("computing-scheduling", "lin"))
                .is_ok()
        );
        let elsewhere = refused(
            record.when("kai", date(2026, 6, 20), &promote("network-telemetry", "lin")),
            RuleId::E11,
        );
        assert!(
            elsewhere.message.contains("its voters are the committers"),
            "{elsewhere:?}"
        );
        // And jun, a committer of network-telemetry, is not one of computing-scheduling.
        assert!(
            record
                .when("jun", date(2026, 6, 20), &promote("computing-scheduling", "lin"))
                .is_err()
        );
    }
}
