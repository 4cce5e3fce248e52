//! `polity tally --compare`: the same ballots counted under every method polity has and every
//! meaning of an unranked candidate (and, with an election file, every per-organisation cap),
//! and where the winners differ.

use std::collections::BTreeMap;
use std::fmt::Write;

use anyhow::{Result, anyhow};
use polity_count::formats::{Format, ParseOptions, parse};
use polity_count::{Compat, Method, Unranked, count};
use polity_registry::election::ElectionFile;
use serde::Serialize;

/// One way of counting and who it seats.
#[derive(Debug, Serialize)]
struct Row {
    method: &'static str,
    unranked: &'static str,
    /// The per-organisation cap: `as filed` (the election file's, or none), `none`, `1`, `2`.
    cap: String,
    winners: Vec<String>,
    /// The lines of the count's explanation that decided who sits: cap skips, exclusions,
    /// ties, dropped options, the Condorcet winner, the turnout.
    why: Vec<String>,
}

/// What a method rewards, in one line.
fn principle(method: &str) -> &'static str {
    match method {
        "schulze" => "Schulze: who beats every other head to head, directly or through a chain of stronger majorities",
        "schulze-margins" => "Schulze by margins: the same, with a majority's strength measured as its margin",
        "ranked-pairs" => {
            "ranked pairs: the strongest majorities are locked in first; one that contradicts them is skipped"
        }
        "meek" | "scottish-stv" => {
            "STV: seats shared in proportion to the voters, surpluses and excluded candidates' votes passed on"
        }
        "copeland" => "Copeland: who wins the most head-to-head contests",
        "plurality" => "plurality: most first preferences; later preferences are ignored",
        "approval" => "approval: ranked at all by the most ballots; the order of the ranks is ignored",
        "schulze (elekto's order)" => "Elekto's order: fewest defeats on strongest paths first",
        _ => "",
    }
}

/// Whether a line of a count's explanation says what decided the seats.
fn decisive(line: &str) -> bool {
    [
        "skipped ",
        "passed over ",
        "tie for",
        "tie (",
        "the orders differ",
        "dropped ",
        "the count stopped",
        "equal majorities",
        "turnout:",
    ]
    .iter()
    .any(|start| line.starts_with(start))
        || line.ends_with("(Condorcet winner)")
}

/// What `--compare` needs of the tally's inputs.
pub struct Inputs<'a> {
    pub text: &'a str,
    pub format: Format,
    pub election: &'a ElectionFile,
    /// Whether an election file was given (then the cap is varied too).
    pub varies_cap: bool,
    pub seats: usize,
    pub skip_bad_ballots: bool,
    pub threads: usize,
}

/// Counts under every method and unranked meaning (and cap) and reports the differences.
pub fn compare(inputs: &Inputs, json: bool) -> Result<String> {
    let caps: Vec<(String, Option<Option<usize>>)> = if inputs.varies_cap {
        vec![
            ("as filed".to_owned(), None),
            ("none".to_owned(), Some(None)),
            ("1".to_owned(), Some(Some(1))),
            ("2".to_owned(), Some(Some(2))),
        ]
    } else {
        vec![("none".to_owned(), None)]
    };
    let mut rows = Vec::new();
    for unranked in [Unranked::NoPreference, Unranked::Below] {
        let parsed = parse(
            inputs.format,
            inputs.text,
            ParseOptions {
                skip_bad_ballots: inputs.skip_bad_ballots,
                unranked: Some(unranked),
                threads: inputs.threads,
            },
        )
        .map_err(|error| anyhow!("{} ballots: {error}", inputs.format.as_str()))?;
        let names = parsed.ballots.candidates().to_vec();
        // Every method, and Schulze in Elekto's order beside strict Schulze.
        let ways = Method::ALL
            .into_iter()
            .map(|method| (method.as_str(), method, Compat::Strict))
            .chain([(
                "schulze (elekto's order)",
                Method::Schulze(polity_count::Strength::WinningVotes),
                Compat::Elekto,
            )]);
        for (name, method, compat) in ways {
            for (label, cap) in &caps {
                let mut rules = inputs
                    .election
                    .rules(&names, method, inputs.seats, inputs.threads)
                    .map_err(|errors| {
                        anyhow!(
                            "the election file has {} problem(s); count it without --compare to see them",
                            errors.len()
                        )
                    })?;
                if let Some(cap) = cap {
                    rules.seats.cap = *cap;
                }
                rules.compat = compat.clone();
                let result = count(&parsed.ballots, &rules);
                rows.push(Row {
                    method: name,
                    unranked: unranked.as_str(),
                    cap: label.clone(),
                    winners: result
                        .seats
                        .winners
                        .iter()
                        .map(|&index| inputs.election.display_name(&names[index]).to_owned())
                        .collect(),
                    why: result
                        .explanation
                        .iter()
                        .filter(|line| decisive(line))
                        .cloned()
                        .collect(),
                });
            }
        }
    }
    Ok(if json {
        as_json(&rows)
    } else {
        as_text(&rows, inputs.varies_cap)
    })
}

