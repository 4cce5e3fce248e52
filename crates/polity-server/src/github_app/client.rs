//! The GitHub API as the app uses it: its tokens, a repository's `.github/polity.yaml`, lists,
//! and its answers on an issue.

use base64::Engine as _;
use serde::Deserialize;
use serde_json::json;

use super::*;

/// A JSON Web Token of the app (RS256), for GitHub's installation tokens.
pub(super) fn app_jwt(config: &GithubAppConfig) -> Result<String, ApiError> {
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

pub(super) fn github_error(what: &str, error: impl std::fmt::Display) -> ApiError {
    ApiError::internal(format!("GitHub {what}: {error}"))
}

/// Sends a request to GitHub's API (with its media type and a user agent) and reads the JSON
/// answer; `failed` says what GitHub did not do, for the error.
pub(super) async fn github_json<T: serde::de::DeserializeOwned>(
    request: reqwest::RequestBuilder,
    failed: &str,
) -> Result<T, ApiError> {
    request
        .header("accept", "application/vnd.github+json")
        .header("user-agent", "polity")
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| github_error(failed, error))?
        .json()
        .await
        .map_err(|error| github_error(failed, error))
}

/// An installation's access token (kept for 50 minutes).
pub(super) async fn installation_token(
    app: &App,
    config: &GithubAppConfig,
    installation: u64,
) -> Result<String, ApiError> {
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
    let token: Token = github_json(
        app.http
            .post(format!(
                "{}/app/installations/{installation}/access_tokens",
                config.api_url
            ))
            .bearer_auth(app_jwt(config)?),
        "gave no installation token",
    )
    .await?;
    let mut tokens = config.tokens.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    tokens.retain(|_, (_, when)| when.elapsed() < TOKEN_LIFE);
    tokens.insert(installation, (token.token.clone(), Instant::now()));
    Ok(token.token)
}

/// The repository's `.github/polity.yaml`, or what to answer when it is missing or wrong.
pub(super) async fn mapping(
    app: &App,
    config: &GithubAppConfig,
    token: &str,
    repository: &str,
    lang: Lang,
) -> Result<Mapping, String> {
    let missing = || say(lang, "gh-no-mapping", &[]);
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
    serde_saphyr::from_str(&text).map_err(|error| say(lang, "gh-bad-mapping", &[("error", &error.to_string())]))
}

#[derive(Deserialize)]
pub(super) struct IssueComment {
    pub(super) id: u64,
    pub(super) body: String,
    pub(super) user: User,
}

#[derive(Deserialize)]
pub(super) struct Reaction {
    pub(super) content: String,
    pub(super) user: User,
    /// When it was made (RFC 3339): after a motion's closing moment it does not count.
    #[serde(default)]
    pub(super) created_at: Option<String>,
}

/// Reads up to `pages` pages of 100 items of a GitHub list.
pub(super) async fn pages<T: serde::de::DeserializeOwned>(
    app: &App,
    token: &str,
    url: &str,
    pages: u32,
) -> Result<Vec<T>, ApiError> {
    let mut out = Vec::new();
    for page in 1..=pages {
        let items: Vec<T> = github_json(
            app.http
                .get(format!("{url}?per_page=100&page={page}"))
                .bearer_auth(token),
            "gave no list",
        )
        .await?;
        let full = items.len() == 100;
        out.extend(items);
        if !full {
            break;
        }
    }
    Ok(out)
}

/// Posts the bot's answer on the issue.
pub(super) async fn post_comment(
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
