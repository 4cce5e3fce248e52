//! What polity owes people. [`owed`] derives every notice due as of a date from the record's state
//! (elections, motions, meetings) and the registry's obligations (reports, terms); each notice
//! has a stable key, so that writing it to an outbox twice (a restart, a second server) sends it
//! once. [`words`] says an act in words, for feeds and webhooks.
//!
//! Architecture invariant: pure (no I/O, no clock): the same state, date and options give the same
//! notices, byte for byte. No notice carries a ballot's content or its receipt.

pub mod ical;
pub mod subscriptions;
mod text;
pub mod words;

use std::collections::BTreeSet;

use jiff::ToSpan as _;
use jiff::civil::Date;
use polity_engine::{Phase, State};
use polity_model::{Lang, NoticeKind, ObligationKind, Period, PeriodUnit, Seat};
use serde::Serialize;

/// A message polity owes one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Stable across runs and servers: `kind/what/person`.
    pub key: String,
    #[serde(serialize_with = "kind_name")]
    pub kind: NoticeKind,
    /// The registry person.
    pub person: String,
    /// Their first e-mail address; `None`: they have none and cannot be told by mail.
    pub address: Option<String>,
    #[serde(serialize_with = "lang_tag")]
    pub lang: Lang,
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn kind_name<S: serde::Serializer>(kind: &NoticeKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.name())
}

fn lang_tag<S: serde::Serializer>(lang: &Lang, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(lang.tag())
}

/// When notices are due.
#[derive(Clone, Debug)]
pub struct Options {
    /// The server's public address, for links (`https://governance.example.org`); without one,
    /// links are paths.
    pub base_url: Option<String>,
    /// A reminder goes to voters who have not voted this many days before voting closes.
    pub reminder_days: i32,
    /// Reports and terms are announced this many days ahead.
    pub notice_days: i32,
    /// Results and minutes are sent up to this many days after the fact (so that turning
    /// notifications on does not mail a community its whole history).
    pub fresh_days: i32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            base_url: None,
            reminder_days: 3,
            notice_days: 14,
            fresh_days: 14,
        }
    }
}

impl Options {
    fn link(&self, path: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{}{path}", base.trim_end_matches('/')),
            None => path.to_owned(),
        }
    }
}

/// Every notice owed as of `at`, sorted by key. A person who muted a kind (never a required one)
/// or is a bot gets none of it; a person without an address is still listed (`address: None`)
/// so that a dry run shows who cannot be reached.
pub fn owed(state: &State, at: Date, options: &Options) -> Vec<Notice> {
    let mut out = Owed {
        state,
        options,
        notices: Vec::new(),
    };
    out.elections(at);
    out.motions(at);
    out.proposals(at);
    out.meetings(at);
    out.obligations(at);
    out.terms(at);
    let mut notices = out.notices;
    notices.sort_by(|a, b| a.key.cmp(&b.key));
    notices.dedup_by(|a, b| a.key == b.key);
    notices
}

struct Owed<'a> {
    state: &'a State,
    options: &'a Options,
    notices: Vec<Notice>,
}

/// What a message says, before it is put in a person's language.
pub(crate) enum What<'a> {
    NominationsOpen {
        election: &'a polity_engine::Election,
    },
    VotingOpen {
        election: &'a polity_engine::Election,
    },
    VotingReminder {
        election: &'a polity_engine::Election,
    },
    ElectionResult {
        election: &'a polity_engine::Election,
    },
    ReportDue {
        body: &'a str,
        date: Date,
        summary: &'a str,
    },
    ReportOverdue {
        body: &'a str,
        date: Date,
        summary: &'a str,
    },
    TermEnding {
        body: &'a str,
        seat: Seat,
        until: Date,
    },
    MeetingAnnounced {
        meeting: &'a polity_engine::Meeting,
    },
    MinutesPublished {
        meeting: &'a polity_engine::Meeting,
        link: &'a str,
    },
    MotionAwaitingVote {
        motion: &'a polity_engine::Motion,
    },
    ProposalOpen {
        proposal: &'a polity_engine::LazyProposal,
    },
}

impl<'a> Owed<'a> {
    fn add(&mut self, kind: NoticeKind, what: &str, people: impl IntoIterator<Item = String>, message: What<'_>) {
        for person_id in people {
            let Some(person) = self.state.polity.person(&person_id) else {
                continue;
            };
            if person.bot || person.muted.contains(&kind) {
                continue;
            }
            let rendered = text::render(&self.state.polity, self.options, person, &message);
            self.notices.push(Notice {
                key: format!("{}/{what}/{}", kind.name(), person.id),
                kind,
                person: person.id.clone(),
                address: person.emails.first().cloned(),
                lang: person.lang,
                subject: rendered.subject,
                text: rendered.text,
                html: rendered.html,
            });
        }
    }

    /// Whether a window closing on `close` is still open on the date `at` (notices are
    /// computed per day): before its date, or on it when deadlines fall later than midnight.
    fn open_on(&self, at: Date, close: Date) -> bool {
        at < close || (at == close && self.state.polity.constitution.deadline_time != jiff::civil::Time::midnight())
    }

