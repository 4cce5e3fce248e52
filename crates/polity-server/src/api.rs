//! The JSON API under `/api`: every act of [`ROUTES`] as `POST`, the reads as `GET`, accounts and
//! tokens, and the OpenAPI document at `/api/openapi.json`.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Router, extract::ConnectInfo};
use polity_engine::command;
use polity_engine::{Command, Context, Event, Phase};
use polity_store::EventLog;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tower_sessions::Session;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::ComponentsBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Content, Info, OpenApi, OpenApiBuilder, PathItem, PathsBuilder, Ref, Required};
use utoipa::{PartialSchema, ToSchema};

use crate::accounts::{AccountRequest, account_from};
use crate::acts::{Act, Input, Params, ROUTES, Route};
use crate::auth::{Caller, check_csrf, issue_token, sign_in};
use crate::error::{ApiError, ErrorBody};
use crate::live::Extra;
use crate::{App, views};

/// The answer to an act: the events recorded, and a ballot's receipt.
#[derive(Debug, Serialize, ToSchema)]
pub struct Acted {
    /// The events as recorded in the log (each with its `kind`).
    #[schema(value_type = Vec<Object>)]
    pub recorded: Vec<Value>,
    /// For a ballot: the receipt that finds it on the tally sheet after the count (public).
    pub receipt: Option<String>,
    /// For a ballot: its secret key, the only way to replace it before the close. Shown once and
    /// stored nowhere; never share it.
    pub key: Option<String>,
}

/// The person a caller acts as, or why they cannot act.
pub(crate) fn acting_person(caller: &Caller) -> Result<String, ApiError> {
    match &caller.account {
        None => Err(ApiError::unauthorised("acting needs a signed-in person")),
        Some(account) => account.person.clone().ok_or_else(|| {
            ApiError::forbidden(
                format!("the account {} acts as no person of the registry", account.login),
                "an administrator links the account to a person (`polity account add LOGIN --person ID`)",
            )
        }),
    }
}

/// Decides and records `act` as `person` today. The one path of every state change.
/// Records `act` by `person`: the answer, and the events themselves (for a page to say them in
/// words).
pub(crate) async fn perform(app: &App, act: Act, person: String) -> Result<(Acted, Vec<Event>), ApiError> {
    let receipt = match &act.extra {
        Extra::Ballot(ballot) => Some(ballot.receipt.clone()),
        _ => None,
    };
    let key = match &act.command {
        Command::CastBallot(command::CastBallot { key, .. }) => Some(key.clone()),
        _ => None,
    };
    let now = app.now();
    let context = Context {
        actor: person,
        on: now.date(),
        at: now.time(),
    };
    let events = app.record.act(act.command, act.extra, &context).await?;
    let acted = Acted {
        recorded: events.iter().map(event_json).collect(),
        receipt,
        key,
    };
    Ok((acted, events))
}

fn event_json(event: &Event) -> Value {
    serde_json::to_value(event).expect("events serialise")
}

#[allow(clippy::too_many_arguments)]
async fn api_act(
    route: &'static Route,
    app: Arc<App>,
    caller: Caller,
    session: Session,
    headers: HeaderMap,
    params: Params,
    body: Bytes,
) -> Result<Json<Acted>, ApiError> {
    let person = acting_person(&caller)?;
    if caller.by_session {
        let header = headers.get("x-csrf-token").and_then(|value| value.to_str().ok());
        check_csrf(&session, &caller, header).await?;
    }
    let act = (route.build)(&params, Input::Json(&body))?;
    Ok(Json(perform(&app, act, person).await?.0))
}

