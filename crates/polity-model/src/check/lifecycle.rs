//! L1-L5: lifecycle states and their transitions, sub-group and SIG criteria, charter reviews, reports.

use super::*;
use crate::rules::RuleId;

pub(super) fn l1_transitions(polity: &Polity, _at: Date, findings: &mut Vec<Finding>) {
    for body in &polity.bodies {
        let mut previous: Option<(LifecycleState, Date)> = None;
        for change in &body.history {
            if let Some((state, on)) = previous {
                if change.on < on {
                    findings.push(
                        Finding::error(
                            RuleId::L1,
                            change.loc,
                            format!(
                                "history of {} goes back in time: {} on {} comes after {on}",
                                body.id,
                                change.state.as_str(),
                                change.on
                            ),
                            "list the history in date order",
                        )
                        .said(
                            "history-order",
                            &[
                                ("body", body.id.clone()),
                                ("state", change.state.as_str().to_owned()),
                                ("date", change.on.to_string()),
                                ("previous", on.to_string()),
                            ],
                        ),
                    );
                }
                if !state.may_move_to(change.state) {
                    findings.push(
                        Finding::error(
                            RuleId::L1,
                            change.loc,
                            format!(
                                "{} cannot move from {} to {}",
                                body.id,
                                state.as_str(),
                                change.state.as_str()
                            ),
                            "groups move forming → active → archived, and archived groups are reactivated (L7)",
                        )
                        .said(
                            "history-transition",
                            &[
                                ("body", body.id.clone()),
                                ("from", state.as_str().to_owned()),
                                ("to", change.state.as_str().to_owned()),
                            ],
                        ),
                    );
                }
            }
            let needs_motion = previous.is_some() || change.state != LifecycleState::Proposed;
            if needs_motion && change.motion.is_none() {
                findings.push(Finding::error(
                    RuleId::L1,
                    change.loc,
                    format!("{} became {} on {} without a recorded motion", body.id, change.state.as_str(), change.on),
                    "every transition needs a review and vote of the overseeing body: set `motion:` to the motion that passed it",
                ).said("transition-without-motion", &[("body", body.id.clone()), ("state", change.state.as_str().to_owned()), ("date", change.on.to_string())]));
            }
            previous = Some((change.state, change.on));
        }
        if let (Some(declared), Some((last, _))) = (body.state, previous)
            && declared != last
        {
            findings.push(
                Finding::error(
                    RuleId::L1,
                    body.loc,
                    format!(
                        "{} declares state {} but its history ends in {}",
                        body.id,
                        declared.as_str(),
                        last.as_str()
                    ),
                    "add the transition to `history:` with its motion, or correct `state:`",
                )
                .said(
                    "state-not-history",
                    &[
                        ("body", body.id.clone()),
                        ("state", declared.as_str().to_owned()),
                        ("last", last.as_str().to_owned()),
                    ],
                ),
            );
        }
    }
}

/// What a sub-group still lacks to form (L2), as (what is missing, what to do); empty when it
/// meets every criterion. The engine refuses a forming motion while this is not empty.
/// One gap of a proposed sub-group: in English, its hint, and its values for the catalogs.
pub type Gap = (String, &'static str, Vec<(&'static str, String)>);

