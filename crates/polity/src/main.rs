//! The `polity` command line. Flags become validated values here; the work is in the libraries.

mod affiliations;
mod audit;
mod backup;
mod cli;
mod compare;
mod feasibility;
mod notify;
mod record;
mod record_api;
mod render;
mod report;
mod rules;
mod serve;
mod stats;
mod sync;
mod tally;
mod usage;

use polity_engine::command;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser as _;
use cli::*;
use jiff::civil::Date;
use polity_model::{Period, Severity};
use polity_registry::import;

fn main() -> ExitCode {
    use clap::{CommandFactory as _, FromArgMatches as _};
    let command = Cli::command();
    let args = match command
        .find_subcommand("serve")
        .map(|serve| serve::with_config(std::env::args_os().collect(), serve))
    {
        Some(Ok(args)) => args,
        Some(Err(error)) => {
            let lang = usage::language(&std::env::args_os().collect::<Vec<_>>());
            eprintln!(
                "{}",
                polity_i18n::text(lang, "cli-error", &[("error", &format!("{error:#}"))])
            );
            return ExitCode::from(2);
        }
        None => std::env::args_os().collect(),
    };
    let lang = usage::language(&args);
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => match usage::said(&error, lang) {
            Some(said) => {
                eprintln!("{said}");
                return ExitCode::from(2);
            }
            None => error.exit(),
        },
    };
    let lang = cli
        .lang
        .unwrap_or_else(|| polity_i18n::from_environment(|name| std::env::var(name).ok()));
    let _ = LANG.set(lang);
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}", say("cli-error", &[("error", &format!("{error:#}"))]));
            ExitCode::from(2)
        }
    }
}

/// The language of this run's messages (`--lang`, else the environment's locale).
static LANG: std::sync::OnceLock<polity_i18n::Lang> = std::sync::OnceLock::new();

/// The language of this run's messages.
pub(crate) fn lang() -> polity_i18n::Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The message `key` of the command line's catalog in this run's language.
pub(crate) fn say(key: &str, args: &[(&str, &str)]) -> String {
    polity_i18n::text(lang(), key, args)
}

/// A date given to `flag`, as people write it where it cannot be misread (`2026-06-01`,
/// `2026/6/1`, `2026年6月1日`); otherwise an error that says why, in this run's language.
pub(crate) fn parse_date(text: &str, flag: &str) -> Result<Date> {
    polity_model::parse_date(text).map_err(|problem| {
        anyhow::anyhow!(
            "{}",
            say(
                "cli-not-a-date",
                &[("flag", flag), ("text", &format!("{text:?}")), ("problem", &problem)]
            )
        )
    })
}

/// A moment as a flag writes it: a date (`2026-07-01`, `2026/7/1`, `2026年7月1日`), as that day
/// begins, or a date and a time of day (`2026-07-01 18:00`, `2026-07-01T18:00`).
pub(crate) fn parse_moment(text: &str, flag: &str) -> Result<jiff::civil::DateTime> {
    let trimmed = text.trim();
    let split = trimmed
        .char_indices()
        .skip(8)
        .find(|(_, c)| *c == 'T' || c.is_whitespace())
        .map(|(at, c)| (&trimmed[..at], trimmed[at + c.len_utf8()..].trim()));
    let Some((date, time)) = split else {
        return Ok(parse_date(trimmed, flag)?.to_datetime(jiff::civil::Time::midnight()));
    };
    let time = polity_model::parse_time_of_day(time).map_err(|problem| {
        anyhow::anyhow!(
            "{}",
            say(
                "cli-not-a-date",
                &[("flag", flag), ("text", &format!("{text:?}")), ("problem", &problem)]
            )
        )
    })?;
    Ok(parse_date(date, flag)?.to_datetime(time))
}

/// Today in the machine's time zone. The zone is read from its TZif file (`/etc/localtime`)
/// directly: asking jiff for the system zone first indexes the whole zoneinfo tree (dozens of
/// directory reads), which cost more than the rest of a short command. With `TZ` set, jiff
/// resolves it.
pub(crate) fn today() -> Date {
    now_here().date()
}

