//! The GitHub App mode of `polity serve`: votes where the community already is (issue 18).
//!
//! GitHub posts every comment on the repositories the app is installed on to
//! `POST /github/webhook`, signed with the webhook secret (`X-Hub-Signature-256`). A new comment
//! whose first line is a command acts in the record as the person whose `github:` is the
//! commenter:
//! - `/vote` (or `/vote PROFILE`) opens a motion of the body the repository's
//!   `.github/polity.yaml` names, under its decision rule, titled with the issue and its address;
//! - `/vote yes`, `/vote no`, `/vote abstain` votes on the issue's open motion;
//! - `/vote close` closes it (whoever the body's rules let close a motion).
//!
//! Every act goes through the same `decide` as the CLI and the web; the bot answers on the issue
//! with what was recorded (the running tally, or the result with the rule's explanation) or why it
//! was refused. An edited or deleted comment changes nothing (a vote is what was said when it was
//! said); a delivery GitHub sends twice is handled once.
//!
//! Reactions to the bot's announcement (👍 yes, 👎 no, 👀 abstain) are read when the motion
//! closes (GitHub sends no webhook for a reaction) and count for whoever has not voted by
//! comment. A profile's `duration` gives the motion a closing date (D3): the server closes it
//! when the date is reached and answers with the result.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Json;
use base64::Engine as _;
use hmac::{KeyInit as _, Mac as _};
use polity_count::motion::Choice;
use polity_engine::{Command, Context, Event, command};
use polity_model::Lang;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::App;
use crate::error::ApiError;
use crate::live::{ActError, Extra};

/// A message of the catalogs in `lang`.
fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    polity_i18n::text(lang, key, args)
}

mod client;
mod closing;
mod votes;

use client::*;
pub use closing::{close_due, spawn};
use votes::*;

/// Deliveries remembered to answer a repeated one once.
const DELIVERIES: usize = 10_000;
/// How long an installation token is used (GitHub's last an hour).
const TOKEN_LIFE: Duration = Duration::from_secs(50 * 60);
/// The longest issue title a motion's title takes (the address follows it).
const TITLE: usize = 200;

/// The app: its id and private key, the webhook secret, and GitHub's API address.
#[derive(Clone)]
pub struct GithubAppConfig {
    pub app_id: String,
    pub key: Arc<ring::signature::RsaKeyPair>,
    pub webhook_secret: String,
    /// `https://api.github.com`.
    pub api_url: String,
    seen: Arc<Mutex<Seen>>,
    tokens: Arc<Mutex<HashMap<u64, (String, Instant)>>>,
}

impl std::fmt::Debug for GithubAppConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GithubAppConfig")
            .field("app_id", &self.app_id)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Seen {
    ids: HashSet<String>,
    order: VecDeque<String>,
}

impl GithubAppConfig {
    /// The app `app_id` with its private key `pem` (the `.pem` GitHub gives: PKCS#1 `RSA PRIVATE
    /// KEY`, or PKCS#8 `PRIVATE KEY`).
    pub fn new(app_id: &str, pem: &str, webhook_secret: &str, api_url: &str) -> Result<GithubAppConfig, String> {
        if app_id.is_empty() || !app_id.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(format!("the GitHub App id {app_id:?} is not a number"));
        }
        if webhook_secret.len() < 16 {
            return Err("the webhook secret has fewer than 16 characters; choose a long random one".to_owned());
        }
        let der = pem_der(pem).ok_or("the GitHub App key is not a PEM file (-----BEGIN … PRIVATE KEY-----)")?;
        let key = ring::signature::RsaKeyPair::from_der(&der)
            .or_else(|_| ring::signature::RsaKeyPair::from_pkcs8(&der))
            .map_err(|error| format!("the GitHub App key is not an RSA private key: {error}"))?;
        Ok(GithubAppConfig {
            app_id: app_id.to_owned(),
            key: Arc::new(key),
            webhook_secret: webhook_secret.to_owned(),
            api_url: api_url.trim_end_matches('/').to_owned(),
            seen: Arc::default(),
            tokens: Arc::default(),
        })
    }

    /// The app's public key (DER `RSAPublicKey`), as GitHub keeps it to check the app's tokens.
    pub fn public_key_der(&self) -> Vec<u8> {
        self.key.public().as_ref().to_vec()
    }

    /// Whether `delivery` is new (and remember it).
    fn first(&self, delivery: &str) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.ids.contains(delivery) {
            return false;
        }
        seen.ids.insert(delivery.to_owned());
        seen.order.push_back(delivery.to_owned());
        if seen.order.len() > DELIVERIES
            && let Some(oldest) = seen.order.pop_front()
        {
            seen.ids.remove(&oldest);
        }
        true
    }
}

