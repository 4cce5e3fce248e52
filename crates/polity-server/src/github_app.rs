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
use serde::Deserialize;
use serde_json::{Value, json};

use crate::App;
use crate::error::ApiError;
use crate::live::{ActError, Extra};

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
    let token = installation_token(&app, config, event.installation.id).await?;
    let answer = match mapping(&app, config, &token, &event.repository.full_name).await {
        Ok(mapping) => act(&app, (config, &token), &event, &mapping, said).await?,
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

/// A JSON Web Token of the app (RS256), for GitHub's installation tokens.
fn app_jwt(config: &GithubAppConfig) -> Result<String, ApiError> {
    let encode = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let now = jiff::Timestamp::now().as_second();
    let header = encode(br#"{"alg":"RS256","typ":"JWT"}"#);
    let claims = encode(
        json!({ "iat": now - 60, "exp": now + 540, "iss": config.app_id })
            .to_string()
            .as_bytes(),
    );
    let message = format!("{header}.{claims}");
    let mut signature = vec![0; config.key.public().modulus_len()];
    config
        .key
        .sign(
            &ring::signature::RSA_PKCS1_SHA256,
            &ring::rand::SystemRandom::new(),
            message.as_bytes(),
            &mut signature,
        )
        .map_err(|_| ApiError::internal("signing the GitHub App's token failed"))?;
    Ok(format!("{message}.{}", encode(&signature)))
}

fn github_error(what: &str, error: impl std::fmt::Display) -> ApiError {
    ApiError::internal(format!("GitHub {what}: {error}"))
}

/// An installation's access token (kept for 50 minutes).
async fn installation_token(app: &App, config: &GithubAppConfig, installation: u64) -> Result<String, ApiError> {
    {
        let tokens = config.tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((token, when)) = tokens.get(&installation)
            && when.elapsed() < TOKEN_LIFE
        {
            return Ok(token.clone());
        }
    }
    #[derive(Deserialize)]
    struct Token {
        token: String,
    }
    let token: Token = app
        .http
        .post(format!(
            "{}/app/installations/{installation}/access_tokens",
            config.api_url
        ))
        .bearer_auth(app_jwt(config)?)
        .header("accept", "application/vnd.github+json")
        .header("user-agent", "polity")
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| github_error("gave no installation token", error))?
        .json()
        .await
        .map_err(|error| github_error("gave no installation token", error))?;
    let mut tokens = config.tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    tokens.retain(|_, (_, when)| when.elapsed() < TOKEN_LIFE);
    tokens.insert(installation, (token.token.clone(), Instant::now()));
    Ok(token.token)
}

/// The repository's `.github/polity.yaml`, or what to answer when it is missing or wrong.
async fn mapping(app: &App, config: &GithubAppConfig, token: &str, repository: &str) -> Result<Mapping, String> {
    let missing = || {
        String::from(
            "This repository has no readable `.github/polity.yaml`, so polity does not know which body votes here. Add one, for example:\n\n```yaml\nbody: tsc            # the body of the registry whose members vote\nrule: simple-majority  # optional: a decision rule of the constitution\n```",
        )
    };
    #[derive(Deserialize)]
    struct Contents {
        content: String,
    }
    let response = app
        .http
        .get(format!(
            "{}/repos/{repository}/contents/.github/polity.yaml",
            config.api_url
        ))
        .bearer_auth(token)
        .header("accept", "application/vnd.github+json")
        .header("user-agent", "polity")
        .send()
        .await
        .map_err(|_| missing())?;
    if !response.status().is_success() {
        return Err(missing());
    }
    let contents: Contents = response.json().await.map_err(|_| missing())?;
    let text: String = contents.content.split_whitespace().collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| missing())?;
    let text = String::from_utf8(bytes).map_err(|_| missing())?;
    serde_saphyr::from_str(&text).map_err(|error| {
        format!(
            "`.github/polity.yaml` cannot be read: {error}. It names `body:` and, optionally, `rule:` and `profiles:`."
        )
    })
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
    (config, token): (&GithubAppConfig, &str),
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
                return Ok(format!(
                    "Motion {motion} is already open on this issue. Vote with `/vote yes`, `/vote no` or `/vote abstain`."
                ));
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
                            return Ok(format!(
                                "`.github/polity.yaml` has no profile {name:?}; it has: {}.",
                                mapping.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
                            ));
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
                        return Ok(format!(
                            "`.github/polity.yaml`'s `duration` cannot be read: {error}. Write it as `7 days` or `2 weeks`."
                        ));
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
                return Ok("There is no open motion on this issue. Open one with `/vote`.".to_owned());
            }
            (Said::Vote(choice), Some(motion)) => {
                let member = live.state.polity.person(&actor).map(|person| person.id.clone());
                let already = member
                    .as_ref()
                    .and_then(|member| live.state.motions[motion].votes.get(member));
                if already.is_some_and(|(recorded, _, _)| recorded == choice) {
                    return Ok(format!(
                        "Your vote ({}) is recorded already.\n\n{}",
                        choice.as_str(),
                        tally(&live.state, motion, app.now().date())
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
            return Ok(refusal_text(&rejection));
        }
        counted = reaction_votes(
            app,
            config,
            token,
            (&event.repository.full_name, event.issue.number),
            &close.motion,
            None,
        )
        .await?;
    }
    match app.record.act(command, Extra::None, &context).await {
        Ok(events) => {
            let live = app.record.live.read().await;
            Ok(format!(
                "{counted}{}",
                answer(&live.state, &events, open.as_deref(), now.date())
            ))
        }
        Err(ActError::Rejected(rejection)) => Ok(refusal_text(&rejection)),
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
struct IssueComment {
    id: u64,
    body: String,
    user: User,
}

#[derive(Deserialize)]
struct Reaction {
    content: String,
    user: User,
    /// When it was made (RFC 3339): after a motion's closing moment it does not count.
    #[serde(default)]
    created_at: Option<String>,
}

/// A motion's closing moment, and the moment just before it that the votes of reactions made in
/// time are recorded at when the server closes it (voting is closed at the moment itself).
fn closing_moment(
    state: &polity_engine::State,
    closes: jiff::civil::Date,
) -> Option<(jiff::Timestamp, jiff::civil::DateTime)> {
    let constitution = &state.polity.constitution;
    let zone = polity_model::zone_or_utc(constitution.time_zone.as_deref());
    let moment = polity_model::deadline_moment(closes, constitution.deadline_time, &zone);
    let before = moment.checked_sub(jiff::Span::new().seconds(1)).ok()?;
    Some((moment.timestamp(), before.datetime()))
}

/// Reads up to `pages` pages of 100 items of a GitHub list.
async fn pages<T: serde::de::DeserializeOwned>(
    app: &App,
    token: &str,
    url: &str,
    pages: u32,
) -> Result<Vec<T>, ApiError> {
    let mut out = Vec::new();
    for page in 1..=pages {
        let items: Vec<T> = app
            .http
            .get(format!("{url}?per_page=100&page={page}"))
            .bearer_auth(token)
            .header("accept", "application/vnd.github+json")
            .header("user-agent", "polity")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|error| github_error("gave no list", error))?
            .json()
            .await
            .map_err(|error| github_error("gave no list", error))?;
        let full = items.len() == 100;
        out.extend(items);
        if !full {
            break;
        }
    }
    Ok(out)
}

/// Records the reactions to the bot's announcement of `motion` as votes (👍 yes, 👎 no, 👀
/// abstain) of those who have not voted by comment, before the close; says what it counted.
async fn reaction_votes(
    app: &App,
    config: &GithubAppConfig,
    token: &str,
    (repository, number): (&str, u64),
    motion: &str,
    cutoff: Option<(jiff::Timestamp, jiff::civil::DateTime)>,
) -> Result<String, ApiError> {
    let comments: Vec<IssueComment> = pages(
        app,
        token,
        &format!("{}/repos/{repository}/issues/{number}/comments", config.api_url),
        10,
    )
    .await?;
    let announcement = format!("Motion {motion} is open in ");
    let Some(comment) = comments
        .iter()
        .find(|comment| comment.user.kind == "Bot" && comment.body.contains(&announcement))
    else {
        return Ok(String::new());
    };
    let reactions: Vec<Reaction> = pages(
        app,
        token,
        &format!(
            "{}/repos/{repository}/issues/comments/{}/reactions",
            config.api_url, comment.id
        ),
        50,
    )
    .await?;
    // One choice a person: someone who reacted two ways is counted neither way.
    let mut chosen: std::collections::BTreeMap<String, Option<Choice>> = std::collections::BTreeMap::new();
    for reaction in &reactions {
        let made = reaction
            .created_at
            .as_deref()
            .and_then(|text| text.parse::<jiff::Timestamp>().ok());
        if let (Some((moment, _)), Some(made)) = (cutoff, made)
            && made >= moment
        {
            continue;
        }
        let choice = match reaction.content.as_str() {
            "+1" => Choice::Yes,
            "-1" => Choice::No,
            "eyes" => Choice::Abstain,
            _ => continue,
        };
        chosen
            .entry(reaction.user.login.to_lowercase())
            .and_modify(|known| {
                if *known != Some(choice) {
                    *known = None;
                }
            })
            .or_insert(Some(choice));
    }
    let (mut counted, mut refused, mut ambiguous) = (0, 0, 0);
    for (login, choice) in chosen {
        let Some(choice) = choice else {
            ambiguous += 1;
            continue;
        };
        let actor = format!("@{login}");
        let voted = {
            let live = app.record.live.read().await;
            live.state.polity.person(&actor).is_some_and(|person| {
                live.state
                    .motions
                    .get(motion)
                    .is_some_and(|found| found.votes.contains_key(&person.id))
            })
        };
        if voted {
            continue;
        }
        let now = cutoff.map_or_else(|| app.now(), |(_, before)| before);
        let context = Context {
            actor,
            on: now.date(),
            at: now.time(),
        };
        let vote = Command::Vote(command::Vote {
            motion: motion.to_owned(),
            choice,
            on_behalf_of: None,
            capacity: None,
        });
        match app.record.act(vote, Extra::None, &context).await {
            Ok(_) => counted += 1,
            Err(ActError::Rejected(_)) => refused += 1,
            Err(error) => return Err(error.into()),
        }
    }
    if counted + refused + ambiguous == 0 {
        return Ok(String::new());
    }
    Ok(format!(
        "Reactions counted as votes: {counted}; by people who may not vote (not counted): {refused}; by people who reacted two ways (not counted): {ambiguous}.\n\n"
    ))
}

/// A refusal as the bot says it.
fn refusal_text(rejection: &polity_engine::Rejection) -> String {
    format!(
        "Refused by {}: {}. To proceed: {}.",
        rejection.rule, rejection.message, rejection.hint
    )
}

/// Where a motion's vote stands, in words.
fn tally(state: &polity_engine::State, motion: &str, on: jiff::civil::Date) -> String {
    let Some(motion) = state.motions.get(motion) else {
        return String::new();
    };
    let count = |choice: Choice| motion.votes.values().filter(|(said, _, _)| *said == choice).count();
    let voters = state.motion_voters(motion, on).len();
    let rule = state
        .polity
        .constitution
        .decision_rules
        .get(&motion.rule)
        .map_or_else(String::new, |rule| format!(" It passes with {}.", rule.passes));
    format!(
        "So far: {} yes, {} no, {} abstain; {} of {voters} who may vote have voted (rule `{}`).{rule}",
        count(Choice::Yes),
        count(Choice::No),
        count(Choice::Abstain),
        motion.votes.len(),
        motion.rule
    )
}

/// The bot's answer to what was recorded.
fn answer(state: &polity_engine::State, events: &[Event], open: Option<&str>, on: jiff::civil::Date) -> String {
    for event in events {
        match event {
            Event::MotionOpened {
                motion,
                body,
                rule,
                closes,
                ..
            } => {
                let closing = closes.map_or_else(String::new, |closes| {
                    format!(
                        " Voting closes on {}; the motion is then closed and counted here.",
                        state.deadline_text(closes)
                    )
                });
                return format!(
                    "Motion {motion} is open in {body} under the rule `{rule}`. Those who may vote answer with `/vote yes`, `/vote no` or `/vote abstain` (a later vote replaces an earlier one), or react to this comment with 👍 (yes), 👎 (no) or 👀 (abstain): reactions count when the motion closes, for whoever has not voted by comment. `/vote close` closes it.{closing}\n\n{}",
                    tally(state, motion, on)
                );
            }
            Event::MotionClosed {
                motion,
                outcome,
                yes,
                no,
                abstain,
                explanation,
                ..
            } => {
                let lines: Vec<String> = explanation.iter().map(|line| format!("- {line}")).collect();
                return format!(
                    "Motion {motion} is closed: **{outcome}** ({yes} yes, {no} no, {abstain} abstain).\n\n{}",
                    lines.join("\n")
                );
            }
            Event::MotionRevote { motion, round, .. } => {
                return format!("Motion {motion} is tied: round {round} of the vote begins; vote again.");
            }
            _ => {}
        }
    }
    match open {
        Some(motion) => format!("Vote recorded.\n\n{}", tally(state, motion, on)),
        None => "Recorded.".to_owned(),
    }
}

/// Posts the bot's answer on the issue.
async fn post_comment(
    app: &App,
    config: &GithubAppConfig,
    token: &str,
    (repository, number): (&str, u64),
    text: &str,
) -> Result<(), ApiError> {
    app.http
        .post(format!(
            "{}/repos/{repository}/issues/{number}/comments",
            config.api_url
        ))
        .bearer_auth(token)
        .header("accept", "application/vnd.github+json")
        .header("user-agent", "polity")
        .json(&json!({ "body": text }))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| github_error("refused the answer", error))?;
    Ok(())
}

/// The repository and issue number of a motion opened on GitHub: its title ends with
/// `(https://HOST/OWNER/REPO/pull/N)` (or `issues/N`).
fn issue_of(title: &str) -> Option<(String, u64)> {
    let address = title.strip_suffix(')')?.rsplit_once(" (")?.1;
    let mut parts = address.rsplit('/');
    let number = parts.next()?.parse().ok()?;
    let kind = parts.next()?;
    let repo = parts.next()?;
    let owner = parts.next()?;
    ((kind == "pull" || kind == "issues") && address.starts_with("https://"))
        .then(|| (format!("{owner}/{repo}"), number))
}

/// A motion to close: its id, its opener, its repository and issue, and its closing moment.
type Due = (
    String,
    String,
    String,
    u64,
    Option<(jiff::Timestamp, jiff::civil::DateTime)>,
);

/// Closes every motion opened on GitHub whose closing date is reached (as the person who opened
/// it), after counting the reactions, and answers on its issue. Returns how many it closed.
pub async fn close_due(app: &App) -> Result<usize, ApiError> {
    let Some(config) = &app.config.github_app else {
        return Ok(0);
    };
    let _ = app.record.refresh().await;
    let now = app.now();
    let due: Vec<Due> = {
        let live = app.record.live.read().await;
        live.state
            .motions
            .values()
            .filter(|motion| motion.outcome.is_none())
            .filter(|motion| motion.closes.is_some_and(|closes| live.state.reached(now, closes)))
            .filter_map(|motion| {
                let (repository, number) = issue_of(&motion.title)?;
                let cutoff = motion.closes.and_then(|closes| closing_moment(&live.state, closes));
                Some((motion.id.clone(), motion.opened_by.clone(), repository, number, cutoff))
            })
            .collect()
    };
    let mut closed = 0;
    for (motion, opener, repository, number, cutoff) in due {
        #[derive(Deserialize)]
        struct InstallationOf {
            id: u64,
        }
        let installation: InstallationOf = app
            .http
            .get(format!("{}/repos/{repository}/installation", config.api_url))
            .bearer_auth(app_jwt(config)?)
            .header("accept", "application/vnd.github+json")
            .header("user-agent", "polity")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|error| github_error("has no installation for the repository", error))?
            .json()
            .await
            .map_err(|error| github_error("has no installation for the repository", error))?;
        let token = installation_token(app, config, installation.id).await?;
        let counted = reaction_votes(app, config, &token, (&repository, number), &motion, cutoff).await?;
        let context = Context {
            actor: opener,
            on: now.date(),
            at: now.time(),
        };
        let close = Command::CloseMotion(command::CloseMotion {
            motion: motion.clone(),
            casting_vote: None,
        });
        let text = match app.record.act(close, Extra::None, &context).await {
            Ok(events) => {
                closed += 1;
                let live = app.record.live.read().await;
                format!(
                    "Voting has closed. {counted}{}",
                    answer(&live.state, &events, Some(&motion), now.date())
                )
            }
            Err(ActError::Rejected(rejection)) => format!(
                "Voting has closed, but the motion could not be closed: refused by {}: {}. To proceed: {}.",
                rejection.rule, rejection.message, rejection.hint
            ),
            Err(error) => return Err(error.into()),
        };
        post_comment(app, config, &token, (&repository, number), &text).await?;
    }
    Ok(closed)
}

/// Closes due motions every `every` in the background (`polity serve` with the GitHub App).
pub fn spawn(app: Arc<App>, every: Duration) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = close_due(&app).await {
                tracing::warn!(target: "polity::github", %error, "closing due motions");
            }
            tokio::time::sleep(every).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_motion_names_its_issue_at_the_end_of_its_title() {
        assert_eq!(
            issue_of("Adopt it (v2) (https://github.com/cfn/governance/pull/12)"),
            Some(("cfn/governance".to_owned(), 12))
        );
        assert_eq!(
            issue_of("Adopt (https://github.example.org/a/b/issues/3)"),
            Some(("a/b".to_owned(), 3))
        );
        assert_eq!(issue_of("Adopt (https://github.com/a/b/wiki/3)"), None);
        assert_eq!(issue_of("Adopt the policy"), None);
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
