//! The GitHub App mode end to end (issue 18), against a mock of GitHub's API on loopback: a
//! `/vote` comment opens a motion of the body `.github/polity.yaml` names, members vote with
//! `/vote yes|no|abstain` or reactions, `/vote close` closes it, and the bot answers on the issue. A forged
//! signature, a non-member's vote, an edited comment and a repeated delivery change nothing.

mod common;

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use base64::Engine as _;
use common::{call, config};
use hmac::{KeyInit as _, Mac as _};

const SECRET: &str = "a-long-webhook-secret-for-tests";
const KEY: &str = include_str!("fixtures/github-app-test-key.pem");
const MAPPING: &str = "body: tsc\nprofiles:\n  unanimous: { rule: simple-majority }\n  week: { duration: 7 days }\n";

/// The comments the bot posted: (issue path, body).
type Posted = Arc<Mutex<Vec<(String, String)>>>;

/// A mock of GitHub's API: installation tokens for a JWT the app's key signed, the repository's
/// `.github/polity.yaml` (only `cfn/governance` has one), and comments.
async fn mock_github(listener: tokio::net::TcpListener, public_key: Vec<u8>) -> Posted {
    let posted: Posted = Arc::default();
    let comments = posted.clone();
    let listed = posted.clone();
    let reacted = posted.clone();
    let router = axum::Router::new()
        .route(
            "/app/installations/{id}/access_tokens",
            post(move |Path(id): Path<u64>, headers: HeaderMap| async move {
                let jwt = headers
                    .get("authorization")
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.strip_prefix("Bearer "))
                    .unwrap_or("");
                let parts: Vec<&str> = jwt.split('.').collect();
                let decode = |part: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap_or_default();
                let verified = parts.len() == 3
                    && ring::signature::UnparsedPublicKey::new(&ring::signature::RSA_PKCS1_2048_8192_SHA256, &public_key)
                        .verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &decode(parts[2]))
                        .is_ok();
                let claims: serde_json::Value = serde_json::from_slice(&decode(parts.get(1).copied().unwrap_or(""))).unwrap_or_default();
                if !verified || claims["iss"] != "4242" || id != 77 {
                    return (StatusCode::UNAUTHORIZED, Json(serde_json::json!({"message": "A JSON web token could not be decoded"})));
                }
                (StatusCode::CREATED, Json(serde_json::json!({"token": "ghs_installation"})))
            }),
        )
        .route(
            "/repos/{owner}/{repo}/installation",
            get(|Path((owner, repo)): Path<(String, String)>, headers: HeaderMap| async move {
                let signed = headers
                    .get("authorization")
                    .and_then(|value| value.to_str().ok())
                    .is_some_and(|value| value.starts_with("Bearer ey"));
                if !signed || (owner.as_str(), repo.as_str()) != ("cfn", "governance") {
                    return (StatusCode::NOT_FOUND, Json(serde_json::json!({"message": "Not Found"})));
                }
                (StatusCode::OK, Json(serde_json::json!({"id": 77})))
            }),
        )
        .route(
            "/repos/{owner}/{repo}/contents/{*path}",
            get(|Path((owner, repo, path)): Path<(String, String, String)>, headers: HeaderMap| async move {
                let authorised = headers.get("authorization").and_then(|value| value.to_str().ok()) == Some("Bearer ghs_installation");
                if !authorised {
                    return (StatusCode::UNAUTHORIZED, Json(serde_json::json!({"message": "Bad credentials"})));
                }
                if (owner.as_str(), repo.as_str(), path.as_str()) != ("cfn", "governance", ".github/polity.yaml") {
                    return (StatusCode::NOT_FOUND, Json(serde_json::json!({"message": "Not Found"})));
                }
                // GitHub wraps the base64 at 60 characters.
                let encoded = base64::engine::general_purpose::STANDARD.encode(MAPPING);
                let wrapped: Vec<String> = encoded.as_bytes().chunks(60).map(|chunk| String::from_utf8_lossy(chunk).into_owned()).collect();
                (StatusCode::OK, Json(serde_json::json!({"encoding": "base64", "content": wrapped.join("\n")})))
            }),
        )
        .route(
            "/repos/{owner}/{repo}/issues/comments/{id}/reactions",
            get(move |Path((_, _, id)): Path<(String, String, u64)>| async move {
                let announcement = usize::try_from(id)
                    .ok()
                    .and_then(|id| reacted.lock().unwrap().get(id).map(|(_, body)| body.contains("<!-- polity:motion ")))
                    .unwrap_or(false);
                // On the bot's announcement of a motion: ivan for, kai (no member) against, alice
                // both ways, hua with a heart (no vote).
                let reactions = if announcement {
                    serde_json::json!([
                        {"content": "+1", "user": {"login": "ipetrov", "type": "User"}},
                        {"content": "-1", "user": {"login": "klund", "type": "User"}},
                        {"content": "+1", "user": {"login": "AliceE", "type": "User"}},
                        {"content": "-1", "user": {"login": "AliceE", "type": "User"}},
                        {"content": "heart", "user": {"login": "huaq", "type": "User"}},
                        {"content": "+1", "user": {"login": "gberg", "type": "User"}, "created_at": "2030-01-01T00:00:00Z"}
                    ])
                } else {
                    serde_json::json!([])
                };
                Json(reactions)
            }),
        )
        .route(
            "/repos/{owner}/{repo}/issues/{number}/comments",
            get(move |Path((owner, repo, number)): Path<(String, String, u64)>| async move {
                let issue = format!("{owner}/{repo}#{number}");
                let comments: Vec<serde_json::Value> = listed
                    .lock()
                    .unwrap()
                    .iter()
                    .enumerate()
                    .filter(|(_, (on, _))| *on == issue)
                    .map(|(id, (_, body))| serde_json::json!({"id": id, "body": body, "user": {"login": "polity-bot[bot]", "type": "Bot"}}))
                    .collect();
                Json(comments)
            })
            .post(move |Path((owner, repo, number)): Path<(String, String, u64)>, headers: HeaderMap, Json(body): Json<serde_json::Value>| async move {
                let authorised = headers.get("authorization").and_then(|value| value.to_str().ok()) == Some("Bearer ghs_installation");
                if !authorised {
                    return StatusCode::UNAUTHORIZED;
                }
                comments
                    .lock()
                    .unwrap()
                    .push((format!("{owner}/{repo}#{number}"), body["body"].as_str().unwrap_or("").to_owned()));
                StatusCode::CREATED
            }),
        );
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    posted
}

