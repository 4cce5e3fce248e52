//! The model back to file form: `polity export` writes the recorded state as registry files
//! that `polity check` accepts, so that a repository and the record can always be compared.

use std::collections::BTreeMap;

use polity_model::{
    Act, Body, BodyKind, Constitution, CountRange, ElectionRule, ElectionWindows, Electorate, FinalSay, IdentityRule,
    Leadership, LiaisonDefault, LifecycleState, Period, Polity, ReportKind, Rotation, Seat, TieStep,
};

use crate::files::*;

fn period(period: Period) -> Text {
    text(period.to_string())
}

fn count(range: CountRange) -> CountText {
    if range.min == range.max {
        CountText::Number(range.min)
    } else {
        CountText::Range(range.to_string())
    }
}

fn seat(seat: Seat) -> SeatFile {
    match seat {
        Seat::Member => SeatFile::Member,
        Seat::Chair => SeatFile::Chair,
        Seat::CoChair => SeatFile::CoChair,
        Seat::TechLead => SeatFile::TechLead,
        Seat::Ptl => SeatFile::Ptl,
    }
}

fn state(state: LifecycleState) -> StateFile {
    match state {
        LifecycleState::Proposed => StateFile::Proposed,
        LifecycleState::Forming => StateFile::Forming,
        LifecycleState::Active => StateFile::Active,
        LifecycleState::Archived => StateFile::Archived,
    }
}

fn kind(kind: BodyKind) -> BodyKindFile {
    match kind {
        BodyKind::Board => BodyKindFile::Board,
        BodyKind::OversightCommittee => BodyKindFile::OversightCommittee,
        BodyKind::Committee => BodyKindFile::Committee,
        BodyKind::Sig => BodyKindFile::Sig,
        BodyKind::SubGroup => BodyKindFile::SubGroup,
        BodyKind::WorkingGroup => BodyKindFile::WorkingGroup,
        BodyKind::Project => BodyKindFile::Project,
        BodyKind::AdvisoryGroup => BodyKindFile::AdvisoryGroup,
    }
}

fn electorate(electorate: Electorate) -> ElectorateFile {
    match electorate {
        Electorate::Members => ElectorateFile::Members,
        Electorate::ActiveMembers => ElectorateFile::ActiveMembers,
        Electorate::Committers => ElectorateFile::Committers,
        Electorate::Overseer => ElectorateFile::Overseer,
        Electorate::Chairs => ElectorateFile::Chairs,
        Electorate::Themselves => ElectorateFile::Themselves,
    }
}

fn act(act: Act) -> ActFile {
    match act {
        Act::AppointChairs => ActFile::AppointChairs,
        Act::AppointTechLeads => ActFile::AppointTechLeads,
        Act::RemoveLeads => ActFile::RemoveLeads,
        Act::RecallPtl => ActFile::RecallPtl,
        Act::PromoteCommitter => ActFile::PromoteCommitter,
        Act::Transition => ActFile::Transition,
        Act::NoConfidence => ActFile::NoConfidence,
    }
}

fn windows(windows: ElectionWindows) -> WindowsFile {
    WindowsFile {
        nomination: period(windows.nomination),
        voting: period(windows.voting),
    }
}

fn election_rule(rule: &ElectionRule) -> ElectionRuleFile {
    ElectionRuleFile {
        nomination: Some(period(rule.windows.nomination)),
        voting: Some(period(rule.windows.voting)),
        method: rule.method.clone().map(text),
        compat: rule.compat.clone().map(text),
        nominators: Some(electorate(rule.nominators)),
        candidates: Some(electorate(rule.candidates)),
        voters: Some(electorate(rule.voters)),
        consent: rule.consent,
        valid_if: rule.valid_if.map(|threshold| text(threshold.to_string())),
        early_close: rule.early_close,
    }
}

