//! The rule catalog on the web: `/rules` and `/rules/{id}`, and the filter that links every rule
//! id in a page's text to its rule.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use polity_model::RuleId;
use polity_model::rules::{CATALOG, Parameter, Rule, parameters};
use tower_sessions::Session;

use super::{Page, respond, show};
use crate::App;
use crate::auth::Caller;
use crate::error::ApiError;

#[derive(Template)]
#[template(path = "rules.html")]
struct RulesPage {
    page: Page,
    rules: &'static [Rule],
}

#[derive(Template)]
#[template(path = "rule.html")]
struct RulePage {
    page: Page,
    rule: &'static Rule,
    seeds: String,
    enforced: Vec<String>,
    /// What this community's registry sets for the rule, and where.
    here: Vec<Parameter>,
}

pub(super) async fn rules(State(app): State<Arc<App>>, caller: Caller, session: Session) -> Response {
    let result = async {
        show(
            &app,
            &session,
            &caller,
            super::title(&app, &caller, "rules-title", &[]).await,
            |page| RulesPage { page, rules: CATALOG },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

pub(super) async fn rule(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let Some(id) = RuleId::parse(&id).filter(|_| id.len() <= 12) else {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not-found",
                "there is no such rule",
                "see the list of rules at /rules",
            ));
        };
        let rule = id.rule();
        let here = parameters(&app.record.live.read().await.state.polity, id);
        show(
            &app,
            &session,
            &caller,
            format!(
                "{}: {}",
                rule.id,
                super::title(&app, &caller, &format!("rule-title-{}", rule.id), &[]).await
            ),
            |page| RulePage {
                page,
                rule,
                seeds: rule.seeds.iter().map(|seed| seed.name()).collect::<Vec<_>>().join("; "),
                enforced: rule.enforced.iter().map(ToString::to_string).collect(),
                here,
            },
        )
        .await
    }
    .await;
    respond(&app, &session, &caller, result).await
}

/// `text`, HTML-escaped, with every rule id in it (`D3`, `S6`, `R-REF`) a link to its rule.
pub(crate) fn linked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match RuleId::ALL.iter().find(|id| id.as_str() == word.as_str()) {
            Some(id) => {
                out.push_str(&format!("<a href=\"{}\">{}</a>", id.path(), id.as_str()));
            }
            None => escape_into(word, out),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            escape_into(&c.to_string(), &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// The templates' `linked` filter: `{{ line|linked|safe }}`.
pub(crate) mod filters {
    #[allow(clippy::unnecessary_wraps)]
    pub(crate) fn linked<T: std::fmt::Display>(text: T, _: &dyn askama::Values) -> askama::Result<String> {
        Ok(super::linked(&text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::linked;

    #[test]
    fn rule_ids_become_links_and_everything_else_is_escaped() {
        assert_eq!(
            linked("S6: <b>Intel</b> & D3, not D12 or xD3 or R-REF."),
            "<a href=\"/rules/S6\">S6</a>: &lt;b&gt;Intel&lt;/b&gt; &amp; <a href=\"/rules/D3\">D3</a>, not D12 or xD3 or \
             <a href=\"/rules/R-REF\">R-REF</a>."
        );
        assert_eq!(linked("\"quoted\" 'x'"), "&quot;quoted&quot; &#39;x&#39;");
    }
}
