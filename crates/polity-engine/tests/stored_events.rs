//! The stored event format does not change: events written before values were typed read back
//! and write out byte for byte, and a stored event whose text does not parse is an error, never a
//! silent default (an unknown seat is not a member seat, a bad date is not the first day of time).
//!
//! `fixtures/stored-events.jsonl` was checked to round-trip through the events as they were
//! before typing (every kind, every motion subject, old events without electorates or key hashes).

use polity_engine::{Event, State, Subject, evolve};

const STORED: &str = include_str!("fixtures/stored-events.jsonl");

#[test]
fn r_value_events_written_before_typing_read_and_write_byte_for_byte() {
    let mut kinds = std::collections::BTreeSet::new();
    for line in STORED.lines() {
        let event: Event = serde_json::from_str(line).unwrap_or_else(|error| panic!("{line}: {error}"));
        assert_eq!(serde_json::to_string(&event).unwrap(), line);
        kinds.insert(event.kind());
    }
    assert_eq!(kinds.len(), 36, "every kind of event is in the fixture: {kinds:?}");
}

#[test]
fn r_value_a_motion_s_subject_reads_as_one_typed_subject() {
    let subjects: Vec<Option<Subject>> = STORED
        .lines()
        .filter_map(|line| match serde_json::from_str(line).unwrap() {
            Event::MotionOpened { subject, .. } => Some(subject),
            _ => None,
        })
        .collect();
    use polity_model::{LifecycleState, Seat};
    assert_eq!(
        subjects,
        vec![
            None,
            Some(Subject::Transition {
                body: "use-case".into(),
                to: LifecycleState::Active
            }),
            Some(Subject::Promote { person: "lin".into() }),
            Some(Subject::Remove {
                person: "bob".into(),
                seat: Seat::CoChair
            }),
            Some(Subject::Appoint {
                person: "ann".into(),
                seat: Seat::TechLead
            }),
            Some(Subject::NoConfidence),
            None,
        ]
    );
}

#[test]
fn r_value_a_stored_event_that_does_not_parse_is_an_error_not_a_default() {
    let broken = [
        // A date that does not exist (was read as the first day of time).
        r#"{"kind":"meeting-scheduled","meeting":"tsc/1","body":"tsc","on":"2026-02-30","chair":null,"by":"bob"}"#,
        // An unknown seat (was read as a member seat).
        r#"{"kind":"term-started","body":"tsc","person":"bob","seat":"king","from":"2026-06-22","until":null,"election":"tsc/e1"}"#,
        // An unknown choice (was read as an abstention).
        r#"{"kind":"vote-cast","motion":"tsc/m1","member":"bob","choice":"maybe","cast_by":null,"capacity":null}"#,
        // An unknown state (was read as active).
        r#"{"kind":"body-transitioned","body":"use-case","to":"retired","on":"2026-06-10","motion":"tsc/m2"}"#,
        // An unknown electorate (was read as the members).
        r#"{"kind":"motion-opened","motion":"tsc/m1","body":"tsc","title":"T","rule":"r","transition_body":null,"transition_to":null,"electorates":["everyone"],"by":"alice"}"#,
        // Two subjects in one motion.
        r#"{"kind":"motion-opened","motion":"tsc/m1","body":"tsc","title":"T","rule":"r","transition_body":null,"transition_to":null,"promote":"lin","no_confidence":true,"electorates":[],"by":"alice"}"#,
        // Half a subject.
        r#"{"kind":"motion-opened","motion":"tsc/m1","body":"tsc","title":"T","rule":"r","transition_body":"use-case","transition_to":null,"electorates":[],"by":"alice"}"#,
        r#"{"kind":"motion-opened","motion":"tsc/m1","body":"tsc","title":"T","rule":"r","transition_body":null,"transition_to":null,"remove_person":"bob","electorates":[],"by":"alice"}"#,
        // A report of no known kind.
        r#"{"kind":"report-submitted","body":"tsc","on":"2026-06-30","report":"weekly","link":null,"by":"alice"}"#,
    ];
    for line in broken {
        assert!(serde_json::from_str::<Event>(line).is_err(), "accepted: {line}");
    }
}

#[test]
fn r_value_stored_events_replay_into_typed_state() {
    let mut state = State::default();
    for line in STORED.lines() {
        evolve(&mut state, &serde_json::from_str(line).unwrap());
    }
    let election = &state.elections["tsc/e1"];
    assert_eq!(election.seat, polity_model::Seat::Chair);
    assert_eq!(election.voting_close, jiff::civil::date(2026, 6, 22));
    assert_eq!(state.meetings["tsc/1"].on, jiff::civil::date(2026, 6, 25));
    assert_eq!(
        state.motions["old/m1"].electorates,
        vec![polity_model::Electorate::Members]
    );
}
