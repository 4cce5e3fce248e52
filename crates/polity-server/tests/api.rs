//! The JSON API and the web forms: rejections with rule ids, ballots and receipts, the OpenAPI
//! document, sign-in (case-insensitive handles, cookies, CSRF, rate limits, tokens) and GitHub
//! OAuth against a mock server on loopback.

mod common;

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::Form;
use axum::routing::{get, post};
use common::{Browser, bearer_call, call, config, seeded};

#[tokio::test]
async fn openapi_document_is_stable() {
    let document = serde_json::to_value(polity_server::openapi()).unwrap();
    insta::assert_json_snapshot!("openapi", document);
}

#[tokio::test]
async fn openapi_is_served_and_lists_every_act() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let answer = call(&router, "GET", "/api/openapi.json", &[], "").await;
    assert_eq!(answer.status, 200);
    let document = answer.json();
    for route in polity_server::acts::ROUTES {
        let path = format!("/api{}", route.path);
        assert_eq!(
            document["paths"][&path]["post"]["operationId"], route.name,
            "{path} is not in the document"
        );
    }
}

#[tokio::test]
async fn t1_ballot_receipt_one_vote_count_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["chen", "alice", "jun"]).await;
    let router = polity_server::router(app);
    let token = |login: &str| tokens.iter().find(|(name, _)| name == login).unwrap().1.clone();
    // A ballot gets a receipt.
    let cast = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/ballots",
        &token("chen"),
        r#"{"ranking":[["chen"],["dana"]]}"#,
    )
    .await;
    assert_eq!(cast.status, 200, "{}", cast.body);
    let receipt = cast.json()["receipt"].as_str().unwrap().to_owned();
    let key = cast.json()["key"].as_str().unwrap().to_owned();
    assert_eq!(cast.json()["recorded"][0]["kind"], "ballot-cast");
    assert!(
        !cast.body.contains("[\"chen\"]"),
        "the recorded event must not carry the ballot: {}",
        cast.body
    );
    // A second ballot without the receipt is refused with the rule.
    let again = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/ballots",
        &token("chen"),
        r#"{"ranking":[["dana"]]}"#,
    )
    .await;
    assert_eq!(again.status, 403);
    assert_eq!(again.json()["rule"], "E3");
    // A wrong key, or the public receipt, changes nothing.
    for wrong in ["00", receipt.as_str()] {
        let body = format!(r#"{{"ranking":[["dana"]],"replaces":"{wrong}"}}"#);
        let wrong = bearer_call(&router, "POST", "/api/elections/tsc/e2/ballots", &token("chen"), &body).await;
        assert_eq!(wrong.status, 403, "{}", wrong.body);
        assert_eq!(wrong.json()["rule"], "T1");
    }
    // With the ballot key (in any case) it replaces the earlier ballot.
    let body = format!(
        r#"{{"ranking":[["dana"],["chen"]],"replaces":"{}"}}"#,
        key.to_uppercase()
    );
    let replaced = bearer_call(&router, "POST", "/api/elections/tsc/e2/ballots", &token("chen"), &body).await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    let receipt = replaced.json()["receipt"].as_str().unwrap().to_owned();
    // Someone outside the electorate is refused by the rule.
    let outsider = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/ballots",
        &token("jun"),
        r#"{"ranking":[["dana"]]}"#,
    )
    .await;
    assert_eq!(outsider.status, 403);
    assert_eq!(outsider.json()["rule"], "E3");
    assert!(outsider.json()["hint"].as_str().unwrap().contains("eligible"));
    // Not before the deadline while eligible voters have not voted (E3).
    let early = bearer_call(&router, "POST", "/api/elections/tsc/e2/close", &token("alice"), "").await;
    assert_eq!(early.status, 403, "{}", early.body);
    assert_eq!(early.json()["rule"], "E3");
    assert!(early.json()["message"].as_str().unwrap().contains("6 of 9"));
    // On the deadline the officer closes; five voted in the demo, and chen: 6 ballots counted,
    // chen's replacement once.
    let later = common::Config {
        clock: polity_server::live::Clock::Fixed(jiff::civil::date(2026, 7, 1).into()),
        ..common::config()
    };
    let router = polity_server::router(common::open(&dir.path().join("seed.db"), later).await);
    let closed = bearer_call(&router, "POST", "/api/elections/tsc/e2/close", &token("alice"), "").await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    let election = call(&router, "GET", "/api/elections/tsc/e2", &[], "").await.json();
    assert_eq!(election["election"]["tally_sheet"].as_array().unwrap().len(), 6);
    assert_eq!(election["election"]["phase"], "Closed");
    assert!(election["pairwise"].is_array());
    let found = call(
        &router,
        "GET",
        &format!("/api/elections/tsc/e2/receipts/{receipt}"),
        &[],
        "",
    )
    .await
    .json();
    assert_eq!(found["found"], true);
    assert_eq!(found["ranking"], serde_json::json!([["dana"], ["chen"]]));
    let missing = call(&router, "GET", "/api/elections/tsc/e2/receipts/ffff", &[], "")
        .await
        .json();
    assert_eq!(missing["found"], false);
    // The page shows the result, the matrix, the tally sheet and the receipt check.
    let page = call(&router, "GET", &format!("/elections/tsc/e2?receipt={receipt}"), &[], "").await;
    assert_eq!(page.status, 200);
    for needle in [
        "Elected:",
        "Pairwise preferences",
        "Tally sheet (6 ballots)",
        "is on the tally sheet",
    ] {
        assert!(page.body.contains(needle), "{needle} missing from the page");
    }
}

