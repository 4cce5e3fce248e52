//! Every state-changing endpoint, as one table: its path, what it does, the request it takes and
//! how that request becomes a `polity_engine::Command`. The JSON API (`POST /api/…`), the web
//! forms (`POST /…`), the OpenAPI document and the authorisation matrix test are all built from
//! [`ROUTES`], so no act can be reachable one way and not checked the other.

use std::collections::HashMap;

use jiff::civil::Date;
use polity_count::motion::Choice;
use polity_engine::command;
use polity_engine::{Command, Subject};
use polity_model::{LifecycleState, ReportKind, Seat};
use serde::de::DeserializeOwned;
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, Schema};

use crate::error::ApiError;
use crate::live::Extra;

/// A request's body, as JSON (API) or as an HTML form (web).
mod requests;
pub use requests::*;

#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Json(&'a [u8]),
    Form(&'a [u8]),
}

/// The path's parameters (`body`, `n`, `area`, `request`).
#[derive(Clone, Debug, Default)]
pub struct Params(pub HashMap<String, String>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Params {
    type Rejection = std::convert::Infallible;

    /// The path's parameters; none for a path without any.
    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(
            axum::extract::Path::<HashMap<String, String>>::from_request_parts(parts, state)
                .await
                .map(|path| Params(path.0))
                .unwrap_or_default(),
        )
    }
}

impl Params {
    fn get(&self, name: &str) -> String {
        self.0.get(name).cloned().unwrap_or_default()
    }

    /// A process id: `{body}/{n}`, e.g. `tsc/e1`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.get("body"), self.get("n"))
    }
}

/// A decoded act: the command, what the store needs besides, and the page that shows its subject.
#[derive(Debug)]
pub struct Act {
    pub command: Command,
    pub extra: Extra,
    pub page: String,
}

type Build = fn(&Params, Input<'_>) -> Result<Act, ApiError>;
type SchemaOf = fn() -> (String, RefOr<Schema>);

/// One state-changing endpoint.
#[derive(Debug)]
pub struct Route {
    /// The OpenAPI operation id.
    pub name: &'static str,
    /// The path after `/api` (JSON) or after the site root (forms).
    pub path: &'static str,
    pub summary: &'static str,
    pub request: SchemaOf,
    pub build: Build,
}

fn parse<T: DeserializeOwned>(input: Input<'_>) -> Result<T, ApiError> {
    match input {
        Input::Json(bytes) => {
            let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
                b"{}"
            } else {
                bytes
            };
            serde_json::from_slice(bytes).map_err(|error| {
                ApiError::bad_request(
                    format!("the JSON body: {error}"),
                    "send the fields this endpoint takes (see /api/openapi.json)",
                )
            })
        }
        Input::Form(bytes) => serde_html_form::from_bytes(bytes)
            .map_err(|error| ApiError::bad_request(format!("the form: {error}"), "fill in the form's required fields")),
    }
}

fn schema<T: ToSchema>() -> (String, RefOr<Schema>) {
    (T::name().into_owned(), T::schema())
}

fn plain(command: Command, page: String) -> Result<Act, ApiError> {
    Ok(Act {
        command,
        extra: Extra::None,
        page,
    })
}

fn date(field: &str, text: &str) -> Result<Date, ApiError> {
    polity_model::parse_date(text).map_err(|why| {
        ApiError::bad_request(
            format!("{field} \u{201c}{text}\u{201d} is not a date: {why}"),
            "write it as 2026-06-01, 2026/06/01 or 2026年6月1日",
        )
    })
}

fn choice(field: &str, text: &str) -> Result<Choice, ApiError> {
    match text {
        "yes" => Ok(Choice::Yes),
        "no" => Ok(Choice::No),
        "abstain" => Ok(Choice::Abstain),
        other => Err(ApiError::bad_request(
            format!("{field} {other:?} is not a choice"),
            "write yes, no or abstain",
        )),
    }
}

fn seat(field: &str, text: &str) -> Result<Seat, ApiError> {
    Seat::parse(text).ok_or_else(|| {
        ApiError::bad_request(
            format!("{field} {text:?} is not a seat"),
            "write member, chair, co-chair, tech-lead or ptl",
        )
    })
}

