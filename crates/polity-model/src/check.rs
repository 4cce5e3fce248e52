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

type Check = fn(&Polity, Date, &mut Vec<Finding>);

/// Every check, in the order of RULES.md.
const CHECKS: &[(&str, Check)] = &[
    ("R-REF", references),
    ("R-DUP", duplicates),
    ("S1", s1_tree),
    ("S2", s2_sig_leadership),
    ("S3", s3_staff_liaison),
    ("S4", s4_working_group_timetable),
    ("S5", s5_seats_and_officers),
    ("S6", s6_organisation_cap),
    ("S8", s8_one_ptl_who_commits),
    ("S9", s9_liaisons),
    ("S10", s10_named_roles),
    ("S11", s11_advisory_partners),
    ("S12", s12_final_say),
    ("L1", l1_transitions),
    ("L2", l2_sub_group_criteria),
    ("L3", l3_sig_proposal),
    ("L4", l4_charter_review),
    ("L5", l5_reports),
    ("E3", e3_officers_are_members),
    ("E5", e5_staggered_chairs),
    ("E1", expired_terms),
    ("E10", e10_term_limits),
    ("E4", authorities_exist),
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

/// The rule ids `check` can report, for documentation and tests.
pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    CHECKS.iter().map(|(id, _)| *id)
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

fn references(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    let person = |reference: &PersonRef, what: &str, findings: &mut Vec<Finding>| {
        if polity.person(&reference.text).is_none() {
            let hint = if reference.text.starts_with('@') {
                "add a person with this GitHub handle to people.yaml, or correct the handle"
            } else {
                "add the person to people.yaml, or correct the id (write @handle to refer by GitHub handle)"
            };
            findings.push(Finding::error(
                "R-REF",
                reference.loc,
                format!("{what} refers to unknown person {:?}", reference.text),
                hint,
            ));
        }
    };
    for body in &polity.bodies {
        for holding in &body.holders {
            person(
                &holding.person,
                &format!("{} seat in {}", holding.seat.as_str(), body.id),
                findings,
            );
        }
        for reference in body.toc_liaison.iter().chain(&body.staff_liaison).chain(&body.members) {
            person(reference, &format!("body {}", body.id), findings);
        }
        for role in &body.roles {
            person(&role.person, &format!("role {:?} in {}", role.name, body.id), findings);
            for approver in &role.approved_by {
                person(
                    approver,
                    &format!("approval of role {:?} in {}", role.name, body.id),
                    findings,
                );
            }
        }
        for reference in body.committers.iter().flatten() {
            person(reference, &format!("committer list of {}", body.id), findings);
        }
        for (area, holders) in &body.liaisons {
            for reference in holders {
                person(reference, &format!("{area} liaison of {}", body.id), findings);
            }
        }
        if let Some(proposal) = &body.proposal {
            for reference in &proposal.leads {
                person(reference, &format!("proposal of {}", body.id), findings);
            }
        }
        if let Some(FinalSay::Person(reference)) = &body.final_say {
            person(reference, &format!("final say in {}", body.id), findings);
        }
        for partner in &body.partners {
            if let Some(reference) = &partner.maintainer {
                person(reference, &format!("partner maintainer in {}", body.id), findings);
            }
        }
        let body_refs = body.parent.iter().chain(&body.advises).chain(
            body.charter
                .iter()
                .flat_map(|charter| charter.overlaps.iter().map(|overlap| &overlap.body)),
        );
        for reference in body_refs {
            if polity.body(&reference.id).is_none() {
                findings.push(Finding::error(
                    "R-REF",
                    reference.loc,
                    format!("body {} refers to unknown body {:?}", body.id, reference.id),
                    "add a file under bodies/ with this id, or correct the id",
                ));
            }
        }
        let rules = body
            .decides_by
            .iter()
            .chain(body.decisions.values().map(|authority| &authority.rule));
        for rule in rules {
            if !polity.constitution.decision_rules.contains_key(&rule.id) {
                findings.push(Finding::error(
                    "R-REF",
                    rule.loc,
                    format!("body {} decides by unknown decision rule {:?}", body.id, rule.id),
                    "name one of the constitution's `decision-rules`, or add it there",
                ));
            }
        }
        for partner in &body.partners {
            if polity.organisation(&partner.organisation.id).is_none() {
                findings.push(unknown_organisation(&partner.organisation.id, partner.organisation.loc));
            }
        }
    }
    for reference in &polity.constitution.roll {
        person(reference, "the active-member roll", findings);
    }
    for person in &polity.people {
        for affiliation in &person.affiliations {
            if polity.organisation(&affiliation.organisation.id).is_none() {
                findings.push(unknown_organisation(
                    &affiliation.organisation.id,
                    affiliation.organisation.loc,
                ));
            }
        }
    }
}

fn unknown_organisation(id: &str, loc: Loc) -> Finding {
    Finding::error(
        "R-REF",
        loc,
        format!("unknown organisation {id:?}"),
        "add it to organisations.yaml, or correct the id",
    )
}

fn duplicates(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    fn report(kind: &str, items: impl Iterator<Item = (String, Loc)>, hint: &str, findings: &mut Vec<Finding>) {
        let mut first: BTreeMap<String, Loc> = BTreeMap::new();
        for (key, loc) in items {
            match first.get(&key) {
                Some(earlier) => findings.push(Finding::error(
                    "R-DUP",
                    loc,
                    format!("{kind} {key:?} is used again (first at line {})", earlier.line),
                    hint,
                )),
                None => {
                    first.insert(key, loc);
                }
            }
        }
    }
    report(
        "person id",
        polity.people.iter().map(|person| (person.id.clone(), person.loc)),
        "give every person a unique id",
        findings,
    );
    report(
        "GitHub handle",
        polity
            .people
            .iter()
            .filter_map(|person| person.github.as_ref().map(|handle| (handle.to_lowercase(), person.loc))),
        "GitHub handles are compared without regard to case: merge the two people or correct the handle",
        findings,
    );
    // One identity, one person: an e-mail, GitHub account or git name that two people claim would
    // credit one person's work to whichever came first.
    // (key, where, whose, whether a merge rule claims it)
    let claims = |kind: fn(&crate::IdentityRule) -> Option<&String>, own: fn(&crate::Person) -> Vec<&String>| {
        let mut claims: Vec<(String, Loc, String, bool)> = Vec::new();
        for person in &polity.people {
            let mut keys: Vec<(String, bool)> = own(person)
                .into_iter()
                .map(|key| (key.to_lowercase(), false))
                .chain(
                    person
                        .identities
                        .iter()
                        .filter_map(kind)
                        .map(|key| (key.to_lowercase(), true)),
                )
                .collect();
            keys.sort();
            keys.dedup_by(|a, b| a.0 == b.0);
            claims.extend(
                keys.into_iter()
                    .map(|(key, merged)| (key, person.loc, person.id.clone(), merged)),
            );
        }
        claims
    };
    for (kind, claims) in [
        (
            "e-mail",
            claims(
                |rule| match rule {
                    crate::IdentityRule::Email(email) => Some(email),
                    _ => None,
                },
                |person| person.emails.iter().collect(),
            ),
        ),
        (
            "merged GitHub account",
            claims(
                |rule| match rule {
                    crate::IdentityRule::Github(handle) => Some(handle),
                    _ => None,
                },
                |person| person.github.iter().collect(),
            ),
        ),
        (
            "merged git name",
            claims(
                |rule| match rule {
                    crate::IdentityRule::Name(name) => Some(name),
                    _ => None,
                },
                |_| Vec::new(),
            ),
        ),
    ] {
        let mut first: BTreeMap<String, (String, bool)> = BTreeMap::new();
        for (key, loc, id, merged) in claims {
            match first.get(&key) {
                // Two people's own GitHub handles are reported above.
                Some((_, false)) if kind == "merged GitHub account" && !merged => {}
                Some((earlier, _)) if *earlier != id => findings.push(Finding::error(
                    "R-DUP",
                    loc,
                    format!("{kind} {key:?} of {id} is already {earlier}'s"),
                    "an identity belongs to one person: merge the two people or remove the identity from one",
                )),
                Some(_) => {}
                None => {
                    first.insert(key, (id, merged));
                }
            }
        }
    }
    report(
        "body id",
        polity.bodies.iter().map(|body| (body.id.clone(), body.loc)),
        "give every body a unique id",
        findings,
    );
    report(
        "organisation id",
        polity
            .organisations
            .iter()
            .map(|organisation| (organisation.id.clone(), organisation.loc)),
        "give every organisation a unique id",
        findings,
    );
}

fn s1_tree(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        let allowed = body.kind.allowed_parents();
        match &body.parent {
            None if !allowed.is_empty()
                && !matches!(body.kind, BodyKind::OversightCommittee | BodyKind::AdvisoryGroup) =>
            {
                findings.push(Finding::error(
                    "S1",
                    body.loc,
                    format!("{} {} has no parent body", body.kind.as_str(), body.id),
                    format!(
                        "set `parent:` to the body that oversees it (one of: {})",
                        allowed.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            None => {}
            Some(parent_ref) => {
                let Some(parent) = polity.body(&parent_ref.id) else {
                    continue;
                };
                if !allowed.contains(&parent.kind) {
                    findings.push(Finding::error(
                        "S1",
                        parent_ref.loc,
                        format!(
                            "{} {} cannot hang under {} {}",
                            body.kind.as_str(),
                            body.id,
                            parent.kind.as_str(),
                            parent.id
                        ),
                        format!(
                            "a {} belongs under one of: {}",
                            body.kind.as_str(),
                            allowed.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ));
                }
                let mut seen = BTreeSet::from([body.id.as_str()]);
                let mut current = Some(parent);
                while let Some(ancestor) = current {
                    if !seen.insert(ancestor.id.as_str()) {
                        findings.push(Finding::error(
                            "S1",
                            parent_ref.loc,
                            format!("body {} is its own ancestor: the parent links form a cycle", body.id),
                            "bodies form a tree: break the cycle by correcting one `parent:`",
                        ));
                        break;
                    }
                    current = ancestor.parent.as_ref().and_then(|parent| polity.body(&parent.id));
                }
            }
        }
    }
}

fn s2_sig_leadership(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let rule = polity.constitution.sig;
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        if !rule.toc_liaison_required {
            continue;
        }
        let Some(liaison) = &body.toc_liaison else {
            findings.push(Finding::error(
                "S2",
                body.loc,
                format!("SIG {} has no TOC liaison", body.id),
                "set `toc-liaison:` to a voting member of the overseeing committee",
            ));
            continue;
        };
        let Some(person) = polity.person(&liaison.text) else {
            continue;
        };
        let Some(toc) = overseer(polity, body) else { continue };
        let voting = seat_holders(toc, &[Seat::Member, Seat::Chair, Seat::CoChair], polity, at);
        if !voting.contains(&person.id) {
            findings.push(Finding::error(
                "S2",
                liaison.loc,
                format!(
                    "the TOC liaison of SIG {} is {}, who is not a voting member of {} on {at}",
                    body.id, person.id, toc.id
                ),
                format!("name one of {}'s members: {}", toc.id, voting.join(", ")),
            ));
        }
    }
}

fn s3_staff_liaison(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    if !polity.constitution.sig.staff_liaison_required {
        return;
    }
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        if body.staff_liaison.is_none() {
            findings.push(Finding::error(
                "S3",
                body.loc,
                format!("SIG {} has no executive-staff liaison to own its reports", body.id),
                "set `staff-liaison:` to the staff member who owns the quarterly and annual reports",
            ));
        }
    }
}

fn s4_working_group_timetable(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::WorkingGroup) {
        let Some(end) = body.charter.as_ref().and_then(|charter| charter.timetable_end) else {
            if !polity.constitution.working_group_timetable_required {
                continue;
            }
            findings.push(Finding::error(
                "S4",
                body.loc,
                format!("working group {} has no timetable", body.id),
                "a working group is time-limited: set `charter.timetable.end:` to its end date",
            ));
            continue;
        };
        let charter = body.charter.as_ref().expect("timetable comes from the charter");
        if end <= at {
            findings.push(Finding::error(
                "S4",
                charter.loc,
                format!("working group {} is past its timetable, which ended on {end}", body.id),
                "archive it (dissolve) by a motion, or extend the timetable by a motion of the overseeing body",
            ));
        }
        if let (Some(max), Some(start)) = (
            polity.constitution.working_group_max,
            body.live_since(at).or(charter.approved),
        ) && max.after(start) < end
        {
            findings.push(Finding::warning(
                "S4",
                charter.loc,
                format!(
                    "working group {} has a timetable to {end}, more than {max} after it started on {start}",
                    body.id
                ),
                "working groups are time-limited: shorten the timetable or charter a SIG instead",
            ));
        }
        if !charter.deliverables.is_empty()
            && charter
                .deliverables
                .iter()
                .all(|deliverable| deliverable.delivered.is_some_and(|on| on <= at))
        {
            findings.push(Finding::warning(
                "S4",
                charter.loc,
                format!(
                    "working group {} has delivered all its deliverables and is still live",
                    body.id
                ),
                "a working group is dissolved once its deliverables are delivered: archive it by a motion",
            ));
        }
    }
}

fn officer_rule(kind: BodyKind) -> &'static str {
    if kind == BodyKind::Sig { "S2" } else { "S5" }
}

fn s5_seats_and_officers(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        if let Some(seats) = body.seats {
            let members = seat_holders(body, &[Seat::Member], polity, at);
            let count = u32::try_from(members.len()).unwrap_or(u32::MAX);
            if !seats.count.contains(count) {
                let hint = if count < seats.count.min {
                    format!(
                        "{} seat(s) are vacant: run an election, or record its result",
                        seats.count.min - count
                    )
                } else {
                    "end some terms, or change `seats:` by amending the constitution".to_owned()
                };
                findings.push(Finding::error(
                    "S5",
                    seats.loc,
                    format!(
                        "{} has {count} members on {at}; it must have {} seats",
                        body.id, seats.count
                    ),
                    hint,
                ));
            }
        }
        let mut officers = body.officers.clone();
        if body.kind == BodyKind::Sig
            && let Some(chairs) = polity.constitution.sig.chairs
        {
            officers.entry(Seat::Chair).or_insert(chairs);
        }
        for (seat, range) in officers {
            let holders = seat_holders(body, &[seat], polity, at);
            let count = u32::try_from(holders.len()).unwrap_or(u32::MAX);
            if !range.contains(count) {
                findings.push(Finding::error(
                    officer_rule(body.kind),
                    body.loc,
                    format!(
                        "{} has {count} {} seat holder(s) on {at}; it must have {range}",
                        body.id,
                        seat.as_str()
                    ),
                    if count < range.min {
                        format!(
                            "fill the vacant {} seat: elect or appoint and record the holder",
                            seat.as_str()
                        )
                    } else {
                        format!("end a {} term, or change `officers:`", seat.as_str())
                    },
                ));
            }
        }
    }
}