/// The date and time of day in the machine's time zone (see [`today`]).
pub(crate) fn now_here() -> jiff::civil::DateTime {
    let now = jiff::Timestamp::now();
    let zone = match std::env::var("TZ") {
        Ok(name) if !name.is_empty() => None,
        _ => std::fs::read("/etc/localtime")
            .ok()
            .and_then(|bytes| jiff::tz::TimeZone::tzif("localtime", &bytes).ok()),
    };
    match zone {
        Some(zone) => now.to_zoned(zone).datetime(),
        None => jiff::Zoned::now().datetime(),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check {
            dir,
            at,
            format,
            record,
            record_api,
        } => {
            let recorded = match (record, record_api) {
                (Some(url), _) => Some(Recorded::Store(url)),
                (None, Some(url)) => Some(Recorded::Api(url)),
                (None, None) => None,
            };
            check_command(&dir, at.as_deref(), format, recorded)
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
        } => due_command(&dir, &at, &within, format),
        Command::Import {
            source,
            file,
            out,
            as_of,
            format,
            json,
        } => import_command(source, &file, &out, &as_of, json || format == Some(OutputFormat::Json)),
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
        command @ Command::Tally { .. } => tally_command(command),
        Command::Init {
            registry,
            format,
            json,
            actor,
        } => {
            let text = runtime()?.block_on(record::init(&registry, &actor))?;
            let json = json || format == Some(OutputFormat::Json);
            print(summary_or(text, json, &actor, "recorded", &registry)?)
        }
        Command::Export {
            dir,
            into,
            check,
            format,
            json,
            actor,
        } => {
            let json = json || format == Some(OutputFormat::Json);
            match (dir, into) {
                (_, Some(into)) if !check => print(summary_or(
                    runtime()?.block_on(record::export_into(&into, &actor))?,
                    json,
                    &actor,
                    "exported",
                    &into,
                )?),
                (Some(dir), _) | (None, Some(dir)) => export_command(&dir, check, json, &actor),
                (None, None) => unreachable!("clap requires DIR or --into"),
            }
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
        Command::Audit { command, actor } => audit_command(command, &actor),
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
        Command::Sync {
            repo,
            reference,
            path,
            strict,
            format,
            json,
            actor,
        } => {
            let options = sync::Options {
                repo: &repo,
                reference: &reference,
                path: &path,
                strict,
                json: json || format == Some(OutputFormat::Json),
            };
            let (text, complete) = runtime()?.block_on(sync::sync(&options, &actor))?;
            print!("{text}");
            Ok(if complete { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
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
            runtime()?.block_on(serve::serve(*args))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Account { command, db } => print(runtime()?.block_on(serve::account(command, &db))?),
        Command::Demo { db } => print(runtime()?.block_on(record::demo(db.as_deref()))?),
        Command::Apply { actor } => apply_command(&actor),
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
                .with_context(|| crate::say("cli-cannot-render-manual", &[]))?;
            write_out(&page)
        }
    }
}

/// `polity audit`: verify, sign a checkpoint, or the state's digest.
fn audit_command(command: AuditCommand, actor: &record::Actor) -> Result<ExitCode> {
    match command {
        AuditCommand::Verify {
            checkpoints,
            format,
            json,
        } => {
            let json = json || format == Some(OutputFormat::Json);
            let (text, intact) = runtime()?.block_on(audit::audit(actor, &checkpoints, json))?;
            print!("{text}");
            Ok(if intact { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        AuditCommand::Checkpoint { key, out } => print(runtime()?.block_on(audit::checkpoint(actor, &key, &out))?),
        AuditCommand::StateHash => print(runtime()?.block_on(audit::state_hash(actor))?),
    }
}

/// What `init` and `export` print: their line, or with --format json the record's summary.
fn summary_or(text: String, json: bool, actor: &record::Actor, done: &str, path: &Path) -> Result<String> {
    if json {
        runtime()?.block_on(record::summary_json(actor, done, path))
    } else {
        Ok(text)
    }
}

/// `polity export`: the record as registry files, or with --check the folder compared with it.
fn export_command(dir: &Path, check: bool, json: bool, actor: &record::Actor) -> Result<ExitCode> {
    if check {
        let (text, same) = runtime()?.block_on(record::export_check(dir, actor))?;
        print!("{text}");
        return Ok(if same { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let text = runtime()?.block_on(record::export(dir, actor))?;
    print(summary_or(text, json, actor, "exported", dir)?)
}

/// `polity tally`: count a ballot file and explain the result.
fn tally_command(command: Command) -> Result<ExitCode> {
    let Command::Tally {
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
    } = command
    else {
        unreachable!("called for tally only")
    };
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
    stdout
        .write_all(output.as_bytes())
        .with_context(|| crate::say("cli-cannot-write-output", &[]))?;
    Ok(ExitCode::SUCCESS)
}

/// Where `check` reads the record it compares the files with.
enum Recorded {
    /// `--record URL`: the store itself.
    Store(String),
    /// `--record-api URL`: a running server's `/api/registry`.
    Api(String),
}

/// `polity check`: the registry's findings, and with a record what the files change.
fn check_command(dir: &Path, at: Option<&str>, format: CheckFormat, recorded: Option<Recorded>) -> Result<ExitCode> {
    let at = match at {
        Some(text) => parse_date(text, "--at")?,
        None => today(),
    };
    let loaded = polity_registry::load(dir)?;
    let mut findings = polity_registry::findings(&loaded, at);
    let changes = match &recorded {
        Some(recorded) => {
            let polity = match recorded {
                Recorded::Store(url) => {
                    let record = runtime()?.block_on(record::Record::open(url))?;
                    if !record.state.recorded {
                        anyhow::bail!("{}", say("cli-no-registry", &[("db", url)]));
                    }
                    findings.extend(recorded_findings(
                        sync::recorded_findings(&record.state),
                        &loaded.polity,
                    ));
                    record.state.polity
                }
                Recorded::Api(url) => {
                    let (polity, recorded) = runtime()?.block_on(record_api::recorded_registry(url))?;
                    findings.extend(recorded_findings(recorded, &loaded.polity));
                    polity
                }
            };
            let changes = polity_model::diff::changes(&polity, &loaded.polity, at);
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
            text.push_str(&report::check_human(dir, &loaded.polity, &findings, at, colour, lang()));
            text
        }
        CheckFormat::Json => {
            let text = report::check_json(dir, &loaded.polity, &findings, at);
            match &changes {
                Some(changes) => report::with_changes_json(&text, changes),
                None => text,
            }
        }
        CheckFormat::Github => report::check_github(dir, &loaded.polity, &findings),
    };
    print!("{output}");
    let failed = findings.iter().any(|finding| finding.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The findings `polity sync` recorded with amendments (warnings: the record keeps them), placed
/// on the file and line they were recorded at when the files still have that file.
fn recorded_findings(recorded: Vec<sync::RecordedFinding>, files: &polity_model::Polity) -> Vec<polity_model::Finding> {
    recorded
        .into_iter()
        .map(|finding| {
            let words = finding.words();
            let (rule, line) = (finding.rule, finding.line);
            let loc = files
                .files
                .iter()
                .position(|name| *name == finding.file)
                .and_then(|index| u32::try_from(index).ok())
                .map(|file| polity_model::Loc { file, line, column: 1 });
            polity_model::Finding::warning(
                polity_model::RuleId::parse(&rule).unwrap_or(polity_model::RuleId::RInit),
                loc,
                words,
                say("cli-sync-recorded-hint", &[]),
            )
        })
        .collect()
}

/// `polity due`: every obligation in date order.
fn due_command(dir: &Path, at: &str, within: &str, format: DueFormat) -> Result<ExitCode> {
    let at = parse_date(at, "--at")?;
    let within = Period::parse(within).map_err(anyhow::Error::msg).context("--within")?;
    let loaded = polity_registry::load(dir)?;
    let errors = loaded
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "{}",
            say(
                "cli-due-incomplete",
                &[("errors", &errors.to_string()), ("dir", &dir.display().to_string())]
            )
        );
    }
    let obligations = polity_model::due(&loaded.polity, at, within);
    let output = match format {
        DueFormat::Human => report::due_human(&obligations, at, within, lang()),
        DueFormat::Json => report::due_json(&obligations, at, within),
        DueFormat::Ical => polity_notify::ical::calendar(
            &loaded.polity.constitution.name,
            &obligations,
            at,
            loaded.polity.constitution.time_zone.as_deref(),
        ),
    };
    print!("{output}");
    Ok(ExitCode::SUCCESS)
}

/// `polity import`: a community's governance file to a registry folder.
fn import_command(source: ImportSource, file: &Path, out: &Path, as_of: &str, json: bool) -> Result<ExitCode> {
    let as_of = parse_date(as_of, "--as-of")?;
    let text = std::fs::read_to_string(file)
        .with_context(|| say("cli-cannot-read", &[("path", &file.display().to_string())]))?;
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
    polity_registry::write_registry(out, &files, &header)?;
    if json {
        let value = serde_json::json!({
            "imported": summary,
            "into": out.display().to_string(),
            "bodies": files.bodies.len(),
            "people": files.people.len(),
            "organisations": files.organisations.len(),
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!(
            "{}",
            say(
                "cli-imported",
                &[("summary", &summary), ("out", &out.display().to_string())]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `polity apply`: commands from standard input, one a line, each answered once durable.
fn apply_command(actor: &record::Actor) -> Result<ExitCode> {
    let runtime = runtime()?;
    let mut line = String::new();
    let mut number = 0;
    let mut refused = 0;
    while {
        line.clear();
        std::io::stdin()
            .read_line(&mut line)
            .with_context(|| crate::say("cli-cannot-read-stdin", &[]))?
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
                "only report, motion, election and meeting commands can be applied"
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
        eprintln!(
            "{}",
            say(
                "cli-apply-refused",
                &[("refused", &refused.to_string()), ("lines", &number.to_string())]
            )
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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
        print!("{}", rules::list(lang()));
        return Ok(ExitCode::SUCCESS);
    };
    let Some(rule) = polity_model::RuleId::parse(id) else {
        bail!("{}", say("cli-no-such-rule", &[("id", &format!("{id:?}"))]));
    };
    let loaded = registry.map(polity_registry::load).transpose()?;
    let shown = registry.map(|dir| dir.display().to_string());
    let context = shown.as_deref().zip(loaded.as_ref().map(|loaded| &loaded.polity));
    print!("{}", rules::explain(rule.rule(), context, lang()));
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
        .with_context(|| crate::say("cli-cannot-write-output", &[]))?;
    Ok(ExitCode::SUCCESS)
}

fn write_schemas(out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        bail!("{} exists and is not a folder", out.display());
    }
    std::fs::create_dir_all(out)
        .with_context(|| crate::say("cli-cannot-create", &[("path", &out.display().to_string())]))?;
    for (name, text) in polity_registry::schema::schemas() {
        let path = out.join(name);
        std::fs::write(&path, text)
            .with_context(|| crate::say("cli-cannot-write", &[("path", &path.display().to_string())]))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
