//! The attack suite, part 2: one voter, one member, an anonymous crowd, over HTTP. Each test is an
//! attack that worked before its defence (issue 11); docs/security.md maps each to its defence.
//! Part 1 (whoever can write the database, and the CLI) is `crates/polity/tests/attacks.rs`.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Browser, bearer_call, call, config, open, seeded};
use polity_engine::Context;
use polity_server::App;
use polity_server::live::{ActError, Clock, Extra};

fn token<'a>(tokens: &'a [(String, String)], login: &str) -> &'a str {
    &tokens.iter().find(|(name, _)| name == login).expect("token").1
}

/// The same record with the server's clock moved to the day tsc/e2's voting closes.
async fn on_deadline(dir: &std::path::Path) -> Arc<App> {
    open(
        &dir.join("seed.db"),
        common::Config {
            clock: Clock::Fixed(jiff::civil::date(2026, 7, 1).into()),
            ..config()
        },
    )
    .await
}

/// The officer closes tsc/e2 on its deadline (on a server whose clock is there); the closed
/// election as the API shows it.
async fn close_on_deadline(dir: &std::path::Path, officer: &str) -> serde_json::Value {
    let later = polity_server::router(on_deadline(dir).await);
    let closed = bearer_call(&later, "POST", "/api/elections/tsc/e2/close", officer, "").await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    call(&later, "GET", "/api/elections/tsc/e2", &[], "").await.json()["election"].clone()
}

async fn ballot(router: &axum::Router, token: &str, body: &str) -> common::Answer {
    bearer_call(router, "POST", "/api/elections/tsc/e2/ballots", token, body).await
}

