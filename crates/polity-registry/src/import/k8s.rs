//! Kubernetes community `sigs.yaml` to a polity registry, under Kubernetes' own rules.
//!
//! Mapping: the Steering Committee becomes the oversight committee (7 seats, at most 2 per
//! company: no company may hold more than a third of the seats); every SIG, working group and
//! committee hangs under it; SIG and WG `chairs` become chair seats and `tech_leads` tech-lead
//! seats; a group's `contact.liaison` is its Steering liaison (S2: a voting Steering member).
//! Kubernetes working groups set no end date in `sigs.yaml`, so timetables are not required
//! (its own rule), and its SIGs have no fixed number of chairs. People are keyed by GitHub handle
//! (lower-cased; handles are compared without regard to case), `company` becomes an affiliation
//! from the `as_of` date, since the file records no dates; `Independent` is no organisation.
//! Subprojects become projects under their group (`{group}-{name}`), without a PTL, their OWNERS
//! files kept as links. The constitution's `active-member` rule is the Steering election's own
//! (50 contributions in the last year). Emeritus leads are the body's `emeritus:`, past leads
//! holding no seat: the file gives no dates for their terms, and polity does not invent them.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use super::{ImportError, People, slug};
use crate::files::*;

#[derive(Deserialize)]
struct SigsYaml {
    #[serde(default)]
    sigs: Vec<Group>,
    #[serde(default)]
    workinggroups: Vec<Group>,
    #[serde(default)]
    committees: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    dir: String,
    name: String,
    #[serde(default)]
    mission_statement: Option<String>,
    #[serde(default)]
    leadership: Leadership,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    subprojects: Vec<Subproject>,
}

#[derive(Deserialize)]
struct Subproject {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    owners: Vec<String>,
}

#[derive(Default, Deserialize)]
struct Leadership {
    #[serde(default)]
    chairs: Vec<K8sPerson>,
    #[serde(default)]
    tech_leads: Vec<K8sPerson>,
    #[serde(default)]
    emeritus_leads: Vec<K8sPerson>,
}

#[derive(Default, Deserialize)]
struct Contact {
    #[serde(default)]
    liaison: Option<K8sPerson>,
}

