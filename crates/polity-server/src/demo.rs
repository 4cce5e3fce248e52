//! `polity serve --demo`: a bundled registry recorded in a fresh store with a closed election (to
//! show a result), an election open for voting, an open motion with votes and a meeting with an
//! agenda, all through the same decide path as every request, and an account for every person.

use jiff::civil::Date;
use polity_count::motion::Choice;
use polity_engine::command;
use polity_engine::{Command, Context, SourceFile};
use polity_model::Seat;
use polity_store::Account;

use crate::App;
use crate::auth::hash_password;
use crate::live::Extra;

/// The password of every demo account. The demo is for trying polity out, never for real use.
pub const DEMO_PASSWORD: &str = "polity-demo";

/// The date the demo's clock stands at.
pub const DEMO_TODAY: Date = jiff::civil::date(2026, 6, 20);

fn at(day: i8) -> Date {
    jiff::civil::date(2026, 6, day)
}

async fn act(app: &App, who: &str, day: i8, command: Command, extra: Extra) -> anyhow::Result<()> {
    let context = Context::on(who.to_owned(), at(day));
    app.record
        .act(command, extra, &context)
        .await
        .map_err(|error| anyhow::anyhow!("seeding the demo ({who} on day {day}): {error}"))?;
    Ok(())
}

async fn ballot(app: &App, voter: &str, day: i8, election: &str, ranking: &[&[&str]]) -> anyhow::Result<()> {
    let ranking: Vec<Vec<String>> = ranking
        .iter()
        .map(|tier| tier.iter().map(|name| (*name).to_owned()).collect())
        .collect();
    let (command, secret) = crate::live::new_ballot(election, ranking, false, None)?;
    act(app, voter, day, command, Extra::Ballot(secret)).await
}

