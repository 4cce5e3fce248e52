//! `polity tally`: read a ballot file (and an election file), count, print the result.

use std::fmt::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use polity_count::formats::{Format, ParseOptions, Parsed, parse};
use polity_count::{ElectionResult, Method, Strength, Unranked, count};
use polity_registry::election::{ElectionFile, MajorityFile};
use polity_registry::files::text;
use serde::Serialize;

pub struct TallyOptions<'a> {
    pub ballots: &'a Path,
    pub election: Option<&'a Path>,
    pub format: Option<Format>,
    pub method: Option<Method>,
    pub compat: CompatFlags,
    pub seats: Option<usize>,
    pub unranked: Option<Unranked>,
    pub skip_bad_ballots: bool,
    pub json: bool,
    /// Count under every method and unranked meaning (and cap) and show where winners differ.
    pub compare: bool,
}

/// `--compat`, `--majority`, `--quorum`, `--default-option`: they override the election file.
#[derive(Default)]
pub struct CompatFlags {
    pub compat: Option<String>,
    pub majorities: Vec<String>,
    pub quorum: Option<u64>,
    pub default_option: Option<String>,
}

impl CompatFlags {
    fn apply(&self, election: &mut ElectionFile) -> Result<()> {
        if let Some(compat) = &self.compat {
            election.compat = Some(text(compat.clone()));
        }
        for majority in &self.majorities {
            let Some((option, ratio)) = majority.rsplit_once('=') else {
                bail!("--majority {majority:?}: write it as OPTION=N:M, e.g. --majority \"Amend the SC=3:1\"");
            };
            election.majorities.push(MajorityFile {
                option: option.trim().to_owned(),
                ratio: text(ratio.trim().to_owned()),
            });
        }
        if self.quorum.is_some() {
            election.quorum = self.quorum;
        }
        if self.default_option.is_some() {
            election.default_option = self.default_option.clone();
        }
        Ok(())
    }
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs the tally and returns what to print.
pub fn run(options: &TallyOptions) -> Result<String> {
    let election = match options.election {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| crate::say("cli-cannot-read", &[("path", &path.display().to_string())]))?;
            Some(ElectionFile::parse(&text).map_err(|error| anyhow::anyhow!("{}:{error}", path.display()))?)
        }
        None => None,
    };
    let bytes = std::fs::read(options.ballots)
        .with_context(|| crate::say("cli-cannot-read", &[("path", &options.ballots.display().to_string())]))?;
    let text = polity_count::formats::text_of(&bytes)
        .map_err(|error| anyhow::anyhow!("{}: {error}", options.ballots.display()))?;
    let name = options
        .ballots
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = options.format.unwrap_or_else(|| Format::detect(&name, text));
    let unranked = options
        .unranked
        .or(election.as_ref().and_then(|file| file.unranked.map(Unranked::from)));
    let parsed = parse(
        format,
        text,
        ParseOptions {
            skip_bad_ballots: options.skip_bad_ballots,
            unranked,
            threads: threads(),
        },
    )
    .map_err(|error| anyhow::anyhow!("{}: {} ballots: {error}", options.ballots.display(), format.as_str()))?;
    let mut parsed = parsed;
    if options.seats.is_some() || election.as_ref().is_some_and(|file| file.seats.is_some()) {
        // The file's own seat count is not used: what it says about it does not matter.
        parsed.warnings.retain(|warning| !warning.starts_with("the file says"));
    }
    let file_method = match &election {
        Some(file) => file
            .method()
            .map_err(|error| anyhow::anyhow!("{}:{error}", options.election.unwrap().display()))?,
        None => None,
    };
    let method = options
        .method
        .or(file_method)
        .unwrap_or(Method::Schulze(Strength::WinningVotes));
    // --seats, else the election file's, else the ballot file's own (BLT states one), else one.
    let seats = options
        .seats
        .or(election.as_ref().and_then(|file| file.seats))
        .or(parsed.seats)
        .unwrap_or(1);
    let names = parsed.ballots.candidates().to_vec();
    let varies_cap = election.is_some();
    let mut election = election.unwrap_or_else(|| ElectionFile::parse("{}").expect("an empty election file parses"));
    options.compat.apply(&mut election)?;
    if let Some(compat) = election.compat.as_ref().map(|compat| compat.value.as_str())
        && compat != "strict"
        && method != Method::Schulze(Strength::WinningVotes)
    {
        bail!(
            "--compat {compat} counts with Schulze (winning votes), as {compat} does; the method is {}: \
             leave out --method or give --method schulze",
            method.as_str()
        );
    }
    if options.compare {
        if options.method.is_some() || options.unranked.is_some() {
            bail!("--compare counts under every method and unranked meaning: leave out --method and --unranked");
        }
        return crate::compare::compare(
            &crate::compare::Inputs {
                text,
                format,
                election: &election,
                varies_cap,
                seats,
                skip_bad_ballots: options.skip_bad_ballots,
                threads: threads(),
            },
            options.json,
        );
    }
    let rules = match election.rules(&names, method, seats, threads()) {
        Ok(rules) => rules,
        Err(errors) => {
            let path = options
                .election
                .map(|path| path.display().to_string())
                .unwrap_or_default();
            let list: Vec<String> = errors
                .iter()
                .map(|error| match error.line {
                    Some(_) => format!("{path}:{error}"),
                    None => format!("{path}: {error}"),
                })
                .collect();
            bail!(
                "the election file has {} problem(s):\n  {}",
                errors.len(),
                list.join("\n  ")
            );
        }
    };
    let result = count(&parsed.ballots, &rules);
    Ok(if options.json {
        json(&parsed, &election, &result)
    } else {
        human(&parsed, &election, &result, crate::lang())
    })
}

