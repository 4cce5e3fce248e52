//! Acts in words, in English or Simplified Chinese: one sentence per event, with people and
//! bodies by name, and the page it concerns (`act-*` messages of `polity_i18n`'s `acts.ftl`). A
//! ballot is said to be cast, never what it says; a closed election's tally sheet is left to its
//! page. Feeds and webhooks use English ([`describe`]); pages and the command line the reader's
//! language ([`describe_in`]).

use polity_engine::Event;
use polity_i18n::Lang;
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

/// A sentence to be said: its message and values, and the page it concerns.
struct Sentence {
    key: &'static str,
    args: Vec<(&'static str, String)>,
    page: String,
}

/// What the sentences of one language need: names, lists and the vocabularies.
struct Say<'a> {
    polity: &'a Polity,
    lang: Lang,
}

impl Say<'_> {
    fn person(&self, id: &str) -> String {
        person(self.polity, id)
    }

    fn body(&self, id: &str) -> String {
        body(self.polity, id)
    }

    fn people(&self, ids: &[String]) -> String {
        let separator = if self.lang == Lang::Zh { "、" } else { ", " };
        ids.iter().map(|id| self.person(id)).collect::<Vec<_>>().join(separator)
    }

    /// A word of a vocabulary (`seat-chair`, `state-active`, …): the record's own word in
    /// English, the catalog's in other languages (the record's word when it has none).
    fn word(&self, group: &str, raw: &str) -> String {
        if self.lang == Lang::En {
            return raw.to_owned();
        }
        let key = format!("{group}-{}", polity_i18n::count::slug(raw));
        polity_i18n::lookup(self.lang, &key, &[]).unwrap_or_else(|| raw.to_owned())
    }
}

fn sentence(key: &'static str, args: Vec<(&'static str, String)>, page: String) -> Sentence {
    Sentence { key, args, page }
}

/// The English sentence and the page (a path) of one event. `polity` is the state's registry
/// (names).
pub fn describe(event: &Event, polity: &Polity) -> (String, String) {
    describe_in(event, polity, Lang::En)
}

/// The sentence in `lang` and the page (a path) of one event.
pub fn describe_in(event: &Event, polity: &Polity, lang: Lang) -> (String, String) {
    let say = Say { polity, lang };
    let Sentence { key, args, page } = match event {
        Event::MotionOpened { .. }
        | Event::VoteCast { .. }
        | Event::MotionRevote { .. }
        | Event::MotionClosed { .. }
        | Event::FinalSayRecorded { .. }
        | Event::ConsultationRecorded { .. }
        | Event::ProposalOpened { .. }
        | Event::ProposalObjected { .. }
        | Event::ProposalAccepted { .. }
        | Event::Intervened { .. } => motions(event, &say),
        Event::MeetingScheduled { .. }
        | Event::AgendaItemAdded { .. }
        | Event::AgendaItemRequested { .. }
        | Event::ProxyDeclared { .. }
        | Event::AttendanceRecorded { .. }
        | Event::MinutesPublished { .. } => meetings(event, &say),
        Event::ElectionOpened { .. }
        | Event::CandidateNominated { .. }
        | Event::CandidateConsented { .. }
        | Event::CandidateWithdrew { .. }
        | Event::StatementPublished { .. }
        | Event::NominationsClosed { .. }
        | Event::BallotCast { .. }
        | Event::ElectionClosed { .. } => elections(event, &say),
        Event::RegistryRecorded { .. }
        | Event::RegistryAmended { .. }
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
        | Event::TermStarted { .. } => structure(event, &say),
    };
    (polity_i18n::text_owned(lang, key, &args), page)
}

