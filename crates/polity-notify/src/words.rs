//! Acts in words (English), for the Atom feeds and the webhooks: one sentence per event, with
//! people and bodies by name, and the page it concerns. A ballot is said to be cast, never what
//! it says; a closed election's tally sheet is left to its page.

use polity_engine::Event;
use polity_model::Polity;

fn person(polity: &Polity, id: &str) -> String {
    polity
        .person(id)
        .map_or_else(|| id.to_owned(), |person| person.name.clone())
}

fn body(polity: &Polity, id: &str) -> String {
    match polity.body(id) {
        Some(found) if !found.name.trim().is_empty() => found.name.clone(),
        _ => id.to_owned(),
    }
}

fn people(polity: &Polity, ids: &[String]) -> String {
    ids.iter().map(|id| person(polity, id)).collect::<Vec<_>>().join(", ")
}

/// The sentence and the page (a path) of one event. `polity` is the state's registry (names).
pub fn describe(event: &Event, polity: &Polity) -> (String, String) {
    match event {
        Event::MotionOpened { .. }
        | Event::VoteCast { .. }
        | Event::MotionRevote { .. }
        | Event::MotionClosed { .. }
        | Event::FinalSayRecorded { .. }
        | Event::ConsultationRecorded { .. }
        | Event::ProposalOpened { .. }
        | Event::ProposalObjected { .. }
        | Event::ProposalAccepted { .. }
        | Event::Intervened { .. } => motions(event, polity),
        Event::MeetingScheduled { .. }
        | Event::AgendaItemAdded { .. }
        | Event::AgendaItemRequested { .. }
        | Event::ProxyDeclared { .. }
        | Event::AttendanceRecorded { .. }
        | Event::MinutesPublished { .. } => meetings(event, polity),
        Event::ElectionOpened { .. }
        | Event::CandidateNominated { .. }
        | Event::CandidateConsented { .. }
        | Event::CandidateWithdrew { .. }
        | Event::StatementPublished { .. }
        | Event::NominationsClosed { .. }
        | Event::BallotCast { .. }
        | Event::ElectionClosed { .. } => elections(event, polity),
        Event::RegistryRecorded { .. }
        | Event::ReportSubmitted { .. }
        | Event::RollRecorded { .. }
        | Event::LiaisonVolunteered { .. }
        | Event::LiaisonChosen { .. }
        | Event::SignedOff { .. }
        | Event::WorkingGroupDissolved { .. }
        | Event::TermEnded { .. }
        | Event::NoConfidence { .. }
        | Event::CommitterPromoted { .. }
        | Event::BodyTransitioned { .. }
        | Event::TermStarted { .. } => structure(event, polity),
    }
}

/// Motions, lazy-consensus proposals and interventions.
fn motions(event: &Event, polity: &Polity) -> (String, String) {
    let (p, b) = (|id: &str| person(polity, id), |id: &str| body(polity, id));
    match event {
        Event::MotionOpened {
            motion,
            body: id,
            title,
            by,
            ..
        } => (
            format!("{} opened the motion \"{title}\" in {}.", p(by), b(id)),
            format!("/motions/{motion}"),
        ),
        Event::VoteCast { motion, member, .. } => (
            format!("{} voted on motion {motion}.", p(member)),
            format!("/motions/{motion}"),
        ),
        Event::MotionRevote { motion, round, .. } => (
            format!("The vote on motion {motion} was tied; round {round} begins."),
            format!("/motions/{motion}"),
        ),
        Event::MotionClosed {
            motion,
            outcome,
            yes,
            no,
            abstain,
            by,
            ..
        } => (
            format!(
                "{} closed motion {motion}: {outcome} ({yes} yes, {no} no, {abstain} abstain).",
                p(by)
            ),
            format!("/motions/{motion}"),
        ),
        Event::ProposalOpened {
            body: id,
            title,
            deadline,
            by,
            ..
        } => (
            format!(
                "{} proposed \"{title}\" in {} by lazy consensus; objections until {deadline}.",
                p(by),
                b(id)
            ),
            format!("/bodies/{id}"),
        ),
        Event::ProposalObjected {
            proposal, by, motion, ..
        } => (
            format!(
                "{} objected to proposal {proposal}; it goes to a vote (motion {motion}).",
                p(by)
            ),
            format!("/motions/{motion}"),
        ),
        Event::ProposalAccepted { proposal } => (
            format!("Proposal {proposal} was accepted: nobody objected in time."),
            "/log".to_owned(),
        ),
        Event::FinalSayRecorded {
            motion, decision, by, ..
        } => (
            format!(
                "{} gave the final say on motion {motion}: {}.",
                p(by),
                decision.as_str()
            ),
            format!("/motions/{motion}"),
        ),
        Event::Intervened { target, by, .. } => (format!("{} intervened in {target}.", p(by)), "/log".to_owned()),
        Event::ConsultationRecorded { motion, group, by, .. } => (
            format!("{} recorded {}'s advice on motion {motion}.", p(by), b(group)),
            format!("/motions/{motion}"),
        ),
        _ => unreachable!("describe() sends only motions here"),
    }
}

