//! PrefLib `.soi`, `.soc`, `.toi`, `.toc`: `# ALTERNATIVE NAME i: name` header lines, then
//! `count: a,b,{c,d},e` lines (braces group tied alternatives).

use super::{BadBallot, Format, ParseError, Parsed};
use crate::ballot::{Ballots, Unranked};

pub(super) fn parse(text: &str, unranked: Unranked) -> Result<Parsed, ParseError> {
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut title = None;
    let mut rows = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(header) = text.strip_prefix('#') {
            let header = header.trim();
            if let Some(rest) = header.strip_prefix("ALTERNATIVE NAME") {
                let (number, name) = rest.split_once(':').ok_or_else(|| ParseError::Header {
                    line,
                    reason: "write `# ALTERNATIVE NAME i: name`".to_owned(),
                })?;
                let number: usize = number.trim().parse().map_err(|_| ParseError::Header {
                    line,
                    reason: format!("{:?} is not an alternative number", number.trim()),
                })?;
                names.push((number, name.trim().to_owned()));
            } else if let Some(rest) = header.strip_prefix("TITLE:") {
                title = Some(rest.trim().to_owned());
            }
            continue;
        }
        rows.push((line, text));
    }
    names.sort();
    if names.is_empty()
        || names
            .iter()
            .enumerate()
            .any(|(index, (number, _))| *number != index + 1)
    {
        return Err(ParseError::Header {
            line: 1,
            reason: "the alternatives must be numbered 1..n in `# ALTERNATIVE NAME i:` lines".to_owned(),
        });
    }
    let candidates = names.len();
    let mut ballots = Ballots::new(names.into_iter().map(|(_, name)| name).collect(), unranked).map_err(|error| {
        ParseError::Header {
            line: 1,
            reason: error.to_string(),
        }
    })?;
    let mut skipped = Vec::new();
    for (line, text) in rows {
        match parse_order(text, candidates) {
            Ok((count, ranks)) => ballots.push_encoded(&ranks, count),
            Err(reason) => skipped.push(BadBallot { line, reason }),
        }
    }
    Ok(Parsed {
        format: Format::Preflib,
        ballots,
        skipped,
        title,
        seats: None,
        warnings: Vec::new(),
    })
}

fn parse_order(text: &str, candidates: usize) -> Result<(u32, Vec<u8>), String> {
    let (count, order) = text
        .split_once(':')
        .ok_or_else(|| "write `count: a,b,{c,d}`".to_owned())?;
    let count: u32 = count
        .trim()
        .parse()
        .map_err(|_| format!("{:?} is not a count", count.trim()))?;
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut open: Option<Vec<usize>> = None;
    for item in order.split(',') {
        let mut item = item.trim();
        if item.is_empty() {
            continue;
        }
        let opens = item.starts_with('{');
        if opens {
            if open.is_some() {
                return Err("a brace opens inside another".to_owned());
            }
            item = &item[1..];
            open = Some(Vec::new());
        }
        let closes = item.ends_with('}');
        if closes {
            item = &item[..item.len() - 1];
        }
        let number: usize = item
            .trim()
            .parse()
            .map_err(|_| format!("{item:?} is not an alternative number"))?;
        if number == 0 || number > candidates {
            return Err(format!("unknown alternative {number} (the file has {candidates})"));
        }
        match open.as_mut() {
            Some(group) => group.push(number - 1),
            None => groups.push(vec![number - 1]),
        }
        if closes {
            groups.push(
                open.take()
                    .ok_or_else(|| "a brace closes that was not opened".to_owned())?,
            );
        }
    }
    if open.is_some() {
        return Err("a brace is not closed".to_owned());
    }
    Ok((count, super::ranks_from_order(&groups, candidates)?))
}
