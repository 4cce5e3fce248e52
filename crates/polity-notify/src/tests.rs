//! Notices derived from a record of the cfn-working-group example: who is told what, once, in
//! their language, and never a ballot.

use jiff::civil::{Date, date};
use polity_engine::command::{self, CloseNominations, Consent, Nominate, OpenElection};
use polity_engine::{Command, Context, Event, SourceFile, State, TallyLine, decide, evolve};
use polity_model::{Lang, NoticeKind, Seat};

use crate::{Notice, Options, owed};

/// The example registry `name` recorded on 2026-06-01.
fn example(name: &str) -> State {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let files = polity_registry::read_sources(&root)
        .expect("the example reads")
        .into_iter()
        .map(|(path, content)| SourceFile { path, content })
        .collect();
    let mut state = State::default();
    act(
        &mut state,
        "polity init",
        date(2026, 6, 1),
        Command::RecordRegistry(command::RecordRegistry { files }),
    );
    state
}

fn recorded() -> State {
    let mut state = example("cfn-working-group");
    // Everyone gets an address; Chen reads Chinese.
    for person in &mut state.polity.people {
        person.emails = vec![format!("{}@example.org", person.id)];
        if person.id == "chen" {
            person.lang = Lang::Zh;
        }
    }
    state
}

fn act(state: &mut State, actor: &str, on: Date, command: Command) -> Vec<Event> {
    let events = decide(state, &command, &Context::on(actor, on))
        .unwrap_or_else(|rejection| panic!("{command:?} by {actor}: {rejection}"));
    for event in &events {
        evolve(state, event);
    }
    events
}

/// The demo's co-chair election, in its voting phase from 2026-06-05 (voting closes 06-19 or as
/// the registry's windows say).
fn voting() -> State {
    let mut state = recorded();
    act(
        &mut state,
        "alice",
        date(2026, 6, 2),
        Command::OpenElection(OpenElection {
            body: "tsc".into(),
            seat: Seat::CoChair,
            seats: 1,
            stagger: false,
        }),
    );
    for (candidate, by) in [("emil", "alice"), ("fang", "bob")] {
        act(
            &mut state,
            by,
            date(2026, 6, 3),
            Command::Nominate(Nominate {
                election: "tsc/e1".into(),
                candidate: candidate.into(),
            }),
        );
        act(
            &mut state,
            candidate,
            date(2026, 6, 4),
            Command::Consent(Consent {
                election: "tsc/e1".into(),
            }),
        );
    }
    act(
        &mut state,
        "alice",
        date(2026, 6, 5),
        Command::CloseNominations(CloseNominations {
            election: "tsc/e1".into(),
        }),
    );
    state
}

fn of(notices: &[Notice], kind: NoticeKind) -> Vec<&Notice> {
    notices.iter().filter(|notice| notice.kind == kind).collect()
}

fn people(notices: &[&Notice]) -> Vec<String> {
    notices.iter().map(|notice| notice.person.clone()).collect()
}

#[test]
fn e1_voting_open_goes_to_each_eligible_voter_once_with_the_ballot_link() {
    let state = voting();
    let options = Options {
        base_url: Some("https://gov.example.org/".into()),
        ..Options::default()
    };
    let notices = owed(&state, date(2026, 6, 6), &options);
    let open = of(&notices, NoticeKind::VotingOpen);
    let voters = state.election_voters(&state.elections["tsc/e1"], date(2026, 6, 6));
    assert_eq!(people(&open), voters.iter().cloned().collect::<Vec<_>>());
    assert!(open.len() >= 2, "{open:?}");
    for notice in &open {
        assert_eq!(notice.key, format!("voting-open/tsc/e1/{}", notice.person));
        assert!(
            notice.text.contains("https://gov.example.org/elections/tsc/e1"),
            "{}",
            notice.text
        );
        assert!(
            notice
                .html
                .contains("href=\"https://gov.example.org/elections/tsc/e1\"")
        );
        assert_eq!(
            notice.address.as_deref(),
            Some(format!("{}@example.org", notice.person).as_str())
        );
    }
    // The same state and date give the same notices, byte for byte.
    assert_eq!(notices, owed(&state, date(2026, 6, 6), &options));
}

