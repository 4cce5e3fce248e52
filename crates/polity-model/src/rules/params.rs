//! What a registry at hand sets for a rule: "D3 here: `> 1/2 of members voted`
//! (polity.yaml:14)". Only what the registry says; defaults are in the catalog.

use std::fmt::Write as _;

use super::RuleId;
use crate::model::{Act, Body, ElectionRule, Electorate, Loc, Polity, Rotation, TieStep};

/// One value the registry gives a rule, and where it says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parameter {
    pub text: String,
    /// `file:line`, when the value comes from a file.
    pub at: Option<String>,
}

/// The values `polity` gives `rule`, in file order of the bodies; empty when the registry sets
/// nothing for it (then the catalog's defaults apply).
pub fn parameters(polity: &Polity, rule: RuleId) -> Vec<Parameter> {
    let mut out = Params {
        polity,
        list: Vec::new(),
    };
    let constitution = &polity.constitution;
    let top = constitution.loc;
    match rule {
        RuleId::S2 => {
            if let Some(chairs) = constitution.sig.chairs {
                out.push(format!("every SIG has {chairs} chairs"), top);
            }
            if constitution.sig.toc_liaison_required {
                out.push("every SIG names a TOC liaison who is a voting TOC member", top);
            }
        }
        RuleId::S3 if constitution.sig.staff_liaison_required => {
            out.push("every SIG names an executive-staff liaison", top);
        }
        RuleId::S4 => {
            if let Some(max) = constitution.working_group_max {
                out.push(
                    format!("a working group's timetable ends at most {max} after it forms"),
                    top,
                );
            }
            if !constitution.working_group_timetable_required {
                out.push("a working group need not state its timetable", top);
            }
        }
        RuleId::S5 | RuleId::S6 => out.seats(rule),
        RuleId::S9 if !constitution.liaison_areas.is_empty() => {
            out.push(format!("liaison areas: {}", constitution.liaison_areas.join(", ")), top);
        }
        RuleId::L2 => {
            let rule = constitution.sub_group;
            out.push(
                format!(
                    "a sub-group needs at least {} committers from at least {} organisations",
                    rule.min_committers, rule.min_organisations
                ),
                top,
            );
        }
        RuleId::L4 => {
            if let Some(every) = constitution.charter_review {
                out.push(format!("charters are re-approved every {every}"), top);
            }
        }
        RuleId::L5 | RuleId::L8 => {
            if let Some(reports) = constitution.reports {
                if rule == RuleId::L8 {
                    out.push(format!("a SIG reports every {}", reports.every), top);
                } else {
                    out.push(
                        format!(
                            "a warning `>=` {} after the last report, an error `>=` {}",
                            reports.warn_after, reports.dissolve_after
                        ),
                        top,
                    );
                }
            }
        }
        RuleId::E1 => {
            let windows = constitution.elections;
            out.push(
                format!(
                    "nominations {}, voting {} (unless a body says otherwise)",
                    windows.nomination, windows.voting
                ),
                top,
            );
            out.elections(|body| body.elections.as_ref(), "elections");
        }
        RuleId::C1 => {
            if !constitution.bots.is_empty() {
                out.push(format!("also bots: {}", constitution.bots.join(", ")), top);
            }
            if constitution.ai_co_authors_counted {
                out.push("AI assistants named as co-authors are credited", top);
            }
        }
        RuleId::E2 => {
            if let Some(active) = constitution.active_member {
                out.push(
                    format!(
                        "an active member has `>=` {} contributions within {}, by {} date",
                        active.contributions,
                        active.within,
                        active.date.as_str()
                    ),
                    top,
                );
            }
        }
        RuleId::E3 => out.elections(|body| body.officer_elections.as_ref(), "officer elections"),
        RuleId::E5 if constitution.sig.staggered_chairs => {
            out.push(
                "SIG chairs' terms are staggered: a chair seat stays filled across every term end",
                top,
            );
        }
        RuleId::E10 => {
            if let Some(limit) = constitution.term_limit {
                out.push(format!("a warning after {limit} consecutive terms"), top);
            }
            for body in &polity.bodies {
                if let Some(limit) = body.term_limit {
                    out.push(
                        format!("{}: a warning after {limit} consecutive terms", body.id),
                        body.loc,
                    );
                }
            }
        }
        RuleId::D1 | RuleId::D2 | RuleId::E8 => out.meetings(rule),
        RuleId::D3 | RuleId::D4 => out.decision_rules(rule),
        _ => {}
    }
    if let Some(act) = Act::ALL.iter().copied().find(|act| act.rule() == rule) {
        out.authorities(act);
    }
    out.list
}

