//! One conformance suite for every backend: SQLite always; PostgreSQL when
//! `POLITY_TEST_POSTGRES` holds a server URL (e.g. postgres://postgres@127.0.0.1:5432/test).
//! Each PostgreSQL test runs in a database of its own, created and dropped here.

use std::sync::atomic::{AtomicU32, Ordering};

use polity_store::{AuditProblem, EventLog, NewEvent, PostgresStore, SqliteStore, Store};

fn event(number: usize) -> NewEvent {
    NewEvent {
        recorded_at: format!("2026-01-01T00:00:{:02}Z", number % 60),
        kind: "test-event".to_owned(),
        body: Some("tsc".to_owned()),
        payload: format!("{{\"n\":{number}}}"),
    }
}

/// A fresh store per test: a SQLite file in a temporary folder, or a new PostgreSQL database.
enum Fixture {
    /// The folder is kept (and removed on drop) for as long as the store uses it.
    Sqlite(#[allow(dead_code)] tempfile::TempDir, Store),
    Postgres(String, String, Store),
}

impl Fixture {
    fn store(&self) -> &Store {
        match self {
            Fixture::Sqlite(_, store) | Fixture::Postgres(_, _, store) => store,
        }
    }

    /// Runs SQL behind polity's back, as a tamperer with database access would.
    async fn tamper(&self, sql: &'static str) {
        match self.store() {
            Store::Sqlite(store) => {
                sqlx::query(sql).execute(store.pool()).await.unwrap();
            }
            Store::Postgres(store) => {
                sqlx::query(sql).execute(store.pool()).await.unwrap();
            }
        }
    }

    async fn drop_database(self) {
        if let Fixture::Postgres(admin_url, name, store) = self {
            if let Store::Postgres(store) = &store {
                store.pool().close().await;
            }
            let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
            let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            sqlx::query(sqlx::AssertSqlSafe(drop)).execute(&admin).await.unwrap();
        }
    }
}

static DATABASES: AtomicU32 = AtomicU32::new(0);

async fn fixtures() -> Vec<Fixture> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&dir.path().join("record.db")).await.unwrap();
    let mut fixtures = vec![Fixture::Sqlite(dir, Store::Sqlite(sqlite))];
    match std::env::var("POLITY_TEST_POSTGRES") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let admin = sqlx::PgPool::connect(&admin_url)
                .await
                .expect("POLITY_TEST_POSTGRES is reachable");
            let name = format!(
                "polity_test_{}_{}",
                std::process::id(),
                DATABASES.fetch_add(1, Ordering::SeqCst)
            );
            let create = format!("CREATE DATABASE {name}");
            sqlx::query(sqlx::AssertSqlSafe(create)).execute(&admin).await.unwrap();
            let url = match admin_url.rsplit_once('/') {
                Some((server, _)) => format!("{server}/{name}"),
                None => panic!("POLITY_TEST_POSTGRES must end in /DATABASE"),
            };
            let store = PostgresStore::open(&url).await.unwrap();
            fixtures.push(Fixture::Postgres(admin_url, name, Store::Postgres(store)));
        }
        _ => eprintln!("PostgreSQL conformance SKIPPED: set POLITY_TEST_POSTGRES to a server URL to run it"),
    }
    fixtures
}

fn name(fixture: &Fixture) -> &'static str {
    match fixture {
        Fixture::Sqlite(..) => "sqlite",
        Fixture::Postgres(..) => "postgres",
    }
}

async fn append_ten(store: &Store) {
    let mut last = 0;
    for number in 1..=10 {
        let stored = store.append(last, vec![event(number)]).await.unwrap();
        last = stored[0].seq;
    }
}