/// Motions, lazy-consensus proposals and interventions.
fn motions(event: &Event, say: &Say) -> Sentence {
    let motion_page = |motion: &str| format!("/motions/{motion}");
    match event {
        Event::MotionOpened {
            motion,
            body: id,
            title,
            by,
            ..
        } => sentence(
            "act-motion-opened",
            vec![("by", say.person(by)), ("title", title.clone()), ("body", say.body(id))],
            motion_page(motion),
        ),
        Event::VoteCast { motion, member, .. } => sentence(
            "act-vote-cast",
            vec![("member", say.person(member)), ("motion", motion.clone())],
            motion_page(motion),
        ),
        Event::MotionRevote { motion, round, .. } => sentence(
            "act-motion-revote",
            vec![("motion", motion.clone()), ("round", round.to_string())],
            motion_page(motion),
        ),
        Event::MotionClosed {
            motion,
            outcome,
            yes,
            no,
            abstain,
            by,
            ..
        } => sentence(
            "act-motion-closed",
            vec![
                ("by", say.person(by)),
                ("motion", motion.clone()),
                ("outcome", say.word("outcome", outcome)),
                ("yes", yes.to_string()),
                ("no", no.to_string()),
                ("abstain", abstain.to_string()),
            ],
            motion_page(motion),
        ),
        Event::ProposalOpened {
            body: id,
            title,
            deadline,
            by,
            ..
        } => sentence(
            "act-proposal-opened",
            vec![
                ("by", say.person(by)),
                ("title", title.clone()),
                ("body", say.body(id)),
                ("deadline", deadline.to_string()),
            ],
            format!("/bodies/{id}"),
        ),
        Event::ProposalObjected {
            proposal, by, motion, ..
        } => sentence(
            "act-proposal-objected",
            vec![
                ("by", say.person(by)),
                ("proposal", proposal.clone()),
                ("motion", motion.clone()),
            ],
            motion_page(motion),
        ),
        Event::ProposalAccepted { proposal } => sentence(
            "act-proposal-accepted",
            vec![("proposal", proposal.clone())],
            "/log".to_owned(),
        ),
        Event::FinalSayRecorded {
            motion, decision, by, ..
        } => sentence(
            "act-final-say-recorded",
            vec![
                ("by", say.person(by)),
                ("motion", motion.clone()),
                ("decision", say.word("choice-word", decision.as_str())),
            ],
            motion_page(motion),
        ),
        Event::Intervened { target, by, .. } => sentence(
            "act-intervened",
            vec![("by", say.person(by)), ("target", target.clone())],
            "/log".to_owned(),
        ),
        Event::ConsultationRecorded { motion, group, by, .. } => sentence(
            "act-consultation-recorded",
            vec![
                ("by", say.person(by)),
                ("group", say.body(group)),
                ("motion", motion.clone()),
            ],
            motion_page(motion),
        ),
        _ => unreachable!("describe() sends only motions here"),
    }
}

/// Meetings: agenda, proxies, attendance, minutes.
fn meetings(event: &Event, say: &Say) -> Sentence {
    let page = |meeting: &str| format!("/meetings/{meeting}");
    match event {
        Event::MeetingScheduled {
            meeting,
            body: id,
            on,
            by,
            ..
        } => sentence(
            "act-meeting-scheduled",
            vec![("by", say.person(by)), ("body", say.body(id)), ("on", on.to_string())],
            page(meeting),
        ),
        Event::AgendaItemAdded { meeting, item, by, .. } => sentence(
            "act-agenda-item-added",
            vec![
                ("by", say.person(by)),
                ("item", item.clone()),
                ("meeting", meeting.clone()),
            ],
            page(meeting),
        ),
        Event::AgendaItemRequested { meeting, item, by, .. } => sentence(
            "act-agenda-item-requested",
            vec![
                ("by", say.person(by)),
                ("item", item.clone()),
                ("meeting", meeting.clone()),
            ],
            page(meeting),
        ),
        Event::ProxyDeclared {
            meeting,
            member,
            holder,
        } => sentence(
            "act-proxy-declared",
            vec![
                ("member", say.person(member)),
                ("holder", say.person(holder)),
                ("meeting", meeting.clone()),
            ],
            page(meeting),
        ),
        Event::AttendanceRecorded {
            meeting,
            attending,
            quorum_met,
            ..
        } => sentence(
            if *quorum_met {
                "act-attendance-recorded-quorum"
            } else {
                "act-attendance-recorded-no-quorum"
            },
            vec![("meeting", meeting.clone()), ("attending", attending.len().to_string())],
            page(meeting),
        ),
        Event::MinutesPublished { meeting, by, .. } => sentence(
            "act-minutes-published",
            vec![("by", say.person(by)), ("meeting", meeting.clone())],
            page(meeting),
        ),
        _ => unreachable!("describe() sends only meetings here"),
    }
}

