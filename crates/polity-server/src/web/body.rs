//! A body's page: its seats, liaisons, charter, obligations, contribution health and processes,
//! and the acts the signed-in person may take there: each form is offered only when a dry run of
//! `decide` accepts its act now (an election only for the seats that can be opened), and the acts
//! refused are listed with their rule and reason.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use polity_engine::{Command, command};
use polity_model::Seat;
use tower_sessions::Session;

use super::election::Refusal;
use super::rules::filters;
use super::{Page, respond, show};
use crate::App;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::views::{self, BodyView};

#[derive(Template)]
#[template(path = "body.html")]
struct BodyPage {
    page: Page,
    body: BodyView,
    health: Option<HealthSection>,
    offers: BodyOffers,
}

/// What the signed-in person may do in a body now, as dry runs of `decide` answer.
#[derive(Debug, Default)]
struct BodyOffers {
    /// The seats an election may be opened for.
    seats: Vec<&'static str>,
    motion: bool,
    meeting: bool,
    propose: bool,
    dissolve: bool,
    report: bool,
    /// The liaison areas the person may volunteer for, and sign off in.
    volunteer: Vec<String>,
    sign_off: Vec<String>,
    /// The acts not offered, each with why: (the act's message id, the refusal).
    refused: Vec<(&'static str, Refusal)>,
}

/// Dry runs of the body's acts for `person` on `on`.
fn body_offers(state: &polity_engine::State, view: &BodyView, person: &str, on: jiff::civil::Date) -> BodyOffers {
    let dry_run = |command: Command| super::dry_run(state, person, on, command);
    let body = view.id.clone();
    let mut offers = BodyOffers::default();
    let mut election_refusal = None;
    for seat in Seat::ALL {
        match dry_run(Command::OpenElection(command::OpenElection {
            body: body.clone(),
            seat,
            seats: 1,
            stagger: false,
        })) {
            Ok(()) => offers.seats.push(seat.as_str()),
            Err(rejection) => {
                election_refusal.get_or_insert(rejection);
            }
        }
    }
    if offers.seats.is_empty()
        && let Some(rejection) = election_refusal
    {
        offers.refused.push(("body-open-election", rejection.into()));
    }
    let week = on.checked_add(jiff::ToSpan::days(7)).unwrap_or(on);
    let fortnight = on.checked_add(jiff::ToSpan::days(14)).unwrap_or(on);
    let mut check = |key: &'static str, command: Command| match dry_run(command) {
        Ok(()) => true,
        Err(rejection) => {
            offers.refused.push((key, rejection.into()));
            false
        }
    };
    let motion = check("body-open-motion", Command::motion(&body, "a dry run"));
    let meeting = check(
        "body-schedule",
        Command::ScheduleMeeting(command::ScheduleMeeting {
            body: body.clone(),
            on: week,
        }),
    );
    let propose = check(
        "body-propose",
        Command::Propose(command::Propose {
            body: body.clone(),
            title: "a dry run".to_owned(),
            deadline: fortnight,
        }),
    );
    let report = check(
        "body-report",
        Command::SubmitReport(command::SubmitReport {
            body: body.clone(),
            report: polity_model::ReportKind::Quarterly,
            link: Some("https://example.org/report".to_owned()),
        }),
    );
    let dissolve = view.kind == "working-group"
        && check(
            "body-dissolve",
            Command::DissolveWorkingGroup(command::DissolveWorkingGroup { body: body.clone() }),
        );
    let areas = view
        .liaisons
        .iter()
        .map(|(area, _)| area.clone())
        .chain(view.liaison_gaps.iter().cloned());
    for area in areas {
        if dry_run(Command::VolunteerLiaison(command::VolunteerLiaison {
            body: body.clone(),
            area: area.clone(),
        }))
        .is_ok()
        {
            offers.volunteer.push(area.clone());
        }
        if dry_run(Command::SignOff(command::SignOff {
            body: body.clone(),
            area: area.clone(),
            subject: "a dry run".to_owned(),
        }))
        .is_ok()
        {
            offers.sign_off.push(area);
        }
    }
    BodyOffers {
        motion,
        meeting,
        propose,
        report,
        dissolve,
        ..offers
    }
}

