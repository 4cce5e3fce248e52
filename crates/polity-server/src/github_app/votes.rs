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
pub(super) fn refusal_text(rejection: &polity_engine::Rejection) -> String {
    format!(
        "Refused by {}: {}. To proceed: {}.",
        rejection.rule, rejection.message, rejection.hint
    )
}

/// Where a motion's vote stands, in words.
pub(super) fn tally(state: &polity_engine::State, motion: &str, on: jiff::civil::Date) -> String {
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
pub(super) fn answer(
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
