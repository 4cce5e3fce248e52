//! The record as people read it (`/log`): newest first, each act in words with who did it and a
//! link to its page, the raw event one click away; filtered by body, kind and dates; paged by
//! sequence number (keyset: `before`), never by offset. A filtered page reads back at most
//! `SCAN` events, so a filter that matches nothing costs a bounded read, and says where it
//! stopped.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use polity_engine::Event;
use polity_store::EventLog;
use serde::Deserialize;
use tower_sessions::Session;

use super::{Page, respond, show, title};
use crate::App;
use crate::api::ClientAddress;
use crate::auth::Caller;
use crate::error::ApiError;

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    page: Page,
    intact: bool,
    events: usize,
    head: i64,
    problems: Vec<String>,
    rows: Vec<Row>,
    /// The `before` of the next (older) page, when there is one, with the filters kept.
    earlier: Option<String>,
    /// When a filtered read stopped before filling the page: the oldest event it read.
    scanned_to: Option<i64>,
    filter: Filter,
    /// The bodies and kinds a filter can choose: (value, label).
    bodies: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    /// The newest signed checkpoints: (event, hash, signed on, public key).
    checkpoints: Vec<(i64, String, String, String)>,
}

/// One act as the record's table shows it.
struct Row {
    seq: i64,
    date: String,
    body: String,
    what: String,
    /// The page the act concerns, when it has one.
    link: Option<String>,
    who: String,
}

/// The filters, as given (each checked; a wrong one is an error that says so).
#[derive(Debug, Default, Deserialize)]
pub(super) struct Filter {
    #[serde(default)]
    body: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    before: Option<i64>,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.body.is_empty() && self.kind.is_empty() && self.from.is_empty() && self.until.is_empty()
    }

    /// The query string of these filters with another `before`.
    fn with_before(&self, before: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (name, value) in [
            ("body", &self.body),
            ("kind", &self.kind),
            ("from", &self.from),
            ("until", &self.until),
        ] {
            if !value.is_empty() {
                pairs.push((name, value.clone()));
            }
        }
        pairs.push(("before", before.to_string()));
        serde_html_form::to_string(&pairs).unwrap_or_default()
    }
}

/// Rows on one page.
const PAGE: usize = 100;
/// The most events one filtered page reads back.
const SCAN: i64 = 20_000;
/// Events read per store round trip while filtering.
const CHUNK: i64 = 500;

fn date_filter(name: &str, text: &str) -> Result<Option<jiff::civil::Date>, ApiError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    polity_model::parse_date(text).map(Some).map_err(|why| {
        ApiError::bad_request(
            format!("the {name} date \u{201c}{text}\u{201d} is not a date: {why}"),
            "write it as 2026-06-01, 2026/06/01 or 2026年6月1日, or leave it empty",
        )
    })
}

