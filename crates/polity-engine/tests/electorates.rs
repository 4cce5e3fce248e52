//! `State::in_electorate` (the fast membership check used when deciding a ballot) agrees with
//! `State::electorate(..).contains(..)` for every person, body, electorate and a spread of dates,
//! on every example registry.

use polity_engine::command;
use polity_engine::{Command, Context, SourceFile, State, decide, evolve};
use polity_model::Electorate;

#[test]
fn e1_in_electorate_agrees_with_the_electorate_set() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut checked = 0;
    for example in [
        "cfn-working-group",
        "dask-leadership",
        "openstack-projects",
        "paddle-sigs",
    ] {
        let files = polity_registry::read_sources(&root.join(example))
            .unwrap()
            .into_iter()
            .map(|(path, content)| SourceFile { path, content })
            .collect();
        let mut state = State::default();
        let context = Context::on("test", jiff::civil::date(2026, 6, 1));
        for event in decide(
            &state,
            &Command::RecordRegistry(command::RecordRegistry { files }),
            &context,
        )
        .unwrap()
        {
            evolve(&mut state, &event);
        }
        for on in [
            "2020-01-01",
            "2025-06-30",
            "2026-01-15",
            "2026-06-01",
            "2027-01-15",
            "2028-01-01",
        ] {
            let on: jiff::civil::Date = on.parse().unwrap();
            for body in &state.polity.bodies {
                for electorate in [
                    Electorate::Members,
                    Electorate::ActiveMembers,
                    Electorate::Committers,
                    Electorate::Overseer,
                    Electorate::Chairs,
                    Electorate::Themselves,
                ] {
                    let set = state.electorate(body, electorate, on);
                    for person in &state.polity.people {
                        assert_eq!(
                            state.in_electorate(body, electorate, on, &person.id),
                            set.contains(&person.id),
                            "{example}: {} in {} {:?} on {on}",
                            person.id,
                            body.id,
                            electorate
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} cases");
}
