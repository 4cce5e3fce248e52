//! The election page (E1, E3, S6, T1). A voter sees where the election stands, what makes it
//! valid and whether they may vote, before any form; the officer sees only the acts `decide`
//! would accept now, or why not; after the close the result reads as an announcement first (who
//! is elected, for which term, counted how), then its proof (the cap skips, the pairwise matrix,
//! the tally sheet).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use polity_engine::{Command, Election, Phase, Rejection, State as EngineState};
use serde::Deserialize;
use tower_sessions::Session;

use super::rules::filters;
use super::{Page, page, render, request_lang, respond};
use crate::App;
use crate::api::process;
use crate::auth::Caller;
use crate::i18n::{Lang, Zones, text};
use crate::views::{self, Who};

#[derive(Template)]
#[template(path = "election.html")]
struct ElectionPage {
    page: Page,
    election: Election,
    phase: &'static str,
    /// The body's name and the opening officer's name.
    body_name: String,
    opener: String,
    nominees: Vec<(Candidate, String)>,
    candidates: Vec<Candidate>,
    /// Where the vote stands, in sentences ("5 of 9 eligible voters have voted.").
    standing: Vec<String>,
    /// When nominations and voting end, in the community's zone and the viewer's.
    deadline: Vec<String>,
    /// Where an anonymous visitor signs in to come back here.
    signin: String,
    /// For a signed-in person during the vote: why they may not vote (None: they may).
    vote_refused: Option<Refusal>,
    /// Whether the signed-in person is a nominee who has not yet consented / withdrawn.
    may_consent: bool,
    may_withdraw: bool,
    /// During nominations: whom the signed-in person may nominate (id, name), as dry runs of
    /// `decide` answer, or why nobody.
    nominable: Option<Result<Vec<(String, String)>, Refusal>>,
    /// The officer's acts of this phase: None when not theirs, else whether `decide` accepts it now.
    close_nominations: Option<Offer>,
    close: Option<Offer>,
    has_voted: bool,
    ranks: Vec<usize>,
    elected: Vec<Elected>,
    /// How the count works, in plain words.
    method: String,
    ranking: Vec<Vec<Who>>,
    /// Each cap skip as a sentence naming the organisation and the cap.
    skips: Vec<String>,
    matrix: Matrix,
    /// An STV count's table: each candidate's votes after each round, with its state in words.
    stv_rows: Vec<(String, Vec<String>)>,
    sheet: Vec<(String, String)>,
    receipt_query: String,
    receipt_found: Option<String>,
}

/// A candidate as shown: id, name, organisation and statement.
#[derive(Debug)]
struct Candidate {
    id: String,
    name: String,
    organisation: Option<String>,
    statement: Option<String>,
}

/// Whom `person` may nominate in `election` (id, name; by name as the page's collation sorts),
/// or why nobody.
fn nominable(
    state: &polity_engine::State,
    election: &str,
    person: &str,
    now: jiff::civil::DateTime,
) -> Result<Vec<(String, String)>, Refusal> {
    let ids = polity_engine::nominable(state, election, person, now)?;
    let mut people: Vec<(String, String)> = ids
        .into_iter()
        .map(|id| {
            let name = views::who(state, &id).name;
            (id, name)
        })
        .collect();
    people.sort_by_cached_key(|(_, name)| crate::i18n::collation_key(name));
    Ok(people)
}

/// Why an act is refused, as the page says it.
#[derive(Debug)]
pub(super) struct Refusal {
    pub rule: String,
    pub message: String,
    pub hint: String,
    /// The refusal as a catalog message, when the engine gives one.
    pub words: Option<Box<polity_engine::Words>>,
}

impl From<Rejection> for Refusal {
    fn from(rejection: Rejection) -> Refusal {
        Refusal {
            rule: rejection.rule.as_str().to_owned(),
            message: rejection.message,
            hint: rejection.hint,
            words: rejection.words.map(Box::new),
        }
    }
}

/// An act the person could take: offered, or refused with the reason.
#[derive(Debug)]
struct Offer {
    refused: Option<Refusal>,
}

impl Offer {
    fn from(result: Result<(), Rejection>) -> Offer {
        Offer {
            refused: result.err().map(Refusal::from),
        }
    }
}