/// The distinct outcomes, each with the ways of counting that give it, in the order first met.
fn outcomes(rows: &[Row]) -> Vec<(&[String], Vec<&Row>)> {
    let mut groups: Vec<(&[String], Vec<&Row>)> = Vec::new();
    for row in rows {
        match groups
            .iter_mut()
            .find(|(winners, _)| *winners == row.winners.as_slice())
        {
            Some((_, members)) => members.push(row),
            None => groups.push((&row.winners, vec![row])),
        }
    }
    groups
}

fn label(row: &Row, varies_cap: bool) -> String {
    if varies_cap {
        format!("{}, unranked {}, cap {}", row.method, row.unranked, row.cap)
    } else {
        format!("{}, unranked {}", row.method, row.unranked)
    }
}

fn as_text(rows: &[Row], varies_cap: bool) -> String {
    let mut out = String::new();
    let groups = outcomes(rows);
    let winners = |winners: &[String]| {
        if winners.is_empty() {
            "nobody (a tie left open, or no valid count)".to_owned()
        } else {
            winners.join(", ")
        }
    };
    if groups.len() == 1 {
        let _ = writeln!(
            out,
            "Every way of counting ({} of them) seats the same: {}",
            rows.len(),
            winners(groups[0].0)
        );
        return out;
    }
    let _ = writeln!(
        out,
        "The winners depend on how the ballots are counted ({} outcomes):",
        groups.len()
    );
    // A reason every outcome shares explains no difference: only the others are shown.
    let everywhere = |line: &String| {
        groups
            .iter()
            .all(|(_, members)| members.iter().any(|row| row.why.contains(line)))
    };
    for (seated, members) in &groups {
        let _ = writeln!(out, "\n{}", winners(seated));
        for row in members {
            let _ = writeln!(out, "  {}", label(row, varies_cap));
        }
        let mut why: Vec<String> = Vec::new();
        for row in members {
            let line = principle(row.method).to_owned();
            if !line.is_empty() && !why.contains(&line) {
                why.push(line);
            }
        }
        for row in members {
            for line in &row.why {
                if !everywhere(line) && !why.contains(line) {
                    why.push(line.clone());
                }
            }
        }
        let _ = writeln!(out, "  why:");
        for line in why.iter().take(12) {
            let _ = writeln!(out, "    - {line}");
        }
        if why.len() > 12 {
            let _ = writeln!(
                out,
                "    - … {} more (count one way without --compare to see all)",
                why.len() - 12
            );
        }
    }
    out
}

fn as_json(rows: &[Row]) -> String {
    #[derive(Serialize)]
    struct Comparison<'a> {
        /// "method/unranked" (and "/cap N" when the cap varies) → winners.
        comparison: BTreeMap<String, &'a [String]>,
        rows: &'a [Row],
        agree: bool,
    }
    let comparison = rows
        .iter()
        .map(|row| {
            let key = if row.cap == "none" && rows.iter().all(|other| other.cap == "none") {
                format!("{}/{}", row.method, row.unranked)
            } else {
                format!("{}/{}/cap {}", row.method, row.unranked, row.cap)
            };
            (key, row.winners.as_slice())
        })
        .collect();
    let report = Comparison {
        comparison,
        rows,
        agree: outcomes(rows).len() == 1,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serialises");
    text.push('\n');
    text
}