/// Elections, from opening to the count.
fn elections(event: &Event, say: &Say) -> Sentence {
    let page = |election: &str| format!("/elections/{election}");
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
        } => sentence(
            "act-election-opened",
            vec![
                ("by", say.person(by)),
                ("seats", seats.to_string()),
                ("seat", say.word("seat", seat.as_str())),
                ("body", say.body(id)),
                ("nominations", nominations_close.to_string()),
                ("voting", voting_close.to_string()),
            ],
            page(election),
        ),
        Event::CandidateNominated {
            election,
            candidate,
            by,
        } => sentence(
            "act-candidate-nominated",
            vec![
                ("by", say.person(by)),
                ("candidate", say.person(candidate)),
                ("election", election.clone()),
            ],
            page(election),
        ),
        Event::CandidateConsented { election, candidate } => sentence(
            "act-candidate-consented",
            vec![("candidate", say.person(candidate)), ("election", election.clone())],
            page(election),
        ),
        Event::CandidateWithdrew { election, candidate } => sentence(
            "act-candidate-withdrew",
            vec![("candidate", say.person(candidate)), ("election", election.clone())],
            page(election),
        ),
        Event::StatementPublished {
            election, candidate, ..
        } => sentence(
            "act-statement-published",
            vec![("candidate", say.person(candidate)), ("election", election.clone())],
            page(election),
        ),
        Event::NominationsClosed {
            election, candidates, ..
        } => sentence(
            "act-nominations-closed",
            vec![("election", election.clone()), ("candidates", say.people(candidates))],
            page(election),
        ),
        Event::BallotCast { election, voter, .. } => sentence(
            "act-ballot-cast",
            vec![("voter", say.person(voter)), ("election", election.clone())],
            page(election),
        ),
        Event::ElectionClosed {
            election,
            valid,
            winners,
            by,
            ..
        } => {
            let key = if !valid {
                "act-election-closed-not-valid"
            } else if winners.is_empty() {
                "act-election-closed-no-one"
            } else {
                "act-election-closed"
            };
            sentence(
                key,
                vec![
                    ("by", say.person(by)),
                    ("election", election.clone()),
                    ("winners", say.people(winners)),
                ],
                page(election),
            )
        }
        _ => unreachable!("describe() sends only elections here"),
    }
}

