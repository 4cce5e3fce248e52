//! The Debian devotee tally sheet: `V: 21-3  <voter hash>` lines, one character per option in
//! option order (a rank digit, or `-` for unranked), after a header naming the options as
//! `Option N---->: name`.

use super::{BadBallot, Format, ParseError, Parsed};
use crate::ballot::{Ballots, Unranked};

/// An option's name without the header's drawing: devotee ends the last option's line with the
/// tops of the columns (`Further discussion   ||||||/`).
fn undecorated(name: &str) -> String {
    let name = name.trim();
    let drawing = name.trim_end_matches(['|', '/']);
    if drawing.len() < name.len() && drawing.ends_with(char::is_whitespace) {
        drawing.trim_end().to_owned()
    } else {
        name.to_owned()
    }
}

pub(super) fn parse(text: &str, unranked: Unranked) -> Result<Parsed, ParseError> {
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut votes = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if let Some(rest) = raw.trim_start().strip_prefix("V:") {
            votes.push((line, rest.split_whitespace().next().unwrap_or_default()));
        } else if let Some(position) = raw.find("Option ") {
            let rest = &raw[position + "Option ".len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(number), Some((_, name))) = (digits.parse::<usize>(), rest.split_once(':')) {
                names.push((number, undecorated(name)));
            }
        }
    }
    if votes.is_empty() {
        return Err(ParseError::Header {
            line: 1,
            reason: "no `V:` lines: this is not a devotee tally sheet".to_owned(),
        });
    }
    names.sort();
    // How many options: as the header names them, or (a sheet without names) as most votes
    // have them. A vote of another length is a bad ballot on its own line, never the header's.
    let options = if names.is_empty() {
        let mut lengths: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for (_, vote) in &votes {
            *lengths.entry(vote.chars().count()).or_default() += 1;
        }
        lengths
            .into_iter()
            .max_by_key(|&(length, count)| (count, length))
            .map_or(0, |(length, _)| length)
    } else {
        names.len()
    };
    let candidates: Vec<String> = if names.is_empty() {
        (1..=options).map(|number| format!("Option {number}")).collect()
    } else if names
        .iter()
        .enumerate()
        .all(|(index, (number, _))| *number == index + 1)
    {
        names.into_iter().map(|(_, name)| name).collect()
    } else {
        return Err(ParseError::Header {
            line: 1,
            reason: "the header's options must be numbered 1..n in `Option N` lines".to_owned(),
        });
    };
    let mut ballots = Ballots::new(candidates, unranked).map_err(|error| ParseError::Header {
        line: 1,
        reason: error.to_string(),
    })?;
    let mut skipped = Vec::new();
    let mut ranks = vec![0u8; options];
    for (line, vote) in votes {
        let result = (|| {
            if vote.chars().count() != options {
                return Err(format!("{} options; the sheet has {options}", vote.chars().count()));
            }
            for (slot, character) in ranks.iter_mut().zip(vote.chars()) {
                *slot = match character {
                    '-' => 0,
                    '1'..='9' => character as u8 - b'0',
                    other if options > 9 => {
                        return Err(format!(
                            "{other:?} is not a rank this reader knows (1-9 or '-'): the sheet has {options} \
                             options, and how devotee writes a rank above 9 is not known here; count it from \
                             a file in another format"
                        ));
                    }
                    other => return Err(format!("{other:?} is not a rank (1-9) or '-'")),
                };
            }
            Ok(())
        })();
        match result {
            Ok(()) => ballots.push_encoded(&ranks, 1),
            Err(reason) => skipped.push(BadBallot { line, reason }),
        }
    }
    Ok(Parsed {
        format: Format::Debian,
        ballots,
        skipped,
        title: None,
        seats: None,
        warnings: Vec::new(),
    })
}