#[tokio::test]
async fn t1_a_ballot_that_is_accepted_can_always_be_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["chen", "alice", "dana", "gus"]).await;
    let router = polity_server::router(app.clone());
    // 253 empty ranks and then a candidate: refused (it used to block every close for ever).
    let mut tiers = vec!["[]"; 253];
    tiers.push(r#"["chen"]"#);
    let blocking = format!(r#"{{"ranking":[{}]}}"#, tiers.join(","));
    let answer = ballot(&router, token(&tokens, "chen"), &blocking).await;
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert_eq!(answer.json()["rule"], "R-VALUE");
    assert!(
        answer.json()["message"]
            .as_str()
            .unwrap()
            .contains("rank 1 of the ballot is empty")
    );
    // A blank ballot is not counted silently: it needs an explicit abstention.
    for blank in [r#"{"ranking":[[]]}"#, r#"{"ranking":[]}"#] {
        let answer = ballot(&router, token(&tokens, "chen"), blank).await;
        assert_eq!(answer.status, 403, "{blank}: {}", answer.body);
    }
    let abstained = ballot(&router, token(&tokens, "chen"), r#"{"abstain":true}"#).await;
    assert_eq!(abstained.status, 200, "{}", abstained.body);
    let both = ballot(
        &router,
        token(&tokens, "dana"),
        r#"{"abstain":true,"ranking":[["chen"]]}"#,
    )
    .await;
    assert_eq!(both.json()["rule"], "R-VALUE");
    // The close after the window counts every accepted ballot (5 from the demo and chen's blank).
    let election = close_on_deadline(dir.path(), token(&tokens, "alice")).await;
    assert_eq!(election["tally_sheet"].as_array().unwrap().len(), 6);
    assert_eq!(election["valid"], true, "6 of 9 voted: E3's 2/3 turnout is met");
}

#[tokio::test]
async fn t1_a_receipt_or_another_voters_key_never_replaces_a_ballot() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["chen", "alice"]).await;
    let router = polity_server::router(app.clone());
    let chen = ballot(&router, token(&tokens, "chen"), r#"{"ranking":[["chen"],["dana"]]}"#).await;
    let (chen_receipt, chen_key) = (
        chen.json()["receipt"].as_str().unwrap().to_owned(),
        chen.json()["key"].as_str().unwrap().to_owned(),
    );
    let alice = ballot(&router, token(&tokens, "alice"), r#"{"ranking":[["dana"]]}"#).await;
    assert_eq!(alice.status, 200);
    let alice_receipt = alice.json()["receipt"].as_str().unwrap().to_owned();
    // Alice tries chen's public receipt, and then chen's key (leaked or sold): both refused.
    for stolen in [&chen_receipt, &chen_key] {
        let attack = ballot(
            &router,
            token(&tokens, "alice"),
            &format!(r#"{{"ranking":[["dana"]],"replaces":"{stolen}"}}"#),
        )
        .await;
        assert_eq!(attack.status, 403, "{}", attack.body);
        assert_eq!(attack.json()["rule"], "T1");
    }
    let sheet = close_on_deadline(dir.path(), token(&tokens, "alice")).await["tally_sheet"].clone();
    let sheet = sheet.as_array().unwrap();
    assert_eq!(sheet.len(), 7, "5 demo voters, chen and alice: one ballot each");
    let chen_line = sheet
        .iter()
        .find(|line| line["receipt"] == chen_receipt.as_str())
        .expect("chen's ballot");
    assert_eq!(chen_line["ranking"], serde_json::json!([["chen"], ["dana"]]));
    assert!(sheet.iter().any(|line| line["receipt"] == alice_receipt.as_str()));
}

#[tokio::test]
async fn t1_links_are_web_addresses_and_pages_forbid_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice", "gus"]).await;
    let router = polity_server::router(app.clone());
    let events = app.record.live.read().await.last_seq;
    for (uri, who, body) in [
        (
            "/api/meetings/tsc/mt1/minutes",
            "gus",
            r#"{"link":"javascript:alert(document.domain)"}"#,
        ),
        (
            "/api/meetings/tsc/mt1/minutes",
            "gus",
            r#"{"link":"JAVASCRIPT:alert(1)"}"#,
        ),
        (
            "/api/meetings/tsc/mt1/minutes",
            "gus",
            r#"{"link":"data:text/html,<script>alert(1)</script>"}"#,
        ),
        (
            "/api/bodies/tsc/reports",
            "alice",
            r#"{"link":"javascript:alert(document.domain)"}"#,
        ),
    ] {
        let answer = bearer_call(&router, "POST", uri, token(&tokens, who), body).await;
        assert_eq!(answer.status, 403, "{uri} {body}: {}", answer.body);
        assert_eq!(answer.json()["rule"], "R-VALUE", "{}", answer.body);
    }
    assert_eq!(app.record.live.read().await.last_seq, events, "nothing was recorded");
    let fine = bearer_call(
        &router,
        "POST",
        "/api/meetings/tsc/mt1/minutes",
        token(&tokens, "gus"),
        r#"{"link":"https://example.org/minutes/2026-06-25"}"#,
    )
    .await;
    assert_eq!(fine.status, 200, "{}", fine.body);
    // Every answer forbids scripts and framing; signed-in answers are not cached.
    for uri in ["/", "/log", "/api/state", "/elections/tsc/e2", "/no-such-page"] {
        let answer = call(&router, "GET", uri, &[], "").await;
        let csp = answer.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{uri}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(answer.headers["x-content-type-options"], "nosniff");
        assert!(answer.headers.contains_key("referrer-policy"));
    }
    let signed_in = bearer_call(&router, "GET", "/api/me", token(&tokens, "gus"), "").await;
    assert_eq!(signed_in.headers["cache-control"], "no-store");
}

#[tokio::test]
async fn t1_the_error_pages_back_link_stays_on_this_site() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut browser = Browser::new(polity_server::router(app));
    browser.sign_in("gus", polity_server::demo::DEMO_PASSWORD).await;
    let csrf = browser.csrf("/meetings/tsc/mt1").await;
    let cookie = browser.cookie.clone().unwrap();
    let body = serde_html_form::to_string([("csrf", csrf.as_str()), ("link", "javascript:alert(1)")]).unwrap();
    for (referer, back) in [
        ("javascript:alert(document.domain)", "/"),
        ("https://evil.example/?polity.example", "/"),
        ("https://polity.example.evil.example/x", "/"),
        ("https://polity.example//evil.example/", "/"),
        ("https://polity.example/meetings/tsc/mt1", "/meetings/tsc/mt1"),
    ] {
        let refused = call(
            &browser.router,
            "POST",
            "/meetings/tsc/mt1/minutes",
            &[
                ("cookie", cookie.as_str()),
                ("content-type", "application/x-www-form-urlencoded"),
                ("host", "polity.example"),
                ("referer", referer),
            ],
            &body,
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("R-VALUE"), "{}", refused.body);
        assert!(
            refused.body.contains(&format!("<a href=\"{back}\">Back</a>")),
            "{referer}: {}",
            refused.body
        );
    }
}

/// The pages of a SQLite database file, or of its write-ahead log (a 32-byte header, then frames
/// of a 24-byte header and a page), each as a whole page.
fn pages(bytes: &[u8], wal: bool) -> Vec<&[u8]> {
    if !wal {
        return bytes.chunks(4096).collect();
    }
    let Some(size) = bytes.get(8..12) else {
        return Vec::new();
    };
    let size = u32::from_be_bytes(size.try_into().unwrap()) as usize;
    bytes[32.min(bytes.len())..]
        .chunks(size + 24)
        .filter_map(|frame| frame.get(24..))
        .collect()
}

/// Every page of `bytes` that holds `needle`.
fn pages_with<'a>(bytes: &'a [u8], wal: bool, needle: &[u8]) -> Vec<&'a [u8]> {
    pages(bytes, wal)
        .into_iter()
        .filter(|page| page.windows(needle.len()).any(|window| window == needle))
        .collect()
}