fn s6_organisation_cap(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        let Some(seats) = body.seats else { continue };
        let Some(cap) = seats.per_organisation else { continue };
        let mut by_organisation: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for holding in body
            .holders
            .iter()
            .filter(|holding| holding.seat == Seat::Member && holding.covers(at))
        {
            let Some(person) = polity.person(&holding.person.text) else {
                continue;
            };
            match person.affiliation_on(at) {
                Some(organisation) => by_organisation.entry(organisation).or_default().push(person.id.clone()),
                None => findings.push(Finding::warning(
                    "S6",
                    holding.loc,
                    format!("{} holds a seat in {} but has no affiliation on {at}", person.id, body.id),
                    "record the person's affiliation in people.yaml (an independent member gets an organisation of their own)",
                )),
            }
        }
        for (organisation, people) in by_organisation {
            if people.len() > cap as usize {
                findings.push(Finding::error(
                    "S6",
                    seats.loc,
                    format!(
                        "{} holds {} seats in {} on {at} ({}); at most {cap} per organisation",
                        organisation,
                        people.len(),
                        body.id,
                        people.join(", ")
                    ),
                    "a seat holder changed employer or was seated over the cap: one of them must step down or a seat be re-run",
                ));
            }
        }
    }
}

fn s8_one_ptl_who_commits(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let projects = live_bodies(polity, at).filter(|body| {
        matches!(body.kind, BodyKind::Project | BodyKind::SubGroup) && body.leadership == Leadership::Ptl
    });
    for body in projects {
        let ptls: Vec<_> = body.holders_on(Seat::Ptl, at).collect();
        match ptls.as_slice() {
            [] => findings.push(Finding::error(
                "S8",
                body.loc,
                format!("{} {} has no PTL on {at}", body.kind.as_str(), body.id),
                "every project has exactly one PTL: record the PTL election's result in `holders:`",
            )),
            [ptl] => {
                let Some(person) = polity.person(&ptl.person.text) else {
                    continue;
                };
                if let Some(committers) = &body.committers {
                    let is_committer = committers.iter().any(|committer| {
                        polity
                            .person(&committer.text)
                            .is_some_and(|found| found.id == person.id)
                    });
                    if !is_committer {
                        findings.push(Finding::error(
                            "S8",
                            ptl.loc,
                            format!("the PTL of {}, {}, is not one of its committers", body.id, person.id),
                            "the PTL must be a committer of the project: add them to `committers:` (by promotion, E11) or elect another PTL",
                        ));
                    }
                }
            }
            [_, extra, ..] => findings.push(Finding::error(
                "S8",
                extra.loc,
                format!("{} has {} PTLs on {at}", body.id, ptls.len()),
                "a project has exactly one PTL: end all but one term",
            )),
        }
    }
}

