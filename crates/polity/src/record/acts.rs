//! The acts of the command line: reports, motions, elections, meetings, lazy-consensus
//! proposals, liaisons and the single-command acts, each decided and recorded through
//! [`Record::act`](super::Record::act) and said in this run's language.

use super::*;

pub async fn report(command: &ReportCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let ReportCommand::Submit { body, annual, link } = command;
    let command = Command::SubmitReport(command::SubmitReport {
        body: body.clone(),
        report: if *annual {
            ReportKind::Annual
        } else {
            ReportKind::Quarterly
        },
        link: link.clone(),
    });
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}

fn choice(text: &str) -> Result<Choice> {
    match text {
        "yes" => Ok(Choice::Yes),
        "no" => Ok(Choice::No),
        "abstain" => Ok(Choice::Abstain),
        other => bail!("{other:?} is not a choice: vote yes, no or abstain"),
    }
}

fn lifecycle(text: &str) -> Result<LifecycleState> {
    Ok(match text {
        "proposed" => LifecycleState::Proposed,
        "forming" => LifecycleState::Forming,
        "active" => LifecycleState::Active,
        "archived" => LifecycleState::Archived,
        other => bail!("{other:?} is not a state: use forming, active or archived"),
    })
}

pub async fn motion(command: &MotionCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let command = match command {
        MotionCommand::Open {
            body,
            title,
            rule,
            transition,
            promote,
            remove,
            appoint,
            no_confidence,
            meeting,
            large,
            closes,
        } => {
            let person_seat = |flag: &str, text: &Option<String>| -> Result<Option<(String, Seat)>> {
                let Some(text) = text else { return Ok(None) };
                let (person, seat) = text
                    .split_once(':')
                    .ok_or_else(|| anyhow!("{flag} takes PERSON:SEAT"))?;
                let seat = Seat::parse(seat).ok_or_else(|| anyhow!("{seat:?} is not a seat"))?;
                Ok(Some((person.to_owned(), seat)))
            };
            let transition = match transition {
                Some(text) => {
                    let (target, state) = text
                        .split_once(':')
                        .ok_or_else(|| anyhow!("--transition takes BODY:STATE"))?;
                    Some((target.to_owned(), lifecycle(state)?))
                }
                None => None,
            };
            let subject = Subject::one_of(
                transition,
                promote.clone(),
                person_seat("--remove", remove)?,
                person_seat("--appoint", appoint)?,
                *no_confidence,
            )
            .map_err(|rejection| anyhow!("refused by {rejection}; see `polity rules {}`", rejection.rule))?;
            Command::OpenMotion(command::OpenMotion {
                body: body.clone(),
                title: title.clone(),
                rule: rule.clone(),
                subject,
                meeting: meeting.clone(),
                large: *large,
                closes: closes
                    .as_deref()
                    .map(|text| crate::parse_date(text, "--closes"))
                    .transpose()?,
            })
        }
        MotionCommand::Consult { motion, group, summary } => Command::Consult(command::Consult {
            motion: motion.clone(),
            group: group.clone(),
            summary: summary.clone(),
        }),
        MotionCommand::FinalSay {
            motion,
            decision,
            reason,
        } => Command::FinalSay(command::FinalSay {
            motion: motion.clone(),
            decision: choice(decision)?,
            reason: reason.clone(),
        }),
        MotionCommand::Vote {
            motion,
            choice: text,
            on_behalf_of,
            capacity,
        } => Command::Vote(command::Vote {
            motion: motion.clone(),
            choice: choice(text)?,
            on_behalf_of: on_behalf_of.clone(),
            capacity: capacity.clone(),
        }),
        MotionCommand::Close { motion, casting_vote } => Command::CloseMotion(command::CloseMotion {
            motion: motion.clone(),
            casting_vote: casting_vote.as_deref().map(choice).transpose()?,
        }),
    };
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}

