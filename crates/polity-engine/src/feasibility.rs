//! Feasibility: can each body's rules be met by the people it has today? For every live body,
//! at its next election or appointment: enough people may stand for the seats that must be
//! filled (S5, E1, E3, E4), enough organisations among them under the per-organisation cap (S6),
//! someone to vote and a turnout threshold the electorate can reach (E3), two people for
//! staggered chair terms (E5), and liaison areas that someone can cover, not all from one
//! organisation (S9).

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use polity_model::{Body, ElectionRule, LifecycleState, Seat};

use crate::{RuleId, State};

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// The rules can be met.
    Feasible,
    /// They can be met, but not fully (e.g. fewer seats can be filled than the body may have).
    Warning,
    /// They cannot be met with the people the body has.
    Infeasible,
}

impl Verdict {
    /// Infeasible when `failed`, else feasible.
    fn unless(failed: bool) -> Verdict {
        if failed { Verdict::Infeasible } else { Verdict::Feasible }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Feasible => "ok",
            Verdict::Warning => "warning",
            Verdict::Infeasible => "infeasible",
        }
    }
}

/// One check of one body, with its rules and numbers in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feasibility {
    pub body: String,
    pub verdict: Verdict,
    pub rules: Vec<RuleId>,
    pub message: String,
    /// The message in the catalogs (`feasibility-KEY`) and its values, to say it in the
    /// reader's language.
    pub words: polity_model::Words,
}

/// Every check of every live body on `at`, bodies in registry order.
pub fn feasibility(state: &State, at: Date) -> Vec<Feasibility> {
    let mut out = Vec::new();
    for body in &state.polity.bodies {
        if body.state == Some(LifecycleState::Archived) {
            continue;
        }
        member_seats(state, body, at, &mut out);
        officer_seats(state, body, at, &mut out);
        staggered_chairs(state, body, at, &mut out);
        decisions(state, body, at, &mut out);
        liaisons(state, body, at, &mut out);
    }
    out
}

/// The feasibility lines of one body.
pub fn feasibility_of(state: &State, body: &str, at: Date) -> Vec<Feasibility> {
    feasibility(state, at)
        .into_iter()
        .filter(|line| line.body == body)
        .collect()
}

fn push(
    out: &mut Vec<Feasibility>,
    body: &Body,
    verdict: Verdict,
    rules: &[RuleId],
    message: String,
    words: (&'static str, &[(&'static str, String)]),
) {
    out.push(Feasibility {
        body: body.id.clone(),
        verdict,
        rules: rules.to_vec(),
        message,
        words: polity_model::Words::new(words.0, words.1),
    });
}

/// A threshold's values for a message: `{prefix}bound`, `{prefix}fraction` and `{prefix}base`
/// (`> 1/2 of members voted` → `>`, `1/2`, `members-voted`).
fn threshold_words(prefix: &'static str, threshold: &polity_count::Threshold) -> [(&'static str, String); 3] {
    let text = threshold.to_string();
    let (bound, rest) = text.split_once(' ').unwrap_or_default();
    let (fraction, base) = rest.split_once(" of ").unwrap_or_default();
    let names: [&'static str; 3] = match prefix {
        "passes" => ["passesbound", "passesfraction", "passesbase"],
        _ => ["bound", "fraction", "base"],
    };
    [
        (names[0], bound.to_owned()),
        (names[1], fraction.to_owned()),
        (names[2], base.replace(' ', "-")),
    ]
}

/// The organisations of `people` on `at`, with how many each; the unaffiliated apart.
fn organisations(state: &State, people: &BTreeSet<String>, at: Date) -> (BTreeMap<String, usize>, usize) {
    let mut by_organisation: BTreeMap<String, usize> = BTreeMap::new();
    let mut unaffiliated = 0;
    for person in people {
        match state.polity.affiliation_on(person, at) {
            Some(organisation) => *by_organisation.entry(organisation.to_owned()).or_default() += 1,
            None => unaffiliated += 1,
        }
    }
    (by_organisation, unaffiliated)
}

/// How many seats people of these organisations can fill, at most `cap` each (the
/// unaffiliated count for no organisation).
fn fillable(by_organisation: &BTreeMap<String, usize>, unaffiliated: usize, cap: usize) -> usize {
    by_organisation.values().map(|&count| count.min(cap)).sum::<usize>() + unaffiliated
}

fn election_rule_id(body: &Body) -> RuleId {
    match body.elections.as_ref().map(|rule| rule.candidates) {
        Some(polity_model::Electorate::Committers) => RuleId::E4,
        _ => RuleId::E1,
    }
}

