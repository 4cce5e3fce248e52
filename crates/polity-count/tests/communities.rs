//! Counting as each community counts: Elekto's order, Debian devotee's dropping rules, Meek and
//! Scottish STV, checked on the communities' own published ballots and results.
//!
//! The STV figures quoted here come from the `droop` package (jklundell/droop v0.14), run as
//! `python3 Droop.py scotland nix7.blt` and `python3 Droop.py meek nix7.blt`, where nix7.blt is
//! the NixOS 2024 ballot file with its first line set to `23 7` (the election filled 7 seats; the
//! file's own header says 23).

use std::path::PathBuf;

use polity_count::formats::{Format, ParseOptions, parse};
use polity_count::seats::{SeatRules, TieBreak};
use polity_count::stv::{StvRule, decimal};
use polity_count::{Ballots, Compat, Devotee, ElectionResult, ElectionRules, Method, Ratio, Strength, count};

fn fixture(path: &str) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/elections")
        .join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()))
}

fn ballots(path: &str) -> Ballots {
    let text = fixture(path);
    parse(Format::detect(path, &text), &text, ParseOptions::default())
        .unwrap()
        .ballots
}

fn rules(method: Method, seats: usize, compat: Compat, candidates: usize) -> ElectionRules {
    ElectionRules {
        method,
        seats: SeatRules {
            seats,
            organisations: vec![None; candidates],
            cap: None,
            sitting: Vec::new(),
            excluded: Vec::new(),
            tie_break: TieBreak::Report,
        },
        classes: Vec::new(),
        turnout: None,
        compat,
        threads: 1,
    }
}

fn winners(ballots: &Ballots, result: &ElectionResult) -> Vec<String> {
    let mut names: Vec<String> = result
        .seats
        .winners
        .iter()
        .map(|&winner| ballots.candidates()[winner].clone())
        .collect();
    names.sort();
    names
}

/// One seat counted as devotee counts, with `devotee`'s majorities and quorum.
fn devotee_count(ballots: &Ballots, devotee: Devotee) -> ElectionResult {
    let n = ballots.candidates().len();
    count(
        ballots,
        &rules(Method::Schulze(Strength::WinningVotes), 1, Compat::Devotee(devotee), n),
    )
}

fn csv(text: &str) -> Ballots {
    parse(Format::Elekto, text, ParseOptions::default()).unwrap().ballots
}

/// The example: strict Schulze ranks {C,D} then {A,B}; Elekto ranks {C,D}, then B,
/// then A (B has one defeat on strongest paths, A two).
#[test]
fn elekto_order_resolves_what_strict_schulze_leaves_tied() {
    let ballots = csv("A,B,C,D\n4,2,3,1\n3,4,1,2\n");
    let schulze = Method::Schulze(Strength::WinningVotes);
    let strict = count(&ballots, &rules(schulze, 3, Compat::Strict, 4));
    assert_eq!(strict.ranking, vec![vec![2, 3], vec![0, 1]]);
    assert_eq!(strict.seats.winners, vec![2, 3]);
    assert!(strict.seats.tie.is_some(), "A and B tie for the third seat");
    let elekto = count(&ballots, &rules(schulze, 3, Compat::Elekto, 4));
    assert_eq!(elekto.ranking, vec![vec![2, 3], vec![1], vec![0]]);
    assert_eq!(elekto.seats.winners, vec![2, 3, 1]);
    let says = |result: &ElectionResult, text: &str| result.explanation.iter().any(|line| line.contains(text));
    assert!(
        says(&strict, "leaves A and B tied for the last 1 seat(s)"),
        "{:#?}",
        strict.explanation
    );
    assert!(says(
        &strict,
        "Elekto's order would seats C (0 defeat(s)), D (0 defeat(s)), B (1 defeat(s))"
    ));
    assert!(says(
        &elekto,
        "strict Schulze would seats C (0 defeat(s)), D (0 defeat(s)) and leaves A and B tied"
    ));
    // With two seats both orders agree, and nothing is said.
    let agree = count(&ballots, &rules(schulze, 2, Compat::Elekto, 4));
    assert!(!says(&agree, "the orders differ"));
}

/// Elekto's order on the real Kubernetes ballots seats the published committees, like strict.
#[test]
fn elekto_order_seats_the_published_kubernetes_committees() {
    for (path, seats, expected) in [
        (
            "k8s-steering-2018/ballots.csv",
            3,
            &["Aaron Crickenberger", "Davanum Srinivas", "Timothy St. Clair"][..],
        ),
        (
            "k8s-steering-2021/ballots.csv",
            4,
            &["cblecker", "justaugustus", "parispittman", "tpepper"][..],
        ),
    ] {
        let ballots = ballots(path);
        let n = ballots.candidates().len();
        let result = count(
            &ballots,
            &rules(Method::Schulze(Strength::WinningVotes), seats, Compat::Elekto, n),
        );
        assert_eq!(winners(&ballots, &result), expected, "{path}");
    }
}