/// An elected candidate: who, their organisation, and the term they start.
#[derive(Debug)]
struct Elected {
    who: Who,
    organisation: Option<String>,
    term: Option<String>,
}

/// The pairwise matrix in the order of the result, each cell with who wins the pair.
#[derive(Debug, Default)]
struct Matrix {
    names: Vec<String>,
    rows: Vec<(String, Vec<Cell>)>,
}

#[derive(Debug)]
struct Cell {
    /// Voters who rank the row's candidate above the column's (None on the diagonal).
    count: Option<u64>,
    /// `win`, `loss` or `tie` for the row's candidate; empty on the diagonal.
    outcome: &'static str,
    /// The outcome's message id.
    label: &'static str,
}

#[derive(Debug, Deserialize)]
pub(super) struct ReceiptQuery {
    receipt: Option<String>,
}

pub(super) async fn election(
    State(app): State<Arc<App>>,
    caller: Caller,
    session: Session,
    Path((body, n)): Path<(String, String)>,
    Query(query): Query<ReceiptQuery>,
) -> Response {
    let result = async {
        let id = format!("{body}/{n}");
        let person = caller.person().map(str::to_owned);
        let lang = request_lang(&app, &caller).await;
        let community = app.zone();
        let mut built = {
            let live = app.record.live.read().await;
            let election = process(&live.state.elections, "election", &id)?;
            let viewer = person
                .as_deref()
                .and_then(|person| live.state.polity.person(person))
                .and_then(|person| person.time_zone.as_deref());
            let zones = Zones::new(community, viewer).falling_at(live.state.polity.constitution.deadline_time);
            build(
                &live.state,
                election,
                person.as_deref(),
                app.now(),
                &query,
                lang,
                &zones,
            )
        };
        built.page = page(&app, &session, &caller, text(lang, "election-title", &[("id", &id)])).await?;
        Ok(render(StatusCode::OK, &built))
    }
    .await;
    respond(&app, &session, &caller, result).await
}

