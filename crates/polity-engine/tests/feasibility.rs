//! `feasibility`: whether each body's rules can be met by the people it has (S5, S6, S8, S9, E1,
//! E3, E4), on small registries and on the examples.

use jiff::civil::{Date, date};
use polity_engine::State;
use polity_engine::feasibility::{Feasibility, Verdict, feasibility};

const AT: Date = date(2026, 6, 1);

/// A registry of eight active members in `organisations` (one entry per person) and a steering
/// committee of `seats` with at most one seat per organisation.
fn committee(organisations: &[&str], seats: &str) -> State {
    let people: String = organisations
        .iter()
        .enumerate()
        .map(|(index, org)| {
            format!("- {{ id: p{index}, name: P{index}, affiliations: [{{ org: {org}, from: 2020-01-01 }}] }}\n")
        })
        .collect();
    let mut orgs: Vec<&str> = organisations.to_vec();
    orgs.sort_unstable();
    orgs.dedup();
    let organisations_file: String = orgs
        .iter()
        .map(|org| format!("- {{ id: {org}, name: {org} }}\n"))
        .collect();
    let roll: Vec<String> = (0..organisations.len()).map(|index| format!("p{index}")).collect();
    let holders: String = (0..2)
        .map(|index| format!("  - {{ person: p{index}, seat: member, from: 2025-07-01, until: 2026-07-01 }}\n"))
        .collect();
    let sources = vec![
        (
            "polity.yaml".to_owned(),
            format!("name: Test\nroll: [{}]\n", roll.join(", ")),
        ),
        ("organisations.yaml".to_owned(), organisations_file),
        ("people.yaml".to_owned(), people),
        (
            "bodies/tsc.yaml".to_owned(),
            format!(
                "id: tsc\nkind: oversight-committee\nname: TSC\nseats: {seats}\nofficers: {{ chair: 1 }}\n\
                 elections:\n  candidates: active-members\n  voters: active-members\nholders:\n{holders}"
            ),
        ),
    ];
    let loaded = polity_registry::load_sources(&sources);
    assert!(
        loaded
            .findings
            .iter()
            .all(|finding| finding.severity != polity_model::Severity::Error),
        "{:#?}",
        loaded.findings
    );
    State {
        polity: loaded.polity,
        ..State::default()
    }
}

fn with<'a>(lines: &'a [Feasibility], rule: &str) -> Vec<&'a Feasibility> {
    lines
        .iter()
        .filter(|line| line.rules.iter().any(|id| *id == rule))
        .collect()
}

/// The example: 7 seats, at most 1 per company, only 5 companies among the eligible.
#[test]
fn s6_seven_seats_one_per_company_five_companies_is_infeasible() {
    let state = committee(
        &["a", "a", "b", "b", "c", "c", "d", "e"],
        "{ min: 7, max: 7, per-organisation: 1 }",
    );
    let lines = feasibility(&state, AT);
    let cap = with(&lines, "S6");
    assert_eq!(cap.len(), 1, "{lines:#?}");
    assert_eq!(cap[0].verdict, Verdict::Infeasible);
    assert!(cap[0].rules.iter().any(|id| *id == "S5"));
    assert_eq!(
        cap[0].message,
        "at most 1 seat(s) per organisation, 5 organisation(s) among those who may stand (a 2, b 2, c 2, d 1, e 1): \
         at most 5 can be filled, fewer than the 7 required"
    );
    // Eight people may stand: the seat count alone is feasible.
    let seats = lines
        .iter()
        .find(|line| line.message.starts_with("7 to 7 member seat(s)"))
        .unwrap();
    assert_eq!(seats.verdict, Verdict::Feasible);
}