#[test]
fn e1_a_reminder_goes_only_to_who_has_not_voted_in_the_last_days() {
    let mut state = voting();
    let closes = state.elections["tsc/e1"].voting_close;
    evolve(
        &mut state,
        &Event::BallotCast {
            election: "tsc/e1".into(),
            voter: "bob".into(),
            replaced: false,
            key_hash: None,
        },
    );
    let early = owed(
        &state,
        closes.saturating_sub(jiff::Span::new().days(5)),
        &Options::default(),
    );
    assert!(of(&early, NoticeKind::VotingReminder).is_empty());
    let late = owed(&state, closes.yesterday().unwrap(), &Options::default());
    let reminded = people(&of(&late, NoticeKind::VotingReminder));
    assert!(!reminded.contains(&"bob".to_owned()), "{reminded:?}");
    assert!(reminded.contains(&"alice".to_owned()), "{reminded:?}");
    // Once voting has closed nothing asks anyone to vote.
    let after = owed(&state, closes, &Options::default());
    assert!(of(&after, NoticeKind::VotingOpen).is_empty());
    assert!(of(&after, NoticeKind::VotingReminder).is_empty());
}

#[test]
fn a_person_who_muted_an_optional_kind_gets_none_of_it_and_others_still_do() {
    let mut state = voting();
    let closes = state.elections["tsc/e1"].voting_close;
    for person in &mut state.polity.people {
        if person.id == "alice" {
            person.muted = vec![NoticeKind::VotingReminder];
        }
    }
    let notices = owed(&state, closes.yesterday().unwrap(), &Options::default());
    let reminded = people(&of(&notices, NoticeKind::VotingReminder));
    assert!(!reminded.contains(&"alice".to_owned()));
    assert!(reminded.contains(&"dana".to_owned()), "{reminded:?}");
    assert!(people(&of(&notices, NoticeKind::VotingOpen)).contains(&"alice".to_owned()));
}

#[test]
fn a_required_kind_cannot_be_muted_and_an_unknown_one_is_named() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    let mut sources = polity_registry::read_sources(&root).unwrap();
    for (path, content) in &mut sources {
        if path == "people.yaml" {
            *content = content.replace(
                "github: bobb,",
                "github: bobb, lang: zh-CN, mute: [voting-open, voting-remindr, election-result],",
            );
        }
    }
    let loaded = polity_registry::load_sources(&sources);
    let messages: Vec<String> = loaded.findings.iter().map(|finding| finding.message.clone()).collect();
    assert!(
        messages
            .iter()
            .any(|message| message.contains("voting-open cannot be muted") && message.contains("E1")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("did you mean `voting-reminder`")),
        "{messages:?}"
    );
    let bob = loaded.polity.person("bob").unwrap();
    assert_eq!(bob.lang, Lang::Zh);
    assert_eq!(bob.muted, vec![NoticeKind::ElectionResult]);
}

#[test]
fn a_reader_of_chinese_gets_the_message_in_chinese() {
    let state = voting();
    let notices = owed(&state, date(2026, 6, 6), &Options::default());
    let chen = notices
        .iter()
        .find(|notice| notice.kind == NoticeKind::VotingOpen && notice.person == "chen")
        .unwrap();
    assert_eq!(chen.lang, Lang::Zh);
    assert!(chen.subject.contains("请投票"), "{}", chen.subject);
    assert!(chen.text.contains("投票"), "{}", chen.text);
    assert!(chen.html.contains("lang=\"zh-Hans\""));
    let alice = notices
        .iter()
        .find(|notice| notice.kind == NoticeKind::VotingOpen && notice.person == "alice")
        .unwrap();
    assert!(alice.subject.contains("Please vote"), "{}", alice.subject);
}

#[test]
fn t1_a_result_never_carries_a_ballot_or_its_receipt() {
    let mut state = voting();
    let closes = state.elections["tsc/e1"].voting_close;
    let receipt = "7f3a9c0d1e2b4a6f8c0d1e2b4a6f8c0d";
    evolve(
        &mut state,
        &Event::ElectionClosed {
            election: "tsc/e1".into(),
            valid: true,
            ranking: vec![vec!["emil".into()], vec!["fang".into()]],
            winners: vec!["emil".into()],
            skipped: Vec::new(),
            explanation: vec!["emil beats fang 5 to 4".into()],
            rounds: Vec::new(),
            tally_sheet: vec![TallyLine {
                receipt: receipt.into(),
                ranking: vec![vec!["fang".into()], vec!["emil".into()]],
            }],
            by: "alice".into(),
        },
    );
    let notices = owed(&state, closes, &Options::default());
    let results = of(&notices, NoticeKind::ElectionResult);
    assert!(!results.is_empty());
    for notice in &results {
        assert!(
            notice.text.contains("Emil Novak") || notice.lang == Lang::Zh,
            "{}",
            notice.text
        );
        for part in [&notice.subject, &notice.text, &notice.html] {
            assert!(!part.contains(receipt) && !part.contains(&receipt[..12]), "{part}");
        }
    }
    // A result is news for a fortnight, not forever: turning notifications on later does not
    // mail the community its history.
    let later = owed(
        &state,
        closes.saturating_add(jiff::Span::new().days(15)),
        &Options::default(),
    );
    assert!(of(&later, NoticeKind::ElectionResult).is_empty());
}

