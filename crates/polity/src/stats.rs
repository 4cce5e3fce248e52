//! `polity stats`: contribution statistics from git history.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::{Args, Subcommand};
use jiff::civil::Date;
use polity_contrib::{Health, IngestOptions, electorate, health, ingest_with};
use serde::Serialize;

/// Where the figures come from, and as of when: the same for every `stats` command.
#[derive(Debug, Args)]
pub struct Sources {
    /// The registry folder (people, affiliations, and the constitution's active-member rule).
    #[arg(long, default_value = ".")]
    registry: PathBuf,
    /// A git repository to count; repeat for several.
    #[arg(long = "repo")]
    repos: Vec<PathBuf>,
    /// Contributions outside git (C1): a CSV with the header `date,person,kind,link`.
    #[arg(long)]
    contributions: Option<PathBuf>,
    /// The date the figures are as of (YYYY-MM-DD).
    #[arg(long, default_value_t = crate::today_text())]
    at: String,
    /// Where to keep what was read, so that the next run reads only new commits (default:
    /// $XDG_CACHE_HOME/polity or ~/.cache/polity).
    #[arg(long, env = "POLITY_CACHE_DIR")]
    cache_dir: Option<PathBuf>,
    /// Read the whole history, neither using nor writing the cache.
    #[arg(long)]
    no_cache: bool,
    /// Threads that read commit objects (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// The registry, the date and the contributions the sources give.
struct Loaded {
    registry: polity_registry::Loaded,
    at: Date,
    contributions: Vec<polity_contrib::Contribution>,
}

impl Sources {
    /// Loads everything; `options` chooses the ref, merges and the cutoff, given the
    /// constitution and the date. The registry is read on another thread while the history is.
    fn load(&self, options: impl FnOnce(&polity_model::Polity, Date) -> Result<IngestOptions>) -> Result<Loaded> {
        let at: Date = crate::parse_date(&self.at, "--at")?;
        let sources = polity_registry::read_sources(&self.registry)?;
        let constitution = polity_registry::load_sources(&sources[..1]);
        let mut options = options(&constitution.polity, at)?;
        std::thread::scope(|scope| {
            let registry = scope.spawn(|| polity_registry::load_sources(&sources));
            let contributions = self.read_history(&mut options);
            let registry = registry.join().map_err(|_| anyhow!("reading the registry failed"))?;
            let mut contributions = contributions?;
            contributions.extend(outside_git(&registry.polity, self.contributions.as_deref())?);
            Ok(Loaded {
                registry,
                at,
                contributions,
            })
        })
    }

