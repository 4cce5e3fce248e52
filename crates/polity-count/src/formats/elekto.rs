//! Kubernetes / Elekto / CIVS ballot CSV: a header row of candidate names, then one row per
//! ballot giving each candidate's rank (1 is best; equal numbers are ties) or `No opinion`.

use super::{BadBallot, Format, ParseError, Parsed, csv_fields};
use crate::ballot::{Ballots, Unranked};

const NO_OPINION: &[u8] = b"No opinion";

pub(super) fn parse(text: &str, unranked: Unranked, threads: usize) -> Result<Parsed, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (header, body) = match text.find('\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    let candidates: Vec<String> = csv_fields(header.trim_end_matches('\r'))
        .map_err(|reason| ParseError::Header { line: 1, reason })?
        .into_iter()
        .map(|name| name.trim().to_owned())
        .collect();
    if candidates.iter().any(String::is_empty) {
        return Err(ParseError::Header {
            line: 1,
            reason: "the header has an empty candidate name".to_owned(),
        });
    }
    let empty = Ballots::new(candidates, unranked).map_err(|error| ParseError::Header {
        line: 1,
        reason: error.to_string(),
    })?;
    // Split the body into chunks at line ends, parse each on its own thread, join in order.
    let bytes = body.as_bytes();
    let threads = if bytes.len() < 1 << 20 { 1 } else { threads.clamp(1, 64) };
    let mut bounds = vec![0];
    for part in 1..threads {
        let guess = bytes.len() * part / threads;
        let cut = bytes[guess..]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(bytes.len(), |offset| guess + offset + 1);
        bounds.push(cut.max(*bounds.last().unwrap_or(&0)));
    }
    bounds.push(bytes.len());
    let chunks: Vec<&[u8]> = bounds.windows(2).map(|pair| &bytes[pair[0]..pair[1]]).collect();
    let mut first_lines = Vec::with_capacity(chunks.len());
    let mut line = 2;
    for chunk in &chunks {
        first_lines.push(line);
        line += chunk.iter().filter(|&&byte| byte == b'\n').count();
    }
    let results: Vec<(Ballots, Vec<BadBallot>)> = if chunks.len() == 1 {
        vec![parse_chunk(chunks[0], 2, empty.clone())]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .zip(&first_lines)
                .map(|(chunk, &first)| {
                    let empty = empty.clone();
                    scope.spawn(move || parse_chunk(chunk, first, empty))
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().expect("parsing does not panic"))
                .collect()
        })
    };
    let mut ballots = empty;
    let mut skipped = Vec::new();
    for (part, bad) in results {
        ballots.append(part);
        skipped.extend(bad);
    }
    if ballots.is_empty() && skipped.is_empty() {
        return Err(ParseError::Header {
            line: 1,
            reason: "no ballot follows the header: an Elekto CSV has a header row of candidate names, \
                     then one row per ballot"
                .to_owned(),
        });
    }
    Ok(Parsed {
        format: Format::Elekto,
        ballots,
        skipped,
        title: None,
        seats: None,
    })
}

fn parse_chunk(chunk: &[u8], first_line: usize, mut ballots: Ballots) -> (Ballots, Vec<BadBallot>) {
    let n = ballots.candidates().len();
    ballots = ballots.with_capacity(chunk.len() / (2 * n).max(1));
    let mut bad = Vec::new();
    let mut ranks = vec![0u8; n];
    for (offset, raw) in chunk.split(|&byte| byte == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_row(line, &mut ranks) {
            Ok(()) => ballots.push_encoded(&ranks, 1),
            Err(reason) => bad.push(BadBallot {
                line: first_line + offset,
                reason,
            }),
        }
    }
    (ballots, bad)
}

/// Reads one row into `ranks` (0 for no opinion). The fast path: plain comma-separated numbers.
fn parse_row(line: &[u8], ranks: &mut [u8]) -> Result<(), String> {
    let n = ranks.len();
    if line.contains(&b'"') {
        let text = std::str::from_utf8(line).map_err(|_| "the line is not UTF-8".to_owned())?;
        let fields = csv_fields(text)?;
        if fields.len() != n {
            return Err(format!("{} columns; the header has {n} candidates", fields.len()));
        }
        for (slot, field) in ranks.iter_mut().zip(&fields) {
            *slot = rank_of(field.as_bytes(), n)?;
        }
        return Ok(());
    }
    let mut column = 0;
    for field in line.split(|&byte| byte == b',') {
        if column == n {
            let columns = line.split(|&byte| byte == b',').count();
            return Err(format!("{columns} columns; the header has {n} candidates"));
        }
        ranks[column] = rank_of(field, n)?;
        column += 1;
    }
    if column != n {
        return Err(format!("{column} columns; the header has {n} candidates"));
    }
    Ok(())
}

fn rank_of(field: &[u8], candidates: usize) -> Result<u8, String> {
    let field = field.trim_ascii();
    if field.is_empty() {
        return Err("an empty field: write a rank or \"No opinion\"".to_owned());
    }
    let mut value: u32 = 0;
    for &byte in field {
        if !byte.is_ascii_digit() || value > 10_000 {
            if field.eq_ignore_ascii_case(NO_OPINION) {
                return Ok(0);
            }
            if field.iter().all(u8::is_ascii_digit) {
                return Err(format!(
                    "rank {} is too large: ranks go from 1 to {candidates}",
                    String::from_utf8_lossy(field)
                ));
            }
            return Err(format!("{:?} is not a number", String::from_utf8_lossy(field)));
        }
        value = value * 10 + u32::from(byte - b'0');
    }
    if value == 0 || value as usize > candidates {
        return Err(format!("rank {value} is out of range 1..={candidates}"));
    }
    Ok(value as u8)
}