#[tokio::test]
async fn bad_requests_say_what_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["alice"]).await;
    let events = app.record.live.read().await.last_seq;
    let router = polity_server::router(app.clone());
    let token = &tokens[0].1;
    for (uri, body, needle) in [
        (
            "/api/bodies/tsc/motions",
            r#"{"titel":"typo"}"#,
            "unknown field `titel`",
        ),
        ("/api/bodies/tsc/motions", "{not json", "the JSON body"),
        ("/api/bodies/tsc/meetings", r#"{"on":"next tuesday"}"#, "is not a date"),
        ("/api/motions/tsc/m1/votes", r#"{"choice":"maybe"}"#, "is not a choice"),
        ("/api/bodies/tsc/elections", r#"{"seat":"king"}"#, "is not a seat"),
    ] {
        let answer = bearer_call(&router, "POST", uri, token, body).await;
        assert_eq!(answer.status, 400, "{uri} {body}: {}", answer.body);
        assert_eq!(answer.json()["error"], "bad-request");
        assert!(
            answer.json()["message"].as_str().unwrap().contains(needle),
            "{}",
            answer.body
        );
    }
    let unknown = bearer_call(
        &router,
        "POST",
        "/api/motions/tsc/m9/votes",
        token,
        r#"{"choice":"yes"}"#,
    )
    .await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json()["rule"], "R-REF");
    let forged = call(
        &router,
        "POST",
        "/api/motions/tsc/m1/votes",
        &[("authorization", "Bearer polity_nope")],
        "{}",
    )
    .await;
    assert_eq!(forged.status, 401);
    assert_eq!(app.record.live.read().await.last_seq, events, "nothing was recorded");
}

#[tokio::test]
async fn sign_in_is_case_insensitive_and_cookies_are_secure() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut browser = Browser::new(polity_server::router(app));
    // An anonymous visitor gets only the CSRF cookie (nothing stored); the session cookie comes
    // with signing in.
    let first = browser.get("/signin").await;
    let cookies: Vec<&str> = first
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    assert!(cookies[0].starts_with("polity_csrf="));
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(cookies[0].contains(attribute), "{attribute} missing: {}", cookies[0]);
    }
    let signed = browser.sign_in("ALICE", polity_server::demo::DEMO_PASSWORD).await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let cookie = signed
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .find(|cookie| cookie.starts_with("polity_session="))
        .expect("a session cookie at sign-in");
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    let home = browser.get("/").await;
    assert!(home.body.contains("Signed in as alice."), "{}", home.body);
    let me = browser.get("/api/me").await.json();
    assert_eq!(me["person"], "alice");
}