    /// Every contribution of the repositories.
    fn read_history(&self, options: &mut IngestOptions) -> Result<Vec<polity_contrib::Contribution>> {
        options.threads = self.threads;
        options.cache = if self.no_cache {
            None
        } else {
            self.cache_dir.clone().or_else(default_cache_dir)
        };
        read_repositories(&self.repos, options)
    }
}

/// Every contribution of `repos`, each repository read once and each commit counted once, with a
/// spinner on a terminal.
pub(crate) fn read_repositories(
    repos: &[PathBuf],
    options: &IngestOptions,
) -> Result<Vec<polity_contrib::Contribution>> {
    let mut contributions = Vec::new();
    // A repository given twice (by another path to it, or a clone or fork of it) would count
    // its commits twice: the same path is read once, and a commit is counted once.
    let mut paths: std::collections::BTreeMap<PathBuf, &PathBuf> = std::collections::BTreeMap::new();
    let mut commits: std::collections::HashSet<String> = std::collections::HashSet::new();
    for repo in repos {
        let resolved = std::fs::canonicalize(repo).unwrap_or_else(|_| repo.clone());
        let resolved = if resolved.file_name().is_some_and(|name| name == ".git") {
            resolved.parent().map_or(resolved.clone(), std::path::Path::to_path_buf)
        } else {
            resolved
        };
        if let Some(first) = paths.get(&resolved) {
            eprintln!(
                "{}",
                crate::say(
                    "cli-stats-same-repo",
                    &[
                        ("repo", &repo.display().to_string()),
                        ("first", &first.display().to_string())
                    ]
                )
            );
            continue;
        }
        paths.insert(resolved, repo);
        // A spinner on a terminal; nothing when stderr is not one.
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {prefix}: {pos} commits read ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_prefix(repo.display().to_string());
        let ingested = ingest_with(repo, options, &|count| bar.inc(count))?;
        let counted = contributions.len();
        bar.finish_and_clear();
        if !bar.is_hidden() {
            eprintln!(
                "{}",
                crate::say(
                    "cli-stats-read",
                    &[
                        ("repo", &repo.display().to_string()),
                        ("read", &ingested.read.to_string()),
                        ("cached", &ingested.cached.to_string()),
                        (
                            "note",
                            &ingested.cache_note.map(|note| format!(" ({note})")).unwrap_or_default()
                        ),
                    ]
                )
            );
        }
        let before = ingested.contributions.len();
        contributions.extend(
            ingested
                .contributions
                .into_iter()
                .filter(|contribution| commits.insert(contribution.commit.clone())),
        );
        let again = before - (contributions.len() - counted);
        if again > 0 {
            eprintln!(
                "{}",
                crate::say(
                    "cli-stats-again",
                    &[("repo", &repo.display().to_string()), ("again", &again.to_string())]
                )
            );
        }
    }
    Ok(contributions)
}

/// The cache folder when none is given: $XDG_CACHE_HOME/polity, else ~/.cache/polity.
pub(crate) fn default_cache_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|dir| !dir.is_empty())
                .map(|home| PathBuf::from(home).join(".cache"))
        })
        .map(|dir| dir.join("polity"))
}

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// The roll of active members (E2) as of a date, from the repositories' history.
    Electorate {
        #[command(flatten)]
        sources: Sources,
        /// The ref to walk from.
        #[arg(long, default_value = "HEAD")]
        from: String,
        /// Count merge commits too.
        #[arg(long)]
        merges: bool,
        /// human (the default) or json.
        #[arg(long, value_parser = ["human", "json"])]
        format: Option<String>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
    },
    /// One person's contribution history and why they are, or are not, an active member (E2, C2).
    Person {
        /// A person id or @handle.
        person: String,
        #[command(flatten)]
        sources: Sources,
        /// human (the default) or json.
        #[arg(long, value_parser = ["human", "json"])]
        format: Option<String>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
    },
    /// C3: a project's health as of a date: active contributors, absence and elephant factors,
    /// organisational diversity, the top contributor's share, last activity; Markdown, JSON, or an
    /// SVG chart of monthly activity by organisation.
    Health {
        /// A label for the report (e.g. the project's body id).
        project: Option<String>,
        #[command(flatten)]
        sources: Sources,
        #[arg(long, value_parser = ["markdown", "json", "svg"], default_value = "markdown")]
        format: String,
    },
}

#[derive(Serialize)]
struct RollJson<'a> {
    at: String,
    from: String,
    rule: String,
    bots_left_out: usize,
    /// Which date of a commit placed it in the window: `commit` or `author` (`active-member.date`).
    date: &'static str,
    /// `counted` or `not counted`: AI assistants named as co-authors (`ai-co-authors:`).
    ai_co_authors: &'static str,
    voters: Vec<VoterJson<'a>>,
}

/// What the registry says of AI co-authors, in words.
fn ai_co_authors(polity: &polity_model::Polity) -> &'static str {
    if polity.constitution.ai_co_authors_counted {
        "counted"
    } else {
        "not counted"
    }
}

#[derive(Serialize)]
struct VoterJson<'a> {
    who: &'a str,
    known: bool,
    contributions: u32,
    by_kind: &'a std::collections::BTreeMap<&'static str, u32>,
    organisation: Option<&'a str>,
    active: bool,
}

