//! OpenStack governance `reference/projects.yaml` to a polity registry, under OpenStack's rules.
//!
//! Mapping: the Technical Committee becomes the oversight committee (its members are in another
//! file, not imported, so it has no seat rule here); every project team becomes a project under
//! it. A team with a `ptl` has one PTL seat (S8) from the `as_of` date; a team with
//! `leadership_type: distributed` has no PTL and its `liaisons` hold the four areas OpenStack
//! requires of distributed teams (release, tact-sig, security, tc-liaison). OpenStack's own rule
//! is that the PTL is the default liaison of a PTL-led team, written as `liaison-default: ptl`.
//! Deliverables become the charter's deliverables. People are keyed by IRC nick (or e-mail when
//! there is none); the file records no employers, so no affiliations are imported. Committer lists
//! are not in this file either, so S8's "the PTL is a committer" is not checked for imported teams.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Deserialize;

use super::{ImportError, People, slug};
use crate::files::*;

#[derive(Deserialize)]
struct Team {
    #[serde(default)]
    ptl: Option<Contact>,
    #[serde(default)]
    leadership_type: Option<String>,
    #[serde(default)]
    liaisons: BTreeMap<String, Vec<Contact>>,
    #[serde(default)]
    mission: Option<String>,
    #[serde(default)]
    deliverables: BTreeMap<String, Deliverable>,
}

#[derive(Deserialize)]
struct Contact {
    name: String,
    #[serde(default)]
    irc: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

#[derive(Deserialize)]
struct Deliverable {
    #[serde(default)]
    deprecated: Option<String>,
}

const TC: &str = "technical-committee";
const AREAS: [&str; 4] = ["release", "tact-sig", "security", "tc-liaison"];

pub fn import(text_in: &str, as_of: Date) -> Result<(RegistryFiles, String), ImportError> {
    let teams: BTreeMap<String, Team> =
        serde_saphyr::from_str(text_in).map_err(|error| ImportError::Parse(error.to_string()))?;
    if teams.is_empty() {
        return Err(ImportError::Shape(
            "no project teams found: is this OpenStack's reference/projects.yaml?".to_owned(),
        ));
    }
    let mut people = People::default();
    let mut add_person = |contact: &Contact| -> Result<String, ImportError> {
        let key = contact
            .irc
            .as_deref()
            .or(contact.email.as_deref())
            .ok_or_else(|| ImportError::Shape(format!("{} has neither an IRC nick nor an e-mail", contact.name)))?;
        let id = slug(key);
        people.add(&id, &contact.name, None, contact.email.as_deref(), None, as_of);
        Ok(id)
    };
    let mut bodies = BTreeMap::new();
    let mut tc = BodyFile::new(TC, BodyKindFile::OversightCommittee, "Technical Committee");
    tc.state = Some(StateFile::Active);
    bodies.insert(TC.to_owned(), tc);
    let mut deliverable_count = 0;
    for (name, team) in &teams {
        let id = slug(name);
        let mut body = BodyFile::new(&id, BodyKindFile::Project, name);
        body.parent = Some(text(TC));
        body.state = Some(StateFile::Active);
        let distributed = team.leadership_type.as_deref() == Some("distributed");
        match (&team.ptl, distributed) {
            (Some(ptl), false) => body.holders.push(HolderFile {
                person: text(add_person(ptl)?),
                seat: SeatFile::Ptl,
                from: text(as_of.to_string()),
                until: None,
                class: None,
            }),
            (_, true) => body.leadership = Some(LeadershipFile::Distributed),
            (None, false) => {
                return Err(ImportError::Shape(format!(
                    "team {name:?} has neither a PTL nor distributed leadership"
                )));
            }
        }
        for (area, contacts) in &team.liaisons {
            let holders = contacts
                .iter()
                .map(|contact| add_person(contact).map(text))
                .collect::<Result<Vec<_>, _>>()?;
            body.liaisons.insert(area.clone(), holders);
        }
        deliverable_count += team.deliverables.len();
        body.charter = Some(unplaced(CharterFile {
            scope: team.mission.as_ref().map(|mission| ScopeFile {
                inside: vec![mission.split_whitespace().collect::<Vec<_>>().join(" ")],
                outside: Vec::new(),
            }),
            deliverables: team
                .deliverables
                .iter()
                .map(|(name, deliverable)| DeliverableFile {
                    name: match &deliverable.deprecated {
                        Some(release) => format!("{name} (deprecated in {release})"),
                        None => name.clone(),
                    },
                    due: None,
                    delivered: None,
                })
                .collect(),
            ..CharterFile::default()
        }));
        bodies.insert(id, body);
    }
    let constitution = ConstitutionFile {
        name: "OpenStack".to_owned(),
        liaison_areas: AREAS.iter().map(|area| (*area).to_owned()).collect(),
        liaison_default: Some(LiaisonDefaultFile::Ptl),
        ..ConstitutionFile::default()
    };
    let (people, organisations) = people.finish();
    let summary = format!(
        "{} teams, {deliverable_count} deliverables, {} people",
        teams.len(),
        people.len()
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
