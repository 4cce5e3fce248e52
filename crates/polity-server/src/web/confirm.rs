//! Acts that cannot be undone (closing an election or a motion, a final say, dissolving a
//! group; a motion of no confidence takes effect at its close) ask first: a second page states
//! what the act will record, from a dry run of `decide` on the live state, and posts the same
//! form again with `confirm=yes`. An act `decide` would refuse is refused at once, never asked.
//! And every act's success is said in words, not by its event kinds.

use askama::Template;
use polity_engine::{Command, Context, Event, Phase};
use polity_model::Polity;

use super::Page;
use crate::App;
use crate::acts::Act;
use crate::error::ApiError;

/// The routes (by operation id) whose act cannot be undone.
pub(super) const IRREVERSIBLE: &[&str] = &["close-election", "close-motion", "final-say", "dissolve"];

#[derive(Template)]
#[template(path = "confirm.html")]
pub(super) struct ConfirmPage {
    pub page: Page,
    /// What the act will do, in sentences.
    pub consequences: Vec<String>,
    /// The button's words.
    pub button: String,
    /// Where the form posts (the act's own path).
    pub action: String,
    /// The form's fields as the person filled them in (without `csrf` and `confirm`).
    pub fields: Vec<(String, String)>,
    /// Where "cancel" goes.
    pub back: String,
}

/// The title, button and consequences of confirming `act` by `person`, or the refusal `decide`
/// would give (the act is then refused without asking).
pub(super) async fn consequences(
    app: &App,
    route: &str,
    act: &Act,
    person: &str,
) -> Result<(String, String, Vec<String>), ApiError> {
    let today = app.today();
    let live = app.record.live.read().await;
    let state = &live.state;
    if let Command::CloseElection(close) = &act.command {
        polity_engine::may_close_election(state, &close.election, person, today).map_err(ApiError::rejected)?;
        let election = crate::api::process(&state.elections, "election", &close.election)?;
        debug_assert_eq!(election.phase, Phase::Voting);
        let standing = polity_engine::standing(state, election, today);
        let mut said = vec![
            format!(
                "{} of {} eligible voters have voted; the last day to vote is {} (ballots are refused from {}).",
                standing.voted,
                standing.eligible,
                election.voting_close.yesterday().unwrap_or(election.voting_close),
                election.voting_close
            ),
            format!(
                "Closing now counts {} ballot(s), publishes the result and the tally sheet, and starts the \
                 terms of those elected. Nobody can vote after it.",
                standing.voted
            ),
        ];
        if let Some(needed) = standing.needed.filter(|needed| *needed > standing.voted as u64) {
            said.push(format!(
                "Only {} have voted and the result is valid with {needed}: closing now makes the result not \
                 valid, and nobody is elected.",
                standing.voted
            ));
        }
        return Ok((
            format!("Close election {} and count the ballots?", election.id),
            "Close the election and count".to_owned(),
            said,
        ));
    }
    let events = polity_engine::decide(
        state,
        &act.command,
        &Context {
            actor: person.to_owned(),
            on: today,
        },
    )
    .map_err(ApiError::rejected)?;
    let (title, button) = match &act.command {
        Command::CloseMotion(close) => (format!("Close motion {}?", close.motion), "Close the motion"),
        Command::FinalSay(say) => (
            format!("Decide motion {} with the final say?", say.motion),
            "Record my final say",
        ),
        Command::DissolveWorkingGroup(dissolve) => (format!("Dissolve {}?", dissolve.body), "Dissolve it"),
        _ => (format!("Confirm: {route}"), "Confirm"),
    };
    let mut said = vec!["Doing it now records this, and it cannot be undone:".to_owned()];
    said.extend(in_words(&events, &state.polity));
    Ok((title, button.to_owned(), said))
}

/// Each event as a sentence, with people and bodies by name.
fn in_words(events: &[Event], polity: &Polity) -> Vec<String> {
    events
        .iter()
        .map(|event| polity_notify::words::describe(event, polity).0)
        .collect()
}

/// What the person just did, in words: a lead for the acts people do most, then each recorded
/// event as a sentence.
pub(super) fn success(events: &[Event], polity: &Polity) -> String {
    let lead = match events.first() {
        Some(Event::VoteCast { .. }) => Some("Your vote is recorded."),
        Some(Event::CandidateNominated { .. }) => Some("The nomination is recorded."),
        Some(Event::CandidateConsented { .. }) => Some("Your consent is recorded."),
        Some(Event::StatementPublished { .. }) => Some("Your statement is published."),
        Some(Event::NominationsClosed { .. }) => Some("Nominations are closed and voting is open."),
        Some(Event::ElectionClosed { .. }) => Some("The election is closed and counted."),
        _ => None,
    };
    let mut sentences: Vec<String> = lead.map(str::to_owned).into_iter().collect();
    sentences.extend(in_words(events, polity));
    if sentences.is_empty() {
        return "Done.".to_owned();
    }
    sentences.join(" ")
}
