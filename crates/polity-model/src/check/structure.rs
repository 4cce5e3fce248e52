//! S1-S12: the shape of the bodies: the tree, leadership, liaisons, seats and their caps, named roles, advisory partners, the final say.

use super::*;
use crate::rules::RuleId;

pub(super) fn s1_tree(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        let allowed = body.kind.allowed_parents();
        match &body.parent {
            None if !allowed.is_empty()
                && !matches!(body.kind, BodyKind::OversightCommittee | BodyKind::AdvisoryGroup) =>
            {
                findings.push(
                    Finding::error(
                        RuleId::S1,
                        body.loc,
                        format!("{} {} has no parent body", body.kind.as_str(), body.id),
                        format!(
                            "set `parent:` to the body that oversees it (one of: {})",
                            allowed.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    )
                    .said(
                        "no-parent",
                        &[
                            ("kind", body.kind.as_str().to_owned()),
                            ("body", body.id.clone()),
                            (
                                "allowed",
                                allowed.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", "),
                            ),
                        ],
                    ),
                );
            }
            None => {}
            Some(parent_ref) => {
                let Some(parent) = polity.body(&parent_ref.id) else {
                    continue;
                };
                if !allowed.contains(&parent.kind) {
                    findings.push(
                        Finding::error(
                            RuleId::S1,
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
                        )
                        .said(
                            "wrong-parent",
                            &[
                                ("kind", body.kind.as_str().to_owned()),
                                ("body", body.id.clone()),
                                ("parentkind", parent.kind.as_str().to_owned()),
                                ("parent", parent.id.clone()),
                                (
                                    "allowed",
                                    allowed.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(", "),
                                ),
                            ],
                        ),
                    );
                }
                let mut seen = BTreeSet::from([body.id.as_str()]);
                let mut current = Some(parent);
                while let Some(ancestor) = current {
                    if !seen.insert(ancestor.id.as_str()) {
                        findings.push(
                            Finding::error(
                                RuleId::S1,
                                parent_ref.loc,
                                format!("body {} is its own ancestor: the parent links form a cycle", body.id),
                                "bodies form a tree: break the cycle by correcting one `parent:`",
                            )
                            .said("parent-cycle", &[("body", body.id.clone())]),
                        );
                        break;
                    }
                    current = ancestor.parent.as_ref().and_then(|parent| polity.body(&parent.id));
                }
            }
        }
    }
}

pub(super) fn s2_sig_leadership(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let rule = polity.constitution.sig;
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        if !rule.toc_liaison_required {
            continue;
        }
        let Some(liaison) = &body.toc_liaison else {
            findings.push(
                Finding::error(
                    RuleId::S2,
                    body.loc,
                    format!("SIG {} has no TOC liaison", body.id),
                    "set `toc-liaison:` to a voting member of the overseeing committee",
                )
                .said("no-toc-liaison", &[("body", body.id.clone())]),
            );
            continue;
        };
        let Some(person) = polity.person(&liaison.text) else {
            continue;
        };
        let Some(toc) = overseer(polity, body) else { continue };
        let voting = seat_holders(toc, &[Seat::Member, Seat::Chair, Seat::CoChair], polity, at);
        if !voting.contains(&person.id) {
            findings.push(
                Finding::error(
                    RuleId::S2,
                    liaison.loc,
                    format!(
                        "the TOC liaison of SIG {} is {}, who is not a voting member of {} on {at}",
                        body.id, person.id, toc.id
                    ),
                    format!("name one of {}'s members: {}", toc.id, voting.join(", ")),
                )
                .said(
                    "toc-liaison-not-member",
                    &[
                        ("body", body.id.clone()),
                        ("person", person.id.clone()),
                        ("toc", toc.id.clone()),
                        ("date", at.to_string()),
                        ("members", voting.join(", ")),
                    ],
                ),
            );
        }
    }
}

