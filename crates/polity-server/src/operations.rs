//! Endpoints for whoever runs the server: `/healthz` (the process answers), `/readyz` (the
//! database answers and the record is intact as far as verified) and `/metrics` (Prometheus text,
//! only with `--metrics-token` or `--public-metrics`).

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use polity_store::EventLog as _;
use sha2::Digest as _;

use crate::{App, MetricsAccess};

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
}

async fn healthz() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

async fn readyz(State(app): State<Arc<App>>) -> Response {
    let problem = match app.record.broken() {
        Some(problems) => Some(format!("the record is broken: {problems}")),
        None => match app.record.audit().await {
            Ok(report) if report.problems.is_empty() => None,
            Ok(report) => Some(format!("the record's audit found {} problem(s)", report.problems.len())),
            Err(error) => Some(format!("the database does not answer: {error}")),
        },
    };
    let (status, body) = match problem {
        None => (StatusCode::OK, serde_json::json!({"ready": true})),
        Some(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            serde_json::json!({"ready": false, "reason": reason}),
        ),
    };
    (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

fn allowed(access: &MetricsAccess, headers: &HeaderMap) -> bool {
    match access {
        MetricsAccess::Off => false,
        MetricsAccess::Public => true,
        MetricsAccess::Token(digest) => headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .is_some_and(|token| {
                let given: String = sha2::Sha256::digest(token.trim().as_bytes())
                    .iter()
                    .map(|byte| format!("{byte:02x}"))
                    .collect();
                // Digests of equal length compared whole: no early exit on the first difference.
                given.bytes().zip(digest.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
                    && given.len() == digest.len()
            }),
    }
}

async fn metrics(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if !allowed(&app.config.metrics, &headers) {
        return (
            StatusCode::NOT_FOUND,
            "metrics are not public here: the operator reads them with the token of `polity serve --metrics-token`\n",
        )
            .into_response();
    }
    let store = &app.record.store;
    let figures = async {
        let (head, _) = store.head().await?;
        let sessions = store.session_count().await?;
        let waiting = store.outbox_waiting().await?;
        Ok::<_, polity_store::StoreError>((head, sessions, waiting))
    }
    .await;
    match figures {
        Ok((head, sessions, waiting)) => (
            [
                (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            app.record.metrics.render(head, sessions, waiting),
        )
            .into_response(),
        Err(error) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the database does not answer: {error}\n"),
        )
            .into_response(),
    }
}
