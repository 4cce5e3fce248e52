//! The server-rendered web UI: pages from the live state (askama templates, no JavaScript) and
//! forms that post to the same acts as the API, with a CSRF token in every form.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use polity_engine::Phase;
use polity_store::EventLog;
use serde::Deserialize;
use tower_sessions::Session;

use crate::acts::{Input, Params, ROUTES, Route};
use crate::api::{ClientAddress, acting_person, perform};
use crate::auth::{Caller, check_csrf, csrf_token, issue_token, sign_in};
use crate::error::{ApiError, ErrorBody};
use crate::i18n::{self, Lang};
use crate::views::{self, PersonView, ProcessLink, Who};
use crate::{App, github};

mod account;
mod body;
mod confirm;
mod election;
mod log;
mod processes;
mod rules;
mod subscriptions;

use rules::filters;

pub(crate) use account::start_session;
use account::{me, new_token, revoke_token, signin, signin_form, signout};

/// What every page shows around its content.
#[derive(Debug)]
pub(crate) struct Page {
    pub title: String,
    pub signed_in: Option<String>,
    pub csrf: String,
    pub flash: Option<String>,
    pub today: String,
    /// The page's language, and the path the language switch comes back to.
    pub lang: Lang,
    pub path: String,
}

impl Page {
    /// A page frame to fill in after the content is built (the content is built under the state's
    /// read lock, the frame after it is released).
    fn empty() -> Page {
        Page {
            title: String::new(),
            signed_in: None,
            csrf: String::new(),
            flash: None,
            today: String::new(),
            lang: Lang::En,
            path: "/".to_owned(),
        }
    }

    /// The query that asks a feed for the page's language (`?lang=zh`; nothing for English), so
    /// that a feed subscribed from a Chinese page stays Chinese in a reader that sends no
    /// `Accept-Language`.
    pub fn feed_query(&self) -> &'static str {
        match self.lang {
            Lang::En => "",
            Lang::Zh => "?lang=zh",
        }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.lang, key, &[])
    }

    /// The message `key` with one value.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        i18n::text(self.lang, key, &[(name, &value.to_string())])
    }

    /// The message `key` with two values.
    pub fn t2(
        &self,
        key: &str,
        name: &str,
        value: impl std::fmt::Display,
        other: &str,
        second: impl std::fmt::Display,
    ) -> String {
        i18n::text(
            self.lang,
            key,
            &[(name, &value.to_string()), (other, &second.to_string())],
        )
    }

    /// The message `key` with three values.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        key: &str,
        name: &str,
        value: impl std::fmt::Display,
        other: &str,
        second: impl std::fmt::Display,
        third_name: &str,
        third: impl std::fmt::Display,
    ) -> String {
        i18n::text(
            self.lang,
            key,
            &[
                (name, &value.to_string()),
                (other, &second.to_string()),
                (third_name, &third.to_string()),
            ],
        )
    }

    /// A refusal's message (`suffix` "") or hint (`suffix` "-hint") in the page's language: the
    /// engine's own English words, or the catalog's `refusal-KEY` when the page is not in English
    /// and the engine gave the refusal a message id; otherwise the English words.
    pub fn said_or(
        &self,
        words: &Option<impl std::ops::Deref<Target = polity_engine::Words>>,
        suffix: &str,
        english: &str,
    ) -> String {
        match words.as_deref() {
            Some(words) if self.lang != Lang::En => {
                let args: Vec<(&str, &str)> = words.args.iter().map(|(name, value)| (*name, value.as_str())).collect();
                i18n::text(self.lang, &format!("refusal-{}{suffix}", words.key), &args)
            }
            _ => english.to_owned(),
        }
    }

    /// A rule's title in the page's language.
    pub fn rule_title(&self, id: impl std::fmt::Display) -> String {
        polity_i18n::rule_title(self.lang, id)
    }

    /// A rule's text in the page's language.
    pub fn rule_text(&self, id: impl std::fmt::Display) -> String {
        polity_i18n::rule_text(self.lang, id)
    }

    /// A motion's outcome (`carried`, `tied: vote again`) in the page's language.
    pub fn outcome(&self, raw: &str) -> String {
        polity_i18n::count::outcome(self.lang, raw)
    }

    /// A line of a count's explanation in the page's language, and whether it stayed English
    /// (an election's lines are English: the page marks them `lang="en"`).
    pub fn explain(&self, line: &str) -> (String, bool) {
        match polity_i18n::count::explanation(self.lang, line) {
            Some(said) => (said, false),
            None => (line.to_owned(), self.lang != Lang::En),
        }
    }

    /// What a round of an STV count did, in the page's language, and whether it stayed English.
    pub fn round_action(&self, action: &str) -> (String, bool) {
        match polity_i18n::count::round_action(self.lang, action) {
            Some(said) => (said, false),
            None => (action.to_owned(), self.lang != Lang::En),
        }
    }

    /// A sentence made in the model or the engine (an obligation, a refusal) in the page's
    /// language.
    pub fn words(&self, words: &polity_model::Words) -> String {
        polity_i18n::words(self.lang, words)
    }

    /// A message with its values, as a view made it.
    pub fn say(&self, said: &crate::views::Said) -> String {
        let args: Vec<(&str, &str)> = said.args.iter().map(|(name, value)| (*name, value.as_str())).collect();
        i18n::text(self.lang, said.key, &args)
    }

    /// A word of a vocabulary (`seat`, `kind`, `state`) in the page's language: the message
    /// `{group}-{value}`.
    pub fn word(&self, group: &str, value: impl std::fmt::Display) -> String {
        i18n::text(self.lang, &format!("{group}-{value}"), &[])
    }

    /// The path of the language switch to `tag`, coming back to this page.
    pub fn switch(&self, tag: &str) -> String {
        let back = serde_html_form::to_string([("back", self.path.as_str())]).unwrap_or_default();
        format!("/lang/{tag}?{back}")
    }
}