pub(crate) fn routes() -> Router<Arc<App>> {
    let mut router = Router::new();
    for route in ROUTES {
        router = router.route(
            &format!("/api{}", route.path),
            post(
                move |State(app): State<Arc<App>>,
                      caller: Caller,
                      session: Session,
                      headers: HeaderMap,
                      params: Params,
                      body: Bytes| { api_act(route, app, caller, session, headers, params, body) },
            ),
        );
    }
    router
        .route("/api/openapi.json", get(|| async { Json(openapi()) }))
        .route("/api/state", get(state))
        .route("/api/bodies/{body}", get(body))
        .route("/api/people/{person}", get(person))
        .route("/api/elections/{body}/{n}", get(election))
        .route("/api/elections/{body}/{n}/receipts/{receipt}", get(receipt))
        .route("/api/motions/{body}/{n}", get(motion))
        .route("/api/meetings/{body}/{n}", get(meeting))
        .route("/api/check", get(check))
        .route("/api/registry", get(registry))
        .route("/api/due", get(due))
        .route("/api/log", get(log))
        .route("/api/audit", get(audit))
        .route("/api/checkpoints", get(checkpoints))
        .route("/api/me", get(me))
        .route("/api/accounts", post(create_account))
        .route("/api/tokens", post(create_token).get(list_tokens))
        .route("/api/tokens/{id}/revoke", post(revoke_token))
}

async fn state(State(app): State<Arc<App>>) -> Json<Value> {
    let today = app.today();
    let live = app.record.live.read().await;
    let state = &live.state;
    Json(json!({
        "today": today.to_string(),
        "events": live.last_seq,
        "recorded": state.recorded,
        "bodies": views::tree(state, today),
        "elections": state.elections.values().map(|election| views::election_link(state, election)).collect::<Vec<_>>(),
        "motions": state.motions.values().map(views::motion_link).collect::<Vec<_>>(),
        "meetings": state.meetings.values().map(views::meeting_link).collect::<Vec<_>>(),
    }))
}

async fn body(State(app): State<Arc<App>>, Path(id): Path<String>) -> Result<Json<views::BodyView>, ApiError> {
    let live = app.record.live.read().await;
    views::body(&live.state, &id, app.today())
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("there is no body {id:?}")))
}

async fn person(State(app): State<Arc<App>>, Path(id): Path<String>) -> Result<Json<views::PersonView>, ApiError> {
    let live = app.record.live.read().await;
    views::person(&live.state, &id, app.today())
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("there is no person {id:?}")))
}

/// A process (election, motion, meeting) by id, or a 404 that names it.
pub(crate) fn process<'a, T>(
    processes: &'a std::collections::BTreeMap<String, T>,
    kind: &str,
    id: &str,
) -> Result<&'a T, ApiError> {
    processes
        .get(id)
        .ok_or_else(|| ApiError::not_found(format!("there is no {kind} {id:?}")))
}