pub async fn election(command: &ElectionCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    if let ElectionCommand::VerifyReceipt { election, receipt } = command {
        let election = record
            .state
            .elections
            .get(election)
            .ok_or_else(|| anyhow!("there is no election {election:?}"))?;
        if election.phase != Phase::Closed {
            bail!(
                "election {} is not closed: its tally sheet is published when it closes",
                election.id
            );
        }
        let receipt = receipt.trim().to_ascii_lowercase();
        return match election.tally_sheet.iter().find(|line| line.receipt == receipt) {
            Some(line) => {
                let ranking: Vec<String> = line.ranking.iter().map(|tier| tier.join("=")).collect();
                Ok(format!(
                    "receipt {receipt} is on the tally sheet of {}: {}\n",
                    election.id,
                    ranking.join(">")
                ))
            }
            None => bail!(
                "receipt {receipt} is NOT on the tally sheet of {}: report this to the election officers",
                election.id
            ),
        };
    }
    let context = context(actor, &record.state)?;
    if let ElectionCommand::Roll {
        repos,
        contributions,
        from,
        merges,
    } = command
    {
        if !record.state.recorded {
            bail!("{}", crate::say("cli-no-registry", &[("db", &actor.db)]));
        }
        let polity = &record.state.polity;
        let rule = polity.constitution.active_member.ok_or_else(|| {
            anyhow!("the constitution has no `active-member` rule (E2): add `active-member: {{ contributions: N, within: PERIOD }}`")
        })?;
        let at = context.on;
        let options = polity_contrib::IngestOptions {
            from: from.clone(),
            merges: *merges,
            since: Some(rule.within.before(at)),
            ..polity_contrib::IngestOptions::default()
        };
        let mut found = Vec::new();
        let mut sources = Vec::new();
        for repo in repos {
            found.extend(polity_contrib::ingest(repo, &options)?);
            sources.push(repo.display().to_string());
        }
        if let Some(path) = contributions {
            found.extend(crate::stats::outside_git(polity, Some(path))?);
            sources.push(path.display().to_string());
        }
        if sources.is_empty() {
            bail!("{}", crate::say("cli-roll-no-contributions", &[]));
        }
        let patterns = polity_contrib::bot_patterns(polity);
        let roll = polity_contrib::electorate(polity, &found, rule, at, &patterns);
        let command = Command::RecordRoll(command::RecordRoll {
            from: roll.from,
            rule: format!("at least {} contributions within {}", rule.contributions, rule.within),
            members: roll.active().into_iter().map(str::to_owned).collect(),
            sources,
        });
        let events = record.act(&command, &context, None).await?;
        return Ok(describe(&events, &record.state.polity));
    }
    let (command, ballot, receipt) = match command {
        ElectionCommand::Open {
            body,
            seat,
            seats,
            stagger,
        } => (
            Command::OpenElection(command::OpenElection {
                body: body.clone(),
                seat: Seat::parse(seat)
                    .ok_or_else(|| anyhow!("{seat:?} is not a seat: member, chair, co-chair, tech-lead or ptl"))?,
                seats: *seats,
                stagger: *stagger,
            }),
            None,
            None,
        ),
        ElectionCommand::Nominate { election, candidate } => (
            Command::Nominate(command::Nominate {
                election: election.clone(),
                candidate: candidate.clone(),
            }),
            None,
            None,
        ),
        ElectionCommand::Consent { election } => (
            Command::Consent(command::Consent {
                election: election.clone(),
            }),
            None,
            None,
        ),
        ElectionCommand::Withdraw { election } => (
            Command::Withdraw(command::Withdraw {
                election: election.clone(),
            }),
            None,
            None,
        ),
        ElectionCommand::Statement { election, text } => (
            Command::PublishStatement(command::PublishStatement {
                election: election.clone(),
                statement: text.clone(),
            }),
            None,
            None,
        ),
        ElectionCommand::CloseNominations { election } => (
            Command::CloseNominations(command::CloseNominations {
                election: election.clone(),
            }),
            None,
            None,
        ),
        ElectionCommand::Vote {
            election,
            rank,
            abstain,
            replace,
        } => {
            let ranking = rank.as_deref().map(polity_engine::parse_ranking).unwrap_or_default();
            let (command, ballot) = polity_server::live::new_ballot(election, ranking, *abstain, replace.as_deref())
                .map_err(|error| anyhow!("no randomness for a ballot key: {error}"))?;
            let keys = match &command {
                Command::CastBallot(command::CastBallot { key, .. }) => Some((ballot.receipt.clone(), key.clone())),
                _ => None,
            };
            (command, Some(ballot), keys)
        }
        ElectionCommand::Close { election } => {
            let mut ballots = Vec::new();
            for (receipt, content) in record.store.ballots(election).await? {
                let ranking: Vec<Vec<String>> =
                    serde_json::from_str(&content).with_context(|| format!("ballot {receipt} cannot be read"))?;
                ballots.push((receipt, ranking));
            }
            (
                Command::CloseElection(command::CloseElection {
                    election: election.clone(),
                    ballots,
                }),
                None,
                None,
            )
        }
        ElectionCommand::VerifyReceipt { .. } | ElectionCommand::Roll { .. } => unreachable!("handled above"),
    };
    // Who stood before nominations close, to say who was dropped.
    let nominees: Vec<(String, bool)> = match &command {
        Command::CloseNominations(close) => record
            .state
            .elections
            .get(&close.election)
            .map(|election| {
                election
                    .nominees
                    .iter()
                    .filter(|(_, nominee)| !nominee.withdrawn)
                    .map(|(person, nominee)| (person.clone(), nominee.consented))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let events = record.act(&command, &context, ballot).await?;
    let mut out = describe(&events, &record.state.polity);
    for event in &events {
        if let Event::NominationsClosed {
            election, candidates, ..
        } = event
        {
            let dropped: Vec<String> = nominees
                .iter()
                .filter(|(person, _)| !candidates.contains(person))
                .map(|(person, _)| crate::say("cli-not-consented", &[("person", person)]))
                .collect();
            let ballot = if candidates.is_empty() {
                crate::say("cli-nobody", &[])
            } else {
                candidates.join(", ")
            };
            let mut line = crate::say(
                "cli-nominations-closed",
                &[("election", election), ("candidates", &ballot)],
            );
            if !dropped.is_empty() {
                line.push_str(&crate::say("cli-dropped", &[("dropped", &dropped.join(", "))]));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if let Some((receipt, key)) = receipt {
        let _ = writeln!(out, "{}", crate::say("cli-receipt", &[("receipt", &receipt)]));
        let _ = writeln!(out, "{}", crate::say("cli-ballot-key", &[("key", &key)]));
    }
    Ok(out)
}

pub async fn meeting(command: &MeetingCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let command = match command {
        MeetingCommand::Schedule { body, on } => Command::ScheduleMeeting(command::ScheduleMeeting {
            body: body.clone(),
            on: crate::parse_date(on, "--on")?,
        }),
        MeetingCommand::Agenda { meeting, item } => Command::AddAgendaItem(command::AddAgendaItem {
            meeting: meeting.clone(),
            item: item.clone(),
        }),
        MeetingCommand::Request { meeting, item } => Command::RequestAgendaItem(command::RequestAgendaItem {
            meeting: meeting.clone(),
            item: item.clone(),
        }),
        MeetingCommand::Accept { meeting, request } => Command::AcceptAgendaRequest(command::AcceptAgendaRequest {
            meeting: meeting.clone(),
            request: *request,
        }),
        MeetingCommand::Proxy { meeting, holder } => Command::DeclareProxy(command::DeclareProxy {
            meeting: meeting.clone(),
            holder: holder.clone(),
        }),
        MeetingCommand::Attendance { meeting, present } => Command::RecordAttendance(command::RecordAttendance {
            meeting: meeting.clone(),
            present: present
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
                .collect(),
        }),
        MeetingCommand::Minutes { meeting, link } => Command::PublishMinutes(command::PublishMinutes {
            meeting: meeting.clone(),
            link: link.clone(),
        }),
    };
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}

pub async fn proposal(command: &ProposalCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let command = match command {
        ProposalCommand::Open { body, title, until } => Command::Propose(command::Propose {
            body: body.clone(),
            title: title.clone(),
            deadline: crate::parse_date(until, "--until")?,
        }),
        ProposalCommand::Object { proposal, reason } => Command::Object(command::Object {
            proposal: proposal.clone(),
            reason: reason.clone(),
        }),
        ProposalCommand::Conclude { proposal } => Command::ConcludeProposal(command::ConcludeProposal {
            proposal: proposal.clone(),
        }),
    };
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}

pub async fn liaison(command: &LiaisonCommand, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let command = match command {
        LiaisonCommand::Volunteer { body, area } => Command::VolunteerLiaison(command::VolunteerLiaison {
            body: body.clone(),
            area: area.clone(),
        }),
        LiaisonCommand::Choose { body, area, person } => Command::ChooseLiaison(command::ChooseLiaison {
            body: body.clone(),
            area: area.clone(),
            person: person.clone(),
        }),
        LiaisonCommand::SignOff { body, area, subject } => Command::SignOff(command::SignOff {
            body: body.clone(),
            area: area.clone(),
            subject: subject.clone(),
        }),
    };
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}

/// D11 and S4: an intervention of the overseeing body, and a working group's dissolution.
pub async fn simple(command: Command, actor: &Actor) -> Result<String> {
    let mut record = Record::open_as(actor).await?;
    let context = context(actor, &record.state)?;
    let events = record.act(&command, &context, None).await?;
    Ok(describe(&events, &record.state.polity))
}
