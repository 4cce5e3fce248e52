//! What a change of the registry files does, compared with the record's registry, and which of it
//! should have come from a recorded process: a seat given without an election or appointment, a
//! body's state changed without a motion, a working group's timetable extended, a decision rule
//! changed without a decision. `polity check --record` reports those as findings on the changed
//! lines; the rest (people, affiliations, charters, new proposals) is listed as what the change
//! does.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use crate::{Body, Finding, LifecycleState, Loc, Polity, RuleId, Seat};

/// One difference between the record's registry and the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub body: Option<String>,
    /// In words: "alice holds the chair seat of tsc".
    pub what: String,
    /// Where in the files (the record's position when the files no longer have it).
    pub loc: Loc,
    /// The rule whose process should have made it, when it should have come from one.
    pub needs: Option<RuleId>,
}

impl Change {
    /// The finding of a change that should have come from a process.
    pub fn finding(&self) -> Option<Finding> {
        let rule = self.needs?;
        Some(Finding::error(
            rule,
            self.loc,
            format!("{}, and the record has no process that did it", self.what),
            match rule {
                RuleId::L1 | RuleId::L6 | RuleId::L7 | RuleId::L2 => {
                    "change a body's state by a motion in the record (`polity motion open BODY --transition …`), then export"
                }
                RuleId::S4 => "extend a timetable by a decision of the overseeing body, recorded, then export",
                RuleId::D3 => "change a decision rule by a recorded decision, then export",
                RuleId::E7 => "end a term by its date, a recorded removal (E7) or a recall (E4)",
                _ => {
                    "fill a seat by a recorded election or appointment (`polity election …`, `polity motion open … --appoint`), then `polity export` into the files"
                }
            },
        ))
    }
}

/// Every term of `body` (past, current and future), by seat, person and first day.
fn holdings(polity: &Polity, body: &Body) -> BTreeMap<(Seat, String, Date), (Option<Date>, Loc)> {
    body.holders
        .iter()
        .map(|holding| {
            let person = polity
                .person(&holding.person.text)
                .map_or_else(|| holding.person.text.clone(), |person| person.id.clone());
            ((holding.seat, person, holding.from), (holding.until, holding.loc))
        })
        .collect()
}

fn state_name(state: Option<LifecycleState>) -> &'static str {
    state.map_or("active", LifecycleState::as_str)
}

/// What changed in one body present in both: its state, seats and terms, timetable, charter
/// scope and decision rule.
fn body_changes(record: &Polity, files: &Polity, old: &Body, body: &Body, at: Date, out: &mut Vec<Change>) {
    let id = body.id.as_str();
    let (was, is) = (old.state_on(at), body.state_on(at));
    if was != is {
        out.push(Change {
            body: Some(id.to_owned()),
            what: format!("{id} goes from {} to {}", state_name(was), state_name(is)),
            loc: body.loc,
            needs: Some(RuleId::L1),
        });
    }
    let (old_seats, new_seats) = (holdings(record, old), holdings(files, body));
    for ((seat, person, from), (until, loc)) in &new_seats {
        match old_seats.get(&(*seat, person.clone(), *from)) {
            None => out.push(Change {
                body: Some(id.to_owned()),
                what: format!(
                    "{person} holds the {} seat of {id} from {from}{}",
                    seat.as_str(),
                    until.map_or(String::new(), |until| format!(" until {until}"))
                ),
                loc: *loc,
                needs: Some(body.kind.seat_rule(*seat)),
            }),
            Some((old_until, _)) if old_until != until => out.push(Change {
                body: Some(id.to_owned()),
                what: format!(
                    "{person}'s {} term in {id} ends {} instead of {}",
                    seat.as_str(),
                    until.map_or("never".to_owned(), |date| date.to_string()),
                    old_until.map_or("never".to_owned(), |date| date.to_string())
                ),
                loc: *loc,
                needs: Some(body.kind.seat_rule(*seat)),
            }),
            Some(_) => {}
        }
    }
    for (seat, person, from) in old_seats.keys() {
        if !new_seats.contains_key(&(*seat, person.clone(), *from)) {
            out.push(Change {
                body: Some(id.to_owned()),
                what: format!(
                    "{person}'s {} term in {id} from {from} is removed from the files",
                    seat.as_str()
                ),
                // The files no longer have the line: the body's.
                loc: body.loc,
                needs: Some(RuleId::E7),
            });
        }
    }
    let timetable = |body: &Body| body.charter.as_ref().and_then(|charter| charter.timetable_end);
    if let (Some(old_end), Some(new_end)) = (timetable(old), timetable(body))
        && new_end > old_end
    {
        out.push(Change {
            body: Some(id.to_owned()),
            what: format!("{id}'s timetable ends {new_end} instead of {old_end}"),
            loc: body.charter.as_ref().map_or(body.loc, |charter| charter.loc),
            needs: Some(RuleId::S4),
        });
    }
    let scope = |body: &Body| {
        body.charter
            .as_ref()
            .map(|charter| (charter.scope_in.clone(), charter.scope_out.clone()))
    };
    if scope(old) != scope(body) {
        out.push(Change {
            body: Some(id.to_owned()),
            what: format!("{id}'s charter scope changes"),
            loc: body.charter.as_ref().map_or(body.loc, |charter| charter.loc),
            needs: None,
        });
    }
    if old.decides_by.as_ref().map(|rule| &rule.id) != body.decides_by.as_ref().map(|rule| &rule.id) {
        out.push(Change {
            body: Some(id.to_owned()),
            what: format!("{id} decides by another rule"),
            loc: body.decides_by.as_ref().map_or(body.loc, |rule| rule.loc),
            needs: Some(RuleId::D3),
        });
    }
}