/// What a proposed sub-group still lacks (L2): each gap in English, its hint, and the values the
/// catalogs say it with (`gap`: which one).
pub fn l2_gaps(polity: &Polity, body: &Body, at: Date) -> Vec<Gap> {
    let rule = polity.constitution.sub_group;
    let mut gaps: Vec<Gap> = Vec::new();
    let committers: Vec<_> = body
        .committers
        .iter()
        .flatten()
        .filter_map(|reference| polity.person(&reference.text))
        .collect();
    if committers.len() < rule.min_committers as usize {
        gaps.push((
            format!(
                "has {} committer(s); it needs at least {}",
                committers.len(),
                rule.min_committers
            ),
            "list the initial committers under `committers:`",
            vec![
                ("gap", "committers".to_owned()),
                ("count", committers.len().to_string()),
                ("needed", rule.min_committers.to_string()),
            ],
        ));
    }
    let organisations: BTreeSet<&str> = committers
        .iter()
        .filter_map(|person| person.affiliation_on(at))
        .collect();
    if organisations.len() < rule.min_organisations as usize {
        gaps.push((
            format!(
                "has committers from {} organisation(s) on {at}; it needs at least {}",
                organisations.len(),
                rule.min_organisations
            ),
            "a sub-group needs committers from different organisations",
            vec![
                ("gap", "organisations".to_owned()),
                ("count", organisations.len().to_string()),
                ("needed", rule.min_organisations.to_string()),
                ("date", at.to_string()),
            ],
        ));
    }
    if body.holders_on(Seat::Ptl, at).next().is_none() {
        gaps.push((
            "has no agreed PTL".to_owned(),
            "record the PTL under `holders:` with seat ptl",
            vec![("gap", "ptl".to_owned())],
        ));
    }
    if body.charter.as_ref().is_none_or(|charter| charter.scope_in.is_empty()) {
        gaps.push((
            "has no defined scope".to_owned(),
            "state the scope under `charter.scope.in:`",
            vec![("gap", "scope".to_owned())],
        ));
    }
    let proposal = body.proposal.clone().unwrap_or_default();
    if proposal.plan.is_none() {
        gaps.push((
            "has no plan".to_owned(),
            "state the plan under `proposal.plan:`",
            vec![("gap", "plan".to_owned())],
        ));
    }
    if proposal.page.is_none() {
        gaps.push((
            "has no public page".to_owned(),
            "link its public page under `proposal.page:`",
            vec![("gap", "page".to_owned())],
        ));
    }
    if proposal.announcement.is_none() {
        gaps.push((
            "was not announced on the mailing list".to_owned(),
            "link the notice under `proposal.announcement:`",
            vec![("gap", "announcement".to_owned())],
        ));
    }
    gaps
}

pub(super) fn l2_sub_group_criteria(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::SubGroup) {
        let mut missing = |what: String, hint: &str, mut args: Vec<(&'static str, String)>| {
            args.push(("body", body.id.clone()));
            findings.push(
                Finding::error(RuleId::L2, body.loc, format!("sub-group {} {what}", body.id), hint)
                    .said("sub-group-gap", &args),
            );
        };
        for (what, hint, args) in l2_gaps(polity, body, at) {
            missing(what, hint, args);
        }
        for state in [LifecycleState::Forming, LifecycleState::Active] {
            let reached = body.state_on(at) == Some(LifecycleState::Active) || state == LifecycleState::Forming;
            let recorded = body
                .history
                .iter()
                .any(|change| change.state == state && change.motion.is_some());
            if reached && !recorded {
                missing(
                    format!("has no recorded TSC review and vote that made it {}", state.as_str()),
                    "add the step to `history:` with the motion that passed it",
                    vec![("gap", "review".to_owned()), ("state", state.as_str().to_owned())],
                );
            }
        }
    }
}

pub(super) fn l3_sig_proposal(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let proposed = polity.bodies.iter().filter(|body| {
        body.kind == BodyKind::Sig
            && matches!(
                body.state_on(at),
                Some(LifecycleState::Proposed | LifecycleState::Forming)
            )
    });
    for body in proposed {
        let proposal = body.proposal.clone().unwrap_or_default();
        let mut missing = |gap: &str, what: &str, hint: &str| {
            findings.push(
                Finding::error(RuleId::L3, body.loc, format!("proposed SIG {} {what}", body.id), hint).said(
                    "sig-proposal-gap",
                    &[("body", body.id.clone()), ("gap", gap.to_owned())],
                ),
            );
        };
        if proposal.purpose.is_none() {
            missing("purpose", "states no purpose", "state it under `proposal.purpose:`");
        }
        if proposal.leads.len() < 2 {
            missing(
                "leads",
                "has fewer than two volunteer leads",
                "list two or more under `proposal.leads:`",
            );
        }
        if proposal.resources.is_none() {
            missing(
                "resources",
                "states no resources needed",
                "state them under `proposal.resources:`",
            );
        }
    }
}