pub(super) async fn log(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    client: ClientAddress,
    Query(filter): Query<Filter>,
) -> Response {
    let result = async {
        if caller.account.is_none() {
            app.heavy_read(&client.0)?;
        }
        let from = date_filter("from", &filter.from)?;
        let until = date_filter("until", &filter.until)?;
        if !filter.kind.is_empty() && !polity_engine::EVENT_KINDS.contains(&filter.kind.as_str()) {
            return Err(ApiError::bad_request(
                format!("there is no kind of act {:?}", filter.kind),
                "choose a kind from the list, or leave it empty",
            ));
        }
        let lang = super::request_lang(&app, &caller).await;
        let report = app.record.audit().await?;
        let polity = app.record.live.read().await.state.polity.clone();
        let mut before = filter.before.unwrap_or(i64::MAX).clamp(1, report.head_seq + 1);
        let floor = if filter.is_empty() { 0 } else { (before - SCAN).max(0) };
        let mut rows = Vec::new();
        // Read back in chunks until the page is full or the scan's floor is reached.
        while rows.len() < PAGE && before > floor + 1 {
            let after = (before - 1 - CHUNK).max(floor);
            let chunk = app.record.store.read_page(after, before - 1 - after).await?;
            let mut full = false;
            for row in chunk.into_iter().rev() {
                before = row.seq;
                let date = row.recorded_at.get(..10).unwrap_or(&row.recorded_at).to_owned();
                let body = row.body.clone().unwrap_or_default();
                let keep = (filter.body.is_empty() || body == filter.body)
                    && (filter.kind.is_empty() || row.kind == filter.kind)
                    && from.is_none_or(|from| date.as_str() >= from.to_string().as_str())
                    && until.is_none_or(|until| date.as_str() <= until.to_string().as_str());
                if keep {
                    rows.push(row_of(row, date, body, &polity, lang));
                    if rows.len() == PAGE {
                        full = true;
                        break;
                    }
                }
            }
            if !full {
                // Everything after `after` is read (also when the chunk came back short).
                before = after + 1;
            }
        }
        let more = before > 1;
        let scanned_to = (!filter.is_empty() && rows.len() < PAGE && more).then_some(before);
        let checkpoints = app.record.store.checkpoints().await?;
        let mut bodies: Vec<(String, String)> = polity
            .bodies
            .iter()
            .map(|body| (body.id.clone(), body.name.clone()))
            .collect();
        bodies.sort_by_cached_key(|body| crate::i18n::collation_key(&body.1));
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "log-title", &[]).await,
            |page| LogPage {
                page,
                intact: report.is_intact(),
                events: report.events,
                head: report.head_seq,
                problems: report.problems.iter().map(ToString::to_string).collect(),
                rows,
                earlier: more.then(|| filter.with_before(before)),
                scanned_to,
                bodies,
                kinds: polity_engine::EVENT_KINDS
                    .iter()
                    .map(|kind| {
                        (
                            (*kind).to_owned(),
                            crate::i18n::text(lang, &format!("act-kind-{kind}"), &[]),
                        )
                    })
                    .collect(),
                filter,
                checkpoints: checkpoints
                    .into_iter()
                    .rev()
                    .take(20)
                    .map(|checkpoint| {
                        (
                            checkpoint.seq,
                            checkpoint.hash,
                            checkpoint.signed_on,
                            checkpoint.public_key,
                        )
                    })
                    .collect(),
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

/// A kind of act as a label: `ballot-cast` → "Ballot cast".
fn kind_words(kind: &str) -> String {
    let text = kind.replace('-', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A stored event as a row: in words, by whom, with its page.
fn row_of(
    row: polity_store::StoredEvent,
    date: String,
    body: String,
    polity: &polity_model::Polity,
    lang: crate::i18n::Lang,
) -> Row {
    let value: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let who = ["by", "member", "person", "voter"]
        .iter()
        .find_map(|field| value.get(*field).and_then(|id| id.as_str()))
        .map(|id| {
            polity
                .person(id)
                .map_or_else(|| id.to_owned(), |person| person.name.clone())
        })
        .unwrap_or_default();
    let (what, link) = if row.kind == "registry-recorded" {
        (crate::i18n::text(lang, "log-registry-recorded", &[]), None)
    } else {
        match serde_json::from_value::<Event>(value) {
            Ok(event) => {
                let (sentence, page) = polity_notify::words::describe_in(&event, polity, lang);
                (sentence, (!page.is_empty()).then_some(page))
            }
            Err(_) => (
                crate::i18n::text(
                    lang,
                    "log-unreadable",
                    &[(
                        "kind",
                        &crate::i18n::lookup(lang, &format!("act-kind-{}", row.kind), &[])
                            .unwrap_or_else(|| kind_words(&row.kind)),
                    )],
                ),
                None,
            ),
        }
    };
    Row {
        seq: row.seq,
        date,
        body,
        what,
        link,
        who,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn kinds_read_as_words() {
        assert_eq!(super::kind_words("ballot-cast"), "Ballot cast");
        assert_eq!(super::kind_words(""), "");
    }
}
