//! The account pages: sign-in and sign-out, the signed-in person's page and their API tokens.

use super::*;

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    page: Page,
    error: Option<String>,
    github: bool,
    /// The page of this site to come back to after signing in (already checked by `local_path`).
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct NextQuery {
    next: Option<String>,
}

/// The `next` a sign-in may return to: a path of this site, never another site.
fn next_of(next: Option<&str>) -> Option<String> {
    next.and_then(local_path).filter(|path| path != "/signin")
}

pub(super) async fn signin_form(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Query(query): Query<NextQuery>,
) -> Response {
    let result = async {
        show(
            &app,
            &session,
            &caller,
            title(&app, &caller, "signin-title", &[]).await,
            |page| SignInPage {
                page,
                error: None,
                github: app.config.github.is_some(),
                next: next_of(query.next.as_deref()),
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

pub(super) async fn signin(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    ClientAddress(client): ClientAddress,
    body: Bytes,
) -> Response {
    let result = async {
        let fields = form_fields(&body)?;
        check_csrf(&session, &caller, field(&fields, "csrf")).await?;
        let login = field(&fields, "login").unwrap_or_default().trim().to_owned();
        let password = field(&fields, "password").unwrap_or_default();
        let next = next_of(field(&fields, "next"));
        match sign_in(&app, &client, &login, password).await {
            Ok(account) => {
                start_session(&session, &account.login).await?;
                Ok(Redirect::to(next.as_deref().unwrap_or("/")).into_response())
            }
            Err(error) => {
                let status = error.status;
                let mut page = page(&app, &session, &caller, title(&app, &caller, "signin-title", &[]).await).await?;
                page.signed_in = None;
                let mut response = render(
                    status,
                    &SignInPage {
                        page,
                        error: Some(format!("{} ({})", error.body.message, error.body.hint)),
                        github: app.config.github.is_some(),
                        next,
                    },
                );
                if let Some(wait) = error.retry_after {
                    response.headers_mut().insert(header::RETRY_AFTER, wait.into());
                }
                Ok(response)
            }
        }
    }
    .await;
    respond(&app, &session, &caller, result).await
}

/// Signs `login` in: a new session id (no fixation), a new CSRF token, a welcome in the
/// request's language.
pub(crate) async fn start_session(session: &Session, login: &str) -> Result<(), ApiError> {
    session.cycle_id().await.map_err(ApiError::session)?;
    session.insert("login", login).await.map_err(ApiError::session)?;
    session.remove::<String>("csrf").await.map_err(ApiError::session)?;
    let lang = crate::i18n::choose(&crate::i18n::asked(), None);
    session
        .insert("flash", crate::i18n::text(lang, "signed-in-as", &[("login", login)]))
        .await
        .map_err(ApiError::session)?;
    Ok(())
}

pub(super) async fn signout(State(app): State<Arc<App>>, caller: Caller, session: Session, body: Bytes) -> Response {
    let result = async {
        let fields = form_fields(&body)?;
        check_csrf(&session, &caller, field(&fields, "csrf")).await?;
        session.flush().await.map_err(ApiError::session)?;
        Ok(Redirect::to("/").into_response())
    }
    .await;
    respond(&app, &session, &caller, result).await
}

#[derive(Template)]
#[template(path = "me.html")]
struct MePage {
    page: Page,
    login: String,
    person: Option<String>,
    admin: bool,
    token: Option<String>,
    tokens: Vec<(String, String, String)>,
}

pub(super) async fn me(State(app): State<Arc<App>>, caller: Caller, session: Session) -> Response {
    let result = me_page(&app, &caller, &session, None).await;
    respond(&app, &session, &caller, result).await
}

/// The account page; `token` is a token just created, shown on this one answer (never kept in
/// the session).
pub(super) async fn me_page(
    app: &App,
    caller: &Caller,
    session: &Session,
    token: Option<String>,
) -> Result<Response, ApiError> {
    let account = caller
        .account
        .clone()
        .ok_or_else(|| ApiError::unauthorised("nobody is signed in"))?;
    let tokens = app.record.store.tokens_of(&account.login).await?;
    let page = page(app, session, caller, account.login.clone()).await?;
    Ok(render(
        StatusCode::OK,
        &MePage {
            page,
            login: account.login,
            person: account.person,
            admin: account.admin,
            token,
            tokens,
        },
    ))
}

pub(super) async fn new_token(State(app): State<Arc<App>>, caller: Caller, session: Session, body: Bytes) -> Response {
    let result = async {
        let account = caller
            .account
            .clone()
            .ok_or_else(|| ApiError::unauthorised("nobody is signed in"))?;
        let fields = form_fields(&body)?;
        check_csrf(&session, &caller, field(&fields, "csrf")).await?;
        let label = field(&fields, "label").unwrap_or("token").trim().to_owned();
        let token = issue_token(&app.record.store, &account.login, &label, &app.today().to_string()).await?;
        me_page(&app, &caller, &session, Some(token)).await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

pub(super) async fn revoke_token(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let result = async {
        let account = caller
            .account
            .clone()
            .ok_or_else(|| ApiError::unauthorised("nobody is signed in"))?;
        let fields = form_fields(&body)?;
        check_csrf(&session, &caller, field(&fields, "csrf")).await?;
        if !app.record.store.revoke_token(&account.login, &id).await? {
            return Err(ApiError::not_found(format!("{} has no token {id:?}", account.login)));
        }
        session
            .insert("flash", format!("Token {id} is revoked."))
            .await
            .map_err(ApiError::session)?;
        Ok(Redirect::to("/me").into_response())
    }
    .await;
    respond(&app, &session, &caller, result).await
}