/// Seeds an empty record with `files` (the cfn-working-group example) and the processes.
pub async fn seed(app: &App, files: Vec<(String, String)>) -> anyhow::Result<()> {
    let (events, _) = polity_store::EventLog::head(&app.record.store).await?;
    if events > 0 {
        anyhow::bail!("--demo seeds a new record, but this store already holds {events} events: give another --db");
    }
    let files = files
        .into_iter()
        .map(|(path, content)| SourceFile { path, content })
        .collect();
    act(
        app,
        "polity serve --demo",
        1,
        Command::RecordRegistry(command::RecordRegistry { files }),
        Extra::None,
    )
    .await?;
    let none = || Extra::None;
    // A co-chair election, closed, to show a result, a pairwise matrix and a tally sheet.
    act(
        app,
        "alice",
        2,
        Command::OpenElection(command::OpenElection {
            body: "tsc".into(),
            seat: Seat::CoChair,
            seats: 1,
            stagger: false,
        }),
        none(),
    )
    .await?;
    for (candidate, by) in [("emil", "alice"), ("fang", "bob")] {
        let election = "tsc/e1".to_owned();
        act(
            app,
            by,
            3,
            Command::Nominate(command::Nominate {
                election: election.clone(),
                candidate: candidate.into(),
            }),
            none(),
        )
        .await?;
        act(
            app,
            candidate,
            4,
            Command::Consent(command::Consent { election }),
            none(),
        )
        .await?;
    }
    act(
        app,
        "alice",
        5,
        Command::CloseNominations(command::CloseNominations {
            election: "tsc/e1".into(),
        }),
        none(),
    )
    .await?;
    // All nine members vote, so the officer may close before the deadline.
    let rankings: [(&str, &[&[&str]]); 9] = [
        ("alice", &[&["emil"], &["fang"]]),
        ("bob", &[&["fang"], &["emil"]]),
        ("chen", &[&["emil"], &["fang"]]),
        ("dana", &[&["emil"]]),
        ("emil", &[&["emil"], &["fang"]]),
        ("fang", &[&["fang"], &["emil"]]),
        ("gus", &[&["emil", "fang"]]),
        ("hua", &[&["emil"], &["fang"]]),
        ("ivan", &[&["fang"]]),
    ];
    for (voter, ranking) in rankings {
        ballot(app, voter, 6, "tsc/e1", ranking).await?;
    }
    act(
        app,
        "alice",
        8,
        Command::CloseElection(command::CloseElection {
            election: "tsc/e1".into(),
            ballots: Vec::new(),
        }),
        Extra::Ballots,
    )
    .await?;
    // A chair election open for voting; alice, who opened it, is its officer.
    act(
        app,
        "alice",
        10,
        Command::OpenElection(command::OpenElection {
            body: "tsc".into(),
            seat: Seat::Chair,
            seats: 1,
            stagger: false,
        }),
        none(),
    )
    .await?;
    for (candidate, by) in [("chen", "alice"), ("dana", "bob")] {
        let election = "tsc/e2".to_owned();
        act(
            app,
            by,
            11,
            Command::Nominate(command::Nominate {
                election: election.clone(),
                candidate: candidate.into(),
            }),
            none(),
        )
        .await?;
        act(
            app,
            candidate,
            12,
            Command::Consent(command::Consent { election }),
            none(),
        )
        .await?;
    }
    for (candidate, statement) in [
        (
            "chen",
            "Two years as co-chair: I will keep the TSC's meetings short and its decisions written down.",
        ),
        (
            "dana",
            "I want every sub-group to report on time, and the TSC to answer every request within two weeks.",
        ),
    ] {
        act(
            app,
            candidate,
            13,
            Command::PublishStatement(command::PublishStatement {
                election: "tsc/e2".into(),
                statement: statement.into(),
            }),
            none(),
        )
        .await?;
    }
    act(
        app,
        "alice",
        15,
        Command::CloseNominations(command::CloseNominations {
            election: "tsc/e2".into(),
        }),
        none(),
    )
    .await?;
    // Five of the nine have voted; E3 makes the result valid from six (2/3 of the members).
    for (voter, ranking) in [
        ("bob", &[&["dana"][..], &["chen"]][..]),
        ("gus", &[&["chen"], &["dana"]]),
        ("emil", &[&["chen"]]),
        ("fang", &[&["dana"], &["chen"]]),
        ("hua", &[&["chen", "dana"]]),
    ] {
        ballot(app, voter, 17, "tsc/e2", ranking).await?;
    }
    // A motion with some votes.
    act(
        app,
        "alice",
        18,
        Command::motion("tsc", "Adopt reference architecture v1"),
        none(),
    )
    .await?;
    for (member, choice) in [("bob", Choice::Yes), ("chen", Choice::Yes), ("dana", Choice::No)] {
        act(
            app,
            member,
            18,
            Command::Vote(command::Vote {
                motion: "tsc/m1".into(),
                choice,
                on_behalf_of: None,
                capacity: None,
            }),
            none(),
        )
        .await?;
    }
    // A meeting with an agenda.
    act(
        app,
        "alice",
        19,
        Command::ScheduleMeeting(command::ScheduleMeeting {
            body: "tsc".into(),
            on: at(25),
        }),
        none(),
    )
    .await?;
    for item in ["Reference architecture v1", "Edge inference: quarterly report"] {
        act(
            app,
            "alice",
            19,
            Command::AddAgendaItem(command::AddAgendaItem {
                meeting: "tsc/mt1".into(),
                item: item.into(),
            }),
            none(),
        )
        .await?;
    }
    // Accounts: every person signs in with their id and the demo password; `admin` administers.
    let password = hash_password(DEMO_PASSWORD)?;
    let people: Vec<String> = {
        let live = app.record.live.read().await;
        live.state
            .polity
            .people
            .iter()
            .map(|person| person.id.clone())
            .collect()
    };
    for person in people.iter().map(Some).chain([None]) {
        app.record
            .store
            .put_account(&Account {
                login: person.cloned().unwrap_or_else(|| "admin".to_owned()),
                person: person.cloned(),
                password: Some(password.clone()),
                github: None,
                admin: person.is_none(),
            })
            .await?;
    }
    Ok(())
}
