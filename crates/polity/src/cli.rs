//! The command line's definition (clap): every command, its flags and their parsers. `main.rs`
//! runs them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{notify, record, render, serve, stats};

/// polity runs an open-source community's governance from files: it checks the registry
/// against its own rules and says what is due.
#[derive(Debug, Parser)]
#[command(name = "polity", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// The language of polity's messages, refusals and rule texts: `en` or `zh` (Simplified
    /// Chinese). Without it: `LC_ALL`, `LC_MESSAGES`, `LANG` (`zh_CN.UTF-8` is Chinese), else
    /// English. Files, JSON and the record are the same in every language.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub(crate) lang: Option<polity_i18n::Lang>,
}

fn parse_lang(text: &str) -> Result<polity_i18n::Lang, String> {
    polity_i18n::Lang::parse(text)
        .filter(|_| text.len() <= 16)
        .ok_or_else(|| {
            let lang = crate::usage::language(&std::env::args_os().collect::<Vec<_>>());
            polity_i18n::text(lang, "cli-not-a-language", &[("text", &format!("{text:?}"))])
        })
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
        /// The same against a running `polity serve` (its address, e.g. https://governance.example.org):
        /// the recorded registry is read from its `/api/registry`, so a pull request's check needs
        /// no access to the database.
        #[arg(long, value_name = "URL", conflicts_with = "record")]
        record_api: Option<String>,
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
    ///
    /// With --into, edit the registry folder in place instead: only the files, keys and entries
    /// that differ from the record change (a new term is one new line), and comments, order and
    /// layout stay, so that a commit of the result shows a minimal diff.
    Export {
        /// A folder to write the whole registry into (created if missing).
        #[arg(required_unless_present = "into", conflicts_with = "into")]
        dir: Option<PathBuf>,
        /// An existing registry folder to bring up to date in place, touching only what differs.
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
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
    /// Record the registry folder's git history since the last synced commit: each commit of the
    /// branch's first-parent line that changes the folder becomes a `registry-amended` event with
    /// what it changes, and a change that should have come from a recorded process (a seat given
    /// with no election or appointment, a state changed with no motion) is a finding kept with it.
    ///
    /// Re-running records nothing new. A history rewritten past the last synced commit is
    /// refused. The first sync starts after the newest commit whose folder is the registry the
    /// record was initialised with. Exit 1 when --strict refused a commit.
    Sync {
        /// The git repository (a working copy or a bare repository).
        #[arg(long)]
        repo: PathBuf,
        /// The branch, tag or commit to read up to.
        #[arg(long = "ref", default_value = "HEAD")]
        reference: String,
        /// The registry folder inside the repository.
        #[arg(long, default_value = ".")]
        path: String,
        /// Refuse (record nothing of, and stop at) a commit with a change that should have come
        /// from a recorded process, or whose registry cannot be read.
        #[arg(long)]
        strict: bool,
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
    Serve(Box<serve::ServeArgs>),
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
pub(crate) enum AuditCommand {
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
pub(crate) enum FeasibilityFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum CheckFormat {
    Human,
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    Human,
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum DueFormat {
    Human,
    Json,
    /// iCalendar (RFC 5545), for calendar programs.
    Ical,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ImportSource {
    /// Kubernetes community `sigs.yaml`.
    K8sSigs,
    /// OpenStack governance `reference/projects.yaml`.
    Openstack,
}

pub(crate) fn parse_format(text: &str) -> Result<polity_count::formats::Format, String> {
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

pub(crate) fn parse_method(text: &str) -> Result<polity_count::Method, String> {
    text.parse()
}

pub(crate) fn parse_unranked(text: &str) -> Result<polity_count::Unranked, String> {
    match text {
        "no-preference" => Ok(polity_count::Unranked::NoPreference),
        "below" => Ok(polity_count::Unranked::Below),
        other => Err(format!("{other:?}: use no-preference or below")),
    }
}