pub fn run(command: &StatsCommand) -> Result<String> {
    let (sources, from, merges, json) = match command {
        StatsCommand::Electorate {
            sources,
            from,
            merges,
            format,
            json,
        } => (sources, from, merges, *json || format.as_deref() == Some("json")),
        StatsCommand::Health {
            project,
            sources,
            format,
        } => return run_health(project.as_deref(), sources, format),
        StatsCommand::Person {
            person,
            sources,
            format,
            json,
        } => return run_person(person, sources, *json || format.as_deref() == Some("json")),
    };
    let registry = sources.registry.display().to_string();
    let mut rule = None;
    let loaded = sources.load(|polity, at| {
        let found = polity.constitution.active_member.ok_or_else(|| {
            anyhow!("{registry}: the constitution has no `active-member` rule (E2): add `active-member: {{ contributions: N, within: PERIOD }}`")
        })?;
        rule = Some(found);
        Ok(IngestOptions { from: from.clone(), merges: *merges, since: Some(found.within.before(at)), ..IngestOptions::default() })
    })?;
    let rule = rule.expect("set when loading");
    let (polity, at, contributions, patterns) = (
        &loaded.registry.polity,
        loaded.at,
        &loaded.contributions,
        polity_contrib::bot_patterns(&loaded.registry.polity),
    );
    let roll = electorate(polity, contributions, rule, at, &patterns);
    if json {
        let report = RollJson {
            at: roll.at.to_string(),
            from: roll.from.to_string(),
            rule: format!("at least {} contributions within {}", rule.contributions, rule.within),
            bots_left_out: roll.bots_left_out,
            date: rule.date.as_str(),
            ai_co_authors: ai_co_authors(polity),
            voters: roll
                .voters
                .iter()
                .map(|voter| VoterJson {
                    who: &voter.who,
                    known: voter.known,
                    contributions: voter.contributions,
                    by_kind: &voter.by_kind,
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
        "{}",
        crate::say(
            "cli-stats-electorate-head",
            &[
                ("at", &roll.at.to_string()),
                ("contributions", &rule.contributions.to_string()),
                ("from", &roll.from.to_string()),
                (
                    "basis",
                    &crate::say(&format!("cli-stats-basis-{}", rule.date.as_str()), &[])
                ),
                ("bots", &roll.bots_left_out.to_string()),
                (
                    "ai",
                    &crate::say(
                        if polity.constitution.ai_co_authors_counted {
                            "cli-stats-ai-counted"
                        } else {
                            "cli-stats-ai-not-counted"
                        },
                        &[]
                    )
                ),
            ]
        )
    );
    for voter in &roll.voters {
        let status = match (voter.known, voter.active) {
            (true, true) => crate::say("cli-stats-active", &[]),
            (true, false) => crate::say(
                "cli-stats-not-active",
                &[
                    ("count", &voter.contributions.to_string()),
                    ("needed", &rule.contributions.to_string()),
                ],
            ),
            (false, _) => crate::say("cli-stats-not-in-registry", &[]),
        };
        let kinds: Vec<String> = voter
            .by_kind
            .iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        let _ = writeln!(
            out,
            "  {:<32} {:>5}  {:<24} {:<16} {status}",
            voter.who,
            voter.contributions,
            kinds.join(", "),
            voter.organisation.as_deref().unwrap_or("-")
        );
    }
    Ok(out)
}

fn run_health(project: Option<&str>, sources: &Sources, format: &str) -> Result<String> {
    let loaded = sources.load(|_, at| {
        Ok(IngestOptions {
            since: Some(at.checked_sub(jiff::Span::new().days(366)).unwrap_or(at)),
            ..IngestOptions::default()
        })
    })?;
    let figures = health(
        &loaded.registry.polity,
        &loaded.contributions,
        loaded.at,
        &polity_contrib::bot_patterns(&loaded.registry.polity),
    );
    let the_project = crate::say("cli-health-the-project", &[]);
    let title = project.unwrap_or(&the_project);
    Ok(match format {
        "json" => health_json(project.unwrap_or("the project"), &figures)?,
        "svg" => polity_server::i18n::health_svg(crate::lang(), title, &figures, &|id| {
            organisation_name(&loaded.registry.polity, id)
        }),
        _ => health_markdown(title, &figures, &|id| organisation_name(&loaded.registry.polity, id)),
    })
}

/// An organisation's name from its id (the id itself when the registry does not know it).
pub(crate) fn organisation_name(polity: &polity_model::Polity, id: &str) -> String {
    polity
        .organisation(id)
        .map_or_else(|| id.to_owned(), |organisation| organisation.name.clone())
}

fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0/0".to_owned();
    }
    // Printed with one decimal; the fraction itself is exact.
    format!("{part}/{whole} ({:.1} %)", part as f64 * 100.0 / whole as f64)
}

fn health_markdown(title: &str, figures: &Health, name_of: &dyn Fn(&str) -> String) -> String {
    let say = crate::say;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        say("cli-health-title", &[("title", title), ("at", &figures.at.to_string())])
    );
    let _ = writeln!(out, "| {} |\n|---|---|", say("cli-health-columns", &[]));
    let _ = writeln!(
        out,
        "| {} | {} / {} / {} |",
        say("cli-health-active", &[]),
        figures.active_30,
        figures.active_90,
        figures.active_365
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        say("cli-health-contributions", &[]),
        figures.contributions_365
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        say("cli-health-absence", &[]),
        figures.absence_factor
    );
    let known = figures
        .organisations
        .iter()
        .filter(|(name, _)| name != polity_contrib::UNKNOWN)
        .count();
    let elephant = if known == 0 {
        say("cli-health-no-known", &[])
    } else {
        figures.elephant_factor.to_string()
    };
    let _ = writeln!(out, "| {} | {elephant} |", say("cli-health-elephant", &[]));
    let _ = writeln!(out, "| {} | {known} |", say("cli-health-organisations", &[]));
    let _ = writeln!(
        out,
        "| {} | {} |",
        say("cli-health-unknown", &[]),
        share(figures.unknown, figures.contributions_365)
    );
    if let Some((who, count)) = &figures.top_contributor {
        let _ = writeln!(
            out,
            "| {} | {who}: {} |",
            say("cli-health-top", &[]),
            share(*count, figures.contributions_365)
        );
    }
    let _ = writeln!(
        out,
        "| {} | {} |",
        say("cli-health-last", &[]),
        figures
            .last_activity
            .map_or_else(|| say("cli-health-none", &[]), |day| day.to_string())
    );
    let _ = writeln!(
        out,
        "\n## {}\n\n| {} |\n|---|---|",
        say("cli-health-organisations-title", &[]),
        say("cli-health-organisations-columns", &[])
    );
    for (organisation, count) in &figures.organisations {
        let name = if organisation == polity_contrib::UNKNOWN {
            say("cli-health-unknown-org", &[])
        } else {
            name_of(organisation)
        };
        let _ = writeln!(out, "| {name} | {} |", share(*count, figures.contributions_365));
    }
    out
}