#[test]
fn d6_a_meeting_is_announced_to_the_members_with_its_agenda_and_its_minutes_follow() {
    let mut state = recorded();
    act(
        &mut state,
        "alice",
        date(2026, 6, 19),
        Command::ScheduleMeeting(command::ScheduleMeeting {
            body: "tsc".into(),
            on: date(2026, 6, 25),
        }),
    );
    act(
        &mut state,
        "alice",
        date(2026, 6, 19),
        Command::AddAgendaItem(command::AddAgendaItem {
            meeting: "tsc/mt1".into(),
            item: "Reference architecture v1".into(),
        }),
    );
    let notices = owed(&state, date(2026, 6, 20), &Options::default());
    let announced = of(&notices, NoticeKind::MeetingAnnounced);
    let members = polity_engine::voting_members(&state.polity, state.polity.body("tsc").unwrap(), date(2026, 6, 20));
    assert_eq!(people(&announced), members.iter().cloned().collect::<Vec<_>>());
    assert!(
        announced
            .iter()
            .all(|notice| notice.text.contains("Reference architecture v1")
                || notice.lang == Lang::Zh && notice.text.contains("议程"))
    );
    evolve(
        &mut state,
        &Event::MinutesPublished {
            meeting: "tsc/mt1".into(),
            link: "https://wiki.example.org/tsc/2026-06-25".into(),
            by: "alice".into(),
        },
    );
    let after = owed(&state, date(2026, 6, 26), &Options::default());
    assert!(of(&after, NoticeKind::MeetingAnnounced).is_empty());
    let minutes = of(&after, NoticeKind::MinutesPublished);
    assert_eq!(minutes.len(), members.len());
    assert!(minutes[0].text.contains("https://wiki.example.org/tsc/2026-06-25"));
}

#[test]
fn d3_a_motion_awaits_the_vote_of_each_member_who_has_not_voted() {
    let mut state = recorded();
    act(
        &mut state,
        "alice",
        date(2026, 6, 18),
        Command::motion("tsc", "Adopt reference architecture v1\r\nBcc: everyone@example.org"),
    );
    act(
        &mut state,
        "bob",
        date(2026, 6, 18),
        Command::Vote(command::Vote {
            motion: "tsc/m1".into(),
            choice: polity_count::motion::Choice::Yes,
            on_behalf_of: None,
            capacity: None,
        }),
    );
    let notices = owed(&state, date(2026, 6, 19), &Options::default());
    let waiting = of(&notices, NoticeKind::MotionAwaitingVote);
    let asked = people(&waiting);
    assert!(!asked.contains(&"bob".to_owned()));
    assert!(asked.contains(&"alice".to_owned()), "{asked:?}");
    assert_eq!(
        waiting[0].key,
        format!("motion-awaiting-vote/tsc/m1/round-1/{}", waiting[0].person)
    );
    // A member's title cannot add a header to the message: its line break is a space.
    for notice in &waiting {
        assert!(!notice.subject.contains(['\r', '\n']), "{:?}", notice.subject);
    }
}

#[test]
fn e10_a_term_ending_soon_is_told_to_its_holder() {
    let state = recorded();
    let ending = state
        .polity
        .bodies
        .iter()
        .flat_map(|body| body.holders.iter().map(move |holding| (body, holding)))
        .filter_map(|(body, holding)| holding.until.map(|until| (body, holding, until)))
        .find(|(body, _, until)| body.is_live_on(until.yesterday().unwrap()))
        .expect("the example has a term with an end");
    let (body, holding, until) = ending;
    let at = until.saturating_sub(jiff::Span::new().days(10));
    let notices = owed(&state, at, &Options::default());
    let person = state.polity.person(&holding.person.text).unwrap();
    assert!(
        notices.iter().any(|notice| notice.kind == NoticeKind::TermEnding
            && notice.person == person.id
            && notice.key
                == format!(
                    "term-ending/{}/{}/{until}/{}",
                    body.id,
                    holding.seat.as_str(),
                    person.id
                )),
        "{:?}",
        of(&notices, NoticeKind::TermEnding)
    );
    let far = owed(
        &state,
        until.saturating_sub(jiff::Span::new().days(40)),
        &Options::default(),
    );
    assert!(
        !far.iter()
            .any(|notice| notice.kind == NoticeKind::TermEnding && notice.person == person.id)
    );
}