pub(super) fn s3_staff_liaison(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    if !polity.constitution.sig.staff_liaison_required {
        return;
    }
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        if body.staff_liaison.is_none() {
            findings.push(
                Finding::error(
                    RuleId::S3,
                    body.loc,
                    format!("SIG {} has no executive-staff liaison to own its reports", body.id),
                    "set `staff-liaison:` to the staff member who owns the quarterly and annual reports",
                )
                .said("no-staff-liaison", &[("body", body.id.clone())]),
            );
        }
    }
}

pub(super) fn s4_working_group_timetable(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::WorkingGroup) {
        let Some(end) = body.charter.as_ref().and_then(|charter| charter.timetable_end) else {
            if !polity.constitution.working_group_timetable_required {
                continue;
            }
            findings.push(
                Finding::error(
                    RuleId::S4,
                    body.loc,
                    format!("working group {} has no timetable", body.id),
                    "a working group is time-limited: set `charter.timetable.end:` to its end date",
                )
                .said("no-timetable", &[("body", body.id.clone())]),
            );
            continue;
        };
        let charter = body.charter.as_ref().expect("timetable comes from the charter");
        if end <= at {
            findings.push(
                Finding::error(
                    RuleId::S4,
                    charter.loc,
                    format!("working group {} is past its timetable, which ended on {end}", body.id),
                    "archive it (dissolve) by a motion, or extend the timetable by a motion of the overseeing body",
                )
                .said(
                    "past-timetable",
                    &[("body", body.id.clone()), ("date", end.to_string())],
                ),
            );
        }
        if let (Some(max), Some(start)) = (
            polity.constitution.working_group_max,
            body.live_since(at).or(charter.approved),
        ) && max.after(start) < end
        {
            findings.push(
                Finding::warning(
                    RuleId::S4,
                    charter.loc,
                    format!(
                        "working group {} has a timetable to {end}, more than {max} after it started on {start}",
                        body.id
                    ),
                    "working groups are time-limited: shorten the timetable or charter a SIG instead",
                )
                .said(
                    "long-timetable",
                    &[
                        ("body", body.id.clone()),
                        ("end", end.to_string()),
                        ("start", start.to_string()),
                        ("amount", max.words()[0].1.clone()),
                        ("unit", max.words()[1].1.clone()),
                    ],
                ),
            );
        }
        if !charter.deliverables.is_empty()
            && charter
                .deliverables
                .iter()
                .all(|deliverable| deliverable.delivered.is_some_and(|on| on <= at))
        {
            findings.push(
                Finding::warning(
                    RuleId::S4,
                    charter.loc,
                    format!(
                        "working group {} has delivered all its deliverables and is still live",
                        body.id
                    ),
                    "a working group is dissolved once its deliverables are delivered: archive it by a motion",
                )
                .said("delivered-still-live", &[("body", body.id.clone())]),
            );
        }
    }
}

pub(super) fn officer_rule(kind: BodyKind) -> RuleId {
    if kind == BodyKind::Sig { RuleId::S2 } else { RuleId::S5 }
}

pub(super) fn s5_seats_and_officers(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
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
                findings.push(
                    Finding::error(
                        RuleId::S5,
                        seats.loc,
                        format!(
                            "{} has {count} members on {at}; it must have {} seats",
                            body.id, seats.count
                        ),
                        hint,
                    )
                    .said(
                        "seat-count",
                        &[
                            ("body", body.id.clone()),
                            ("count", count.to_string()),
                            ("date", at.to_string()),
                            ("seats", seats.count.to_string()),
                            ("short", (count < seats.count.min).to_string()),
                            ("vacant", seats.count.min.saturating_sub(count).to_string()),
                        ],
                    ),
                );
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
                findings.push(
                    Finding::error(
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
                    )
                    .said(
                        "officer-count",
                        &[
                            ("body", body.id.clone()),
                            ("count", count.to_string()),
                            ("seat", seat.as_str().to_owned()),
                            ("date", at.to_string()),
                            ("range", range.to_string()),
                            ("short", (count < range.min).to_string()),
                        ],
                    ),
                );
            }
        }
    }
}