async fn election(
    State(app): State<Arc<App>>,
    Path((body, n)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = format!("{body}/{n}");
    let live = app.record.live.read().await;
    let election = process(&live.state.elections, "election", &id)?;
    let pairwise = (election.phase == Phase::Closed)
        .then(|| views::pairwise(election))
        .flatten();
    Ok(Json(json!({ "election": election, "pairwise": pairwise })))
}

async fn receipt(
    State(app): State<Arc<App>>,
    Path((body, n, receipt)): Path<(String, String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = format!("{body}/{n}");
    let live = app.record.live.read().await;
    let election = process(&live.state.elections, "election", &id)?;
    if election.phase != Phase::Closed {
        return Err(ApiError::bad_request(
            format!("election {id} is not closed"),
            "its tally sheet is published when it closes",
        ));
    }
    let receipt = receipt.trim().to_ascii_lowercase();
    let line = election.tally_sheet.iter().find(|line| line.receipt == receipt);
    Ok(Json(json!({
        "election": id,
        "receipt": receipt,
        "found": line.is_some(),
        "ranking": line.map(|line| &line.ranking),
    })))
}

async fn motion(State(app): State<Arc<App>>, Path((body, n)): Path<(String, String)>) -> Result<Json<Value>, ApiError> {
    let id = format!("{body}/{n}");
    let live = app.record.live.read().await;
    let motion = process(&live.state.motions, "motion", &id)?;
    Ok(Json(json!({ "motion": motion, "tally": views::running_tally(motion) })))
}

async fn meeting(
    State(app): State<Arc<App>>,
    Path((body, n)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let id = format!("{body}/{n}");
    let live = app.record.live.read().await;
    let meeting = process(&live.state.meetings, "meeting", &id)?;
    Ok(Json(json!({ "meeting": meeting })))
}

/// `polity check` over the recorded registry, as of today: every finding with its rule.
async fn check(State(app): State<Arc<App>>) -> Json<Value> {
    let today = app.today();
    let live = app.record.live.read().await;
    let polity = &live.state.polity;
    let mut findings = polity_model::check(polity, today);
    polity_model::sort_findings(&mut findings);
    Json(json!({
        "at": today.to_string(),
        "findings": findings.iter().map(|finding| json!({
            "rule": finding.rule.as_str(),
            "severity": finding.severity.to_string(),
            "file": finding.loc.map(|loc| polity.file_name(loc).to_owned()),
            "line": finding.loc.map(|loc| loc.line),
            "message": finding.message,
            "hint": finding.hint,
        })).collect::<Vec<_>>(),
    }))
}

/// The recorded registry as it stands after every recorded act, as registry files (`polity
/// export` in JSON: path → YAML text), with the head of the record it was read at: what
/// `polity check --record-api URL` compares a pull request's files with.
async fn registry(State(app): State<Arc<App>>, client: ClientAddress) -> Result<Json<Value>, ApiError> {
    app.heavy_read(&client.0)?;
    let live = app.record.live.read().await;
    if !live.state.recorded {
        return Err(ApiError::not_found(
            "the record holds no registry yet: record one with `polity init` or `polity serve --registry DIR`"
                .to_owned(),
        ));
    }
    let files = polity_registry::export::to_files(&live.state.polity);
    let rendered = polity_registry::write::rendered(&files)
        .map_err(|error| ApiError::internal(format!("the recorded registry cannot be written as files: {error}")))?;
    // The findings `polity sync` recorded with amendments, for `check --record-api`.
    let findings: Vec<Value> = live
        .state
        .amendments
        .iter()
        .flat_map(|amendment| {
            amendment.changes.iter().filter_map(move |change| {
                Some(json!({
                    "rule": change.rule.as_ref()?,
                    "file": change.file,
                    "line": change.line,
                    "commit": amendment.commit,
                    "subject": amendment.subject,
                    "what": change.what,
                }))
            })
        })
        .collect();
    Ok(Json(json!({
        "events": live.last_seq,
        "files": rendered,
        "findings": findings,
    })))
}

#[derive(Debug, Deserialize)]
struct DueQuery {
    within: Option<String>,
}

/// `polity due` over the recorded state, as of today (`within`: a period, default 3 months).
async fn due(State(app): State<Arc<App>>, Query(query): Query<DueQuery>) -> Result<Json<Value>, ApiError> {
    let within = match query.within.as_deref() {
        Some(text) => polity_model::Period::parse(text)
            .ok()
            .filter(|period| period.after(jiff::civil::date(2000, 1, 1)) <= jiff::civil::date(2010, 1, 1))
            .ok_or_else(|| {
                ApiError::bad_request(
                    format!("within {text:?} is not a period of at most ten years"),
                    "write e.g. `3 months` or `2 years`",
                )
            })?,
        None => polity_model::Period::new(3, polity_model::PeriodUnit::Months),
    };
    let today = app.today();
    let live = app.record.live.read().await;
    let obligations = polity_model::due(&live.state.polity, today, within);
    Ok(Json(json!({
        "at": today.to_string(),
        "within": within.to_string(),
        "obligations": obligations.iter().map(|obligation| json!({
            "date": obligation.date.to_string(),
            "kind": obligation.kind.as_str(),
            "body": obligation.body,
            "rule": obligation.rule.as_str(),
            "summary": obligation.summary,
            "overdue": obligation.overdue,
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Debug, Deserialize)]
struct LogQuery {
    #[serde(default)]
    after: i64,
    limit: Option<i64>,
}

async fn log(
    State(app): State<Arc<App>>,
    client: ClientAddress,
    Query(query): Query<LogQuery>,
) -> Result<Json<Value>, ApiError> {
    app.heavy_read(&client.0)?;
    let limit = query.limit.unwrap_or(500).clamp(1, 5000);
    let rows = app.record.store.read_page(query.after.max(0), limit).await?;
    Ok(Json(Value::Array(rows.into_iter().map(row_json).collect())))
}

pub(crate) fn row_json(row: polity_store::StoredEvent) -> Value {
    json!({
        "seq": row.seq,
        "recorded_at": row.recorded_at,
        "kind": row.kind,
        "body": row.body,
        "event": serde_json::from_str::<Value>(&row.payload).unwrap_or(Value::Null),
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    })
}

async fn audit(State(app): State<Arc<App>>, client: ClientAddress) -> Result<Json<Value>, ApiError> {
    app.heavy_read(&client.0)?;
    let report = app.record.audit().await?;
    Ok(Json(json!({
        "intact": report.is_intact(),
        "events": report.events,
        "head_seq": report.head_seq,
        "head_hash": report.head_hash,
        "problems": report.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })))
}

/// Every signed checkpoint kept in the record, oldest first, each as `polity audit verify
/// --checkpoint FILE` reads it.
async fn checkpoints(State(app): State<Arc<App>>) -> Result<Json<Value>, ApiError> {
    let checkpoints = app.record.store.checkpoints().await?;
    Ok(Json(serde_json::to_value(checkpoints).expect("plain data serialises")))
}

async fn me(caller: Caller) -> Result<Json<Value>, ApiError> {
    let account = caller
        .account
        .ok_or_else(|| ApiError::unauthorised("nobody is signed in"))?;
    Ok(Json(json!({
        "login": account.login,
        "person": account.person,
        "github": account.github,
        "admin": account.admin,
    })))
}

async fn create_account(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    headers: HeaderMap,
    Json(request): Json<AccountRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Some(admin) = &caller.account else {
        return Err(ApiError::unauthorised("creating accounts needs an administrator"));
    };
    if !admin.admin {
        return Err(ApiError::forbidden(
            format!("{} is not an administrator", admin.login),
            "ask an administrator to create the account",
        ));
    }
    if caller.by_session {
        let header = headers.get("x-csrf-token").and_then(|value| value.to_str().ok());
        check_csrf(&session, &caller, header).await?;
    }
    let account = account_from(&app, request).await?;
    app.record.store.put_account(&account).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "login": account.login, "person": account.person, "admin": account.admin })),
    ))
}

/// A new API token, given a login and password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub login: String,
    pub password: String,
    /// What the token is for, e.g. "CI".
    pub label: String,
}

async fn create_token(
    State(app): State<Arc<App>>,
    ClientAddress(client): ClientAddress,
    Json(request): Json<TokenRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let account = sign_in(&app, &client, &request.login, &request.password).await?;
    let token = issue_token(
        &app.record.store,
        &account.login,
        &request.label,
        &app.today().to_string(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "token": token, "login": account.login })),
    ))
}