#[tokio::test]
async fn t1_no_file_holds_a_voter_next_to_their_receipt_or_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut browser = Browser::new(polity_server::router(app.clone()));
    // Ivan, who is no candidate (his name is in no ballot), votes through the web form.
    let signed = browser.sign_in("ivan", polity_server::demo::DEMO_PASSWORD).await;
    assert_eq!(signed.status, 303);
    let csrf = browser.csrf("/elections/tsc/e2").await;
    let cast = browser
        .post_form("/elections/tsc/e2/ballots", &[("csrf", &csrf), ("rank-dana", "1")])
        .await;
    assert_eq!(cast.status, 200, "{}", cast.body);
    let code = |label: &str| {
        let start = cast.body.find(label).expect(label) + label.len();
        let start = cast.body[start..].find("<code>").unwrap() + start + "<code>".len();
        cast.body[start..start + 32].to_owned()
    };
    let (receipt, key) = (code("Receipt (public)"), code("Ballot key (secret)"));
    // And creates an API token through the web form.
    let csrf = browser.csrf("/me").await;
    let created = browser
        .post_form("/me/tokens", &[("csrf", &csrf), ("label", "laptop")])
        .await;
    assert_eq!(created.status, 200, "{}", created.body);
    let start = created.body.find("shown once): <code>").unwrap() + "shown once): <code>".len();
    let api_token = created.body[start..].split('<').next().unwrap().to_owned();
    browser.get("/").await;
    browser.get("/me").await;
    let mut files = Vec::new();
    for (name, wal) in [("seed.db", false), ("seed.db-wal", true)] {
        if let Ok(bytes) = std::fs::read(dir.path().join(name)) {
            files.push((name, wal, bytes));
        }
    }
    assert!(
        files
            .iter()
            .any(|(_, wal, bytes)| !pages_with(bytes, *wal, receipt.as_bytes()).is_empty()),
        "the ballot is stored"
    );
    for (name, wal, bytes) in &files {
        for page in pages_with(bytes, *wal, receipt.as_bytes()) {
            assert!(
                !page.windows(4).any(|window| window == b"ivan"),
                "{name}: a page holds ivan next to his receipt"
            );
        }
        assert!(
            pages_with(bytes, *wal, key.as_bytes()).is_empty(),
            "{name} holds the ballot key"
        );
        assert!(
            pages_with(bytes, *wal, api_token.as_bytes()).is_empty(),
            "{name} holds the API token"
        );
    }
}