/// C3: a body's contribution health, when the server was given its repositories.
struct HealthSection {
    /// The chart, inline (made by polity_contrib::health_svg, every text in it escaped).
    svg: Option<String>,
    /// The figures beside it, in words.
    figures: Vec<(&'static str, String)>,
    /// Why there is no chart yet (being read, or reading failed).
    note: Option<String>,
}

/// The health figures and chart of `body` as of `on`, from the history the server was given.
fn health_section(app: &App, state: &polity_engine::State, body: &str, on: jiff::civil::Date) -> Option<HealthSection> {
    let history = app.histories.read().ok()?.get(body).cloned()?;
    let contributions = match history {
        crate::History::Reading => {
            return Some(HealthSection {
                svg: None,
                figures: Vec::new(),
                note: Some("The repositories' history is being read; reload the page in a minute.".to_owned()),
            });
        }
        crate::History::Failed(why) => {
            return Some(HealthSection {
                svg: None,
                figures: Vec::new(),
                note: Some(format!("The repositories' history could not be read: {why}")),
            });
        }
        crate::History::Read(contributions) => contributions,
    };
    let polity = &state.polity;
    let figures = polity_contrib::health(polity, &contributions, on, &polity_contrib::bot_patterns(polity));
    let name = polity.body(body).map_or(body, |found| found.name.as_str());
    let svg = polity_contrib::health_svg(name, &figures, &|id| {
        polity
            .organisation(id)
            .map_or_else(|| id.to_owned(), |organisation| organisation.name.clone())
    });
    let share = |part: u64| {
        if figures.contributions_365 == 0 {
            "none".to_owned()
        } else {
            format!(
                "{part} of {} ({} %)",
                figures.contributions_365,
                part * 100 / figures.contributions_365
            )
        }
    };
    let known = figures
        .organisations
        .iter()
        .filter(|(id, _)| id != polity_contrib::UNKNOWN)
        .count();
    Some(HealthSection {
        svg: Some(svg),
        figures: vec![
            (
                "Active contributors (30 / 90 / 365 days)",
                format!("{} / {} / {}", figures.active_30, figures.active_90, figures.active_365),
            ),
            ("Contributions (365 days)", figures.contributions_365.to_string()),
            (
                "Contributor absence factor: fewest people making half the work",
                figures.absence_factor.to_string(),
            ),
            (
                "Elephant factor: fewest organisations making half the work of known affiliation",
                if known == 0 {
                    "none (no contribution of known affiliation)".to_owned()
                } else {
                    figures.elephant_factor.to_string()
                },
            ),
            ("Organisations contributing", known.to_string()),
            ("Contributions of unknown affiliation", share(figures.unknown)),
        ],
        note: None,
    })
}

/// The health chart alone, as an SVG image (for a README or a slide).
pub(super) async fn health_chart(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let section = {
        let live = app.record.live.read().await;
        health_section(&app, &live.state, &id, app.today())
    };
    match section.and_then(|section| section.svg) {
        Some(svg) => ([(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            format!(
                "there is no contribution chart of {id:?}: the server shows one for a body whose repositories \
                 it was given (`polity serve --repo BODY=PATH`), once their history is read\n"
            ),
        )
            .into_response(),
    }
}

pub(super) async fn body(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let (view, health, offers) = {
            let live = app.record.live.read().await;
            let view = views::body(&live.state, &id, app.today())
                .ok_or_else(|| ApiError::not_found(format!("there is no body {id:?}")))?;
            let offers = caller
                .person()
                .map(|person| body_offers(&live.state, &view, person, app.today()))
                .unwrap_or_default();
            (view, health_section(&app, &live.state, &id, app.today()), offers)
        };
        show(&app, &session, &caller, view.name.clone(), |page| BodyPage {
            page,
            body: view,
            health,
            offers,
        })
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}
