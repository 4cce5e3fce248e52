//! The attack suite, part 1: whoever can write the database, and the CLI. Each test is an attack
//! that worked before its defence (issue 11); docs/security.md maps each to its defence.
//! Part 2 (one voter, one member, an anonymous crowd, over HTTP) is
//! `crates/polity-server/tests/attacks.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sqlx::{Connection, Row, SqliteConnection};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn polity(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .current_dir(root())
        .env_remove("POLITY_DB")
        .env_remove("POLITY_CHECKPOINT_KEY")
        .output()
        .expect("the polity binary runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A CFN record in a temporary folder with a TSC chair election open for voting, four ballots
/// cast (voting closes on 2026-06-25).
struct Record {
    dir: tempfile::TempDir,
    db: String,
}

impl Record {
    fn new() -> Record {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite:{}", dir.path().join("record.db").display());
        let record = Record { dir, db };
        record.ok(&["init", "--registry", "examples/cfn-working-group", "--at", "2026-06-01"]);
        record.ok(&[
            "election",
            "open",
            "tsc",
            "--seat",
            "chair",
            "--seats",
            "1",
            "--as",
            "alice",
            "--at",
            "2026-06-04",
        ]);
        record.ok(&[
            "election",
            "nominate",
            "tsc/e1",
            "chen",
            "--as",
            "alice",
            "--at",
            "2026-06-05",
        ]);
        record.ok(&[
            "election",
            "nominate",
            "tsc/e1",
            "dana",
            "--as",
            "alice",
            "--at",
            "2026-06-05",
        ]);
        record.ok(&["election", "consent", "tsc/e1", "--as", "chen", "--at", "2026-06-06"]);
        record.ok(&["election", "consent", "tsc/e1", "--as", "dana", "--at", "2026-06-06"]);
        record.ok(&[
            "election",
            "close-nominations",
            "tsc/e1",
            "--as",
            "alice",
            "--at",
            "2026-06-18",
        ]);
        for voter in ["alice", "bob", "emil", "fang"] {
            record.ok(&[
                "election",
                "vote",
                "tsc/e1",
                "--rank",
                "chen>dana",
                "--as",
                voter,
                "--at",
                "2026-06-19",
            ]);
        }
        record
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--db", self.db.as_str()]);
        polity(&all)
    }

    /// Runs `polity serve` on this record; it must stop by itself (refusing), within 60 s.
    fn serve(&self) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
            .env("LC_ALL", "C.UTF-8")
            .args(["serve", "--listen", "127.0.0.1:0", "--db", self.db.as_str()])
            .current_dir(root())
            .env_remove("POLITY_CHECKPOINT_KEY")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                child.kill().unwrap();
                panic!("polity serve started on a broken record");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        child.wait_with_output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(output.status.success(), "{args:?} failed: {}", text(&output));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {}", text(&output));
        text(&output)
    }

    async fn connection(&self) -> SqliteConnection {
        SqliteConnection::connect(&self.db).await.unwrap()
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

/// Rewrites the chain from `from` on with correct hashes and moves the head, as an attacker with
/// the database and polity's (public) hash function would.
async fn rechain(connection: &mut SqliteConnection, from: i64) {
    let rows = sqlx::query("SELECT seq, recorded_at, kind, body, payload FROM events WHERE seq >= ? ORDER BY seq")
        .bind(from)
        .fetch_all(&mut *connection)
        .await
        .unwrap();
    let mut previous: String = if from <= 1 {
        polity_store::GENESIS.to_owned()
    } else {
        sqlx::query("SELECT hash FROM events WHERE seq = ?")
            .bind(from - 1)
            .fetch_one(&mut *connection)
            .await
            .unwrap()
            .get("hash")
    };
    let mut last = from - 1;
    for row in rows {
        let seq: i64 = row.get("seq");
        let body: Option<String> = row.get("body");
        let hash = polity_store::row_hash(
            seq,
            row.get("recorded_at"),
            row.get("kind"),
            body.as_deref(),
            row.get("payload"),
            &previous,
        );
        sqlx::query("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?")
            .bind(&previous)
            .bind(&hash)
            .bind(seq)
            .execute(&mut *connection)
            .await
            .unwrap();
        previous = hash;
        last = seq;
    }
    sqlx::query("UPDATE head SET seq = ?, hash = ? WHERE id = 1")
        .bind(last)
        .bind(&previous)
        .execute(&mut *connection)
        .await
        .unwrap();
}

#[tokio::test]
async fn t1_stuffed_ballots_are_refused_at_the_close_and_reported_by_the_audit() {
    let record = Record::new();
    let mut connection = record.connection().await;
    // Two ballots slipped into the ballot store: 6 ballots for 4 voters.
    for receipt in ["00000000000000000000000000000001", "00000000000000000000000000000002"] {
        sqlx::query("INSERT INTO ballots (election, receipt, content) VALUES ('tsc/e1', ?, '[[\"dana\"]]')")
            .bind(receipt)
            .execute(&mut connection)
            .await
            .unwrap();
    }
    let audit = record.fails(&["audit", "verify"], 1);
    assert!(
        audit.contains("integrity: the ballot store holds 6 ballot(s) for tsc/e1, but 4 voter(s) cast one"),
        "{audit}"
    );
    let close = record.fails(
        &["election", "close", "tsc/e1", "--as", "alice", "--at", "2026-06-25"],
        2,
    );
    assert!(close.contains("refused by T1: integrity"), "{close}");
    // One dropped and one stuffed (the count agrees, the content does not): a ballot that is no
    // ranking of the candidates is refused too.
    sqlx::query("DELETE FROM ballots WHERE receipt LIKE '0000000000000000000000000000000%'")
        .execute(&mut connection)
        .await
        .unwrap();
    sqlx::query("UPDATE ballots SET content = '[[\"mallory\"]]' WHERE receipt = (SELECT min(receipt) FROM ballots)")
        .execute(&mut connection)
        .await
        .unwrap();
    let close = record.fails(
        &["election", "close", "tsc/e1", "--as", "alice", "--at", "2026-06-25"],
        2,
    );
    assert!(close.contains("is not a ranking of tsc/e1's candidates"), "{close}");
    assert_eq!(record.fails(&["audit", "verify"], 1).matches("integrity").count(), 1);
}

#[tokio::test]
async fn t1_a_rewritten_history_with_recomputed_hashes_is_caught_by_a_signed_checkpoint() {
    let record = Record::new();
    let key = record.file("checkpoint.key");
    let saved = record.file("checkpoint.json");
    let signed = record.ok(&[
        "audit",
        "checkpoint",
        "--key",
        &key,
        "--out",
        &saved,
        "--at",
        "2026-06-19",
    ]);
    assert!(signed.contains("created the key"), "{signed}");
    let checkpoint: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let at = checkpoint["seq"].as_i64().unwrap();
    // The record extends its checkpoint.
    let intact = record.ok(&["audit", "verify", "--checkpoint", &saved]);
    assert!(intact.contains("extends 2 signed checkpoint(s)"), "{intact}");

    // The attacker rewrites who nominated the candidates, recomputes every hash and the head, and
    // deletes the stored checkpoints: the chain alone audits intact.
    let mut connection = record.connection().await;
    sqlx::query("UPDATE events SET payload = replace(payload, '\"by\":\"alice\"', '\"by\":\"gus\"') WHERE kind = 'candidate-nominated'")
        .execute(&mut connection)
        .await
        .unwrap();
    rechain(&mut connection, 1).await;
    sqlx::query("DELETE FROM checkpoints")
        .execute(&mut connection)
        .await
        .unwrap();
    assert!(record.ok(&["audit", "verify"]).starts_with("intact"));
    // The operator's copy of the checkpoint proves the rewrite.
    let caught = record.fails(&["audit", "verify", "--checkpoint", &saved], 1);
    assert!(
        caught.contains(&format!("the record was rewritten at or before event {at}")),
        "{caught}"
    );

    // Truncation with the head moved back.
    sqlx::query("DELETE FROM events WHERE seq >= ?")
        .bind(at - 1)
        .execute(&mut connection)
        .await
        .unwrap();
    rechain(&mut connection, at - 1).await;
    let caught = record.fails(&["audit", "verify", "--checkpoint", &saved], 1);
    assert!(
        caught.contains(&format!("before the checkpoint at event {at}: events were removed")),
        "{caught}"
    );

    // A forged checkpoint (another key, or a changed hash) proves nothing.
    let mut forged = checkpoint.clone();
    forged["seq"] = serde_json::json!(at - 2);
    std::fs::write(&saved, forged.to_string()).unwrap();
    let caught = record.fails(&["audit", "verify", "--checkpoint", &saved], 1);
    assert!(caught.contains("is not validly signed"), "{caught}");
}

#[tokio::test]
async fn t1_closing_with_a_checkpoint_key_signs_the_close() {
    let record = Record::new();
    let key = record.file("close.key");
    for voter in ["chen", "dana", "gus", "hua", "ivan"] {
        record.ok(&[
            "election",
            "vote",
            "tsc/e1",
            "--rank",
            "dana",
            "--as",
            voter,
            "--at",
            "2026-06-20",
        ]);
    }
    record.ok(&[
        "election",
        "close",
        "tsc/e1",
        "--as",
        "alice",
        "--at",
        "2026-06-25",
        "--checkpoint-key",
        &key,
    ]);
    let verified = record.ok(&["audit", "verify"]);
    assert!(verified.contains("extends 1 signed checkpoint(s)"), "{verified}");
}

#[tokio::test]
async fn t1_serve_refuses_a_broken_record_and_says_where_it_breaks() {
    let record = Record::new();
    let mut connection = record.connection().await;
    sqlx::query("UPDATE events SET payload = replace(payload, 'chen', 'dana') WHERE seq = 3")
        .execute(&mut connection)
        .await
        .unwrap();
    drop(connection);
    let output = record.serve();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("the record is broken"), "{said}");
    assert!(said.contains("event 3 was changed"), "{said}");
}

#[tokio::test]
async fn t1_serve_refuses_a_record_that_no_longer_extends_its_stored_checkpoint() {
    let record = Record::new();
    let key = record.file("serve.key");
    let saved = record.file("serve.json");
    record.ok(&["audit", "checkpoint", "--key", &key, "--out", &saved]);
    let mut connection = record.connection().await;
    sqlx::query("UPDATE events SET payload = replace(payload, 'chen', 'dana') WHERE seq = 3")
        .execute(&mut connection)
        .await
        .unwrap();
    rechain(&mut connection, 3).await;
    drop(connection);
    let output = record.serve();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(text(&output).contains("the record was rewritten"), "{}", text(&output));
}

#[test]
fn read_only_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("does-not-exist.db");
    let db = format!("sqlite:{}", missing.display());
    for args in [
        vec!["audit", "verify", "--db", &db],
        vec!["log", "--db", &db],
        vec!["audit", "state-hash", "--db", &db],
        vec!["export", "x", "--db", &db],
        vec!["election", "close", "tsc/e1", "--as", "alice", "--db", &db],
        vec!["account", "token", "alice", "--db", &db],
    ] {
        let output = polity(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", text(&output));
        let said = text(&output);
        assert!(
            said.contains(&format!("there is no record at {}", missing.display())),
            "{args:?}: {said}"
        );
        assert!(!missing.exists(), "{args:?} created {}", missing.display());
    }
    // `log` in a folder without polity.db says so too (the default --db).
    let output = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .arg("log")
        .current_dir(dir.path())
        .env_remove("POLITY_DB")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("polity.db").exists());
}

#[tokio::test]
async fn t1_a_damaged_key_or_checkpoint_file_is_a_clear_error_and_changes_nothing() {
    let record = Record::new();
    let key = record.file("bad.key");
    std::fs::write(&key, "not a key\n").unwrap();
    let out = record.file("never.json");
    let said = record.fails(&["audit", "checkpoint", "--key", &key, "--out", &out], 2);
    assert!(said.contains("does not hold a key (64 hex digits)"), "{said}");
    assert!(!std::path::Path::new(&out).exists());
    let damaged = record.file("damaged.json");
    for text in [
        "{",
        "{\"format\":\"something-else\",\"seq\":1,\"hash\":\"x\",\"signed_on\":\"d\",\"public_key\":\"k\",\"signature\":\"s\"}",
    ] {
        std::fs::write(&damaged, text).unwrap();
        let said = record.fails(&["audit", "verify", "--checkpoint", &damaged], 2);
        assert!(said.contains("the checkpoint"), "{said}");
    }
    assert!(record.ok(&["audit", "verify"]).starts_with("intact"));
}
