//! `cargo bench -p polity --bench record`: the record's figures, on SQLite and, when
//! `POLITY_TEST_POSTGRES` holds a server URL, on PostgreSQL (in a database made for the run).
//!
//! 1. Replay of 1,000,000 events: the release `polity audit state-hash` process, which opens the
//!    store, streams every event, deserialises it, applies it and digests the state.
//!    Target: at most 2 s.
//! 2. Acknowledged, durable appends per second: 20,000 appends of one event each, all in flight at
//!    once (as a server pipelines its decisions), each answered only after its commit.
//!    Target on SQLite: at least 5,000 per second.
//! 3. The same appends one at a time (each awaited before the next): the latency-bound figure.

use std::process::Command;
use std::time::Instant;

use polity_count::motion::Choice;
use polity_engine::{Event, SourceFile};
use polity_store::{EventLog, NewEvent, Store};

fn row(event: &Event) -> NewEvent {
    NewEvent {
        recorded_at: "2026-06-02".to_owned(),
        kind: event.kind().to_owned(),
        body: polity_engine::event_body(event),
        payload: serde_json::to_string(event).unwrap(),
    }
}

/// The CFN registry, then motions of 1,000 events each (one opening, 999 votes).
fn events(total: usize) -> Vec<NewEvent> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    let files = polity_registry::read_sources(&root)
        .unwrap()
        .into_iter()
        .map(|(path, content)| SourceFile { path, content })
        .collect();
    let mut rows = vec![row(&Event::RegistryRecorded {
        files,
        by: "bench".to_owned(),
    })];
    let members = ["alice", "bob", "chen", "dana", "emil", "fang", "gus", "hua", "ivan"];
    let mut motion = 0;
    while rows.len() < total {
        if (rows.len() - 1) % 1000 == 0 {
            motion += 1;
            rows.push(row(&Event::MotionOpened {
                motion: format!("tsc/m{motion}"),
                body: "tsc".to_owned(),
                title: format!("Motion {motion}"),
                rule: "simple-majority".to_owned(),
                subject: None,
                meeting: None,
                large: false,
                electorates: vec![polity_model::Electorate::Members],
                closes: None,
                by: "alice".to_owned(),
            }));
        } else {
            let member = members[rows.len() % members.len()];
            rows.push(row(&Event::VoteCast {
                motion: format!("tsc/m{motion}"),
                member: member.to_owned(),
                choice: if rows.len() % 3 == 0 { Choice::No } else { Choice::Yes },
                cast_by: None,
                capacity: None,
            }));
        }
    }
    rows
}

async fn fill(store: &Store, rows: Vec<NewEvent>) {
    let mut last = store.head().await.unwrap().0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<NewEvent> = rows.by_ref().take(20_000).collect();
        last = store.append(last, chunk).await.unwrap().last().unwrap().seq;
    }
}

fn replay(url: &str) {
    let mut best = f64::MAX;
    let mut answer = String::new();
    for _ in 0..3 {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_polity"))
            .args(["audit", "state-hash", "--db", url])
            .output()
            .unwrap();
        best = best.min(started.elapsed().as_secs_f64());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        answer = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    }
    println!("  replay of the whole log through `polity audit state-hash`: best of 3 {best:.3} s ({answer})");
}

async fn appends(store: &Store, label: &str) {
    let count = 20_000;
    let base = store.head().await.unwrap().0;
    let event = row(&Event::VoteCast {
        motion: "tsc/m1".to_owned(),
        member: "alice".to_owned(),
        choice: Choice::Yes,
        cast_by: None,
        capacity: None,
    });
    if let Store::Sqlite(sqlite) = store {
        // Pipelined as a server does it: queue each append in order, then await the answers.
        let started = Instant::now();
        let mut answers = Vec::with_capacity(count);
        for offset in 0..count as i64 {
            answers.push(sqlite.enqueue(base + offset, vec![event.clone()], None).await.unwrap());
        }
        let mut acknowledged = 0;
        for answer in answers {
            answer.await.unwrap().unwrap();
            acknowledged += 1;
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "  {label}: {acknowledged} acknowledged durable appends, pipelined (group commit): {seconds:.2} s = {:.0} per second",
            acknowledged as f64 / seconds
        );
    } else {
        // PostgreSQL: several clients append at once, each retrying when another got in first.
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let store = store.clone();
            let event = event.clone();
            tasks.push(tokio::spawn(async move {
                let mut conflicts = 0;
                for _ in 0..250 {
                    loop {
                        let last = store.head().await.unwrap().0;
                        match store.append(last, vec![event.clone()]).await {
                            Ok(_) => break,
                            Err(polity_store::StoreError::Conflict { .. }) => conflicts += 1,
                            Err(error) => panic!("{error}"),
                        }
                    }
                }
                conflicts
            }));
        }
        let mut conflicts = 0;
        for task in tasks {
            conflicts += task.await.unwrap();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "  {label}: 2000 appends from 8 concurrent clients: {seconds:.2} s = {:.0} per second ({conflicts} retries after a conflict)",
            2000.0 / seconds
        );
    }
    let one_by_one = 2_000;
    let mut last = store.head().await.unwrap().0;
    let started = Instant::now();
    for _ in 0..one_by_one {
        last = store.append(last, vec![event.clone()]).await.unwrap()[0].seq;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "  {label}: {one_by_one} appends one at a time: {seconds:.2} s = {:.0} per second",
        one_by_one as f64 / seconds
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite:{}", dir.path().join("bench.db").display());
    println!("SQLite ({sqlite}):");
    runtime.block_on(async {
        let store = Store::open(&sqlite).await.unwrap();
        let started = Instant::now();
        fill(&store, events(1_000_000)).await;
        println!(
            "  wrote 1,000,000 events in {:.1} s (batches of 20,000)",
            started.elapsed().as_secs_f64()
        );
    });
    replay(&sqlite);
    runtime.block_on(async {
        let store = Store::open(&sqlite).await.unwrap();
        appends(&store, "SQLite").await;
    });
    let Ok(admin_url) = std::env::var("POLITY_TEST_POSTGRES") else {
        println!("PostgreSQL: skipped (set POLITY_TEST_POSTGRES to a server URL)");
        return;
    };
    let name = format!("polity_bench_{}", std::process::id());
    let (server, _) = admin_url.rsplit_once('/').unwrap();
    let url = format!("{server}/{name}");
    println!("PostgreSQL ({url}):");
    runtime.block_on(async {
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .unwrap();
        let store = Store::open(&url).await.unwrap();
        let started = Instant::now();
        fill(&store, events(1_000_000)).await;
        println!(
            "  wrote 1,000,000 events in {:.1} s (batches of 20,000)",
            started.elapsed().as_secs_f64()
        );
    });
    replay(&url);
    runtime.block_on(async {
        let store = Store::open(&url).await.unwrap();
        appends(&store, "PostgreSQL").await;
        if let Store::Postgres(store) = &store {
            store.pool().close().await;
        }
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        )))
        .execute(&admin)
        .await
        .unwrap();
    });
}
