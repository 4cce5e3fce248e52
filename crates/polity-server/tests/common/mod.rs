//! Test harness: a demo record in a temporary SQLite file, requests through the router without a
//! socket, and cookie handling by hand (the Secure cookies are sent back as a browser on
//! localhost would).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use polity_server::App;
pub use polity_server::Config;
use polity_server::live::Clock;
use polity_store::Store;
use tower::ServiceExt;

/// The bundled example registry, read from the repository.
pub fn demo_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    polity_registry::read_sources(&root).expect("the example registry reads")
}

pub fn config() -> Config {
    Config {
        clock: Clock::Fixed(polity_server::demo::DEMO_TODAY.into()),
        ..Config::default()
    }
}

pub async fn open(db: &Path, config: Config) -> Arc<App> {
    let store = Store::open(&format!("sqlite:{}", db.display()))
        .await
        .expect("store opens");
    App::new(store, config).await.expect("app starts")
}

/// A seeded demo record at `dir/seed.db`, with an API token for each of `logins`.
pub async fn seeded(dir: &Path, logins: &[&str]) -> (Arc<App>, Vec<(String, String)>) {
    let db = dir.join("seed.db");
    let app = open(&db, config()).await;
    polity_server::demo::seed(&app, demo_files()).await.expect("demo seeds");
    let mut tokens = Vec::new();
    for login in logins {
        let token = polity_server::auth::issue_token(&app.record.store, login, "test", "2026-06-20")
            .await
            .expect("token");
        tokens.push(((*login).to_owned(), token));
    }
    (app, tokens)
}

/// Copies a SQLite store (database and write-ahead log) to `to`.
pub fn copy_db(from: &Path, to: &Path) {
    std::fs::copy(from, to).expect("copy db");
    let wal = PathBuf::from(format!("{}-wal", from.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", to.display())).expect("copy wal");
    }
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }

    /// The `name=value` pairs of the Set-Cookie headers.
    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .map(|value| value.to_str().unwrap().split(';').next().unwrap().to_owned())
            .collect()
    }
}

pub async fn call(router: &Router, method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(body.to_owned())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A call with an API token.
pub async fn bearer_call(router: &Router, method: &str, uri: &str, token: &str, body: &str) -> Answer {
    let bearer = format!("Bearer {token}");
    call(
        router,
        method,
        uri,
        &[("content-type", "application/json"), ("authorization", &bearer)],
        body,
    )
    .await
}

/// A browser: keeps its cookies (the session and the anonymous CSRF cookie) and reads CSRF
/// tokens from pages. `cookie` is the Cookie header it sends.
pub struct Browser {
    pub router: Router,
    pub cookie: Option<String>,
    jar: std::collections::BTreeMap<String, String>,
}

impl Browser {
    pub fn new(router: Router) -> Browser {
        Browser {
            router,
            cookie: None,
            jar: std::collections::BTreeMap::new(),
        }
    }

    pub async fn get(&mut self, uri: &str) -> Answer {
        let cookie = self.cookie.clone();
        let headers: Vec<(&str, &str)> = cookie.iter().map(|cookie| ("cookie", cookie.as_str())).collect();
        let answer = call(&self.router, "GET", uri, &headers, "").await;
        self.keep(&answer);
        answer
    }

    pub async fn post_form(&mut self, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let body = serde_html_form::to_string(fields).unwrap();
        let cookie = self.cookie.clone();
        let mut headers: Vec<(&str, &str)> = vec![("content-type", "application/x-www-form-urlencoded")];
        if let Some(cookie) = &cookie {
            headers.push(("cookie", cookie.as_str()));
        }
        let answer = call(&self.router, "POST", uri, &headers, &body).await;
        self.keep(&answer);
        answer
    }

    fn keep(&mut self, answer: &Answer) {
        for cookie in answer.cookies() {
            if let Some((name, value)) = cookie.split_once('=') {
                if value.is_empty() {
                    self.jar.remove(name);
                } else {
                    self.jar.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let header: Vec<String> = self.jar.iter().map(|(name, value)| format!("{name}={value}")).collect();
        self.cookie = (!header.is_empty()).then(|| header.join("; "));
    }

    /// The CSRF token of the form on `uri`.
    pub async fn csrf(&mut self, uri: &str) -> String {
        let page = self.get(uri).await;
        csrf_in(&page.body).unwrap_or_else(|| panic!("no CSRF token on {uri}: {}", page.body))
    }

    pub async fn sign_in(&mut self, login: &str, password: &str) -> Answer {
        let csrf = self.csrf("/signin").await;
        self.post_form("/signin", &[("csrf", &csrf), ("login", login), ("password", password)])
            .await
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}