/// S8, E4: a project led by one PTL elects them from its committers.
fn ptl_seat(state: &State, body: &Body, rule: &ElectionRule, at: Date, out: &mut Vec<Feasibility>) {
    let candidates = state.electorate(body, rule.candidates, at);
    let verdict = Verdict::unless(candidates.is_empty());
    push(
        out,
        body,
        verdict,
        &[RuleId::S8, election_rule_id(body)],
        format!("one PTL; {} may stand ({})", candidates.len(), rule.candidates.as_str()),
        (
            "feasibility-ptl",
            &[
                ("stand", candidates.len().to_string()),
                ("electorate", rule.candidates.as_str().to_owned()),
            ],
        ),
    );
    voters(state, body, rule, at, election_rule_id(body), out);
}

fn member_seats(state: &State, body: &Body, at: Date, out: &mut Vec<Feasibility>) {
    let Some(rule) = body.elections.as_ref() else {
        return;
    };
    let Some(seats) = body.seats else {
        if body.leadership == polity_model::Leadership::Ptl && body.kind == polity_model::BodyKind::Project {
            ptl_seat(state, body, rule, at, out);
        }
        return;
    };
    let election = election_rule_id(body);
    let must = seats.count.min as usize;
    let may = seats.count.max as usize;
    let candidates = state.electorate(body, rule.candidates, at);
    let stand = candidates.len();
    let electorate = rule.candidates.as_str();
    if stand < must {
        push(
            out,
            body,
            Verdict::Infeasible,
            &[RuleId::S5, election],
            format!("{must} member seat(s) must be filled; only {stand} may stand ({electorate})"),
            (
                "feasibility-members-short",
                &[
                    ("must", must.to_string()),
                    ("stand", stand.to_string()),
                    ("electorate", electorate.to_owned()),
                ],
            ),
        );
    } else {
        push(
            out,
            body,
            Verdict::Feasible,
            &[RuleId::S5, election],
            format!("{must} to {may} member seat(s); {stand} may stand ({electorate})"),
            (
                "feasibility-members",
                &[
                    ("must", must.to_string()),
                    ("may", may.to_string()),
                    ("stand", stand.to_string()),
                    ("electorate", electorate.to_owned()),
                ],
            ),
        );
    }
    if let Some(cap) = seats.per_organisation {
        let (by_organisation, unaffiliated) = organisations(state, &candidates, at);
        let cap = cap as usize;
        let fillable = fillable(&by_organisation, unaffiliated, cap);
        let names: Vec<String> = by_organisation
            .iter()
            .map(|(organisation, count)| format!("{organisation} {count}"))
            .collect();
        let among = format!(
            "{} organisation(s) among those who may stand ({}){}",
            by_organisation.len(),
            if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            },
            if unaffiliated > 0 {
                format!(" and {unaffiliated} with no organisation")
            } else {
                String::new()
            }
        );
        let outcome_key = if fillable < must {
            "short"
        } else if fillable < may {
            "partial"
        } else {
            "all"
        };
        let (verdict, outcome) = if fillable < must {
            (
                Verdict::Infeasible,
                format!("at most {fillable} can be filled, fewer than the {must} required"),
            )
        } else if fillable < may {
            (
                Verdict::Warning,
                format!("at most {fillable} of the {may} can be filled"),
            )
        } else {
            (Verdict::Feasible, format!("all {may} can be filled"))
        };
        push(
            out,
            body,
            verdict,
            &[RuleId::S5, RuleId::S6],
            format!("at most {cap} seat(s) per organisation, {among}: {outcome}"),
            (
                "feasibility-cap",
                &[
                    ("cap", cap.to_string()),
                    ("organisations", by_organisation.len().to_string()),
                    ("names", names.join(", ")),
                    ("named", (!names.is_empty()).to_string()),
                    ("unaffiliated", unaffiliated.to_string()),
                    ("withnone", (unaffiliated > 0).to_string()),
                    ("fillable", fillable.to_string()),
                    ("must", must.to_string()),
                    ("may", may.to_string()),
                    ("outcome", outcome_key.to_owned()),
                ],
            ),
        );
    }
    voters(state, body, rule, at, election, out);
}

