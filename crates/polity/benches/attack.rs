//! `cargo bench -p polity --bench attack`: honest voters under attack (issue 11). A real
//! `polity serve` process on loopback (SQLite) holds a record of about 26,000 events. Each run,
//! 300 voters cast one ballot each, all at once, in a new election. Quiet runs and attacked runs
//! alternate (best of 3 each): in an attacked run, 8 anonymous readers loop over `GET /log` and
//! `GET /api/audit`, and one voter who has voted loops over ballots replacing a made-up key. Prints
//! the honest voters' latency (p50, p99) in both, and the ratio of the best p99s. Goal: the attacked
//! p99 within 2x of the quiet one; in every run 300 accepted, 300 counted, no 5xx.
//!
//! Bounded: 6 runs x 300 ballots; the attackers stop when the voters are done; a run over 60 s fails.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{percentile, post};
use polity_count::motion::Choice;
use polity_engine::{Command as Act, Context};
use polity_server::live::Extra;

const VOTERS: usize = 300;
const PADDING_VOTES: usize = 86;
const RUNS: usize = 3;
const CANDIDATES: [&str; 4] = ["v001", "v002", "v003", "v004"];

/// The assembly (300 honest voters and the attacker), about 26,000 motion votes recorded before
/// (the long record the readers read), a token each; the last voter is the attacker.
fn prepare(db: &str) -> Vec<String> {
    common::prepare(db, VOTERS + 1, async |app| {
        let at = |actor: String| Context::on(actor, common::at());
        app.record
            .act(
                Act::motion("assembly", "Pad the record"),
                Extra::None,
                &at("v001".into()),
            )
            .await
            .unwrap();
        for round in 0..PADDING_VOTES {
            let mut pending = Vec::new();
            for n in 1..=VOTERS {
                let app = app.clone();
                let context = at(format!("v{n:03}"));
                pending.push(tokio::spawn(async move {
                    let vote = Act::Vote(polity_engine::command::Vote {
                        motion: "assembly/m1".into(),
                        choice: if round % 2 == 0 { Choice::Yes } else { Choice::No },
                        on_behalf_of: None,
                        capacity: None,
                    });
                    app.record.act(vote, Extra::None, &context).await.unwrap();
                }));
            }
            for task in pending {
                task.await.unwrap();
            }
        }
        let (events, _) = polity_store::EventLog::head(&app.record.store).await.unwrap();
        println!("record: {events} events");
    })
}

struct Outcome {
    p50: Duration,
    p99: Duration,
    accepted: usize,
    counted: usize,
    server_errors: usize,
    reads: usize,
    spam: usize,
}