async fn list_tokens(State(app): State<Arc<App>>, caller: Caller) -> Result<Json<Value>, ApiError> {
    let account = caller
        .account
        .ok_or_else(|| ApiError::unauthorised("listing tokens needs a signed-in account"))?;
    let tokens = app.record.store.tokens_of(&account.login).await?;
    Ok(Json(Value::Array(
        tokens
            .into_iter()
            .map(|(id, label, created)| json!({ "id": id, "label": label, "created": created }))
            .collect(),
    )))
}

async fn revoke_token(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let account = caller
        .account
        .clone()
        .ok_or_else(|| ApiError::unauthorised("revoking a token needs a signed-in account"))?;
    if caller.by_session {
        let header = headers.get("x-csrf-token").and_then(|value| value.to_str().ok());
        check_csrf(&session, &caller, header).await?;
    }
    if !app.record.store.revoke_token(&account.login, &id).await? {
        return Err(ApiError::not_found(format!("{} has no token {id:?}", account.login)));
    }
    Ok(Json(json!({ "revoked": id })))
}

/// The client's address for rate limiting: the peer's (a proxy in front should limit itself).
#[derive(Clone, Debug)]
pub(crate) struct ClientAddress(pub String);

impl axum::extract::FromRequestParts<Arc<App>> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        app: &Arc<App>,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(ClientAddress(client_address(
            peer,
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|value| value.to_str().ok()),
            &app.config.trusted_proxies,
        )))
    }
}