fn build(
    state: &EngineState,
    election: &Election,
    person: Option<&str>,
    now: jiff::civil::DateTime,
    query: &ReceiptQuery,
    lang: Lang,
    zones: &Zones,
) -> ElectionPage {
    let today = now.date();
    let polity = &state.polity;
    let organisation_on = |id: &str, on: jiff::civil::Date| {
        polity.affiliation_on(id, on).map(|org| {
            polity
                .organisation(org)
                .map_or_else(|| org.to_owned(), |found| found.name.clone())
        })
    };
    let candidate = |id: &String| {
        let who = views::who(state, id);
        Candidate {
            organisation: organisation_on(&who.id, today),
            id: who.id,
            name: who.name,
            statement: election.nominees.get(id).and_then(|nominee| nominee.statement.clone()),
        }
    };
    let candidates: Vec<Candidate> = election.candidates.iter().map(candidate).collect();
    let standing = polity_engine::standing(state, election, today);
    let dry_run = |command: Command, actor: &str| super::dry_run(state, actor, now, command);
    let officer = person.filter(|person| *person == election.opened_by);
    let nominee = person.and_then(|person| election.nominees.get(person));
    let receipt_query = query.receipt.clone().unwrap_or_default().trim().to_ascii_lowercase();
    let receipt_found = (!receipt_query.is_empty() && election.phase == Phase::Closed).then(|| {
        match election.tally_sheet.iter().find(|line| line.receipt == receipt_query) {
            Some(line) => text(
                lang,
                "election-receipt-found",
                &[("receipt", &receipt_query), ("ranking", &ranking_text(&line.ranking))],
            ),
            None => text(lang, "election-receipt-missing", &[("receipt", &receipt_query)]),
        }
    });
    ElectionPage {
        page: Page::empty(),
        body_name: polity
            .body(&election.body)
            .map_or_else(|| election.body.clone(), |body| body.name.clone()),
        opener: views::who(state, &election.opened_by).name,
        phase: match election.phase {
            Phase::Nominating => "nominating",
            Phase::Voting => "voting",
            Phase::Closed => "closed",
        },
        nominees: election
            .nominees
            .iter()
            .map(|(id, nominee)| {
                let status = if nominee.withdrawn {
                    "election-nominee-withdrawn"
                } else if nominee.consented {
                    "election-nominee-consented"
                } else {
                    "election-nominee-nominated"
                };
                (candidate(id), status.to_owned())
            })
            .collect(),
        standing: standing_sentences(election, &standing, lang),
        deadline: deadline(election, lang, zones),
        signin: format!("/signin?next=/elections/{}", election.id),
        vote_refused: match (election.phase, person) {
            (Phase::Voting, Some(person)) => polity_engine::may_vote(state, &election.id, person, now)
                .err()
                .map(Refusal::from),
            _ => None,
        },
        may_consent: nominee.is_some_and(|nominee| !nominee.consented && !nominee.withdrawn),
        may_withdraw: nominee.is_some_and(|nominee| !nominee.withdrawn),
        nominable: match (election.phase, person) {
            (Phase::Nominating, Some(person)) => Some(nominable(state, &election.id, person, now)),
            _ => None,
        },
        close_nominations: officer.filter(|_| election.phase == Phase::Nominating).map(|officer| {
            Offer::from(dry_run(
                Command::CloseNominations(polity_engine::command::CloseNominations {
                    election: election.id.clone(),
                }),
                officer,
            ))
        }),
        close: officer
            .filter(|_| election.phase == Phase::Voting)
            .map(|officer| Offer::from(polity_engine::may_close_election(state, &election.id, officer, now))),
        has_voted: person.is_some_and(|person| election.voted.contains(person)),
        ranks: (1..=election.candidates.len()).collect(),
        elected: election
            .winners
            .iter()
            .map(|winner| {
                let who = views::who(state, winner);
                let term = term_of(state, election, &who.id);
                Elected {
                    organisation: organisation_on(&who.id, term.map_or(today, |(from, _)| from)),
                    term: term.map(|(from, until)| match until {
                        Some(until) => text(
                            lang,
                            "election-term-until",
                            &[("from", &from.to_string()), ("until", &until.to_string())],
                        ),
                        None => text(lang, "election-term-open", &[("from", &from.to_string())]),
                    }),
                    who,
                }
            })
            .collect(),
        method: method_words(&standing.method, lang),
        ranking: election
            .ranking
            .iter()
            .map(|tier| tier.iter().map(|id| views::who(state, id)).collect())
            .collect(),
        skips: skip_sentences(state, election, lang),
        matrix: if election.phase == Phase::Closed {
            matrix(election, &candidates)
        } else {
            Matrix::default()
        },
        stv_rows: stv_rows(election, &candidates),
        sheet: election
            .tally_sheet
            .iter()
            .map(|line| (line.receipt.clone(), ranking_text(&line.ranking)))
            .collect(),
        candidates,
        receipt_query,
        receipt_found,
        election: election.clone(),
    }
}

/// E3: how many have voted of how many, and what makes the result valid.
fn standing_sentences(election: &Election, standing: &polity_engine::Standing, lang: Lang) -> Vec<String> {
    if election.phase != Phase::Voting {
        return Vec::new();
    }
    let (voted, eligible) = (standing.voted.to_string(), standing.eligible.to_string());
    let mut sentences = vec![text(
        lang,
        "election-voted",
        &[("voted", &voted), ("eligible", &eligible)],
    )];
    if let (Some(valid_if), Some(needed)) = (standing.valid_if, standing.needed) {
        let key = match valid_if.bound {
            polity_count::Bound::AtLeast => "election-valid-at-least",
            polity_count::Bound::GreaterThan => "election-valid-more-than",
        };
        let more = needed.saturating_sub(standing.voted as u64);
        let more = if more == 0 {
            text(lang, "election-reached", &[])
        } else {
            text(lang, "election-more-to-go", &[("more", &more.to_string())])
        };
        sentences.push(text(
            lang,
            key,
            &[
                ("fraction", &valid_if.fraction.to_string()),
                ("eligible", &eligible),
                ("needed", &needed.to_string()),
                ("more", &more),
            ],
        ));
    }
    sentences
}