fn person_seat(field: &str, text: &Option<String>) -> Result<Option<(String, Seat)>, ApiError> {
    let Some(text) = text else { return Ok(None) };
    let (person, name) = text
        .split_once(':')
        .ok_or_else(|| ApiError::bad_request(format!("{field} {text:?} is not PERSON:SEAT"), "e.g. ravi:chair"))?;
    Ok(Some((person.to_owned(), seat(field, name)?)))
}

/// The ballot form: `rank-CANDIDATE = N` (1 is best; equal numbers tie; empty leaves a candidate
/// unranked) and an optional `replaces`.
fn ballot_from_form(bytes: &[u8]) -> Result<BallotRequest, ApiError> {
    let fields: Vec<(String, String)> = serde_html_form::from_bytes(bytes)
        .map_err(|error| ApiError::bad_request(format!("the ballot form: {error}"), "fill in ranks as numbers"))?;
    let mut ranked: Vec<(u32, String)> = Vec::new();
    let mut replaces = None;
    let mut abstain = false;
    for (name, value) in fields {
        let value = value.trim();
        if name == "replaces" {
            if !value.is_empty() {
                replaces = Some(value.to_owned());
            }
        } else if name == "abstain" {
            abstain = !value.is_empty();
        } else if let Some(candidate) = name.strip_prefix("rank-") {
            if value.is_empty() {
                continue;
            }
            let rank: u32 = value.parse().ok().filter(|rank| *rank >= 1).ok_or_else(|| {
                ApiError::bad_request(
                    format!("the rank of {candidate} ({value:?}) is not a number from 1"),
                    "give 1 to your first choice, 2 to the next, or leave a candidate blank",
                )
            })?;
            ranked.push((rank, candidate.to_owned()));
        } else {
            return Err(ApiError::bad_request(
                format!("the ballot form has an unknown field {name:?}"),
                "submit the ballot form as the page gives it",
            ));
        }
    }
    ranked.sort();
    let mut ranking: Vec<Vec<String>> = Vec::new();
    let mut last = None;
    for (rank, candidate) in ranked {
        if last == Some(rank) {
            ranking.last_mut().expect("a tier").push(candidate);
        } else {
            ranking.push(vec![candidate]);
            last = Some(rank);
        }
    }
    Ok(BallotRequest {
        ranking,
        abstain,
        replaces,
    })
}

fn transition(text: &Option<String>) -> Result<Option<(String, LifecycleState)>, ApiError> {
    let Some(text) = text else { return Ok(None) };
    let (target, state) = text.split_once(':').ok_or_else(|| {
        ApiError::bad_request(format!("transition {text:?} is not BODY:STATE"), "e.g. use-case:active")
    })?;
    let state = match state {
        "forming" => LifecycleState::Forming,
        "active" => LifecycleState::Active,
        "archived" => LifecycleState::Archived,
        other => {
            return Err(ApiError::bad_request(
                format!("{other:?} is not a state"),
                "use forming, active or archived",
            ));
        }
    };
    Ok(Some((target.to_owned(), state)))
}

fn body_page(params: &Params) -> String {
    format!("/bodies/{}", params.get("body"))
}

