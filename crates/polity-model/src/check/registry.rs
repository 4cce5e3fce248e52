//! R-REF, R-DUP: every reference resolves, and nothing is defined twice.

use super::*;
use crate::rules::RuleId;

/// R-REF: `reference` (in `what`, of `body`) names nobody of people.yaml: a finding with the
/// nearest ids or handles.
fn unknown_person(polity: &Polity, reference: &PersonRef, what: &str, body: &str, findings: &mut Vec<Finding>) {
    if polity.person(&reference.text).is_none() {
        let hint = if reference.text.starts_with('@') {
            "add a person with this GitHub handle to people.yaml, or correct the handle"
        } else {
            "add the person to people.yaml, or correct the id (write @handle to refer by GitHub handle)"
        };
        let near = match reference.text.strip_prefix('@') {
            Some(handle) => crate::near(
                handle,
                polity.people.iter().filter_map(|person| person.github.as_deref()),
            )
            .into_iter()
            .map(|handle| format!("@{handle}"))
            .collect::<Vec<_>>(),
            None => crate::near(&reference.text, polity.people.iter().map(|person| person.id.as_str()))
                .into_iter()
                .map(str::to_owned)
                .collect(),
        };
        let near: Vec<&str> = near.iter().map(String::as_str).collect();
        let handle = reference.text.starts_with('@');
        findings.push(
            Finding::error(
                RuleId::RRef,
                reference.loc,
                format!(
                    "{what} refers to unknown person {:?}{}",
                    reference.text,
                    crate::did_you_mean(&near)
                ),
                hint,
            )
            .said(
                "unknown-person",
                &[
                    ("what", what.to_owned()),
                    ("body", body.to_owned()),
                    ("person", reference.text.clone()),
                    ("didyoumean", crate::did_you_mean(&near)),
                    ("near", near.join("、")),
                    ("hasnear", (!near.is_empty()).to_string()),
                    ("handle", handle.to_string()),
                ],
            ),
        );
    }
}