/// The client's address for the rate limits: the connection's peer, unless the peer is a trusted
/// proxy (`--trusted-proxy`); then the last address of `X-Forwarded-For` that is not itself a
/// trusted proxy (the one the nearest trusted proxy saw). A client cannot choose its address by
/// sending the header itself: an untrusted peer's header is ignored, and addresses a client put
/// in front of the proxy's own are never reached.
pub fn client_address<'a>(
    peer: Option<std::net::IpAddr>,
    forwarded: impl Iterator<Item = &'a str>,
    trusted: &[std::net::IpAddr],
) -> String {
    let Some(peer) = peer else {
        return "local".to_owned();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let hops: Vec<Option<std::net::IpAddr>> = forwarded
        .flat_map(|value| value.split(','))
        .map(|hop| hop.trim().parse::<std::net::IpAddr>().ok())
        .collect();
    for hop in hops.iter().rev() {
        match hop {
            Some(address) if trusted.contains(address) => continue,
            Some(address) => return address.to_string(),
            // Something no proxy of ours wrote: the proxy's own address, not a guess.
            None => break,
        }
    }
    peer.to_string()
}

fn path_parameters(path: &str) -> Vec<utoipa::openapi::path::Parameter> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| {
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(String::schema()))
                .build()
        })
        .collect()
}

fn json_response(description: &str, schema: Option<Ref>) -> utoipa::openapi::Response {
    let builder = ResponseBuilder::new().description(description);
    match schema {
        Some(schema) => builder.content("application/json", Content::new(Some(schema))).build(),
        None => builder
            .content("application/json", Content::new(Some(Value::schema())))
            .build(),
    }
}

