//! T1, E1, E3: random sequences of nominations, consents, withdrawals, ballots, replacements (by
//! anyone, with any receipt or key, well-formed or not) and closes by random actors on random
//! days, against a ballot store that does what the real one does. Whatever happens:
//! - every refusal names a rule;
//! - the ballot store holds exactly one ballot per voter who cast one;
//! - a ballot changes only through its own voter's act;
//! - the officer's close on or after the deadline succeeds, counting each voter's last ballot
//!   exactly once.

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use polity_engine::command;
use polity_engine::{Command, Context, Event, Phase, SourceFile, State, decide, evolve, secret};
use proptest::prelude::*;

const PEOPLE: [&str; 12] = [
    "alice", "bob", "chen", "dana", "emil", "fang", "gus", "hua", "ivan", "kai", "jun", "lin",
];

fn registry() -> State {
    registry_with(|_, content| content)
}

/// The CFN example recorded, each file's text passed through `patch(path, text)` first.
fn registry_with(patch: impl Fn(&str, String) -> String) -> State {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    let files = polity_registry::read_sources(&root)
        .unwrap()
        .into_iter()
        .map(|(path, content)| SourceFile {
            content: patch(&path, content),
            path,
        })
        .collect();
    let mut state = State::default();
    let context = Context::on("test", date(2026, 6, 1));
    for event in decide(
        &state,
        &Command::RecordRegistry(command::RecordRegistry { files }),
        &context,
    )
    .unwrap()
    {
        evolve(&mut state, &event);
    }
    state
}

/// How a ballot names the ballot it replaces.
#[derive(Clone, Debug)]
enum Replaces {
    Nothing,
    OwnKey,
    OwnKeyShouting,
    SomeonesKey(usize),
    SomeonesReceipt(usize),
    Garbage(String),
}

