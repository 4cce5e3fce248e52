//! Importers: real communities' governance files to polity registries, each mapped under that
//! community's own rules (written in the constitution the importer produces).

pub mod affiliations;
pub mod k8s;
pub mod openstack;

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::files::{AffiliationFile, OrganisationFile, PersonFile, text};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not YAML of the expected shape: {0}")]
    Parse(String),
    #[error("{0}")]
    Shape(String),
}

/// A lower-case id of letters, digits and dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for character in name.chars().flat_map(char::to_lowercase) {
        if character.is_alphanumeric() {
            out.push(character);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// People and organisations gathered while importing; the first mention of a person wins.
#[derive(Default)]
struct People {
    people: BTreeMap<String, PersonFile>,
    organisations: BTreeMap<String, String>,
    /// A company spelt two ways (`Kubermatic`, `Kubermatic GmbH`) is one organisation: bare name
    /// (see [`polity_model::bare_organisation_name`]) → the id first met; the other ids are its
    /// aliases.
    bare: BTreeMap<String, String>,
    aliases: BTreeMap<String, Vec<String>>,
}

impl People {
    /// Adds a person, or completes one already added with an e-mail or employer that an
    /// earlier mention lacked (a liaison entry often names no company).
    fn add(
        &mut self,
        id: &str,
        name: &str,
        github: Option<&str>,
        email: Option<&str>,
        company: Option<&str>,
        as_of: Date,
    ) {
        let person = self.people.entry(id.to_owned()).or_insert_with(|| PersonFile {
            id: text(id),
            name: name.trim().to_owned(),
            github: github.map(str::to_owned),
            emails: Vec::new(),
            affiliations: Vec::new(),
            identities: Vec::new(),
            bot: false,
            lang: None,
            mute: Vec::new(),
            time_zone: None,
        });
        if let Some(email) = email.map(str::trim).filter(|email| !email.is_empty())
            && person.emails.is_empty()
        {
            person.emails.push(email.to_owned());
        }
        // `Independent` (and `NotFound`, `Unknown`) is no organisation: independents are never
        // capped together as one company (S6).
        if let Some(company) = company
            .map(str::trim)
            .filter(|company| !company.is_empty() && !affiliations::no_employer(company))
            && person.affiliations.is_empty()
        {
            let spelt = slug(company);
            let org = self
                .bare
                .entry(polity_model::bare_organisation_name(company))
                .or_insert_with(|| spelt.clone())
                .clone();
            if org != spelt {
                let aliases = self.aliases.entry(org.clone()).or_default();
                if !aliases.contains(&spelt) {
                    aliases.push(spelt);
                }
            }
            self.organisations
                .entry(org.clone())
                .or_insert_with(|| company.to_owned());
            person.affiliations.push(AffiliationFile {
                org: text(org),
                from: Some(text(as_of.to_string())),
                until: None,
            });
        }
    }

    fn finish(self) -> (Vec<PersonFile>, Vec<OrganisationFile>) {
        let people = self.people.into_values().collect();
        let mut aliases = self.aliases;
        let organisations = self
            .organisations
            .into_iter()
            .map(|(id, name)| OrganisationFile {
                aliases: aliases.remove(&id).unwrap_or_default(),
                id: text(id),
                name,
                domains: Vec::new(),
            })
            .collect();
        (people, organisations)
    }
}