fn s9_liaisons(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let constitution = &polity.constitution;
    let projects = live_bodies(polity, at).filter(|body| matches!(body.kind, BodyKind::Project | BodyKind::SubGroup));
    for body in projects {
        let ptl = body.holders_on(Seat::Ptl, at).next();
        for area in &constitution.liaison_areas {
            let filled = body.liaisons.get(area).is_some_and(|holders| !holders.is_empty());
            let defaulted = constitution.liaison_default == LiaisonDefault::Ptl && ptl.is_some();
            if !filled && !defaulted {
                findings.push(Finding::error(
                    "S9",
                    body.loc,
                    format!("{} {} has no {area} liaison", body.kind.as_str(), body.id),
                    format!("name a volunteer under `liaisons: {{ {area}: ... }}` (the PTL picks when several volunteer, E9)"),
                ));
            }
        }
        for (area, holders) in &body.liaisons {
            if !constitution.liaison_areas.contains(area) && !constitution.liaison_areas.is_empty() {
                let loc = holders.first().map_or(body.loc, |holder| holder.loc);
                findings.push(Finding::warning(
                    "S9",
                    loc,
                    format!("{area:?} is not a liaison area of the constitution"),
                    format!("use one of: {}", constitution.liaison_areas.join(", ")),
                ));
            }
        }
        let people: BTreeSet<String> = body
            .liaisons
            .values()
            .flatten()
            .filter_map(|reference| polity.person(&reference.text))
            .map(|person| person.id.clone())
            .collect();
        let organisations: BTreeSet<Option<&str>> = people.iter().map(|id| polity.affiliation_on(id, at)).collect();
        if people.len() >= 2
            && let [Some(organisation)] = organisations.into_iter().collect::<Vec<_>>().as_slice()
        {
            findings.push(Finding::warning(
                "S9",
                body.loc,
                format!("all {} liaisons of {} work for {organisation}", people.len(), body.id),
                "avoid all liaisons coming from one company (E9): invite volunteers from other organisations",
            ));
        }
    }
}