fn constitution(source: &Constitution) -> ConstitutionFile {
    ConstitutionFile {
        name: source.name.clone(),
        active_member: source.active_member.map(|rule| ActiveMemberFile {
            contributions: rule.contributions,
            within: period(rule.within),
            date: (rule.date == polity_model::ContributionDate::Author)
                .then_some(crate::files::ContributionDateFile::Author),
        }),
        bots: source.bots.clone(),
        time_zone: source.time_zone.clone().map(text),
        deadline_time: (source.deadline_time != jiff::civil::Time::midnight()).then(|| {
            let format = if source.deadline_time.second() == 0 {
                "%H:%M"
            } else {
                "%H:%M:%S"
            };
            text(source.deadline_time.strftime(format).to_string())
        }),
        webhooks: source
            .webhooks
            .iter()
            .map(|webhook| crate::files::WebhookFile {
                url: text(webhook.url.clone()),
                secret_env: text(webhook.secret_env.clone()),
            })
            .collect(),
        ai_co_authors: source
            .ai_co_authors_counted
            .then_some(crate::files::AiCoAuthorsFile::Counted),
        roll: source
            .roll
            .iter()
            .map(|reference| text(reference.text.clone()))
            .collect(),
        liaison_areas: source.liaison_areas.clone(),
        liaison_default: match source.liaison_default {
            LiaisonDefault::Ptl => Some(LiaisonDefaultFile::Ptl),
            LiaisonDefault::None => None,
        },
        reports: source.reports.map(|rule| ReportsFile {
            every: period(rule.every),
            warn_after: period(rule.warn_after),
            dissolve_after: period(rule.dissolve_after),
        }),
        charter_review: source.charter_review.map(|every| EveryFile { every: period(every) }),
        working_groups: (source.working_group_max.is_some() || !source.working_group_timetable_required).then(|| {
            WorkingGroupsFile {
                max_timetable: source.working_group_max.map(period),
                timetable_required: (!source.working_group_timetable_required).then_some(false),
            }
        }),
        sigs: (source.sig != polity_model::SigRule::default()).then(|| SigsFile {
            chairs: source.sig.chairs.map(count),
            toc_liaison: source.sig.toc_liaison_required,
            staff_liaison: source.sig.staff_liaison_required,
            staggered_chairs: source.sig.staggered_chairs,
        }),
        sub_groups: (source.sub_group != polity_model::SubGroupRule::default()).then_some(SubGroupsFile {
            min_committers: source.sub_group.min_committers,
            min_organisations: source.sub_group.min_organisations,
        }),
        term_limit: source.term_limit,
        elections: (source.elections != ElectionWindows::default()).then(|| windows(source.elections)),
        decision_rules: source
            .decision_rules
            .iter()
            .map(|(name, rule)| {
                (
                    name.clone(),
                    DecisionRuleFile {
                        passes: text(rule.passes.to_string()),
                        valid_if: rule.valid_if.map(|threshold| text(threshold.to_string())),
                        tie: rule
                            .tie
                            .iter()
                            .map(|step| match step {
                                TieStep::Revote => TieStepFile::Revote,
                                TieStep::ChairCastingVote => TieStepFile::ChairCastingVote,
                            })
                            .collect(),
                    },
                )
            })
            .collect(),
    }
}

fn body(source: &Body) -> BodyFile {
    let people = |references: &[polity_model::PersonRef]| {
        references
            .iter()
            .map(|reference| text(reference.text.clone()))
            .collect()
    };
    let mut body = BodyFile::new(&source.id, kind(source.kind), &source.name);
    body.parent = source.parent.as_ref().map(|parent| text(parent.id.clone()));
    body.state = source.state.map(state);
    body.history = source
        .history
        .iter()
        .map(|change| HistoryFile {
            state: state(change.state),
            on: text(change.on.to_string()),
            motion: change.motion.clone(),
        })
        .collect();
    body.seats = source.seats.map(|seats| {
        unplaced(SeatsFile {
            min: seats.count.min,
            max: seats.count.max,
            per_organisation: seats.per_organisation,
        })
    });
    body.officers = source
        .officers
        .iter()
        .map(|(office, range)| (seat(*office), count(*range)))
        .collect();
    body.term = source.term.map(period);
    body.elections = source.elections.as_ref().map(election_rule);
    body.officer_elections = source.officer_elections.as_ref().map(election_rule);
    body.decisions = source
        .decisions
        .iter()
        .map(|(decided, authority)| {
            (
                act(*decided),
                AuthorityFile {
                    by: authority.by.iter().map(|by| electorate(*by)).collect(),
                    rule: text(authority.rule.id.clone()),
                },
            )
        })
        .collect();
    body.decides_by = source.decides_by.as_ref().map(|rule| text(rule.id.clone()));
    body.holders = source
        .holders
        .iter()
        .map(|holding| HolderFile {
            person: text(holding.person.text.clone()),
            seat: seat(holding.seat),
            from: text(holding.from.to_string()),
            until: holding.until.map(|until| text(until.to_string())),
            class: holding.class.clone(),
        })
        .collect();
    body.toc_liaison = source
        .toc_liaison
        .as_ref()
        .map(|reference| text(reference.text.clone()));
    body.staff_liaison = source
        .staff_liaison
        .as_ref()
        .map(|reference| text(reference.text.clone()));
    body.members = people(&source.members);
    body.roles = source
        .roles
        .iter()
        .map(|role| RoleFile {
            name: text(role.name.clone()),
            person: text(role.person.text.clone()),
            approved_by: people(&role.approved_by),
            on: role.on.map(|on| text(on.to_string())),
        })
        .collect();
    body.charter = source.charter.as_ref().map(|charter| {
        unplaced(CharterFile {
            scope: (!charter.scope_in.is_empty() || !charter.scope_out.is_empty()).then(|| ScopeFile {
                inside: charter.scope_in.clone(),
                outside: charter.scope_out.clone(),
            }),
            overlaps: charter
                .overlaps
                .iter()
                .map(|overlap| OverlapFile {
                    body: text(overlap.body.id.clone()),
                    note: overlap.note.clone(),
                })
                .collect(),
            deviations: charter
                .deviations
                .iter()
                .map(|deviation| DeviationFile {
                    what: text(deviation.what.clone()),
                    reason: deviation.reason.clone(),
                    approval: deviation.approval.clone(),
                })
                .collect(),
            deliverables: charter
                .deliverables
                .iter()
                .map(|deliverable| DeliverableFile {
                    name: deliverable.name.clone(),
                    due: deliverable.due.map(|due| text(due.to_string())),
                    delivered: deliverable.delivered.map(|on| text(on.to_string())),
                })
                .collect(),
            timetable: charter.timetable_end.map(|end| TimetableFile {
                end: text(end.to_string()),
            }),
            approved: charter.approved.map(|approved| text(approved.to_string())),
        })
    });
    body.proposal = source.proposal.as_ref().map(|proposal| ProposalFile {
        purpose: proposal.purpose.clone(),
        plan: proposal.plan.clone(),
        resources: proposal.resources.clone(),
        page: proposal.page.clone(),
        announcement: proposal.announcement.clone(),
        leads: people(&proposal.leads),
    });
    body.committers = source.committers.as_ref().map(|committers| people(committers));
    body.leadership = match source.leadership {
        Leadership::Distributed => Some(LeadershipFile::Distributed),
        Leadership::Ptl => None,
    };
    body.liaisons = source
        .liaisons
        .iter()
        .map(|(area, holders)| (area.clone(), people(holders)))
        .collect::<BTreeMap<_, _>>();
    body.reports = source
        .reports
        .iter()
        .map(|report| ReportFile {
            on: text(report.on.to_string()),
            kind: Some(match report.kind {
                ReportKind::Quarterly => ReportKindFile::Quarterly,
                ReportKind::Annual => ReportKindFile::Annual,
            }),
            link: report.link.clone(),
        })
        .collect();
    body.meetings = source.meetings.as_ref().map(|meetings| MeetingsFile {
        every: period(meetings.every),
        first: meetings.first.map(|first| text(first.to_string())),
        rotation: Some(match meetings.rotation {
            Rotation::EachMeeting => RotationFile::EachMeeting,
            Rotation::Monthly => RotationFile::Monthly,
            Rotation::None => RotationFile::None,
        }),
        quorum: meetings.quorum.map(|quorum| text(quorum.to_string())),
        proxies: meetings.proxies,
        agenda_open_to: meetings.agenda_open_to.clone(),
    });
    body.final_say = source.final_say.as_ref().map(|final_say| match final_say {
        FinalSay::Person(reference) => FinalSayFile {
            person: Some(text(reference.text.clone())),
            seat: None,
        },
        FinalSay::Seat(office, _) => FinalSayFile {
            person: None,
            seat: Some(seat(*office)),
        },
    });
    body.advises = source
        .advises
        .iter()
        .map(|reference| text(reference.id.clone()))
        .collect();
    body.consult_before = source.consult_before.clone();
    body.partners = source
        .partners
        .iter()
        .map(|partner| PartnerFile {
            organisation: text(partner.organisation.id.clone()),
            maintainer: partner
                .maintainer
                .as_ref()
                .map(|reference| text(reference.text.clone())),
        })
        .collect();
    body.term_limit = source.term_limit;
    body.owners = source.owners.clone();
    body.emeritus = people(&source.emeritus);
    body
}

