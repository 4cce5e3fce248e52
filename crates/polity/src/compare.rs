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
    for (seated, members) in &groups {
        let _ = writeln!(out, "\n{}", winners(seated));
        for row in members {
            let _ = writeln!(out, "  {}", label(row, varies_cap));
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