struct Hub {
    router: axum::Router,
    app: Arc<polity_server::App>,
    posted: Posted,
    deliveries: usize,
}

impl Hub {
    async fn new(dir: &std::path::Path) -> Hub {
        // The mock's address first, so that the app is configured with it.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app_config = polity_server::github_app::GithubAppConfig::new("4242", KEY, SECRET, &base).unwrap();
        let posted = mock_github(listener, app_config.public_key_der()).await;
        let mut config = config();
        config.github_app = Some(app_config);
        let db = dir.join("hub.db");
        let app = common::open(&db, config).await;
        polity_server::demo::seed(&app, common::demo_files()).await.unwrap();
        Hub {
            router: polity_server::router(app.clone()),
            app,
            posted,
            deliveries: 0,
        }
    }

    /// The same record and mock, served on a later day (a restart).
    async fn later(self, dir: &std::path::Path, today: jiff::civil::Date) -> Hub {
        let mut later = config();
        later.clock = polity_server::live::Clock::Fixed(today.into());
        later.github_app = self.app.config.github_app.clone();
        drop(self.router);
        drop(self.app);
        let app = common::open(&dir.join("hub.db"), later).await;
        Hub {
            router: polity_server::router(app.clone()),
            app,
            posted: self.posted,
            deliveries: self.deliveries,
        }
    }