/// The whole state in file form; bodies are written to `bodies/<id>.yaml`.
pub fn to_files(polity: &Polity) -> RegistryFiles {
    RegistryFiles {
        constitution: constitution(&polity.constitution),
        people: polity
            .people
            .iter()
            .map(|person| PersonFile {
                id: text(person.id.clone()),
                name: person.name.clone(),
                github: person.github.clone(),
                emails: person.emails.clone(),
                lang: (person.lang != polity_model::Lang::En).then(|| text(person.lang.tag().to_owned())),
                mute: person.muted.iter().map(|kind| text(kind.name().to_owned())).collect(),
                time_zone: person.time_zone.clone().map(text),
                affiliations: person
                    .affiliations
                    .iter()
                    .map(|affiliation| AffiliationFile {
                        org: text(affiliation.organisation.id.clone()),
                        from: (affiliation.from != jiff::civil::Date::MIN).then(|| text(affiliation.from.to_string())),
                        until: affiliation.until.map(|until| text(until.to_string())),
                    })
                    .collect(),
                identities: person
                    .identities
                    .iter()
                    .map(|identity| match identity {
                        IdentityRule::Email(email) => IdentityFile {
                            email: Some(email.clone()),
                            ..IdentityFile::default()
                        },
                        IdentityRule::Name(name) => IdentityFile {
                            name: Some(name.clone()),
                            ..IdentityFile::default()
                        },
                        IdentityRule::Github(handle) => IdentityFile {
                            github: Some(handle.clone()),
                            ..IdentityFile::default()
                        },
                    })
                    .collect(),
                bot: person.bot,
            })
            .collect(),
        organisations: polity
            .organisations
            .iter()
            .map(|organisation| OrganisationFile {
                id: text(organisation.id.clone()),
                name: organisation.name.clone(),
                domains: organisation.domains.clone(),
                aliases: organisation.aliases.clone(),
            })
            .collect(),
        bodies: polity
            .bodies
            .iter()
            .map(|source| (source.id.clone(), body(source)))
            .collect(),
    }
}