/// The result for people, in `lang`: the count's own lines are read back by their grammar
/// (`polity_i18n::count`); a line of another shape stays English.
fn human(parsed: &Parsed, election: &ElectionFile, result: &ElectionResult, lang: polity_i18n::Lang) -> String {
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    let names = parsed.ballots.candidates();
    let show = |index: usize| election.display_name(&names[index]).to_owned();
    let mut out = String::new();
    let title = election
        .title
        .clone()
        .or_else(|| parsed.title.clone())
        .unwrap_or_else(|| say("cli-tally-election", &[]));
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-tally-head",
            &[
                ("title", &title),
                ("ballots", &result.voters.to_string()),
                ("candidates", &names.len().to_string()),
                ("method", result.method.as_str()),
                ("unranked", parsed.ballots.unranked().as_str()),
            ]
        )
    );
    for warning in &parsed.warnings {
        let _ = writeln!(out, "{}", say("cli-tally-warning", &[("warning", warning)]));
    }
    if !parsed.skipped.is_empty() {
        let skipped = parsed.skipped.len().to_string();
        let _ = writeln!(out, "{}", say("cli-tally-skipped", &[("skipped", &skipped)]));
        for bad in &parsed.skipped {
            let _ = writeln!(out, "  line {}: {}", bad.line, bad.reason);
        }
    }
    let skipped_reason = |candidate: usize| {
        result
            .seats
            .skipped
            .iter()
            .find(|skip| skip.candidate == candidate)
            .map(|skip| {
                format!(
                    "  ({})",
                    say(
                        "cli-tally-skip",
                        &[
                            ("organisation", &skip.organisation),
                            ("count", &skip.held.to_string()),
                            ("cap", &skip.cap.to_string()),
                        ]
                    )
                )
            })
    };
    let _ = writeln!(out, "\n{}", say("cli-tally-ranking", &[]));
    let mut place = 1;
    for tier in &result.ranking {
        let tied = if tier.len() > 1 { "=" } else { "" };
        for &candidate in tier {
            let score = result
                .scores
                .as_ref()
                .map(|scores| format!("  [{}]", scores[candidate]))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {place:>3}{tied:<1} {}{score}{}",
                show(candidate),
                skipped_reason(candidate).unwrap_or_default()
            );
        }
        place += tier.len();
    }
    let seats = (result.seats.winners.len() + result.seats.unfilled).to_string();
    let _ = writeln!(out, "\n{}", say("cli-tally-winners", &[("seats", &seats)]));
    if !result.valid {
        let _ = writeln!(out, "  {}", say("cli-tally-not-valid", &[]));
    }
    for (position, (&winner, class)) in result.seats.winners.iter().zip(&result.winner_classes).enumerate() {
        let class = class.as_ref().map(|class| format!(" [{class}]")).unwrap_or_default();
        let _ = writeln!(out, "  {:>3}. {}{class}", position + 1, show(winner));
    }
    if result.seats.unfilled > 0 && result.valid {
        let unfilled = result.seats.unfilled.to_string();
        let _ = writeln!(out, "  {}", say("cli-tally-unfilled", &[("unfilled", &unfilled)]));
    }
    if let Some(stv) = &result.stv {
        stv_table(&mut out, stv, &show, lang);
    }
    if let Some(devotee) = &result.devotee {
        let _ = writeln!(out, "\nDefault option: {}", show(devotee.default_option));
        for (option, reason) in &devotee.dropped {
            let _ = writeln!(out, "  dropped {}: {reason}", show(*option));
        }
    }
    if let Some(pairwise) = &result.pairwise {
        let n = names.len();
        if n <= 30 {
            let labels: Vec<String> = (0..n).map(show).collect();
            matrix(&mut out, &say("cli-tally-pairwise", &[]), &labels, &pairwise.rows());
            if let Some(schulze) = &result.schulze {
                let title = say("cli-tally-strongest", &[("strength", schulze.strength.as_str())]);
                matrix(&mut out, &title, &labels, &schulze.strongest);
            }
        } else {
            let _ = writeln!(
                out,
                "\n{}",
                say("cli-tally-too-many", &[("candidates", &n.to_string())])
            );
        }
    }
    let _ = writeln!(out, "\n{}", say("cli-tally-explanation", &[]));
    for line in &result.explanation {
        let said = polity_i18n::count::explanation(lang, line).unwrap_or_else(|| line.clone());
        let _ = writeln!(out, "  - {said}");
    }
    out
}