    fn elections(&mut self, at: Date) {
        let fresh = self.options.fresh_days;
        for election in self.state.elections.values() {
            match election.phase {
                Phase::Nominating if self.open_on(at, election.nominations_close) => {
                    let people = self.state.election_nominators(election, at);
                    self.add(
                        NoticeKind::NominationsOpen,
                        &election.id,
                        people,
                        What::NominationsOpen { election },
                    );
                }
                Phase::Voting if self.open_on(at, election.voting_close) => {
                    let voters = self.state.election_voters(election, at);
                    self.add(
                        NoticeKind::VotingOpen,
                        &election.id,
                        voters.clone(),
                        What::VotingOpen { election },
                    );
                    let remind_from = election.voting_close.saturating_sub(self.options.reminder_days.days());
                    if at >= remind_from {
                        let waiting = voters.into_iter().filter(|voter| !election.voted.contains(voter));
                        self.add(
                            NoticeKind::VotingReminder,
                            &election.id,
                            waiting,
                            What::VotingReminder { election },
                        );
                    }
                }
                Phase::Closed if at <= election.voting_close.saturating_add(fresh.days()) => {
                    let mut people = self.state.election_voters(election, at);
                    people.extend(election.candidates.iter().cloned());
                    self.add(
                        NoticeKind::ElectionResult,
                        &election.id,
                        people,
                        What::ElectionResult { election },
                    );
                }
                _ => {}
            }
        }
    }

    fn motions(&mut self, at: Date) {
        for motion in self.state.motions.values().filter(|motion| motion.outcome.is_none()) {
            let waiting: BTreeSet<String> = self
                .state
                .motion_voters(motion, at)
                .into_iter()
                .filter(|voter| !motion.votes.contains_key(voter))
                .collect();
            self.add(
                NoticeKind::MotionAwaitingVote,
                &format!("{}/round-{}", motion.id, motion.round),
                waiting,
                What::MotionAwaitingVote { motion },
            );
        }
    }

    /// D7: an open proposal, to the members of its body, while objections are possible.
    fn proposals(&mut self, at: Date) {
        for proposal in self.state.proposals.values() {
            if proposal.accepted
                || proposal.stopped
                || proposal.objected.is_some()
                || !self.open_on(at, proposal.deadline)
            {
                continue;
            }
            let Some(body) = self.state.polity.body(&proposal.body) else {
                continue;
            };
            let members = polity_engine::voting_members(&self.state.polity, body, at);
            self.add(
                NoticeKind::ProposalOpen,
                &proposal.id,
                members,
                What::ProposalOpen { proposal },
            );
        }
    }

    fn meetings(&mut self, at: Date) {
        for meeting in self.state.meetings.values() {
            let Some(body) = self.state.polity.body(&meeting.body) else {
                continue;
            };
            let members = polity_engine::voting_members(&self.state.polity, body, at);
            if meeting.on >= at && meeting.minutes.is_none() {
                self.add(
                    NoticeKind::MeetingAnnounced,
                    &meeting.id,
                    members.clone(),
                    What::MeetingAnnounced { meeting },
                );
            }
            if let Some(link) = &meeting.minutes
                && at <= meeting.on.saturating_add(self.options.fresh_days.days())
            {
                self.add(
                    NoticeKind::MinutesPublished,
                    &meeting.id,
                    members,
                    What::MinutesPublished { meeting, link },
                );
            }
        }
    }

    /// L8 and L5: reports due within the notice period, and overdue ones, to the body's leads.
    fn obligations(&mut self, at: Date) {
        let within = Period::new(self.options.notice_days.max(0) as u32, PeriodUnit::Days);
        for obligation in polity_model::due(&self.state.polity, at, within) {
            if obligation.kind != ObligationKind::ReportDue {
                continue;
            }
            let Some(body) = self.state.polity.body(&obligation.body) else {
                continue;
            };
            let leads = polity_model::check::seat_holders(
                body,
                &[Seat::Chair, Seat::CoChair, Seat::TechLead, Seat::Ptl],
                &self.state.polity,
                at,
            );
            let what = format!("{}/{}", obligation.body, obligation.date);
            if obligation.overdue {
                self.add(
                    NoticeKind::ReportOverdue,
                    &what,
                    leads,
                    What::ReportOverdue {
                        body: &obligation.body,
                        date: obligation.date,
                        summary: &obligation.summary,
                    },
                );
            } else {
                self.add(
                    NoticeKind::ReportDue,
                    &what,
                    leads,
                    What::ReportDue {
                        body: &obligation.body,
                        date: obligation.date,
                        summary: &obligation.summary,
                    },
                );
            }
        }
    }

    /// Terms ending within the notice period, to their holders.
    fn terms(&mut self, at: Date) {
        let horizon = at.saturating_add(self.options.notice_days.days());
        for body in self.state.polity.bodies.iter().filter(|body| body.is_live_on(at)) {
            for holding in &body.holders {
                let Some(until) = holding.until else { continue };
                if until <= at || until > horizon {
                    continue;
                }
                let Some(person) = self.state.polity.person(&holding.person.text) else {
                    continue;
                };
                let what = format!("{}/{}/{until}", body.id, holding.seat.as_str());
                self.add(
                    NoticeKind::TermEnding,
                    &what,
                    [person.id.clone()],
                    What::TermEnding {
                        body: &body.id,
                        seat: holding.seat,
                        until,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
