//! The motion and meeting pages (the meeting's acts are offered by dry runs too). A motion's page offers each signed-in person only the acts
//! `decide` would accept now (a dry run on the live state): the vote to those who may vote, the
//! close to the officer who opened it, the final say and the overseer's stop to those who hold
//! them; an expected act that is refused (a member's vote, the opener's close) says why instead.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use polity_engine::{Command, Meeting, Motion, command};
use tower_sessions::Session;

use super::election::Refusal;
use super::rules::filters;
use super::{Page, respond, show, title};
use crate::App;
use crate::api::process;
use crate::auth::Caller;
use crate::views::{self, RunningTally};

#[derive(Template)]
#[template(path = "motion.html")]
struct MotionPage {
    page: Page,
    motion: Motion,
    tally: RunningTally,
    votes: Vec<(String, String, String, String)>,
    explanation: Vec<String>,
    offers: MotionOffers,
}

/// What the signed-in person may do on an open motion, as `decide` answers now.
#[derive(Debug, Default)]
struct MotionOffers {
    /// Whether the person may vote; `vote_refused` says why not when they may not.
    vote: bool,
    vote_refused: Option<Refusal>,
    final_say: bool,
    stop: bool,
    /// Whether the person may close the vote; `close_refused` says why not, to its opener.
    close: bool,
    close_refused: Option<Refusal>,
}

/// Dry runs of the motion's acts for `person` at `now`.
fn motion_offers(
    state: &polity_engine::State,
    motion: &Motion,
    person: &str,
    now: jiff::civil::DateTime,
) -> MotionOffers {
    let dry_run = |command: Command| super::dry_run(state, person, now, command);
    let vote = dry_run(Command::Vote(command::Vote {
        motion: motion.id.clone(),
        choice: polity_count::motion::Choice::Yes,
        on_behalf_of: None,
        capacity: None,
    }));
    let close = dry_run(Command::CloseMotion(command::CloseMotion {
        motion: motion.id.clone(),
        casting_vote: None,
    }));
    let final_say = dry_run(Command::FinalSay(command::FinalSay {
        motion: motion.id.clone(),
        decision: polity_count::motion::Choice::Yes,
        reason: "a dry run".to_owned(),
    }));
    let stop = dry_run(Command::Intervene(command::Intervene {
        target: motion.id.clone(),
        reason: "a dry run".to_owned(),
    }));
    MotionOffers {
        vote: vote.is_ok(),
        vote_refused: vote.err().map(Refusal::from),
        final_say: final_say.is_ok(),
        stop: stop.is_ok(),
        close: close.is_ok(),
        close_refused: close.err().filter(|_| motion.opened_by == person).map(Refusal::from),
    }
}

pub(super) async fn motion(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path((body, n)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = format!("{body}/{n}");
        let (motion, offers) = {
            let live = app.record.live.read().await;
            let motion = process(&live.state.motions, "motion", &id)?.clone();
            let offers = match caller.person() {
                Some(person) if motion.outcome.is_none() => motion_offers(&live.state, &motion, person, app.now()),
                _ => MotionOffers::default(),
            };
            (motion, offers)
        };
        let explanation = motion.explanation.clone();
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "motion-title", &[("id", &id)]).await,
            |page| MotionPage {
                page,
                tally: views::running_tally(&motion),
                votes: motion
                    .votes
                    .iter()
                    .map(|(member, (choice, by, capacity))| {
                        (
                            member.clone(),
                            format!("choice-{choice}"),
                            by.clone().unwrap_or_default(),
                            capacity.clone().unwrap_or_default(),
                        )
                    })
                    .collect(),
                explanation,
                motion,
                offers,
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    page: Page,
    meeting: Meeting,
    members: Vec<String>,
    /// The minutes' link when it is a web link (a record from before links were checked may
    /// hold another: it is shown as text, never as a link).
    minutes_link: bool,
    offers: MeetingOffers,
}

/// What the signed-in person may do at a meeting now, as dry runs of `decide` answer.
#[derive(Debug, Default)]
struct MeetingOffers {
    agenda: bool,
    request: bool,
    accept: bool,
    proxy: bool,
    attendance: bool,
    minutes: bool,
    /// The acts not offered, each with why: (the act's message id, the refusal).
    refused: Vec<(&'static str, Refusal)>,
}

/// Dry runs of the meeting's acts for `person` at `now`.
fn meeting_offers(
    state: &polity_engine::State,
    meeting: &Meeting,
    members: &[String],
    person: &str,
    now: jiff::civil::DateTime,
) -> MeetingOffers {
    let mut refused = Vec::new();
    let mut check = |key: &'static str, command: Command| match super::dry_run(state, person, now, command) {
        Ok(()) => true,
        Err(rejection) => {
            refused.push((key, Refusal::from(rejection)));
            false
        }
    };
    let id = meeting.id.clone();
    let agenda = check(
        "meeting-add",
        Command::AddAgendaItem(command::AddAgendaItem {
            meeting: id.clone(),
            item: "a dry run".to_owned(),
        }),
    );
    let request = check(
        "meeting-request",
        Command::RequestAgendaItem(command::RequestAgendaItem {
            meeting: id.clone(),
            item: "a dry run".to_owned(),
        }),
    );
    let accept = match meeting.requests.iter().position(|(_, _, accepted)| !accepted) {
        Some(index) => check(
            "meeting-accept",
            Command::AcceptAgendaRequest(command::AcceptAgendaRequest {
                meeting: id.clone(),
                request: index + 1,
            }),
        ),
        None => false,
    };
    let proxy = match members.iter().find(|member| *member != person) {
        Some(holder) => check(
            "meeting-name-proxy",
            Command::DeclareProxy(command::DeclareProxy {
                meeting: id.clone(),
                holder: holder.clone(),
            }),
        ),
        None => false,
    };
    let attendance = check(
        "meeting-record-attendance",
        Command::RecordAttendance(command::RecordAttendance {
            meeting: id.clone(),
            present: members.to_vec(),
        }),
    );
    let minutes = check(
        "meeting-publish-minutes",
        Command::PublishMinutes(command::PublishMinutes {
            meeting: id,
            link: "https://example.org/minutes".to_owned(),
        }),
    );
    MeetingOffers {
        agenda,
        request,
        accept,
        proxy,
        attendance,
        minutes,
        refused,
    }
}

pub(super) async fn meeting(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path((body, n)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id = format!("{body}/{n}");
        let (meeting, members, offers) = {
            let live = app.record.live.read().await;
            let meeting = process(&live.state.meetings, "meeting", &id)?.clone();
            let members = live
                .state
                .polity
                .body(&meeting.body)
                .map(|body| polity_engine::voting_members(&live.state.polity, body, app.today()))
                .unwrap_or_default()
                .into_iter()
                .collect::<Vec<String>>();
            let offers = caller
                .person()
                .map(|person| meeting_offers(&live.state, &meeting, &members, person, app.now()))
                .unwrap_or_default();
            (meeting, members, offers)
        };
        let minutes_link = meeting.minutes.as_deref().is_some_and(polity_model::is_web_link);
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "meeting-title", &[("id", &id)]).await,
            |page| MeetingPage {
                page,
                meeting,
                members,
                minutes_link,
                offers,
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}