#[tokio::test]
async fn r_value_every_field_is_bounded_and_no_input_panics() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice", "gus"]).await;
    let router = polity_server::router(app.clone());
    let events = app.record.live.read().await.last_seq;
    let long_title = format!(r#"{{"title":"{}"}}"#, "x".repeat(1_900_000));
    for (uri, body) in [
        ("/api/bodies/tsc/motions", long_title.as_str()),
        ("/api/bodies/tsc/elections", r#"{"seats":18446744073709551615}"#),
        ("/api/bodies/tsc/elections", r#"{"seats":10}"#),
        ("/api/bodies/tsc/meetings", r#"{"on":"9999-12-31"}"#),
        ("/api/bodies/tsc/proposals", r#"{"title":"t","until":"9999-12-31"}"#),
        ("/api/meetings/tsc/mt1/agenda", r#"{"item":"a\u0000b"}"#),
    ] {
        let answer = bearer_call(&router, "POST", uri, token(&tokens, "alice"), body).await;
        assert!(
            answer.status.is_client_error(),
            "{uri}: {} {}",
            answer.status,
            answer.body
        );
        assert!(
            answer.body.contains("\"rule\":\"R-VALUE\"") || answer.status == 413 || answer.status == 400,
            "{uri}: {}",
            answer.body
        );
    }
    assert_eq!(app.record.live.read().await.last_seq, events, "nothing was recorded");
    for within in ["99999%20years", "4294967295%20days", "12%20eons", "-1%20days"] {
        let answer = call(&router, "GET", &format!("/api/due?within={within}"), &[], "").await;
        assert_eq!(answer.status, 400, "{within}: {}", answer.body);
    }
}

#[tokio::test]
async fn e3_no_close_before_the_deadline_while_eligible_voters_have_not_voted() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice"]).await;
    let router = polity_server::router(app);
    let early = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/close",
        token(&tokens, "alice"),
        "",
    )
    .await;
    assert_eq!(early.status, 403);
    assert_eq!(early.json()["rule"], "E3");
    assert!(early.json()["hint"].as_str().unwrap().contains("2026-07-01"));
}

#[tokio::test]
async fn anonymous_visits_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app.clone());
    for _ in 0..100 {
        for uri in ["/", "/signin", "/elections/tsc/e2", "/no-such-page"] {
            call(&router, "GET", uri, &[], "").await;
        }
    }
    assert_eq!(app.record.store.session_count().await.unwrap(), 0);
    // A sign-in stores one session; the anonymous sign-in form's CSRF check used the cookie.
    let mut browser = Browser::new(router);
    assert_eq!(
        browser.sign_in("gus", polity_server::demo::DEMO_PASSWORD).await.status,
        303
    );
    assert_eq!(app.record.store.session_count().await.unwrap(), 1);
    // Without the cookie's value, the anonymous form is refused.
    let forged = call(
        &browser.router,
        "POST",
        "/signin",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("cookie", "polity_csrf=aa"),
        ],
        "csrf=aa&login=gus&password=polity-demo",
    )
    .await;
    assert_eq!(forged.status, 403, "{}", forged.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_act_never_takes_the_writers_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    // Bob has voted in the demo; he tries to replace a ballot with a made-up key, many times,
    // while a reader holds the state: a refusal must not wait for (or take) the write lock.
    let reader = app.record.live.read().await;
    for attempt in 0..50 {
        let (command, ballot) = polity_server::live::new_ballot(
            "tsc/e2",
            vec![vec!["chen".into()]],
            false,
            Some(&format!("{attempt:032x}")),
        )
        .unwrap();
        let context = Context::on("bob", polity_server::demo::DEMO_TODAY);
        let refused = tokio::time::timeout(
            Duration::from_secs(5),
            app.record.act(command, Extra::Ballot(ballot), &context),
        )
        .await
        .expect("a refusal waited for the writer");
        assert!(
            matches!(refused, Err(ActError::Rejected(ref rejection)) if rejection.rule == "T1"),
            "{refused:?}"
        );
    }
    drop(reader);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_connections_are_bounded() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let app = open(
        &dir.path().join("slow.db"),
        common::Config {
            max_connections: 4,
            header_timeout: Duration::from_millis(500),
            request_timeout: Duration::from_millis(800),
            ..config()
        },
    )
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(polity_server::serve_on(app, listener));
    // Half-sent headers, on more connections than the server serves at once.
    let mut slow = Vec::new();
    for _ in 0..8 {
        let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(stream);
    }
    // Each is closed after the header timeout (read returns 0 or an error), never held for long.
    for mut stream in slow {
        let mut buffer = [0u8; 256];
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer))
            .await
            .expect("a half-sent request was held");
        assert!(read.map_or(true, |n| n == 0
            || String::from_utf8_lossy(&buffer[..n]).contains("408")));
    }
    // A body dripped slower than the request timeout: 408.
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            b"POST /api/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        )
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("a dripping body was held")
        .ok();
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    // And an honest request is served.
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/audit HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
    server.abort();
}