/// Every state-changing endpoint.
pub static ROUTES: &[Route] = &[
    Route {
        name: "submit-report",
        path: "/bodies/{body}/reports",
        summary: "Submit a report of the body (L8)",
        request: schema::<ReportRequest>,
        build: |params, input| {
            let request: ReportRequest = parse(input)?;
            plain(
                Command::SubmitReport(command::SubmitReport {
                    body: params.get("body"),
                    report: if request.annual {
                        ReportKind::Annual
                    } else {
                        ReportKind::Quarterly
                    },
                    link: request.link,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "open-motion",
        path: "/bodies/{body}/motions",
        summary: "Open a motion in the body (D1–D4, D8, L1, L6, L7, E4–E7, E11)",
        request: schema::<MotionRequest>,
        build: |params, input| {
            let request: MotionRequest = parse(input)?;
            plain(
                Command::OpenMotion(command::OpenMotion {
                    body: params.get("body"),
                    title: request.title,
                    rule: request.rule,
                    subject: Subject::one_of(
                        transition(&request.transition)?,
                        request.promote,
                        person_seat("remove", &request.remove)?,
                        person_seat("appoint", &request.appoint)?,
                        request.no_confidence,
                    )
                    .map_err(ApiError::rejected)?,
                    meeting: request.meeting,
                    large: request.large,
                    closes: request.closes.as_deref().map(|text| date("closes", text)).transpose()?,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "vote",
        path: "/motions/{body}/{n}/votes",
        summary: "Vote yes, no or abstain on a motion (D2, D3, D9)",
        request: schema::<VoteRequest>,
        build: |params, input| {
            let request: VoteRequest = parse(input)?;
            plain(
                Command::Vote(command::Vote {
                    motion: params.id(),
                    choice: choice("choice", &request.choice)?,
                    on_behalf_of: request.on_behalf_of,
                    capacity: request.capacity,
                }),
                format!("/motions/{}", params.id()),
            )
        },
    },
    Route {
        name: "close-motion",
        path: "/motions/{body}/{n}/close",
        summary: "Close the vote and record the explained result (D3, D4)",
        request: schema::<CloseMotionRequest>,
        build: |params, input| {
            let request: CloseMotionRequest = parse(input)?;
            plain(
                Command::CloseMotion(command::CloseMotion {
                    motion: params.id(),
                    casting_vote: request
                        .casting_vote
                        .as_deref()
                        .map(|text| choice("casting_vote", text))
                        .transpose()?,
                }),
                format!("/motions/{}", params.id()),
            )
        },
    },
    Route {
        name: "consult",
        path: "/motions/{body}/{n}/consultations",
        summary: "Record an advisory group's consultation on a large decision (D8)",
        request: schema::<ConsultRequest>,
        build: |params, input| {
            let request: ConsultRequest = parse(input)?;
            plain(
                Command::Consult(command::Consult {
                    motion: params.id(),
                    group: request.group,
                    summary: request.summary,
                }),
                format!("/motions/{}", params.id()),
            )
        },
    },
    Route {
        name: "final-say",
        path: "/motions/{body}/{n}/final-say",
        summary: "Decide a deadlocked motion as the final-say holder (S12)",
        request: schema::<FinalSayRequest>,
        build: |params, input| {
            let request: FinalSayRequest = parse(input)?;
            plain(
                Command::FinalSay(command::FinalSay {
                    motion: params.id(),
                    decision: choice("decision", &request.decision)?,
                    reason: request.reason,
                }),
                format!("/motions/{}", params.id()),
            )
        },
    },
    Route {
        name: "propose",
        path: "/bodies/{body}/proposals",
        summary: "Propose something that passes by lazy consensus unless a member objects (D7)",
        request: schema::<ProposalRequest>,
        build: |params, input| {
            let request: ProposalRequest = parse(input)?;
            plain(
                Command::Propose(command::Propose {
                    body: params.get("body"),
                    title: request.title,
                    deadline: date("until", &request.until)?,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "object",
        path: "/proposals/{body}/{n}/objections",
        summary: "Object to a proposal: it becomes a vote of the body (D7)",
        request: schema::<ReasonRequest>,
        build: |params, input| {
            let request: ReasonRequest = parse(input)?;
            plain(
                Command::Object(command::Object {
                    proposal: params.id(),
                    reason: request.reason,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "conclude-proposal",
        path: "/proposals/{body}/{n}/conclude",
        summary: "After the deadline, with no objection: the proposal passed (D7)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::ConcludeProposal(command::ConcludeProposal { proposal: params.id() }),
                body_page(params),
            )
        },
    },
    Route {
        name: "record-roll",
        path: "/roll",
        summary: "Record the roll of active members from contributions (E1, E2; oversight committee members)",
        request: schema::<RollRequest>,
        build: |_, input| {
            let request: RollRequest = parse(input)?;
            Ok(Act {
                // Completed under the write lock from the contributions (`Extra::Contributions`):
                // the window, the rule and the members are computed as of the act's date.
                command: Command::RecordRoll(command::RecordRoll {
                    from: jiff::civil::Date::MIN,
                    rule: String::new(),
                    members: Vec::new(),
                    sources: Vec::new(),
                }),
                extra: Extra::Contributions {
                    csv: request.contributions,
                    source: request.source,
                },
                page: "/".to_owned(),
            })
        },
    },
    Route {
        name: "intervene",
        path: "/interventions",
        summary: "Stop a group's proposal or motion as its overseeing body (D11)",
        request: schema::<InterventionRequest>,
        build: |_, input| {
            let request: InterventionRequest = parse(input)?;
            let page = match request.target.split_once('/') {
                Some((body, _)) => format!("/bodies/{body}"),
                None => "/".to_owned(),
            };
            plain(
                Command::Intervene(command::Intervene {
                    target: request.target,
                    reason: request.reason,
                }),
                page,
            )
        },
    },
    Route {
        name: "dissolve",
        path: "/bodies/{body}/dissolve",
        summary: "Dissolve a working group at the end of its timetable (S4)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::DissolveWorkingGroup(command::DissolveWorkingGroup {
                    body: params.get("body"),
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "volunteer-liaison",
        path: "/bodies/{body}/liaisons/{area}/volunteers",
        summary: "Volunteer for a liaison area of a project (E9)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::VolunteerLiaison(command::VolunteerLiaison {
                    body: params.get("body"),
                    area: params.get("area"),
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "choose-liaison",
        path: "/bodies/{body}/liaisons/{area}",
        summary: "Choose the area's liaison among the volunteers, as the PTL (E9)",
        request: schema::<PersonRequest>,
        build: |params, input| {
            let request: PersonRequest = parse(input)?;
            plain(
                Command::ChooseLiaison(command::ChooseLiaison {
                    body: params.get("body"),
                    area: params.get("area"),
                    person: request.person,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "sign-off",
        path: "/bodies/{body}/liaisons/{area}/sign-offs",
        summary: "Sign off within the area as its liaison (D10)",
        request: schema::<SubjectRequest>,
        build: |params, input| {
            let request: SubjectRequest = parse(input)?;
            plain(
                Command::SignOff(command::SignOff {
                    body: params.get("body"),
                    area: params.get("area"),
                    subject: request.subject,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "schedule-meeting",
        path: "/bodies/{body}/meetings",
        summary: "Announce a meeting; the chair whose turn it is is named (D6, E8)",
        request: schema::<MeetingRequest>,
        build: |params, input| {
            let request: MeetingRequest = parse(input)?;
            plain(
                Command::ScheduleMeeting(command::ScheduleMeeting {
                    body: params.get("body"),
                    on: date("on", &request.on)?,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "add-agenda-item",
        path: "/meetings/{body}/{n}/agenda",
        summary: "Add an agenda item (D5)",
        request: schema::<ItemRequest>,
        build: |params, input| {
            let request: ItemRequest = parse(input)?;
            plain(
                Command::AddAgendaItem(command::AddAgendaItem {
                    meeting: params.id(),
                    item: request.item,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "request-agenda-item",
        path: "/meetings/{body}/{n}/requests",
        summary: "Ask for an agenda item; a member accepts it (D5)",
        request: schema::<ItemRequest>,
        build: |params, input| {
            let request: ItemRequest = parse(input)?;
            plain(
                Command::RequestAgendaItem(command::RequestAgendaItem {
                    meeting: params.id(),
                    item: request.item,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "accept-agenda-request",
        path: "/meetings/{body}/{n}/requests/{request}/accept",
        summary: "Accept a requested item onto the agenda (D5)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            let number = params.get("request");
            let request = number.parse().map_err(|_| {
                ApiError::bad_request(
                    format!("request {number:?} is not a number"),
                    "use the request's number",
                )
            })?;
            plain(
                Command::AcceptAgendaRequest(command::AcceptAgendaRequest {
                    meeting: params.id(),
                    request,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "declare-proxy",
        path: "/meetings/{body}/{n}/proxies",
        summary: "Name a proxy before the meeting (D2)",
        request: schema::<HolderRequest>,
        build: |params, input| {
            let request: HolderRequest = parse(input)?;
            plain(
                Command::DeclareProxy(command::DeclareProxy {
                    meeting: params.id(),
                    holder: request.holder,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "record-attendance",
        path: "/meetings/{body}/{n}/attendance",
        summary: "Record who is present; the quorum follows (D1, D2)",
        request: schema::<AttendanceRequest>,
        build: |params, input| {
            let request: AttendanceRequest = parse(input)?;
            plain(
                Command::RecordAttendance(command::RecordAttendance {
                    meeting: params.id(),
                    present: request.present,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "publish-minutes",
        path: "/meetings/{body}/{n}/minutes",
        summary: "Publish the minutes (D6)",
        request: schema::<LinkRequest>,
        build: |params, input| {
            let request: LinkRequest = parse(input)?;
            plain(
                Command::PublishMinutes(command::PublishMinutes {
                    meeting: params.id(),
                    link: request.link,
                }),
                format!("/meetings/{}", params.id()),
            )
        },
    },
    Route {
        name: "open-election",
        path: "/bodies/{body}/elections",
        summary: "Open an election for the body's seats (E1, E3–E6)",
        request: schema::<ElectionRequest>,
        build: |params, input| {
            let request: ElectionRequest = parse(input)?;
            plain(
                Command::OpenElection(command::OpenElection {
                    body: params.get("body"),
                    seat: seat("seat", &request.seat)?,
                    seats: request.seats,
                    stagger: request.stagger,
                }),
                body_page(params),
            )
        },
    },
    Route {
        name: "nominate",
        path: "/elections/{body}/{n}/nominations",
        summary: "Nominate a candidate",
        request: schema::<NominationRequest>,
        build: |params, input| {
            let request: NominationRequest = parse(input)?;
            plain(
                Command::Nominate(command::Nominate {
                    election: params.id(),
                    candidate: request.candidate,
                }),
                format!("/elections/{}", params.id()),
            )
        },
    },
    Route {
        name: "consent",
        path: "/elections/{body}/{n}/consent",
        summary: "Consent to your nomination",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::Consent(command::Consent { election: params.id() }),
                format!("/elections/{}", params.id()),
            )
        },
    },
    Route {
        name: "withdraw",
        path: "/elections/{body}/{n}/withdraw",
        summary: "Withdraw your nomination",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::Withdraw(command::Withdraw { election: params.id() }),
                format!("/elections/{}", params.id()),
            )
        },
    },
    Route {
        name: "publish-statement",
        path: "/elections/{body}/{n}/statement",
        summary: "Publish or replace your statement as a nominee",
        request: schema::<StatementRequest>,
        build: |params, input| {
            let request: StatementRequest = parse(input)?;
            plain(
                Command::PublishStatement(command::PublishStatement {
                    election: params.id(),
                    statement: request.statement,
                }),
                format!("/elections/{}", params.id()),
            )
        },
    },
    Route {
        name: "close-nominations",
        path: "/elections/{body}/{n}/close-nominations",
        summary: "Close the nominations and open the vote (the officer who opened it)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            plain(
                Command::CloseNominations(command::CloseNominations { election: params.id() }),
                format!("/elections/{}", params.id()),
            )
        },
    },
    Route {
        name: "cast-ballot",
        path: "/elections/{body}/{n}/ballots",
        summary: "Cast a secret ranked ballot; the answer is your receipt (T1)",
        request: schema::<BallotRequest>,
        build: |params, input| {
            let request: BallotRequest = match input {
                Input::Json(_) => parse(input)?,
                Input::Form(bytes) => ballot_from_form(bytes)?,
            };
            let (command, ballot) = crate::live::new_ballot(
                &params.id(),
                request.ranking,
                request.abstain,
                request.replaces.as_deref(),
            )
            .map_err(|error| ApiError::internal(format!("no randomness: {error}")))?;
            Ok(Act {
                command,
                extra: Extra::Ballot(ballot),
                page: format!("/elections/{}", params.id()),
            })
        },
    },
    Route {
        name: "close-election",
        path: "/elections/{body}/{n}/close",
        summary: "Count the ballots, publish the tally sheet and record the new terms (the officer)",
        request: schema::<Empty>,
        build: |params, input| {
            let Empty {} = parse(input)?;
            Ok(Act {
                command: Command::CloseElection(command::CloseElection {
                    election: params.id(),
                    ballots: Vec::new(),
                }),
                extra: Extra::Ballots,
                page: format!("/elections/{}", params.id()),
            })
        },
    },
];

/// The route named `name`.
pub fn route(name: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|route| route.name == name)
}