#[tokio::test]
async fn csrf_every_form_needs_the_sessions_token() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let events = app.record.live.read().await.last_seq;
    let router = polity_server::router(app.clone());
    let mut browser = Browser::new(router.clone());
    assert_eq!(
        browser.sign_in("chen", polity_server::demo::DEMO_PASSWORD).await.status,
        303
    );
    // Without a token, with another session's token, and with a made-up one: refused.
    let mut other = Browser::new(router.clone());
    let foreign = other.csrf("/signin").await;
    for fields in [
        vec![("rank-chen", "1")],
        vec![("csrf", foreign.as_str()), ("rank-chen", "1")],
        vec![("csrf", "0000"), ("rank-chen", "1")],
    ] {
        let answer = browser.post_form("/elections/tsc/e2/ballots", &fields).await;
        assert_eq!(answer.status, 403, "{}", answer.body);
        assert!(answer.body.contains("CSRF"), "{}", answer.body);
    }
    // The sign-in form itself is protected.
    let mut fresh = Browser::new(router.clone());
    let _ = fresh.get("/signin").await;
    let login = fresh
        .post_form(
            "/signin",
            &[("login", "chen"), ("password", polity_server::demo::DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(login.status, 403);
    // A JSON call riding on the session cookie needs the X-CSRF-Token header.
    let cookie = browser.cookie.clone().unwrap();
    let json = call(
        &router,
        "POST",
        "/api/elections/tsc/e2/ballots",
        &[("cookie", &cookie), ("content-type", "application/json")],
        r#"{"ranking":[["chen"]]}"#,
    )
    .await;
    assert_eq!(json.status, 403);
    assert_eq!(json.json()["error"], "csrf");
    assert_eq!(app.record.live.read().await.last_seq, events, "nothing was recorded");
    // With the page's token the ranked ballot form works and shows the receipt once.
    let csrf = browser.csrf("/elections/tsc/e2").await;
    let cast = browser
        .post_form(
            "/elections/tsc/e2/ballots",
            &[("csrf", &csrf), ("rank-dana", "1"), ("rank-chen", "2")],
        )
        .await;
    // T1: the receipt and the key are on this one answer (not kept in the session for later).
    assert_eq!(cast.status, 200, "{}", cast.body);
    assert!(cast.body.contains("Your ballot is recorded"), "{}", cast.body);
    assert!(cast.body.contains("Receipt (public)") && cast.body.contains("Ballot key (secret)"));
    assert!(cast.headers["cache-control"].to_str().unwrap().contains("no-store"));
    let start =
        cast.body.find("Ballot key (secret)</dt><dd><code>").unwrap() + "Ballot key (secret)</dt><dd><code>".len();
    let key = &cast.body[start..start + 32];
    let page = browser.get("/elections/tsc/e2").await;
    assert!(!page.body.contains(key), "the key is shown again: {}", page.body);
    assert!(page.body.contains("Ballot key of your earlier ballot"));
    assert_eq!(app.record.live.read().await.last_seq, events + 1);
}

#[tokio::test]
async fn sign_in_is_rate_limited() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let mut browser = Browser::new(router.clone());
    // Five wrong passwords for one login, then even the right one waits.
    for _ in 0..5 {
        let answer = browser.sign_in("dana", "wrong password").await;
        assert_eq!(answer.status, 401, "{}", answer.body);
    }
    let limited = browser.sign_in("dana", polity_server::demo::DEMO_PASSWORD).await;
    assert_eq!(limited.status, 429, "{}", limited.body);
    assert!(limited.headers.get("retry-after").is_some());
    // Another login is not locked by dana's failures (the client has 4 attempts left this minute).
    let other = browser.sign_in("emil", polity_server::demo::DEMO_PASSWORD).await;
    assert_eq!(other.status, 303, "{}", other.body);
    // The token endpoint shares the limits.
    let token = call(
        &router,
        "POST",
        "/api/tokens",
        &[("content-type", "application/json")],
        &format!(
            r#"{{"login":"dana","password":"{}","label":"ci"}}"#,
            polity_server::demo::DEMO_PASSWORD
        ),
    )
    .await;
    assert_eq!(token.status, 429, "{}", token.body);
    // A client trying many logins is limited per client too.
    let mut rest = Vec::new();
    for login in ["fang", "gus", "hua", "ivan"] {
        rest.push(browser.sign_in(login, "wrong").await.status.as_u16());
    }
    assert_eq!(rest, vec![401, 401, 429, 429], "10 attempts a minute per client");
}

#[tokio::test]
async fn api_tokens_from_password_act_as_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let issued = call(
        &router,
        "POST",
        "/api/tokens",
        &[("content-type", "application/json")],
        &format!(
            r#"{{"login":"Gus","password":"{}","label":"ci"}}"#,
            polity_server::demo::DEMO_PASSWORD
        ),
    )
    .await;
    assert_eq!(issued.status, 201, "{}", issued.body);
    let token = issued.json()["token"].as_str().unwrap().to_owned();
    let vote = bearer_call(
        &router,
        "POST",
        "/api/motions/tsc/m1/votes",
        &token,
        r#"{"choice":"no"}"#,
    )
    .await;
    assert_eq!(vote.status, 200, "{}", vote.body);
    let motion = call(&router, "GET", "/api/motions/tsc/m1", &[], "").await.json();
    assert_eq!(motion["motion"]["votes"]["gus"][0], "no");
    assert_eq!(motion["tally"]["no"], 2);
}

