//! `due`: every obligation coming up (or overdue) as of a date, in date order.

use crate::Words;
use crate::rules::RuleId;
use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::model::{Body, BodyKind, Period, Polity, Rotation, Seat};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObligationKind {
    NominationsOpen,
    VotingOpens,
    TermEnds,
    ReportDue,
    ReportWarning,
    ReportDissolution,
    CharterReview,
    TimetableEnds,
    Meeting,
}

impl ObligationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::NominationsOpen => "nominations-open",
            ObligationKind::VotingOpens => "voting-opens",
            ObligationKind::TermEnds => "term-ends",
            ObligationKind::ReportDue => "report-due",
            ObligationKind::ReportWarning => "report-warning",
            ObligationKind::ReportDissolution => "report-dissolution",
            ObligationKind::CharterReview => "charter-review",
            ObligationKind::TimetableEnds => "timetable-ends",
            ObligationKind::Meeting => "meeting",
        }
    }
}

/// Something a body must do, or that happens to it, on a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Obligation {
    pub date: Date,
    pub kind: ObligationKind,
    pub body: String,
    pub rule: RuleId,
    pub summary: String,
    /// The summary as a message of the catalogs, to say it in the reader's language.
    pub words: Words,
    /// Its date has passed and it is not done.
    pub overdue: bool,
}

/// Every obligation dated in `[at, at + within]`, and every earlier one still undone (overdue).
pub fn due(polity: &Polity, at: Date, within: Period) -> Vec<Obligation> {
    let horizon = within.after(at);
    let mut obligations = Vec::new();
    for body in polity.bodies.iter().filter(|body| body.is_live_on(at)) {
        terms_and_elections(polity, body, at, horizon, &mut obligations);
        reports(polity, body, at, horizon, &mut obligations);
        charter_review(polity, body, at, horizon, &mut obligations);
        timetable(body, at, horizon, &mut obligations);
        meetings(polity, body, at, horizon, &mut obligations);
    }
    obligations.retain(|obligation| obligation.overdue || (at <= obligation.date && obligation.date <= horizon));
    obligations.sort_by(|a, b| (a.date, &a.body, a.kind, &a.summary).cmp(&(b.date, &b.body, b.kind, &b.summary)));
    obligations
}

fn display_name(polity: &Polity, reference: &str) -> String {
    polity.person(reference).map_or_else(
        || reference.to_owned(),
        |person| format!("{} ({})", person.name, person.id),
    )
}