fn s10_named_roles(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        for role in &body.roles {
            if matches!(
                role.name.as_str(),
                "chair" | "co-chair" | "tech-lead" | "technical lead"
            ) {
                findings.push(Finding::error(
                    "S10",
                    role.loc,
                    format!(
                        "{:?} is not a named role: chairs and technical leads are seats",
                        role.name
                    ),
                    "record chairs and technical leads under `holders:`",
                ));
                continue;
            }
            let date = role.on.unwrap_or(at);
            let chairs = seat_holders(body, &[Seat::Chair, Seat::CoChair], polity, date);
            let approving: BTreeSet<String> = role
                .approved_by
                .iter()
                .filter_map(|approver| polity.person(&approver.text))
                .map(|person| person.id.clone())
                .filter(|id| chairs.contains(id))
                .collect();
            if approving.len() * 2 <= chairs.len() || chairs.is_empty() {
                findings.push(Finding::error(
                    "S10",
                    role.loc,
                    format!(
                        "role {:?} in {} is approved by {} of {} chairs on {date}; it needs more than half",
                        role.name,
                        body.id,
                        approving.len(),
                        chairs.len()
                    ),
                    format!(
                        "list the approving chairs under `approved-by:` (chairs on that date: {})",
                        if chairs.is_empty() {
                            "none".to_owned()
                        } else {
                            chairs.join(", ")
                        }
                    ),
                ));
            }
        }
    }
}

