//! The authorisation matrix (issue 6): every state-changing endpoint of the API, tried by every
//! kind of actor, each on a fresh copy of the demo record (2026-06-20: chair election tsc/e2
//! open for voting with alice as its officer, motion tsc/m1 open, meeting tsc/mt1 announced).
//!
//! Actors: anonymous; `admin` (an administrator account that is no person of the registry);
//! `kai` (a member: on the roll of active members, committer and security liaison of
//! computing-scheduling, not on the TSC); `jun` (an ineligible member: in the registry, not on the
//! roll, in no body); `dana` (a candidate in tsc/e2, TSC member, PTL of computing-scheduling);
//! `alice` (the officer: opened tsc/e2; TSC chair); `gus` (a TSC member and nothing else).
//! The allowed sets below follow RULES.md; the test asserts that exactly they succeed.

mod common;

use polity_engine::command;
use polity_engine::{Command, Context};
use polity_server::acts::ROUTES;
use polity_server::live::Extra;

use common::{call, config, copy_db, open, seeded};

const PEOPLE: [&str; 5] = ["kai", "jun", "dana", "alice", "gus"];

/// An act run before the request (on the fresh copy), as (actor, command).
type Setup = fn() -> Vec<(&'static str, Command)>;

struct Case {
    route: &'static str,
    uri: &'static str,
    body: &'static str,
    setup: Setup,
    /// The people for whom the act succeeds, and why (the rule).
    allowed: &'static [&'static str],
}

fn nothing() -> Vec<(&'static str, Command)> {
    Vec::new()
}

/// The four TSC members who had not voted in tsc/e2 vote, so that the officer may close it
/// before its deadline (E3). The executor draws each ballot's key.
fn everyone_voted() -> Vec<(&'static str, Command)> {
    ["alice", "chen", "dana", "ivan"]
        .into_iter()
        .map(|voter| {
            (
                voter,
                Command::CastBallot(command::CastBallot {
                    election: "tsc/e2".into(),
                    ranking: vec![vec!["chen".into()]],
                    abstain: false,
                    key: String::new(),
                    replaces: None,
                }),
            )
        })
        .collect()
}

fn ptl_election() -> Vec<(&'static str, Command)> {
    vec![(
        "alice",
        Command::OpenElection(command::OpenElection {
            body: "computing-scheduling".into(),
            seat: polity_model::Seat::Ptl,
            seats: 1,
            stagger: false,
        }),
    )]
}

fn ptl_election_with_dana() -> Vec<(&'static str, Command)> {
    let mut setup = ptl_election();
    setup.push((
        "dana",
        Command::Nominate(command::Nominate {
            election: "computing-scheduling/e1".into(),
            candidate: "dana".into(),
        }),
    ));
    setup
}

fn tsc_proposal() -> Vec<(&'static str, Command)> {
    vec![(
        "gus",
        Command::Propose(command::Propose {
            body: "tsc".into(),
            title: "Move the meeting to Thursdays".into(),
            deadline: jiff::civil::date(2026, 6, 30),
        }),
    )]
}

fn group_motion() -> Vec<(&'static str, Command)> {
    vec![(
        "chen",
        Command::OpenMotion(command::OpenMotion {
            body: "use-case-and-architecture".into(),
            title: "Promote kai".into(),
            rule: None,
            subject: Some(polity_engine::Subject::Promote { person: "kai".into() }),
            meeting: None,
            large: false,
            closes: None,
        }),
    )]
}

fn docs_volunteer() -> Vec<(&'static str, Command)> {
    vec![(
        "kai",
        Command::VolunteerLiaison(command::VolunteerLiaison {
            body: "computing-scheduling".into(),
            area: "docs".into(),
        }),
    )]
}

fn agenda_request() -> Vec<(&'static str, Command)> {
    vec![(
        "jun",
        Command::RequestAgendaItem(command::RequestAgendaItem {
            meeting: "tsc/mt1".into(),
            item: "Telemetry roadmap".into(),
        }),
    )]
}

const TSC: &[&str] = &["dana", "alice", "gus"];

