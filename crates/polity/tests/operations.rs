//! Running polity serve as a service: settings from a TOML file (a flag and POLITY_* win over
//! it), `/healthz`, `/readyz`, `/metrics` behind a token.

use std::process::Command;

#[path = "support/server.rs"]
mod server;

use server::{Server, start as start_server};

fn start(args: &[&str], env: &[(&str, &str)]) -> Server {
    start_server(args, env, None)
}

#[tokio::test]
async fn serve_reads_a_config_file_and_reports_health_readiness_and_metrics_to_the_token_holder() {
    let dir = tempfile::tempdir().unwrap();
    health_readiness_and_metrics(&format!("sqlite:{}", dir.path().join("record.db").display())).await;
}

#[tokio::test]
async fn on_postgres_too_serve_reports_health_readiness_and_metrics() {
    let admin_url = match std::env::var("POLITY_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            eprintln!("health and metrics on PostgreSQL SKIPPED: set POLITY_TEST_POSTGRES to a server URL to run it");
            return;
        }
    };
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    let name = format!("polity_operations_{}", std::process::id());
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap();
    let (server, _) = admin_url.rsplit_once('/').unwrap();
    health_readiness_and_metrics(&format!("{server}/{name}")).await;
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
}

async fn health_readiness_and_metrics(db: &str) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("polity.toml");
    std::fs::write(
        &config,
        format!(
            "db = \"{db}\"\nlisten = \"127.0.0.1:0\"\ndemo = true\nmetrics-token = \"from the file\"\n\
             trusted-proxy = [\"10.0.0.2\"]\nread-limit = 50\n"
        ),
    )
    .unwrap();
    // The environment wins over the file: the token is the environment's.
    let server = start(
        &["serve", "--config", config.to_str().unwrap()],
        &[("POLITY_METRICS_TOKEN", "from the environment")],
    );
    let client = reqwest::Client::new();
    let get = |path: &str, token: Option<&str>| {
        let mut request = client.get(format!("{}{path}", server.url));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let health = get("/healthz", None).await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok\n");
    let ready = get("/readyz", None).await.unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.json::<serde_json::Value>().await.unwrap()["ready"], true);
    // Not public: no token, the file's token (overridden), a wrong one.
    for token in [None, Some("from the file"), Some("from the environmenT")] {
        let answer = get("/metrics", token).await.unwrap();
        assert_eq!(answer.status(), 404, "{token:?}");
        assert!(answer.text().await.unwrap().contains("--metrics-token"));
    }
    let metrics = get("/metrics", Some("from the environment")).await.unwrap();
    assert_eq!(metrics.status(), 200);
    assert_eq!(
        metrics.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let text = metrics.text().await.unwrap();
    // The demo's acts went through this server: counted, with their ballots and latency.
    let value = |name: &str| -> f64 {
        text.lines()
            .find_map(|line| line.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
            .unwrap_or_else(|| panic!("no {name} in\n{text}"))
            .parse()
            .unwrap()
    };
    assert!(value("polity_acts_accepted_total") >= 20.0, "{text}");
    assert_eq!(value("polity_ballots_cast_total"), 14.0, "{text}");
    assert_eq!(
        value("polity_act_duration_seconds_count"),
        value("polity_acts_accepted_total")
    );
    assert!(value("polity_record_head_seq") >= value("polity_events_appended_total"));
    assert!(text.contains("# TYPE polity_act_duration_seconds histogram"));
    assert!(!text.contains("receipt"), "{text}");
}

#[test]
fn a_config_file_with_an_unknown_setting_starts_nothing_and_names_the_near_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("polity.toml");
    std::fs::write(&config, "listen = \"127.0.0.1:0\"\nread-limt = 5\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["serve", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("`read-limt` is not a setting of polity serve; did you mean `read-limit`?"),
        "{error}"
    );
}

#[tokio::test]
async fn json_logs_say_each_request_by_its_route_never_its_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    let (sender, receiver) = std::sync::mpsc::channel();
    let server = start_server(
        &[
            "serve",
            "--demo",
            "--db",
            &db,
            "--listen",
            "127.0.0.1:0",
            "--log-format",
            "json",
        ],
        &[],
        Some(sender),
    );
    let receipt = "0123456789abcdef0123456789abcdef";
    reqwest::get(format!("{}/healthz", server.url)).await.unwrap();
    reqwest::get(format!("{}/api/elections/tsc/e1/receipts/{receipt}", server.url))
        .await
        .unwrap();
    let mut logged = Vec::new();
    while logged.len() < 2 {
        let line = receiver
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("a log line");
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) {
            logged.push((line, value));
        }
    }
    assert_eq!(logged[0].1["route"], "/healthz");
    assert_eq!(logged[0].1["status"], 200);
    assert_eq!(logged[0].1["method"], "GET");
    assert!(logged[0].1["micros"].is_u64());
    assert_eq!(logged[1].1["route"], "/api/elections/{body}/{n}/receipts/{receipt}");
    assert!(!logged[1].0.contains(receipt), "{}", logged[1].0);
}