pub(super) fn s6_organisation_cap(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
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
                    RuleId::S6,
                    holding.loc,
                    format!("{} holds a seat in {} but has no affiliation on {at}", person.id, body.id),
                    "record the person's affiliation in people.yaml (an independent member gets an organisation of their own)",
                ).said("no-affiliation", &[("person", person.id.clone()), ("body", body.id.clone()), ("date", at.to_string())])),
            }
        }
        for (organisation, people) in by_organisation {
            if people.len() > cap as usize {
                findings.push(Finding::error(
                    RuleId::S6,
                    seats.loc,
                    format!(
                        "{} holds {} seats in {} on {at} ({}); at most {cap} per organisation",
                        organisation,
                        people.len(),
                        body.id,
                        people.join(", ")
                    ),
                    "a seat holder changed employer or was seated over the cap: one of them must step down or a seat be re-run",
                ).said("over-cap", &[("organisation", organisation.to_string()), ("count", people.len().to_string()), ("body", body.id.clone()), ("date", at.to_string()), ("people", people.join(", ")), ("cap", cap.to_string())]));
            }
        }
    }
}

pub(super) fn s8_one_ptl_who_commits(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let projects = live_bodies(polity, at).filter(|body| {
        matches!(body.kind, BodyKind::Project | BodyKind::SubGroup) && body.leadership == Leadership::Ptl
    });
    for body in projects {
        let ptls: Vec<_> = body.holders_on(Seat::Ptl, at).collect();
        match ptls.as_slice() {
            [] => findings.push(
                Finding::error(
                    RuleId::S8,
                    body.loc,
                    format!("{} {} has no PTL on {at}", body.kind.as_str(), body.id),
                    "every project has exactly one PTL: record the PTL election's result in `holders:`",
                )
                .said(
                    "no-ptl",
                    &[
                        ("kind", body.kind.as_str().to_owned()),
                        ("body", body.id.clone()),
                        ("date", at.to_string()),
                    ],
                ),
            ),
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
                            RuleId::S8,
                            ptl.loc,
                            format!("the PTL of {}, {}, is not one of its committers", body.id, person.id),
                            "the PTL must be a committer of the project: add them to `committers:` (by promotion, E11) or elect another PTL",
                        ).said("ptl-not-committer", &[("body", body.id.clone()), ("person", person.id.clone())]));
                    }
                }
            }
            [_, extra, ..] => findings.push(
                Finding::error(
                    RuleId::S8,
                    extra.loc,
                    format!("{} has {} PTLs on {at}", body.id, ptls.len()),
                    "a project has exactly one PTL: end all but one term",
                )
                .said(
                    "many-ptls",
                    &[
                        ("body", body.id.clone()),
                        ("count", ptls.len().to_string()),
                        ("date", at.to_string()),
                    ],
                ),
            ),
        }
    }
}