#[derive(Clone, Debug)]
enum Op {
    Nominate {
        by: usize,
        candidate: usize,
    },
    Consent {
        who: usize,
    },
    Withdraw {
        who: usize,
    },
    /// `tiers` index the standing candidates (modulo their number); `odd` spoils some ballots
    /// (0: an empty rank, 1: a name that is no candidate).
    Ballot {
        who: usize,
        day: i8,
        tiers: Vec<Vec<usize>>,
        abstain: bool,
        odd: u8,
        replaces: Replaces,
    },
    Close {
        who: usize,
        day: i8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let person = 0..PEOPLE.len();
    prop_oneof![
        2 => (0..9usize, person.clone()).prop_map(|(by, candidate)| Op::Nominate { by, candidate }),
        2 => person.clone().prop_map(|who| Op::Consent { who }),
        1 => person.clone().prop_map(|who| Op::Withdraw { who }),
        12 => (
            prop_oneof![3 => 0..9usize, 1 => 0..PEOPLE.len()],
            19i8..27,
            prop::collection::vec(prop::collection::vec(0..PEOPLE.len(), 1..3), 0..4),
            prop::bool::weighted(0.1),
            0u8..12,
            prop_oneof![
                Just(Replaces::Nothing),
                Just(Replaces::OwnKey),
                Just(Replaces::OwnKeyShouting),
                person.clone().prop_map(Replaces::SomeonesKey),
                person.clone().prop_map(Replaces::SomeonesReceipt),
                "[0-9a-fA-F ]{0,40}".prop_map(Replaces::Garbage),
            ],
        )
            .prop_map(|(who, day, tiers, abstain, odd, replaces)| Op::Ballot {
                who,
                day,
                tiers,
                abstain,
                odd,
                replaces,
            }),
        1 => (person, 19i8..28).prop_map(|(who, day)| Op::Close { who, day }),
    ]
}

struct World {
    state: State,
    /// The ballot store: receipt → ranking.
    store: BTreeMap<String, Vec<Vec<String>>>,
    /// Each voter's last accepted ballot: (key, receipt).
    last: BTreeMap<String, (String, String)>,
    keys_drawn: u64,
    closed: bool,
}

/// How often each kind of ballot was accepted over the whole run (to show the generator reaches
/// replacements at all).
static REPLACED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static CAST: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl World {
    fn decide(&mut self, actor: &str, on: Date, command: &Command) -> Option<Vec<Event>> {
        let context = Context::on(actor, on);
        match decide(&self.state, command, &context) {
            Ok(events) => {
                for event in &events {
                    evolve(&mut self.state, event);
                }
                Some(events)
            }
            Err(rejection) => {
                assert!(!rejection.message.is_empty(), "a refusal without a rule: {rejection:?}");
                None
            }
        }
    }

    fn election(&self) -> &polity_engine::Election {
        &self.state.elections["tsc/e1"]
    }

    fn ballots(&self) -> Vec<(String, Vec<Vec<String>>)> {
        self.store
            .iter()
            .map(|(receipt, ranking)| (receipt.clone(), ranking.clone()))
            .collect()
    }

    /// A ballot by `PEOPLE[who]`, decided; if accepted, what the store does. The invariants hold
    /// after it either way.
    fn ballot(&mut self, who: usize, day: i8, tiers: &[Vec<usize>], abstain: bool, odd: u8, replaces: Replaces) {
        let voter = PEOPLE[who];
        self.keys_drawn += 1;
        let key = format!("{:032x}", self.keys_drawn);
        let other = |index: usize| self.last.get(PEOPLE[index]).cloned();
        let replaces = match replaces {
            Replaces::Nothing => None,
            Replaces::OwnKey => self.last.get(voter).map(|(key, _)| key.clone()),
            Replaces::OwnKeyShouting => self.last.get(voter).map(|(key, _)| format!(" {} ", key.to_uppercase())),
            Replaces::SomeonesKey(index) => other(index).map(|(key, _)| key),
            Replaces::SomeonesReceipt(index) => other(index).map(|(_, receipt)| receipt),
            Replaces::Garbage(text) => Some(text),
        };
        let candidates = self.election().candidates.clone();
        let mut seen = std::collections::BTreeSet::new();
        let mut ranking: Vec<Vec<String>> = tiers
            .iter()
            .map(|tier| {
                tier.iter()
                    .map(|&index| candidates[index % candidates.len()].clone())
                    .filter(|name| odd == 2 || seen.insert(name.clone()))
                    .collect::<Vec<_>>()
            })
            .filter(|tier| !tier.is_empty())
            .collect();
        match odd {
            0 => ranking.insert(0, Vec::new()),
            1 => ranking.push(vec!["mallory".into()]),
            _ => {}
        }
        let command = Command::CastBallot(command::CastBallot {
            election: "tsc/e1".into(),
            ranking: ranking.clone(),
            abstain,
            key: key.clone(),
            replaces: replaces.clone(),
        });
        let before = self.last.clone();
        if self.decide(voter, date(2026, 6, day), &command).is_some() {
            // What the store does: delete the replaced ballot (it must be there), insert.
            if let Some(old) = replaces {
                let old = secret::receipt_of(&secret::normalise_key(&old).expect("a key was checked"));
                assert_eq!(
                    before.get(voter).map(|(_, receipt)| receipt),
                    Some(&old),
                    "{voter} replaced someone else's ballot"
                );
                assert!(self.store.remove(&old).is_some());
            }
            CAST.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if before.contains_key(voter) {
                REPLACED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            let receipt = secret::receipt_of(&key);
            self.store.insert(receipt.clone(), ranking);
            self.last.insert(voter.to_owned(), (key, receipt));
            // Nobody else's ballot changed.
            for (other, ballot) in &before {
                if other != voter {
                    assert_eq!(self.last.get(other), Some(ballot));
                }
            }
        } else {
            assert_eq!(self.last, before);
        }
        assert_eq!(self.store.len(), self.election().voted.len());
    }

    fn close(&mut self, who: &str, on: Date) -> bool {
        let command = Command::CloseElection(command::CloseElection {
            election: "tsc/e1".into(),
            ballots: self.ballots(),
        });
        let Some(events) = self.decide(who, on, &command) else {
            return false;
        };
        let Some(Event::ElectionClosed { tally_sheet, .. }) = events.first() else {
            panic!("a close without its result: {events:?}")
        };
        // Each voter's last ballot, exactly once, and nothing else.
        let counted: Vec<&str> = tally_sheet.iter().map(|line| line.receipt.as_str()).collect();
        let mut expected: Vec<&str> = self.last.values().map(|(_, receipt)| receipt.as_str()).collect();
        expected.sort_unstable();
        assert_eq!(counted, expected);
        assert_eq!(tally_sheet.len(), self.election().voted.len());
        self.closed = true;
        true
    }
}

fn run(ops: Vec<Op>) {
    let mut world = World {
        state: registry(),
        store: BTreeMap::new(),
        last: BTreeMap::new(),
        keys_drawn: 0,
        closed: false,
    };
    let open = Command::OpenElection(command::OpenElection {
        body: "tsc".into(),
        seat: polity_model::Seat::Chair,
        seats: 1,
        stagger: false,
    });
    world
        .decide("alice", date(2026, 6, 4), &open)
        .expect("the election opens");
    // At least one standing candidate, so that the nominations close.
    for (who, command) in [
        (
            "alice",
            Command::Nominate(command::Nominate {
                election: "tsc/e1".into(),
                candidate: "chen".into(),
            }),
        ),
        (
            "chen",
            Command::Consent(command::Consent {
                election: "tsc/e1".into(),
            }),
        ),
    ] {
        world.decide(who, date(2026, 6, 5), &command).expect("chen stands");
    }
    let (nominating, voting): (Vec<Op>, Vec<Op>) = ops
        .into_iter()
        .partition(|op| matches!(op, Op::Nominate { .. } | Op::Consent { .. } | Op::Withdraw { .. }));
    for op in nominating {
        let (who, command) = match op {
            Op::Nominate { by, candidate } => (
                by,
                Command::Nominate(command::Nominate {
                    election: "tsc/e1".into(),
                    candidate: PEOPLE[candidate].into(),
                }),
            ),
            Op::Consent { who } => (
                who,
                Command::Consent(command::Consent {
                    election: "tsc/e1".into(),
                }),
            ),
            Op::Withdraw { who } => (
                who,
                Command::Withdraw(command::Withdraw {
                    election: "tsc/e1".into(),
                }),
            ),
            _ => unreachable!(),
        };
        world.decide(PEOPLE[who], date(2026, 6, 10), &command);
    }
    if world
        .decide(
            "alice",
            date(2026, 6, 18),
            &Command::CloseNominations(command::CloseNominations {
                election: "tsc/e1".into(),
            }),
        )
        .is_none()
    {
        // Every candidate withdrew: nothing to vote on.
        return;
    }
    let deadline: Date = world.election().voting_close;
    for op in voting {
        if world.closed {
            break;
        }
        match op {
            Op::Ballot {
                who,
                day,
                tiers,
                abstain,
                odd,
                replaces,
            } => world.ballot(who, day, &tiers, abstain, odd, replaces),
            Op::Close { who, day } => {
                let on = date(2026, 6, day);
                let closed = world.close(PEOPLE[who], on);
                if PEOPLE[who] == "alice" && on >= deadline {
                    assert!(closed, "the officer's close after the deadline was refused");
                }
            }
            _ => unreachable!(),
        }
    }
    if !world.closed {
        assert!(
            world.close("alice", deadline),
            "the officer's close on the deadline was refused"
        );
    }
    assert_eq!(world.election().phase, Phase::Closed);
}

#[test]
fn t1_e1_e3_elections_keep_their_invariants() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(op(), 0..60), |ops| {
            run(ops);
            Ok(())
        })
        .unwrap();
    let (cast, replaced) = (
        CAST.load(std::sync::atomic::Ordering::Relaxed),
        REPLACED.load(std::sync::atomic::Ordering::Relaxed),
    );
    assert!(
        cast > 500 && replaced > 50,
        "the runs reached too few ballots: {cast} cast, {replaced} replaced"
    );
}