/// Someone may vote, and the turnout threshold (if any) is reachable by the electorate.
fn voters(state: &State, body: &Body, rule: &ElectionRule, at: Date, election: RuleId, out: &mut Vec<Feasibility>) {
    let voters = state.electorate(body, rule.voters, at).len() as u64;
    let electorate = rule.voters.as_str();
    if voters == 0 {
        push(
            out,
            body,
            Verdict::Infeasible,
            &[election],
            format!("nobody may vote ({electorate}: 0 people)"),
            ("feasibility-no-voters", &[("electorate", electorate.to_owned())]),
        );
        return;
    }
    match rule.valid_if {
        Some(valid_if) => {
            let needed = valid_if.needed(voters);
            let verdict = Verdict::unless(needed > voters);
            push(
                out,
                body,
                verdict,
                &[RuleId::E3],
                format!("valid if {valid_if}: {needed} of {voters} voter(s) ({electorate}) must cast valid ballots"),
                ("feasibility-turnout", &{
                    let mut args = vec![
                        ("needed", needed.to_string()),
                        ("voters", voters.to_string()),
                        ("electorate", electorate.to_owned()),
                    ];
                    args.extend(threshold_words("", &valid_if));
                    args
                }),
            );
        }
        None => push(
            out,
            body,
            Verdict::Feasible,
            &[election],
            format!("{voters} may vote ({electorate})"),
            (
                "feasibility-voters",
                &[("voters", voters.to_string()), ("electorate", electorate.to_owned())],
            ),
        ),
    }
}

fn officer_seats(state: &State, body: &Body, at: Date, out: &mut Vec<Feasibility>) {
    let must: usize = body.officers.values().map(|range| range.min as usize).sum();
    if must == 0 {
        return;
    }
    let seats: Vec<String> = body
        .officers
        .iter()
        .filter(|(_, range)| range.min > 0)
        .map(|(seat, range)| format!("{} {}", range.min, seat.as_str()))
        .collect();
    let rule = state.election_rule(body, Seat::Chair);
    let mut candidates = state.electorate(body, rule.candidates, at);
    if body.officers_are_members() {
        let members = crate::voting_members(&state.polity, body, at);
        candidates.retain(|person| members.contains(person));
    }
    let stand = candidates.len();
    let verdict = Verdict::unless(stand < must);
    push(
        out,
        body,
        verdict,
        &[RuleId::S5, RuleId::E3],
        format!(
            "officers ({}) need {must} person(s); {stand} may stand ({}{})",
            seats.join(", "),
            rule.candidates.as_str(),
            if body.officers_are_members() && rule.candidates != polity_model::Electorate::Members {
                ", who are members of the body"
            } else {
                ""
            }
        ),
        (
            "feasibility-officers",
            &[
                ("seats", seats.join(", ")),
                ("must", must.to_string()),
                ("stand", stand.to_string()),
                ("electorate", rule.candidates.as_str().to_owned()),
                (
                    "members",
                    (body.officers_are_members() && rule.candidates != polity_model::Electorate::Members).to_string(),
                ),
            ],
        ),
    );
    if let Some(cap) = body.seats.and_then(|seats| seats.per_organisation) {
        let (by_organisation, unaffiliated) = organisations(state, &candidates, at);
        let fillable = fillable(&by_organisation, unaffiliated, cap as usize);
        if fillable < must && stand >= must {
            push(
                out,
                body,
                Verdict::Infeasible,
                &[RuleId::S6, RuleId::E3],
                format!(
                    "officers need {must} person(s), at most {cap} per organisation: only {fillable} can sit ({} organisation(s))",
                    by_organisation.len()
                ),
                (
                    "feasibility-officers-cap",
                    &[
                        ("must", must.to_string()),
                        ("cap", cap.to_string()),
                        ("fillable", fillable.to_string()),
                        ("organisations", by_organisation.len().to_string()),
                    ],
                ),
            );
        }
    }
}

/// D1, D3: the body's own decision rule (`decides-by`) can be met by its voting members (its
/// member, chair and co-chair seat holders): someone to vote, and its participation threshold.
fn decisions(state: &State, body: &Body, at: Date, out: &mut Vec<Feasibility>) {
    let Some(name) = body.decides_by.as_ref() else {
        return;
    };
    let Some(rule) = state.polity.constitution.decision_rules.get(&name.id) else {
        return;
    };
    let members = crate::voting_members(&state.polity, body, at).len() as u64;
    // A body without member or officer seats (a project of committers) decides its acts by the
    // electorates its `decisions:` name; with no seat holders its own rule is not in play.
    if members == 0 && body.seats.is_none() && body.officers.is_empty() {
        return;
    }
    let mut args = vec![("rule", name.id.clone()), ("members", members.to_string())];
    args.extend(threshold_words("passes", &rule.passes));
    let (verdict, message, key) = match rule.valid_if {
        _ if members == 0 => (
            Verdict::Infeasible,
            format!(
                "decisions by {}: the body has no voting members (seat holders) to decide",
                name.id
            ),
            "feasibility-decisions-nobody",
        ),
        Some(valid_if) => {
            let needed = valid_if.needed(members);
            args.push(("needed", needed.to_string()));
            args.extend(threshold_words("", &valid_if));
            (
                Verdict::unless(needed > members),
                format!(
                    "decisions by {}: passes with {}, valid if {}: {needed} of {members} voting member(s) must take part",
                    name.id, rule.passes, valid_if
                ),
                "feasibility-decisions-valid-if",
            )
        }
        None => (
            Verdict::Feasible,
            format!(
                "decisions by {}: passes with {}; {members} voting member(s)",
                name.id, rule.passes
            ),
            "feasibility-decisions",
        ),
    };
    push(out, body, verdict, &[RuleId::D1, RuleId::D3], message, (key, &args));
}

