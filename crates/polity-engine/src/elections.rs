//! Elections (E1, E2, E3, E4, E5, E10): nominations, consent, statements, secret ballots with keys and receipts (T1), the count with its caps (S6) and the new terms.

use super::*;
use crate::closing::close_election;

/// `decide` for this process's commands (the top-level `decide` dispatches them here).
pub(crate) fn decide(
    state: &State,
    command: &Command,
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    let on = now.date();
    match command {
        Command::OpenElection(crate::command::OpenElection {
            body,
            seat,
            seats,
            stagger,
        }) => decide_open_election(state, body, seat, seats, stagger, actor, on),
        Command::Nominate(crate::command::Nominate { election, candidate }) => {
            crate::nominations::decide_nominate(state, election, candidate, actor, now)
        }
        Command::Consent(crate::command::Consent { election })
        | Command::Withdraw(crate::command::Withdraw { election }) => {
            crate::nominations::decide_consent_or_withdraw(state, command, election, actor)
        }
        Command::PublishStatement(crate::command::PublishStatement { election, statement }) => {
            crate::nominations::decide_publish_statement(state, election, statement, actor)
        }
        Command::CloseNominations(crate::command::CloseNominations { election }) => {
            crate::nominations::decide_close_nominations(state, election, actor)
        }
        Command::CastBallot(crate::command::CastBallot {
            election,
            ranking,
            abstain,
            key,
            replaces,
        }) => cast_ballot(state, election, ranking, *abstain, key, replaces.as_deref(), actor, now),
        Command::CloseElection(crate::command::CloseElection { election, ballots }) => {
            decide_close_election(state, election, ballots, actor, now)
        }
        _ => unreachable!("`decide` dispatches only this process's commands here"),
    }
}

/// `evolve` for this process's events.
pub(crate) fn evolve(state: &mut State, event: &Event) {
    match event {
        Event::ElectionOpened {
            election,
            body,
            seat,
            seats,
            nominations_close,
            voting_close,
            stagger,
            by,
        } => {
            state.elections.insert(
                election.clone(),
                Election {
                    id: election.clone(),
                    body: body.clone(),
                    seat: *seat,
                    seats: *seats,
                    nominations_close: *nominations_close,
                    voting_close: *voting_close,
                    phase: Phase::Nominating,
                    nominees: BTreeMap::new(),
                    candidates: Vec::new(),
                    voted: BTreeSet::new(),
                    keys: BTreeMap::new(),
                    winners: Vec::new(),
                    valid: None,
                    ranking: Vec::new(),
                    skipped: Vec::new(),
                    explanation: Vec::new(),
                    rounds: Vec::new(),
                    tally_sheet: Vec::new(),
                    stagger: *stagger,
                    opened_by: by.clone(),
                },
            );
        }
        Event::CandidateNominated {
            election, candidate, ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.nominees.insert(
                    candidate.clone(),
                    Nominee {
                        consented: false,
                        withdrawn: false,
                        statement: None,
                    },
                );
            }
        }
        Event::CandidateConsented { election, candidate } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.consented = true;
            }
        }
        Event::StatementPublished {
            election,
            candidate,
            statement,
        } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.statement = Some(statement.clone());
            }
        }
        Event::CandidateWithdrew { election, candidate } => {
            if let Some(nominee) = state
                .elections
                .get_mut(election)
                .and_then(|election| election.nominees.get_mut(candidate))
            {
                nominee.withdrawn = true;
            }
        }
        Event::NominationsClosed {
            election, candidates, ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.phase = Phase::Voting;
                election.candidates = candidates.clone();
            }
        }
        Event::BallotCast {
            election,
            voter,
            key_hash,
            ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.voted.insert(voter.clone());
                match key_hash {
                    Some(hash) => election.keys.insert(voter.clone(), hash.clone()),
                    None => election.keys.remove(voter),
                };
            }
        }
        Event::ElectionClosed {
            election,
            valid,
            ranking,
            winners,
            skipped,
            explanation,
            rounds,
            tally_sheet,
            ..
        } => {
            if let Some(election) = state.elections.get_mut(election) {
                election.phase = Phase::Closed;
                election.valid = Some(*valid);
                election.ranking = ranking.clone();
                election.skipped = skipped.clone();
                election.explanation = explanation.clone();
                election.rounds = rounds.clone();
                election.winners = winners.clone();
                election.tally_sheet = tally_sheet.clone();
            }
        }
        _ => unreachable!("`evolve` dispatches only this process's events here"),
    }
}