fn s11_advisory_partners(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        for partner in &body.partners {
            let organisation = &partner.organisation.id;
            let employs = partner
                .maintainer
                .as_ref()
                .and_then(|maintainer| polity.person(&maintainer.text));
            match employs {
                None if partner.maintainer.is_none() => findings.push(Finding::error(
                    "S11",
                    partner.loc,
                    format!(
                        "industry partner {organisation} in {} names no full-time maintainer",
                        body.id
                    ),
                    "an industry partner must employ at least one full-time maintainer: set `maintainer:`",
                )),
                None => {}
                Some(person) if person.affiliation_on(at) != Some(organisation.as_str()) => {
                    findings.push(Finding::error(
                        "S11",
                        partner.loc,
                        format!(
                            "{} is named as {organisation}'s maintainer but does not work for {organisation} on {at}",
                            person.id
                        ),
                        "name a maintainer employed by the partner, or correct the affiliation in people.yaml",
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

fn s12_final_say(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        if let Some(FinalSay::Seat(seat, loc)) = &body.final_say
            && body.holders_on(*seat, at).next().is_none()
        {
            findings.push(Finding::error(
                "S12",
                *loc,
                format!(
                    "the final say in {} belongs to its {}, and that seat is vacant on {at}",
                    body.id,
                    seat.as_str()
                ),
                "fill the seat, or name the final-say holder explicitly",
            ));
        }
    }
}

fn l1_transitions(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        let mut previous: Option<(LifecycleState, Date)> = None;
        for change in &body.history {
            if let Some((state, on)) = previous {
                if change.on < on {
                    findings.push(Finding::error(
                        "L1",
                        change.loc,
                        format!(
                            "history of {} goes back in time: {} on {} comes after {on}",
                            body.id,
                            change.state.as_str(),
                            change.on
                        ),
                        "list the history in date order",
                    ));
                }
                if !state.may_move_to(change.state) {
                    findings.push(Finding::error(
                        "L1",
                        change.loc,
                        format!(
                            "{} cannot move from {} to {}",
                            body.id,
                            state.as_str(),
                            change.state.as_str()
                        ),
                        "groups move forming → active → archived, and archived groups are reactivated (L7)",
                    ));
                }
            }
            let needs_motion = previous.is_some() || change.state != LifecycleState::Proposed;
            if needs_motion && change.motion.is_none() {
                findings.push(Finding::error(
                    "L1",
                    change.loc,
                    format!("{} became {} on {} without a recorded motion", body.id, change.state.as_str(), change.on),
                    "every transition needs a review and vote of the overseeing body: set `motion:` to the motion that passed it",
                ));
            }
            previous = Some((change.state, change.on));
        }
        if let (Some(declared), Some((last, _))) = (body.state, previous)
            && declared != last
        {
            findings.push(Finding::error(
                "L1",
                body.loc,
                format!(
                    "{} declares state {} but its history ends in {}",
                    body.id,
                    declared.as_str(),
                    last.as_str()
                ),
                "add the transition to `history:` with its motion, or correct `state:`",
            ));
        }
    }
}

/// What a sub-group still lacks to form (L2), as (what is missing, what to do); empty when it
/// meets every criterion. The engine refuses a forming motion while this is not empty.
pub fn l2_gaps(polity: &Polity, body: &Body, at: Date) -> Vec<(String, &'static str)> {
    let rule = polity.constitution.sub_group;
    let mut gaps: Vec<(String, &'static str)> = Vec::new();
    let committers: Vec<_> = body
        .committers
        .iter()
        .flatten()
        .filter_map(|reference| polity.person(&reference.text))
        .collect();
    if committers.len() < rule.min_committers as usize {
        gaps.push((
            format!(
                "has {} committer(s); it needs at least {}",
                committers.len(),
                rule.min_committers
            ),
            "list the initial committers under `committers:`",
        ));
    }
    let organisations: BTreeSet<&str> = committers
        .iter()
        .filter_map(|person| person.affiliation_on(at))
        .collect();
    if organisations.len() < rule.min_organisations as usize {
        gaps.push((
            format!(
                "has committers from {} organisation(s) on {at}; it needs at least {}",
                organisations.len(),
                rule.min_organisations
            ),
            "a sub-group needs committers from different organisations",
        ));
    }
    if body.holders_on(Seat::Ptl, at).next().is_none() {
        gaps.push((
            "has no agreed PTL".to_owned(),
            "record the PTL under `holders:` with seat ptl",
        ));
    }
    if body.charter.as_ref().is_none_or(|charter| charter.scope_in.is_empty()) {
        gaps.push((
            "has no defined scope".to_owned(),
            "state the scope under `charter.scope.in:`",
        ));
    }
    let proposal = body.proposal.clone().unwrap_or_default();
    if proposal.plan.is_none() {
        gaps.push(("has no plan".to_owned(), "state the plan under `proposal.plan:`"));
    }
    if proposal.page.is_none() {
        gaps.push((
            "has no public page".to_owned(),
            "link its public page under `proposal.page:`",
        ));
    }
    if proposal.announcement.is_none() {
        gaps.push((
            "was not announced on the mailing list".to_owned(),
            "link the notice under `proposal.announcement:`",
        ));
    }
    gaps
}

fn l2_sub_group_criteria(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::SubGroup) {
        let mut missing = |what: String, hint: &str| {
            findings.push(Finding::error(
                "L2",
                body.loc,
                format!("sub-group {} {what}", body.id),
                hint,
            ));
        };
        for (what, hint) in l2_gaps(polity, body, at) {
            missing(what, hint);
        }
        for state in [LifecycleState::Forming, LifecycleState::Active] {
            let reached = body.state_on(at) == Some(LifecycleState::Active) || state == LifecycleState::Forming;
            let recorded = body
                .history
                .iter()
                .any(|change| change.state == state && change.motion.is_some());
            if reached && !recorded {
                missing(
                    format!("has no recorded TSC review and vote that made it {}", state.as_str()),
                    "add the step to `history:` with the motion that passed it",
                );
            }
        }
    }
}

fn l3_sig_proposal(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let proposed = polity.bodies.iter().filter(|body| {
        body.kind == BodyKind::Sig
            && matches!(
                body.state_on(at),
                Some(LifecycleState::Proposed | LifecycleState::Forming)
            )
    });
    for body in proposed {
        let proposal = body.proposal.clone().unwrap_or_default();
        let mut missing = |what: &str, hint: &str| {
            findings.push(Finding::error(
                "L3",
                body.loc,
                format!("proposed SIG {} {what}", body.id),
                hint,
            ));
        };
        if proposal.purpose.is_none() {
            missing("states no purpose", "state it under `proposal.purpose:`");
        }
        if proposal.leads.len() < 2 {
            missing(
                "has fewer than two volunteer leads",
                "list two or more under `proposal.leads:`",
            );
        }
        if proposal.resources.is_none() {
            missing("states no resources needed", "state them under `proposal.resources:`");
        }
    }
}

fn l4_charter_review(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let Some(every) = polity.constitution.charter_review else {
        return;
    };
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        let Some(charter) = &body.charter else {
            findings.push(Finding::error(
                "L4",
                body.loc,
                format!("SIG {} has no charter", body.id),
                "add `charter:` with scope in and out, overlaps and deviations, and its approval date",
            ));
            continue;
        };
        match charter.approved {
            None => findings.push(Finding::error(
                "L4",
                charter.loc,
                format!("the charter of SIG {} records no TOC approval", body.id),
                "set `charter.approved:` to the date the TOC last approved it",
            )),
            Some(approved) if every.after(approved) <= at => findings.push(Finding::error(
                "L4",
                charter.loc,
                format!(
                    "the charter review of SIG {} is overdue: last approved {approved}, due {}",
                    body.id,
                    every.after(approved)
                ),
                format!("the TOC reviews every SIG charter every {every}: review it and record the new approval date"),
            )),
            Some(_) => {}
        }
        if charter.scope_in.is_empty() || charter.scope_out.is_empty() {
            findings.push(Finding::warning(
                "L4",
                charter.loc,
                format!(
                    "the charter of SIG {} does not state both what is in and what is out of scope",
                    body.id
                ),
                "fill `charter.scope.in:` and `charter.scope.out:`",
            ));
        }
        for deviation in &charter.deviations {
            if deviation.reason.trim().is_empty() || deviation.approval.trim().is_empty() {
                findings.push(Finding::error(
                    "L4",
                    deviation.loc,
                    format!(
                        "deviation {:?} in the charter of {} lacks its reason or approval",
                        deviation.what, body.id
                    ),
                    "every deviation from the standard guidelines states its reason and its approval",
                ));
            }
        }
    }
}

fn l5_reports(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let Some(rule) = polity.constitution.reports else {
        return;
    };
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        let last_report = body.reports.iter().map(|report| report.on).filter(|on| *on <= at).max();
        let Some(since) = last_report.or_else(|| body.live_since(at)) else {
            continue;
        };
        let what = match last_report {
            Some(on) => format!("last reported on {on}"),
            None => format!("has not reported since it formed on {since}"),
        };
        let dissolve = rule.dissolve_after.after(since);
        let warn = rule.warn_after.after(since);
        if dissolve <= at {
            findings.push(Finding::error(
                "L5",
                body.loc,
                format!(
                    "SIG {} {what}: {} or more without a report (since {dissolve})",
                    body.id, rule.dissolve_after
                ),
                "it must be dissolved: record the TOC's dissolution motion, or record the missing report",
            ));
        } else if warn <= at {
            findings.push(Finding::warning(
                "L5",
                body.loc,
                format!(
                    "SIG {} {what}: {} or more without a report (since {warn})",
                    body.id, rule.warn_after
                ),
                format!("the TOC may consider retiring it; it must be dissolved from {dissolve} unless it reports"),
            ));
        }
    }
}

fn e3_officers_are_members(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::OversightCommittee && body.seats.is_some())
    {
        let members = seat_holders(body, &[Seat::Member], polity, at);
        for holding in body
            .holders
            .iter()
            .filter(|holding| matches!(holding.seat, Seat::Chair | Seat::CoChair) && holding.covers(at))
        {
            let Some(person) = polity.person(&holding.person.text) else {
                continue;
            };
            if !members.contains(&person.id) {
                findings.push(Finding::error(
                    "E3",
                    holding.loc,
                    format!(
                        "{} is {} of {} but not one of its members on {at}",
                        person.id,
                        holding.seat.as_str(),
                        body.id
                    ),
                    "chair and co-chairs are elected from the committee's members",
                ));
            }
        }
    }
}

fn e5_staggered_chairs(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    if !polity.constitution.sig.staggered_chairs {
        return;
    }
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        let chairs: Vec<_> = body
            .holders
            .iter()
            .filter(|holding| holding.seat == Seat::Chair)
            .collect();
        let ends: BTreeSet<Date> = chairs
            .iter()
            .filter_map(|holding| holding.until)
            .filter(|end| *end > at)
            .collect();
        for end in ends {
            // Staggering fails when two or more chairs in office leave on the same day and no
            // other chair stays. A lone recorded term ending is no failure: its successors are
            // simply not elected yet (that is `polity due`'s business).
            let day_before = end.yesterday().unwrap_or(end);
            let in_office: Vec<_> = chairs.iter().filter(|holding| holding.covers(day_before)).collect();
            let leaving = in_office.iter().filter(|holding| holding.until == Some(end)).count();
            let continues = leaving < 2 || leaving < in_office.len();
            if !continues {
                let loc = chairs
                    .iter()
                    .find(|holding| holding.until == Some(end))
                    .map_or(body.loc, |holding| holding.loc);
                findings.push(Finding::error(
                    "E5",
                    loc,
                    format!("every chair term in SIG {} ends on {end}: no chair seat continues across that change", body.id),
                    "stagger the chair terms (`class:` a and b) so at least one chair stays in office across every term end",
                ));
            }
        }
    }
}