/// Whether `decide` would accept `command` by `person` on `on`, recording nothing: the one way
/// pages ask which acts to offer.
pub(super) fn dry_run(
    state: &polity_engine::State,
    person: &str,
    now: jiff::civil::DateTime,
    command: polity_engine::Command,
) -> Result<(), polity_engine::Rejection> {
    polity_engine::decide(
        state,
        &command,
        &polity_engine::Context {
            actor: person.to_owned(),
            on: now.date(),
            at: now.time(),
        },
    )
    .map(drop)
}

/// The language of a page for `caller` (see `i18n`): their choice, their `lang:` in people.yaml
/// (when not the default, English), their browser's, English.
pub(crate) async fn request_lang(app: &App, caller: &Caller) -> Lang {
    let person = match caller.person() {
        Some(person) => {
            let live = app.record.live.read().await;
            live.state
                .polity
                .person(person)
                .map(|found| found.lang)
                .filter(|lang| *lang != Lang::En)
        }
        None => None,
    };
    i18n::choose(&i18n::asked(), person)
}

/// A page title from the catalog, in the caller's language.
pub(crate) async fn title(app: &App, caller: &Caller, key: &str, args: &[(&str, &str)]) -> String {
    i18n::text(request_lang(app, caller).await, key, args)
}

async fn page(app: &App, session: &Session, caller: &Caller, title: impl Into<String>) -> Result<Page, ApiError> {
    let flash: Option<String> = session.remove("flash").await.map_err(ApiError::session)?;
    Ok(Page {
        title: title.into(),
        signed_in: caller.account.as_ref().map(|account| account.login.clone()),
        csrf: csrf_token(session, caller).await?,
        flash,
        today: app.today().to_string(),
        lang: request_lang(app, caller).await,
        path: i18n::asked().path,
    })
}

