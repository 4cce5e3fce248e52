//! E1, E3, E4, E5, E10: seats and terms: officers, staggering, expired terms, term limits, and who decides each act.

use super::*;
use crate::rules::RuleId;

pub(super) fn e3_officers_are_members(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.officers_are_members()) {
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
                findings.push(
                    Finding::error(
                        RuleId::E3,
                        holding.loc,
                        format!(
                            "{} is {} of {} but not one of its members on {at}",
                            person.id,
                            holding.seat.as_str(),
                            body.id
                        ),
                        "chair and co-chairs are elected from the committee's members",
                    )
                    .said(
                        "officer-not-member",
                        &[
                            ("person", person.id.clone()),
                            ("seat", holding.seat.as_str().to_owned()),
                            ("body", body.id.clone()),
                            ("date", at.to_string()),
                        ],
                    ),
                );
            }
        }
    }
}

pub(super) fn e5_staggered_chairs(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
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
                    RuleId::E5,
                    loc,
                    format!("every chair term in SIG {} ends on {end}: no chair seat continues across that change", body.id),
                    "stagger the chair terms (`class:` a and b) so at least one chair stays in office across every term end",
                ).said("chairs-not-staggered", &[("body", body.id.clone()), ("date", end.to_string())]));
            }
        }
    }
}

/// Terms that have ended with no successor recorded: the seat count dropped and stayed down.
pub(super) fn expired_terms(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
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
                findings.push(
                    Finding::warning(
                        body.kind.seat_rule(holding.seat),
                        holding.loc,
                        format!(
                            "the {} term of {} in {} ended on {end} and no successor is recorded",
                            holding.seat.as_str(),
                            person_name(polity, &holding.person),
                            body.id
                        ),
                        "run the election (see `polity due`) and record the new term in `holders:`",
                    )
                    .said(
                        "no-successor",
                        &[
                            ("seat", holding.seat.as_str().to_owned()),
                            ("person", person_name(polity, &holding.person)),
                            ("body", body.id.clone()),
                            ("date", end.to_string()),
                        ],
                    ),
                );
            }
        }
    }
}

pub(super) fn e10_term_limits(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
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
                    findings.push(
                        Finding::warning(
                            RuleId::E10,
                            pair[1].loc,
                            format!(
                                "{person} is in {run} consecutive {} terms in {}; the term limit is {limit}",
                                seat.as_str(),
                                body.id
                            ),
                            "rotation is encouraged, not mandatory: this is a warning and blocks nothing",
                        )
                        .said(
                            "term-limit",
                            &[
                                ("person", person.clone()),
                                ("run", run.to_string()),
                                ("seat", seat.as_str().to_owned()),
                                ("body", body.id.clone()),
                                ("limit", limit.to_string()),
                            ],
                        ),
                    );
                }
            }
        }
    }
}

/// Every electorate named in `decisions:` and `elections:` exists for the body: an overseer
/// above it, committers listed, chairs' seats.
pub(super) fn authorities_exist(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    use crate::model::Electorate;
    for body in &polity.bodies {
        let mut uses: Vec<(RuleId, Electorate, Loc)> = Vec::new();
        for (act, authority) in &body.decisions {
            for electorate in &authority.by {
                uses.push((act.rule(), *electorate, authority.rule.loc));
            }
        }
        for (rule, election) in [(RuleId::E1, &body.elections), (RuleId::E3, &body.officer_elections)] {
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
                findings.push(
                    Finding::error(
                        rule,
                        loc,
                        format!("{} names {} as an electorate, but {what}", body.id, electorate.as_str()),
                        "name an electorate the body has, or add what it needs",
                    )
                    .said(
                        "missing-electorate",
                        &[
                            ("body", body.id.clone()),
                            ("electorate", electorate.as_str().to_owned()),
                            (
                                "missing",
                                match electorate {
                                    Electorate::Overseer => "overseer",
                                    Electorate::Committers => "committers",
                                    _ => "active-member",
                                }
                                .to_owned(),
                            ),
                        ],
                    ),
                );
            }
        }
    }
}