#[derive(Clone, Deserialize)]
struct K8sPerson {
    github: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    company: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

const STEERING: &str = "committee-steering";

/// What an import produced, for the summary line and tests.
pub fn import(source_text: &str, as_of: Date) -> Result<(RegistryFiles, String), ImportError> {
    let source: SigsYaml =
        serde_saphyr::from_str(source_text).map_err(|error| ImportError::Parse(error.to_string()))?;
    if !source.committees.iter().any(|committee| committee.dir == STEERING) {
        return Err(ImportError::Shape(format!(
            "no committee with dir {STEERING:?}: is this the Kubernetes community sigs.yaml?"
        )));
    }
    let mut people = People::default();
    let mut add_person = |person: &K8sPerson| -> String {
        let id = person.github.trim().to_lowercase();
        people.add(
            &id,
            person.name.as_deref().unwrap_or(&person.github),
            Some(person.github.trim()),
            person.email.as_deref(),
            person.company.as_deref(),
            as_of,
        );
        id
    };
    let mut bodies = BTreeMap::new();
    let from = as_of.to_string();
    let groups = source
        .committees
        .iter()
        .map(|group| {
            (
                group,
                if group.dir == STEERING {
                    BodyKindFile::OversightCommittee
                } else {
                    BodyKindFile::Committee
                },
            )
        })
        .chain(source.sigs.iter().map(|group| (group, BodyKindFile::Sig)))
        .chain(
            source
                .workinggroups
                .iter()
                .map(|group| (group, BodyKindFile::WorkingGroup)),
        );
    let (mut sigs, mut working_groups, mut committees, mut subprojects) = (0, 0, 0, 0);
    for (group, kind) in groups {
        match kind {
            BodyKindFile::Sig => sigs += 1,
            BodyKindFile::WorkingGroup => working_groups += 1,
            _ => committees += 1,
        }
        let mut holders = Vec::new();
        let chair_seat = if kind == BodyKindFile::OversightCommittee {
            SeatFile::Member
        } else {
            SeatFile::Chair
        };
        for (people_list, seat) in [
            (&group.leadership.chairs, chair_seat),
            (&group.leadership.tech_leads, SeatFile::TechLead),
        ] {
            for person in people_list {
                holders.push(HolderFile {
                    person: text(add_person(person)),
                    seat,
                    from: text(from.clone()),
                    until: None,
                    class: None,
                });
            }
        }
        let emeritus: Vec<Text> = group
            .leadership
            .emeritus_leads
            .iter()
            .map(|person| text(add_person(person)))
            .collect();
        let liaison = group.contact.liaison.as_ref().map(|person| text(add_person(person)));
        let mut body = BodyFile::new(&group.dir, kind, &group.name);
        body.parent = (kind != BodyKindFile::OversightCommittee).then(|| text(STEERING));
        body.state = Some(StateFile::Active);
        if kind == BodyKindFile::OversightCommittee {
            body.seats = Some(unplaced(SeatsFile {
                min: 7,
                max: 7,
                per_organisation: Some(2),
            }));
        }
        body.holders = holders;
        body.emeritus = emeritus;
        if kind == BodyKindFile::Sig {
            body.toc_liaison = liaison;
        }
        body.charter = group.mission_statement.as_ref().map(|mission| {
            unplaced(CharterFile {
                scope: Some(ScopeFile {
                    inside: vec![mission.split_whitespace().collect::<Vec<_>>().join(" ")],
                    outside: Vec::new(),
                }),
                ..CharterFile::default()
            })
        });
        bodies.insert(slug(&group.dir), body);
        // Subprojects: projects under their group, led through their OWNERS files (links kept,
        // not read), without a PTL.
        for subproject in &group.subprojects {
            subprojects += 1;
            let id = slug(&format!("{}-{}", group.dir, subproject.name));
            let mut project = BodyFile::new(&id, BodyKindFile::Project, &subproject.name);
            project.parent = Some(text(slug(&group.dir)));
            project.state = Some(StateFile::Active);
            project.leadership = Some(LeadershipFile::Distributed);
            project.owners = subproject.owners.clone();
            project.charter = subproject
                .description
                .as_ref()
                .filter(|description| !description.trim().is_empty() && !description.contains("Described below"))
                .map(|description| {
                    unplaced(CharterFile {
                        scope: Some(ScopeFile {
                            inside: vec![description.split_whitespace().collect::<Vec<_>>().join(" ")],
                            outside: Vec::new(),
                        }),
                        ..CharterFile::default()
                    })
                });
            bodies.insert(id, project);
        }
    }
    let constitution = ConstitutionFile {
        name: "Kubernetes".to_owned(),
        // The Steering election's own rule: "Kubernetes Org members with 50 or more
        // contributions in the last year can vote" (elections/steering/2025/election.yaml).
        active_member: Some(ActiveMemberFile {
            contributions: 50,
            within: text("12 months"),
            date: None,
        }),
        sigs: Some(SigsFile {
            toc_liaison: true,
            ..SigsFile::default()
        }),
        working_groups: Some(WorkingGroupsFile {
            max_timetable: None,
            timetable_required: Some(false),
        }),
        ..ConstitutionFile::default()
    };
    let (people, organisations) = people.finish();
    let summary = format!(
        "{sigs} SIGs, {working_groups} working groups, {committees} committees, {subprojects} subprojects, {} people, {} organisations",
        people.len(),
        organisations.len()
    );
    Ok((
        RegistryFiles {
            constitution,
            people,
            organisations,
            bodies,
        },
        summary,
    ))
}
