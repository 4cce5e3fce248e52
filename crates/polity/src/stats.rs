//! `polity stats`: contribution statistics from git history.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::Subcommand;
use jiff::civil::Date;
use polity_contrib::{DEFAULT_BOT_PATTERNS, IngestOptions, electorate, ingest};
use serde::Serialize;

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// The roll of active members (E2) as of a date, from the repositories' history.
    Electorate {
        /// The registry folder (its constitution gives the active-member rule).
        #[arg(long, default_value = ".")]
        registry: PathBuf,
        /// A git repository to count; repeat for several.
        #[arg(long = "repo", required = true)]
        repos: Vec<PathBuf>,
        #[arg(long)]
        at: String,
        /// The ref to walk from.
        #[arg(long, default_value = "HEAD")]
        from: String,
        /// Count merge commits too.
        #[arg(long)]
        merges: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct RollJson<'a> {
    at: String,
    from: String,
    rule: String,
    bots_left_out: usize,
    voters: Vec<VoterJson<'a>>,
}

#[derive(Serialize)]
struct VoterJson<'a> {
    who: &'a str,
    known: bool,
    contributions: u32,
    organisation: Option<&'a str>,
    active: bool,
}

pub fn run(command: &StatsCommand) -> Result<String> {
    let StatsCommand::Electorate {
        registry,
        repos,
        at,
        from,
        merges,
        json,
    } = command;
    let at: Date = at
        .parse()
        .with_context(|| format!("--at {at:?} is not a date: write YYYY-MM-DD"))?;
    let loaded = polity_registry::load(registry)?;
    let rule = loaded.polity.constitution.active_member.ok_or_else(|| {
        anyhow!("{}: the constitution has no `active-member` rule (E2): add `active-member: {{ contributions: N, within: PERIOD }}`", registry.display())
    })?;
    let options = IngestOptions {
        from: from.clone(),
        merges: *merges,
        since: Some(rule.within.before(at)),
    };
    let mut contributions = Vec::new();
    for repo in repos {
        contributions.extend(ingest(repo, &options)?);
    }
    let patterns: Vec<String> = DEFAULT_BOT_PATTERNS
        .iter()
        .map(|pattern| (*pattern).to_owned())
        .collect();
    let roll = electorate(&loaded.polity, &contributions, rule, at, &patterns);
    if *json {
        let report = RollJson {
            at: roll.at.to_string(),
            from: roll.from.to_string(),
            rule: format!("at least {} contributions within {}", rule.contributions, rule.within),
            bots_left_out: roll.bots_left_out,
            voters: roll
                .voters
                .iter()
                .map(|voter| VoterJson {
                    who: &voter.who,
                    known: voter.known,
                    contributions: voter.contributions,
                    organisation: voter.organisation.as_deref(),
                    active: voter.active,
                })
                .collect(),
        };
        let mut text = serde_json::to_string_pretty(&report)?;
        text.push('\n');
        return Ok(text);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "active members as of {} (E2: at least {} contributions in [{}, {})); {} bot identities left out",
        roll.at, rule.contributions, roll.from, roll.at, roll.bots_left_out
    );
    for voter in &roll.voters {
        let status = match (voter.known, voter.active) {
            (true, true) => "active".to_owned(),
            (true, false) => format!(
                "not active: {} of {} contributions",
                voter.contributions, rule.contributions
            ),
            (false, _) => "not in the registry: add the person (or the e-mail to a person) to count them".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {:<32} {:>5}  {:<16} {status}",
            voter.who,
            voter.contributions,
            voter.organisation.as_deref().unwrap_or("-")
        );
    }
    Ok(out)
}
