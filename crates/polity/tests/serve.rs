//! Two `polity serve` processes sharing one PostgreSQL database (issue 6): an act through one is
//! visible through the other within a second, and ballots cast concurrently through both, twice
//! by every voter, are counted once each. Runs when POLITY_TEST_POSTGRES holds a server URL
//! (`.ci/run` sets it); says SKIPPED otherwise.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PASSWORD: &str = "a password for tests";

#[path = "support/server.rs"]
mod server;

use server::Server;

fn polity() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_polity"));
    command.env("LC_ALL", "C.UTF-8");
    command
}

fn start(db: &str, registry: Option<&str>) -> Server {
    start_with(db, registry, &[])
}

fn start_with(db: &str, registry: Option<&str>, extra: &[&str]) -> Server {
    let mut args = vec!["serve", "--db", db, "--listen", "127.0.0.1:0", "--today", "2026-06-20"];
    args.extend(extra);
    if let Some(registry) = registry {
        args.extend(["--registry", registry]);
    }
    server::start(&args, &[], None)
}

fn account(db: &str, login: &str) -> String {
    let mut child = polity()
        .args([
            "account",
            "add",
            login,
            "--person",
            login,
            "--password-stdin",
            "--db",
            db,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    assert!(child.wait().unwrap().success());
    let out = polity().args(["account", "token", login, "--db", db]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn post(client: &reqwest::Client, url: &str, token: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
    let response = client.post(url).bearer_auth(token).json(&body).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(serde_json::Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_postgres_visible_within_a_second_no_double_count() {
    let admin_url = match std::env::var("POLITY_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            eprintln!("two servers on PostgreSQL SKIPPED: set POLITY_TEST_POSTGRES to a server URL to run it");
            return;
        }
    };
    let admin = sqlx::PgPool::connect(&admin_url)
        .await
        .expect("POLITY_TEST_POSTGRES is reachable");
    let name = format!("polity_serve_{}", std::process::id());
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap();
    let (server_url, _) = admin_url.rsplit_once('/').expect("URL ends in /DATABASE");
    let db = format!("{server_url}/{name}");
    let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cfn-working-group");
    let a = start(&db, Some(registry));
    let b = start(&db, None);
    let members = ["alice", "bob", "chen", "dana", "emil", "fang", "gus", "hua", "ivan"];
    let tokens: Vec<String> = members.iter().map(|member| account(&db, member)).collect();
    let token = |member: &str| tokens[members.iter().position(|name| *name == member).unwrap()].clone();
    let client = reqwest::Client::new();

    // An act through A is visible through B within a second.
    let (status, _) = post(
        &client,
        &format!("{}/api/bodies/tsc/motions", a.url),
        &token("alice"),
        serde_json::json!({"title": "Seen from the other server"}),
    )
    .await;
    assert_eq!(status, 200);
    let started = Instant::now();
    loop {
        let response = client
            .get(format!("{}/api/motions/tsc/m1", b.url))
            .send()
            .await
            .unwrap();
        if response.status() == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "B did not see A's motion within a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let seen_after = started.elapsed();

    // An election run across both servers.
    let (status, body) = post(
        &client,
        &format!("{}/api/bodies/tsc/elections", a.url),
        &token("alice"),
        serde_json::json!({"seat": "chair"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    for (candidate, nominator, server) in [("chen", "alice", &a), ("dana", "bob", &b)] {
        let (status, body) = post(
            &client,
            &format!("{}/api/elections/tsc/e1/nominations", server.url),
            &token(nominator),
            serde_json::json!({"candidate": candidate}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = post(
            &client,
            &format!("{}/api/elections/tsc/e1/consent", server.url),
            &token(candidate),
            serde_json::json!({}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = post(
        &client,
        &format!("{}/api/elections/tsc/e1/close-nominations", b.url),
        &token("alice"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // Every member sends the same ballot to both servers at once: one is counted, one refused.
    let mut attempts = Vec::new();
    for member in members {
        for server in [&a.url, &b.url] {
            let client = client.clone();
            let url = format!("{server}/api/elections/tsc/e1/ballots");
            let token = token(member);
            attempts.push(tokio::spawn(async move {
                let ranking = if member < "e" {
                    serde_json::json!([["chen"], ["dana"]])
                } else {
                    serde_json::json!([["dana"]])
                };
                (
                    member,
                    post(&client, &url, &token, serde_json::json!({"ranking": ranking})).await,
                )
            }));
        }
    }
    let mut accepted = std::collections::BTreeMap::new();
    for attempt in attempts {
        let (member, (status, body)) = attempt.await.unwrap();
        assert!(status == 200 || status == 403, "{member}: {status} {body}");
        if status == 403 {
            assert_eq!(body["rule"], "E3", "{body}");
        } else {
            *accepted.entry(member).or_insert(0) += 1;
        }
    }
    assert_eq!(accepted.len(), members.len());
    assert!(accepted.values().all(|count| *count == 1), "{accepted:?}");
    let (status, body) = post(
        &client,
        &format!("{}/api/elections/tsc/e1/close", a.url),
        &token("alice"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    for server in [&a, &b] {
        let started = Instant::now();
        let election = loop {
            let election: serde_json::Value = client
                .get(format!("{}/api/elections/tsc/e1", server.url))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if election["election"]["phase"] == "Closed" || started.elapsed() > Duration::from_secs(1) {
                break election;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert_eq!(
            election["election"]["tally_sheet"].as_array().unwrap().len(),
            9,
            "{}",
            server.url
        );
        assert_eq!(election["election"]["winners"], serde_json::json!(["dana"]));
    }
    let audit: serde_json::Value = client
        .get(format!("{}/api/audit", b.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(audit["intact"], true);
    eprintln!("B saw A's act after {seen_after:?}");
    drop((a, b));
    admin.close().await;
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_act_through_one_server_reaches_the_other_by_notification_without_waiting_for_the_poll() {
    let admin_url = match std::env::var("POLITY_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            eprintln!("LISTEN/NOTIFY between servers SKIPPED: set POLITY_TEST_POSTGRES to a server URL to run it");
            return;
        }
    };
    let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
    let name = format!("polity_notify_{}", std::process::id());
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap();
    let (server_url, _) = admin_url.rsplit_once('/').unwrap();
    let db = format!("{server_url}/{name}");
    let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cfn-working-group");
    // Both poll only every ten minutes: what B learns within seconds it heard by notification.
    let slow = ["--poll-every-ms", "600000"];
    let a = start_with(&db, Some(registry), &slow);
    let b = start_with(&db, None, &slow);
    let token = account(&db, "alice");
    let client = reqwest::Client::new();
    let (status, _) = post(
        &client,
        &format!("{}/api/bodies/tsc/motions", a.url),
        &token,
        serde_json::json!({"title": "Heard, not polled"}),
    )
    .await;
    assert_eq!(status, 200);
    let started = Instant::now();
    loop {
        let response = client
            .get(format!("{}/api/motions/tsc/m1", b.url))
            .send()
            .await
            .unwrap();
        if response.status() == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "B never heard of A's motion (the poll is ten minutes away)"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    eprintln!("B saw A's motion {:?} after it was recorded", started.elapsed());
    drop((a, b));
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&admin)
    .await;
}