    /// Delivers a comment event (signed with `secret`) as delivery `id`; the status.
    async fn deliver(
        &mut self,
        id: Option<&str>,
        secret: &str,
        action: &str,
        login: &str,
        comment: &str,
        repo: &str,
    ) -> StatusCode {
        self.deliveries += 1;
        let fresh = format!("delivery-{}", self.deliveries);
        let payload = serde_json::json!({
            "action": action,
            "issue": {"number": 12, "title": "Adopt the release policy", "html_url": format!("https://github.com/{repo}/pull/12")},
            "comment": {"id": 900 + self.deliveries, "body": comment, "user": {"login": login, "type": "User"}},
            "repository": {"full_name": repo},
            "installation": {"id": 77},
        })
        .to_string();
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(payload.as_bytes());
        let signature: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        let signature = format!("sha256={signature}");
        let answer = call(
            &self.router,
            "POST",
            "/github/webhook",
            &[
                ("content-type", "application/json"),
                ("x-github-event", "issue_comment"),
                ("x-github-delivery", id.unwrap_or(&fresh)),
                ("x-hub-signature-256", &signature),
            ],
            &payload,
        )
        .await;
        answer.status
    }

    async fn comment(&mut self, login: &str, comment: &str) -> String {
        let before = self.posted.lock().unwrap().len();
        let status = self
            .deliver(None, SECRET, "created", login, comment, "cfn/governance")
            .await;
        assert_eq!(status, StatusCode::OK, "{login}: {comment}");
        let posted = self.posted.lock().unwrap();
        assert_eq!(posted.len(), before + 1, "one answer to {comment}");
        posted.last().unwrap().1.clone()
    }

    async fn motion(&self) -> Option<polity_engine::Motion> {
        let live = self.app.record.live.read().await;
        live.state
            .motions
            .values()
            .find(|motion| motion.title.ends_with("(https://github.com/cfn/governance/pull/12)"))
            .cloned()
    }
}

#[tokio::test]
async fn d3_votes_on_a_pull_request_become_a_motion_in_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut hub = Hub::new(dir.path()).await;
    // A forged signature: refused, nothing posted or recorded.
    assert_eq!(
        hub.deliver(
            None,
            "not-the-secret-at-all",
            "created",
            "AliceE",
            "/vote",
            "cfn/governance"
        )
        .await,
        StatusCode::UNAUTHORIZED
    );
    assert!(hub.posted.lock().unwrap().is_empty());
    assert!(hub.motion().await.is_none());
    // A repository without `.github/polity.yaml` is told how to map one.
    let status = hub
        .deliver(None, SECRET, "created", "AliceE", "/vote", "cfn/other")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        hub.posted.lock().unwrap()[0]
            .1
            .contains("no readable `.github/polity.yaml`")
    );
    // Alice (GitHub AliceE, a TSC member) opens the motion.
    let opened = hub.comment("AliceE", "/vote").await;
    let motion = hub.motion().await.expect("the motion is recorded");
    assert_eq!(motion.body, "tsc");
    assert_eq!(
        motion.title,
        "Adopt the release policy (https://github.com/cfn/governance/pull/12)"
    );
    assert!(opened.starts_with("@AliceE Motion "), "{opened}");
    assert!(
        opened.contains(&format!("Motion {} is open in tsc", motion.id)),
        "{opened}"
    );
    // The same delivery again: handled once.
    let before = hub.posted.lock().unwrap().len();
    assert_eq!(
        hub.deliver(
            Some("delivery-3"),
            SECRET,
            "created",
            "AliceE",
            "/vote",
            "cfn/governance"
        )
        .await,
        StatusCode::ACCEPTED
    );
    assert_eq!(hub.posted.lock().unwrap().len(), before);
    // A second `/vote` opens nothing more.
    assert!(hub.comment("bobb", "/vote").await.contains("is already open"));
    // Votes by members; a non-member (kai, GitHub klund) is refused, and nothing is recorded.
    let voted = hub.comment("bobb", "/vote yes").await;
    assert!(
        voted.contains("So far: 1 yes, 0 no, 0 abstain; 1 of 9 who may vote have voted"),
        "{voted}"
    );
    let refused = hub.comment("klund", "/vote no").await;
    assert!(refused.contains("Refused by"), "{refused}");
    assert_eq!(hub.motion().await.unwrap().votes.len(), 1);
    // An edited comment changes no vote.
    assert_eq!(
        hub.deliver(None, SECRET, "edited", "bobb", "/vote no", "cfn/governance")
            .await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        hub.motion().await.unwrap().votes["bob"].0,
        polity_count::motion::Choice::Yes
    );
    // The same vote again is not recorded twice.
    assert!(hub.comment("bobb", "/vote yes").await.contains("is recorded already"));
    for login in ["chenwei", "danali", "enovak", "fzhou", "gberg"] {
        hub.comment(login, "/vote yes").await;
    }
    hub.comment("huaq", "/vote no").await;
    // Reactions to the announcement count at the close, for who has not voted by comment.
    let closed = hub.comment("AliceE", "/vote close").await;
    assert!(
        closed.contains("Reactions counted as votes: 1; by people who may not vote (not counted): 1; by people who reacted two ways (not counted): 1."),
        "{closed}"
    );
    assert!(
        closed.contains("is closed: **carried** (7 yes, 1 no, 0 abstain)"),
        "{closed}"
    );
    let motion = hub.motion().await.unwrap();
    assert_eq!(motion.outcome.as_deref(), Some("carried"));
    // Closed: a later vote finds no open motion.
    assert!(
        hub.comment("ipetrov", "/vote yes")
            .await
            .contains("There is no open motion")
    );
}