/// A stand-in for GitHub on loopback: the token endpoint checks the code and the PKCE verifier,
/// and `/user` answers for the token it gave.
async fn mock_github(login: &'static str) -> (String, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let token_seen = seen.clone();
    let router = axum::Router::new()
        .route(
            "/login/oauth/access_token",
            post(move |Form(form): Form<Vec<(String, String)>>| {
                let seen = token_seen.clone();
                async move {
                    let field = |name: &str| form.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
                    seen.lock().unwrap().push(format!(
                        "code={} verifier={}",
                        field("code").unwrap_or_default(),
                        field("code_verifier").is_some()
                    ));
                    if field("code").as_deref() != Some("good-code") || field("code_verifier").is_none() {
                        return (
                            axum::http::StatusCode::BAD_REQUEST,
                            Json(serde_json::json!({"error": "bad_verification_code"})),
                        );
                    }
                    (
                        axum::http::StatusCode::OK,
                        Json(serde_json::json!({"access_token": "gho_mock", "token_type": "bearer", "scope": "read:user"})),
                    )
                }
            }),
        )
        .route(
            "/user",
            get(move |headers: axum::http::HeaderMap| async move {
                let authorised = headers.get("authorization").and_then(|value| value.to_str().ok()) == Some("Bearer gho_mock");
                if authorised {
                    (axum::http::StatusCode::OK, Json(serde_json::json!({ "login": login, "id": 1 })))
                } else {
                    (axum::http::StatusCode::UNAUTHORIZED, Json(serde_json::json!({"message": "Bad credentials"})))
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{address}"), seen)
}

async fn github_app(dir: &std::path::Path, login: &'static str) -> (axum::Router, Arc<Mutex<Vec<String>>>) {
    let (base, seen) = mock_github(login).await;
    let mut config = config();
    config.github = Some(polity_server::GithubConfig {
        client_id: "client".into(),
        client_secret: "secret".into(),
        authorize_url: format!("{base}/login/oauth/authorize"),
        token_url: format!("{base}/login/oauth/access_token"),
        api_url: base.clone(),
        redirect_url: "http://127.0.0.1:8080/auth/github/callback".into(),
    });
    let db = dir.join("gh.db");
    let seed = common::open(&db, config.clone()).await;
    polity_server::demo::seed(&seed, common::demo_files()).await.unwrap();
    drop(seed);
    let app = common::open(&db, config).await;
    (polity_server::router(app), seen)
}

fn state_of(location: &str) -> String {
    let start = location.find("state=").unwrap() + "state=".len();
    location[start..].split('&').next().unwrap().to_owned()
}

#[tokio::test]
async fn github_sign_in_matches_the_registry_handle_case_insensitively() {
    let dir = tempfile::tempdir().unwrap();
    // The registry has alice as `github: AliceE`; GitHub answers `aliceE`.
    let (router, seen) = github_app(dir.path(), "aliceE").await;
    let mut browser = Browser::new(router);
    let start = browser.get("/auth/github").await;
    assert_eq!(start.status, 303);
    let location = start.headers.get("location").unwrap().to_str().unwrap().to_owned();
    assert!(location.contains("/login/oauth/authorize?"), "{location}");
    assert!(location.contains("code_challenge_method=S256"), "{location}");
    // A forged state is refused.
    let forged = browser.get("/auth/github/callback?code=good-code&state=forged").await;
    assert_eq!(forged.status, 403, "{}", forged.body);
    // The state was used up by the refusal: start again.
    let start = browser.get("/auth/github").await;
    let state = state_of(start.headers.get("location").unwrap().to_str().unwrap());
    let done = browser
        .get(&format!("/auth/github/callback?code=good-code&state={state}"))
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let me = browser.get("/api/me").await.json();
    assert_eq!(me["person"], "alice");
    assert_eq!(me["github"], "alicee");
    // An account of its own: never the existing `alice` login, its password or its rights.
    assert_eq!(me["login"], "github:alicee");
    assert_eq!(me["admin"], false);
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .any(|line| line == "code=good-code verifier=true")
    );
}

#[tokio::test]
async fn github_sign_in_refuses_people_outside_the_registry_and_bad_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (router, _) = github_app(dir.path(), "stranger").await;
    let mut browser = Browser::new(router);
    let start = browser.get("/auth/github").await;
    let state = state_of(start.headers.get("location").unwrap().to_str().unwrap());
    let bad_code = browser
        .get(&format!("/auth/github/callback?code=bad&state={state}"))
        .await;
    assert_eq!(bad_code.status, 401, "{}", bad_code.body);
    let start = browser.get("/auth/github").await;
    let state = state_of(start.headers.get("location").unwrap().to_str().unwrap());
    let stranger = browser
        .get(&format!("/auth/github/callback?code=good-code&state={state}"))
        .await;
    assert_eq!(stranger.status, 403, "{}", stranger.body);
    assert!(
        stranger
            .body
            .contains("no person of the registry has the GitHub login stranger")
    );
    assert_eq!(browser.get("/api/me").await.status, 401);
}

#[tokio::test]
async fn e2_roll_from_contributions_and_statements_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["gus"]).await;
    let router = polity_server::router(app.clone());
    let token = &tokens[0].1;
    // The candidates' statements are on the election page.
    let page = call(&router, "GET", "/elections/tsc/e2", &[], "").await;
    assert!(page.body.contains("every sub-group to report on time"), "{}", page.body);
    // A CSV with a bad line records nothing and says which line.
    let events = app.record.live.read().await.last_seq;
    let bad = bearer_call(
        &router,
        "POST",
        "/api/roll",
        token,
        r#"{"source":"s","contributions":"date,person,kind,link\n2026-05-01,jun,use-case,\nyesterday,jun,use-case,\n"}"#,
    )
    .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(
        bad.json()["message"].as_str().unwrap().contains("line 3"),
        "{}",
        bad.body
    );
    assert_eq!(app.record.live.read().await.last_seq, events);
    // Five use cases within twelve months make jun active (E2: 5 within 12 months).
    let mut csv = String::from("date,person,kind,link\n");
    for day in 1..=5 {
        csv.push_str(&format!("2026-05-0{day},jun,use-case,\n"));
    }
    let body = serde_json::json!({"source": "https://example.org/c.csv", "contributions": csv}).to_string();
    let recorded = bearer_call(&router, "POST", "/api/roll", token, &body).await;
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    assert_eq!(recorded.json()["recorded"][0]["kind"], "roll-recorded");
    assert_eq!(recorded.json()["recorded"][0]["members"], serde_json::json!(["jun"]));
}