/// Meetings: agenda, proxies, attendance, minutes.
fn meetings(event: &Event, polity: &Polity) -> (String, String) {
    let (p, b) = (|id: &str| person(polity, id), |id: &str| body(polity, id));
    match event {
        Event::MeetingScheduled {
            meeting,
            body: id,
            on,
            by,
            ..
        } => (
            format!("{} announced a meeting of {} on {on}.", p(by), b(id)),
            format!("/meetings/{meeting}"),
        ),
        Event::AgendaItemAdded { meeting, item, by, .. } => (
            format!("{} added \"{item}\" to the agenda of meeting {meeting}.", p(by)),
            format!("/meetings/{meeting}"),
        ),
        Event::AgendaItemRequested { meeting, item, by, .. } => (
            format!("{} asked for \"{item}\" on the agenda of meeting {meeting}.", p(by)),
            format!("/meetings/{meeting}"),
        ),
        Event::ProxyDeclared {
            meeting,
            member,
            holder,
        } => (
            format!("{} named {} as proxy for meeting {meeting}.", p(member), p(holder)),
            format!("/meetings/{meeting}"),
        ),
        Event::AttendanceRecorded {
            meeting,
            attending,
            quorum_met,
            ..
        } => (
            format!(
                "Attendance of meeting {meeting}: {} attending; the quorum was {}.",
                attending.len(),
                if *quorum_met { "met" } else { "not met" }
            ),
            format!("/meetings/{meeting}"),
        ),
        Event::MinutesPublished { meeting, by, .. } => (
            format!("{} published the minutes of meeting {meeting}.", p(by)),
            format!("/meetings/{meeting}"),
        ),
        _ => unreachable!("describe() sends only meetings here"),
    }
}