fn terms_and_elections(polity: &Polity, body: &Body, at: Date, horizon: Date, out: &mut Vec<Obligation>) {
    let member_windows = body
        .elections
        .as_ref()
        .map_or(polity.constitution.elections, |rule| rule.windows);
    let officer_windows = body
        .officer_elections
        .as_ref()
        .map_or(member_windows, |rule| rule.windows);
    // Group terms by (seat, end date): one election fills every seat whose term ends together.
    let mut ending: BTreeMap<(Seat, Date), Vec<String>> = BTreeMap::new();
    for holding in &body.holders {
        let Some(end) = holding.until else { continue };
        // A term that a later holding of the same person continues is no vacancy.
        let renewed = body
            .holders
            .iter()
            .any(|other| other.seat == holding.seat && other.person.text == holding.person.text && other.from == end);
        if end < at || end > horizon.saturating_add(jiff::Span::new().years(1)) || renewed {
            continue;
        }
        let name = display_name(polity, &holding.person.text);
        ending.entry((holding.seat, end)).or_default().push(name.clone());
        out.push(Obligation {
            date: end,
            kind: ObligationKind::TermEnds,
            body: body.id.clone(),
            rule: body.kind.seat_rule(holding.seat),
            summary: format!("{}: the {} term of {name} ends", body.id, holding.seat.as_str()),
            words: Words::new(
                "due-term-ends",
                &[
                    ("body", body.id.clone()),
                    ("seat", holding.seat.as_str().to_owned()),
                    ("name", name.clone()),
                ],
            ),
            overdue: false,
        });
    }
    for ((seat, end), people) in ending {
        let windows = if matches!(seat, Seat::Chair | Seat::CoChair) {
            officer_windows
        } else {
            member_windows
        };
        let voting_opens = windows.voting.before(end);
        let nominations_open = windows.nomination.before(voting_opens);
        let seats = people.len();
        let rule = body.kind.seat_rule(seat);
        out.push(Obligation {
            date: nominations_open,
            kind: ObligationKind::NominationsOpen,
            body: body.id.clone(),
            rule,
            summary: format!(
                "{}: nominations open for {seats} {} seat(s) ending {end} ({} window; now held by {})",
                body.id,
                seat.as_str(),
                windows.nomination,
                people.join(", ")
            ),
            words: Words::new(
                "due-nominations-open",
                &[
                    ("body", body.id.clone()),
                    ("seats", seats.to_string()),
                    ("seat", seat.as_str().to_owned()),
                    ("end", end.to_string()),
                    ("holders", people.join(", ")),
                    windows.nomination.words()[0].clone(),
                    windows.nomination.words()[1].clone(),
                ],
            ),
            overdue: false,
        });
        out.push(Obligation {
            date: voting_opens,
            kind: ObligationKind::VotingOpens,
            body: body.id.clone(),
            rule,
            summary: format!(
                "{}: voting opens for {seats} {} seat(s), closing by {end} ({} window)",
                body.id,
                seat.as_str(),
                windows.voting
            ),
            words: Words::new(
                "due-voting-opens",
                &[
                    ("body", body.id.clone()),
                    ("seats", seats.to_string()),
                    ("seat", seat.as_str().to_owned()),
                    ("end", end.to_string()),
                    windows.voting.words()[0].clone(),
                    windows.voting.words()[1].clone(),
                ],
            ),
            overdue: false,
        });
    }
}

fn reports(polity: &Polity, body: &Body, at: Date, horizon: Date, out: &mut Vec<Obligation>) {
    let Some(rule) = polity.constitution.reports else {
        return;
    };
    if body.kind != BodyKind::Sig {
        return;
    }
    let last_report = body.reports.iter().map(|report| report.on).filter(|on| *on <= at).max();
    let Some(since) = last_report.or_else(|| body.live_since(at)) else {
        return;
    };
    let next_due = rule.every.after(since);
    out.push(Obligation {
        date: next_due,
        kind: ObligationKind::ReportDue,
        body: body.id.clone(),
        rule: RuleId::L8,
        summary: format!(
            "{}: report due to the board and the TOC (every {})",
            body.id, rule.every
        ),
        words: Words::new(
            "due-report",
            &[
                ("body", body.id.clone()),
                rule.every.words()[0].clone(),
                rule.every.words()[1].clone(),
            ],
        ),
        overdue: next_due < at,
    });
    let warn = rule.warn_after.after(since);
    let dissolve = rule.dissolve_after.after(since);
    if warn <= horizon {
        out.push(Obligation {
            date: warn,
            kind: ObligationKind::ReportWarning,
            body: body.id.clone(),
            rule: RuleId::L5,
            summary: format!(
                "{}: {} without a report; the TOC may consider retiring it",
                body.id, rule.warn_after
            ),
            words: Words::new(
                "due-report-warning",
                &[
                    ("body", body.id.clone()),
                    rule.warn_after.words()[0].clone(),
                    rule.warn_after.words()[1].clone(),
                ],
            ),
            overdue: warn < at,
        });
    }
    if dissolve <= horizon {
        out.push(Obligation {
            date: dissolve,
            kind: ObligationKind::ReportDissolution,
            body: body.id.clone(),
            rule: RuleId::L5,
            summary: format!(
                "{}: {} without a report; it must be dissolved",
                body.id, rule.dissolve_after
            ),
            words: Words::new(
                "due-report-dissolve",
                &[
                    ("body", body.id.clone()),
                    rule.dissolve_after.words()[0].clone(),
                    rule.dissolve_after.words()[1].clone(),
                ],
            ),
            overdue: dissolve < at,
        });
    }
}