/// The last day ballots are accepted: the day before the closing date when deadlines fall at
/// midnight (a ballot on the closing date is refused), else the closing date itself (until the
/// `deadline-time` of that day).
pub(super) fn last_day(deadline_time: jiff::civil::Time, election: &Election) -> jiff::civil::Date {
    if deadline_time != jiff::civil::Time::midnight() {
        return election.voting_close;
    }
    election.voting_close.yesterday().unwrap_or(election.voting_close)
}

/// When nominations and voting end: the moments their closing dates begin in the community's
/// zone, and in the viewer's own when it differs.
fn deadline(election: &Election, lang: Lang, zones: &Zones) -> Vec<String> {
    let mut lines = vec![text(
        lang,
        "election-deadline",
        &[
            ("nominations", &zones.moment(election.nominations_close)),
            ("last", &last_day(zones.deadline_time, election).to_string()),
            ("closes", &zones.moment(election.voting_close)),
        ],
    )];
    if let (Some((zone, nominations)), Some((_, closes))) = (
        zones.yours(election.nominations_close),
        zones.yours(election.voting_close),
    ) {
        lines.push(text(
            lang,
            "election-deadline-yours",
            &[("zone", &zone), ("nominations", &nominations), ("closes", &closes)],
        ));
    }
    lines
}

/// The term `person` starts in the election's seat: the earliest holding of that seat that
/// starts on or after the nominations closed (the close records it).
fn term_of(
    state: &EngineState,
    election: &Election,
    person: &str,
) -> Option<(jiff::civil::Date, Option<jiff::civil::Date>)> {
    let body = state.polity.body(&election.body)?;
    body.holders
        .iter()
        .filter(|holding| holding.seat == election.seat && holding.from >= election.nominations_close)
        .filter(|holding| {
            state
                .polity
                .person(&holding.person.text)
                .map_or(holding.person.text == person, |holder| holder.id == person)
        })
        .map(|holding| (holding.from, holding.until))
        .min()
}

/// A counting method in plain words.
fn method_words(name: &str, lang: Lang) -> String {
    let key = match name.parse::<polity_count::Method>() {
        Ok(polity_count::Method::Schulze(_)) => "method-schulze",
        Ok(polity_count::Method::RankedPairs) => "method-ranked-pairs",
        Ok(polity_count::Method::Copeland) => "method-copeland",
        Ok(polity_count::Method::Plurality) => "method-plurality",
        Ok(polity_count::Method::Approval) => "method-approval",
        Ok(polity_count::Method::Stv(_)) => "method-stv",
        Err(_) => return text(lang, "method-other", &[("name", name)]),
    };
    text(lang, key, &[])
}

/// S6: each candidate skipped for the cap, naming the organisation and the cap, from the count's
/// explanation line `skipped ID: ORG already holds N of at most CAP seat(s)`.
fn skip_sentences(state: &EngineState, election: &Election, lang: Lang) -> Vec<String> {
    election
        .skipped
        .iter()
        .map(|id| {
            let who = views::who(state, id);
            let prefix = format!("skipped {id}: ");
            let line = election.explanation.iter().find_map(|line| line.strip_prefix(&prefix));
            match line.and_then(cap_skip) {
                Some((org, held, cap)) => {
                    let org = state
                        .polity
                        .organisation(org)
                        .map_or_else(|| org.to_owned(), |found| found.name.clone());
                    text(
                        lang,
                        "election-skip",
                        &[
                            ("name", &who.name),
                            ("org", &org),
                            ("held", &held.to_string()),
                            ("cap", &cap.to_string()),
                        ],
                    )
                }
                None => text(lang, "election-skip-plain", &[("name", &who.name)]),
            }
        })
        .collect()
}

/// The organisation, seats held and cap of a count's skip line after `skipped ID: `
/// (`ORG already holds N of at most CAP seat(s)`, as polity_count::seats writes it).
fn cap_skip(rest: &str) -> Option<(&str, usize, usize)> {
    let (org, rest) = rest.split_once(" already holds ")?;
    let (held, rest) = rest.split_once(" of at most ")?;
    let cap = rest.strip_suffix(" seat(s)")?;
    Some((org, held.parse().ok()?, cap.parse().ok()?))
}