/// The round-by-round table of an STV count: what each round did, then each candidate's votes
/// after each round (`*` elected in that round or before, `-` excluded).
fn stv_table(out: &mut String, stv: &polity_count::StvCount, show: &dyn Fn(usize) -> String, lang: polity_i18n::Lang) {
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    use polity_count::stv::{StvState, decimal};
    let digits = stv.digits.to_string();
    let _ = writeln!(
        out,
        "\n{}",
        say("cli-tally-rounds", &[("rule", stv.rule.as_str()), ("digits", &digits)])
    );
    for round in &stv.rounds {
        let action = polity_i18n::count::round_action(lang, &round.action).unwrap_or_else(|| round.action.clone());
        let said = say(
            "cli-tally-round",
            &[
                ("quota", &decimal(round.quota, stv.digits)),
                ("exhausted", &decimal(round.exhausted, stv.digits)),
                ("action", &action),
            ],
        );
        let _ = writeln!(out, "  {:>3}. {said}", round.number);
    }
    let n = stv.rounds.first().map_or(0, |round| round.votes.len());
    let labels: Vec<String> = (0..n).map(show).collect();
    let label = labels.iter().map(|name| name.chars().count()).max().unwrap_or(0);
    let cell = |round: &polity_count::stv::StvRound, candidate: usize| match round.states[candidate] {
        StvState::Excluded if round.votes[candidate] == 0 => "-".to_owned(),
        StvState::Elected => format!("{}*", decimal(round.votes[candidate], stv.digits)),
        _ => decimal(round.votes[candidate], stv.digits),
    };
    let width = stv
        .rounds
        .iter()
        .flat_map(|round| (0..n).map(move |candidate| cell(round, candidate).len()))
        .max()
        .unwrap_or(1)
        .max(4);
    let _ = writeln!(out, "\n{}", say("cli-tally-votes-after", &[]));
    let mut header = format!("  {:<label$}", "");
    for round in &stv.rounds {
        let _ = write!(header, " {:>width$}", round.number);
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (candidate, name) in labels.iter().enumerate() {
        let mut line = format!("  {name:<label$}");
        for round in &stv.rounds {
            let _ = write!(line, " {:>width$}", cell(round, candidate));
        }
        let _ = writeln!(out, "{line}");
    }
}

/// Prints a square matrix with numbered columns and labelled rows.
fn matrix(out: &mut String, title: &str, labels: &[String], rows: &[Vec<u64>]) {
    let n = labels.len();
    let _ = writeln!(out, "\n{title}:");
    let width = rows
        .iter()
        .flatten()
        .max()
        .map_or(1, |max| max.to_string().len())
        .max(2);
    let label = labels.iter().map(|name| name.chars().count()).max().unwrap_or(0);
    let mut header = format!("  {:>3} {:<label$}", "", "");
    for column in 0..n {
        let _ = write!(header, " {:>width$}", column + 1);
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (row, values) in rows.iter().enumerate() {
        let mut line = format!("  {:>3} {:<label$}", row + 1, labels[row]);
        for (column, value) in values.iter().enumerate() {
            if row == column {
                let _ = write!(line, " {:>width$}", "-");
            } else {
                let _ = write!(line, " {value:>width$}");
            }
        }
        let _ = writeln!(out, "{line}");
    }
}

/// The `--json` output; its schema is documented in docs/tally-json.md and kept stable.
#[derive(Serialize)]
struct TallyJson<'a> {
    format: &'static str,
    method: &'static str,
    unranked: &'static str,
    title: Option<&'a str>,
    candidates: &'a [String],
    display_names: std::collections::BTreeMap<&'a str, &'a str>,
    ballots: u64,
    bad_ballots_skipped: Vec<BadBallotJson<'a>>,
    /// What is valid but odd about the ballot file.
    warnings: &'a [String],
    valid: bool,
    ranking: Vec<Vec<&'a str>>,
    winners: Vec<&'a str>,
    winner_classes: Vec<Option<&'a str>>,
    skipped: Vec<SkippedJson<'a>>,
    tie: Option<TieJson<'a>>,
    unfilled: usize,
    pairwise: Option<Vec<Vec<u64>>>,
    strongest_paths: Option<&'a [Vec<u64>]>,
    scores: Option<&'a [u64]>,
    /// devotee's dropping rules (with `--compat devotee`).
    devotee: Option<DevoteeJson<'a>>,
    /// The rounds of an STV count.
    stv: Option<StvJson<'a>>,
    explanation: &'a [String],
}

#[derive(Serialize)]
struct DevoteeJson<'a> {
    default_option: &'a str,
    kept: Vec<&'a str>,
    dropped: Vec<DroppedJson<'a>>,
}