fn term_rule(body: &Body, seat: Seat) -> &'static str {
    body.kind.seat_rule(seat)
}

/// Terms that have ended with no successor recorded: the seat count dropped and stayed down.
fn expired_terms(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        for holding in &body.holders {
            let Some(end) = holding.until else { continue };
            if end > at {
                continue;
            }
            let continued = body.holders.iter().any(|other| {
                other.seat == holding.seat
                    && other.person.text == holding.person.text
                    && other.from <= end
                    && other.until.is_none_or(|until| until > end)
            });
            if continued {
                continue;
            }
            let before = body.holders_on(holding.seat, end.yesterday().unwrap_or(end)).count();
            let now = body.holders_on(holding.seat, at).count();
            if now < before {
                findings.push(Finding::warning(
                    term_rule(body, holding.seat),
                    holding.loc,
                    format!(
                        "the {} term of {} in {} ended on {end} and no successor is recorded",
                        holding.seat.as_str(),
                        person_name(polity, &holding.person),
                        body.id
                    ),
                    "run the election (see `polity due`) and record the new term in `holders:`",
                ));
            }
        }
    }
}

fn e10_term_limits(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        let Some(limit) = body.term_limit.or(polity.constitution.term_limit) else {
            continue;
        };
        let mut by_person_and_seat: BTreeMap<(String, Seat), Vec<_>> = BTreeMap::new();
        for holding in &body.holders {
            by_person_and_seat
                .entry((person_name(polity, &holding.person), holding.seat))
                .or_default()
                .push(holding);
        }
        for ((person, seat), mut holdings) in by_person_and_seat {
            holdings.sort_by_key(|holding| holding.from);
            let mut run = 1u32;
            for pair in holdings.windows(2) {
                run = if pair[0].until == Some(pair[1].from) {
                    run + 1
                } else {
                    1
                };
                if run == limit + 1 && pair[1].from <= at {
                    findings.push(Finding::warning(
                        "E10",
                        pair[1].loc,
                        format!(
                            "{person} is in {run} consecutive {} terms in {}; the term limit is {limit}",
                            seat.as_str(),
                            body.id
                        ),
                        "rotation is encouraged, not mandatory: this is a warning and blocks nothing",
                    ));
                }
            }
        }
    }
}