pub(super) fn references(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    let person = |reference: &PersonRef, what: &str, body: &str, findings: &mut Vec<Finding>| {
        unknown_person(polity, reference, what, body, findings);
    };
    for body in &polity.bodies {
        for holding in &body.holders {
            person(
                &holding.person,
                &format!("{} seat in {}", holding.seat.as_str(), body.id),
                &body.id,
                findings,
            );
        }
        for reference in body
            .toc_liaison
            .iter()
            .chain(&body.staff_liaison)
            .chain(&body.members)
            .chain(&body.emeritus)
        {
            person(reference, &format!("body {}", body.id), &body.id, findings);
        }
        for role in &body.roles {
            person(
                &role.person,
                &format!("role {:?} in {}", role.name, body.id),
                &body.id,
                findings,
            );
            for approver in &role.approved_by {
                person(
                    approver,
                    &format!("approval of role {:?} in {}", role.name, body.id),
                    &body.id,
                    findings,
                );
            }
        }
        for reference in body.committers.iter().flatten() {
            person(reference, &format!("committer list of {}", body.id), &body.id, findings);
        }
        for (area, holders) in &body.liaisons {
            for reference in holders {
                person(reference, &format!("{area} liaison of {}", body.id), &body.id, findings);
            }
        }
        if let Some(proposal) = &body.proposal {
            for reference in &proposal.leads {
                person(reference, &format!("proposal of {}", body.id), &body.id, findings);
            }
        }
        if let Some(FinalSay::Person(reference)) = &body.final_say {
            person(reference, &format!("final say in {}", body.id), &body.id, findings);
        }
        for partner in &body.partners {
            if let Some(reference) = &partner.maintainer {
                person(
                    reference,
                    &format!("partner maintainer in {}", body.id),
                    &body.id,
                    findings,
                );
            }
        }
        let body_refs = body.parent.iter().chain(&body.advises).chain(
            body.charter
                .iter()
                .flat_map(|charter| charter.overlaps.iter().map(|overlap| &overlap.body)),
        );
        for reference in body_refs {
            if polity.body(&reference.id).is_none() {
                let near = crate::near(&reference.id, polity.bodies.iter().map(|body| body.id.as_str()));
                findings.push(
                    Finding::error(
                        RuleId::RRef,
                        reference.loc,
                        format!(
                            "body {} refers to unknown body {:?}{}",
                            body.id,
                            reference.id,
                            crate::did_you_mean(&near)
                        ),
                        "add a file under bodies/ with this id, or correct the id",
                    )
                    .said(
                        "unknown-body",
                        &[
                            ("body", body.id.clone()),
                            ("unknown", reference.id.clone()),
                            ("didyoumean", crate::did_you_mean(&near)),
                            ("near", near.join("、")),
                            ("hasnear", (!near.is_empty()).to_string()),
                        ],
                    ),
                );
            }
        }
        let rules = body
            .decides_by
            .iter()
            .chain(body.decisions.values().map(|authority| &authority.rule));
        for rule in rules {
            if !polity.constitution.decision_rules.contains_key(&rule.id) {
                findings.push(
                    Finding::error(
                        RuleId::RRef,
                        rule.loc,
                        format!("body {} decides by unknown decision rule {:?}", body.id, rule.id),
                        "name one of the constitution's `decision-rules`, or add it there",
                    )
                    .said(
                        "unknown-decision-rule",
                        &[("body", body.id.clone()), ("rule", rule.id.clone())],
                    ),
                );
            }
        }
        for partner in &body.partners {
            if polity.organisation(&partner.organisation.id).is_none() {
                findings.push(unknown_organisation(&partner.organisation.id, partner.organisation.loc));
            }
        }
    }
    for reference in &polity.constitution.roll {
        person(reference, "the active-member roll", "polity.yaml", findings);
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

pub(super) fn unknown_organisation(id: &str, loc: Loc) -> Finding {
    Finding::error(
        RuleId::RRef,
        loc,
        format!("unknown organisation {id:?}"),
        "add it to organisations.yaml, or correct the id",
    )
    .said("unknown-organisation", &[("organisation", id.to_owned())])
}

/// One company under two ids (`vmware` and `vmware-inc` when sources mix) splits its seats and
/// its share of the work: an alias claimed twice, or naming another organisation, is an error;
/// two organisations with one bare name, or one e-mail domain, are a warning.
fn organisation_duplicates(polity: &Polity, findings: &mut Vec<Finding>) {
    let mut claimed: BTreeMap<&str, &str> = BTreeMap::new();
    for organisation in &polity.organisations {
        for alias in &organisation.aliases {
            if let Some(other) = polity.organisations.iter().find(|other| other.id == *alias) {
                findings.push(
                    Finding::error(
                        RuleId::RDup,
                        organisation.loc,
                        format!(
                            "alias {alias:?} of {} is the id of another organisation, {}",
                            organisation.id, other.name
                        ),
                        "merge the two: keep one entry and list the other id under its `aliases`",
                    )
                    .said(
                        "alias-is-organisation",
                        &[
                            ("alias", alias.clone()),
                            ("organisation", organisation.id.clone()),
                            ("other", other.name.clone()),
                        ],
                    ),
                );
            }
            if let Some(earlier) = claimed.insert(alias, &organisation.id) {
                findings.push(
                    Finding::error(
                        RuleId::RDup,
                        organisation.loc,
                        format!(
                            "alias {alias:?} of {} is already an alias of {earlier}",
                            organisation.id
                        ),
                        "an alias belongs to one organisation",
                    )
                    .said(
                        "alias-twice",
                        &[
                            ("alias", alias.clone()),
                            ("organisation", organisation.id.clone()),
                            ("earlier", earlier.to_string()),
                        ],
                    ),
                );
            }
        }
    }
    let mut by_bare: BTreeMap<String, &crate::Organisation> = BTreeMap::new();
    let mut by_domain: BTreeMap<String, &crate::Organisation> = BTreeMap::new();
    for organisation in &polity.organisations {
        let mut bare: Vec<String> = [organisation.id.as_str(), organisation.name.as_str()]
            .iter()
            .map(|name| crate::bare_organisation_name(name))
            .filter(|bare| !bare.is_empty())
            .collect();
        bare.dedup();
        for key in bare {
            match by_bare.get(&key) {
                Some(earlier) if earlier.id != organisation.id => {
                    findings.push(
                        Finding::warning(
                            RuleId::RDup,
                            organisation.loc,
                            format!(
                                "{} and {} look like one organisation (both are {key:?} without case, punctuation \
                             and legal form)",
                                earlier.id, organisation.id
                            ),
                            format!(
                                "if they are one, keep {} and add {:?} to its `aliases` in organisations.yaml",
                                earlier.id, organisation.id
                            ),
                        )
                        .said(
                            "look-alike-organisations",
                            &[
                                ("earlier", earlier.id.clone()),
                                ("organisation", organisation.id.clone()),
                                ("key", key.clone()),
                            ],
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    by_bare.insert(key, organisation);
                }
            }
        }
        for domain in &organisation.domains {
            match by_domain.get(&domain.to_lowercase()) {
                Some(earlier) if earlier.id != organisation.id => findings.push(
                    Finding::warning(
                        RuleId::RDup,
                        organisation.loc,
                        format!(
                            "{} and {} share the e-mail domain {domain}",
                            earlier.id, organisation.id
                        ),
                        "a domain names one employer: merge the two (`aliases`) or remove the domain from one",
                    )
                    .said(
                        "shared-domain",
                        &[
                            ("earlier", earlier.id.clone()),
                            ("organisation", organisation.id.clone()),
                            ("domain", domain.clone()),
                        ],
                    ),
                ),
                Some(_) => {}
                None => {
                    by_domain.insert(domain.to_lowercase(), organisation);
                }
            }
        }
    }
}

pub(super) fn duplicates(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    organisation_duplicates(polity, findings);
    fn report(kind: &str, items: impl Iterator<Item = (String, Loc)>, hint: &str, findings: &mut Vec<Finding>) {
        let mut first: BTreeMap<String, Loc> = BTreeMap::new();
        for (key, loc) in items {
            match first.get(&key) {
                Some(earlier) => findings.push(
                    Finding::error(
                        RuleId::RDup,
                        loc,
                        format!("{kind} {key:?} is used again (first at line {})", earlier.line),
                        hint,
                    )
                    .said(
                        "used-again",
                        &[
                            ("kind", kind.to_owned()),
                            ("kindkey", kind.replace(' ', "-").to_lowercase()),
                            ("key", key.clone()),
                            ("line", earlier.line.to_string()),
                        ],
                    ),
                ),
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
                Some((earlier, _)) if *earlier != id => findings.push(
                    Finding::error(
                        RuleId::RDup,
                        loc,
                        format!("{kind} {key:?} of {id} is already {earlier}'s"),
                        "an identity belongs to one person: merge the two people or remove the identity from one",
                    )
                    .said(
                        "identity-claimed",
                        &[
                            ("kind", kind.to_owned()),
                            ("kindkey", kind.replace(' ', "-")),
                            ("key", key.clone()),
                            ("person", id.clone()),
                            ("earlier", earlier.clone()),
                        ],
                    ),
                ),
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