#[tokio::test]
async fn check_and_due_over_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let check = call(&router, "GET", "/api/check", &[], "").await;
    assert_eq!(check.status, 200);
    assert_eq!(check.json()["at"], "2026-06-20");
    assert!(check.json()["findings"].is_array());
    let due = call(&router, "GET", "/api/due?within=4%20weeks", &[], "").await.json();
    let obligations = due["obligations"].as_array().unwrap();
    assert!(
        obligations
            .iter()
            .any(|item| item["date"] == "2026-06-25" && item["rule"] == "E8"),
        "{due}"
    );
    let bad = call(&router, "GET", "/api/due?within=soon", &[], "").await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn d7_proposal_and_objection_through_the_forms() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app.clone());
    let mut gus = Browser::new(router.clone());
    assert_eq!(gus.sign_in("gus", polity_server::demo::DEMO_PASSWORD).await.status, 303);
    let csrf = gus.csrf("/bodies/tsc").await;
    let proposed = gus
        .post_form(
            "/bodies/tsc/proposals",
            &[("csrf", &csrf), ("title", "Meet on Thursdays"), ("until", "2026-06-30")],
        )
        .await;
    assert_eq!(proposed.status, 303, "{}", proposed.body);
    assert_eq!(proposed.headers.get("location").unwrap(), "/bodies/tsc");
    let mut jun = Browser::new(router.clone());
    assert_eq!(jun.sign_in("jun", polity_server::demo::DEMO_PASSWORD).await.status, 303);
    let csrf = jun.csrf("/bodies/tsc").await;
    let refused = jun
        .post_form("/proposals/tsc/p1/objections", &[("csrf", &csrf), ("reason", "no")])
        .await;
    assert_eq!(refused.status, 403);
    assert!(
        refused
            .body
            .contains("Refused by rule <strong><a href=\"/rules/D7\">D7</a></strong>"),
        "{}",
        refused.body
    );
    let mut dana = Browser::new(router);
    assert_eq!(
        dana.sign_in("dana", polity_server::demo::DEMO_PASSWORD).await.status,
        303
    );
    let csrf = dana.csrf("/bodies/tsc").await;
    let objected = dana
        .post_form(
            "/proposals/tsc/p1/objections",
            &[("csrf", &csrf), ("reason", "Tuesdays suit Asia better")],
        )
        .await;
    assert_eq!(objected.status, 303, "{}", objected.body);
    let page = dana.get("/bodies/tsc").await;
    assert!(page.body.contains("objected: vote tsc/m2"), "{}", page.body);
}