const ROLL: &str = r#"{"source":"https://example.org/contributions.csv","contributions":"date,person,kind,link\n2026-05-01,kai,review,\n2026-05-02,kai,review,\n2026-05-03,kai,review,\n2026-05-04,kai,review,\n2026-05-05,kai,review,\n2026-05-01,jun,use-case,\n2026-05-02,jun,use-case,\n2026-05-03,jun,use-case,\n2026-05-04,jun,use-case,\n2026-05-05,jun,use-case,\n"}"#;

fn cases() -> Vec<Case> {
    vec![
        // L8: a chair, co-chair, technical lead or the staff liaison submits the report.
        Case {
            route: "submit-report",
            uri: "/api/bodies/tsc/reports",
            body: "{}",
            setup: nothing,
            allowed: &["alice"],
        },
        // D3: members of the deciding body open its motions.
        Case {
            route: "open-motion",
            uri: "/api/bodies/tsc/motions",
            body: r#"{"title":"T"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D3: the body's members vote.
        Case {
            route: "vote",
            uri: "/api/motions/tsc/m1/votes",
            body: r#"{"choice":"yes"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D3: the chair or the member who opened it closes it (alice is both).
        Case {
            route: "close-motion",
            uri: "/api/motions/tsc/m1/close",
            body: "{}",
            setup: nothing,
            allowed: &["alice"],
        },
        // D8: tsc/m1 is not a large decision: nobody records a consultation on it.
        Case {
            route: "consult",
            uri: "/api/motions/tsc/m1/consultations",
            body: r#"{"group":"tsc","summary":"s"}"#,
            setup: nothing,
            allowed: &[],
        },
        // S12: tsc/m1 is not deadlocked: nobody decides it by final say.
        Case {
            route: "final-say",
            uri: "/api/motions/tsc/m1/final-say",
            body: r#"{"decision":"yes","reason":"r"}"#,
            setup: nothing,
            allowed: &[],
        },
        // D7: members of the body propose.
        Case {
            route: "propose",
            uri: "/api/bodies/tsc/proposals",
            body: r#"{"title":"T","until":"2026-06-30"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D7: members of the body object.
        Case {
            route: "object",
            uri: "/api/proposals/tsc/p1/objections",
            body: r#"{"reason":"r"}"#,
            setup: tsc_proposal,
            allowed: TSC,
        },
        // D7: before its deadline, nobody concludes a proposal.
        Case {
            route: "conclude-proposal",
            uri: "/api/proposals/tsc/p1/conclude",
            body: "{}",
            setup: tsc_proposal,
            allowed: &[],
        },
        // E2: an oversight-committee member records the roll (here: kai and jun became active).
        Case {
            route: "record-roll",
            uri: "/api/roll",
            body: ROLL,
            setup: nothing,
            allowed: TSC,
        },
        // D11: members of the overseeing body (the TSC) stop a group's motion.
        Case {
            route: "intervene",
            uri: "/api/interventions",
            body: r#"{"target":"use-case-and-architecture/m1","reason":"r"}"#,
            setup: group_motion,
            allowed: TSC,
        },
        // S4: only working groups are dissolved; the TSC is none.
        Case {
            route: "dissolve",
            uri: "/api/bodies/tsc/dissolve",
            body: "{}",
            setup: nothing,
            allowed: &[],
        },
        // E9: committers of the project volunteer (dana and kai are committers of computing-scheduling).
        Case {
            route: "volunteer-liaison",
            uri: "/api/bodies/computing-scheduling/liaisons/docs/volunteers",
            body: "{}",
            setup: nothing,
            allowed: &["kai", "dana"],
        },
        // E9: the PTL chooses among the volunteers.
        Case {
            route: "choose-liaison",
            uri: "/api/bodies/computing-scheduling/liaisons/docs",
            body: r#"{"person":"kai"}"#,
            setup: docs_volunteer,
            allowed: &["dana"],
        },
        // D10: the area's liaison signs off (kai is computing-scheduling's security liaison).
        Case {
            route: "sign-off",
            uri: "/api/bodies/computing-scheduling/liaisons/security/sign-offs",
            body: r#"{"subject":"CVE-2026-1"}"#,
            setup: nothing,
            allowed: &["kai"],
        },
        // D6: a member announces the body's meetings.
        Case {
            route: "schedule-meeting",
            uri: "/api/bodies/tsc/meetings",
            body: r#"{"on":"2026-07-09"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D5: TSC members, PTLs and sub-group members add agenda items (kai is a committer of a sub-group).
        Case {
            route: "add-agenda-item",
            uri: "/api/meetings/tsc/mt1/agenda",
            body: r#"{"item":"I"}"#,
            setup: nothing,
            allowed: &["kai", "dana", "alice", "gus"],
        },
        // D5: anyone in the registry may ask for an item.
        Case {
            route: "request-agenda-item",
            uri: "/api/meetings/tsc/mt1/requests",
            body: r#"{"item":"I"}"#,
            setup: nothing,
            allowed: &["kai", "jun", "dana", "alice", "gus"],
        },
        // D5: a member of the body accepts a request.
        Case {
            route: "accept-agenda-request",
            uri: "/api/meetings/tsc/mt1/requests/1/accept",
            body: "{}",
            setup: agenda_request,
            allowed: TSC,
        },
        // D2: a member names another member as proxy.
        Case {
            route: "declare-proxy",
            uri: "/api/meetings/tsc/mt1/proxies",
            body: r#"{"holder":"bob"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D1: the chair or a member records attendance.
        Case {
            route: "record-attendance",
            uri: "/api/meetings/tsc/mt1/attendance",
            body: r#"{"present":["alice","bob","chen","dana","emil"]}"#,
            setup: nothing,
            allowed: TSC,
        },
        // D6: the chair or a member publishes the minutes.
        Case {
            route: "publish-minutes",
            uri: "/api/meetings/tsc/mt1/minutes",
            body: r#"{"link":"https://example.org/m"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // E1/E4: members of the body or of its overseeing committee open its elections.
        Case {
            route: "open-election",
            uri: "/api/bodies/computing-scheduling/elections",
            body: r#"{"seat":"ptl"}"#,
            setup: nothing,
            allowed: TSC,
        },
        // E4: candidates nominate themselves; candidates are committers.
        Case {
            route: "nominate",
            uri: "/api/elections/computing-scheduling/e1/nominations",
            body: r#"{"candidate":"kai"}"#,
            setup: ptl_election,
            allowed: &["kai"],
        },
        // E3: only a nominee consents, for themselves.
        Case {
            route: "consent",
            uri: "/api/elections/computing-scheduling/e1/consent",
            body: "{}",
            setup: ptl_election_with_dana,
            allowed: &["dana"],
        },
        Case {
            route: "withdraw",
            uri: "/api/elections/computing-scheduling/e1/withdraw",
            body: "{}",
            setup: ptl_election_with_dana,
            allowed: &["dana"],
        },
        // E1: a nominee publishes their own statement (dana stands in tsc/e2).
        Case {
            route: "publish-statement",
            uri: "/api/elections/tsc/e2/statement",
            body: r#"{"statement":"s"}"#,
            setup: nothing,
            allowed: &["dana"],
        },
        // E1: the officer who opened the election closes its nominations.
        Case {
            route: "close-nominations",
            uri: "/api/elections/computing-scheduling/e1/close-nominations",
            body: "{}",
            setup: ptl_election_with_dana,
            allowed: &["alice"],
        },
        // E3: the TSC members vote for the chair; gus voted already (the demo cast his ballot), so
        // a second ballot without his receipt is refused: one person, one vote.
        Case {
            route: "cast-ballot",
            uri: "/api/elections/tsc/e2/ballots",
            body: r#"{"ranking":[["chen"],["dana"]]}"#,
            setup: nothing,
            allowed: &["dana", "alice"],
        },
        // E1: the officer closes the election (before its deadline only once everyone voted).
        Case {
            route: "close-election",
            uri: "/api/elections/tsc/e2/close",
            body: "{}",
            setup: everyone_voted,
            allowed: &["alice"],
        },
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_every_act_every_actor() {
    let dir = tempfile::tempdir().unwrap();
    let mut logins: Vec<&str> = PEOPLE.to_vec();
    logins.push("admin");
    let (seed_app, tokens) = seeded(dir.path(), &logins).await;
    drop(seed_app);
    let cases = cases();
    // Every state-changing route is in the matrix.
    for route in ROUTES {
        assert!(
            cases.iter().any(|case| case.route == route.name),
            "route {} is missing from the matrix",
            route.name
        );
    }
    let mut failures = Vec::new();
    let mut copy = 0;
    for case in &cases {
        let route = ROUTES.iter().find(|route| route.name == case.route).expect("a route");
        assert_eq!(
            format!("/api{}", route.path).matches('/').count(),
            case.uri.matches('/').count(),
            "{}",
            case.uri
        );
        let actors: Vec<Option<&str>> = std::iter::once(None)
            .chain(logins.iter().map(|login| Some(*login)))
            .collect();
        for actor in actors {
            copy += 1;
            let db = dir.path().join(format!("case-{copy}.db"));
            copy_db(&dir.path().join("seed.db"), &db);
            let app = open(&db, config()).await;
            for (who, command) in (case.setup)() {
                let context = Context::on(who.to_owned(), polity_server::demo::DEMO_TODAY);
                let (command, extra) = match command {
                    Command::CastBallot(command::CastBallot {
                        election,
                        ranking,
                        abstain,
                        replaces,
                        ..
                    }) => {
                        let (command, ballot) =
                            polity_server::live::new_ballot(&election, ranking, abstain, replaces.as_deref()).unwrap();
                        (command, Extra::Ballot(ballot))
                    }
                    command => (command, Extra::None),
                };
                app.record
                    .act(command, extra, &context)
                    .await
                    .unwrap_or_else(|error| panic!("setup of {} by {who}: {error}", case.route));
            }
            let router = polity_server::router(app);
            let token = actor.map(|login| {
                format!(
                    "Bearer {}",
                    tokens.iter().find(|(name, _)| name == login).expect("token").1
                )
            });
            let mut headers = vec![("content-type", "application/json")];
            if let Some(token) = &token {
                headers.push(("authorization", token.as_str()));
            }
            let answer = call(&router, "POST", case.uri, &headers, case.body).await;
            let allowed = actor.is_some_and(|login| case.allowed.contains(&login));
            let expected_status = match actor {
                _ if allowed => 200,
                None => 401,
                Some("admin") => 403,
                Some(_) => 0,
            };
            let status = answer.status.as_u16();
            let ok = match expected_status {
                0 => {
                    matches!(status, 403 | 404)
                        && answer.json()["error"] == "rejected"
                        && answer.json()["rule"].is_string()
                }
                expected => status == expected,
            };
            if !ok {
                failures.push(format!(
                    "{} as {}: got {status} {}, expected {}",
                    case.route,
                    actor.unwrap_or("anonymous"),
                    answer.body,
                    if allowed { "success" } else { "a refusal" }
                ));
            }
            let _ = std::fs::remove_file(&db);
        }
    }
    assert!(
        failures.is_empty(),
        "{} cell(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn only_administrators_create_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice", "admin", "jun"]).await;
    let router = polity_server::router(app);
    let body = r#"{"login":"Newcomer","person":"jun","password":"a long password"}"#;
    let anonymous = call(
        &router,
        "POST",
        "/api/accounts",
        &[("content-type", "application/json")],
        body,
    )
    .await;
    assert_eq!(anonymous.status, 401);
    for (login, token) in &tokens {
        let bearer = format!("Bearer {token}");
        let answer = call(
            &router,
            "POST",
            "/api/accounts",
            &[("content-type", "application/json"), ("authorization", &bearer)],
            body,
        )
        .await;
        let expected = if login == "admin" { 201 } else { 403 };
        assert_eq!(answer.status.as_u16(), expected, "{login}: {}", answer.body);
    }
}