/// The shape of every page handler's success, once: the frame around the content, and the page
/// model `build` makes with it, rendered.
async fn show<T: Template>(
    app: &App,
    session: &Session,
    caller: &Caller,
    title: impl Into<String>,
    build: impl FnOnce(Page) -> T,
) -> Result<Response, ApiError> {
    let page = page(app, session, caller, title).await?;
    Ok(render(StatusCode::OK, &build(page)))
}

fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => ApiError::internal(format!("rendering the page: {error}")).into_response(),
    }
}

#[derive(Template)]
#[template(path = "ballot.html")]
struct BallotPage {
    page: Page,
    election: String,
    receipt: String,
    key: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    error: ErrorBody,
    back: String,
}

/// An error as a page (with the rule that refused, when there is one).
async fn error_page(app: &App, session: &Session, caller: &Caller, error: ApiError, back: String) -> Response {
    let key = match error.body.rule {
        Some(_) => "error-not-allowed",
        None => match error.status {
            StatusCode::UNAUTHORIZED => "error-sign-in",
            StatusCode::NOT_FOUND => "error-not-found",
            StatusCode::TOO_MANY_REQUESTS => "error-too-many",
            _ => "error-failed",
        },
    };
    let title = i18n::text(request_lang(app, caller).await, key, &[]);
    let page = match page(app, session, caller, title).await {
        Ok(page) => page,
        Err(other) => return other.into_response(),
    };
    let mut response = render(
        error.status,
        &ErrorPage {
            page,
            error: error.body,
            back,
        },
    );
    if let Some(wait) = error.retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, wait.into());
    }
    response
}

/// Turns a handler's result into a page or an error page.
async fn respond(app: &App, session: &Session, caller: &Caller, result: Result<Response, ApiError>) -> Response {
    match result {
        Ok(response) => response,
        Err(error) => error_page(app, session, caller, error, "/".to_owned()).await,
    }
}

pub(crate) fn routes() -> Router<Arc<App>> {
    let mut router = Router::new();
    for route in ROUTES {
        router = router.route(
            route.path,
            post(
                move |State(app): State<Arc<App>>,
                      caller: Caller,
                      session: Session,
                      headers: HeaderMap,
                      uri: axum::http::Uri,
                      params: Params,
                      body: Bytes| { web_act(route, app, caller, session, headers, uri, params, body) },
            ),
        );
    }
    router
        .route("/", get(home))
        .route("/style.css", get(style))
        .route("/lang/{tag}", get(switch_language))
        .route("/bodies/{body}", get(body::body))
        .route("/bodies/{body}/health.svg", get(body::health_chart))
        .route("/bodies/{body}/feed.atom", get(subscriptions::body_feed))
        .route("/feed.atom", get(subscriptions::record_feed))
        .route("/calendar/{file}", get(subscriptions::body_calendar))
        .route("/calendar/people/{file}", get(subscriptions::person_calendar))
        .route("/people", get(people))
        .route("/people/{person}", get(person))
        .route("/elections/{body}/{n}", get(election::election))
        .route("/motions/{body}/{n}", get(processes::motion))
        .route("/meetings/{body}/{n}", get(processes::meeting))
        .route("/log", get(log::log))
        .route("/rules", get(rules::rules))
        .route("/rules/{id}", get(rules::rule))
        .route("/signin", get(signin_form).post(signin))
        .route("/signout", post(signout))
        .route("/me", get(me))
        .route("/me/tokens", post(new_token))
        .route("/me/tokens/{id}/revoke", post(revoke_token))
        .route("/auth/github", get(github::start))
        .route("/auth/github/callback", get(github::callback))
}

#[derive(Debug, Deserialize)]
struct Back {
    back: Option<String>,
}