#[tokio::test]
async fn tokens_are_listed_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["gus"]).await;
    let router = polity_server::router(app);
    let token = &tokens[0].1;
    let listed = bearer_call(&router, "GET", "/api/tokens", token, "").await.json();
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    assert_eq!(listed[0]["label"], "test");
    assert!(
        !listed.to_string().contains(token.trim_start_matches("polity_")),
        "the token itself is never shown again"
    );
    // Another account cannot revoke it.
    let mut dana = Browser::new(router.clone());
    assert_eq!(
        dana.sign_in("dana", polity_server::demo::DEMO_PASSWORD).await.status,
        303
    );
    let csrf = dana.csrf("/me").await;
    let foreign = dana
        .post_form(&format!("/me/tokens/{id}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(foreign.status, 404, "{}", foreign.body);
    assert_eq!(bearer_call(&router, "GET", "/api/me", token, "").await.status, 200);
    // Its owner can; then it no longer signs anything in.
    let revoked = bearer_call(&router, "POST", &format!("/api/tokens/{id}/revoke"), token, "").await;
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    let after = bearer_call(
        &router,
        "POST",
        "/api/motions/tsc/m1/votes",
        token,
        r#"{"choice":"yes"}"#,
    )
    .await;
    assert_eq!(after.status, 401);
}

#[tokio::test]
async fn d10_sign_off_and_e2_roll_through_the_forms() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app.clone());
    let mut kai = Browser::new(router.clone());
    assert_eq!(kai.sign_in("kai", polity_server::demo::DEMO_PASSWORD).await.status, 303);
    let csrf = kai.csrf("/bodies/computing-scheduling").await;
    let page = kai.get("/bodies/computing-scheduling").await;
    assert!(
        page.body
            .contains("/bodies/computing-scheduling/liaisons/security/sign-offs")
    );
    let signed = kai
        .post_form(
            "/bodies/computing-scheduling/liaisons/security/sign-offs",
            &[("csrf", &csrf), ("subject", "CVE-2026-0001 fix")],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let mut gus = Browser::new(router);
    assert_eq!(gus.sign_in("gus", polity_server::demo::DEMO_PASSWORD).await.status, 303);
    let csrf = gus.csrf("/bodies/tsc").await;
    let csv = "date,person,kind,link\n2026-05-01,jun,review,\n2026-05-02,jun,review,\n2026-05-03,jun,review,\n2026-05-04,jun,review,\n2026-05-05,jun,review,\n";
    let roll = gus
        .post_form(
            "/roll",
            &[("csrf", &csrf), ("contributions", csv), ("source", "reviews.csv")],
        )
        .await;
    assert_eq!(roll.status, 303, "{}", roll.body);
    assert_eq!(app.record.live.read().await.state.polity.constitution.roll.len(), 1);
}

#[tokio::test]
async fn e1_statements_only_from_nominees_and_a_later_one_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let (app, tokens) = seeded(dir.path(), &["dana", "gus"]).await;
    let router = polity_server::router(app);
    let token = |login: &str| tokens.iter().find(|(name, _)| name == login).unwrap().1.clone();
    let refused = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/statement",
        &token("gus"),
        r#"{"statement":"me!"}"#,
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["rule"], "E1");
    let empty = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/statement",
        &token("dana"),
        r#"{"statement":"  "}"#,
    )
    .await;
    assert_eq!(empty.status, 403, "{}", empty.body);
    let replaced = bearer_call(
        &router,
        "POST",
        "/api/elections/tsc/e2/statement",
        &token("dana"),
        r#"{"statement":"Reports on time."}"#,
    )
    .await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    let election = call(&router, "GET", "/api/elections/tsc/e2", &[], "").await.json();
    assert_eq!(
        election["election"]["nominees"]["dana"]["statement"],
        "Reports on time."
    );
}