pub(super) fn s9_liaisons(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let constitution = &polity.constitution;
    let projects = live_bodies(polity, at).filter(|body| matches!(body.kind, BodyKind::Project | BodyKind::SubGroup));
    for body in projects {
        let ptl = body.holders_on(Seat::Ptl, at).next();
        for area in &constitution.liaison_areas {
            let filled = body.liaisons.get(area).is_some_and(|holders| !holders.is_empty());
            let defaulted = constitution.liaison_default == LiaisonDefault::Ptl && ptl.is_some();
            if !filled && !defaulted {
                findings.push(Finding::error(
                    RuleId::S9,
                    body.loc,
                    format!("{} {} has no {area} liaison", body.kind.as_str(), body.id),
                    format!("name a volunteer under `liaisons: {{ {area}: ... }}` (the PTL picks when several volunteer, E9)"),
                ).said("no-liaison", &[("kind", body.kind.as_str().to_owned()), ("body", body.id.clone()), ("area", area.clone())]));
            }
        }
        for (area, holders) in &body.liaisons {
            if !constitution.liaison_areas.contains(area) && !constitution.liaison_areas.is_empty() {
                let loc = holders.first().map_or(body.loc, |holder| holder.loc);
                findings.push(
                    Finding::warning(
                        RuleId::S9,
                        loc,
                        format!("{area:?} is not a liaison area of the constitution"),
                        format!("use one of: {}", constitution.liaison_areas.join(", ")),
                    )
                    .said(
                        "unknown-area",
                        &[("area", area.clone()), ("areas", constitution.liaison_areas.join(", "))],
                    ),
                );
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
            findings.push(
                Finding::warning(
                    RuleId::S9,
                    body.loc,
                    format!("all {} liaisons of {} work for {organisation}", people.len(), body.id),
                    "avoid all liaisons coming from one company (E9): invite volunteers from other organisations",
                )
                .said(
                    "liaisons-one-organisation",
                    &[
                        ("count", people.len().to_string()),
                        ("body", body.id.clone()),
                        ("organisation", organisation.to_string()),
                    ],
                ),
            );
        }
    }
}

pub(super) fn s10_named_roles(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        for role in &body.roles {
            if matches!(
                role.name.as_str(),
                "chair" | "co-chair" | "tech-lead" | "technical lead"
            ) {
                findings.push(
                    Finding::error(
                        RuleId::S10,
                        role.loc,
                        format!(
                            "{:?} is not a named role: chairs and technical leads are seats",
                            role.name
                        ),
                        "record chairs and technical leads under `holders:`",
                    )
                    .said("role-is-seat", &[("role", role.name.clone())]),
                );
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
                findings.push(
                    Finding::error(
                        RuleId::S10,
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
                    )
                    .said(
                        "role-not-approved",
                        &[
                            ("role", role.name.clone()),
                            ("body", body.id.clone()),
                            ("approving", approving.len().to_string()),
                            ("chairs", chairs.len().to_string()),
                            ("date", date.to_string()),
                            (
                                "names",
                                if chairs.is_empty() {
                                    "-".to_owned()
                                } else {
                                    chairs.join(", ")
                                },
                            ),
                        ],
                    ),
                );
            }
        }
    }
}

pub(super) fn s11_advisory_partners(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        for partner in &body.partners {
            let organisation = &partner.organisation.id;
            let employs = partner
                .maintainer
                .as_ref()
                .and_then(|maintainer| polity.person(&maintainer.text));
            match employs {
                None if partner.maintainer.is_none() => findings.push(
                    Finding::error(
                        RuleId::S11,
                        partner.loc,
                        format!(
                            "industry partner {organisation} in {} names no full-time maintainer",
                            body.id
                        ),
                        "an industry partner must employ at least one full-time maintainer: set `maintainer:`",
                    )
                    .said(
                        "partner-no-maintainer",
                        &[("organisation", organisation.clone()), ("body", body.id.clone())],
                    ),
                ),
                None => {}
                Some(person) if person.affiliation_on(at) != Some(organisation.as_str()) => {
                    findings.push(Finding::error(
                        RuleId::S11,
                        partner.loc,
                        format!(
                            "{} is named as {organisation}'s maintainer but does not work for {organisation} on {at}",
                            person.id
                        ),
                        "name a maintainer employed by the partner, or correct the affiliation in people.yaml",
                    ).said("maintainer-elsewhere", &[("person", person.id.clone()), ("organisation", organisation.clone()), ("date", at.to_string())]));
                }
                Some(_) => {}
            }
        }
    }
}

pub(super) fn s12_final_say(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at) {
        if let Some(FinalSay::Seat(seat, loc)) = &body.final_say
            && body.holders_on(*seat, at).next().is_none()
        {
            findings.push(
                Finding::error(
                    RuleId::S12,
                    *loc,
                    format!(
                        "the final say in {} belongs to its {}, and that seat is vacant on {at}",
                        body.id,
                        seat.as_str()
                    ),
                    "fill the seat, or name the final-say holder explicitly",
                )
                .said(
                    "final-say-vacant",
                    &[
                        ("body", body.id.clone()),
                        ("seat", seat.as_str().to_owned()),
                        ("date", at.to_string()),
                    ],
                ),
            );
        }
    }
}
