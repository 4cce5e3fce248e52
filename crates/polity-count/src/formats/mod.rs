//! Ballot file formats: Elekto/Kubernetes/CIVS CSV, BLT (OpenSTV, OpaVote), PrefLib
//! (`.soi`, `.toc`, `.toi`, `.soc`) and the Debian devotee tally sheet.
//!
//! Parsers take text, never files: the caller reads the file and adds its name to errors. A bad
//! ballot is reported with its line and reason; unless the caller asks to skip bad ballots,
//! nothing is counted when any ballot is bad.

mod blt;
mod debian;
mod elekto;
mod preflib;

use std::fmt;

use crate::ballot::{Ballots, Unranked};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Elekto,
    Blt,
    Preflib,
    Debian,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Elekto, Format::Blt, Format::Preflib, Format::Debian];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Elekto => "elekto",
            Format::Blt => "blt",
            Format::Preflib => "preflib",
            Format::Debian => "debian",
        }
    }

    /// What an unranked candidate means in this format unless the election says otherwise.
    pub fn default_unranked(self) -> Unranked {
        match self {
            // Elekto and CIVS: "No opinion".
            Format::Elekto => Unranked::NoPreference,
            // Ranked lists: what is not listed is below what is (PrefLib's own completion of
            // `.soi` into `.toc` puts the unranked at the bottom; Debian's constitution says so).
            Format::Blt | Format::Preflib | Format::Debian => Unranked::Below,
        }
    }

    /// Guesses the format from the file name and its first lines.
    pub fn detect(file_name: &str, text: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        for (suffix, format) in [
            (".csv", Format::Elekto),
            (".blt", Format::Blt),
            (".soi", Format::Preflib),
            (".soc", Format::Preflib),
            (".toi", Format::Preflib),
            (".toc", Format::Preflib),
        ] {
            if lower.ends_with(suffix) {
                return format;
            }
        }
        let first = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or_default();
        if first.starts_with("# FILE NAME") || first.starts_with("# DATA TYPE") {
            Format::Preflib
        } else if text.lines().any(|line| line.starts_with("V:")) {
            Format::Debian
        } else if first.split_whitespace().count() == 2
            && first.split_whitespace().all(|word| word.parse::<u32>().is_ok())
        {
            Format::Blt
        } else {
            Format::Elekto
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == text)
            .ok_or_else(|| format!("unknown ballot format {text:?}: use elekto, blt, preflib or debian"))
    }
}

/// A ballot that could not be read, by line (1-based) in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadBallot {
    pub line: usize,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The file's header (candidates, counts) cannot be read: nothing can be counted.
    Header { line: usize, reason: String },
    /// Some ballots are bad; none was counted. Every bad ballot is listed.
    BadBallots(Vec<BadBallot>),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Header { line, reason } => write!(f, "line {line}: {reason}"),
            ParseError::BadBallots(bad) => {
                write!(f, "{} bad ballot(s); nothing was counted", bad.len())?;
                for ballot in bad.iter().take(20) {
                    write!(f, "\n  line {}: {}", ballot.line, ballot.reason)?;
                }
                if bad.len() > 20 {
                    write!(f, "\n  … and {} more", bad.len() - 20)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ParseError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Leave bad ballots out (and report them) instead of refusing the file.
    pub skip_bad_ballots: bool,
    /// Overrides the format's meaning of an unranked candidate.
    pub unranked: Option<Unranked>,
    /// Threads for parsing large files (1: none).
    pub threads: usize,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions {
            skip_bad_ballots: false,
            unranked: None,
            threads: 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub format: Format,
    pub ballots: Ballots,
    /// Ballots left out because `skip_bad_ballots` was set.
    pub skipped: Vec<BadBallot>,
    pub title: Option<String>,
    /// The number of seats the file states (BLT), if any.
    pub seats: Option<usize>,
    /// What is valid but odd about the file, in words (e.g. ballots that rank nobody).
    pub warnings: Vec<String>,
}

/// A ballot file's bytes as text: UTF-8, or an error naming the line and the byte where it is not.
pub fn text_of(bytes: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let line = bytes[..at].iter().filter(|&&byte| byte == b'\n').count() + 1;
        let column = at
            - bytes[..at]
                .iter()
                .rposition(|&byte| byte == b'\n')
                .map_or(0, |newline| newline + 1)
            + 1;
        ParseError::Header {
            line,
            reason: format!(
                "byte {column} of this line (offset {at} in the file) is not UTF-8: save the file as UTF-8"
            ),
        }
    })
}

pub fn parse(format: Format, text: &str, options: ParseOptions) -> Result<Parsed, ParseError> {
    // Lines that end with a carriage return alone (classic Mac OS) would read as one long line.
    if text.contains('\r') && !text.contains('\n') && text.trim_end_matches('\r').contains('\r') {
        return Err(ParseError::Header {
            line: 1,
            reason: "the lines end with a carriage return alone (CR): save the file with LF or CRLF line ends"
                .to_owned(),
        });
    }
    let unranked = options.unranked.unwrap_or(format.default_unranked());
    let mut parsed = match format {
        Format::Elekto => elekto::parse(text, unranked, options.threads)?,
        Format::Blt => blt::parse(text, unranked)?,
        Format::Preflib => preflib::parse(text, unranked)?,
        Format::Debian => debian::parse(text, unranked)?,
    };
    if !parsed.skipped.is_empty() && !options.skip_bad_ballots {
        return Err(ParseError::BadBallots(std::mem::take(&mut parsed.skipped)));
    }
    let blank = parsed.ballots.blank();
    if blank > 0 {
        parsed.warnings.push(format!(
            "{blank} ballot(s) rank nobody: they count as cast (toward a turnout rule) and for no candidate"
        ));
    }
    if let Some(seats) = parsed.seats
        && seats >= parsed.ballots.candidates().len()
    {
        parsed.warnings.push(format!(
            "the file says {seats} seat(s) for {} candidate(s): every candidate would be elected; \
             give the real number with --seats or `seats:` in the election file",
            parsed.ballots.candidates().len()
        ));
    }
    Ok(parsed)
}

/// Splits one CSV record into fields (RFC 4180 quoting).
fn csv_fields(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(character) = chars.next() {
        match (quoted, character) {
            (false, '"') if at_start => {
                quoted = true;
                at_start = false;
            }
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
            }
            (_, other) => {
                field.push(other);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("a quoted field is not closed".to_owned());
    }
    fields.push(field);
    Ok(fields)
}

/// Turns a ballot written as an ordered list of groups of candidate indexes (ties share a
/// group) into ranks per candidate, refusing unknown and repeated candidates.
fn ranks_from_order(groups: &[Vec<usize>], candidates: usize) -> Result<Vec<u8>, String> {
    let mut ranks = vec![0u8; candidates];
    for (position, group) in groups.iter().enumerate() {
        let rank = u8::try_from(position + 1)
            .ok()
            .filter(|rank| *rank <= crate::ballot::MAX_RANK)
            .ok_or_else(|| "more ranks than a ballot can hold".to_owned())?;
        for &candidate in group {
            if candidate >= candidates {
                return Err(format!("unknown candidate {}", candidate + 1));
            }
            if ranks[candidate] != 0 {
                return Err(format!("candidate {} is ranked twice", candidate + 1));
            }
            ranks[candidate] = rank;
        }
    }
    Ok(ranks)
}
