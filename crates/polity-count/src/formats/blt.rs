//! BLT (OpenSTV, OpaVote): `candidates seats`, optional withdrawn candidates as negative
//! numbers, ballots `weight c1 c2 … 0` (ties written `c1=c2`), a line `0`, then the candidate
//! names and the title in double quotes.

use super::{BadBallot, Format, ParseError, Parsed, ranks_from_order};
use crate::ballot::{Ballots, Unranked};

pub(super) fn parse(text: &str, unranked: Unranked) -> Result<Parsed, ParseError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty());
    let header_error = |line, reason: &str| ParseError::Header {
        line,
        reason: reason.to_owned(),
    };
    let (header_line, header) = lines.next().ok_or_else(|| header_error(1, "the file is empty"))?;
    let numbers: Vec<usize> = header
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map_err(|_| header_error(header_line, "the first line must be two numbers: candidates and seats"))?;
    let [candidates, seats] = numbers[..] else {
        return Err(header_error(
            header_line,
            "the first line must be two numbers: candidates and seats",
        ));
    };
    let mut withdrawn = Vec::new();
    let mut rows: Vec<(usize, u32, Vec<Vec<usize>>)> = Vec::new();
    let mut skipped = Vec::new();
    let mut ended = false;
    for (line, text) in lines.by_ref() {
        if text == "0" {
            ended = true;
            break;
        }
        let mut words = text.split_whitespace().peekable();
        if rows.is_empty() && skipped.is_empty() && text.starts_with('-') {
            for word in words {
                match word.parse::<i64>() {
                    Ok(number) if number < 0 && (-number) as usize <= candidates => {
                        withdrawn.push((-number) as usize - 1)
                    }
                    _ => {
                        return Err(header_error(
                            line,
                            "withdrawn candidates are written as negative candidate numbers",
                        ));
                    }
                }
            }
            continue;
        }
        // An optional ballot id in parentheses comes first.
        if words.peek().is_some_and(|word| word.starts_with('(')) {
            words.next();
        }
        let result = (|| {
            let weight: u32 = words
                .next()
                .and_then(|word| word.parse().ok())
                .ok_or_else(|| "the ballot's weight is not a whole number".to_owned())?;
            let mut groups = Vec::new();
            let mut terminated = false;
            for word in words {
                if word == "0" {
                    terminated = true;
                    break;
                }
                let group = word
                    .split('=')
                    .map(|candidate| match candidate.parse::<usize>() {
                        Ok(number) if number >= 1 => Ok(number - 1),
                        _ => Err(format!("{candidate:?} is not a candidate number")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                groups.push(group);
            }
            if !terminated {
                return Err("the ballot does not end with 0".to_owned());
            }
            Ok((weight, groups))
        })();
        match result {
            Ok((weight, groups)) => rows.push((line, weight, groups)),
            Err(reason) => skipped.push(BadBallot { line, reason }),
        }
    }
    if !ended {
        return Err(header_error(
            text.lines().count(),
            "the ballots do not end with a line 0",
        ));
    }
    let mut names = Vec::new();
    for (line, text) in lines {
        let name = text
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .ok_or_else(|| header_error(line, "candidate names and the title are written in double quotes"))?;
        names.push(name.to_owned());
    }
    if names.len() < candidates {
        return Err(header_error(
            header_line,
            &format!("{candidates} candidates announced, {} names given", names.len()),
        ));
    }
    let title = names.get(candidates).cloned();
    names.truncate(candidates);
    // Withdrawn candidates leave the election: their places on ballots are dropped.
    let kept: Vec<usize> = (0..candidates)
        .filter(|candidate| !withdrawn.contains(candidate))
        .collect();
    let new_index = |candidate: usize| kept.iter().position(|&kept| kept == candidate);
    let kept_names = kept.iter().map(|&candidate| names[candidate].clone()).collect();
    let mut ballots =
        Ballots::new(kept_names, unranked).map_err(|error| header_error(header_line, &error.to_string()))?;
    for (line, weight, groups) in rows {
        if let Some(unknown) = groups.iter().flatten().find(|&&candidate| candidate >= candidates) {
            skipped.push(BadBallot {
                line,
                reason: format!("unknown candidate {} (the election has {candidates})", unknown + 1),
            });
            continue;
        }
        let groups: Vec<Vec<usize>> = groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .filter_map(|&candidate| new_index(candidate))
                    .collect::<Vec<_>>()
            })
            .filter(|group| !group.is_empty())
            .collect();
        match ranks_from_order(&groups, kept.len()) {
            Ok(ranks) => ballots.push_encoded(&ranks, weight),
            Err(reason) => skipped.push(BadBallot { line, reason }),
        }
    }
    skipped.sort_by_key(|bad| bad.line);
    Ok(Parsed {
        format: Format::Blt,
        ballots,
        skipped,
        title,
        seats: Some(seats),
        warnings: Vec::new(),
    })
}