/// E3: the officer closes before the deadline only when every eligible voter has voted, or when
/// the body's election rule allows it explicitly (`early-close: true`).
#[test]
fn e3_an_early_close_needs_everyone_or_the_rules_leave() {
    let open_and_vote = |state: State| {
        let mut world = World {
            state,
            store: BTreeMap::new(),
            last: BTreeMap::new(),
            keys_drawn: 0,
            closed: false,
        };
        for (who, on, command) in [
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
                "chen",
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
        ] {
            world.decide(who, on, &command).expect("the election runs");
        }
        let key = "0000000000000000000000000000000a".to_owned();
        let ballot = Command::CastBallot(command::CastBallot {
            election: "tsc/e1".into(),
            ranking: vec![vec!["chen".into()]],
            abstain: false,
            key: key.clone(),
            replaces: None,
        });
        world.decide("bob", date(2026, 6, 19), &ballot).expect("bob votes");
        world.store.insert(secret::receipt_of(&key), vec![vec!["chen".into()]]);
        world.last.insert(
            "bob".into(),
            (key, secret::receipt_of("0000000000000000000000000000000a")),
        );
        world
    };
    let mut strict = open_and_vote(registry());
    assert!(
        !strict.close("alice", date(2026, 6, 20)),
        "closed early while 8 of 9 had not voted"
    );
    // The same constitution with `early-close: true` on the TSC's officer elections.
    let state = registry_with(|path, content| {
        if path.ends_with("tsc.yaml") {
            content.replace("  consent: true\n", "  consent: true\n  early-close: true\n")
        } else {
            content
        }
    });
    let mut lenient = open_and_vote(state);
    assert!(
        lenient.close("alice", date(2026, 6, 20)),
        "early-close: true lets the officer close"
    );
}
