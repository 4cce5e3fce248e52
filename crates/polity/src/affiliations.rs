//! `polity affiliations`: employers with dates from gitdm and CNCF files, applied to a registry.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

/// `polity affiliations`: reads every file, reports every problem with its file and line (and
/// then writes nothing), else replaces the people's affiliations and merges their addresses.
pub fn import_affiliations(
    registry: &Path,
    email_maps: &[PathBuf],
    domain_maps: &[PathBuf],
    aliases: &[PathBuf],
    cncf: &[PathBuf],
    dry_run: bool,
    json: bool,
) -> Result<ExitCode> {
    use polity_registry::import::affiliations::{Affiliations, apply};
    let loaded = polity_registry::load(registry)?;
    if let Some(error) = loaded
        .findings
        .iter()
        .find(|finding| finding.severity == polity_model::Severity::Error)
    {
        bail!(
            "{}",
            crate::say(
                "cli-aff-unclean",
                &[
                    ("dir", &registry.display().to_string()),
                    ("rule", &error.rule.to_string()),
                    ("message", &error.message),
                ]
            )
        );
    }
    if email_maps.len() + domain_maps.len() + aliases.len() + cncf.len() == 0 {
        bail!("{}", crate::say("cli-aff-no-files", &[]));
    }
    let mut files = polity_registry::export::to_files(&loaded.polity);
    let mut affiliations = Affiliations::default();
    let mut problems = Vec::new();
    for (paths, read) in [
        (
            email_maps,
            Affiliations::read_gitdm_map as fn(&mut Affiliations, &str, &str) -> _,
        ),
        (domain_maps, Affiliations::read_gitdm_map),
        (aliases, Affiliations::read_gitdm_aliases),
    ] {
        for path in paths {
            let content = std::fs::read_to_string(path)
                .with_context(|| crate::say("cli-cannot-read", &[("path", &path.display().to_string())]))?;
            problems.extend(read(&mut affiliations, &path.display().to_string(), &content));
        }
    }
    // CNCF's files are hundreds of MB: read streaming, keeping only the developers the registry's
    // people can match, with a progress bar on a terminal.
    let interest = polity_registry::import::affiliations::Interest::of(&files.people);
    for path in cncf {
        let size = std::fs::metadata(path)
            .with_context(|| crate::say("cli-cannot-read", &[("path", &path.display().to_string())]))?
            .len();
        let bar = indicatif::ProgressBar::new(size * 2);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{prefix}: [{bar:30}] {percent} % ({bytes_per_sec}, {eta} left)")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_prefix(path.display().to_string());
        let open = || std::fs::File::open(path).map(|file| std::io::BufReader::with_capacity(1 << 16, file));
        let found = affiliations
            .read_cncf_streaming(&path.display().to_string(), open, &interest, &|bytes| bar.inc(bytes))
            .with_context(|| crate::say("cli-cannot-read", &[("path", &path.display().to_string())]))?;
        bar.finish_and_clear();
        problems.extend(found);
    }
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!(
            "{}\n  {}",
            crate::say("cli-aff-problems", &[("count", &problems.len().to_string())]),
            lines.join("\n  ")
        );
    }
    if !affiliations.warnings.is_empty() && !json {
        println!(
            "{}",
            crate::say(
                "cli-aff-warnings",
                &[("count", &affiliations.warnings.len().to_string())]
            )
        );
        for warning in affiliations.warnings.iter().take(20) {
            match warning.line {
                0 => println!("  {}: {}", warning.file, warning.reason),
                _ => println!("  {warning}"),
            }
        }
        if affiliations.warnings.len() > 20 {
            println!(
                "  {}",
                crate::say(
                    "cli-aff-more",
                    &[("count", &(affiliations.warnings.len() - 20).to_string())]
                )
            );
        }
    }
    let applied = apply(&affiliations, &mut files.people, &mut files.organisations);
    if json {
        let value = serde_json::json!({
            "dry_run": dry_run,
            "warnings": affiliations.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "people": applied.people,
            "merged_emails": applied.merged_emails,
            "organisations_added": applied.organisations_added,
            "unmatched": applied.unmatched,
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!("{}", summary(&applied, dry_run));
    }
    if dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    polity_registry::write_people_and_organisations(registry, &files, "")?;
    // What was written loads as cleanly as what was read.
    let reloaded = polity_registry::load(registry)?;
    if let Some(error) = reloaded
        .findings
        .iter()
        .find(|finding| finding.severity == polity_model::Severity::Error)
    {
        bail!(
            "{}",
            crate::say(
                "cli-aff-written-error",
                &[("rule", &error.rule.to_string()), ("message", &error.message)]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What `affiliations` did, in one sentence of the run's language.
fn summary(applied: &polity_registry::import::affiliations::Applied, dry_run: bool) -> String {
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    for source in applied.people.values() {
        *sources.entry(source).or_default() += 1;
    }
    let by_source: Vec<String> = sources
        .iter()
        .map(|(source, count)| crate::say("cli-aff-from", &[("count", &count.to_string()), ("source", source)]))
        .collect();
    let summary = crate::say(
        "cli-aff-summary",
        &[
            ("people", &applied.people.len().to_string()),
            (
                "sources",
                &if by_source.is_empty() {
                    crate::say("cli-aff-none", &[])
                } else {
                    by_source.join(", ")
                },
            ),
            ("merged", &applied.merged_emails.to_string()),
            ("added", &applied.organisations_added.len().to_string()),
            (
                "names",
                &if applied.organisations_added.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", applied.organisations_added.join(", "))
                },
            ),
            ("unmatched", &applied.unmatched.to_string()),
        ],
    );
    if dry_run {
        format!("{} {summary}", crate::say("cli-aff-dry-run", &[]))
    } else {
        summary
    }
}
