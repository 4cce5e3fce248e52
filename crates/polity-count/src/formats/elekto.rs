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
    // Each chunk counts its own lines; a bad ballot's line number is made absolute after.
    let results: Vec<Chunk> = if chunks.len() == 1 {
        vec![parse_chunk(chunks[0], empty.clone())]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|chunk| {
                    let empty = empty.clone();
                    scope.spawn(move || parse_chunk(chunk, empty))
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
    let mut first_line = 2;
    for chunk in results {
        ballots.append(chunk.ballots);
        skipped.extend(chunk.bad.into_iter().map(|bad| BadBallot {
            line: first_line + bad.line,
            reason: bad.reason,
        }));
        first_line += chunk.lines;
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
        warnings: Vec::new(),
    })
}

/// One chunk's ballots, its bad ballots (lines counted from the chunk's first, 0-based) and how
/// many lines it holds.
struct Chunk {
    ballots: Ballots,
    bad: Vec<BadBallot>,
    lines: usize,
}

fn parse_chunk(chunk: &[u8], mut ballots: Ballots) -> Chunk {
    let n = ballots.candidates().len();
    ballots = ballots.with_capacity(chunk.len() / (2 * n).max(1));
    let mut bad = Vec::new();
    let mut ranks = vec![0u8; n];
    let mut pieces = 0;
    for (offset, raw) in chunk.split(|&byte| byte == b'\n').enumerate() {
        pieces = offset + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        // The fast path reads plain rows; anything else (quotes, blanks, errors) goes the slow
        // way, which says exactly what is wrong.
        if fast_row(line, &mut ranks) {
            ballots.push_encoded(&ranks, 1);
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_row(line, &mut ranks) {
            Ok(()) => ballots.push_encoded(&ranks, 1),
            Err(reason) => bad.push(BadBallot { line: offset, reason }),
        }
    }
    // k pieces are separated by k - 1 line ends: the lines this chunk moves the next one on.
    Chunk {
        ballots,
        bad,
        lines: pieces.saturating_sub(1),
    }
}

/// A row of plain comma-separated ranks (1..=n) and `No opinion`s, read in one pass; false for
/// anything else, which the slow path then reads (and explains).
fn fast_row(line: &[u8], ranks: &mut [u8]) -> bool {
    let n = ranks.len();
    let mut column = 0;
    let mut at = 0;
    while at <= line.len() {
        if column == n {
            return false;
        }
        let mut value: u32 = 0;
        let start = at;
        while at < line.len() && line[at].is_ascii_digit() {
            value = value * 10 + u32::from(line[at] - b'0');
            at += 1;
            if at - start > 3 {
                return false;
            }
        }
        if at == start {
            if line[at..].starts_with(NO_OPINION) {
                ranks[column] = 0;
                at += NO_OPINION.len();
            } else {
                return false;
            }
        } else if value == 0 || value as usize > n {
            return false;
        } else {
            ranks[column] = value as u8;
        }
        column += 1;
        if at == line.len() {
            break;
        }
        if line[at] != b',' {
            return false;
        }
        at += 1;
        if at == line.len() {
            // A trailing comma: an empty last field.
            return false;
        }
    }
    column == n
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A field as people and tools write them: ranks in and out of range, "No opinion" in any
    /// case, blanks, spaces, quotes, junk.
    fn field() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => (0u32..12).prop_map(|rank| rank.to_string()),
            2 => Just("No opinion".to_owned()),
            1 => Just("no opinion".to_owned()),
            1 => Just(String::new()),
            1 => Just(" 3".to_owned()),
            1 => Just("\"2\"".to_owned()),
            1 => Just("99999".to_owned()),
            1 => "[a-zA-Z ]{0,4}",
        ]
    }

    proptest! {
        /// The fast path never accepts a row the slow path would read differently or refuse.
        #[test]
        fn the_fast_path_agrees_with_the_slow_one(fields in prop::collection::vec(field(), 1..8), n in 1usize..8) {
            let line = fields.join(",");
            let mut fast = vec![0u8; n];
            let mut slow = vec![0u8; n];
            if fast_row(line.as_bytes(), &mut fast) {
                prop_assert_eq!(parse_row(line.as_bytes(), &mut slow), Ok(()));
                prop_assert_eq!(fast, slow);
            }
        }
    }

    /// Bad ballots in a file split over threads keep their own line numbers.
    #[test]
    fn bad_ballots_keep_their_line_numbers_across_chunks() {
        let mut text = String::from("A,B,C\n");
        let mut expected = Vec::new();
        for line in 2..=200_000 {
            if line % 50_000 == 0 {
                text.push_str("1,2\n");
                expected.push(line);
            } else {
                text.push_str("1,2,3\n");
            }
        }
        assert!(text.len() > 1 << 20, "large enough to be split");
        for threads in [1, 2, 3] {
            let parsed = crate::formats::parse(
                Format::Elekto,
                &text,
                crate::formats::ParseOptions {
                    skip_bad_ballots: true,
                    unranked: None,
                    threads,
                },
            )
            .unwrap();
            let lines: Vec<usize> = parsed.skipped.iter().map(|bad| bad.line).collect();
            assert_eq!(lines, expected, "{threads} thread(s)");
            assert_eq!(parsed.ballots.len(), 199_999 - expected.len());
        }
    }
}
