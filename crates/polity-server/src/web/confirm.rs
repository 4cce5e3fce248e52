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
use crate::i18n::{Lang, text};

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
    lang: Lang,
) -> Result<(String, String, Vec<String>), ApiError> {
    let now = app.now();
    let today = now.date();
    let community = app.zone();
    let live = app.record.live.read().await;
    let state = &live.state;
    if let Command::CloseElection(close) = &act.command {
        polity_engine::may_close_election(state, &close.election, person, now).map_err(ApiError::rejected)?;
        let election = crate::api::process(&state.elections, "election", &close.election)?;
        debug_assert_eq!(election.phase, Phase::Voting);
        let standing = polity_engine::standing(state, election, today);
        let voted = standing.voted.to_string();
        let mut said = vec![
            text(
                lang,
                "confirm-close-election-standing",
                &[
                    ("voted", &voted),
                    ("eligible", &standing.eligible.to_string()),
                    (
                        "last",
                        &super::election::last_day(state.polity.constitution.deadline_time, election).to_string(),
                    ),
                    (
                        "closes",
                        &crate::i18n::Zones::new(community, None)
                            .falling_at(state.polity.constitution.deadline_time)
                            .moment(election.voting_close),
                    ),
                ],
            ),
            text(lang, "confirm-close-election-counts", &[("voted", &voted)]),
        ];
        if let Some(needed) = standing.needed.filter(|needed| *needed > standing.voted as u64) {
            said.push(text(
                lang,
                "confirm-close-election-invalid",
                &[("voted", &voted), ("needed", &needed.to_string())],
            ));
        }
        return Ok((
            text(lang, "confirm-close-election", &[("id", &election.id)]),
            text(lang, "confirm-close-election-button", &[]),
            said,
        ));
    }
    let events = polity_engine::decide(
        state,
        &act.command,
        &Context {
            actor: person.to_owned(),
            on: today,
            at: now.time(),
        },
    )
    .map_err(ApiError::rejected)?;
    let (key, id) = match &act.command {
        Command::CloseMotion(close) => ("confirm-close-motion", close.motion.as_str()),
        Command::FinalSay(say) => ("confirm-final-say", say.motion.as_str()),
        Command::DissolveWorkingGroup(dissolve) => ("confirm-dissolve", dissolve.body.as_str()),
        _ => ("confirm-other", route),
    };
    let mut said = vec![text(lang, "confirm-records", &[])];
    said.extend(in_words(&events, &state.polity, lang));
    Ok((
        text(lang, key, &[("id", id)]),
        text(lang, &format!("{key}-button"), &[]),
        said,
    ))
}

/// Each event as a sentence, with people and bodies by name.
fn in_words(events: &[Event], polity: &Polity, lang: Lang) -> Vec<String> {
    events
        .iter()
        .map(|event| polity_notify::words::describe_in(event, polity, lang).0)
        .collect()
}

/// What the person just did, in words in the page's language: a lead for the acts people do
/// most, then each recorded event as a sentence (`polity_notify::words`).
pub(super) fn success(events: &[Event], polity: &Polity, lang: Lang) -> String {
    let lead = match events.first() {
        Some(Event::VoteCast { .. }) => Some("done-vote"),
        Some(Event::CandidateNominated { .. }) => Some("done-nomination"),
        Some(Event::CandidateConsented { .. }) => Some("done-consent"),
        Some(Event::StatementPublished { .. }) => Some("done-statement"),
        Some(Event::NominationsClosed { .. }) => Some("done-nominations-closed"),
        Some(Event::ElectionClosed { .. }) => Some("done-election-closed"),
        _ => None,
    };
    let mut sentences: Vec<String> = lead.map(|key| text(lang, key, &[])).into_iter().collect();
    sentences.extend(in_words(events, polity, lang));
    if sentences.is_empty() {
        return text(lang, "done", &[]);
    }
    // Chinese sentences end in 。 and follow each other without a space.
    sentences.join(if lang == Lang::Zh { "" } else { " " })
}
