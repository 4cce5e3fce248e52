//! Motions with a duration: closed by the server when their closing date is reached.

use super::*;

/// The repository and issue number of a motion opened on GitHub: its title ends with
/// `(https://HOST/OWNER/REPO/pull/N)` (or `issues/N`).
pub(super) fn issue_of(title: &str) -> Option<(String, u64)> {
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
pub(super) type Due = (
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
        let installation: InstallationOf = github_json(
            app.http
                .get(format!("{}/repos/{repository}/installation", config.api_url))
                .bearer_auth(app_jwt(config)?),
            "has no installation for the repository",
        )
        .await?;
        let token = installation_token(app, config, installation.id).await?;
        // In the language of the person who opened it.
        let lang = {
            let live = app.record.live.read().await;
            live.state.polity.person(&opener).map_or(Lang::En, |person| person.lang)
        };
        let counted = reaction_votes(app, config, &token, (&repository, number), &motion, (cutoff, lang)).await?;
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
                    "{} {counted}{}",
                    say(lang, "gh-time-up", &[]),
                    answer(lang, &live.state, &events, Some(&motion), now.date())
                )
            }
            Err(ActError::Rejected(rejection)) => format!(
                "{} {}",
                say(lang, "gh-time-up-refused", &[]),
                refusal_text(lang, &rejection)
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
}
