//! `cargo bench -p polity --bench serve`: 500 concurrent voters against a real `polity serve`
//! process on loopback (SQLite, the embedded default), each casting one ranked ballot with its
//! own API token, all at once. Three rounds, one election each. After each round the election
//! is closed through the API and the tally sheet must hold exactly 500 ballots: none lost, none
//! counted twice, and no answer may be a 5xx. Prints latency (p50, p99, max) and throughput.
//! Goal on this machine: p99 at most 100 ms and at least 1,000 ballots per second.
//!
//! Bounded: 3 rounds x 500 ballots; the bench fails if a round takes longer than 60 s.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{percentile, post};

const VOTERS: usize = 500;
const ROUNDS: usize = 3;
const CANDIDATES: [&str; 5] = ["v001", "v002", "v003", "v004", "v005"];

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("load.db").display());
    let tokens = Arc::new(common::prepare(&db, VOTERS, async |_| {}));
    let (mut child, base) = common::serve(&db, &[]);
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
            let election = common::election(&client, &base, &officer, round, 2, &CANDIDATES).await;
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
                    let (status, body) = post(&client, &url, &tokens[voter], serde_json::json!({"ranking": ranking})).await;
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
            let (status, body) = post(&client, &format!("{election}/close"), &officer, serde_json::json!({})).await;
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
