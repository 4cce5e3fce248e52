//! Ballot files that are not what they seem: each ends in a clear error that names its line
//! (issue 13). Before, a million-name header took minutes, CR-only line ends counted nothing over
//! junk candidates, a one-line file elected its text, and non-UTF-8 said only that it was not UTF-8.

use polity_count::formats::{Format, ParseError, ParseOptions, parse, text_of};

fn refused(format: Format, text: &str) -> (usize, String) {
    match parse(format, text, ParseOptions::default()) {
        Err(ParseError::Header { line, reason }) => (line, reason),
        other => panic!("{format:?} accepted {text:?}: {other:?}"),
    }
}

#[test]
fn r_value_a_header_of_a_hundred_thousand_names_is_refused_by_its_count() {
    let header: Vec<String> = (0..100_000).map(|index| format!("c{index}")).collect();
    let text = format!("{}\n1,2\n", header.join(","));
    let (line, reason) = refused(Format::Elekto, &text);
    assert_eq!(line, 1);
    assert!(
        reason.contains("100000 candidates: a ranked election takes at most 253"),
        "{reason}"
    );
}

#[test]
fn r_value_a_name_twice_is_refused_in_every_format() {
    let (_, reason) = refused(Format::Elekto, "alice,bob,alice\n1,2,3\n");
    assert!(reason.contains("\"alice\" appears twice"), "{reason}");
    let preflib = "# ALTERNATIVE NAME 1: alice\n# ALTERNATIVE NAME 2: alice\n1: 1,2\n";
    let (_, reason) = refused(Format::Preflib, preflib);
    assert!(reason.contains("\"alice\" appears twice"), "{reason}");
}

#[test]
fn r_value_lines_ended_by_a_carriage_return_alone_are_refused() {
    let (line, reason) = refused(Format::Elekto, "alice,bob\r1,2\r2,1\r");
    assert_eq!(line, 1);
    assert!(reason.contains("carriage return alone"), "{reason}");
    // CRLF is fine.
    assert!(parse(Format::Elekto, "alice,bob\r\n1,2\r\n", ParseOptions::default()).is_ok());
}

#[test]
fn r_value_a_header_without_ballots_is_refused_not_counted() {
    for text in ["alice,bob\n", "alice,bob", "just one line of text"] {
        let (line, reason) = refused(Format::Elekto, text);
        assert_eq!(line, 1, "{text:?}");
        assert!(reason.contains("no ballot follows the header"), "{text:?}: {reason}");
    }
}

#[test]
fn r_value_text_that_is_not_utf8_names_its_line_and_byte() {
    let bytes = b"alice,bob\n1,\xff2\n";
    match text_of(bytes) {
        Err(ParseError::Header { line, reason }) => {
            assert_eq!(line, 2);
            assert!(
                reason.contains("byte 3 of this line (offset 12 in the file)"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(text_of(b"alice,bob\n1,2\n").unwrap(), "alice,bob\n1,2\n");
}

#[test]
fn r_value_a_huge_rank_is_too_large_not_a_non_number() {
    for rank in ["100000000000000000000", "4294967297"] {
        let text = format!("alice,bob\n{rank},1\n");
        match parse(Format::Elekto, &text, ParseOptions::default()) {
            Err(ParseError::BadBallots(bad)) => {
                assert_eq!(bad[0].line, 2);
                assert!(bad[0].reason.contains("too large"), "{rank}: {}", bad[0].reason);
            }
            other => panic!("{rank}: {other:?}"),
        }
    }
}

#[test]
fn r_value_a_short_first_vote_of_a_debian_sheet_is_its_own_bad_line() {
    let sheet =
        "Option 1----->: Alice\nOption 2----->: Bob\nOption 3----->: Carol\nV: 21   aaaa\nV: 123  bbbb\nV: 312  cccc\n";
    match parse(Format::Debian, sheet, ParseOptions::default()) {
        Err(ParseError::BadBallots(bad)) => {
            assert_eq!(bad.len(), 1, "{bad:?}");
            assert_eq!(bad[0].line, 4);
            assert!(
                bad[0].reason.contains("2 options; the sheet has 3"),
                "{}",
                bad[0].reason
            );
        }
        other => panic!("{other:?}"),
    }
    // Without names, the length most votes have is the sheet's.
    let unnamed = "V: 21   aaaa\nV: 123  bbbb\nV: 312  cccc\n";
    match parse(Format::Debian, unnamed, ParseOptions::default()) {
        Err(ParseError::BadBallots(bad)) => assert_eq!(bad[0].line, 1),
        other => panic!("{other:?}"),
    }
}

/// Valid but odd files are counted with a warning: ballots that rank nobody, and a BLT file whose
/// seat count would elect every candidate (the NixOS 2024 export says 23 seats for 23).
#[test]
fn r_value_odd_but_valid_files_count_with_a_warning() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/elections/nixos-sc-2024/opavote_ballots.blt"),
    )
    .unwrap();
    let parsed = parse(Format::Blt, &text, ParseOptions::default()).unwrap();
    assert_eq!(
        parsed.warnings,
        [
            "1 ballot(s) rank nobody: they count as cast (toward a turnout rule) and for no candidate",
            "the file says 23 seat(s) for 23 candidate(s): every candidate would be elected; give the real number with --seats or `seats:` in the election file",
        ]
    );
    let plain = parse(Format::Elekto, "A,B\n1,2\n2,1\n", ParseOptions::default()).unwrap();
    assert!(plain.warnings.is_empty());
}

/// A Debian sheet of more than nine options: a rank above 9 is refused on its own line, saying
/// why (how devotee writes it is not known to this reader).
#[test]
fn r_value_a_debian_rank_above_nine_is_refused_with_its_line() {
    let mut sheet = String::new();
    for option in 1..=10 {
        sheet.push_str(&format!("Option {option}----->: Choice {option}\n"));
    }
    sheet.push_str("V: 123456789-  aaaa\nV: 23456789A1  bbbb\n");
    match parse(Format::Debian, &sheet, ParseOptions::default()) {
        Err(ParseError::BadBallots(bad)) => {
            assert_eq!(bad.len(), 1, "{bad:?}");
            assert_eq!(bad[0].line, 12);
            assert!(
                bad[0]
                    .reason
                    .contains("'A' is not a rank this reader knows (1-9 or '-'): the sheet has 10 options"),
                "{}",
                bad[0].reason
            );
        }
        other => panic!("{other:?}"),
    }
}