/// D3: a profile's duration gives the motion a closing date; `/vote close` before it is refused
/// while votes are missing, and the server closes it when the date is reached, counting the
/// reactions, and answers on the issue.
#[tokio::test]
async fn d3_a_vote_with_a_duration_is_closed_by_the_server_when_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut hub = Hub::new(dir.path()).await;
    let opened = hub.comment("AliceE", "/vote week").await;
    let motion = hub.motion().await.unwrap();
    let today = polity_server::demo::DEMO_TODAY;
    let closes = today.checked_add(jiff::Span::new().days(7)).unwrap();
    assert_eq!(motion.closes, Some(closes));
    assert!(opened.contains(&format!("Voting closes on {closes};")), "{opened}");
    hub.comment("bobb", "/vote yes").await;
    let early = hub.comment("AliceE", "/vote close").await;
    assert!(
        early.contains("Refused by D3") && early.contains(&format!("runs until {closes}")),
        "{early}"
    );
    // The motion's page says when voting closes.
    let page = call(&hub.router, "GET", &format!("/motions/{}", motion.id), &[], "").await;
    assert!(
        page.body.contains(&format!("voting closes on {closes}")),
        "{}",
        page.body
    );
    // Nothing is due yet.
    assert_eq!(polity_server::github_app::close_due(&hub.app).await.unwrap(), 0);
    // A week later, after a restart: the server closes it as its opener and answers.
    let hub = hub.later(dir.path(), closes).await;
    let before = hub.posted.lock().unwrap().len();
    assert_eq!(polity_server::github_app::close_due(&hub.app).await.unwrap(), 1);
    let posted = hub.posted.lock().unwrap().clone();
    assert_eq!(posted.len(), before + 1);
    let (issue, text) = posted.last().unwrap();
    assert_eq!(issue, "cfn/governance#12");
    assert!(
        text.starts_with("Voting has closed. Reactions counted as votes: 1;"),
        "{text}"
    );
    assert!(text.contains("is closed: **"), "{text}");
    assert!(hub.motion().await.unwrap().outcome.is_some());
    assert_eq!(polity_server::github_app::close_due(&hub.app).await.unwrap(), 0);
}
