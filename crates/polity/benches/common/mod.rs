//! What the benchmarks against a `polity serve` process share: an assembly of voters, one API
//! token each, the server process, and latency percentiles.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use polity_engine::{Command as Act, Context, SourceFile};
use polity_server::live::Extra;
use polity_server::{App, Config};
use polity_store::{Account, Store};

/// The benchmarks' day.
pub fn at() -> jiff::civil::Date {
    jiff::civil::date(2026, 6, 20)
}

/// An assembly of `voters` members `v001`…, who elect by Schulze and decide by simple majority.
pub fn registry(voters: usize) -> Vec<(String, String)> {
    let mut people = String::new();
    let mut holders = String::new();
    for n in 1..=voters {
        people.push_str(&format!("- {{ id: v{n:03}, name: Voter {n} }}\n"));
        holders.push_str(&format!(
            "  - {{ person: v{n:03}, seat: member, from: 2026-01-01, until: 2027-01-01 }}\n"
        ));
    }
    vec![
        (
            "polity.yaml".to_owned(),
            "name: Load test assembly\nelections: { nomination: 2 weeks, voting: 1 week }\n\
             decision-rules:\n  simple-majority: { passes: \"> 1/2 of votes cast\" }\n"
                .to_owned(),
        ),
        ("people.yaml".to_owned(), people),
        ("organisations.yaml".to_owned(), "[]\n".to_owned()),
        (
            "bodies/assembly.yaml".to_owned(),
            format!(
                "id: assembly\nkind: oversight-committee\nname: Assembly\nterm: 12 months\n\
                 decides-by: simple-majority\n\
                 elections: {{ nominators: members, candidates: members, voters: members, method: schulze }}\n\
                 holders:\n{holders}"
            ),
        ),
    ]
}

/// Records the assembly of `voters` in a new store at `db` (in-process), runs `more` on the
/// app, then makes an account and an API token for every voter; returns the tokens.
pub fn prepare<F>(db: &str, voters: usize, more: F) -> Vec<String>
where
    F: AsyncFnOnce(&std::sync::Arc<App>),
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::open(db).await.unwrap();
        let app = App::new(store, Config::default()).await.unwrap();
        let files = registry(voters)
            .into_iter()
            .map(|(path, content)| SourceFile { path, content })
            .collect();
        let context = Context::on("bench", at());
        app.record
            .act(
                Act::RecordRegistry(polity_engine::command::RecordRegistry { files }),
                Extra::None,
                &context,
            )
            .await
            .expect("the registry records");
        more(&app).await;
        let mut tokens = Vec::new();
        for n in 1..=voters {
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

/// Starts `polity serve` on `db` at the benchmarks' day, with `extra` arguments; the process and
/// its base URL.
pub fn serve(db: &str, extra: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
        .args(["serve", "--db", db, "--listen", "127.0.0.1:0", "--today", "2026-06-20"])
        .args(extra)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("polity serve starts");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let base = loop {
        let line = lines.next().expect("polity serve said where it listens").unwrap();
        if let Some(url) = line.split_whitespace().find(|word| word.starts_with("http://")) {
            break url.trim_end_matches('/').to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, base)
}

pub async fn post(client: &reqwest::Client, url: &str, token: &str, body: serde_json::Value) -> (u16, String) {
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

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

/// Opens an election of `seats` in the assembly as `officer`, nominates `candidates` and closes
/// the nominations; the election's API URL.
pub async fn election(
    client: &reqwest::Client,
    base: &str,
    officer: &str,
    number: usize,
    seats: usize,
    candidates: &[&str],
) -> String {
    let (status, body) = post(
        client,
        &format!("{base}/api/bodies/assembly/elections"),
        officer,
        serde_json::json!({"seats": seats}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let election = format!("{base}/api/elections/assembly/e{number}");
    for candidate in candidates {
        let (status, body) = post(
            client,
            &format!("{election}/nominations"),
            officer,
            serde_json::json!({"candidate": candidate}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = post(
        client,
        &format!("{election}/close-nominations"),
        officer,
        serde_json::json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    election
}