#[test]
fn s6_enough_companies_is_feasible_and_a_short_maximum_warns() {
    let seven = committee(
        &["a", "b", "c", "d", "e", "f", "g", "g"],
        "{ min: 7, max: 7, per-organisation: 1 }",
    );
    assert!(
        feasibility(&seven, AT)
            .iter()
            .all(|line| line.verdict == Verdict::Feasible)
    );
    let up_to_nine = committee(
        &["a", "b", "c", "d", "e", "f", "g", "g"],
        "{ min: 7, max: 9, per-organisation: 1 }",
    );
    let lines = feasibility(&up_to_nine, AT);
    let cap = with(&lines, "S6");
    assert_eq!(cap[0].verdict, Verdict::Warning);
    assert!(
        cap[0].message.ends_with("at most 7 of the 9 can be filled"),
        "{}",
        cap[0].message
    );
}

#[test]
fn s5_too_few_who_may_stand_is_infeasible() {
    let state = committee(&["a", "b", "c"], "{ min: 5, max: 5 }");
    let lines = feasibility(&state, AT);
    let seats = with(&lines, "S5");
    assert_eq!(seats[0].verdict, Verdict::Infeasible);
    assert_eq!(
        seats[0].message,
        "5 member seat(s) must be filled; only 3 may stand (active-members)"
    );
}

#[test]
fn e3_officers_need_members_to_stand() {
    // Two sitting members: one chair is feasible.
    let state = committee(&["a", "b", "c"], "{ min: 2, max: 3 }");
    let lines = feasibility(&state, AT);
    let officers = lines.iter().find(|line| line.message.starts_with("officers")).unwrap();
    assert_eq!(officers.verdict, Verdict::Feasible);
    assert_eq!(
        officers.message,
        "officers (1 chair) need 1 person(s); 2 may stand (active-members, who are members of the body)"
    );
    // After their terms end, nobody sits: no chair can be elected from the members.
    let later = feasibility(&state, date(2026, 7, 1));
    let officers = later.iter().find(|line| line.message.starts_with("officers")).unwrap();
    assert_eq!(officers.verdict, Verdict::Infeasible);
}

/// The examples: the CFN TSC can fill its seats (9 organisations for 9 seats), the edge
/// inference SIG's possible liaisons are all from one company (S9 warning), and every PTL can be
/// elected.
#[test]
fn s9_s8_e5_d3_the_examples_are_feasible_with_the_warnings_they_deserve() {
    let load = |name: &str| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(name);
        State {
            polity: polity_registry::load(&root).unwrap().polity,
            ..State::default()
        }
    };
    let cfn = feasibility(&load("cfn-working-group"), AT);
    assert!(cfn.iter().all(|line| line.verdict != Verdict::Infeasible), "{cfn:#?}");
    let edge: Vec<&Feasibility> = cfn.iter().filter(|line| line.body == "edge-inference").collect();
    assert_eq!(edge.len(), 1);
    assert_eq!(edge[0].verdict, Verdict::Warning);
    assert_eq!(
        edge[0].message,
        "5 liaison area(s); all 2 who could cover them are from intel"
    );
    let paddle = feasibility(&load("paddle-sigs"), AT);
    let staggered = with(&paddle, "E5");
    assert!(!staggered.is_empty());
    assert!(
        staggered.iter().all(|line| line.verdict == Verdict::Feasible),
        "{staggered:#?}"
    );
    assert!(
        staggered
            .iter()
            .any(|line| line.message == "staggered chair terms need two chairs in office; 7 could hold a chair seat (its members, seat holders and proposed leads)"),
        "{staggered:#?}"
    );
    let decisions = with(&cfn, "D3");
    assert_eq!(decisions.len(), 1, "{decisions:#?}");
    assert_eq!(
        decisions[0].message,
        "decisions by simple-majority: passes with > 1/2 of votes cast, valid if > 1/2 of members voted: 5 of 9 voting member(s) must take part"
    );
    let openstack = feasibility(&load("openstack-projects"), AT);
    assert!(
        openstack.iter().all(|line| line.verdict != Verdict::Infeasible),
        "{openstack:#?}"
    );
    let ptl = with(&openstack, "S8");
    assert_eq!(ptl.len(), 1);
    assert_eq!(ptl[0].message, "one PTL; 5 may stand (committers)");
}