#[tokio::test]
async fn appends_chain_and_read_back_in_order() {
    for fixture in fixtures().await {
        let store = fixture.store();
        let stored = store.append(0, vec![event(1), event(2)]).await.unwrap();
        assert_eq!(stored.iter().map(|event| event.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(stored[1].prev_hash, stored[0].hash);
        let read = store.read_after(0).await.unwrap();
        assert_eq!(read, stored, "{}", name(&fixture));
        assert_eq!(store.head().await.unwrap(), (2, stored[1].hash.clone()));
        assert!(store.audit().await.unwrap().is_intact());
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn a_stale_append_is_refused_and_changes_nothing() {
    for fixture in fixtures().await {
        let store = fixture.store();
        store.append(0, vec![event(1)]).await.unwrap();
        let error = store.append(0, vec![event(2)]).await.unwrap_err();
        assert!(
            matches!(error, polity_store::StoreError::Conflict { expected: 0, actual: 1 }),
            "{}: {error}",
            name(&fixture)
        );
        assert_eq!(store.read_after(0).await.unwrap().len(), 1);
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn concurrent_appenders_lose_nothing() {
    for fixture in fixtures().await {
        let store = fixture.store().clone();
        let mut tasks = Vec::new();
        for writer in 0..16 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                for number in 0..10 {
                    loop {
                        let (last, _) = store.head().await.unwrap();
                        match store.append(last, vec![event(writer * 100 + number)]).await {
                            Ok(_) => break,
                            Err(polity_store::StoreError::Conflict { .. }) => continue,
                            Err(error) => panic!("{error}"),
                        }
                    }
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let rows = store.read_after(0).await.unwrap();
        assert_eq!(rows.len(), 160, "{}", name(&fixture));
        let report = store.audit().await.unwrap();
        assert!(report.is_intact(), "{:?}", report.problems);
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn tampering_a_row_is_detected() {
    for fixture in fixtures().await {
        append_ten(fixture.store()).await;
        fixture
            .tamper("UPDATE events SET payload = '{\"n\":99}' WHERE seq = 4")
            .await;
        let report = fixture.store().audit().await.unwrap();
        assert_eq!(
            report.problems,
            [AuditProblem::Changed { seq: 4 }],
            "{}",
            name(&fixture)
        );
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn deleting_a_row_is_detected() {
    for fixture in fixtures().await {
        append_ten(fixture.store()).await;
        fixture.tamper("DELETE FROM events WHERE seq = 5").await;
        let report = fixture.store().audit().await.unwrap();
        assert_eq!(
            report.problems,
            [AuditProblem::Missing { from: 5, to: 5 }],
            "{}",
            name(&fixture)
        );
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn deleting_the_last_row_is_detected() {
    for fixture in fixtures().await {
        append_ten(fixture.store()).await;
        fixture.tamper("DELETE FROM events WHERE seq = 10").await;
        let report = fixture.store().audit().await.unwrap();
        assert_eq!(
            report.problems,
            [AuditProblem::Head {
                head_seq: 10,
                last_seq: 9
            }],
            "{}",
            name(&fixture)
        );
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn reordering_rows_is_detected() {
    for fixture in fixtures().await {
        append_ten(fixture.store()).await;
        // Swap events 3 and 6 by renumbering them.
        fixture.tamper("UPDATE events SET seq = 1000 WHERE seq = 3").await;
        fixture.tamper("UPDATE events SET seq = 3 WHERE seq = 6").await;
        fixture.tamper("UPDATE events SET seq = 6 WHERE seq = 1000").await;
        let report = fixture.store().audit().await.unwrap();
        for seq in [3, 6] {
            assert!(
                report.problems.contains(&AuditProblem::Changed { seq }),
                "{}: {:?}",
                name(&fixture),
                report.problems
            );
        }
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn inserting_a_row_is_detected() {
    for fixture in fixtures().await {
        append_ten(fixture.store()).await;
        // Make room after event 4 and insert a forged event 5 with a well-formed hash of its own.
        fixture.tamper("UPDATE events SET seq = seq + 100 WHERE seq > 4").await;
        fixture.tamper("UPDATE events SET seq = seq - 99 WHERE seq > 100").await;
        let rows = fixture.store().read_after(0).await.unwrap();
        let forged_prev = rows[3].hash.clone();
        let forged_hash = polity_store::row_hash(5, "2026-01-01T00:00:00Z", "forged", None, "{}", &forged_prev);
        let insert = format!(
            "INSERT INTO events (seq, recorded_at, kind, body, payload, prev_hash, hash) VALUES (5, '2026-01-01T00:00:00Z', 'forged', NULL, '{{}}', '{forged_prev}', '{forged_hash}')"
        );
        match fixture.store() {
            Store::Sqlite(store) => {
                sqlx::query(sqlx::AssertSqlSafe(insert))
                    .execute(store.pool())
                    .await
                    .unwrap();
            }
            Store::Postgres(store) => {
                sqlx::query(sqlx::AssertSqlSafe(insert))
                    .execute(store.pool())
                    .await
                    .unwrap();
            }
        }
        let report = fixture.store().audit().await.unwrap();
        assert!(!report.is_intact(), "{}", name(&fixture));
        assert!(
            report.problems.contains(&AuditProblem::Changed { seq: 6 }),
            "{}: {:?}",
            name(&fixture),
            report.problems
        );
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn the_record_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.db");
    {
        let store = Store::Sqlite(SqliteStore::open(&path).await.unwrap());
        append_ten(&store).await;
    }
    let store = Store::open(&format!("sqlite:{}", path.display())).await.unwrap();
    assert_eq!(store.read_after(0).await.unwrap().len(), 10);
    assert!(store.audit().await.unwrap().is_intact());
    assert!(Store::open("mysql://nowhere").await.is_err());
}

fn ballot(receipt: &str, content: &str, replaces: Option<&str>) -> polity_store::SecretBallot {
    polity_store::SecretBallot {
        election: "e1".to_owned(),
        receipt: receipt.to_owned(),
        content: content.to_owned(),
        replaces: replaces.map(str::to_owned),
    }
}

#[tokio::test]
async fn secret_ballots_are_stored_apart_and_replaced_only_by_receipt() {
    for fixture in fixtures().await {
        let store = fixture.store();
        store
            .append_with_ballot(0, vec![event(1)], Some(ballot("r-b", "[[\"x\"]]", None)))
            .await
            .unwrap();
        store
            .append_with_ballot(1, vec![event(2)], Some(ballot("r-a", "[[\"y\"]]", None)))
            .await
            .unwrap();
        // A re-vote replaces the earlier ballot, named by its receipt.
        store
            .append_with_ballot(2, vec![event(3)], Some(ballot("r-c", "[[\"z\"]]", Some("r-b"))))
            .await
            .unwrap();
        let sheet = store.ballots("e1").await.unwrap();
        assert_eq!(
            sheet,
            [
                ("r-a".to_owned(), "[[\"y\"]]".to_owned()),
                ("r-c".to_owned(), "[[\"z\"]]".to_owned())
            ],
            "{}",
            name(&fixture)
        );
        // An unknown receipt is refused, and nothing of that append is kept.
        let error = store
            .append_with_ballot(3, vec![event(4)], Some(ballot("r-d", "[]", Some("nope"))))
            .await
            .unwrap_err();
        assert!(matches!(error, polity_store::StoreError::UnknownReceipt(_)), "{error}");
        assert_eq!(store.read_after(0).await.unwrap().len(), 3);
        assert_eq!(store.ballots("e1").await.unwrap().len(), 2);
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn sessions_expire_and_are_swept() {
    for fixture in fixtures().await {
        let store = fixture.store();
        store.save_session("old", "{}", 100).await.unwrap();
        store.save_session("new", "{}", 300).await.unwrap();
        assert_eq!(
            store.load_session("old", 200).await.unwrap(),
            None,
            "{}",
            name(&fixture)
        );
        assert_eq!(store.load_session("new", 200).await.unwrap().as_deref(), Some("{}"));
        assert_eq!(
            store.delete_expired_sessions(200).await.unwrap(),
            1,
            "{}",
            name(&fixture)
        );
        assert_eq!(store.load_session("new", 200).await.unwrap().as_deref(), Some("{}"));
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn pages_of_the_log_read_only_their_rows() {
    for fixture in fixtures().await {
        let store = fixture.store();
        append_ten(store).await;
        let page = store.read_page(3, 4).await.unwrap();
        assert_eq!(
            page.iter().map(|row| row.seq).collect::<Vec<_>>(),
            [4, 5, 6, 7],
            "{}",
            name(&fixture)
        );
        assert!(store.read_page(10, 5).await.unwrap().is_empty());
        assert_eq!(store.read_page(8, 100).await.unwrap().len(), 2);
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn t1_checkpoints_are_kept_and_a_rewrite_before_one_is_found() {
    for fixture in fixtures().await {
        let store = fixture.store();
        append_ten(store).await;
        let key = polity_store::SigningKey::from_bytes(&[9u8; 32]);
        let (seq, hash) = store.head().await.unwrap();
        let checkpoint = polity_store::Checkpoint::sign(&key, seq, &hash, "2026-06-01");
        store.add_checkpoint(&checkpoint).await.unwrap();
        store.add_checkpoint(&checkpoint).await.unwrap();
        assert_eq!(
            store.checkpoints().await.unwrap(),
            vec![checkpoint.clone()],
            "{}",
            name(&fixture)
        );
        let (report, problems) = store.verify(std::slice::from_ref(&checkpoint)).await.unwrap();
        assert!(report.is_intact() && problems.is_empty(), "{}", name(&fixture));
        // Rewritten with every hash recomputed: the chain is intact, the checkpoint is not.
        let rows = store.read_after(0).await.unwrap();
        let mut previous = polity_store::GENESIS.to_owned();
        for row in &rows {
            let payload = if row.seq == 2 {
                "{\"rewritten\":true}"
            } else {
                row.payload.as_str()
            };
            let hash = polity_store::row_hash(
                row.seq,
                &row.recorded_at,
                &row.kind,
                row.body.as_deref(),
                payload,
                &previous,
            );
            let sql = "UPDATE events SET payload = $1, prev_hash = $2, hash = $3 WHERE seq = $4";
            match store {
                Store::Sqlite(sqlite) => {
                    sqlx::query(sql)
                        .bind(payload)
                        .bind(&previous)
                        .bind(&hash)
                        .bind(row.seq)
                        .execute(sqlite.pool())
                        .await
                        .unwrap();
                }
                Store::Postgres(postgres) => {
                    sqlx::query(sql)
                        .bind(payload)
                        .bind(&previous)
                        .bind(&hash)
                        .bind(row.seq)
                        .execute(postgres.pool())
                        .await
                        .unwrap();
                }
            }
            previous = hash;
        }
        let head = "UPDATE head SET hash = $1 WHERE id = 1";
        match store {
            Store::Sqlite(sqlite) => {
                sqlx::query(head).bind(&previous).execute(sqlite.pool()).await.unwrap();
            }
            Store::Postgres(postgres) => {
                sqlx::query(head)
                    .bind(&previous)
                    .execute(postgres.pool())
                    .await
                    .unwrap();
            }
        }
        let (report, problems) = store.verify(&[checkpoint]).await.unwrap();
        assert!(report.is_intact(), "{}", name(&fixture));
        assert!(
            matches!(
                problems.as_slice(),
                [polity_store::CheckpointProblem::Rewritten { seq: 10, .. }]
            ),
            "{}: {problems:?}",
            name(&fixture)
        );
        fixture.drop_database().await;
    }
}

fn message(key: &str) -> polity_store::OutboxMessage {
    polity_store::OutboxMessage {
        key: key.to_owned(),
        channel: "mail".to_owned(),
        kind: "voting-open".to_owned(),
        recipient: "alice".to_owned(),
        address: "alice@example.org".to_owned(),
        lang: "en".to_owned(),
        subject: "Please vote".to_owned(),
        body_text: "text".to_owned(),
        body_html: "<p>html</p>".to_owned(),
    }
}

#[tokio::test]
async fn outbox_a_key_is_written_once_and_sent_by_one_sender() {
    for fixture in fixtures().await {
        let store = fixture.store();
        let which = name(&fixture);
        assert_eq!(
            store.enqueue(&[message("a"), message("b")], 1_000).await.unwrap(),
            2,
            "{which}"
        );
        // Deriving the same notices again (a restart, a second server) writes nothing.
        assert_eq!(
            store.enqueue(&[message("a"), message("c")], 1_001).await.unwrap(),
            1,
            "{which}"
        );
        // Two senders at once: each row goes to one of them.
        let (one, two) = tokio::join!(
            store.claim("one", 1_002, 60, 10, true),
            store.claim("two", 1_002, 60, 10, true)
        );
        let (one, two) = (one.unwrap(), two.unwrap());
        let mut keys: Vec<String> = one.iter().chain(&two).map(|row| row.message.key.clone()).collect();
        keys.sort();
        assert_eq!(keys, ["a", "b", "c"], "{which}");
        // Under lease: nobody else gets them.
        assert!(
            store.claim("three", 1_010, 60, 10, true).await.unwrap().is_empty(),
            "{which}"
        );
        let (mine, sender) = if one.is_empty() { (&two, "two") } else { (&one, "one") };
        let first = &mine[0].message.key;
        assert!(store.mark_sent(first, sender, 1_011).await.unwrap(), "{which}");
        // Another sender cannot mark a row it does not hold.
        let other = if sender == "one" { "two" } else { "one" };
        assert!(!store.mark_sent(first, other, 1_011).await.unwrap(), "{which}");
        // Leases run out: the unsent rows are claimed again, the sent one never.
        let again = store.claim("three", 1_100, 60, 10, true).await.unwrap();
        assert_eq!(again.len(), 2, "{which}");
        assert!(again.iter().all(|row| &row.message.key != first), "{which}");
        // A sent key is still known: enqueuing it again does not send it twice.
        assert_eq!(store.enqueue(&[message(first)], 1_200).await.unwrap(), 0, "{which}");
        fixture.drop_database().await;
    }
}

#[tokio::test]
async fn outbox_a_failure_is_retried_later_and_given_up_after_the_last_attempt() {
    for fixture in fixtures().await {
        let store = fixture.store();
        let which = name(&fixture);
        store.enqueue(&[message("a")], 0).await.unwrap();
        let mut now = 0;
        for attempt in 0..polity_store::MAX_ATTEMPTS {
            let rows = store.claim("s", now, 30, 10, true).await.unwrap();
            assert_eq!(rows.len(), 1, "{which} attempt {attempt}");
            store.mark_failed("a", "s", now, "451 try later").await.unwrap();
            // Not before its back-off.
            assert!(
                store.claim("s", now + 1, 30, 10, true).await.unwrap().is_empty(),
                "{which}"
            );
            now += polity_store::backoff_seconds(attempt);
        }
        assert!(
            store
                .claim("s", now + 1_000_000, 30, 10, true)
                .await
                .unwrap()
                .is_empty(),
            "{which}"
        );
        let rows = store.outbox(10).await.unwrap();
        assert!(rows[0].given_up(), "{which}");
        assert_eq!(rows[0].last_error.as_deref(), Some("451 try later"));
        fixture.drop_database().await;
    }
}
