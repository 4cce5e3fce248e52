//! Subscriptions: calendars of a body and of a person (iCalendar), and the record as Atom feeds,
//! the whole record's and a body's. Public, like the pages they mirror.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use polity_store::EventLog as _;

use crate::App;
use crate::api::ClientAddress;
use crate::auth::Caller;
use crate::i18n::{Lang, text};

/// How many of the latest events a feed shows, and how far back a body's feed looks for them.
const FEED_ENTRIES: usize = 50;
const FEED_SCAN: i64 = 2_000;

fn not_found(what: String) -> Response {
    (StatusCode::NOT_FOUND, format!("{what}\n")).into_response()
}

fn calendar_response(text: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], text).into_response()
}

/// `/calendar/{body}.ics`
pub(crate) async fn body_calendar(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".ics") else {
        return not_found(format!("{file:?} is not a calendar: ask for /calendar/BODY.ics"));
    };
    let live = app.record.live.read().await;
    match polity_notify::subscriptions::body_calendar(&live.state, id, app.today(), app.config.public_url.as_deref()) {
        Some(text) => calendar_response(text),
        None => not_found(format!("there is no body {id:?}: the bodies are listed at /")),
    }
}

/// `/calendar/people/{person}.ics`
pub(crate) async fn person_calendar(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let Some(id) = file.strip_suffix(".ics") else {
        return not_found(format!(
            "{file:?} is not a calendar: ask for /calendar/people/PERSON.ics"
        ));
    };
    let live = app.record.live.read().await;
    match polity_notify::subscriptions::person_calendar(&live.state, id, app.today(), app.config.public_url.as_deref())
    {
        Some(text) => calendar_response(text),
        None => not_found(format!("there is no person {id:?}: the people are listed at /people")),
    }
}

/// `?lang=en|zh`: the feed's language, for a feed reader that sends no `Accept-Language`.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct FeedQuery {
    lang: Option<String>,
}

/// The feed's language: `?lang=` when it names one polity speaks, else the request's.
async fn feed_lang(app: &App, caller: &Caller, query: &FeedQuery) -> Lang {
    match query.lang.as_deref().and_then(Lang::parse) {
        Some(lang) => lang,
        None => super::request_lang(app, caller).await,
    }
}

async fn feed(
    app: &App,
    body: Option<&str>,
    self_path: &str,
    lang: Lang,
) -> Result<Response, polity_store::StoreError> {
    let store = &app.record.store;
    let (head, _) = store.head().await?;
    let rows = store.read_page((head - FEED_SCAN).max(0), FEED_SCAN).await?;
    let live = app.record.live.read().await;
    let polity = &live.state.polity;
    let entries: Vec<polity_notify::subscriptions::FeedEntry> = rows
        .iter()
        .rev()
        .filter(|row| body.is_none() || row.body.as_deref() == body)
        .take(FEED_ENTRIES)
        .map(|row| {
            let (summary, path) = match serde_json::from_str::<polity_engine::Event>(&row.payload) {
                Ok(event) => polity_notify::words::describe_in(&event, polity, lang),
                Err(_) => (text(lang, "feed-unreadable", &[("kind", &row.kind)]), "/log".to_owned()),
            };
            polity_notify::subscriptions::FeedEntry {
                seq: row.seq,
                recorded_at: row.recorded_at.clone(),
                kind: row.kind.clone(),
                hash: row.hash.clone(),
                summary,
                path,
            }
        })
        .collect();
    let base = app.config.public_url.as_deref();
    let title = match body.and_then(|id| polity.body(id)) {
        Some(found) => text(
            lang,
            "feed-body",
            &[("community", &polity.constitution.name), ("body", &found.name)],
        ),
        None => text(lang, "feed-record", &[("community", &polity.constitution.name)]),
    };
    let event = |seq: i64| text(lang, "feed-event", &[("seq", &seq.to_string())]);
    let words = polity_notify::subscriptions::FeedWords {
        tag: lang.tag(),
        query: if lang == Lang::En { "" } else { "?lang=zh" },
        event: &event,
    };
    let text = polity_notify::subscriptions::atom_in(&title, self_path, base, &entries, &words);
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], text).into_response())
}

fn unavailable(error: polity_store::StoreError) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("the record cannot be read just now ({error}); try again in a minute\n"),
    )
        .into_response()
}

/// `/feed.atom` (a heavy read: limited per client address, as the log is)
pub(crate) async fn record_feed(
    State(app): State<Arc<App>>,
    client: ClientAddress,
    caller: Caller,
    Query(query): Query<FeedQuery>,
) -> Response {
    if let Err(error) = app.heavy_read(&client.0) {
        return error.into_response();
    }
    let lang = feed_lang(&app, &caller, &query).await;
    feed(&app, None, "/feed.atom", lang).await.unwrap_or_else(unavailable)
}

/// `/bodies/{body}/feed.atom`
pub(crate) async fn body_feed(
    State(app): State<Arc<App>>,
    client: ClientAddress,
    caller: Caller,
    Path(id): Path<String>,
    Query(query): Query<FeedQuery>,
) -> Response {
    if let Err(error) = app.heavy_read(&client.0) {
        return error.into_response();
    }
    let lang = feed_lang(&app, &caller, &query).await;
    if app.record.live.read().await.state.polity.body(&id).is_none() {
        return not_found(format!("there is no body {id:?}: the bodies are listed at /"));
    }
    feed(&app, Some(&id), &format!("/bodies/{id}/feed.atom"), lang)
        .await
        .unwrap_or_else(unavailable)
}