/// The OpenAPI 3.1 document of the API, built from the same table as the router.
pub fn openapi() -> OpenApi {
    let error = || {
        json_response(
            "refused; `rule` names the rule when decide() refused",
            Some(Ref::from_schema_name("ErrorBody")),
        )
    };
    let mut components = ComponentsBuilder::new()
        .schema(ErrorBody::name(), ErrorBody::schema())
        .schema(Acted::name(), Acted::schema())
        .schema(AccountRequest::name(), AccountRequest::schema())
        .schema(TokenRequest::name(), TokenRequest::schema())
        .security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    let mut paths = PathsBuilder::new();
    for route in ROUTES {
        let (name, schema) = (route.request)();
        components = components.schema(name.clone(), schema);
        let operation = OperationBuilder::new()
            .operation_id(Some(route.name))
            .summary(Some(route.summary))
            .tag("acts")
            .security(SecurityRequirement::new::<&str, [&str; 0], &str>("token", []))
            .parameters(Some(path_parameters(route.path)))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", Content::new(Some(Ref::from_schema_name(name))))
                    .required(Some(Required::True))
                    .build(),
            ))
            .response(
                "200",
                json_response("recorded (durable)", Some(Ref::from_schema_name("Acted"))),
            )
            .response("400", error())
            .response("401", error())
            .response("403", error())
            .response("404", error())
            .response("503", error())
            .build();
        paths = paths.path(
            format!("/api{}", route.path),
            PathItem::new(HttpMethod::Post, operation),
        );
    }
    let reads: [(&str, &str, &str); 16] = [
        (
            "/api/registry",
            "registry",
            "The recorded registry as files (path → YAML), as `polity export` writes them, and the record's head",
        ),
        (
            "/api/tokens",
            "list-tokens",
            "The signed-in account's API tokens (id, label, created)",
        ),
        (
            "/api/check",
            "check",
            "Every finding of `polity check` on the recorded registry, as of today",
        ),
        (
            "/api/due",
            "due",
            "Every obligation of `polity due` as of today (query: within, e.g. `3 months`)",
        ),
        (
            "/api/state",
            "state",
            "The bodies as a tree with their states, and every process",
        ),
        (
            "/api/bodies/{body}",
            "body",
            "A body: seats and terms, liaisons and gaps, charter, obligations",
        ),
        ("/api/people/{person}", "person", "A person: roles and history"),
        (
            "/api/elections/{body}/{n}",
            "election",
            "An election; after closing, its result, pairwise matrix and tally sheet",
        ),
        (
            "/api/elections/{body}/{n}/receipts/{receipt}",
            "receipt",
            "Find a receipt on a closed election's tally sheet",
        ),
        (
            "/api/motions/{body}/{n}",
            "motion",
            "A motion with its public votes and running tally",
        ),
        (
            "/api/meetings/{body}/{n}",
            "meeting",
            "A meeting: agenda, attendance, quorum, minutes",
        ),
        (
            "/api/log",
            "log",
            "The hash-chained log, a page at a time (query: after, limit up to 5000)",
        ),
        ("/api/audit", "audit", "The hash chain recomputed (incrementally)"),
        (
            "/api/checkpoints",
            "checkpoints",
            "Signed checkpoints of the record, for `polity audit verify --checkpoint`",
        ),
        ("/api/me", "me", "The signed-in account"),
        ("/api/openapi.json", "openapi", "This document"),
    ];
    for (path, name, summary) in reads {
        let operation = OperationBuilder::new()
            .operation_id(Some(name))
            .summary(Some(summary))
            .tag("reads")
            .parameters(Some(path_parameters(path)))
            .response("200", json_response("the data", None))
            .response("404", error())
            .build();
        paths = paths.path(path, PathItem::new(HttpMethod::Get, operation));
    }
    for (path, name, summary, request, created) in [
        (
            "/api/accounts",
            "create-account",
            "Create or replace an account (administrators)",
            "AccountRequest",
            "created",
        ),
        (
            "/api/tokens",
            "create-token",
            "Issue an API token for a login and password (rate-limited)",
            "TokenRequest",
            "the token, shown once",
        ),
        (
            "/api/tokens/{id}/revoke",
            "revoke-token",
            "Revoke one of the signed-in account's tokens",
            "Empty",
            "revoked",
        ),
    ] {
        let operation = OperationBuilder::new()
            .operation_id(Some(name))
            .summary(Some(summary))
            .tag("accounts")
            .parameters(Some(path_parameters(path)))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", Content::new(Some(Ref::from_schema_name(request))))
                    .required(Some(Required::True))
                    .build(),
            ))
            .response("201", json_response(created, None))
            .response("400", error())
            .response("401", error())
            .response("403", error())
            .response("429", error())
            .build();
        paths = paths.path(path, PathItem::new(HttpMethod::Post, operation));
    }
    OpenApiBuilder::new()
        .info(Info::new("polity", env!("CARGO_PKG_VERSION")))
        .paths(paths.build())
        .components(Some(components.build()))
        .build()
}

#[cfg(test)]
mod tests {
    use super::client_address;

    #[test]
    fn t1_a_client_cannot_choose_its_address_for_the_rate_limits() {
        let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        let outside: std::net::IpAddr = "203.0.113.9".parse().unwrap();
        // Without --trusted-proxy the header is ignored.
        assert_eq!(
            client_address(Some(outside), ["1.1.1.1"].into_iter(), &[]),
            "203.0.113.9"
        );
        // An untrusted peer's header is ignored even when a proxy is trusted.
        assert_eq!(
            client_address(Some(outside), ["1.1.1.1"].into_iter(), &[proxy]),
            "203.0.113.9"
        );
        // Through the trusted proxy: the address it appended, not what the client put before it.
        assert_eq!(
            client_address(Some(proxy), ["1.1.1.1, 198.51.100.7"].into_iter(), &[proxy]),
            "198.51.100.7"
        );
        // Two headers are one list.
        assert_eq!(
            client_address(Some(proxy), ["1.1.1.1", "198.51.100.7"].into_iter(), &[proxy]),
            "198.51.100.7"
        );
        // Garbage where the proxy's entry should be: the proxy's own address, not a guess.
        assert_eq!(
            client_address(Some(proxy), ["198.51.100.7, nonsense"].into_iter(), &[proxy]),
            "10.0.0.2"
        );
        assert_eq!(client_address(None, std::iter::empty(), &[proxy]), "local");
    }
}