#[derive(Serialize)]
struct DroppedJson<'a> {
    option: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct StvJson<'a> {
    rule: &'static str,
    decimals: u32,
    valid_ballots: u64,
    rounds: Vec<StvRoundJson<'a>>,
}

/// Values are decimal strings at the rule's precision, so that no digit is lost to a float.
#[derive(Serialize)]
struct StvRoundJson<'a> {
    round: usize,
    action: &'a str,
    quota: String,
    exhausted: String,
    votes: std::collections::BTreeMap<&'a str, String>,
    states: std::collections::BTreeMap<&'a str, &'static str>,
    /// What each candidate gained (+) or gave up (-) in this round; absent in round 0.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    transfers: std::collections::BTreeMap<&'a str, String>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    keep_factors: std::collections::BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct BadBallotJson<'a> {
    line: usize,
    reason: &'a str,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    candidate: &'a str,
    organisation: &'a str,
    held: usize,
    cap: usize,
}

#[derive(Serialize)]
struct TieJson<'a> {
    candidates: Vec<&'a str>,
    seats_left: usize,
    broken: bool,
    resolution: &'a str,
}

fn json(parsed: &Parsed, election: &ElectionFile, result: &ElectionResult) -> String {
    let names = parsed.ballots.candidates();
    let name = |index: &usize| names[*index].as_str();
    let report = TallyJson {
        format: parsed.format.as_str(),
        method: result.method.as_str(),
        unranked: parsed.ballots.unranked().as_str(),
        title: election.title.as_deref().or(parsed.title.as_deref()),
        candidates: names,
        display_names: election
            .candidates
            .iter()
            .filter_map(|candidate| {
                candidate
                    .display
                    .as_deref()
                    .map(|display| (candidate.name.value.as_str(), display))
            })
            .collect(),
        ballots: result.voters,
        bad_ballots_skipped: parsed
            .skipped
            .iter()
            .map(|bad| BadBallotJson {
                line: bad.line,
                reason: &bad.reason,
            })
            .collect(),
        warnings: &parsed.warnings,
        valid: result.valid,
        ranking: result
            .ranking
            .iter()
            .map(|tier| tier.iter().map(name).collect())
            .collect(),
        winners: result.seats.winners.iter().map(name).collect(),
        winner_classes: result.winner_classes.iter().map(Option::as_deref).collect(),
        skipped: result
            .seats
            .skipped
            .iter()
            .map(|skip| SkippedJson {
                candidate: name(&skip.candidate),
                organisation: &skip.organisation,
                held: skip.held,
                cap: skip.cap,
            })
            .collect(),
        tie: result.seats.tie.as_ref().map(|tie| TieJson {
            candidates: tie.candidates.iter().map(name).collect(),
            seats_left: tie.seats_left,
            broken: tie.broken,
            resolution: &tie.resolution,
        }),
        unfilled: result.seats.unfilled,
        pairwise: result.pairwise.as_ref().map(|pairwise| pairwise.rows()),
        strongest_paths: result.schulze.as_ref().map(|schulze| schulze.strongest.as_slice()),
        scores: result.scores.as_deref(),
        devotee: result.devotee.as_ref().map(|devotee| DevoteeJson {
            default_option: name(&devotee.default_option),
            kept: devotee.kept.iter().map(name).collect(),
            dropped: devotee
                .dropped
                .iter()
                .map(|(option, reason)| DroppedJson {
                    option: name(option),
                    reason,
                })
                .collect(),
        }),
        stv: result.stv.as_ref().map(|stv| {
            let value = |raw: u128| polity_count::stv::decimal(raw, stv.digits);
            StvJson {
                rule: stv.rule.as_str(),
                decimals: stv.digits,
                valid_ballots: stv.valid_ballots,
                rounds: stv
                    .rounds
                    .iter()
                    .enumerate()
                    .map(|(index, round)| StvRoundJson {
                        round: round.number,
                        action: &round.action,
                        quota: value(round.quota),
                        exhausted: value(round.exhausted),
                        votes: names
                            .iter()
                            .zip(&round.votes)
                            .map(|(n, v)| (n.as_str(), value(*v)))
                            .collect(),
                        states: names
                            .iter()
                            .zip(&round.states)
                            .map(|(n, s)| (n.as_str(), s.as_str()))
                            .collect(),
                        transfers: match index.checked_sub(1).map(|before| &stv.rounds[before]) {
                            Some(before) => names
                                .iter()
                                .zip(before.votes.iter().zip(&round.votes))
                                .filter(|(_, (was, now))| was != now)
                                .map(|(n, (&was, &now))| {
                                    let change = if now > was {
                                        format!("+{}", value(now - was))
                                    } else {
                                        format!("-{}", value(was - now))
                                    };
                                    (n.as_str(), change)
                                })
                                .collect(),
                            None => std::collections::BTreeMap::new(),
                        },
                        keep_factors: names
                            .iter()
                            .zip(&round.keep)
                            .map(|(n, k)| (n.as_str(), value(*k)))
                            .collect(),
                    })
                    .collect(),
            }
        }),
        explanation: &result.explanation,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serialises");
    text.push('\n');
    text
}