/// The people `named` (bots left out) and everyone holding a seat of `body` on `at`, by id.
fn pool<'a>(
    state: &State,
    body: &Body,
    named: impl Iterator<Item = &'a polity_model::PersonRef>,
    at: Date,
) -> BTreeSet<String> {
    let polity = &state.polity;
    let mut pool: BTreeSet<String> = named
        .filter_map(|reference| polity.person(&reference.text))
        .filter(|person| !person.bot)
        .map(|person| person.id.clone())
        .collect();
    pool.extend(
        body.holders
            .iter()
            .filter(|holding| holding.covers(at))
            .filter_map(|holding| polity.person(&holding.person.text))
            .map(|person| person.id.clone()),
    );
    pool
}

/// E5: staggered chair terms keep a chair seat filled across every change, which takes two
/// chair seats and two people to hold them.
fn staggered_chairs(state: &State, body: &Body, at: Date, out: &mut Vec<Feasibility>) {
    if !state.polity.constitution.sig.staggered_chairs || body.kind != polity_model::BodyKind::Sig {
        return;
    }
    if let Some(range) = body.officers.get(&Seat::Chair)
        && range.max < 2
    {
        push(
            out,
            body,
            Verdict::Infeasible,
            &[RuleId::E5],
            format!(
                "staggered chair terms need two chair seats so that one stays filled; the body allows {}",
                range.max
            ),
            ("feasibility-stagger-seats", &[("max", range.max.to_string())]),
        );
        return;
    }
    // Its members, seat holders and (while proposed) the leads its proposal names.
    let leads = body.proposal.iter().flat_map(|proposal| proposal.leads.iter());
    let pool = pool(state, body, body.members.iter().chain(leads), at);
    push(
        out,
        body,
        Verdict::unless(pool.len() < 2),
        &[RuleId::E5],
        format!(
            "staggered chair terms need two chairs in office; {} could hold a chair seat (its members, seat holders and proposed leads)",
            pool.len()
        ),
        ("feasibility-stagger", &[("pool", pool.len().to_string())]),
    );
}

fn liaisons(state: &State, body: &Body, at: Date, out: &mut Vec<Feasibility>) {
    let areas = &state.polity.constitution.liaison_areas;
    if areas.is_empty()
        || !matches!(
            body.kind,
            polity_model::BodyKind::Project | polity_model::BodyKind::SubGroup
        )
    {
        return;
    }
    // Who could cover an area: the body's members, committers and seat holders of the day.
    let pool = pool(
        state,
        body,
        body.members.iter().chain(body.committers.iter().flatten()),
        at,
    );
    let (by_organisation, unaffiliated) = organisations(state, &pool, at);
    let mut args = vec![("areas", areas.len().to_string()), ("pool", pool.len().to_string())];
    let (verdict, message, key) = if pool.is_empty() {
        (
            Verdict::Infeasible,
            format!(
                "{} liaison area(s) and nobody to cover them (no members, committers or seat holders)",
                areas.len()
            ),
            "feasibility-liaisons-nobody",
        )
    } else if by_organisation.len() == 1 && unaffiliated == 0 && pool.len() >= 2 {
        let organisation = by_organisation.keys().next().cloned().unwrap_or_default();
        args.push(("organisation", organisation.clone()));
        (
            Verdict::Warning,
            format!(
                "{} liaison area(s); all {} who could cover them are from {organisation}",
                areas.len(),
                pool.len()
            ),
            "feasibility-liaisons-one-organisation",
        )
    } else {
        let organisations = by_organisation.len() + usize::from(unaffiliated > 0);
        args.push(("organisations", organisations.to_string()));
        (
            Verdict::Feasible,
            format!(
                "{} liaison area(s); {} could cover them, from {organisations} organisation(s)",
                areas.len(),
                pool.len(),
            ),
            "feasibility-liaisons",
        )
    };
    push(out, body, verdict, &[RuleId::S9], message, (key, &args));
}