/// Every difference from `record` (the recorded registry) to `files`, as of `at`, in a stable
/// order (bodies by id, then seats, then people).
pub fn changes(record: &Polity, files: &Polity, at: Date) -> Vec<Change> {
    let mut out = Vec::new();
    let before: BTreeMap<&str, &Body> = record.bodies.iter().map(|body| (body.id.as_str(), body)).collect();
    let after: BTreeMap<&str, &Body> = files.bodies.iter().map(|body| (body.id.as_str(), body)).collect();
    for (id, body) in &after {
        let Some(old) = before.get(id) else {
            let state = body.state_on(at);
            out.push(Change {
                body: Some((*id).to_owned()),
                what: format!("{id} is a new {} ({})", body.kind.as_str(), state_name(state)),
                loc: body.loc,
                // A proposal needs nothing yet; a group that starts forming or active needs L2.
                needs: (state != Some(LifecycleState::Proposed)).then_some(RuleId::L2),
            });
            continue;
        };
        body_changes(record, files, old, body, at, &mut out);
    }
    for (id, body) in &before {
        if !after.contains_key(id) {
            out.push(Change {
                body: Some((*id).to_owned()),
                what: format!("{id} is removed from the files"),
                loc: body.loc,
                needs: Some(RuleId::L1),
            });
        }
    }
    let rules = |polity: &Polity| -> BTreeMap<String, String> {
        polity
            .constitution
            .decision_rules
            .iter()
            .map(|(name, rule)| {
                (
                    name.clone(),
                    format!("{:?} {:?} {:?}", rule.passes, rule.valid_if, rule.tie),
                )
            })
            .collect()
    };
    let (old_rules, new_rules) = (rules(record), rules(files));
    let names: BTreeSet<&String> = old_rules.keys().chain(new_rules.keys()).collect();
    for name in names {
        if old_rules.get(name) != new_rules.get(name) {
            out.push(Change {
                body: None,
                what: format!("the decision rule {name} changes"),
                loc: files
                    .constitution
                    .decision_rules
                    .get(name)
                    .map_or(files.constitution.loc, |rule| rule.loc),
                needs: Some(RuleId::D3),
            });
        }
    }
    let people = |polity: &Polity| -> BTreeMap<String, String> {
        polity
            .people
            .iter()
            .map(|person| {
                (
                    person.id.clone(),
                    person.affiliation_on(at).unwrap_or("none").to_owned(),
                )
            })
            .collect()
    };
    let (old_people, new_people) = (people(record), people(files));
    for (id, organisation) in &new_people {
        let loc = files.person(id).map_or(Loc::default(), |person| person.loc);
        match old_people.get(id) {
            None => out.push(Change {
                body: None,
                what: format!("{id} is a new person"),
                loc,
                needs: None,
            }),
            Some(old) if old != organisation => out.push(Change {
                body: None,
                what: format!("{id} works for {organisation} (was {old})"),
                loc,
                needs: None,
            }),
            Some(_) => {}
        }
    }
    for id in old_people.keys().filter(|id| !new_people.contains_key(*id)) {
        out.push(Change {
            body: None,
            what: format!("{id} is removed from people"),
            loc: record.person(id).map_or(Loc::default(), |person| person.loc),
            needs: None,
        });
    }
    out
}
