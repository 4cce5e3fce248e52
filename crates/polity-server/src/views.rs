//! What the pages and the JSON reads show, computed from the state (pure functions; no I/O).

use std::collections::BTreeMap;

use jiff::civil::Date;
use polity_count::pairwise::Pairwise;
use polity_count::{Ballots, Unranked};
use polity_engine::{Election, Meeting, Motion, State};
use polity_model::check::overseer;
use polity_model::{Body, BodyKind, Period, PeriodUnit, ReportKind, Seat, due};
use serde::Serialize;

/// A person as shown: id and display name.
#[derive(Clone, Debug, Serialize)]
pub struct Who {
    pub id: String,
    pub name: String,
}

pub fn who(state: &State, reference: &str) -> Who {
    match state.polity.person(reference) {
        Some(person) => Who {
            id: person.id.clone(),
            name: person.name.clone(),
        },
        None => Who {
            id: reference.to_owned(),
            name: reference.to_owned(),
        },
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct TreeEntry {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub state: &'static str,
    pub depth: usize,
}

/// A tree entry as a nested list item: whether it opens a list inside the previous item (it is
/// the first child), and how many lists close before it (it comes after a deeper branch).
#[derive(Clone, Debug)]
pub struct NestedEntry {
    pub entry: TreeEntry,
    pub opens: bool,
    pub closes: usize,
}

/// The flat tree (in walk order, children right after their parent) as nested list items, and
/// how many lists are still open after the last one.
pub fn nested(tree: Vec<TreeEntry>) -> (Vec<NestedEntry>, usize) {
    let mut out = Vec::with_capacity(tree.len());
    let mut depth: Option<usize> = None;
    for entry in tree {
        let (opens, closes) = match depth {
            None => (false, 0),
            Some(previous) if entry.depth > previous => (true, 0),
            Some(previous) => (false, previous - entry.depth),
        };
        depth = Some(entry.depth);
        out.push(NestedEntry { entry, opens, closes });
    }
    (out, depth.unwrap_or(0))
}

/// The bodies as a tree (overseeing body first, its groups below it), each with its state.
pub fn tree(state: &State, on: Date) -> Vec<TreeEntry> {
    let polity = &state.polity;
    let mut children: BTreeMap<Option<String>, Vec<&Body>> = BTreeMap::new();
    for body in &polity.bodies {
        let parent = body
            .parent
            .as_ref()
            .map(|parent| parent.id.clone())
            .filter(|parent| polity.body(parent).is_some());
        children.entry(parent).or_default().push(body);
    }
    let mut out = Vec::new();
    fn walk(
        parent: Option<String>,
        depth: usize,
        children: &BTreeMap<Option<String>, Vec<&Body>>,
        on: Date,
        out: &mut Vec<TreeEntry>,
    ) {
        for body in children.get(&parent).into_iter().flatten() {
            out.push(TreeEntry {
                id: body.id.clone(),
                name: body.name.clone(),
                kind: body.kind.as_str(),
                state: body.state_on(on).map_or("active", |state| state.as_str()),
                depth,
            });
            if depth < 16 {
                walk(Some(body.id.clone()), depth + 1, children, on, out);
            }
        }
    }
    walk(None, 0, &children, on, &mut out);
    out
}

#[derive(Clone, Debug, Serialize)]
pub struct SeatView {
    pub seat: &'static str,
    pub person: Who,
    pub from: String,
    pub until: Option<String>,
    pub class: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ObligationView {
    pub date: String,
    pub kind: &'static str,
    pub rule: &'static str,
    pub summary: String,
    /// The summary as a message, for pages in other languages (not in the JSON).
    #[serde(skip)]
    pub words: polity_model::Words,
    pub overdue: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProcessLink {
    pub id: String,
    pub title: String,
    pub status: String,
    /// The title and the status as the web UI says them, in either language (a message id and
    /// its values); the JSON keeps the English `title` and `status`.
    #[serde(skip)]
    pub title_said: Said,
    #[serde(skip)]
    pub status_said: Said,
}

/// A message of the web UI's catalogs and its values (see `crate::i18n`).
#[derive(Clone, Debug, Default)]
pub struct Said {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Said {
    pub fn new(key: &'static str, args: &[(&'static str, String)]) -> Said {
        Said {
            key,
            args: args.to_vec(),
        }
    }

    /// A text that is data (a title someone wrote), the same in every language.
    pub fn data(text: &str) -> Said {
        Said::new("data", &[("text", text.to_owned())])
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct BodyView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub state: &'static str,
    pub overseer: Option<String>,
    pub term: Option<String>,
    pub seats: Vec<SeatView>,
    pub liaisons: Vec<(String, Vec<Who>)>,
    /// Liaison areas of the constitution this project has nobody for (S9).
    pub liaison_gaps: Vec<String>,
    pub charter_in: Vec<String>,
    pub charter_out: Vec<String>,
    pub charter_approved: Option<String>,
    pub timetable_end: Option<String>,
    /// (date, kind, link, whether the link is a web link the page may make clickable).
    pub reports: Vec<(String, &'static str, Option<String>, bool)>,
    pub obligations: Vec<ObligationView>,
    /// Whether its rules can be met by the people it has: (verdict, rule ids, message, the
    /// message in words for pages in other languages).
    #[serde(serialize_with = "feasibility_without_words")]
    pub feasibility: Vec<(&'static str, Vec<&'static str>, String, polity_model::Words)>,
    pub elections: Vec<ProcessLink>,
    pub motions: Vec<ProcessLink>,
    pub meetings: Vec<ProcessLink>,
    pub proposals: Vec<ProcessLink>,
    pub members: Vec<String>,
    /// OWNERS files: (link, whether it is a web link the page may make clickable).
    pub owners: Vec<(String, bool)>,
    /// Former leads, undated (`emeritus:`).
    pub emeritus: Vec<Who>,
    /// What commits to the registry's files (`polity sync`) changed in this body, newest first.
    pub amendments: Vec<AmendmentView>,
}

/// One change a synced commit made to a body.
#[derive(Clone, Debug, Serialize)]
pub struct AmendmentView {
    /// The commit id, cut to 12 hex digits.
    pub commit: String,
    pub date: String,
    pub subject: String,
    pub what: String,
    /// The rule whose process should have made it (a finding), when one should have.
    pub rule: Option<String>,
}

/// The changes synced commits made to `body`, newest first (at most 20).
fn amendments(state: &State, body: &str) -> Vec<AmendmentView> {
    let file = format!("bodies/{body}.yaml");
    state
        .amendments
        .iter()
        .rev()
        .flat_map(|amendment| {
            amendment
                .changes
                .iter()
                .filter(|change| change.body.as_deref() == Some(body) || change.file == file)
                .map(|change| AmendmentView {
                    commit: amendment.commit.chars().take(12).collect(),
                    date: amendment.date.clone(),
                    subject: amendment.subject.clone(),
                    what: change.what.clone(),
                    rule: change.rule.clone(),
                })
        })
        .take(20)
        .collect()
}

pub fn body(state: &State, id: &str, on: Date) -> Option<BodyView> {
    let polity = &state.polity;
    let body = polity.body(id)?;
    let seats = body
        .holders
        .iter()
        .filter(|holding| holding.covers(on))
        .map(|holding| SeatView {
            seat: holding.seat.as_str(),
            person: who(state, &holding.person.text),
            from: if holding.from == Date::MIN {
                String::new()
            } else {
                holding.from.to_string()
            },
            until: holding.until.map(|until| until.to_string()),
            class: holding.class.clone(),
        })
        .collect();
    let liaisons: Vec<(String, Vec<Who>)> = body
        .liaisons
        .iter()
        .map(|(area, people)| {
            (
                area.clone(),
                people.iter().map(|person| who(state, &person.text)).collect(),
            )
        })
        .collect();
    let liaison_gaps = if body.kind == BodyKind::Project {
        polity
            .constitution
            .liaison_areas
            .iter()
            .filter(|area| body.liaisons.get(*area).is_none_or(Vec::is_empty))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let obligations = due::due(polity, on, Period::new(3, PeriodUnit::Months))
        .into_iter()
        .filter(|obligation| obligation.body == body.id)
        .map(|obligation| ObligationView {
            date: obligation.date.to_string(),
            kind: obligation.kind.as_str(),
            rule: obligation.rule.as_str(),
            summary: obligation.summary,
            words: obligation.words,
            overdue: obligation.overdue,
        })
        .collect();
    let of_body = |process: &str| process.split_once('/').is_some_and(|(owner, _)| owner == body.id);
    Some(BodyView {
        id: body.id.clone(),
        name: body.name.clone(),
        kind: body.kind.as_str(),
        state: body.state_on(on).map_or("active", |state| state.as_str()),
        overseer: overseer(polity, body).map(|overseer| overseer.id.clone()),
        term: body.term.map(|term| term.to_string()),
        seats,
        liaisons,
        liaison_gaps,
        charter_in: body
            .charter
            .as_ref()
            .map(|charter| charter.scope_in.clone())
            .unwrap_or_default(),
        charter_out: body
            .charter
            .as_ref()
            .map(|charter| charter.scope_out.clone())
            .unwrap_or_default(),
        charter_approved: body
            .charter
            .as_ref()
            .and_then(|charter| charter.approved)
            .map(|date| date.to_string()),
        timetable_end: body
            .charter
            .as_ref()
            .and_then(|charter| charter.timetable_end)
            .map(|date| date.to_string()),
        reports: body
            .reports
            .iter()
            .map(|report| {
                let kind = match report.kind {
                    ReportKind::Annual => "annual",
                    ReportKind::Quarterly => "quarterly",
                };
                let web = report.link.as_deref().is_some_and(polity_model::is_web_link);
                (report.on.to_string(), kind, report.link.clone(), web)
            })
            .collect(),
        obligations,
        amendments: amendments(state, &body.id),
        emeritus: body
            .emeritus
            .iter()
            .map(|reference| {
                let person = polity.person(&reference.text);
                Who {
                    id: person.map_or_else(|| reference.text.clone(), |person| person.id.clone()),
                    name: person.map_or_else(|| reference.text.clone(), |person| person.name.clone()),
                }
            })
            .collect(),
        owners: body
            .owners
            .iter()
            .map(|link| (link.clone(), polity_model::is_web_link(link)))
            .collect(),
        feasibility: polity_engine::feasibility::feasibility_of(state, id, on)
            .into_iter()
            .map(|line| {
                (
                    line.verdict.as_str(),
                    line.rules.iter().map(|rule| rule.as_str()).collect(),
                    line.message,
                    line.words,
                )
            })
            .collect(),
        elections: state
            .elections
            .values()
            .filter(|election| of_body(&election.id))
            .map(|election| election_link(state, election))
            .collect(),
        motions: state
            .motions
            .values()
            .filter(|motion| of_body(&motion.id))
            .map(motion_link)
            .collect(),
        meetings: state
            .meetings
            .values()
            .filter(|meeting| of_body(&meeting.id))
            .map(meeting_link)
            .collect(),
        proposals: state
            .proposals
            .values()
            .filter(|proposal| of_body(&proposal.id))
            .map(|proposal| ProcessLink {
                id: proposal.id.clone(),
                title: proposal.title.clone(),
                status: if proposal.stopped {
                    "stopped".to_owned()
                } else if proposal.accepted {
                    "passed".to_owned()
                } else if let Some(motion) = &proposal.objected {
                    format!("objected: vote {motion}")
                } else {
                    format!("open until {}", state.deadline_text(proposal.deadline))
                },
                title_said: Said::data(&proposal.title),
                status_said: if proposal.stopped {
                    Said::new("status-stopped", &[])
                } else if proposal.accepted {
                    Said::new("status-passed", &[])
                } else if let Some(motion) = &proposal.objected {
                    Said::new("status-objected", &[("motion", motion.clone())])
                } else {
                    Said::new("status-open-until", &[("date", state.deadline_text(proposal.deadline))])
                },
            })
            .collect(),
        members: polity_engine::voting_members(polity, body, on).into_iter().collect(),
    })
}

pub fn election_link(state: &polity_engine::State, election: &Election) -> ProcessLink {
    let nominations_close = state.deadline_text(election.nominations_close);
    let voting_close = state.deadline_text(election.voting_close);
    ProcessLink {
        id: election.id.clone(),
        title: format!("{} seat(s): {}", election.seats, election.seat),
        status: match election.phase {
            polity_engine::Phase::Nominating => format!("nominations until {nominations_close}"),
            polity_engine::Phase::Voting => format!("voting until {voting_close}"),
            polity_engine::Phase::Closed => "closed".to_owned(),
        },
        title_said: Said::new(
            "status-election-title",
            &[
                ("seats", election.seats.to_string()),
                ("seat", election.seat.as_str().to_owned()),
            ],
        ),
        status_said: match election.phase {
            polity_engine::Phase::Nominating => {
                Said::new("status-nominations-until", &[("date", nominations_close.clone())])
            }
            polity_engine::Phase::Voting => Said::new("status-voting-until", &[("date", voting_close.clone())]),
            polity_engine::Phase::Closed => Said::new("status-closed", &[]),
        },
    }
}

pub fn motion_link(motion: &Motion) -> ProcessLink {
    ProcessLink {
        id: motion.id.clone(),
        title: motion.title.clone(),
        status: motion.outcome.clone().unwrap_or_else(|| "open".to_owned()),
        title_said: Said::data(&motion.title),
        status_said: match &motion.outcome {
            Some(outcome) => Said::new(
                "status-outcome",
                &[
                    ("outcome", outcome.clone()),
                    ("outcomekey", polity_i18n::count::slug(outcome)),
                ],
            ),
            None => Said::new("status-open", &[]),
        },
    }
}

pub fn meeting_link(meeting: &Meeting) -> ProcessLink {
    ProcessLink {
        id: meeting.id.clone(),
        title: format!("meeting on {}", meeting.on),
        status: if meeting.minutes.is_some() {
            "minutes published".to_owned()
        } else if meeting.attending.is_some() {
            "held".to_owned()
        } else {
            "announced".to_owned()
        },
        title_said: Said::new("status-meeting-title", &[("date", meeting.on.to_string())]),
        status_said: Said::new(
            if meeting.minutes.is_some() {
                "status-minutes-published"
            } else if meeting.attending.is_some() {
                "status-held"
            } else {
                "status-announced"
            },
            &[],
        ),
    }
}

/// The pairwise matrix of a closed election, recounted from its published tally sheet:
/// `rows[i][j]` voters prefer candidate i to j.
pub fn pairwise(election: &Election) -> Option<Vec<Vec<u64>>> {
    let names = election.candidates.clone();
    let mut ballots = Ballots::new(names.clone(), Unranked::Below).ok()?;
    for line in &election.tally_sheet {
        let mut ranks = vec![None; names.len()];
        for (position, tier) in line.ranking.iter().enumerate() {
            for candidate in tier {
                if let Some(index) = names.iter().position(|name| name == candidate) {
                    ranks[index] = Some(position as u32 + 1);
                }
            }
        }
        ballots.push(&ranks, 1).ok()?;
    }
    Some(Pairwise::count(&ballots, 1).rows())
}

/// The seats a person holds and has held, in every body.
#[derive(Clone, Debug, Serialize)]
pub struct RoleView {
    pub body: String,
    pub seat: &'static str,
    pub from: String,
    pub until: Option<String>,
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub github: Option<String>,
    pub organisation: Option<String>,
    pub roles: Vec<RoleView>,
    pub liaisons: Vec<(String, String)>,
    pub committer_of: Vec<String>,
}

pub fn person(state: &State, reference: &str, on: Date) -> Option<PersonView> {
    let polity = &state.polity;
    let person = polity.person(reference)?;
    let mut roles = Vec::new();
    let mut liaisons = Vec::new();
    let mut committer_of = Vec::new();
    for body in &polity.bodies {
        for holding in &body.holders {
            if polity
                .person(&holding.person.text)
                .is_some_and(|holder| holder.id == person.id)
            {
                roles.push(RoleView {
                    body: body.id.clone(),
                    seat: holding.seat.as_str(),
                    from: if holding.from == Date::MIN {
                        String::new()
                    } else {
                        holding.from.to_string()
                    },
                    until: holding.until.map(|until| until.to_string()),
                    current: holding.covers(on),
                });
            }
        }
        for (area, people) in &body.liaisons {
            if people.iter().any(|liaison| {
                polity
                    .person(&liaison.text)
                    .is_some_and(|holder| holder.id == person.id)
            }) {
                liaisons.push((body.id.clone(), area.clone()));
            }
        }
        if body.committers.iter().flatten().any(|committer| {
            polity
                .person(&committer.text)
                .is_some_and(|holder| holder.id == person.id)
        }) {
            committer_of.push(body.id.clone());
        }
    }
    roles.sort_by(|a, b| (b.current, &b.from).cmp(&(a.current, &a.from)));
    Some(PersonView {
        id: person.id.clone(),
        name: person.name.clone(),
        github: person.github.clone(),
        organisation: person.affiliation_on(on).map(str::to_owned),
        roles,
        liaisons,
        committer_of,
    })
}

/// Seats by name, for forms.
pub const SEATS: [Seat; 5] = [Seat::Member, Seat::Chair, Seat::CoChair, Seat::TechLead, Seat::Ptl];

/// The running tally of a motion's public votes in the current round.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RunningTally {
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
}

pub fn running_tally(motion: &Motion) -> RunningTally {
    let mut tally = RunningTally::default();
    for (choice, _, _) in motion.votes.values() {
        match choice.as_str() {
            "yes" => tally.yes += 1,
            "no" => tally.no += 1,
            _ => tally.abstain += 1,
        }
    }
    tally
}

/// The feasibility lines as JSON: (verdict, rule ids, message), as before the words existed.
fn feasibility_without_words<S: serde::Serializer>(
    lines: &[(&'static str, Vec<&'static str>, String, polity_model::Words)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq as _;
    let mut seq = serializer.serialize_seq(Some(lines.len()))?;
    for (verdict, rules, message, _) in lines {
        seq.serialize_element(&(verdict, rules, message))?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::{TreeEntry, nested};

    fn entry(id: &str, depth: usize) -> TreeEntry {
        TreeEntry {
            id: id.to_owned(),
            name: id.to_owned(),
            kind: "sig",
            state: "active",
            depth,
        }
    }

    #[test]
    fn the_body_tree_nests_each_level_and_closes_every_list_it_opens() {
        // toc > (sig-a > (wg-1), sig-b), board
        let (items, closes) = nested(vec![
            entry("toc", 0),
            entry("sig-a", 1),
            entry("wg-1", 2),
            entry("sig-b", 1),
            entry("board", 0),
        ]);
        let shape: Vec<(bool, usize)> = items.iter().map(|item| (item.opens, item.closes)).collect();
        assert_eq!(shape, [(false, 0), (true, 0), (true, 0), (false, 1), (false, 1)]);
        assert_eq!(closes, 0);
        // Every list opened is closed: opens = closes in all.
        let opened = items.iter().filter(|item| item.opens).count();
        let closed: usize = items.iter().map(|item| item.closes).sum::<usize>() + closes;
        assert_eq!(opened, closed);
        let (_, left_open) = nested(vec![entry("toc", 0), entry("sig-a", 1), entry("wg-1", 2)]);
        assert_eq!(left_open, 2);
    }
}