#[derive(Serialize)]
struct HealthJson<'a> {
    project: &'a str,
    at: String,
    active_contributors: BTreeMapJson,
    contributions_365: u64,
    absence_factor: usize,
    /// Over contributions of known affiliation; 0 when there are none.
    elephant_factor: usize,
    unknown_contributions: u64,
    organisations: Vec<(&'a str, u64)>,
    top_contributor: Option<(&'a str, u64)>,
    last_activity: Option<String>,
    monthly: Vec<(String, Vec<(&'a str, u64)>)>,
}

type BTreeMapJson = std::collections::BTreeMap<&'static str, usize>;

fn health_json(title: &str, figures: &Health) -> Result<String> {
    let report = HealthJson {
        project: title,
        at: figures.at.to_string(),
        active_contributors: [
            ("30_days", figures.active_30),
            ("90_days", figures.active_90),
            ("365_days", figures.active_365),
        ]
        .into(),
        contributions_365: figures.contributions_365,
        absence_factor: figures.absence_factor,
        elephant_factor: figures.elephant_factor,
        unknown_contributions: figures.unknown,
        organisations: figures
            .organisations
            .iter()
            .map(|(name, count)| (name.as_str(), *count))
            .collect(),
        top_contributor: figures
            .top_contributor
            .as_ref()
            .map(|(who, count)| (who.as_str(), *count)),
        last_activity: figures.last_activity.map(|day| day.to_string()),
        monthly: figures
            .monthly
            .iter()
            .map(|((year, month), organisations)| {
                (
                    format!("{year:04}-{month:02}"),
                    organisations
                        .iter()
                        .map(|(name, count)| (name.as_str(), *count))
                        .collect(),
                )
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    Ok(text)
}

fn run_person(reference: &str, sources: &Sources, json: bool) -> Result<String> {
    let loaded = sources.load(|_, _| Ok(IngestOptions::default()))?;
    let (polity, at, contributions) = (&loaded.registry.polity, loaded.at, &loaded.contributions);
    let person = polity.person(reference).ok_or_else(|| {
        anyhow!(
            "{reference:?} is not a person of {}: use an id or @handle",
            sources.registry.display()
        )
    })?;
    let people = polity_contrib::People::new(polity);
    let mut theirs: Vec<(&polity_contrib::Contribution, std::collections::BTreeSet<String>)> = Vec::new();
    for contribution in contributions {
        let addresses: std::collections::BTreeSet<String> = contribution
            .credited
            .iter()
            .filter(|identity| people.person_of(identity) == Some(person.id.as_str()))
            .map(|identity| identity.email.clone())
            .collect();
        if !addresses.is_empty() {
            theirs.push((contribution, addresses));
        }
    }
    theirs.sort_by(|a, b| b.0.on.cmp(&a.0.on).then(a.0.commit.cmp(&b.0.commit)));
    if json {
        return Ok(format!(
            "{}\n",
            serde_json::to_string_pretty(&person_json(polity, person, at, &theirs))?
        ));
    }
    let mut out = String::new();
    let say = crate::say;
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-person-head",
            &[("name", &person.name), ("id", &person.id), ("at", &at.to_string())]
        )
    );
    let none_recorded = say("cli-person-none-recorded", &[]);
    let _ = writeln!(
        out,
        "  {}",
        say(
            "cli-person-affiliation",
            &[(
                "organisation",
                polity.affiliation_on(&person.id, at).unwrap_or(&none_recorded)
            )]
        )
    );
    for affiliation in &person.affiliations {
        let until = affiliation
            .until
            .map_or_else(|| say("cli-person-now", &[]), |until| until.to_string());
        let from = if affiliation.from == Date::MIN {
            say("cli-person-first-record", &[])
        } else {
            affiliation.from.to_string()
        };
        let _ = writeln!(
            out,
            "    {}",
            say(
                "cli-person-range",
                &[
                    ("organisation", &affiliation.organisation.id),
                    ("from", &from),
                    ("until", &until)
                ]
            )
        );
    }
    if person.bot {
        let _ = writeln!(out, "  {}", say("cli-person-bot", &[]));
    }
    let seen: std::collections::BTreeSet<&String> = theirs.iter().flat_map(|(_, addresses)| addresses).collect();
    let identities = if seen.is_empty() {
        say("cli-health-none", &[])
    } else {
        seen.into_iter().cloned().collect::<Vec<_>>().join(", ")
    };
    let _ = writeln!(
        out,
        "  {}",
        say("cli-person-identities", &[("identities", &identities)])
    );
    let all = theirs.iter().filter(|(contribution, _)| contribution.on < at).count();
    let _ = writeln!(out, "  {}", say("cli-person-all", &[("count", &all.to_string())]));
    match polity.constitution.active_member {
        Some(rule) => {
            let from = rule.within.before(at);
            let counted = theirs
                .iter()
                .filter(|(contribution, _)| from <= contribution.date(rule.date) && contribution.date(rule.date) < at)
                .count();
            let verdict = if person.bot {
                say("cli-person-verdict-bot", &[])
            } else if counted as u32 >= rule.contributions {
                say("cli-stats-active", &[])
            } else {
                say(
                    "cli-person-verdict-more",
                    &[("more", &(rule.contributions - counted as u32).to_string())],
                )
            };
            let _ = writeln!(
                out,
                "  {}",
                say(
                    "cli-person-e2",
                    &[
                        ("contributions", &rule.contributions.to_string()),
                        ("from", &from.to_string()),
                        ("at", &at.to_string()),
                        ("basis", &say(&format!("cli-stats-basis-{}", rule.date.as_str()), &[])),
                        ("counted", &counted.to_string()),
                        ("verdict", &verdict),
                    ]
                )
            );
        }
        None => {
            let _ = writeln!(out, "  {}", say("cli-person-no-rule", &[]));
        }
    }
    let _ = writeln!(out, "  {}", say("cli-person-list", &[]));
    for (contribution, _) in theirs.iter().filter(|(contribution, _)| contribution.on < at).take(50) {
        let _ = writeln!(
            out,
            "    {}  {}",
            contribution.on,
            &contribution.commit[..12.min(contribution.commit.len())]
        );
    }
    Ok(out)
}

/// `stats person --format json`: the same facts as the human output.
fn person_json(
    polity: &polity_model::Polity,
    person: &polity_model::Person,
    at: Date,
    theirs: &[(&polity_contrib::Contribution, std::collections::BTreeSet<String>)],
) -> serde_json::Value {
    let before: Vec<&polity_contrib::Contribution> = theirs
        .iter()
        .map(|(contribution, _)| *contribution)
        .filter(|contribution| contribution.on < at)
        .collect();
    let identities: std::collections::BTreeSet<&String> = theirs.iter().flat_map(|(_, addresses)| addresses).collect();
    let active_member = polity.constitution.active_member.map(|rule| {
        let from = rule.within.before(at);
        let counted = theirs
            .iter()
            .filter(|(contribution, _)| from <= contribution.date(rule.date) && contribution.date(rule.date) < at)
            .count() as u32;
        serde_json::json!({
            "rule": "E2",
            "contributions_needed": rule.contributions,
            "from": from.to_string(),
            "until_before": at.to_string(),
            "date": rule.date.as_str(),
            "counted": counted,
            "active": !person.bot && counted >= rule.contributions,
            "missing": if person.bot { 0 } else { rule.contributions.saturating_sub(counted) },
        })
    });
    serde_json::json!({
        "person": person.id,
        "name": person.name,
        "at": at.to_string(),
        "bot": person.bot,
        "affiliation": polity.affiliation_on(&person.id, at),
        "affiliations": person.affiliations.iter().map(|affiliation| serde_json::json!({
            "organisation": affiliation.organisation.id,
            "from": (affiliation.from != Date::MIN).then(|| affiliation.from.to_string()),
            "until": affiliation.until.map(|until| until.to_string()),
        })).collect::<Vec<_>>(),
        "identities": identities,
        "contributions": before.len(),
        "active_member": active_member,
        "latest": before.iter().take(50).map(|contribution| serde_json::json!({
            "on": contribution.on.to_string(),
            "commit": contribution.commit,
        })).collect::<Vec<_>>(),
    })
}

/// C1: contributions outside git from a CSV file; every bad line is reported, none imported.
pub(crate) fn outside_git(
    polity: &polity_model::Polity,
    path: Option<&std::path::Path>,
) -> Result<Vec<polity_contrib::Contribution>> {
    let Some(path) = path else { return Ok(Vec::new()) };
    let text = std::fs::read_to_string(path)
        .with_context(|| crate::say("cli-cannot-read", &[("path", &path.display().to_string())]))?;
    polity_contrib::contributions_from_csv(polity, &text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|problem| format!("{}:{}: {}", path.display(), problem.line, problem.reason))
            .collect();
        anyhow!(
            "{}\n  {}",
            crate::say("cli-stats-csv-problems", &[("count", &problems.len().to_string())]),
            lines.join("\n  ")
        )
    })
}