pub(super) fn l4_charter_review(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let Some(every) = polity.constitution.charter_review else {
        return;
    };
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        let Some(charter) = &body.charter else {
            findings.push(
                Finding::error(
                    RuleId::L4,
                    body.loc,
                    format!("SIG {} has no charter", body.id),
                    "add `charter:` with scope in and out, overlaps and deviations, and its approval date",
                )
                .said("no-charter", &[("body", body.id.clone())]),
            );
            continue;
        };
        match charter.approved {
            None => findings.push(
                Finding::error(
                    RuleId::L4,
                    charter.loc,
                    format!("the charter of SIG {} records no TOC approval", body.id),
                    "set `charter.approved:` to the date the TOC last approved it",
                )
                .said("charter-not-approved", &[("body", body.id.clone())]),
            ),
            Some(approved) if every.after(approved) <= at => findings.push(
                Finding::error(
                    RuleId::L4,
                    charter.loc,
                    format!(
                        "the charter review of SIG {} is overdue: last approved {approved}, due {}",
                        body.id,
                        every.after(approved)
                    ),
                    format!(
                        "the TOC reviews every SIG charter every {every}: review it and record the new approval date"
                    ),
                )
                .said(
                    "charter-review-overdue",
                    &[
                        ("body", body.id.clone()),
                        ("approved", approved.to_string()),
                        ("due", every.after(approved).to_string()),
                        ("amount", every.words()[0].1.clone()),
                        ("unit", every.words()[1].1.clone()),
                    ],
                ),
            ),
            Some(_) => {}
        }
        if charter.scope_in.is_empty() || charter.scope_out.is_empty() {
            findings.push(
                Finding::warning(
                    RuleId::L4,
                    charter.loc,
                    format!(
                        "the charter of SIG {} does not state both what is in and what is out of scope",
                        body.id
                    ),
                    "fill `charter.scope.in:` and `charter.scope.out:`",
                )
                .said("charter-scope", &[("body", body.id.clone())]),
            );
        }
        for deviation in &charter.deviations {
            if deviation.reason.trim().is_empty() || deviation.approval.trim().is_empty() {
                findings.push(
                    Finding::error(
                        RuleId::L4,
                        deviation.loc,
                        format!(
                            "deviation {:?} in the charter of {} lacks its reason or approval",
                            deviation.what, body.id
                        ),
                        "every deviation from the standard guidelines states its reason and its approval",
                    )
                    .said(
                        "deviation-unexplained",
                        &[("deviation", deviation.what.clone()), ("body", body.id.clone())],
                    ),
                );
            }
        }
    }
}

pub(super) fn l5_reports(polity: &Polity, at: Date, findings: &mut Vec<Finding>) {
    let Some(rule) = polity.constitution.reports else {
        return;
    };
    for body in live_bodies(polity, at).filter(|body| body.kind == BodyKind::Sig) {
        let last_report = body.reports.iter().map(|report| report.on).filter(|on| *on <= at).max();
        let Some(since) = last_report.or_else(|| body.live_since(at)) else {
            continue;
        };
        let what = match last_report {
            Some(on) => format!("last reported on {on}"),
            None => format!("has not reported since it formed on {since}"),
        };
        let dissolve = rule.dissolve_after.after(since);
        let warn = rule.warn_after.after(since);
        if dissolve <= at {
            findings.push(
                Finding::error(
                    RuleId::L5,
                    body.loc,
                    format!(
                        "SIG {} {what}: {} or more without a report (since {dissolve})",
                        body.id, rule.dissolve_after
                    ),
                    "it must be dissolved: record the TOC's dissolution motion, or record the missing report",
                )
                .said(
                    "report-dissolve",
                    &[
                        ("body", body.id.clone()),
                        ("last", last_report.map(|on| on.to_string()).unwrap_or_default()),
                        ("reported", last_report.is_some().to_string()),
                        ("since", since.to_string()),
                        ("date", dissolve.to_string()),
                        ("amount", rule.dissolve_after.words()[0].1.clone()),
                        ("unit", rule.dissolve_after.words()[1].1.clone()),
                    ],
                ),
            );
        } else if warn <= at {
            findings.push(
                Finding::warning(
                    RuleId::L5,
                    body.loc,
                    format!(
                        "SIG {} {what}: {} or more without a report (since {warn})",
                        body.id, rule.warn_after
                    ),
                    format!("the TOC may consider retiring it; it must be dissolved from {dissolve} unless it reports"),
                )
                .said(
                    "report-warning",
                    &[
                        ("body", body.id.clone()),
                        ("last", last_report.map(|on| on.to_string()).unwrap_or_default()),
                        ("reported", last_report.is_some().to_string()),
                        ("since", since.to_string()),
                        ("date", warn.to_string()),
                        ("dissolve", dissolve.to_string()),
                        ("amount", rule.warn_after.words()[0].1.clone()),
                        ("unit", rule.warn_after.words()[1].1.clone()),
                    ],
                ),
            );
        }
    }
}