/// The registry, reports, seats, terms, liaisons and lifecycles.
fn structure(event: &Event, say: &Say) -> Sentence {
    let page = |id: &str| format!("/bodies/{id}");
    match event {
        Event::RegistryRecorded { files, by } => sentence(
            "act-registry-recorded",
            vec![("by", say.person(by)), ("files", files.len().to_string())],
            "/".to_owned(),
        ),
        Event::RegistryAmended {
            commit,
            author,
            subject,
            changes,
            problems,
            ..
        } => sentence(
            if problems.is_empty() {
                "act-registry-amended"
            } else {
                "act-registry-amended-unreadable"
            },
            vec![
                ("commit", commit.chars().take(12).collect()),
                ("author", author.clone()),
                ("subject", subject.clone()),
                ("changes", changes.len().to_string()),
                (
                    "findings",
                    changes
                        .iter()
                        .filter(|change| change.rule.is_some())
                        .count()
                        .to_string(),
                ),
            ],
            "/log?kind=registry-amended".to_owned(),
        ),
        Event::ReportSubmitted {
            body: id,
            on,
            report,
            by,
            ..
        } => sentence(
            "act-report-submitted",
            vec![
                ("by", say.person(by)),
                ("body", say.body(id)),
                ("report", say.word("report", report.as_str())),
                ("on", on.to_string()),
            ],
            page(id),
        ),
        Event::RollRecorded { on, members, by, .. } => sentence(
            "act-roll-recorded",
            vec![
                ("by", say.person(by)),
                ("on", on.to_string()),
                ("members", members.len().to_string()),
            ],
            "/people".to_owned(),
        ),
        Event::LiaisonVolunteered {
            body: id,
            area,
            person: who,
        } => sentence(
            "act-liaison-volunteered",
            vec![
                ("person", say.person(who)),
                ("area", area.clone()),
                ("body", say.body(id)),
            ],
            page(id),
        ),
        Event::LiaisonChosen {
            body: id,
            area,
            person: who,
            by,
        } => sentence(
            "act-liaison-chosen",
            vec![
                ("by", say.person(by)),
                ("person", say.person(who)),
                ("area", area.clone()),
                ("body", say.body(id)),
            ],
            page(id),
        ),
        Event::SignedOff {
            body: id,
            area,
            subject,
            by,
        } => sentence(
            "act-signed-off",
            vec![
                ("by", say.person(by)),
                ("subject", subject.clone()),
                ("area", area.clone()),
                ("body", say.body(id)),
            ],
            page(id),
        ),
        Event::WorkingGroupDissolved { body: id, on, by, .. } => sentence(
            "act-working-group-dissolved",
            vec![("by", say.person(by)), ("body", say.body(id)), ("on", on.to_string())],
            page(id),
        ),
        Event::TermEnded {
            body: id,
            person: who,
            seat,
            on,
            ..
        } => sentence(
            "act-term-ended",
            vec![
                ("person", say.person(who)),
                ("seat", say.word("seat", seat.as_str())),
                ("body", say.body(id)),
                ("on", on.to_string()),
            ],
            page(id),
        ),
        Event::NoConfidence { body: id, motion } => sentence(
            "act-no-confidence",
            vec![("body", say.body(id)), ("motion", motion.clone())],
            page(id),
        ),
        Event::CommitterPromoted {
            body: id, person: who, ..
        } => sentence(
            "act-committer-promoted",
            vec![("person", say.person(who)), ("body", say.body(id))],
            page(id),
        ),
        Event::BodyTransitioned { body: id, to, on, .. } => sentence(
            "act-body-transitioned",
            vec![
                ("body", say.body(id)),
                ("state", say.word("state", to.as_str())),
                ("on", on.to_string()),
            ],
            page(id),
        ),
        Event::TermStarted {
            body: id,
            person: who,
            seat,
            from,
            until,
            ..
        } => sentence(
            if until.is_some() {
                "act-term-started-until"
            } else {
                "act-term-started"
            },
            vec![
                ("person", say.person(who)),
                ("seat", say.word("seat", seat.as_str())),
                ("body", say.body(id)),
                ("from", from.to_string()),
                ("until", until.map(|until| until.to_string()).unwrap_or_default()),
            ],
            page(id),
        ),
        _ => unreachable!("describe() sends only structure here"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polity_model::{LifecycleState, ReportKind, Seat};

    /// Every sentence this module says has its message in both languages, and every word put
    /// into a sentence (seats, states, reports, outcomes, choices) has its Chinese word.
    #[test]
    fn t1_every_act_is_said_in_both_languages() {
        let source = include_str!("words.rs");
        let keys: Vec<&str> = source
            .split('"')
            .filter(|part| {
                part.starts_with("act-")
                    && part.len() > 4
                    && part.bytes().all(|byte| byte.is_ascii_lowercase() || byte == b'-')
            })
            .collect();
        assert!(keys.len() >= 40, "the sentences are found: {keys:?}");
        for key in keys {
            for lang in [Lang::En, Lang::Zh] {
                assert!(polity_i18n::has(lang, key), "{key} in {lang:?}");
            }
        }
        let polity = Polity::default();
        let say = Say {
            polity: &polity,
            lang: Lang::Zh,
        };
        let mut raw: Vec<(&str, &str)> = Seat::ALL.iter().map(|seat| ("seat", seat.as_str())).collect();
        for state in [
            LifecycleState::Proposed,
            LifecycleState::Forming,
            LifecycleState::Active,
            LifecycleState::Archived,
        ] {
            raw.push(("state", state.as_str()));
        }
        for report in [ReportKind::Quarterly, ReportKind::Annual] {
            raw.push(("report", report.as_str()));
        }
        for choice in ["yes", "no", "abstain"] {
            raw.push(("choice-word", choice));
        }
        for outcome in [
            "carried",
            "failed",
            "no quorum",
            "invalid",
            "tied: vote again",
            "tied: the chair's casting vote decides",
            "deadlocked",
        ] {
            raw.push(("outcome", outcome));
        }
        for (group, word) in raw {
            let said = say.word(group, word);
            assert!(!said.is_ascii(), "{group} {word:?} has no Chinese word: {said}");
        }
    }

    /// The same act reads in English as before and in Chinese with the names and words put in.
    #[test]
    fn t1_an_act_reads_in_the_readers_language() {
        let polity = Polity::default();
        let closed = Event::MotionClosed {
            motion: "m-3".to_owned(),
            outcome: "tied: vote again".to_owned(),
            yes: 2,
            no: 2,
            abstain: 1,
            casting_vote: None,
            explanation: Vec::new(),
            by: "ada".to_owned(),
        };
        assert_eq!(
            describe(&closed, &polity),
            (
                "ada closed motion m-3: tied: vote again (2 yes, 2 no, 1 abstain).".to_owned(),
                "/motions/m-3".to_owned()
            )
        );
        assert_eq!(
            describe_in(&closed, &polity, Lang::Zh).0,
            "ada 结束了动议 m-3 的表决：平局：重新表决（赞成 2，反对 2，弃权 1）。"
        );
        let elected = Event::ElectionClosed {
            election: "e-1".to_owned(),
            valid: true,
            ranking: Vec::new(),
            winners: vec!["lin".to_owned(), "kai".to_owned()],
            skipped: Vec::new(),
            explanation: Vec::new(),
            rounds: Vec::new(),
            tally_sheet: Vec::new(),
            by: "ada".to_owned(),
        };
        assert_eq!(
            describe(&elected, &polity).0,
            "ada closed election e-1: elected lin, kai."
        );
        assert_eq!(
            describe_in(&elected, &polity, Lang::Zh).0,
            "ada 结束了选举 e-1：lin、kai 当选。"
        );
    }
}