/// Half a term, for staggering (E5): years become months, odd months and weeks become days.
pub(crate) fn half(term: polity_model::Period) -> polity_model::Period {
    use polity_model::{Period, PeriodUnit};
    match term.unit {
        PeriodUnit::Years => Period::new(term.amount * 6, PeriodUnit::Months),
        PeriodUnit::Months if term.amount.is_multiple_of(2) => Period::new(term.amount / 2, PeriodUnit::Months),
        PeriodUnit::Months => Period::new(term.amount * 30 / 2, PeriodUnit::Days),
        PeriodUnit::Weeks => Period::new(term.amount * 7 / 2, PeriodUnit::Days),
        PeriodUnit::Days => Period::new(term.amount / 2, PeriodUnit::Days),
    }
}

pub(crate) fn election_rule_id(body: &Body, seat: Seat) -> RuleId {
    body.kind.seat_rule(seat)
}

pub(crate) fn election_in<'a>(state: &'a State, id: &str, phase: Phase) -> Result<&'a Election, Rejection> {
    match state.elections.get(id) {
        None => crate::refusal(
            "no-such-election",
            RuleId::RRef,
            &[("election", id.to_owned())],
            format!("there is no election {id:?}"),
            "name an election shown by `polity log`",
        ),
        Some(election) if election.phase != phase => reject::<&Election>(
            RuleId::E1,
            format!(
                "election {id} {}, so this cannot be done now: it can be done only {}",
                match election.phase {
                    Phase::Nominating => "is still taking nominations",
                    Phase::Voting => "is open for voting",
                    Phase::Closed => "is closed",
                },
                match phase {
                    Phase::Nominating => "while nominations are open",
                    Phase::Voting => "while voting is open",
                    Phase::Closed => "after the election is closed",
                }
            ),
            match election.phase {
                Phase::Nominating => "close the nominations first",
                Phase::Voting => "nominations are closed; vote or close the election",
                Phase::Closed => "the election is over",
            },
        )
        .map_err(|refusal| {
            let name = |phase: Phase| match phase {
                Phase::Nominating => "nominating",
                Phase::Voting => "voting",
                Phase::Closed => "closed",
            };
            refusal.said(
                "election-phase",
                &[
                    ("election", id.to_owned()),
                    ("now", name(election.phase).to_owned()),
                    ("needed", name(phase).to_owned()),
                ],
            )
        }),
        Some(election) => Ok(election),
    }
}

