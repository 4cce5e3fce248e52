//! The `polity` command line. Flags become validated values here; the work is in the libraries.

mod affiliations;
mod audit;
mod backup;
mod compare;
mod feasibility;
mod notify;
mod record;
mod render;
mod report;
mod rules;
mod serve;
mod stats;
mod tally;

use polity_engine::command;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use polity_model::{Period, Severity};
use polity_registry::import;

/// polity runs an open-source community's governance from files: it checks the registry
/// against its own rules and says what is due.
#[derive(Debug, Parser)]
#[command(name = "polity", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a registry against its rules and report every finding.
    ///
    /// Exit status: 0 without errors (warnings allowed), 1 with errors, 2 when the registry
    /// cannot be read at all.
    Check {
        /// The registry folder (holding polity.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The date to check as of (YYYY-MM-DD); today when absent.
        #[arg(long)]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Compare the files with this record (sqlite:PATH or postgres://…): say what the change
        /// does, and report as errors what should have come from a recorded process (a seat
        /// without an election or appointment, a state without a motion, a timetable extended, a
        /// decision rule changed), on the changed lines.
        #[arg(long, value_name = "URL")]
        record: Option<String>,
    },
    /// Whether each body's rules can be met by the people it has.
    ///
    /// Enough who may stand for the seats, enough organisations under the cap, someone to vote
    /// and a reachable turnout, liaison areas someone can cover. Exit 1 when something cannot
    /// be met.
    Feasibility {
        /// The registry folder (holding polity.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The date to look at (YYYY-MM-DD); today when absent.
        #[arg(long)]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t = FeasibilityFormat::Human)]
        format: FeasibilityFormat,
    },
    /// List every obligation (elections, reports, reviews, meetings) in date order.
    Due {
        /// The registry folder (holding polity.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The date to look ahead from (YYYY-MM-DD).
        #[arg(long, default_value_t = crate::today_text())]
        at: String,
        /// How far ahead to look, e.g. "90 days", "6 months".
        #[arg(long, default_value = "3 months")]
        within: String,
        #[arg(long, value_enum, default_value_t = DueFormat::Human)]
        format: DueFormat,
    },
    /// Import a real community's governance file into a polity registry.
    Import {
        #[arg(value_enum)]
        source: ImportSource,
        /// The file to import.
        file: PathBuf,
        /// The registry folder to write (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The date the imported terms start on (the file records none), YYYY-MM-DD.
        #[arg(long, default_value = "2025-01-01")]
        as_of: String,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
    },
    /// Import affiliations with dates into a registry's people (gitdm and CNCF files).
    ///
    /// From gitdm's `email-map`, `domain-map` and `aliases` files and CNCF's
    /// `developers_affiliations*.txt`.
    ///
    /// For each person, CNCF's entry (matched by GitHub login or address) wins, then the email
    /// map, then the domain map (the domain of the person's first address); the person's
    /// affiliations are replaced. Addresses the files tie to a person become merge rules.
    /// `Independent`, `NotFound` and `Unknown` are no employer. `people.yaml` and
    /// `organisations.yaml` are rewritten (comments in them are not kept); nothing is written when
    /// any file has a problem.
    Affiliations {
        /// The registry folder.
        #[arg(long, default_value = ".")]
        registry: PathBuf,
        /// A gitdm email map (`address employer [< YYYY-MM-DD]`); repeat for several.
        #[arg(long = "email-map")]
        email_maps: Vec<PathBuf>,
        /// A gitdm domain map (`domain employer [< YYYY-MM-DD]`); repeat for several.
        #[arg(long = "domain-map")]
        domain_maps: Vec<PathBuf>,
        /// A gitdm aliases file (`alias canonical`); repeat for several.
        #[arg(long = "aliases")]
        aliases: Vec<PathBuf>,
        /// A CNCF developers_affiliations file; repeat for several.
        #[arg(long = "cncf")]
        cncf: Vec<PathBuf>,
        /// Say what would change, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
    },
    /// Count an election from a ballot file and explain the result.
    ///
    /// Formats: elekto (Kubernetes/Elekto/CIVS CSV), blt (OpenSTV/OpaVote), preflib (.soi,
    /// .soc, .toi, .toc) and debian (devotee tally sheet), detected from the file unless given.
    Tally {
        /// The ballot file.
        ballots: PathBuf,
        /// An election file (YAML): method, seats, organisations, cap, tie-break, turnout.
        #[arg(long)]
        election: Option<PathBuf>,
        /// The ballot file's format: elekto, blt, preflib or debian (detected when absent).
        #[arg(long, value_parser = parse_format)]
        input_format: Option<polity_count::formats::Format>,
        /// The result as human text (the default) or JSON (schema: docs/tally-json.md).
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// schulze (winning votes), schulze-margins, ranked-pairs, meek, scottish-stv, plurality
        /// or approval.
        #[arg(long, value_parser = parse_method)]
        method: Option<polity_count::Method>,
        /// Count as another tool does: strict (Schulze's own order), elekto (Elekto's order:
        /// fewest defeats first) or devotee (Debian: options without their majority over the
        /// default option, or without the quorum, are dropped first).
        #[arg(long)]
        compat: Option<String>,
        /// devotee: an option's majority ratio over the default option, e.g. "Amend SC=3:1"
        /// (repeatable; `[3:1]` at the end of an option's name says the same).
        #[arg(long = "majority", value_name = "OPTION=N:M")]
        majorities: Vec<String>,
        /// devotee: drop an option unless at least N voters rank it above the default option.
        #[arg(long)]
        quorum: Option<u64>,
        /// devotee: the default option (by default the one named "Further Discussion" or "None
        /// of the above", else the last).
        #[arg(long)]
        default_option: Option<String>,
        /// Seats to fill (default: the election file's, else 1).
        #[arg(long)]
        seats: Option<usize>,
        /// What an unranked candidate means: no-preference or below.
        #[arg(long, value_parser = parse_unranked)]
        unranked: Option<polity_count::Unranked>,
        /// Leave bad ballots out and report them, instead of refusing the file.
        #[arg(long)]
        skip_bad_ballots: bool,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
        /// What if: count under every method and every meaning of an unranked candidate (and,
        /// with --election, every per-organisation cap: as filed, none, 1, 2), and show where the
        /// winners differ.
        #[arg(long)]
        compare: bool,
    },
    /// Record a registry as the first events of a new record (SQLite by default).
    Init {
        #[arg(long)]
        registry: PathBuf,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Write the record's current structure back as registry files.
    ///
    /// With --check, write nothing: compare the folder's registry with the record's, as data
    /// (comments and layout do not count), and exit 1 naming the files that differ.
    Export {
        dir: PathBuf,
        /// Compare instead of writing; exit 1 when the folder and the record differ.
        #[arg(long)]
        check: bool,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// The public record, filterable by body, kind and date.
    Log {
        #[arg(long)]
        body: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        /// First date (YYYY-MM-DD) to show.
        #[arg(long)]
        since: Option<String>,
        /// Last date (YYYY-MM-DD) to show.
        #[arg(long)]
        until: Option<String>,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Audit the record: `polity audit verify` recomputes the hash chain.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Reports (L8).
    Report {
        #[command(subcommand)]
        command: record::ReportCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Motions: open, vote, close (D2, D3, D4, D9; L1 transitions).
    Motion {
        #[command(subcommand)]
        command: record::MotionCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Lazy consensus (D7): open a proposal, object to it, conclude it.
    Proposal {
        #[command(subcommand)]
        command: record::ProposalCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Liaisons: volunteer, the PTL's choice (E9), sign-off within an area (D10).
    Liaison {
        #[command(subcommand)]
        command: record::LiaisonCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// The overseeing body stops a group's open proposal or motion (D11).
    Intervene {
        target: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Dissolve a working group whose timetable ended or whose deliverables are delivered (S4).
    Dissolve {
        body: String,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Meetings: schedule, agenda (D5), proxies (D2), attendance and quorum (D1), minutes (D6).
    Meeting {
        #[command(subcommand)]
        command: record::MeetingCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Elections: open, nominate, consent, withdraw, close nominations, vote, close, verify a receipt.
    Election {
        #[command(subcommand)]
        command: record::ElectionCommand,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Run a stream of commands from standard input, one per line.
    ///
    /// Each line is written as on the command line without `polity` (e.g. `report submit sig-x
    /// --as alice --at 2026-06-30`) and answered `ok N` once its events are durable, or `refused N: why`. Exits 1 when
    /// any line was refused (the others stay applied).
    Apply {
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Run governance on a bundled example: record it in a fresh SQLite file (or --db), run a
    /// motion and a chair election, print the record and its audit.
    Demo {
        #[arg(long)]
        db: Option<String>,
    },
    /// Contribution statistics from git history.
    Stats {
        #[command(subcommand)]
        command: stats::StatsCommand,
    },
    /// Serve the JSON API and the web UI over the record (SQLite by default, or PostgreSQL).
    Serve(serve::ServeArgs),
    /// Tell people what the record owes them as of a date: nominations and voting open, a
    /// reminder to who has not voted, results, reports due and overdue, terms ending, meetings
    /// and minutes, motions awaiting a vote.
    ///
    /// Each message is written to the outbox once (running again, or on a second server, adds
    /// nothing) in the person's language (`lang:` in people.yaml), and sent with --smtp. People
    /// may mute the optional kinds (`mute:`). `--dry-run` lists and changes nothing.
    Notify(notify::NotifyArgs),
    /// Markdown pages from a registry (or a record) as of a date: an index of the bodies, a README
    /// per body (seats and terms, charter, liaisons and gaps, reports, what is coming, decisions),
    /// OWNERS_ALIASES for bodies with OWNERS files (Kubernetes), liaisons.md for liaison areas
    /// (OpenStack). `--check` exits 1 when the pages in OUT are stale, and writes nothing.
    Render(render::RenderArgs),
    /// A consistent copy of the record, verified: SQLite through `VACUUM INTO` (servers may keep
    /// running), PostgreSQL through `pg_dump --format=custom` (the PostgreSQL tools must be on the
    /// PATH). Never overwrites a file.
    Backup {
        /// The file to write.
        out: PathBuf,
        /// The store: sqlite:PATH or postgres://USER@HOST/DB.
        #[arg(long, default_value = "sqlite:polity.db", env = "POLITY_DB")]
        db: String,
    },
    /// A backup back into a new SQLite file or an empty PostgreSQL database, then `audit verify`.
    /// A SQLite backup that does not verify is refused before it is copied.
    Restore {
        /// The file `polity backup` wrote.
        from: PathBuf,
        /// The store to restore into (a new SQLite file, or an empty PostgreSQL database).
        #[arg(long, env = "POLITY_DB")]
        db: String,
    },
    /// The messages in the outbox, newest first: sent, waiting, retrying (with the last error)
    /// or given up.
    Outbox {
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        actor: record::Actor,
    },
    /// Accounts that sign in to `polity serve`, and their API tokens.
    Account {
        #[command(subcommand)]
        command: serve::AccountCommand,
        /// The store: sqlite:PATH or postgres://USER@HOST/DB.
        #[arg(long, global = true, default_value = "sqlite:polity.db", env = "POLITY_DB")]
        db: String,
    },
    /// List the rules polity enforces, or explain one (`polity rules D3`), with the values a
    /// registry gives it (`--registry DIR`).
    Rules {
        /// A rule id (`D3`, `S6`, `R-REF`), without regard to case; every rule when absent.
        id: Option<String>,
        /// A registry folder: show what it sets for the rule, and where.
        #[arg(long, value_name = "DIR")]
        registry: Option<PathBuf>,
        /// `markdown` prints the whole catalog as docs/rules.md.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Write the registry files' JSON Schemas into a folder.
    Schema {
        #[arg(long, default_value = "schema")]
        out: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// `polity completions bash > /etc/bash_completion.d/polity`, `polity completions zsh >
    /// "${fpath[1]}/_polity"`, `polity completions fish > ~/.config/fish/completions/polity.fish`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// `polity man > polity.1 && man ./polity.1`.
    Man,
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Detect any changed, deleted, reordered or inserted event, a record that no longer extends a
    /// signed checkpoint (given files and those stored in the record), and open elections whose
    /// ballot store disagrees with who voted. Exit 1 when anything is wrong.
    Verify {
        /// A checkpoint file the record must still extend (repeat for several).
        #[arg(long = "checkpoint", value_name = "FILE")]
        checkpoints: Vec<PathBuf>,
        /// human (the default) or json.
        #[arg(long, value_parser = parse_output_format)]
        format: Option<OutputFormat>,
        /// The same as `--format json`.
        #[arg(long)]
        json: bool,
    },
    /// Sign the record's head with an ed25519 key (the key file is created when missing), write
    /// the checkpoint to a file and keep it in the record. Refused on a broken record.
    Checkpoint {
        /// The signing key file (64 hex digits), readable only by you; created when missing.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// Where to write the checkpoint (JSON); keep copies outside the database's machine.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replay the whole record and print the digest of the resulting state.
    StateHash,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FeasibilityFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Human,
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DueFormat {
    Human,
    Json,
    /// iCalendar (RFC 5545), for calendar programs.
    Ical,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ImportSource {
    /// Kubernetes community `sigs.yaml`.
    K8sSigs,
    /// OpenStack governance `reference/projects.yaml`.
    Openstack,
}

fn main() -> ExitCode {
    use clap::{CommandFactory as _, FromArgMatches as _};
    let command = Cli::command();
    let args = match command
        .find_subcommand("serve")
        .map(|serve| serve::with_config(std::env::args_os().collect(), serve))
    {
        Some(Ok(args)) => args,
        Some(Err(error)) => {
            eprintln!("polity: error: {error:#}");
            return ExitCode::from(2);
        }
        None => std::env::args_os().collect(),
    };
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("polity: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn parse_format(text: &str) -> Result<polity_count::formats::Format, String> {
    text.parse()
}

/// What a command prints: `human` text or `json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OutputFormat {
    Human,
    Json,
}

/// `--format human|json`; a ballot format given as `--format` is told where it goes now.
pub(crate) fn parse_output_format(text: &str) -> Result<OutputFormat, String> {
    match text {
        "human" => Ok(OutputFormat::Human),
        "json" => Ok(OutputFormat::Json),
        other if other.parse::<polity_count::formats::Format>().is_ok() => Err(format!(
            "{other:?} is a ballot file's format: write `--input-format {other}`; `--format` is what polity prints (human or json)"
        )),
        other => Err(format!("{other:?} is not an output format: write human or json")),
    }
}

fn parse_method(text: &str) -> Result<polity_count::Method, String> {
    text.parse()
}

fn parse_unranked(text: &str) -> Result<polity_count::Unranked, String> {
    match text {
        "no-preference" => Ok(polity_count::Unranked::NoPreference),
        "below" => Ok(polity_count::Unranked::Below),
        other => Err(format!("{other:?}: use no-preference or below")),
    }
}

fn parse_date(text: &str, flag: &str) -> Result<Date> {
    text.parse::<Date>()
        .with_context(|| format!("{flag} {text:?} is not a date: write YYYY-MM-DD"))
}

/// Today in the machine's time zone. The zone is read from its TZif file (`/etc/localtime`)
/// directly: asking jiff for the system zone first indexes the whole zoneinfo tree (dozens of
/// directory reads), which cost more than the rest of a short command. With `TZ` set, jiff
/// resolves it.
pub(crate) fn today() -> Date {
    let now = jiff::Timestamp::now();
    let zone = match std::env::var("TZ") {
        Ok(name) if !name.is_empty() => None,
        _ => std::fs::read("/etc/localtime")
            .ok()
            .and_then(|bytes| jiff::tz::TimeZone::tzif("localtime", &bytes).ok()),
    };
    match zone {
        Some(zone) => now.to_zoned(zone).date(),
        None => jiff::Zoned::now().date(),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check {
            dir,
            at,
            format,
            record,
        } => {
            let at = match at {
                Some(text) => parse_date(&text, "--at")?,
                None => today(),
            };
            let loaded = polity_registry::load(&dir)?;
            let mut findings = polity_registry::findings(&loaded, at);
            let changes = match &record {
                Some(url) => {
                    let record = runtime()?.block_on(record::Record::open(url))?;
                    if !record.state.recorded {
                        anyhow::bail!("the record {url} holds no registry: run `polity init` first");
                    }
                    let changes = polity_model::diff::changes(&record.state.polity, &loaded.polity, at);
                    findings.extend(changes.iter().filter_map(polity_model::diff::Change::finding));
                    polity_model::sort_findings(&mut findings);
                    Some(changes)
                }
                None => None,
            };
            let output = match format {
                CheckFormat::Human => {
                    use std::io::IsTerminal as _;
                    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                    let mut text = String::new();
                    if let Some(changes) = &changes {
                        text.push_str(&report::changes_human(changes));
                    }
                    text.push_str(&report::check_human(&dir, &loaded.polity, &findings, at, colour));
                    text
                }
                CheckFormat::Json => {
                    let text = report::check_json(&dir, &loaded.polity, &findings, at);
                    match &changes {
                        Some(changes) => report::with_changes_json(&text, changes),
                        None => text,
                    }
                }
                CheckFormat::Github => report::check_github(&dir, &loaded.polity, &findings),
            };
            print!("{output}");
            let failed = findings.iter().any(|finding| finding.severity == Severity::Error);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Feasibility { dir, at, format } => {
            let at = match at {
                Some(text) => parse_date(&text, "--at")?,
                None => today(),
            };
            let (output, infeasible) = feasibility::run(&dir, at, format == FeasibilityFormat::Json)?;
            print!("{output}");
            Ok(if infeasible {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Due {
            dir,
            at,
            within,
            format,
        } => {
            let at = parse_date(&at, "--at")?;
            let within = Period::parse(&within).map_err(anyhow::Error::msg).context("--within")?;
            let loaded = polity_registry::load(&dir)?;
            let errors = loaded
                .findings
                .iter()
                .filter(|finding| finding.severity == Severity::Error)
                .count();
            if errors > 0 {
                eprintln!(
                    "polity: warning: {errors} problem(s) reading {}; obligations may be incomplete (run `polity check`)",
                    dir.display()
                );
            }
            let obligations = polity_model::due(&loaded.polity, at, within);
            let output = match format {
                DueFormat::Human => report::due_human(&obligations, at, within),
                DueFormat::Json => report::due_json(&obligations, at, within),
                DueFormat::Ical => polity_notify::ical::calendar(&loaded.polity.constitution.name, &obligations, at),
            };
            print!("{output}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            source,
            file,
            out,
            as_of,
            format,
            json,
        } => {
            let as_of = parse_date(&as_of, "--as-of")?;
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let (files, summary) = match source {
                ImportSource::K8sSigs => import::k8s::import(&text, as_of)?,
                ImportSource::Openstack => import::openstack::import(&text, as_of)?,
            };
            let header = format!(
                "# Imported by `polity import` from {} ({}).\n",
                file.file_name().map_or_else(
                    || file.display().to_string(),
                    |name| name.to_string_lossy().into_owned()
                ),
                summary
            );
            polity_registry::write_registry(&out, &files, &header)?;
            if json || format == Some(OutputFormat::Json) {
                let value = serde_json::json!({
                    "imported": summary,
                    "into": out.display().to_string(),
                    "bodies": files.bodies.len(),
                    "people": files.people.len(),
                    "organisations": files.organisations.len(),
                });
                println!("{}", serde_json::to_string_pretty(&value)?);
            } else {
                println!("imported {summary} into {}", out.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Affiliations {
            registry,
            email_maps,
            domain_maps,
            aliases,
            cncf,
            dry_run,
            format,
            json,
        } => affiliations::import_affiliations(
            &registry,
            &email_maps,
            &domain_maps,
            &aliases,
            &cncf,
            dry_run,
            json || format == Some(OutputFormat::Json),
        ),
        Command::Tally {
            ballots,
            election,
            input_format,
            format,
            method,
            compat,
            majorities,
            quorum,
            default_option,
            seats,
            unranked,
            skip_bad_ballots,
            json,
            compare,
        } => {
            let output = tally::run(&tally::TallyOptions {
                ballots: &ballots,
                election: election.as_deref(),
                format: input_format,
                method,
                compat: tally::CompatFlags {
                    compat,
                    majorities,
                    quorum,
                    default_option,
                },
                seats,
                unranked,
                skip_bad_ballots,
                json: json || format == Some(OutputFormat::Json),
                compare,
            })?;
            use std::io::Write as _;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(output.as_bytes()).context("cannot write the result")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init {
            registry,
            format,
            json,
            actor,
        } => {
            let text = runtime()?.block_on(record::init(&registry, &actor))?;
            print(if json || format == Some(OutputFormat::Json) {
                runtime()?.block_on(record::summary_json(&actor, "recorded", &registry))?
            } else {
                text
            })
        }
        Command::Export {
            dir,
            check: true,
            actor,
            ..
        } => {
            let (text, same) = runtime()?.block_on(record::export_check(&dir, &actor))?;
            print!("{text}");
            Ok(if same { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Export {
            dir,
            format,
            json,
            actor,
            ..
        } => {
            let text = runtime()?.block_on(record::export(&dir, &actor))?;
            print(if json || format == Some(OutputFormat::Json) {
                runtime()?.block_on(record::summary_json(&actor, "exported", &dir))?
            } else {
                text
            })
        }
        Command::Log {
            body,
            kind,
            since,
            until,
            format,
            json,
            actor,
        } => print(runtime()?.block_on(audit::log(
            &actor,
            body.as_deref(),
            kind.as_deref(),
            since.as_deref(),
            until.as_deref(),
            json || format == Some(OutputFormat::Json),
        ))?),
        Command::Audit { command, actor } => match command {
            AuditCommand::Verify {
                checkpoints,
                format,
                json,
            } => {
                let json = json || format == Some(OutputFormat::Json);
                let (text, intact) = runtime()?.block_on(audit::audit(&actor, &checkpoints, json))?;
                print!("{text}");
                Ok(if intact { ExitCode::SUCCESS } else { ExitCode::from(1) })
            }
            AuditCommand::Checkpoint { key, out } => print(runtime()?.block_on(audit::checkpoint(&actor, &key, &out))?),
            AuditCommand::StateHash => print(runtime()?.block_on(audit::state_hash(&actor))?),
        },
        Command::Report { command, actor } => print(runtime()?.block_on(record::report(&command, &actor))?),
        Command::Motion { command, actor } => print(runtime()?.block_on(record::motion(&command, &actor))?),
        Command::Election { command, actor } => print(runtime()?.block_on(record::election(&command, &actor))?),
        Command::Meeting { command, actor } => print(runtime()?.block_on(record::meeting(&command, &actor))?),
        Command::Proposal { command, actor } => print(runtime()?.block_on(record::proposal(&command, &actor))?),
        Command::Liaison { command, actor } => print(runtime()?.block_on(record::liaison(&command, &actor))?),
        Command::Intervene { target, reason, actor } => print(runtime()?.block_on(record::simple(
            polity_engine::Command::Intervene(command::Intervene { target, reason }),
            &actor,
        ))?),
        Command::Dissolve { body, actor } => print(runtime()?.block_on(record::simple(
            polity_engine::Command::DissolveWorkingGroup(command::DissolveWorkingGroup { body }),
            &actor,
        ))?),
        Command::Stats { command } => print(stats::run(&command)?),
        Command::Render(args) => {
            let (text, current) = runtime()?.block_on(render::run(&args))?;
            print!("{text}");
            Ok(if current { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Backup { out, db } => print(runtime()?.block_on(backup::backup(&db, &out))?),
        Command::Restore { from, db } => print(runtime()?.block_on(backup::restore(&db, &from))?),
        Command::Notify(args) => print(runtime()?.block_on(notify::run(&args))?),
        Command::Outbox { format, json, actor } => {
            print(runtime()?.block_on(notify::outbox(&actor, json || format == Some(OutputFormat::Json)))?)
        }
        Command::Serve(args) => {
            runtime()?.block_on(serve::serve(args))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Account { command, db } => print(runtime()?.block_on(serve::account(command, &db))?),
        Command::Demo { db } => print(runtime()?.block_on(record::demo(db.as_deref()))?),
        Command::Apply { actor } => {
            let runtime = runtime()?;
            let mut line = String::new();
            let mut number = 0;
            let mut refused = 0;
            while {
                line.clear();
                std::io::stdin()
                    .read_line(&mut line)
                    .context("cannot read standard input")?
                    > 0
            } {
                number += 1;
                let words = split_words(line.trim());
                if words.is_empty() {
                    continue;
                }
                let parsed = Cli::try_parse_from(
                    std::iter::once("polity".to_owned())
                        .chain(words)
                        .chain(["--db".to_owned(), actor.db.clone()]),
                );
                let outcome = match parsed.map(|cli| cli.command) {
                    Ok(Command::Report { command, actor }) => runtime.block_on(record::report(&command, &actor)),
                    Ok(Command::Motion { command, actor }) => runtime.block_on(record::motion(&command, &actor)),
                    Ok(Command::Election { command, actor }) => runtime.block_on(record::election(&command, &actor)),
                    Ok(Command::Meeting { command, actor }) => runtime.block_on(record::meeting(&command, &actor)),
                    Ok(_) => Err(anyhow::anyhow!(
                        "only report, motion and election commands can be applied"
                    )),
                    Err(error) => Err(anyhow::anyhow!(
                        "{}",
                        error.to_string().lines().next().unwrap_or_default().to_owned()
                    )),
                };
                match outcome {
                    Ok(_) => println!("ok {number}"),
                    Err(error) => {
                        refused += 1;
                        println!("refused {number}: {error:#}");
                    }
                }
            }
            // A script learns from the exit status that not everything was applied.
            if refused > 0 {
                eprintln!("polity apply: {refused} of {number} line(s) refused; the others were applied");
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { id, registry, format } => rules_command(id.as_deref(), registry.as_deref(), format),
        Command::Schema { out } => {
            write_schemas(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "polity", &mut script);
            write_out(&script)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .context("cannot render the manual page")?;
            write_out(&page)
        }
    }
}

/// Today (the machine's date, YYYY-MM-DD): what `--at` means when it is not given.
pub(crate) fn today_text() -> String {
    today().to_string()
}

/// Writes to standard output; a reader that stopped reading (`| head`) is no error.
fn write_out(bytes: &[u8]) -> Result<ExitCode> {
    use std::io::Write as _;
    match std::io::stdout().write_all(bytes) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn rules_command(id: Option<&str>, registry: Option<&Path>, format: RulesFormat) -> Result<ExitCode> {
    if format == RulesFormat::Markdown {
        print!("{}", rules::markdown());
        return Ok(ExitCode::SUCCESS);
    }
    let Some(id) = id else {
        print!("{}", rules::list());
        return Ok(ExitCode::SUCCESS);
    };
    let Some(rule) = polity_model::RuleId::parse(id) else {
        bail!("there is no rule {id:?}; `polity rules` lists them all (S1–S12, L1–L8, E1–E11, D1–D11, C1–C3, T1, R-*)");
    };
    let loaded = registry.map(polity_registry::load).transpose()?;
    let shown = registry.map(|dir| dir.display().to_string());
    let context = shown.as_deref().zip(loaded.as_ref().map(|loaded| &loaded.polity));
    print!("{}", rules::explain(rule.rule(), context));
    Ok(ExitCode::SUCCESS)
}

/// Splits a command line into words; double quotes group words with spaces.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for character in line.chars() {
        match character {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' | '\t' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            other => {
                word.push(other);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    record::runtime()
}

fn print(text: String) -> Result<ExitCode> {
    use std::io::Write as _;
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

fn write_schemas(out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        bail!("{} exists and is not a folder", out.display());
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    for (name, text) in polity_registry::schema::schemas() {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