fn act_rule(act: crate::model::Act) -> &'static str {
    act.rule()
}

/// Every electorate named in `decisions:` and `elections:` exists for the body: an overseer
/// above it, committers listed, chairs' seats.
fn authorities_exist(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    use crate::model::Electorate;
    for body in &polity.bodies {
        let mut uses: Vec<(&'static str, Electorate, Loc)> = Vec::new();
        for (act, authority) in &body.decisions {
            for electorate in &authority.by {
                uses.push((act_rule(*act), *electorate, authority.rule.loc));
            }
        }
        for (rule, election) in [("E1", &body.elections), ("E3", &body.officer_elections)] {
            if let Some(election) = election {
                for electorate in [election.nominators, election.candidates, election.voters] {
                    uses.push((rule, electorate, election.loc));
                }
            }
        }
        for (rule, electorate, loc) in uses {
            let missing = match electorate {
                Electorate::Overseer => overseer(polity, body).is_none() && body.kind != BodyKind::OversightCommittee,
                Electorate::Committers => body.committers.is_none(),
                Electorate::ActiveMembers => {
                    polity.constitution.active_member.is_none() && polity.constitution.roll.is_empty()
                }
                _ => false,
            };
            if missing {
                let what = match electorate {
                    Electorate::Overseer => "it has no oversight committee above it",
                    Electorate::Committers => "it lists no committers",
                    _ => "the constitution defines no `active-member` rule (E2)",
                };
                findings.push(Finding::error(
                    rule,
                    loc,
                    format!("{} names {} as an electorate, but {what}", body.id, electorate.as_str()),
                    "name an electorate the body has, or add what it needs",
                ));
            }
        }
    }
}