fn decide_open_election(
    state: &State,
    body: &str,
    seat: &Seat,
    seats: &usize,
    stagger: &bool,
    actor: String,
    on: Date,
) -> Result<Vec<Event>, Rejection> {
    let body = state.body(body)?;
    let rule = state.election_rule(body, *seat);
    let organisers: BTreeSet<String> = voting_members(&state.polity, body, on)
        .union(&state.electorate(body, Electorate::Overseer, on))
        .cloned()
        .collect();
    if !organisers.contains(&actor) {
        return crate::refusal(
            "may-not-open-election",
            RuleId::E1,
            &[("person", actor.clone()), ("body", body.id.clone())],
            format!(
                "{actor} is neither a member of {} nor of the body overseeing it",
                body.id
            ),
            "a member of the body, or of its overseeing committee, opens its elections",
        );
    }
    if *seats == 0 {
        return crate::refusal(
            "no-seats",
            RuleId::E1,
            &[],
            "an election fills at least one seat",
            "pass --seats N",
        );
    }
    let most = body.seat_limit(*seat) as usize;
    if *seats > most {
        return crate::refusal(
            "too-many-seats",
            RuleId::RValue,
            &[
                ("body", body.id.clone()),
                ("most", most.to_string()),
                ("seat", seat.as_str().to_owned()),
                ("seats", seats.to_string()),
            ],
            format!(
                "{} has at most {most} {} seat(s); an election cannot fill {seats}",
                body.id,
                seat.as_str()
            ),
            format!("pass --seats {most} or fewer"),
        );
    }
    let nominations_close = rule.windows.nomination.after(on);
    let voting_close = rule.windows.voting.after(nominations_close);
    let existing = state
        .elections
        .keys()
        .filter(|id| id.starts_with(&format!("{}/", body.id)))
        .count();
    Ok(vec![Event::ElectionOpened {
        election: new_id("e", &body.id, existing),
        body: body.id.clone(),
        seat: *seat,
        seats: *seats,
        nominations_close,
        voting_close,
        stagger: *stagger,
        by: actor,
    }])
}