/// Elections, from opening to the count.
fn elections(event: &Event, polity: &Polity) -> (String, String) {
    let (p, b) = (|id: &str| person(polity, id), |id: &str| body(polity, id));
    match event {
        Event::ElectionOpened {
            election,
            body: id,
            seat,
            seats,
            nominations_close,
            voting_close,
            by,
            ..
        } => (
            format!(
                "{} opened an election of {seats} {} seat(s) of {}: nominations until {nominations_close}, voting until {voting_close}.",
                p(by),
                seat.as_str(),
                b(id)
            ),
            format!("/elections/{election}"),
        ),
        Event::CandidateNominated {
            election,
            candidate,
            by,
        } => (
            format!("{} nominated {} in election {election}.", p(by), p(candidate)),
            format!("/elections/{election}"),
        ),
        Event::CandidateConsented { election, candidate } => (
            format!("{} accepted the nomination in election {election}.", p(candidate)),
            format!("/elections/{election}"),
        ),
        Event::CandidateWithdrew { election, candidate } => (
            format!("{} withdrew from election {election}.", p(candidate)),
            format!("/elections/{election}"),
        ),
        Event::StatementPublished {
            election, candidate, ..
        } => (
            format!("{} published a statement in election {election}.", p(candidate)),
            format!("/elections/{election}"),
        ),
        Event::NominationsClosed {
            election, candidates, ..
        } => (
            format!(
                "Nominations closed in election {election}; candidates: {}.",
                people(polity, candidates)
            ),
            format!("/elections/{election}"),
        ),
        Event::BallotCast { election, voter, .. } => (
            format!("{} voted in election {election}.", p(voter)),
            format!("/elections/{election}"),
        ),
        Event::ElectionClosed {
            election,
            valid,
            winners,
            by,
            ..
        } => (
            if !valid {
                format!("{} closed election {election}: not valid (too few voted).", p(by))
            } else if winners.is_empty() {
                format!("{} closed election {election}: no one was elected.", p(by))
            } else {
                format!(
                    "{} closed election {election}: elected {}.",
                    p(by),
                    people(polity, winners)
                )
            },
            format!("/elections/{election}"),
        ),
        _ => unreachable!("describe() sends only elections here"),
    }
}

/// The registry, reports, seats, terms, liaisons and lifecycles.
fn structure(event: &Event, polity: &Polity) -> (String, String) {
    let (p, b) = (|id: &str| person(polity, id), |id: &str| body(polity, id));
    match event {
        Event::RegistryRecorded { files, by } => (
            format!("{} recorded the registry ({} files).", p(by), files.len()),
            "/".to_owned(),
        ),
        Event::ReportSubmitted {
            body: id,
            on,
            report,
            by,
            ..
        } => (
            format!("{} submitted {}'s {} report of {on}.", p(by), b(id), report.as_str()),
            format!("/bodies/{id}"),
        ),
        Event::RollRecorded { on, members, by, .. } => (
            format!(
                "{} recorded the roll of active members on {on} ({} people).",
                p(by),
                members.len()
            ),
            "/people".to_owned(),
        ),
        Event::LiaisonVolunteered {
            body: id,
            area,
            person: who,
        } => (
            format!("{} volunteered as {area} liaison of {}.", p(who), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::LiaisonChosen {
            body: id,
            area,
            person: who,
            by,
        } => (
            format!("{} chose {} as {area} liaison of {}.", p(by), p(who), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::SignedOff {
            body: id,
            area,
            subject,
            by,
        } => (
            format!("{} signed off \"{subject}\" for {area} in {}.", p(by), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::WorkingGroupDissolved { body: id, on, by, .. } => (
            format!("{} dissolved the working group {} on {on}.", p(by), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::TermEnded {
            body: id,
            person: who,
            seat,
            on,
            ..
        } => (
            format!("{}'s term as {} of {} ended on {on}.", p(who), seat.as_str(), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::NoConfidence { body: id, motion } => (
            format!("{} lost a vote of no confidence (motion {motion}).", b(id)),
            format!("/bodies/{id}"),
        ),
        Event::CommitterPromoted {
            body: id, person: who, ..
        } => (
            format!("{} became a committer of {}.", p(who), b(id)),
            format!("/bodies/{id}"),
        ),
        Event::BodyTransitioned { body: id, to, on, .. } => (
            format!("{} became {} on {on}.", b(id), to.as_str()),
            format!("/bodies/{id}"),
        ),
        Event::TermStarted {
            body: id,
            person: who,
            seat,
            from,
            until,
            ..
        } => (
            format!(
                "{} became {} of {} from {from}{}.",
                p(who),
                seat.as_str(),
                b(id),
                until.map(|until| format!(" until {until}")).unwrap_or_default()
            ),
            format!("/bodies/{id}"),
        ),
        _ => unreachable!("describe() sends only structure here"),
    }
}