struct Params<'a> {
    polity: &'a Polity,
    list: Vec<Parameter>,
}

impl Params<'_> {
    fn push(&mut self, text: impl Into<String>, loc: Loc) {
        let at = self
            .polity
            .files
            .get(loc.file as usize)
            .map(|file| format!("{file}:{}", loc.line));
        self.list.push(Parameter { text: text.into(), at });
    }

    fn seats(&mut self, rule: RuleId) {
        for body in &self.polity.bodies {
            let Some(seats) = body.seats else { continue };
            let text = match (rule, seats.per_organisation) {
                (RuleId::S6, Some(cap)) => {
                    let seats = if cap == 1 { "seat" } else { "seats" };
                    format!("{}: at most {cap} {seats} per organisation", body.id)
                }
                (RuleId::S5, _) => format!("{}: {} seats", body.id, seats.count),
                _ => continue,
            };
            self.push(text, seats.loc);
        }
    }

    fn elections(&mut self, rule: impl Fn(&Body) -> Option<&ElectionRule>, what: &str) {
        for body in &self.polity.bodies {
            let Some(election) = rule(body) else { continue };
            let mut text = format!(
                "{}'s {what}: nominations {}, voting {}; {} nominate, {} stand, {} vote",
                body.id,
                election.windows.nomination,
                election.windows.voting,
                electorate(election.nominators),
                electorate(election.candidates),
                electorate(election.voters),
            );
            if election.consent {
                text.push_str("; candidates consent");
            }
            if let Some(valid_if) = &election.valid_if {
                let _ = write!(text, "; valid if `{valid_if}`");
            }
            self.push(text, election.loc);
        }
    }

    fn meetings(&mut self, rule: RuleId) {
        for body in &self.polity.bodies {
            let Some(meetings) = &body.meetings else { continue };
            let text = match rule {
                RuleId::D1 => match &meetings.quorum {
                    Some(quorum) => format!("{}: a meeting decides when `{quorum}`", body.id),
                    None => continue,
                },
                RuleId::D2 if meetings.proxies => format!("{}: proxies allowed", body.id),
                RuleId::E8 => {
                    let rotation = match meetings.rotation {
                        Rotation::EachMeeting => "at each meeting",
                        Rotation::Monthly => "every month",
                        Rotation::None => continue,
                    };
                    format!("{}: the chairs take turns {rotation}", body.id)
                }
                _ => continue,
            };
            self.push(text, meetings.loc);
        }
    }

    fn decision_rules(&mut self, rule: RuleId) {
        for (name, decision) in &self.polity.constitution.decision_rules {
            let users: Vec<&str> = self
                .polity
                .bodies
                .iter()
                .filter(|body| body.decides_by.as_ref().is_some_and(|by| &by.id == name))
                .map(|body| body.id.as_str())
                .collect();
            let used = if users.is_empty() {
                String::new()
            } else {
                format!(", used by {}", users.join(", "))
            };
            let text = if rule == RuleId::D3 {
                let valid = decision
                    .valid_if
                    .as_ref()
                    .map_or_else(String::new, |valid_if| format!(", valid if `{valid_if}`"));
                format!("`{name}`: passes with `{}`{valid}{used}", decision.passes)
            } else if decision.tie.is_empty() {
                format!("`{name}`: a tie fails{used}")
            } else {
                let steps: Vec<&str> = decision
                    .tie
                    .iter()
                    .map(|step| match step {
                        TieStep::Revote => "a new vote",
                        TieStep::ChairCastingVote => "the chair's casting vote",
                    })
                    .collect();
                format!("`{name}`: on a tie, {}{used}", steps.join(" then "))
            };
            self.push(text, decision.loc);
        }
    }

    fn authorities(&mut self, act: Act) {
        for body in &self.polity.bodies {
            let Some(authority) = body.decisions.get(&act) else {
                continue;
            };
            let by: Vec<&str> = authority.by.iter().map(|electorate| electorate.as_str()).collect();
            let text = format!(
                "{}: {} decided by {} under `{}`",
                body.id,
                act.as_str(),
                by.join(" and "),
                authority.rule.id
            );
            self.push(text, authority.rule.loc);
        }
    }
}

fn electorate(electorate: Electorate) -> &'static str {
    electorate.as_str()
}