#[test]
fn d7_an_open_proposal_is_told_to_the_members_until_its_deadline_or_an_objection() {
    let mut state = recorded();
    act(
        &mut state,
        "gus",
        date(2026, 6, 20),
        Command::Propose(command::Propose {
            body: "tsc".into(),
            title: "Meet on Thursdays".into(),
            deadline: date(2026, 6, 30),
        }),
    );
    let notices = owed(&state, date(2026, 6, 21), &Options::default());
    let told = of(&notices, NoticeKind::ProposalOpen);
    let members = polity_engine::voting_members(&state.polity, state.polity.body("tsc").unwrap(), date(2026, 6, 21));
    assert_eq!(people(&told), members.iter().cloned().collect::<Vec<_>>());
    assert!(
        told.iter()
            .any(|notice| notice.text.contains("Unless a member objects by 30 June 2026"))
    );
    assert!(
        of(
            &owed(&state, date(2026, 6, 30), &Options::default()),
            NoticeKind::ProposalOpen
        )
        .is_empty()
    );
    act(
        &mut state,
        "bob",
        date(2026, 6, 22),
        Command::Object(command::Object {
            proposal: "tsc/p1".into(),
            reason: "Thursdays clash".into(),
        }),
    );
    assert!(
        of(
            &owed(&state, date(2026, 6, 23), &Options::default()),
            NoticeKind::ProposalOpen
        )
        .is_empty()
    );
}

/// The paddle-sigs example, whose SIGs report quarterly (L8) and are retired when silent (L5).
fn paddle() -> State {
    example("paddle-sigs")
}

#[test]
fn l8_l5_a_report_due_and_then_overdue_is_told_to_the_bodys_leads() {
    let state = paddle();
    // The first day a report is within the notice period.
    let (at, obligation) = (0..400)
        .filter_map(|days| {
            let at = date(2026, 6, 1).saturating_add(jiff::Span::new().days(days));
            polity_model::due(
                &state.polity,
                at,
                polity_model::Period::new(14, polity_model::PeriodUnit::Days),
            )
            .into_iter()
            .find(|obligation| obligation.kind == polity_model::ObligationKind::ReportDue && !obligation.overdue)
            .map(|obligation| (at, obligation))
        })
        .next()
        .expect("a report falls due within the year");
    let body = state.polity.body(&obligation.body).unwrap();
    let leads = polity_model::check::seat_holders(
        body,
        &[Seat::Chair, Seat::CoChair, Seat::TechLead, Seat::Ptl],
        &state.polity,
        at,
    );
    assert!(!leads.is_empty());
    let due = owed(&state, at, &Options::default());
    let key = |kind: &str, person: &str| format!("{kind}/{}/{}/{person}", obligation.body, obligation.date);
    for lead in &leads {
        assert!(
            due.iter().any(|notice| notice.key == key("report-due", lead)),
            "{lead}: {due:?}"
        );
    }
    // Nobody reported: the day after it fell due, it is overdue, for the same leads.
    let late = owed(&state, obligation.date.tomorrow().unwrap(), &Options::default());
    for lead in &leads {
        assert!(
            late.iter()
                .any(|notice| notice.key == key("report-overdue", lead) && notice.subject.contains("Report overdue")),
            "{lead}: {late:?}"
        );
    }
}

#[test]
fn r_value_a_webhook_is_https_and_names_its_secret_never_holds_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    let load = |webhooks: &str| {
        let sources: Vec<(String, String)> = polity_registry::read_sources(&root)
            .unwrap()
            .into_iter()
            .map(|(path, content)| {
                let content = if path == "polity.yaml" {
                    format!("{content}\nwebhooks:\n{webhooks}")
                } else {
                    content
                };
                (path, content)
            })
            .collect();
        polity_registry::load_sources(&sources)
    };
    let refused = load(concat!(
        "  - { url: \"http://chat.example.org/hook\", secret-env: HOOK_SECRET }\n",
        "  - { url: \"javascript:alert(1)\", secret-env: HOOK_SECRET }\n",
        "  - { url: \"https://chat.example.org/hook\", secret-env: \"s3cr3t-value\" }\n",
        "  - { url: \"http://127.0.0.1.evil.example/hook\", secret-env: HOOK_SECRET }\n",
    ));
    let messages: Vec<&str> = refused
        .findings
        .iter()
        .map(|finding| finding.message.as_str())
        .collect();
    assert_eq!(
        messages
            .iter()
            .filter(|message| message.contains("is not an https link"))
            .count(),
        3,
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("\"s3cr3t-value\" is not the name of an environment variable"))
    );
    assert!(refused.polity.constitution.webhooks.is_empty());
    let accepted = load(concat!(
        "  - { url: \"https://chat.example.org/hook\", secret-env: HOOK_SECRET }\n",
        "  - { url: \"http://127.0.0.1:9000/hook\", secret-env: LOCAL_HOOK }\n",
    ));
    assert!(accepted.findings.is_empty(), "{:?}", accepted.findings);
    assert_eq!(accepted.polity.constitution.webhooks.len(), 2);
}