/// The DER bytes inside a PEM file's first block.
fn pem_der(pem: &str) -> Option<Vec<u8>> {
    let mut inside = false;
    let mut text = String::new();
    for line in pem.lines().map(str::trim) {
        if line.starts_with("-----BEGIN ") && line.ends_with("PRIVATE KEY-----") {
            inside = true;
        } else if line.starts_with("-----END ") {
            break;
        } else if inside {
            text.push_str(line);
        }
    }
    if text.is_empty() {
        return None;
    }
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// Whether `signature` (`sha256=HEX`) is the HMAC-SHA256 of `body` under `secret`, compared in
/// constant time.
fn signed(secret: &str, body: &[u8], signature: &str) -> bool {
    let Some(hex) = signature.strip_prefix("sha256=") else {
        return false;
    };
    if hex.len() != 64 {
        return false;
    }
    let Some(expected) = (0..32)
        .map(|at| u8::from_str_radix(hex.get(at * 2..at * 2 + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()
    else {
        return false;
    };
    let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

/// A command in a comment's first line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Said {
    Open(Option<String>),
    Vote(Choice),
    Close,
}

/// The command of a comment: its first non-blank line, `/vote …`; `None` for any other comment.
fn command_of(comment: &str) -> Option<Said> {
    let line = comment.lines().map(str::trim).find(|line| !line.is_empty())?;
    let mut words = line.split_whitespace();
    if words.next()? != "/vote" {
        return None;
    }
    let said = match words.next() {
        None => Said::Open(None),
        Some("yes") => Said::Vote(Choice::Yes),
        Some("no") => Said::Vote(Choice::No),
        Some("abstain") => Said::Vote(Choice::Abstain),
        Some("close") => Said::Close,
        Some(profile) if profile.len() <= 64 => Said::Open(Some(profile.to_owned())),
        Some(_) => return None,
    };
    words.next().is_none().then_some(said)
}

#[derive(Debug, Deserialize)]
struct CommentEvent {
    action: String,
    issue: Issue,
    comment: Comment,
    repository: Repository,
    installation: Installation,
}

#[derive(Debug, Deserialize)]
struct Issue {
    number: u64,
    title: String,
    html_url: String,
}

#[derive(Debug, Deserialize)]
struct Comment {
    body: String,
    user: User,
}

#[derive(Debug, Deserialize)]
struct User {
    login: String,
    #[serde(rename = "type", default)]
    kind: String,
}

#[derive(Debug, Deserialize)]
struct Repository {
    full_name: String,
}

#[derive(Debug, Deserialize)]
struct Installation {
    id: u64,
}

/// `.github/polity.yaml`: which body votes on the repository's issues, under which rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    body: String,
    #[serde(default)]
    rule: Option<String>,
    /// How long the vote runs (`7 days`); none: until someone closes it.
    #[serde(default)]
    duration: Option<String>,
    #[serde(default)]
    profiles: std::collections::BTreeMap<String, Profile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Profile {
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    duration: Option<String>,
}

fn ignored(why: &str) -> (StatusCode, Json<Value>) {
    (StatusCode::ACCEPTED, Json(json!({ "ignored": why })))
}

/// `POST /github/webhook`.
pub(crate) async fn webhook(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let Some(config) = &app.config.github_app else {
        return Err(ApiError::not_found("the GitHub App is not configured on this server"));
    };
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok()).unwrap_or("");
    if !signed(&config.webhook_secret, &body, header("x-hub-signature-256")) {
        return Err(ApiError::unauthorised(
            "the webhook's X-Hub-Signature-256 is not the HMAC-SHA256 of its body under this server's webhook secret",
        ));
    }
    let delivery = header("x-github-delivery");
    if delivery.is_empty() || delivery.len() > 100 {
        return Err(ApiError::bad_request(
            "the webhook has no X-GitHub-Delivery id",
            "only GitHub's deliveries are handled",
        ));
    }
    if !config.first(delivery) {
        return Ok(ignored("this delivery was handled already"));
    }
    match header("x-github-event") {
        "ping" => return Ok((StatusCode::OK, Json(json!({ "pong": true })))),
        "issue_comment" => {}
        _ => return Ok(ignored("only comments on issues and pull requests are commands")),
    }
    let event: CommentEvent = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(
            format!("the comment event cannot be read: {error}"),
            "send GitHub's issue_comment payload",
        )
    })?;
    if event.action != "created" {
        return Ok(ignored(
            "only a new comment is a command: an edited or deleted comment changes no vote",
        ));
    }
    if event.comment.user.kind == "Bot" {
        return Ok(ignored("comments by bots are not commands"));
    }
    let Some(said) = command_of(&event.comment.body) else {
        return Ok(ignored("not a /vote command"));
    };
    // The bot answers in the commenter's language (`lang:` in people.yaml).
    let lang = {
        let live = app.record.live.read().await;
        let actor = format!("@{}", event.comment.user.login);
        live.state.polity.person(&actor).map_or(Lang::En, |person| person.lang)
    };
    let token = installation_token(&app, config, event.installation.id).await?;
    let answer = match mapping(&app, config, &token, &event.repository.full_name, lang).await {
        Ok(mapping) => act(&app, (config, &token, lang), &event, &mapping, said).await?,
        Err(problem) => problem,
    };
    post_comment(
        &app,
        config,
        &token,
        (&event.repository.full_name, event.issue.number),
        &format!("@{} {answer}", event.comment.user.login),
    )
    .await?;
    Ok((StatusCode::OK, Json(json!({ "answered": answer }))))
}

/// The open motion opened for the issue at `url`.
fn open_motion<'a>(state: &'a polity_engine::State, url: &str) -> Option<&'a polity_engine::Motion> {
    let suffix = format!("({url})");
    state
        .motions
        .values()
        .find(|motion| motion.outcome.is_none() && motion.title.ends_with(&suffix))
}