async fn run(
    client: &reqwest::Client,
    base: &str,
    tokens: &Arc<Vec<String>>,
    number: usize,
    attacked: bool,
) -> Outcome {
    let election = common::election(client, base, &tokens[0], number, 1, &CANDIDATES).await;
    let officer = &tokens[0];
    let attacker = tokens[VOTERS].clone();
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let spam = Arc::new(AtomicUsize::new(0));
    let server_errors = Arc::new(AtomicUsize::new(0));
    let mut attackers = Vec::new();
    if attacked {
        // The attacker votes once, then spams replacements with made-up keys.
        let (status, body) = post(
            client,
            &format!("{election}/ballots"),
            &attacker,
            serde_json::json!({"ranking": [["v001"]]}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        for reader in 0..8 {
            let (client, stop, reads, errors) = (client.clone(), stop.clone(), reads.clone(), server_errors.clone());
            let url = if reader % 2 == 0 {
                format!("{base}/log")
            } else {
                format!("{base}/api/audit")
            };
            attackers.push(tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(response) = client.get(&url).send().await {
                        if response.status().is_server_error() {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        let _ = response.bytes().await;
                        reads.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        let (client, stop, spam, url, errors) = (
            client.clone(),
            stop.clone(),
            spam.clone(),
            format!("{election}/ballots"),
            server_errors.clone(),
        );
        attackers.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let (status, _) = post(
                    &client,
                    &url,
                    &attacker,
                    serde_json::json!({"ranking": [["v002"]], "replaces": format!("{n:032x}")}),
                )
                .await;
                if status >= 500 {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
                spam.fetch_add(1, Ordering::Relaxed);
            }
        }));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let gate = Arc::new(tokio::sync::Barrier::new(VOTERS + 1));
    let mut tasks = Vec::with_capacity(VOTERS);
    for voter in 0..VOTERS {
        let (client, tokens, gate) = (client.clone(), tokens.clone(), gate.clone());
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
    let mut accepted = 0;
    for task in tasks {
        let (status, body, latency) = task.await.unwrap();
        match status {
            200 => accepted += 1,
            500.. => {
                server_errors.fetch_add(1, Ordering::Relaxed);
                eprintln!("5xx: {status} {body}");
            }
            _ => eprintln!("refused: {status} {body}"),
        }
        latencies.push(latency);
    }
    assert!(wall.elapsed() < Duration::from_secs(60), "a run took over 60 s");
    stop.store(true, Ordering::Relaxed);
    for task in attackers {
        task.await.unwrap();
    }
    // Everyone has voted (the attacker too, when attacking): the officer closes now.
    if !attacked {
        let (status, body) = post(
            client,
            &format!("{election}/ballots"),
            &tokens[VOTERS],
            serde_json::json!({"ranking": [["v001"]]}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = post(client, &format!("{election}/close"), officer, serde_json::json!({})).await;
    assert_eq!(status, 200, "{body}");
    let closed: serde_json::Value = client.get(&election).send().await.unwrap().json().await.unwrap();
    let counted = closed["election"]["tally_sheet"].as_array().map_or(0, Vec::len) - 1;
    latencies.sort();
    Outcome {
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        accepted,
        counted,
        server_errors: server_errors.load(Ordering::Relaxed),
        reads: reads.load(Ordering::Relaxed),
        spam: spam.load(Ordering::Relaxed),
    }
}

/// Alternates quiet and attacked runs (best of `RUNS` each) against a server started with
/// `server_args`, numbering elections from `first`; false when a run lost a ballot or answered 5xx.
fn series(db: &str, tokens: &Arc<Vec<String>>, server_args: &[&str], label: &str, first: usize) -> bool {
    let (mut child, base) = common::serve(db, server_args);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    println!("\n{label}: polity serve {} on {base}", server_args.join(" "));
    println!("run  load      accepted  counted  5xx  p50(ms)  p99(ms)  attacker reads  spam ballots");
    let mut ok = true;
    let (mut quiet, mut attacked) = (Vec::new(), Vec::new());
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(VOTERS + 16)
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        for number in first..first + 2 * RUNS {
            let attack = (number - first) % 2 == 1;
            let outcome = run(&client, &base, tokens, number, attack).await;
            println!(
                "{number:>3}  {:<8}  {:>8}  {:>7}  {:>3}  {:>7.1}  {:>7.1}  {:>14}  {:>12}",
                if attack { "attacked" } else { "quiet" },
                outcome.accepted,
                outcome.counted,
                outcome.server_errors,
                outcome.p50.as_secs_f64() * 1000.0,
                outcome.p99.as_secs_f64() * 1000.0,
                outcome.reads,
                outcome.spam,
            );
            if outcome.accepted != VOTERS || outcome.counted != VOTERS || outcome.server_errors > 0 {
                ok = false;
            }
            if attack {
                attacked.push(outcome.p99)
            } else {
                quiet.push(outcome.p99)
            }
        }
    });
    let _ = child.kill();
    let _ = child.wait();
    let best = |runs: &[Duration]| runs.iter().min().copied().unwrap();
    let ratio = best(&attacked).as_secs_f64() / best(&quiet).as_secs_f64();
    println!(
        "best p99: quiet {:.1} ms, attacked {:.1} ms: ratio {ratio:.2} (goal <= 2)",
        best(&quiet).as_secs_f64() * 1000.0,
        best(&attacked).as_secs_f64() * 1000.0
    );
    ok
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("attack.db").display());
    let started = Instant::now();
    let tokens = Arc::new(prepare(&db));
    println!(
        "prepared in {:.1} s; {VOTERS} honest voters, release build, SQLite",
        started.elapsed().as_secs_f64()
    );
    let limited = series(&db, &tokens, &[], "with the read limit (120 a minute per address)", 1);
    // Every read served: the paged log and the incremental audit alone keep voting fast.
    let unlimited = series(
        &db,
        &tokens,
        &["--read-limit", "0"],
        "without a read limit",
        1 + 2 * RUNS,
    );
    if !(limited && unlimited) {
        eprintln!("FAILED: a run lost or double-counted a ballot, or answered 5xx");
        std::process::exit(1);
    }
}