fn charter_review(polity: &Polity, body: &Body, at: Date, _horizon: Date, out: &mut Vec<Obligation>) {
    let Some(every) = polity.constitution.charter_review else {
        return;
    };
    if body.kind != BodyKind::Sig {
        return;
    }
    let Some(approved) = body.charter.as_ref().and_then(|charter| charter.approved) else {
        return;
    };
    let review = every.after(approved);
    out.push(Obligation {
        date: review,
        kind: ObligationKind::CharterReview,
        body: body.id.clone(),
        rule: RuleId::L4,
        summary: format!(
            "{}: the TOC reviews and approves its charter (last approved {approved})",
            body.id
        ),
        words: Words::new(
            "due-charter-review",
            &[("body", body.id.clone()), ("approved", approved.to_string())],
        ),
        overdue: review < at,
    });
}

fn timetable(body: &Body, at: Date, _horizon: Date, out: &mut Vec<Obligation>) {
    if body.kind != BodyKind::WorkingGroup {
        return;
    }
    let Some(end) = body.charter.as_ref().and_then(|charter| charter.timetable_end) else {
        return;
    };
    out.push(Obligation {
        date: end,
        kind: ObligationKind::TimetableEnds,
        body: body.id.clone(),
        rule: RuleId::S4,
        summary: format!(
            "{}: the working group's timetable ends; it is dissolved unless extended",
            body.id
        ),
        words: Words::new("due-timetable", &[("body", body.id.clone())]),
        overdue: end < at,
    });
}

/// Shifts `first` by `steps` periods, computed from `first` so month ends do not drift.
fn nth_occurrence(first: Date, every: Period, steps: u32) -> Date {
    Period::new(every.amount.saturating_mul(steps), every.unit).after(first)
}

fn meetings(polity: &Polity, body: &Body, at: Date, horizon: Date, out: &mut Vec<Obligation>) {
    let Some(meetings) = &body.meetings else { return };
    let Some(first) = meetings.first else { return };
    if meetings.every.amount == 0 {
        return;
    }
    // Occurrences are counted from the first meeting so the rotation is the same whatever `at` is.
    let mut step = 0u32;
    loop {
        let date = nth_occurrence(first, meetings.every, step);
        if date > horizon || step > 100_000 {
            break;
        }
        if date >= at {
            let chairs: Vec<&str> = body
                .holders
                .iter()
                .filter(|holding| matches!(holding.seat, Seat::Chair | Seat::CoChair) && holding.covers(date))
                .map(|holding| holding.person.text.as_str())
                .collect();
            let chair = if chairs.is_empty() {
                None
            } else {
                let turn = match meetings.rotation {
                    Rotation::EachMeeting => step as usize,
                    Rotation::Monthly => {
                        let months = (i32::from(date.year()) - i32::from(first.year())) * 12 + i32::from(date.month())
                            - i32::from(first.month());
                        usize::try_from(months).unwrap_or(0)
                    }
                    Rotation::None => 0,
                };
                Some(display_name(polity, chairs[turn % chairs.len()]))
            };
            let (summary, words) = match chair {
                Some(chair) => (
                    format!("{}: meeting, chaired by {chair}", body.id),
                    Words::new("due-meeting", &[("body", body.id.clone()), ("chair", chair)]),
                ),
                None => (
                    format!("{}: meeting, no chair in office: the seat is vacant", body.id),
                    Words::new("due-meeting-vacant", &[("body", body.id.clone())]),
                ),
            };
            out.push(Obligation {
                date,
                kind: ObligationKind::Meeting,
                body: body.id.clone(),
                rule: RuleId::E8,
                summary,
                words,
                overdue: false,
            });
        }
        step += 1;
    }
}