/// The language switch: keeps the visitor's choice in a cookie (a year; nothing stored on the
/// server) and goes back to the page, when it is a page of this site.
async fn switch_language(State(app): State<Arc<App>>, Path(tag): Path<String>, Query(query): Query<Back>) -> Response {
    let Some(lang) = Lang::parse(&tag).filter(|_| matches!(tag.as_str(), "en" | "zh")) else {
        return ApiError::not_found(format!("polity does not speak {tag:?}: choose en or zh")).into_response();
    };
    let back = query
        .back
        .as_deref()
        .and_then(local_path)
        .unwrap_or_else(|| "/".to_owned());
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let secure = if app.config.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{}={code}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        i18n::COOKIE
    );
    let mut response = Redirect::to(&back).into_response();
    if let Ok(value) = cookie.parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../static/style.css"),
    )
}

fn form_fields(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    serde_html_form::from_bytes(body)
        .map_err(|error| ApiError::bad_request(format!("the form: {error}"), "submit the form as the page gives it"))
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The path of the page the request came from, when it is a page of this site: the Referer's
/// path and query if its host is the request's `Host`. Never another site, never a scheme a
/// browser would run (`javascript:`), never a protocol-relative `//host` path.
pub(crate) fn same_origin_path(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if !authority.eq_ignore_ascii_case(host) {
        return None;
    }
    local_path(if path.is_empty() { "/" } else { path })
}

/// `path` when it is a path of this site that is safe to send a browser to: it starts with one
/// `/` (not `//host`, not `/\host`, which browsers read as another site), has no scheme, no
/// space or control character, and is not absurdly long. A `next` after sign-in passes here.
pub(crate) fn local_path(path: &str) -> Option<String> {
    let safe = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.len() <= 2048
        && path.chars().all(|c| c.is_ascii_graphic());
    safe.then(|| path.to_owned())
}

/// What a form's post comes to: the act recorded, or a question before an act that cannot be
/// undone.
enum Posted {
    Acted {
        target: String,
        acted: crate::api::Acted,
        events: Vec<polity_engine::Event>,
    },
    Confirm(confirm::ConfirmPage),
}

#[allow(clippy::too_many_arguments)]
async fn web_act(
    route: &'static Route,
    app: Arc<App>,
    caller: Caller,
    session: Session,
    headers: HeaderMap,
    uri: axum::http::Uri,
    params: Params,
    body: Bytes,
) -> Response {
    let back = same_origin_path(&headers).unwrap_or_else(|| "/".to_owned());
    let result = async {
        let person = acting_person(&caller)?;
        let fields = form_fields(&body)?;
        check_csrf(&session, &caller, field(&fields, "csrf")).await?;
        let confirmed = field(&fields, "confirm") == Some("yes");
        let kept: Vec<(String, String)> = fields
            .into_iter()
            .filter(|(key, value)| key != "csrf" && key != "confirm" && !value.trim().is_empty())
            .collect();
        let encoded = serde_html_form::to_string(&kept)
            .map_err(|error| ApiError::bad_request(format!("the form: {error}"), "submit the form again"))?;
        let act = (route.build)(&params, Input::Form(encoded.as_bytes()))?;
        let target = act.page.clone();
        if !confirmed && confirm::IRREVERSIBLE.contains(&route.name) {
            let lang = request_lang(&app, &caller).await;
            let (title, button, consequences) = confirm::consequences(&app, route.name, &act, &person, lang).await?;
            let page = page(&app, &session, &caller, title).await?;
            return Ok(Posted::Confirm(confirm::ConfirmPage {
                page,
                consequences,
                button,
                action: uri.path().to_owned(),
                fields: kept,
                back: target,
            }));
        }
        let (acted, events) = perform(&app, act, person).await?;
        Ok::<_, ApiError>(Posted::Acted { target, acted, events })
    }
    .await;
    match result {
        Ok(Posted::Confirm(question)) => render(StatusCode::OK, &question),
        Ok(Posted::Acted { target, acted, events }) => {
            // T1: a ballot's receipt and key are shown on this one answer, never put in the
            // session, where they would sit next to the voter's login.
            if let (Some(receipt), Some(key)) = (&acted.receipt, &acted.key) {
                let title = i18n::text(request_lang(&app, &caller).await, "ballot-title", &[]);
                let page = match page(&app, &session, &caller, title).await {
                    Ok(page) => page,
                    Err(error) => return error.into_response(),
                };
                let election = target.trim_start_matches("/elections/").to_owned();
                return render(
                    StatusCode::OK,
                    &BallotPage {
                        page,
                        election,
                        receipt: receipt.clone(),
                        key: key.clone(),
                    },
                );
            }
            let lang = request_lang(&app, &caller).await;
            let message = {
                let live = app.record.live.read().await;
                confirm::success(&events, &live.state.polity, lang)
            };
            if let Err(error) = session.insert("flash", message).await {
                return ApiError::session(error).into_response();
            }
            Redirect::to(&target).into_response()
        }
        Err(error) => error_page(&app, &session, &caller, error, back).await,
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    recorded: bool,
    tree: Vec<views::NestedEntry>,
    tree_closes: usize,
    elections: Vec<ProcessLink>,
    motions: Vec<ProcessLink>,
    meetings: Vec<ProcessLink>,
}

async fn home(State(app): State<Arc<App>>, caller: Caller, session: Session) -> Response {
    let result = async {
        let today = app.today();
        let live = app.record.live.read().await;
        let state = &live.state;
        let (tree, tree_closes) = views::nested(views::tree(state, today));
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "home-title", &[]).await,
            |page| Home {
                page,
                recorded: state.recorded,
                tree,
                tree_closes,
                elections: state
                    .elections
                    .values()
                    .filter(|election| election.phase != Phase::Closed)
                    .map(|election| views::election_link(&live.state, election))
                    .collect(),
                motions: state
                    .motions
                    .values()
                    .filter(|motion| motion.outcome.is_none())
                    .map(views::motion_link)
                    .collect(),
                meetings: state
                    .meetings
                    .values()
                    .filter(|meeting| meeting.minutes.is_none())
                    .map(views::meeting_link)
                    .collect(),
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    page: Page,
    people: Vec<Who>,
}

async fn people(State(app): State<Arc<App>>, caller: Caller, session: Session) -> Response {
    let result = async {
        let mut people: Vec<Who> = {
            let live = app.record.live.read().await;
            live.state
                .polity
                .people
                .iter()
                .filter(|person| !person.bot)
                .map(|person| Who {
                    id: person.id.clone(),
                    name: person.name.clone(),
                })
                .collect()
        };
        people.sort_by_cached_key(|person| i18n::collation_key(&person.name));
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "people-title", &[]).await,
            |page| PeoplePage { page, people },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    page: Page,
    person: PersonView,
    history: Vec<String>,
}

/// Whether a JSON value names `id` anywhere (an actor, a candidate, a member…).
fn mentions(value: &serde_json::Value, id: &str) -> bool {
    match value {
        serde_json::Value::String(text) => text == id,
        serde_json::Value::Array(items) => items.iter().any(|item| mentions(item, id)),
        serde_json::Value::Object(fields) => fields.values().any(|item| mentions(item, id)),
        _ => false,
    }
}

async fn person(State(app): State<Arc<App>>, caller: Caller, session: Session, Path(id): Path<String>) -> Response {
    let result = async {
        let view = {
            let live = app.record.live.read().await;
            views::person(&live.state, &id, app.today())
        }
        .ok_or_else(|| ApiError::not_found(format!("there is no person {id:?}")))?;
        let mut history = Vec::new();
        let person_id = view.id.clone();
        app.record
            .store
            .read_each(0, |row| {
                if row.kind == "registry-recorded" || row.kind == "registry-amended" {
                    return;
                }
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&row.payload)
                    && mentions(&value, &person_id)
                {
                    history.push(format!(
                        "{} · {} · {}",
                        row.recorded_at,
                        row.kind,
                        row.body.as_deref().unwrap_or("-")
                    ));
                }
            })
            .await?;
        history.reverse();
        show(&app, &session, &caller, view.name.clone(), |page| PersonPage {
            page,
            person: view,
            history,
        })
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}