/// Debian 2004 "Sarge" GR: options 3, 4, 5 lack their 3:1 over Further discussion and option 6
/// its 1:1; option 2 wins (devotee's official results, copied in the fixture).
#[test]
fn devotee_reproduces_the_2004_sarge_resolution() {
    let ballots = ballots("debian-2004-gr_sarge/tally.txt");
    assert_eq!(
        ballots.candidates()[6],
        "Choice 7: Further discussion",
        "header drawing removed"
    );
    let result = devotee_count(&ballots, Devotee::default());
    let expected: serde_json::Value = serde_json::from_str(&fixture("debian-2004-gr_sarge/expected.json")).unwrap();
    let pairwise: Vec<Vec<u64>> = serde_json::from_value(expected["pairwise"].clone()).unwrap();
    assert_eq!(result.pairwise.as_ref().unwrap().rows(), pairwise);
    assert_eq!(
        winners(&ballots, &result),
        vec![expected["winners"][0].as_str().unwrap()]
    );
    let devotee = result.devotee.as_ref().unwrap();
    let dropped: Vec<&str> = devotee
        .dropped
        .iter()
        .map(|(option, _)| ballots.candidates()[*option].as_str())
        .collect();
    let official: Vec<&str> = expected["dropped_by_majority_or_quorum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    assert_eq!(dropped, official);
    // devotee's own words: "Dropping Option 3 because of Majority. 2.903 (270/93) <= 3".
    assert!(
        devotee.dropped[0]
            .1
            .contains("needs 3:1 over Choice 7: Further discussion and has 270 to 93"),
        "{}",
        devotee.dropped[0].1
    );
    assert!(devotee.dropped[3].1.contains("has 155 to 188"));
    // Strict Schulze without the rules also elects option 2, but ranks the dropped ones.
    let strict = count(
        &ballots,
        &rules(Method::Schulze(Strength::WinningVotes), 1, Compat::Strict, 7),
    );
    assert!(strict.devotee.is_none());
}

/// Debian 2006 firmware GR: the 3:1 option beats Further Discussion 199 to 111, not by 3:1, and
/// is dropped; option 1 wins.
#[test]
fn devotee_reproduces_the_2006_firmware_resolution() {
    let ballots = ballots("debian-2006-vote_007/tally.txt");
    let result = devotee_count(&ballots, Devotee::default());
    let expected: serde_json::Value = serde_json::from_str(&fixture("debian-2006-vote_007/expected.json")).unwrap();
    assert_eq!(
        winners(&ballots, &result),
        vec![expected["winners"][0].as_str().unwrap()]
    );
    let devotee = result.devotee.as_ref().unwrap();
    assert_eq!(devotee.dropped.len(), 1);
    assert_eq!(
        ballots.candidates()[devotee.dropped[0].0],
        expected["dropped_by_majority_or_quorum"][0].as_str().unwrap()
    );
    // A quorum of 272 (more than option 1's 271 over the default) drops option 1 too: the
    // default option wins when nothing survives.
    let quorum = Devotee {
        quorum: Some(272),
        ..Devotee::default()
    };
    let result = devotee_count(&ballots, quorum);
    assert_eq!(winners(&ballots, &result), vec!["Further Discussion"]);
    // A majority given by name overrides the name's: at 1:1 the firmware option survives.
    let simple = Devotee {
        majorities: vec![(ballots.candidates()[1].clone(), Ratio::SIMPLE)],
        ..Devotee::default()
    };
    let result = devotee_count(&ballots, simple);
    assert!(result.devotee.unwrap().dropped.is_empty());
}

/// Debian's 2002 leader election (PrefLib 00002-00000001): "None Of The Above" is found by its
/// name as the default option, every candidate defeats it, and Bdale Garbee, the elected leader
/// and the Condorcet winner, wins.
#[test]
fn devotee_elects_the_2002_leader() {
    let ballots = ballots("preflib-debian/00002-00000001.soi");
    let result = devotee_count(&ballots, Devotee::default());
    let devotee = result.devotee.as_ref().unwrap();
    assert_eq!(ballots.candidates()[devotee.default_option], "None Of The Above");
    assert_eq!(devotee.default_by, "by its name");
    assert!(devotee.dropped.is_empty());
    assert_eq!(winners(&ballots, &result), ["Bdale Garbee"]);
}

fn nixos_seven() -> Ballots {
    // The file's header says 23 seats; the committee had 7 (README), given to the count.
    ballots("nixos-sc-2024/opavote_ballots.blt")
}

fn stv(ballots: &Ballots, rule: StvRule, seats: usize) -> ElectionResult {
    let n = ballots.candidates().len();
    count(ballots, &rules(Method::Stv(rule), seats, Compat::Strict, n))
}

/// Scottish STV of the NixOS 2024 ballots, figure for figure with droop's `scotland` rule.
#[test]
fn scottish_stv_matches_droop_on_the_nixos_2024_ballots() {
    let ballots = nixos_seven();
    let result = stv(&ballots, StvRule::Scottish, 7);
    let table = result.stv.as_ref().unwrap();
    assert_eq!(table.valid_ballots, 449, "the empty `1 0` ballot is not a vote");
    assert_eq!(decimal(table.rounds[0].quota, 5), "57.00000");
    assert_eq!(
        winners(&ballots, &result),
        [
            "Ericson2314",
            "Gabriella439",
            "cafkafk",
            "jtojnar",
            "roberth",
            "tomberek",
            "winterqt"
        ]
    );
    let votes = |round: usize, name: &str| {
        let index = ballots
            .candidates()
            .iter()
            .position(|candidate| candidate == name)
            .unwrap();
        decimal(table.rounds[round].votes[index], 5)
    };
    // droop: after Ericson2314's surplus fpletz has 21.29997, after Gabriella439's 21.51871.
    assert_eq!(votes(2, "fpletz"), "21.29997");
    assert_eq!(votes(3, "fpletz"), "21.51871");
    // droop's last round: cafkafk 57.79132, jtojnar 57.36739.
    let last = table.rounds.len() - 1;
    assert_eq!(votes(last, "cafkafk"), "57.79132");
    assert_eq!(votes(last, "jtojnar"), "57.36739");
    // Every round's columns add up to the valid ballots.
    for round in &table.rounds {
        assert_eq!(
            round.votes.iter().sum::<u128>() + round.exhausted,
            449 * 100_000,
            "round {}",
            round.number
        );
    }
}

/// Meek STV of the NixOS 2024 ballots elects what droop's `meek` elects, which is not the
/// committee CIVS's proportional mode chose: Meek seats cafkafk where CIVS seated fpletz.
#[test]
fn meek_matches_droop_and_differs_from_the_official_civs_committee() {
    let ballots = nixos_seven();
    let result = stv(&ballots, StvRule::Meek, 7);
    let meek = winners(&ballots, &result);
    assert_eq!(
        meek,
        [
            "Ericson2314",
            "Gabriella439",
            "cafkafk",
            "jtojnar",
            "roberth",
            "tomberek",
            "winterqt"
        ]
    );
    let civs = [
        "Ericson2314",
        "Gabriella439",
        "fpletz",
        "jtojnar",
        "roberth",
        "tomberek",
        "winterqt",
    ];
    assert_ne!(meek, civs);
    let table = result.stv.unwrap();
    // Droop's first quota is 449/8 = 56.125; Algorithm 123 adds 10^-9.
    assert_eq!(decimal(table.rounds[0].quota, 9), "56.125000001");
    // Each round's votes and what went to nobody add up to the 449 valid ballots, to the last
    // of nine decimals (votes kept are rounded up, so the sum may exceed by rounding only).
    for round in &table.rounds {
        let total = round.votes.iter().sum::<u128>() + round.exhausted;
        assert_eq!(total, 449 * 1_000_000_000, "round {}", round.number);
    }
}

/// Wikipedia's STV example ("food at a party"): 20 voters, 3 seats, quota 6. Chocolate's
/// surplus of 6 moves at 0.5; Pears is excluded and Oranges reaches the quota; Strawberries takes
/// the last seat.
#[test]
fn stv_textbook_example() {
    let mut text = String::from("Oranges,Pears,Chocolate,Strawberries,Sweets\n");
    let lines = [
        (4, "1,No opinion,No opinion,No opinion,No opinion"),
        (2, "2,1,No opinion,No opinion,No opinion"),
        (8, "No opinion,No opinion,1,2,No opinion"),
        (4, "No opinion,No opinion,1,No opinion,2"),
        (1, "No opinion,No opinion,No opinion,1,No opinion"),
        (1, "No opinion,No opinion,No opinion,No opinion,1"),
    ];
    for (count, line) in lines {
        for _ in 0..count {
            text.push_str(line);
            text.push('\n');
        }
    }
    let ballots = csv(&text);
    for rule in [StvRule::Scottish, StvRule::Meek] {
        let result = stv(&ballots, rule, 3);
        assert_eq!(
            winners(&ballots, &result),
            ["Chocolate", "Oranges", "Strawberries"],
            "{}",
            rule.as_str()
        );
    }
    let scottish = stv(&ballots, StvRule::Scottish, 3).stv.unwrap();
    assert_eq!(decimal(scottish.rounds[0].quota, 5), "6.00000");
    // After Chocolate's surplus: Strawberries 1 + 8 × 0.5 = 5, Sweets 1 + 4 × 0.5 = 3.
    assert_eq!(decimal(scottish.rounds[2].votes[3], 5), "5.00000");
    assert_eq!(decimal(scottish.rounds[2].votes[4], 5), "3.00000");
}

/// A tie that only a lot could break stops the count and says so, unless the election gives a
/// seed; a published seed always draws the same way.
#[test]
fn stv_tie_by_lot_needs_a_rule() {
    let ballots = csv("A,B,C\n1,2,3\n2,1,3\n");
    let result = stv(&ballots, StvRule::Scottish, 1);
    assert!(result.seats.winners.is_empty());
    let tie = result.seats.tie.as_ref().unwrap();
    assert!(!tie.broken);
    assert!(tie.resolution.contains("only a lot could choose"), "{}", tie.resolution);
    let mut seeded = rules(Method::Stv(StvRule::Scottish), 1, Compat::Strict, 3);
    seeded.seats.tie_break = TieBreak::Seed("2026-11-29".to_owned());
    let first = count(&ballots, &seeded);
    assert_eq!(first.seats.winners.len(), 1);
    assert_eq!(count(&ballots, &seeded), first);
}

/// S6 under STV: a candidate whose organisation is full is excluded, and their ballots move on.
#[test]
fn s6_stv_excludes_a_candidate_whose_organisation_is_full() {
    let ballots = csv("A,B,C\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n3,1,2\n3,1,2\n3,2,1\n");
    let mut capped = rules(Method::Stv(StvRule::Scottish), 2, Compat::Strict, 3);
    let uncapped = count(&ballots, &capped);
    assert_eq!(winners(&ballots, &uncapped), ["A", "B"]);
    capped.seats.organisations = vec![Some("acme".into()), Some("acme".into()), None];
    capped.seats.cap = Some(1);
    let result = count(&ballots, &capped);
    assert_eq!(winners(&ballots, &result), ["A", "C"]);
    assert_eq!(result.seats.skipped.len(), 1);
    assert!(
        result
            .explanation
            .iter()
            .any(|line| line == "skipped B: acme already holds 1 of at most 1 seat(s)")
    );
}

/// Candidates tied at the bottom with fewer votes between them than the next are excluded
/// together (no lot is needed: one by one they would all go first); a tie that could matter
/// still needs the tie-break.
#[test]
fn stv_excludes_hopeless_ties_together_without_a_lot() {
    // One seat: A 3, B 2, C 1 (then B), D and E none. Nobody reaches the quota; D and E are
    // excluded together (0 < C's 1), then C, then B (tied with A at 3 now, lower a round before).
    let row = |ranks: &str| format!("{ranks}\n");
    let mut text = String::from("A,B,C,D,E\n");
    for _ in 0..3 {
        text.push_str(&row("1,No opinion,No opinion,No opinion,No opinion"));
    }
    for _ in 0..2 {
        text.push_str(&row("No opinion,1,No opinion,No opinion,No opinion"));
    }
    text.push_str(&row("No opinion,2,1,No opinion,No opinion"));
    let ballots = csv(&text);
    for rule in [StvRule::Scottish, StvRule::Meek] {
        let result = stv(&ballots, rule, 1);
        let table = result.stv.as_ref().unwrap();
        assert!(result.seats.tie.is_none(), "{}: {:#?}", rule.as_str(), table.rounds);
        assert!(
            table
                .rounds
                .iter()
                .any(|round| round.action.starts_with("excluded: D (0.")
                    && round.action.contains(", E (0.")
                    && round
                        .action
                        .contains("tied lowest; together with the surplus they hold")),
            "{}: {:#?}",
            rule.as_str(),
            table.rounds
        );
        assert_eq!(winners(&ballots, &result), ["A"], "{}", rule.as_str());
    }
}

/// Copeland: 2 points a head-to-head win, 1 a tie. A beats B and C; B and C tie.
#[test]
fn copeland_counts_head_to_head_wins() {
    let ballots = csv("A,B,C\n1,2,3\n1,3,2\n");
    let result = count(&ballots, &rules(Method::Copeland, 1, Compat::Strict, 3));
    assert_eq!(result.scores, Some(vec![4, 1, 1]));
    assert_eq!(result.ranking, vec![vec![0], vec![1, 2]]);
    assert_eq!(result.seats.winners, vec![0]);
}
