//! The fuzz targets' bodies, one function each: whatever the bytes, none may panic, hang or
//! allocate without bound. The binaries in `src/bin` feed them AFL's inputs; `tests/corpus.rs`
//! replays the committed corpus through them with plain `cargo test`.

use std::sync::OnceLock;

use jiff::civil::{Date, date};
use polity_engine::{Command, Context, SourceFile, State, decide, evolve};
use polity_engine::command;

/// The registry loader: the bytes are up to four files (split at 0xFF bytes): the constitution,
/// a body, people and organisations.
pub fn registry(data: &[u8]) {
    let names = ["polity.yaml", "bodies/tsc.yaml", "people.yaml", "organisations.yaml"];
    let files: Vec<(String, String)> = data
        .split(|byte| *byte == 0xFF)
        .zip(names)
        .map(|(part, name)| (name.to_owned(), String::from_utf8_lossy(part).into_owned()))
        .collect();
    let loaded = polity_registry::load_sources(&files);
    let _ = polity_model::check::check(&loaded.polity, date(2026, 6, 1));
}

/// The four ballot formats: the first byte picks the format and the options, the rest is the file;
/// a file that parses is counted.
pub fn ballots(data: &[u8]) {
    let Some((&first, text)) = data.split_first() else {
        return;
    };
    let format = polity_count::formats::Format::ALL[usize::from(first) % 4];
    let options = polity_count::formats::ParseOptions {
        skip_bad_ballots: first & 4 != 0,
        unranked: None,
        threads: 1,
    };
    let text = String::from_utf8_lossy(text);
    if let Ok(parsed) = polity_count::formats::parse(format, &text, options) {
        let seats = parsed
            .seats
            .unwrap_or(1)
            .clamp(1, parsed.ballots.candidates().len().max(1));
        // Every method and semantics: a ballot file must not panic or hang any of them.
        let counts = [
            (polity_count::Method::Schulze(polity_count::Strength::WinningVotes), polity_count::Compat::Strict),
            (polity_count::Method::Schulze(polity_count::Strength::WinningVotes), polity_count::Compat::Elekto),
            (
                polity_count::Method::Schulze(polity_count::Strength::WinningVotes),
                polity_count::Compat::Devotee(polity_count::Devotee::default()),
            ),
            (polity_count::Method::Stv(polity_count::StvRule::Meek), polity_count::Compat::Strict),
            (polity_count::Method::Stv(polity_count::StvRule::Scottish), polity_count::Compat::Strict),
        ];
        for (method, compat) in counts {
            let rules = polity_count::ElectionRules {
                method,
                seats: polity_count::seats::SeatRules {
                    seats,
                    organisations: vec![None; parsed.ballots.candidates().len()],
                    cap: None,
                    sitting: Vec::new(),
                    excluded: Vec::new(),
                    tie_break: polity_count::seats::TieBreak::Report,
                },
                classes: Vec::new(),
                turnout: None,
                compat,
                threads: 1,
            };
            let _ = polity_count::count(&parsed.ballots, &rules);
        }
    }
}

/// A record with a chair election open for voting (candidates chen and dana), a meeting and a
/// motion: what the ranking and API targets act on.
fn record() -> &'static State {
    static STATE: OnceLock<State> = OnceLock::new();
    STATE.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/cfn-working-group");
        let files = polity_registry::read_sources(&root)
            .expect("the example registry")
            .into_iter()
            .map(|(path, content)| SourceFile { path, content })
            .collect();
        let mut state = State::default();
        let steps: Vec<(&str, Date, Command)> = vec![
            ("polity", date(2026, 6, 1), Command::RecordRegistry(command::RecordRegistry { files })),
            (
                "alice",
                date(2026, 6, 4),
                Command::OpenElection(command::OpenElection {
                    body: "tsc".into(),
                    seat: polity_model::Seat::Chair,
                    seats: 1,
                    stagger: false,
                }),
            ),
            (
                "alice",
                date(2026, 6, 5),
                Command::Nominate(command::Nominate {
                    election: "tsc/e1".into(),
                    candidate: "chen".into(),
                }),
            ),
            (
                "alice",
                date(2026, 6, 5),
                Command::Nominate(command::Nominate {
                    election: "tsc/e1".into(),
                    candidate: "dana".into(),
                }),
            ),
            (
                "chen",
                date(2026, 6, 6),
                Command::Consent(command::Consent {
                    election: "tsc/e1".into(),
                }),
            ),
            (
                "dana",
                date(2026, 6, 6),
                Command::Consent(command::Consent {
                    election: "tsc/e1".into(),
                }),
            ),
            (
                "alice",
                date(2026, 6, 18),
                Command::CloseNominations(command::CloseNominations {
                    election: "tsc/e1".into(),
                }),
            ),
            (
                "alice",
                date(2026, 6, 18),
                Command::ScheduleMeeting(command::ScheduleMeeting {
                    body: "tsc".into(),
                    on: date(2026, 6, 30),
                }),
            ),
            (
                "alice",
                date(2026, 6, 18),
                Command::motion("tsc", "Adopt v1"),
            ),
        ];
        for (actor, on, command) in steps {
            let context = Context::on(actor, on);
            for event in decide(&state, &command, &context).expect("the fuzz record builds") {
                evolve(&mut state, &event);
            }
        }
        state
    })
}

/// The command line's ranking syntax (`a>b=c`), cast as a ballot; an accepted ballot must count.
pub fn ranking(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let ranking = polity_engine::parse_ranking(&text);
    let state = record();
    let command = Command::CastBallot(command::CastBallot {
        election: "tsc/e1".into(),
        ranking: ranking.clone(),
        abstain: false,
        key: "00112233445566778899aabbccddeeff".into(),
        replaces: None,
    });
    let context = Context::on("bob", date(2026, 6, 19));
    if let Ok(events) = decide(state, &command, &context) {
        let mut state = state.clone();
        for event in &events {
            evolve(&mut state, event);
        }
        let close = Command::CloseElection(command::CloseElection {
            election: "tsc/e1".into(),
            ballots: vec![(
                polity_engine::secret::receipt_of("00112233445566778899aabbccddeeff"),
                ranking,
            )],
        });
        let context = Context::on("alice", date(2026, 6, 25));
        assert!(
            decide(&state, &close, &context).is_ok(),
            "an accepted ballot blocked the close"
        );
    }
}

/// Every API body: the first byte picks the route and JSON or form, the rest is the body; what
/// decodes is decided against the record as a member.
pub fn api(data: &[u8]) {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let routes = polity_server::acts::ROUTES;
    let route = &routes[usize::from(first >> 1) % routes.len()];
    let input = if first & 1 == 0 {
        polity_server::acts::Input::Json(body)
    } else {
        polity_server::acts::Input::Form(body)
    };
    let params = polity_server::acts::Params(
        [
            ("body", "tsc"),
            (
                "n",
                if route.path.starts_with("/meetings") {
                    "mt1"
                } else {
                    "e1"
                },
            ),
            ("area", "security"),
            ("request", "1"),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect(),
    );
    if let Ok(act) = (route.build)(&params, input) {
        let context = Context::on("alice", date(2026, 6, 19));
        let _ = decide(record(), &act.command, &context);
    }
}
