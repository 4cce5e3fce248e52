//! `check`: pure functions over (state, date) that find what breaks the rules.
//!
//! One function per rule, named after its id, in the manner of rust-lang/team's checks: adding a
//! rule means adding one function to [`CHECKS`]. Every check collects all its findings; none
//! stops at the first.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::finding::{Finding, sort_findings};
use crate::model::{
    Body, BodyKind, FinalSay, Leadership, LiaisonDefault, LifecycleState, Loc, PersonRef, Polity, Seat,
};

mod lifecycle;
mod registry;
mod seats;
mod structure;

use lifecycle::*;
use registry::*;
use seats::*;
use structure::*;

pub use lifecycle::l2_gaps;

type Check = fn(&Polity, Date, &mut Vec<Finding>);

/// `checks![f, g]`: each check with its function's name as its label (never written by hand).
macro_rules! checks {
    ($($check:path),* $(,)?) => {
        &[$((stringify!($check), $check as Check)),*]
    };
}

/// Every check, in the order of RULES.md; a check's name starts with the rule it enforces
/// (`s6_organisation_cap`), or says what it looks at when it reports several rules.
const CHECKS: &[(&str, Check)] = checks![
    references,
    duplicates,
    s1_tree,
    s2_sig_leadership,
    s3_staff_liaison,
    s4_working_group_timetable,
    s5_seats_and_officers,
    s6_organisation_cap,
    s8_one_ptl_who_commits,
    s9_liaisons,
    s10_named_roles,
    s11_advisory_partners,
    s12_final_say,
    l1_transitions,
    l2_sub_group_criteria,
    l3_sig_proposal,
    l4_charter_review,
    l5_reports,
    e3_officers_are_members,
    e5_staggered_chairs,
    expired_terms,
    e10_term_limits,
    authorities_exist,
];

/// Runs every check as of `at` and returns the findings in their stable order.
pub fn check(polity: &Polity, at: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (_, check) in CHECKS {
        check(polity, at, &mut findings);
    }
    sort_findings(&mut findings);
    findings
}

/// The names of the checks, in order (each starts with its rule id or says what it checks).
pub fn check_names() -> impl Iterator<Item = &'static str> {
    CHECKS.iter().map(|(name, _)| *name)
}

fn live_bodies(polity: &Polity, at: Date) -> impl Iterator<Item = &Body> {
    polity.bodies.iter().filter(move |body| body.is_live_on(at))
}

fn person_name(polity: &Polity, reference: &PersonRef) -> String {
    polity
        .person(&reference.text)
        .map_or_else(|| reference.text.clone(), |person| person.id.clone())
}

/// The ids of the people holding any of `seats` in `body` on `at`, each once, in file order.
pub fn seat_holders(body: &Body, seats: &[Seat], polity: &Polity, at: Date) -> Vec<String> {
    let mut seen = BTreeSet::new();
    body.holders
        .iter()
        .filter(|holding| seats.contains(&holding.seat) && holding.covers(at))
        .map(|holding| person_name(polity, &holding.person))
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

/// The nearest ancestor that is an oversight committee (the TOC or TSC over a group).
pub fn overseer<'a>(polity: &'a Polity, body: &Body) -> Option<&'a Body> {
    let mut current = body.parent.as_ref().and_then(|parent| polity.body(&parent.id));
    let mut steps = 0;
    while let Some(candidate) = current {
        if candidate.kind == BodyKind::OversightCommittee {
            return Some(candidate);
        }
        steps += 1;
        if steps > polity.bodies.len() {
            return None;
        }
        current = candidate.parent.as_ref().and_then(|parent| polity.body(&parent.id));
    }
    None
}