/// Acts on a command and says what happened, for the bot's comment.
async fn act(
    app: &App,
    (config, token, lang): (&GithubAppConfig, &str, Lang),
    event: &CommentEvent,
    mapping: &Mapping,
    said: Said,
) -> Result<String, ApiError> {
    let url = &event.issue.html_url;
    let actor = format!("@{}", event.comment.user.login);
    let (open, command) = {
        let live = app.record.live.read().await;
        let open = open_motion(&live.state, url).map(|motion| motion.id.clone());
        let command = match (&said, &open) {
            (Said::Open(_), Some(motion)) => {
                return Ok(say(lang, "gh-already-open", &[("motion", motion)]));
            }
            (Said::Open(profile), None) => {
                let (body, rule, duration) = match profile {
                    None => (mapping.body.clone(), mapping.rule.clone(), mapping.duration.clone()),
                    Some(name) => match mapping.profiles.get(name) {
                        Some(profile) => (
                            profile.body.clone().unwrap_or_else(|| mapping.body.clone()),
                            profile.rule.clone().or_else(|| mapping.rule.clone()),
                            profile.duration.clone().or_else(|| mapping.duration.clone()),
                        ),
                        None => {
                            let profiles = mapping.profiles.keys().cloned().collect::<Vec<_>>().join(", ");
                            return Ok(say(lang, "gh-no-profile", &[("name", name), ("profiles", &profiles)]));
                        }
                    },
                };
                let title: String = event
                    .issue
                    .title
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(TITLE)
                    .collect();
                let closes = match duration.as_deref().map(polity_model::Period::parse) {
                    None => None,
                    Some(Ok(period)) => Some(period.after(app.now().date())),
                    Some(Err(error)) => {
                        return Ok(say(lang, "gh-bad-duration", &[("error", &error)]));
                    }
                };
                Command::OpenMotion(command::OpenMotion {
                    body,
                    title: format!("{title} ({url})"),
                    rule,
                    subject: None,
                    meeting: None,
                    large: false,
                    closes,
                })
            }
            (_, None) => {
                return Ok(say(lang, "gh-no-motion", &[]));
            }
            (Said::Vote(choice), Some(motion)) => {
                let member = live.state.polity.person(&actor).map(|person| person.id.clone());
                let already = member
                    .as_ref()
                    .and_then(|member| live.state.motions[motion].votes.get(member));
                if already.is_some_and(|(recorded, _, _)| recorded == choice) {
                    let choice = say(lang, &format!("gh-choice-{}", choice.as_str()), &[]);
                    return Ok(format!(
                        "{}\n\n{}",
                        say(lang, "gh-vote-again", &[("choice", &choice)]),
                        tally(lang, &live.state, motion, app.now().date())
                    ));
                }
                Command::Vote(command::Vote {
                    motion: motion.clone(),
                    choice: *choice,
                    on_behalf_of: None,
                    capacity: None,
                })
            }
            (Said::Close, Some(motion)) => Command::CloseMotion(command::CloseMotion {
                motion: motion.clone(),
                casting_vote: None,
            }),
        };
        (open, command)
    };
    let now = app.now();
    let context = Context {
        actor,
        on: now.date(),
        at: now.time(),
    };
    let mut counted = String::new();
    if let Command::CloseMotion(close) = &command {
        // The reactions count only when the motion closes: a close that would be refused
        // records none of them.
        let refused = {
            let live = app.record.live.read().await;
            polity_engine::decide(&live.state, &command, &context).err()
        };
        if let Some(rejection) = refused {
            return Ok(refusal_text(lang, &rejection));
        }
        counted = reaction_votes(
            app,
            config,
            token,
            (&event.repository.full_name, event.issue.number),
            &close.motion,
            (None, lang),
        )
        .await?;
    }
    match app.record.act(command, Extra::None, &context).await {
        Ok(events) => {
            let live = app.record.live.read().await;
            Ok(format!(
                "{counted}{}",
                answer(lang, &live.state, &events, open.as_deref(), now.date())
            ))
        }
        Err(ActError::Rejected(rejection)) => Ok(refusal_text(lang, &rejection)),
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bot_speaks_the_commenters_language() {
        let keys = [
            "gh-no-mapping",
            "gh-already-open",
            "gh-no-motion",
            "gh-vote-again",
            "gh-refused",
            "gh-tally",
            "gh-tally-passes",
            "gh-opened",
            "gh-closes-on",
            "gh-closed",
            "gh-revote",
            "gh-voted",
            "gh-recorded",
            "gh-reactions",
            "gh-time-up",
            "gh-time-up-refused",
            "gh-bad-mapping",
            "gh-bad-duration",
            "gh-no-profile",
        ];
        for key in keys {
            let args: Vec<(&str, &str)> = [
                "motion",
                "name",
                "profiles",
                "error",
                "choice",
                "rule",
                "title",
                "message",
                "hint",
                "yes",
                "no",
                "abstain",
                "voted",
                "voters",
                "passes",
                "body",
                "deadline",
                "outcome",
                "round",
                "counted",
                "refused",
                "ambiguous",
            ]
            .into_iter()
            .map(|name| (name, "x"))
            .collect();
            let (en, zh) = (say(Lang::En, key, &args), say(Lang::Zh, key, &args));
            assert!(!en.contains('⟦') && !zh.contains('⟦'), "{key}");
            assert_ne!(en, zh, "{key} is not said in Chinese");
        }
        let example = say(Lang::Zh, "gh-no-mapping", &[]);
        assert!(example.contains("```yaml\nbody: tsc"), "{example}");
        let rejection = polity_engine::Rejection {
            rule: polity_engine::RuleId::D3,
            message: "voting on tsc/m1 closed on 2026-06-27".to_owned(),
            hint: "the motion is closed and counted now: its opener or a chair closes it".to_owned(),
            words: None,
        }
        .said(
            "motion-voting-closed",
            &[("motion", "tsc/m1".to_owned()), ("deadline", "2026-06-27".to_owned())],
        );
        let said = votes::refusal_text(Lang::Zh, &rejection);
        assert!(said.contains("tsc/m1 的投票已于 2026-06-27 截止"), "{said}");
        assert!(votes::refusal_text(Lang::En, &rejection).starts_with("Refused by D3 ("));
    }

    #[test]
    fn a_command_is_the_first_line_and_nothing_else() {
        assert_eq!(command_of("/vote"), Some(Said::Open(None)));
        assert_eq!(command_of("\n  /vote yes  \nbecause"), Some(Said::Vote(Choice::Yes)));
        assert_eq!(
            command_of("/vote charter"),
            Some(Said::Open(Some("charter".to_owned())))
        );
        assert_eq!(command_of("/vote close"), Some(Said::Close));
        assert_eq!(command_of("/vote yes please"), None);
        assert_eq!(command_of("I say /vote yes"), None);
        assert_eq!(command_of("/voteyes"), None);
        assert_eq!(command_of(""), None);
    }

    #[test]
    fn t1_only_the_secret_signs_a_delivery() {
        let body = br#"{"zen":"hi"}"#;
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"a-long-webhook-secret").unwrap();
        mac.update(body);
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        assert!(signed("a-long-webhook-secret", body, &format!("sha256={hex}")));
        assert!(!signed("another-webhook-secret", body, &format!("sha256={hex}")));
        assert!(!signed("a-long-webhook-secret", b"{}", &format!("sha256={hex}")));
        assert!(!signed("a-long-webhook-secret", body, &hex));
        assert!(!signed("a-long-webhook-secret", body, "sha256=zz"));
        assert!(!signed(
            "a-long-webhook-secret",
            body,
            &format!("sha256={}", "é".repeat(32))
        ));
    }
}
