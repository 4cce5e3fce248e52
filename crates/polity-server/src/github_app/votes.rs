//! Votes by reaction, and what the bot says: the running tally, the result, a refusal.

use super::*;

/// A motion's closing moment, and the moment just before it that the votes of reactions made in
/// time are recorded at when the server closes it (voting is closed at the moment itself).
pub(super) fn closing_moment(
    state: &polity_engine::State,
    closes: jiff::civil::Date,
) -> Option<(jiff::Timestamp, jiff::civil::DateTime)> {
    let constitution = &state.polity.constitution;
    let zone = polity_model::zone_or_utc(constitution.time_zone.as_deref());
    let moment = polity_model::deadline_moment(closes, constitution.deadline_time, &zone);
    let before = moment.checked_sub(jiff::Span::new().seconds(1)).ok()?;
    Some((moment.timestamp(), before.datetime()))
}

/// Records the reactions to the bot's announcement of `motion` as votes (👍 yes, 👎 no, 👀
/// abstain) of those who have not voted by comment, before the close; says what it counted.
pub(super) async fn reaction_votes(
    app: &App,
    config: &GithubAppConfig,
    token: &str,
    (repository, number): (&str, u64),
    motion: &str,
    (cutoff, lang): (Option<(jiff::Timestamp, jiff::civil::DateTime)>, Lang),
) -> Result<String, ApiError> {
    let comments: Vec<IssueComment> = pages(
        app,
        token,
        &format!("{}/repos/{repository}/issues/{number}/comments", config.api_url),
        10,
    )
    .await?;
    let announcement = announcement_mark(motion);
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
    let said = say(
        lang,
        "gh-reactions",
        &[
            ("counted", &counted.to_string()),
            ("refused", &refused.to_string()),
            ("ambiguous", &ambiguous.to_string()),
        ],
    );
    Ok(format!("{said}\n\n"))
}

/// The hidden mark of the bot's announcement of `motion`, by which its reactions are found in
/// any language.
pub(super) fn announcement_mark(motion: &str) -> String {
    format!("<!-- polity:motion {motion} -->")
}

/// A refusal as the bot says it: the rule, its title, what was wrong and what to do, in `lang`.
pub(super) fn refusal_text(lang: Lang, rejection: &polity_engine::Rejection) -> String {
    let (message, hint) = match &rejection.words {
        Some(words) if lang != Lang::En => (
            polity_i18n::text_owned(lang, &format!("refusal-{}", words.key), &words.args),
            polity_i18n::text_owned(lang, &format!("refusal-{}-hint", words.key), &words.args),
        ),
        _ => (rejection.message.clone(), rejection.hint.clone()),
    };
    let rule = rejection.rule.to_string();
    say(
        lang,
        "gh-refused",
        &[
            ("rule", &rule),
            ("title", &polity_i18n::rule_title(lang, &rule)),
            ("message", &message),
            ("hint", &hint),
        ],
    )
}

/// Where a motion's vote stands, in words.
pub(super) fn tally(lang: Lang, state: &polity_engine::State, motion: &str, on: jiff::civil::Date) -> String {
    let Some(motion) = state.motions.get(motion) else {
        return String::new();
    };
    let count = |choice: Choice| {
        motion
            .votes
            .values()
            .filter(|(said, _, _)| *said == choice)
            .count()
            .to_string()
    };
    let voters = state.motion_voters(motion, on).len().to_string();
    let mut text = say(
        lang,
        "gh-tally",
        &[
            ("yes", &count(Choice::Yes)),
            ("no", &count(Choice::No)),
            ("abstain", &count(Choice::Abstain)),
            ("voted", &motion.votes.len().to_string()),
            ("voters", &voters),
            ("rule", &motion.rule),
        ],
    );
    if let Some(rule) = state.polity.constitution.decision_rules.get(&motion.rule) {
        text.push(' ');
        text.push_str(&say(lang, "gh-tally-passes", &[("passes", &rule.passes.to_string())]));
    }
    text
}

/// The bot's answer to what was recorded.
pub(super) fn answer(
    lang: Lang,
    state: &polity_engine::State,
    events: &[Event],
    open: Option<&str>,
    on: jiff::civil::Date,
) -> String {
    for event in events {
        match event {
            Event::MotionOpened {
                motion,
                body,
                rule,
                closes,
                ..
            } => {
                let mut text = say(lang, "gh-opened", &[("motion", motion), ("body", body), ("rule", rule)]);
                if let Some(closes) = closes {
                    text.push(' ');
                    text.push_str(&say(
                        lang,
                        "gh-closes-on",
                        &[("deadline", &state.deadline_text(*closes))],
                    ));
                }
                return format!(
                    "{text}\n\n{}\n\n{}",
                    tally(lang, state, motion, on),
                    announcement_mark(motion)
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
                let outcome =
                    polity_i18n::lookup(lang, &format!("gh-outcome-{outcome}"), &[]).unwrap_or(outcome.clone());
                let lines: Vec<String> = explanation.iter().map(|line| format!("- {line}")).collect();
                let closed = say(
                    lang,
                    "gh-closed",
                    &[
                        ("motion", motion),
                        ("outcome", &outcome),
                        ("yes", &yes.to_string()),
                        ("no", &no.to_string()),
                        ("abstain", &abstain.to_string()),
                    ],
                );
                return format!("{closed}\n\n{}", lines.join("\n"));
            }
            Event::MotionRevote { motion, round, .. } => {
                return say(lang, "gh-revote", &[("motion", motion), ("round", &round.to_string())]);
            }
            _ => {}
        }
    }
    match open {
        Some(motion) => format!("{}\n\n{}", say(lang, "gh-voted", &[]), tally(lang, state, motion, on)),
        None => say(lang, "gh-recorded", &[]),
    }
}