/// The pairwise matrix in the order of the result (best first, then anyone unranked), each cell
/// marked by who wins the pair, as CIVS shows it.
fn matrix(election: &Election, candidates: &[Candidate]) -> Matrix {
    let Some(counts) = views::pairwise(election) else {
        return Matrix::default();
    };
    let mut order: Vec<usize> = election
        .ranking
        .iter()
        .flatten()
        .filter_map(|id| election.candidates.iter().position(|candidate| candidate == id))
        .collect();
    for index in 0..election.candidates.len() {
        if !order.contains(&index) {
            order.push(index);
        }
    }
    Matrix {
        names: order.iter().map(|&index| candidates[index].name.clone()).collect(),
        rows: order
            .iter()
            .map(|&row| {
                let cells = order
                    .iter()
                    .map(|&column| {
                        if row == column {
                            return Cell {
                                count: None,
                                outcome: "",
                                label: "",
                            };
                        }
                        let (ours, theirs) = (counts[row][column], counts[column][row]);
                        let (outcome, label) = match ours.cmp(&theirs) {
                            std::cmp::Ordering::Greater => ("win", "election-win"),
                            std::cmp::Ordering::Less => ("loss", "election-loss"),
                            std::cmp::Ordering::Equal => ("tie", "election-tie"),
                        };
                        Cell {
                            count: Some(ours),
                            outcome,
                            label,
                        }
                    })
                    .collect();
                (candidates[row].name.clone(), cells)
            })
            .collect(),
    }
}

/// An STV count's table: each candidate's votes after each round, with its state in words.
fn stv_rows(election: &Election, candidates: &[Candidate]) -> Vec<(String, Vec<String>)> {
    candidates
        .iter()
        .enumerate()
        .map(|(index, candidate)| {
            let cells = election
                .rounds
                .iter()
                .map(|round| {
                    let votes = round.votes.get(index).cloned().unwrap_or_default();
                    match round.states.get(index).map(String::as_str) {
                        Some("elected") => format!("{votes} elected"),
                        Some("excluded") if votes.trim_start_matches(['0', '.']).is_empty() => "excluded".to_owned(),
                        _ => votes,
                    }
                })
                .collect();
            (candidate.name.clone(), cells)
        })
        .collect()
}

pub(super) fn ranking_text(ranking: &[Vec<String>]) -> String {
    if ranking.is_empty() {
        return "(blank)".to_owned();
    }
    ranking
        .iter()
        .map(|tier| tier.join(" = "))
        .collect::<Vec<_>>()
        .join(" > ")
}

#[cfg(test)]
mod tests {
    use super::{cap_skip, method_words};
    use crate::i18n::Lang;

    /// S6: the skip sentence is read from the line the count itself writes.
    #[test]
    fn s6_a_cap_skip_is_read_from_the_counts_own_line() {
        let names: Vec<String> = ["bob", "chen", "dana"].map(str::to_owned).to_vec();
        let rules = polity_count::seats::SeatRules {
            seats: 2,
            organisations: vec![Some("intel".to_owned()), Some("intel".to_owned()), None],
            cap: Some(1),
            sitting: Vec::new(),
            excluded: Vec::new(),
            tie_break: polity_count::seats::TieBreak::Report,
        };
        let result = polity_count::seats::fill_seats(&vec![vec![0], vec![1], vec![2]], &names, &rules);
        let line = result
            .explanation
            .iter()
            .find_map(|line| line.strip_prefix("skipped chen: "))
            .expect("the count explains the skip");
        assert_eq!(cap_skip(line), Some(("intel", 1, 1)));
        assert_eq!(cap_skip("intel holds too many"), None);
    }

    #[test]
    fn e1_every_counting_method_has_plain_words() {
        for name in [
            "schulze",
            "schulze-margins",
            "ranked-pairs",
            "copeland",
            "plurality",
            "approval",
            "meek",
            "scottish-stv",
        ] {
            assert!(!method_words(name, Lang::En).starts_with("Counted by"), "{name}");
            assert!(!method_words(name, Lang::Zh).starts_with("Counted by"), "{name}");
        }
        assert!(method_words("meek", Lang::En).contains("quota"));
        assert_eq!(method_words("borda", Lang::En), "Counted by the method borda.");
    }
}
