//! `cargo bench -p polity --bench serve`: 500 concurrent voters against a real `polity serve`
//! process on loopback (SQLite, the embedded default), each casting one ranked ballot with its
//! own API token, all at once. Three rounds, one election each. After each round the election
//! is closed through the API and the tally sheet must hold exactly 500 ballots: none lost, none
//! counted twice, and no answer may be a 5xx. Prints latency (p50, p99, max) and throughput.
//! Goal on this machine: p99 at most 100 ms and at least 1,000 ballots per second.
//!
//! Bounded: 3 rounds x 500 ballots; the bench fails if a round takes longer than 60 s.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use polity_engine::{Command as Act, Context, SourceFile};
use polity_server::live::Extra;
use polity_server::{App, Config};
use polity_store::{Account, Store};

const VOTERS: usize = 500;
const ROUNDS: usize = 3;
const CANDIDATES: [&str; 5] = ["v001", "v002", "v003", "v004", "v005"];

fn registry() -> Vec<(String, String)> {
    let mut people = String::new();
    let mut holders = String::new();
    for n in 1..=VOTERS {
        people.push_str(&format!("- {{ id: v{n:03}, name: Voter {n} }}\n"));
        holders.push_str(&format!(
            "  - {{ person: v{n:03}, seat: member, from: 2026-01-01, until: 2027-01-01 }}\n"
        ));
    }
    vec![
        (
            "polity.yaml".to_owned(),
            "name: Load test assembly\nelections: { nomination: 2 weeks, voting: 1 week }\n".to_owned(),
        ),
        ("people.yaml".to_owned(), people),
        ("organisations.yaml".to_owned(), "[]\n".to_owned()),
        (
            "bodies/assembly.yaml".to_owned(),
            format!(
                "id: assembly\nkind: oversight-committee\nname: Assembly\nterm: 12 months\n\
                 elections: {{ nominators: members, candidates: members, voters: members, method: schulze }}\n\
                 holders:\n{holders}"
            ),
        ),
    ]
}

fn at() -> jiff::civil::Date {
    jiff::civil::date(2026, 6, 20)
}

/// Records the registry and one token per voter, in-process, before the server starts.
fn prepare(db: &str) -> Vec<String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::open(db).await.unwrap();
        let app = App::new(store, Config::default()).await.unwrap();
        let files = registry()
            .into_iter()
            .map(|(path, content)| SourceFile { path, content })
            .collect();
        let context = Context {
            actor: "bench".into(),
            on: at(),
        };
        app.record
            .act(Act::RecordRegistry { files }, Extra::None, &context)
            .await
            .expect("the registry records");
        let mut tokens = Vec::new();
        for n in 1..=VOTERS {
            let login = format!("v{n:03}");
            app.record
                .store
                .put_account(&Account {
                    login: login.clone(),
                    person: Some(login.clone()),
                    password: None,
                    github: None,
                    admin: false,
                })
                .await
                .unwrap();
            tokens.push(
                polity_server::auth::issue_token(&app.record.store, &login, "bench", "2026-06-20")
                    .await
                    .unwrap(),
            );
        }
        tokens
    })
}

async fn post(client: &reqwest::Client, url: String, token: &str, body: serde_json::Value) -> (u16, String) {
    let response = client
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("load.db").display());
    let tokens = Arc::new(prepare(&db));
    let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0", "--today", "2026-06-20"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("polity serve starts");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    std::thread::spawn(move || for _ in lines {});
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    println!("polity serve on {base} (SQLite, release build), {VOTERS} voters, {ROUNDS} rounds");
    println!("round  ballots  counted  5xx  wall(ms)  ballots/s   p50(ms)  p99(ms)  max(ms)");
    let mut failed = false;
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(VOTERS)
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        let officer = tokens[0].clone();
        for round in 1..=ROUNDS {
            let (status, body) = post(&client, format!("{base}/api/bodies/assembly/elections"), &officer, serde_json::json!({"seats": 2})).await;
            assert_eq!(status, 200, "{body}");
            let election = format!("{base}/api/elections/assembly/e{round}");
            for candidate in CANDIDATES {
                let (status, body) = post(&client, format!("{election}/nominations"), &officer, serde_json::json!({"candidate": candidate})).await;
                assert_eq!(status, 200, "{body}");
            }
            let (status, body) = post(&client, format!("{election}/close-nominations"), &officer, serde_json::json!({})).await;
            assert_eq!(status, 200, "{body}");
            // All voters start together; round 1 also opens the 500 connections, later rounds
            // reuse them (as browsers keep theirs).
            let gate = Arc::new(tokio::sync::Barrier::new(VOTERS + 1));
            let mut tasks = Vec::with_capacity(VOTERS);
            for voter in 0..VOTERS {
                let client = client.clone();
                let tokens = tokens.clone();
                let gate = gate.clone();
                let url = format!("{election}/ballots");
                tasks.push(tokio::spawn(async move {
                    let ranking: Vec<Vec<&str>> = (0..CANDIDATES.len())
                        .map(|k| vec![CANDIDATES[(voter + k) % CANDIDATES.len()]])
                        .collect();
                    gate.wait().await;
                    let started = Instant::now();
                    let (status, body) = post(&client, url, &tokens[voter], serde_json::json!({"ranking": ranking})).await;
                    (status, body, started.elapsed())
                }));
            }
            gate.wait().await;
            let wall = Instant::now();
            let mut latencies = Vec::with_capacity(VOTERS);
            let mut server_errors = 0;
            let mut accepted = 0;
            for task in tasks {
                let (status, body, latency) = task.await.unwrap();
                if status >= 500 {
                    server_errors += 1;
                    eprintln!("5xx: {status} {body}");
                } else if status == 200 {
                    accepted += 1;
                } else {
                    eprintln!("refused: {status} {body}");
                }
                latencies.push(latency);
            }
            let wall = wall.elapsed();
            let (status, body) = post(&client, format!("{election}/close"), &officer, serde_json::json!({})).await;
            assert_eq!(status, 200, "{body}");
            let closed: serde_json::Value = client.get(&election).send().await.unwrap().json().await.unwrap();
            let counted = closed["election"]["tally_sheet"].as_array().map_or(0, Vec::len);
            latencies.sort();
            println!(
                "{round:>5}  {accepted:>7}  {counted:>7}  {server_errors:>3}  {:>8.1}  {:>9.0}  {:>8.1}  {:>7.1}  {:>7.1}",
                wall.as_secs_f64() * 1000.0,
                VOTERS as f64 / wall.as_secs_f64(),
                percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
                percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
                latencies.last().unwrap().as_secs_f64() * 1000.0,
            );
            if counted != VOTERS || accepted != VOTERS || server_errors > 0 || wall > Duration::from_secs(60) {
                failed = true;
            }
        }
    });
    let _ = child.kill();
    let _ = child.wait();
    if failed {
        eprintln!("FAILED: a round lost or double-counted a ballot, answered 5xx, or ran over 60 s");
        std::process::exit(1);
    }
}
