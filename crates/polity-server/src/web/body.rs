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
use crate::i18n::{Lang, text};
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
    /// The liaison areas the person may choose a liaison for (E9, the PTL), with the volunteers
    /// `decide` would accept (id, name); an area nobody volunteered for yet has none.
    choose: Vec<(String, Vec<(String, String)>)>,
    /// Whether the person may record the roll of active members (E2), on an oversight body.
    roll: bool,
    /// Per open proposal of the body: may object, may conclude, may stop (D7, D11).
    proposal_acts: Vec<(String, ProposalActs)>,
    /// The acts not offered, each with why: (the act's message id, the refusal).
    refused: Vec<(&'static str, Refusal)>,
}

/// What the person may do with one open proposal.
#[derive(Debug, Default, Clone, Copy)]
struct ProposalActs {
    object: bool,
    conclude: bool,
    stop: bool,
}

impl BodyOffers {
    /// The acts on proposal `id` the person may take (none for a proposal not open).
    fn proposal(&self, id: &str) -> ProposalActs {
        self.proposal_acts
            .iter()
            .find(|(proposal, _)| proposal == id)
            .map(|(_, acts)| *acts)
            .unwrap_or_default()
    }
}

/// E9: for the PTL, the volunteers for `area` whom `decide` accepts as its liaison (id, name),
/// empty when nobody volunteered yet; `None` for anyone who does not choose.
fn choosable_liaisons(
    state: &polity_engine::State,
    body: &str,
    area: &str,
    person: &str,
    now: jiff::civil::DateTime,
) -> Option<Vec<(String, String)>> {
    let choose = |whom: &str| {
        super::dry_run(
            state,
            person,
            now,
            Command::ChooseLiaison(command::ChooseLiaison {
                body: body.to_owned(),
                area: area.to_owned(),
                person: whom.to_owned(),
            }),
        )
    };
    let volunteers = state.volunteers.get(&(body.to_owned(), area.to_owned()));
    let choosable: Vec<(String, String)> = volunteers
        .into_iter()
        .flatten()
        .filter(|volunteer| choose(volunteer).is_ok())
        .map(|volunteer| (volunteer.clone(), crate::views::who(state, volunteer).name))
        .collect();
    // With nobody to choose, a dry run of choosing oneself says whether the person is the one
    // who chooses (refused only for not having volunteered).
    let chooser = !choosable.is_empty()
        || choose(person)
            .err()
            .is_some_and(|refusal| refusal.words.is_some_and(|words| words.key == "did-not-volunteer"));
    chooser.then_some(choosable)
}

/// Dry runs of the body's acts for `person` at `now`.
fn body_offers(state: &polity_engine::State, view: &BodyView, person: &str, now: jiff::civil::DateTime) -> BodyOffers {
    let on = now.date();
    let dry_run = |command: Command| super::dry_run(state, person, now, command);
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
        if let Some(choosable) = choosable_liaisons(state, &body, &area, person, now) {
            offers.choose.push((area.clone(), choosable));
        }
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
    let roll = view.kind == "oversight-committee"
        && check(
            "body-roll",
            Command::RecordRoll(command::RecordRoll {
                from: on,
                rule: "a dry run".to_owned(),
                members: Vec::new(),
                sources: Vec::new(),
            }),
        );
    for link in view.proposals.iter().filter(|link| link.status.starts_with("open")) {
        let acts = ProposalActs {
            object: dry_run(Command::Object(command::Object {
                proposal: link.id.clone(),
                reason: "a dry run".to_owned(),
            }))
            .is_ok(),
            conclude: dry_run(Command::ConcludeProposal(command::ConcludeProposal {
                proposal: link.id.clone(),
            }))
            .is_ok(),
            stop: dry_run(Command::Intervene(command::Intervene {
                target: link.id.clone(),
                reason: "a dry run".to_owned(),
            }))
            .is_ok(),
        };
        offers.proposal_acts.push((link.id.clone(), acts));
    }
    BodyOffers {
        motion,
        meeting,
        propose,
        report,
        dissolve,
        roll,
        ..offers
    }
}

/// C3: a body's contribution health, when the server was given its repositories.
struct HealthSection {
    /// The chart, inline (made by polity_contrib::health_svg, every text in it escaped).
    svg: Option<String>,
    /// The figures beside it, in words of the page's language.
    figures: Vec<(String, String)>,
    /// Why there is no chart yet (being read, or reading failed).
    note: Option<String>,
}

/// The health figures and chart of `body` as of `on`, from the history the server was given,
/// in `lang`.
fn health_section(
    app: &App,
    state: &polity_engine::State,
    body: &str,
    on: jiff::civil::Date,
    lang: Lang,
) -> Option<HealthSection> {
    let history = app.histories.read().ok()?.get(body).cloned()?;
    let contributions = match history {
        crate::History::Reading => {
            return Some(HealthSection {
                svg: None,
                figures: Vec::new(),
                note: Some(text(lang, "health-reading", &[])),
            });
        }
        crate::History::Failed(why) => {
            return Some(HealthSection {
                svg: None,
                figures: Vec::new(),
                note: Some(text(lang, "health-failed", &[("why", &why)])),
            });
        }
        crate::History::Read(contributions) => contributions,
    };
    let polity = &state.polity;
    let figures = polity_contrib::health(polity, &contributions, on, &polity_contrib::bot_patterns(polity));
    let name = polity.body(body).map_or(body, |found| found.name.as_str());
    let svg = crate::i18n::health_svg(lang, name, &figures, &|id| {
        polity
            .organisation(id)
            .map_or_else(|| id.to_owned(), |organisation| organisation.name.clone())
    });
    let share = |part: u64| {
        if figures.contributions_365 == 0 {
            text(lang, "health-none", &[])
        } else {
            text(
                lang,
                "health-share",
                &[
                    ("part", &part.to_string()),
                    ("total", &figures.contributions_365.to_string()),
                    ("percent", &(part * 100 / figures.contributions_365).to_string()),
                ],
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
                text(lang, "health-active", &[]),
                format!("{} / {} / {}", figures.active_30, figures.active_90, figures.active_365),
            ),
            (
                text(lang, "health-contributions", &[]),
                figures.contributions_365.to_string(),
            ),
            (text(lang, "health-absence", &[]), figures.absence_factor.to_string()),
            (
                text(lang, "health-elephant", &[]),
                if known == 0 {
                    text(lang, "health-no-known", &[])
                } else {
                    figures.elephant_factor.to_string()
                },
            ),
            (text(lang, "health-organisations", &[]), known.to_string()),
            (text(lang, "health-unknown", &[]), share(figures.unknown)),
        ],
        note: None,
    })
}

/// The health chart alone, as an SVG image (for a README or a slide).
pub(super) async fn health_chart(State(app): State<Arc<App>>, caller: Caller, Path(id): Path<String>) -> Response {
    let lang = super::request_lang(&app, &caller).await;
    let section = {
        let live = app.record.live.read().await;
        health_section(&app, &live.state, &id, app.today(), lang)
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
        let (view, offers) = {
            let live = app.record.live.read().await;
            let view = views::body(&live.state, &id, app.today())
                .ok_or_else(|| ApiError::not_found(format!("there is no body {id:?}")))?;
            let offers = caller
                .person()
                .map(|person| body_offers(&live.state, &view, person, app.now()))
                .unwrap_or_default();
            (view, offers)
        };
        let lang = super::request_lang(&app, &caller).await;
        let health = {
            let live = app.record.live.read().await;
            health_section(&app, &live.state, &id, app.today(), lang)
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
