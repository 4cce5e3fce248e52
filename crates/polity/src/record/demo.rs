//! `polity demo`: a bundled registry recorded in a fresh SQLite file, a motion and a chair
//! election run through the same decide path as every command, then the log and the audit.

use super::*;

/// `polity demo`: a bundled registry recorded in a fresh SQLite file, a motion and a chair
/// election run through the same decide path as every command, then the log and the audit.
pub async fn demo(db: Option<&str>) -> Result<String> {
    let db = match db {
        Some(db) => db.to_owned(),
        None => {
            let stamp = jiff::Timestamp::now().as_nanosecond();
            format!(
                "sqlite:{}",
                std::env::temp_dir()
                    .join(format!("polity-demo-{}-{stamp}.db", std::process::id()))
                    .display()
            )
        }
    };
    let actor = |person: &str, at: &str| Actor {
        db: db.clone(),
        actor: Some(person.to_owned()),
        at: Some(at.to_owned()),
        checkpoint_key: None,
    };
    let mut out = String::new();
    // The example is compiled in, so that `polity demo` works from any folder.
    out.push_str(
        &init_sources(
            "cfn-working-group (bundled)",
            crate::serve::demo_registry(),
            &actor("polity demo", "2026-06-01"),
        )
        .await?,
    );
    let _ = writeln!(
        out,
        "\n# A motion of the TSC (D3: valid when more than half of the members vote):"
    );
    out.push_str(
        &motion(
            &MotionCommand::Open {
                body: "tsc".into(),
                title: "Adopt reference architecture v1".into(),
                rule: None,
                transition: None,
                promote: None,
                remove: None,
                appoint: None,
                no_confidence: false,
                meeting: None,
                large: false,
                closes: None,
            },
            &actor("alice", "2026-06-02"),
        )
        .await?,
    );
    for (member, choice) in [
        ("alice", "yes"),
        ("bob", "yes"),
        ("chen", "yes"),
        ("dana", "no"),
        ("emil", "yes"),
    ] {
        motion(
            &MotionCommand::Vote {
                motion: "tsc/m1".into(),
                choice: choice.into(),
                on_behalf_of: None,
                capacity: None,
            },
            &actor(member, "2026-06-02"),
        )
        .await?;
    }
    out.push_str(
        &motion(
            &MotionCommand::Close {
                motion: "tsc/m1".into(),
                casting_vote: None,
            },
            &actor("alice", "2026-06-03"),
        )
        .await?,
    );
    let _ = writeln!(
        out,
        "\n# A chair election (E3: TSC members who consent; valid with 2/3 of the TSC voting):"
    );
    election(
        &ElectionCommand::Open {
            body: "tsc".into(),
            seat: "chair".into(),
            seats: 1,
            stagger: false,
        },
        &actor("alice", "2026-06-04"),
    )
    .await?;
    election(
        &ElectionCommand::Nominate {
            election: "tsc/e1".into(),
            candidate: "chen".into(),
        },
        &actor("alice", "2026-06-05"),
    )
    .await?;
    election(
        &ElectionCommand::Consent {
            election: "tsc/e1".into(),
        },
        &actor("chen", "2026-06-06"),
    )
    .await?;
    election(
        &ElectionCommand::CloseNominations {
            election: "tsc/e1".into(),
        },
        &actor("alice", "2026-06-18"),
    )
    .await?;
    for voter in ["alice", "bob", "chen", "dana", "emil", "fang"] {
        election(
            &ElectionCommand::Vote {
                election: "tsc/e1".into(),
                rank: Some("chen".into()),
                abstain: false,
                replace: None,
            },
            &actor(voter, "2026-06-19"),
        )
        .await?;
    }
    out.push_str(
        &election(
            &ElectionCommand::Close {
                election: "tsc/e1".into(),
            },
            &actor("alice", "2026-06-25"),
        )
        .await?,
    );
    let _ = writeln!(out, "\n# The public record:");
    out.push_str(&crate::audit::log(&actor("", "2026-06-25"), None, None, None, None, false).await?);
    let _ = writeln!(out, "\n# The audit:");
    out.push_str(&crate::audit::audit(&actor("", "2026-06-25"), &[], false).await?.0);
    let _ = writeln!(
        out,
        "\nThe record is in {db}; read it again with `polity log --db {db}`."
    );
    Ok(out)
}