fn decide_close_election(
    state: &State,
    election: &str,
    ballots: &[(String, Vec<Vec<String>>)],
    actor: String,
    now: jiff::civil::DateTime,
) -> Result<Vec<Event>, Rejection> {
    crate::standing::may_close_election(state, election, &actor, now)?;
    let election = election_in(state, election, Phase::Voting)?;
    close_election(state, election, ballots, &actor, now.date())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::RuleId;
    use crate::testing::{given, refused};
    use crate::{Command, Event};

    fn chair_election() -> crate::testing::Given {
        officer_election(polity_model::Seat::Chair)
    }

    /// An election of one `seat` officer of the CFN TSC opened on 2026-06-04, chen nominated.
    fn officer_election(seat: polity_model::Seat) -> crate::testing::Given {
        officer_election_in(given("cfn-working-group"), seat)
    }

    /// `officer_election` in a given record.
    fn officer_election_in(mut record: crate::testing::Given, seat: polity_model::Seat) -> crate::testing::Given {
        record
            .act(
                "alice",
                date(2026, 6, 4),
                Command::OpenElection(crate::command::OpenElection {
                    body: "tsc".into(),
                    seat,
                    seats: 1,
                    stagger: false,
                }),
            )
            .act(
                "alice",
                date(2026, 6, 5),
                Command::Nominate(crate::command::Nominate {
                    election: "tsc/e1".into(),
                    candidate: "chen".into(),
                }),
            );
        record
    }

    #[test]
    fn e3_a_candidate_consents_before_nominations_close() {
        let mut record = chair_election();
        let close = Command::CloseNominations(crate::command::CloseNominations {
            election: "tsc/e1".into(),
        });
        refused(record.when("alice", date(2026, 6, 18), &close), RuleId::E3);
        record.act(
            "chen",
            date(2026, 6, 6),
            Command::Consent(crate::command::Consent {
                election: "tsc/e1".into(),
            }),
        );
        assert_eq!(
            record.when("alice", date(2026, 6, 18), &close).unwrap(),
            vec![Event::NominationsClosed {
                election: "tsc/e1".into(),
                candidates: vec!["chen".into()],
                by: "alice".into(),
            }]
        );
        refused(
            record.when(
                "jun",
                date(2026, 6, 5),
                &Command::Nominate(crate::command::Nominate {
                    election: "tsc/e1".into(),
                    candidate: "dana".into(),
                }),
            ),
            RuleId::E3,
        );
    }

    /// Acting in the wrong phase says so in words, not with the phase's name in code.
    #[test]
    fn e1_an_act_in_the_wrong_phase_says_when_it_can_be_done() {
        let record = chair_election();
        let close = Command::CloseElection(crate::command::CloseElection {
            election: "tsc/e1".into(),
            ballots: Vec::new(),
        });
        let rejection = refused(record.when("alice", date(2026, 6, 6), &close), RuleId::E1);
        assert_eq!(
            rejection.message,
            "election tsc/e1 is still taking nominations, so this cannot be done now: it can be done only while voting is open"
        );
        assert_eq!(rejection.hint, "close the nominations first");
    }

    #[test]
    fn e3_only_members_vote_once_and_not_after_the_window() {
        let mut record = chair_election();
        consented_and_closed(&mut record);
        let ballot = |key: &str, replaces: Option<&str>| {
            Command::CastBallot(crate::command::CastBallot {
                election: "tsc/e1".into(),
                ranking: vec![vec!["chen".into()]],
                abstain: false,
                key: key.into(),
                replaces: replaces.map(str::to_owned),
            })
        };
        let first = "000000000000000000000000000000a1";
        refused(record.when("jun", date(2026, 6, 19), &ballot(first, None)), RuleId::E3);
        refused(record.when("bob", date(2026, 6, 25), &ballot(first, None)), RuleId::E3);
        record.act("bob", date(2026, 6, 19), ballot(first, None));
        refused(
            record.when(
                "bob",
                date(2026, 6, 20),
                &ballot("000000000000000000000000000000a2", None),
            ),
            RuleId::E3,
        );
        assert!(
            record
                .when(
                    "bob",
                    date(2026, 6, 20),
                    &ballot("000000000000000000000000000000a2", Some(first))
                )
                .is_ok()
        );
    }

    /// With `deadline-time: "18:00"` (Asia/Shanghai in the example), the windows close at 18:00 of
    /// their closing dates, not as those dates begin: a nomination and a ballot at 17:59 of the
    /// closing date are accepted, at 18:00 refused, and the refusal names the moment; the close
    /// before every voter has voted is refused until 18:00 and accepted from then on.
    #[test]
    fn e1_e3_windows_close_at_the_constitutions_deadline_time() {
        let edit = |path: &str, content: String| {
            if path == "polity.yaml" {
                content.replace(
                    "time-zone: Asia/Shanghai",
                    "time-zone: Asia/Shanghai\ndeadline-time: \"18:00\"",
                )
            } else {
                content
            }
        };
        let mut record = officer_election_in(
            crate::testing::given_edited("cfn-working-group", edit),
            polity_model::Seat::Chair,
        );
        assert_eq!(
            record.state.polity.constitution.deadline_time,
            jiff::civil::time(18, 0, 0, 0)
        );
        let nominate = Command::Nominate(crate::command::Nominate {
            election: "tsc/e1".into(),
            candidate: "dana".into(),
        });
        let nominations_close = date(2026, 6, 18);
        assert!(
            record
                .when_at("alice", nominations_close.at(17, 59, 59, 0), &nominate)
                .is_ok()
        );
        let late = refused(
            record.when_at("alice", nominations_close.at(18, 0, 0, 0), &nominate),
            RuleId::E3,
        );
        assert_eq!(late.message, "nominations closed on 2026-06-18 18:00 Asia/Shanghai");
        consented_and_closed(&mut record);
        let ballot = Command::CastBallot(crate::command::CastBallot {
            election: "tsc/e1".into(),
            ranking: vec![vec!["chen".into()]],
            abstain: false,
            key: "000000000000000000000000000000b1".into(),
            replaces: None,
        });
        let voting_close = date(2026, 6, 25);
        assert!(record.when_at("bob", voting_close.at(17, 59, 0, 0), &ballot).is_ok());
        let late = refused(record.when_at("bob", voting_close.at(18, 0, 0, 0), &ballot), RuleId::E3);
        assert_eq!(late.message, "voting closed on 2026-06-25 18:00 Asia/Shanghai");
        assert_eq!(
            late.words.as_ref().map(|words| words.args.clone()),
            Some(vec![("date", "2026-06-25 18:00 Asia/Shanghai".to_owned())])
        );
        record.act("bob", voting_close, ballot);
        let close = Command::CloseElection(crate::command::CloseElection {
            election: "tsc/e1".into(),
            ballots: vec![(
                crate::secret::receipt_of("000000000000000000000000000000b1"),
                vec![vec!["chen".to_owned()]],
            )],
        });
        let early = refused(
            record.when_at("alice", voting_close.at(17, 59, 0, 0), &close),
            RuleId::E3,
        );
        assert!(
            early.message.contains("is open until 2026-06-25 18:00 Asia/Shanghai"),
            "{}",
            early.message
        );
        record.when_at("alice", voting_close.at(18, 0, 0, 0), &close).unwrap();
    }

    /// An earlier election's winner: `person` holds `seat` of the TSC from `from` until `until`.
    fn earlier_term(
        person: &str,
        seat: polity_model::Seat,
        from: jiff::civil::Date,
        until: jiff::civil::Date,
    ) -> Event {
        Event::TermStarted {
            body: "tsc".into(),
            person: person.into(),
            seat,
            from,
            until: Some(until),
            election: "tsc/e0".into(),
            class: None,
        }
    }

    /// The winners and the explanation of a close's events.
    fn result_of(events: &[Event]) -> (&[String], &[String]) {
        match &events[0] {
            Event::ElectionClosed {
                winners, explanation, ..
            } => (winners, explanation),
            other => panic!("{other:?}"),
        }
    }

    /// chen consents on 2026-06-06 and alice closes the nominations on 2026-06-18.
    fn consented_and_closed(record: &mut crate::testing::Given) {
        record
            .act(
                "chen",
                date(2026, 6, 6),
                Command::Consent(crate::command::Consent {
                    election: "tsc/e1".into(),
                }),
            )
            .act(
                "alice",
                date(2026, 6, 18),
                Command::CloseNominations(crate::command::CloseNominations {
                    election: "tsc/e1".into(),
                }),
            );
    }

    /// The chair election of `chair_election` run to its close on 2026-06-25, six members (the
    /// E3 turnout of two thirds) voting for chen; the events of the close.
    fn chair_elected(mut record: crate::testing::Given) -> Vec<Event> {
        consented_and_closed(&mut record);
        let mut ballots = Vec::new();
        for (index, voter) in ["bob", "dana", "emil", "fang", "gus", "hua"].into_iter().enumerate() {
            let key = format!("{index:032x}");
            record.act(
                voter,
                date(2026, 6, 19),
                Command::CastBallot(crate::command::CastBallot {
                    election: "tsc/e1".into(),
                    ranking: vec![vec!["chen".into()]],
                    abstain: false,
                    key: key.clone(),
                    replaces: None,
                }),
            );
            ballots.push((crate::secret::receipt_of(&key), vec![vec!["chen".to_owned()]]));
        }
        let close = Command::CloseElection(crate::command::CloseElection {
            election: "tsc/e1".into(),
            ballots,
        });
        record.when("alice", date(2026, 6, 25), &close).unwrap()
    }

    /// The registry's counting method and semantics reach the close: an officer election
    /// counted by Meek STV, then by Schulze in Elekto's order, each says so in its explanation.
    #[test]
    fn e3_the_close_counts_by_the_registrys_method_and_compat() {
        for (key, says) in [
            ("method: meek", "Meek STV"),
            ("method: scottish-stv", "Scottish STV"),
            ("compat: elekto", "in Elekto's order"),
        ] {
            let record = crate::testing::given_edited("cfn-working-group", |path, content| {
                if path.ends_with("tsc.yaml") {
                    content.replace("  consent: true\n", &format!("  consent: true\n  {key}\n"))
                } else {
                    content
                }
            });
            let record = officer_election_in(record, polity_model::Seat::Chair);
            let events = chair_elected(record);
            let (winners, explanation) = result_of(&events);
            assert_eq!(winners, ["chen"], "{key}");
            // An STV count keeps its round table in the record; Schulze has none.
            let Event::ElectionClosed { rounds, .. } = &events[0] else {
                panic!("{events:?}")
            };
            assert_eq!(rounds.is_empty(), key.starts_with("compat"), "{key}: {rounds:?}");
            assert!(
                explanation.iter().any(|line| line.contains(says)),
                "{key}: {explanation:#?}"
            );
        }
    }

    /// Found by the engine-wide property test: an officer elected while a member took a term
    /// that began after the membership ended, and kept it after.
    #[test]
    fn e3_an_officer_is_a_member_when_the_term_starts_and_serves_while_one() {
        // The chair's term starts when alice's ends (2026-07-01); chen's member seat ends early,
        // on 2026-06-20: chen is passed over, and the seat stays open.
        let mut record = chair_election();
        record.events(&[Event::TermEnded {
            body: "tsc".into(),
            person: "chen".into(),
            seat: polity_model::Seat::Member,
            on: date(2026, 6, 20),
            motion: "tsc/m9".into(),
        }]);
        let events = chair_elected(record);
        let (winners, explanation) = result_of(&events);
        assert!(winners.is_empty(), "{events:?}");
        assert!(
            explanation
                .contains(&"passed over chen: not a member of tsc on 2026-07-01, when the term starts (E3)".to_owned()),
            "{explanation:?}"
        );
        // A member until 2027-01-15, chen is chair until then, not for the body's whole term.
        let events = chair_elected(chair_election());
        assert_eq!(
            events[1],
            Event::TermStarted {
                body: "tsc".into(),
                person: "chen".into(),
                seat: polity_model::Seat::Chair,
                from: date(2026, 7, 1),
                until: Some(date(2027, 1, 15)),
                election: "tsc/e1".into(),
                class: None,
            }
        );
    }

    /// Found by the engine-wide property test: two elections for one PTL seat both filled it.
    #[test]
    fn s8_an_election_fills_only_the_seats_still_free_when_its_terms_start() {
        // dana won the chair in an earlier election, from 2026-07-01: this one fills nothing.
        let mut record = chair_election();
        record.events(&[earlier_term(
            "dana",
            polity_model::Seat::Chair,
            date(2026, 7, 1),
            date(2027, 1, 15),
        )]);
        let events = chair_elected(record);
        let (winners, explanation) = result_of(&events);
        assert!(winners.is_empty(), "{events:?}");
        assert_eq!(events.len(), 1, "no term starts: {events:?}");
        assert!(
            explanation.contains(
                &"0 seat(s) filled, not 1: tsc has at most 1 chair seat(s) and 1 hold(s) one on 2026-07-01 (dana)"
                    .to_owned()
            ),
            "{explanation:?}"
        );
    }

    /// Found by the engine-wide property test: a winner of an earlier election, whose term had
    /// not begun, was elected to the same seat again.
    #[test]
    fn s5_a_seat_already_won_is_not_won_again() {
        // chen won a co-chair seat from 2026-07-01 before; one of the two co-chair seats is free,
        // and chen, the only candidate, does not take it twice.
        let mut record = officer_election(polity_model::Seat::CoChair);
        record.events(&[earlier_term(
            "chen",
            polity_model::Seat::CoChair,
            date(2026, 7, 1),
            date(2027, 1, 15),
        )]);
        let events = chair_elected(record);
        let (winners, explanation) = result_of(&events);
        assert!(winners.is_empty(), "{events:?}");
        assert!(
            explanation.contains(&"passed over chen: already holds a co-chair seat of tsc on 2026-07-01".to_owned()),
            "{explanation:?}"
        );
    }
}
