//! Sign-in with GitHub (OAuth 2 authorisation code with PKCE and a state check). The GitHub
//! login is matched, without regard to case, to an account bound to it or to the registry person
//! whose `github` it is; nobody else gets in.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    Scope, TokenResponse, TokenUrl,
};
use polity_store::Account;
use serde::Deserialize;
use tower_sessions::Session;

use crate::App;
use crate::auth::{Caller, same_secret};
use crate::error::ApiError;
use crate::web::start_session;

fn url_error(what: &str, error: impl std::fmt::Display) -> ApiError {
    ApiError::internal(format!("the GitHub {what} is not a URL: {error}"))
}

/// Where to come back after signing in with GitHub.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Next {
    next: Option<String>,
}

pub(crate) async fn start(
    State(app): State<Arc<App>>,
    session: Session,
    axum::extract::Query(query): axum::extract::Query<Next>,
) -> Result<Response, ApiError> {
    let Some(config) = &app.config.github else {
        return Err(ApiError::not_found("GitHub sign-in is not configured on this server"));
    };
    let client = BasicClient::new(ClientId::new(config.client_id.clone()))
        .set_auth_uri(AuthUrl::new(config.authorize_url.clone()).map_err(|error| url_error("authorize URL", error))?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state) = client
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("read:user".to_owned()))
        .set_pkce_challenge(challenge)
        .set_redirect_uri(std::borrow::Cow::Owned(
            RedirectUrl::new(config.redirect_url.clone()).map_err(|error| url_error("redirect URL", error))?,
        ))
        .url();
    session
        .insert("oauth-state", state.secret())
        .await
        .map_err(ApiError::session)?;
    session
        .insert("oauth-verifier", verifier.secret())
        .await
        .map_err(ApiError::session)?;
    match query.next.as_deref().and_then(crate::web::local_path) {
        Some(next) => session.insert("next", next).await.map_err(ApiError::session)?,
        None => {
            session.remove::<String>("next").await.map_err(ApiError::session)?;
        }
    }
    Ok(Redirect::to(url.as_str()).into_response())
}

#[derive(Debug, Deserialize)]
pub(crate) struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GithubUser {
    login: String,
}

pub(crate) async fn callback(
    State(app): State<Arc<App>>,
    _caller: Caller,
    session: Session,
    Query(query): Query<Callback>,
) -> Result<Response, ApiError> {
    let Some(config) = &app.config.github else {
        return Err(ApiError::not_found("GitHub sign-in is not configured on this server"));
    };
    if let Some(error) = query.error {
        return Err(ApiError::unauthorised(format!("GitHub refused the sign-in: {error}")));
    }
    let expected: Option<String> = session.remove("oauth-state").await.map_err(ApiError::session)?;
    let verifier: Option<String> = session.remove("oauth-verifier").await.map_err(ApiError::session)?;
    let (Some(expected), Some(verifier), Some(state), Some(code)) = (expected, verifier, query.state, query.code)
    else {
        return Err(ApiError::bad_request(
            "this GitHub sign-in was not started here or was already used",
            "start again from the sign-in page",
        ));
    };
    if !same_secret(&expected, &state) {
        return Err(ApiError::csrf());
    }
    let client = BasicClient::new(ClientId::new(config.client_id.clone()))
        .set_client_secret(ClientSecret::new(config.client_secret.clone()))
        .set_token_uri(TokenUrl::new(config.token_url.clone()).map_err(|error| url_error("token URL", error))?)
        .set_redirect_uri(
            RedirectUrl::new(config.redirect_url.clone()).map_err(|error| url_error("redirect URL", error))?,
        );
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(PkceCodeVerifier::new(verifier))
        .request_async(&app.http)
        .await
        .map_err(|error| ApiError::unauthorised(format!("GitHub did not give a token: {error}")))?;
    let user: GithubUser = app
        .http
        .get(format!("{}/user", config.api_url.trim_end_matches('/')))
        .bearer_auth(token.access_token().secret())
        .header("accept", "application/vnd.github+json")
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| ApiError::unauthorised(format!("reading the GitHub user: {error}")))?
        .json()
        .await
        .map_err(|error| ApiError::unauthorised(format!("reading the GitHub user: {error}")))?;
    let account = match app.record.store.account_by_github(&user.login).await? {
        Some(account) => account,
        None => {
            let person = {
                let live = app.record.live.read().await;
                live.state
                    .polity
                    .people
                    .iter()
                    .find(|person| {
                        person
                            .github
                            .as_deref()
                            .is_some_and(|github| github.eq_ignore_ascii_case(&user.login))
                    })
                    .map(|person| person.id.clone())
            };
            let Some(person) = person else {
                return Err(ApiError::forbidden(
                    format!("no person of the registry has the GitHub login {}", user.login),
                    "add `github:` to your entry in people.yaml, or ask an administrator for an account",
                ));
            };
            // A new account of its own, `github:HANDLE`, acting as the person: never an existing
            // login, its password or its rights (a registry id may equal an administrator's login).
            let login = format!("github:{}", user.login.to_lowercase());
            if app.record.store.account(&login).await?.is_some() {
                return Err(ApiError::forbidden(
                    format!("the account {login} exists but is bound to no GitHub login"),
                    "ask an administrator to bind it (`polity account add LOGIN --github HANDLE`)",
                ));
            }
            let account = Account {
                login,
                person: Some(person),
                password: None,
                github: Some(user.login.to_lowercase()),
                admin: false,
            };
            app.record.store.put_account(&account).await?;
            account
        }
    };
    start_session(&session, &account.login).await?;
    let next: Option<String> = session.remove("next").await.map_err(ApiError::session)?;
    let next = next.as_deref().and_then(crate::web::local_path);
    Ok(Redirect::to(next.as_deref().unwrap_or("/")).into_response())
}