#[tokio::test]
async fn anonymous_heavy_reads_are_bounded_per_client() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(
        &dir.path().join("reads.db"),
        common::Config {
            heavy_reads: 5,
            ..config()
        },
    )
    .await;
    let router = polity_server::router(app);
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(call(&router, "GET", "/api/audit", &[], "").await.status.as_u16());
    }
    assert_eq!(statuses, vec![200, 200, 200, 200, 200, 429, 429]);
    assert_eq!(
        call(&router, "GET", "/api/log?after=0&limit=10", &[], "").await.status,
        429
    );
    assert_eq!(call(&router, "GET", "/api/registry", &[], "").await.status, 429);
}

#[tokio::test]
async fn a_record_broken_while_serving_refuses_every_act() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice"]).await;
    let router = polity_server::router(app.clone());
    assert_eq!(call(&router, "GET", "/api/audit", &[], "").await.json()["intact"], true);
    // Whoever can write the database edits an event the server has already verified.
    let polity_store::Store::Sqlite(store) = &app.record.store else {
        unreachable!()
    };
    sqlx::query("UPDATE events SET payload = replace(payload, 'alice', 'mallory') WHERE seq = 3")
        .execute(store.pool())
        .await
        .unwrap();
    let report = app.record.full_audit().await.unwrap();
    assert!(!report.is_intact());
    let refused = bearer_call(
        &router,
        "POST",
        "/api/bodies/tsc/reports",
        token(&tokens, "alice"),
        "{}",
    )
    .await;
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(
        refused.json()["message"]
            .as_str()
            .unwrap()
            .contains("event 3 was changed"),
        "{}",
        refused.body
    );
    let audit = call(&router, "GET", "/api/audit", &[], "").await.json();
    assert_eq!(audit["intact"], false);
    // The load balancer learns it too: not ready, and why; the process itself is up.
    let ready = call(&router, "GET", "/readyz", &[], "").await;
    assert_eq!(ready.status, 503);
    assert_eq!(ready.json()["ready"], false);
    assert!(
        ready.json()["reason"].as_str().unwrap().contains("event 3 was changed"),
        "{}",
        ready.body
    );
    assert_eq!(call(&router, "GET", "/healthz", &[], "").await.status, 200);
}

#[tokio::test]
async fn t1_a_script_link_recorded_before_links_were_checked_is_never_clickable() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    // A record written by an older polity, which accepted any minutes link.
    let old = polity_engine::Event::MinutesPublished {
        meeting: "tsc/mt1".into(),
        link: "javascript:alert(document.domain)".into(),
        by: "gus".into(),
    };
    let rows = polity_server::live::rows(&[old], polity_server::demo::DEMO_TODAY);
    let last = app.record.live.read().await.last_seq;
    polity_store::EventLog::append(&app.record.store, last, rows)
        .await
        .unwrap();
    app.record.refresh().await.unwrap();
    let page = call(&polity_server::router(app), "GET", "/meetings/tsc/mt1", &[], "").await;
    assert!(
        page.body.contains("<code>javascript:alert(document.domain)</code>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("href=\"javascript:"), "{}", page.body);
}
